"""The single-user access token, kept in the data folder so a bookmark and a saved page survive a restart.

Created once with file mode 0600 (readable by this user only) and reused; a
file someone made readable by others is tightened back to 0600 when read.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

FILE_NAME = "access-token"


def load_or_create(folder: Path) -> str:
    """The token stored in ``folder``, made (once) if there is none."""
    path = folder / FILE_NAME
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        if path.stat().st_mode & 0o077:
            path.chmod(0o600)
        token = path.read_text(encoding="ascii").strip()
        if len(token) >= 24 and token.isascii():
            return token
        path.unlink()  # empty or damaged: make a new one
        return load_or_create(folder)
    token = secrets.token_urlsafe(24)
    with os.fdopen(fd, "w", encoding="ascii") as fh:
        fh.write(token + "\n")
    return token
