"""A second look at learned readings whose own evidence sentence says something else, before the advice acts on
them. The learned readers weigh words across the letter and show the sentence that moved them most; where that
sentence plainly tells another story, the reading is not acted on.

- "Already taken above them" resting on telling a colleague, a friend or family ("I told my colleague Mariana and
  she said he does this with every new girl"), or "already raised with them" resting on telling a friend or family:
  nobody above the other side has been told, and the advice must not build on a step not taken (red team 36: a
  receptionist followed to the staff exit by a guest was told to go to her manager "this time in writing"); and
  "already raised with them" resting on telling the writer's own manager or HR, when the other side is not that
  manager: a step above them, not a word with them.
- "Your own manager is supportive" resting on the writer's fear of telling them ("I am afraid to tell my manager
  because he will say the guest is important"): that manager's stance is not known; and an unsure "your manager
  has not backed you" resting on a sentence that names no one above the writer.
- "You are leaving" resting on a sentence that does not tell of the writer leaving ("Two other servers have quit",
  a rival's quoted "on my way out", "I have to leave early for my mother's check-ups").
- "Serious" resting on one shout at the writer ("Luca yelled at me in front of customers"), with nothing around it
  saying it keeps happening: unprofessional.
- "Serious", unsure, where the writer wants words to ask for something of their own or to say no, and nothing anyone
  did is told: unprofessional.
- "Serious" or "payback for speaking up" resting only on the writer's own request and the no to it ("I asked my
  manager if I could start at ten… he said no straight away"): a refusal, unprofessional at most.

These run after training's readings (the training folds do not see them), like the rules' own findings.
"""

from __future__ import annotations

import re

from clearair.advise.phrases import QUOTED
from clearair.advise.safety import ORDINARY_ACTS, SERIOUS_SURE, severity_open_to_doubt
from clearair.assess.readers import back_to_default
from clearair.extract.reading import Reading, is_question
from clearair.knowledge.factors import FACTORS
from clearair.models import FactorReading, Situation

#: The writer told someone at their own level or outside work, not anyone who could act on it.
_TOLD_SOMEONE_BESIDE = re.compile(
    r"\bi (?:told|mentioned it to|talked to|spoke to|confided in|asked|vented to) (?:my|a|our|one of my|another) "
    r"(?:(?:work |close |best |good )?(?:colleague|coworker|co-worker|friend|mate|workmate|flatmate|roommate)|husband|"
    r"wife|partner|boyfriend|girlfriend|mum|mom|mother|dad|father|sister|brother|family)s?\b", re.IGNORECASE)
_A_COLLEAGUE = re.compile(r"colleague|co-?worker|workmate", re.IGNORECASE)
#: The writer told their own manager or HR ("I told my manager that she follows me around"): a step above the other
#: side, not a word with them (blind panel 46: a writer who had only hinted was given "We talked about this before").
_TOLD_ABOVE = re.compile(r"\bi (?:told|mentioned (?:it|this|that) to|talked to|spoke to|spoke with|went to|asked|"
                         r"complained to|raised (?:it|this|that) with|reported (?:it|this|that|(?:him|her|them)) to) "
                         r"(?:my|our|the) (?:line |direct |shift |store |team |office |floor |area |duty |new )?"
                         r"(?:manager|boss|supervisor|team ?lead(?:er)?|hr|human resources)\b", re.IGNORECASE)
#: Words said to the other side in the same sentence ("I told my boss, then I asked her to stop"): raised with them.
_TO_THEM = re.compile(r"\b(?:told|asked|spoke to|talked to|confronted|mentioned (?:it|this|that) to|said to) "
                      r"(?:him|her|them)\b", re.IGNORECASE)
#: Anyone who could act on it, or a formal step, named in the same sentence.
_SOMEONE_ABOVE = re.compile(r"\b(manager|boss|supervisor|hr|human resources|director|owner|head|lead|union|police|"
                            r"complaint|grievance|report(?:ed)?|management)\b", re.IGNORECASE)
#: A question of the writer's own: "Should I tell my manager?", "Do I go to HR?" (red team 45's shapes).
_ASKS_WHETHER = re.compile(r"^\W*(?:(?:and|but|so|or)\s+)?(?:should|shall|do|can|could|would|is it|am i|must)\b"
                           r"[^.!]*\?\W*$", re.IGNORECASE)
#: The writer told the other side to stop: raised with them, nobody above told.
_TOLD_THEM_TO_STOP = re.compile(r"\bi (?:told|asked) (?:him|her|them) (?:to )?(?:stop|quit|back off|knock it off|"
                                r"leave me alone|not to)\b", re.IGNORECASE)
#: The writer is afraid or unwilling to tell their manager: what the manager would do is not known.
_AFRAID_TO_TELL = re.compile(
    r"\b(?:afraid|scared|worried|nervous|frightened|terrified|reluctant|hesitant|don['’]?t want|do not want)\b"
    r"[^.?!]{0,20}?\b(?:to |of )?(?:tell|telling|go to|going to|ask|asking|approach|approaching|raise it with|"
    r"report(?:ing)? it to) (?:my|our|the) (?:manager|boss|supervisor|line manager)\b", re.IGNORECASE)


#: Words of leaving a job; "leave early" for an appointment, or leave as time off, is not one.
_LEAVING = re.compile(r"\b(?:quit(?:ting)?|leav(?:e|ing)(?! (?:early|work early|on time|at \d|for (?:the day|an? "
                      r"appointment|lunch)))|resign\w*|hand(?:ed|ing)? in my notice|new job|job[- ]hunt\w*|"
                      r"looking (?:for|at) (?:other|another|a new) (?:jobs?|roles?|positions?)|way out|mov(?:e|ing) on|"
                      r"transfer\w*)\b", re.IGNORECASE)
_I = re.compile(r"\b(?:i|i['’]m|i['’]ve|i['’]d|i['’]ll|me|my|myself)\b", re.IGNORECASE)


#: The writer says they have not raised it with the other side: "I haven't raised it with her at all", "I've never
#: said anything to him", "I haven't spoken to them about it yet".
_NOT_RAISED = re.compile(
    r"\bi(?:['’]ve| have)? ?(?:haven['’]?t|have not|never|didn['’]?t|did not)\s+"
    r"(?:yet\s+|actually\s+|ever\s+|really\s+)?"
    r"(?:raised|said|spoken|talked|mentioned|brought|told|confronted|addressed|approached|had a word)\b"
    r"(?:\s+(?:it|this|that|anything|a word|up|the issue|the subject))*\s+(?:(?:to|with)\s+)?(?:her|him|them)\b",
    re.IGNORECASE)
#: A denial before a word in its own clause: "He never hit anybody or threaten me" (not "didn't stop", "never thought
#: he would", nor a denial in another clause: "Nobody helped when he grabbed me").
_DENIAL = re.compile(r"\b(?:never|not|no one|nobody|didn['’]?t|doesn['’]?t|hasn['’]?t|haven['’]?t|isn['’]?t|wasn['’]?t|"
                     r"won['’]?t|wouldn['’]?t|hardly|neither|nor)\b(?! (?:stop|stops|stopped|quit|let up|leave|take no|"
                     r"listen|thought|think|expected|expect|imagined|believed|knew|know|dreamed|realised|realized|"
                     r"want|wanted|mean|meant))(?:(?![,;:]|\b(?:when|after|because|that|but|and|so|while|as|until|"
                     r"since|then|if|before)\b).)*$", re.IGNORECASE)


def denied(reading: Reading, start: int) -> bool:
    """Whether the word at ``start`` sits after a denial in its own clause."""
    sentence = reading.sentence_at(start)
    return bool(_DENIAL.search(reading.text[sentence.start_char:start]))


def _they_are_above(factors: list[FactorReading]) -> bool:
    """Whether the other side is the writer's manager or above: then telling "my manager" was telling them."""
    return any(f.name == "counterpart_role" and f.value in ("manager", "skip_level") for f in factors)


def _writer_leaving_in(said: str) -> bool:
    """Whether the sentence a "you are leaving" reading rests on tells of the writer leaving: it speaks of them, and
    its words of leaving are not all inside someone's quoted words ("she tells people I'm 'on my way out'") nor
    leave from a day's work ("I have to leave early for my mother's check-ups") (red team 40)."""
    return bool(_I.search(said)) and bool(_LEAVING.search(QUOTED.sub(" ", said)))


#: Below this, a learned "your manager has not backed you" (or "is the problem") needs its sentence to name someone
#: above the writer (a red team's teacher, followed to her car by a parent, had "your manager has not backed you" at
#: 0.30 from the parent's own words, which sent her past the head who could bar him).
UNSURE_MANAGER = 0.4


#: Speaking up, refusing or complaining, told as done: payback needs something to pay back.
_SPOKE_UP = re.compile(r"\b(?:complain\w*|reported|reporting|report (?:it|him|her|them|this|that)|rais\w*|object\w*|"
                       r"refus\w*|spoke up|speak up|said no|told (?:hr|human resources|(?:my|his|her|their|the) "
                       r"(?:manager|boss|supervisor|director))|grievance|whistle\w*|push\w* back|pushed back|turned "
                       r"(?:him|her|them) down|declin\w*|stood up|went to|asked (?:for|to|him|her|them))\b",
                       re.IGNORECASE)
#: A learned "serious" resting only on a word of the writer's own question, in a letter where the rules found their
#: own part, is held at "unprofessional": asking "Is this bullying?" after months of their own lateness tells nothing
#: that happened (red team 44: "yes, bullying" said of payroll reminders).
ASKED_NOT_TOLD = "unprofessional"


def _told_not_asked(reading: Reading) -> str:
    """The letter without its questions: what the writer tells, not what they ask."""
    return " ".join(s.text for s in reading.sentences if not is_question(s.text))


def reread(factors: list[FactorReading], reading: Reading | None = None, own_part: bool = False) -> list[FactorReading]:
    """``factors`` with the learned readings above set back to their defaults, in place. ``reading``: the parsed
    letter (its sentences hold the evidence); ``own_part``: the rules found a part of the writer's own in it."""
    for f in factors:
        if f.source != "learned" or not f.evidence:
            continue
        said = f.evidence[0].text
        if reading is not None and f.name == "retaliation" and f.value is True and len(said.split()) < 4 \
                and not _SPOKE_UP.search(_told_not_asked(reading)):
            _back_to_default(f)  # payback resting on a name alone, in a letter where the writer spoke up about nothing
            continue
        if reading is not None and f.name == "retaliation" and f.value is True and _AFRAID_TO_SPEAK.search(said) \
                and not _SPOKE_UP.search(_told_not_asked(reading)):
            _back_to_default(f)  # "I'm scared to say no to him because he signs off promotions": feared, not done
            continue
        if reading is not None and f.name == "severity" and f.value == "serious" and all(
                is_question(asked := reading.sentence_at(e.start).text) and (own_part or not _HARM_WORDS.search(asked))
                for e in f.evidence):
            # resting on the writer's question alone ("What should we do next?" after a customer's unpaid bill),
            # which tells of no conduct; with a part of the writer's own, whatever the question says
            _held_at(f, ASKED_NOT_TOLD)
            continue
        if reading is not None and f.name == "severity" and f.value == "serious" and any(
                len(said.split()) <= most and rx.search(reading.sentence_at(f.evidence[0].start).text)
                for rx, most in _NO_CONDUCT_AROUND):
            _held_at(f, "unprofessional")  # a word or two whose sentence says it is a step or a fear, not conduct
            continue
        if reading is not None and f.name == "severity" and f.value == "serious" \
                and _WEIGHED_STEP.match(reading.sentence_at(f.evidence[0].start).text) \
                and not _HARM_WORDS.search(reading.sentence_at(f.evidence[0].start).text):
            # resting on a step the writer weighs ("I could go straight to our manager, or I could talk to Ola
            # first"), which tells of no conduct: a learned reader moved by the words of going above someone
            _held_at(f, "unprofessional")
            continue
        if reading is not None and f.name == "severity" and f.value == "serious" and all(
                denied(reading, e.start) for e in f.evidence):
            # every word it rests on is denied in its own clause ("He never hit anybody or threaten me"): red team 64
            # found a writer who wanted only more space sent to a formal complaint on that "threaten"
            _held_at(f, "unprofessional")
            continue
        if reading is not None and f.name == "severity" and f.value == "serious" \
                and _A_SHOUT.fullmatch(said.strip(" .!")) \
                and not _AGAIN_AND_AGAIN.search(reading.text[max(0, f.evidence[0].start - 40):f.evidence[0].end + 40]):
            # one outburst ("Last week Luca yelled at me in front of customers"): unprofessional, not serious conduct
            # (red team 48: a childminder shouted at over unpaid fees and a baker by her brother were sent to HR)
            _held_at(f, "unprofessional")
            continue
        if reading is not None and f.name == "writer_fault" and f.value in ("partly", "mainly") and not own_part \
                and f.confidence < FAULT_SURE and all(_TRIED_TO_SORT.search(t := reading.sentence_at(e.start).text)
                                                      and not _OWN_FAULT_WORDS.search(t) for e in f.evidence):
            # resting only on what the writer did to sort it out ("I first spoke to each of them on their own, then
            # met the two of them together"; "I asked her outright why"): trying is no fault (blind panel 47 found a
            # manager of two feuding reports told "you had a part in this")
            _back_to_default(f)
            continue
        if f.name == "already_escalated" and f.value is True and (
                _ASKS_WHETHER.search(said) or (_TOLD_SOMEONE_BESIDE.search(said) or _TOLD_THEM_TO_STOP.search(said))
                and not _SOMEONE_ABOVE.search(said)):
            # "Should I tell my manager?" asks whether to, it does not say it was done; telling the person to stop is
            # raising it with them, not going above them
            _back_to_default(f)
        elif f.name == "already_raised" and f.value is True and (told := _TOLD_SOMEONE_BESIDE.search(said)) \
                and not _A_COLLEAGUE.search(told.group(0)) and not _SOMEONE_ABOVE.search(said):
            _back_to_default(f)  # (a colleague told may be the other side: then it was raised with them)
        elif reading is not None and f.name == "already_raised" and f.value is True \
                and _NOT_RAISED.search(reading.text):
            _back_to_default(f)  # the letter says it was never raised with them ("I haven't raised it with her at all")
        elif f.name == "already_raised" and f.value is True and _TOLD_ABOVE.search(said) \
                and not _TO_THEM.search(said) and not _they_are_above(factors):
            _back_to_default(f)  # told the writer's manager, not them: taken above them, not raised with them
        elif f.name == "own_manager" and f.value == "supportive" and _AFRAID_TO_TELL.search(said):
            _back_to_default(f)
        elif f.name == "leaving" and f.value is True and not _writer_leaving_in(said):
            _back_to_default(f)
        elif f.name == "own_manager" and f.value in ("unsupportive", "is_the_problem") \
                and f.confidence < UNSURE_MANAGER and not _SOMEONE_ABOVE.search(said):
            _back_to_default(f)  # an unsure reading resting on what someone else did, with no one above named
    return factors


#: Above this, a learned fault reading stands whatever its sentence tells.
FAULT_SURE = 0.8
#: The writer trying to sort it out: speaking to them, meeting them, asking them why.
_TRIED_TO_SORT = re.compile(r"\bI\s+(?:(?:first|then|also|already|finally|even|have|had|'ve|'d|once|twice|again|"
                            r"calmly|politely|gently)\s+)*(?:spoke|talked|met|sat down|asked (?:him|her|them|each)|"
                            r"raised it|raised this|brought it up|brought this up|mentioned it|tried to (?:talk|speak|"
                            r"discuss|resolve|sort|fix|help|mediate))\b", re.I)
#: Words in that sentence that tell of a part of the writer's own after all: "I spoke to her sharply", "I lost it".
_OWN_FAULT_WORDS = re.compile(r"\b(?:sharp\w*|rude\w*|harsh\w*|snapp\w*|yell\w*|shout\w*|swor\w*|lost (?:it|my)|"
                              r"mistake|fault|sorry|apologi\w*|regret\w*|shouldn['’]?t|should not|wrong|blam\w*|"
                              r"joke\w*|mock\w*|teas\w*|insult\w*|gossip\w*|complained about (?:her|him|them)|"
                              r"behind (?:her|his|their) back)\b", re.I)
#: A threat of a step someone may take, which is no menace: "threatening a bad review", "threatened to quit".
_THREAT_OF_A_STEP = re.compile(r"\bthreat\w*\s+(?:(?:a|an|to (?:leave|write|post|give)(?: (?:us|me|them|him|her))?"
                               r"(?: a| an)?)\s+)?(?:bad |negative |poor |one-star |1-star |terrible |public )?"
                               r"(?:review|rating|complaint|post)s?\b|"
                               r"\bthreat\w*\s+to\s+(?:quit|resign|leave|walk out|complain|report|"
                               r"cancel|go to (?:hr|the press|my boss|the manager|head office|a lawyer)|"
                               r"take (?:her|his|their) business)\b", re.IGNORECASE)
#: The writer afraid to push back: "scared to say no to him", "too afraid to ask", "nervous about challenging her".
_AFRAID_TO_SPEAK = re.compile(r"\b(?:scared|afraid|frightened|terrified|nervous|anxious|worried)\s+(?:to|of|about)\s+"
                              r"(?:say(?:ing)? no|refus\w+|push(?:ing)? back|ask(?:ing)?|speak(?:ing)? up|"
                              r"tell(?:ing)? (?:him|her|them) no|turn(?:ing)? (?:him|her|them|it) down|declin\w+|"
                              r"challeng\w+|question(?:ing)? (?:him|her|them))\b", re.IGNORECASE)
#: A learned "serious" resting on a word or two (at most the count given) whose sentence tells of no conduct done to
#: the writer: a threatened step ("She is threatening a bad review": red team 50, a client's threatened review made a
#: subcontractor's no-show "serious conduct"), or the writer's fear of pushing back on someone powerful ("I'm scared
#: to say no to him because he decides promotions": red team 50, late urgent work from the most senior manager was
#: sent to a formal complaint).
_NO_CONDUCT_AROUND = ((_THREAT_OF_A_STEP, 2), (_AFRAID_TO_SPEAK, 3))
#: A sentence that opens with a step the writer weighs: "I could go to…", "or I might talk to…" (not a question:
#: "Should I tell my supervisors what she did?" may carry the reader's sense of what she did).
_WEIGHED_STEP = re.compile(r"\W*(?:(?:and|but|so|or|maybe|perhaps),?\s+)?(?:i|we)\s+(?:could|might|can|may)\s+"
                           r"(?:either\s+|always\s+|just\s+|also\s+)?(?:go|talk|speak|email|e-mail|ring|call|tell|ask|"
                           r"raise|take|mention|have a word|bring|report|leave|ignore|let)\b", re.I)
#: Words in that sentence that tell of harm after all: "Should I report him for touching me?".
_HARM_WORDS = re.compile(r"\b(?:touch\w*|grop\w*|grab\w*|hit|hits|hitting|push\w*|shov\w*|threat\w*|harass\w*|"
                         r"assault\w*|slur\w*|racis\w*|sexis\w*|sexual\w*|abus\w*|bull\w*|stalk\w*|kiss\w*|"
                         r"follow\w* me|unsafe|danger\w*|scared|afraid|frightened|retaliat\w*|punish\w*|illegal\w*|"
                         r"falsif\w*|fraud\w*|discriminat\w*)\b", re.I)
#: A learned "serious" resting on a shout alone ("shouted at me", "yelled at me"), however sure: one outburst is not
#: the sustained abuse that makes shouting serious (``knowledge/factors.yaml``).
_A_SHOUT = re.compile(r"(?:shouted|yelled|screamed|raised (?:his|her|their) voice|snapped|swore) at (?:me|us)", re.I)
#: The words around the shout say it keeps happening: sustained, and left as read.
_AGAIN_AND_AGAIN = re.compile(r"\b(?:always|every|constantly|keeps?|kept|again|regularly|daily|repeatedly|whenever|"
                              r"all the time)\b", re.I)


#: A request of the writer's own turned down: "He said no straight away", "she refused", "my request was denied".
_REFUSED = re.compile(r"\b(?:said no|says no|refused|refuses|turned (?:me|it|that|this|my request|the request) down|"
                      r"turned down|denied|declined|rejected|won['’]?t let me|wouldn['’]?t let me|would not let me)\b",
                      re.I)


#: The writer asking for something of their own: "I asked my manager, Rob, if I could move to a 4 day week".
_ASKED_FOR = re.compile(r"\bi (?:asked|requested|applied|put in|went to [a-z ]{0,20}and asked)\b[^.?!]{0,40}?\b"
                        r"(?:if|whether|for)\b(?![^.?!]{0,40}\babout (?:him|her|them|what|how)\b)", re.I)


def _a_refused_request(factors: list[FactorReading], situation: Situation) -> bool:
    """Learned "serious" or "payback" readings, none of them the rules', resting only on the writer's own request
    (``_ASKED_FOR``) and the no to it: a refusal is no conduct done to the writer (red team 48: a four-day week asked
    for a mother's dialysis, turned down, was sent to a formal complaint as payback for speaking up)."""
    by = {f.name: f for f in factors}
    read = [by[n] for n in ("severity", "retaliation") if n in by and by[n].value in ("serious", True)]
    if not read or any(f.source == "rules" or not f.evidence for f in read) or any(
            i.actor == situation.counterpart and i.act not in ORDINARY_ACTS for i in situation.incidents):
        return False
    said = [e.text for f in read for e in f.evidence[:1]]
    asked = [t for t in said if _ASKED_FOR.search(t) or _REFUSED.search(t)]
    # a question, or a bare name ("my supervisor"), tells of no conduct
    return bool(asked) and all(t in asked or is_question(t) or len(t.split()) <= 3 for t in said)


def reread_a_refused_request(factors: list[FactorReading], situation: Situation) -> list[FactorReading]:
    """Learned "serious" and "payback" readings that rest only on the writer's own request and the no to it
    (``_a_refused_request``) are not acted on: a refusal is unprofessional at most, and no payback (red team 48).
    The ranker sees the reading corrected, as the annotators would have read it."""
    if not _a_refused_request(factors, situation):
        return factors
    for f in factors:
        if f.name == "severity" and f.value == "serious":
            _held_at(f, "unprofessional")
        elif f.name == "retaliation" and f.value is True:
            _back_to_default(f)
    return factors


def reread_an_ask(factors: list[FactorReading], situation: Situation, conduct: list) -> list[FactorReading]:
    """An unsure learned "serious" (below ``SERIOUS_SURE``), with no payback read, where the writer wants words to ask
    for something of their own or to say no (``Situation.asking``: a request or a refusal, not a limit) and the rules
    found nothing that anyone did to them and no serious conduct (``conduct``): held at "unprofessional". Asking a
    well-liked manager for two weeks' unpaid leave was read "serious" at 0.36 when a rebuild lowered the bar, and sent
    to HR with "plan your way out" first."""
    asking = situation.asking
    sev = severity_open_to_doubt(factors)
    if asking is None or asking.kind not in ("request", "decline") or sev is None or sev.source != "learned" \
            or sev.value != "serious" or sev.confidence >= SERIOUS_SURE:
        return factors
    if conduct or situation.witnessed or any(i.actor not in ("narrator", "unknown") for i in situation.incidents):
        return factors
    _held_at(sev, "unprofessional")
    return factors


def reread_a_cover_request(factors: list[FactorReading], asked_to_cover: bool, conduct: list) -> list[FactorReading]:
    """A learned "serious" (and no payback read, no conduct the rules found) where the letter is a colleague asking
    the writer to log them in or cover for them (``asked_to_cover``: ``notes.cover_request`` found it): held at
    "unprofessional". The step is the
    writer's own to stop, said to the colleague; a red team's call-centre worker was told "do not go to the person on
    your own" and to keep notes, never to stop covering."""
    sev = severity_open_to_doubt(factors)
    if sev is None or sev.source != "learned" or sev.value != "serious" or conduct or not asked_to_cover:
        return factors
    _held_at(sev, "unprofessional")
    return factors


def _held_at(f: FactorReading, value: str) -> None:
    """A reading set to a milder ``value`` of its own factor, its evidence kept (what it rested on is still shown)."""
    f.value, f.text, f.confidence = value, FACTORS[f.name].say(value), 0.5


def _back_to_default(f: FactorReading) -> None:
    back_to_default(f, confidence=0.5)  # (as a default)
