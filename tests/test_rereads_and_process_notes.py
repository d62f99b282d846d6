"""Second looks at learned readings whose own sentence tells another story (a fault resting on who the writer is, a
"you are leaving" resting on others quitting or a rival's quoted words, an unsure "your manager has not backed you"
resting on what someone else did), and the note for a union member facing a hearing. Shapes red team 40 found,
letters written here.
"""

from __future__ import annotations

from clearair import analyze
from clearair.advise.notes import OTHER_REP_NOTE, PROCESS_NOTE
from clearair.advise.reread import reread
from clearair.advise.safety import about_the_writer
from clearair.models import Evidence, FactorReading


def _reading(name: str, value, said: str, confidence: float = 0.35) -> FactorReading:
    return FactorReading(name=name, title=name, value=value, text="", confidence=confidence, source="learned",
                         evidence=[Evidence(start=0, end=len(said), text=said)])


def test_who_the_writer_is_is_no_part_of_theirs():
    assert not about_the_writer(_reading("writer_fault", "mainly", "I am a cashier at a garden centre in Leeds."))
    assert about_the_writer(_reading("writer_fault", "mainly", "I'm a cashier and I shouted at her in front of "
                                     "the customers."))


def test_leaving_that_is_not_the_writers_is_not_read_as_theirs():
    for said in ("Two other cooks have quit since March.",
                 "She tells the regulars I'm 'on my way out' and that the owner wants rid of me.",
                 "I have to leave early on Thursdays for my son's physio."):
        f = _reading("leaving", True, said, 0.7)
        reread([f])
        assert f.value is not True, said
    kept = _reading("leaving", True, "I've started looking for another job.", 0.7)
    reread([kept])
    assert kept.value is True


def test_an_unsure_unbacked_manager_needs_someone_above_in_its_sentence():
    f = _reading("own_manager", "unsupportive", "Twice he has waited by my car and said he knows where I live.", 0.3)
    reread([f])
    assert f.value != "unsupportive"
    kept = _reading("own_manager", "unsupportive", "My manager just told me to toughen up.", 0.3)
    reread([kept])
    assert kept.value == "unsupportive"


def test_a_union_member_facing_a_hearing_is_told_to_ring_their_rep():
    report = analyze(
        "I've driven forklifts at a distribution centre for nine years without a mark on my record. Last week I "
        "caught a pallet with my forks and a box of tins fell; nobody was hurt, but I only reported it at the end "
        "of my shift. Now I've been invited to a disciplinary hearing on Friday for failing to report an incident. "
        "I'm in the union but I haven't called anyone yet. How do I prepare?")
    assert PROCESS_NOTE in report.notes


def test_a_rep_who_is_the_problem_is_not_the_one_to_ring():
    report = analyze(
        "I work in a bakery and I now have a disciplinary hearing coming up over a complaint that I was rude to a "
        "delivery driver, which I wasn't. Our union rep, Colin, skipped the first investigation meeting and then "
        "told the shift manager something I'd said to him in confidence about my health. I don't trust him now. "
        "What should I do?")
    assert PROCESS_NOTE not in report.notes
    assert OTHER_REP_NOTE in report.notes
