"""The labelled material: library cases (letter + expert labels) and gold factors."""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from clearair.knowledge.factors import FACTORS

LIBRARY = resources.files("clearair").joinpath("data/library")
GOLD = resources.files("clearair").joinpath("data/factors/gold.jsonl")
#: Letters written for training the factor readers (no expert answer): serious conduct told in
#: ordinary words, writers who caused the problem, and near misses of both. They join every
#: training fold of the readers but are never scored, so cross-validated figures stay on real letters.
WRITTEN = resources.files("clearair").joinpath("data/factors/written.jsonl")


@dataclass
class Example:
    id: str
    text: str
    primary: str
    also: list[str]
    against: list[str]
    role: str
    gold: dict[str, object] | None  # factor name -> value, None when not annotated
    spans: dict[str, str | None] | None


def read_jsonl(path) -> list[dict]:
    return [json.loads(line) for line in Path(str(path)).read_text(encoding="utf-8").splitlines() if line.strip()]


def gold_factors() -> dict[str, dict]:
    """Case id -> {"factors": {name: value}, "spans": {name: span}} from the gold file."""
    out = {}
    for row in read_jsonl(GOLD):
        out[row["id"]] = {"factors": {k: v["value"] for k, v in row["factors"].items()},
                          "spans": {k: v["span"] for k, v in row["factors"].items()}}
    return out


def written_examples() -> list[Example]:
    """The letters written for training the readers, with their factor labels (empty if none ship)."""
    path = Path(str(WRITTEN))
    if not path.exists():
        return []
    return [Example(id=row["id"], text=row["situation"], primary="", also=[], against=[],
                    role=row["factors"]["counterpart_role"]["value"],
                    gold={k: v["value"] for k, v in row["factors"].items()},
                    spans={k: v["span"] for k, v in row["factors"].items()}) for row in read_jsonl(path)]


def library_files() -> list[Path]:
    return sorted(Path(str(LIBRARY)).glob("cases_*.jsonl"))


def examples(paths: list[Path] | None = None) -> list[Example]:
    """Library cases with their gold factors (where annotated), in a stable order."""
    gold = gold_factors()
    out = []
    for path in paths or library_files():
        for row in read_jsonl(path):
            g = gold.get(row["id"])
            out.append(Example(id=row["id"], text=row["situation"], primary=row["expert_primary"],
                               also=row.get("expert_also", []), against=row.get("expert_against", []),
                               role=row["counterpart_role"], gold=g["factors"] if g else None,
                               spans=g["spans"] if g else None))
    assert set(FACTORS)  # the registry is loaded (and validated) before any training
    return out
