"""Learned factor readers: the situation's factors read from the letter, each with its evidence.

Each factor is read by whatever did best in cross-validation on the annotated
library (``make train`` chooses and prints it): the hand rules, or a linear
model over the writer's words plus the rules' findings. The model is plain
numbers (``data/models/readers.json``) applied with numpy; the sentence (or
rule finding) that pushed the chosen value most is its evidence.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from functools import cache
from importlib import resources

import numpy as np

from clearair.extract.facts import accused_of
from clearair.extract.features import Sentence
from clearair.extract.linear import FeaturePush, Features, LinearReader, sentence_evidence, strongest_sentence
from clearair.extract.lexicon import Hit
from clearair.extract.reading import is_question
from clearair.knowledge.factors import FACTORS
from clearair.models import Evidence, FactorReading, Party

ARTEFACT = "data/models/readers.json"
#: Factors a hand-written rule already reads: the value, and the rule feature it rests on (for its
#: evidence). Training compares these with the learned readers; the better one ships.
def _rule_role(features: dict[str, float]) -> tuple[str | bool, str]:
    role = next((k.split("=", 1)[1] for k in features if k.startswith("rule:role=") and k != "rule:role=none"), "peer")
    return role, f"rule:role={role}"


RULE_READ: dict[str, Callable[[dict[str, float]], tuple[str | bool, str]]] = {
    "counterpart_role": _rule_role,
    "narrator_is_manager": lambda f: (bool(f.get("rule:narrator_manager")), "rule:narrator_manager"),
    "pattern": lambda f: (bool(f.get("rule:pattern")), "rule:pattern"),
    "leaving": lambda f: (bool(f.get("rule:leaving")), "rule:leaving"),
    # "I've apologised", "she came to me and apologised": rare in letters, so a model sees few examples.
    "writer_apologized": lambda f: (bool(f.get("rule:attempts=apology")), "rule:attempts=apology"),
    "they_apologized": lambda f: (bool(f.get("rule:responses=apology") or f.get("rule:responses=public_apology")),
                                  "rule:responses=public_apology" if f.get("rule:responses=public_apology")
                                  else "rule:responses=apology"),
}


@cache
def artefact() -> dict:
    return json.loads(resources.files("clearair").joinpath(ARTEFACT).read_text(encoding="utf-8"))


@cache
def readers() -> dict[str, LinearReader | dict]:
    out = {}
    for name, spec in artefact()["factors"].items():
        if name not in FACTORS:
            raise ValueError(f"{ARTEFACT} names unknown factor {name!r}")
        out[name] = LinearReader(spec) if "weights" in spec else spec
    return out


#: A missed case of serious conduct costs more than a false alarm: the false alarm sends the writer to HR
#: with dated notes (over-cautious, still safe), the miss can send them alone to the person harming them.
#: Counting a miss twice as costly, severity would be "serious" whenever a calibrated reader gives it a third
#: or more; the reader is trained with balanced class weights, which lift a rare class's probability, so
#: ``make train`` sets the bar where that cost is lowest on the library's real letters (``serious_bar``), and
#: this is the bar when none is shipped.
SERIOUS_MISS_COST = 2.0
SERIOUS_BAR = 1.0 / (1.0 + SERIOUS_MISS_COST)


def serious_bar() -> float:
    """The shipped bar from which the severity reader's "serious" is acted on (``SERIOUS_BAR`` if none)."""
    return float(artefact().get("serious_bar", SERIOUS_BAR))


#: Someone complained about the writer ("a coworker complained to HR that I keep commenting on her looks",
#: "my report told HR I shouted at her"): the conduct in question is the writer's, so leaning towards serious
#: would send the writer to file a formal complaint against the person who reported them.
_ACCUSED = re.compile(r"\baccus\w* me\b|\b(?:complaint|grievance|allegation)s? (?:against|about) me\b|"
                      r"(?<!\bI )(?<!\bwe )\b(?:complain\w*|report\w*|told|went|go(?:es|ne)?) (?:to )?(?:hr\b|human "
                      r"resources|management|(?:my|our|the) (?:manager|boss|supervisor))\b,? (?:that )?I\b", re.I)


def accused(text: str) -> bool:
    """Whether the letter says someone complained about the writer (``_ACCUSED``)."""
    return bool(_ACCUSED.search(text))


#: The writer says they mean to stay ("I still want this job", "I love working here and don't want to quit") and
#: says nothing of looking elsewhere: a threat to fire them is not their wish to leave (a red team found "I'll be
#: let go" read as the writer leaving, and "plan your way out" offered second).
_STAYING = re.compile(r"\bi (still |really |truly |do )?(want|need|would like|['’]d like) to (keep|stay in|hold on to) "
                      r"(this|my|the) (job|position|role)\b|\bi (still |really )?(want|need|love|like) (this|my) job\b|"
                      r"\bi (really |still )?(want|intend|plan|hope) to stay\b|"
                      r"\b(don['’]?t|do not|never) want to (quit|leave|resign)\b", re.I)
_LOOKING = re.compile(r"\b(applying|applied|job[- ]hunting|interview(ing|ed)? (at|with|for)|looking for (a new|another|other) "
                      r"(job|role|position)|handed in|hand in my notice|resign(ed|ing)?|job offer)\b", re.I)


def staying(text: str) -> bool:
    """Whether the writer says they mean to keep their job and nothing of looking elsewhere (``_STAYING``)."""
    return bool(_STAYING.search(text)) and not _LOOKING.search(text)


def cautious(name: str, value: str, proba: dict[str, float], *, accused: bool = False,
             bar: float = SERIOUS_BAR, stays: bool = False) -> str | bool:
    """The value to act on: ``value`` (the likeliest), except that a severity which may well be serious
    (``bar``) is read as serious, unless the letter is about a complaint made against the writer; and a writer
    who says they mean to stay (``stays``) is not read as leaving or as wanting out. Training scores the readers, and chooses the
    bar, with the same rule (without the complaint and staying tests)."""
    if name == "severity" and not accused and proba.get("serious", 0.0) >= bar:
        return "serious"
    if name == "leaving" and stays:
        return False
    if name == "goal" and value == "leave" and stays:  # the next likeliest goal
        return max((c for c in proba if c != "leave"), key=lambda c: proba[c], default=value)
    return value


def read_factors(sents: list[Sentence], features: dict[str, float], rule_ev: dict[str, list[Evidence]],
                 text: str) -> list[FactorReading]:
    """Every factor of ``factors.yaml``, with its value, confidence, source and evidence
    (offsets into ``text``, the user's input); ``rule_ev``: where each rule feature came from."""
    norm = feature_norm(features)
    against_writer = accused(text)
    stays = staying(text)
    out = []
    shipped = readers()  # loaded before the letter's features are looked up in their shared vocabulary
    looked_up = Features(features)
    for name, spec in FACTORS.items():
        reader = shipped.get(name)
        if isinstance(reader, LinearReader):
            p = reader.proba(looked_up, norm)
            i = int(np.argmax(p))
            d = reader.classes.index(spec.default) if spec.default in reader.classes else 0
            if i != d and spec.default in reader.classes and p[i] - p[d] < reader.margin:
                i = d  # unsure: the default (margin chosen by CV)
            chosen = cautious(name, str(reader.classes[i]), {str(c): float(x) for c, x in zip(reader.classes, p, strict=True)},
                              accused=against_writer, bar=serious_bar(), stays=stays)
            i = [str(c) for c in reader.classes].index(str(chosen))
            evidence = []
            if name == "writer_fault" and i != d:
                evidence = fault_evidence(reader.push(i, d), sents, text)
                if not evidence:  # no sentence where the writer acts moved it: nothing to tell the writer
                    i = d
            value = reader.classes[i]  # the class itself (a bool for yes/no factors), not its name
            if not evidence and (value != spec.default or name == "counterpart_role"):
                evidence = strongest_evidence(reader.push(i, d), sents, features, rule_ev, text)
            if name == "severity" and value == "serious" and _rests_on_an_accusation(evidence, sents, text):
                value, evidence = "unprofessional", []
            if name == "own_manager" and value != spec.default and evidence \
                    and all(_ASK_WHETHER_TO_TELL.search(e.text) for e in evidence):
                # "Do I tell my manager or is it not a work thing?" says nothing of how the manager would take it (red
                # team 58: "your own manager is part of the problem" of a writer who had told nobody)
                value, evidence = spec.default, []
            out.append(FactorReading(name=name, title=spec.title, value=value, text=spec.say(value),
                                     confidence=round(float(p[i]), 3), source="learned", evidence=evidence))
        elif reader and reader.get("rule") == "rules" and name in RULE_READ:
            value, key = RULE_READ[name](features)
            out.append(FactorReading(name=name, title=spec.title, value=value, text=spec.say(value),
                                     confidence=0.7, source="rules", evidence=rule_ev.get(key, [])[:1]))
        else:
            value = reader.get("value", spec.default) if reader else spec.default
            out.append(FactorReading(name=name, title=spec.title, value=value, text=spec.say(value),
                                     confidence=0.5, source="default"))
    return out


#: The writer asks whether to go to their manager at all: nothing in it says how that manager acts.
_ASK_WHETHER_TO_TELL = re.compile(r"\b(?:do|should|shall|can|could|would) i (?:just )?(?:tell|ask|go to|talk to|speak to|"
                                  r"report (?:it |this |him |her |them )?to|mention (?:it |this )?to|inform|email|ring|"
                                  r"call) (?:my|our) (?:manager|boss|supervisor|line manager|team ?lead(?:er)?)\b[^.!]*\?",
                                  re.IGNORECASE)


def _rests_on_an_accusation(evidence: list[Evidence], sents: list[Sentence], text: str) -> bool:
    """Every sentence the evidence lies in only tells what the writer is accused of ("I was accused of harassment by
    a new hire"): that is the allegation against them, not conduct done to them, so the advice is for someone facing a
    complaint (it had said "go to HR or make a formal complaint, because harassment is what formal routes are for").
    Conduct the rules find from what happened still makes it serious (``apply_conduct``)."""
    def sentence(e: Evidence) -> str:
        return next((text[s.start:s.end] for s in sents if s.start <= e.start < s.end), e.text)
    return bool(evidence) and all(accused_of(sentence(e)) for e in evidence)


def feature_norm(features: dict[str, float]) -> float:
    """Each letter's features are scaled to unit length (as in training), so long letters do not shout."""
    return float(np.sqrt(sum(v * v for v in features.values()))) or 1.0


def strongest_evidence(push: FeaturePush, sents: list[Sentence], features: dict[str, float],
              rule_ev: dict[str, list[Evidence]], text: str) -> list[Evidence]:
    """The sentence whose words push the value most, or the rule finding if that pushes more."""
    best_sent, best = strongest_sentence(push, sents)
    rule_best = max(((push.get(k, 0.0) * v, k) for k, v in features.items() if k.startswith(("rule:", "sig:"))
                     and rule_ev.get(k)), default=(0.0, None))
    if rule_best[1] and rule_best[0] > best * 0.5:
        return rule_ev[rule_best[1]][:1]
    return [] if best_sent is None else [sentence_evidence(best_sent, text)]


#: Verbs of the mind: "I know it's her because she said 'hope that's ok'" tells what the writer knows, not what they did.
_MINDS = frozenset("know think feel believe guess suppose wonder assume realise realize hope want wish worry doubt "
                   "understand notice see hear".split())


def speaks_of_the_writer(sentence: Sentence) -> bool:
    """The writer is the subject of one of the sentence's verbs other than a verb of the mind, outside quotes
    ("I snapped at her"; not "He said 'my bad'", whose "my" is his, nor "I know it's her")."""
    return any(g.startswith("a:me:") and g.rsplit(":", 1)[1].removeprefix("not ") not in _MINDS
               for g in sentence.grams)


def fault_evidence(push: FeaturePush, sents: list[Sentence], text: str) -> list[Evidence]:
    """A "you had a part in it" reading rests on what the writer did: the strongest sentence among
    those where the writer acts. None when no such sentence pushes the reading: then the reading is
    "none", since a share of the fault the letter shows no act of the writer's behind is not one to tell them."""
    telling = [s for s in sents if speaks_of_the_writer(s) and not is_question(text[s.start:s.end])
               and not said_of_the_writer_by_another(text[s.start:s.end])]
    # Among them, one the writer opens is told of first: "I mentioned it to two of the girls at lunch" says what
    # they did; "She came to my desk and asked if I'd read her messages" is what she did, with the writer's
    # reply inside it, and "I feel she could have told me privately" is a feeling. Only if none of those pushes
    # the reading does a sentence that opens with someone else stand.
    own = [s for s in telling if not _OPENS_WITH_ANOTHER.match(text[s.start:s.end])
           and not _OPENS_WITH_A_FEELING.match(text[s.start:s.end])]
    # Among those, one where the writer does something is told before one that only says what they are ("I'm a
    # project manager and I'm pretty outspoken"): the advice sets aside a fault resting on who the writer is.
    best, _ = strongest_sentence(push, [s for s in own if _does_something(s)])
    if best is None:
        best, _ = strongest_sentence(push, own)
    if best is None:
        best, _ = strongest_sentence(push, telling)  # a question ("How do I fix this?") tells nothing of what was done
    return [] if best is None else [sentence_evidence(best, text)]


def _does_something(sentence: Sentence) -> bool:
    """The writer is the subject of a verb other than "be" or a verb of the mind: they did something."""
    return any(g.startswith("a:me:") and g.rsplit(":", 1)[1].removeprefix("not ") not in _MINDS | {"be"}
               for g in sentence.grams)


def said_of_the_writer_by_another(sentence: str) -> bool:
    """The writer is a subject only inside what someone else said or wrote of them: "A customer emailed me saying
    that I am incompetent" tells of the customer's words, not of anything the writer did (it was read as "You
    mainly caused this" to a writer whose delivery the courier had delayed)."""
    told = _TOLD_OF_ME.search(sentence)
    return told is not None and not _I_DO.search(sentence[:told.start()]) and bool(_I_DO.search(sentence[told.end():]))


#: Words that bring in what someone said or wrote: "saying", "told my manager", "accused me of".
_TOLD_OF_ME = re.compile(r"\b(?:saying|says|said|claiming|claims|claimed|writing|wrote|complaining|complained|"
                         r"telling|told|insisting|insisted|shouting|shouted|yelling|yelled|screaming|screamed|accus(?:ed|ing|es))\b", re.IGNORECASE)
#: The writer as a subject: "I", "I've", "I'm" (not "me", the one spoken to).
_I_DO = re.compile(r"\bI\b|\bI['’](?:m|ve|d|ll)\b")


#: A sentence whose first person is someone else, after at most a time or a joining word ("Then she asked…").
_OPENS_WITH_ANOTHER = re.compile(r"\W*(?:(?:and|but|so|then|later|since then|after that|yesterday|today|(?:on|last|this|"
                                 r"the next|the following) \w+),?\s+)?(?:he|she|they)\b", re.IGNORECASE)
#: A sentence that opens with the writer's feeling or view, not a doing: "I feel she could have told me first".
_OPENS_WITH_A_FEELING = re.compile(r"\W*(?:(?:and|but|so|honestly),?\s+)?i\s+(?:(?:really|still|just|honestly)\s+)?"
                                   r"(?:feel|felt|think|thought|believe|wish|hope|guess|know|knew)\b", re.IGNORECASE)


#: Conduct kinds (lexicon "conduct") and the factor values they establish whatever the reader says.
_CONDUCT_SETS: dict[str, tuple[str, str | bool]] = {"punishment_for_speaking": ("retaliation", True)}


def back_to_default(f: FactorReading, *, confidence: float | None = None) -> None:
    """Set a reading back to what its factor assumes when the letter is silent: the default value in words, no
    evidence, and (when given) the confidence of such a default."""
    spec = FACTORS[f.name]
    f.value, f.text, f.evidence = spec.default, spec.say(spec.default), []
    if confidence is not None:
        f.confidence = confidence


def apply_conduct(factors: list[FactorReading], conduct: list[Hit], original: str,
                  own: list[Hit] | tuple = (), by_manager: list[Hit] | tuple = ()) -> list[FactorReading]:
    """Conduct an employer must act on, found from what happened (``extract.conduct``), makes the
    severity serious even when the learned reader, trained on few such letters, is unsure; done or said by the
    writer's own manager (``by_manager``), that manager is the problem.

    ``own``: such conduct the writer describes doing themselves. Alone (no one else's), it is
    serious and the writer's doing: the advice turns to owning it, never to protecting the writer."""
    if not conduct and not own:
        return factors
    by = {f.name: f for f in factors}

    def settle(name: str, value: str | bool, hit: Hit) -> None:
        f = by[name]
        if f.value == value and f.source == "rules":
            return
        spec = FACTORS[name]  # the same value from the reader too: what happened now backs it
        f.value, f.text, f.source, f.confidence = value, spec.say(value), "rules", max(0.8, f.confidence)
        f.evidence = [Evidence(start=hit.start, end=hit.end, text=original[hit.start:hit.end])]

    if not conduct:  # only the writer's own act (found strictly, see extract.conduct): serious, and theirs to own
        settle("severity", "serious", own[0])
        settle("writer_fault", "mainly", own[0])
        return factors
    settle("severity", "serious", conduct[0])
    fault = by["writer_fault"]
    if fault.source == "learned" and fault.value != FACTORS["writer_fault"].default and any(
            e.start <= hit.start < e.end for e in fault.evidence[:1] for hit in conduct):
        # the writer's "part" rested on the very sentence that tells of the conduct done to them ("when we stopped
        # he locked the doors"): no part of theirs, and not one to tell them of
        back_to_default(fault)
    elif fault.source == "learned" and any(hit.kind == "punishment_for_speaking" for hit in conduct):
        # punished for asking or speaking up ("I asked whether I get holiday pay … I was cut to 8 hours"): what the
        # writer did was ask, which is no fault, whatever sentence the learned reading leaned on (red team 57)
        back_to_default(fault)
    for hit in conduct:
        if hit.kind in _CONDUCT_SETS:
            settle(*_CONDUCT_SETS[hit.kind], hit)
    if by_manager:
        settle("own_manager", "is_the_problem", by_manager[0])
    return factors


#: A learned "your manager is unsupportive" or "unknown" under this is overruled by the writer's own praise of them.
PRAISE_OVERRULES = 0.6


def apply_praise(factors: list[FactorReading], praise: list[Evidence]) -> list[FactorReading]:
    """The writer speaks well of their own manager, who is not the other side ("My supervisor Dana is really
    supportive and I trust her. The problem is a coworker"): that manager is supportive, unless the reader is sure
    otherwise or what happened made them the problem. ``praise``: the writer's words, found by
    ``extract.counterpart.spoken_well_of`` (the caller has left out a manager who did nothing to help)."""
    f = next((f for f in factors if f.name == "own_manager"), None)
    if not praise or f is None or f.source == "rules" or f.value == "supportive" or f.confidence >= PRAISE_OVERRULES:
        return factors
    spec = FACTORS["own_manager"]
    f.value, f.text, f.source, f.confidence = "supportive", spec.say("supportive"), "rules", 0.7
    f.evidence = praise[:1]
    return factors


#: Where a letter says the writer went over someone's head: a second person, a department or a formal step.
_ABOVE = re.compile(r"\b(hr|human resources|personnel|over (his|her|their) heads?|above (him|her|them)|(his|her|their) "
                    r"(boss|manager|supervisor|director)|director|owner|union|grievance|formal|ceo|head office|"
                    r"ombuds\w*|regional|area manager|complain\w*)\b", re.I)


#: The writer went to their manager with a request of their own ("asked for the leave"), not to report someone.
OWN_REQUEST = re.compile(r"\b(?:asked|asking|requested|requesting|applied|applying|put in)\s+(?:her |him |them )?"
                         r"(?:for|if|whether|to (?:take|have|get|work|swap|change|move|go|leave))\b(?![^.?!]{0,40}\babout\b)",
                         re.I)


def asked_them_for_oneself(said: Evidence, sentence: str, counterpart: Party | None) -> bool:
    """ "When I went to the manager I report to and asked for the leave, she turned me down": the words name the other
    side, the writer's own manager, no one above or beside them, and a request of the writer's own (``OWN_REQUEST``).
    That is raising it with them, not going over anyone's head (a blind panel read a refused leave request as "you
    already went above them"); a report about someone else to "my own manager" stays an escalation (the library's
    annotators), even when the reading has taken that manager for the other side. ``said`` places the words, and
    ``sentence`` is the whole sentence they are in."""
    return counterpart is not None and counterpart.role == "manager" and any(
        e.start < said.end and said.start < e.end for e in counterpart.evidence) and not _ABOVE.search(sentence) \
        and OWN_REQUEST.search(sentence) is not None


def apply_gone_to_them(factors: list[FactorReading], counterpart: Party | None) -> list[FactorReading]:
    """A learned "already escalated" whose sentence is the writer asking their own manager, the other side, for
    something of their own (``asked_them_for_oneself``) is not shown."""
    f = next((f for f in factors if f.name == "already_escalated"), None)
    if f is None or f.value is not True or f.source != "learned" or not f.evidence \
            or not asked_them_for_oneself(f.evidence[0], f.evidence[0].text, counterpart):
        return factors
    spec = FACTORS["already_escalated"]
    f.value, f.text, f.source, f.confidence, f.evidence = False, spec.say(False), "rules", 0.7, []
    return factors
