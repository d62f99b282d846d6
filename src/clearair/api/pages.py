"""Server-rendered pages (Jinja2, autoescaped), styled and scripted only from ``/static``.

The results and case pages render the same plain-language view of a report as
the terminal and the exports (``clearair.render.view``), so every surface says
the same thing. The strict CSP allows no inline scripts or styles: data for the
page's script travels in a ``<script type="application/json">`` block, which is
never executed.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from clearair.models import Report
from clearair.render.export import writer_text
from clearair.render.pictures import stakeholder_map
from clearair.render.view import ABOUT_CHOICES, UNANSWERED_LINE, ReportView, build_view

_SVG_STYLE = re.compile(r"<style>.*?</style>", re.S)


@cache
def _env():
    from jinja2 import Environment, PackageLoader, select_autoescape

    from clearair.api.limits import MAX_BODY
    from clearair.intake.reading import MAX_CHARS

    env = Environment(loader=PackageLoader("clearair", "api/templates"), autoescape=select_autoescape(["j2", "html"]))
    # The page's script stops a text the server would refuse unread (so it can keep it on the page).
    env.globals.update(max_chars=MAX_CHARS, max_bytes=MAX_BODY - 4_000)
    return env


def _safe_json(value) -> str:
    """JSON that can sit inside a <script> element."""
    return json.dumps(value).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _page_svg(svg: str) -> str:
    """A picture without its own <style> element (the CSP refuses inline styles; page.css styles it)."""
    return _SVG_STYLE.sub("", svg)


@dataclass
class Chrome:
    """What every page's header needs: who is signed in (multi-user mode) and the form token for logging out."""

    csrf: str
    user: str | None = None


@dataclass
class CaseRow:
    """One line of the home page's list of case files."""

    id: int
    title: str
    changed: str
    top: str | None = None
    shared_by: str | None = None


def login(csrf: str, error: str | None = None, username: str = "") -> str:
    return _env().get_template("login.html.j2").render(csrf=csrf, error=error, username=username)


def home(chrome: Chrome, llm=None, cases: list[CaseRow] | None = None, text: str = "", error: str | None = None,
         engine: str = "") -> str:
    """The paste form (with ``text`` and ``error`` when a paste was refused) and the user's case files.
    ``llm``: model-mode settings, when a model is configured (the page then offers the choice)."""
    from clearair.llm.provenance import describe_settings

    return _env().get_template("home.html.j2").render(
        csrf=chrome.csrf, user=chrome.user, cases=cases or [], text=text, error=error, engine=engine,
        llm_model=llm.model if llm else None, llm_where=describe_settings(llm) if llm else None)


def error(chrome: Chrome, heading: str, message: str, back: str = "/", back_label: str | None = None,
          refresh: int | None = None) -> str:
    """A refused or failed action, as a page (never a raw JSON body); ``refresh``: reload after so many seconds."""
    return _env().get_template("error.html.j2").render(csrf=chrome.csrf, user=chrome.user, heading=heading,
                                                      message=message, back=back, back_label=back_label,
                                                      refresh=refresh)


def copy_labels(view: ReportView) -> list[str]:
    """One distinct name per copy button: what is copied, and for whom when two would read the same."""
    labels = [f"Copy “{w.title}”" for w in view.words]
    for n, label in enumerate(labels):
        if labels.count(label) > 1:
            who = f" for {view.words[n].to}" if view.words[n].to else ""
            labels[n] = f"{label}{who} ({n + 1})"
    return labels


def analysis(report: Report, original: str, chrome: Chrome, *, case=None, viewer: str | None = None,
             multi_user: bool = False, engines: dict[int, str] | None = None, can_write: bool = True,
             engine: str = "", forms: dict[str, Any] | None = None) -> str:
    """The full report. For a case file (``case``), also its timeline, history and the forms to add to it
    (only when ``can_write``). ``forms``: what a refused form sent back (errors and the typed text)."""
    from clearair.llm.provenance import figures_line
    from clearair.render.export import update_dates
    from clearair.store.cases import pending_updates

    if case is not None:
        view = build_view(report, case.title, dates=update_dates(case), journal=case.journal, versions=case.versions)
        history = list(zip(view.history, case.versions, strict=False))
    else:
        view = build_view(report)
        history = []
    return _env().get_template("analysis.html.j2").render(
        view=view, figures_line=figures_line(report.provenance), engines=engines or {},
        source_json=_safe_json(original), original=original, writer_text=writer_text(report, original),
        csrf=chrome.csrf, user=chrome.user, case=case, viewer=viewer, multi_user=multi_user, can_write=can_write,
        engine=engine, pending=pending_updates(case) if case is not None else 0, history=history,
        copy_labels=copy_labels(view), words_ids={w.title: n for n, w in enumerate(view.words, 1)},
        about_choices=ABOUT_CHOICES.items(), unanswered_line=UNANSWERED_LINE,
        stakeholder_svg=_page_svg(stakeholder_map(report)), **({"journal": {}} | (forms or {})))


def no_access(multi_user: bool) -> str:
    """The page for a browser that has no valid token or session (instead of a JSON 401)."""
    if multi_user:
        message = "Your session has ended or you have not logged in yet. Log in, then go back to the page you were on."
        return error(Chrome(csrf=""), "Please log in", message, back="/login", back_label="Log in")
    message = ("This page needs the private address that `clearair serve` printed when it started (it ends in "
               "?token=…). Open that address once; this browser then remembers it.")
    return error(Chrome(csrf=""), "Open clearair from its private address", message, back="/", back_label="Try again")
