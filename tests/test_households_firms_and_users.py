"""Shapes a retired holdout (hold-53) showed misread: parents who employ a nanny read as her peers, a firm that moves
a care worker's shifts read as no one, a manager in a peer's line read as the writer's own, a childminder's family
and a help desk's user left out, a writer who gives a verbal warning not read as managing, "Lately Denise" taken for
a name. Letters written here."""

from __future__ import annotations

from clearair import analyze
from clearair.advise.notes import child_notes
from parties_read import holder, people, role_of_other_side


def _roles(report) -> dict[str, str]:
    return {p.id: p.role for p in report.situation.parties}


def test_parents_who_employ_a_nanny_manage_her():
    report = analyze("My wife and I both work long hours and employ a nanny for our toddler. This month she has "
                     "turned up late four times and keeps texting my wife about her weekend plans. Should we let "
                     "her go or talk to her first?")
    assert report.situation.narrator.is_manager
    assert role_of_other_side(report) == "direct_report"


def test_the_nanny_with_my_boys_is_the_writers_employee():
    report = analyze("A friend rang on Sunday to say she had seen the nanny with my boys at the park, scrolling on "
                     "her phone for an hour while they climbed the railings. I have not raised it with her yet. "
                     "Do I give a warning or find someone new?")
    assert role_of_other_side(report) == "direct_report"


def test_a_nanny_who_found_the_job_works_for_the_mum():
    parties = people("I trained as a teacher but found a nanny job with a family of three last spring. The mum keeps "
                     "changing my hours the night before and docks my pay when I object. What are my rights?")
    assert holder(parties, "The mum")[0] == "manager"


def test_the_company_that_moves_a_care_workers_shifts_is_their_employer():
    report = analyze("I'm a support worker in a care home. Three times now I have turned up for a day shift and "
                     "only then been told I'm doing the night as well. Is the company actually allowed to change my "
                     "hours on the day with no warning at all?")
    assert role_of_other_side(report) == "manager"
    assert any("the company" in p.mentions for p in report.situation.parties)


def test_the_company_as_a_place_stays_no_one():
    """A guard: the firm as the place one works is nobody acting on the writer."""
    parties = people("I joined the company two years ago as a junior analyst, and my coworker Priya keeps taking "
                     "credit for the reports I write for our weekly meeting.")
    assert not any("the company" in mentions for _, mentions in parties.values())


def test_someone_the_writer_manages_is_their_report():
    parties = people("I manage someone who loses his temper at least once a week, often at me, and the rest of the "
                     "team is tired of walking on eggshells around him.", is_manager=True)
    assert holder(parties, "someone")[0] == "direct_report"


def test_a_family_a_childminder_serves_is_a_customer():
    report = analyze("I'm a childminder and brought in a fee for late pick-ups last month. One family is refusing to "
                     "pay it and keeps asking for meetings in the evening so I can justify it to them. How do I "
                     "handle them without losing the contract?")
    assert role_of_other_side(report) == "customer"


def test_a_help_desks_user_is_someone_it_serves():
    parties = people("I work on our IT help desk. This user called back about the same fault, was rude to our tech "
                     "when he asked her to describe it again, and then complained to management about him.")
    assert holder(parties, "This user")[0] == "customer"


def test_a_user_guide_is_no_one():
    """A guard: "the user guide" names a document, not a person served."""
    parties = people("My team lead keeps rewriting the user guide I wrote without telling me, and then presents the "
                     "new version to the client as her own work.")
    assert not any("the user" in mentions for _, mentions in parties.values())


def test_a_manager_in_a_peers_line_is_not_the_writers_manager():
    report = analyze("I work remotely, away from my peers and their teams. There's a manager who reports to one of my "
                     "peers, and I need him to follow up on several issues that were escalated to his team. I'm "
                     "thinking of copying his director on my next email. When is that fair?")
    assert "manager" not in _roles(report).values()


def test_a_writer_who_gives_a_verbal_warning_manages_that_person():
    report = analyze("I'm a new nurse and run the night shift on my unit. I found a resident soaked at dawn, and when "
                     "the aide said she had checked him an hour before, I told her this was a verbal warning. Was I "
                     "too harsh?")
    assert report.situation.narrator.is_manager
    assert role_of_other_side(report) == "direct_report"


def test_an_opening_word_is_no_part_of_a_name():
    report = analyze("I run the front desk at a small dental practice. Lately Denise, the practice manager, has been "
                     "rewriting my appointment book without telling me, and patients arrive to find no slot.")
    mentions = {m for p in report.situation.parties for m in p.mentions}
    assert "Denise" in mentions and "Lately Denise" not in mentions


def test_a_child_left_alone_in_the_bath_gets_the_child_safety_note():
    assert child_notes("Yesterday the nanny left my youngest alone in the bath while she took a call in the hall.")
    assert child_notes("She left our little son alone in the car outside the shop for ten minutes.")
    assert not child_notes("My youngest brother works in the same office and left early today.")


def test_a_household_employer_is_not_told_to_coach_a_report():
    report = analyze("We hired a nanny for our two girls in the spring. Lately she arrives late most mornings and last "
                     "week she left my youngest alone in the bath while she answered her phone. How do we raise "
                     "this without losing her?")
    assert report.notes and "child" in report.notes[0].lower() or "child" in report.offline_answer.split("\n")[0]
    titles = [r.title for r in report.recommendations]
    assert "Coach and back up your report" not in titles
    assert "report" not in report.offline_answer.split("\n\n")[1]
    assert "performance management" not in report.offline_answer


def test_an_au_pair_texting_at_the_wheel_gets_the_child_safety_note():
    """Red team 47: an au pair caught three times on her phone while driving the children was read as friction."""
    assert child_notes("We have one rule, no phone while she's driving the children, and I caught her again.")
    assert child_notes("My son told me she was texting at a red light on the way to school.")
    assert not child_notes("My manager keeps texting me at the weekend about the rota.")


_AU_PAIR = ("We have an au pair who has been with us since March and the children adore her. Our one firm rule is no "
            "phone while she is driving them, and I have now caught her three times. Each time we talked, she said "
            "sorry and promised it would not happen again, and then it did. What is the fair way to handle it?")


def test_help_at_home_is_named_in_the_words_and_views_not_called_a_report():
    report = analyze(_AU_PAIR)
    assert all("your report" not in s.title for s in report.scripts)
    assert all("coach and back up your report" not in p.view.lower() for p in report.perspectives)
    assert all("to your manager" not in t.text for t in report.revisit_if)


def test_an_apology_followed_by_the_same_again_is_not_thanked_for():
    report = analyze(_AU_PAIR)
    words = " ".join(s.text for s in report.scripts)
    assert "Thanks for the apology" not in words


def test_a_nanny_who_has_worked_as_the_nanny_works_for_the_childs_parents():
    report = analyze("For two years I've worked full time as the nanny for a little girl. Her mother is going on "
                     "maternity leave and wants me only when she calls, with no fixed hours. Should I accept the cut?")
    assert role_of_other_side(report) == "manager"
    assert any("Her mother" in p.mentions and p.role == "manager" for p in report.situation.parties)


def test_a_nannys_employers_are_called_the_family_not_her_manager():
    report = analyze("I've worked as the nanny for a family with two boys for three years. The mother now wants me to "
                     "do the family's laundry and cooking as well, for the same pay, and got short with me when I "
                     "hesitated. How do I raise it?")
    assert "your manager" not in report.offline_answer.lower()
    assert any(p.label == "the family you work for" for p in report.situation.parties)
