"""Who the other side is, read from the letter's noun phrases by models trained on annotated letters.

The hand list of role phrases (``knowledge/parties.yaml``) finds the people the
library's letters name in the words their writers used; new letters name people
in words nobody listed ("the senior accountant who led my group", "his new
personal assistant"), and the chooser can only pick among the parties it found.
On letters the list was not written against, it found the right other side 56 %
of the time.

Here every noun phrase of the letter is a candidate. Two logistic regressions,
trained by ``make train`` on the span each annotator marked as the other side,
read it:
- the *other-side reader*: is this phrase the person the letter is about? (its
  head noun and modifiers, who it did what to, the clause that describes it, how
  early and how often it is named, the role the phrase list gave it if any);
- the *role reader*: what is that person to the writer (manager, peer, report...)?
The phrase most likely to be the other side is chosen. If it names a party the
extractor already found (or is said to be one: "one partner, who is also the
person I report to"), that party is the other side with the role the extractor
gave it; otherwise the phrase becomes a party with the role read here, and the
phrase itself is the evidence.

Two bars, chosen by ``make train`` from cross-validation, keep the readers from
speaking when they are unsure: below ``floor`` the chooser of
``extract/counterpart.py`` decides; and a new phrase is made the writer's
manager, skip-level or report only from ``role_bar`` (where such roles were right
three times in four), a report only for a writer who manages people. A red team
found unknown job titles read as "your manager" and witnesses as "your report";
the advice then turns on the wrong line.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import cast

import numpy as np

from spacy.tokens import Doc, Span, Token

from clearair.extract.linear import LinearReader
from clearair.extract.parties import KIN_IS, PartyDraft, is_own_post, is_unplaced, writers_own_posts
from clearair.extract.reading import Reading

#: Noun phrases headed by these are never a person the letter is about (the writer, or no one in particular).
_NOT_A_PERSON = frozenset({"i", "me", "we", "us", "you", "it", "they", "them", "he", "him", "she", "her", "this",
                           "that", "what", "who", "which", "myself", "themselves", "something", "anything",
                           "everything", "nothing", "someone", "anyone", "one", "mine", "yours", "ours", "those",
                           "these"})
#: Head nouns that never name a person ("the most professional way to deal with her", "the whole situation"): the
#: role reader, trained on people, would otherwise read one of them as a peer when nothing else in the letter is.
_NOT_A_PERSON_HEAD = frozenset({"way", "thing", "time", "situation", "problem", "issue", "matter", "question",
                                "advice", "idea", "day", "week", "month", "year", "lot", "point", "reason", "fact",
                                "part", "kind", "sort", "stuff", "manner", "approach", "option", "step", "chance",
                                "moment", "job", "work", "place", "email", "message", "meeting", "shift",
                                # an organisation or a thing the parse once took for someone ("I work for a nonprofit
                                # that helps families": the nonprofit is no peer)
                                "nonprofit", "charity", "chain", "batch", "referendum", "morale", "exception", "level",
                                "circle", "policy", "rota", "schedule", "pandemic", "covid", "project"})
#: Parts of speech whose words describe a phrase through its relative clause, attached phrase or modifier.
_CLAUSE_POS = frozenset({"VERB", "NOUN", "ADJ", "PRON", "ADP"})
_PREP_POS = frozenset({"NOUN", "PRON", "ADJ", "DET", "PROPN"})
_WHO = frozenset({"who", "whom", "whose"})


@dataclass
class Candidate:
    """A noun phrase that could be the other side, and the party the phrase list found there (if any)."""

    start: int
    end: int
    text: str
    features: dict[str, float]
    head: str = ""  # the lemma of the phrase's head noun
    #: the phrase names a person by its own grammar: a party the extractor found, a name, or "who ..." after it
    person: bool = False
    key: str | None = None  # the extractor's party at these words
    role: str | None = None  # that party's role
    #: a person the extractor found by name alone, line unknown ("Kofi told me…"): read as a new phrase is, and
    #: given the line a new phrase would get if chosen
    unplaced: str | None = None
    #: a name said just after "my son", "my own daughter", "my husband": one of the writer's own family
    named_kin: bool = False

    def may_be_someone(self, people: frozenset[str]) -> bool:
        """Whether the phrase can be the other side: a person by its grammar, or headed by a noun that named
        a person in the letters the readers were trained on ("lunch" and "workplace" never do)."""
        return self.person or self.head in people

    def writers_own_family(self) -> bool:
        """"My daughter", "our son", found by no rule and doing nothing to the writer: family the letter tells
        of (a teacher's daughter the other girls turned on), not the other side at work."""
        kin = self.head in WRITERS_KIN and bool({"poss:my", "poss:our"} & self.features.keys())
        return self.key is None and self.unplaced is None and (kin or self.named_kin) and "acts_on_me:0" in self.features


#: The writer's own family just before a name: "my own son Leo", "my husband, Dave,".
MY_KIN_BEFORE = re.compile(r"\b(?:my|our)\s+(?:own\s+)?(?:son|daughter|husband|wife|mother|father|mum|mom|dad|sister|"
                           r"brother|child|kid|stepson|stepdaughter|grandson|granddaughter|boyfriend|girlfriend|"
                           r"fianc[eé]e?)\W*$", re.IGNORECASE)
#: Words that put the writer's family at work with them: then a son or a daughter may well be the other side.
_FAMILY_AT_WORK = re.compile(r"\b(?:works?|working|worked) (?:for|with|under) (?:me|us)\b|\bfamily (?:business|firm|"
                             r"shop|farm|restaurant|company)\b|\bour (?:business|shop|firm|company|farm|restaurant)\b",
                             re.IGNORECASE)
#: Words for the writer's own family, said with "my" or "our".
WRITERS_KIN = frozenset({"daughter", "son", "husband", "wife", "mother", "father", "mum", "mom", "dad", "sister",
                         "brother", "child", "kid", "stepson", "stepdaughter", "grandson", "granddaughter", "fiancé",
                         "fiance", "fiancée", "fiancee", "boyfriend", "girlfriend", "parent"})


@dataclass(frozen=True)
class PhraseReaders:
    """The two readers, the nouns that named people in their training letters, and the two bars ``make train``
    chose from cross-validation: below ``floor`` the other-side reader is unsure and the chooser decides; below
    ``role_bar`` the role reader is unsure of a new phrase's role and the person is named by the phrase alone."""

    who: LinearReader
    role_of: LinearReader
    people: frozenset[str]
    floor: float = 0.0
    role_bar: float = 0.0


@dataclass
class PhraseChoice:
    """The phrase the readers chose, how sure the other-side reader is, and (for a phrase that is not a party
    the extractor found) the role reader's role and confidence."""

    phrase: Candidate
    p: float
    role: str | None = None
    role_p: float = 0.0


#: How close two known people's phrases must be for the chooser's clues to break the tie between them.
NEAR_TIE = 0.05


def choose_phrase(phrases: list[Candidate], readers: PhraseReaders,
                  party_scores: dict[str, float] | None = None) -> PhraseChoice | None:
    """The phrase most likely to be the other side among those that may be someone (None if there is none).
    When phrases of two parties the extractor found come within ``NEAR_TIE``, the party the chooser scores higher
    (``party_scores``: what each does to the writer, how often they are named...) wins: of "two principals, Mrs A
    and Mr S", the one named first read a shade likelier than the one who took the writer's classes away."""
    found = [c for c in phrases if c.may_be_someone(readers.people) and not c.writers_own_family()]
    if not found:
        return None
    yes = readers.who.classes.index(True)
    scores = [float(readers.who.proba(c.features)[yes]) for c in found]
    i = int(np.argmax(scores))
    if party_scores and found[i].key is not None:
        near = {j: party_scores[key] for j, c in enumerate(found)
                if (key := c.key) is not None and key in party_scores and scores[j] >= scores[i] - NEAR_TIE}
        if near:
            i = max(near, key=lambda j: (near[j], scores[j]))
    choice = PhraseChoice(found[i], scores[i])
    if found[i].key is None:
        p = readers.role_of.proba(found[i].features)
        j = int(p.argmax())
        choice.role, choice.role_p = str(readers.role_of.classes[j]), float(p[j])
    return choice


#: Roles that put the person above or below the writer: the advice turns on them (over your boss's head,
#: performance management), so a new phrase gets one only when the role reader is sure.
LINE_ROLES = frozenset({"manager", "skip_level", "direct_report"})


def new_party_role(choice: PhraseChoice, role_bar: float, is_manager: bool) -> str:
    """The role of a person the extractor did not know: the role reader's, except that a line role (``LINE_ROLES``)
    needs the reader's confidence to reach ``role_bar`` (where cross-validation found such roles right three
    times in four) and a direct report needs a writer who manages people; otherwise "other": the line is not
    known, and the person is named by the phrase. A wrong "your manager" turns the advice against the wrong
    line; a wrong "peer" for someone who runs the writer's shift sends the writer to that person's own
    manager... who may be them (the safety floor routes serious conduct by someone of unknown line around
    the writer's manager)."""
    if choice.role is None:
        return "other"
    if choice.role not in LINE_ROLES or (choice.role_p >= role_bar and (choice.role != "direct_report" or is_manager)):
        return choice.role
    return "other"


def phrase_features(chunk: Span, known_role: str | None, is_manager: bool, sentence_index: int,
                    times_named: int) -> dict[str, float]:
    """What both readers see of one phrase: its words, its place in the sentence and the letter."""
    root = chunk.root
    f = {f"h:{root.lemma_.lower()}": 1.0}
    for child in root.children:
        if child.dep_ == "poss":
            f[f"poss:{child.lower_}"] = 1.0
        elif child.dep_ == "det":
            f[f"det:{child.lower_}"] = 1.0
        elif child.dep_ in ("amod", "compound", "nummod"):
            f[f"mod:{child.lemma_.lower()}"] = 1.0
        elif child.dep_ in ("relcl", "acl"):
            prefix = "rel" if child.dep_ == "relcl" else "acl"
            for t in child.subtree:
                if t.pos_ in _CLAUSE_POS:
                    f[f"{prefix}:{t.lemma_.lower()}"] = 1.0
        elif child.dep_ == "prep":
            for t in child.subtree:
                if t.pos_ in _PREP_POS:
                    f[f"prep:{child.lower_}_{t.lemma_.lower()}"] = 1.0
    f[f"dep:{root.dep_}"] = 1.0
    f[f"{root.dep_}_of:{root.head.lemma_.lower()}"] = 1.0
    if root.dep_ == "pobj":
        f[f"pobj_of:{root.head.head.lemma_.lower()}_{root.head.lower_}"] = 1.0
    if any(t.ent_type_ == "PERSON" for t in chunk):
        f["ent:person"] = 1.0
    role = known_role or "none"
    f[f"xrole:{role}"] = 1.0
    f[f"xrole:{role}&mgr={int(is_manager)}"] = 1.0
    f["mgr"] = float(is_manager)
    f[f"sent:{min(sentence_index, 3)}"] = 1.0
    f[f"count:{times_named if times_named < 3 else '3+'}"] = 1.0
    if root.tag_ in ("NNS", "NNPS"):
        f["plural"] = 1.0
    return f


#: A party clue counted this often is marked apart from one counted once (acted twice, named in two angry sentences).
_CLUE_TWICE = frozenset({"acted", "anger_near", "harm_theme_near", "acts_on_writer"})


def party_clue_features(clues: dict[str, float]) -> dict[str, float]:
    """What the chooser knows of the party a phrase names (``counterpart.party_clues``), as the readers' features:
    the phrase alone cannot see that its party acted against the writer three sentences on, or that the
    writer's anger is aimed at them. With these, 5-fold role accuracy on the library rose 76.5 -> 77.2 %."""
    f = {f"pc:{name}": 1.0 for name, value in clues.items() if value > 0}
    f.update({f"pc:{name}:2": 1.0 for name, value in clues.items() if name in _CLUE_TWICE and value >= 2})
    return f


def candidates(reading: Reading, drafts: dict[str, PartyDraft], is_manager: bool,
               clues: dict[str, dict[str, float]] | None = None) -> list[Candidate]:
    """Every noun phrase headed by a noun or a name, with what the readers see of it; ``clues``: the chooser's
    clues of each party (``counterpart.party_clues``), added to the phrases that name that party."""
    doc = cast(Doc, reading.doc)
    chunks = [c for c in doc.noun_chunks
              if c.root.lower_ not in _NOT_A_PERSON and c.root.pos_ in ("NOUN", "PROPN") and not _says_what_is_not(c)
              and not (c.root.pos_ == "NOUN" and c.root.lemma_.lower() in _NOT_A_PERSON_HEAD)
              and not shared_boss(c.root) and not _shared_workplace(c.root)
              and any(ch.isalpha() for ch in c.root.text)]  # a dash the parser made a noun names nobody
    chunks += _names_outside_chunks(doc, chunks)
    chunks += _parties_outside_chunks(doc, chunks, drafts)
    if not chunks:
        return []
    counts = Counter(c.root.lemma_.lower() for c in chunks)
    sentence_of = {s.start: i for i, s in enumerate(doc.sents)}
    known = [(m.start, m.end, d.key, d.role) for d in drafts.values() for m in d.mentions]
    acted_on: Counter[str] = Counter(key for i, key in reading.token_party.items() if acts_on_writer(doc[i]))
    out = []
    own_posts = writers_own_posts(reading.text)
    for c in chunks:
        if _said_of_a_known_party(c, known) or KIN_IS.search(reading.text[max(0, c.start_char - 60):c.start_char]) \
                or is_own_post(c.text, own_posts):
            continue  # ("My husband is the youth pastor": his post, not someone else; "the charge nurse" the writer is)
        start, end = c.start_char, c.end_char
        if c[0].is_punct and len(c) > 1:  # "(the lead": the phrase, not the bracket before it
            start = c[1].idx
        root_start, root_end = c.root.idx, c.root.idx + len(c.root.text)
        # The party named by the phrase's head, not one whose pronoun it contains ("her twenties").
        party = next((k for k in known if k[0] < root_end and root_start < k[1]), None) or _said_to_be(c, known) \
            or _named_again(c, known, reading.text) or _name_of_a_party(c, reading, drafts)
        unplaced = None
        if party is not None and is_unplaced(party[2]):
            unplaced, party = party[2], None
        features = phrase_features(c, party[3] if party else None, is_manager, sentence_of[c.root.sent.start],
                                   counts[c.root.lemma_.lower()])
        # a person found by name alone ("One of the senior designers, Marcus,") is read with what they did too
        owner = party[2] if party else unplaced
        acts = acted_on[owner] if owner else int(acts_on_writer(c.root))
        features[f"acts_on_me:{min(acts, 2)}"] = 1.0
        if owner is not None and clues and owner in clues:
            features.update(party_clue_features(clues[owner]))
        person = owner is not None or "ent:person" in features or any(
            child.dep_ == "relcl" and any(t.lower_ in _WHO for t in child.subtree) for child in c.root.children)
        named_kin = c.root.pos_ == "PROPN" and bool(MY_KIN_BEFORE.search(reading.text[max(0, start - 30):start])) \
            and not _FAMILY_AT_WORK.search(reading.text)
        out.append(Candidate(start, end, reading.original[start:end], features, head=c.root.lemma_.lower(),
                             person=person, key=party[2] if party else None, role=party[3] if party else None,
                             unplaced=unplaced, named_kin=named_kin))
    return out


def _name_of_a_party(chunk: Span, reading: Reading, drafts: dict[str, PartyDraft]) -> tuple[int, int, str, str] | None:
    """A name the extractor gave to a party, said again ("Lorna manages me … Last week Lorna shouted at me"): that
    party, not a new one (the rebuilt phrase readers had made the second "Lorna" a colleague of her own)."""
    if chunk.root.pos_ != "PROPN":
        return None
    key = reading.token_party.get(chunk.root.i) or next(
        (d.key for d in drafts.values() if chunk.text in d.names or any(m.text == chunk.text for m in d.mentions)), None)
    if key is None or key not in drafts:
        return None
    return chunk.start_char, chunk.end_char, key, drafts[key].role


def _names_outside_chunks(doc: Doc, chunks: list) -> list:
    """People's names the parse left out of every noun phrase: in "the stores were down, Tom, who runs the area,
    said…" it hung "Tom" on the verb as a modifier, and the person who walked out was no phrase to read."""
    taken = {t.i for c in chunks for t in c}
    return [e for e in doc.ents if e.label_ == "PERSON" and not any(t.i in taken for t in e)
            and e.root.pos_ == "PROPN"]


def _parties_outside_chunks(doc: Doc, chunks: list, drafts: dict[str, PartyDraft]) -> list:
    """The phrases of parties the extractor found that the parse left out of every noun phrase: it hung "woman" of
    "A woman I work with (we share an office) talks on speakerphone" on the verb as an unlabelled dependent, and the
    one person the letter is about was no phrase to read (a customer met once on a call was read instead)."""
    taken = {t.i for c in chunks for t in c}
    out = []
    for d in drafts.values():
        for m in d.mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None or span.root.pos_ not in ("NOUN", "PROPN") or span.root.i in taken:
                continue
            taken.update(t.i for t in span)
            out.append(span)
    return out


#: Verbs whose subject does something to the writer that is not about harm, or says nothing of the subject.
_NEUTRAL_TO_ME = frozenset({"be", "have", "seem", "look", "sound", "know", "think", "like", "love", "help", "thank",
                            "pay", "hire", "meet", "see", "work", "come", "sign", "join", "train", "teach",
                            # on the writer's side: "she'd back me up", "he stood up for me"
                            "back", "support", "defend", "protect", "reassure", "encourage", "praise", "comfort",
                            "believe", "stand", "agree", "promise", "offer", "invite", "congratulate", "assure"})


#: Prepositions that aim an act at someone ("shouted at me", "took it from me"); not "near me", "with me".
_AT_SOMEONE = frozenset({"at", "to", "about", "against", "over", "behind", "on", "into", "from", "in", "for", "off"})


def acts_on_writer(token: Token) -> bool:
    """Whether the word is the subject of at least one verb done to the writer (``acts_done_to_writer``)."""
    return acts_done_to_writer(token) > 0


def acts_done_to_writer(token: Token) -> int:
    """The word is the subject of a verb done to the writer ("he kept pushing me", "she never replied to me",
    "my director removed my name"): across the letter, the person the letter is about acts on its writer
    more than a witness or someone merely told does."""
    # "a freelancer who is so cold and dismissive toward me": the person's own relative clause
    own_clause = next((c for c in token.children if c.dep_ == "relcl" and any(
        g.dep_ == "nsubj" and g.lower_ in ("who", "that") for g in c.children)), None)
    if token.dep_ not in ("nsubj", "agent") and not _has_read_as_passive(token) and own_clause is None:
        return 0
    verb = own_clause if own_clause is not None and token.dep_ not in ("nsubj", "agent") else \
        token.head if token.dep_ != "agent" else token.head.head
    verbs = [verb] + [c for c in verb.children if c.dep_ == "xcomp"]  # "kept pushing me"
    # "she moved me onto nights, turned down my leave and told me…": the verbs joined to the first share its subject
    joined = verb
    while (nxt := next((c for c in joined.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")
                        and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)), None)) is not None:
        verbs.append(nxt)
        joined = nxt
    return sum(_done_to_writer(v) for v in verbs
               if (v.lemma_.lower() not in _NEUTRAL_TO_ME or _hostile_to_writer(v)) and not _says_support(v))


#: Verbs of saying, whose content decides whether what was said was done to the writer or for them.
_SAYING = frozenset({"tell", "say", "assure", "text", "message", "email", "write"})


def _says_support(verb: Token) -> bool:
    """ "She's told me she'd back me up": words said to the writer that take their side are nothing done to them."""
    return verb.lemma_.lower() in _SAYING and any(
        c.dep_ == "ccomp" and c.lemma_.lower() in _NEUTRAL_TO_ME - {"be", "have"} for c in verb.children)


def _has_read_as_passive(token: Token) -> bool:
    """ "He's given me the worst shifts", "she's said to me": the small parser reads "'s" as "is", and the
    subject as a passive one; it is "has", and the subject did it."""
    return token.dep_ == "nsubjpass" and any(c.dep_ == "auxpass" and c.lower_ in ("'s", "\u2019s")
                                             for c in token.head.children)


def _done_to_writer(verb: Token) -> bool:
    if verb.lemma_.lower() == "play" and any(c.dep_ == "dobj" and c.lower_ in _FAVOURITES for c in verb.children):
        return True  # "my manager plays favourites with Kelly": the unfairness falls on the writer
    for child in verb.children:
        if child.dep_ in ("dobj", "dative") and child.lower_ in ("me", "us"):
            return True
        if child.dep_ == "dobj" and any(g.dep_ == "poss" and g.lower_ == "my" for g in child.children):
            return True
        if child.dep_ == "dobj" and any(g.dep_ == "relcl" and any(
                w.dep_ == "nsubj" and w.lower_ == "i" for w in g.children) for g in child.children):
            return True  # "cut the lashing gear I'd just set up": the writer's work
        if child.dep_ == "prep" and child.lower_ in _AT_SOMEONE and any(g.dep_ == "pobj" and (g.lower_ in ("me", "us") or any(
                h.dep_ == "poss" and h.lower_ == "my" for h in g.children)) for g in child.children):
            return True  # "at me", "in my spot"
    return _hostile_to_writer(verb)


def _hostile_to_writer(verb: Token) -> bool:
    """ "she is so cold and dismissive toward me", "he's rude to us": how someone is to the writer."""
    return any(child.dep_ == "acomp" and any(
        a.lemma_.lower() in _HOSTILE_TO and any(_to_the_writer(p) for b in (child, a) for p in b.children)
        for a in [child, *(c for c in child.children if c.dep_ == "conj")]) for child in verb.children)


def _to_the_writer(prep: Token) -> bool:
    """ "to me", "toward us": a preposition whose object is the writer."""
    return prep.dep_ == "prep" and prep.lower_ in ("to", "toward", "towards", "with") \
        and any(g.dep_ == "pobj" and g.lower_ in ("me", "us") for g in prep.children)


#: How someone is to the writer, said of them ("he is rude to me", "she's cold and dismissive toward me").
_HOSTILE_TO = frozenset({"rude", "cold", "dismissive", "hostile", "nasty", "mean", "condescending", "curt", "abrupt",
                         "aggressive", "horrible", "awful", "short", "snappy", "patronising", "patronizing", "unkind",
                         "cruel", "vicious", "spiteful", "frosty", "icy", "sarcastic", "belittling", "abusive"})


#: What a boss who treats people unequally is said to play.
_FAVOURITES = frozenset({"favourites", "favorites", "favourite", "favorite", "favouritism", "favoritism"})


#: Verbs that give the writer a title ("I was made", "I became", "I got promoted to").
_MADE = frozenset({"make", "name", "appoint", "elect", "become", "promote"})


#: Nouns that, with "the same", name the place two people share ("we work for the same employer"), not a person.
_WORKPLACES = frozenset({"employer", "company", "firm", "organisation", "organization", "business", "place",
                         "school", "hospital", "office", "department", "team", "store", "shop"})


def _shared_workplace(root: Token) -> bool:
    """ "My friend and I work for the same employer": a place two people share, never the other side (a panel
    found it read as the writer's manager)."""
    return root.lemma_.lower() in _WORKPLACES and any(c.lower_ == "same" for c in root.children)


#: Parts of a term of work: "the second year of the postdoc", "the rest of my contract".
_PARTS_OF_A_TERM = frozenset({"year", "month", "week", "end", "start", "beginning", "rest", "remainder", "middle",
                              "half", "term", "length", "duration"})


#: How long into a post: "a month into the job", "two weeks into my new role".
_SPANS_OF_TIME = frozenset({"day", "week", "month", "year", "hour", "two", "three", "few", "couple"})


#: Verbs of a handover: "take report", "give report", "get report" (nurses' words for the shift handover).
_HANDOVER = frozenset({"take", "give", "get", "receive", "hand"})


#: The writer's post named as a role they hold: "I'm new in the role of", "I work in the position of".
_IN_THE_ROLE_OF = re.compile(r"\bI(?:['’]m| am| was| work| worked| started| serve| served)\b[^.?!]{0,30}\bin the "
                             r"(?:role|position|post|job) of\s*$")


def _says_what_is_not(chunk: Span) -> bool:
    """A predicate that names no one present: what the writer says they are ("I'm not a manager", "I am a
    supervisor myself", "I work as a cashier") or what someone is not ("Lee, who is not my manager")."""
    root = chunk.root
    if any(t.lower_ in ("not", "never") for t in chunk.doc[chunk.start:root.i]):
        return True  # "Dr Patel (not my line manager - that is Sue)": an aside that says what someone is not
    up = root
    while up.dep_ in ("pobj", "prep", "compound", "amod", "poss", "appos") and up.head.i != up.i:
        up = up.head  # "I'm the only person in the group": a phrase inside what the writer says they are
    if up is not root and up.dep_ == "attr" and up.head.lemma_ == "be" and any(
            t.dep_ in ("nsubj", "nsubjpass") and t.lower_ in ("i", "we") for t in up.head.children):
        return True
    if root.dep_ == "pobj" and root.head.lower_ == "as" and root.head.head.pos_ in ("VERB", "AUX") and any(
            t.dep_ == "nsubj" and t.lower_ in ("i", "we") for t in root.head.head.children):
        return True  # "I work as a cashier", "we started as interns": the writer's own job
    before = chunk.doc[chunk.start - 1] if chunk.start > 0 else None
    if before is not None and before.lower_ == "as" and before.dep_ in ("mark", "prep") and any(
            t.dep_ == "nsubj" and t.lower_ in ("i", "we") for t in before.head.children):
        return True  # "As the person running the call, I felt…": the writer's own part, however it is parsed
    made = root.head.head if root.dep_ == "pobj" and root.head.lower_ in ("to", "into", "as") else root.head
    if (root.dep_ in ("attr", "oprd") or made is not root.head) and made.lemma_ in _MADE and any(
            t.dep_ in ("nsubj", "nsubjpass") and t.lower_ in ("i", "we") for t in made.children):
        return True  # "I was made shift manager", "I got promoted to team lead": the writer's own new title
    if root.dep_ == "attr" and root.head.lower_ == "being" and not any(
            t.dep_ in ("nsubj", "nsubjpass") for t in root.head.children) and any(
            t.dep_ == "nsubj" and t.lower_ in ("i", "we") for t in root.head.head.children):
        return True  # "I miss being a postdoc", "I love being a nurse": the writer's own job, then or now
    if _IN_THE_ROLE_OF.search(chunk.doc[max(0, chunk.start - 40):chunk.start].text_with_ws[-80:]):
        return True  # "I'm new in the role of help desk manager": the writer's own post
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in _PARTS_OF_A_TERM:
        return True  # "the second year of the postdoc", "the end of my residency": a post held, not a person
    if root.dep_ == "pobj" and root.head.lower_ == "into" and (
            root.head.head.lemma_.lower() in _SPANS_OF_TIME or root.head.head.like_num):
        return True  # "A month or two into a new postdoc", "three weeks into the job": a post begun, not a person
    if root.lemma_.lower() == "report" and root.dep_ in ("dobj", "pobj") and not any(
            t.dep_ in ("det", "poss", "nummod", "amod") for t in root.children) and (
            root.head.lemma_ in _HANDOVER or root.head.head.lemma_ in _HANDOVER):
        return True  # "I take report from her", "giving report to the night nurse": a nurses' handover, no one
    if root.dep_ != "attr" or root.head.lemma_ != "be":
        return False
    verb = root.head
    if any(t.dep_ == "nsubj" and (t.lower_ in ("nobody", "neither", "none") or t.lower_ == "one" and any(
            c.lower_ == "no" for c in t.children)) for t in verb.children):
        return True  # "no one is the boss of the other": a title nobody holds
    return not _true_now(verb) or any(t.dep_ in ("nsubj", "nsubjpass") and _the_writer_among(t) for t in verb.children)


def _the_writer_among(subject: Token) -> bool:
    """The subject is the writer, or names the writer with someone: "I", "we", "A friend and I" ("A friend and I
    are both nurses": what they both are, not a third person)."""
    return subject.lower_ in ("i", "we") or any(c.dep_ == "conj" and c.lower_ in ("i", "me") for c in subject.children)


def shared_boss(root: Token) -> bool:
    """The boss named to place the writer and someone side by side ("we both report to the same director",
    "she and I answer to the same VP"): that phrase is not the one the letter is about (the boss's other
    mentions stay candidates: "Maria yells at us both")."""
    if root.dep_ != "pobj" or root.head.lower_ != "to" or root.head.head.lemma_.lower() not in ("report", "answer"):
        return False
    verb = root.head.head
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects and verb.dep_ == "conj":  # "we're at the same level and both report to..."
        subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
    # The two of them: "we", "both", "she and I".
    us = [s for s in subjects if s.lower_ in ("we", "both", "all") or any(
        c.dep_ == "conj" and c.lower_ in ("i", "me") for c in s.children)]
    both = any(w.lower_ in ("both", "all") for w in verb.children) or any(
        w.lower_ in ("both", "all") for s in us for w in s.subtree)
    return bool(us) and (both or any(c.lower_ == "same" for c in root.children))


#: "who is no longer my manager", "who is formerly ...": someone who is not that party now.
_NOT_NOW = frozenset({"longer", "formerly", "once", "previously", "anymore"})


def _said_of_a_known_party(chunk: Span, known: list[tuple[int, int, str, str]]) -> bool:
    """ "My boss is a 37-year-old woman", "my manager is a kind, patient woman who has always backed me": what a
    known party is said to be describes them; it is not someone new who could be the other side (as a phrase of
    its own it outscored the boss, and as the boss's phrase it made a praised manager the other side)."""
    verb = chunk.root.head
    if chunk.root.dep_ != "attr" or verb.lemma_ != "be" or not _true_now(verb) or any(t.tag_ == "MD" for t in verb.children):
        return False  # not "the customer must be a man"
    return any(k[0] <= subject.idx < k[1] for subject in verb.children if subject.dep_ == "nsubj" and subject.pos_ != "PRON"
               for k in known)  # not "she's a nightmare"


def _true_now(verb: Token) -> bool:
    """The copula is not negated and not marked as past ("is not", "is no longer", "is formerly")."""
    return not any(t.dep_ == "neg" or t.lower_ in _NOT_NOW for t in verb.children)


def _said_to_be(chunk: Span, known: list[tuple[int, int, str, str]]) -> tuple[int, int, str, str] | None:
    """The party a phrase is said to be by its own grammar: "one partner, who is also the person I report
    to" (a relative clause with "is", not "was" or "is not"), "Dana, my supervisor," or "an employee, a receptionist," (an apposition either way), when
    the extractor found a party in those words; None otherwise."""
    for child in chunk.root.children:
        if child.dep_ == "appos":
            said: Token | None = child
        elif child.dep_ == "relcl" and child.lemma_ == "be" and child.tag_ in ("VBZ", "VBP") and _true_now(child):
            said = next((t for t in child.children if t.dep_ == "attr"), None)
        else:
            said = None
        if said is None:
            continue
        start, end = said.idx, said.idx + len(said.text)
        party = next((k for k in known if k[0] < end and start < k[1]), None)
        if party is not None:
            return party
    bracket = chunk.start if chunk[0].text == "(" else chunk.start - 1
    if bracket > 0 and chunk.doc[bracket].text == "(":  # "Mike (the lead, who runs the stock room)": said of Mike
        named = chunk.doc[bracket - 1]
        party = next((k for k in known if k[0] <= named.idx < k[1]), None)
        if party is not None:
            return party
    if chunk.root.dep_ == "appos":  # "we fired an employee, a receptionist,": the same person said again
        head = chunk.root.head
        return next((k for k in known if k[0] <= head.idx < k[1]), None)
    return None


def _named_again(chunk: Span, known: list[tuple[int, int, str, str]], text: str) -> tuple[int, int, str, str] | None:
    """The party a phrase brings in, named again later by its head noun alone: "we got a new shop foreman … the
    foreman talks his way out of every write-up" is one person (the phrase had become a second party, outside the
    writer's lines, and was chosen over the foreman the extractor knew as the writer's boss). A bare plural is the
    group named with "the" elsewhere in the letter ("parents text me first … the parents ignored it")."""
    head = chunk.root.lower_
    if len(chunk) == 1 and chunk.root.tag_ == "NNS":  # "parents send a text … the parents": the same people
        said = [k for k in known if text[k[0]:k[1]].lower() in (f"the {head}", f"our {head}", f"my {head}")]
        return said[0] if len({k[2] for k in said}) == 1 else None
    if chunk[0].lower_ not in ("a", "an") or len(chunk) < 3:
        return None
    later = [k for k in known if k[0] >= chunk.end_char and text[k[0]:k[1]].lower() == f"the {head}"]
    return later[0] if len({k[2] for k in later}) == 1 else None


#: A head noun is a person's when its phrase named a person by its grammar in at least this many letters and
#: in at least this share of its phrases: "work" in "the people at work" or a place the parser took for a name
#: does once in a while, "colleague" does almost always.
PERSON_LETTERS = 2
PERSON_SHARE = 0.1


def people_nouns(letters: list[list[Candidate]]) -> frozenset[str]:
    """The head nouns that named a person by their grammar in these letters ("the accountant who ..."): at
    run time, a phrase headed by one of them may be someone even where its grammar does not say so."""
    seen: Counter[str] = Counter()
    person: Counter[str] = Counter()
    letters_with: Counter[str] = Counter()
    for phrases in letters:
        for c in phrases:
            seen[c.head] += 1
            person[c.head] += c.person
        letters_with.update({c.head for c in phrases if c.person})
    return frozenset(h for h, n in letters_with.items()
                     if n >= PERSON_LETTERS and person[h] / seen[h] >= PERSON_SHARE)


def marked(candidate: Candidate, span: tuple[int, int]) -> bool:
    """Training label: the phrase lies within the span an annotator marked as the other side."""
    return candidate.start >= span[0] - 1 and candidate.end <= span[1] + 1
