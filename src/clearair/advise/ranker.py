"""The learned ranker: how experts' main advice follows from the letter.

Two models, exported as numbers in ``data/models/ranker.json``:
- the factor ranker, a multinomial logistic regression over the factors the readers
  extract (trained on the readers' out-of-fold readings of the library, so training
  matches use); each action gets the factors that moved it most as reasons;
- the words reader, the same kind of model over the letter's own words and the rules'
  findings, for what a letter says that no factor names; its reason is the writer's
  sentence that pushed the action most.
Their log-probabilities are added to the playbook's score with weights chosen by
cross-validation (``make train``).
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from dataclasses import dataclass, field
from typing import Literal

import numpy as np

from clearair.extract.features import Sentence
from clearair.knowledge.factors import FACTORS
from clearair.models import Evidence, FactorReading, Reason

ARTEFACT = "data/models/ranker.json"
PROBA_FLOOR = 1e-4  # no probability below this: its log stays finite


@cache
def columns() -> tuple[tuple[str, object], ...]:
    """The ranker's inputs: (factor, value) for each choice value, (flag, True) for each flag."""
    out: list[tuple[str, object]] = []
    for name, spec in FACTORS.items():
        out.extend([(name, True)] if spec.kind == "flag" else [(name, v) for v in spec.values])
    return tuple(out)


def vector(values: dict[str, object]) -> np.ndarray:
    return np.array([float(values.get(n, FACTORS[n].default) == v) for n, v in columns()])


@cache
def model() -> dict:
    spec = json.loads(resources.files("clearair").joinpath(ARTEFACT).read_text(encoding="utf-8"))
    if [f"{n}={v}" for n, v in columns()] != spec["columns"]:
        raise ValueError(f"{ARTEFACT} was trained on other factors than knowledge/factors.yaml: run make train")
    spec["W"] = np.array(spec["weights"])
    spec["b"] = np.array(spec["bias"])
    return spec


def log_proba(values: dict[str, object]) -> dict[str, float]:
    m = model()
    z = m["W"] @ vector(values) + m["b"]
    p = np.exp(z - z.max())
    p /= p.sum()
    return {a: float(np.log(max(q, PROBA_FLOOR))) for a, q in zip(m["classes"], p)}


def blend_weights() -> dict[str, float]:
    """How much the playbook, the factor ranker and the words reader each count."""
    blend = model()["blend"]
    return {k: float(v) for k, v in blend.items()}


@dataclass
class WordsReading:
    """What the words reader makes of a letter: each action's log-probability, and what is needed to
    point at the sentence that pushed an action most (found only for the actions given a reason)."""

    log_proba: dict[str, float] = field(default_factory=dict)
    sentences: list[Sentence] = field(default_factory=list)
    features: dict[str, float] = field(default_factory=dict)
    text: str = ""

    def evidence(self, action: str) -> list[Evidence]:
        """The sentence whose own words push ``action`` most, if they push it by at least
        ``WORDS_EVIDENCE_BAR`` (in log-odds over the average action); else none."""
        from clearair.assess.readers import feature_norm

        reader = _words_reader()
        if reader is None or action not in reader.classes:
            return []
        return reader.sentence_for(reader.classes.index(action), self.sentences, self.text, bar=WORDS_EVIDENCE_BAR,
                                   norm=feature_norm(self.features))


@cache
def _words_reader():
    from clearair.extract.linear import LinearReader

    spec = model().get("words")
    return LinearReader(spec) if spec else None


def read_words(sents: list[Sentence], features: dict[str, float], text: str) -> WordsReading:
    """The words reader over the letter's features (``extract.features.document_features``);
    ``text``: the user's input, which evidence offsets point into."""
    from clearair.assess.readers import feature_norm

    reader = _words_reader()
    if reader is None:
        return WordsReading()
    p = reader.proba(features, feature_norm(features))
    lp = {a: float(np.log(max(q, PROBA_FLOOR))) for a, q in zip(reader.classes, p)}
    return WordsReading(lp, sents, features, text)


#: How far above the average action the words reader must put an action before it is named as a reason.
_WORDS_REASON_MARGIN = 1.0
#: How much one sentence's words must push an action on their own (log-odds over the average action)
#: to be shown as why: below it, no single sentence carried the reading, and none is quoted.
WORDS_EVIDENCE_BAR = 0.3


def words_reason(action: str, words: WordsReading, quoted: set[int] | None = None) -> Reason | None:
    """'Letters worded like yours…', with the writer's sentence that pushed the action most; ``quoted``:
    sentences (start offsets) already given as the reason for another action, never reused."""
    if action not in words.log_proba:
        return None
    mean = float(np.mean(list(words.log_proba.values())))
    evidence = words.evidence(action) if words.log_proba[action] - mean >= _WORDS_REASON_MARGIN else []
    if not evidence or (quoted is not None and evidence[0].start in quoted):
        return None
    if quoted is not None:
        quoted.add(evidence[0].start)
    return Reason(text="Experts often gave this advice on letters worded like yours.", effect="raises",
                  signal="words", source="learned", evidence=evidence[:1])


def reasons(action: str, factors: list[FactorReading], n: int = 2) -> list[Reason]:
    """The factors that moved ``action`` most, relative to the other actions, as reasons."""
    m = model()
    if action not in m["classes"]:
        return []
    by = {f.name: f for f in factors}
    x = vector({f.name: f.value for f in factors})
    W = m["W"]
    rel = (W[m["classes"].index(action)] - W.mean(axis=0)) * x
    out: list[Reason] = []
    for j in np.argsort(-np.abs(rel)):
        if abs(rel[j]) < 0.15 or len(out) >= n:
            break
        name, _ = columns()[j]
        f = by.get(name)
        if f is None or (f.value == FACTORS[name].default and not f.evidence):
            continue  # the letter is silent on it ("your manager's stance is not said"): no words to point at
        effect: Literal["raises", "lowers"] = "raises" if rel[j] > 0 else "lowers"
        out.append(Reason(text=f"In letters like yours, experts {'often' if effect == 'raises' else 'seldom'} "
                               f"advised this when: {f.text[0].lower()}{f.text[1:]}",
                          effect=effect, signal=f"factor:{name}", source="learned", evidence=f.evidence[:1]))
    return out


AGAINST = "data/models/against.json"


@cache
def against_model() -> dict | None:
    """Which actions experts warned against, per factor (``make train``); None when not shipped."""
    path = resources.files("clearair").joinpath(AGAINST)
    if not path.is_file():
        return None
    spec = json.loads(path.read_text(encoding="utf-8"))
    if [f"{n}={v}" for n, v in columns()] != spec["columns"]:
        raise ValueError(f"{AGAINST} was trained on other factors than knowledge/factors.yaml: run make train")
    for a in spec["actions"].values():
        a["W"] = np.array(a["weights"])
    return spec


def warned_against(factors: list[FactorReading]) -> dict[str, float]:
    """Actions that experts, in letters like this one, were likely to warn against (probability at or
    over the threshold chosen by cross-validation)."""
    spec = against_model()
    if not spec or spec.get("threshold") is None:
        return {}
    x = vector({f.name: f.value for f in factors})
    out = {}
    for action, a in spec["actions"].items():
        p = float(1 / (1 + np.exp(-(a["W"] @ x + a["bias"]))))
        if p >= spec["threshold"]:
            out[action] = p
    return out


def warning_reason(action: str, factors: list[FactorReading]) -> Reason | None:
    """The factor that most raised the chance an expert warns against ``action``, as a reason."""
    spec = against_model()
    if not spec or action not in spec["actions"]:
        return None
    by = {f.name: f for f in factors}
    contrib = spec["actions"][action]["W"] * vector({f.name: f.value for f in factors})
    j = int(np.argmax(contrib))
    name, _ = columns()[j]
    f = by.get(name)
    if contrib[j] <= 0 or f is None:
        return None
    return Reason(text=f"In letters like yours, experts often warned against this when: {f.text[0].lower()}{f.text[1:]}",
                  effect="lowers", signal=f"factor:{name}", source="learned", evidence=f.evidence[:1])
