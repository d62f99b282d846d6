"""The learned ranker: how experts' main advice follows from the situation's factors.

A multinomial logistic regression over the factors the readers extract (trained
on the readers' out-of-fold readings of the library, so training matches use),
exported as numbers in ``data/models/ranker.json``. Its log-probability is added
to the playbook's score with a weight chosen by cross-validation, and each action
gets the factors that moved it most as reasons, each with its evidence.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Literal

import numpy as np

from clearair.knowledge.factors import FACTORS
from clearair.models import FactorReading, Reason

ARTEFACT = "data/models/ranker.json"
_FLOOR = 1e-4


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
    return {a: float(np.log(max(q, _FLOOR))) for a, q in zip(m["classes"], p)}


def blend_weight() -> float:
    return float(model()["blend"])


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
        if f is None:
            continue
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
