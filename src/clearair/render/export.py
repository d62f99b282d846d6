"""A report to keep, print or attach: Markdown, HTML (with the stakeholder map
and timeline as inline SVG) and PDF (the HTML through WeasyPrint).

All three render the plain-language view (render/view.py). The PDF leads with
one page that can stand alone (the answer, the first three actions with their
reasons, the words to use); the reading, the timeline, the map and the rest
follow. The writer's text comes without page furniture, and the replies of a
pasted thread only when asked for.
"""

from __future__ import annotations

import re
from functools import cache

from clearair.models import Report
from clearair.render.pictures import stakeholder_map, timeline
from clearair.render.terminal import neutralised
from clearair.render.view import UNANSWERED_LINE, ReportView, build_view

FORMATS = ("md", "html", "pdf")


def _tidy(text: str) -> str:
    """Lines stripped of the blanks that masking left behind; at most one empty line in a row."""
    lines = [line.strip() for line in text.splitlines()]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip()


def writer_text(report: Report, original: str) -> str:
    """The writer's own words (the letter and their updates), without replies or page furniture."""
    try:
        from clearair.intake import build_document

        return _tidy(build_document(original).analysis_text())
    except Exception:  # noqa: BLE001 - text that no longer reads as a document: fall back to the letter part
        keep = [original[: min((r.start for r in report.thread.replies), default=len(original))]]
        keep += [u.text for u in report.thread.updates]
        return "\n\n".join(part.strip() for part in keep if part.strip())


def replies_text(report: Report) -> list[tuple[str, str]]:
    """(author, text) of each reply in a pasted thread."""
    return [(r.author or "Someone who replied", _tidy(r.text)) for r in report.thread.replies]


_MD_SPECIAL = re.compile(r"([\\`*_~|])")
#: A closing bracket that would make a link, an image or a link definition: ``[x](y)``, ``[x][y]``, ``[x]: y``.
_MD_LINK = re.compile(r"\](?=[(\[:])")
#: What starts a block at the beginning of a line: a heading, a quote, a list item, a rule.
_MD_BLOCK_START = re.compile(r"^(\s*)(?:([#>+=-])|(\d+)([.)]))")
_LINE_BREAKS = re.compile(r"[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]+")


def md(text: str) -> str:
    """Text safe inside one line of Markdown: whatever a user wrote cannot change the document's
    structure. Raw HTML is escaped (a title can never inject a tag), line breaks become spaces (no
    new heading or list), links and emphasis marks are taken literally; slots like "[their name]"
    stay readable."""
    text = _LINE_BREAKS.sub(" ", text)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_LINK.sub(r"\\]", _MD_SPECIAL.sub(r"\\\1", text))

    def escaped(m: re.Match[str]) -> str:
        return m.group(1) + (f"\\{m.group(2)}" if m.group(2) else f"{m.group(3)}\\{m.group(4)}")

    return _MD_BLOCK_START.sub(escaped, text, count=1)


def _paragraphs(text: str) -> list[str]:
    """Text of several paragraphs (the written answer), each one line of escaped Markdown."""
    return "\n\n".join(md(p) for p in re.split(r"\n\s*\n", text.strip()) if p.strip()).splitlines()


def _quoted(text: str) -> list[str]:
    return [f"> {md(line)}" if line else ">" for line in text.splitlines()]


def to_markdown(report: Report, original: str, title: str = "your situation", *, case=None,
                replies: bool = False, view: ReportView | None = None) -> str:
    v = view or _view(report, title, case)
    lines = [f"# clearair — {md(title)}", "", *_paragraphs(v.answer), "", f"*{md(v.engine)}*", ""]
    lines += [f"*{md(n)}*" for n in v.notes] + ([""] if v.notes else [])
    lines += ["## What you should do", ""]
    for a in v.actions:
        lines.append(f"{a.rank}. **{md(a.title)}** — {a.bar} {md(a.strength)}")
        for r in a.reasons:
            quote = f" — “{md(r.quotes[0].text)}”" if r.quotes else ""
            lines.append(f"   - {'+' if r.direction == 'for' else '−'} {md(r.text)}{quote}")
    if v.more_actions:
        lines += ["", "Also worth weighing: " + "; ".join(f"{md(a.title)} ({md(a.strength.lower())})"
                                                         for a in v.more_actions) + "."]
    if v.words:
        lines += ["", "## Words to use", ""]
        for w in v.words:
            lines += [f"### {md(w.title)} (for {md(w.to)})", "", *_quoted(w.text), ""]
            if w.fill_in:
                lines += [f"Fill in before you use it: {md(', '.join(w.fill_in))}", ""]
    if v.options:
        lines += ["", "## Your own options", ""]
        lines += [f"- **{md(o.verdict)}**: {md(o.option)} — {md(o.reason)}" for o in v.options]
    if v.avoid:
        lines += ["", "## What not to do", ""] + [f"- **{md(a.title)}**: {md(a.why)}" for a in v.avoid]
    if v.revisit:
        lines += ["", "## Revisit if…", ""] + [f"- {md(t)}" for t in v.revisit]
    lines += ["", "## What clearair read", ""]
    lines += [f"- {md(f.sentence)}" + (f" *({md(f.certainty)})*" if f.certainty else "")
              + (f" — “{md(f.quotes[0].text)}”" if f.quotes else "") for f in v.reading]
    if v.people:
        lines += ["", *_paragraphs(v.people)]
    if v.timeline:
        lines += ["", "## What happened, in order", ""]
        lines += [f"{n}. {md(t.label)}" + (f" ({md(t.when)})" if t.when else "")
                  + (f" — {md(t.detail)}" if t.detail else "") for n, t in enumerate(v.timeline, 1)]
    if v.history:
        lines += ["", "## How the advice moved", ""]
        for h in v.history:
            advice = md("; ".join(h.advice)) or "read with a later update"
            lines.append(f"- **{md(h.label)}** ({md(h.when)}): " + advice)
            lines += [f"  - {md(m)}" for m in h.moves]
    if v.perspectives:
        lines += ["", "## Other perspectives", ""]
        lines += [f"- **{md(p.title)}**: {md(p.text)}" for p in v.perspectives]
    if v.similar:
        lines += ["", "## People in similar situations were advised", ""]
        lines += [f"- **{md(c.advised)}** — {md(c.summary)} ({md(c.title)})" for c in v.similar]
    lines += ["", "## Your situation, as you wrote it", "", *_quoted(writer_text(report, original))]
    if replies and report.thread.replies:
        lines += ["", "## The replies", ""]
        for author, text in replies_text(report):
            lines += [f"**{md(author)}**", "", *_quoted(text), ""]
    return neutralised("\n".join(lines).rstrip() + "\n")  # a stray escape sequence in stored text is shown, not obeyed


def _view(report: Report, title: str, case) -> ReportView:
    if case is None:
        return build_view(report, title)
    return build_view(report, title, dates=update_dates(case), journal=list(case.journal), versions=list(case.versions))


@cache
def _template():
    from jinja2 import Environment, PackageLoader, select_autoescape

    env = Environment(loader=PackageLoader("clearair", "render/templates"),
                      autoescape=select_autoescape(["j2", "html"]))
    return env.get_template("report.html.j2")


def to_html(report: Report, original: str, title: str = "your situation",
            update_dates: list[str] | None = None, *, case=None, replies: bool = False, for_print: bool = False) -> str:
    """Self-contained HTML: every piece of user text escaped, pictures inline.
    ``update_dates``: a case file's update dates, for its timeline (``case`` gives them too,
    with its journal and the history of the advice)."""
    v = _view(report, title, case)
    if case is None and update_dates is not None:
        v = build_view(report, title, dates=update_dates)
    return neutralised(_template().render(v=v, title=title, text=writer_text(report, original),
                                          unanswered_line=UNANSWERED_LINE,
                                          replies=replies_text(report) if replies else [], for_print=for_print,
                                          stakeholder_svg=stakeholder_map(report),
                                          timeline_svg=timeline(report, items=v.timeline)))


def to_pdf(report: Report, original: str, title: str = "your situation",
           update_dates: list[str] | None = None, *, case=None, replies: bool = False) -> bytes:
    from weasyprint import HTML

    return HTML(string=to_html(report, original, title, update_dates, case=case, replies=replies,
                               for_print=True)).write_pdf()


def update_dates(case) -> list[str]:
    """The dates of a case file's updates, as its timeline shows them."""
    return [(v.happened_on or v.created_at.date()).isoformat() for v in case.versions if v.kind == "update"]
