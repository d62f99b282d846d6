"""Compiled lexicons: knowledge/*.yaml turned into fast regular expressions."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from clearair.knowledge import load


@dataclass(frozen=True)
class Hit:
    kind: str
    start: int
    end: int


def _compile(patterns: list[str]) -> re.Pattern:
    joined = "|".join(f"(?:{p})" for p in patterns)
    return re.compile(rf"(?<![\w-])(?:{joined})(?![\w])", re.IGNORECASE)


@cache
def table(section: str) -> dict[str, re.Pattern]:
    """kind -> compiled pattern for a mapping section of lexicon.yaml."""
    data = load("lexicon")
    for part in section.split("."):
        data = data[part]
    return {kind: _compile(pats if isinstance(pats, list) else [pats]) for kind, pats in data.items()}


@cache
def listing(section: str) -> re.Pattern:
    """One compiled pattern for a list section of lexicon.yaml."""
    return _compile(load("lexicon")[section])


@cache
def option_actions() -> list[tuple[str, re.Pattern]]:
    return [(r["action"], _compile(r["patterns"])) for r in load("lexicon")["option_actions"]]


def find(section: str, text: str) -> list[Hit]:
    """Every non-overlapping hit of every kind in a lexicon section, in text order."""
    hits = [Hit(kind, m.start(), m.end()) for kind, rx in table(section).items() for m in rx.finditer(text)]
    return sorted(hits, key=lambda h: (h.start, -h.end))
