"""Blind panel 41's findings (after hold-56's final run, so in-sample for its letters): the writer's own feeling
about someone ("she intimidates me") said back to them as if it were their act. Letters written here."""

from __future__ import annotations

from clearair import analyze


def test_the_writers_feeling_is_not_said_back_as_the_other_sides_act():
    report = analyze("I run a small accounts team, and there is one clerk on my team who honestly intimidates me. When "
                     "I give her direction she resists it, and I end up second-guessing myself. How do I take charge "
                     "of this?")
    words = " ".join(s.text for s in report.scripts)
    assert "you honestly intimidate me" not in words and "you intimidate me" not in words
