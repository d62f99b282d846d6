"""A Markdown export keeps its own structure whatever a user typed: titles, journal entries
and updates with line breaks, links or raw HTML come out as literal text."""

import datetime as dt
import re
from types import SimpleNamespace

from clearair.render.export import md, to_markdown
from conftest import seed_text

HOSTILE = ("Evil\n# Injected heading\n\n- injected item\n[click me](https://evil.example) "
           "![i](https://evil.example/x.png) <b>bold</b>")


def hostile_case(report):
    read = SimpleNamespace(top_actions=report.top_actions(3), movement=[])
    versions = [SimpleNamespace(kind="original", seq=1, text="x", happened_on=None, created_at=dt.datetime(2026, 11, 1),
                                unreadable=None, report=read)]
    journal = [SimpleNamespace(happened_on=dt.date(2026, 11, 22), who="[mallory]: https://evil.example",
                               what=HOSTILE, channel="email\n## Also injected", witnesses=None)]
    return SimpleNamespace(id=1, title=HOSTILE, versions=versions, journal=journal)


def headings(markdown: str) -> list[str]:
    return [line for line in markdown.splitlines() if line.startswith("#")]


def test_hostile_titles_and_journal_entries_cannot_change_the_documents_structure(seed_reports):
    report = seed_reports["peer-goes-cold-after-mistake"]
    text = seed_text("peer-goes-cold-after-mistake")
    plain = to_markdown(report, text, "A case", case=hostile_case(report))
    out = to_markdown(report, text, HOSTILE, case=hostile_case(report))
    assert headings(out)[1:] == headings(plain)[1:]  # the same sections, in the same order
    assert len(headings(out)) == len(headings(plain)) and "\n# Injected" not in out and "\n## Also" not in out
    assert "\n- injected item" not in out and "<b>" not in out and "&lt;b&gt;" in out
    assert not re.search(r"(?<!\\)\]\(https://evil", out)  # no link or image
    assert not re.search(r"(?m)^\[mallory(?<!\\)\]:", out)  # no link definition
    assert "Injected heading" in out and "click me" in out  # the words are kept, as text


def test_markdown_escaping_keeps_ordinary_text_readable():
    assert md("Fill in [their name] and the date") == "Fill in [their name] and the date"
    assert md("1. first") == "1\\. first" and md("# not a heading") == "\\# not a heading"
    assert md("a\r\nb\u2028c") == "a b c"


def test_escape_sequences_in_stored_text_are_shown_not_obeyed_in_every_export(seed_reports):
    """Case text may hold a stray control character (a pasted letter; a case stored by an older
    release): a Markdown or HTML file opened in a terminal must not obey it."""
    from clearair.render.export import to_html

    report = seed_reports["peer-goes-cold-after-mistake"]
    text = seed_text("peer-goes-cold-after-mistake")
    hostile = "Plan\x1b[2J\x1b]8;;https://evil.example\x07click\x1b]8;;\x07 \x9b2J \u200fevil\u202e"
    for out in (to_markdown(report, text + "\n" + hostile, hostile), to_html(report, text + "\n" + hostile, hostile)):
        assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e]", out.replace("\r\n", "\n"))
        assert "Plan" in out and "click" in out
