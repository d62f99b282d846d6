"""A case's reading window from numbers kept with each version.

Each version is measured once, when it is stored: the characters, words and
common English words its part adds to the text a case is read as. Checking a
new update then sums a few stored numbers (the window is taken newest first, in
characters, as the analysis takes it) instead of re-reading and re-counting the
case on every write.

Each version also keeps the running totals of the case's text up to and
including it (``running``), so the newest updates' sum is a difference of two
totals: a write reads the first and newest versions and one found by an index
step (``window_from_totals``), however long the case or its window.

The counts are the intake's own (``count_words``), and ``can_be_read`` asks
of them what ``validate_words`` asks of the joined text; a test holds the two together. Should the intake's rule ever
change, a migration must measure the stored versions again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from typing import NamedTuple, TypeVar

from clearair.intake.reading import MAX_CHARS
from clearair.intake.validate import ENGLISH_SHARE, MIN_WORDS, count_words

#: The parts of a case's text (the original, then each update) are joined with a blank line.
JOIN = "\n\n"

T = TypeVar("T")
K = TypeVar("K")


class Measure(NamedTuple):
    """What a part (or a whole window) of a case's text holds."""

    chars: int
    words: int
    common_words: int  # the intake's common English words among them


#: The totals before a case has any text.
NOTHING = Measure(0, 0, 0)


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


def then(total: Measure, m: Measure | None) -> Measure:
    """The running totals once a version follows a text of ``total``: an unreadable version
    (None) adds nothing, and a part after some text adds the blank line that joins them.
    No part of a case's text is empty, so no characters means no text yet."""
    if m is None:
        return total
    if not total.chars:
        return m
    return Measure(total.chars + len(JOIN) + m.chars, total.words + m.words, total.common_words + m.common_words)


def running(parts: Iterable[Measure | None], total: Measure = NOTHING) -> Iterator[Measure]:
    """Each version's running totals, from the parts in order (None: an unreadable version)."""
    for m in parts:
        total = then(total, m)
        yield total


def window_from_totals(first: tuple[K, Measure], newest: tuple[K, Measure], new: Measure,
                       reaching: Callable[[int], tuple[K, Measure] | None], budget: int) -> tuple[Measure, K | None]:
    """The measure of the window ``newest_that_fit`` takes with a new part, from running totals:
    the original's (``first``), the newest version's, and at most one more, ``reaching(c)``:
    the oldest version whose totals reach ``c`` characters (an index step).

    Also the version after which the stored updates are in the window; None when the new part
    does not fit and the original is read alone."""
    key, original = first
    used = original.chars + len(JOIN)
    cost = new.chars + len(JOIN)
    room = max(budget, 0) - used - cost
    if room < 0 and used + cost > MAX_CHARS // 2:
        return original, None
    base_key, latest = newest
    base = latest  # no stored update fits
    if room >= 0:
        # The updates taken newest first while they fit ``room`` are those after the oldest version
        # whose totals reach ``latest.chars - room``: each update adds its characters and a blank line.
        reach = latest.chars - room
        found = (key, original) if reach <= original.chars else reaching(reach)
        if found is not None:
            base_key, base = found
    return Measure(original.chars + latest.chars - base.chars + len(JOIN) + new.chars,
                   original.words + latest.words - base.words + new.words,
                   original.common_words + latest.common_words - base.common_words + new.common_words), base_key
