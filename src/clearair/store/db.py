"""Where the case store lives, how to open it, and the two kinds of transaction.

SQLite in the user's data directory by default (WAL, foreign keys on);
``CLEARAIR_DATABASE_URL`` points at PostgreSQL (or any SQLAlchemy URL) for the
multi-user path. The schema is brought up to date with Alembic on open.

Every transaction says what it is (as datasette's ``execute`` and
``execute_write_fn`` do): ``transaction(engine, write=False)`` reads and never
waits for the write lock (WAL lets it run beside a writer; on PostgreSQL it is
declared READ ONLY); ``transaction(engine, write=True)`` issues ``BEGIN
IMMEDIATE`` itself on SQLite, so two writers never both read the same next
version number (PostgreSQL gets the same guarantee from ``SELECT ... FOR
UPDATE`` on the case row).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import Session

from clearair.store.errors import translated

#: How long a writer waits for another writer's lock before giving up with StoreBusy.
BUSY_SECONDS = 60.0


def data_dir() -> Path:
    """The user's clearair folder (created on first use): the SQLite file and the access token live here."""
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share") / "clearair"
    base.mkdir(parents=True, exist_ok=True)
    base.chmod(0o700)  # cases, journals and password hashes: this user's alone, whatever the umask made
    return base


def default_url() -> str:
    return os.environ.get("CLEARAIR_DATABASE_URL") or f"sqlite:///{data_dir() / 'cases.db'}"


def make_engine(url: str | None = None, busy_seconds: float = BUSY_SECONDS) -> Engine:
    url = url or default_url()
    with translated():
        engine = create_engine(url)
        if engine.dialect.name == "sqlite":
            @event.listens_for(engine, "connect")
            def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
                dbapi_conn.isolation_level = None  # no implicit BEGIN: each transaction issues its own
                cur = dbapi_conn.cursor()
                cur.execute("PRAGMA journal_mode=WAL")
                cur.execute("PRAGMA foreign_keys=ON")
                cur.execute(f"PRAGMA busy_timeout={int(busy_seconds * 1000)}")
                cur.execute("PRAGMA secure_delete=ON")  # deleted text is overwritten, not left in free pages
                cur.close()
        migrate(engine)
    return engine


def begin(conn: Connection, write: bool) -> None:
    """Start the connection's transaction as a read or as a write (see the module's docstring)."""
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")
    elif not write and conn.dialect.name == "postgresql":
        conn.exec_driver_sql("SET TRANSACTION READ ONLY")


@contextmanager
def transaction(engine: Engine, write: bool) -> Iterator[Session]:
    """A session in one transaction: committed at the end of a write, rolled back after a read
    (or after any error). Disk-full, read-only and locked databases surface as StoreError."""
    with translated(), Session(engine, expire_on_commit=False) as s:
        begin(s.connection(), write)
        try:
            yield s
            if write:
                s.commit()
        except BaseException:
            s.rollback()
            raise


def alembic_config() -> Any:
    """Alembic's configuration for the store's migrations (packaged with it: no alembic.ini)."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(resources.files("clearair.store").joinpath("migrations")))
    return cfg


def migrate(engine: Engine) -> None:
    """Apply every Alembic migration the database has not seen yet (a database already
    up to date is only read, so a read-only one still opens)."""
    from alembic import command
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    cfg = alembic_config()
    with engine.connect() as conn:
        begin(conn, write=False)
        current = set(MigrationContext.configure(conn).get_current_heads())
        conn.rollback()
        if current == set(ScriptDirectory.from_config(cfg).get_heads()):
            return
        begin(conn, write=True)
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
        conn.commit()
