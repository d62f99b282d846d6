"""Check a path names a readable regular file before anything opens it.

Opening a named pipe with no writer blocks for ever, and a folder or a device
is never a letter: each is refused with one plain sentence first.
"""

from __future__ import annotations

import stat
from pathlib import Path

from clearair.errors import InputError


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
