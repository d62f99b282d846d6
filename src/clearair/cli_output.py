"""What the command line prints cannot drive the terminal: text a user typed (a title,
a journal entry, a pasted letter, a file name) is shown, never obeyed.

Terminal escape sequences (colours, cursor moves, window titles, OSC 8 links),
other C0 and C1 control characters, and bidirectional overrides that reorder what
is shown are replaced by U+FFFD before anything reaches stdout or stderr:

- every view passes user text through ``render.terminal.neutralised`` before
  Rich builds anything with it, so a colour code typed into a title cannot pass
  for one of the report's own styles; lines printed with ``typer.echo`` use it too;
- ``guarded_output`` wraps both streams while a command runs, as a second guard
  for every printer (Rich, ``typer.echo``, error lines). The only escape
  sequences it lets through are plain colour codes (SGR), and only to a terminal,
  where Rich draws its own styles with them;
- JSON keeps the text exactly, with these characters written as ``\\uXXXX`` escapes.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, NoReturn, TextIO

from clearair.render.terminal import BIDI, REPLACEMENT, UNSAFE_CHARACTERS, neutralised

__all__ = ["flush_output", "guarded_output", "json_text", "neutralised", "output_failed"]

#: A colour/style code (SGR), the only sequence Rich itself writes for a styled report.
_SGR = re.compile(r"\x1b\[[0-9;:]*m")
_SGR_OR_UNSAFE = re.compile(rf"(?P<keep>{_SGR.pattern}|\r\n)|[{UNSAFE_CHARACTERS}]")
#: Characters JSON may carry raw (only C0 must be escaped) that a terminal would obey.
_JSON_RAW = re.compile(f"[\\x7f-\\x9f{BIDI}]")


def _guarded(text: str, keep_colours: bool) -> str:
    """What reaches the stream: everything neutralised, or, to a terminal, all but plain colour codes."""
    if not keep_colours:
        return neutralised(text)
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
            self._stream.write(_guarded(text, keep_colours=self._colours))
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


@contextmanager
def guarded_output() -> Iterator[None]:
    """stdout and stderr neutralised for the duration (the streams in place are restored after)."""
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
