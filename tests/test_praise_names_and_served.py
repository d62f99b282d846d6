"""What the letter says in passing that changes the reading or the first step: praise of the writer's own manager,
a name right after a title ("my team lead Sophie"), an apology made at the writer's desk, rumours told to people,
a product's name that is a word of mockery, and serious conduct by someone the workplace serves.

Letters written for these tests; each misreading was seen on letters of the same shape.
"""

from __future__ import annotations

from clearair import analyze


def _factor(report, name: str):
    return next(f for f in report.factors if f.name == name)


def _acts(report) -> list[tuple[str, str]]:
    return [(i.actor, i.act) for i in report.situation.incidents]


def test_a_manager_the_writer_praises_beside_a_coworkers_conduct_is_supportive():
    report = analyze("My supervisor Dana is really supportive and I trust her. The problem is a coworker, Mark, who "
                     "keeps making jokes about my accent in the break room. What should I do about Mark?")
    f = _factor(report, "own_manager")
    assert f.value == "supportive"
    assert "supportive" in f.evidence[0].text


def test_praise_does_not_make_supportive_a_manager_who_is_the_other_side_or_will_not_help():
    the_other_side = analyze("My boss Karen is lovely, but she keeps booking meetings over my lunch break and then "
                             "criticises me in front of the team when I am late back. How do I handle this?")
    f = _factor(the_other_side, "own_manager")
    assert not (f.value == "supportive" and f.source == "rules")
    will_not_help = analyze("My manager is really supportive, but she won't get involved in disputes between staff. "
                            "My coworker Dan keeps taking my parking spot and telling people I'm lazy. What now?")
    f = _factor(will_not_help, "own_manager")
    assert not (f.value == "supportive" and f.source == "rules")


def test_a_name_right_after_a_title_names_that_person_and_the_talk_greets_them():
    report = analyze("I'm a junior designer. My team lead Sophie keeps taking my mock-ups into client meetings and "
                     "presenting them as her own work, and she never mentions me. What can I do?")
    cp = report.situation.party(report.situation.counterpart)
    assert "Sophie" in cp.mentions
    assert report.scripts[0].text.startswith('"Hi Sophie,')
    # "mock-ups" are drafts, not mockery: the act is taking credit, and no remark is invented
    assert (cp.id, "steal_credit") in _acts(report)
    assert not any(act == "humiliate" for _, act in _acts(report))
    assert "remark" not in report.scripts[0].text


def test_a_product_name_after_a_possessive_is_no_ones_name():
    report = analyze("My coworker's Facebook post about our team was cruel and everyone saw it. I don't know what "
                     "to do about my coworker, who keeps posting about us.")
    assert not any("Facebook" in m for p in report.situation.parties for m in p.mentions)


def test_an_apology_made_at_the_writers_desk_is_an_apology():
    report = analyze("A coworker, Mark, made a joke about my weight in the team meeting on Monday. On Tuesday he came "
                     "to my desk and apologised, and he seemed to mean it. Should I still say something?")
    assert any(r.kind == "apology" for r in report.situation.responses)
    assert _factor(report, "they_apologized").value is True


def test_telling_people_something_about_the_writer_is_talk_behind_their_back_but_the_writers_own_telling_is_not():
    theirs = analyze("A colleague told me that my coworker Dan has been telling people I only got the promotion "
                     "because I'm friends with the director. Should I confront Dan or ignore it?")
    assert any(act == "gossip" for actor, act in _acts(theirs) if actor != "narrator")
    mine = analyze("Last week I told everyone I was leaving for a new job, and now my manager has stopped giving "
                   "me any projects at all. Is that fair, and what should I do about it?")
    assert not any(act == "gossip" for _, act in _acts(mine))


def test_an_eye_roll_in_the_past_tense_is_a_slight():
    report = analyze("My manager Priya has backed me through a tough year. In yesterday's team meeting, when I "
                     "suggested moving the launch date, she rolled her eyes at me in front of everyone. Should I "
                     "bring it up with her?")
    assert any(act == "humiliate" for _, act in _acts(report))


def test_serious_conduct_by_someone_the_workplace_serves_goes_first_to_the_writers_manager():
    report = analyze("I teach year four at a primary school. One parent, Mr Hale, has started waiting for me at the "
                     "gate after school. Twice he has stood very close and told me I was asking for trouble marking "
                     "his son down, and yesterday he said he knows where I park. What should I do?")
    actions = [r.action for r in report.recommendations]
    assert actions[0] == "ESCALATE_MANAGER"
    assert "HR_FORMAL" in actions[:3] and "DOCUMENT" in actions[:3]
    assert not {"TALK_DIRECT", "SET_BOUNDARY", "MEDIATE"} & set(actions[:3])


def test_serious_conduct_by_a_coworker_still_goes_first_to_hr():
    report = analyze("I work in a warehouse. A coworker, Gary, has grabbed my waist twice this month when I was "
                     "alone in the aisle, and yesterday he said he knows where I live. What should I do?")
    actions = [r.action for r in report.recommendations]
    assert actions[0] == "HR_FORMAL"
