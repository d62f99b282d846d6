"""Command-line parts of model mode: the shared ``--llm`` options, progress
while the model works, ``clearair llm check | prompt``, and ``eval --llm``
with bounded concurrency. ``clearair.cli`` only wires these in."""

from __future__ import annotations

import json
import os
import sys
from typing import TYPE_CHECKING, NoReturn

import typer

from clearair.errors import InputError
from clearair.llm.config import ENV_MODEL, ENV_URL, Settings

if TYPE_CHECKING:
    from rich.status import Status

    from clearair.models import Report

# Shared option declarations (the same on analyze, thread, eval, case and serve).
LLM_URL = typer.Option(None, "--llm", metavar="URL",
                       help=f"An OpenAI-compatible server, e.g. http://127.0.0.1:11434/v1 (or {ENV_URL}).")
LLM_MODEL = typer.Option(None, "--model", metavar="NAME", help=f"The model to ask (or {ENV_MODEL}).")
ALLOW_REMOTE = typer.Option(False, "--allow-remote",
                            help="Allow a server outside this machine and your private network; "
                                 "the text is anonymised first (or CLEARAIR_LLM_ALLOW_REMOTE=1).")
LLM_TIMEOUT = typer.Option(None, "--llm-timeout", metavar="SECONDS",
                           help="How long to wait for the model (default 120, or CLEARAIR_LLM_TIMEOUT).")
NO_CACHE = typer.Option(False, "--no-cache", help="Ask the model again even if this exact request was answered before.")


def fail(message: str) -> NoReturn:
    typer.echo(f"clearair: {message}", err=True)
    raise typer.Exit(code=2)


def settings_or_fail(url: str | None, model: str | None, allow_remote: bool = False,
                     timeout: float | None = None, no_cache: bool = False) -> Settings | None:
    """Model settings from the options and the environment; None for offline mode. Bad settings: one line, exit 2."""
    try:
        return Settings.resolve(url, model, allow_remote or None, timeout, False if no_cache else None)
    except InputError as err:
        fail(str(err))


class TerminalStatus:
    """A spinner on stderr while the model works (nothing when stderr is not a terminal).
    With ``notices``, the line saying why the model was not used is printed too (for
    commands that do not show the report, such as ``case update``)."""

    def __init__(self, notices: bool = False) -> None:
        from rich.console import Console

        self.console = Console(stderr=True, highlight=False)
        self.status: Status | None = None
        self.notices = notices

    def notice(self, line: str) -> None:
        if self.notices:
            from rich.markup import escape

            self.console.print(f"[yellow]{escape(line)}[/]")

    def __call__(self, message: str | None) -> None:
        if message is None:
            if self.status is not None:
                self.status.stop()
                self.status = None
            return
        if not self.console.is_terminal:
            return
        if self.status is None:
            self.status = self.console.status(message)
            self.status.start()
        else:
            self.status.update(message)


def use_terminal_progress() -> None:
    """Analyses started from here on (a case's re-reading too) show the spinner."""
    from clearair.llm.engine import set_default_progress

    set_default_progress(TerminalStatus(notices=True))


def analyze_text(text: str, settings: Settings, about: str | None = None):
    from clearair.llm.engine import analyze_with_model

    return analyze_with_model(text, settings, progress=TerminalStatus(), about=about)


def attach_to_store(store, settings: Settings | None):
    """Make a case store read (and re-read) its cases through the model."""
    import datetime as dt

    store.model = settings
    if settings is not None:
        # The evaluation lease must outlast a model call and its one repair.
        store.lease = max(store.lease, dt.timedelta(seconds=2 * settings.timeout + 60))
    return store


# --- clearair llm ... -----------------------------------------------------------
llm_app = typer.Typer(no_args_is_help=True, help="Model mode: check the model server, inspect what would be sent.")


@llm_app.command("check")
def check(llm: str | None = LLM_URL, model: str | None = LLM_MODEL, allow_remote: bool = ALLOW_REMOTE,
          timeout: float | None = LLM_TIMEOUT) -> None:
    """Send one small request: which model answers, how fast, and whether JSON-schema output is honoured."""
    from clearair.llm.client import LLMFailure, list_models
    from clearair.llm.client import check as run

    name = model or os.environ.get(ENV_MODEL)
    settings = settings_or_fail(llm, name or "(none)", allow_remote, timeout, True)
    if settings is None:
        fail(f"give the server with --llm URL (or {ENV_URL})")
    where = {"loopback": "on this machine", "private": "on your private network",
             "remote": "outside your network: text would be anonymised before it is sent"}[settings.where]
    typer.echo(f"Server: {settings.server}, {where}")
    if not name:
        models = list_models(settings)
        if models is None:
            fail(f"the server at {settings.server} did not list its models")
        typer.echo("Models offered: " + (", ".join(models) or "none"))
        typer.echo("Name one with --model NAME.")
        return
    try:
        result = run(settings)
    except LLMFailure as err:
        fail(str(err))
    if result.models is not None:
        typer.echo("Models offered: " + (", ".join(result.models) or "none"))
    answered = f" (answered as {result.answered_as})" if result.answered_as and result.answered_as != name else ""
    typer.echo(f"Model: {name}{answered}")
    seconds = result.latency_ms / 1000
    typer.echo(f"Round trip: {seconds:.1f} seconds" if seconds >= 0.1 else "Round trip: under a tenth of a second")
    typer.echo(f"Structured (JSON-schema) output: {result.structured}")
    if result.structured != "honoured":
        typer.echo("clearair will ask for JSON mode instead, and read the answer tolerantly.")


@llm_app.command("prompt")
def prompt(source: str | None = typer.Argument(None, metavar="[FILE|-]"), llm: str | None = LLM_URL,
           model: str | None = LLM_MODEL, allow_remote: bool = ALLOW_REMOTE,
           body: bool = typer.Option(False, "--body",
                                     help="Print the whole request body, not only the messages.")) -> None:
    """Print, as JSON, exactly the messages that would be sent for this text (nothing is sent)."""
    from clearair.intake import read_source
    from clearair.llm.prompt import build_request
    from clearair.pipeline import analyze

    settings = settings_or_fail(llm, model, allow_remote) if llm or os.environ.get(ENV_URL) else None
    if settings is None:  # no server configured: as a local server would receive it
        settings = Settings(url="http://127.0.0.1/v1", model=model or os.environ.get(ENV_MODEL) or "MODEL")
    if source is None and sys.stdin.isatty():
        fail("give a FILE or '-' for stdin")
    try:
        text = read_source(source)
        request = build_request(text, analyze(text), settings)
    except InputError as err:
        fail(str(err))
    out = request.body(settings) if body else request.messages
    typer.echo(json.dumps(out, indent=2, ensure_ascii=False))


# --- clearair eval --llm ------------------------------------------------------------
def evaluate(cases, problems, settings: Settings, jobs: int = 4, progress: bool = True):
    """Figures as ``clearair eval`` computes them, with each case read by the model;
    at most ``jobs`` requests in flight. Returns (EvalResult, model figures)."""
    from concurrent.futures import ThreadPoolExecutor, as_completed

    from clearair.evaluate import run_eval
    from clearair.llm.engine import analyze_with_model
    from clearair.pipeline import analyze

    outcome: dict[str, Report | InputError] = {}
    offline: dict[str, Report] = {}  # the texts the offline pass could read: the model reads these
    read: dict[str, Report] = {}  # what the model made of them
    todo: list[str] = []
    for case in cases:  # the offline pass parses in this thread; only the model calls run concurrently
        if case.situation in outcome:
            continue
        try:
            outcome[case.situation] = offline[case.situation] = analyze(case.situation)
            todo.append(case.situation)
        except InputError as err:
            outcome[case.situation] = err
    bar = None
    if progress:
        from rich.console import Console
        from rich.progress import Progress

        bar = Progress(console=Console(stderr=True), transient=True)
        bar.start()
        task = bar.add_task(f"Asking {settings.model}…", total=len(todo))
    try:
        with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
            futures = {pool.submit(analyze_with_model, text, settings, offline=offline[text],
                                   progress=lambda _m: None): text for text in todo}
            for future in as_completed(futures):
                outcome[futures[future]] = read[futures[future]] = future.result()
                if bar is not None:
                    bar.advance(task)
    finally:
        if bar is not None:
            bar.stop()

    def lookup(text: str):
        value = outcome[text]
        if isinstance(value, Exception):
            raise value
        return value

    result = run_eval(cases, problems, progress=False, analyze_fn=lookup)
    reports = [read[t] for t in todo]
    reasons: dict[str, int] = {}
    for r in reports:
        if r.provenance.fallback_reason:
            reasons[r.provenance.fallback_reason] = reasons.get(r.provenance.fallback_reason, 0) + 1
    figures = {"model": settings.model, "cases": len(reports),
               "ranked_by_model": sum(r.provenance.ranking.startswith("llm:") for r in reports),
               "fell_back": sum(reasons.values()), "fallback_reasons": reasons,
               "quotes_dropped": sum(r.provenance.quotes_dropped for r in reports),
               "cached": sum(r.provenance.cached for r in reports)}
    return result, figures


def show_model_figures(figures: dict) -> None:
    n, ranked = figures["cases"], figures["ranked_by_model"]
    lines = [f"{figures['model']} ranked {ranked} of {n} cases"
             + (f"; {figures['fell_back']} fell back to the offline engine" if figures["fell_back"] else "")
             + (f"; {figures['quotes_dropped']} quotations left out" if figures["quotes_dropped"] else "")
             + (f"; {figures['cached']} answers came from the cache" if figures["cached"] else "") + "."]
    for reason, count in sorted(figures["fallback_reasons"].items(), key=lambda kv: -kv[1]):
        lines.append(f"  {count} × {reason}")
    typer.echo("\n".join(lines), err=True)
