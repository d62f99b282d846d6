"""Train the ranker's two learned parts and choose how they blend with the playbook.

- The factor ranker: a multinomial logistic regression from the readers' out-of-fold
  factors to the expert's main advice (its reasons are factors, each with evidence).
- The words reader: the same kind of model over the letter's own words and the rules'
  findings (the features the factor readers use), so advice can follow what a letter
  says that no factor names; its reason is the sentence that pushed an action most.

The blend (playbook score, factor ranker and words reader, each log-probability
weighted) is chosen by 5-fold cross-validation on the library.
"""

from __future__ import annotations

import itertools
from typing import Any

import numpy as np

from clearair.advise.ranker import PROBA_FLOOR, columns, vector
from clearair.train.folds import RECOMMENDABLE, mean_figures, out_of_fold

C = 0.1            # chosen by 5-fold CV on the library (0.05-1.0 tried)
WORDS_C = 10.0     # the words reader's C, chosen by 5-fold CV (1, 3, 10, 30 tried)
ALSO_WEIGHT = 0.3  # the expert's other advice counts as a weaker label
#: The blend weights tried: (playbook, factor ranker, words reader); the best top-1 + top-3 ships.
BLEND_GRID = list(itertools.product((0.5, 1.0), (0.5, 1.0, 1.5, 2.0), (0.0, 1.0, 1.5, 2.0)))


def _labelled(examples, also_weight: float = ALSO_WEIGHT):
    """(example index, label, weight): the main advice, and the expert's other advice as weaker labels."""
    for i, e in enumerate(examples):
        yield i, e.primary, 1.0
        for a in e.also:
            if a in RECOMMENDABLE:
                yield i, a, also_weight


def fit(values: list[dict], examples, C: float = C, also_weight: float = ALSO_WEIGHT):
    from sklearn.linear_model import LogisticRegression

    rows = list(_labelled(examples, also_weight))
    X = np.array([vector(values[i]) for i, _, _ in rows])
    return LogisticRegression(C=C, max_iter=3000, random_state=0).fit(
        X, [a for _, a, _ in rows], sample_weight=np.array([w for _, _, w in rows]))


def fit_words(feature_dicts: list[dict], examples, C: float = WORDS_C):
    """The words reader: vocabulary and model, on the features ``assess.readers`` also reads."""
    from sklearn.linear_model import LogisticRegression

    from clearair.train.readers import matrix, vocabulary

    vocab = vocabulary(feature_dicts)
    rows = list(_labelled(examples))
    X = matrix([feature_dicts[i] for i, _, _ in rows], vocab)
    model = LogisticRegression(C=C, max_iter=3000, random_state=0).fit(
        X, [a for _, a, _ in rows], sample_weight=np.array([w for _, _, w in rows]))
    return vocab, model


def _log_proba_rows(model, proba: np.ndarray) -> list[np.ndarray]:
    """Each row as log-probabilities in RECOMMENDABLE order (the floor for an action never seen)."""
    classes = list(model.classes_)
    out = np.full((proba.shape[0], len(RECOMMENDABLE)), np.log(PROBA_FLOOR))
    for j, a in enumerate(RECOMMENDABLE):
        if a in classes:
            out[:, j] = np.log(np.maximum(proba[:, classes.index(a)], PROBA_FLOOR))
    return list(out)


def oof_factor_log_proba(examples, values_of) -> dict[int, list]:
    def predict(train, test):
        m = fit([values_of(e) for e in train], train)
        return _log_proba_rows(m, m.predict_proba(np.array([vector(values_of(e)) for e in test])))

    return out_of_fold(examples, predict)


def oof_words_log_proba(examples, features_of) -> dict[int, list]:
    from clearair.train.readers import matrix

    def predict(train, test):
        vocab, m = fit_words([features_of(e) for e in train], train)
        return _log_proba_rows(m, m.predict_proba(matrix([features_of(e) for e in test], vocab)))

    return out_of_fold(examples, predict)


def blended_rankings(rules: np.ndarray, factor_lp: dict[int, list], words_lp: dict[int, list],
                     weights: tuple[float, float, float]) -> dict[int, list[list[str]]]:
    """Per seed, every letter's ranking under the blend (ties: the action listed first)."""
    wr, wf, ww = weights
    out = {}
    for seed in factor_lp:
        S = wr * rules + wf * np.array(factor_lp[seed]) + ww * np.array(words_lp[seed])
        out[seed] = [[RECOMMENDABLE[j] for j in np.lexsort((np.arange(len(RECOMMENDABLE)), -row))] for row in S]
    return out


def choose_blend(examples, rules: np.ndarray, factor_lp, words_lp) -> tuple[tuple[float, float, float], dict]:
    """The grid's best blend by cross-validated top-1 + top-3, and its figures."""
    best, best_f = BLEND_GRID[0], None
    for w in BLEND_GRID:
        f = mean_figures(blended_rankings(rules, factor_lp, words_lp, w), examples)
        if best_f is None or f["top1"] + f["top3"] > best_f["top1"] + best_f["top3"] + 1e-9:
            best, best_f = w, f
    return best, best_f or {}


def rule_matrix(examples, rule_scores_of) -> np.ndarray:
    """The playbook's score of every action for every letter (an action it never scores: -3)."""
    return np.array([[rule_scores_of(e).get(a, -3.0) for a in RECOMMENDABLE] for e in examples])


def export(model, blend: tuple[float, float, float], words: tuple[list[str], Any]) -> dict:
    from clearair.train.readers import linear_spec

    vocab, wm = words
    return {"columns": [f"{n}={v}" for n, v in columns()], "classes": list(model.classes_),
            "weights": np.round(model.coef_, 4).tolist(), "bias": np.round(model.intercept_, 4).tolist(),
            "blend": {"playbook": blend[0], "factors": blend[1], "words": blend[2]},
            "C": C, "also_weight": ALSO_WEIGHT,
            "words": linear_spec(vocab, wm, digits=3) | {"C": WORDS_C}}
