"""Each version keeps the running totals of its case's text up to it (migration 0007), so a write
checks its reading window from a few rows found by index steps, however many versions the case
has, with the verdict it had when the window was summed part by part.

SQLite by default; with CLEARAIR_TEST_DATABASE_URL set (to a server such as scripts/test-postgres.sh
starts) the same tests run on PostgreSQL."""

import datetime as dt
import os
import threading

import pytest
from sqlalchemy import event, inspect, text

from clearair.errors import InputError
from clearair.intake.reading import MAX_CHARS
from clearair.store import CaseStore
from clearair.store.cases import _Pending, case_text, new_holder
from clearair.store.schema import Case, Version
from clearair.store.window import measure
from conftest import seed_text


def open_store(tmp_path, **kwargs) -> CaseStore:
    """SQLite in ``tmp_path``, or the PostgreSQL database the run was given, emptied."""
    url = os.environ.get("CLEARAIR_TEST_DATABASE_URL")
    if not url:
        return CaseStore(f"sqlite:///{tmp_path / 'cases.db'}", **kwargs)
    s = CaseStore(url, **kwargs)
    with s.engine.begin() as conn:
        conn.execute(text("TRUNCATE cases, versions, journal, reports, case_shares, users, sessions "
                          "RESTART IDENTITY CASCADE"))
    return s


@pytest.fixture()
def store(tmp_path):
    return open_store(tmp_path)


def assert_totals_recounted(store: CaseStore, case_id: int) -> None:
    """Every version's totals are the measure of the case's text up to and including it (on a
    long case, some 40 versions' spread over it and the newest ones': a wrong total carries on)."""
    versions = store.get(case_id).versions
    assert all(v.total_chars is not None for v in versions)
    for v in versions[::max(1, len(versions) // 40)] + versions[-3:]:
        assert (v.total_chars, v.total_words, v.total_common_words) == tuple(
            measure(case_text(versions, upto=v.seq))), v.seq


class Counted:
    """The statements a store issues (and, on SQLite, the virtual machine steps they take)."""

    def __init__(self, store: CaseStore) -> None:
        self.store, self.statements, self.steps = store, [], 0

    def check(self, case_id: int, update: str) -> None:
        """Check ``update`` against the case's window, as a write does before it takes the lock."""
        def count(_conn, _cursor, statement, *_args):
            if not statement.startswith(("BEGIN", "SET TRANSACTION")):  # the transaction's own
                self.statements.append(statement)

        def step() -> int:
            self.steps += 1
            return 0

        event.listen(self.store.engine, "before_cursor_execute", count)
        try:
            with self.store.reading() as s:
                raw = s.connection().connection.dbapi_connection
                if self.store.engine.dialect.name == "sqlite":
                    raw.set_progress_handler(step, 1)
                try:
                    self.store._check_readable(s, case_id, _Pending(update, None))
                finally:
                    if self.store.engine.dialect.name == "sqlite":
                        raw.set_progress_handler(None, 1)
        finally:
            event.remove(self.store.engine, "before_cursor_execute", count)


def long_case(store: CaseStore, updates: int) -> int:
    """A case of ``updates`` short updates stored at once (as an older release or a tool might:
    without their numbers), then one through the store, which counts the case's totals."""
    with store.writing() as s:
        case = Case(title="A long case")
        s.add(case)
        s.flush()
        s.add_all([Version(case_id=case.id, seq=1, kind="original", text=seed_text("peer-goes-cold-after-mistake"))]
                  + [Version(case_id=case.id, seq=seq, kind="update", text=f"He ignored me again, day {seq}.")
                     for seq in range(2, updates + 1)])
        case_id = case.id
    store.update(case_id, "He told me that he was not going to the review with them.", evaluate=False)
    return case_id


def test_every_version_keeps_the_totals_of_the_text_up_to_it(store):
    """Updates with emoji and dates, a row written without numbers, and that row set aside as
    unreadable: after each, every version's totals are a recount of the case's text up to it."""
    case_id = store.create(seed_text("peer-goes-cold-after-mistake"))
    for n in range(8):
        store.update(case_id, f"He sent \U0001F620 to the team on day {n}, and I was not told.",
                     happened_on=dt.date(2026, 3, 1 + n) if n % 2 else None, evaluate=False)
    assert_totals_recounted(store, case_id)
    with store.writing() as s:  # written some other way: no measure, no totals, and not English
        s.add(Version(case_id=case_id, seq=10, kind="update", text="Он снова это сделал сегодня на встрече."))
    store.update(case_id, "She moved the review to Friday without asking me.", evaluate=False)
    assert_totals_recounted(store, case_id)  # the case was counted again on that write
    holder = new_holder()  # what a reading that fails on it does: set it aside
    assert store._claim(case_id, holder) and store._set_aside(case_id, holder, "unused")
    store._release(case_id, holder)
    assert [v.unreadable for v in store.get(case_id).versions if v.seq == 10][0]
    assert_totals_recounted(store, case_id)  # the versions after it are read without it
    store.update(case_id, "He apologised to me this morning and said it would not happen again.", evaluate=False)
    assert_totals_recounted(store, case_id)


def test_concurrent_writers_keep_every_total_right(store):
    """Totals are taken in the transaction that stores the version, under the case's write lock."""
    case_id = store.create(seed_text("peer-goes-cold-after-mistake"))
    url = store.engine.url.render_as_string(hide_password=False)
    errors = []

    def write(w: int) -> None:
        try:
            mine = CaseStore(url)
            for n in range(15):
                mine.update(case_id, f"Writer {w} update {n}: the director raised it again today.", evaluate=False)
            mine.engine.dispose()
        except Exception as err:  # noqa: BLE001  (reported below)
            errors.append(err)

    threads = [threading.Thread(target=write, args=(w,)) for w in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert len(store.get(case_id).versions) == 61
    assert_totals_recounted(store, case_id)


def test_a_case_with_thousands_of_versions_is_checked_in_bounded_work(store):
    """The check reads the first and newest versions and at most one more found by an index step:
    at most two statements, and on SQLite about the same steps, on 3,000 versions as on 30, whether
    the window holds a few hundred of them (the default budget) or all of them."""
    short, long = long_case(store, 30), long_case(store, 3_000)
    assert_totals_recounted(store, long)
    url = store.engine.url.render_as_string(hide_password=False)
    update = "He apologised to me this morning and said it would not happen again."
    for budget in (20_000, MAX_CHARS):
        sized = CaseStore(url, budget_chars=budget)
        small, large = Counted(sized), Counted(sized)
        small.check(short, update)
        large.check(long, update)
        assert len(small.statements) <= len(large.statements) <= 2
        if sized.engine.dialect.name == "sqlite":
            assert large.steps <= 2 * small.steps + 50, (budget, small.steps, large.steps)
            by_parts = Counted(sized)  # summing the window part by part reads every update it holds
            sized._check_readable = sized._check_readable_by_parts  # type: ignore[method-assign]
            by_parts.check(long, update)
            assert by_parts.steps > 10 * large.steps, budget
        sized.engine.dispose()
    store.update(long, update, evaluate=False)
    assert_totals_recounted(store, long)


def test_a_refusal_from_the_totals_is_worded_by_the_intake(tmp_path):
    """Terse updates push the English ones out of a cut window until the totals find it is no longer
    English: that update is refused with the intake's words, and nothing is stored."""
    store = open_store(tmp_path, budget_chars=3_000)
    case_id = store.create("My colleague keeps taking the credit for my work in our meetings, "
                           "and I do not know what I should say to him about it.")
    for _ in range(20):
        store.update(case_id, "He told me that he was not going to the review with them, and then he did.",
                     evaluate=False)
    terse = "Meeting cancelled. Director furious. Email ignored again. Project delayed, budget frozen. " * 4
    stored = 0
    with pytest.raises(InputError, match="English"):
        for _ in range(20):
            store.update(case_id, terse, evaluate=False)
            stored += 1
    assert stored >= 2  # taken while the window still held enough English
    counted = Counted(store)
    with pytest.raises(InputError, match="English"):
        counted.check(case_id, terse)
    assert len(counted.statements) == 3  # the ends, the index step, and the window's text to word the refusal
    assert len(store.get(case_id).versions) == 21 + stored
    assert_totals_recounted(store, case_id)


def test_the_migration_counts_totals_for_versions_stored_before_it(store, monkeypatch):
    """A database an earlier release left at 0006 (more rows than a page of the migration, cases
    interleaved, one version set aside, one row without its measure): on open every version gets
    the totals a recount gives, and the next write checks its window from them."""
    from alembic import command

    from clearair.store.cases import CaseStore as Store
    from clearair.store.db import alembic_config
    from clearair.store.schema import Base

    url = store.engine.url.render_as_string(hide_password=False)
    cfg = alembic_config()
    with store.engine.begin() as conn:  # the earlier release's schema, empty
        Base.metadata.drop_all(conn)
        conn.execute(text("DROP TABLE alembic_version"))
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0005")
        for case_id in (1, 2, 3):
            conn.execute(text("INSERT INTO cases (id, title, created_at) "
                              "VALUES (:id, 'An old case', '2026-01-05 09:00')"), {"id": case_id})
        rows = [{"case": case_id, "seq": seq, "kind": "original" if seq == 1 else "update",
                 "body": seed_text("peer-goes-cold-after-mistake") if seq == 1 else
                 f"Case {case_id}, day {seq}: he sent \U0001F620 to the team and I was not told.",
                 "day": dt.date(2026, 1, 1 + seq % 28) if seq % 3 == 0 else None}
                for seq in range(1, 251) for case_id in (1, 2, 3)]  # ids interleave the cases
        conn.execute(text("INSERT INTO versions (case_id, seq, kind, text, happened_on, created_at) "
                          "VALUES (:case, :seq, :kind, :body, :day, '2026-01-09 10:00')"), rows)
        command.upgrade(cfg, "0006")
        conn.execute(text("UPDATE versions SET unreadable = 'set aside' WHERE case_id = 2 AND seq = 100"))
        conn.execute(text("INSERT INTO versions (case_id, seq, kind, text, created_at) "  # no measure: after 0006
                          "VALUES (3, 251, 'update', 'She moved the review to Friday without asking me.', "
                          "'2026-01-10 10:00')"))
        assert "total_chars" not in {c["name"] for c in inspect(conn).get_columns("versions")}
    store.engine.dispose()

    migrated = Store(url)
    assert "ix_versions_case_total_chars" in {i["name"] for i in inspect(migrated.engine).get_indexes("versions")}
    for case_id in (1, 2, 3):
        assert_totals_recounted(migrated, case_id)

    def by_parts(*_args):
        raise AssertionError("the window was summed part by part")

    monkeypatch.setattr(Store, "_check_readable_by_parts", by_parts)
    migrated.update(2, "He apologised to the team this morning for the message.", evaluate=False)
    assert_totals_recounted(migrated, 2)

    with migrated.engine.begin() as conn:  # and back, and up again
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0006")
        assert "total_chars" not in {c["name"] for c in inspect(conn).get_columns("versions")}
        command.upgrade(cfg, "head")
    for case_id in (1, 2, 3):
        assert_totals_recounted(migrated, case_id)
