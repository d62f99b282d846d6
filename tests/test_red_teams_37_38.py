"""Red teams 37 and 38's advice findings, on letters of the same shapes written here: a manager the writer says is
close to the person they would report (a friend, an aunt, a godmother, a golf partner) is not the first route
beside serious conduct; a witness to a colleague's theft or fraud is not told to plan their way out or to check in
with "the one it happened to", and their note says what they saw, not that they were pressed, nor their fears about
a route; an option to falsify a mark, sign for checks not done or "just do it", even listed with others, is "not
advised"; a household has no manager above it; no step says "tell them first" beside serious conduct; a serious
reading resting on one word of judgement, and a fault reading resting on a favour said yes to, are not acted on; a
child handled roughly brings the safeguarding note, and held papers their own note.
"""

from __future__ import annotations

from clearair import analyze
from clearair.render.view import option_as_weighed

_TIED = ("I'm a pharmacy technician in a hospital. For two months the controlled drug counts have been coming up "
         "short after one of the senior pharmacists, Declan, closes up, and last week I watched him slip a box of "
         "tablets into his coat. I'm afraid to tell our pharmacy manager, Orla, because she and Declan are best "
         "friends and go on holidays together. What should I do?")


def _first_three(report) -> list[str]:
    return [r.action for r in report.recommendations[:3]]


def test_a_manager_close_to_them_is_not_the_first_route_beside_serious_conduct():
    report = analyze(_TIED)
    assert report.situation.manager_tied, "the tie was not read"
    first = _first_three(report)
    assert first[0] == "HR_FORMAL"
    assert "ESCALATE_MANAGER" not in first and "ESCALATE_THEIR_MANAGER" not in first
    shown = next(r for r in report.recommendations if r.action == "ESCALATE_MANAGER")
    assert any("close to them" in r.text for r in shown.reasons)


def test_a_witness_to_theft_is_not_told_to_leave_and_says_what_they_saw():
    report = analyze(_TIED)
    assert "EXIT" not in _first_three(report)
    complaint = next(s for s in report.scripts if s.action == "HR_FORMAL")
    assert "pressed me" not in complaint.text
    assert "breaking the rules" in complaint.text


def test_without_serious_conduct_a_friendship_moves_nothing():
    report = analyze("I'm a junior designer. One of the senior designers, Rafe, keeps leaving his mugs and food "
                     "wrappers on my desk overnight. Our studio manager, Tess, and Rafe are old friends, so I'm "
                     "not sure whether to bring it up with her or just ask him myself.")
    assert [r.action for r in report.recommendations][:1] != ["HR_FORMAL"]


def test_an_option_to_falsify_a_mark_is_not_advised():
    report = analyze("I teach history at a secondary school. The deputy head, Mr. Garvey, called me in and asked me "
                     "to find a few more marks for a student who is failing my course with a 41, because the boy's "
                     "father is a governor. He said the head doesn't need to hear about it. I've rechecked and the "
                     "marks are right. Should I tell the head, or just bump the mark and move on?")
    verdicts = {v.option.lower(): v for v in report.option_verdicts}
    bump = next(v for k, v in verdicts.items() if "bump the mark" in k)
    assert bump.verdict == "not advised"
    assert "not true" in bump.reason


def test_doubt_words_are_not_part_of_the_option_shown():
    assert option_as_weighed("don't know whether I should tell the principal, Ms. Okafor") == \
        "Tell the principal, Ms. Okafor"


def test_a_household_has_no_manager_above_it():
    report = analyze("I'm an au pair from Kenya living with a family in Lyon. The father, Luc, keeps messaging me "
                     "late at night about how I look, and last Sunday he came into the laundry room and stood right "
                     "up against me. The mother is kind but I haven't told her. My visa depends on this family. "
                     "What should I do?")
    first_five = [r.action for r in report.recommendations[:5]]
    assert "ESCALATE_THEIR_MANAGER" not in first_five
    assert first_five[0] == "HR_FORMAL"


def test_initialling_sheets_for_sites_not_visited_gets_the_do_not_sign_note():
    from clearair.advise.notes import SIGN_NOTE

    report = analyze("I service fire extinguishers for a contractor. My supervisor gave me a pile of check sheets for "
                     "six offices I have not been to since spring and said just initial them, nobody reads them. "
                     "He wants them back by Friday and my contract renewal is next month.")
    assert SIGN_NOTE in report.notes


def _reading(name: str, value, confidence: float, words: str | None = None):
    from clearair.models import Evidence, FactorReading

    ev = [Evidence(start=0, end=len(words), text=words)] if words else []
    return FactorReading(name=name, title=name, value=value, text=str(value), confidence=confidence, evidence=ev)


def test_a_serious_reading_resting_on_one_word_of_judgement_is_not_acted_on():
    from clearair.advise.safety import assess_floor, floor_for
    from clearair.models import Situation

    def floor(confidence: float, words: str, payback: float = 0.5):
        factors = [_reading("severity", "serious", confidence, words), _reading("retaliation", True, payback),
                   _reading("writer_fault", "none", 0.9), _reading("counterpart_role", "manager", 0.9)]
        return floor_for(factors, [], situation=Situation())

    assert assess_floor([_reading("severity", "serious", 0.58, "ridiculous")]).serious  # the reading alone
    assert not floor(0.58, "ridiculous").serious        # blind panel 31's check-in rule for the bathroom
    assert floor(0.58, "ridiculous", payback=0.8).serious  # payback read with confidence still counts
    assert floor(0.85, "ridiculous").serious            # a strong reading stands
    assert floor(0.58, "he grabbed my arm").serious     # words of what happened are not a judgement


def test_going_along_listed_among_other_options_is_judged_on_its_own():
    report = analyze("I'm a technician at a food testing lab. My supervisor, Mr. Osei, told me to report the values "
                     "from a different batch because the real one failed for salmonella, and to write the date as if "
                     "it was the same sample. My options: refuse and email the quality director, just do it and move "
                     "on, or quietly look for another job.")
    verdicts = {v.option: v for v in report.option_verdicts}
    along = next(v for k, v in verdicts.items() if k.lower().startswith("just do it"))
    assert along.verdict == "not advised"
    refuse = next(v for k, v in verdicts.items() if "refuse" in k.lower())
    assert "just do it" not in refuse.option and refuse.verdict != "not advised"


def test_a_favour_said_yes_to_or_something_seen_is_not_the_writers_fault():
    from clearair.advise.safety import assess_floor

    for words in ("I said sure.", "I've seen it on her desk a few times and I'm pretty sure she thinks it's hers."):
        floor = assess_floor([_reading("writer_fault", "mainly", 0.8, words)])
        assert floor.writer_at_fault == "none", words
    assert assess_floor([_reading("writer_fault", "mainly", 0.8, "I shouted at her in front of the team.")]) \
        .writer_at_fault == "mainly"


def test_no_step_tells_them_first_beside_serious_conduct():
    report = analyze("My shift supervisor keeps pressing himself against me in the radio room and texted me at 2am "
                     "that I looked hot today. I asked him to stop and he laughed. The lieutenant above him is his "
                     "friend. What do I do?")
    for rec in report.recommendations:
        assert not any("tell them first" in x.lower() for x in rec.steps + rec.risks), rec.action


def test_a_godmother_or_a_golf_partner_is_a_tie():
    report = analyze("I'm an accounts clerk at a small charity. For months the receipts that Amina brings back from "
                     "field trips look wrong, and I have counted about 200,000 shillings of them. Our finance "
                     "manager, Mrs Otieno, approves them all; she is godmother to Amina's daughter. What can I do?")
    assert report.situation.manager_tied or report.situation.party(report.situation.counterpart).role != "peer"
    severity = _factor_of(report, "severity")
    assert severity.value == "serious" and severity.source == "rules"


def _factor_of(report, name: str):
    return next(f for f in report.factors if f.name == name)


def test_theft_seen_is_reported_as_seen_without_a_check_in_and_without_the_writers_fears():
    from clearair.advise.answer import WITNESS_LINE

    report = analyze("I work the yard at a timber merchant. Last Friday I saw Craig load three boxed drills into the "
                     "boot of his brother's car round the back, no paperwork, no receipt. If I report to the branch "
                     "manager I think he will just laugh it off. Who should I tell?")
    assert report.situation.rules_broken_seen
    assert WITNESS_LINE not in report.answer
    complaint = next((s for s in report.scripts if s.action == "HR_FORMAL"), None)
    assert complaint is not None and "I think he will" not in complaint.text
    assert "EXIT" not in [r.action for r in report.recommendations[:3]]


def test_a_child_handled_roughly_gets_the_safeguarding_note_and_held_papers_their_own():
    from clearair.advise.notes import DOCUMENTS_NOTE, SAFEGUARDING_NOTE

    child = analyze("I'm a teaching assistant. The deputy head grabbed a Year 6 boy by the upper arm, hard enough "
                    "that he was crying, and last week he shut him in the store room for twenty minutes.")
    assert SAFEGUARDING_NOTE in child.notes
    papers = analyze("I work as a cleaner in a hotel abroad. When I arrived the agent took my passport and now the "
                     "manager keeps it in his office and says I can have it back when my contract ends.")
    assert DOCUMENTS_NOTE in papers.notes


def test_a_co_owner_is_sent_to_their_agreement_and_a_lawyer_not_to_the_owner():
    report = analyze("My co-founder and I run a small design studio, 50/50. For months he has taken client work on "
                     "the side through his own company, and last week he paid himself a bonus from our account that "
                     "we never agreed. When I raised it he said it was his money too. What can I do?")
    formal = next((r for r in report.recommendations if r.action == "HR_FORMAL"), None)
    assert formal is not None and formal.route is not None and "lawyer" in formal.route
    assert "the owner" not in formal.route


def test_a_two_word_given_name_or_a_working_title_greets_them():
    from clearair.advise.scripts import _is_first_name

    assert _is_first_name("Wei Ling") and _is_first_name("Engr. Santos") and _is_first_name("Dave")
    assert not _is_first_name("my boss") and not _is_first_name("HR") and not _is_first_name("the colleagues")


def test_rule_breaking_asked_of_the_writer_is_said_as_pressure_on_them():
    report = analyze("I run the assay bench at a small mining lab. My supervisor told me to rerun the failed sample "
                     "and, when it failed again, he said to report the values from a different batch that passed. "
                     "He writes my review next month. What do I do?")
    complaint = next(s for s in report.scripts if s.action == "HR_FORMAL")
    assert "pressed me to" in complaint.text and "signs that" not in complaint.text
