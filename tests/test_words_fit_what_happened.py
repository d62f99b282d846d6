"""Words that say what happened, not a stock line beside it: a clause the writer wrote is said back even where
"ignores me" made the act a leaving-out; a subject the parser took for an object is not said as part of the act;
eye-rolling is "belittled", not "a remark"; a writer treated so while presenting their own work is no witness; the
backing script names where the next concern may come from; a lead of another team is no report of the writer's;
serious conduct with no clean words leaves a slot, never a vague "has behaved in a way". Letters written here.
"""

from __future__ import annotations

import re

from clearair import analyze
from parties_read import holder, people


def test_the_writers_own_clause_is_said_even_where_being_ignored_made_it_a_leaving_out():
    report = analyze("My coworker Ines keeps parking the delivery van across the loading bay every morning, so my "
                     "trucks cannot get in. I've asked her twice to use the side yard and she ignores me. How do I "
                     "bring it up again?")
    opener = next(s for s in report.scripts if s.kind == "opener")
    assert "parking the delivery van across the loading bay" in opener.text
    assert "working together less" not in opener.text


def test_a_subject_taken_for_an_object_is_not_said_as_part_of_the_act():
    report = analyze("I work the reception desk at a gym. Yesterday a member was shouting about his locker and my "
                     "coworker Sam laughed at him while he was still talking. He has since cancelled. I'm Sam's "
                     "shift lead. How should I raise it with Sam?")
    said = report.offline_answer + " ".join(s.text for s in report.scripts)
    # (a note may quote the writer's whole sentence as its "In short:"; what is checked is the act said in our voice)
    said = re.sub(r"In short: [^\n]*", "", said)
    assert "his locker and my coworker Sam" not in said and "your locker and my coworker Sam" not in said
    assert "your coworker Sam." not in said


def test_eye_rolling_is_said_as_belittling_not_as_a_remark():
    report = analyze("In our team meeting yesterday my coworker Bea rolled her eyes and smirked at the others every "
                     "time I presented my part of the plan. It has happened at the last three meetings. What should "
                     "I do?")
    assert "belittled you" in report.offline_answer
    assert "remark" not in report.offline_answer


def test_a_writer_belittled_while_presenting_their_own_work_is_no_witness():
    for letter in ("In our team meeting yesterday my coworker Bea rolled her eyes and smirked at the others every "
                   "time I presented my part of the plan. It has happened at the last three meetings. What should I "
                   "do?",
                   "At our weekly planning call my coworker Bea rolls her eyes and sighs loudly whenever I present my "
                   "part of the schedule. It has happened at the last four calls. What should I do?"):
        assert "You saw it happen to someone else" not in analyze(letter).offline_answer


def test_the_backing_script_names_another_team_only_where_the_other_side_is_one():
    report = analyze("I supervise the night shift at a warehouse. The day-shift lead from the other team keeps "
                     "telling one of my reports, Amira, that her pallets are stacked wrong, in front of everyone, and "
                     "she is upset. How do I back her up?")
    backing = next(s for s in report.scripts if s.kind == "backing")
    assert "Next time someone from another team has a concern" in backing.text
    parties = people("I supervise the night shift at a warehouse. The day-shift lead from the other team keeps "
                     "telling one of my reports, Amira, that her pallets are stacked wrong.", is_manager=True)
    assert holder(parties, "The day-shift lead")[0] != "direct_report"


def test_serious_conduct_with_no_clean_words_leaves_a_slot_for_what_happened():
    from clearair.advise.scripts import _first_person_event
    from clearair.models import Party, Situation

    s = Situation(parties=[Party(id="manager", role="manager", label="your manager")], counterpart="manager")
    said = _first_person_event(s, None, serious=True)
    assert "[what happened]" in said and "behaved in a way" not in said


def test_asking_whether_to_go_above_them_or_telling_them_to_stop_is_not_having_gone_above_them():
    from clearair.advise.reread import reread
    from clearair.models import Evidence, FactorReading

    def escalated(said: str) -> FactorReading:
        return FactorReading(name="already_escalated", title="", value=True, text="", source="learned", confidence=0.8,
                             evidence=[Evidence(start=0, end=len(said), text=said)])

    for said in ("Should I tell my manager?", "I told him to stop and he laughed."):
        assert reread([escalated(said)])[0].value is False
    for said in ("I told my manager last month and nothing changed.", "I reported it to HR in March."):
        assert reread([escalated(said)])[0].value is True


def test_what_should_i_write_is_answered_with_the_words():
    report = analyze("My supervisor, Grant, has been commenting on my body in front of the crew for weeks, and on "
                     "Monday he grabbed my waist in the stockroom. I told him to stop and he laughed. I want to "
                     "report him to HR. What should I write?")
    asked = report.offline_answer.split("\n\n")[0]
    assert asked.startswith("You asked: “What should I write?”")
    assert "Something like this to HR: “" in asked
