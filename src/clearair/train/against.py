"""Learn which actions experts warn against, from the factors of the letter.

One logistic regression per action that experts warned against often enough
(``expert_against`` in the library), over the same factor vector as the ranker.
At run time an action whose predicted "warned against" probability is at or above
a threshold chosen by cross-validation is kept out of the top three and listed
under what not to do, with the factors that moved it as its reason.
"""

from __future__ import annotations

import numpy as np

from clearair.advise.ranker import columns, vector
from clearair.train.folds import RECOMMENDABLE

C = 0.3
MIN_POSITIVES = 8  # fewer warnings than this for an action: no model for it
THRESHOLDS = (None, 0.5, 0.4, 0.3, 0.25, 0.2)


def fit(values: list[dict], examples) -> dict[str, tuple[np.ndarray, float]]:
    """action -> (weights, bias) of P(an expert warns against it | factors)."""
    from sklearn.linear_model import LogisticRegression

    X = np.array([vector(v) for v in values])
    out = {}
    for a in RECOMMENDABLE:
        y = np.array([a in e.against for e in examples])
        if y.sum() < MIN_POSITIVES:
            continue
        m = LogisticRegression(C=C, max_iter=3000, random_state=0).fit(X, y)
        out[a] = (m.coef_[0], float(m.intercept_[0]))
    return out


def proba(models: dict[str, tuple[np.ndarray, float]], values: dict) -> dict[str, float]:
    x = vector(values)
    return {a: float(1 / (1 + np.exp(-(w @ x + b)))) for a, (w, b) in models.items()}


def keep_out_of_top3(ranking: list[str], p: dict[str, float], threshold: float | None) -> list[str]:
    """The same ranking with every action at or over the threshold moved below the first three."""
    if threshold is None:
        return ranking
    warned = [a for a in ranking[:3] if p.get(a, 0.0) >= threshold]
    if not warned:
        return ranking
    rest = [a for a in ranking if a not in warned]
    return rest[:3] + warned + rest[3:]


def oof_proba(examples, values_of) -> dict[int, list[dict[str, float]]]:
    """Per seed, every letter's "warned against" probabilities from models that did not see it."""
    from clearair.train.folds import out_of_fold

    def predict(train, test):
        models = fit([values_of(e) for e in train], train)
        return [proba(models, values_of(e)) for e in test]

    return out_of_fold(examples, predict)


def with_warnings(rankings: dict[int, list], probas: dict[int, list], threshold: float | None) -> dict[int, list]:
    """The same rankings (per seed) with actions likely warned against moved out of the top three."""
    return {seed: [keep_out_of_top3(r, p, threshold) for r, p in zip(rankings[seed], probas[seed])]
            for seed in rankings}


def export(models: dict[str, tuple[np.ndarray, float]], threshold: float | None) -> dict:
    return {"columns": [f"{n}={v}" for n, v in columns()], "threshold": threshold, "C": C,
            "actions": {a: {"weights": np.round(w, 4).tolist(), "bias": round(b, 4)} for a, (w, b) in models.items()}}
