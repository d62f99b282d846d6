"""Who the letter is about when the writer sets one person above another ("a small thing first … what worries me
more is X"), when the one who did something serious is shielded by a relative who runs the place, and who is no
one at all (a mug, a night shift spent picking orders). Titles that place someone: a matron, an intern of the
writer's own, union stewards, one of the supervisors, the owner over a manager. Letters of the shapes red team 38
and hold-44 found misread, written here.
"""

from __future__ import annotations

from clearair import analyze
from clearair.advise.answer import compose
from parties_read import holder, people


def _factor(report, name: str):
    return next(f for f in report.factors if f.name == name)


def _other_side(report):
    return report.situation.party(report.situation.counterpart)


def test_the_person_set_above_a_small_annoyance_is_the_other_side():
    report = analyze(
        "I'm a junior baker at a hotel in Perth. First the small stuff: one of the other chefs, Callum, keeps "
        "borrowing my piping bags and never washes them. I've asked him, he apologises, then does it again.\n\n"
        "What worries me more is the pastry chef, Henrik. Last week he shoved a trainee into the proving cabinet "
        "door so hard she cut her head, and he told everyone she slipped. What can I do?")
    other = _other_side(report)
    assert "Henrik" in other.mentions or "the pastry chef" in other.mentions


def test_one_of_the_other_commis_is_a_peer():
    role, _ = holder(people("I'm a commis chef in a hotel kitchen. One of the other commis, Tariq, keeps taking my "
                            "station's mise en place before service and then blames me when it runs out."), "Tariq")
    assert role == "peer"


def test_the_doer_shielded_by_a_relative_who_runs_the_place_is_the_other_side():
    report = analyze(
        "I drive a forklift at a timber yard. For weeks stock has gone missing on Kyle's shifts, and on Friday I "
        "saw him load three packs of oak flooring into the boot of his car with no docket.\n\nThe site manager, "
        "Martin, is Kyle's uncle, and he wrote last month's shortfall off as breakage. Who should I tell?")
    other = _other_side(report)
    assert "Kyle" in other.mentions
    assert _factor(report, "severity").value == "serious"


def test_a_person_named_only_as_an_owner_of_things_is_still_someone():
    parties = people("I work nights at a depot. The shortfalls always line up with Rowan's shifts. Last week I saw "
                     "him carry a case of whisky out to the car park. The depot manager, Lena, is Rowan's aunt.")
    assert any("Rowan" in mentions for _, mentions in parties.values())


def test_a_capitalised_name_the_tagger_took_for_a_noun_beside_a_name_is_a_person():
    parties = people("I serve at a deli. The bakery where I work belongs to two people, Pieter and Marloes. "
                     "Pieter bakes and is lovely; Marloes keeps docking our wages for every broken plate.")
    assert any("Marloes" in mentions for _, mentions in parties.values())


def test_a_lower_case_thing_the_tagger_took_for_a_person_is_no_one():
    parties = people("I'm a teaching assistant. The small thing: another TA, Bev, keeps using my mug and my "
                     "oat milk in the staff room fridge. I've labelled both. What should I say?")
    assert not any(m.lower() == "mug" for _, mentions in parties.values() for m in mentions)


def test_a_matron_runs_the_nurses_ward():
    role, _ = holder(people("I'm a staff nurse on a surgical ward. A new matron arrived in the spring and now "
                            "publishes the rota two weeks ahead instead of six, and my childcare falls apart."),
                     "A new matron")
    assert role == "manager"


def test_the_writers_own_intern_is_their_report():
    parties = people("I'm a preceptor on an ambulance crew and I've been given my first paramedic intern. She "
                     "argues with every call I make in front of patients and threatens to write me up.")
    assert any(role == "direct_report" for role, _ in parties.values())


def test_union_stewards_are_outside_the_writers_line():
    text = ("I load trucks part-time. The union stewards in our building promise to look things up and never "
            "come back to us, and they tell us to phone the business agent instead. What can I do?")
    assert holder(people(text), "The union stewards")[0] == "other"
    assert _factor(analyze(text), "counterpart_role").value == "other"


def test_one_of_the_supervisors_over_a_drivers_route_is_a_manager():
    role, _ = holder(people("I drive a delivery van. Last night one of the on-road supervisors, Dale, shouted at "
                            "me in the yard about a message I had sent."), "Dale")
    assert role == "manager"


def test_the_owner_over_a_head_chef_is_the_head_chefs_boss():
    parties = people("I'm the head chef at a small bistro and I run a team of six. The owner has just told my "
                     "cooks to take any question about pay straight to him instead of me.", is_manager=True)
    assert holder(parties, "The owner")[0] == "manager"


def test_a_talk_told_in_someone_elses_quote_is_no_earlier_talk_of_the_writers():
    report = analyze(
        "I'm a data engineer at a logistics firm in Pune, five years in. For two quarters a senior engineer on my "
        "squad, Rohan, has been presenting my pipelines in sprint reviews as though he wrote them. He'll say \"I "
        "fixed the ingestion lag\" or \"I designed the retry logic\" when those were mine, and I have the commits."
        "\n\nIn April I raised it with our engineering manager, Kavya. She said to be more visible. In June I raised "
        "it again. Nothing's changed. Is there something I'm missing?")
    assert "once more" not in compose(report)


def test_picking_on_nights_is_a_job_not_criticism():
    report = analyze("I work in a parcel warehouse, picking on nights. My friend on the same shift asked me to cover "
                     "a break for him and I said no, and now he won't talk to me. Was I wrong?")
    assert not any(e.text == "picking on" for i in report.situation.incidents for e in i.evidence)
