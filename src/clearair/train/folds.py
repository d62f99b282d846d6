"""Cross-validated ranking figures, the same way for every ranker we compare."""

from __future__ import annotations

from collections import Counter
from typing import Callable, Sequence

import numpy as np

from clearair.models import ACTION_CODES, NEVER_RECOMMENDED

RECOMMENDABLE = [a for a in ACTION_CODES if a not in NEVER_RECOMMENDED]


def figures(rankings: Sequence[Sequence[str]], examples) -> dict[str, float]:
    """top-1, top-3, the expert's other advice in the top 5, an advised-against action in the top 3."""
    n = len(examples)
    top1 = sum(r[0] == e.primary for r, e in zip(rankings, examples)) / n
    top3 = sum(e.primary in r[:3] for r, e in zip(rankings, examples)) / n
    also = [(a in r[:5]) for r, e in zip(rankings, examples) for a in e.also]
    against = sum(bool(set(e.against) & set(r[:3])) for r, e in zip(rankings, examples)) / n
    return {"top1": top1, "top3": top3, "also5": sum(also) / max(len(also), 1), "against3": against}


def baseline(train, test) -> list[list[str]]:
    """Always the commonest actions of the training folds."""
    order = [a for a, _ in Counter(e.primary for e in train).most_common()]
    order += [a for a in RECOMMENDABLE if a not in order]
    return [order for _ in test]


def out_of_fold(examples, predict: Callable[[list, list], list], k: int = 5,
                seeds: Sequence[int] = (0, 1, 2)) -> dict[int, list]:
    """Per shuffle seed, ``predict(train, test)``'s output for every example, each predicted by a model
    that did not see it. The folds are the same for every caller, so predictions can be combined."""
    out = {}
    for seed in seeds:
        order = np.random.default_rng(seed).permutation(len(examples))
        predictions: list = [None] * len(examples)
        for f in np.array_split(order, k):
            held = set(f.tolist())
            train = [examples[i] for i in order if i not in held]
            for i, p in zip(f, predict(train, [examples[i] for i in f])):
                predictions[i] = p
        out[seed] = predictions
    return out


def mean_figures(rankings_by_seed: dict[int, list], examples) -> dict[str, float]:
    runs = [figures(r, examples) for r in rankings_by_seed.values()]
    return {key: float(np.mean([r[key] for r in runs])) for key in runs[0]}


def cross_validate(examples, rank: Callable[[list, list], list[list[str]]], k: int = 5,
                   seeds: Sequence[int] = (0, 1, 2)) -> dict[str, float]:
    """Mean figures over ``len(seeds)`` shuffles of ``k`` folds; ``rank(train, test)`` ranks the test cases."""
    return mean_figures(out_of_fold(examples, rank, k, seeds), examples)
