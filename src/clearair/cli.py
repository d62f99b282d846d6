"""Command line: ``clearair analyze | explain | eval | thread | case | user | serve``.

Bad input never produces a traceback: every command runs inside one error
boundary (``cli_errors.ErrorBoundary``) that turns an InputError, a store
error, an unreadable file or an impossible number into one line on stderr and
exit code 2. Commands just raise. ``--json`` gives the machine-readable form
(codes included) where a person would otherwise read plain words.
"""

from __future__ import annotations

import json
import sys
from importlib import resources
from typing import Any, NoReturn

import typer

from clearair.cli_errors import ErrorBoundary, fail
from clearair.cli_users import user_app
from clearair.errors import InputError
from clearair.llm.cli import ALLOW_REMOTE, LLM_MODEL, LLM_TIMEOUT, LLM_URL, NO_CACHE, llm_app, settings_or_fail

app = typer.Typer(cls=ErrorBoundary, add_completion=False, no_args_is_help=True,
                  help="clearair: a private, offline advisor for workplace conflict.")

EXAMPLES = ("peer-undermines-report",)


ABOUT_HELP = ("Who this is mainly about, when the reading got it wrong: boss (your manager), skip-level (your "
              "manager's manager), coworker, report (someone you manage), customer, or other (someone outside "
              "your line); or the name your text gives them (Tobias).")


def _about(value: str | None) -> str | None:
    """``--about``: a role (``models.ABOUT_ROLES``) or a name the text gives (``models.ABOUT_NAME``); refused before any
    reading or writing otherwise."""
    from clearair.errors import InputError
    from clearair.models import ABOUT_WORDS, checked_about

    try:
        return checked_about(value)
    except InputError:
        text = value or ""
        shown = text if len(text) <= 30 else f"{text[:30]}…"  # a pasted paragraph is not echoed whole
        raise typer.BadParameter(f"{shown!r} is neither a role ({', '.join(ABOUT_WORDS)}) nor a name (a capital "
                                 "first, at most 20 letters)") from None


ABOUT = typer.Option(None, "--about", help=ABOUT_HELP, callback=_about, metavar="ROLE|NAME")
JSON_OUT = typer.Option(False, "--json", help="Print JSON (with codes) instead of the text for people.")


def _fail(message: str) -> NoReturn:
    fail(message)


def _read(source: str | None, example: str | None = None) -> str:
    from clearair.input_files import read_text

    if example:
        if example not in EXAMPLES:
            _fail(f"unknown example {example!r}; choose one of: {', '.join(EXAMPLES)}")
        return resources.files("clearair").joinpath(f"examples/{example}.txt").read_text(encoding="utf-8")
    if source is None and sys.stdin.isatty():
        _fail("give a FILE, '-' for stdin, or --example NAME")
    return read_text(source)  # a folder, a named pipe or a device is refused before it is opened


def _read_to_analyse(source: str | None, example: str | None = None, what: str = "the text") -> str:
    """A text that is analysed and never stored, refused as a stored one is when it holds a control
    character (the same sentence as ``case new``), before any analysis."""
    from clearair.typed_text import refuse_control_characters

    text = _read(source, example)
    refuse_control_characters(text, what)
    return text


def _analyze(source: str | None, example: str | None = None, model: Any = None, about: str | None = None) -> Any:
    """Read and analyse (through the model when ``model`` settings are given); ``about``: the other side's
    role as the writer gives it."""
    from clearair.pipeline import analyze as run

    text = _read_to_analyse(source, example)
    if model is not None:
        from clearair.llm.cli import analyze_text

        return analyze_text(text, model, about)
    return run(text, about)


def _print_json(data: Any) -> None:
    """A pydantic model, or plain data, as indented JSON on stdout (control characters as escapes)."""
    from clearair.cli_output import json_text

    if hasattr(data, "model_dump_json"):
        typer.echo(json_text(data.model_dump_json(indent=2)))
    else:
        typer.echo(json_text(json.dumps(data, indent=2, ensure_ascii=False, default=str)))


@app.command()
def analyze(
    source: str | None = typer.Argument(None, metavar="[FILE|-]", help="Text file, or - for stdin."),
    json_out: bool = typer.Option(False, "--json", help="Print the full report as JSON."),
    example: str | None = typer.Option(None, "--example", help=f"Analyse a bundled example: {', '.join(EXAMPLES)}."),
    llm: str | None = LLM_URL, model: str | None = LLM_MODEL, allow_remote: bool = ALLOW_REMOTE,
    llm_timeout: float | None = LLM_TIMEOUT, no_cache: bool = NO_CACHE,
    about: str | None = ABOUT,
) -> None:
    """Read a situation (or a pasted thread) and print the reading and the advice."""
    report = _analyze(source, example, settings_or_fail(llm, model, allow_remote, llm_timeout, no_cache), about)
    if json_out:
        _print_json(report)
    else:
        from clearair.render.terminal import show_report

        show_report(report)


@app.command()
def explain(
    action: str = typer.Argument(..., help="A course of action: its title or a few of its words "
                                           "(\"let it go\"), or its code (LET_GO)."),
    source: str | None = typer.Argument(None, metavar="[FILE|-]"),
    json_out: bool = JSON_OUT,
) -> None:
    """Explain, in sentences, why one course of action ranked where it did for this situation."""
    from clearair.render.view import find_action, titles

    found = find_action(action)
    if not found:
        _fail(f"no course of action matches {action!r}; try one of: "
              + "; ".join(f"\"{t}\"" for t in titles().values()))
    if len(found) > 1:
        _fail(f"{action!r} fits more than one course of action: "
              + "; ".join(f"\"{titles()[c]}\"" for c in found) + ". Give more of its words.")
    code = found[0]
    report = _analyze(source)
    if json_out:
        _print_json(_explanation_json(report, code))
        return
    from clearair.render.terminal import show_explanation

    show_explanation(report, code)


def _explanation_json(report: Any, code: str) -> dict[str, Any]:
    """The action's rank, score and reasons (with their evidence), or where it stands if it is not ranked."""
    rank = next((i for i, r in enumerate(report.recommendations) if r.action == code), None)
    avoid = next((a for a in report.avoid if a.action == code), None)
    return {"action": code, "rank": None if rank is None else rank + 1, "of": len(report.recommendations),
            "recommendation": None if rank is None else report.recommendations[rank].model_dump(mode="json"),
            "avoid": avoid.model_dump(mode="json") if avoid is not None else None}


@app.command(name="eval")
def evaluate(
    path: str = typer.Argument(..., metavar="FILE.jsonl"),
    json_out: bool = typer.Option(False, "--json", help="Print the figures as JSON."),
    show_failures: bool = typer.Option(False, "--show-failures",
                                       help="List the cases where the expert's main advice is not first."),
    llm: str | None = LLM_URL, model: str | None = LLM_MODEL, allow_remote: bool = ALLOW_REMOTE,
    llm_timeout: float | None = LLM_TIMEOUT, no_cache: bool = NO_CACHE,
    jobs: int = typer.Option(4, "--jobs", min=1, max=64, help="With --llm: requests to the model at once."),
) -> None:
    """Score the engine against labelled cases (see the eval SCHEMA)."""
    from clearair.evaluate import load_cases, run_eval

    settings = settings_or_fail(llm, model, allow_remote, llm_timeout, no_cache)
    cases, problems = load_cases(path)
    if settings is not None:
        from clearair.llm.cli import evaluate as with_model
        from clearair.llm.cli import show_model_figures

        result, figures = with_model(cases, problems, settings, jobs, progress=not json_out)
        show_model_figures(figures)
    else:
        result = run_eval(cases, problems, progress=not json_out)
    if json_out:
        _print_json(result)
    else:
        from clearair.render.terminal import show_eval

        show_eval(result, show_failures)


@app.command()
def anonymize(
    source: str | None = typer.Argument(None, metavar="[FILE|-]"),
    json_out: bool = typer.Option(False, "--json", help="Print text and replacements as JSON."),
) -> None:
    """Replace names, companies, places and contact details with placeholders before sharing."""
    from clearair.privacy import anonymize as run

    result = run(_read(source))
    if json_out:
        _print_json(result)
        return
    from clearair.render.terminal import show_anonymized

    show_anonymized(result)


@app.command()
def export(
    source: str | None = typer.Argument(None, metavar="[FILE|-]"),
    fmt: str = typer.Option("md", "--format", "-f", help="md, html or pdf."),
    out: str | None = typer.Option(None, "--out", "-o", help="Write here (default: stdout for md/html)."),
    anonymized: bool = typer.Option(False, "--anonymize", help="Replace names, companies and places first."),
    replies: bool = typer.Option(False, "--with-replies", help="Include the replies of a pasted thread."),
    about: str | None = ABOUT,
) -> None:
    """Export the analysis as Markdown, HTML or PDF, to keep, print or attach."""
    _check_export(fmt, out)
    try:
        text = _read(source)
        if anonymized:
            from clearair.privacy import anonymize as scrub

            text = scrub(text).text
        from clearair.pipeline import analyze as run

        report = run(text, about)
    except InputError as err:
        _fail(str(err))
    _write_export(report, text, fmt, out, replies=replies)


def _check_export(fmt: str, out: str | None) -> None:
    """Refuse a bad format or a PDF to stdout before doing any work."""
    from clearair.render.export import FORMATS

    if fmt not in FORMATS:
        _fail(f"unknown format {fmt!r}; one of: {', '.join(FORMATS)}")
    if fmt == "pdf" and not out:
        _fail("a PDF needs --out FILE")
    if out:
        from clearair.input_files import check_output

        check_output(out)


def _write_export(report, text: str, fmt: str, out: str | None, title: str = "your situation",
                  dates: list | None = None, case=None, replies: bool = False) -> None:
    from clearair.render import export as ex

    if fmt == "pdf":
        try:
            data = ex.to_pdf(report, text, title, dates, case=case, replies=replies)
        except (ImportError, OSError) as err:
            _fail(f"PDF export is unavailable here ({type(err).__name__}): install the 'pdf' extra and Pango")
    else:
        data = (ex.to_markdown(report, text, title, case=case, replies=replies) if fmt == "md"
                else ex.to_html(report, text, title, dates, case=case, replies=replies)).encode("utf-8")
    if out:
        from clearair.input_files import open_output

        try:
            with open_output(out) as fh:
                fh.write(data)
        except OSError as err:
            _fail(f"could not write {out}: {err.strerror}; nothing was exported")
        from clearair.render.terminal import neutralised

        typer.echo(f"wrote {neutralised(out)}", err=True)
    else:
        from clearair.cli_output import output_failed

        try:
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
        except OSError as err:
            output_failed(err)


@app.command()
def similar(source: str | None = typer.Argument(None, metavar="[FILE|-]"), json_out: bool = JSON_OUT) -> None:
    """The five library cases closest to this situation, and what their experts advised."""
    report = _analyze(source)
    if json_out:
        _print_json([c.model_dump(mode="json") for c in report.similar_cases[:5]])
        return
    from clearair.render.terminal import show_similar

    show_similar(report, limit=5)


@app.command()
def calibrate(
    paths: list[str] = typer.Argument(..., metavar="LIBRARY.jsonl..."),
    out: str = typer.Option(..., "--out", help="Where to write the fitted weights (YAML)."),
    l2: float = typer.Option(0.03, help="Pull towards the hand-set weights (0.03 won 5-fold CV on the library "
                                        "over 0.1, 0.01 and 0.003)."),
) -> None:
    """Refit the playbook's weights on labelled cases; prints cross-validated figures."""
    import datetime

    import yaml

    from clearair.advise import calibrate as cal
    from clearair.evaluate import load_cases

    cases = []
    for path in paths:
        cases += load_cases(path)[0]
    layout = cal.Layout.from_playbook()
    data = cal.prepare(layout, cases)
    figures = cal.cross_validate(layout, data, l2=l2)
    weights = cal.fit(layout, [d[:4] for d in data], l2=l2)
    meta = {"cases": len(data), "l2": l2, "cross_validated": figures,
            "trained_on": [p.rsplit("/", 1)[-1] for p in paths], "date": datetime.date.today().isoformat()}
    with open(out, "w", encoding="utf-8") as fh:  # an OSError is one line at the error boundary
        fh.write("# Playbook weights fitted by `clearair calibrate`; the rules themselves live in playbook.yaml.\n")
        yaml.safe_dump(cal.to_yaml_data(layout, weights, meta), fh, sort_keys=False, width=120)
    from clearair.render.terminal import neutralised

    typer.echo(f"fitted on {len(data)} cases; 5-fold held-out: {figures}; wrote {neutralised(out)}")


@app.command()
def thread(source: str | None = typer.Argument(None, metavar="[FILE|-]"), json_out: bool = JSON_OUT,
           llm: str | None = LLM_URL, model: str | None = LLM_MODEL, allow_remote: bool = ALLOW_REMOTE,
           llm_timeout: float | None = LLM_TIMEOUT, no_cache: bool = NO_CACHE) -> None:
    """Split a pasted thread into letter, replies and updates, and compare the replies' advice."""
    settings = settings_or_fail(llm, model, allow_remote, llm_timeout, no_cache)
    from clearair.llm.cli import analyze_text
    from clearair.thread import analyze_thread

    text = _read_to_analyse(source, what="the thread")
    result = analyze_thread(text, analyze_fn=(lambda t: analyze_text(t, settings)) if settings else None)
    if json_out:
        _print_json(result)
        return
    from clearair.render.terminal import show_thread

    show_thread(result)


@app.command()
def serve(host: str = typer.Option("127.0.0.1", help="Interface to bind; keep the default unless you know why."),
          port: int = typer.Option(8765, help="TCP port."),
          multi_user: bool = typer.Option(False, "--multi-user",
                                          help="Accounts and per-owner cases (add users with `clearair user add`)."),
          workers: int = typer.Option(1, min=1, max=64,
                                      help="Server processes (analysis is CPU-bound: up to one per core)."),
          llm: str | None = LLM_URL, model: str | None = LLM_MODEL, allow_remote: bool = ALLOW_REMOTE,
          llm_timeout: float | None = LLM_TIMEOUT, no_cache: bool = NO_CACHE) -> None:
    """Run the local web page and REST API; prints the private URL to open once it is listening.

    The access token is kept in the data folder, so the URL (and a bookmark) stays the same after a restart."""
    from clearair.cli_serve import run

    run(host, port, multi_user, workers, settings_or_fail(llm, model, allow_remote, llm_timeout, no_cache))


app.add_typer(user_app, name="user")  # `clearair user list | add | remove | passwd | revoke-sessions`


case_app = typer.Typer(no_args_is_help=True, help="Case files: keep a situation and add what happens next.")
app.add_typer(case_app, name="case")
_case_model = None  # model-mode settings for the case commands (`clearair case --llm URL --model NAME ...`)


@case_app.callback()
def case_options(llm: str | None = LLM_URL, model: str | None = LLM_MODEL, allow_remote: bool = ALLOW_REMOTE,
                 llm_timeout: float | None = LLM_TIMEOUT, no_cache: bool = NO_CACHE) -> None:
    """Case files: keep a situation and add what happens next."""
    global _case_model
    _case_model = settings_or_fail(llm, model, allow_remote, llm_timeout, no_cache)
    if _case_model is not None:
        from clearair.llm.cli import use_terminal_progress

        use_terminal_progress()


def _store() -> Any:
    from clearair.store import CaseStore, StoreError

    try:
        store = CaseStore()
    except StoreError:
        raise
    except Exception as err:  # noqa: BLE001 - any database failure becomes one line
        _fail(f"cannot open the case store: {type(err).__name__}: {str(err).splitlines()[0]}")
    if _case_model is not None:
        from clearair.llm.cli import attach_to_store

        attach_to_store(store, _case_model)
    return store


def _checked(model: Any, labels: dict[str, str] | None = None, **fields: Any) -> Any:
    """The fields as the API's own request model reads them (trimmed, the day included), so the
    command line refuses what the API refuses, with the same sentence, before anything is stored."""
    from clearair.api.checks import checked

    return checked(model, labels, **fields)


def _show_movement(outcome: Any, json_out: bool = False) -> None:
    if json_out:
        _print_json(outcome)
        return
    from clearair.render.terminal import show_movement

    show_movement(outcome)


@case_app.command("new")
def case_new(source: str | None = typer.Argument(None, metavar="[FILE|-]"),
             title: str | None = typer.Option(None, "--title"),
             about: str | None = ABOUT) -> None:
    """Start a case file from a situation."""
    from clearair.api.schemas import CaseIn

    new = _checked(CaseIn, {"title": "Title", "text": "The letter"}, text=_read(source), title=title,
                   about=about)
    store = _store()
    case_id = store.create(new.text, title=new.title, about=new.about)
    report = store.latest_report(case_id)
    from clearair.render.view import titles

    typer.echo(f"case {case_id} created; first advice: {'; '.join(titles()[a] for a in report.top_actions(3))}")


@case_app.command("about")
def case_about(case_id: int, role: str | None = typer.Argument(None, help=ABOUT_HELP + " Leave it out to go back to "
                                                                          "the engine's reading.",
                                                               callback=_about, metavar="[ROLE|NAME]"),
               json_out: bool = JSON_OUT) -> None:
    """Say who the case is mainly about; its latest version is read again."""
    _show_movement(_store().set_about(case_id, role), json_out)


@case_app.command("list")
def case_list(json_out: bool = JSON_OUT) -> None:
    """All your case files."""
    cases = _store().list()
    if json_out:
        _print_json([c.model_dump(mode="json") for c in cases])
        return
    from clearair.render.terminal import show_case_list

    show_case_list(cases)


@case_app.command("show")
def case_show(case_id: int, json_out: bool = JSON_OUT) -> None:
    """The case's latest reading and advice, its history and journal."""
    store = _store()
    case, report = store.open_case(case_id)
    if json_out:
        from clearair.cli_json import case_json

        _print_json(case_json(case, report))
        return
    from clearair.llm.history import engines_by_seq
    from clearair.render.terminal import show_case

    show_case(case, report, engines=engines_by_seq(store, case_id))


@case_app.command("update")
def case_update(case_id: int, source: str | None = typer.Argument(None, metavar="[FILE|-]"),
                text: str | None = typer.Option(None, "--text", help="The update itself, instead of a file."),
                on: str | None = typer.Option(None, "--on", help="When it happened (YYYY-MM-DD)."),
                later: bool = typer.Option(False, "--later",
                                           help="Only save it (for many updates in a row); the advice is "
                                                "re-evaluated the next time the case is opened."),
                json_out: bool = JSON_OUT) -> None:
    """Add what happened next; the advice is re-evaluated."""
    from clearair.api.schemas import UpdateIn

    body = text if text is not None else _read(source)
    update = _checked(UpdateIn, {"text": "The update", "happened_on": "--on"}, text=body, happened_on=on)
    _show_movement(_store().update(case_id, update.text, update.happened_on, evaluate=not later), json_out)


@case_app.command("log")
def case_log(case_id: int, who: str = typer.Option(..., "--who"), what: str = typer.Option(..., "--what"),
             on: str | None = typer.Option(None, "--on", help="YYYY-MM-DD; today if left out."),
             channel: str | None = typer.Option(None, "--channel"),
             witnesses: str | None = typer.Option(None, "--witnesses"), json_out: bool = JSON_OUT) -> None:
    """Log an incident in the case journal (feeds pattern detection)."""
    from clearair.api.schemas import JournalIn

    entry = _checked(JournalIn, JournalIn.LABELS, who=who, what=what, happened_on=on, channel=channel,
                     witnesses=witnesses)
    _show_movement(_store().log(case_id, entry.who, entry.what, entry.happened_on, entry.channel, entry.witnesses),
                   json_out)


@case_app.command("export")
def case_export(case_id: int, fmt: str = typer.Option("md", "--format", "-f"),
                out: str | None = typer.Option(None, "--out", "-o"),
                anonymized: bool = typer.Option(False, "--anonymize",
                                                help="Replace names, companies and places everywhere in it."),
                replies: bool = typer.Option(False, "--with-replies", help="Include the replies of a pasted thread.")
                ) -> None:
    """Export the case (md, html or pdf): the advice, how it moved, and the timeline with your journal."""
    from clearair.store.cases import analysed_text

    _check_export(fmt, out)
    try:
        case, report = _store().open_case(case_id)
        text = analysed_text(case)
        if anonymized:
            from clearair.render.share import anonymised_case

            case, text, report = anonymised_case(case, text)
    except InputError as err:
        _fail(str(err))
    from clearair.render.export import update_dates

    _write_export(report, text, fmt, out, title=case.title, dates=update_dates(case), case=case, replies=replies)


@case_app.command("delete")
def case_delete(case_id: int, yes: bool = typer.Option(False, "--yes", help="Do not ask.")) -> None:
    """Delete a case file and everything in it."""
    if not yes and not typer.confirm(f"Delete case {case_id} for good?"):
        raise typer.Exit(1)
    _store().delete(case_id)
    typer.echo(f"case {case_id} deleted")


app.add_typer(llm_app, name="llm")  # `clearair llm check | prompt`


def main() -> None:
    app()


if __name__ == "__main__":
    main()
