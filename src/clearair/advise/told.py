"""What happened, in the writer's own sentences, for the formal notes, and which kinds of serious conduct they name.

A note to HR or a manager that says "The details: [dates, and what was said or done]" leaves the writer to retell
what they have just told clearair (blind panels and red teams found the gap where the letter had every fact: the
remarks about a colleague's weight, the day a man blocked a stockroom door). The sentences that carry what others
did, as the readers found them, go into the note instead; the writer reads and edits them before sending.
"""

from __future__ import annotations

import re

from clearair.advise.notes import HAZARD_EVENT
from clearair.advise.phrases import inside_quotes
from clearair.extract.reading import is_question
from clearair.models import Evidence, FactorReading, Situation

#: How many of the writer's sentences a note carries: enough for the facts, few enough to read at a glance.
MOST_SENTENCES = 4
#: A sentence shorter than this tells no act ("He did it again.").
FEWEST_WORDS = 6
#: A sentence longer than this is left out: a note is not the whole letter, and a sentence cut short reads as a
#: broken clause (the words are never cut mid-sentence).
MOST_WORDS = 70

#: Words that open a sentence of a story and say nothing of what happened: "So", "Anyway,", "Basically".
_STORY_OPENER = re.compile(r"^(?:(?:so|anyway|basically|well|ok|okay|also|and|but|plus|honestly|oh|right|"
                           r"to be honest|long story short|it['’]?s about|this is about)\b[,.!:]?\s+|"
                           # the writer's own aside before the act, set off by a comma (red team 34: "I dont really
                           # know what to do, I made a mistake on an order … and he yelled at me" went to HR as it was)
                           r"i (?:don['’]?t|do not) (?:really |even )?know what to do\s*[,;:–-]\s+)+",
                           re.IGNORECASE)
#: A date or a time in the writer's words: then the note needs no gap for when it happened.
_WHEN = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|"
                   r"this (morning|afternoon|evening|week|month)|last (week|month|year|night|time|\w+day)|ago|"
                   r"january|february|march|april|may|june|july|august|september|october|november|december|"
                   r"\d{1,2}(st|nd|rd|th)|\d{1,2}[:/.]\d{1,2}|christmas|new year)\b", re.IGNORECASE)


#: The writer weighing a route or guessing what someone would do, not telling what was done: "Going to my boss is
#: pointless", "he'd just put my complaint down to jealousy" (a panel found it pasted into a note to HR).
_ROUTE_WEIGHED = re.compile(r"\b(?:is|would be|['’]s|seems|feels) (?:completely |totally |just |probably )?"
                            r"(?:pointless|useless|no use|no good|a waste of time|hopeless|not worth it)\b|"
                            r"\b(?:he|she|they)['’]d (?:just|only|probably|simply) (?:say|tell|laugh|dismiss|blame|"
                            r"side|think|ignore|brush|shrug|put (?:it|my \w+|this|that) down)\b|"
                            # "If I report to Ma'am Luz I think she will protect her niece" (red team 38)
                            r"\bif i (?:report|tell|go to|complain to|raise it with)\b[^.?!]{0,60}\b"
                            r"(?:i think|i'm sure|i bet|probably)?\s?(?:he|she|they|it) (?:will|would|'ll|'d)\b",
                            re.IGNORECASE)


def what_happened(reading, situation: Situation, conduct: list, factors: list[FactorReading]) -> list[Evidence]:
    """The writer's sentences telling what others did, in the letter's order: first those with serious conduct the
    conduct rules found (``conduct``, done by others), then payback the reader found, then those in which the other
    side does something to the writer (``Situation.acts_on_writer``) and the other side's incidents, up to
    ``MOST_SENTENCES``. Never a question, a sentence too short or too long, or one that only tells what the writer
    did or felt ("I'm scared this will ruin my chances", "I told HR in confidence…"): a red team found those quoted
    as what happened while the threat itself was left out."""
    chosen: dict[int, Evidence] = {}

    def take(char: int, *, own_ok: bool = False) -> None:
        if len(chosen) >= MOST_SENTENCES:
            return
        sent = reading.sentence_at(char)
        start, end = _sentence_start(reading, sent.start_char), _sentence_end(reading, sent.end_char)
        if any(e.start < end and start < e.end for e in chosen.values()):
            return  # the same sentence, or part of one the parser cut in two (red team 34: a bullet told twice)
        ev = reading.evidence(start, end)
        if is_question(ev.text) or not FEWEST_WORDS <= len(ev.text.split()) <= MOST_WORDS:
            return
        if _NOT_THE_WRITERS_TO_TELL.search(ev.text):
            return  # someone else's status or wish, not what was done: not the writer's to put in writing
        if not own_ok and _THE_WRITERS_DOUBT.search(ev.text):
            return  # "maybe he's just touchy feely", "I don't want to get my friend in trouble": a doubt, not an act
        if not own_ok and (_CONCESSION.match(ev.text) or _HELD_UP_AS_GOOD.search(ev.text)):
            return  # "In fairness I was late twice", "she is the kindest boss": the writer's weighing, not an act
        if _MY_VERDICT_ON_THEM.match(ev.text):
            return  # "He is a despicable man": the writer's verdict on them, which a formal note must not carry (blind
            # panel 45 found it under "what happened, in my words")
        if _MY_OWN_URGE.search(ev.text):
            return  # "Part of me wants to smack him": the writer's own urge, which a note to a manager or HR must not
            # carry (blind panel 40 found it pasted under "what happened, in my words")
        if not own_ok and _ROUTE_WEIGHED.search(ev.text):
            return  # "Going to my boss is pointless: he'd just put it down to jealousy": a guess, not an act
        if not own_ok and (not _someone_else_acts(sent) or _only_introduces(sent) or _ROLL_CALL.search(ev.text)):
            return
        chosen[start] = ev

    for hit in conduct:
        take(hit.start, own_ok=True)  # the conduct is theirs, whoever the sentence starts with
    for danger in HAZARD_EVENT.finditer(reading.text):  # the near miss itself (red team 41: a safety report that
        take(danger.start(), own_ok=True)               # told only "Stefan said 'oops' and carried on")
    payback = [f for f in factors if f.name == "retaliation" and f.value is True]
    if payback or any(hit.kind == "punishment_for_speaking" for hit in conduct):
        # What the writer raised, told first: payback is only payback for it (red team 35: a note about hours cut
        # after a scaffold was reported never said what was reported)
        for f in factors:
            if f.name == "already_raised" and f.value is True:
                for ev in f.evidence[:1]:
                    take(ev.start, own_ok=True)
    for f in payback:
        for ev in f.evidence[:1]:
            take(ev.start)
    for ev in situation.acts_on_writer:
        take(ev.start)
    for inc in situation.incidents:
        if inc.actor not in ("narrator", "unknown") and inc.evidence:
            take(inc.evidence[0].start)
    for sent in reading.doc.sents:  # then anything else they said or did to the writer ("He said 'you'll do it…'")
        if _theirs_to_me(reading, sent, situation.counterpart):
            take(sent.start_char)
    return [ev for _, ev in sorted(chosen.items())]


#: A sentence that is only the writer's verdict on someone: "He is a despicable man.", "She's an absolute nightmare."
_MY_VERDICT_ON_THEM = re.compile(r"\W*(?:he|she|they|[A-Z][a-z]+)(?:['’]s| is| are| was| were)(?: (?:just|such|really|"
                                 r"honestly|truly|simply|frankly|a complete|an absolute|a total|an utter|a truly))* "
                                 r"(?:a |an )?(?:\w+ )?(?:despicable|horrible|awful|vile|nasty|terrible|toxic|useless|"
                                 r"pathetic|evil|disgusting|arrogant|bully|idiot|jerk|monster|nightmare|narcissist|"
                                 r"snake|creep|sleaze|psycho|liar|coward)\b"
                                 r"(?![^.?!]*\b(?:who|that|and|when|because)\b)[^.?!,;]{0,25}[.!]*\s*$", re.IGNORECASE)
#: A sentence that lists who was there, each with a role in brackets: "a sprint review with Anna (product owner),
#: Lukas (QA), Fatima (my team lead) and Jonas…" (red team 42 found it a complaint's only bullet).
_ROLL_CALL = re.compile(r"(?:\b[A-Z][a-z]+ \([^()]{1,30}\),? ){2,}")


def _sentence_end(reading, end: int) -> int:
    """Where the writer's sentence ends: the parser ends one at a closing quote, but 'he said "been working out?"
    and his hand went lower.' goes on in lower case, and a note that stops at the quote leaves out the act after it
    (red team 32); nor does it end inside a quotation the writer has not closed (red team 33: a message quoted as
    '"sorry if that came across wrong, we're good' lost its last words)."""
    rest = reading.text[end:]
    start = end + len(rest) - len(rest.lstrip())
    if start < len(reading.text) and reading.text[start].islower() and "\n" not in reading.text[end:start] and (
            reading.text[end - 1:end] in "\"”'’?!," or reading.text[end - 1:end].isalpha()):
        return reading.sentence_at(start).end_char  # ('said, quiet so no one else heard, "be a shame …"')
    said = reading.text[reading.sentence_at(max(end - 1, 0)).start_char:end]
    if (said.count('"') + said.count("“") + said.count("”")) % 2:  # a quotation left open: on to where it closes
        closing = _CLOSES_QUOTE.match(reading.text, end)
        if closing:
            return closing.end()
    return end


#: The rest of an open quotation, up to its closing mark, on the same line and short ('yeah?"').
_CLOSES_QUOTE = re.compile(r"[^\n\"“”]{0,80}[\"”]")


def _sentence_start(reading, start: int) -> int:
    """Where the writer's sentence starts: a part the parser cut off after a bracket or a dash goes on in lower case
    ("Mike (he's the lead, my manager is Yusuf) grabbed my wrist": red team 33 found "Grabbed my wrist" in a note),
    so it starts where the sentence before it did, within the paragraph."""
    if start <= 0 or not reading.text[start:start + 1].islower():
        return start
    before = reading.sentence_at(start - 1)
    return start if "\n" in reading.text[before.start_char:start].strip() else before.start_char


#: Another person's immigration status, or their wish that nothing be said: a note to HR or a manager that carries
#: them puts in writing what that person feared (red team 31: "Jas has asked me not to report it because she's on a
#: visa" was quoted to HR as what happened). The writer's own ("my visa") stays theirs to tell.
_NOT_THE_WRITERS_TO_TELL = re.compile(r"\b(?:his|her|their|(?:is|she's|he's|they're|are) on an?) (?:work )?"
                                      r"(?:visa|immigration status|work permit|asylum)\b|"
                                      # someone else's sick leave (red team 34: a manager's long-term sickness put to
                                      # HR as what happened, in a note about a colleague)
                                      r"\b(?:he|she|they|[A-Z][a-z]+)(?:['’]s| is| has been| have been| was| had been)"
                                      r"(?: [a-z]+){0,2} off (?:on )?(?:long[- ]term )?(?:sick|sick leave|medical "
                                      r"leave|stress leave|maternity leave)\b|"
                                      r"\b(?:asked|begged|told) me not to (?:report|tell|say|mention|raise)\b",
                                      re.IGNORECASE)


#: The writer's own doubt or worry, which a note would report as what happened (red team 32: "I dont want to get my
#: friend in trouble…" and "maybe he's just touchy feely" listed to HR as what happened).
_THE_WRITERS_DOUBT = re.compile(r"\b(?:maybe|perhaps) (?:he|she|they|it)(?:['’]s| is| are| was| were)? (?:just|only)\b|"
                                r"\bI (?:don['’]?t|do not|really don['’]?t) want (?:it |this )?to\b|\bI dunno\b|"
                                r"\bI(?:['’]m| am) (?:more |really |so |a bit |quite |also )?"
                                r"(?:scared|worried|afraid|nervous|not sure)\b|\bI (?:don['’]?t|do not) "
                                r"know (?:if|whether)\b|\bpart of me (?:thinks|wonders|feels|says)\b|"
                                # a mild feeling of the writer's own, which reads as petty in a formal note (red team
                                # 33: "and I was a bit put out" sent to HR about a threat between two reports)
                                r"\bI(?: was| felt| am|['’]m| feel) (?:a bit |a little |slightly |rather )?"
                                r"(?:put out|miffed|peeved|a bit annoyed|a bit irritated)\b",
                                re.IGNORECASE)


#: The writer's own urge to hurt, hit or tell someone off ("part of me wants to smack him", "I could have punched her",
#: "I felt like screaming at him"): theirs to weigh, never evidence to send.
_MY_OWN_URGE = re.compile(
    r"\b(?:part of me|i)\b[^.?!]{0,25}\b(?:want(?:s|ed)? to|wanna|felt like|feel like|could (?:have|'ve)|could|was "
    r"tempted to|am tempted to|['’]m tempted to|nearly|almost)\s+(?:just\s+)?(?:smack\w*|slap\w*|punch\w*|hit|"
    r"hitting|strangl\w*|kill\w*|throttl\w*|scream\w*|swear\w*|thump\w*|deck\w*|kick\w*|throw\w*|lose it|lost it)\b",
    re.IGNORECASE)
#: A sentence that concedes something of the writer's own ("In fairness I was late twice and he covered for me",
#: "Admittedly I can be blunt"): a line for the writer to weigh, not one of what was done to them.
_CONCESSION = re.compile(r"^\W*(?:in (?:all )?fairness|to be fair|admittedly|granted|i(?:['’]ll| will)? admit)\b",
                         re.IGNORECASE)
#: A sentence that holds someone up as good to work for ("My boss Margaret is honestly the kindest person I've worked
#: for", "My director is everything you'd want in a boss"): kind words weaken a formal note that should say what
#: happened (red team 36 found two complaints that opened with them and left out the altered timesheet).
_HELD_UP_AS_GOOD = re.compile(r"\b(?:is|was|'s|’s|are|were|has been)\s+(?:honestly\s+|genuinely\s+|really\s+|truly\s+|"
                              r"always\s+been\s+|so\s+|very\s+|such\s+)*(?:the\s+(?:kindest|nicest|best|most\s+"
                              r"(?:supportive|generous|patient))|lovely|wonderful|amazing|brilliant|fantastic|great\s+"
                              r"(?:to\s+work\s+for|boss|manager)|everything\s+you(?:['’]d|\s+would)\s+want)\b",
                              re.IGNORECASE)


#: Words said well of someone: a sentence with them tells what the writer likes, not a complaint ("she's actually
#: quite kind, brought me soup when I was ill").
_PRAISE = re.compile(r"\b(kind|nice|lovely|great|helpful|friendly|supportive|brilliant|a good (person|manager|boss)|"
                     r"not a bad|brought me|helped me|thanked me|backed me|stood up for me|looks? out for me|"
                     # "he's fine most of the time and he's teaching me a lot" (red team 64: it opened a complaint
                     # about his touching)
                     r"fine most of the time|(?:mostly|usually|generally) (?:fine|ok|okay|good|decent)|"
                     r"(?:teach(?:es|ing)?|taught) me (?:a lot|loads|so much|everything))\b",
                     re.IGNORECASE)
_TO_ME = re.compile(r"\b(me|my|myself)\b|[\"“]", re.IGNORECASE)


def _theirs_to_me(reading, sent, counterpart: str | None) -> bool:
    """A sentence whose subject is the other side (or a he or she the reading tied to no one) and that is about the
    writer or quotes what was said."""
    if counterpart is None or not _TO_ME.search(sent.text) or _PRAISE.search(sent.text):
        return False
    return any(t.dep_ in _SUBJECTS and (
        reading.token_party.get(t.i) == counterpart
        or t.lower_ in ("he", "she") and t.i not in reading.token_party) for t in sent)


#: The dependencies of a clause's subject (the small parse takes some progressives for passives).
_SUBJECTS = ("nsubj", "nsubjpass")
#: Subjects that are the writer.
_WRITER = frozenset({"i", "we", "me", "us", "myself"})
#: Pronouns that stand for someone other than the writer.
_SOMEONE_ELSE = frozenset({"he", "she", "they", "someone", "everyone"})


def _someone_else_acts(sent) -> bool:
    """Whether a clause of the sentence has a subject other than the writer ("he moved me off the account"): a noun
    or name, or a third-person pronoun; not only the writer's own doing or feeling, and not a fragment with no
    subject at all."""
    return any(t.dep_ in _SUBJECTS and (t.pos_ != "PRON" and t.lower_ not in _WRITER or t.lower_ in _SOMEONE_ELSE)
               and not _no_act_of_theirs(t.head) for t in sent)


#: Verbs of arriving somewhere, no act on anyone unless another verb follows ("she started giving me…").
_ARRIVING = frozenset({"start", "join", "arrive", "begin", "come"})


def _no_act_of_theirs(verb) -> bool:
    """A clause of theirs that tells no act: the purpose of the writer's own act ("I shared it with Raj so he could
    check the figures") or their arrival ("I trained Chloe when she started last year"). Red team 35 found both
    as a note's "In short", where what they went on to do should be."""
    if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("so", "that") for c in verb.children) \
            and any(c.dep_ == "aux" and c.lower_ in ("could", "would", "can", "might") for c in verb.children):
        return True
    return verb.lemma_.lower() in _ARRIVING and not any(c.dep_ in ("xcomp", "dobj", "ccomp", "prep") and not (
        c.dep_ == "prep" and c.lower_ in ("in", "on", "at", "last", "after")) for c in verb.children)


def _only_introduces(sent) -> bool:
    """A sentence that only says who someone is, with no act in it ("Her name's Holly, she's the same level as me,
    we're both designers"): red team 32 found it as a note's "In short", where the act should be."""
    return sent.root.lemma_ == "be" and not any(t.pos_ == "VERB" and t.dep_ not in ("aux", "auxpass") for t in sent)


#: A bracketed aside in which the writer talks about themselves ("Marcus (he's the shift lead, I'm just a picker, been
#: there 8 months) has started…"): the story's colour, not what happened; a note leaves it out (red team 35).
_ASIDE_ABOUT_ME = re.compile(r"\s*\((?=[^()]*\b(?:I|I['’]m|I['’]ve|I['’]d)\b)[^()]{1,120}\)")


#: The writer's aside giving someone a made-up name ("Our ward manager, I'll call her Dana, found out"): the note's
#: reader knows who is meant (red team 65 found "I'll call her Dana" in a complaint to a matron).
_A_NAME_GIVEN = re.compile(r",\s*(?:I['’]ll|I will|I['’]m going to|let['’]s|let us|we['’]ll) "
                           r"call (?:her|him|them) "
                           r"(?-i:[A-Z])[\w'’-]*,(?=\s)|"
                           r"\s*\((?:not (?:her|his|their) real name|names? changed|not real names?)\)",
                           re.IGNORECASE)


def as_note_line(text: str) -> str:
    """One of the writer's sentences as a line of a note: on one line, without the story's "So" or "Anyway", with a
    capital and a full stop."""
    line = _STORY_OPENER.sub("", " ".join(text.split())).strip()
    line = _ASIDE_ABOUT_ME.sub("", line)
    line = _A_NAME_GIVEN.sub("", line)
    if line and line[0].islower():
        line = line[0].upper() + line[1:]
    if line and line[-1] not in ".!?…\"'”’)":
        line += "."
    return line


def says_when(lines: list[str]) -> bool:
    """Whether the lines say when what they tell happened (a day, a date, "last week")."""
    return any(_WHEN.search(line) for line in lines)


#: Words the conduct rules count towards remarks about who someone is, too loose to name as such in a note the writer
#: sends: "people like me" is often about a role or a side (a red team found a parents' committee note accusing a
#: fellow parent of remarks about the writer's background).
_LOOSE_IDENTITY = re.compile(r"^people like\b", re.IGNORECASE)


#: The act aimed at someone else, told in the words found or just after them: "threw a tape measure at him".
_AT_SOMEONE_ELSE = re.compile(r"\b(?:at|to|towards|toward)\s+(?:him|her|them)\b", re.IGNORECASE)
_AT_ME = re.compile(r"\b(?:me|my|myself)\b", re.IGNORECASE)
#: Words said to someone else, told just before them: 'Bethan told him in the car park "you'll regret it"'.
_SAID_TO_SOMEONE_ELSE = re.compile(r"\b(?i:told|tells|telling|said to|says to|warned|texted|messaged|emailed)\s+"
                                   r"(?:(?i:him|her|them|another|a colleague|a coworker|one of (?:the|my|our) [a-z]+)|"
                                   r"[A-Z][a-z]+)\b[^.!?]{0,100}$")


def named_conduct(text: str, conduct: list) -> tuple[str, ...]:
    """The kinds of serious conduct done to the writer that a formal note may name, each once, most found first; not
    an act aimed at someone else in the writer's words (red team 32: a tape measure thrown at an apprentice became
    "physically intimidating towards me" in a note about the writer's own payback for reporting it), nor the same
    words told again ("Bethan's version is that she said 'you'll regret it'")."""
    elsewhere = {text[h.start:h.end].lower() for h in conduct if _at_someone_else(text, h)}
    return tuple(dict.fromkeys(_kind_named(text, hit) for hit in conduct if not (
        hit.kind == "identity_remarks" and _LOOSE_IDENTITY.search(text[hit.start:hit.end]))
        and text[hit.start:hit.end].lower() not in elsewhere))


#: The writer pressed, in the words or just before them ("told me to sign…", "we were told to…"); not "I've seen".
_WRITER_PRESSED = re.compile(r"\b(?:me|we|us)\b", re.IGNORECASE)


def rules_broken_seen(reading, conduct: list) -> list[Evidence]:
    """The words of rule-breaking by someone else, not pressed on the writer (``_kind_named``'s "rules_broken")."""
    return [reading.evidence(h.start, h.end) for h in conduct if _kind_named(reading.text, h) == "rules_broken"][:1]


def _kind_named(text: str, hit) -> str:
    """The hit's kind, except that rule-breaking with no word of the writer in or just before it is someone else's
    ("the controlled drug counts are a bit off"): "rules_broken", not pressure on the writer (red team 37's nurse's
    note had said the colleague she saw take drugs "has pressed me to do something I believe breaks the rules")."""
    if hit.kind == "unlawful_pressure" and not _WRITER_PRESSED.search(text, max(0, hit.start - 40), hit.end) \
            and not _ASKED_OF_ME.search(text, _after_last_stop(text, hit.start), hit.end):
        return "rules_broken"
    return hit.kind


#: Someone asking it of the writer earlier in the same sentence: "told me to 'repeat the plating' and … he said to
#: report the values from a different batch", "He suggested I let him redo the labs" (red team 38: a teacher pressed
#: by her department head had "I have seen signs that he is breaking the rules" in her note).
_ASKED_OF_ME = re.compile(r"\b(?:told|asked|wants?|wanted|suggested|pressed|pressured|pushed|instructed|ordered|"
                          r"expects?|expected|got) (?:me|us)\b|"
                          r"\b(?:suggested|said|insisted|demanded) (?:that )?(?:i|we)\b", re.IGNORECASE)


def _after_last_stop(text: str, at: int) -> int:
    """Where the sentence holding ``at`` starts in plain text: after the last full stop, question or exclamation mark
    before it."""
    return max(text.rfind(mark, 0, at) for mark in ".?!") + 1


def _at_someone_else(text: str, hit) -> bool:
    """The act is aimed at someone else: "at him" in or just after the words found, or words said to another
    ('told him in the car park "you'll regret it"'); never where the writer is named as the one it was aimed at."""
    aimed = _AT_SOMEONE_ELSE.search(text, hit.start, min(len(text), hit.end + 12))
    if aimed and not _AT_ME.search(text, hit.start, aimed.end()):
        return True
    to = _SAID_TO_SOMEONE_ELSE.search(text, max(0, hit.start - 140), hit.start)
    said = text[to.start():hit.start] if to is not None else ""
    if to is None or not inside_quotes(said, len(said)):  # a quotation opened there is still open at the act
        return False
    addressed = re.split(r"[\"“‘']", said)[0]  # the words before the quote opens
    return not re.search(r"\b(?:me|myself|us)\b", addressed, re.IGNORECASE)

