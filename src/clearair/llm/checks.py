"""Checks on the model's answer before anything is shown.

- Quotes: each must be found in the text (whitespace, quote marks and case may
  differ; a placeholder of an anonymised request stands for the names it
  replaced). Offsets are clearair's: ``Evidence.text == text[start:end]``. A
  quote that is not found, or only inside someone else's reply, is dropped and
  counted.
- Closed sets: action codes, roles, verdicts, script kinds and advisers come
  from clearair's vocabularies; a never-recommended code can only appear under
  what not to do.
- Lengths: every string and list is bounded.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from clearair.models import Evidence

_QUOTE_CHARS = "\"'`\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u2032\u2033\u00ab\u00bb"
_QUOTE_CLASS = "[" + re.escape(_QUOTE_CHARS) + "]"
_DASHES = "-\u2010\u2011\u2012\u2013\u2014"
_ELLIPSIS = re.compile(r"\s*(?:\.\.\.|\u2026)\s*")
_EDGE = _QUOTE_CHARS + " \t\n.,;:!?()" + "\u2026"
MIN_QUOTE_CHARS = 3
MAX_QUOTE_CHARS = 400


@dataclass
class Tally:
    """What the checks removed or changed, to report plainly."""

    quotes_dropped: int = 0
    quotes_found: int = 0
    unknown_codes: int = 0
    never_moved: list[str] = field(default_factory=list)  # never-recommended codes taken out of the ranking
    verdicts_corrected: int = 0
    trimmed: int = 0


def _word(word: str, aliases: dict[str, list[str]]) -> str:
    out = []
    for piece in re.split(r"(\[[A-Z][A-Z-]*(?:-\d+)?\])", word):
        if not piece:
            continue
        if piece in aliases:
            names = sorted(aliases[piece], key=len, reverse=True)
            out.append("(?:" + "|".join(r"\s+".join(map(re.escape, n.split())) for n in names) + ")")
            continue
        for ch in piece:
            if ch in _QUOTE_CHARS:
                out.append(_QUOTE_CLASS)
            elif ch in _DASHES:
                out.append(f"[{re.escape(_DASHES)}]")
            else:
                out.append(re.escape(ch))
    return "".join(out)


def _pattern(fragment: str, aliases: dict[str, list[str]]) -> str:
    """Quote marks around a word may be in one text and not the other. At the two
    ends of the quote, the text's marks are included only where the model had one."""
    raw = fragment.split()
    words = [w.strip(_QUOTE_CHARS) or w for w in raw]
    last = len(words) - 1
    parts = []
    for i, w in enumerate(words):
        before = "*" if i or raw[0][0] in _QUOTE_CHARS else "{0}"
        after = "*" if i < last or raw[-1][-1] in _QUOTE_CHARS else "{0}"
        parts.append(f"{_QUOTE_CLASS}{before}{_word(w, aliases)}{_QUOTE_CLASS}{after}")
    return r"\s+".join(parts)


_PUNCT = " \t\n.,;:!?()\u2026"


def _trim(piece: str) -> str:
    """Without the punctuation at its ends (also just inside its quote marks)."""
    m = re.match(rf"^({_QUOTE_CLASS}*)(.*?)({_QUOTE_CLASS}*)$", piece.strip(_PUNCT), re.S)
    assert m is not None  # every group may be empty: the pattern matches any text
    lead, core, trail = m.groups()
    core = core.strip(_PUNCT)
    return f"{lead}{core}{trail}" if core else ""


def find_quote(text: str, quote: str, aliases: dict[str, list[str]] | None = None,
               outside: Sequence[tuple[int, int]] = ()) -> Evidence | None:
    """Where ``quote`` occurs in ``text`` (not inside an ``outside`` span), or None.

    A quote with an ellipsis is found piece by piece, in order, and its
    evidence is the longest piece."""
    aliases = aliases or {}
    pieces = [_trim(p) for p in _ELLIPSIS.split(quote.strip())]
    pieces = [p for p in pieces if p]
    if not pieces:
        return None
    found: list[tuple[int, int]] = []
    pos = 0
    for piece in pieces:
        rx = re.compile(_pattern(piece, aliases), re.I)
        hit = next((m for m in rx.finditer(text, pos)
                    if not any(a < m.end() and m.start() < b for a, b in outside)), None)
        if hit is None:
            return None
        found.append(hit.span())
        pos = hit.end()
    start, end = max(found, key=lambda s: s[1] - s[0])
    return Evidence(start=start, end=end, text=text[start:end])


class Quotes:
    """Finds the model's quotes in the user's text and counts the ones it cannot."""

    def __init__(self, text: str, aliases: dict[str, list[str]] | None = None,
                 outside: Sequence[tuple[int, int]] = (), tally: Tally | None = None) -> None:
        self.text, self.aliases, self.outside = text, aliases or {}, list(outside)
        self.tally = tally or Tally()

    def evidence(self, quote: str | None) -> list[Evidence]:
        quote = (quote or "").strip()
        if len(quote.strip(_EDGE)) < MIN_QUOTE_CHARS:
            return []  # "" is the model saying nothing fits: not a failed quote
        if len(quote) > MAX_QUOTE_CHARS:
            self.tally.quotes_dropped += 1
            return []
        ev = find_quote(self.text, quote, self.aliases, self.outside)
        if ev is None:
            self.tally.quotes_dropped += 1
            return []
        self.tally.quotes_found += 1
        return [ev]


def bounded(value: str, limit: int, tally: Tally | None = None) -> str:
    """At most ``limit`` characters, cut at a word boundary."""
    value = " ".join((value or "").split()) if "\n" not in (value or "") else (value or "").strip()
    if len(value) <= limit:
        return value
    if tally is not None:
        tally.trimmed += 1
    cut = value[:limit].rsplit(" ", 1)[0].rstrip(",;: ")
    return cut + "…"


def bounded_words(prose: str, max_words: int, max_chars: int, tally: Tally | None = None) -> str:
    """The prose, trimmed at a sentence end to at most ``max_words`` words."""
    prose = (prose or "").strip()
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", prose) if p.strip()]
    prose = "\n\n".join(paragraphs)
    if len(prose.split()) <= max_words and len(prose) <= max_chars:
        return prose
    if tally is not None:
        tally.trimmed += 1
    out: list[str] = []
    words = 0
    for sentence in re.split(r"(?<=[.!?])(\s+)", prose):
        n = len(sentence.split())
        if words + n > max_words or len("".join(out) + sentence) > max_chars:
            break
        out.append(sentence)
        words += n
    return "".join(out).strip() or bounded(prose, max_chars)


def closed(value: str | None, allowed) -> str | None:
    """``value`` (case and spacing forgiven) if it is in the closed set, else None."""
    if value is None:
        return None
    v = str(value).strip()
    if v in allowed:
        return v
    alt = v.upper().replace(" ", "_").replace("-", "_")
    if alt in allowed:
        return alt
    low = v.lower().replace("-", "_")
    for form in (low, low.replace(" ", "_"), low.replace("_", " ")):
        if form in allowed:
            return form
    return None
