"""Who the letter is about: each named party scored as a candidate for "the other side";
when the letter names nobody recognisable, the other side's role read from its words.

Every candidate gets the same named clues (how often and how early they are
named, whether they acted, whether the writer's anger, hurt or options point at
them, whether they are on the writer's side...). The hand weights below were
the engine's first reader; ``make train`` learns weights for the same clues
from the annotated library (``data/models/counterpart.json``), and the learned
weights are used when they did better in cross-validation. The clues are shared
by all roles, so the model learns "the person who acted against the writer"
once rather than once per role.

The chooser can only pick a party the extractor found, and a regex list of role
phrases never finds them all ("one of the veteran caseworkers", "the owner's
son"): 8 % of the library's letters name nobody it recognises. For those, a
learned role reader (``make train``: a logistic regression over the letter's
words, trained on every letter with the chooser's pick beside them) reads the
other side's role, and, when it is sure enough (right three times in four in
cross-validation), the other side is a party known by that role alone, whose
evidence is the sentence that moved the reader most. The reader never overrides
a party the chooser picked: between named parties it was right only a little more
often than the chooser (5-fold CV: 34 against 22 of 62 letters), and its mistakes
there are the costly kind (the writer's own report, whom a peer wronged, read as
the other side).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from functools import cache
from importlib import resources

from clearair.extract.features import Sentence, as_factor_role, sentences
from clearair.extract.linear import LinearReader
from clearair.extract.named import IS_THE_PROBLEM, OVER_ANOTHER, PROBLEM_IS, tie_between
from clearair.extract.mentions import PhraseChoice, PhraseReaders, acts_done_to_writer, candidates, choose_phrase, new_party_role
from clearair.extract.parties import (Mention, PartyDraft, _plural, _tag_tokens, free_key, joked_about, line_denied,
                                     theirs_acted_on, works_elsewhere)
from clearair.extract.reading import NARRATOR, Reading, taken_to
from clearair.models import Evidence, Situation, bare_name

ARTEFACT = "data/models/counterpart.json"

#: Who a conflict is usually with, all else equal: people the writer works with rather
#: than functions (HR) or bystanders. A candidate's role is one clue among the others.
ROLE_PRIOR = {"peer": 1.5, "manager": 1.5, "skip_level": 1.0, "direct_report": 1.0, "customer": 1.0,
              "peers_manager": -1.0, "other": 0.0, "hr": -3.0}
#: The hand weights of each clue (the engine's reader before the learned one).
HAND_WEIGHTS = {"mentions": 5.0, "opening": 1.5, "acted": 3.0, "acted_public": 1.5, "writer_acted_on": 2.1,
                "anger_near": 1.5, "harm_theme_near": 1.0, "in_writer_option": 1.5, "anger_at": 4.0,
                "weak_support": -1.5, "allied": -1.5, "allied_not_peer": -5.0, "supported_writer": -3.0, "praised": -2.0,
                "manager_of_busy_report": 2.0, "toxic_team": 1.0, "report_conflict": 4.0, "customer_issue": 1.5,
                "escalation_target": -3.0, "named_as_problem": 3.0, "acts_on_writer": 1.5, "role_prior": 1.0,
                "serious_conduct_by": 3.0}
_ANGER_AT = re.compile(r"\b(angry|mad|furious|upset|annoyed|livid|frustrated|hurt)\s+(at|with|by)\s+", re.I)
_HARM_THEMES = ("aggression", "harassment", "credit_theft", "boundary_intrusion")


def _keys_in(reading: Reading, start: int, end: int) -> set[str]:
    return {reading.token_party[t.i] for t in reading.tokens_in(start, end) if t.i in reading.token_party}


def _allied_with_writer(reading: Reading, char: int) -> bool:
    """'My business partner and I': someone on the writer's side."""
    tok = reading.token_at(char)
    root = tok
    while root.head.i != root.i and root.head.i - root.i in range(1, 4) and root.dep_ in ("poss", "compound", "amod", "det"):
        root = root.head
    conj = [c for c in root.children if c.dep_ == "conj"] + ([root.head] if root.dep_ == "conj" else [])
    return any(c.lower_ in ("i", "we", "me") for c in conj)


#: Words by which the writer speaks well of people ("my coworkers are lovely", "a good group").
_WARM = frozenset({"great", "nice", "lovely", "kind", "supportive", "friendly", "wonderful", "helpful", "good",
                   "fantastic", "amazing", "awesome", "brilliant", "decent", "pleasant", "welcoming", "fine"})


def _spoken_well_of(tok) -> bool:
    """"I get along with my coworkers", "I love my team", "my colleagues are lovely", "a good group" or "I don't
    blame her": someone the
    letter names in passing as fine, seldom the person it is about (the boss named next often is). Names given
    for a group are spoken of with it: "two of my coworkers, Dana and Miguel, are great"."""
    while tok.dep_ in ("appos", "conj") and tok.pos_ in ("PROPN", "NOUN") and tok.head.pos_ in ("PROPN", "NOUN", "NUM"):
        tok = tok.head
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ in ("NUM", "PRON", "DET"):
        tok = tok.head.head  # "two of my colleagues, Priya and Tom, are lovely"
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ == "with" and head.head.lemma_ == "get" and any(
            c.dep_ == "prt" and c.lower_ in ("along", "on") for c in head.head.children):
        return True
    if tok.dep_ == "dobj" and head.lemma_ in ("like", "love", "adore", "enjoy", "trust", "respect", "admire") and any(
            c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in head.children) and not any(c.dep_ == "neg" for c in head.children):
        return True
    if tok.dep_ == "dobj" and head.lemma_ == "blame" and any(c.dep_ == "nsubj" and c.lower_ in ("i", "we")
                                                             for c in head.children) and any(
            c.dep_ == "neg" for c in head.children):
        return True  # "I don't blame Amara at all": named, and cleared by the writer
    if tok.dep_ == "nsubj" and head.lemma_ == "be" and not any(c.dep_ == "neg" for c in head.children):
        return any(c.dep_ == "acomp" and c.lemma_.lower() in _WARM or c.dep_ == "attr" and any(
            a.dep_ == "amod" and a.lemma_.lower() in _WARM for a in c.children) for c in head.children)
    return False


def spoken_well_of(reading: Reading) -> dict[str, list[Evidence]]:
    """Party key -> the writer's words speaking well of them ("my supervisor Dana is really supportive", "I trust
    her"): a manager spoken of so beside someone else's conduct is one the writer can go to."""
    out: dict[str, list[Evidence]] = {}
    for i, key in reading.token_party.items():
        tok = reading.doc[i]
        if _spoken_well_of(tok) and not _praised_in_their_own_words(reading, tok, key):
            sent = tok.sent
            out.setdefault(key, []).append(reading.evidence(sent.start_char, sent.end_char))
    return out


def _praised_in_their_own_words(reading: Reading, tok, key: str) -> bool:
    """A pronoun praised inside what that same party said: "My boss said he's a good client" praises the client, not
    the boss the pronoun was given to (red team 58 read it as "Your manager is on your side")."""
    if tok.pos_ != "PRON":
        return False
    said = tok.head.head if tok.head.dep_ == "ccomp" else None
    if said is None or said.lemma_ not in ("say", "tell", "think", "reckon", "insist", "claim"):
        return False
    return any(c.dep_ == "nsubj" and reading.token_party.get(c.i) == key for c in said.children)


def _escalation_targets(reading: Reading, start: int, end: int, *, talked_to: bool = False) -> set[str]:
    """Whom an option takes the matter to ("take the warning to the general manager", "report him to his boss"):
    the person an option goes to for help is seldom the person the conflict is with. ``talked_to``: someone else
    acted in the letter, so the one the writer would talk to is also one they would go to ("The dad shouts at me.
    Should I talk to the mum?"); the caller still keeps anyone who acted."""
    return {reading.token_party[tok.i] for tok in reading.tokens_in(start, end)
            if tok.i in reading.token_party and (taken_to(tok) or talked_to and _talked_to(tok))}


def _talked_to(tok) -> bool:
    """``tok`` is whom the writer would talk or speak to: the object of "to" after "talk" or "speak"."""
    return tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.head.lemma_.lower() in ("talk", "speak")


def candidate_clues(reading: Reading, drafts: dict[str, PartyDraft], incidents, themes, is_manager: bool, *,
                    hits, responses, option_spans, conduct=()) -> dict[str, dict[str, float]]:
    """party key -> clue name -> value, for every party that could be the other side. ``conduct``: the serious
    conduct others did (``extract.conduct``), whose doer is a strong clue whoever else the letter names first."""
    clues: dict[str, dict[str, float]] = {}
    for key, d in drafts.items():
        c = clues.setdefault(key, {})
        c["role_prior"] = ROLE_PRIOR.get(d.role, 0.0)
        c[f"role={d.role}"] = 1.0
        c["mentions"] = min(sum(not _plural(m.text, d.names) for m in d.mentions), 10) / 10
        is_person = d.role != "hr" and not key.startswith("other_department")
        if d.mentions:
            first = reading.sentence_index(d.mentions[0].start)
            c["opening"] = float(is_person and first == 0)
            c["first_position"] = d.mentions[0].start / max(len(reading.text), 1)
        c["plural"] = float(bool(d.mentions) and all(_plural(m.text, d.names) for m in d.mentions))
    seen_acts: set[tuple[str, str]] = set()
    for inc in incidents:
        if (inc.actor, inc.act) in seen_acts:
            continue
        seen_acts.add((inc.actor, inc.act))
        if inc.actor in clues:
            clues[inc.actor]["acted"] = clues[inc.actor].get("acted", 0.0) + 1
            if inc.audience.kind in ("large_group", "external"):
                clues[inc.actor]["acted_public"] = clues[inc.actor].get("acted_public", 0.0) + 1
        if inc.actor == NARRATOR and inc.target in clues:
            clues[inc.target]["writer_acted_on"] = clues[inc.target].get("writer_acted_on", 0.0) + 1
    for key, d in drafts.items():  # "I did an impression of Marisol's accent": the writer did it to her
        if any(theirs_acted_on(span := reading.doc[t.i:t.i + 1], by_the_writer=True)
               or joked_about(span, by_the_writer=True)
               for m in d.mentions for t in reading.tokens_in(m.start, m.end)):
            clues[key]["writer_acted_on"] = clues[key].get("writer_acted_on", 0.0) + 1
    for cue_kind, clue, kinds in (("emotions", "anger_near", ("anger", "hurt", "fear", "embarrassment")),
                                  ("themes", "harm_theme_near", _HARM_THEMES)):
        for hit in hits[cue_kind]:
            if hit.kind not in kinds:
                continue
            sent = reading.sentence_at(hit.start)
            for key in {reading.token_party[t.i] for t in sent if t.i in reading.token_party}:
                if key in clues:
                    clues[key][clue] = clues[key].get(clue, 0.0) + 1
    someone_acted = any(c.get("acted") for c in clues.values())
    for opt_hit in option_spans:
        for key in _keys_in(reading, *opt_hit) & clues.keys():
            clues[key]["in_writer_option"] = clues[key].get("in_writer_option", 0.0) + 1
        for key in _escalation_targets(reading, *opt_hit, talked_to=someone_acted) & clues.keys():
            if not clues[key].get("acted"):  # "go to my manager and ask why" after what the manager did
                clues[key]["escalation_target"] = 1.0
    for m in _ANGER_AT.finditer(reading.text):
        for key in _keys_in(reading, m.end(), m.end() + 60):
            clues[key]["anger_at"] = clues[key].get("anger_at", 0.0) + 1
    for m in PROBLEM_IS.finditer(reading.text):
        if (first := first_named_after(reading, m.end())) in clues:
            clues[first]["named_as_problem"] = 1.0
    for m in IS_THE_PROBLEM.finditer(reading.text):
        named = [reading.token_party[t.i] for t in reading.tokens_in(max(0, m.start() - 30), m.start())
                 if t.i in reading.token_party]
        if named and named[-1] in clues:  # the last person named before it
            clues[named[-1]]["named_as_problem"] = 1.0
    for hit in hits["constraints"]:
        if hit.kind == "weak_support":
            for key in _keys_in(reading, hit.start, hit.end + 40):
                clues[key]["weak_support"] = clues[key].get("weak_support", 0.0) + 1
    for sent in reading.sentences:  # the writer's question names who it is about: "What should I say to her?"
        if sent.text.rstrip().endswith("?"):
            for key in {reading.token_party[t.i] for t in sent if t.i in reading.token_party}:
                if key in clues:
                    clues[key]["in_question"] = clues[key].get("in_question", 0.0) + 1
    for i, key in reading.token_party.items():  # "he moved me onto nights", "she marked me down": done to the writer
        if key in clues and (acts := acts_done_to_writer(reading.doc[i])):
            clues[key]["acts_on_writer"] = clues[key].get("acts_on_writer", 0.0) + acts
    for key, d in drafts.items():
        if any(_allied_with_writer(reading, m.start) for m in d.mentions):
            clues[key]["allied" if d.role == "peer" else "allied_not_peer"] = 1.0
    for i, key in reading.token_party.items():
        if key in clues and _spoken_well_of(reading.doc[i]):
            clues[key]["praised"] = clues[key].get("praised", 0.0) + 1
    for cue in responses:
        if cue.kind == "support" and cue.by in clues:
            clues[cue.by]["supported_writer"] = clues[cue.by].get("supported_writer", 0.0) + 1
    for key in conduct_doers(reading, conduct):  # "One of the senior engineers, Rob, makes jokes about my
        if key in clues:                           # colleague Fatima's religion": Rob, not the colleague
            clues[key]["serious_conduct_by"] = clues[key].get("serious_conduct_by", 0.0) + 1
    reading.doc.user_data["harmed_by"] = harmed_by(reading, conduct)
    reading.doc.user_data["pressed_by"] = pressed_by(reading, conduct)
    kinds = {t.kind for t in themes}
    others_acted = any(inc.actor in clues and inc.actor != "direct_report" for inc in incidents)
    if is_manager and "direct_report" in clues and len(drafts["direct_report"].mentions) >= 3 and not others_acted:
        clues["direct_report"]["manager_of_busy_report"] = 1.0
    if "toxic_environment" in kinds and "peer" in clues:
        clues["peer"]["toxic_team"] = 1.0
    if is_manager and "report_conflict" in kinds and "direct_report" in clues:
        clues["direct_report"]["report_conflict"] = 1.0
    if "customer_issue" in kinds and "customer" in clues:
        clues["customer"]["customer_issue"] = 1.0
    if is_manager:  # a manager's letter is more often about a report: let the model weigh roles apart
        for key, c in clues.items():
            c[f"role={drafts[key].role}&writer_manages"] = 1.0
    return clues


def conduct_doers(reading: Reading, conduct) -> list[str]:
    """For each serious conduct hit, the party that is the subject of the verb it hangs from, if any ("he", "Rob";
    never the writer, whose own acts ``extract.conduct`` keeps apart)."""
    out = []
    for hit in conduct:
        who = _speaker(reading, hit) or reading.subject_of(hit.start)
        if who is not None and not _has_own_subject(reading, hit.start) and \
                who in _parties_in(reading, hit.start, hit.end):
            # "making comments about her body" hung under "she'd look better": the one it was done to is not who
            # did it (red team 41: the woman harassed became the other side); the sentence's own subject did it
            root = reading.sentence_at(hit.start).root
            who = reading.subject_of(root.idx)
            who = None if who in _parties_in(reading, hit.start, hit.end) else who
        if who and who != NARRATOR:
            out.append(who)
    return out


#: The writer in a hit's own words: pressure put on them ("told me to change it"), not on someone else.
_ON_THE_WRITER = re.compile(r"\b(?:me|us)\b", re.IGNORECASE)


def pressed_by(reading: Reading, conduct) -> list[str]:
    """The parties who pressed the writer to break the rules or the law ("my manager told me to change it to
    'meets' because the bonus pot is short"), each once, in the order the letter tells it."""
    hits = [h for h in conduct if h.kind == "unlawful_pressure" and _ON_THE_WRITER.search(reading.text[h.start:h.end])]
    return list(dict.fromkeys(conduct_doers(reading, hits)))


def harmed_by(reading: Reading, conduct) -> dict[str, str]:
    """For each party serious conduct was done to, the party that did it: "he grabbed her wrist" (her: the
    stylist; he: the client's husband). Only where the doer is a party other than the writer and the one harmed."""
    out: dict[str, str] = {}
    for hit in conduct:
        doer = _speaker(reading, hit) or reading.subject_of(hit.start)
        if doer is None or doer == NARRATOR:
            continue
        harmed = {reading.object_of(hit.start)} | _parties_in(reading, hit.start, hit.end)  # ("… until she left")
        if (told := _told(reading, hit)) is not None:
            harmed.add(told)  # "was telling her that she'd find out what happens": her
        for key in harmed - {doer, NARRATOR, None}:
            out.setdefault(key, doer)
    return out


#: Verbs that carry what someone said: a threat inside what they said is theirs, whoever its own clause is about.
_SPEECH = frozenset({"say", "tell", "warn", "threaten", "shout", "yell", "scream", "text", "message", "write", "hiss",
                     "whisper", "mutter", "add", "snap"})


def _speech_verb(reading: Reading, hit):
    """The verb of saying a menacing remark is reported under ("he was telling her that she'd 'find out what
    happens'"), or None: the words' own clause names the one threatened, not the one who threatened."""
    if hit.kind != "menacing_words":
        return None
    tok = reading.token_at(hit.start)
    return next((a for a in tok.ancestors if a.pos_ == "VERB" and a.lemma_.lower() in _SPEECH), None)


def _speaker(reading: Reading, hit) -> str | None:
    """Who said a reported threat (``_speech_verb``'s subject, or that of the verb it is joined to), where the
    threat's own clause has no subject or has the one it was said to ("telling her that she'd…"); else None ("one
    message said he knows where she lives": he is who threatened)."""
    verb = _speech_verb(reading, hit)
    if verb is None:
        return None
    own = reading.subject_of(hit.start)
    return reading.subject_of(verb.idx) if own is None or own == _told(reading, hit) else None


def _told(reading: Reading, hit) -> str | None:
    """Whom a reported threat was said to: the object of the verb of saying ("telling her"), or None."""
    verb = _speech_verb(reading, hit)
    if verb is None:
        return None
    heard = next((c for c in verb.children if c.dep_ in ("dobj", "dative")), None)
    return reading.who(heard) if heard is not None else None


def _has_own_subject(reading: Reading, char: int) -> bool:
    """The verb the words at ``char`` hang from has a subject of its own ("saw him load … into his car"), not one
    borrowed from a clause the parse hung it under ("making comments" under "she'd look better")."""
    tok = reading.token_at(char)
    verb = next((t for t in (tok, *tok.ancestors) if t.pos_ in ("VERB", "AUX")), None)
    return verb is not None and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _parties_in(reading: Reading, start: int, end: int) -> set[str]:
    """The parties named inside a stretch of the letter ("her" in "comments about her body")."""
    return {reading.token_party[t.i] for t in reading.tokens_in(start, end) if t.i in reading.token_party}


@cache
def _artefact() -> dict:
    path = resources.files("clearair").joinpath(ARTEFACT)
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def learned_weights() -> dict[str, float] | None:
    """The trained clue weights, or None when the hand weights did better (or none are shipped)."""
    spec = _artefact()
    return spec["weights"] if spec.get("chosen") == "learned" else None


@cache
def role_reader() -> LinearReader | None:
    """The learned reader of the other side's role, when it beat the chooser alone in cross-validation."""
    spec = _artefact().get("role", {})
    return LinearReader(spec["model"]) if spec.get("chosen") == "learned" else None


@cache
def phrase_readers() -> PhraseReaders | None:
    """The phrase readers of ``extract.mentions`` and their bars, when trained and shipped."""
    spec = _artefact().get("mentions", {})
    if spec.get("chosen") != "learned":
        return None
    return PhraseReaders(LinearReader(spec["other_side"]), LinearReader(spec["role"]), frozenset(spec["people"]),
                         floor=spec.get("floor", 0.0), role_bar=spec.get("role_bar", 0.0))


def party_clues(clues: dict[str, dict[str, float]]) -> dict[str, dict[str, float]]:
    """The clues of each party that the phrase readers also see (``mentions.party_clue_features``): those the
    hand weights name, but not the role prior (the phrase readers read the role themselves)."""
    return {key: {n: v for n, v in c.items() if n in HAND_WEIGHTS and n != "role_prior"} for key, c in clues.items()}


#: A phrase that names a person by what is theirs: "Samira's accent", "Dev's code".
_NAMED_OWNER = re.compile(r"([A-Z][a-z]+(?:-[A-Z][a-z]+)?)['’]s\s+\w")


def read_other_side(reading: Reading, drafts: dict[str, PartyDraft], is_manager: bool,
                    clues: dict[str, dict[str, float]] | None = None) -> tuple[str, PhraseChoice] | tuple[None, None]:
    """The party the letter is about, from the noun phrase most likely to be the other side: a party the
    extractor found there, or a new party (added to ``drafts``) with the role read from the phrase; and the
    readers' choice. (None, None) when no reader ships, the letter has no noun phrase to read or the reader is
    unsure (then the chooser decides)."""
    readers = phrase_readers()
    if readers is None:
        return None, None
    weights = learned_weights() or HAND_WEIGHTS
    party_scores = {k: score(c, weights) for k, c in party_clues(clues or {}).items()}
    choice = choose_phrase(candidates(reading, drafts, is_manager, party_clues(clues or {})), readers, party_scores)
    if choice is None or choice.p < readers.floor:
        return None, None
    best = choice.phrase
    if best.key is not None:
        return best.key, choice
    role = new_party_role(choice, readers.role_bar, is_manager)
    if best.unplaced is not None and best.unplaced in drafts and works_elsewhere(reading, best.unplaced):
        role = "other"  # "Marek, who works for the main contractor": no line of the writer's
    if best.unplaced is not None and best.unplaced in drafts:  # a person found by name: they take that line
        person = drafts[best.unplaced]
        person.role = role
        for m in person.mentions:
            m.role = role
        return best.unplaced, choice
    # A party of the same role the extractor found is someone the readers did not choose: keep them apart.
    key = free_key(drafts, role)
    start, end, said = best.start, best.end, best.text
    if (owner := _NAMED_OWNER.match(said)) is not None:  # "Samira's accent": the person is Samira, not her accent
        end, said = start + owner.end(1), owner.group(1)
    drafts[key] = PartyDraft(key, role, [Mention(start, end, key, role, said)], names={said} if owner else set())
    _tag_tokens(reading, start, end, key)
    if works_elsewhere(reading, key):  # "A friend of mine who is a lawyer at a different firm"
        drafts[key].role = drafts[key].mentions[0].role = "other"
    return key, choice


def score(clues: dict[str, float], weights: dict[str, float]) -> float:
    return sum(weights.get(k, 0.0) * v for k, v in clues.items())


def choose(clues: dict[str, dict[str, float]], drafts: dict[str, PartyDraft], *, learned: bool = True) -> str | None:
    """The party the conflict is with; ties go to the one named first."""
    if not clues:
        return None
    weights = (learned_weights() if learned else None) or HAND_WEIGHTS
    return max(clues, key=lambda k: (score(clues[k], weights), -min(m.start for m in drafts[k].mentions)))


def role_features(sents: list[Sentence], roles: list[str], picked: str | None, is_manager: bool) -> dict[str, float]:
    """What the role reader reads: the letter's words, the role of the chooser's pick (``picked``),
    the roles of all the parties named, and whether the writer manages people."""
    f = {g: 1.0 for s in sents for g in s.grams}
    f[f"rule:role={as_factor_role(picked) if picked else 'none'}"] = 1.0
    for role in roles:
        f[f"rule:has={as_factor_role(role)}"] = 1.0
    f["rule:narrator_manager"] = float(is_manager)
    return f


def read_role(reading: Reading, is_manager: bool, features: dict[str, float] | None = None, *,
              outside: bool = False) -> tuple[str, list[Evidence]] | None:
    """The other side's role as the role reader reads it, and the sentence that moved it most; None when no
    reader ships or it is unsure. ``features``: ``role_features`` of the letter (by default, as for a letter
    that names nobody the extractor recognised). ``outside``: the engine's reading so far puts the other side
    outside the writer's lines (or nowhere); then a role in those lines is taken from the lower bar that
    cross-validation set for replacing such a reading (``train/counterpart.train_outside_override``)."""
    reader = role_reader()
    if reader is None:
        return None
    sents = sentences(reading.doc)
    p = reader.proba(features if features is not None else role_features(sents, [], None, is_manager))
    i = int(p.argmax())
    role = reader.classes[i]
    spec = _artefact()["role"]
    bar = spec.get("bar", 0.0)
    override = spec.get("outside", {})
    if outside and role not in OUTSIDE and override.get("chosen") == "learned":
        bar = min(bar, override.get("bar", 1.01))
    if p[i] < bar:
        return None  # unsure: better no other side than a wrong one
    return role, reader.sentence_for(i, sents, reading.original)


#: Roles that put the other side outside the writer's lines, or nowhere.
OUTSIDE = ("other", "none")


#: Parties the extractor knows to be outside the writer's lines (another department, a vendor or contractor, an
#: account executive, the boss's assistant, a former employee, the manager of a function the writer works with, the
#: grandmother of the children a nanny looks after, a job candidate turned down, one member of a governing board): the
#: whole letter's reading does not move them into a line.
KNOWN_OUTSIDERS = ("other_department", "vendor", "account_executive", "boss_assistant", "former_employee",
                   "clinician", "outside_org", "function_manager", "union_rep", "landlord", "renter", "household_relative",
                   "job_candidate", "board_member")


#: Lines a writer has one holder of: a second person is not given one the letter already names.
_ONE_OF = frozenset({"manager", "skip_level"})


def may_take_role(read: str, party_role: str | None, phrase_role: str | None, party_key: str | None = None,
                  named: frozenset[str] = frozenset()) -> bool:
    """Whether the role reader's ``read`` role replaces an outside reading of the other side. ``party_role``:
    the role of the party chosen (None: nobody was); ``phrase_role``: for a person the extractor did not know,
    the line the phrase readers read for that phrase but were unsure of (None otherwise). Nobody found: any
    line role. An unknown person: only the line the phrase's own reading also gave (two readers agree; "the
    senior caseworker who signs off my reports" is not made the writer's report because the letter says
    "my reports"). A known party of unknown line ("the owner's son", "a director"): a line role, but never for
    HR, another team's manager or someone the extractor knows is outside (``KNOWN_OUTSIDERS``: a contractor's
    foreman is not made the writer's manager). ``named``: the roles of the parties the extractor found; an unknown
    person is not made the writer's manager (or theirs) when the letter already names that manager as someone else
    ("a new girl started … our manager wants to see me": the new girl is no second manager). Training applies the
    same rule."""
    if read in OUTSIDE:
        return False
    if party_role is None:
        return True
    if phrase_role is not None:
        return read == phrase_role and not (read in _ONE_OF and read in named)
    return party_role == "other" and not (party_key or "").startswith(KNOWN_OUTSIDERS)


def switch_line(key: str, clues: dict[str, dict[str, float]], drafts: dict[str, PartyDraft],
                features: Callable[[], dict[str, float]]) -> str:
    """The other side as chosen (``key``, a person in the writer's lines), or another named party when the role
    reader, reading the whole letter, is very sure the other side has a different line and the letter names
    someone of that line: "my manager" chosen in a letter about a coworker the manager was told about. The
    bar is set by ``make train`` (``train/counterpart.train_line_switch``) where switching mends at least
    three letters for each it breaks; among several parties of that line, the chooser's best. ``features``
    makes the letter's ``role_features``, only when the switch ships (they cost a pass over the letter)."""
    spec = _artefact().get("role", {}).get("switch", {})
    reader = role_reader()
    if reader is None or spec.get("chosen") != "learned":
        return key
    p = reader.proba(features())
    i = int(p.argmax())
    read = reader.classes[i]
    if p[i] < spec["bar"] or read in OUTSIDE or read == as_factor_role(drafts[key].role):
        return key
    weights = learned_weights() or HAND_WEIGHTS
    same_line = [k for k in clues if as_factor_role(drafts[k].role) == read]
    return max(same_line, key=lambda k: (score(clues[k], weights), -min(m.start for m in drafts[k].mentions))
               ) if same_line else key


def settle(reading: Reading, clues: dict[str, dict[str, float]], drafts: dict[str, PartyDraft], is_manager: bool, *,
           learned: bool = True) -> tuple[str | None, list[Evidence]]:
    """The other side: the phrase readers' choice (``read_other_side``) where they ship; else the chooser's
    pick. When that leaves the other side outside the writer's lines or nowhere, the role reader, reading the
    whole letter, may give the line instead (``may_take_role``): the chosen person keeps who they are and takes
    that role; with nobody chosen, a party known by the role alone (added to ``drafts``). A person in the
    writer's lines may give way to another named party whose line the whole letter reads surely
    (``switch_line``). Returns the party key
    and, for a party known by its role alone, the evidence of that role."""
    if not learned:
        return choose(clues, drafts, learned=False), []
    hand = choose(clues, drafts, learned=False)
    named = [drafts[k].role for k in clues]  # before the phrase readers add anyone: as the reader was trained
    key, choice = read_other_side(reading, drafts, is_manager, clues)
    if key is None:
        key = choose(clues, drafts)
    above = set_above_the_rest(reading, clues)
    key = above or key
    # (the one the writer sets above the rest stays, whoever the pronouns went to: "The serious thing is Wayne")
    if (doer := shielded_doer(reading, clues, key) or (None if above else lone_doer(clues, key) or unknown_doer(clues, key))
            or _doer_of_harm_to(reading, clues, key) or _presser_of_the_writer(reading, clues, key)
            or complained_of(reading, clues, drafts, key)) is not None:
        return doer, []  # their line as the letter gives it: the tie says nothing of it
    if not above and key is not None and only_saw_it(reading, clues, key):
        key = choose({k: c for k, c in clues.items() if k != key}, drafts) or key
    if key is None:
        read = read_role(reading, is_manager, outside=True)
        if read is None:
            return None, []
        role, evidence = read
        drafts[role] = PartyDraft(role, role)
        return role, evidence
    picked = drafts[hand].role if hand is not None else None

    def letter_features() -> dict[str, float]:
        return role_features(sentences(reading.doc), named, picked, is_manager)

    if as_factor_role(drafts[key].role) not in OUTSIDE:
        return switch_line(key, clues, drafts, letter_features), []
    unsure_line = choice.role if choice is not None and choice.phrase.key is None else None
    read = read_role(reading, is_manager, letter_features(), outside=True)
    if read is not None and may_take_role(read[0], drafts[key].role, unsure_line, None if unsure_line else key,
                                          frozenset(named)) \
            and not line_denied(reading, key) and not works_elsewhere(reading, key):
        drafts[key].role = read[0]  # the same person; the line the whole letter gives them
    return key, []


#: Having seen what happened: "Mrs Wanjiru saw what happened from the corridor", "two nurses witnessed it" (not "how
#: she sees things").
_SAW = frozenset({"see", "witness", "watch", "overhear"})
#: What a witness saw, when it is the event itself rather than a person or a thing done to them.
_THE_EVENT = frozenset({"what", "it", "everything", "incident", "all"})


def only_saw_it(reading: Reading, clues: dict[str, dict[str, float]], key: str) -> bool:
    """The party chosen only saw what happened and did nothing to the writer or anyone: a witness is the one the
    writer may ask for a statement, never the one to confront or report (red team 42: a teacher's only witness was
    given the words meant for whoever used force)."""
    c = clues.get(key, {})
    if len(clues) < 2 or any(c.get(k) for k in ("acts_on_writer", "serious_conduct_by", "named_as_problem", "acted")):
        return False
    for i, party in reading.token_party.items():
        tok = reading.doc[i]
        if party != key or tok.dep_ != "nsubj" or tok.head.lemma_.lower() not in _SAW \
                or tok.head.tag_ not in ("VBD", "VBN"):
            continue
        seen = [t for t in tok.head.children if t.dep_ in ("dobj", "ccomp")]
        if any(t.lemma_.lower() in _THE_EVENT or t.dep_ == "ccomp" and t.lemma_.lower() == "happen" for t in seen):
            return True
    return False


def set_above_the_rest(reading: Reading, clues: dict[str, dict[str, float]]) -> str | None:
    """The party the writer sets above another ("Small thing first: … What worries me more is the head chef"):
    the first party named within a few words after ``OVER_ANOTHER``; None when the letter says no such thing."""
    for m in OVER_ANOTHER.finditer(reading.text):
        if (first := first_named_after(reading, m.end())) in clues:
            return first
    return None


def first_named_after(reading: Reading, char: int) -> str | None:
    """The party of the first person named within a few words after ``char`` ("The problem is |my supervisor")."""
    return next((reading.token_party[t.i] for t in reading.tokens_in(char, char + 40) if t.i in reading.token_party),
                None)


def shielded_doer(reading: Reading, clues: dict[str, dict[str, float]], key: str | None) -> str | None:
    """The one who did the serious conduct, where the party chosen did none of it and the writer ties the two
    ("the branch manager, Gary, is Dean's uncle", after Dean was seen loading stock into a car): the letter is about
    what that person did, and the tied one is the route that is closed (red team 38)."""
    if key is None or key not in clues or clues[key].get("serious_conduct_by"):
        return None
    doers = [k for k, c in clues.items() if c.get("serious_conduct_by") and k != key]
    for sent in reading.sentences if doers else ():
        if tie_between(reading.text, sent.start_char, sent.end_char) is None:
            continue
        named = {reading.token_party[t.i] for t in sent if t.i in reading.token_party}
        if key in named and (tied := [d for d in doers if d in named]):
            return tied[0]
    return None


def _doer_of_harm_to(reading: Reading, clues: dict[str, dict[str, float]], key: str | None) -> str | None:
    """The one who did serious conduct to the party chosen, where the chosen did none of it: the harmed person is
    never the other side (red team 42: a stylist grabbed by a client's husband, a picker pinned to the racking,
    each read as the one to report)."""
    if key is None or key not in clues or clues[key].get("serious_conduct_by"):
        return None
    doer = reading.doc.user_data.get("harmed_by", {}).get(key)
    return doer if doer in clues else None


def _presser_of_the_writer(reading: Reading, clues: dict[str, dict[str, float]], key: str | None) -> str | None:
    """The one person who pressed the writer to break the rules (``pressed_by``), where the party chosen did no
    serious conduct: the letter is about the pressure, not about whoever it concerns (red team 49: a manager who
    asked for a report's fair rating to be lowered to fit the bonus budget, read as a letter about the report)."""
    if key is None or key not in clues or clues[key].get("serious_conduct_by"):
        return None
    pressers = [k for k in reading.doc.user_data.get("pressed_by", []) if k in clues]
    return pressers[0] if len(pressers) == 1 else None


#: Someone brings the writer a complaint about another: "Abdul has put in a formal complaint by email to me and HR
#: about a colleague, Shaun", "Priya says her team leader Dean has been giving her the worst shifts", "One of our
#: patients has told me that the dentist smells of alcohol". The words up to where the one complained of is named.
_COMPLAINT_OF = re.compile(r"\b(?:(?:complain(?:ed|s|ing)|(?:put|filed|lodged|raised|made|submitted|brought|sent)"
                           r"(?: in)? (?:a |an )?(?:formal |written )?"
                           r"(?:complaint|grievance|report|concern)s?|reported)\b[^.?!;]{0,40}?\b(?:about|against|regarding|"
                           r"concerning|of)|(?:says|said|claims|claimed|alleges|alleged) that|"
                           r"(?:has told me|told me|tells me) (?:that|about))\b",
                           re.IGNORECASE)
#: What a complainant says, after the letter has told of a complaint: "I've just had a complaint land on my desk. A
#: team member, Priya, says her team leader Dean…".
_SAYS = re.compile(r"\b(?:says|claims|alleges)\b", re.IGNORECASE)
_A_COMPLAINT = re.compile(r"\b(?:complaint|grievance)s?\b", re.IGNORECASE)
#: Those who bring a complaint to the writer from below or beside them (a superior's "my boss told me that Tim will
#: take over" is the boss's own act), and who may be read as the other side in its place.
_MAY_COMPLAIN = frozenset({"direct_report", "peer", "customer", "other"})


def complained_of(reading: Reading, clues: dict[str, dict[str, float]], drafts: dict[str, PartyDraft],
                  key: str | None) -> str | None:
    """The one complained of, where the party chosen only brought the complaint to the writer and did nothing to the
    writer: a manager or HR officer handling a complaint, or a dental nurse told by a patient of the dentist's
    drinking, is writing about the one it is about (red team 57 read the complainant as the other side)."""
    if key is None or key not in clues or drafts[key].role not in _MAY_COMPLAIN and not key.startswith("person"):
        return None
    chosen = clues[key]
    if chosen.get("serious_conduct_by") or chosen.get("named_as_problem") or chosen.get("writer_acted_on"):
        return None
    said = [m for m in _SAYS.finditer(reading.text) if _A_COMPLAINT.search(reading.text, max(0, m.start() - 250),
                                                                             m.start())]
    for m in [*_COMPLAINT_OF.finditer(reading.text), *said]:
        before = [reading.token_party[t.i] for t in reading.tokens_in(max(0, m.start() - 40), m.start())
                  if t.i in reading.token_party]
        if not before or before[-1] != key:
            continue
        # "Priya says her team leader Dean…": the first named after who is not the complainant
        named = next((reading.token_party[t.i] for t in reading.tokens_in(m.end(), m.end() + 40)
                      if reading.token_party.get(t.i, key) != key), None)
        if named in clues and drafts[named].role not in ("hr", "manager", "skip_level"):
            return named
    return None


def lone_doer(clues: dict[str, dict[str, float]], key: str | None) -> str | None:
    """The one person who did the serious conduct (more than once), where the party chosen did none of it, did
    nothing to the writer and was not called the problem ("Jace keeps pulling the handrails off … flicked a nail gun toward my foot", with
    the writer's own boss and the site manager named after him: red team 40 found the boss accused)."""
    if key is None or key not in clues:
        return None
    chosen = clues[key]
    if chosen.get("serious_conduct_by") or chosen.get("acts_on_writer") or chosen.get("named_as_problem"):
        return None
    doers = [k for k, c in clues.items() if c.get("serious_conduct_by")]
    # twice at least: one act put on the wrong person by a pronoun ("she likened her to…") must not move the letter
    return doers[0] if len(doers) == 1 and clues[doers[0]]["serious_conduct_by"] >= 2 else None


def unknown_doer(clues: dict[str, dict[str, float]], key: str | None) -> str | None:
    """Someone the writer cannot name who did something to them ("someone left a note in my locker calling me a
    …; I have no idea who"), where the party chosen did nothing to the writer and was not called the problem: the
    boss the writer went to is not the one it is about (blind panel 43: an unsigned slur was read as the manager's)."""
    if key is None or key not in clues or key.startswith("unknown_sender"):
        return None
    chosen = clues[key]
    if chosen.get("serious_conduct_by") or chosen.get("acts_on_writer") or chosen.get("named_as_problem"):
        return None
    return next((k for k, c in clues.items() if k.startswith("unknown_sender") and c.get("acts_on_writer")), None)


def named_by_writer(name: str, drafts: dict[str, PartyDraft]) -> str | None:
    """The party that holds the name the writer gave as the one the letter is about ("Tobias", "Ms Lowe"), if the
    letter names them; None otherwise (the engine's own choice then stands, and the report says so)."""
    want = bare_name(name)
    return next((k for k, d in drafts.items()
                 if any(bare_name(m.text) == want for m in d.mentions) or any(bare_name(n) == want for n in d.names)),
                None)


def as_told(role: str, clues: dict[str, dict[str, float]], drafts: dict[str, PartyDraft], picked: str | None) -> str:
    """The other side when the writer has said whose line the letter is about (``role``, a factor role: "manager",
    "peer"...), given the engine's own pick (``picked``). The writer knows their workplace; no reading outweighs
    what they say, but they name a line, not a person, so:

    - the engine's pick, when it is already in that line;
    - else a named person of that line: one the letter says did something over a group or someone only named,
      then the chooser's best (a red team found the words addressed to the report "who is never a problem"
      and to the nurses who only saw it);
    - else a named person whose line the letter leaves open ("the director", "the owner's son"), who takes the
      line the writer gives: the engine's pick if it is one, else the chooser's best;
    - else the engine's pick itself, a named person, in the line the writer gives (the same person, read in the
      wrong line: "the principal" read as a peer), unless the writer stated that person's line as theirs ("my head
      of department": a second red team found the writer's own manager moved up a level and addressed);
    - else someone known by that role alone (added to ``drafts``)."""
    if picked is not None and as_factor_role(drafts[picked].role) == role:
        return picked
    weights = learned_weights() or HAND_WEIGHTS

    def best(keys: list[str]) -> str:
        return max(keys, key=lambda k: (k == picked, not clues[k].get("plural"), bool(clues[k].get("acted")),
                                        not clues[k].get("praised"), score(clues[k], weights),
                                        -min(m.start for m in drafts[k].mentions)))

    same_line = [k for k in clues if as_factor_role(drafts[k].role) == role and drafts[k].mentions]
    if same_line:
        return best(same_line)
    open_line = [k for k in clues if drafts[k].role == "other" and drafts[k].mentions
                 and not k.startswith(KNOWN_OUTSIDERS)]
    if open_line and role not in OUTSIDE:
        key = best(open_line)
        drafts[key].role = role
        return key
    if picked is not None and drafts[picked].mentions and drafts[picked].role != "hr" \
            and not clues.get(picked, {}).get("plural") and not _line_stated(drafts[picked]):
        drafts[picked].role = role
        return picked
    key = free_key(drafts, role)
    drafts[key] = PartyDraft(key, role)
    return key


def _line_stated(draft: PartyDraft) -> bool:
    """Whether the writer named this person by their line to the writer ("my manager", "our head of department")."""
    return any(m.text.lower().startswith(("my ", "our ")) for m in draft.mentions)


def line_of_the_named(reading, situation: Situation) -> None:
    """The person the writer called the problem, read as outside the writer's lines ("Kieran is the problem" with
    nothing said of Kieran's post): the role reader, reading the whole letter, may give their line, as it does for
    the engine's own choice (``extract.counterpart.settle``); never where the letter says they are not over the
    writer or work for another employer. Red team 34 found a teammate read as outside and "plan your way out"
    advised third."""
    cp = situation.party(situation.counterpart)
    if cp is None or cp.role not in OUTSIDE or line_denied(reading, cp.id) or works_elsewhere(reading, cp.id):
        return
    roles: list[str] = [str(p.role) for p in situation.parties]
    read = read_role(reading, situation.narrator.is_manager,
                     role_features(sentences(reading.doc), roles, cp.role, situation.narrator.is_manager), outside=True)
    # Only a line beside or below the writer: someone over them the letter would have given a title (a red team's
    # peer "who has decided he's in charge" was read as the writer's manager by the whole letter's words).
    if read is not None and read[0] == "peer":
        cp.role = "peer"
    elif read is not None and read[0] == "direct_report" and situation.narrator.is_manager:
        cp.role = "direct_report"
