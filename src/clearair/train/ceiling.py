"""The ceiling of a factor design: a ranker trained on the gold (annotated) factors."""

from __future__ import annotations

import numpy as np

from clearair.advise.ranker import vector
from clearair.train.folds import RECOMMENDABLE


def factor_ranker(get_values, C: float = 0.3, also_weight: float = 0.0):
    """A ``rank(train, test)`` that fits a multinomial logistic regression on factor vectors."""
    from sklearn.linear_model import LogisticRegression

    def rank(train, test):
        X, y, w = [], [], []
        for e in train:
            x = vector(get_values(e))
            for label, weight in [(e.primary, 1.0)] + [(a, also_weight) for a in e.also if also_weight]:
                X.append(x)
                y.append(label)
                w.append(weight)
        model = LogisticRegression(C=C, max_iter=2000, random_state=0)
        model.fit(np.array(X), y, sample_weight=np.array(w))
        proba = model.predict_proba(np.array([vector(get_values(e)) for e in test]))
        classes = list(model.classes_)
        out = []
        for p in proba:
            order = [classes[i] for i in np.argsort(-p)]
            out.append(order + [a for a in RECOMMENDABLE if a not in order])
        return out

    return rank
