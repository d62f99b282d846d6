"""Store failures a person can act on: the disk is full, the database is read-only, or it is busy.

The database drivers report these as generic operational errors with a code or
a message; ``translated`` turns them into one of three types with a sentence
that says what happened and what to do, so the command line and the server can
answer clearly (and a retry can be told apart from a bad request).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.exc import DBAPIError


class StoreError(Exception):
    """The store cannot do this right now; ``str(err)`` is the one-line message."""


class StoreFull(StoreError):
    """No space left for the database (nothing was saved)."""


class StoreReadOnly(StoreError):
    """The database can be read but not written (nothing was saved)."""


class StoreBusy(StoreError):
    """Another writer held the database for longer than the wait allowed (nothing was saved)."""


#: PostgreSQL error codes (SQLSTATE) for the three cases.
_PG_CODES = {"53100": StoreFull, "53200": StoreFull, "25006": StoreReadOnly, "55P03": StoreBusy, "40P01": StoreBusy,
             "57014": StoreBusy}
#: Words of SQLite's messages (sqlite3 gives no code before Python 3.11's sqlite_errorcode on every error).
_SQLITE_WORDS = (("disk is full", StoreFull), ("database or disk is full", StoreFull),
                 ("readonly database", StoreReadOnly), ("read-only", StoreReadOnly),
                 ("database is locked", StoreBusy), ("database table is locked", StoreBusy),
                 ("database is busy", StoreBusy))
_MESSAGES = {
    StoreFull: "the disk holding the case store is full; nothing was saved (free some space and try again)",
    StoreReadOnly: "the case store is read-only here; nothing was saved (check the file's permissions)",
    StoreBusy: "the case store is busy with another writer; nothing was saved (try again in a moment)",
}


def classify(err: BaseException) -> type[StoreError] | None:
    """Which store error a driver error is, or None when it is none of the three."""
    orig = getattr(err, "orig", None) or err
    code = getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None)
    if code in _PG_CODES:
        return _PG_CODES[code]
    name = getattr(orig, "sqlite_errorname", "") or ""
    if name.startswith("SQLITE_FULL"):
        return StoreFull
    if name.startswith("SQLITE_READONLY"):
        return StoreReadOnly
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return StoreBusy
    message = str(orig).lower()
    if "no space left" in message or "could not extend file" in message:
        return StoreFull
    for words, kind in _SQLITE_WORDS:
        if words in message:
            return kind
    return None


def store_error(err: BaseException) -> StoreError | None:
    kind = classify(err)
    return kind(_MESSAGES[kind]) if kind is not None else None


@contextmanager
def translated() -> Iterator[None]:
    """Re-raise a driver's disk-full, read-only or locked error as the store's own."""
    try:
        yield
    except (DBAPIError, OSError) as err:
        mapped = store_error(err)
        if mapped is None:
            raise
        raise mapped from err
