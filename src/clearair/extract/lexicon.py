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


def fold(text: str) -> str:
    """``text`` in lower case with every offset kept (the rare character that lowers to two stays as it is).
    Matching folded text without ``re.IGNORECASE`` finds the same spans about twice as fast: the lexicons are
    the costliest part of reading a letter after the parse."""
    low = text.lower()
    return low if len(low) == len(text) else "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def lower_literals(pattern: str) -> str:
    """A pattern for folded text: its literal letters lowered, escapes (``\\b``, ``\\S``) kept."""
    return re.sub(r"(?<!\\)[A-Z]", lambda m: m.group().lower(), pattern)


def _compile(patterns: list[str], *, folded: bool = False) -> re.Pattern:
    """One pattern for a kind; ``folded``: for text passed through ``fold`` (no case-insensitive matching)."""
    joined = "|".join(f"(?:{lower_literals(p) if folded else p})" for p in patterns)
    return re.compile(rf"(?<![\w-])(?:{joined})(?![\w])", 0 if folded else re.IGNORECASE)


@cache
def _kinds(section: str) -> dict[str, list[str]]:
    """kind -> its patterns, for a mapping section of lexicon.yaml ("narrator", "acts", ...; dotted for nested)."""
    data = load("lexicon")
    for part in section.split("."):
        data = data[part]
    return {kind: pats if isinstance(pats, list) else [pats] for kind, pats in data.items()}


@cache
def table(section: str) -> dict[str, re.Pattern]:
    """kind -> compiled pattern for a mapping section of lexicon.yaml."""
    return {kind: _compile(pats) for kind, pats in _kinds(section).items()}


@cache
def listing(section: str) -> re.Pattern:
    """One compiled pattern for a list section of lexicon.yaml."""
    return _compile(load("lexicon")[section])


@cache
def option_actions() -> list[tuple[str, re.Pattern]]:
    return [(r["action"], _compile(r["patterns"])) for r in load("lexicon")["option_actions"]]


@cache
def _folded_table(section: str) -> dict[str, tuple[re.Pattern, bool]]:
    """``table(section)`` as ``find`` reads it: kind -> (pattern, whether it reads folded text). A kind whose
    patterns need case ("(?-i:Monday|…)": a capitalised name) reads the text as written."""
    out = {}
    for kind, pats in _kinds(section).items():
        folded = not any("(?-i:" in p for p in pats)
        out[kind] = (_compile(pats, folded=folded), folded)
    return out


def find_kinds(section: str, kinds: tuple[str, ...], text: str) -> list[Hit]:
    """Every hit of the named kinds of a lexicon section, in text order (overlaps between kinds kept)."""
    low = fold(text)
    table = _folded_table(section)
    hits = [Hit(kind, m.start(), m.end()) for kind in kinds for m in table[kind][0].finditer(low if table[kind][1] else text)]
    return sorted(hits, key=lambda h: (h.start, -h.end))


def find(section: str, text: str) -> list[Hit]:
    """Every hit of every kind in a lexicon section, in text order (a kind's hits do not overlap each other)."""
    return find_kinds(section, tuple(_folded_table(section)), text)
