"""A reason's quote is words a reader can recognise: at least the clause around the hit.

The rules find a pattern by one word ("often", "again", "sits"), and that word is the evidence its reason
carries. Shown alone beside "It keeps happening" it tells the writer nothing (a red team listed "drink", "meets"
and "sits" as quotes); the clause around it ("he drinks from the same carton every morning") says which words of
theirs the reason rests on. Offsets stay offsets into the writer's text.
"""

from __future__ import annotations

import re

from clearair.models import Evidence, Report

#: Fewer words than this, and the quote is widened to its clause.
SHORT = 3
#: A widened quote keeps at most this many characters, centred on the hit.
WIDEST = 110
#: What ends a clause in the writer's text.
_CLAUSE_END = re.compile(r"[.!?;:,\n]|\s[-–—]\s")


def widened(e: Evidence, text: str) -> Evidence:
    """``e``, or the clause of ``text`` around it where ``e`` is fewer than ``SHORT`` words."""
    if len(e.text.split()) >= SHORT or not (0 <= e.start < e.end <= len(text)):
        return e
    start = max((m.end() for m in _CLAUSE_END.finditer(text, 0, e.start)), default=0)
    after = _CLAUSE_END.search(text, e.end)
    end = after.start() if after else len(text)
    if end - start > WIDEST:  # a long clause: the words nearest the hit, cut at a space
        start = max(start, e.start - WIDEST // 2)
        end = min(end, e.end + WIDEST // 2)
        if (space := text.find(" ", start, e.start)) >= 0:
            start = space + 1
        if (space := text.rfind(" ", e.end, end)) >= 0:
            end = space
    while start < e.start and text[start].isspace():
        start += 1
    while end > e.end and text[end - 1].isspace():
        end -= 1
    if len(text[start:end].split()) <= len(e.text.split()):
        return e
    return Evidence(start=start, end=end, text=text[start:end])


def widen_reason_quotes(report: Report, text: str) -> None:
    """Every recommendation's reasons quote at least a clause of ``text`` (the text the offsets point into)."""
    for rec in report.recommendations:
        for reason in rec.reasons:
            reason.evidence = [widened(e, text) for e in reason.evidence]
