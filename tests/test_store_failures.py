"""The store under a held write lock, a full disk, a read-only file and a busy database (SQLite)."""

import datetime as dt
import sqlite3
import threading

import pytest
from sqlalchemy import event, select

from clearair.store import CaseStore, StoreBusy, StoreFull, StoreReadOnly
from clearair.store.schema import Case, Version
from conftest import seed_text

UPDATE = "The director apologised publicly at the weekly meeting."


def _case_without_analysis(store: CaseStore) -> int:
    """A stored case (the analysis is not what these tests are about)."""
    with store.writing() as s:
        case = Case(title="a case")
        s.add(case)
        s.flush()
        s.add(Version(case_id=case.id, seq=1, kind="original", text=seed_text("peer-goes-cold-after-mistake")))
        return case.id


class HeldWriteLock:
    """Another connection holds BEGIN IMMEDIATE for ``seconds``; ``released`` is set when it lets go."""

    def __init__(self, path, seconds: float) -> None:
        self.path, self.seconds = path, seconds
        self.taken, self.released = threading.Event(), threading.Event()

    def __enter__(self):
        def hold():
            con = sqlite3.connect(self.path, isolation_level=None)
            con.execute("BEGIN IMMEDIATE")
            self.taken.set()
            threading.Event().wait(self.seconds)
            con.execute("ROLLBACK")
            con.close()
            self.released.set()

        self.thread = threading.Thread(target=hold, daemon=True)
        self.thread.start()
        assert self.taken.wait(10)
        return self

    def __exit__(self, *exc):
        self.thread.join()


def test_listings_and_session_lookups_do_not_wait_for_the_write_lock(tmp_path):
    from clearair.store.accounts import Accounts

    path = tmp_path / "cases.db"
    store = CaseStore(f"sqlite:///{path}")
    accounts = Accounts(store)
    accounts.add("alice", "long enough password")
    token = accounts.login("alice", "long enough password")
    case_id = _case_without_analysis(store)
    with HeldWriteLock(path, 3.0) as lock:
        assert accounts.user_for(token) == "alice"
        assert [c.id for c in store.list()] == [case_id]
        assert store.get(case_id).id == case_id
        assert not lock.released.is_set(), "the reads waited for the writer"


def test_passwords_are_hashed_outside_any_transaction(tmp_path, monkeypatch):
    from clearair.store import accounts as accounts_module

    store = CaseStore(f"sqlite:///{tmp_path / 'cases.db'}")
    accounts = accounts_module.Accounts(store)
    real = accounts_module._hasher
    open_connections = []

    class Spy:  # notes how many database connections are out while a password is hashed or checked
        def hash(self, *a, **k):
            open_connections.append(store.engine.pool.checkedout())
            return real.hash(*a, **k)

        def verify(self, *a, **k):
            open_connections.append(store.engine.pool.checkedout())
            return real.verify(*a, **k)

    monkeypatch.setattr(accounts_module, "_hasher", Spy())
    accounts.add("alice", "long enough password")
    assert accounts.login("alice", "long enough password")
    assert accounts.login("nobody", "long enough password") is None
    assert open_connections and set(open_connections) == {0}


def test_a_full_disk_is_a_store_error_and_nothing_is_saved(tmp_path):
    store = CaseStore(f"sqlite:///{tmp_path / 'full.db'}")
    case_id = _case_without_analysis(store)
    store.engine.dispose()

    @event.listens_for(store.engine, "connect")
    def no_room(dbapi_conn, _record):  # the database may not grow by a single page
        cur = dbapi_conn.cursor()
        pages = cur.execute("PRAGMA page_count").fetchone()[0]
        cur.execute(f"PRAGMA max_page_count={pages}")
        cur.close()

    with pytest.raises(StoreFull, match="full"):
        for n in range(50):
            store.update(case_id, f"{UPDATE} {n} " + "It was said again in front of everyone. " * 60, evaluate=False)
    with store.reading() as s:
        case = s.get(Case, case_id)
        assert case.eval_holder is None
        stored = s.scalars(select(Version.text).where(Version.case_id == case_id)).all()
    assert all(t.endswith(". ") or t == stored[0] for t in stored)  # what was stored is whole


def test_a_read_only_database_opens_and_refuses_writes_clearly(tmp_path):
    path = tmp_path / "ro.db"
    case_id = _case_without_analysis(CaseStore(f"sqlite:///{path}"))
    store = CaseStore(f"sqlite:///file:{path}?mode=ro&uri=true")
    assert store.get(case_id).id == case_id
    with pytest.raises(StoreReadOnly, match="read-only"):
        store.update(case_id, UPDATE, evaluate=False)


def test_a_writer_that_cannot_get_the_lock_in_time_is_told_the_store_is_busy(tmp_path):
    path = tmp_path / "busy.db"
    store = CaseStore(f"sqlite:///{path}", busy_seconds=0.2)
    case_id = _case_without_analysis(store)
    with HeldWriteLock(path, 2.0):
        with pytest.raises(StoreBusy, match="busy"):
            store.update(case_id, UPDATE, evaluate=False)
    assert store.update(case_id, UPDATE, evaluate=False).seq == 2


def test_an_update_stored_before_the_disk_filled_is_kept_and_leaves_no_lease(tmp_path, monkeypatch):
    """The report could not be written: the update stands (a retry would duplicate it), the
    answer says the advice is pending, and no lease is left to block the case."""
    store = CaseStore(f"sqlite:///{tmp_path / 'late.db'}")
    case_id = store.create(seed_text("peer-goes-cold-after-mistake"))

    def full(*_a, **_k):
        raise StoreFull("the disk is full")

    monkeypatch.setattr(store, "_store", full)
    outcome = store.update(case_id, UPDATE, dt.date(2026, 11, 20))
    assert outcome.pending and outcome.seq == 2
    case = store.get(case_id)
    assert [v.seq for v in case.versions] == [1, 2] and case.eval_holder is None


def test_a_lease_the_full_disk_kept_is_given_back_on_the_next_write(tmp_path, monkeypatch):
    store = CaseStore(f"sqlite:///{tmp_path / 'stuck.db'}")
    case_id = store.create(seed_text("peer-goes-cold-after-mistake"))
    real_release = store._release

    def full(*_a, **_k):
        raise StoreFull("the disk is full")

    monkeypatch.setattr(store, "_store", full)
    monkeypatch.setattr(store, "_release", full)
    assert store.update(case_id, UPDATE).pending
    assert store.get(case_id).eval_holder is not None  # the database would not take the release either
    monkeypatch.setattr(store, "_release", real_release)
    monkeypatch.undo()
    store.update(case_id, "We talked it through today and agreed to start over.", evaluate=False)
    assert store.get(case_id).eval_holder is None
    case, report = store.open_case(case_id)
    assert case.versions[-1].report is not None and report.recommendations


def test_the_data_folder_is_the_users_alone(tmp_path, monkeypatch):
    """Cases, journals and password hashes live there: other users on the machine must not read them."""
    import stat

    from clearair.store.db import data_dir

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    (tmp_path / "clearair").mkdir(mode=0o755)
    folder = data_dir()
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
