"""Normalise a pasted text and split it into letter, replies and updates.

Every transformation here keeps each character where it was (a curly quote
becomes a straight one, furniture becomes blanks), so character offsets found
later in the analysis point straight into the user's original input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from clearair.intake.validate import validate_text
from clearair.intake.reading import within_reading_budget
from clearair.knowledge import load
from clearair.models import Reply, Thread

# One-for-one replacements: same length in, same length out.
_CHAR_MAP = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"',
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ",
    "\u200b": " ", "\ufeff": " ", "\t": " ", "\r": " ", "\f": " ",
})


def normalize(text: str) -> str:
    """Straighten quotes and unify blanks without changing any offset."""
    out = text.translate(_CHAR_MAP)
    assert len(out) == len(text)
    return out


@dataclass(frozen=True)
class Line:
    start: int
    end: int
    text: str  # stripped

    @property
    def blank(self) -> bool:
        return not self.text


@dataclass
class Segment:
    """A part of the thread: [start, end) in the input, with furniture masked out."""

    kind: str  # "letter", "reply", "update"
    start: int
    end: int
    author: str | None = None


@dataclass
class Document:
    """The input, normalised, and where its letter, replies and updates are."""

    original: str
    text: str
    segments: list[Segment]
    furniture: list[tuple[int, int]] = field(default_factory=list)
    narrator_name: str | None = None
    _mask: str | None = field(default=None, repr=False)

    @property
    def letter(self) -> Segment:
        return next(s for s in self.segments if s.kind == "letter")

    def segment_text(self, seg: Segment) -> str:
        """The segment's text with furniture blanked (offsets still global)."""
        masked = self._masked()
        return masked[seg.start:seg.end].strip()

    def analysis_text(self, include_updates: bool = True) -> str:
        """Full-length text in which only the writer's own words are kept.

        Replies and furniture are replaced by spaces (newlines kept), so a
        parse of this string yields offsets valid in the original input.
        """
        kinds = {"letter", "update"} if include_updates else {"letter"}
        masked = list(self._masked())
        keep = [False] * len(masked)
        for seg in self.segments:
            if seg.kind in kinds:
                keep[seg.start:seg.end] = [True] * (seg.end - seg.start)
        last = max((s.end for s in self.segments if s.kind in kinds), default=0)
        chars = [c if keep[i] or c == "\n" else " " for i, c in enumerate(masked[:last])]
        return _squeeze_blank_lines("".join(chars))

    def reading_text(self) -> str:
        """What the engine reads: the writer's own words (``analysis_text``) within the reading
        budget, so a huge paste or an emoji run cannot stall the parse. The one place it is cut."""
        return within_reading_budget(self.analysis_text())

    def thread(self) -> Thread:
        replies = [self._reply(s) for s in self.segments if s.kind == "reply"]
        updates = [self._reply(s) for s in self.segments if s.kind == "update"]
        return Thread(replies=[r for r in replies if r.text], updates=[u for u in updates if u.text])

    def _reply(self, seg: Segment) -> Reply:
        return Reply(author=seg.author, text=self.segment_text(seg), start=seg.start, end=seg.end)

    def _masked(self) -> str:
        if self._mask is None:
            chars = list(self.text)
            for start, end in self.furniture:
                for i in range(start, end):
                    if chars[i] != "\n":
                        chars[i] = " "
            self._mask = "".join(chars)
        return self._mask


def _squeeze_blank_lines(text: str) -> str:
    # Long runs of blank lines would only become many whitespace tokens; keep
    # the length by turning every newline after the second in a run into a space.
    return re.sub(r"\n(\s*\n)+", lambda m: "\n\n" + re.sub(r"\S|\n", " ", m.group(0)[2:]), text)


@cache
def _rules() -> dict:
    data = load("intake")
    flags = re.IGNORECASE
    return {
        "furniture": [re.compile(p, flags) for p in data["furniture_lines"]],
        "reply_start": [(re.compile(r["pattern"], flags), r["reply_begins"]) for r in data["reply_start_lines"]],
        "column": [re.compile(p, flags) for p in data["column_markers"]],
        "update": [re.compile(p, flags | re.MULTILINE) for p in data["writer_update_cues"]],
        "sign_offs": {s.lower() for s in data["sign_offs"]},
        "advice_request": [re.compile(p, flags) for p in data["advice_request_cues"]],
    }


def split_lines(text: str) -> list[Line]:
    lines, pos = [], 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        lead = len(raw) - len(raw.lstrip())
        lines.append(Line(pos + lead, pos + lead + len(stripped), stripped))
        pos += len(raw) + 1
    return lines


def build_document(original: str) -> Document:
    """Validate and normalise ``original`` and find the thread's parts."""
    validate_text(original)
    text = normalize(original)
    rules = _rules()
    lines = split_lines(text)
    furniture: list[tuple[int, int]] = []
    starts: list[tuple[int, str | None]] = []  # (line index where a reply begins, author)

    for i, line in enumerate(lines):
        if line.blank or any(rx.match(line.text) for rx in rules["column"]):
            continue
        for rx, begins in rules["reply_start"]:
            m = rx.match(line.text)
            if m and _plausible_author(m.group("author")):
                starts.append((i + 1 if begins == "next_line" else i, m.group("author").strip()))
                furniture.append((line.start, line.end))
                break
        else:
            if any(rx.match(line.text) for rx in rules["furniture"]):
                furniture.append((line.start, line.end))

    letter_first = _first_letter_line(lines, rules, furniture)
    letter_last_line = starts[0][0] - 2 if starts else len(lines) - 1
    if starts and _only_headings(lines, letter_first, letter_last_line):
        # A pasted thread whose opening post has its own "name wrote:" line ("Forum: … / Thread: … / scaff_lad_88
        # wrote: …"): the headings above are page furniture and the first post is the letter (red team 62 found the
        # advice resting on the thread's title alone).
        furniture.extend((ln.start, ln.end) for ln in lines[letter_first:max(letter_first, letter_last_line) + 1]
                         if not ln.blank)
        letter_first = starts[0][0]
        starts = starts[1:]
        letter_last_line = starts[0][0] - 2 if starts else len(lines) - 1
    segments: list[Segment] = []
    column_answer_line = _column_answer_start(lines, letter_first, letter_last_line, rules)
    letter_end_line = column_answer_line - 1 if column_answer_line is not None else letter_last_line
    letter = Segment("letter", lines[letter_first].start, _end_of(lines, letter_first, letter_end_line))
    segments.append(letter)
    if column_answer_line is not None:
        segments.append(Segment("reply", lines[column_answer_line].start,
                                _end_of(lines, column_answer_line, letter_last_line), "the columnist"))
    for n, (line_idx, author) in enumerate(starts):
        last = starts[n + 1][0] - 2 if n + 1 < len(starts) else len(lines) - 1
        if line_idx >= len(lines) or last < line_idx:
            continue
        seg = Segment("reply", lines[line_idx].start, _end_of(lines, line_idx, last), author)
        segments.append(seg)

    doc = Document(original=original, text=text, segments=segments, furniture=furniture)
    signature = _signature_line(lines, letter_first, letter_end_line, rules)
    if signature is not None:
        # The sign-off name is the writer, not a party: keep it out of the analysis.
        doc.narrator_name = signature.text
        furniture.append((signature.start, signature.end))
    for seg in segments:
        if seg.kind == "reply" and _is_writer_update(doc, seg, rules):
            seg.kind = "update"
    return doc


#: Above the first "name wrote:" line, at most this many words are headings (a forum's title and section), not a letter.
_HEADING_WORDS = 30


def _only_headings(lines: list[Line], first: int, last: int) -> bool:
    """The lines from ``first`` to ``last`` are too short to be the letter: a thread's title and section."""
    words = sum(len(ln.text.split()) for ln in lines[first:last + 1] if not ln.blank)
    return words <= _HEADING_WORDS and not any(ln.text.rstrip().endswith("?") for ln in lines[first:last + 1])


_NOT_AUTHOR_WORDS = frozenset("i he she they we you my his her their our then and but so it".split())


def _plausible_author(author: str) -> bool:
    """A handle or a name, not a narrative clause such as 'then he said:'."""
    words = author.lower().replace(",", " ").split()
    return 0 < len(words) <= 6 and not _NOT_AUTHOR_WORDS.intersection(words)


def _end_of(lines: list[Line], first: int, last: int) -> int:
    last = max(first, min(last, len(lines) - 1))
    while last > first and lines[last].blank:
        last -= 1
    return lines[last].end


def _first_letter_line(lines: list[Line], rules: dict, furniture: list[tuple[int, int]]) -> int:
    """Skip leading furniture and headings up to a column marker, if any."""
    furn_starts = {s for s, _ in furniture}
    for i, line in enumerate(lines[:40]):
        if any(rx.match(line.text) for rx in rules["column"]):
            furniture.append((line.start, line.end))
            # Everything above a column marker is page chrome (title, date).
            for above in lines[:i]:
                if not above.blank and above.start not in furn_starts:
                    furniture.append((above.start, above.end))
            return i + 1 if i + 1 < len(lines) else i
    for i, line in enumerate(lines):
        if not line.blank and line.start not in furn_starts:
            return i
    return 0


def _paragraphs(lines: list[Line], first: int, last: int) -> list[tuple[int, int]]:
    """(first line, last line) of each paragraph in the range."""
    paras, cur = [], None
    for i in range(first, last + 1):
        if lines[i].blank:
            if cur is not None:
                paras.append((cur, i - 1))
                cur = None
        elif cur is None:
            cur = i
    if cur is not None:
        paras.append((cur, last))
    return paras


_FIRST = re.compile(r"\b(i|me|my|mine|i'm|i've|i'd|i'll|we|our)\b", re.IGNORECASE)


def _column_answer_start(lines: list[Line], first: int, last: int, rules: dict) -> int | None:
    """In a column letter followed by the answer, the line where the answer begins.

    The letter asks for advice in the first person; the answer that follows
    speaks about the writer rather than as the writer.
    """
    paras = _paragraphs(lines, first, last)
    for n in range(1, len(paras)):
        prev_text = " ".join(lines[i].text for i in range(paras[n - 1][0], paras[n - 1][1] + 1))
        text = " ".join(lines[i].text for i in range(paras[n][0], paras[n][1] + 1))
        first_p = len(_FIRST.findall(text))
        asked = any(rx.search(prev_text) for rx in rules["advice_request"]) and "?" in prev_text
        starts_dear = text.lower().startswith("dear ") and n > 0
        if starts_dear or (asked and first_p <= 1 and len(text.split()) >= 8 and n >= 2):
            return paras[n][0]
    return None


def _signature_line(lines: list[Line], first: int, last: int, rules: dict) -> Line | None:
    """The line with the writer's name when the letter ends with 'Thanks, NAME'."""
    content = [lines[i] for i in range(first, last + 1) if not lines[i].blank]
    if len(content) < 2:
        return None
    name, before = content[-1].text, content[-2].text.rstrip(",.! ").lower()
    if before in rules["sign_offs"] and re.fullmatch(r"[A-Z][\w.'-]*( [A-Z][\w.'-]*)?", name):
        return content[-1]
    return None


def _is_writer_update(doc: Document, seg: Segment, rules: dict) -> bool:
    text = doc.segment_text(seg)
    if doc.narrator_name and seg.author and seg.author.lower() == doc.narrator_name.lower():
        return True
    return any(rx.search(text) for rx in rules["update"])
