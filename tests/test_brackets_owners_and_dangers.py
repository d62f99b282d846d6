"""A name in brackets after someone's title, a relative the owner made the writer's boss, an owner's own staff and
managers, a subject named just before a pronoun, a tool aimed at someone, safety rails taken away, drink at the wheel
of a machine, a crewmate called "one of the lads", an investigation or a warning the writer faces, a letter that says
there is no HR, a question asked the other way round, a career-cost warning beside danger, the man named last or
introduced by a relative clause as the "he" that follows, a slur about foreigners, a customer's family and "Mama"
before a name. Letters of the shapes red teams 40 and 41 and hold-46 found misread, written here; each test fails on
the code before them except two guards (a one-word name in brackets, an owner's customers).
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


def test_a_letter_that_says_there_is_no_hr_is_not_given_hr_to_go_to():
    report = analyze("I'm a kitchen porter at a family-run pub. The head chef has started grabbing my arm hard and "
                     "shoving me into the walk-in when he's angry, and last week he said he'd break my fingers if I "
                     "was slow again. There isn't any HR, it's just the owner and eleven of us. What can I do?")
    formal = next((r for r in report.recommendations if r.action == "HR_FORMAL"), None)
    assert formal is not None and formal.steps[0].startswith("There is no HR here, as you say")
    assert "HR if there is one" not in " ".join(s.text for s in report.scripts) + report.offline_answer


def test_is_it_a_bad_idea_is_not_answered_with_a_bare_no():
    report = analyze("I run the stockroom at a garden centre. Yesterday the area manager, Mrs Pearce, emailed all "
                     "twelve branches saying our branch's stock counts were \"sloppy\". She named no one, but everyone "
                     "knows the counts are mine. I'm tempted to hit reply-all and defend myself. Is that a bad idea?")
    assert "bad idea?” No" not in report.offline_answer
    assert "bad idea?” It is not advised" in report.offline_answer


def test_no_career_cost_warning_against_going_above_a_boss_who_endangers_people():
    report = analyze("I work on the presses at a metal shop. My supervisor took the guards off two presses last "
                     "month to speed up the line, and on Tuesday a lad nearly lost his hand. When I told my "
                     "supervisor, he said to keep my mouth shut or I'd be out. Should I go over his head?")
    reasons = [r.text for rec in report.recommendations if rec.action in ("ESCALATE_THEIR_MANAGER", "HR_FORMAL")
               for r in rec.reasons]
    assert not any("boss's head" in r for r in reasons), reasons


def test_a_written_warning_being_considered_is_a_review_of_the_writer():
    from clearair.advise.scripts import faces_a_review

    assert faces_a_review("My supervisor called me in about a joke I posted in the team chat and said she's "
                          "considering a written warning for it.")


def test_a_he_after_two_men_named_in_a_list_goes_to_the_one_named_last():
    parties = people("On Monday I was unloading the van with my supervisor, Tom, and another driver, Marek. The "
                     "pallet slipped and it was nobody's fault. He swore at me and kicked the trolley into my legs.")
    assert "He" in holder(parties, "Marek")[1]


def test_a_man_a_relative_clause_introduces_is_the_he_that_follows():
    parties = people("My supervisor Gareth put me on the stock count with Owen, who started in the spring. I found "
                     "three pallets missing from the count. He went white and told me to leave it off the sheet.")
    assert "He" in holder(parties, "Owen")[1]


def test_a_slur_about_foreigners_is_an_identity_remark():
    assert "identity_remarks" in _conduct_kinds(
        "In front of a customer she laughed and said this is what happens when they let any useless foreigner "
        "into the building, and the others laughed too.")


def test_the_brides_father_is_someone_the_business_serves():
    parties = people("We run a small catering company. The bride's father, Mr Dawes, still owes us the last "
                     "payment and on Friday he came to our kitchen and shouted at my cook.")
    assert holder(parties, "The bride's father")[0] == "customer"


def test_mama_before_a_name_is_part_of_it():
    parties = people("The client's mother, Mama Wairimu, came into the salon and shouted at my stylist. She says "
                     "the braids were too loose and will not pay.")
    assert holder(parties, "The client's mother") == holder(parties, "Wairimu")
    assert "She" in holder(parties, "Wairimu")[1]


def test_should_i_bring_a_rep_to_an_investigation_about_me_is_answered_yes():
    report = analyze("I'm a pharmacy technician. Last month I labelled a prescription with the wrong strength and "
                     "the patient noticed before taking any. I reported it straight away. HR sent a letter inviting "
                     "me to an investigation meeting on Tuesday with my manager, Paul, and says I can bring a union "
                     "representative. Should I bring a rep? I don't want it to look like I'm hiding something.")
    asked = next(q for q in report.questions if "rep" in q.text)
    assert asked.verdict == "yes" and asked.answer.startswith("Yes, bring one")


def test_a_step_with_only_reasons_against_it_is_not_called_a_strong_fit():
    from clearair.models import Reason
    from clearair.render.view import build_view

    report = analyze("My coworker keeps taking credit for the reports I write, and last week she presented my "
                     "analysis to the director as her own. What should I do?")
    second = report.recommendations[1]
    second.score = report.recommendations[0].score
    second.reasons = [Reason(text="it keeps happening, so letting it go will not end it", effect="lowers")]
    shown = build_view(report).actions[1]
    assert shown.strength not in ("Best fit", "Strong fit"), shown.strength
