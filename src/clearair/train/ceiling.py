"""The ceiling of a factor design: a ranker trained on the gold (annotated) factors."""

from __future__ import annotations

import numpy as np

from clearair.knowledge.factors import FACTORS
from clearair.train.folds import RECOMMENDABLE


def one_hot(values: dict[str, object]) -> np.ndarray:
    """Factor values as a fixed vector: a flag is one column, a choice one column per value."""
    cols = []
    for name, spec in FACTORS.items():
        v = values.get(name, spec.default)
        if spec.kind == "flag":
            cols.append(float(bool(v)))
        else:
            cols.extend(float(v == x) for x in spec.values)
    return np.array(cols)


def factor_ranker(get_values, C: float = 0.3, also_weight: float = 0.0):
    """A ``rank(train, test)`` that fits a multinomial logistic regression on factor vectors."""
    from sklearn.linear_model import LogisticRegression

    def rank(train, test):
        X, y, w = [], [], []
        for e in train:
            x = one_hot(get_values(e))
            X.append(x), y.append(e.primary), w.append(1.0)
            for a in e.also if also_weight else []:
                X.append(x), y.append(a), w.append(also_weight)
        model = LogisticRegression(C=C, max_iter=2000, random_state=0)
        model.fit(np.array(X), y, sample_weight=np.array(w))
        proba = model.predict_proba(np.array([one_hot(get_values(e)) for e in test]))
        classes = list(model.classes_)
        out = []
        for p in proba:
            order = [classes[i] for i in np.argsort(-p)]
            out.append(order + [a for a in RECOMMENDABLE if a not in order])
        return out

    return rank
