"""Features a learned reader sees: the writer's words and what the rules found.

Shared by training (``clearair.train``) and reading (``assess.readers``), so a
model is always applied to features made exactly as it was trained on.
Words are lower-case lemmas (uni- and bigrams) of the writer's own text, with
replies masked; each sentence keeps its own set so a reader can say which
sentence moved it most (its evidence).
"""

from __future__ import annotations

from dataclasses import dataclass

from clearair.models import Evidence, Signal, Situation

#: The factor values the rules can already say, so the learned reader can lean on them.
_RULE_ROLE = {"peers_manager": "other", "hr": "other"}


@dataclass
class Sentence:
    start: int
    end: int
    grams: frozenset[str]


def _tokens(span) -> list[str]:
    out = []
    for t in span:
        if t.is_space or t.is_punct:
            continue
        w = t.lemma_.lower() if t.is_alpha else ("#" if t.like_num else "")
        if t.lower_ in ("n't", "not", "never", "no"):
            w = "not"
        if w:
            out.append(w)
    return out


def sentences(doc) -> list[Sentence]:
    """Each sentence of the parse with its uni- and bigrams (offsets into the analysed text)."""
    out = []
    for sent in doc.sents:
        toks = _tokens(sent)
        grams = {f"w:{w}" for w in toks} | {f"b:{a} {b}" for a, b in zip(toks, toks[1:])}
        if grams:
            out.append(Sentence(sent.start_char, sent.end_char, frozenset(grams)))
    return out


def conduct_features(text: str) -> dict[str, float]:
    """Serious conduct described by what happened (lexicon "conduct"), one feature per kind."""
    from clearair.extract import lexicon

    return {f"rule:conduct={h.kind}": 1.0 for h in lexicon.find("conduct", text)}


def rule_features(situation: Situation, signals: list[Signal]) -> dict[str, float]:
    """What the hand-written rules found, as named features ("rule:role=peer", "sig:public_exposure")."""
    f: dict[str, float] = {}
    cp = situation.party(situation.counterpart)
    if cp is not None:
        f[f"rule:role={_RULE_ROLE.get(cp.role, cp.role)}"] = 1.0
    else:
        f["rule:role=none"] = 1.0
    for p in situation.parties:
        f[f"rule:has={_RULE_ROLE.get(p.role, p.role)}"] = 1.0
    f["rule:narrator_manager"] = float(situation.narrator.is_manager)
    f["rule:leaving"] = float(situation.narrator.leaving_soon)
    f["rule:pattern"] = float(situation.pattern.recurring)
    for i in situation.incidents:
        f[f"rule:act={i.act}"] = 1.0
        f[f"rule:audience={i.audience.kind}"] = 1.0
        f[f"rule:channel={i.channel}"] = 1.0
        if i.actor == "narrator":
            f["rule:narrator_acted"] = 1.0
    for group in ("attempts", "responses", "constraints", "emotions", "goals", "themes"):
        for cue in getattr(situation, group):
            f[f"rule:{group}={cue.kind}"] = 1.0
    for o in situation.options:
        if o.action:
            f[f"rule:option={o.action}"] = 1.0
    for s in signals:
        f[f"sig:{s.name}"] = max(f.get(f"sig:{s.name}", 0.0), s.strength)
    return f


def rule_evidence(situation: Situation, signals: list[Signal]) -> dict[str, list[Evidence]]:
    """Where each rule feature came from in the text, to point at when it moved a reader."""
    ev: dict[str, list[Evidence]] = {}
    cp = situation.party(situation.counterpart)
    if cp is not None:
        ev[f"rule:role={_RULE_ROLE.get(cp.role, cp.role)}"] = cp.evidence[:1]
    ev["rule:narrator_manager"] = situation.narrator.evidence[:1]
    ev["rule:pattern"] = situation.pattern.evidence[:1]
    for i in situation.incidents:
        ev.setdefault(f"rule:act={i.act}", i.evidence[:1])
        ev.setdefault(f"rule:audience={i.audience.kind}", i.evidence[:1])
    for group in ("attempts", "responses", "constraints", "emotions", "goals", "themes"):
        for cue in getattr(situation, group):
            ev.setdefault(f"rule:{group}={cue.kind}", cue.evidence[:1])
    for s in signals:
        ev.setdefault(f"sig:{s.name}", s.evidence[:1])
    return ev


def document_features(sents: list[Sentence], rules: dict[str, float], text: str = "") -> dict[str, float]:
    """The whole letter's features: every gram present (1.0), the rule features and the conduct found."""
    f = {g: 1.0 for s in sents for g in s.grams}
    f.update(rules)
    f.update(conduct_features(text))
    return f
