"""Shapes a retired holdout and two red teams showed misread: a church's pastor runs its paid staff, as a principal
conductor runs the players; a director with no manager named below them is the writer's boss; someone "now in charge"
of the writer is their manager; a foreman or full-timer the writer fired is no longer their report, and is not
"managed" any more; a co-owner runs the staff, but running the bar in someone else's restaurant is no ownership; an
organisation is nobody; "physically on site" and being chased about timesheets are no aggression or harassment; a
wrong or missed dose for someone in care puts their health first; a step held back is listed after the steps that
are not; a writer who loves the job is not first told to plan a way out; a complaint about a new practice manager
goes to the partners, not to the practice manager; nearly falling asleep at the wheel is said first. Letters written
here.
"""

from __future__ import annotations

from clearair import analyze
from clearair.extract import lexicon
from parties_read import holder, people
from parties_read import role_of_other_side as _role


def test_the_pastor_is_the_boss_of_a_churchs_paid_staff():
    parties = people("I lead the music at a small church. Last month our pastor told me to drop the choir anthem "
                     "every second week and then criticised me in front of the band for the shorter service.")
    assert holder(parties, "our pastor")[0] == "manager"


def test_a_writer_who_is_the_pastor_names_no_pastor_above_them():
    parties = people("I'm the senior pastor of a church of about two hundred people, and our worship leader keeps "
                     "changing the set list without telling me, even after I asked her twice to run it past me.")
    assert not any("pastor" in m.lower() for _, mentions in parties.values() for m in mentions)


def test_a_director_with_no_manager_named_below_them_is_the_writers_manager():
    parties = people("My director refuses to let anyone on the events team take a lunch break during the summer "
                     "fundraisers, and last week she shouted at me in front of the volunteers for sitting down.")
    assert holder(parties, "My director")[0] == "manager"


def test_a_director_above_a_named_manager_stays_two_levels_up():
    parties = people("My manager keeps taking credit for my reports, and when I raised it with my director she said "
                     "she would look into it but nothing has changed in two months.")
    assert holder(parties, "my director")[0] == "skip_level"
    assert holder(parties, "My manager")[0] == "manager"


def test_someone_who_says_they_are_now_in_charge_is_the_writers_manager():
    parties = people("Our charity hired a new volunteer coordinator, Dana, last month. At the first meeting she told "
                     "us she is now in charge and that we either do things her way or leave.")
    assert holder(parties, "Dana")[0] == "manager"


def test_in_charge_of_a_thing_is_not_in_charge_of_the_writer():
    parties = people("A coworker of mine, Dana, looks after the stock room and she is in charge of the budget there "
                     "too. She keeps taking my lunch from the shared fridge and laughing about it with the others.")
    assert holder(parties, "Dana")[0] == "peer"


def test_a_foreman_the_writer_fired_is_a_former_employee():
    report = analyze("Last spring I had to fire my foreman, who had worked for me for six years, after he took cash "
                     "from two of our accounts. Now he has started his own painting outfit and keeps calling my "
                     "customers to tell them lies about why he left. How should I handle this?")
    assert report.situation.narrator.is_manager
    assert _role(report) == "other"
    assert "MANAGE_PERFORMANCE" not in [o.action for o in report.recommendations]


def test_a_full_timer_let_go_is_no_longer_the_writers_report():
    parties = people("I run a small cleaning company and I recently had to let one of the full-timers go for "
                     "skipping jobs. Since then he has been turning up at our clients' offices to argue with me.",
                     is_manager=True)
    assert holder(parties, "one of the full-timers")[0] == "other"


def test_an_organisation_the_writer_works_for_is_nobody():
    report = analyze("I work for a nonprofit that runs food banks across the county. I asked whether they could pay "
                     "for a desk chair now that we all work from home, and I was told I should be grateful to have a "
                     "job at all. Should I drop it?")
    assert not any("nonprofit" in m.lower() for p in report.situation.parties for m in p.mentions)


def _themes(text: str) -> set[str]:
    return {h.kind for h in lexicon.find("themes", text)}


def test_working_physically_on_site_is_no_aggression():
    assert "aggression" not in _themes("Our care staff have to be physically on site, so their health is at risk.")
    assert "aggression" not in _themes("The stress made me feel physically sick every Sunday night.")
    assert "aggression" in _themes("Last week he got physical with one of the apprentices in the yard.")


def test_being_chased_about_timesheets_is_no_harassment():
    assert "harassment" not in _themes("The payroll clerk keeps harassing me about my timesheets every Friday.")
    assert "harassment" in _themes("A man from the warehouse keeps harassing me on the way to my car.")


_DOSE = ("I'm a care assistant in a nursing home. Last night I found that one of our residents had been given another "
         "resident's evening tablets, and the senior on shift told me not to fill in an incident form because it "
         "would only upset the family. The resident seems drowsy today. What should I do?")


def test_a_wrong_dose_for_someone_in_care_puts_their_health_first():
    report = analyze(_DOSE)
    assert report.offline_answer.startswith("Before anything else, today")
    assert any(n.startswith("First, the person who may have had the wrong dose") for n in report.notes)


def test_a_missed_deadline_is_no_dose_error():
    report = analyze("I'm a care assistant in a nursing home. My supervisor keeps giving me the worst rota and last "
                     "week she missed my review meeting twice without telling me. What should I do about her?")
    assert not report.offline_answer.startswith("Before anything else")
    assert not any(n.startswith("First, the person") for n in report.notes)


def test_a_writer_who_co_owns_the_business_runs_its_staff():
    parties = people("I co-own a hair salon in a small town. One of my hair stylists has been telling clients that our "
                     "prices are a rip-off and offering to do their hair at home for cash on her days off.",
                     is_manager=True)
    assert holder(parties, "One of my hair stylists")[0] == "direct_report"


def test_a_step_held_back_is_listed_after_the_steps_that_are_not_and_no_lower_step_shows_a_stronger_fit():
    from clearair.models import Reason
    from clearair.render.view import build_view

    report = analyze("My coworker keeps taking credit for my work in team meetings. Last week she presented my whole "
                     "analysis to our manager as her own, and when I asked her about it she laughed. What should I do?")
    recs = report.recommendations
    held = recs[1]
    held.reasons.insert(0, Reason(text="Not a first step here", effect="lowers", source="safety"))
    recs[2].score = recs[0].score  # scored as high as the first, though ranked third
    view = build_view(report)
    codes = [a.code for a in view.actions + view.more_actions]
    assert codes[:2] == [recs[0].action, recs[2].action]  # the held step is no longer second
    levels = [a.level for a in view.actions]
    assert levels == sorted(levels, reverse=True)


def test_running_the_bar_in_someone_elses_restaurant_is_not_owning_it():
    text = ("I run the bar at one of three restaurants in a family-owned group. The owner's nephew, who is operations "
            "director above my general manager, keeps taking cash from the tip jar, and when I asked him about it he "
            "said I should think about how easily I could be replaced.")
    parties = people(text, is_manager=True)
    assert holder(parties, "my general manager")[0] != "direct_report"
    report = analyze(text)
    assert "HR_FORMAL" in [o.action for o in report.recommendations[:3]] or \
        "ESCALATE_THEIR_MANAGER" in [o.action for o in report.recommendations[:3]]


def test_a_principal_conductor_runs_the_players():
    parties = people("I've played viola in a city orchestra for a year on a trial contract. The new principal "
                     "conductor stops rehearsal to make me play passages alone and sighs when I finish.")
    assert holder(parties, "The new principal conductor")[0] == "manager"


def test_a_writer_who_loves_the_job_is_not_first_told_to_plan_a_way_out():
    report = analyze("I love this job. I've been a line cook at a seaside hotel for three years and the new head "
                     "chef has decided he doesn't like me. He mocks my plating in front of the whole kitchen, gives me "
                     "every split shift and told the sous chef I won't last the summer. I complained to the general "
                     "manager once and nothing changed. What can I do?")
    actions = [o.action for o in report.recommendations]
    assert "EXIT" not in actions[:3]
    leaving = report.recommendations[actions.index("EXIT")]
    assert any(r.source == "safety" and "want to stay" in r.text for r in leaving.reasons)


def test_a_complaint_about_a_new_practice_manager_does_not_go_to_the_practice_manager():
    report = analyze("I'm a receptionist at a GP practice. Last month the partners hired a new practice manager, "
                     "Carla, who is now my manager. On Tuesday she grabbed my arm hard in the back office and hissed "
                     "that I would be out of a job if I told anyone about the missing petty cash. What do I do?")
    assert "to the partners" in report.offline_answer
    assert "to the practice manager" not in report.offline_answer


def test_nearly_falling_asleep_driving_is_said_first():
    report = analyze("I coordinate home visits for a small charity and since two colleagues left I cover all four "
                     "districts. I drive between visits all day and write up notes until late. Last Thursday I dozed "
                     "off at the wheel for a second on the motorway home. My manager says everyone is stretched. How "
                     "do I tell her I can't keep doing this?")
    assert report.offline_answer.startswith("Before anything else: nearly falling asleep at the wheel")
    assert any(n.startswith("Before anything else: nearly falling asleep while driving") for n in report.notes)


def test_a_colleague_asleep_in_a_meeting_is_no_driving_danger():
    report = analyze("A colleague of mine keeps falling asleep in our weekly planning meeting and our manager pretends "
                     "not to notice, so the rest of us end up covering his actions. Should I say something?")
    assert not report.offline_answer.startswith("Before anything else")
