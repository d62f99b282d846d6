"""A report to keep, print or attach: Markdown, HTML (with the stakeholder map
and timeline as inline SVG) and PDF (the HTML through WeasyPrint)."""

from __future__ import annotations

from functools import cache

from clearair.models import Report
from clearair.render.pictures import stakeholder_map, timeline

FORMATS = ("md", "html", "pdf")


def writer_text(report: Report, original: str) -> str:
    """The writer's own words: everything but the replies."""
    keep = [original[: min((r.start for r in report.thread.replies), default=len(original))]]
    keep += [u.text for u in report.thread.updates]
    return "\n\n".join(part.strip() for part in keep if part.strip())


def to_markdown(report: Report, original: str, title: str = "your situation") -> str:
    from clearair.llm.provenance import engine_line

    lead = [report.answer, ""] if report.answer else []  # model mode: the written answer leads
    lines = [f"# clearair — {title}", "", *lead, report.summary, "", f"*{engine_line(report)}*", "",
             "## What you should do", ""]
    ranked_by_model = report.provenance.ranking.startswith("llm:")  # a model ranks; it gives no scores
    for n, rec in enumerate(report.recommendations[:5], 1):
        lines.append(f"{n}. **{rec.title}** ({rec.action})" if ranked_by_model
                     else f"{n}. **{rec.title}** ({rec.action}, {rec.score:+.2f})")
        for reason in rec.reasons[:4]:
            sign = "+" if reason.effect == "raises" else "−"
            quote = f' — “{reason.evidence[0].text}”' if reason.evidence else ""
            lines.append(f"   - {sign} {reason.text}{quote}")
    if report.option_verdicts:
        lines += ["", "## Your own options", ""]
        lines += [f"- **{v.verdict}** — {v.option}: {v.reason}" for v in report.option_verdicts]
    if report.avoid:
        lines += ["", "## What not to do", ""] + [f"- **{a.title}**: {a.why}" for a in report.avoid]
    if report.revisit_if:
        lines += ["", "## Revisit if…", ""] + [f"- {t.text}" for t in report.revisit_if]
    lines += ["", "## Words to use", ""]
    for s in report.scripts:
        lines += [f"### {s.title}", "", *(f"> {line}" if line else ">" for line in s.text.splitlines()), ""]
    lines += ["## Other perspectives", ""]
    lines += [f"- **{p.title}**{' (disagrees)' if p.disagrees_with_main else ''}: {p.view}" for p in report.perspectives]
    if report.similar_cases:
        lines += ["", "## People in similar situations were advised", ""]
        lines += [f"- **{c.expert_primary}** — {c.expert_summary} ({c.title})" for c in report.similar_cases]
    lines += ["", "## Your situation, as you wrote it", "", *(f"> {line}" if line else ">"
                                                           for line in writer_text(report, original).splitlines())]
    return "\n".join(lines) + "\n"


@cache
def _template():
    from jinja2 import Environment, PackageLoader, select_autoescape

    env = Environment(loader=PackageLoader("clearair", "render/templates"), autoescape=select_autoescape(["j2", "html"]))
    return env.get_template("report.html.j2")


def to_html(report: Report, original: str, title: str = "your situation",
            update_dates: list[str] | None = None) -> str:
    """Self-contained HTML: every piece of user text escaped, pictures inline.
    ``update_dates``: a case file's update dates, for its timeline."""
    from clearair.llm.provenance import engine_line

    return _template().render(report=report, title=title, text=writer_text(report, original),
                              engine_line=engine_line(report), ranked_by_model=report.provenance.ranking.startswith("llm:"),
                              stakeholder_svg=stakeholder_map(report),
                              timeline_svg=timeline(report, update_dates=update_dates))


def to_pdf(report: Report, original: str, title: str = "your situation",
           update_dates: list[str] | None = None) -> bytes:
    from weasyprint import HTML

    return HTML(string=to_html(report, original, title, update_dates)).write_pdf()


def update_dates(case) -> list[str]:
    """The dates of a case file's updates, as its timeline shows them."""
    return [(v.happened_on or v.created_at.date()).isoformat() for v in case.versions if v.kind == "update"]
