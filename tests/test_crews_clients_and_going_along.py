"""Shapes a retired holdout and a red team showed misread: to someone who runs a trade business, "my plow driver" and
"a new groundsman" work for them and "an owner who lives out of town" is a client; a new management team that took
over is the writer's boss; a worker the writer "let go" by name is a former employee; saying someone knows where a
named colleague lives is a threat; "too old-fashioned" is no remark on age; "should I just sign it?" about a false
timesheet is answered no; a wrong dose already checked and reported does not open the answer; a third question that
asks how is answered; the writer's own months of lateness and a misread chart are their part. Letters written here.
"""

from __future__ import annotations

from clearair import analyze
from parties_read import holder, people, role_of_other_side


def test_a_trade_owners_driver_works_for_them():
    parties = people("I run a small snow-plowing business with two trucks. A neighbour emailed to complain that my "
                     "plow driver revs the engine outside his bedroom at five in the morning, every storm.",
                     is_manager=True)
    assert holder(parties, "my plow driver")[0] == "direct_report"


def test_a_groundsman_the_owner_took_on_works_for_them():
    parties = people("I run a garden maintenance firm and do the design work myself. I took on a new groundsman in "
                     "March, and he keeps arguing with the clients about where their beds should go.", is_manager=True)
    assert holder(parties, "a new groundsman")[0] == "direct_report"


def test_an_owner_whose_house_a_trade_business_serves_is_its_client():
    report = analyze("I run a pool cleaning business and have looked after a holiday villa for an owner who lives "
                     "abroad for six years. Last week the owner emailed to say the cleaner there told him I had not "
                     "been for a month, which is false. How do I put this right with him?")
    owner = next(p for p in report.situation.parties if "an owner" in p.mentions)
    assert owner.role == "customer" and "the owner" in owner.mentions
    assert not any(p.role == "manager" for p in report.situation.parties)


def test_a_management_team_that_took_over_is_the_writers_boss():
    parties = people("A new management team took over our warehouse in June, and since then they have taken away the "
                     "overtime rota I used to run and ignore every suggestion I send about the loading bays.")
    assert holder(parties, "management team")[0] == "manager"


def test_a_worker_let_go_by_name_is_a_former_employee():
    report = analyze("I manage a small painting crew. Three weeks ago I let Gavin go after he left a client's house "
                     "unlocked twice. Since then he has been phoning my newest painter, Ayo, at night and telling him "
                     "to quit.")
    gavin = next(p for p in report.situation.parties if "Gavin" in p.mentions)
    assert gavin.role == "other" and role_of_other_side(report) == "other"


def test_letting_someone_go_home_early_is_no_dismissal():
    parties = people("I supervise the evening shift at a call centre. Last Friday I let Marta go home early because "
                     "her son was ill, and now two of the others say I play favourites with her.", is_manager=True)
    assert not any(role == "other" for role, _ in parties.values())


def test_saying_he_knows_where_a_named_colleague_lives_is_a_threat():
    report = analyze("I manage a small bakery. Since I dismissed one of the drivers last week, he has been messaging "
                     "my youngest baker, Tariq, saying he knows where Tariq lives and that Tariq will regret taking "
                     "his shifts. What should I do?")
    assert next(f for f in report.factors if f.name == "severity").value == "serious"
    assert any(e.text.startswith("knows where Tariq lives") for f in report.factors if f.name == "severity"
               for e in f.evidence)


def test_too_old_fashioned_is_no_remark_on_age():
    report = analyze("My new team lead told me in our one-to-one that my filing system is too old-fashioned and that "
                     "I should move everything to the shared drive. I felt a bit stung. Should I argue or just adapt?")
    assert next(f for f in report.factors if f.name == "severity").value != "serious"


def test_should_i_just_sign_a_false_timesheet_is_answered_no():
    report = analyze("My shift supervisor wants me to sign a timesheet saying I worked hours I did not work, so the "
                     "agency can bill the client for them. She says everyone does it and I will lose shifts if I "
                     "refuse. Should I just sign it?")
    assert "“Should I just sign it?” No: do not sign" in report.offline_answer


def test_a_wrong_dose_already_checked_and_reported_does_not_open_the_answer():
    report = analyze("I'm a nurse on a surgical ward. Last week I gave a patient an extra dose of his painkiller "
                     "because I misread the chart. He was monitored overnight and is fine, and I reported it. Now a "
                     "colleague, Orla, tells everyone I am careless. Should I raise it with my manager?")
    assert not report.offline_answer.startswith("Before anything else")
    assert not any(n.startswith("First, the person who may have had the wrong dose") for n in report.notes)


def test_a_third_question_that_asks_how_is_answered():
    report = analyze("My coworker Femi keeps presenting my spreadsheets as his own in the monthly review with our "
                     "director. I asked him once to stop and he shrugged. Should I tell my manager? Should I send "
                     "the director my drafts? And how do I stop it happening again next month?")
    assert "“And how do I stop it happening again next month?”" in report.offline_answer


def test_months_of_own_lateness_and_a_misread_chart_are_the_writers_part():
    late = analyze("My manager keeps chasing me about my expense reports, and to be fair I have been late with my "
                   "expense reports for four months now. Yesterday she copied her own boss on the reminder and I felt "
                   "humiliated. Is this bullying?")
    misread = analyze("I work in a pharmacy. Yesterday I misread the prescription and gave a customer the wrong "
                      "strength of tablets; we caught it the same day. Now the senior pharmacist checks all my work "
                      "in front of customers. Is that fair?")
    for report, said in ((late, "late with my expense reports"), (misread, "I misread the prescription")):
        own = [t for t in report.situation.themes if t.kind == "narrator_fault"]
        assert own and any(said in e.text for t in own for e in t.evidence)


def test_minding_my_own_business_owns_no_business():
    report = analyze("I've worked as a receptionist at this dental practice for four years. The owner shouts at one "
                     "of the hygienists in front of patients almost every week. Should I mind my own business or "
                     "say something to him?")
    assert not report.situation.narrator.is_manager
    owner = next(p for p in report.situation.parties if "The owner" in p.mentions)
    assert owner.role == "manager"


def test_the_people_who_run_the_company_are_the_writers_bosses():
    parties = people("The people who run the company have banned phones on the shop floor, and when I asked about "
                     "calls from my children's school they told me to stop complaining or find another job.")
    assert holder(parties, "The people who run the company")[0] == "manager"


def test_the_set_answers_file_must_hold_exactly_the_names_the_code_uses():
    import pytest
    from pydantic import ValidationError

    from clearair.advise.set_answers import compile_answers
    from clearair.knowledge import load

    data = load("answers")
    assert set(compile_answers(data)) == set(data["answers"])
    misspelt = {"answers": {("keep_evidnce" if k == "keep_evidence" else k): v for k, v in data["answers"].items()}}
    with pytest.raises(ValueError, match="keep_evidnce"):
        compile_answers(misspelt)
    broken = {"answers": dict(data["answers"], payback=dict(data["answers"]["payback"], asks=["(unclosed"]))}
    with pytest.raises(ValidationError, match="not a regular expression"):
        compile_answers(broken)


def test_a_woman_who_owns_the_house_the_work_is_for_is_the_client():
    parties = people("I fit bathrooms, just me and an apprentice. We're two weeks into a job for a man who owns a big "
                     "farmhouse, and he now refuses to pay the deposit balance until we move the shower he chose.")
    assert holder(parties, "a man who owns a big farmhouse")[0] == "customer"
    boss = people("I work as office assistant to a woman who owns a property management firm. She shouts at me "
                  "whenever a tenant complains.")
    assert holder(boss, "a woman who owns")[0] == "manager"


def test_a_worker_let_go_named_beside_their_trade_is_a_former_employee():
    report = analyze("I own a small bike shop with four staff. I let one of my mechanics, Tobias, go in March after "
                     "tools kept going missing, and since then he has been posting that I cheat customers. What "
                     "should I do?")
    tobias = next(p for p in report.situation.parties if any("Tobias" in m for m in p.mentions))
    assert tobias.role == "other"


def test_giving_someone_their_tablets_twice_and_not_checking_the_chart_are_the_writers_part():
    report = analyze("I'm a care assistant. On Sunday I'd given Mrs T her lunchtime tablets twice because I didn't "
                     "check the chart, and the nurse had already done them. She was checked and is fine. Now I have "
                     "a meeting with the manager and I can't sleep. What will they do?")
    own = [e.text for t in report.situation.themes if t.kind == "narrator_fault" for e in t.evidence]
    assert any("tablets twice" in said for said in own) and any("check the chart" in said for said in own)
