"""Readings from hold-60's misreadings (letters written fresh here): "the planner who works alongside us" is beside
the writer and "the stylist I work under" over them; a household's cleaners from a firm are not staff the writer
runs; someone "always rude to me" acts on the writer; a course the writer rules out ("I don't feel I can go to her
about it") is not one they weigh; and two courses joined by "or" are two options."""

from clearair.extract.mentions import acts_done_to_writer
from clearair.extract.nlp import parse
from clearair.pipeline import analyze


def _role(report) -> str:
    return {f.name: f.value for f in report.factors}["counterpart_role"]


def _other_side(report):
    return next(p for p in report.situation.parties if p.id == report.situation.counterpart)


def test_someone_who_works_alongside_the_writer_is_a_peer_even_with_a_boss_named_first():
    report = analyze("I love my job at a small design studio and my boss is lovely. My problem is the illustrator who "
                     "works alongside us: he sneers at everyone's drafts when the boss is out and is all charm when "
                     "she comes back. He has started doing it to me more and more. What can I do?")
    assert "illustrator" in " ".join(_other_side(report).mentions)
    assert _role(report) == "peer"


def test_the_one_the_writer_works_under_is_over_them():
    report = analyze("I have just started at a salon after college. The senior stylist I work under barely lets me "
                     "near a client; I sweep floors and make the coffee while she does every cut. I am bored and I "
                     "think I can do much more. Should I ask her for more chances or look for another salon?")
    assert _role(report) == "manager"


def test_a_households_cleaners_from_a_firm_are_not_staff_the_writer_runs():
    report = analyze("We are a busy family and my cleaners (two ladies from the firm we hire every Friday) have "
                     "started leaving early and skipping the bathrooms. When I mentioned it last week one of them was "
                     "short with me. Should I complain to the firm or find someone else?")
    assert not any(p.role == "direct_report" for p in report.situation.parties)


def test_someone_always_rude_to_the_writer_is_the_other_side_not_the_manager_they_praise():
    report = analyze("My manager is fair and I like working for her. There is a coworker who is always rude to me in "
                     "team meetings, and she is cold and dismissive toward me in the kitchen too. I have tried to be "
                     "friendly. What should I do about her?")
    assert _role(report) == "peer"


def test_how_someone_is_to_the_writer_in_their_own_clause_is_done_to_the_writer():
    doc = parse("There is a coworker who is always rude to me, and a driver who is kind to everyone.")
    coworker = next(t for t in doc if t.lower_ == "coworker")
    driver = next(t for t in doc if t.lower_ == "driver")
    assert acts_done_to_writer(coworker) >= 1
    assert acts_done_to_writer(driver) == 0


def test_a_course_the_writer_rules_out_is_not_an_option_they_weigh():
    report = analyze("My team leader keeps making comments about my weight in front of the others on the ward. I "
                     "don't feel I can go to her about it because she would only make my shifts worse. What should I "
                     "do?")
    assert not any("go to her" in o.text for o in report.situation.options)


def test_two_courses_joined_by_or_are_two_options():
    report = analyze("For the second time this month a colleague presented my analysis at the team meeting as if it "
                     "were her own, and our manager praised her for it. I'm not sure whether to talk to her first or "
                     "go straight to our manager. I don't want to look petty.")
    actions = [o.action for o in report.situation.options]
    assert "TALK_DIRECT" in actions and "ESCALATE_MANAGER" in actions
