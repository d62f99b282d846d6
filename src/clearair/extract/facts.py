"""Typed facts found through the lexicons: incidents, pattern, attempts,
responses, constraints, emotions, goals, themes and the writer's options."""

from __future__ import annotations

import re

from clearair.extract import lexicon
from clearair.extract.features import verb_subject
from clearair.extract.parties import Mention, find_mentions
from clearair.extract.reading import NARRATOR, Reading, is_question, taken_to
from clearair.models import Audience, Cue, Evidence, Incident, Option, Pattern

_AUDIENCE_RANK = {"external": 4, "large_group": 3, "team": 2, "private": 1}
_SIZE = re.compile(r"\b(\d{1,5})\s+(people|employees|coworkers|colleagues|staff|recipients|person)", re.I)
_WORD_NUMBERS = {"fifty": 50, "hundred": 100, "twenty": 20, "thirty": 30, "forty": 40, "dozen": 12}


#: A person the writer names as theirs to manage ("my direct report", "one of my employees", "the woman who
#: reports to me", "the people I supervise"), not "our staff" (a coworker or HR says that too), not "my
#: reports" or "my people" (documents, and friends), not when the writer denies it ("she isn't my employee").
_MINE = re.compile(r"^my |\bmy (?!own\b)|\bme$|\bi (manage|supervise|oversee|lead|hired|run|train)\b", re.I)
_NOT_PEOPLE = re.compile(r"^my (reports|people)$", re.I)
#: "my assistant manager", "my assistant principal": a title the writer works under, not an assistant of theirs.
_TITLE_AFTER = re.compile(r"\s+(to the\s+)?([a-z]+\s+)?(manager|principal|director|head|superintendent|supervisor|editor|"
                          r"coach|professor|chef|teacher)\b", re.I)
_NOT_MINE = re.compile(r"(\bnot|n['’]t|\bnever|\bno longer)\b[^.]{0,25}$", re.I)  # "isn't": no \b before n't


def manages_someone_named(text: str) -> list[Mention]:
    """Mentions of someone the writer manages: naming a report is saying one manages people, however the
    writer's own title is put (8 in 100 of the library's managing writers give no title the rules know)."""
    return [m for m in find_mentions(text, False, only="direct_report")
            if _MINE.search(m.text) and not _NOT_PEOPLE.match(m.text) and not _TITLE_AFTER.match(text, m.end)
            and not _NOT_MINE.search(text[max(0, m.start - 30):m.start])]


def narrator_flags(reading: Reading) -> tuple[list[Evidence], list[Evidence]]:
    """Evidence that the writer manages people, and that they leave soon."""
    t = lexicon.table("narrator")
    manager = [reading.evidence(h.start, h.end)
               for h in lexicon.find_kinds("narrator", ("is_manager", "is_manager_by_name", "runs_the_business"),
                                           reading.text)
               if not _quoting_someone_else(reading.text, h.start) and not _done_by_someone_else(reading, h.start)]
    if not manager:  # 'she told the visitors "my PA is a bit slow today"': her PA, not the writer's
        manager = [reading.evidence(m.start, m.end) for m in manages_someone_named(reading.text)
                   if not _quoting_someone_else(reading.text, m.start)][:1]
    if t["not_manager"].search(reading.text):
        manager = []  # "I'm a project manager, but nobody reports to me": the writer's word over their title
    leaving = [reading.evidence(m.start(), m.end()) for m in t["leaving_soon"].finditer(reading.text)
               if not reading.hypothetical(m.start())]
    return manager, leaving


def _done_by_someone_else(reading: Reading, start: int) -> bool:
    """The post or step the words name is someone else's: "My best friend, Anna, got the team lead job" (she took
    it, not the writer): a verb whose subject is not the writer."""
    tok = reading.token_at(start)
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    if any(c.lower_ in ("me", "us") and c.dep_ in ("dative", "dobj", "iobj") for c in tok.children):
        return False  # "they gave me several supervisory responsibilities": given to the writer
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in ("i", "we", "who", "that") for c in tok.children)


#: What the writer is accused of, up to the act word: "I was accused of harassment by a new hire", "she is accusing me
#: of bullying", "he alleges I shouted". Not "allegedly" (a report of what happened, not an accusation).
ACCUSATION = re.compile(r"\b(?:accus\w*|alleg(?:e|es|ed|ing|ation|ations))\b[^.?!]{0,20}\b(?:me|I|of)\b", re.IGNORECASE)


def accused_of(sentence: str) -> bool:
    """The sentence tells what the writer is accused of (``ACCUSATION``): an act in it is the allegation, not done
    to them."""
    return bool(ACCUSATION.search(sentence))


def incidents(reading: Reading) -> list[Incident]:
    """One incident per sentence that describes a hurtful act; not an act someone else is said to have done in a
    sentence that only tells what the writer is accused of ("I was accused of harassment by a new hire" is no
    harassment by the new hire: it was read as "Your peer harassed you")."""
    out: list[Incident] = []
    used_sentences: set[int] = set()
    last_actor: tuple[int, str] | None = None
    channels = lexicon.table("channels")
    audiences = lexicon.table("audience")
    for hit in lexicon.find("acts", reading.text):
        si = reading.sentence_index(hit.start)
        if si in used_sentences or reading.negated(hit.start) or TOPIC_AFTER.match(reading.text, hit.end) \
                or _AS_IF.search(reading.text[max(0, hit.start - 40):hit.start]):
            continue
        used_sentences.add(si)
        sent = reading.sentence_at(hit.start)
        s_text, s0 = sent.text, sent.start_char
        actor = reading.subject_of(hit.start)
        if actor is None and last_actor and si - last_actor[0] <= 2:
            actor = last_actor[1]  # "it said...": the act continues the previous one
        actor = actor or "unknown"
        last_actor = (si, actor)
        if actor != NARRATOR and accused_of(s_text):
            continue
        target = reading.object_of(hit.start)
        if target == actor:
            target = None
        around = _without_the_writers_clauses(s_text, hit.start - s0)
        channel = next((kind for kind, rx in channels.items() if rx.search(around)), "unknown")
        audience = _audience(s_text, audiences)
        when = next((e.text for e in sent.ents if e.label_ in ("DATE", "TIME")), None)
        out.append(Incident(
            actor=actor, target=target, act=hit.kind, summary=_clip(s_text),
            channel=channel, audience=audience, when=when,
            evidence=[reading.evidence(hit.start, hit.end), reading.evidence(s0, sent.end_char)],
        ))
    return out


#: A likeness, not a deed: "cool towards me, as if I'd betrayed the team" (a blind panel read it as the writer's
#: broken confidence).
_AS_IF = re.compile(r"\b(?:as if|as though)\b[^,;.?!]{0,30}$", re.IGNORECASE)
#: A habit that has stopped: "she used to say good morning every day" tells of a change, not of a pattern.
_USED_TO = re.compile(r"\bused to\b[^,;.?!]{0,60}$", re.IGNORECASE)
#: A clause the writer acts in, joined on to someone else's act: "She threatened to file a write-up on me, so I emailed
#: our nurse manager" (a blind panel read the threat as sent "by email"; the email was the writer's).
_WRITERS_CLAUSE = re.compile(r"(?:[,;:]\s*|\s(?:so|and|then|but|because|after|before|until)\s+)(?:(?:so|then|and)\s+)?"
                             r"I\s(?!was\b|am\b|got\b|had been\b|have been\b|'ve been\b)[^,;:.?!]*")


def _without_the_writers_clauses(sentence: str, at: int) -> str:
    """``sentence`` with the writer's own clauses blanked out, except the one holding the act's word (at ``at``):
    the channel an act came through is read from the act's own words, not from what the writer did next."""
    out = sentence
    for m in _WRITERS_CLAUSE.finditer(sentence):
        if not m.start() <= at < m.end():
            out = out[:m.start()] + " " * (m.end() - m.start()) + out[m.end():]
    return out


#: What follows an act's word when it names a subject, not something done: "sexual harassment issues", "a
#: harassment policy", "a bullying bill before Parliament". A red team found "I'm conscious of sexual harassment
#: issues" read as the writer being accused of harassment.
TOPIC_AFTER = re.compile(r"\w*(?:\s+(?:harassment|bullying|discrimination|misconduct))?\s+(?:issues?|polic(?:y|ies)|"
                          r"training|laws?|bills?|rules?|guidelines?|courses?|modules?|videos?|seminars?|awareness|"
                          r"legislation|act|statutes?|workshops?|procedures?|officers?|cases in the news)\b", re.IGNORECASE)


def _audience(sentence: str, audiences: dict) -> Audience:
    best, size = None, None
    for kind, rx in audiences.items():
        if rx.search(sentence) and (best is None or _AUDIENCE_RANK[kind] > _AUDIENCE_RANK[best]):
            best = kind
    m = _SIZE.search(sentence)
    if m:
        size = int(m.group(1))
    else:
        for word, n in _WORD_NUMBERS.items():
            if re.search(rf"\b{word}\s+(people|employees)", sentence, re.I):
                size = n
    if size and size >= 10 and best in (None, "team", "private"):
        best = "large_group"
    return Audience(kind=best or "unknown", size=size)


def pattern(reading: Reading) -> Pattern:
    """Recurring if the strong and weak cues outweigh the one-off cues."""
    t = lexicon.table("pattern")
    score, strong, evidence = 0, 0, []
    for kind, weight in (("recurring_strong", 2), ("recurring_weak", 1), ("one_off", -3)):
        for m in t[kind].finditer(reading.text):
            if reading.hypothetical(m.start()) or (weight > 0 and (_time_spent_together(reading, m.start())
                                                                  or _time_in_post(reading, m)
                                                                  or _USED_TO.search(reading.text[max(0, m.start() - 60):m.start()])
                                                                  or inside_quotation(reading.text, m.start()))):
                continue
            score += weight
            strong += kind == "recurring_strong"
            if weight > 0:
                evidence.append(reading.evidence(m.start(), m.end()))
    habits = _habitual_clauses(reading)
    if len(habits) >= HABIT_MIN_SENTENCES:
        score += 2
        strong += 1
        evidence += [reading.evidence(t.idx, t.idx + len(t)) for t in habits[:2]]
    recurring = score >= 2 and strong > 0  # "often" and "again" alone do not make a pattern
    settled = [reading.evidence(m.start(), m.end()) for m in t["settled"].finditer(reading.text)
               if not is_question(reading.sentence_at(m.start()).text)]
    return Pattern(recurring=recurring, evidence=evidence if recurring else [], settled=settled)


#: What two people do together as friends or colleagues: "we'd hung out several times" is no pattern of conduct.
_TOGETHER = frozenset("hang go meet socialise socialize lunch eat drink work chat travel get have".split())


def _time_spent_together(reading: Reading, char: int) -> bool:
    verb = reading.governing_verb(char)
    subject = verb_subject(verb)
    return subject is not None and subject.lower_ == "we" and verb.lemma_.lower() in _TOGETHER


#: Verbs of holding a job or knowing someone, whose "for four years" tells how long, not how often.
_TENURE = frozenset("work manage run lead be do hold serve know have cover teach supervise own".split())


def _time_in_post(reading: Reading, m) -> bool:
    """A duration of the writer's own time in a post ("I've managed that account for 4 years", "I've been here
    for six years", "I've known her for years"): no pattern of anyone's conduct."""
    if not m.group(0).lower().startswith(("for ", "over ")):
        return False
    verb = reading.governing_verb(m.start())
    subject = verb_subject(verb)
    return subject is not None and subject.lower_ in ("i", "we") and verb.lemma_.lower() in _TENURE


#: Sentences that describe what someone else habitually does ("she talks over
#: me", "he sends back my work") before the letter counts as a pattern.
HABIT_MIN_SENTENCES = 2
_STATIVE = frozenset(
    "be have do seem know think want need like love hate feel believe mean say look sound appear understand "
    "remember realise realize matter depend belong contain deserve expect hope wish include involve suppose "
    "consider agree report work".split())
_OTHERS = frozenset("he she they who".split())  # the pronouns that can stand for someone else


def _habitual_clauses(reading: Reading) -> list:
    """Simple-present action verbs whose subject is someone other than the writer,
    one per sentence: how writers describe what keeps happening."""
    found, seen = [], set()
    for tok in reading.doc:
        if tok.tag_ not in ("VBZ", "VBP") or tok.pos_ != "VERB" or tok.lemma_.lower() in _STATIVE:
            continue
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.lower_ in ("this", "that", "what", "which") or (
                subj.pos_ == "PRON" and subj.lower_ not in _OTHERS):
            continue
        sent = reading.sentence_index(tok.idx)
        if sent in seen or reading.hypothetical(tok.idx) or tok.sent.text.rstrip().endswith("?"):
            continue
        seen.add(sent)
        found.append(tok)
    return found


def cues(reading: Reading, section: str, who: str = "any",
         hits: list[lexicon.Hit] | None = None, weighed: list[tuple[int, int]] = ()) -> list[Cue]:
    """Lexicon hits of one section, merged by kind, with their evidence.

    ``who``: 'narrator' keeps hits whose subject is the writer (or unknown) and
    records it in ``by``; 'narrator_or_none' filters the same way but records
    no ``by``; 'others' keeps hits done by someone else; 'any' keeps all.
    ``hits``: the section's lexicon hits, when the caller already has them.
    ``weighed``: spans where the writer weighs a course of action (``options_spans``): a hit there
    is something they might do ("should I tell him?"), not something they did.
    """
    by_kind: dict[str, Cue] = {}
    for hit in lexicon.find(section, reading.text) if hits is None else hits:
        if any(start <= hit.start < end for start, end in weighed) and not _told_as_done(reading, hit):
            continue
        if section == "attempts" and _not_done(reading, hit.start):
            continue  # "I should have kept notes", "I forgot to keep a diary"
        if section in ("attempts", "responses", "themes") and _negated_outside(reading, hit):
            continue  # "I didn't apologise", "he never touched me": not done
        subject = reading.subject_of(hit.start) if who != "any" else None
        if hit.kind == "ignored_in_vain":
            subject = None  # "she said to ignore it … it's getting worse": the writer ignored it, on her advice
        if who in ("narrator", "narrator_or_none") and subject not in (NARRATOR, None):
            continue
        if who == "others" and subject == NARRATOR:
            continue
        if section in ("constraints", "goals") and reading.hypothetical(hit.start) and hit.kind != "apology":
            continue
        if hit.kind in ("apology", "public_apology") and section in ("attempts", "responses") and _no_apology_made(
                reading, hit):
            continue
        if hit.kind in ("apology", "public_apology") and who == "others" and subject is None \
                and _said_by_someone_unnamed(reading, hit.start):
            continue  # "one of the lads came up to me and said he was sorry": no apology of anyone in the reading
        if hit.kind == "narrator_fault" and _quoting_someone_else(reading.text, hit.start):
            continue  # 'He apologised with "sorry, my bad"': his words, not the writer's admission
        if hit.kind == "narrator_fault" and _blame_reported_from_someone_else(reading, hit.start):
            continue  # "Helen told him it was my fault": her claim, not the writer's admission
        if hit.kind == "narrator_fault" and _DENIED.search(reading.text[max(0, hit.start - 30):hit.start]):
            continue  # "It was not my fault": a denial, not an admission
        if section == "themes" and hit.kind in _LABELS_ASKED and _asked_whether(reading, hit):
            continue  # "Is this bullying?": the writer asks what to call it; what happened is told elsewhere
        if hit.kind == "formal_mark" and _on_someone_else(reading, hit):
            continue  # "he has been written up many times": his record, not the writer's
        ev = reading.evidence(hit.start, hit.end)
        by = subject if who in ("narrator", "others") else None
        cue = by_kind.get(hit.kind)
        if cue is None:
            by_kind[hit.kind] = Cue(kind=hit.kind, text=_clip(reading.sentence_at(hit.start).text), by=by,
                                    evidence=[ev])
        elif len(cue.evidence) < 4 and all(e.start != ev.start for e in cue.evidence):
            cue.evidence.append(ev)
    return list(by_kind.values())


#: Themes a writer may ask about by name ("Is this harassment?", "Could this count as retaliation?") without the letter
#: telling it: the word in their own question is no finding (red team 45: "Is this bullying?" from a writer late with
#: their claims for months was answered "Yes: … what formal routes are for").
_LABELS_ASKED = frozenset({"harassment", "retaliation", "toxic_environment"})
_ASKS_WHETHER_IT_IS = re.compile(r"^\W*(?:(?:and|but|so|or)\s+)?(?:is|was|are|am|could|would|does|do|isn['’]?t|"
                                 r"can|might)\b", re.IGNORECASE)


def _asked_whether(reading: Reading, hit) -> bool:
    """The hit lies in the writer's own yes/no question ("Is this bullying?", "Am I being harassed?")."""
    said = reading.sentence_at(hit.start).text.strip()
    return is_question(said) and bool(_ASKS_WHETHER_IT_IS.match(said))


def _said_by_someone_unnamed(reading: Reading, char: int) -> bool:
    """The clause at ``char`` has a subject that is a noun phrase of no party ("one of the lads", "a colleague"): its
    act is someone's outside the reading, not an untied pronoun that may stand for the other side (red team 35: a
    bystander's apology was credited to the manager, and the advice then said a meeting "will look high-maintenance")."""
    tok = reading.token_at(char)
    for anc in (tok, *tok.ancestors):
        subj = next((c for c in anc.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            return subj.pos_ in ("NOUN", "PROPN", "NUM") and subj.i not in reading.token_party
    return False


_ME = frozenset({"me", "my", "i", "mine", "myself"})
#: Where a clause names whom its act is done to or for ("gave me", "in my file"), not its subject or joined clauses.
_OBJECTS = frozenset({"dobj", "dative", "iobj", "prep", "attr", "oprd"})


def _on_someone_else(reading: Reading, hit: lexicon.Hit) -> bool:
    """A write-up, warning or poor review that the clause puts on another person ("he has been written up",
    "she got a final warning"), with nothing of the writer's in it ("gave me a warning", "in my file")."""
    if _ME & set(re.findall(r"[a-z]+", reading.text[hit.start:hit.end].lower())):
        return False
    verb = reading.governing_verb(hit.start)
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or reading.who(subject, deep=False) in (None, NARRATOR):
        return False
    return not any(t.lower_ in _ME for c in verb.children if c.dep_ in _OBJECTS for t in c.subtree)


#: An apology made for someone else ("apologised to me on her behalf", "on behalf of the team") is not theirs.
_ON_BEHALF = re.compile(r"[\w ]{0,20}?\bon (?:(?:his|her|their|my|our|the company's) behalf|behalf of)\b", re.I)
#: "Had he apologised, ...": a supposition, not an apology.
_INVERTED_IF = re.compile(r"(?:^|[.!?;:,]\s*|\n\s*)(?:had|should|were)\s+(?:he|she|they|[a-z]+)\b", re.I)
#: "Nobody came to me and apologised", "no one has apologised", "neither of them apologised".
_NOBODY = re.compile(r"\b(?:nobody|no one|no-one|none of them|neither of them|not one of them)\b", re.I)


def _no_apology_made(reading: Reading, hit: lexicon.Hit) -> bool:
    """"If he apologised", "had he apologised", "nobody apologised", "apologised on her behalf": the words
    of an apology, but none made by the person the sentence is about."""
    start = reading.sentence_at(hit.start).start_char
    return (reading.hypothetical(hit.start) or bool(_ON_BEHALF.match(reading.text, hit.end))
            or bool(_INVERTED_IF.search(reading.text[start:hit.end])) or bool(_NOBODY.search(reading.text, start, hit.end)))


_QUOTES = {'"': '"', "\u201c": "\u201d"}
_SPEAKER = re.compile(r"\b(i|we|he|she|they)\b", re.IGNORECASE)


def _quoting_someone_else(text: str, pos: int) -> bool:
    """Whether ``pos`` lies inside a quotation that is not introduced by the writer ("I said ...")."""
    line_start = max(text.rfind("\n", 0, pos), text.rfind(". ", 0, pos)) + 1
    before = text[line_start:pos]
    for open_q, close_q in _QUOTES.items():
        i = before.rfind(open_q)
        if i < 0:
            continue
        if open_q == close_q and before.count(open_q) % 2 == 0:
            continue  # the quote opened before pos is already closed
        if open_q != close_q and before.rfind(close_q) > i:
            continue
        speakers = _SPEAKER.findall(before[max(0, i - 80):i])  # the last subject before the quote spoke it
        return not speakers or speakers[-1].lower() not in ("i", "we")
    return False


#: Words just before a fault phrase that deny it: "it was not my fault", "wasn't my mistake", "never my fault".
#: (Not a time: "not long ago things turned physical", "not so long ago".)
_DENIED = re.compile(r"(?:\bnot(?!\s+(?:so\s+)?long\s+ago\b)|n't|\bnever|\bhardly|\bin no way)\s+(?:\w+\s+){0,2}$",
                     re.IGNORECASE)
#: Verbs that report someone's claim or belief: "she told him it was my fault", "he thinks it's my mistake".
_REPORTING = frozenset({"say", "tell", "claim", "insist", "think", "believe", "decide", "suggest", "imply", "blame",
                        "accuse", "assume", "announce", "write", "email", "complain", "argue", "feel", "make", "report",
                        "hint", "act", "pretend", "paint", "spin"})


def _blame_reported_from_someone_else(reading: Reading, pos: int) -> bool:
    """Whether the words at ``pos`` sit in a clause that reports what someone other than the writer said or
    believed ("Helen told him it was my fault", "he made it look like my mistake"); the writer reporting their
    own view ("I told her it was my fault") is their admission."""
    tok = reading.token_at(pos)
    for anc in tok.ancestors:
        if anc.pos_ not in ("VERB", "AUX") or anc.lemma_.lower() not in _REPORTING:
            continue
        subj = next((c for c in anc.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None:
            continue
        return subj.lower_ not in ("i", "we")
    return False


#: Straight double quotes that are not inch marks (27"), and single quotes that open or close a
#: quotation rather than sit inside a word (don't, the girls' room closes nothing it opened).
_DOUBLE = re.compile(r'(?<!\d)"')
_SINGLE_OPEN = re.compile(r"(?<![\w.,!?])['\u2018](?=\w)")
_SINGLE_CLOSE = re.compile(r"(?<=[\w.,!?])['\u2019](?!\w)")


def inside_quotation(text: str, pos: int) -> bool:
    """Whether ``pos`` lies inside quoted words (anyone's, across sentences and hard-wrapped lines,
    within the paragraph): what someone said ("I'll talk to the account executive") is not an option
    the writer weighs, nor an act of the writer's."""
    start = text.rfind("\n\n", 0, pos)
    before = text[start + 2 if start >= 0 else 0:pos]
    if len(_DOUBLE.findall(before)) % 2 == 1:
        return True
    if before.rfind("\u201c") > before.rfind("\u201d"):
        return True
    ahead = text[start + 2 if start >= 0 else 0:pos + 1]  # a mark right before pos needs the next character
    opens = [m.start() for m in _SINGLE_OPEN.finditer(ahead) if m.start() < len(before)]
    closes = [m.start() for m in _SINGLE_CLOSE.finditer(ahead) if m.start() < len(before)]
    return bool(opens) and (not closes or opens[-1] > closes[-1])


def _reported_as_done(reading: Reading, char: int) -> bool:
    """The act at ``char`` is told in the past ("I have kept a diary", "I went to HR"), not weighed."""
    verb = reading.governing_verb(char)
    aux = {c.lemma_.lower() for c in verb.children if c.dep_ == "aux"}
    if aux & {"should", "could", "would", "might", "must", "can", "will", "shall", "may"}:
        return False
    if verb.lower_ in _SAME_IN_PAST:  # "or I just let it slide": the tagger cannot tell the tense
        return "have" in aux
    return verb.tag_ == "VBD" or (verb.tag_ == "VBN" and "have" in aux)


#: Verbs whose past is spelt like their present.
_SAME_IN_PAST = {"let", "put", "set", "cut", "hit", "quit", "read", "hurt", "shut", "cost", "spread", "split", "bet"}


def _told_as_done(reading: Reading, hit: lexicon.Hit) -> bool:
    """A past act inside an option's sentence ("I need to say I have kept a diary"): still done."""
    return any(t.tag_ in ("VBD", "VBN") for t in reading.tokens_in(hit.start, hit.end))


#: Words that make an act not done: a wish in hindsight or a lapse.
_UNDONE_HEADS = {"forget", "fail", "neglect", "mean", "want", "plan", "intend", "hope", "try"}


def _negated_outside(reading: Reading, hit) -> bool:
    """The words found are negated by a word outside them: "I didn't apologise" is no apology, but "she never
    replied" is itself the response (its "never" is part of what the lexicon found)."""
    verb = reading.governing_verb(hit.start)
    negations = [c for c in verb.children if c.dep_ == "neg"]
    if negations and all(hit.start <= c.idx < hit.end for c in negations):
        return False
    return reading.negated(hit.start)


def _not_done(reading: Reading, char: int) -> bool:
    """ "should have kept notes", "forgot to keep a diary", "meant to tell him": said, not done."""
    verb = reading.governing_verb(char)
    aux = {c.lemma_.lower() for c in verb.children if c.dep_ == "aux"}
    if {"should", "could", "would", "might", "must"} & aux and "have" in aux:
        return True
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _UNDONE_HEADS


#: The writer giving someone a name to use ("I'll call her M.", "I'll call him 'Bob'", "I'll call her Jo for short"):
#: how they will speak of that person, no step they weigh. ("I'll call her tomorrow" stays a step.)
_GIVES_A_NAME = re.compile(r"(?i:i['\u2019]ll|i will|i['\u2019]m going to|i am going to)\s+(?i:call)\s+(?i:him|her|them)\s+"
                           r"(?:['\"\u2018\u201c][^'\"\u2019\u201d]{1,15}['\"\u2019\u201d]|[A-Z]\b|[A-Z][a-z]+\s+"
                           r"(?i:for (?:short|now|this|the sake|privacy)|here\b))")


def options_spans(reading: Reading) -> list[tuple[int, int]]:
    """Where the writer weighs a course of action (frame to end of sentence)."""
    frames = lexicon.listing("option_frames")
    out = []
    for sent in reading.sentences:
        m = next((m for m in frames.finditer(sent.text)
                  if not inside_quotation(reading.text, sent.start_char + m.start())
                  and not _GIVES_A_NAME.match(reading.text, sent.start_char + m.start())), None)
        if m:
            out.append((sent.start_char + m.start(), _list_end(reading.text, sent.start_char + m.end(), sent.end_char)))
    return out


#: Lines that each start a list item: "1. talk to her", "2) go to HR", "- look for another job", "(b) wait".
_LIST_BLOCK = re.compile(r"(?:[ \t]*\n[ \t]*(?:\(?[1-9][.)]|[-\u2022*\u2013]|\(?(?-i:[a-dA-D])[.)])[ \t]+[^\n]+)+", re.I)


def _list_end(text: str, frame_end: int, sentence_end: int) -> int:
    """Where the options framed at ``frame_end`` end: the sentence's end, or, when the frame's line ends soon after it
    ("My options are:") and list items follow on their own lines, the end of that list (the sentence splitter
    cuts "1. Talk to her about it.\n2. Go to HR." into sentences, and the later items were lost)."""
    line_end = text.find("\n", frame_end)
    if line_end < 0 or line_end - frame_end > 40:
        return sentence_end
    block = _LIST_BLOCK.match(text, line_end)
    return max(sentence_end, block.end()) if block else sentence_end


def options(reading: Reading, spans: list[tuple[int, int]] | None = None) -> list[Option]:
    """Courses of action the writer says they are weighing, mapped to action codes.

    ``spans``: the result of :func:`options_spans`, when the caller already has it.
    """
    frames = lexicon.listing("option_frames")
    rules = lexicon.option_actions()
    out: list[Option] = []
    by_action: dict[str, Option] = {}
    for base, end in options_spans(reading) if spans is None else spans:
        clause = reading.text[base:end]
        # A second frame in the same sentence ("..., but failing that ...") starts another option.
        cuts = [0] + [f.start() for f in frames.finditer(clause) if f.start() > 0] + [len(clause)]
        parts = [(a + s, p) for a, b in zip(cuts, cuts[1:]) for s, p in _pieces(clause[a:b])]
        for piece_start, piece in parts:
            piece = _before_hesitation(piece)
            found = next(((a, m) for a, rx in rules if (m := rx.search(piece))), None)
            if found is None:
                continue
            action, match = found
            if any(c.start() <= match.start() < c.end() for c in _DONE_TO_ME.finditer(piece)):
                continue  # "what do I say if HR calls me in": what happens to the writer, not a course they weigh
            start = base + piece_start
            if _reported_as_done(reading, start + match.start()):
                continue  # "I need to say I have kept a diary": done, not weighed
            end_at = start + len(piece.rstrip())
            start = _whose_advice(reading, start)
            evidence = reading.evidence(start, end_at)
            if action in by_action and not _OWN_VERB.match(piece):  # the same course named twice ("the owner ...
                # or head office"): one option; a piece with its own verb ("(c) quietly go to the chair") is its own
                by_action[action].evidence.append(evidence)
                continue
            by_action[action] = Option(text=_option_text(reading.text[start:end_at]), action=action,
                                       evidence=[evidence])
            out.append(by_action[action])
    return out


#: A joining word an option starts with ("or just leave").
_LEADING_JOIN = re.compile(r"^(?:or|and|then)\s+", re.IGNORECASE)


def _option_text(said: str) -> str:
    """How an option the writer weighs is shown: their words, without the punctuation around them or a
    dangling "and" or "or" at either end, cut to a readable length."""
    return _clip(_LEADING_JOIN.sub("", _TRAILING_JOIN.sub("", said.strip(" ,.:;?"))))


#: A condition in which someone does something to the writer ("if HR calls me in", "when my manager asks me").
_DONE_TO_ME = re.compile(r"\b(?:if|when|once|before|after)\s+(?:hr|human resources|(?:the|my|our) [\w-]+|they|he|she)"
                         r"\s+(?:\w+\s+){0,2}?me\b[^,.?!]*", re.IGNORECASE)


#: Options that go to someone with authority; when that someone is the other side, it is a word with them.
_UPWARD = ("ESCALATE_THEIR_MANAGER", "ESCALATE_MANAGER")


def aimed_at_the_other_side(reading: Reading, options: list[Option], other_side: str | None) -> list[Option]:
    """"Go to the director" when the director is the one the letter is about is talking to them
    directly, not escalating (and "tell my boss how it feels" when the boss is the other side); "talk to Sarah",
    where Sarah is the writer's own manager and not the other side, is taking it to the manager."""
    if other_side is None:
        return options
    options = _to_the_manager_by_name(reading, options, other_side)
    for opt in options:
        if opt.action not in _UPWARD:
            continue
        tokens = [t for e in opt.evidence for t in reading.tokens_in(e.start, e.end)]
        named = {reading.token_party[t.i] for t in tokens if t.i in reading.token_party and t.pos_ != "PRON"}
        # "going to the manager to tell him my supervisor lied": whom the writer goes to is someone else (the
        # other side is only the one complained of), so it stays a step up, not a word with them.
        goes_to = [t for t in tokens if t.pos_ in ("NOUN", "PROPN") and taken_to(t)]
        elsewhere = bool(goes_to) and all(reading.token_party.get(t.i) != other_side for t in goes_to)
        if other_side in named and len(named) == 1 and not elsewhere:
            opt.action = "TALK_DIRECT"
    return options


def _to_the_manager_by_name(reading: Reading, options: list[Option], other_side: str) -> list[Option]:
    """"Talk to Sarah", where Sarah is the writer's own manager and not the other side, is taking it to the manager:
    each such piece of a talk-to-them option becomes (or joins) that option ("Should I talk to Sarah about it, or
    talk to Tom first?" weighs two steps, not one)."""
    talk = next((o for o in options if o.action == "TALK_DIRECT"), None)
    if talk is None:
        return options

    def to_the_manager(e: Evidence) -> bool:
        said = {reading.token_party[t.i] for t in reading.tokens_in(e.start, e.end)
                if t.i in reading.token_party and t.pos_ == "PROPN"}
        return len(said) == 1 and other_side not in said and next(iter(said)).split("_")[0] == "manager"

    moved = [e for e in talk.evidence if to_the_manager(e)]
    if not moved:
        return options
    talk.evidence = [e for e in talk.evidence if e not in moved]
    if talk.evidence:
        talk.text = _option_text(re.sub(r"^(?:or|and)\s+", "", talk.evidence[0].text.strip(" ,.:;?")))
    up = next((o for o in options if o.action == "ESCALATE_MANAGER"), None)
    if up is None:
        up = Option(text=_option_text(moved[0].text), action="ESCALATE_MANAGER", evidence=[])
        options.insert(options.index(talk), up)
    up.evidence += moved
    return [o for o in options if o.evidence]


#: Where an option gives way to the writer's doubts about it ("..., but I'm the new one"): what
#: follows is a reason to hesitate, not part of the course of action, and must not decide its kind.
_HESITATION = re.compile(r",? (?:but|though|although|except|even though|because|since) ", re.I)


def _before_hesitation(piece: str) -> str:
    m = _HESITATION.search(piece)
    return piece[:m.start()] if m and len(piece[:m.start()].split()) >= 2 else piece


#: (" or go straight to our manager": a second course, said with its own verb)
#: ("I'm thinking 1) have it out with him 2) tell the site manager": a numbered list of courses; "(a) record it
#: truthfully, (b) talk to the pastor again" and "Option A: … Option B: …" the same with letters; "talk to Margaret,
#: go to the vicar": a list with commas and no "or", each course with its own verb; items on their own lines after a
#: dash or a bullet the same)
_COURSE_VERB = (r"(?:go|talk|speak|ask|tell|report|raise|take|email|e-mail|write|complain|quit|leave|resign|wait|let|"
                r"say|contact|confront|apologi[sz]e|escalate|file|send|keep|stay|ring|call|phone|message|text|ignore|"
                r"have|get|give|sack|fire|step|stop|start|try|move|find|hand|record|install|put|look)")
_SPLIT = re.compile(r"(?:[:;]|\s*\n\s*[-\u2022*\u2013]\s+|\s*\(?\b[1-9][).]\s+|\s*\((?-i:[a-dA-D])\)\s+|\s*\b(?-i:[a-d])\)\s+|"
                    r"\s*\boption (?:[1-9]|(?-i:[A-D]))\s*[:.)-]?\s+|"
                    r",? and (?:maybe|perhaps|possibly|also|then) |, or |"
                    r",? or (?=(?:just |simply |should |to |even )?\w+ing\b|should|just|simply)|, (?=\w+ing\b)|"
                    rf",? or (?={_COURSE_VERB}\b)|, (?={_COURSE_VERB}\b(?! (?:him|her|them|me|it)\b[^,]{{0,3}}$))|"
                    rf", (?=(?:just|maybe|perhaps|quietly|simply) {_COURSE_VERB}\b|just do\b))", re.I)


#: A piece of a list of options that starts with its own verb ("quietly go to the chair", "just leave").
_OWN_VERB = re.compile(rf"\s*(?:(?:or|and|then|maybe|perhaps|just|quietly|simply|even)\s+)*{_COURSE_VERB}\b", re.I)


def _pieces(clause: str) -> list[tuple[int, str]]:
    """Split 'between A, B, or C' into its alternatives (offsets kept)."""
    pieces, pos = [], 0
    for m in _SPLIT.finditer(clause):
        pieces.append((pos, clause[pos:m.start()]))
        pos = m.end()
    pieces.append((pos, clause[pos:]))
    return [(s, p) for s, p in pieces if len(p.split()) >= 2]


#: A joining word the sentence goes on from ("thinks I should just let it go, and …").
_TRAILING_JOIN = re.compile(r"[\s,]+(?:and|or|but|so|then)$", re.IGNORECASE)
#: Someone else's advice that the writer weighs: "thinks I should…", "says I should…".
_ADVICE_VERB = re.compile(r"(?:says|said|thinks|suggests|suggested|reckons|told me|keeps telling me)\b", re.IGNORECASE)


def _whose_advice(reading: Reading, start: int) -> int:
    """Where an option given as someone's advice starts: at the adviser ("my coworker Jen thinks I should…"), not
    at the verb, so the option says whose it is."""
    if not _ADVICE_VERB.match(reading.text, start):
        return start
    verb = reading.token_at(start)
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb is not None else None
    if subject is None or subject.lower_ in ("i", "we") or subject.sent != verb.sent:
        return start
    first = min(t.idx for t in subject.subtree)
    return first if first < start else start


def _clip(text: str, limit: int = 240) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"
