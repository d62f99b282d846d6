"""A name in brackets after someone's title, a relative the owner made the writer's boss, an owner's own staff and
managers, a subject named just before a pronoun, a tool aimed at someone, safety rails taken away, drink at the wheel
of a machine, a crewmate called "one of the lads", and an investigation the writer must attend. Letters of the
shapes red team 40 and hold-46 found misread, written here.
"""

from __future__ import annotations

from clearair import analyze
from clearair.extract import read
from clearair.extract.conduct import serious_conduct
from clearair.extract.facts import narrator_flags
from clearair.intake.document import build_document
from parties_read import holder, people


def _people_as_read(text: str) -> dict[str, tuple[str, set[str]]]:
    """The parties with the writer's managing status read as the pipeline reads it."""
    return people(text, is_manager=bool(narrator_flags(read(build_document(text)))[0]))


def _conduct_kinds(text: str) -> set[str]:
    return {h.kind for h in serious_conduct(read(build_document(text)))[0]}


def test_a_full_name_in_brackets_after_a_title_is_that_one_person():
    parties = people("I coordinate shipments at a logistics firm in Antwerp. My line manager is the Head of Planning "
                     "(Joost van Dijk). In March Joost signed off my holiday, and now he says it is cancelled.")
    assert not any("Dijk" in mentions for _, mentions in parties.values()), parties
    assert holder(parties, "Joost van Dijk")[0] == "manager"
    assert len(parties) == 1, parties


def test_a_one_word_name_in_brackets_after_a_title_joins_it():
    parties = people("I'm a junior engineer at a consultancy. I report to the Lead Engineer (Marcus), and in every "
                     "review he presents my calculations as his own work to the client.")
    role, mentions = holder(parties, "Marcus")
    assert role == "manager" and "he" in mentions


def test_a_son_the_owner_made_floor_manager_is_over_the_writer_and_is_the_he_that_follows():
    parties = people("I wait tables at a family diner. The owner, Mr. Hughes, is a decent boss. Last spring he made "
                     "his son Brandon the floor manager. Brandon is 24 and very moody. He yells at the waitresses in "
                     "front of diners and last week he shoved me into the pass.")
    role, mentions = holder(parties, "Brandon")
    assert role == "manager"
    assert "He" in mentions
    assert "He" not in holder(parties, "The owner")[1]


def test_one_of_an_owners_managers_is_their_report():
    text = ("We own a small hotel on the coast, and last week we had to let one of our managers go after she "
            "falsified the rota. Since then she keeps messaging our staff and telling them we cheat them on pay.")
    assert any(role == "direct_report" and "one of our managers" in m for role, m in _people_as_read(text).values())


def test_one_of_an_owners_workers_named_by_their_trade_is_their_report():
    text = ("I own a bakery and one of my cake decorators has been with me for six years. Over the last few months "
            "he has turned sullen and snaps at the younger staff, and I don't know whether to keep him.")
    assert any(role == "direct_report" and "one of my cake decorators" in m
               for role, m in _people_as_read(text).values())


def test_an_owners_customers_are_not_their_staff():
    text = ("I own a bakery and one of my best customers keeps ordering big cakes and then cancelling them the "
            "night before, after we have already bought everything for them.")
    assert not any("one of my best customers" in m and role == "direct_report"
                   for role, m in _people_as_read(text).values())


def test_an_owner_who_runs_a_business_and_names_no_hr_is_not_sent_to_hr_or_a_manager():
    report = analyze("I run a small dog-walking business and I have four walkers. One of our regular clients has a "
                     "grown-up son living with them now, and my walker Chloe told me that he keeps commenting on her "
                     "body and last week he followed her into the utility room and blocked the door. She is scared "
                     "to go back. How do I handle this with the family?")
    first = [r.action for r in report.recommendations[:3]]
    assert "ESCALATE_MANAGER" not in first and "HR_FORMAL" not in first, first
    words = report.offline_answer
    assert "You saw it happen" not in words and "let HR or a manager you trust" not in words
    assert "You run the business" in words


def test_a_nail_gun_aimed_at_the_writer_is_physical_intimidation():
    assert "physical_intimidation" in _conduct_kinds(
        "Our labourer thinks it is funny: yesterday he aimed a nail gun at my knee with his finger on the trigger "
        "and laughed when I jumped back.")


def test_handrails_taken_off_a_scaffold_are_rules_broken():
    assert "unlawful_pressure" in _conduct_kinds(
        "Our foreman keeps taking the handrails off the top lift of the scaffold to get the blocks up quicker, and "
        "he never puts them back before we go up.")


def test_drink_before_driving_a_forklift_is_rules_broken():
    assert "unlawful_pressure" in _conduct_kinds(
        "A mate on the loading bay turns up drunk two or three times a week. He is still driving the forklift and "
        "stacking pallets above people's heads.")


def test_one_of_the_lads_on_my_shift_is_a_crewmate():
    parties = people("One of the lads on my shift, Dean, has started turning up late every day and I end up doing "
                     "his loading as well as mine.")
    assert holder(parties, "Dean")[0] == "peer"


def test_an_investigation_the_writer_must_attend_is_a_review_of_them():
    from clearair.advise.scripts import faces_a_review

    assert faces_a_review("I gave a resident the wrong tablets last week and reported it myself. The manager has "
                          "now told me there will be an investigation and I must attend a meeting on Friday.")
