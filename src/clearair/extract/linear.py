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


#: Every feature name any loaded reader knows, numbered once (gram -> column): a letter's sentences are looked up
#: in it once, then every reader's weights are read for them with numpy instead of one lookup per gram per reader.
_VOCABULARY: dict[str, int] = {}


class Features:
    """A letter's features looked up once in the shared vocabulary, for the many readers that read the same
    letter (``assess.readers.read_factors``): each reader then takes its weights with numpy, not one dict lookup
    per feature per reader. Features no reader knows are dropped (their weight is zero in every reader)."""

    def __init__(self, features: dict[str, float]) -> None:
        present = [(i, v) for k, v in features.items() if v and (i := _VOCABULARY.get(k)) is not None]
        self.columns = np.array([i for i, _ in present], dtype=np.int64)
        self.values = np.array([v for _, v in present], dtype=float)


class LinearReader:
    """Softmax (or sigmoid for two classes) of W·x + b over named features."""

    def __init__(self, spec: dict) -> None:
        self.classes = spec["classes"]
        self.index = {f: i for i, f in enumerate(spec["features"])}
        self.columns = np.array([_VOCABULARY.setdefault(f, len(_VOCABULARY)) for f in spec["features"]], dtype=np.int64)
        self._local_columns: np.ndarray | None = None
        self.W = np.array(spec["weights"], dtype=float)
        self.b = np.array(spec["bias"], dtype=float)
        self.margin = float(spec.get("margin", 0.0))

    def proba(self, features: dict[str, float] | Features, norm: float = 1.0) -> np.ndarray:
        """``features``: a letter's features, or the same looked up once (``Features``) for several readers."""
        # Only the letter's own features (a few hundred of the model's thousands) enter the product.
        looked_up = features if isinstance(features, Features) else Features(features)
        local = self._local()[looked_up.columns]
        known = local >= 0
        z = self.W[:, local[known]] @ (looked_up.values[known] / norm) + self.b
        if len(self.classes) == 2 and self.W.shape[0] == 1:
            p1 = 1 / (1 + np.exp(-z[0]))
            return np.array([1 - p1, p1])
        e = np.exp(z - z.max())
        return e / e.sum()

    def _local(self) -> np.ndarray:
        """Shared-vocabulary column -> this reader's own column (-1: a feature it does not know), plus the
        "no reader knows it" column at the end."""
        size = len(_VOCABULARY) + 1
        if self._local_columns is None or len(self._local_columns) != size:
            self._local_columns = np.full(size, -1, dtype=np.int64)
            self._local_columns[self.columns] = np.arange(len(self.columns))
        return self._local_columns

    def sentence_for(self, value_index: int, sents: list[Sentence], text: str, bar: float = 0.0,
                     norm: float = 1.0) -> list[Evidence]:
        """The sentence whose own words push ``value`` most over the average value (by more than ``bar``,
        features scaled by ``norm`` as in ``proba``), as evidence into ``text``; none if no sentence does.
        For a model of three or more values (the role reader, the words reader)."""
        push = FeaturePush(self.W[value_index] - self.W.mean(axis=0), self.index, self.columns)
        best, _ = strongest_sentence(push, sents, bar=bar, norm=norm)
        return [] if best is None else [sentence_evidence(best, text)]

    def push(self, value_index: int, default_index: int) -> FeaturePush:
        """How much each feature pushes ``value`` over the default (for choosing evidence)."""
        if self.W.shape[0] == 1:
            row = self.W[0] * (1 if value_index == 1 else -1)
        else:
            row = self.W[value_index] - self.W[default_index]
        return FeaturePush(row, self.index, self.columns)


class FeaturePush:
    """One row of weights by feature name, looked up only for the features asked about (a letter's few
    hundred), never turned into a dict of the whole vocabulary."""

    def __init__(self, row: np.ndarray, index: dict[str, int], columns: np.ndarray) -> None:
        self.row, self.index, self.columns = row, index, columns

    def get(self, feature: str, default: float = 0.0) -> float:
        i = self.index.get(feature)
        return default if i is None else float(self.row[i])

    def by_column(self) -> np.ndarray:
        """The row laid over the shared vocabulary (zero for features this reader does not know, and one more
        zero at the end for grams no reader knows)."""
        out = np.zeros(len(_VOCABULARY) + 1)
        out[self.columns] = self.row
        return out


def _columns(sentence: Sentence) -> np.ndarray:
    """The sentence's grams as columns of the shared vocabulary (a gram no reader knows: the last, zero column),
    worked out once per sentence and again only if a reader loaded since added names."""
    size = len(_VOCABULARY)
    cached = sentence.columns
    if cached is None or cached[0] != size:
        cached = (size, np.array([_VOCABULARY.get(g, size) for g in sentence.grams], dtype=np.int64))
        sentence.columns = cached
    return cached[1]


def strongest_sentence(push: FeaturePush | dict[str, float], sents: list[Sentence], bar: float = 0.0,
                       norm: float = 1.0) -> tuple[Sentence | None, float]:
    """The sentence whose grams push most (and by more than ``bar``), with how much they push."""
    row = push.by_column() if isinstance(push, FeaturePush) else None
    best, best_score = None, bar
    for s in sents:
        if row is not None:
            score = float(row[_columns(s)].sum()) / norm
        else:
            score = sum(push.get(g, 0.0) for g in s.grams) / norm
        if score > best_score:
            best, best_score = s, score
    return best, best_score


def sentence_evidence(sentence: Sentence, text: str) -> Evidence:
    """The sentence as evidence, without the spaces around it."""
    start, end = trim_span(text, sentence.start, sentence.end)
    return Evidence(start=start, end=end, text=text[start:end])
