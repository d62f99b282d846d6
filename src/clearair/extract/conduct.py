"""Serious conduct found from what happened (lexicon ``conduct``), and who did it.

The safety floor protects a writer who suffered the conduct; a writer who describes doing it
themselves ("I did an impression of her accent") needs the opposite advice: own it and repair.
So each hit is attributed from the parse: the writer's own act when the writer is the subject of
the act, the words name no harm to the writer ("me", "my") and are not quoted speech.
"""

from __future__ import annotations

import re

from clearair.extract import lexicon
from clearair.extract.facts import TOPIC_AFTER, inside_quotation
from clearair.extract.lexicon import Hit
from clearair.extract.reading import Reading

#: Kinds that can be the writer's own act. Payback for speaking up and pressure to break rules are
#: done to the writer by definition, whoever the sentence's subject is; menacing words are what
#: someone said to the writer, often without quotation marks ("I know where you live").
ACTS = ("unwanted_sexual", "physical_intimidation", "identity_remarks")
#: The writer as the target: "me", or "my ..." naming what was targeted ("my body", "my lower back"),
#: not "my colleague's accent".
_TO_THE_WRITER = re.compile(r"\b(me|myself)\b|\bmy(?!\s+(?:[\w-]+\s+)?(?:colleagues?|co-?workers?|friends?|managers?|boss|team|"
                            r"reports?|assistants?|supervisors?|staff|employees?|peers?|interns?|clients?|customers?|"
                            r"students?|patients?|teammates?|juniors?|trainees?)\b)(\s+[\w-]+){0,2}\W*$", re.IGNORECASE)


def serious_conduct(reading: Reading) -> tuple[list[Hit], list[Hit]]:
    """The conduct hits in the text read: (done by others or to the writer, done by the writer).

    An act told in someone else's words ("she told HR that I grabbed her") is not the writer's (``_REPORTED``). A
    letter-wide check for accusations and denials was meant to take every act from the writer; a stray control
    character kept it from ever matching, and switched on it would have read the writer's own told act ("I put my
    arm round her waist … now she has accused me") as done to them, so it is gone: a disputed act needs to be
    neither the writer's nor done to them, which no reader here can yet say."""
    hits = [h for h in lexicon.find("conduct", reading.text) if not _denied(reading, h) and not _wished(reading, h)
            # "sexual harassment issues": a subject, not an act (but "skip the lockout procedure" is an act)
            and not (h.kind != "unlawful_pressure" and TOPIC_AFTER.match(reading.text, h.end))
            and not _only_alleged(reading, h) and not _done_by_no_one(reading, h)]
    others: list[Hit] = []
    own: list[Hit] = []
    for hit in hits:
        (own if _by_the_writer(reading, hit) or _own_shortcut(reading, hit) else others).append(hit)
    return others, own


def _done_by_no_one(reading: Reading, hit: Hit) -> bool:
    """A physical word whose doer is a thing or a feeling, not a person: "it has hit me much harder than I thought",
    "the news hit me like a truck" (a library letter about a friend promoted over the writer was read as violence)."""
    if hit.kind != "physical_intimidation":
        return False
    tok = reading.token_at(hit.start)
    verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
    return any(c.dep_ == "nsubj" and (c.lower_ in _NO_ONE or c.lemma_.lower() in _THINGS_THAT_HIT)
               for c in verb.children)


#: Subjects that are no one: "it hit me", "that hit me hard", "which hit me".
_NO_ONE = frozenset({"it", "that", "this", "which", "what"})
#: Nouns for what lands on someone without a hand: "the news hit me", "reality hit me".
_THINGS_THAT_HIT = frozenset({"news", "reality", "realisation", "realization", "truth", "thought", "feeling",
                              "decision", "email", "message", "letter", "announcement", "change", "loss", "shock"})


#: Someone pressing the writer, in the sentence of a broken rule: then the rule-breaking was pressed on them.
_PRESSED = re.compile(r"\b(asked|asks|asking|told|tells|telling|made|makes|wants?|wanted|expects?|expected|forced|"
                      r"pressur\w*|push\w*|instructed|ordered|insist\w*|demand\w*|had me|get (?:me|us|my)|offer\w*|"
                      r"bully\w*|threaten\w*|or else)\b", re.IGNORECASE)


def _own_shortcut(reading: Reading, hit: Hit) -> bool:
    """A rule the writer broke themselves, told as their own deed and pressed on them by no one ("It was my
    mistake, I skipped the check step because I was rushing": red team 47 found the writer's own slip read as
    signs that a colleague breaks the rules, and a formal complaint advised). Theirs to own, not to report."""
    if hit.kind != "unlawful_pressure" or inside_quotation(reading.text, hit.start):
        return False
    sentence = reading.sentence_at(hit.start)
    verb = _own_verb(reading.token_at(hit.start))
    return verb is not None and verb.dep_ in ("ROOT", "conj") and _own_subject(reading.token_at(hit.start)) == "i" \
        and not _PRESSED.search(sentence.text)


def _denied(reading: Reading, hit: Hit) -> bool:
    """The letter says it did not happen: "he has never touched me", "to be clear, she didn't touch me". Not an
    instruction that it must not happen again ("I told him never to touch me again": a negated infinitive),
    which says it did."""
    verb = _own_verb(reading.token_at(hit.start))
    # A negation inside the words found is part of what was said ("he'd never hire a woman of my age"), not a denial.
    negations = [c for c in verb.children if c.dep_ == "neg" and not hit.start <= c.idx < hit.end] if verb else []
    if verb is None or not negations:
        return False
    return not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


#: Rule-breaking only alleged, before it in its sentence: "they accused me of trying to steal money", "she's been
#: telling people I stole money" (the library's letters with theft in them were mostly such accusations).
_ALLEGED = re.compile(r"\b(accus\w*|alleg\w*|suspect\w* (me|him|her|them|us) of|(telling|told|tells|saying|said|says|"
                      r"claim\w*) (people|everyone|others|the (boss|manager|owner|team))( that)?)\b", re.IGNORECASE)


def _only_alleged(reading: Reading, hit: Hit) -> bool:
    """Pressure to break the rules, or someone's theft, that the sentence only says was alleged (``_ALLEGED``)."""
    if hit.kind != "unlawful_pressure":
        return False
    sentence = reading.sentence_at(hit.start)
    return bool(_ALLEGED.search(reading.text[sentence.start_char:hit.start]))


#: The writer only imagines doing it: "Part of me wants to grab him by the collar", "I'm tempted to shove him".
_WISHED = re.compile(r"\b(i|i'm|i am|part of me|me)\b[\w' ]{0,25}\b(wants?|wanted|wish(es|ed)?|tempted|feel like|felt "
                     r"like|would love|'d love|would like|'d like|dream\w*|fantasi\w*|itching|urge)\s+(to\s+)?$",
                     re.IGNORECASE)


def _wished(reading: Reading, hit: Hit) -> bool:
    """An act the writer only wishes or imagines doing (``_WISHED`` just before it): nothing happened."""
    if hit.kind not in ACTS:
        return False
    sentence = reading.sentence_at(hit.start)
    return bool(_WISHED.search(reading.text[sentence.start_char:hit.start]))


def _by_the_writer(reading: Reading, hit: Hit) -> bool:
    """Only a plain case counts: one sentence, an act (not a trait: "too old"), done, not wished
    or denied ("I can't touch her"), whose own verb has the writer as its subject, not reported
    ("he bragged: I kissed her") and not in defence ("I pushed him off"). Anything less clear is
    left to the floor that protects the writer (the safer mistake)."""
    sentence = reading.sentence_at(hit.start)
    words = reading.text[hit.start:hit.end]
    after = reading.text[hit.end:sentence.end_char]
    before = reading.text[sentence.start_char:hit.start]
    if hit.end > sentence.end_char:  # "I told her I was pregnant. Since then she jokes...": two acts
        return False
    if hit.kind == "physical_intimidation" and _BETWEEN_US.search(sentence.text) and not _REPORTED.search(before) \
            and not inside_quotation(reading.text, hit.start):
        return True  # "things turned physical between me and a colleague": a fight the writer was in is theirs to own
    if hit.kind not in ACTS or not _AN_ACT.search(words) or _LEFT_FEELING.match(words):
        return False
    if _TO_THE_WRITER.search(words) and not _SOMEONE_ELSES.match(after):  # "touched my assistant's ..."
        return False
    tok = _act_token(reading, hit)
    if hit.kind == "identity_remarks" and any(_passed_on_by_the_writer(t) for t in (reading.token_at(hit.start), tok)):
        return not inside_quotation(reading.text, hit.start)  # "I posted a clip of someone doing an accent…"
    if inside_quotation(reading.text, hit.start) or _REPORTED.search(before) or (
            hit.kind != "identity_remarks" and _DEFENCE.search(sentence.text)):  # no one mocks an accent in defence
        return False
    return _own_subject(tok) in ("i", "we")


#: A physical clash the writer took part in, told as between them and someone: both did it.
_BETWEEN_US = re.compile(r"\b(?:turned|got|became) physical between (?:me|us|myself) and\b|\bwe came to blows\b|"
                         r"\b(?:me|i) and (?:a|an|my|another|the|one of my) (?:[a-z-]+ ){0,2}?(?:colleague|coworker|co-worker|"
                         r"workmate|peer|manager|teammate|supervisor)s? (?:got into|had|ended up in) a (?:physical )?(?:fight|"
                         r"scuffle|altercation|punch-up|brawl|shoving match)\b", re.IGNORECASE)


def _act_token(reading: Reading, hit: Hit):
    """The word whose subject did the act: the last verb of an act in the hit ("I have a stammer, and my team lead
    imitates it": the imitating is the lead's, whoever has the stammer), else the hit's first word."""
    words = reading.text[hit.start:hit.end]
    for m in reversed(list(_AN_ACT.finditer(words))):
        tok = reading.token_at(hit.start + m.start())
        if tok.pos_ == "VERB" and tok.idx > hit.start:
            return tok
    return reading.token_at(hit.start)


#: Verbs by which the writer passes on what someone else made: "I shared a video of someone doing an accent".
_PASS_ON = frozenset({"share", "post", "send", "forward", "tag", "show", "play", "circulate", "repost", "retweet"})


def _passed_on_by_the_writer(token) -> bool:
    """The act's own verb has no subject ("someone doing an exaggerated accent") and the writer passed it on: the
    remark is the writer's to own, as if they had made it."""
    verb = _own_verb(token)
    if verb is None or any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in ("someone", "somebody", "people")
                           for c in verb.children):
        return False
    return any(a.lemma_.lower() in _PASS_ON and _own_subject(a) in ("i", "we") for a in verb.ancestors)


#: How the writer was left by someone else's act: "I felt cornered", "I was trapped between him and the door".
_LEFT_FEELING = re.compile(r"i (felt|was|got|found myself)\b", re.IGNORECASE)
#: Someone else's words before the act in the sentence ("he bragged: ...", "she told HR that I ...").
_REPORTED = re.compile(r"(:|\b(said|says|saying|told|tells|telling|bragged|boasted|claimed|claims|wrote|"
                       r"texted|posted|admitted|insists?|asked (if|whether|me if|me whether))\b)", re.IGNORECASE)
#: Defending oneself or someone else ("I pushed him off", "so I blocked the door", "when he grabbed me").
_DEFENCE = re.compile(r"\b(off( of)? me|i (push\w*|shov\w*|pull\w*|got|ran|moved|broke) (him |her |them |myself )?"
                      r"(away|free|off|back)|(push\w*|shov\w*|fought) (him|her|them) back|to get (away|out|free)|"
                      r"so i (pushed|shoved|grabbed|blocked|hit|held|stood)|when (he|she|they)\b|after (he|she|they)\b|"
                      r"because (he|she|they)\b|defend\w*|protect\w*|called security|to stop (him|her|them)|"
                      r"escape\w*)", re.IGNORECASE)
#: "my" that begins another person's name or role ("my assistant's", "my colleague Priya's").
_SOMEONE_ELSES = re.compile(r"^\s+([\w-]+\s+){0,2}?[\w-]+'s\b")


#: Words that make a hit an act someone did, not a description of a person.
_AN_ACT = re.compile(r"\b(jok\w*|comment\w*|remark\w*|mock\w*|imitat\w*|impressions?|call\w*|slurs?|names?|"
                     r"laugh\w*|voice|cracks?|digs?|said|says|nicknam\w*|touch\w*|hand|hands|arm|grab\w*|"
                     r"kiss\w*|rub\w*|brush\w*|squeez\w*|shov\w*|push\w*|punch\w*|kick\w*|hit|slam\w*|"
                     r"threw|throw\w*|hurl\w*|block\w*|corner\w*|stood|stand\w*|follow\w*|messag\w*|text\w*|"
                     r"stares?|asked|asks|invited|invites|yank\w*|loom\w*|wait\w*|drove|walk\w*|accent)\b", re.IGNORECASE)
_MODALS = {"can", "could", "would", "should", "might", "may", "must"}


def _own_verb(token):
    """The act's own verb: the first verb at or above the hit's first word (None in a verbless phrase)."""
    return next((anc for anc in (token, *token.ancestors) if anc.pos_ in ("VERB", "AUX")), None)


def _own_subject(token) -> str | None:
    """The subject of the act's own verb (the first verb at or above ``token``), lower-cased; None
    when that verb has no subject of its own ("I told him to stop touching her": the touching is
    his), is negated or only possible ("can't", "would"), or is passive."""
    verb = _own_verb(token)
    if verb is None:
        return None
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")), None)
    if subj is None and verb.dep_ == "conj" and verb.head.pos_ == "VERB" and verb.head.i < verb.i and any(
            c.dep_ == "cc" and c.lower_ in ("and", "then") and verb.head.i < c.i < verb.i for c in verb.head.children) \
            and not any(t.dep_ in ("nsubj", "nsubjpass") for t in verb.doc[verb.head.i + 1:verb.i]) \
            and not any(c.dep_ == "neg" or c.tag_ == "MD" for c in verb.head.children):
        # "I lost it and shoved him": the second verb, joined by "and", shares the first one's subject (not a verb
        # the parser hung on "was" with no "and": "I was the one who reported that my team lead kissed her"; nor
        # one after another subject: "a grade I'd given, and she shut the door … and slammed her palm"; nor after
        # what the writer could not do: "so I couldn't leave, and slammed her palm", the parser's reading)
        subj = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")), None)
    if subj is None or subj.dep_ == "nsubjpass":
        return None
    if any(c.dep_ == "neg" or (c.dep_ == "aux" and c.lemma_.lower() in _MODALS) for c in verb.children):
        return None
    return subj.lower_


#: Marks that open quoted words: the speaker is named in the sentence the quotation opens in.
_OPENING_MARK = re.compile(r"[\"\u201c]|(?<![\w])['\u2018](?=\w)")


def by_the_writers_manager(reading: Reading, hits: list[Hit]) -> list[Hit]:
    """The conduct the writer's own manager did or said: a subject of its sentence is the manager, or, for words in
    quotation marks, of the sentence the quotation opens in ("He listened, then said, 'Things happen to people who
    lie about colleagues.'"). The safety floor then never sends the writer to that manager (a red team's carer,
    threatened by her team leader for reporting abuse, was told to ask him for help)."""
    out = []
    for hit in hits:
        at = hit.start
        if inside_quotation(reading.text, hit.start):
            paragraph = max(reading.text.rfind("\n\n", 0, hit.start), 0)
            marks = [m.start() for m in _OPENING_MARK.finditer(reading.text, paragraph, hit.start)]
            at = marks[-1] + 1 if marks else at
        sentence = reading.sentence_at(at)
        if any(t.dep_ in ("nsubj", "nsubjpass") and reading.token_party.get(t.i) == "manager" for t in sentence):
            out.append(hit)
    return out
