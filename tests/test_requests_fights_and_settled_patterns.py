"""Shapes a retired holdout (hold-52) and a blind panel (37) showed misread: a refused request to one's own manager
read as going over their head; a threat sent "by email" when the email was the writer's own reply; "it keeps
happening" said of what has calmed down; a head chef's new manager read as a fellow manager; a nanny's trouble with
the children's grandmother put on her employers; the writer's own post ("in the role of help desk manager") taken for
someone else; "the people who report to me" holding "he"; a fight the writer was in read as something they only saw.
Letters written here."""

from __future__ import annotations

from clearair import analyze
from clearair.advise.answer import floor_of, step
from parties_read import holder, people, role_of_other_side


def _factor(report, name: str):
    return next(f for f in report.factors if f.name == name)


def _signals(report) -> set[str]:
    return {s.name for s in report.signals}


def test_a_request_refused_by_ones_own_manager_is_no_escalation():
    report = analyze("I need two weeks off in March for my sister's wedding abroad. When I went to my manager and "
                     "asked for the leave, she refused and told me to take four days at most. We ended up arguing. "
                     "How do I handle this now?")
    assert role_of_other_side(report) == "manager"
    assert "tried_escalating" not in _signals(report)
    assert "tried_talking" in _signals(report)
    assert _factor(report, "already_escalated").value is not True
    assert "raised it with someone" not in report.offline_answer


def test_telling_ones_manager_about_a_coworker_stays_an_escalation():
    """A guard: going to "my manager" about someone else is going above them."""
    report = analyze("A coworker on my shift keeps clocking out early and leaving her patients to me. Last week I "
                     "went to my manager and told her what was happening, but nothing has changed since then.")
    assert "tried_talking" not in _signals(report) or "tried_escalating" in _signals(report)


def test_the_channel_of_a_threat_is_not_the_writers_own_email_afterwards():
    report = analyze("My coworker Dana threatened to write me up after I questioned her figures, so I emailed our "
                     "supervisor that evening to explain my side. Dana now only speaks to me about work.")
    threats = [i for i in report.situation.incidents if i.actor != "narrator"]
    assert threats and all(i.channel != "email" for i in threats)
    assert "by email" not in report.offline_answer


def test_a_pattern_that_has_calmed_down_is_not_said_to_keep_happening():
    report = analyze("For weeks one of the other nurses questioned every decision I made as relief charge nurse, "
                     "again and again, in front of the aides. I told her it felt like an attack. Now she's perfectly "
                     "polite, and should it recur I will take it further. How did others handle this?")
    assert report.situation.pattern.settled
    assert "keeps happening" not in report.offline_answer
    assert "calmed down" in report.offline_answer


def test_a_pattern_still_going_on_is_said_to_keep_happening():
    """A guard: without words that it stopped, a pattern is still told as one."""
    report = analyze("For weeks one of the other nurses has questioned every decision I make as relief charge "
                     "nurse, again and again, in front of the aides. I told her it felt like an attack and she "
                     "laughed. What should I do?")
    assert not report.situation.pattern.settled


def test_a_new_manager_who_directs_a_head_chef_is_their_manager():
    parties = people("I'm a head chef and I have a young assistant cook working under me. We now have a new manager "
                     "who knows little about food, and she keeps pressing me to let him plate the breakfasts.",
                     is_manager=True)
    assert holder(parties, "a new manager")[0] == "manager"


def test_a_manager_from_another_store_stays_a_fellow_manager():
    """A guard: a manager of another place who tells the writer what to do is not their boss."""
    parties = people("I'm a shift lead with four people under me. A manager from another store told me to send two "
                     "of my staff over to cover for her, and when I said no she complained.", is_manager=True)
    assert holder(parties, "A manager")[0] != "manager"


def test_the_childrens_grandmother_is_not_a_nannys_employer():
    report = analyze("I've been nannying for two boys for half a year and the parents who employ me are kind. The "
                     "trouble is the children's grandmother, who drops in every afternoon, undoes my rules and has "
                     "told the boys I don't like her. What should I do?")
    grandmother = next(p for p in report.situation.parties if any("grandmother" in m for m in p.mentions))
    assert grandmother.role == "other"


def test_hosting_an_au_pair_makes_the_writer_her_employer():
    report = analyze("We host an au pair who lives with us and looks after our two girls. Lately she has come home "
                     "at four in the morning before early shifts several times, and each time she promises it won't "
                     "happen again. What is our next step?")
    assert report.situation.narrator.is_manager
    assert role_of_other_side(report) == "direct_report"


def test_the_writers_own_post_named_as_a_role_is_no_one_else():
    report = analyze("I'm new in the role of warehouse supervisor. My own crew are great, but the managers of the "
                     "other sites complain about my loading times in every meeting we share. How can I win them "
                     "over?")
    assert report.situation.narrator.is_manager
    assert not any(any(m.lower() == "warehouse supervisor" for m in p.mentions) for p in report.situation.parties)


def test_people_at_the_same_level_as_the_writer_are_peers():
    parties = people("I run purchasing for the north. The other regional managers, people at the same level as me, "
                     "keep leaving me off the emails about big orders and then blame me when stock runs short.")
    assert holder(parties, "The other regional managers")[0] == "peer"


def test_the_people_who_report_to_me_are_not_he():
    report = analyze("I run the payroll team, and lately our HR manager has had some problem with me. He goes "
                     "around me and hands important notices straight to the people who report to me. When I try to "
                     "talk to him, he ignores me in front of everyone.")
    staff = next(p for p in report.situation.parties if "the people who report to me" in p.mentions)
    assert not {"he", "him", "He"} & set(staff.mentions)
    hr = next(p for p in report.situation.parties if p.role == "hr")
    assert {"He", "him"} & set(hr.mentions)


def test_the_administrator_at_a_school_is_over_its_nurse():
    parties = people("I'm the nurse at one of six schools in our district. The administrator at my school keeps "
                     "giving me duties that clash with what the district nurse asks, and he is on a power trip.")
    assert holder(parties, "The administrator at my school")[0] == "manager"


def test_a_fight_the_writer_was_in_is_theirs_to_own_before_the_process():
    report = analyze("I'm a team leader, and not long ago things turned physical between me and a colleague in the "
                     "stockroom. Our boss found out, and we were both sent a memo telling us to wait to hear what will "
                     "happen next. I regret it deeply. Could I be demoted over this?")
    floor = floor_of(report)
    assert floor.writer_at_fault == "mainly"
    assert report.recommendations[0].action != "HR_FORMAL"
    assert "You saw it happen to someone else" not in report.offline_answer


def test_the_bosss_significant_other_is_a_person_of_their_own():
    parties = people("My boss's significant other now runs the office in all but name, and he lets her change every "
                     "process we have. Nobody dares to say anything to him about it.")
    assert any("My boss's significant other" in mentions for _, mentions in parties.values())


def test_a_likeness_is_no_deed_of_the_writers():
    report = analyze("After the merger meeting my own team turned cool towards me, as if I'd betrayed them by working "
                     "with the other department on the plan. I only did what our director asked. How do I win them "
                     "back?")
    assert not any(i.actor == "narrator" and i.act == "break_confidence" for i in report.situation.incidents)


def test_a_habit_that_stopped_is_no_pattern():
    report = analyze("My supervisor used to say hello to me every day and now she just nods. She also kept my "
                     "check-in short last Tuesday. Nothing has been said and my review was good. Am I overreacting?")
    assert not report.situation.pattern.recurring
    assert "keeps happening" not in report.offline_answer


def test_the_writer_lying_awake_is_no_pattern_of_anyones_conduct():
    report = analyze("My manager skipped our catch-up on Monday and answered my message with one word. I keep lying "
                     "awake wondering whether I'm about to be let go. Is this a real sign or am I anxious?")
    assert not report.situation.pattern.recurring


def test_a_live_in_nanny_is_not_sent_to_hr_or_her_own_manager():
    report = analyze("I work as a live-in nanny and I live in with the family. When they hired me they swore there was "
                     "a cleaner and I would never clean, but now the mother makes me mop every floor, scrub the "
                     "bathrooms and wash all the dishes, unpaid, and she shouts at me when it isn't done. I feel "
                     "trapped and exploited. Am I overreacting or should I just quit?")
    top = report.top_actions(3)
    assert "ESCALATE_MANAGER" not in top and "ESCALATE_THEIR_MANAGER" not in top
    formal = next((r for r in report.recommendations[:3] if r.action == "HR_FORMAL"), None)
    assert formal is None or "agency" in step(formal)  # a household has no HR: the agency or an adviser


def test_parents_who_employ_a_nanny_have_no_manager_or_hr_to_go_to():
    report = analyze("We employ a nanny for our twins. Several times this month she has arrived ten minutes late and "
                     "then written her usual start time on her timesheet. We have talked to her about being on time "
                     "before. Should we just talk to her again?")
    top = report.top_actions(5)
    assert "ESCALATE_MANAGER" not in top and "HR_FORMAL" not in top
    assert "your manager" not in report.offline_answer.lower()


# Red team 47: writers at fault read as victims, roles outside an office ladder, patterns that had stopped.

def test_a_shove_the_writer_gave_is_theirs_before_the_investigation():
    report = analyze("Last Friday a coworker kept winding me up about my football team on the shop floor, and I lost "
                     "it and shoved him into the racking. I've had a letter saying I'm suspended while they "
                     "investigate. I know it was wrong. What do I say at the meeting?")
    floor = floor_of(report)
    assert floor.writer_at_fault == "mainly" and floor.under_review
    assert report.recommendations[0].action != "HR_FORMAL"
    assert "nobody should have to put up with it" not in report.offline_answer


def test_a_check_the_writer_skipped_is_their_own_mistake_to_own():
    report = analyze("I run the weekly invoices and last Thursday I skipped the second check because I was in a "
                     "hurry, so thirty customers were billed twice. My manager Sam is annoyed and customers are "
                     "phoning in angry. How do I put this right?")
    assert "HR_FORMAL" not in report.top_actions(3)
    assert not report.situation.rules_broken_seen
    assert floor_of(report).writer_at_fault == "mainly"


def test_a_relative_staying_with_the_family_is_not_the_nannys_employer():
    report = analyze("I'm a live in nanny for a family with a baby boy. The parents are kind. The mum's brother has "
                     "been staying for a month and keeps walking into my room without knocking and commenting on my "
                     "body when the parents are out. What do I do?")
    assert role_of_other_side(report) == "other"
    assert report.recommendations[0].action == "ESCALATE_MANAGER"
    assert "ESCALATE_THEIR_MANAGER" not in report.top_actions(3)


def test_digs_that_died_down_are_left_be_with_a_note():
    report = analyze("Last spring a colleague kept rolling her eyes at my ideas in our stand-ups, five or six times. "
                     "Then it just died down and she's been fine since. Now we are both up for the same promotion. "
                     "Should I raise it now or leave it?")
    assert report.situation.pattern.settled
    assert set(report.top_actions(2)) == {"DOCUMENT", "LET_GO"}
    assert "Don't let it go" not in report.offline_answer


def test_raising_my_voice_at_my_manager_is_a_part_of_my_own():
    report = analyze("My manager turned down my request to swap shifts for my son's school play. I argued with her in "
                     "front of the till and raised my voice. Now she barely speaks to me. How do I fix this?")
    assert floor_of(report).writer_at_fault in ("partly", "mainly")


def test_two_weeks_off_is_no_pattern():
    report = analyze("I asked my supervisor for two weeks off in July for my brother's wedding and she said no "
                     "because of the summer rush. We had words about it. How do I get the leave?")
    assert not report.situation.pattern.recurring


def test_words_of_a_threat_in_quotes_make_no_pattern():
    report = analyze("After I reported the blocked fire door, a coworker cornered me by the lockers and said "
                     "\"you'd better keep walking, grass\". I told my supervisor the next morning. What now?")
    assert not report.situation.pattern.recurring


def test_a_client_who_wants_the_figures_inflated_is_pressing_the_writer_to_break_the_rules():
    report = analyze("I prepare the monthly report for one of our biggest clients. Their director asked me to bump "
                     "the sales figures by a third before it goes to their lenders, and said we would lose the "
                     "account if I refused. My manager is away until Monday. What should I do?")
    assert floor_of(report).serious
    assert "do not make the change" in report.offline_answer


def test_a_head_of_department_who_directs_a_team_manager_is_their_manager():
    report = analyze("I manage a team of six in accounts. We have a new head of department who keeps telling me "
                     "which invoices my staff should chase first and messages them directly without going through "
                     "me. How do I handle it?")
    assert role_of_other_side(report) == "manager"


def test_the_hr_manager_is_an_hr_officers_boss_and_no_route_to_hr():
    report = analyze("I'm the HR officer at a small charity; there's just me and the HR manager, Paula. Lately she "
                     "overturns my decisions without telling me, calls staff I'm supporting behind my back and "
                     "shouts at me when I ask why. I can't exactly go to HR about HR. What do I do?")
    assert role_of_other_side(report) == "manager"
    assert report.recommendations[0].action != "HR_FORMAL"


# Blind panel 38: a young child put at risk in a family's home read as friction, and "let it go" offered.

def test_a_baby_left_alone_puts_the_childs_safety_first_and_is_not_let_go():
    from clearair.advise.notes import CHILD_SAFETY_NOTE

    report = analyze("Our nanny left our baby alone in the pram outside a shop for ten minutes while she chatted "
                     "inside. A neighbour told us. Should we give her a written warning or just let it go this once?")
    assert CHILD_SAFETY_NOTE in report.notes
    assert report.offline_answer.startswith("Before anything else: the child's safety comes first")
    assert "LET_GO" not in report.top_actions(3)
    assert all(v.verdict == "not advised" for v in report.option_verdicts if v.action == "LET_GO")


def test_a_driver_on_his_phone_with_no_child_in_it_gets_no_child_safety_note():
    """A guard: texting at the wheel of a lorry is a road risk, not a child's."""
    from clearair.advise.notes import CHILD_SAFETY_NOTE

    report = analyze("One of the other drivers on our depot is always texting while driving the lorry, and the "
                     "transport manager laughs it off. Should I report him to someone above the manager?")
    assert CHILD_SAFETY_NOTE not in report.notes


def test_a_self_employed_childminder_has_no_manager_or_hr():
    report = analyze("I'm a registered childminder working from home. One of the parents has started shouting at me "
                     "at pick-up in front of the other parents about the snacks I give, and now says she will report "
                     "me. How do I handle her?")
    top = report.top_actions(5)
    assert "ESCALATE_MANAGER" not in top and "ESCALATE_THEIR_MANAGER" not in top
    assert "your manager" not in report.offline_answer.lower() and "HR" not in report.offline_answer


def test_words_said_to_the_writers_face_make_them_no_mere_witness():
    report = analyze("I flagged a pallet stacked in front of the fire door. Next morning the driver who left it came "
                     "up close in the canteen and said \"you want to be careful, your bike's parked right outside\". "
                     "Two others heard it. What should I do?")
    assert not report.situation.witnessed
    assert "You saw it happen to someone else" not in report.offline_answer


def test_the_writer_who_watched_words_said_to_someone_else_is_still_a_witness():
    """A guard: watching it said to a colleague is seeing it done to someone else."""
    report = analyze("Yesterday I watched our manager corner one of the cleaners by the lifts and tell her \"you'll be "
                     "out of a job if you complain again\". She looked terrified. What should I do?")
    assert report.situation.witnessed
