"""Train one reader per factor and choose, per factor, what reads it best.

Candidates per factor: the rules alone (where a rule says the factor), the
commonest value (where none does), and a logistic regression over the letter's
words and the rule features. The choice is the best cross-validated macro-F1.
The exported model is plain numbers (vocabulary, weights, bias): the running
engine applies it with numpy alone.
"""

from __future__ import annotations

from collections import Counter

import numpy as np
from scipy.stats import binomtest

from clearair.assess.readers import RULE_READ, cautious, feature_norm
from clearair.knowledge.factors import FACTORS

MIN_DF = 3
SEED = 0
MARGINS = (0.0, 0.1, 0.2, 0.3)
#: Where a hand rule reads the factor, a learned reader replaces it only if its cross-validated
#: macro-F1 is higher by at least this much (one point); a smaller gain is noise.
RULES_MARGIN = 0.01
#: Factors that must agree with another part of the reading, so their rule always ships: the role of
#: the other side is the role of the party the counterpart chooser picked (the report's scripts,
#: addressees and reasons all follow that party). A separate learned role reading could contradict
#: it; where learning helps, the chooser itself learns its weights (``train/counterpart.py``).
ONE_SOURCE = frozenset({"counterpart_role"})


def abstain(proba: dict[str, float], default: str, margin: float) -> str:
    """The likeliest value, unless it beats the default by less than ``margin`` (then the default)."""
    best = max(proba, key=lambda k: proba[k])
    if best != default and default in proba and proba[best] - proba[default] < margin:
        return default
    return best


def macro_f1(gold: list, pred: list) -> float:
    labels = sorted(set(gold) | set(pred), key=str)
    scores = []
    for lab in labels:
        tp = sum(g == lab and p == lab for g, p in zip(gold, pred))
        fp = sum(g != lab and p == lab for g, p in zip(gold, pred))
        fn = sum(g == lab and p != lab for g, p in zip(gold, pred))
        scores.append(0.0 if tp == 0 else 2 * tp / (2 * tp + fp + fn))
    return float(np.mean(scores)) if scores else 0.0


def vocabulary(feature_dicts: list[dict[str, float]], min_df: int = MIN_DF) -> list[str]:
    df = Counter(k for f in feature_dicts for k in f)
    return sorted(k for k, n in df.items() if n >= min_df or k.startswith(("rule:", "sig:")))


def matrix(feature_dicts, vocab: list[str], scaled: bool = True):
    """Rows scaled by each letter's whole feature norm, exactly as ``assess.readers`` does at run time
    (``scaled=False``: as they are, for a reader applied without scaling)."""
    from scipy.sparse import csr_matrix

    index = {k: i for i, k in enumerate(vocab)}
    rows, cols, vals = [], [], []
    for r, f in enumerate(feature_dicts):
        norm = feature_norm(f) if scaled else 1.0
        for k, v in f.items():
            j = index.get(k)
            if j is not None and v:
                rows.append(r)
                cols.append(j)
                vals.append(v / norm)
    return csr_matrix((vals, (rows, cols)), shape=(len(feature_dicts), len(vocab)))


def fit(feature_dicts, labels, C: float):
    from sklearn.linear_model import LogisticRegression

    vocab = vocabulary(feature_dicts)
    model = LogisticRegression(C=C, max_iter=3000, class_weight="balanced", random_state=SEED)
    model.fit(matrix(feature_dicts, vocab), [str(x) for x in labels])
    return vocab, model


def linear_spec(vocab: list[str], model, classes: list | None = None, digits: int = 4) -> dict:
    """A fitted logistic regression as the plain numbers ``extract.linear.LinearReader`` reads; only
    features with a weight that matters are kept."""
    coef = np.asarray(model.coef_)
    keep = np.flatnonzero(np.abs(coef).max(axis=0) >= 1e-3)
    return {"classes": list(model.classes_) if classes is None else classes, "features": [vocab[i] for i in keep],
            "weights": np.round(coef[:, keep], digits).tolist(), "bias": np.round(model.intercept_, digits).tolist()}


def export(name: str, vocab: list[str], model) -> dict:
    """A factor reader as plain numbers, its values as the factor's (True/False for a flag)."""
    spec = FACTORS[name]
    return linear_spec(vocab, model, [(c == "True") if spec.kind == "flag" else c for c in model.classes_])


def _value(spec, raw: str):
    return raw == "True" if spec.kind == "flag" else raw


def cross_val_predict(feature_dicts, labels, C: float, k: int = 5, seed: int = SEED, extra=((), ())):
    """Out-of-fold predicted values and class probabilities for every letter.

    The ``extra`` letters (features, labels: written for training) are split into the same number of
    folds, and each fold's model trains on the other library folds and the other extra folds, so no
    model sees a fold's share of them twice. Only the library letters are predicted and scored.
    """
    extra_feats, extra_labels = list(extra[0]), list(extra[1])
    order = np.random.default_rng(seed).permutation(len(labels))
    extra_folds = np.array_split(np.arange(len(extra_feats)), k)
    preds: list = [None] * len(labels)
    probas: list = [None] * len(labels)
    for f, xf in zip(np.array_split(order, k), extra_folds):
        held, xheld = set(f.tolist()), set(xf.tolist())
        train = [i for i in order if i not in held]
        xtrain = [j for j in range(len(extra_feats)) if j not in xheld]
        if len({str(labels[i]) for i in train}) < 2:
            for i in f:
                preds[i], probas[i] = labels[train[0]], {str(labels[train[0]]): 1.0}
            continue
        vocab, model = fit([feature_dicts[i] for i in train] + [extra_feats[j] for j in xtrain],
                           [labels[i] for i in train] + [extra_labels[j] for j in xtrain], C)
        P = model.predict_proba(matrix([feature_dicts[i] for i in f], vocab))
        for i, p in zip(f, P):
            probas[i] = dict(zip(model.classes_, p))
            preds[i] = model.classes_[int(np.argmax(p))]
    return preds, probas


#: Differences in 5-fold macro-F1 below this are noise (folds of about 300 letters).
C_NOISE = 0.005


def simplest_within_noise(tried: list[tuple]) -> tuple:
    """Of the (C, margin, F1, ...) settings tried, the most regularised (smallest C) whose F1 is
    within ``C_NOISE`` of the best; among those, the best F1. A weaker model that scores the same
    generalises better to letters unlike the library's."""
    top = max(t[2] for t in tried)
    near = [t for t in tried if t[2] >= top - C_NOISE]
    smallest = min(t[0] for t in near)
    return max((t for t in near if t[0] == smallest), key=lambda t: t[2])


#: How sure the safety floor must be that a "your fault" reading is right more often than not before it tells a
#: writer, on the fault reader alone, that they caused it: the lower end of a one-sided 90 % Wilson interval
#: on the reading's precision, measured on the library's real letters, must reach one half. Until hold-12 joined
#: the library the rule was a fixed precision (0.65) over at least 20 readings; on 1,923 letters the readings above
#: 0.55 were right 10 times in 14 (C 3), six readings short of the count, and the floor stopped acting on the reader, so a
#: bar that rests on few readings now needs a higher precision instead of being dropped (at 20 readings the two
#: rules agree: 65 %). With the floor's own check that the evidence is the writer's act.
FAULT_LOWER_BOUND = 0.5
FAULT_CONFIDENCE = 0.8  # two-sided, so its lower end is a one-sided 90 % bound
#: ... and never on fewer than this many readings: a handful right every time is still a handful.
FAULT_MIN_READINGS = 10


def wilson_lower(right: int, n: int) -> float:
    """The lower end of the one-sided 90 % Wilson score interval for ``right`` of ``n`` (scipy's two-sided
    80 % interval): a precision that rests on few readings counts for less than the same precision on many."""
    if n == 0:
        return 0.0
    return float(binomtest(right, n).proportion_ci(confidence_level=FAULT_CONFIDENCE, method="wilson").low)


def fault_confidence(gold: list[str], oof_proba: list[dict[str, float]]) -> dict[str, dict]:
    """Per value ("mainly", "partly"): the lowest confidence at which a cross-validated reading of
    that value is right often enough (the writer really had a part).

    Measured per value because the two differ: a confident "mainly" is usually right where a
    "partly" is not, and one bar over both hides it. ``gold`` and ``oof_proba``: the writer_fault
    value and out-of-fold probabilities of the library's letters, each predicted by a model that
    never saw it (the caller passes real letters only)."""
    positives = max(1, sum(g != "none" for g in gold))
    bars = {}
    for value in ("mainly", "partly"):
        best = {"threshold": 1.0, "precision": 1.0, "recall": 0.0, "readings": 0}
        for t in np.round(np.arange(0.95, 0.25, -0.05), 2):
            said = [i for i, p in enumerate(oof_proba) if max(p, key=lambda k: p[k]) == value and p[value] >= t]
            if len(said) < FAULT_MIN_READINGS:
                continue
            right = sum(gold[i] != "none" for i in said)
            if wilson_lower(right, len(said)) >= FAULT_LOWER_BOUND:
                best = {"threshold": round(float(t), 2), "precision": right / len(said),
                        "recall": right / positives, "readings": len(said)}
        bars[value] = best
    return bars


#: The bars tried for acting on a "serious" reading (``assess.readers.serious_bar``).
SERIOUS_BARS = tuple(round(x, 2) for x in np.arange(0.30, 0.61, 0.05))


def choose_serious_bar(gold: list[str], oof_proba: list[dict[str, float]], default: str | None = None,
                       margin: float = 0.0) -> dict:
    """The bar from which the severity reader's "serious" is acted on: where false alarms plus
    ``SERIOUS_MISS_COST`` times the misses are fewest on the library's letters, out of fold (ties: the lower bar,
    which misses less). With balanced class weights a third is not the bar that cost implies: on 2,085 letters
    it raised 220 false alarms for 235 found, and 0.40 traded 73 of those alarms for 36 misses."""
    from clearair.assess.readers import SERIOUS_MISS_COST
    from clearair.knowledge.factors import FACTORS

    default = str(FACTORS["severity"].default) if default is None else default  # the schema's, as at run time
    serious = [g == "serious" for g in gold]
    best: dict = {}
    for bar in SERIOUS_BARS:
        # As at run time (``cautious``): serious when likeliest (beyond the reader's margin), or from the bar
        said = [cautious("severity", abstain(p, default, margin), p, bar=bar) == "serious" for p in oof_proba]
        alarms = sum(s and not g for s, g in zip(said, serious))
        missed = sum(g and not s for s, g in zip(said, serious))
        cost = alarms + SERIOUS_MISS_COST * missed
        if not best or cost < best["cost"]:
            best = {"bar": bar, "cost": cost, "alarms": alarms, "missed": missed, "found": sum(serious) - missed}
    return best


#: Factors about what happened rather than who did it: their reader is also tried without the role the chooser gave
#: the other side (a red team found "serious" leaning on "your manager" and "minor" on "your peer"); the role-blind
#: reader ships only when its cross-validated F1 is higher. (On 4,467 letters it scored 0.603 against 0.604 with the role,
#: and the safety tests found it called a peer's credit-taking serious: the role stays until one does better without it.)
ROLE_BLIND = frozenset({"severity"})
_ROLE_FEATURES = ("rule:role=", "rule:has=")


def role_blind(feature_dicts: list[dict[str, float]]) -> list[dict[str, float]]:
    """The features without the other side's role and the roles of the parties named."""
    return [{k: v for k, v in f.items() if not k.startswith(_ROLE_FEATURES)} for f in feature_dicts]


def train_readers(examples, featurized, C_grid=(0.3, 1.0, 3.0, 10.0), written=(), written_featurized=()):
    """Per factor: figures of each candidate, the chosen one, its export and out-of-fold values.

    ``written`` letters (with their featurized form) train every reader but are never scored.
    """
    feats = [z.features for z in featurized]
    extra_feats = [z.features for z in written_featurized]
    result = {}
    for name, spec in FACTORS.items():
        gold = [e.gold[name] for e in examples]
        extra = (extra_feats, [e.gold[name] for e in written])
        commonest = Counter(map(str, gold)).most_common(1)[0][0]
        cands = {"commonest": ([_value(spec, commonest)] * len(gold), None)}
        if name in RULE_READ:
            cands["rules"] = ([RULE_READ[name](f)[0] for f in feats], None)
        inputs = {"all": (feats, extra)}
        if name in ROLE_BLIND:
            inputs["role_blind"] = (role_blind(feats), (role_blind(extra_feats), extra[1]))
        tried_by: dict[str, list[tuple]] = {}
        for kind, (xs, more) in inputs.items():
            tried = tried_by.setdefault(kind, [])  # (C, margin, F1, predictions, probabilities)
            for C in C_grid:
                _, probas = cross_val_predict(xs, gold, C, extra=more)
                for m in MARGINS:  # a value other than the default must beat it by m (abstain when unsure)
                    preds = [cautious(name, abstain(p, str(spec.default), m), p) for p in probas]
                    tried.append((C, m, macro_f1([str(g) for g in gold], preds), preds, probas))
        best_of = {kind: max(t[2] for t in tried) for kind, tried in tried_by.items()}
        kind = "role_blind" if "role_blind" in best_of and best_of["role_blind"] > best_of["all"] else "all"
        tried = tried_by[kind]
        xs, more = inputs[kind]
        if name == "writer_fault":
            # The floor acts on this reading only where it is confident (``fault_confidence``): the setting that
            # lets it say "you had a part" to the most writers at that precision ships, then the best F1. (The
            # most regularised setting gave probabilities so flat that no bar reached the precision at all.)
            gold_s = [str(g) for g in gold]
            best_C, margin, best, preds, probas = max(tried, key=lambda t: (
                sum(b["recall"] for b in fault_confidence(gold_s, t[4]).values()), t[2], -t[0]))
        else:
            best_C, margin, best, preds, probas = simplest_within_noise(tried)
        learned = ([_value(spec, p) for p in preds], probas)
        cands["learned"] = learned
        scores = {k: macro_f1([str(g) for g in gold], [str(p) for p in v[0]]) for k, v in cands.items()}
        accuracy = {k: float(np.mean([str(g) == str(p) for g, p in zip(gold, v[0])])) for k, v in cands.items()}
        chosen = max(scores, key=lambda k: (scores[k], k == "learned"))
        if chosen == "learned" and "rules" in scores and scores["learned"] < scores["rules"] + RULES_MARGIN:
            chosen = "rules"  # within the noise of cross-validation: keep the rule, which says why
        if name in ONE_SOURCE and "rules" in scores:
            chosen = "rules"  # measured for the figures, never shipped (see ONE_SOURCE)
        entry = {"chosen": chosen, "f1": scores, "accuracy": accuracy, "C": best_C, "margin": margin,
                 "oof": cands[chosen][0], "oof_proba": cands["learned"][1], "f1_by_features": best_of}
        if chosen == "learned":
            vocab, model = fit(xs + more[0], gold + more[1], best_C)
            entry["model"] = export(name, vocab, model) | {"margin": margin}
        else:
            entry["model"] = {"rule": chosen, "value": _value(spec, commonest)}
        result[name] = entry
    return result
