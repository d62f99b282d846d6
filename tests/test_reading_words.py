"""What the reading takes from the writer's words: a no told with a negation, a belief the writer denies, the
idiom of a busy shift, and a complaint made about the writer (letters written for these tests)."""

import pytest

from clearair import analyze


def _responses(letter: str) -> list[str]:
    return [r.kind for r in analyze(letter).situation.responses]


@pytest.mark.parametrize("said", ["she never replied", "she just said \"not now\" and walked off"])
def test_a_no_to_the_writers_apology_is_read_even_when_told_with_a_negation(said):
    letter = (f"I snapped at Jo in front of the team on Monday and I felt awful. I sent her an apology by text but "
              f"{said}. Should I try again or give her some space? We sit next to each other every day.")
    assert "rebuffed" in _responses(letter)


def test_a_refusal_the_writer_only_imagines_is_not_read_as_one():
    letter = ("I snapped at Jo in front of the team on Monday and I felt awful. I haven't apologised yet and I "
              "don't know if I should do it by text or face to face. We sit next to each other every day.")
    assert "rebuffed" not in _responses(letter)


def test_a_busy_colleague_the_writer_says_is_not_ignoring_them_is_not_read_as_shutting_them_out():
    letter = ("I need a signature from Wes in finance before the supplier deadline on Friday. I've emailed him "
              "three times this week and heard nothing. I don't think he's ignoring me on purpose, his team is "
              "short-staffed. Should I call him, or ask my manager to chase it?")
    acts = [i.act for i in analyze(letter).situation.incidents]
    assert "exclude" not in acts


@pytest.mark.parametrize("letter", [
    "We were slammed on Friday night and I sent two plates out wrong, and my head chef told me calmly afterwards "
    "that I need to slow down and check tickets. I felt embarrassed in front of the new starters. How do I show him "
    "I can handle the busy nights?",
    "Saturday was completely slammed, we had two coach parties in and ran out of chips by eight. Our manager Jo "
    "stayed late and bought us all pizza after. I'd like to ask her for a lighter rota next weekend. How should I "
    "put it?",
])
def test_a_busy_shift_is_no_aggression(letter):
    assert "aggress" not in [i.act for i in analyze(letter).situation.incidents]


def test_a_complaint_made_about_the_writer_is_not_read_as_criticism_of_their_work():
    letter = ("A colleague has complained about things I said at the Christmas party, and HR have asked me to an "
              "investigation meeting next week. I did make a joke about her that I regret. How should I handle "
              "the meeting, and should I apologise to her first?")
    report = analyze(letter)
    assert "criticise" not in [i.act for i in report.situation.incidents]
    assert report.situation.under_review


def test_a_friendly_no_is_a_no():
    letter = ("At the team lunch I told a colleague in accounts that I liked her and asked her out. The next day she "
              "sent me a message saying she'd like us to stay friends. I've gone quiet on her since. Should I ask "
              "her again after Christmas?")
    assert "rebuffed" in _responses(letter)
    assert analyze(letter).top_actions(1) != ["TALK_DIRECT"]


def test_what_the_writer_says_did_not_happen_is_no_theme():
    letter = ("My manager kept me in his office for twenty minutes after a bad client call and shouted at me with "
              "the door shut. He never touched me, but I was shaking afterwards. How do I handle our next "
              "one-to-one with him on Monday?")
    themes = {t.kind: t for t in analyze(letter).situation.themes}
    assert not any("touched" in e.text for t in themes.values() for e in t.evidence)


def test_an_act_the_writer_only_does_not_want_to_do_is_not_read_as_done():
    letter = ("I made a joke about a colleague's accent at the Monday meeting and he went quiet. I apologised the "
              "next day and he said 'not now'. I don't want to push him, and I don't want to come across like I'm "
              "criticising him either. How long should I leave it?")
    acts = [(i.act, i.actor) for i in analyze(letter).situation.incidents]
    assert ("aggress", "narrator") not in acts and ("criticise", "narrator") not in acts
