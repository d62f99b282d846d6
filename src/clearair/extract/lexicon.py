"""Compiled lexicons: knowledge/*.yaml turned into fast regular expressions."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
# The parsed form of a pattern (the standard library's own parser), read to find the words a match can start with.
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]

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


_WORD = re.compile(r"\w+")
_MAX_HEADS = 400


def _heads(items, open_: set[str]) -> tuple[set[str], set[str]]:
    """The literal text a match of ``items`` (a parsed pattern) can begin with: (heads that end here, heads that
    the rest of the pattern would lengthen). A head ends early where the pattern stops being literal."""
    ended: set[str] = set()
    for op, av in items:
        if not open_:
            break
        if op is sre.LITERAL:
            open_ = {h + chr(av) for h in open_}
        elif op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            continue
        elif op is sre.SUBPATTERN:
            done, open_ = _heads(av[-1], open_)
            ended |= done
        elif op is sre.BRANCH:
            grown: set[str] = set()
            for branch in av[1]:
                done, more = _heads(branch, open_)
                ended |= done
                grown |= more
            open_ = grown
        elif op is sre.IN and len(av) <= 6 and all(kind is sre.LITERAL for kind, _ in av):
            open_ = {h + chr(c) for h in open_ for _, c in av}
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            done, more = _heads(av[2], open_)
            ended |= done | more
            if av[0] >= 1:
                return ended, set()
        else:
            return ended | open_, set()
        if len(open_) > _MAX_HEADS:
            return ended | open_, set()
    return ended, open_


_HEAD_PAIR = re.compile(r"(\w+)(\W{1,3})(\w+)")
_SPLIT = re.compile(r"(\W+)")
_GAP = 3
_START = 3

#: What a folded text holds, as ``text_keys`` reads it: its words; their first three letters; each pair of neighbouring
#: words with the gap between them ("i was"); the same with the second word's first three letters ("i was pro").
TextKeys = tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]


@dataclass(frozen=True)
class WordGate:
    """What a text must hold for a pattern to match there, read from the literal text its matches start with (in
    the four sets of ``TextKeys``). A text holding none of it cannot match, so the pattern is not run: most kinds of
    a lexicon never apply to a given letter, and a regex that begins with a look-behind is tried at every position."""

    words: frozenset[str]
    starts: frozenset[str]
    pairs: frozenset[str]
    pair_starts: frozenset[str]

    def may_match(self, keys: TextKeys) -> bool:
        words, starts, pairs, pair_starts = keys
        return not (self.pairs.isdisjoint(pairs) and self.pair_starts.isdisjoint(pair_starts)
                    and self.words.isdisjoint(words) and self.starts.isdisjoint(starts))


def _head_key(head: str) -> tuple[int, str] | None:
    """Which of the four ``TextKeys`` sets must hold what, for a match to start with ``head``; None when nothing
    can be required (the head is not a word, or too short a start of one)."""
    pair = _HEAD_PAIR.match(head)
    if pair:
        first, gap, second = pair.groups()
        if pair.end() < len(head):
            return 2, first + gap + second
        if len(second) >= _START:
            return 3, first + gap + second[:_START]
    word = _WORD.match(head)
    if not word:
        return None
    if word.end() < len(head):
        return 0, word.group()
    return (1, word.group()[:_START]) if len(word.group()) >= _START else None


def word_gate(pattern: str) -> WordGate | None:
    """The gate of a pattern over folded text, or None where a match need not start with a word (then the pattern
    always runs)."""
    ended, open_ = _heads(sre_parse.parse(pattern), {""})
    sets: tuple[set[str], ...] = (set(), set(), set(), set())
    for head in ended | open_:
        key = _head_key(head)
        if key is None:
            return None
        sets[key[0]].add(key[1])
    return WordGate(*map(frozenset, sets))


@lru_cache(maxsize=8)
def text_keys(low: str) -> TextKeys:
    """The ``TextKeys`` of a folded text, read once for every pattern run over it."""
    parts = _SPLIT.split(low)
    words, gaps = parts[0::2], parts[1::2]
    pairs, pair_starts = set(), set()
    for first, gap, second in zip(words, gaps, words[1:]):
        if len(gap) <= _GAP:
            pairs.add(first + gap + second)
            pair_starts.add(first + gap + second[:_START])
    return (frozenset(words), frozenset(w[:_START] for w in words), frozenset(pairs), frozenset(pair_starts))


@cache
def _gates(section: str) -> dict[str, WordGate | None]:
    return {kind: word_gate(rx.pattern) if folded else None for kind, (rx, folded) in _folded_table(section).items()}


def find_kinds(section: str, kinds: tuple[str, ...], text: str) -> list[Hit]:
    """Every hit of the named kinds of a lexicon section, in text order (overlaps between kinds kept)."""
    low = fold(text)
    table, gates, keys = _folded_table(section), _gates(section), text_keys(low)
    hits = [Hit(kind, m.start(), m.end()) for kind in kinds
            if (gate := gates[kind]) is None or gate.may_match(keys)
            for m in table[kind][0].finditer(low if table[kind][1] else text)]
    return sorted(hits, key=lambda h: (h.start, -h.end))


def find(section: str, text: str) -> list[Hit]:
    """Every hit of every kind in a lexicon section, in text order (a kind's hits do not overlap each other)."""
    return find_kinds(section, tuple(_folded_table(section)), text)
