"""Shapes a retired holdout (hold-54) showed misread: an owner who says "I've owned" (not "I own"), a room leader whose
staff "report to me", a leader who "has seven staff", a home business that could "hire a part-time assistant", and
a turned-down job candidate read as a colleague. Letters written here."""

from __future__ import annotations

from clearair import analyze
from parties_read import holder, people, role_of_other_side


def test_an_owner_who_has_owned_the_firm_for_years_runs_it():
    report = analyze("I've owned a small roofing firm for fifteen years. One of my foremen, Pete, now turns up an hour "
                     "late most mornings and swears at the apprentices when they ask him anything. What do I do?")
    assert report.situation.narrator.is_manager
    assert role_of_other_side(report) == "direct_report"


def test_foremen_in_the_plural_work_for_the_owner():
    parties = people("We own a landscaping business with nine staff. Two of my foremen keep arguing on site in front "
                     "of the clients and the crews take sides every time it happens.", is_manager=True)
    assert holder(parties, "my foremen")[0] == "direct_report"


def test_staff_who_report_to_the_writer_make_the_writer_their_manager():
    report = analyze("I lead the toddler room at a busy nursery and the staff in that room report to me. Last week "
                     "two of them rearranged the whole room while I was on leave without asking anyone. How do I "
                     "raise it without a row?")
    assert report.situation.narrator.is_manager


def test_a_leader_with_seven_staff_manages_people():
    report = analyze("I run a small after-school club and have seven staff. One of them refuses every new routine I "
                     "bring in and tells parents at pickup that the changes are pointless. Where do I start?")
    assert report.situation.narrator.is_manager


def test_someone_who_could_hire_an_assistant_employs_her():
    report = analyze("My dog grooming business got busy enough that I could hire a part-time assistant this spring. "
                     "She is lovely with the dogs but is on her phone for half of every shift and leaves the "
                     "washroom a mess. How do I tell her?")
    assert report.situation.narrator.is_manager
    assert role_of_other_side(report) == "direct_report"


def test_wondering_whether_to_hire_outside_help_is_not_managing_anyone():
    """Guard (passes on the old code too): asking whether one could hire an outside contractor employs no one."""
    report = analyze("Our IT person ignores every ticket I send. I asked our director whether I could hire an outside "
                     "technician I know for the afternoon, and now the IT person tells everyone I went over his head.")
    assert not report.situation.narrator.is_manager


def test_a_turned_down_job_candidate_is_outside_the_writers_workplace():
    report = analyze("We interviewed a candidate in September and I phoned to tell her she had not got the role. "
                     "Since then she has rung me nine times, sent flowers to reception and asked my colleagues for my "
                     "home address. What should I do?")
    assert role_of_other_side(report) == "other"


def test_a_writer_who_was_a_candidate_is_not_the_candidate():
    """Guard: "I was a candidate" is the writer; the colleague who got the post stays a peer."""
    report = analyze("I was a candidate for the supervisor post but my coworker Dina got it. Since then she brings it "
                     "up every morning in front of the whole team and laughs about it.")
    assert role_of_other_side(report) == "peer"


def test_the_sous_chef_is_a_cooks_boss():
    parties = people("I'm a line cook at a busy hotel restaurant. The sous chef keeps changing my station at the last "
                     "minute and then blames me in front of the others when the tickets run late.")
    assert holder(parties, "The sous chef")[0] == "manager"


def test_a_report_whose_work_is_the_trouble_is_asked_for_the_standard_not_told_to_stop():
    report = analyze("I manage a small accounts team. One of my reports, Kim, makes the same mistakes over and over in "
                     "the month-end figures, and I end up fixing them at night. How do I handle it?")
    words = " ".join(s.text for s in report.scripts if s.kind in ("coaching", "boundary"))
    assert words and "asking that this stop" not in words
    assert "what a good job looks like" in words
