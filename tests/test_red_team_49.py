"""Red team 49's shapes: a turned-down candidate who waits in the car park, a customer's threat that says where the
writer parks, a manager who asks for a fair rating to be lowered to fit the bonus budget, a home business that
could finally hire a helper. Letters written here, not the red team's."""

from __future__ import annotations

from clearair import analyze
from clearair.advise.notes import LEAVE_SAFELY_NOTE, POLICE_NOTE, RULES_NOTE
from clearair.render.view import written_answer
from parties_read import holder, people, role_of_other_side


def test_a_turned_down_candidate_is_outside_and_never_met_alone():
    report = analyze("We interviewed a man for the warehouse supervisor job in May and I told him he had not got it. "
                     "He has since phoned me at work a dozen times, left a card at the front desk and last night he "
                     "was waiting in the car park when I left. My manager thinks it is funny. What should I do?")
    assert role_of_other_side(report) == "other"
    top3 = report.top_actions(3)
    assert "TALK_DIRECT" not in top3 and "ESCALATE_THEIR_MANAGER" not in top3
    assert POLICE_NOTE in report.notes


def test_someone_waiting_where_the_writer_parks_when_they_leave_gets_the_police_line():
    report = analyze("A former client of the gym keeps turning up after I refused to train him again. On Tuesday he "
                     "was waiting in the car park when I finished my shift and asked why I was avoiding him. My boss "
                     "says to ignore it. I'm nervous every evening now.")
    assert POLICE_NOTE in report.notes or LEAVE_SAFELY_NOTE in report.notes


def test_a_threat_that_says_where_the_writer_parks_puts_getting_home_safely_first():
    report = analyze("I work the till at a garden centre. A customer whose refund I could not give leaned over and "
                     "said he knows what time I finish and where I park, then walked out. My supervisor laughed and "
                     "said he is harmless. I leave at eight when it is dark. What do I do?")
    assert LEAVE_SAFELY_NOTE in report.notes
    assert written_answer(report)[0].startswith("Before anything else, today")


def test_being_told_to_lower_a_fair_rating_for_the_bonus_budget_is_pressure_from_the_manager():
    report = analyze("I lead a team of four at a call centre. I rated one of my agents, Dev, as outstanding because "
                     "he carried the team all year. Yesterday my manager told me to change it to satisfactory because "
                     "the bonus budget is short, and said nobody will check. I don't want to do it. What should I do?")
    assert role_of_other_side(report) == "manager"
    assert RULES_NOTE in report.notes
    assert not {"COACH_REPORT", "MANAGE_PERFORMANCE"} & set(report.top_actions(3))


def test_a_maker_who_could_finally_hire_a_helper_employs_her():
    report = analyze("I bake celebration cakes from home and this year I could finally hire a helper two days a week. "
                     "She is kind but keeps posting photos of clients' cakes online before the party, and she leaves "
                     "the kitchen in a state. How do I raise it without upsetting her?")
    assert report.situation.narrator.is_manager
    assert role_of_other_side(report) == "direct_report"


def test_pictures_sent_at_night_are_reported_as_pictures_not_remarks():
    report = analyze("A man on my shift, Tom, swapped numbers with me for cover. For three weeks he has sent me photos "
                     "of himself in bed after midnight, and last night a worse one. He never said anything rude. "
                     "Today he asked if I liked his messages. How do I report this?")
    notes = " ".join(s.text for s in report.scripts if s.kind in ("hr_note", "manager_note"))
    assert notes and "intimate pictures" in notes and "sexual remarks" not in notes


def test_the_nursery_manager_is_a_room_leads_boss():
    parties = people("I lead the baby room at a day nursery and two of my staff keep ignoring the routines I set. "
                     "The nursery manager, Joanne, is kind but stays out of it.", is_manager=True)
    assert holder(parties, "Joanne")[0] == "manager"


def test_the_article_follows_the_sound_not_the_letter():
    from clearair.advise.scripts import _a_or_an

    assert [_a_or_an(w) for w in ("user", "union rep", "uncle", "hour", "engineer", "manager")] == \
        ["a", "a", "an", "an", "an", "a"]


def test_a_writer_who_only_wants_to_be_heard_is_heard_first():
    report = analyze("I don't really want advice, I just need to get this off my chest. My coworker ate my labelled "
                     "lunch from the office fridge again today and joked about it at the team meeting. I'm not going "
                     "to do anything about it.")
    assert written_answer(report)[0].startswith("You said you mostly wanted to get this off your chest")


def test_serious_conduct_is_not_left_as_a_vent():
    """Guard: with serious conduct the answer does not open by saying nothing has to be done."""
    report = analyze("I just need to vent. My manager grabbed my wrist hard in the stockroom yesterday when I said I "
                     "couldn't stay late, and today he told me I'd regret it if I told anyone.")
    assert "Nothing below has to be done" not in written_answer(report)[0]


def test_a_crew_that_is_the_problem_is_named_and_greeted_as_a_group():
    report = analyze("I'm the foreman on a roofing job with nine lads. The whole crew has gone slack since the new "
                     "phase started: late starts, long breaks and tools left on the scaffold. When I pull them up they "
                     "laugh. How do I get them back in line?")
    cp = report.situation.party(report.situation.counterpart)
    assert cp is not None and cp.label == "your crew"
    words = " ".join(s.text for s in report.scripts)
    assert "[their name]" not in words and "Everyone" in words


def test_how_to_raise_it_with_a_report_is_answered_by_the_coaching_step_itself():
    report = analyze("I run a small florist with three staff. One of them, Maya, has been forty minutes late most days "
                     "this month and snaps at the Saturday girl when she asks anything. I mentioned it once as a joke. "
                     "How do I bring this up with her without her quitting?")
    answer = written_answer(report)[0]
    if report.top_actions(1) == ["COACH_REPORT"]:
        assert "Before that, though" not in answer
    assert "Here is how" in answer and "job search" not in answer  # "without her quitting" asks no way out
