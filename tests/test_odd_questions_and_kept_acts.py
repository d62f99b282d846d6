"""Questions the written answer left unanswered: "Is this strange?" (was met with "reads more like everyday friction
than that", or not at all) and "Where is the line?" (no answer before the first step); and an act the other side
keeps doing, said back without the writer's own clause after it ("…even after I labelled it" had left a slot).
Letters written here."""

from __future__ import annotations

from clearair import analyze
from clearair.render.view import written_answer


def _answer(text: str) -> str:
    return written_answer(analyze(text))[0]


def test_is_this_strange_is_answered_as_unusual():
    answer = _answer("A colleague on my floor keeps standing behind my chair and reading my screen for a minute or "
                     "two, then walking off without a word. It has happened about ten times this month. Is this "
                     "strange?")
    assert "not how" in answer and "usually behave" in answer
    assert "than that" not in answer


def test_where_is_the_line_gets_a_line():
    answer = _answer("My team leader messages me on Sunday evenings about small things that could wait until Monday "
                     "and expects an answer within the hour. I have answered every single time so far. Where is the "
                     "line?")
    assert "The line is where it starts to cost you" in answer


def test_a_line_crossed_by_serious_conduct_is_said_to_be_crossed():
    answer = _answer("A senior colleague keeps putting his hand on my thigh under the desk when we review files "
                     "together, even after I moved my chair away twice. Where do I draw the line?")
    assert "already been crossed" in answer
    assert "The line is where it starts to cost you" not in answer


def test_an_act_they_keep_doing_is_said_back_without_the_writers_clause():
    report = analyze("My coworker Priya keeps borrowing my headphones from my drawer even after I asked her to check "
                     "with me first. How do I tell her to stop without making it awkward?")
    first = report.scripts[0].text
    assert "you keep borrowing my headphones from my drawer" in first
    assert "[what happened]" not in first


def test_harmless_habits_the_writer_is_not_troubled_by_need_no_talk():
    """Red team 51: "Is this weird?" about a colleague who hums and lines up her pens was answered "a little, yes … fair
    to raise it", with words to confront her."""
    answer = _answer("Is this weird? A colleague of mine, Noor, always eats an apple at exactly eleven and taps the "
                     "desk three times before every phone call. She's lovely and good at her job. Should I say "
                     "anything?")
    assert "nothing you need to say" in answer
    assert "What to say" not in answer and "best first step" not in answer
