"""Command line: ``clearair analyze | explain | eval | thread``.

Bad input never produces a traceback: an InputError becomes one line on
stderr and exit code 2.
"""

from __future__ import annotations

import sys
from importlib import resources
from typing import Optional

import typer

from clearair.errors import InputError
from clearair.llm.cli import ALLOW_REMOTE, LLM_MODEL, LLM_TIMEOUT, LLM_URL, NO_CACHE, llm_app, settings_or_fail

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="clearair: a private, offline advisor for workplace conflict.")

EXAMPLES = ("peer-undermines-report",)


def _fail(message: str) -> None:
    typer.echo(f"clearair: {message}", err=True)
    raise typer.Exit(code=2)


def _read(source: Optional[str], example: Optional[str] = None) -> str:
    from clearair.intake import read_source

    if example:
        if example not in EXAMPLES:
            _fail(f"unknown example {example!r}; choose one of: {', '.join(EXAMPLES)}")
        return resources.files("clearair").joinpath(f"examples/{example}.txt").read_text(encoding="utf-8")
    if source is None and sys.stdin.isatty():
        _fail("give a FILE, '-' for stdin, or --example NAME")
    return read_source(source)


def _analyze(source: Optional[str], example: Optional[str] = None, model=None):
    """Read and analyse (through the model when ``model`` settings are given),
    turning bad input into one line and exit code 2."""
    try:
        from clearair.pipeline import analyze as run

        if model is not None:
            from clearair.llm.cli import analyze_text

            return analyze_text(_read(source, example), model)
        return run(_read(source, example))
    except InputError as err:
        _fail(str(err))


@app.command()
def analyze(
    source: Optional[str] = typer.Argument(None, metavar="[FILE|-]", help="Text file, or - for stdin."),
    json_out: bool = typer.Option(False, "--json", help="Print the full report as JSON."),
    example: Optional[str] = typer.Option(None, "--example", help=f"Analyse a bundled example: {', '.join(EXAMPLES)}."),
    llm: Optional[str] = LLM_URL, model: Optional[str] = LLM_MODEL, allow_remote: bool = ALLOW_REMOTE,
    llm_timeout: Optional[float] = LLM_TIMEOUT, no_cache: bool = NO_CACHE,
) -> None:
    """Read a situation (or a pasted thread) and print the reading and the advice."""
    report = _analyze(source, example, settings_or_fail(llm, model, allow_remote, llm_timeout, no_cache))
    if json_out:
        typer.echo(report.model_dump_json(indent=2))
    else:
        from clearair.render.terminal import show_report

        show_report(report)


@app.command()
def explain(
    action: str = typer.Argument(..., help="Action code, e.g. LET_GO."),
    source: Optional[str] = typer.Argument(None, metavar="[FILE|-]"),
) -> None:
    """Show why one action ranked where it did for this situation."""
    from clearair.models import ACTION_CODES

    code = action.upper()
    if code not in ACTION_CODES:
        _fail(f"unknown action {action!r}; one of: {', '.join(ACTION_CODES)}")
    report = _analyze(source)
    from clearair.render.terminal import show_explanation

    show_explanation(report, code)


@app.command(name="eval")
def evaluate(
    path: str = typer.Argument(..., metavar="FILE.jsonl"),
    json_out: bool = typer.Option(False, "--json", help="Print the figures as JSON."),
    show_failures: bool = typer.Option(False, "--show-failures", help="List the cases where the expert's main advice is not first."),
    llm: Optional[str] = LLM_URL, model: Optional[str] = LLM_MODEL, allow_remote: bool = ALLOW_REMOTE,
    llm_timeout: Optional[float] = LLM_TIMEOUT, no_cache: bool = NO_CACHE,
    jobs: int = typer.Option(4, "--jobs", min=1, max=64, help="With --llm: requests to the model at once."),
) -> None:
    """Score the engine against labelled cases (see the eval SCHEMA)."""
    from clearair.evaluate import load_cases, run_eval

    settings = settings_or_fail(llm, model, allow_remote, llm_timeout, no_cache)
    try:
        cases, problems = load_cases(path)
    except InputError as err:
        _fail(str(err))
    if settings is not None:
        from clearair.llm.cli import evaluate as with_model, show_model_figures

        result, figures = with_model(cases, problems, settings, jobs, progress=not json_out)
        show_model_figures(figures)
    else:
        result = run_eval(cases, problems, progress=not json_out)
    if json_out:
        typer.echo(result.model_dump_json(indent=2))
    else:
        from clearair.render.terminal import show_eval

        show_eval(result, show_failures)


@app.command()
def anonymize(
    source: Optional[str] = typer.Argument(None, metavar="[FILE|-]"),
    json_out: bool = typer.Option(False, "--json", help="Print text and replacements as JSON."),
) -> None:
    """Replace names, companies, places and contact details with placeholders before sharing."""
    try:
        from clearair.privacy import anonymize as run

        result = run(_read(source))
    except InputError as err:
        _fail(str(err))
    if json_out:
        typer.echo(result.model_dump_json(indent=2))
        return
    from clearair.render.terminal import show_anonymized

    show_anonymized(result)


@app.command()
def export(
    source: Optional[str] = typer.Argument(None, metavar="[FILE|-]"),
    fmt: str = typer.Option("md", "--format", "-f", help="md, html or pdf."),
    out: Optional[str] = typer.Option(None, "--out", "-o", help="Write here (default: stdout for md/html)."),
    anonymized: bool = typer.Option(False, "--anonymize", help="Replace names, companies and places first."),
) -> None:
    """Export the analysis as Markdown, HTML or PDF, to keep, print or attach."""
    _check_export(fmt, out)
    try:
        text = _read(source)
        if anonymized:
            from clearair.privacy import anonymize as scrub

            text = scrub(text).text
        from clearair.pipeline import analyze as run

        report = run(text)
    except InputError as err:
        _fail(str(err))
    _write_export(report, text, fmt, out)


def _check_export(fmt: str, out: Optional[str]) -> None:
    """Refuse a bad format or a PDF to stdout before doing any work."""
    from clearair.render.export import FORMATS

    if fmt not in FORMATS:
        _fail(f"unknown format {fmt!r}; one of: {', '.join(FORMATS)}")
    if fmt == "pdf" and not out:
        _fail("a PDF needs --out FILE")


def _write_export(report, text: str, fmt: str, out: Optional[str], title: str = "your situation",
                  dates: Optional[list] = None) -> None:
    from clearair.render import export as ex

    if fmt == "pdf":
        try:
            data = ex.to_pdf(report, text, title, dates)
        except (ImportError, OSError) as err:
            _fail(f"PDF export is unavailable here ({type(err).__name__}): install the 'pdf' extra and Pango")
    else:
        data = (ex.to_markdown(report, text, title) if fmt == "md"
                else ex.to_html(report, text, title, dates)).encode("utf-8")
    if out:
        try:
            with open(out, "wb") as fh:
                fh.write(data)
        except OSError as err:
            _fail(f"cannot write {out}: {err.strerror}")
        typer.echo(f"wrote {out}", err=True)
    else:
        sys.stdout.buffer.write(data)


@app.command()
def similar(source: Optional[str] = typer.Argument(None, metavar="[FILE|-]")) -> None:
    """The five library cases closest to this situation, and what their experts advised."""
    report = _analyze(source)
    from clearair.render.terminal import show_similar

    show_similar(report, limit=5)


@app.command()
def calibrate(
    paths: list[str] = typer.Argument(..., metavar="LIBRARY.jsonl..."),
    out: str = typer.Option(..., "--out", help="Where to write the fitted weights (YAML)."),
    l2: float = typer.Option(0.03, help="Pull towards the hand-set weights (0.03 won 5-fold CV on the library over 0.1, 0.01 and 0.003)."),
) -> None:
    """Refit the playbook's weights on labelled cases; prints cross-validated figures."""
    import datetime

    import yaml

    from clearair.advise import calibrate as cal
    from clearair.evaluate import load_cases

    cases = []
    try:
        for path in paths:
            cases += load_cases(path)[0]
    except InputError as err:
        _fail(str(err))
    layout = cal.Layout.from_playbook()
    data = cal.prepare(layout, cases)
    figures = cal.cross_validate(layout, data, l2=l2)
    weights = cal.fit(layout, [d[:4] for d in data], l2=l2)
    meta = {"cases": len(data), "l2": l2, "cross_validated": figures,
            "trained_on": [p.rsplit("/", 1)[-1] for p in paths], "date": datetime.date.today().isoformat()}
    try:
        with open(out, "w", encoding="utf-8") as fh:
            fh.write("# Playbook weights fitted by `clearair calibrate`; the rules themselves live in playbook.yaml.\n")
            yaml.safe_dump(cal.to_yaml_data(layout, weights, meta), fh, sort_keys=False, width=120)
    except OSError as err:
        _fail(f"cannot write {out}: {err.strerror}")
    typer.echo(f"fitted on {len(data)} cases; 5-fold held-out: {figures}; wrote {out}")


@app.command()
def thread(source: Optional[str] = typer.Argument(None, metavar="[FILE|-]"),
           llm: Optional[str] = LLM_URL, model: Optional[str] = LLM_MODEL, allow_remote: bool = ALLOW_REMOTE,
           llm_timeout: Optional[float] = LLM_TIMEOUT, no_cache: bool = NO_CACHE) -> None:
    """Split a pasted thread into letter, replies and updates, and compare the replies' advice."""
    settings = settings_or_fail(llm, model, allow_remote, llm_timeout, no_cache)
    try:
        from clearair.llm.cli import analyze_text
        from clearair.thread import analyze_thread

        result = analyze_thread(_read(source), analyze_fn=(lambda t: analyze_text(t, settings)) if settings else None)
    except InputError as err:
        _fail(str(err))
    from clearair.render.terminal import show_thread

    show_thread(result)


@app.command()
def serve(host: str = typer.Option("127.0.0.1", help="Interface to bind; keep the default unless you know why."),
          port: int = typer.Option(8765, help="TCP port."),
          multi_user: bool = typer.Option(False, "--multi-user",
                                          help="Accounts and per-owner cases (add users with `clearair user add`)."),
          workers: int = typer.Option(1, min=1, max=64, help="Server processes (analysis is CPU-bound: up to one per core)."),
          llm: Optional[str] = LLM_URL, model: Optional[str] = LLM_MODEL, allow_remote: bool = ALLOW_REMOTE,
          llm_timeout: Optional[float] = LLM_TIMEOUT, no_cache: bool = NO_CACHE) -> None:
    """Run the local web page and REST API; prints the private URL to open."""
    import secrets

    import uvicorn

    from clearair.api.app import DEFAULT_HOSTS, SERVE_SETTINGS, create_app

    settings = settings_or_fail(llm, model, allow_remote, llm_timeout, no_cache)
    token = secrets.token_urlsafe(24)
    hosts = tuple(dict.fromkeys((*DEFAULT_HOSTS, host)))
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    if multi_user:
        typer.echo(f"clearair (multi-user) is running: open http://{shown}:{port}/login")
    else:
        typer.echo(f"clearair is running: open http://{shown}:{port}/?token={token}", err=False)
    sys.stdout.flush()
    if settings is not None:
        from clearair.llm.provenance import describe_settings

        typer.echo(describe_settings(settings), err=True)
    if workers == 1:
        uvicorn.run(create_app(token=token, allowed_hosts=hosts, multi_user=multi_user, llm=settings),
                    host=host, port=port, log_level="warning")
        return
    # Worker processes build the app themselves; they share the launch's token
    # through the environment (readable by this user only).
    import json
    import os

    os.environ[SERVE_SETTINGS] = json.dumps({"token": token, "allowed_hosts": hosts, "multi_user": multi_user,
                                             "llm": settings.public() if settings else None})  # never the key
    uvicorn.run("clearair.api.app:app_from_environment", factory=True, workers=workers,
                host=host, port=port, log_level="warning")


user_app = typer.Typer(no_args_is_help=True, help="Accounts for multi-user mode.")
app.add_typer(user_app, name="user")


@user_app.command("add")
def user_add(name: str, password_stdin: bool = typer.Option(False, "--password-stdin",
                                                           help="Read the password from stdin.")) -> None:
    """Create an account (password asked for, never passed on the command line)."""
    from clearair.store.accounts import Accounts

    password = sys.stdin.readline().rstrip("\n") if password_stdin else typer.prompt(
        "Password", hide_input=True, confirmation_prompt=True)
    try:
        Accounts(_store()).add(name, password)
    except InputError as err:
        _fail(str(err))
    typer.echo(f"user {name.strip().lower()} added")


case_app = typer.Typer(no_args_is_help=True, help="Case files: keep a situation and add what happens next.")
app.add_typer(case_app, name="case")
_case_model = None  # model-mode settings for the case commands (`clearair case --llm URL --model NAME ...`)


@case_app.callback()
def case_options(llm: Optional[str] = LLM_URL, model: Optional[str] = LLM_MODEL, allow_remote: bool = ALLOW_REMOTE,
                 llm_timeout: Optional[float] = LLM_TIMEOUT, no_cache: bool = NO_CACHE) -> None:
    """Case files: keep a situation and add what happens next."""
    global _case_model
    _case_model = settings_or_fail(llm, model, allow_remote, llm_timeout, no_cache)
    if _case_model is not None:
        from clearair.llm.cli import use_terminal_progress

        use_terminal_progress()


def _store():
    from clearair.store import CaseStore

    try:
        store = CaseStore()
    except Exception as err:  # noqa: BLE001 - any database failure becomes one line
        _fail(f"cannot open the case store: {type(err).__name__}: {str(err).splitlines()[0]}")
    if _case_model is not None:
        from clearair.llm.cli import attach_to_store

        attach_to_store(store, _case_model)
    return store


def _date(value: Optional[str]):
    import datetime as dt

    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        _fail(f"not a date (use YYYY-MM-DD): {value!r}")


def _show_movement(outcome) -> None:
    from clearair.render.terminal import show_movement

    show_movement(outcome)


@case_app.command("new")
def case_new(source: Optional[str] = typer.Argument(None, metavar="[FILE|-]"),
             title: Optional[str] = typer.Option(None, "--title")) -> None:
    """Start a case file from a situation."""
    store = _store()
    try:
        case_id = store.create(_read(source), title=title)
    except InputError as err:
        _fail(str(err))
    report = store.latest_report(case_id)
    typer.echo(f"case {case_id} created; first advice: {', '.join(report.top_actions(3))}")


@case_app.command("list")
def case_list() -> None:
    """All your case files."""
    from clearair.render.terminal import show_case_list

    show_case_list(_store().list())


@case_app.command("show")
def case_show(case_id: int) -> None:
    """The case's latest reading and advice, its history and journal."""
    store = _store()
    try:
        case, report = store.open_case(case_id)
    except InputError as err:
        _fail(str(err))
    from clearair.llm.history import engines_by_seq
    from clearair.render.terminal import show_case

    show_case(case, report, engines=engines_by_seq(store, case_id))


@case_app.command("update")
def case_update(case_id: int, source: Optional[str] = typer.Argument(None, metavar="[FILE|-]"),
                text: Optional[str] = typer.Option(None, "--text", help="The update itself, instead of a file."),
                on: Optional[str] = typer.Option(None, "--on", help="When it happened (YYYY-MM-DD)."),
                later: bool = typer.Option(False, "--later",
                                           help="Only save it (for many updates in a row); the advice is "
                                                "re-evaluated the next time the case is opened.")) -> None:
    """Add what happened next; the advice is re-evaluated."""
    store = _store()
    try:
        body = text if text is not None else _read(source)
        outcome = store.update(case_id, body, _date(on), evaluate=not later)
    except InputError as err:
        _fail(str(err))
    _show_movement(outcome)


@case_app.command("log")
def case_log(case_id: int, who: str = typer.Option(..., "--who"), what: str = typer.Option(..., "--what"),
             on: Optional[str] = typer.Option(None, "--on", help="YYYY-MM-DD; today if left out."),
             channel: Optional[str] = typer.Option(None, "--channel"),
             witnesses: Optional[str] = typer.Option(None, "--witnesses")) -> None:
    """Log an incident in the case journal (feeds pattern detection)."""
    store = _store()
    try:
        outcome = store.log(case_id, who, what, _date(on), channel, witnesses)
    except InputError as err:
        _fail(str(err))
    _show_movement(outcome)


@case_app.command("export")
def case_export(case_id: int, fmt: str = typer.Option("md", "--format", "-f"),
                out: Optional[str] = typer.Option(None, "--out", "-o")) -> None:
    """Export the case's latest analysis (md, html or pdf)."""
    from clearair.store.cases import analysed_text

    _check_export(fmt, out)
    try:
        case, report = _store().open_case(case_id)
    except InputError as err:
        _fail(str(err))
    from clearair.render.export import update_dates

    _write_export(report, analysed_text(case), fmt, out, title=case.title, dates=update_dates(case))


@case_app.command("delete")
def case_delete(case_id: int, yes: bool = typer.Option(False, "--yes", help="Do not ask.")) -> None:
    """Delete a case file and everything in it."""
    if not yes and not typer.confirm(f"Delete case {case_id} for good?"):
        raise typer.Exit(1)
    try:
        _store().delete(case_id)
    except InputError as err:
        _fail(str(err))
    typer.echo(f"case {case_id} deleted")


app.add_typer(llm_app, name="llm")  # `clearair llm check | prompt`


def main() -> None:
    app()


if __name__ == "__main__":
    main()
