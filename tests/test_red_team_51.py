"""Red team 51's findings: notes about the writer's body left on her car read as her own words (and an apology
written to the man leaving them); a threat to be "waiting for you in the car park after your shift" with no safety
line; a tiler "I subcontract the tiling to" read as the owner's staff; a carer told "just sign it" for turns not done
never told not to sign; the customer half of "what do I do about both of them?" unanswered; a new hire named beside
"someone new" who was no party, her "she" given to the boss; "Am I making too much of it?" unanswered; "you applied
for my job" said to a report as the offence. Letters written here."""

from __future__ import annotations

from clearair import analyze
from clearair.advise.notes import LEAVE_SAFELY_NOTE, SIGN_NOTE
from clearair.render.view import written_answer
from parties_read import role_of_other_side


def _severity(report) -> str:
    return next(f.value for f in report.factors if f.name == "severity")


def test_notes_about_the_writers_body_are_serious_and_never_hers_to_apologise_for():
    report = analyze("For two months someone has been leaving notes under my windscreen wiper in the staff car "
                     "park, like \"nice legs today\" and one that said I'd look better if I lost a bit of weight. Last "
                     "week I saw my coworker Gavin putting one there. He sits two desks from me. Am I making too much "
                     "of it? How do I deal with this?")
    assert _severity(report) == "serious"
    assert report.top_actions(1)[0] in ("HR_FORMAL", "DOCUMENT", "ESCALATE_MANAGER")
    assert not any(s.kind == "apology" for s in report.scripts)
    assert "serious" in written_answer(report)[0]


def test_waiting_for_you_in_the_car_park_after_your_shift_puts_getting_home_first():
    report = analyze("A porter on the other shift, Mick, came up close to me tonight and said \"I'll be waiting for "
                     "you in the car park after your shift on Saturday.\" Two people heard him. I park at the far end. "
                     "What should I do?")
    assert LEAVE_SAFELY_NOTE in report.notes


def test_the_one_the_work_is_subcontracted_to_is_no_member_of_staff():
    report = analyze("I run a small roofing business with three staff. I subcontract the leadwork to a guy called "
                     "Phil who I've used for years. Last week he left a job half done for four days without a word "
                     "and the customer is furious. What do I do about both of them?")
    assert role_of_other_side(report) == "other"
    answer = written_answer(report)[0]
    assert "This is about Phil" in answer
    assert "With the customer: apologise" in answer


def test_a_carer_told_to_just_sign_for_care_not_given_is_told_not_to_sign():
    report = analyze("I'm a care assistant on nights. My colleague Sue asks me to fill in the fluids chart for her "
                     "residents when she's been on her break the whole time. Last night she said \"everyone does it, "
                     "just sign it\". I didn't see any of it happen. What should I do?")
    assert SIGN_NOTE in report.notes


def test_a_new_hire_named_beside_someone_new_is_the_one_she_points_to():
    report = analyze("A month ago my manager Ruth hired someone new to the events team, Kayla. She has been telling "
                     "the clients that my plans are hers. I've been here six years. How do I handle it without "
                     "looking jealous?")
    kayla = next(p for p in report.situation.parties if "Kayla" in p.mentions)
    assert "She" in kayla.mentions


def test_applying_for_the_writers_job_is_never_said_as_the_offence():
    report = analyze("I manage a team of five and one of my reports, Callum, has started rolling his eyes when I "
                     "give feedback in our one-to-ones, and answers with one word. I'm new as a manager and he applied "
                     "for my job and didn't get it. How should I handle it?")
    assert not any("applied for my job" in s.text for s in report.scripts)


def test_a_name_after_the_bosss_title_is_not_said_back_inside_the_act():
    report = analyze("My boss Tariq messages me on WhatsApp most evenings, sometimes at 10 or 11pm, and on Sundays. "
                     "It's all work stuff. If I reply in the morning he's a bit short with me. Where do I draw the "
                     "line?")
    assert not any("you Tariq" in s.text for s in report.scripts)
    assert any("you message me on WhatsApp" in s.text for s in report.scripts)


def test_saying_no_to_covering_gives_the_real_reason():
    report = analyze("My coworker Jade keeps asking me to clock her in when she's running late, and yesterday she "
                     "asked me to tell our supervisor she was in the stockroom. She's my friend. How do I say no "
                     "without ruining our friendship?")
    answer = written_answer(report)[0]
    assert "it's my name on it" in answer
    assert "I've got my own work to finish" not in answer


def test_no_warning_is_put_in_the_mouth_of_a_junior_saying_no_to_someone_senior():
    report = analyze("One of the senior partners, Moira, keeps dropping big pieces of work on my desk at five with a "
                     "deadline of first thing tomorrow. She isn't my manager, but she's very senior and everyone's a "
                     "bit afraid of her. I've stayed until ten three times this week. I'm scared to say no because "
                     "she decides who gets the good cases. How do I say no to someone like that?")
    assert not any("take it further" in s.text for s in report.scripts)
