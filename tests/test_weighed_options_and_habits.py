"""The words people read: an option the writer weighs is judged by its course of action, not by the words of
weighing it ("Not advised: or just put up with it" read garbled to a panel); a habit told as "most of" or "all of"
a kind of thing is said back to the person; and someone the letter calls only "the man … Mikko" is Mikko in a note.
"""

from __future__ import annotations

import pytest

from clearair import analyze
from clearair.advise.retell import retold_to_them
from clearair.models import Incident
from clearair.render.view import build_view, option_as_weighed


@pytest.mark.parametrize("weighed, action", [
    ("I'm not sure if I should go to the store manager", "Go to the store manager"),
    ("or just put up with it until the rota changes in June", "Put up with it until the rota changes in June"),
    ("or should I just ignore it?", "Ignore it"),
    ("whether to report him or not", "Report him"),
    ("maybe I should just let it go", "Let it go"),
    ("quit", "Quit"),
])
def test_an_option_is_judged_by_its_course_of_action(weighed, action):
    assert option_as_weighed(weighed) == action


def test_the_verdict_lines_of_a_letter_read_as_actions():
    report = analyze("I work nights at a warehouse. For a month the night lead Sean has given me the worst jobs every "
                     "shift and shouted at me in front of everyone when a pallet was in the wrong place. I'm not sure "
                     "if I should go to the site manager or just put up with it until the rota changes in June.")
    view = build_view(report)
    assert view.options
    assert all(not o.option.lower().startswith(("or ", "i'm not sure", "should i")) for o in view.options)
    assert all(o.option[:1].isupper() for o in view.options)


@pytest.mark.parametrize("sentence, said", [
    ("Tom takes most of his phone calls at his desk on speaker.", "you take most of your phone calls at your desk"),
    ("Jo takes all of the good shifts for herself.", "you take all of the good shifts for yourself"),
])
def test_most_of_or_all_of_a_kind_of_thing_is_a_habit_to_say_back(sentence, said):
    retold = retold_to_them(sentence, [sentence.split()[0]])
    assert retold is not None and retold.startswith(said)


def test_one_known_only_as_the_man_is_named_in_a_note():
    report = analyze("I work in an open-plan office at an insurer. The man who sits opposite me, Mikko, takes "
                     "most of his phone calls at his desk on speaker, and it is very hard to concentrate. He is a "
                     "friendly person. I've started wearing headphones but they don't block it. How do I bring it up?")
    notes = [s.text for s in report.scripts if "In short:" in s.text]
    assert notes and all("In short: Mikko takes" in text for text in notes)
    said = [s.text for s in report.scripts]
    assert any("you take most of your phone calls" in t for t in said)


_HIDDEN_FILES = ("One of my coworkers tells our manager lies about me, and she also takes documents from my desk and "
                 "hides them, so I look disorganised. Going to my manager is pointless: in his eyes she can do no "
                 "wrong, and he'd just put my complaint down to jealousy. I'd like to stay in this job. What are my "
                 "options?")


def test_a_note_tells_what_was_done_not_the_writers_guess_about_a_route():
    report = analyze(_HIDDEN_FILES)
    notes = [s.text for s in report.scripts if "What happened, in my words" in s.text]
    for text in notes:
        assert "pointless" not in text and "put my complaint down" not in text


def test_the_timeline_has_no_line_it_could_not_say():
    report = analyze("My coworker Dana keeps taking credit for my slides in the weekly meeting, in front of our "
                     "manager, and she did it again on Monday. How do I raise it with her?")
    # an incident by someone the reading could not place, with an act it has no words for
    report.situation.incidents.append(Incident(actor="unknown", act="unknown", summary="something"))
    labels = [t.label for t in build_view(report).timeline]
    assert labels and all("[what happened]" not in label for label in labels)
