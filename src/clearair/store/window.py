"""A case's reading window from numbers kept with each version.

Each version is measured once, when it is stored: the characters, words and
common English words its part adds to the text a case is read as. Checking a
new update then sums a few stored numbers (the window is taken newest first, in
characters, as the analysis takes it) instead of re-reading and re-counting the
case on every write.

The counts are the intake's own (``count_words``), and ``can_be_read`` asks
of them what ``validate_words`` asks of the joined text; a test holds the two together. Should the intake's rule ever
change, a migration must measure the stored versions again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import NamedTuple, TypeVar

from clearair.intake.reading import MAX_CHARS
from clearair.intake.validate import ENGLISH_SHARE, MIN_WORDS, count_words

#: The parts of a case's text (the original, then each update) are joined with a blank line.
JOIN = "\n\n"

T = TypeVar("T")


class Measure(NamedTuple):
    """What a part (or a whole window) of a case's text holds."""

    chars: int
    words: int
    common_words: int  # the intake's common English words among them


def part(kind: str, text: str, happened_on: dt.date | None) -> str:
    """A version as the case's text shows it: the original as written, an update with its date."""
    if kind == "original":
        return text.strip()
    when = f" ({happened_on.isoformat()})" if happened_on else ""
    return f"Update{when}: {text.strip()}"


def measure(text: str) -> Measure:
    """Counted in characters (code points, never bytes) and in the intake's words."""
    return Measure(len(text), *count_words(text))


def joined(parts: Iterable[Measure]) -> Measure:
    """The measure of the parts joined as a case's text joins them (no word spans a blank line)."""
    chars = words = common = n = 0
    for m in parts:
        chars, words, common, n = chars + m.chars, words + m.words, common + m.common_words, n + 1
    return Measure(chars + len(JOIN) * max(n - 1, 0), words, common)


def can_be_read(window: Measure) -> bool:
    """Whether ``validate_words`` accepts a text of this measure: within the size limit,
    long enough, and English."""
    return (window.chars <= MAX_CHARS and window.words >= MIN_WORDS
            and window.common_words / window.words >= ENGLISH_SHARE)


def newest_that_fit(used: int, newest_first: Iterable[T], chars: Callable[[T], int], budget: int) -> list[T]:
    """The updates a reading window takes, newest first, after the ``used`` characters of the
    original: as many as fit the budget, and the newest one even past it while the window stays
    within half the intake's limit. The iterable is read no further than the window reaches."""
    taken: list[T] = []
    for v in newest_first:
        cost = chars(v) + len(JOIN)
        if used + cost > max(budget, 0) and (taken or used + cost > MAX_CHARS // 2):
            break
        used += cost
        taken.append(v)
    return taken
