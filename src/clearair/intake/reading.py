"""Turn a file, stdin or bytes into text, with clear errors for bad bytes."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from clearair.errors import InputError

#: The one unit for how much text is read (validation, a case's reading window):
#: characters, so a letter full of emoji is not measured differently in two places.
MAX_CHARS = 200_000
#: Larger inputs are refused before decoding: more bytes than the longest text allowed could take in UTF-8
#: (four a character), so the limit a writer meets is the one in characters, whatever their alphabet.
MAX_BYTES = 4 * MAX_CHARS
#: How much of a text is read: about 5,000 words and marks (some 22,000 characters of English: more than
#: any letter, and more than a case's reading window of 20,000), and no "word" longer than 100 characters.
#: Past that a parse takes seconds per page (minutes on one long run of emoji) and reads nothing more.
READ_TOKENS = 5_000
READ_TOKEN_CHARS = 100
_LONG_RUN = re.compile(rf"\S{{{READ_TOKEN_CHARS + 1},}}")
_PIECE = re.compile(r"\w+|[^\w\s]")


def read_bytes(data: bytes) -> str:
    """Decode user bytes as UTF-8 (a BOM is allowed), refusing binary data."""
    if len(data) > MAX_BYTES:
        raise InputError(
            f"input is too large ({len(data):,} bytes); clearair reads at most {MAX_BYTES:,} bytes"
        )
    if b"\x00" in data:
        raise InputError("input looks like a binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(
            f"input is not valid UTF-8 text (bad byte at position {err.start}); save it as UTF-8"
        ) from None


def within_reading_budget(text: str) -> str:
    """The part of the text that is read: up to ``READ_TOKENS`` words and marks, each
    run without spaces blanked out after ``READ_TOKEN_CHARS``.

    The text is cut at the end and blanked within, never shifted, so every offset
    found in it is still valid in the original input. A text within the budget is
    returned as it is."""
    text = _LONG_RUN.sub(lambda m: m.group()[:READ_TOKEN_CHARS] + " " * (len(m.group()) - READ_TOKEN_CHARS), text)
    for count, piece in enumerate(_PIECE.finditer(text), 1):
        if count > READ_TOKENS:
            return text[:piece.start()]
    return text


def read_source(source: str | None) -> str:
    """Read from a path, or from stdin when ``source`` is None or '-'."""
    if source in (None, "-"):
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
    else:
        path = Path(source)
        if not path.exists():
            raise InputError(f"no such file: {source}")
        if path.is_dir():
            raise InputError(f"{source} is a folder, not a text file")
        try:
            with path.open("rb") as fh:
                data = fh.read(MAX_BYTES + 1)
        except OSError as err:
            raise InputError(f"cannot read {source}: {err.strerror}") from None
    return read_bytes(data)
