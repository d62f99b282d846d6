"""The writer's own limits (a route they rule out, a wish for a light touch), titles that place someone relative to
the writer (a nurse to a care assistant, a trade's worker "who has worked for me", the person the writer was cast
opposite, a pupil's parent, the site manager), a name the writer gives themselves, "the serious thing is X" after
"the minor thing is Y", a parent and child tie, and a disciplinary hearing the writer faces. Letters of the shapes
red team 39 and hold-45 found misread, written here.
"""

from __future__ import annotations

from clearair import analyze
from parties_read import holder, people


def _other_side(report):
    return report.situation.party(report.situation.counterpart)


def _order(report) -> list[str]:
    return [r.action for r in report.recommendations]


def _limit_words(report) -> str:
    script = next(s for s in report.scripts if s.action == "SET_BOUNDARY")
    return script.text


def test_a_name_in_brackets_after_the_writers_own_title_is_no_one_else():
    parties = people("I'm a master carpenter (Meister) at a joinery in Bremen and I train our apprentices. The "
                     "foreman, Dirk, keeps sending the youngest apprentice up ladders without anyone footing them.")
    assert not any("Meister" in mentions for _, mentions in parties.values())
    assert holder(parties, "Dirk")[0] == "manager"


def test_the_serious_thing_named_after_the_minor_thing_is_the_other_side():
    report = analyze(
        "I'm a junior mechanic at a garage in Leeds. The minor thing is Gareth, the senior mechanic, who borrows my "
        "torque wrench and leaves it on the floor. It's annoying but he teaches me loads.\n\nThe serious thing is "
        "Wayne, another mechanic at my level. Last week he shoved me against the ramp and said he'd break my hand "
        "if I touched his jobs again. Nobody saw it. What should I do?")
    assert "Wayne" in _other_side(report).mentions


def test_the_nurse_directs_a_care_assistants_work():
    parties = people("I'm a certified nursing assistant in a care home. Every shift the nurse hands out the rooms to "
                     "the three of us, and lately she gives me the heaviest residents every single day.")
    assert holder(parties, "the nurse")[0] == "manager"


def test_a_trades_worker_who_has_worked_for_the_writer_is_their_report():
    parties = people("I'm a dog groomer with my own small salon. I have a bather who has worked for me for five "
                     "months, and he keeps telling me dogs are finished when they are still damp and matted.")
    assert any(role == "direct_report" for role, _ in parties.values()), parties


def test_the_person_the_writer_was_cast_opposite_is_a_peer():
    parties = people("I'm an actor in a new play. The problem is the person I've been cast opposite: he talks over "
                     "my lines in every rehearsal and laughs when I forget a cue.")
    assert any(role == "peer" for role, _ in parties.values()), parties


def test_the_parent_of_a_long_time_student_is_someone_the_writer_serves():
    parties = people("I teach piano from my own studio. The mother of my long-time student has asked me to drop "
                     "another family from the studio because of a quarrel between the two families.")
    assert any(role == "customer" for role, _ in parties.values()), parties


def test_the_site_manager_stands_above_a_worker_on_site():
    parties = people("I'm a roofer on an estate outside Galway. The site manager is Declan Walsh, and his son Shane "
                     "is on our crew as a chargehand even though he's only 22. Shane skips the harness every day.")
    assert holder(parties, "Declan Walsh")[0] == "manager"
    assert holder(parties, "Shane")[0] != "manager"  # the son is someone else, not a second site manager


def test_a_route_the_writer_rules_out_over_friction_is_not_among_the_first_three():
    report = analyze(
        "I work in an open-plan office at a travel agency. The woman next to me, Karen, is lovely, but she taps her "
        "pen on the desk all afternoon and it breaks my concentration on calls. I definitely don't want to go to "
        "our manager about something this small. How do I bring it up?")
    assert "ESCALATE_MANAGER" not in _order(report)[:3]
    moved = next(r for r in report.recommendations if r.action == "ESCALATE_MANAGER")
    assert any(x.signal == "writer_limit" and x.effect == "lowers" for x in moved.reasons)


def test_a_light_touch_asks_for_the_limit_kindly():
    report = analyze(
        "I work on the phones at a bank's help desk and we sit in clusters of four. The man opposite me, Gavin, is "
        "really kind and one of the best people here. But between calls he whistles and taps his ruler on the "
        "desk, again and again, sometimes for half an hour. When I have an angry caller on the line it breaks my "
        "focus. I've started keeping my headset on between calls. I don't want to embarrass him. I just want a "
        "friendly way to raise it. Any tips?")
    assert "SET_BOUNDARY" in _order(report)
    assert "asking that it stop" not in _limit_words(report)


def test_serious_conduct_keeps_its_routes_whatever_the_writer_rules_out():
    report = analyze(
        "I'm a cashier at a supermarket. The deputy manager, Craig, keeps grabbing my waist when he squeezes past me "
        "behind the tills, and last week he pinned me against the safe and tried to kiss me. I'd rather not go to "
        "HR because I'm scared of being seen as trouble. What should I do?")
    assert "HR_FORMAL" in _order(report)[:3]


def test_a_parent_and_child_tie_points_at_the_doer_the_parent_shields():
    report = analyze(
        "I'm a labourer on a building site. The site foreman is Frank Doyle, and his son Liam is on our gang. Frank "
        "is a decent boss most of the time and Frank has always been fair with me. Last week Liam punched an "
        "apprentice in the stomach behind the cabins and told him he'd get worse if he said anything. Going to "
        "Frank about it is pointless. What do I do?")
    assert "Liam" in _other_side(report).mentions


def test_let_it_go_is_not_first_before_the_writers_disciplinary_hearing():
    report = analyze(
        "I've been a refuse collector for the council for fourteen years and a union member all that time.\n\n"
        "Last month a resident complained that I'd sworn at her, which I never did, and now I've got a disciplinary "
        "hearing booked. My union steward at the yard, Keith, is meant to be representing me. He didn't turn up to "
        "the first investigation interview, said he'd mixed up the dates, so I went in alone. Then I told him "
        "privately that my wife had been ill and I wasn't sleeping. A few days later the yard manager quoted that "
        "back at me in the meeting and said it showed I wasn't safe on the wagon.\n\nThe only person I told was "
        "Keith. I think he's pally with the yard manager.\n\nThe hearing is in a week. It feels like the person "
        "who should be on my side is working against me. Can I ask for someone else? What should I do?")
    assert _order(report)[0] != "LET_GO"


def test_a_safeguarding_lead_the_writer_names_is_named_back():
    from clearair.advise.answer import compose
    report = analyze(
        "I'm a learning support assistant at a primary school. Twice this month I've seen the PE teacher, Mr. "
        "Barker, grab a boy in Year 4, Josh, by the arm hard enough to leave marks, and shout in his face. Josh "
        "was shaking afterwards. I know our designated safeguarding lead is Mrs Patel, but Mr. Barker is popular "
        "and I'm only support staff. What should I do?")
    assert "Mrs Patel" in compose(report)


def test_the_one_who_punched_a_colleague_is_the_other_side_not_the_one_hurt():
    report = analyze(
        "I work in a call centre for a bank. Last night in the car park I saw my team leader, Gareth, punch one of "
        "the agents, Callum, after an argument about overtime. Gareth hit him in the face and Callum fell against a "
        "van. This morning Gareth told me I didn't see anything clearly. He does my reviews and my probation ends "
        "next month. Should I tell the operations manager what I saw?")
    assert "Gareth" in _other_side(report).mentions


def test_a_grab_of_the_upper_arm_is_physical_conduct():
    from clearair.extract import conduct, read
    from clearair.intake.document import build_document
    hits, _ = conduct.serious_conduct(read(build_document(
        "On Saturday the floor manager grabbed my upper arm hard in the back hallway and hissed that I was useless. "
        "I had bruises the next day.")))
    assert any(h.kind == "physical_intimidation" for h in hits)


def test_the_son_named_with_his_father_takes_his_own_pronouns_and_line():
    parties = people("I'm a plasterer on a housing job. The site manager is Brendan Kelly, and his son Ryan is on our "
                     "crew. Ryan skips the harness, and yesterday he threw a bucket at a labourer.")
    role, mentions = holder(parties, "Ryan")
    assert role == "peer"
    assert "he" in mentions
