"""The case store: versions, re-evaluation, the journal, transactions, deletion."""

import datetime as dt
import os
import re

import pytest
from sqlalchemy import select, text

from clearair.errors import InputError
from clearair.store import CaseNotFound, CaseStore
from clearair.store.cases import journal_pattern
from clearair.store.schema import JournalEntry
from conftest import seed_text


@pytest.fixture()
def store(tmp_path):
    """SQLite by default; the PostgreSQL run (make test-postgres) sets CLEARAIR_TEST_DATABASE_URL."""
    url = os.environ.get("CLEARAIR_TEST_DATABASE_URL")
    if not url:
        return CaseStore(f"sqlite:///{tmp_path / 'cases.db'}")
    s = CaseStore(url)
    with s.engine.begin() as conn:
        conn.execute(text("TRUNCATE cases, versions, journal, reports, case_shares, users, sessions "
                          "RESTART IDENTITY CASCADE"))
    return s


def skip_level_letter() -> str:
    text = seed_text("skip-level-forwards-complaint")
    return text[: text.index('"Proper justice"')]  # the letter as first pasted, before any reply


def test_public_apology_update_moves_the_advice_and_says_why(store):
    case_id = store.create(skip_level_letter())
    first = store.latest_report(case_id).top_actions(5)
    outcome = store.update(case_id, "The director apologised publicly at the weekly meeting and said I had done "
                                    "nothing wrong.", dt.date(2026, 11, 20))
    assert not outcome.pending
    moves = outcome.movement
    after = store.latest_report(case_id)
    assert after.top_actions(1) == ["LET_GO"]
    if first[0] != "LET_GO":
        let_go = next(m for m in moves if m.action == "LET_GO")
        assert let_go.after == 1 and let_go.before == first.index("LET_GO") + 1
    case = store.get(case_id)
    assert [v.kind for v in case.versions] == ["original", "update"]
    assert all(v.report is not None for v in case.versions)
    assert any("apolog" in r.text for rec in after.recommendations[:1] for r in rec.reasons)


def test_journal_entries_make_a_pattern(store):
    case_id = store.create("My coworker Sam made a sarcastic remark about my slides in the team meeting "
                           "yesterday and everyone laughed. I don't know whether to say anything.")
    assert not store.latest_report(case_id).situation.pattern.recurring
    store.log(case_id, "Sam", "mocked my idea in standup", dt.date(2026, 11, 10), "meeting", "the team")
    store.log(case_id, "sam", "rolled his eyes while I presented", dt.date(2026, 11, 24), "meeting")
    report = store.latest_report(case_id)
    assert report.situation.pattern.recurring
    recurring = next(s for s in report.signals if s.name == "recurring")
    assert "2 incidents with sam" in recurring.detail


def test_journal_pattern_window():
    near = [JournalEntry(who="X", what="a", happened_on=dt.date(2026, 1, 1)),
            JournalEntry(who="x ", what="b", happened_on=dt.date(2026, 1, 20))]
    far = [JournalEntry(who="Y", what="a", happened_on=dt.date(2026, 1, 1)),
           JournalEntry(who="Y", what="b", happened_on=dt.date(2026, 6, 1))]
    assert journal_pattern(near) == ["you logged 2 incidents with x in 3 weeks"]
    assert journal_pattern(far) == []


def test_a_failed_reevaluation_keeps_the_update_and_the_last_good_advice(store, monkeypatch):
    case_id = store.create(skip_level_letter())
    first = store.latest_report(case_id).top_actions(5)
    import clearair.pipeline

    real = clearair.pipeline.analyze_case

    def boom(*_a, **_k):
        raise RuntimeError("crash in the middle of re-evaluation")

    monkeypatch.setattr(clearair.pipeline, "analyze_case", boom)
    with pytest.raises(RuntimeError):
        store.update(case_id, "The director apologised publicly at the weekly meeting.")
    case = store.get(case_id)
    assert [v.kind for v in case.versions] == ["original", "update"]  # the user's words are kept
    assert case.versions[0].report.top_actions == first and case.versions[1].report is None
    assert case.eval_holder is None  # the lease was given back
    monkeypatch.setattr(clearair.pipeline, "analyze_case", real)
    case, report = store.open_case(case_id)  # the next read catches up
    assert case.versions[1].report is not None and report.top_actions(1) == ["LET_GO"]


def test_a_writer_returns_at_once_while_another_process_evaluates(store):
    case_id = store.create(skip_level_letter())
    assert store._claim(case_id, "another-process")
    outcome = store.update(case_id, "The director apologised publicly at the weekly meeting.")
    assert outcome.pending and outcome.movement == []
    case = store.get(case_id)
    assert case.versions[-1].report is None  # left to the lease holder
    assert not store.settle(case_id)


def test_a_lease_whose_process_on_this_machine_was_killed_is_taken_over_at_once(store):
    """A process killed while reading a case leaves a lease that would hold for two minutes, and the
    page would say an update "is being read right now" with nothing running: a holder on this machine
    whose process is gone does not hold the case."""
    import subprocess
    import sys

    from clearair.store.cases import holder_is_gone, new_holder

    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    dead = re.sub(r"p\d+\.", f"p{gone.pid}.", new_holder())
    assert holder_is_gone(dead) and not holder_is_gone(new_holder())  # this process still runs
    case_id = store.create(skip_level_letter())
    assert store._claim(case_id, dead)
    outcome = store.update(case_id, "The director apologised publicly at the weekly meeting.")
    assert not outcome.pending  # read now, not two minutes later
    case = store.get(case_id)
    assert all(v.report is not None for v in case.versions) and case.eval_holder is None


def test_a_lease_held_elsewhere_still_holds_until_it_expires(store):
    case_id = store.create(skip_level_letter())
    assert store._claim(case_id, "m000000000000p1.abc")  # another machine's process, or an older release's
    assert store.update(case_id, "The director apologised publicly at the weekly meeting.").pending


def test_an_expired_lease_is_taken_over(tmp_path):
    store = CaseStore(f"sqlite:///{tmp_path / 'lease.db'}", lease_seconds=0)
    case_id = store.create(skip_level_letter())
    assert store._claim(case_id, "a-process-that-died")  # with lease_seconds=0 it is expired at once
    outcome = store.update(case_id, "The director apologised publicly at the weekly meeting.")
    assert not outcome.pending
    assert all(v.report is not None for v in store.get(case_id).versions)


def test_a_writer_killed_after_storing_the_newest_report_leaves_no_lease_behind(store, monkeypatch):
    """The lease goes back in the same commit as the report that brings the case up to date: a process
    that dies straight after that commit leaves a case nobody needs to re-read, and no lease on it."""
    case_id = store.create(skip_level_letter())

    class Killed(BaseException):
        """Stands for SIGKILL: the process is gone, so nothing it would do next happens."""

    def killed(*_a, **_k):
        raise Killed

    real_store = store._store

    def store_then_die(*args, **kwargs):
        real_store(*args, **kwargs)  # committed
        monkeypatch.setattr(store, "_next_job", killed)  # ... and the process dies before its next step
        monkeypatch.setattr(store, "_release", lambda *_a: None)  # a dead process gives nothing back

    monkeypatch.setattr(store, "_store", store_then_die)
    with pytest.raises(Killed):
        store.update(case_id, "The director apologised publicly at the weekly meeting.")
    case = store.get(case_id)
    assert case.versions[-1].report is not None  # the case is up to date, so nobody will re-read it ...
    assert case.eval_holder is None and case.eval_until is None  # ... and no lease was left on it


def test_a_journal_entry_logged_while_another_process_reads_the_case_is_read_too(store, monkeypatch):
    """The entry arrives while the case is being read (its writer returns with "pending"): the report
    being made without it must not pass for up to date, so the reader reads the case again with it."""
    import clearair.pipeline

    case_id = store.create(skip_level_letter())
    store.log(case_id, "Director", "Forwarded my email to the whole department.", dt.date(2026, 11, 2))
    real = clearair.pipeline.analyze_case
    seen: list[list[str]] = []
    logged = []

    def reading_while_someone_logs(text, findings, about=None):
        seen.append(findings)
        if not logged:  # another writer adds the second entry meanwhile
            logged.append(store.log(case_id, "Director", "Forwarded another one.", dt.date(2026, 11, 9)))
        return real(text, findings, about)

    monkeypatch.setattr(clearair.pipeline, "analyze_case", reading_while_someone_logs)
    store.update(case_id, "The director forwarded another of my emails to the whole department.")
    assert logged[0].pending  # the entry was stored while the case was being read
    assert seen[0] == [] and seen[-1] == ["you logged 2 incidents with director in 1 week"]
    case = store.get(case_id)
    assert not case.versions[-1].report.stale and case.eval_holder is None


def test_a_long_case_is_read_as_the_original_and_the_latest_updates(tmp_path):
    store = CaseStore(f"sqlite:///{tmp_path / 'long.db'}", budget_chars=3_000)
    letter = skip_level_letter()
    case_id = store.create(letter)
    for n in range(12):
        store.update(case_id, f"Week {n}: the director forwarded another of my emails to the whole department "
                              f"without asking me first, and nobody said anything about it.")
    case, report = store.open_case(case_id)
    from clearair.store.cases import analysed_text

    read = analysed_text(case)
    assert read.startswith(letter.strip()[:200]) and "Week 11:" in read and "Week 0:" not in read
    assert len(read) <= max(3_000, len(letter) + 400)
    assert report.notes and "older ones stay in the case file" in report.notes[0]
    for r in report.recommendations[:3]:  # evidence still points into the text that was read
        for reason in r.reasons:
            for e in reason.evidence:
                assert read[e.start:e.end] == e.text


def test_a_case_can_be_shared_read_only_or_for_writing(store):
    from clearair.store.accounts import Accounts

    accounts = Accounts(store)
    for name in ("alice", "bob", "carol"):
        accounts.add(name, "long enough password")
    mine = store.create(skip_level_letter(), owner="alice")
    store.share(mine, "alice", "nobody-by-that-name")  # answered like a real name: which names exist stays private
    assert store.shares(mine, "alice") == []
    with pytest.raises(CaseNotFound):
        store.share(mine, "bob", "carol")  # only the owner shares
    store.share(mine, "alice", "bob")
    assert [c.shared_by for c in store.list(owner="bob")] == ["alice"]
    assert store.get(mine, owner="bob").id == mine
    with pytest.raises(CaseNotFound):
        store.update(mine, "The director apologised publicly at the weekly meeting.", owner="bob")
    store.share(mine, "alice", "bob", can_write=True)
    assert not store.update(mine, "The director apologised publicly at the weekly meeting.", owner="bob").pending
    with pytest.raises(CaseNotFound):
        store.delete(mine, owner="bob")  # deleting stays the owner's
    with pytest.raises(CaseNotFound):
        store.get(mine, owner="carol")
    assert [x.username for x in store.shares(mine, "alice")] == ["bob"]
    store.unshare(mine, "alice", "bob")
    assert store.list(owner="bob") == []
    with pytest.raises(CaseNotFound):
        store.get(mine, owner="bob")


def test_bad_input_is_refused_before_writing(store):
    with pytest.raises(InputError):
        store.create("too short")
    case_id = store.create(skip_level_letter())
    with pytest.raises(InputError):
        store.update(case_id, "   ")
    with pytest.raises(CaseNotFound):
        store.update(case_id + 100, "The director apologised to everyone today.")
    assert len(store.get(case_id).versions) == 1


def test_owners_see_only_their_cases(store):
    mine = store.create(skip_level_letter(), owner="alice")
    assert [c.id for c in store.list(owner="alice")] == [mine]
    assert store.list(owner="bob") == [] and store.list() == []
    with pytest.raises(CaseNotFound):
        store.get(mine, owner="bob")
    with pytest.raises(CaseNotFound):
        store.delete(mine, owner="bob")


def test_delete_really_deletes(store):
    case_id = store.create(skip_level_letter())
    store.update(case_id, "The director apologised publicly at the weekly meeting.")
    store.log(case_id, "the director", "forwarded another email", dt.date(2026, 11, 1))
    store.delete(case_id)
    with store.engine.connect() as conn:
        for table in ("cases", "versions", "journal", "reports"):
            assert conn.execute(text(f"select count(*) from {table}")).scalar() == 0


def test_deleted_text_is_gone_from_the_sqlite_files(tmp_path):
    path = tmp_path / "secret.db"
    store = CaseStore(f"sqlite:///{path}")
    marker = "Zanzibarquux"
    case_id = store.create(f"My coworker {marker} keeps mocking me in every team meeting and I am fed up with it now.")
    store.update(case_id, f"{marker} did it again in front of the whole department today.")
    store.delete(case_id)
    for f in tmp_path.iterdir():
        if f.name.startswith("secret.db"):
            assert marker.encode() not in f.read_bytes(), f.name


def test_sqlite_runs_in_wal_mode(tmp_path):
    sqlite_store = CaseStore(f"sqlite:///{tmp_path / 'wal.db'}")
    with sqlite_store.engine.connect() as conn:
        assert conn.execute(text("pragma journal_mode")).scalar() == "wal"


def test_the_backend_is_the_one_asked_for(store):
    expected = "postgresql" if os.environ.get("CLEARAIR_TEST_DATABASE_URL") else "sqlite"
    assert store.engine.dialect.name == expected


# --- a retried write is not stored twice (idempotency keys) ---------------------

def test_the_same_idempotency_key_returns_the_stored_update_instead_of_a_copy(store):
    case_id = store.create(skip_level_letter())
    update = "The director apologised publicly at the weekly meeting."
    first = store.update(case_id, update, idempotency_key="retry-1")
    again = store.update(case_id, update, idempotency_key="retry-1")
    assert again.repeated and not first.repeated and again.seq == first.seq == 2
    assert [v.kind for v in store.get(case_id).versions] == ["original", "update"]
    with pytest.raises(InputError):
        store.update(case_id, "Something else entirely happened at the meeting today.", idempotency_key="retry-1")
    other = store.create(skip_level_letter())  # a key belongs to one case
    assert not store.update(other, update, idempotency_key="retry-1", evaluate=False).repeated


def test_the_same_idempotency_key_adds_one_journal_entry(store):
    case_id = store.create(skip_level_letter())
    for _ in range(2):
        store.log(case_id, "the director", "forwarded another email", dt.date(2026, 11, 1), idempotency_key="j-1")
    assert len(store.get(case_id).journal) == 1


def test_a_reused_idempotency_key_with_other_content_is_refused_and_keys_are_per_user(store):
    from clearair.store import KeyReused
    from clearair.store.schema import User

    with store.writing() as s:
        s.add_all([User(username="alice", password_hash="-"), User(username="bob", password_hash="-")])

    case_id = store.create(skip_level_letter(), owner="alice")
    store.share(case_id, "alice", "bob", can_write=True)
    store.log(case_id, "the director", "forwarded another email", dt.date(2026, 11, 1), owner="alice",
              idempotency_key="j-1")
    with pytest.raises(KeyReused, match="already used for a different journal entry"):
        store.log(case_id, "the director", "shouted at me in the corridor", dt.date(2026, 11, 2), owner="alice",
                  idempotency_key="j-1")
    # Bob's key of the same spelling is his own: a new entry, not Alice's retry and not a conflict.
    assert not store.log(case_id, "the director", "shouted at me in the corridor", dt.date(2026, 11, 2),
                         owner="bob", idempotency_key="j-1").repeated
    assert sorted(e.what for e in store.get(case_id, owner="alice").journal) == [
        "forwarded another email", "shouted at me in the corridor"]
    update = "The director apologised publicly at the weekly meeting."
    store.update(case_id, update, owner="alice", idempotency_key="u-1", evaluate=False)
    assert not store.update(case_id, update, owner="bob", idempotency_key="u-1", evaluate=False).repeated
    # The same key, the same words, another date: a different update, refused rather than silently merged.
    with pytest.raises(KeyReused, match="already used for a different update"):
        store.update(case_id, update, dt.date(2026, 11, 3), owner="alice", idempotency_key="u-1", evaluate=False)


def test_case_ids_no_database_can_hold_are_simply_not_found(store):
    for huge in (2**63, 2**64 + 5, -1, 0):
        with pytest.raises(CaseNotFound):
            store.get(huge)
        with pytest.raises(CaseNotFound):
            store.update(huge, "The director apologised publicly at the weekly meeting.")
        with pytest.raises(CaseNotFound):
            store.delete(huge)


# --- accounts a team can manage ------------------------------------------------------

@pytest.fixture()
def accounts(store):
    from clearair.store.accounts import Accounts

    accounts = Accounts(store)
    for name in ("alice", "bob"):
        accounts.add(name, "long enough password")
    return accounts


def test_a_reader_can_leave_a_share_and_unknown_names_look_like_known_ones(store, accounts):
    mine = store.create(skip_level_letter(), owner="alice")
    assert store.share(mine, "alice", "bob") is None
    assert store.share(mine, "alice", "no-such-person") is None  # the same answer: nothing to learn
    assert [x.username for x in store.shares(mine, "alice")] == ["bob"]
    store.leave_share(mine, "bob")
    assert store.list(owner="bob") == [] and store.shares(mine, "alice") == []
    assert store.get(mine, owner="alice").id == mine  # the owner's case is untouched
    with pytest.raises(CaseNotFound):
        store.leave_share(mine, "bob")  # nothing left to leave


@pytest.mark.parametrize("name", ["<b>x</b>", "a/b", "ev\u202eil", "x" * 65, "", " ", "[/]", "-dash", "ünïcode"])
def test_user_names_outside_the_safe_set_are_refused(accounts, name):
    with pytest.raises(InputError):
        accounts.add(name, "long enough password")


def test_logout_revocation_and_a_new_password_end_sessions(accounts):
    token = accounts.login("alice", "long enough password")
    assert accounts.user_for(token) == "alice"
    accounts.logout(token)
    assert accounts.user_for(token) is None
    tokens = [accounts.login("alice", "long enough password") for _ in range(2)]
    assert accounts.revoke_sessions("alice") == 2
    assert [accounts.user_for(t) for t in tokens] == [None, None]
    token = accounts.login("alice", "long enough password")
    accounts.set_password("alice", "another long password")
    assert accounts.user_for(token) is None
    assert accounts.login("alice", "long enough password") is None
    assert accounts.user_for(accounts.login("alice", "another long password")) == "alice"
    assert accounts.user_for("ünïcödé token") is None and accounts.user_for("x" * 10_000) is None


def test_sessions_last_hours_not_days(store, accounts):
    from clearair.store.schema import SessionToken, utc_now

    accounts.login("alice", "long enough password")
    with store.reading() as s:
        expires = s.scalars(select(SessionToken.expires_at)).one()
    assert expires - utc_now() <= dt.timedelta(hours=24)


def test_removing_a_user_ends_their_access_and_keeps_their_cases_safe(store, accounts):
    mine = store.create(skip_level_letter(), owner="alice")
    store.share(mine, "alice", "bob")
    token = accounts.login("bob", "long enough password")
    with pytest.raises(InputError):
        accounts.remove("alice")  # owns a case: it would open to the next "alice"
    accounts.remove("bob")
    assert accounts.user_for(token) is None and store.shares(mine, "alice") == []
    accounts.add("bob", "a new long password")  # the name again: none of the old access comes back
    assert store.list(owner="bob") == []
    assert accounts.remove("alice", delete_cases=True) == 1
    with pytest.raises(CaseNotFound):
        store.get(mine, owner="alice")
    assert [u.username for u in accounts.list_users()] == ["bob"]


def test_failed_logins_are_throttled_per_account_with_a_growing_delay(store):
    from clearair.store.accounts import Accounts, LoginThrottled
    from clearair.store.throttle import Rule, Throttle

    now = [1000.0]
    accounts = Accounts(store, Throttle({"account": Rule(free=5), "unknown": Rule(free=5), "client": Rule(free=30)},
                                          clock=lambda: now[0]))
    accounts.add("alice", "long enough password")
    for _ in range(6):
        assert accounts.login("alice", "wrong password", client="10.0.0.1") is None
    with pytest.raises(LoginThrottled) as held:
        accounts.login("alice", "long enough password", client="10.0.0.2")  # even the right one, from elsewhere
    assert 0 < held.value.retry_after <= 1.0 + 1e-9
    now[0] += 1.01
    assert accounts.login("alice", "wrong password", client="10.0.0.1") is None
    with pytest.raises(LoginThrottled) as longer:
        accounts.login("alice", "long enough password")
    assert longer.value.retry_after > 1.5  # the delay grows: 1 s, then 2 s, ...
    now[0] += 2.01
    assert accounts.login("alice", "long enough password") is not None  # and the right password resets it
    assert accounts.login("alice", "wrong password") is None


def test_failed_logins_are_throttled_per_client_address(store):
    from clearair.store.accounts import Accounts, LoginThrottled
    from clearair.store.throttle import Rule, Throttle

    accounts = Accounts(store, Throttle({"account": Rule(free=5), "unknown": Rule(free=5), "client": Rule(free=8)},
                                          clock=lambda: 50.0))
    for n in range(9):  # a different made-up name each time: only the address ties them together
        assert accounts.login(f"guess{n}", "wrong password", client="10.9.9.9") is None
    with pytest.raises(LoginThrottled):
        accounts.login("guess99", "wrong password", client="10.9.9.9")
    assert accounts.login("guess99", "wrong password", client="10.1.1.1") is None  # another address is not held back


def test_a_flooded_address_answers_the_same_for_real_and_made_up_names(store):
    """Once an address has failed too often, a real name and a made-up one get the same answer: a
    prober cannot tell which accounts exist (the cost: users sharing that address wait too)."""
    from clearair.store.accounts import Accounts, LoginThrottled
    from clearair.store.throttle import Rule, Throttle

    accounts = Accounts(store, Throttle({"account": Rule(free=5), "unknown": Rule(free=5), "client": Rule(free=8)},
                                          clock=lambda: 50.0))
    accounts.add("alice", "long enough password")
    for n in range(9):
        accounts.login(f"guess{n}", "wrong password", client="127.0.0.1")
    for name in ("guess99", "alice"):
        with pytest.raises(LoginThrottled):
            accounts.login(name, "wrong password", client="127.0.0.1")
    assert accounts.login("alice", "long enough password", client="10.1.1.1")  # from elsewhere she gets in


def test_made_up_names_cannot_flush_a_real_accounts_failed_logins(store, monkeypatch):
    from clearair.store import accounts as accounts_module
    from clearair.store.accounts import Accounts, LoginThrottled
    from clearair.store.throttle import Rule, Throttle

    accounts = Accounts(store, Throttle({"account": Rule(free=5, first=60), "unknown": Rule(free=5, first=60),
                                         "client": Rule(free=30)}, clock=lambda: 50.0, max_keys=20))
    accounts.add("alice", "long enough password")
    for _ in range(6):
        assert accounts.login("alice", "wrong password") is None
    fast = type("Fast", (), {"hash": staticmethod(lambda password: "")})()
    monkeypatch.setattr(accounts_module, "_hasher", fast)  # no argon2 per name: only the counting matters
    for n in range(200):  # ten times the bound, each name once, each from its own address
        assert accounts.login(f"made-up-{n}", "wrong password", client=f"10.0.{n // 250}.{n % 250}") is None
    with pytest.raises(LoginThrottled):
        accounts.login("alice", "long enough password")  # still held back: the flood evicted only made-up names
    held = accounts.throttle._buckets
    assert all(len(bucket) <= 20 for bucket in held.values())  # and memory stays bounded


def test_a_login_flood_hashes_at_most_a_few_passwords_at_once(store, monkeypatch):
    """Each argon2 hash holds 64 MB: 30 wrong logins at once once took a server to 2 GB. However many
    logins arrive together, only as many hashes run at once as the machine has cores."""
    import threading
    import time

    from clearair.store import accounts as module

    running, most = [0], [0]
    lock = threading.Lock()

    class CountingHasher:
        def hash(self, password):
            with lock:
                running[0] += 1
                most[0] = max(most[0], running[0])
            time.sleep(0.05)
            with lock:
                running[0] -= 1
            return "$argon2id$counted"

    monkeypatch.setattr(module, "_hasher", CountingHasher())
    accounts = module.Accounts(store)
    threads = [threading.Thread(target=accounts.login, args=(f"nobody{i}", "not the password")) for i in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert 1 <= most[0] <= module.HASHES_AT_ONCE < 16


def test_the_migration_measures_versions_stored_before_it(store):
    """A database an earlier release left at schema 0005 (versions without their measure): on open,
    every version is measured as the store measures a new one, and the case opens and takes updates."""
    from alembic import command
    from sqlalchemy import inspect

    from clearair.store.db import alembic_config
    from clearair.store.schema import Base
    from clearair.store.window import measure, part

    url = store.engine.url.render_as_string(hide_password=False)
    with store.engine.begin() as conn:  # the earlier release's schema, empty
        Base.metadata.drop_all(conn)
        conn.execute(text("DROP TABLE alembic_version"))
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0005")
        assert "part_chars" not in {c["name"] for c in inspect(conn).get_columns("versions")}
        conn.execute(text("INSERT INTO cases (id, title, created_at) VALUES (1, 'An old case', '2026-01-05 09:00')"))
        updates = [(1, "original", seed_text("peer-goes-cold-after-mistake"), None),
                   (2, "update", "He sent \U0001F620\U0001F620\U0001F620 to the whole team, and I was not told.",
                    dt.date(2026, 1, 9)),
                   (3, "update", "She moved the review to Friday without asking me.", None)]
        for seq, kind, body, day in updates:
            conn.execute(text("INSERT INTO versions (case_id, seq, kind, text, happened_on, created_at) "
                              "VALUES (1, :seq, :kind, :body, :day, '2026-01-09 10:00')"),
                         {"seq": seq, "kind": kind, "body": body, "day": day})
    store.engine.dispose()

    migrated = CaseStore(url)
    case = migrated.get(1)
    assert [v.seq for v in case.versions] == [1, 2, 3]
    for v in case.versions:
        shown = part(v.kind, v.text, v.happened_on)
        assert (v.part_chars, v.part_words, v.part_common_words) == tuple(measure(shown)), v.seq
    emoji = "Update (2026-01-09): " + case.versions[1].text
    assert case.versions[1].part_chars == len(emoji) == len(emoji.encode()) - 9  # characters, not UTF-8 bytes
    case, report = migrated.open_case(1)  # an old case opens after the migration
    assert report.recommendations
    migrated.update(1, "He apologised to the team this morning for the message.")
    assert len(migrated.get(1).versions) == 4


def test_who_a_case_is_about_changed_while_it_is_being_read_is_read_again(store, monkeypatch):
    """A change of who the case is about made while another process reads the case leaves that reading stale, so
    the case is read again with the writer's word (as a journal entry logged meanwhile is)."""
    import clearair.pipeline

    case_id = store.create(skip_level_letter())
    real = clearair.pipeline.analyze_case
    told = []

    def reading_while_someone_corrects(text, findings, about=None):
        if not told:
            told.append(store.set_about(case_id, "peer"))
        return real(text, findings, about)

    monkeypatch.setattr(clearair.pipeline, "analyze_case", reading_while_someone_corrects)
    store.update(case_id, "The director forwarded another of my emails to the whole department.")
    monkeypatch.setattr(clearair.pipeline, "analyze_case", real)
    case, report = store.open_case(case_id)
    assert case.about == "peer" and report.situation.counterpart_from_writer
    assert report.situation.party(report.situation.counterpart).role == "peer"
