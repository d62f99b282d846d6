"""An apology followed by more of the same is not said to have closed it, and a note to HR or a manager tells what
was done to the writer, not the writer's own concessions ("In fairness I was late twice")."""

from __future__ import annotations

from clearair import analyze

LETTER = ("My supervisor Dana is really supportive and I trust her. The problem is a coworker, Mark, who keeps "
          "touching my waist when he squeezes past my desk. Last Tuesday he came to my desk and apologised, but on "
          "Friday he did it again in front of two others. In fairness I was late twice this month and he covered for "
          "me, so I feel I owe him. What should I do?")


def test_an_apology_followed_by_more_of_the_same_is_told_as_such():
    answer = analyze(LETTER).offline_answer
    assert "apologised, but it has happened again since" in answer
    assert "since apologised" not in answer


def test_an_apology_that_held_is_told_as_made_and_a_one_off_joke_about_weight_is_not_sent_to_hr():
    report = analyze("A coworker, Mark, made a joke about my weight in the team meeting on Monday. On Tuesday he "
                     "came to my desk and apologised, and he seemed to mean it. Should I still say something?")
    answer = report.offline_answer
    assert "since apologised" in answer
    assert "happened again" not in answer
    assert "formal complaint" not in answer


def test_a_note_leaves_out_the_writers_concession_about_themselves():
    report = analyze(LETTER)
    notes = [s for s in report.scripts if s.to in ("HR", "your manager") or "Hi Dana" in s.text]
    assert notes, [s.title for s in report.scripts]
    for note in notes:
        assert "touching my waist" in note.text
        assert "In fairness" not in note.text


def test_a_note_keeps_serious_conduct_told_beside_kind_words_about_the_person():
    report = analyze("I work on the tills in a garden centre. My supervisor Keith is lovely with customers, but on "
                     "Friday he grabbed my waist in the stockroom and wouldn't let go until I pushed him off. What "
                     "should I do?")
    notes = [s for s in report.scripts if "What happened" in s.text]
    assert notes, [s.title for s in report.scripts]
    assert all("grabbed my waist" in s.text for s in notes)
