"""A choice between terms the employer offers ("a pay cut or a four-day week: which option should I take?") is
answered as the writer's own choice, with how to make it, not with the first step of a conflict. Letters written
here."""

from __future__ import annotations

from clearair import analyze


def _answer(report, words: str):
    return next(q for q in report.questions if words in q.text)


def test_which_of_two_offered_terms_is_answered_with_how_to_choose():
    report = analyze("My boss says that after the restructure I can either go part-time on my current team or take a "
                     "full-time transfer to the other branch across town. Which one should I choose? I like my team.")
    q = _answer(report, "Which one should I choose")
    assert q.verdict == "cannot judge"
    assert "in writing" in q.answer and "first step" not in q.answer.lower()


def test_take_the_pay_cut_or_the_shorter_week_is_the_same_question():
    report = analyze("Sales are down and our owner has offered everyone the same deal. Do I take the pay cut or the "
                     "four-day week? I have rent to cover and I was hoping to start a course on Fridays anyway.")
    q = _answer(report, "Do I take the pay cut")
    assert q.verdict == "cannot judge"
    assert "in writing" in q.answer  # how to make the choice, not only "clearair does not judge it"


def test_which_route_to_take_about_a_person_is_not_a_choice_of_terms():
    """Guard (passes on the old code too): choosing between the manager and HR is the conflict's own question."""
    report = analyze("A coworker keeps making remarks about my clothes and last week he blocked the door of the "
                     "store room. Which option should I take: talk to my manager first or go straight to HR?")
    q = _answer(report, "Which option should I take")
    assert q.verdict != "cannot judge"


def test_which_one_after_two_steps_of_the_writers_own_is_not_a_choice_of_terms():
    """Guard: "Which one should I choose?" after the writer names two ways of handling a colleague is answered by the
    steps, not as a choice of the employer's terms."""
    report = analyze("A colleague keeps taking credit for my slides in the weekly meeting. I could talk to him "
                     "privately or I could raise it with our manager. Which one should I choose?")
    q = _answer(report, "Which one should I choose")
    assert q.verdict != "cannot judge"
