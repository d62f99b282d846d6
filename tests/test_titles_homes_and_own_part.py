"""Who is who when a title carries a time of day, a count or a trade word ("the weekend shift lead Gordon", "two
supervisors in our warehouse", "our leading hand"), who employs whom in a home ("our nanny", "a new nanny job"), a
name set after a clause about the writer ("The woman who sits next to me, Anna,"), and which sentence a "you had a
part in it" reading rests on. Letters of the same shapes as red team 36's and hold-42's misreadings, written here.
"""

from __future__ import annotations

from clearair import analyze
from clearair.assess.readers import fault_evidence
from clearair.extract.features import Sentence
from clearair.extract.lexicon import find_kinds
from parties_read import holder, people


def test_a_shift_lead_of_a_named_shift_runs_the_writers_work():
    parties = people("I stack shelves on the late shift at a garden centre. There are two team leaders on the late "
                      "shift, my team leader Priya who does the outdoor plants, and the weekend shift lead Gordon who "
                      "covers tills. Priya is great. For six weeks Gordon has put me on trolley collection in the "
                      "rain every night and he mutters about me to the others.")
    assert holder(parties, "Gordon")[0] == "manager"
    assert holder(parties, "Priya")[0] == "manager"


def test_supervisors_counted_then_named_are_the_writers_supervisors():
    text = ("I pack orders at a distribution centre. We have two supervisors in our warehouse, Dennis on days and "
            "Kwame on the overnight shift, and they take turns approving our overtime. Dennis is fine. Kwame has "
            "started refusing every overtime request I put in while approving everyone else's.")
    parties = people(text)
    assert holder(parties, "Kwame")[0] == "manager"
    assert holder(parties, "Dennis")[0] == "manager"
    # a manager writing the same is writing about two of their own supervisors
    assert holder(people(text, is_manager=True), "Kwame")[0] == "direct_report"


def test_a_leading_hand_is_the_apprentices_supervisor():
    report = analyze("I'm a first-year plumbing apprentice on a housing site. Our leading hand Stevo keeps sending "
                     "me up ladders without anyone footing them and laughs when I ask for a spotter. Yesterday he "
                     "told me in front of the crew that if I keep whinging I can find another site.")
    other_side = report.situation.party(report.situation.counterpart)
    assert other_side is not None and "Stevo" in other_side.mentions and other_side.role == "manager"


def test_a_family_that_speaks_of_our_nanny_employs_her():
    report = analyze("Our nanny has looked after our two boys for three years and the kids adore her. Lately she has "
                     "been on her phone for most of the afternoon, and twice this month I came home to find the baby "
                     "still in a dirty nappy while she was texting. How do I bring this up with her?")
    assert report.situation.narrator.is_manager
    other_side = report.situation.party(report.situation.counterpart)
    assert other_side is not None and other_side.role == "direct_report"


def test_a_nanny_who_speaks_of_her_nanny_job_works_for_the_parents():
    report = analyze("I took a new nanny job about three months ago, looking after twin toddlers. The dad works from "
                     "home most days and whenever the twins squabble he storms downstairs and shouts at me that I "
                     "have no control over them, sometimes in front of the children. What should I do?")
    other_side = report.situation.party(report.situation.counterpart)
    assert other_side is not None and "The dad" in other_side.mentions and other_side.role == "manager"
    for says in ("I started a new nanny job in March", "In ten years of nannying I have never seen this",
                 "my au pair family wants me to cook"):
        assert find_kinds("narrator", ("home_worker",), says), says
    assert not find_kinds("narrator", ("home_worker",), "We hired a new nanny in March")


def test_a_name_after_a_clause_about_the_writer_is_the_persons():
    # the parse hangs "Elina" on "me"; she is the woman the clause describes
    report = analyze("I work in an open-plan claims office. The woman who works opposite me, Elina, takes her calls "
                     "on speaker at her desk, most of the day, and it is very hard to concentrate on my files. She is "
                     "friendly and I don't want to upset her. How do I bring it up?")
    other_side = report.situation.party(report.situation.counterpart)
    assert other_side is not None and "Elina" in other_side.mentions
    to_them = [s for s in report.scripts if s.to == other_side.label]
    assert to_them and all("[their name]" not in s.text for s in to_them)


_OWN_PART = ("She came to my desk and asked if I had read her messages, and I said the screen was open. "
             "I mentioned it to two people at lunch.")


def _sentences() -> list[Sentence]:
    cut = _OWN_PART.index("I mentioned")
    return [Sentence(0, cut, frozenset({"a:me:say", "w:desk"})),
            Sentence(cut, len(_OWN_PART), frozenset({"a:me:mention", "w:lunch"}))]


def test_a_part_in_it_rests_on_what_the_writer_did_not_on_what_was_done_to_them():
    push = {"w:desk": 2.0, "a:me:say": 0.5, "a:me:mention": 1.0}
    evidence = fault_evidence(push, _sentences(), _OWN_PART)
    assert evidence and evidence[0].text.startswith("I mentioned")


def test_with_no_sentence_of_their_own_doing_the_strongest_still_stands():
    push = {"w:desk": 2.0, "a:me:say": 0.5}
    evidence = fault_evidence(push, _sentences()[:1], _OWN_PART)
    assert evidence and evidence[0].text.startswith("She came")


def _notes(text: str) -> list[str]:
    return analyze(text).notes


def test_a_record_signed_for_a_place_never_visited_is_pressure_to_break_the_rules():
    notes = _notes("I'm a junior surveyor at a consultancy. My director, who is patient and a generous mentor, asked "
                   "me to sign the inspection record for a bridge deck on a site I hadn't been to, and he wants the "
                   "same for two more sites this week. I signed the first one and I feel sick about it.")
    assert any(n.startswith("What you describe is being pressed to sign for something") for n in notes)
    assert not any("safeguarding" in n for n in notes)  # "a patient … mentor" is no one in care


def test_told_to_skip_isolating_live_equipment_is_a_safety_matter():
    notes = _notes("I'm an electrical apprentice on a shop fit-out. The leading hand keeps telling us to skip "
                   "isolating the boards when a job is quick, and when I refused to work on a board that was still "
                   "live I was moved to cleaning and my hours were cut. What can I do?")
    assert any(n.startswith("What you describe puts people's safety at risk") for n in notes)


def test_being_shown_they_know_an_address_never_given_is_a_threat():
    notes = _notes("I work behind the bar in a pub. After I reported the cellar man for taking from the tips jar, he "
                   "said quietly, 'Nice flat on Mill Street, the green door.' I have never told him where I live. Now "
                   "I'm on the rota with him four nights this week and I can't sleep.")
    assert any(n.startswith("What you describe includes a threat or physical intimidation") for n in notes)
