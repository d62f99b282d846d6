"""What a talk is about when the reading has no clean words for the act: a plain topic found in the writer's own words
(an unpaid bill, how shifts are shared, a manager picking apart the work) opens the talk and says what to ask for,
where the words before said "It's about [what happened]" and asked for "it" to stop. And a note to HR names the
person it is about, where the letter gives their name (a panel found notes that said only "he")."""

import pytest

from clearair.knowledge import load
from clearair.pipeline import analyze


def _words(report) -> str:
    return "\n".join(s.text for s in report.scripts)


def test_a_customers_unpaid_bill_is_named_and_asked_for():
    report = analyze("We run a two-person window cleaning round. A landlord we cleaned six flats for has only paid "
                     "half of the invoice and now says the frames were left streaky, though he signed the job off. "
                     "What should we do next?")
    words = _words(report)
    assert "still unpaid" in words
    assert "pay the balance" in words
    assert "[what happened]" not in words


def test_shifts_stacked_against_the_writer_are_the_topic():
    report = analyze("There are eight of us on the front desk and I always end up with the weekend shifts, while "
                     "the two newest people never get one. I have asked our supervisor twice and nothing changed. "
                     "How do I raise it again without sounding bitter?")
    words = _words(report)
    assert "how the shifts get shared out" in words
    assert "[what happened]" not in words


@pytest.mark.parametrize("kind, ask", sorted((k, t["ask"]) for k, t in load("scripts")["topics_by_words"].items()
                                              if t.get("ask")))
def test_each_topics_ask_reads_after_could_and_after_asking_that(kind, ask):
    """The ask is said as "From now on, could {ask}?" and "I'm asking that {ask}.": it must open with "we" or "you"
    and a plain verb ("you pay the balance", not "the balance is paid")."""
    first, verb = ask.split()[:2]
    assert first in ("we", "you"), kind
    assert verb not in ("is", "are", "was", "were", "gets", "comes", "goes", "has"), kind


def test_a_note_to_hr_names_the_person_once():
    report = analyze("My supervisor Gareth keeps standing right behind my chair and rubbing my shoulders while I work, "
                     "even after I told him twice to stop. Yesterday he did it in front of a customer. I want to "
                     "report it. What should I write?")
    note = next(s.text for s in report.scripts if "HR" in s.title)
    assert "(Gareth)" in note
    assert note.count("(Gareth)") == 1
