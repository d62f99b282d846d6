"""Red team 55's findings and hold-58's misreadings (letters written fresh here): the company's one HR person is not
sent to HR; "my fellow unit managers" are the writer's peers; a slur left by someone the writer cannot name is about
whoever left it, and there is no one to talk to; a gendered slur is serious; a spouse's own call to the boss is not
advised and "Can I complain for her?" is answered; a client's unpaid bill is a debt, not serious conduct; a peer "on the
same level as me" is not the manager who passed on her complaint; a store manager who is "his mate" is no route; a
boss "telling me to just tick the sheets" is pressure to sign; a bent racking upright is a danger; a dose nearly given
twice is a near miss to report; "Am I just being paranoid?" after payback is answered; the one who coordinates the
volunteers directs them; an employee the writer "has had" for months is theirs; and a fault reading rests on what the
writer did, not on who they are."""

from clearair.advise.notes import HAZARD_NOTE, NEAR_MISS_NOTE, ON_BEHALF_OPTION, REPORT_IT_YOURSELF_NOTE, SIGN_NOTE
from clearair.pipeline import analyze


def _role(report) -> str:
    return next(f.value for f in report.factors if f.name == "counterpart_role")


def test_the_one_hr_person_is_not_sent_to_hr():
    report = analyze("I'm the only HR person at a small logistics firm. My manager, the operations director, gave me "
                     "a written warning after I questioned the new overtime rules in an email to all staff. Who do I "
                     "even complain to, and what can I do?")
    assert report.situation.narrator.in_hr
    assert "HR_FORMAL" not in report.top_actions(3)
    assert not any(p.role == "hr" and any("HR person" in m for m in p.mentions) for p in report.situation.parties)


def test_fellow_managers_are_the_writers_peers():
    report = analyze("I'm a shift manager, and two of my fellow shift managers are in a running feud with each other. "
                     "Our handover meetings go nowhere because of it and my own shift suffers. What can I do?")
    assert _role(report) == "peer"


UNSIGNED = ("Someone left a note in my locker calling me a slut. I have no idea who wrote it, it could be anyone on "
            "the shift. My supervisor says she can't do anything without a name. What should I do?")


def test_an_unsigned_slur_is_about_whoever_left_it_and_no_one_is_talked_to():
    report = analyze(UNSIGNED)
    other = report.situation.party(report.situation.counterpart)
    assert other is not None and other.id.startswith("unknown_sender") and other.label == "whoever did it"
    assert not {"TALK_DIRECT", "SET_BOUNDARY", "MEDIATE"} & set(report.top_actions(3))


def test_a_gendered_slur_is_serious_conduct_found_by_the_rules():
    report = analyze("My coworker Dean called me a bitch in front of the whole warehouse crew when I asked him to "
                     "move his forklift out of my lane. What should I do?")
    severity = next(f for f in report.factors if f.name == "severity")
    assert (severity.value, severity.source) == ("serious", "rules")


FOR_MY_WIFE = ("I'm writing for my wife because she won't. Her boss shouts at her in front of customers and changes "
               "her shifts at a day's notice. I want to ring her boss myself and tell him what I think of him. Can I "
               "complain for her?")


def test_a_spouses_own_call_to_the_boss_is_not_advised_and_complaining_for_her_is_answered():
    report = analyze(FOR_MY_WIFE)
    mine = [v for v in report.option_verdicts if "ring her boss myself" in v.option]
    assert mine and all(v.verdict == "not advised" and v.reason == ON_BEHALF_OPTION for v in mine)
    asked = next(q for q in report.questions if "complain for her" in q.text)
    assert asked.verdict == "no" and "own name" in asked.answer


def test_a_clients_unpaid_bill_is_a_debt_to_chase_not_conduct_to_report():
    report = analyze("I'm a self employed cleaner, just me, no company. A client couple owes me for six weeks, and "
                     "every time I ask the husband says next week, and last time he said I was lucky to have the work "
                     "and should stop nagging. How do I get what I'm owed?")
    top = report.top_actions(3)
    assert "ESCALATE_MANAGER" not in top and top[0] != "HR_FORMAL"


def test_a_peer_on_the_writers_level_is_not_the_manager_who_passed_on_her_complaint():
    report = analyze("My manager told me that Anya, who is on the same level as me, complained that I interrupt her "
                     "in meetings. I think it is just a clash of styles. How do I explain that to my manager?")
    anya = next(p for p in report.situation.parties if "Anya" in p.mentions)
    assert anya.role == "peer" and "My manager" not in anya.mentions


def test_a_store_manager_who_is_his_mate_is_no_route():
    report = analyze("My supervisor Tom keeps texting me late at night asking if I'm alone, and last week he turned up "
                     "at my house. He is the only manager on my shift and the store manager is his mate. What do I do?")
    assert report.situation.manager_tied
    assert "ESCALATE_THEIR_MANAGER" not in report.top_actions(3)


def test_telling_me_to_just_tick_the_sheets_is_pressure_to_sign():
    report = analyze("My boss keeps telling me to just tick the sheets for the ladder checks even when we never did "
                     "them, because the auditor only looks at the paperwork. What should I do? I need this job.")
    assert SIGN_NOTE in report.notes


def test_a_bent_upright_the_writer_was_told_not_to_write_down_is_a_danger_to_report():
    report = analyze("I do the racking checks in our warehouse. One of the racks has a bent upright and my supervisor "
                     "told me not to write that down because it would cost money to fix. What should I do?")
    assert HAZARD_NOTE in report.notes and REPORT_IT_YOURSELF_NOTE in report.notes


def test_a_dose_nearly_given_twice_is_a_near_miss_to_report():
    report = analyze("I'm a nurse on a surgical ward. I forgot to hand over that a patient had already had his "
                     "morning insulin, and the next nurse nearly gave it again before she checked the chart. She was "
                     "furious with me in the corridor. How do I put things right with her?")
    assert NEAR_MISS_NOTE in report.notes


def test_am_i_just_being_paranoid_after_payback_is_answered():
    report = analyze("Two weeks after I asked my manager Karen why my pay was lower than the new starters', she moved "
                     "me to nights and took me off the overtime list, while newer people stay on days. Am I just being "
                     "paranoid or is something going on?")
    asked = next(q for q in report.questions if "paranoid" in q.text)
    assert "payback" in asked.answer


def test_the_one_who_coordinates_the_volunteers_directs_them():
    report = analyze("I coordinate volunteers at a charity shop. One volunteer, Pat, refuses to use the new till "
                     "system and snaps at the younger volunteers when they remind her. How do I handle her?")
    assert report.situation.narrator.is_manager
    other = report.situation.party(report.situation.counterpart)
    assert other is not None and "Pat" in other.mentions and other.role == "direct_report"


def test_an_employee_the_writer_has_had_for_months_is_theirs():
    report = analyze("I've had an employee for five months. At first she was fine, but I have had to remind her "
                     "again and again to clean the washrooms properly. How do I let her go without trouble?")
    assert _role(report) == "direct_report"
