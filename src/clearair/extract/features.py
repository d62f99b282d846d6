"""Features a learned reader sees: the writer's words and what the rules found.

Shared by training (``clearair.train``) and reading (``assess.readers``), so a
model is always applied to features made exactly as it was trained on.
Words are lower-case lemmas (uni- and bigrams) of the writer's own text, with
replies masked; each sentence keeps its own set so a reader can say which
sentence moved it most (its evidence).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from clearair.extract.lexicon import Hit
from clearair.models import Evidence, Signal, Situation

#: Party roles the factor schema folds into "other" (its ``counterpart_role`` has no HR or peer's manager).
FACTOR_ROLE = {"peers_manager": "other", "hr": "other"}


def as_factor_role(role: str) -> str:
    return FACTOR_ROLE.get(role, role)


@dataclass
class Sentence:
    start: int
    end: int
    grams: frozenset[str]
    #: The grams as columns of the readers' shared vocabulary (``extract.linear``), once looked up.
    columns: tuple[int, Any] | None = field(default=None, repr=False, compare=False)


#: Words that deny what follows them in the clause ("no threats", "nothing physical", "never touched me").
_NEGATORS = frozenset({"n't", "not", "never", "no", "nothing", "nobody", "none", "neither", "nor", "without"})
#: Words that end a denial's reach: "he never touched me, but he threatens me" still threatens;
#: "he didn't apologise and he keeps doing it" still keeps doing it.
_SCOPE_ENDS = frozenset({"but", "yet", "although", "though", "however", "except", "until", "because", "so", "and",
                         "or"})
#: The negators read as the word "not" (the others keep their own lemma).
_NOT = frozenset({"n't", "not", "never", "no"})
#: How many words after a negator it denies at most ("he didn't apologise and he keeps doing it").
NEGATION_REACH = 3


def _marked_tokens(span) -> list[tuple[str, bool]]:
    """The span's words as (lemma, denied); the negators not, n't, never and no are read as "not" (nothing,
    nobody, none, neither, nor and without keep their own lemma, and deny all the same). A word is denied from
    a negator to the next punctuation or contrast word, the scope used for negation since NegEx (Chapman et
    al., 2001), so a reader does not take "no threats" for threats."""
    out: list[tuple[str, bool]] = []
    reach = 0  # how many more words the last negator denies
    for t in span:
        if t.is_space:
            continue
        if t.is_punct or t.lower_ in _SCOPE_ENDS:
            reach = 0
            if t.is_punct:
                continue
        w = t.lemma_.lower() if t.is_alpha else ("#" if t.like_num else "")
        if w == "threaten" and _threat_to_leave(t):
            w = "quitwarn"  # "a few have threatened to quit" menaces no one: not the lemma threats are read by
        if t.lower_ in _NEGATORS:
            out.append(("not" if t.lower_ in _NOT else w, False))
            reach = NEGATION_REACH
            continue
        if w:
            out.append((w, reach > 0))
            reach = max(reach - 1, 0)
    return out


#: What someone threatens to do that harms no one but the work: "threatened to quit", "threatening to walk out".
_LEAVING_VERBS = frozenset({"quit", "resign", "leave", "walk", "go", "transfer", "retire", "move"})


def _threat_to_leave(tok) -> bool:
    doc = tok.doc
    return tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ == "to" and doc[tok.i + 2].lemma_.lower() in _LEAVING_VERBS


_QUOTE_MARKS = frozenset({'"', "\u201c", "\u201d", "'", "\u2018", "\u2019"})
_WRITER = {"i", "we", "me", "us"}
_SUBJECTS = {"nsubj", "nsubjpass"}
_MODALS = {"can", "could", "will", "'ll", "would", "'d", "might", "may", "shall", "better"}
_YOU = {"you", "your", "yourself", "ya"}


def quoted(doc) -> list[bool]:
    """Per token: inside quotes (someone's words, spoken or written), double or single ("He said 'my
    bad'"). A single mark is a quote only where the tagger reads it as one (not "the teachers' room");
    a line break closes an unbalanced quote, so one stray mark cannot swallow the rest of the letter."""
    inside, out = False, []
    for t in doc:
        if "\n" in t.text:
            inside = False
        if t.text not in _QUOTE_MARKS or t.tag_ == "POS":
            out.append(inside)
            continue
        if t.text in ("\u201c", "\u2018"):
            inside = True
        elif t.text == "\u201d":
            inside = False
        elif t.text == '"':
            inside = not inside
        else:  # ' and \u2019: the tagger tells an opening mark from a closing one
            inside = t.tag_ == "``"
        out.append(False)
    return out


def verb_subject(verb):
    """The verb's subject token, or that of the verb it is joined to ("I snapped and walked out")."""
    while verb is not None:
        subj = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
        if subj is not None:
            return subj
        verb = verb.head if verb.dep_ == "conj" and verb.head is not verb else None
    return None


def agent_grams(sent, in_quotes: list[bool]) -> set[str]:
    """Who did what in the sentence: each verb with its subject's person, as the writer tells it.
    "I snapped at her" gives ``a:me:snap``; "she never replied" ``a:they:not reply``; "I should have
    asked" ``a:me:should_have``; "I wasn't named" ``a:to_me:not name`` (done to the writer). Words inside quotes are someone's speech: their "I" is the speaker
    (``a:q:...``), so a director's quoted "my bad" is never the writer's admission; quoted words about
    what can or will happen to "you" ("I can make the next months very long for you") are marked too,
    for the readers to weigh (a warning, a promise or a threat)."""
    out = set()
    for t in sent:
        if t.pos_ not in ("VERB", "AUX") or t.dep_ in ("aux", "auxpass"):
            continue
        subj = verb_subject(t)
        if subj is None:
            continue
        low = subj.lower_
        who = "q" if in_quotes[t.i] else "me" if low in _WRITER else "you" if low == "you" else "they"
        if subj.dep_ == "nsubjpass" and who != "q":  # "I wasn't named", "he was moved": done to them, not by them
            who = f"to_{who}"
        kids = list(t.children)
        neg = "not " if any(c.dep_ == "neg" for c in kids) else ""
        out.add(f"a:{who}:{neg}{t.lemma_.lower()}")
        if who == "q" and any(c.lower_ in _MODALS for c in kids) and any(w.lower_ in _YOU for w in t.subtree):
            out.add("a:q:may_do_to_you")  # quoted words about what may happen to the one addressed
        if any(c.lower_ in ("should", "could", "shouldn't", "should've") for c in kids) and \
                any(c.lemma_ == "have" and c.dep_ == "aux" for c in kids):
            out.add(f"a:{who}:should_have")
    return out


def sentences(doc) -> list[Sentence]:
    """Each sentence of the parse with its uni- and bigrams and its agent grams (``agent_grams``),
    as offsets into the analysed text. Kept on the parse: several readers read the same letter."""
    cached = doc.user_data.get(_SENTENCES)
    if cached is None:
        cached = doc.user_data[_SENTENCES] = tuple(_read_sentences(doc))
    return list(cached)


_SENTENCES = "clearair.sentences"


def _read_sentences(doc) -> list[Sentence]:
    out = []
    in_quotes = quoted(doc)
    for sent in doc.sents:
        marked = _marked_tokens(sent)
        toks = [w for w, _ in marked]
        # A denied word is its own feature ("w:not:threat"): "there were no threats" is not a threat.
        grams = {f"w:not:{w}" if denied else f"w:{w}" for w, denied in marked} | \
            {f"b:{a} {b}" for a, b in zip(toks, toks[1:])}
        if grams:
            out.append(Sentence(sent.start_char, sent.end_char, frozenset(grams | agent_grams(sent, in_quotes))))
    return out


def rule_findings(situation: Situation, signals: list[Signal]) -> tuple[dict[str, float], dict[str, list[Evidence]]]:
    """What the hand-written rules found, as named features ("rule:role=peer", "sig:public_exposure"),
    and where each came from in the text (the first evidence), to point at when it moved a reader."""
    f: dict[str, float] = {}
    ev: dict[str, list[Evidence]] = {}

    def add(key: str, value: float = 1.0, evidence: list[Evidence] | None = None) -> None:
        f[key] = max(f.get(key, 0.0), value)
        if evidence is not None:
            ev.setdefault(key, evidence[:1])

    cp = situation.party(situation.counterpart)
    if cp is not None:
        add(f"rule:role={as_factor_role(cp.role)}", evidence=cp.evidence)
    else:
        add("rule:role=none")
    for p in situation.parties:
        if p.mentions:  # a party known only by its role was read, not named: not a rule finding
            add(f"rule:has={as_factor_role(p.role)}")
    add("rule:narrator_manager", float(situation.narrator.is_manager), situation.narrator.evidence)
    add("rule:leaving", float(situation.narrator.leaving_soon))
    add("rule:pattern", float(situation.pattern.recurring), situation.pattern.evidence)
    for i in situation.incidents:
        add(f"rule:act={i.act}", evidence=i.evidence)
        add(f"rule:audience={i.audience.kind}", evidence=i.evidence)
        add(f"rule:channel={i.channel}")
        if i.actor == "narrator":
            add("rule:narrator_acted")
    for group in ("attempts", "responses", "constraints", "emotions", "goals", "themes"):
        for cue in getattr(situation, group):
            add(f"rule:{group}={cue.kind}", evidence=cue.evidence)
    for o in situation.options:
        if o.action:
            add(f"rule:option={o.action}")
    for s in signals:
        add(f"sig:{s.name}", s.strength, s.evidence)
    return f, ev


def document_features(sents: list[Sentence], rules: dict[str, float], conduct: Iterable[Hit] = (),
                      own_conduct: Iterable[Hit] = (), by_manager: Iterable[Hit] = ()) -> dict[str, float]:
    """The whole letter's features: every gram present (1.0), the rule features, and one
    feature per kind of serious conduct found (``extract.conduct``, found once by the caller),
    apart for conduct the writer describes doing themselves, and whether the writer's own manager did any of it."""
    f = {g: 1.0 for s in sents for g in s.grams}
    f.update(rules)
    f.update({f"rule:conduct={h.kind}": 1.0 for h in conduct})
    f.update({f"rule:own_conduct={h.kind}": 1.0 for h in own_conduct})
    if any(True for _ in by_manager):
        f["rule:conduct_by_manager"] = 1.0
    return f
