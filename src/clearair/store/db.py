"""Where the case store lives and how to open it.

SQLite in the user's data directory by default (WAL, foreign keys on);
``CLEARAIR_DATABASE_URL`` points at PostgreSQL (or any SQLAlchemy URL) for the
multi-user path. The schema is brought up to date with Alembic on open.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine


READ_ONLY = "clearair_read_only"


def reading(engine: Engine) -> Engine:
    """The same engine (same pool), for transactions that only read."""
    return engine.execution_options(**{READ_ONLY: True})


def default_url() -> str:
    url = os.environ.get("CLEARAIR_DATABASE_URL")
    if url:
        return url
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share") / "clearair"
    base.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{base / 'cases.db'}"


def make_engine(url: str | None = None) -> Engine:
    url = url or default_url()
    engine = create_engine(url, future=True)
    if engine.dialect.name == "sqlite":
        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn, _record):  # noqa: ANN001 - DB-API objects
            dbapi_conn.isolation_level = None  # let SQLAlchemy's BEGIN below decide
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA busy_timeout=60000")
            cur.execute("PRAGMA secure_delete=ON")  # deleted text is overwritten, not left in free pages
            cur.close()

        @event.listens_for(engine, "begin")
        def _write_lock_up_front(conn):  # noqa: ANN001
            # A write transaction takes the write lock at the start (BEGIN
            # IMMEDIATE), so two writers never both read the same next version
            # number (PostgreSQL gets the same guarantee from SELECT ... FOR
            # UPDATE on the case row). Reads (see ``reading``) need no lock:
            # WAL lets them run beside a writer.
            conn.exec_driver_sql("BEGIN" if conn.get_execution_options().get(READ_ONLY) else "BEGIN IMMEDIATE")
    migrate(engine)
    return engine


def migrate(engine: Engine) -> None:
    """Apply every Alembic migration the database has not seen yet."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(resources.files("clearair.store").joinpath("migrations")))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
