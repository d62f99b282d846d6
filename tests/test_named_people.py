"""Several people of one kind, each by name: who did what stays with that person.

A red team found that when a letter names two coworkers the writer likes and a third who does the harm, all three
were one "peer" party: the words were addressed to whichever name came first and the person the letter is about
could not be the other side on their own.
"""

from __future__ import annotations

import pytest

from clearair import analyze
from clearair.extract import read
from clearair.extract.parties import build_parties
from clearair.intake import build_document

_THREE = ("I'm one of six designers at an agency. Two of my colleagues, Priya and Tom, are lovely and we often have "
          "lunch together. The trouble is another colleague, Gareth. Since March Gareth has been presenting my "
          "mock-ups to the creative director as his own work. Priya saw him do it last week. I haven't said "
          "anything to him yet. Should I talk to him or go to the director?")


def _people(text: str) -> dict[str, set[str]]:
    document = build_document(text)
    return {k: {m.text for m in d.mentions} for k, d in build_parties(read(document), False).items()}


def test_each_named_person_of_one_kind_is_a_party_of_their_own():
    parties = _people(_THREE)
    holders = {name: [k for k, ms in parties.items() if name in ms] for name in ("Priya", "Tom", "Gareth")}
    assert all(len(keys) == 1 for keys in holders.values())
    assert len({keys[0] for keys in holders.values()}) == 3
    gareth = parties[holders["Gareth"][0]]
    assert "another colleague" in gareth  # the role word that introduced him goes with him
    assert "Two of my colleagues" not in gareth  # the group stays with the role


def test_the_one_who_did_it_is_the_other_side_and_the_words_name_them():
    report = analyze(_THREE)
    cp = report.situation.party(report.situation.counterpart)
    assert cp is not None and "Gareth" in cp.mentions
    said = " ".join(s.text for s in report.scripts)
    assert "Priya" not in said and "Tom" not in said


def test_one_named_person_keeps_the_party_as_before():
    parties = _people("My coworker Dana has been rude to me in meetings for months. Dana talks over me every time.")
    assert len([k for k, ms in parties.items() if "Dana" in ms]) == 1
    assert any({"My coworker", "Dana"} <= ms for ms in parties.values())


def test_a_name_the_small_model_misses_the_second_time_is_still_that_person():
    text = ("My coworker Trevor is the problem. For months Trevor has taken my reports and sent them on as his own. "
            "Another coworker, Ana, noticed.")
    parties = _people(text)
    trevor = next(ms for ms in parties.values() if "Trevor" in ms)
    starts = [m.start for d in build_parties(read(build_document(text)), False).values() for m in d.mentions
              if m.text == "Trevor"]
    assert len(starts) == 2 and "Ana" not in trevor


@pytest.mark.parametrize("letter, option", [
    ("My supervisor mocked my accent in front of everyone. My coworker Jen thinks I should just let it go, and my "
     "husband says I should report it to HR.", "My coworker Jen thinks I should just let it go"),
    ("My boss shouted at me in the car park. My husband says I should report it to HR.",
     "My husband says I should report it to HR"),
])
def test_someone_elses_advice_is_an_option_that_says_whose_it_is(letter, option):
    options = [o.text for o in analyze(letter).situation.options]
    assert option in options
