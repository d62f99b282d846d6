"""Who the letter is about, as the writer says it: red team 33's letters named the one causing the trouble
("The person making my life hard is Gary", "Kieran is the problem"), placed someone over the writer's manager
("Clive is over Kev"), opened with the writer's own post ("As one of the partners ..., I'm") and asked about a
person the reading had not made a party of. Each form here is general; the negatives keep its edges.
"""

from __future__ import annotations

import pytest

from clearair import analyze
from clearair.extract import read
from clearair.extract.features import sentences
from clearair.extract.named import IS_THE_PROBLEM, PROBLEM_IS
from clearair.extract.parties import build_parties
from clearair.intake import build_document


def _roles(text: str) -> dict[str, tuple[str, set[str]]]:
    drafts = build_parties(read(build_document(text)), False)
    return {k: (d.role, {m.text for m in d.mentions}) for k, d in drafts.items()}


@pytest.mark.parametrize("text, named", [
    ("The person making my life hard is Gary, the shift supervisor.", "Gary"),
    ("the one who's causing all this is my supervisor, not my manager.", "my supervisor"),
    ("My real issue is with my coworker Dana.", "my coworker Dana"),
])
def test_the_one_named_after_the_person_making_it_hard(text, named):
    m = PROBLEM_IS.search(text)
    assert m is not None and text[m.end():].startswith(named)


@pytest.mark.parametrize("text, named", [
    ("Kieran is the problem. He acts like he outranks everyone.", "Kieran"),
    ("Honestly my boss is the real issue here.", "Honestly my boss"),
])
def test_the_one_named_before_is_the_problem(text, named):
    m = IS_THE_PROBLEM.search(text)
    assert m is not None and text[:m.start()] == named


def test_the_problem_is_that_names_no_one():
    assert IS_THE_PROBLEM.search("The problem is that nobody answers the phone after five.") is None


def test_someone_over_the_writers_manager_is_above_them_both():
    roles = _roles("Our new regional manager, Clive, visited the branch last week and made remarks about my outfit. "
                   "Kev is technically my manager but he laughed along. Clive is over Kev and about nine other "
                   "branches.")
    clive = next(role for role, ms in roles.values() if "Clive" in ms)
    kev = next(role for role, ms in roles.values() if "Kev" in ms)
    assert (clive, kev) == ("skip_level", "manager")


def test_someone_over_a_peer_is_not_made_skip_level_by_it():
    roles = _roles("My coworker Tom keeps rewriting my reports before they go out. Anna is over Tom on the rota "
                   "this month, and she has not said anything about it yet.")
    assert next(role for role, ms in roles.values() if "Anna" in ms) != "skip_level"


def test_a_sentence_that_opens_with_the_writers_post_names_no_one():
    roles = _roles("As one of the partners at a small practice (there are four of us) I'm in an awkward spot. Our "
                   "junior architect says another partner shouts at him in reviews.")
    assert not any("one of the partners" in ms for _, ms in roles.values())


def test_as_someone_said_is_still_that_person():
    roles = _roles("As my manager said, the deadline moved, and now I have to redo the whole report alone, which "
                   "feels unfair to me.")
    assert any("my manager" in ms for _, ms in roles.values())


def test_what_was_done_to_the_writer_is_not_their_act():
    doc = read(build_document("When the director sent the email thanking the team, I wasn't named and nobody "
                              "corrected it. I built the pricing model myself.")).doc
    grams = set().union(*(s.grams for s in sentences(doc)))
    assert "a:to_me:not name" in grams and "a:me:not name" not in grams and "a:me:build" in grams


def test_the_person_the_question_names_is_the_other_side_even_when_unread():
    text = ("My actual manager, Helen, is on secondment and I barely see her; we have a short call every other "
            "week. The person making my life hard is Gary, he's the shift supervisor. Since I turned down drinks "
            "with him he puts me on the worst jobs every shift and calls me princess over the radio. What should I "
            "do about Gary?")
    r = analyze(text)
    other = r.situation.party(r.situation.counterpart)
    assert other is not None and "Gary" in other.mentions


@pytest.mark.parametrize("text, named", [
    ("My manager Priya is fair. Her friend Gary is a different story. The one making my life hard is Gary.", "Gary"),
    ("So there's me, Aisha, Kieran and Bev. Aisha and Bev are lovely.\n\nKieran is the problem.", "Kieran"),
    ("My boss is fine. Dr Patel is the real issue here.", "Patel"),
    # no one named, or two: the other clues decide
    ("The problem is that nobody answers the phone after five.", None),
    ("Tom is the problem. Sara is the problem too, and they both talk over me.", None),
    ("Monday was the problem: the system went down.", None),
])
def test_the_person_the_writer_calls_the_problem(text, named):
    from clearair.extract.named import person_named_as_the_problem

    assert person_named_as_the_problem(text) == named


def test_the_person_called_the_problem_is_the_other_side_over_a_fair_manager_named_first():
    r = analyze("My manager Rob is a decent guy and has always been fair to me. His old friend Kieran joined our team "
                "in January. Kieran is the problem. He deleted my name off the board for a feature I built and put "
                "his own, and in standup he told everyone I'm not a team player. Do I go to Rob about his friend?")
    other = r.situation.party(r.situation.counterpart)
    assert other is not None and "Kieran" in other.mentions and other.role != "manager"
