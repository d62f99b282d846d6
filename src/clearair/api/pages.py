"""Server-rendered pages (Jinja2, autoescaped) with a little local JavaScript."""

from __future__ import annotations

import json
from functools import cache

from clearair.models import Report
from clearair.render.export import update_dates, writer_text
from clearair.render.pictures import stakeholder_map, timeline


@cache
def _env():
    from jinja2 import Environment, PackageLoader, select_autoescape

    return Environment(loader=PackageLoader("clearair", "api/templates"), autoescape=select_autoescape(["j2", "html"]))


def _safe_json(value) -> str:
    """JSON that can sit inside a <script> element."""
    return json.dumps(value).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def login(csrf: str, error: str | None = None) -> str:
    return _env().get_template("login.html.j2").render(csrf=csrf, error=error)


def home(csrf: str, llm=None) -> str:
    """``llm``: model-mode settings, when a model is configured (the page then offers the choice)."""
    from clearair.llm.provenance import describe_settings

    return _env().get_template("home.html.j2").render(
        csrf=csrf, llm_model=llm.model if llm else None, llm_where=describe_settings(llm) if llm else None)


def analysis(report: Report, original: str, csrf: str, case=None, viewer: str | None = None,
             multi_user: bool = False, engines: dict[int, str] | None = None) -> str:
    from clearair.llm.provenance import engine_line, figures_line
    from clearair.store.cases import pending_updates

    return _env().get_template("analysis.html.j2").render(
        engine_line=engine_line(report), figures_line=figures_line(report.provenance), engines=engines or {},
        report=report, source_json=_safe_json(original), csrf=csrf, case=case, viewer=viewer, multi_user=multi_user,
        pending=pending_updates(case) if case else 0,
        stakeholder_svg=stakeholder_map(report), timeline_svg=timeline(report, update_dates=update_dates(case)) if case else None,
        writer_text=writer_text(report, original))


def case(case, report: Report, text: str, csrf: str, viewer: str | None = None, multi_user: bool = False,
         engines: dict[int, str] | None = None) -> str:
    return analysis(report, text, csrf, case=case, viewer=viewer, multi_user=multi_user, engines=engines)
