"""Train the ranker on the readers' out-of-fold factors, and choose its blend with the playbook."""

from __future__ import annotations

import numpy as np

from clearair.advise.ranker import columns, vector
from clearair.train.folds import RECOMMENDABLE

C = 0.1            # chosen by 5-fold CV on the library (0.05-1.0 tried)
ALSO_WEIGHT = 0.3  # the expert's other advice counts as a weaker label


def fit(values: list[dict], examples, C: float = C, also_weight: float = ALSO_WEIGHT):
    from sklearn.linear_model import LogisticRegression

    X, y, w = [], [], []
    for v, e in zip(values, examples):
        x = vector(v)
        for label, weight in [(e.primary, 1.0)] + [(a, also_weight) for a in e.also if a in RECOMMENDABLE]:
            X.append(x)
            y.append(label)
            w.append(weight)
    return LogisticRegression(C=C, max_iter=3000, random_state=0).fit(np.array(X), y, sample_weight=np.array(w))


def blended_rank(values_of, rule_scores_of, weight: float):
    """A ``rank(train, test)`` for cross-validation: playbook score + weight x log p(action | factors)."""

    def rank(train, test):
        m = fit([values_of(e) for e in train], train)
        classes = list(m.classes_)
        out = []
        for e, p in zip(test, m.predict_proba(np.array([vector(values_of(e)) for e in test]))):
            lp = dict(zip(classes, np.log(np.maximum(p, 1e-4))))
            s = rule_scores_of(e)
            score = {a: s.get(a, -3.0) + weight * lp.get(a, np.log(1e-4)) for a in RECOMMENDABLE}
            out.append(sorted(RECOMMENDABLE, key=lambda a: (-score[a], RECOMMENDABLE.index(a))))
        return out

    return rank


def export(model, blend: float) -> dict:
    return {"columns": [f"{n}={v}" for n, v in columns()], "classes": list(model.classes_),
            "weights": np.round(model.coef_, 4).tolist(), "bias": np.round(model.intercept_, 4).tolist(),
            "blend": blend, "C": C, "also_weight": ALSO_WEIGHT}
