"""Who did what: the grams that tell the writer's own acts from other people's, and the fault
reading's evidence and bar that rest on them."""

from __future__ import annotations

import pytest

from clearair import analyze
from clearair.advise.safety import about_the_writer
from clearair.assess.readers import fault_evidence, speaks_of_the_writer
from clearair.extract.features import sentences
from clearair.extract.nlp import parse
from clearair.models import Evidence, FactorReading
from clearair.train.readers import (
    C_NOISE,
    FAULT_LOWER_BOUND,
    FAULT_MIN_READINGS,
    fault_confidence,
    simplest_within_noise,
    wilson_lower,
)


def agents(text: str) -> set[str]:
    return {g for s in sentences(parse(text)) for g in s.grams if g.startswith("a:")}


@pytest.mark.parametrize(("text", "expected", "absent"), [
    ("I snapped at her in front of the whole team.", "a:me:snap", "a:they:snap"),
    ("She never replied to my email about the rota.", "a:they:not reply", "a:me:not reply"),
    ("I should have asked him before I changed his slides.", "a:me:should_have", "a:they:should_have"),
    ("My manager snapped at me and then walked out.", "a:they:walk", "a:me:walk"),
])
def test_each_verb_keeps_its_subjects_person(text, expected, absent):
    found = agents(text)
    assert expected in found
    assert absent not in found



@pytest.mark.parametrize("text, denied, said", [
    ("There were no threats and no touching, just rudeness.", {"threat", "touching"}, set()),
    ("Nothing physical happened, but he threatened me twice.", {"physical"}, {"threaten"}),
    ("He didn't apologise and he keeps doing it.", {"apologise"}, {"keep"}),
])
def test_words_a_negation_denies_are_kept_apart(text, denied, said):
    # A reader must not take "no threats" for threats: a denied word is its own feature, up to the clause's end.
    grams = set().union(*(s.grams for s in sentences(parse(text))))
    assert all(f"w:not:{w}" in grams and f"w:{w}" not in grams for w in denied)
    assert all(f"w:{w}" in grams and f"w:not:{w}" not in grams for w in said)

def test_quoted_words_belong_to_the_speaker_not_the_writer():
    found = agents('The director read the email again and said "I am sorry, I messed up" before he left.')
    assert "a:they:say" in found
    assert "a:q:mess" in found
    assert not any(g.startswith("a:me:") for g in found)


def test_single_quotes_are_speech_but_a_plural_possessive_is_not():
    found = agents("He messaged me: 'Careful. I can make the next six months very long for you.' "
                   "I went to the teachers' room and I cried.")
    assert {"a:q:make", "a:q:may_do_to_you", "a:me:cry"} <= found
    assert "a:me:make" not in found


def test_an_unbalanced_quote_stops_at_the_end_of_the_line():
    found = agents('He wrote "fine whatever.\nI shouted at him the next morning.')
    assert "a:me:shout" in found


def test_fault_evidence_is_a_sentence_where_the_writer_acts():
    text = ("She forwarded my notes to the client without asking. I had left the draft on the shared drive "
            "without a warning on it. Nobody else saw the notes.")
    sents = sentences(parse(text))
    assert [speaks_of_the_writer(s) for s in sents] == [False, True, False]
    push = {"w:forward": 3.0, "w:draft": 1.0}  # the other person's act pushes the reading most
    evidence = fault_evidence(push, sents, text)
    assert evidence and evidence[0].text.startswith("I had left the draft")


def test_no_fault_evidence_when_the_writer_never_acts():
    text = "He shouted at the new hire in the kitchen. The owner laughed and walked off."
    assert fault_evidence({"w:shout": 2.0}, sentences(parse(text)), text) == []


def _fault(text: str) -> FactorReading:
    return FactorReading(name="writer_fault", title="t", value="mainly", text="t", confidence=0.9,
                         evidence=[Evidence(start=0, end=len(text), text=text)])


def test_the_safety_floor_does_not_take_a_quoted_admission_as_the_writers():
    assert not about_the_writer(_fault('He shook his head and said "sorry, my bad, I did not read it".'))
    assert not about_the_writer(_fault("He shook his head and said 'sorry, my bad, I did not read it'."))
    assert about_the_writer(_fault('I told her "that was out of line" and I shouted at her.'))


def test_the_simplest_setting_within_noise_ships():
    tried = [(0.3, 0.0, 0.500, "a"), (1.0, 0.0, 0.503, "b"), (3.0, 0.1, 0.504, "c")]
    assert simplest_within_noise(tried)[3] == "a"  # within C_NOISE of the best: the smallest C
    tried = [(0.3, 0.0, 0.504 - 2 * C_NOISE, "a"), (1.0, 0.1, 0.501, "b"), (3.0, 0.0, 0.504, "c")]
    assert simplest_within_noise(tried)[3] == "b"


def test_a_fault_bar_never_rests_on_a_handful_of_readings():
    gold = ["mainly"] * (FAULT_MIN_READINGS - 1) + ["none"] * 50
    proba = [{"mainly": 0.9, "partly": 0.05, "none": 0.05}] * (FAULT_MIN_READINGS - 1) + \
        [{"mainly": 0.1, "partly": 0.1, "none": 0.8}] * 50
    assert fault_confidence(gold, proba)["mainly"]["threshold"] == 1.0  # right every time, but too few
    gold += ["mainly"] * 5
    proba += [{"mainly": 0.9, "partly": 0.05, "none": 0.05}] * 5
    assert fault_confidence(gold, proba)["mainly"]["threshold"] < 1.0


def test_an_untrusted_fault_reading_is_not_repeated_by_the_similar_cases():
    """The floor declined a weak "you caused it": the similar cases must not say "that writer also mainly caused it"."""
    from clearair.advise.safety import assess_floor
    from clearair.pipeline import as_advised

    def advised(reading: FactorReading) -> dict:
        return {f.name: f.value for f in as_advised([reading], assess_floor([reading]).writer_at_fault)}

    weak = _fault("I walked over to ask what I had done wrong.").model_copy(update={"confidence": 0.05})
    said = advised(weak)
    assert said["writer_fault"] == "none"
    strong = weak.model_copy(update={"source": "rules"})  # found from what happened: trusted as read
    assert advised(strong)["writer_fault"] == "mainly"


def test_the_opener_thanks_the_other_side_only_for_their_own_apology():
    """A director's apology is not the customer's: the one-to-one opener to the customer must not thank them for it."""
    from clearair import analyze

    text = ("A client complained to our account director about my handling of her order, and he forwarded the "
            "complaint to the whole sales floor without reading it. When I asked him about it he said he was sorry "
            "and that it was his mistake. The client still emails me curtly and copies my manager on everything. "
            "I want to get back on good terms with her. Should I call her?")
    report = analyze(text)
    apologisers = {c.by for c in report.situation.responses if c.kind in ("apology", "public_apology")}
    for script in report.scripts:
        if "Thanks for the apology" in script.text:
            assert report.situation.counterpart in apologisers, script.text


def _reading(name: str, value, source: str = "learned", confidence: float = 0.9, text: str = "") -> FactorReading:
    ev = [Evidence(start=0, end=len(text), text=text)] if text else []
    return FactorReading(name=name, title=name, value=value, text=str(value), confidence=confidence, source=source,
                         evidence=ev)


def test_a_learned_you_caused_it_does_not_stand_against_their_apology_or_serious_conduct():
    from clearair.advise.safety import assess_floor

    fault = _reading("writer_fault", "mainly", text="I snapped at him in front of the whole team.")
    calm = [fault, _reading("severity", "minor"), _reading("they_apologized", False, source="rules")]
    assert assess_floor(calm).writer_at_fault == "mainly"
    apologised = [fault, _reading("severity", "minor"), _reading("they_apologized", True, source="rules")]
    assert assess_floor(apologised).writer_at_fault == "none"
    threatened = [fault, _reading("severity", "serious", source="rules"), _reading("they_apologized", False)]
    assert assess_floor(threatened).writer_at_fault == "none" and assess_floor(threatened).serious
    own_act = [_reading("writer_fault", "mainly", source="rules", text="I grabbed her arm."),
               _reading("severity", "serious", source="rules"), _reading("they_apologized", True)]
    assert assess_floor(own_act).writer_at_fault == "mainly"  # the writer's own serious act, found by the rules


def test_a_question_or_a_denial_is_not_the_writers_own_doing():
    assert not about_the_writer(_fault("How do I make sure the record shows what I actually did?"))
    assert not about_the_writer(_fault("I keep absorbing the blame for something that was never mine."))
    assert not about_the_writer(_fault("I had nothing to do with the outage, and I said so."))
    assert about_the_writer(_fault("I lost my temper and I told her the plan was stupid."))


@pytest.mark.parametrize(("text", "admitted"), [
    ("Helen told him it was my fault and now he will not speak to me.", False),
    ("My boss thinks the delay was my mistake, but the files came late from his team.", False),
    ("She made it look like my fault in front of the whole office.", False),
    ("I told her straight away that it was my fault.", True),
    ("It was my fault, and I know it.", True),
    ("It was not my fault: the client gave us the wrong postcode.", False),  # a red-team finding
    ("The delay wasn't really my mistake, the parts came late.", False),
])
def test_blame_someone_else_reports_is_not_the_writers_admission(text, admitted):
    """The rules' "my fault" is the writer's admission only when the writer says it, not when the writer
    reports someone else's claim (a red-team finding: "Helen told him it was my fault" read as at fault)."""
    from clearair.extract import facts
    from clearair.extract.reading import Reading

    reading = Reading(original=text, text=text, doc=parse(text))
    kinds = {c.kind for c in facts.cues(reading, "themes")}
    assert ("narrator_fault" in kinds) is admitted


def test_a_fault_bar_on_few_readings_needs_a_higher_precision():
    # 13 right of 20 (65 %) is enough; 12 of 21 (57 %) is not; 10 of 14 (71 %) is, on fewer readings.
    assert wilson_lower(13, 20) >= FAULT_LOWER_BOUND > wilson_lower(12, 21)
    assert wilson_lower(10, 14) >= FAULT_LOWER_BOUND
    assert wilson_lower(20, 40) < FAULT_LOWER_BOUND  # a coin toss on many readings never qualifies


@pytest.mark.parametrize("role, confidence, rules_part, acted_on", [
    ("manager", 0.43, 0.0, False),  # unsure, about a boss: not told to own it
    ("manager", 0.62, 0.0, True),   # sure enough
    ("peer", 0.43, 1.0, True),      # a peer, and the rules saw the writer's part: the usual bar
    ("peer", 0.43, 0.0, False),     # a peer, the reader alone and unsure: out of fold, "none" more often than not
    ("peer", 0.62, 0.0, True),
])
def test_an_unsure_your_fault_is_not_acted_on_about_a_boss_or_alone(role, confidence, rules_part, acted_on):
    from clearair.advise.safety import assess_floor

    fault = FactorReading(name="writer_fault", title="t", value="mainly", text="t", confidence=confidence,
                          source="learned",
                          evidence=[Evidence(start=0, end=37, text="I moved the money and kept the books.")])
    line = FactorReading(name="counterpart_role", title="t", value=role, text="t", confidence=0.7, source="rules")
    signals = {"narrator_at_fault": rules_part}
    assert (assess_floor([fault, line], signals).writer_at_fault == "mainly") == acted_on


@pytest.mark.parametrize("sentence, about", [
    ("I dont want to be petty, but I think I need to say something.", False),
    ("I want to set a boundary without looking like I'm not committed.", False),
    ("I'm worried she'll think I'm difficult.", False),
    ("I don't want to make excuses: I shouted at him in front of everyone.", True),
    ("I wanted to help, so I rewrote his slides without asking.", True),
])
def test_a_wish_or_a_worry_is_no_sentence_of_the_writers_doing(sentence, about):
    """Red team 30: writers who wrote "I dont want to be petty" and "I want to set a boundary" were told to own the
    problem and given an apology to say."""
    assert about_the_writer(_fault(sentence)) is about


def test_an_act_done_over_the_writer_is_not_taken_for_their_own():
    """The parse made "I" the subject of "kept" in "a woman I work with kept talking over me"; the rules' own-part
    signal then rested on an act done to the writer."""
    from clearair.advise.safety import floor_for
    from clearair.models import Signal

    def floor(words: str):
        own = Signal(name="narrator_at_fault", strength=1.0, detail="d",
                     evidence=[Evidence(start=0, end=len(words), text=words)])
        return floor_for([_reading("writer_fault", "none", confidence=0.6)], [own])

    assert not floor("a woman I work with kept talking over me on the call").rules_own_part
    assert floor("I snapped at him and called his work a joke").rules_own_part


def test_a_habit_the_writer_tells_as_their_own_is_found_and_a_denied_one_is_not():
    from clearair.advise.own_ways import own_tendencies

    said = "I run a small team. I'll be honest, I've been known to lose my temper when deadlines slip."
    assert [said[a:b] for a, b in own_tendencies(said)] == ["I've been known to lose my temper"]
    assert own_tendencies("I'm a very competitive person and always have been.")
    assert not own_tendencies("People say I'm aggressive but I don't think I'm competitive at all.")
    assert not own_tendencies("My manager is very competitive and blunt with everyone.")


def test_a_part_the_writer_owns_outright_is_found_and_a_denied_one_is_not():
    from clearair.advise.own_ways import own_admissions

    said = "So this one's partly on me I think. I know I owe her an apology."
    assert [said[a:b] for a, b in own_admissions(said)] == ["this one's partly on me", "I owe her an apology"]
    assert own_admissions("Honestly I dropped the ball on the handover.")
    assert not own_admissions("I don't think it was my fault at all, the rota was changed without telling me.")
    assert not own_admissions("She says it was all on me, which is not true.")


def test_a_writer_who_owns_a_part_is_not_given_a_limit_to_state_before_an_apology():
    """Red team 34: "this one's partly on me … I know I owe her an apology" got a private talk first and the words
    "From now on, I'm asking that it stop" for the colleague the writer had let down."""
    r = analyze("So this one's partly on me I think. In April my colleague Hannah asked me to take over the supplier "
                "checklist while she was on leave, and I forgot about it completely. Three suppliers didn't get set "
                "up. She's been frosty with me since and told our manager I dropped her in it. I know I owe her an "
                "apology but I don't want to grovel forever. How do I handle it?")
    assert r.recommendations[0].action in ("REBUILD_TRUST", "APOLOGIZE")
    assert "APOLOGIZE" in r.top_actions(3)


def test_a_writer_who_tells_of_their_own_temper_is_told_kindly_of_their_part():
    """A supervisor told he "has enemies" after admitting his temper was advised to coach the messenger (blind panel
    25): with the fault reader leaning the same way, his part comes first, with his own words behind it."""
    r = analyze("I manage a team of eight, and one of my staff recently told me that a few people are upset with me. "
                "That hurt, because I try hard to be fair and friendly with everyone. I will admit, though, that on "
                "busy days I've been known to lose my temper. She won't tell me who is upset, so I don't know who to "
                "make things right with. What should I do?")
    top = r.recommendations[0]
    assert top.action in ("REBUILD_TRUST", "APOLOGIZE")
    assert any("lose my temper" in e.text for reason in top.reasons for e in reason.evidence)


def test_a_sentence_that_opens_with_the_writers_place_and_then_someone_else_acting_is_theirs():
    """Red team 55: "Now in our work group chat she keeps posting…" was taken for the writer's own doing by its
    "our", and a writer whose health messages a colleague posted to the team was told to apologise."""
    assert not about_the_writer(_fault("Now in our team group chat she keeps posting screenshots of my messages."))
    assert not about_the_writer(_fault("At my desk yesterday he read out my private emails to everyone."))
    assert about_the_writer(_fault("In our meeting I told her the plan was stupid and laughed at it."))


def test_fault_evidence_prefers_what_the_writer_did_to_what_they_are():
    """A fault reading's evidence is a sentence where the writer does something, before one that only says who they
    are ("I'm a project lead and I'm pretty outspoken"), which the safety floor would set aside."""
    text = ("I'm a project lead and I'm pretty outspoken. She says I cut across her in meetings. Sometimes I jump in "
            "to finish her points for her.")
    sents = sentences(parse(text))
    push = {"w:outspoken": 3.0, "w:jump": 1.0}
    evidence = fault_evidence(push, sents, text)
    assert evidence and evidence[0].text.startswith("Sometimes I jump in")
