"""Compiled lexicons: knowledge/*.yaml turned into fast regular expressions."""

from __future__ import annotations

import re
from collections.abc import Iterator
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


def _compile(patterns: list[str], *, folded: bool = False, end: str = r"(?![\w])") -> re.Pattern:
    """One pattern for a kind; ``folded``: for text passed through ``fold`` (no case-insensitive matching);
    ``end``: what may not follow a match."""
    joined = "|".join(f"(?:{lower_literals(p) if folded else p})" for p in patterns)
    return re.compile(rf"(?<![\w-])(?:{joined}){end}", 0 if folded else re.IGNORECASE)


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
def _folded_table(section: str) -> dict[str, tuple[GatedRegex, bool]]:
    """``table(section)`` as ``find`` reads it: kind -> (pattern, whether it reads folded text). A kind whose
    patterns need case ("(?-i:Monday|…)": a capitalised name) reads the text as written."""
    out = {}
    for kind, pats in _kinds(section).items():
        folded = not any("(?-i:" in p for p in pats)
        out[kind] = (gated(pats) if folded else GatedRegex(_compile(pats), None, None), folded)
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
def text_index(low: str) -> dict[tuple[int, str], list[int]]:
    """Where each key of a folded text's ``TextKeys`` is found: (which of the four sets, key) -> the offsets of the
    word it begins with. A gated pattern can only start at one of its keys' offsets."""
    parts = _SPLIT.split(low)
    index: dict[tuple[int, str], list[int]] = {}
    at = 0
    for i in range(0, len(parts), 2):
        word = parts[i]
        keys = [(0, word), (1, word[:_START])]
        if i + 2 < len(parts) and len(parts[i + 1]) <= _GAP:
            gap, second = parts[i + 1], parts[i + 2]
            keys += [(2, word + gap + second), (3, word + gap + second[:_START])]
        for key in keys:
            index.setdefault(key, []).append(at)
        at += len(word) + (len(parts[i + 1]) if i + 1 < len(parts) else 0)
    return index


@lru_cache(maxsize=8)
def text_keys(low: str) -> TextKeys:
    """The ``TextKeys`` of a folded text, read once for every pattern run over it."""
    sets: tuple[set[str], ...] = (set(), set(), set(), set())
    for which, key in text_index(low):
        sets[which].add(key)
    return (frozenset(sets[0]), frozenset(sets[1]), frozenset(sets[2]), frozenset(sets[3]))


@dataclass(frozen=True)
class GatedRegex:
    """A kind's patterns as one regex, with the gate of those of them that have one. Where that gate is shut none
    of them can match, so only the others (``rest``, often none) are run; where every pattern has a gate, the regex
    is tried only at the words the gate names. Either way the hits are those of the whole regex (an alternative
    that cannot match somewhere changes nothing there), for a fraction of the work."""

    whole: re.Pattern
    gate: WordGate | None  # None: no pattern has a gate, the whole regex always runs
    rest: re.Pattern | None  # the patterns without a gate; None: every pattern has one
    heads: frozenset[tuple[int, str]] = frozenset()  # the gate's keys as ``text_index`` names them

    def finditer(self, text: str) -> Iterator[re.Match]:
        """``whole.finditer(text)``, ``text`` folded when the patterns have a gate."""
        if self.gate is None:
            return self.whole.finditer(text)
        index = text_index(text)
        heads = self.heads & index.keys()
        if not heads:
            return self.rest.finditer(text) if self.rest is not None else iter(())
        if self.rest is not None:
            return self.whole.finditer(text)
        return self._match_from(text, sorted({at for head in heads for at in index[head]}))

    def _match_from(self, text: str, starts: list[int]) -> Iterator[re.Match]:
        """What ``finditer`` yields, tried only at ``starts`` (every offset a match can begin at), in order."""
        end = -1
        for at in starts:
            if at >= end and (m := self.whole.match(text, at)):
                end = max(m.end(), at + 1)
                yield m


def gated(patterns: list[str], *, end: str = r"(?![\w])") -> GatedRegex:
    """``patterns`` compiled for folded text, with a gate for those whose matches must start with known words."""
    whole = _compile(patterns, folded=True, end=end)
    gates = [word_gate(_compile([p], folded=True, end=end).pattern) for p in patterns]
    shut = [g for g in gates if g is not None]
    if not shut:
        return GatedRegex(whole, None, None)
    gate = WordGate(*(frozenset().union(*(getattr(g, f) for g in shut))
                      for f in ("words", "starts", "pairs", "pair_starts")))
    heads = frozenset((which, key) for which, keys in enumerate(
        (gate.words, gate.starts, gate.pairs, gate.pair_starts)) for key in keys)
    ungated = [p for p, g in zip(patterns, gates) if g is None]
    return GatedRegex(whole, gate, _compile(ungated, folded=True, end=end) if ungated else None, heads)


def find_kinds(section: str, kinds: tuple[str, ...], text: str) -> list[Hit]:
    """Every hit of the named kinds of a lexicon section, in text order (overlaps between kinds kept)."""
    low = fold(text)
    table = _folded_table(section)
    hits = [Hit(kind, m.start(), m.end()) for kind in kinds
            for m in table[kind][0].finditer(low if table[kind][1] else text)]
    return sorted(hits, key=lambda h: (h.start, -h.end))


def find(section: str, text: str) -> list[Hit]:
    """Every hit of every kind in a lexicon section, in text order (a kind's hits do not overlap each other)."""
    return find_kinds(section, tuple(_folded_table(section)), text)
