"""Words that name a colleague's habit back to them ("you click your pen", from "he clicks his pen, over and over"),
and a first step that consults an outside adviser rather than filing a complaint with one (red team 39: "make a
formal complaint, in writing, to an outside adviser"). Letters written here.
"""

from __future__ import annotations

from clearair import analyze


def _script(report, action: str) -> str:
    return next(s.text for s in report.scripts if s.action == action)


def test_a_habit_told_with_over_and_over_is_named_back_in_the_words():
    report = analyze(
        "I work at a help desk for a council and we sit in rows. The man next to me, Barry, is a lovely guy, but "
        "between calls he whistles, and he drums his fingers on the desk, over and over, while I "
        "take calls. It breaks my concentration. How do I mention it?")
    words = " ".join(s.text for s in report.scripts if s.action in ("SET_BOUNDARY", "TALK_DIRECT"))
    assert "you drum your fingers" in words


def test_an_outside_adviser_is_consulted_not_complained_to():
    report = analyze(
        "I run the floor at a small family restaurant. The owner, Vince, takes a cut of the servers' tips every "
        "week; I compared the tip reports and about fifteen percent goes missing. When one server asked about it "
        "he screamed at her and threw a plate at the wall next to her. He signs my paycheck and there is nobody "
        "above him. What can I do?")
    answer = report.offline_answer
    assert "formal complaint, in writing, to an outside adviser" not in answer
    assert "outside adviser" in answer


def test_force_seen_used_on_someone_is_named_as_force():
    report = analyze(
        "I'm a line cook in a hotel kitchen. On Friday night I saw our head chef, Marcus, shove a young commis, "
        "Tom, so hard that Tom hit his head on the pass. Marcus told him to stop crying and get back to work. Tom "
        "told me afterwards he's scared to say anything. I want to report it. What should I do?")
    words = " ".join(s.text for s in report.scripts)
    assert "use physical force against" in words
    assert "physically intimidate" not in words
