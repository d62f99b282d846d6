"""Readings from the letters of hold-57 the starting engine misread, and of others like them (written fresh here,
none of them a holdout letter): help at home that the writer's family hired is theirs to direct, and so is an
assistant the writer brought in, a tradesperson they employ or the staff of a new office manager; the pastor a
minister serves under is their boss; a pair who work beside the writer are their coworkers; to a guard posted at a
client's site, the site's own supervisors are the client's; a colleague whose accent the writer mocked works beside
them; the writer's own child, and the post their husband holds, are not the other side; a boss who plays favourites
is; and whoever took over a retired boss's role is someone new. The second household letter, the pastor and the
pair pass on the code before (the learned readers read them right): they guard the rules that now read them."""

import pytest

from clearair.pipeline import analyze


def _factor(report, name):
    return next(f.value for f in report.factors if f.name == name)


@pytest.mark.parametrize("text", [
    "We just hired a nanny for our twin boys. Twice this week I came home early and found her scrolling on her phone "
    "while the boys climbed the bookcase. How do I bring it up without losing her?",
    "Our live-in housekeeper has worked for us for three years. Lately she has been inviting her sister to stay in "
    "the guest room while we are travelling, without asking us first. What should I say to her?",
])
def test_help_at_home_the_family_hired_is_theirs_to_direct(text):
    report = analyze(text)
    assert _factor(report, "counterpart_role") == "direct_report"
    assert _factor(report, "narrator_is_manager") is True


def test_an_assistant_the_writer_brought_in_reports_to_them():
    report = analyze("Last spring I brought in a new assistant to handle the scheduling. Now she books meetings "
                     "without checking with me and tells clients I am too busy to see them. How do I rein her in?")
    assert _factor(report, "counterpart_role") == "direct_report"
    assert _factor(report, "narrator_is_manager") is True


def test_a_tradesperson_the_owner_employs_reports_to_them():
    report = analyze("I own a small bike repair shop and employ one other mechanic. He has started telling customers "
                     "that my repairs are rushed and that they should ask for him instead. How do I deal with this?")
    assert _factor(report, "counterpart_role") == "direct_report"


def test_the_pastor_a_minister_serves_under_is_their_boss():
    report = analyze("I lead worship at our church, under a senior pastor and an elders' board. For months the "
                     "senior pastor has changed my song lists the night before without telling me. Should I resign?")
    cp = next(p for p in report.situation.parties if p.id == report.situation.counterpart)
    assert cp.role == "manager"
    assert _factor(report, "counterpart_role") == "manager"


def test_a_pair_who_work_beside_the_writer_are_coworkers():
    report = analyze("I do payroll in an open office. The trouble is a father and son who work here together: they "
                     "argue loudly about football all morning and keep asking me to settle it. How do I get some "
                     "quiet?")
    assert _factor(report, "counterpart_role") == "peer"


def test_to_a_guard_posted_at_a_site_its_own_supervisors_are_the_clients():
    report = analyze("I'm a security guard posted at a hotel. One of the hotel's supervisors keeps ordering me to "
                     "carry luggage, which is not in my post orders, and this morning one supervisor told my "
                     "company I was lazy. I may be moved off the site. What should I do?")
    assert _factor(report, "counterpart_role") == "customer"


def test_a_colleague_whose_accent_the_writer_mocked_works_beside_them():
    report = analyze("At the Friday drinks I did an impression of Tomasz's accent and the whole table laughed. He "
                     "left early and has been cold with me all week. Our manager has asked to see me on Monday.")
    tomasz = next(p for p in report.situation.parties if "Tomasz" in " ".join(p.mentions))
    assert tomasz.role == "peer"


def test_the_writers_own_child_is_not_the_other_side():
    report = analyze("I coach the under-twelves at the club where my son plays. After a row at a sleepover, several "
                     "boys on the team keep saying my son cheats, and one boy's mother told the club chair that I "
                     "pick my son unfairly. What should I do?")
    cp = next((p for p in report.situation.parties if p.id == report.situation.counterpart), None)
    assert cp is None or not any(m.lower() in ("my son", "my own son") for m in cp.mentions)


def test_a_post_the_writers_husband_holds_is_not_the_other_side():
    report = analyze("My husband is the sous chef at a hotel restaurant, and I'm writing for him because he's too "
                     "proud to ask. His head chef screams at him in front of the junior cooks and last week threw a "
                     "pan across the kitchen near him. What should he do?")
    cp = next(p for p in report.situation.parties if p.id == report.situation.counterpart)
    assert not any("sous chef" in m for m in cp.mentions)
    assert any("head chef" in m for m in cp.mentions)


def test_a_boss_who_plays_favourites_is_the_other_side():
    report = analyze("My manager plays favourites with one of my coworkers, Kelly. She gets every good shift and the "
                     "easy sections, and I get the leftovers. When I asked him about it he said Kelly earns it. "
                     "Should I go to HR?")
    assert _factor(report, "counterpart_role") == "manager"


def test_staff_who_turned_on_a_new_office_manager_are_hers_to_lead():
    report = analyze("I started as office manager at a small dental practice in March. Since then the two "
                     "hygienists and the receptionist have turned on me: they ignore my emails and complain to the "
                     "dentist who owns the practice about everything I do. How do I win them over?")
    assert _factor(report, "narrator_is_manager") is True
    assert _factor(report, "counterpart_role") == "direct_report"


def test_the_one_who_took_over_a_retired_bosss_role_is_someone_new():
    report = analyze("My old boss retired in June. The woman who took over his role has cancelled my flexible "
                     "Fridays and says she doesn't believe in working from home. I have a doctor's note for my back. "
                     "What can I do?")
    cp = next(p for p in report.situation.parties if p.id == report.situation.counterpart)
    assert any(m.lower() == "the woman" for m in cp.mentions)
    assert not any("old boss" in m.lower() for m in cp.mentions)
