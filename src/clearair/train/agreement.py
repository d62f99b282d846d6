"""Per-factor agreement between two independent annotations of the same letters."""

from __future__ import annotations

from collections import Counter

from clearair.knowledge.factors import FACTORS


def kappa(a: list, b: list) -> float:
    """Cohen's kappa: agreement beyond what the two annotators' value frequencies give by chance."""
    n = len(a)
    if not n:
        return float("nan")
    observed = sum(x == y for x, y in zip(a, b)) / n
    ca, cb = Counter(a), Counter(b)
    expected = sum(ca[v] * cb[v] for v in set(ca) | set(cb)) / (n * n)
    return 1.0 if expected == 1 else (observed - expected) / (1 - expected)


def agreement(first: dict[str, dict], second: dict[str, dict]) -> dict[str, dict]:
    """Factor -> {"n", "agree", "kappa"} over the letters both annotated that factor."""
    out = {}
    for name in FACTORS:
        ids = [i for i in first if i in second and name in first[i] and name in second[i]]
        if not ids:
            continue
        a = [first[i][name] for i in ids]
        b = [second[i][name] for i in ids]
        out[name] = {"n": len(ids), "agree": sum(x == y for x, y in zip(a, b)) / len(ids), "kappa": kappa(a, b)}
    return out
