"""Checks that a text can be a workplace situation worth analysing."""

from __future__ import annotations

import re

from clearair.errors import InputError
from clearair.intake.reading import MAX_CHARS

MIN_WORDS = 15
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
# The commonest English function words: running prose has a third or more of
# them, any other language almost none.
_ENGLISH_FUNCTION_WORDS = frozenset(
    "the a an and or but of to in on at for with from by about as is are was were be been "
    "am i me my we our you your he him his she her they them their it its this that these "
    "those not no do does did have has had will would can could should what who how when why "
    "if so than then there here all any some".split()
)
#: Below this share of common English words a text is not English.
ENGLISH_SHARE = 0.12


def count_words(text: str) -> tuple[int, int]:
    """The words of ``text`` and how many of them are common English words: what ``validate_words``
    judges by. A case's store keeps these counts per version (``store.window``)."""
    words = _WORD.findall(text)
    return len(words), sum(w.lower() in _ENGLISH_FUNCTION_WORDS for w in words)


def validate_text(text: str) -> None:
    """Raise :class:`InputError` with a one-line reason if ``text`` is unusable."""
    validate_fragment(text)
    validate_words(text)


def validate_words(text: str) -> None:
    """Enough words, and English ones. For a text joined from parts that each passed
    ``validate_fragment`` (a case's reading window), this is all that can still fail:
    the binary and script checks are shares, and a join of parts within a share is within it."""
    if len(text) > MAX_CHARS:
        raise InputError(f"input is too large; clearair reads at most {MAX_CHARS:,} characters")
    words, common = count_words(text)
    if words < MIN_WORDS:
        raise InputError(
            f"input is too short ({words} words): describe the situation in at least "
            f"{MIN_WORDS} words: who, what happened, and what you want"
        )
    if common / words < ENGLISH_SHARE:
        raise InputError("input does not look like English; clearair reads English text only")


def validate_fragment(text: str, what: str = "input") -> None:
    """The checks that hold for any piece of a case, however short (an update:
    "he did it again today"): size in characters, not empty, not binary, English.
    A case's text is always checked whole too (``validate_text``), before it is stored."""
    if len(text) > MAX_CHARS:
        raise InputError(f"{what} is too large; clearair reads at most {MAX_CHARS:,} characters")
    if not text.strip():
        raise InputError(f"{what} is empty: paste or pipe the text of your situation")
    if "\x00" in text or _control_ratio(text) > 0.05:
        raise InputError(f"{what} looks like a binary file, not text")
    letters = sum(map(str.isalpha, text))  # counted in C: every case write checks its whole reading window
    latin = len(_ASCII_LETTER.findall(text))
    if letters and latin / letters < 0.6:
        raise InputError(f"{what} does not look like English; clearair reads English text only")


_ASCII_LETTER = re.compile(r"[A-Za-z]")
#: Control characters other than newline, carriage return, tab and form feed.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


def _control_ratio(text: str) -> float:
    return len(_CONTROL.findall(text)) / max(len(text), 1)
