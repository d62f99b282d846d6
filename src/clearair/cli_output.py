"""What the command line prints cannot drive the terminal: text a user typed (a title,
a journal entry, a pasted letter, a file name) is shown, never obeyed.

Terminal escape sequences (colours, cursor moves, window titles, OSC 8 links),
other C0 and C1 control characters, and bidirectional overrides that reorder what
is shown are replaced by U+FFFD before anything reaches stdout or stderr:

- ``guarded_output`` wraps both streams while a command runs, so every printer is
  covered (Rich, ``typer.echo``, error lines). The only escape sequences it lets
  through are plain colour codes (SGR), and only to a terminal, where Rich draws
  its own styles with them;
- inside Rich, user text is cleaned as Rich builds it (Rich's own control-code
  stripping, extended to these characters), so a colour code typed into a title
  cannot pass for one of Rich's;
- JSON keeps the text exactly, with these characters written as ``\\uXXXX`` escapes.
"""

from __future__ import annotations

import os
import re
import sys
from contextlib import contextmanager
from typing import Any, Iterator, NoReturn, TextIO

REPLACEMENT = "\ufffd"
#: Bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069).
BIDI = "\u202a-\u202e\u2066-\u2069"
#: Everything that is not shown as itself: C0 but tab and line feed, DEL, C1, bidi controls.
_UNSAFE_CLASS = f"\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f{BIDI}"
_UNSAFE = re.compile(f"[{_UNSAFE_CLASS}]")
#: A colour/style code (SGR), the only sequence Rich itself writes for a styled report.
_SGR = re.compile(r"\x1b\[[0-9;:]*m")
_SGR_OR_UNSAFE = re.compile(rf"(?P<keep>{_SGR.pattern}|\r\n)|[{_UNSAFE_CLASS}]")
#: Characters JSON may carry raw (only C0 must be escaped) that a terminal would obey.
_JSON_RAW = re.compile(f"[\\x7f-\\x9f{BIDI}]")


def neutralised(text: str, keep_colours: bool = False) -> str:
    """The text with every control character (and any escape sequence) made harmless."""
    if not keep_colours:
        return _UNSAFE.sub(REPLACEMENT, text.replace("\r\n", "\n"))
    return _SGR_OR_UNSAFE.sub(lambda m: m.group() if m.group("keep") else REPLACEMENT, text)


def json_text(data: str) -> str:
    """JSON with C1 controls, DEL and bidi overrides as ``\\uXXXX`` escapes: the same data, shown safely."""
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", data)


class _GuardedStream:
    """A text stream that neutralises what is written to it (see the module's docstring).

    For stdout, a failed write (a full disk behind ``> file``) is remembered rather than
    raised through whichever library was printing; the command then ends with one line
    that says the output could not be written (``flush_output``)."""

    def __init__(self, stream: TextIO, is_output: bool = False) -> None:
        self._stream = stream
        self._colours = _is_terminal(stream)
        self._is_output = is_output
        self.failed: OSError | None = None

    def write(self, text: str) -> int:
        try:
            self._stream.write(neutralised(text, keep_colours=self._colours))
        except OSError as err:
            self._failed(err)
        return len(text)

    def flush(self) -> None:
        try:
            self._stream.flush()
        except OSError as err:
            self._failed(err)

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def _failed(self, err: OSError) -> None:
        if not self._is_output:
            raise err
        if self.failed is None:
            self.failed = err
            _silence_stdout()

    def __getattr__(self, name: str) -> Any:  # isatty, fileno, encoding, buffer (binary exports), ...
        return getattr(self._stream, name)


def _is_terminal(stream: TextIO) -> bool:
    try:
        return bool(stream.isatty()) or bool(os.environ.get("FORCE_COLOR") or os.environ.get("TTY_COMPATIBLE"))
    except (AttributeError, ValueError):
        return False


def _clean_rich_text() -> None:
    """Have Rich replace these characters in every piece of text it builds (it strips a few already)."""
    try:
        from rich import control
    except ImportError:  # pragma: no cover - rich is a dependency
        return
    table = getattr(control, "_CONTROL_STRIP_TRANSLATE", None)
    if isinstance(table, dict):
        unsafe = [*range(0xA0), *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
        table.update({code: REPLACEMENT for code in unsafe if _UNSAFE.match(chr(code)) and code not in table})


@contextmanager
def guarded_output() -> Iterator[None]:
    """stdout and stderr neutralised for the duration (the streams in place are restored after)."""
    _clean_rich_text()
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = _GuardedStream(out, is_output=True), _GuardedStream(err)  # type: ignore[assignment]
    try:
        yield
    finally:
        sys.stdout, sys.stderr = out, err


def _silence_stdout() -> None:
    """Point stdout at the null device, so what is still waiting in its buffer cannot fail again at exit."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.__stdout__.fileno() if sys.__stdout__ else 1)
        os.close(null)
    except (OSError, ValueError):
        pass


def output_failed(err: OSError) -> NoReturn:
    """The output (stdout) could not be written, e.g. a full disk behind ``> file``: one line, exit 2."""
    from clearair.cli_errors import fail

    _silence_stdout()
    fail(f"could not write the output: {err.strerror or err}; nothing more was written")


def flush_output() -> None:
    """Flush stdout; if any write to it failed, say so (the output's failure, not the store's)."""
    stream = sys.stdout
    stream.flush()
    failed = getattr(stream, "failed", None)
    if isinstance(failed, BrokenPipeError):  # the reader stopped early (``| head``): nothing to report
        raise SystemExit(1)
    if isinstance(failed, OSError):
        output_failed(failed)
