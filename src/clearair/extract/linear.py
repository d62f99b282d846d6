"""A logistic regression exported as plain numbers, and the sentence that moved it most.

Every learned reader (the factor readers, the words reader, the role of the other
side) is trained with scikit-learn by ``make train`` and shipped as its weights;
at run time it is applied with numpy. Its evidence is the writer's sentence whose
own words pushed the chosen value most.
"""

from __future__ import annotations

import numpy as np

from clearair.extract.features import Sentence
from clearair.extract.reading import trim_span
from clearair.models import Evidence


class LinearReader:
    """Softmax (or sigmoid for two classes) of W·x + b over named features."""

    def __init__(self, spec: dict) -> None:
        self.classes = spec["classes"]
        self.index = {f: i for i, f in enumerate(spec["features"])}
        self.W = np.array(spec["weights"], dtype=float)
        self.b = np.array(spec["bias"], dtype=float)
        self.margin = float(spec.get("margin", 0.0))

    def proba(self, features: dict[str, float], norm: float = 1.0) -> np.ndarray:
        # Only the letter's own features (a few hundred of the model's thousands) enter the product.
        present = [(i, v) for k, v in features.items() if v and (i := self.index.get(k)) is not None]
        x = np.array([v for _, v in present], dtype=float) / norm
        z = self.W[:, [i for i, _ in present]] @ x + self.b
        if len(self.classes) == 2 and self.W.shape[0] == 1:
            p1 = 1 / (1 + np.exp(-z[0]))
            return np.array([1 - p1, p1])
        e = np.exp(z - z.max())
        return e / e.sum()

    def sentence_for(self, value_index: int, sents: list[Sentence], text: str, bar: float = 0.0,
                     norm: float = 1.0) -> list[Evidence]:
        """The sentence whose own words push ``value`` most over the average value (by more than ``bar``,
        features scaled by ``norm`` as in ``proba``), as evidence into ``text``; none if no sentence does.
        For a model of three or more values (the role reader, the words reader)."""
        push = FeaturePush(self.W[value_index] - self.W.mean(axis=0), self.index)
        best, _ = strongest_sentence(push, sents, bar=bar, norm=norm)
        return [] if best is None else [sentence_evidence(best, text)]

    def push(self, value_index: int, default_index: int) -> FeaturePush:
        """How much each feature pushes ``value`` over the default (for choosing evidence)."""
        if self.W.shape[0] == 1:
            row = self.W[0] * (1 if value_index == 1 else -1)
        else:
            row = self.W[value_index] - self.W[default_index]
        return FeaturePush(row, self.index)


class FeaturePush:
    """One row of weights by feature name, looked up only for the features asked about (a letter's few
    hundred), never turned into a dict of the whole vocabulary."""

    def __init__(self, row: np.ndarray, index: dict[str, int]) -> None:
        self.row, self.index = row, index

    def get(self, feature: str, default: float = 0.0) -> float:
        i = self.index.get(feature)
        return default if i is None else float(self.row[i])


def strongest_sentence(push: FeaturePush | dict[str, float], sents: list[Sentence], bar: float = 0.0,
                       norm: float = 1.0) -> tuple[Sentence | None, float]:
    """The sentence whose grams push most (and by more than ``bar``), with how much they push."""
    best, best_score = None, bar
    for s in sents:
        score = sum(push.get(g, 0.0) for g in s.grams) / norm
        if score > best_score:
            best, best_score = s, score
    return best, best_score


def sentence_evidence(sentence: Sentence, text: str) -> Evidence:
    """The sentence as evidence, without the spaces around it."""
    start, end = trim_span(text, sentence.start, sentence.end)
    return Evidence(start=start, end=end, text=text[start:end])
