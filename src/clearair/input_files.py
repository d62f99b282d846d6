"""Files the command line reads and writes: only regular files, and text in any Unicode form.

Opening a named pipe with no writer (or, to write, no reader) blocks for ever,
and a folder or a device is never a letter: each is refused with one plain
sentence first. A text file saved as UTF-16 or UTF-32 (with its byte-order mark,
as some editors on Windows save) is read as the text it is, not called binary.
"""

from __future__ import annotations

import codecs
import errno
import os
import stat
import sys
from pathlib import Path
from typing import BinaryIO

from clearair.errors import InputError

#: Byte-order marks of the wide Unicode forms (UTF-32 first: its little-endian mark starts like UTF-16's).
_WIDE_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
              (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def regular_file(source: str) -> Path:
    path = Path(source)
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        raise InputError(f"no such file: {source}") from None
    except OSError as err:
        raise InputError(f"cannot read {source}: {err.strerror}") from None
    if stat.S_ISDIR(mode):
        raise InputError(f"{source} is a folder, not a file")
    if not stat.S_ISREG(mode):
        raise InputError(f"{source} is not a regular file (a pipe or a device); save the text to a file, "
                         "or send it on stdin with '-'")
    return path


def as_utf8(data: bytes) -> bytes:
    """UTF-16 or UTF-32 text (known by its byte-order mark) as UTF-8; any other bytes as they are."""
    for bom, codec in _WIDE_BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec).encode("utf-8")
            except UnicodeDecodeError:
                raise InputError(f"the input starts like {codec.upper()} text but is not valid {codec.upper()}; "
                                 "save it as UTF-8") from None
    return data


def read_text(source: str | None) -> str:
    """The text of a regular file, or of stdin for None or '-', checked as the intake checks any input."""
    from clearair.intake import read_bytes
    from clearair.intake.reading import MAX_BYTES

    limit = 4 * MAX_BYTES + 4  # room for the widest form; the size is checked again once it is UTF-8
    if source in (None, "-"):
        data = sys.stdin.buffer.read(limit)
    else:
        path = regular_file(source)
        try:
            with path.open("rb") as fh:
                data = fh.read(limit)
        except OSError as err:
            raise InputError(f"cannot read {source}: {err.strerror}") from None
    return read_bytes(as_utf8(data))


def check_output(target: str) -> None:
    """Refuse, before any work, a target that exists and is not a regular file (a pipe, a device, a folder)."""
    try:
        mode = os.stat(target).st_mode
    except OSError:
        return  # a new file (or one we cannot see: opening it will say why)
    if stat.S_ISDIR(mode):
        raise InputError(f"{target} is a folder, not a file")
    if not stat.S_ISREG(mode):
        raise InputError(f"{target} is not a regular file (a pipe or a device); give a file name")


def open_output(target: str) -> BinaryIO:
    """``target`` opened to be written from the start; refused at once when it is not a regular file.

    Opened without blocking, so a named pipe nobody reads fails at once instead of
    hanging, then checked to be a regular file (a pipe, a device or a folder is refused)."""
    try:
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_NONBLOCK, 0o666)
    except IsADirectoryError:
        raise InputError(f"{target} is a folder, not a file") from None
    except OSError as err:
        if err.errno == errno.ENXIO:  # a named pipe with no reader
            raise InputError(f"{target} is not a regular file (a pipe or a device); give a file name") from None
        raise InputError(f"cannot write {target}: {err.strerror}") from None
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise InputError(f"{target} is not a regular file (a pipe or a device); give a file name")
    os.set_blocking(fd, True)
    os.ftruncate(fd, 0)
    return os.fdopen(fd, "wb")
