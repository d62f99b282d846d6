"""Fit the playbook's weights on labelled cases, keeping every rule as it is.

The playbook is a linear model: score(action) = base + sum(weight x rule
activation). Calibration keeps the rules (so every reason stays explainable)
and refits the numbers: a softmax over actions trained on the expert's
primary action (and, more weakly, the actions the expert also advised and
against), with an L2 pull towards the hand-set weights so that rules the
library rarely exercises keep their published-practice value.

Used by ``clearair calibrate``; the result is ``knowledge/calibrated.yaml``.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

import numpy as np

from clearair.knowledge import load
from clearair.models import Signal

ALSO_WEIGHT = 0.3  # how much an "also advised" action counts next to the primary
AGAINST_WEIGHT = 0.3  # how much an "advised against" action is pushed down


@dataclass
class Layout:
    """Parameter vector layout: one base per action, then one weight per rule."""

    actions: list[str]
    slots: list[tuple[str, int | None]]  # (action, rule index or None for the base)
    prior: np.ndarray

    @property
    def is_rule(self) -> np.ndarray:
        return np.array([rule_i is not None for _, rule_i in self.slots])

    @classmethod
    def from_playbook(cls) -> "Layout":
        spec = load("playbook")["actions"]
        slots, prior = [], []
        for action, a in spec.items():
            slots.append((action, None))
            prior.append(float(a["base"]))
            for i, rule in enumerate(a["rules"]):
                slots.append((action, i))
                prior.append(float(rule["weight"]))
        return cls(actions=list(spec), slots=slots, prior=np.array(prior))


def _activations(layout: Layout, signals: list[Signal]) -> tuple[np.ndarray, np.ndarray]:
    """(actions x slots) matrix of rule activations, and a mask of allowed actions."""
    from clearair.advise.playbook import _holds

    spec = load("playbook")["actions"]
    sig = {s.name: s for s in signals}
    x = np.zeros((len(layout.actions), len(layout.slots)))
    allowed = np.ones(len(layout.actions), dtype=bool)
    row = {a: i for i, a in enumerate(layout.actions)}
    for j, (action, rule_i) in enumerate(layout.slots):
        a_spec = spec[action]
        if any(req not in sig for req in a_spec.get("requires", [])):
            allowed[row[action]] = False
        x[row[action], j] = 1.0 if rule_i is None else _holds(a_spec["rules"][rule_i]["when"], sig)
    return x, allowed


def _targets(layout: Layout, primary: str, also: list[str], against: list[str]) -> np.ndarray:
    t = np.zeros(len(layout.actions))
    idx = {a: i for i, a in enumerate(layout.actions)}
    if primary in idx:
        t[idx[primary]] = 1.0
    for a in also:
        if a in idx and a != primary:
            t[idx[a]] += ALSO_WEIGHT
    return t / t.sum() if t.sum() else t


def fit(layout: Layout, data: list[tuple[np.ndarray, np.ndarray, np.ndarray, list[int]]],
        l2: float = 0.03, steps: int = 300, lr: float = 0.1) -> np.ndarray:
    """Projected gradient descent on softmax cross-entropy with an L2 pull to the prior."""
    w = layout.prior.copy()
    n = max(len(data), 1)
    for _ in range(steps):
        grad = l2 * (w - layout.prior)
        for x, allowed, target, against in data:
            z = x @ w
            z = np.where(allowed, z, -1e9)
            p = np.exp(z - z.max())
            p /= p.sum()
            grad += (x.T @ (p - target)) / n
            for k in against:  # push advised-against actions below the others
                if allowed[k]:
                    grad += AGAINST_WEIGHT * p[k] * (x[k] - p @ x) / n
        w -= lr * grad
        # A rule keeps the direction its reason states ("raises" or "lowers"):
        # a weight that would cross zero stops at zero instead.
        w = np.where(layout.is_rule & (np.sign(w) != np.sign(layout.prior)), 0.0, w)
    return w


def prepare(layout: Layout, cases) -> list:
    """Featurise labelled cases (objects with situation and expert_* fields)."""
    from clearair.assess import assess
    from clearair.errors import InputError
    from clearair.extract import extract
    from clearair.intake import build_document

    idx = {a: i for i, a in enumerate(layout.actions)}
    out = []
    for case in cases:
        try:
            signals = assess(extract(build_document(case.situation)))
        except InputError:
            continue
        x, allowed = _activations(layout, signals)
        out.append((x, allowed, _targets(layout, case.expert_primary, case.expert_also, case.expert_against),
                    [idx[a] for a in case.expert_against if a in idx], case.expert_primary))
    return out


def rank(layout: Layout, w: np.ndarray, x: np.ndarray, allowed: np.ndarray) -> list[str]:
    z = np.where(allowed, x @ w, -1e9)
    order = sorted(range(len(layout.actions)), key=lambda i: (-z[i], i))
    return [layout.actions[i] for i in order if allowed[i]]


def cross_validate(layout: Layout, data: list, folds: int = 5, seed: int = 7, **kw) -> dict[str, float]:
    """Held-out top-1/top-3 of the fitted weights, and of the hand weights, by k-fold."""
    order = list(range(len(data)))
    random.Random(seed).shuffle(order)
    hits = {"fit_top1": 0, "fit_top3": 0, "hand_top1": 0, "hand_top3": 0}
    for f in range(folds):
        test = [data[i] for i in order[f::folds]]
        train = [data[i] for i in order if i not in set(order[f::folds])]
        w = fit(layout, [d[:4] for d in train], **kw)
        for x, allowed, _, _, primary in test:
            for name, weights in (("fit", w), ("hand", layout.prior)):
                top = rank(layout, weights, x, allowed)
                hits[f"{name}_top1"] += top[0] == primary
                hits[f"{name}_top3"] += primary in top[:3]
    return {k: round(v / len(data), 3) for k, v in hits.items()}


def to_yaml_data(layout: Layout, w: np.ndarray, meta: dict) -> dict:
    """Fitted numbers in the playbook's shape: action -> base and rule weights."""
    out: dict = {"meta": meta, "actions": {}}
    for (action, rule_i), value in zip(layout.slots, w):
        entry = out["actions"].setdefault(action, {"base": 0.0, "rules": []})
        if rule_i is None:
            entry["base"] = round(float(value), 3)
        else:
            entry["rules"].append(round(float(value), 3))
    return out
