"""Case files: keep a situation, add what happened next, and see the advice move.

A write (a new case, an update, a journal entry) is one short transaction, so
nothing a user adds is lost or duplicated however many writers there are.
Re-evaluation runs after it, outside the write lock: the one process holding
the case's evaluation lease analyses the case (the original and its updates,
in order, up to the newest version) and stores the report with how each
action's rank moved and why. A writer that arrives while someone else is
evaluating returns at once with ``pending``: updates that arrive together are
evaluated together rather than one full analysis each, and whoever opens the
case next brings it up to date. A holder that dies leaves a lease that
expires, or, when it ran on this machine and its process is gone, that the next
reader takes over at once. Very long cases are read as the original letter plus as many of the
latest updates as fit a budget, and the report says so.

Every transaction says what it is: ``reading()`` never waits for the write
lock; ``writing()`` takes it at its start. A database that is full, read-only
or busy raises StoreFull, StoreReadOnly or StoreBusy (nothing half-written); a
retried write with the same idempotency key returns what the first one stored.
"""

from __future__ import annotations

import builtins
import datetime as dt
import hashlib
import itertools
import os
import re
import secrets
import socket
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from sqlalchemy import bindparam, func, or_, select
from sqlalchemy import case as sql_case
from sqlalchemy.orm import Session, selectinload

from clearair.errors import InputError
from clearair.intake import validate_fragment, validate_text, validate_words
from clearair.models import Model, Report
from clearair.store.db import BUSY_SECONDS, make_engine, transaction
from clearair.store.errors import StoreError
from clearair.store.schema import Case, CaseShare, JournalEntry, ReportRecord, User, Version, utc_now
from clearair.store.window import (
    JOIN,
    NOTHING,
    Measure,
    can_be_read,
    joined,
    measure,
    newest_that_fit,
    part,
    running,
    then,
    window_from_totals,
)
from clearair.typed_text import refuse_control_characters

#: Journal entries about the same person within this many days form a pattern.
PATTERN_WINDOW_DAYS = 56
PATTERN_MIN_ENTRIES = 2
#: A case longer than this is read as the original plus the latest updates that fit.
CASE_BUDGET_CHARS = 20_000
#: How long an evaluation lease lasts before another process may take it over.
LEASE_SECONDS = 120
#: Case ids are 64-bit signed integers in every backend; anything outside is no case at all.
MAX_CASE_ID = 2**63 - 1
#: An idempotency key (e.g. HTTP ``Idempotency-Key``) is at most this long.
MAX_KEY_CHARS = 128


@cache
def _this_machine() -> str:
    """This host, this boot and this process namespace: a process id means the same process only there
    (two containers sharing a data folder may share a host name, but never a pid namespace)."""
    parts = [socket.gethostname()]
    try:
        with open("/proc/sys/kernel/random/boot_id", encoding="ascii") as f:
            parts.append(f.read().strip())
        parts.append(str(os.stat("/proc/self/ns/pid").st_ino))
    except OSError:
        pass  # not Linux: the host name alone
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:12]


_HOLDER = re.compile(r"m(?P<machine>[0-9a-f]{12})p(?P<pid>\d{1,10})\.[0-9a-f]+")


def new_holder() -> str:
    """A lease holder's name: this machine, this process, and a random part (at most 47 characters)."""
    return f"m{_this_machine()}p{os.getpid()}.{secrets.token_hex(12)}"


def holder_is_gone(holder: str) -> bool:
    """Whether a lease's holder is a process of this machine that no longer runs (killed while reading a
    case): its lease need not run out before the case is read again. A holder elsewhere, or of unknown
    form, counts as running until its lease expires."""
    m = _HOLDER.fullmatch(holder)
    if m is None or m["machine"] != _this_machine():
        return False
    pid = int(m["pid"])
    if pid == os.getpid():
        return False  # another thread of this process is reading it
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except (OverflowError, OSError):
        pass  # alive but not ours to signal, or no such pid can exist
    return False


class Movement(Model):
    action: str
    before: int | None  # 1-based rank before, None if it was not ranked
    after: int
    why: list[str]


class Outcome(Model):
    """What an update or journal entry did to the advice."""

    movement: list[Movement]
    pending: bool = False  # another writer is evaluating the case; the advice will include this soon
    seq: int | None = None  # the version an update was stored as
    repeated: bool = False  # the idempotency key was seen before: this is the earlier write, not a new one


class CaseSummary(Model):
    id: int
    title: str
    versions: int
    journal: int
    top_action: str | None
    created_at: dt.datetime
    shared_by: str | None = None  # the owner, when the case was shared with the reader


class Share(Model):
    username: str
    can_write: bool


class CaseNotFound(InputError):
    pass


class KeyReused(InputError):
    """An idempotency key sent again with different content: a client bug, refused rather than dropped."""


class CaseNotReady(InputError):
    """The case's first reading is still being made (or was cut short and will be redone)."""


def _part(v: Any) -> str:  # a Version, a plain row of one, or a _Pending update
    return part(v.kind, v.text, v.happened_on)


def _measured(v: Any) -> Measure:
    """The measure stored with a version (or a pending update), or, for a row written without
    one, the measure of its text."""
    if v.part_chars is None:  # the three are always written together
        return measure(_part(v))
    return Measure(v.part_chars, v.part_words, v.part_common_words)


def _totals(v: Any) -> Measure | None:
    """The running totals stored with a version (a row of one); None for a row written without them."""
    if v.total_chars is None:
        return None
    return Measure(v.total_chars, v.total_words, v.total_common_words)


def _fill_totals(versions: list[Version]) -> Measure:
    """Count a case's running totals again, in order (after a version is set aside, or when a row
    came without them); the newest version's."""
    total = NOTHING
    for v, total in zip(versions, running(None if v.unreadable else _measured(v) for v in versions), strict=True):
        v.total_chars, v.total_words, v.total_common_words = total
    return total


def _chars(v: Any) -> int:
    """A version's characters in the case's text (``_measured(v).chars``, without building the measure)."""
    return v.part_chars if v.part_chars is not None else len(_part(v))


def readable(versions: list[Version]) -> list[Version]:
    """The versions a case is read as: an unreadable one stays in the file but is not analysed."""
    return [v for v in versions if not v.unreadable]


def case_text(versions: list[Version], upto: int | None = None, first_update_seq: int | None = None) -> str:
    """The case as the writer told it: the original, then dated updates in order
    (up to version ``upto``, leaving out updates before ``first_update_seq``)."""
    return JOIN.join(_part(v) for v in readable(versions)
                     if (upto is None or v.seq <= upto)
                     and (v.kind == "original" or first_update_seq is None or v.seq >= first_update_seq))


def reading_window(versions: list[Version], budget: int = CASE_BUDGET_CHARS) -> int | None:
    """The oldest update that still fits the reading budget, or None when all do.

    The original letter is always read; then updates from the newest back, as
    many as fit (always the newest one, within the intake's size limit)."""
    versions = readable(versions)
    updates = [v for v in versions if v.kind != "original"]
    used = sum(_measured(v).chars + len(JOIN) for v in versions if v.kind == "original")
    taken = newest_that_fit(used, reversed(updates), _chars, budget)
    if not taken:
        return updates[-1].seq + 1 if updates else None  # not even the newest fits: read the original alone
    first = taken[-1].seq
    return None if first == updates[0].seq else first


def analysed_text(case: Case) -> str:
    """The exact text the latest report was computed from (its evidence offsets index it)."""
    for v in reversed(case.versions):
        if v.report is not None:
            return case_text(case.versions, v.seq, v.report.first_update_seq)
    return case_text(case.versions)


def pending_updates(case: Case) -> int:
    """Versions the latest report does not cover yet (or all of them after a journal entry, until re-read)."""
    n = 0
    for v in reversed(case.versions):
        if v.report is not None and not v.report.stale:
            return n
        n += 1
    return n


def journal_pattern(entries: list[JournalEntry]) -> list[str]:
    """'you logged 3 incidents with X in 5 weeks' for each person who recurs."""
    by_who: dict[str, list[dt.date]] = defaultdict(list)
    for e in entries:
        by_who[e.who.strip().lower()].append(e.happened_on)
    found = []
    for who, dates in by_who.items():
        dates.sort()
        for i in range(len(dates)):
            window = [d for d in dates[i:] if (d - dates[i]).days <= PATTERN_WINDOW_DAYS]
            if len(window) >= PATTERN_MIN_ENTRIES:
                weeks = max(1, round((window[-1] - window[0]).days / 7))
                found.append(f"you logged {len(window)} incidents with {who} in {weeks} week{'s' * (weeks != 1)}")
                break
    return found


def movement(before: Report | None, after: Report) -> list[Movement]:
    """How each of the new top five moved, with the reasons that changed."""
    old_rank = {r.action: i + 1 for i, r in enumerate(before.recommendations)} if before else {}
    old_reasons = {r.action: {x.text for x in r.reasons} for r in before.recommendations} if before else {}
    out = []
    for i, rec in enumerate(after.recommendations[:5], 1):
        prev = old_rank.get(rec.action)
        if prev == i:
            continue
        new = [x for x in rec.reasons if x.text not in old_reasons.get(rec.action, set())]
        gone = old_reasons.get(rec.action, set()) - {x.text for x in rec.reasons}
        why = [f"{'+' if x.effect == 'raises' else '-'} {x.text}" for x in new[:3]]
        why += [f"no longer: {t}" for t in sorted(gone)[:2]]
        if not why:
            why = ["moved because other options rose or fell around it"]
        out.append(Movement(action=rec.action, before=prev, after=i, why=why))
    return out


class CaseStore:
    def __init__(self, url: str | None = None, lease_seconds: float = LEASE_SECONDS,
                 budget_chars: int = CASE_BUDGET_CHARS, busy_seconds: float = BUSY_SECONDS) -> None:
        self.engine = make_engine(url, busy_seconds)
        self.lease = dt.timedelta(seconds=lease_seconds)
        self.budget = budget_chars
        #: Model-mode settings: cases are read through the model (clearair.llm.cli.attach_to_store).
        self.model: Any = None
        #: Evaluation leases this process could not give back (the database refused the write): retried on the
        #: next write.
        self._unreleased: dict[int, str] = {}

    # --- transactions -----------------------------------------------------
    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A read-only transaction: never waits for the write lock."""
        with transaction(self.engine, write=False) as s:
            yield s

    #: The older name of ``reading``.
    read = reading

    @contextmanager
    def writing(self) -> Iterator[Session]:
        """A write transaction: takes the write lock at its start and commits at its end.
        Keep it short, and do slow work (analysis, password hashing) before it."""
        if self._unreleased:
            self._release_leftovers()
        with transaction(self.engine, write=True) as s:
            yield s

    # --- reads ------------------------------------------------------------
    def list(self, owner: str | None = None) -> list[CaseSummary]:
        """The reader's own cases, then the cases shared with them."""
        with self.reading() as s:
            mine = select(Case).options(*_EVERYTHING).where(
                Case.owner.is_(None) if owner is None else Case.owner == owner)
            cases = list(s.scalars(mine.order_by(Case.id)))
            if owner is not None:
                shared = (select(Case).options(*_EVERYTHING).join(CaseShare).where(CaseShare.username == owner)
                          .order_by(Case.id))
                cases += list(s.scalars(shared))
            out = []
            for case in cases:
                last = next((v.report for v in reversed(case.versions) if v.report is not None), None)
                out.append(CaseSummary(id=case.id, title=case.title, versions=len(case.versions),
                                       journal=len(case.journal), created_at=case.created_at,
                                       shared_by=case.owner if case.owner != owner else None,
                                       top_action=(last.top_actions[0] if last and last.top_actions else None)))
            return out

    def get(self, case_id: int, owner: str | None = None) -> Case:
        """The case with its versions, their report summaries, journal and shares."""
        with self.reading() as s:
            return self._load(s, case_id, owner, options=_EVERYTHING)

    def open_case(self, case_id: int, owner: str | None = None) -> tuple[Case, Report]:
        """The case with everything loaded, and its latest report. A case left
        behind by a writer that died is brought up to date first (if nobody else
        is already doing it)."""
        case = self.get(case_id, owner)
        if pending_updates(case):
            self.settle(case_id)
            case = self.get(case_id, owner)
        record = next((v.report for v in reversed(case.versions) if v.report is not None), None)
        if record is None:
            raise CaseNotReady(f"case {case_id} is still being read for the first time; open it again in a moment")
        with self.reading() as s:
            report_json = s.scalar(select(ReportRecord.report_json).where(ReportRecord.id == record.id))
        if report_json is None:  # deleted meanwhile
            raise CaseNotFound(f"no case {case_id}")
        return case, Report.model_validate_json(report_json)

    def latest_report(self, case_id: int, owner: str | None = None) -> Report:
        return self.open_case(case_id, owner)[1]

    def shares(self, case_id: int, owner: str | None) -> builtins.list[Share]:
        with self.reading() as s:
            case = self._load(s, case_id, owner, need="own")
            return [Share(username=x.username, can_write=x.can_write) for x in case.shares]

    # --- writes (each one short transaction; evaluation follows) -------------
    def create(self, text: str, title: str | None = None, owner: str | None = None, about: str | None = None) -> int:
        """``about``: who the case is mainly about, as the writer says (``models.ABOUT_ROLES``)."""
        from clearair.models import checked_about

        # Every way in (the API, the page, the command line, a bulk import) gets the request models' sentence.
        refuse_control_characters(text, "the letter")
        validate_text(text)
        about = checked_about(about)
        title = (title or _title_from(text))[:200]
        measured = measure(part("original", text, None))
        with self.writing() as s:
            case = Case(title=title, owner=owner, about=about)
            s.add(case)
            s.flush()
            self._append(s, case, "original", text, None, measured)
            case_id = case.id
        try:
            self.settle(case_id)
        except StoreError:
            pass  # the case is saved; its first reading is made when it is next opened
        return case_id

    def update(self, case_id: int, text: str, happened_on: dt.date | None = None,
               owner: str | None = None, evaluate: bool = True, idempotency_key: str | None = None) -> Outcome:
        """Add what happened next. With ``evaluate=False`` (a bulk import) the
        update is only saved; the case is re-read when it is next opened.

        A retried request with the same ``idempotency_key`` for the same case is
        answered with the update already stored (``repeated``), never a second copy;
        the same key with a different text is refused (``KeyReused``). Keys are the user's own."""
        _check_key(idempotency_key)
        idempotency_key = _scoped_key(owner, idempotency_key)
        refuse_control_characters(text, "the update")
        validate_fragment(text, "the update")
        pending = _Pending(text, happened_on)
        with self.reading() as s:  # before the write, outside the write lock: a refused update is never stored
            self._load(s, case_id, owner, need="write")
            seq = self._seen_update(s, case_id, idempotency_key, text, happened_on)
            if seq is None:
                self._check_readable(s, case_id, pending)
        repeated = seq is not None
        if not repeated:
            with self.writing() as s:
                case = self._load(s, case_id, owner, need="write", lock=True)
                seq = self._seen_update(s, case_id, idempotency_key, text, happened_on)  # a retry that raced the first
                repeated = seq is not None
                if seq is None:
                    seq = self._append(s, case, "update", text, happened_on, pending.measured, idempotency_key)
        assert seq is not None
        if not evaluate:
            return Outcome(movement=[], pending=True, seq=seq, repeated=repeated)
        return self._outcome(case_id, seq).model_copy(update={"repeated": repeated})

    def log(self, case_id: int, who: str, what: str, happened_on: dt.date | None = None, channel: str | None = None,
            witnesses: str | None = None, owner: str | None = None, idempotency_key: str | None = None) -> Outcome:
        """Add a journal entry; the case is re-evaluated with it. A retry with the
        same ``idempotency_key`` adds nothing (``repeated``); the same key with a
        different entry is refused (``KeyReused``). Keys are the user's own."""
        if not who.strip() or not what.strip():
            raise InputError("a journal entry needs who and what")
        _check_key(idempotency_key)
        idempotency_key = _scoped_key(owner, idempotency_key)
        entry = {"who": who.strip()[:200], "what": what.strip(), "channel": channel, "witnesses": witnesses}
        with self.writing() as s:
            case = self._load(s, case_id, owner, need="write", lock=True)
            earlier = None if idempotency_key is None else s.scalar(select(JournalEntry).where(
                JournalEntry.case_id == case.id, JournalEntry.idempotency_key == idempotency_key))
            if earlier is not None and (any(getattr(earlier, k) != v for k, v in entry.items())
                                        or happened_on not in (None, earlier.happened_on)):
                raise KeyReused("this idempotency key was already used for a different journal entry; "
                                "send a new key for a new entry")
            repeated = earlier is not None
            latest = case.versions[-1]
            if not repeated:
                s.add(JournalEntry(case_id=case.id, happened_on=happened_on or dt.date.today(), **entry,
                                   idempotency_key=idempotency_key))
                if latest.report is not None:
                    latest.report.stale = True  # the journal changes the reading of the latest version
            seq = latest.seq
        return self._outcome(case_id, seq).model_copy(update={"repeated": repeated})

    def set_about(self, case_id: int, about: str | None, owner: str | None = None) -> Outcome:
        """Say who the case is mainly about (``models.ABOUT_ROLES``; None or "": as the engine reads it). The latest
        version is read again with it; earlier reports stay as they were made."""
        from clearair.models import checked_about

        about = checked_about(about)  # before anything is written
        with self.writing() as s:
            case = self._load(s, case_id, owner, need="write", lock=True)
            latest = case.versions[-1]
            if case.about != about:
                case.about = about
                if latest.report is not None:
                    latest.report.stale = True
            seq = latest.seq
        return self._outcome(case_id, seq)

    def share(self, case_id: int, owner: str | None, username: str, can_write: bool = False) -> None:
        """Let another account read the case (and, with ``can_write``, add to it).

        A name with no account is accepted and changes nothing, so the answer
        does not tell the owner which names exist."""
        username = username.strip().lower()
        with self.writing() as s:
            case = self._load(s, case_id, owner, need="own", lock=True)
            if owner is None:
                raise InputError("sharing needs multi-user mode (accounts)")
            if username == owner:
                raise InputError("a case is always open to its owner; share it with someone else")
            if s.scalar(select(User.id).where(User.username == username)) is None:
                return
            share = next((x for x in case.shares if x.username == username), None)
            if share is None:
                s.add(CaseShare(case_id=case.id, username=username, can_write=can_write))
            else:
                share.can_write = can_write

    def unshare(self, case_id: int, owner: str | None, username: str) -> None:
        with self.writing() as s:
            case = self._load(s, case_id, owner, need="own", lock=True)
            for x in [x for x in case.shares if x.username == username.strip().lower()]:
                s.delete(x)

    def leave_share(self, case_id: int, reader: str) -> None:
        """The reader gives back a share made to them (the owner's case is untouched)."""
        with self.writing() as s:
            share = s.scalar(select(CaseShare).where(CaseShare.case_id == _case_id(case_id),
                                                     CaseShare.username == reader.strip().lower()))
            if share is None:
                raise CaseNotFound(f"no case {case_id}")
            s.delete(share)

    def delete(self, case_id: int, owner: str | None = None) -> None:
        """Delete for real: rows, and on SQLite the copies in the write-ahead log."""
        with self.writing() as s:
            s.delete(self._load(s, case_id, owner, need="own"))
        if self.engine.dialect.name == "sqlite":
            raw = self.engine.raw_connection()  # outside any transaction, as a checkpoint must be
            try:
                raw.cursor().execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                raw.close()

    # --- re-evaluation ------------------------------------------------------
    def settle(self, case_id: int, until_seq: int | None = None) -> bool:
        """Bring the case's report up to date (or at least up to version
        ``until_seq``), unless another process holds the evaluation lease.
        Returns False in that case: the holder, or the next reader, will."""
        from clearair.pipeline import analyze_case

        holder = new_holder()
        if not self._claim(case_id, holder):
            return False
        try:
            while (job := self._next_job(case_id, holder, until_seq)) is not None:
                try:
                    report = analyze_case(job.text, job.findings, job.about)
                except InputError as err:
                    # Stored text that cannot be read (left by an older release): keep it,
                    # mark it, and read the case without it, so the case still opens.
                    if not self._set_aside(case_id, holder, str(err)):
                        break
                    continue
                if self.model is not None:  # the model reads it; the offline report just made is the floor
                    from clearair.llm.engine import analyze_with_model

                    report = analyze_with_model(job.text, self.model, offline=report, about=job.about)
                if job.left_out:
                    report.notes.append(f"This reading covers the original letter and the latest {job.read} "
                                        f"updates; the {job.left_out} older ones stay in the case file.")
                previous = Report.model_validate_json(job.previous) if job.previous else None
                # Comparing and serialising happen here, before the write lock is taken.
                record = ReportRecord(version_id=job.version_id, top_actions=report.top_actions(5),
                                      movement=[m.model_dump() for m in movement(previous, report)],
                                      report_json=report.model_dump_json(), first_update_seq=job.first_update_seq)
                self._store(case_id, holder, record, journal=job.journal, about=job.about)
        except BaseException:
            try:
                self._release(case_id, holder)
            except StoreError:
                self._unreleased[case_id] = holder  # given back on this process's next write
            raise
        return True

    def _outcome(self, case_id: int, seq: int) -> Outcome:
        """How the advice moved with version ``seq`` (pending when someone else is reading
        the case, or when the database would not take the new report: the update itself is stored)."""
        try:
            settled = self.settle(case_id, until_seq=seq)
        except StoreError:
            settled = False
        if not settled:
            return Outcome(movement=[], pending=True, seq=seq)
        with self.reading() as s:
            covering = s.scalars(select(ReportRecord).join(Version).where(
                Version.case_id == case_id, Version.seq >= seq).order_by(Version.seq)).first()
            if covering is None:  # the case was deleted meanwhile
                raise CaseNotFound(f"no case {case_id}")
            return Outcome(movement=[Movement.model_validate(m) for m in covering.movement], seq=seq)

    def _claim(self, case_id: int, holder: str) -> bool:
        with self.writing() as s:
            case = self._lock(s, case_id)
            if case is None:
                return False
            now = utc_now()
            if (case.eval_holder is not None and case.eval_until is not None and case.eval_until > now
                    and not holder_is_gone(case.eval_holder)):
                return False
            case.eval_holder, case.eval_until = holder, now + self.lease
            return True

    def _release_leftovers(self) -> None:
        while self._unreleased:
            case_id, holder = self._unreleased.popitem()
            try:
                self._release(case_id, holder)
            except StoreError:
                self._unreleased[case_id] = holder
                return

    def _release(self, case_id: int, holder: str) -> None:
        with self.writing() as s:
            case = self._lock(s, case_id)
            if case is not None and case.eval_holder == holder:
                case.eval_holder = case.eval_until = None

    def _next_job(self, case_id: int, holder: str, until_seq: int | None) -> _Job | None:
        """What to analyse next: the case up to its newest version. None (and
        the lease given back in the same transaction) when the newest version,
        or ``until_seq``, is already covered by a fresh report."""
        with self.writing() as s:
            case = self._lock(s, case_id, options=_EVERYTHING)
            if case is None or case.eval_holder != holder:
                return None  # deleted, or the lease expired and another process took over
            latest = case.versions[-1]
            fresh = [v.seq for v in case.versions if v.report is not None and not v.report.stale]
            if fresh and fresh[-1] >= (until_seq or latest.seq):
                case.eval_holder = case.eval_until = None
                return None
            case.eval_until = utc_now() + self.lease
            last = next((v.report.id for v in reversed(case.versions) if v.report is not None), None)
            previous = s.scalar(select(ReportRecord.report_json).where(ReportRecord.id == last)) if last else None
            first = reading_window(case.versions, self.budget)
            read = sum(1 for v in case.versions if v.kind != "original" and (first is None or v.seq >= first))
            total = sum(1 for v in case.versions if v.kind != "original")
            return _Job(version_id=latest.id, first_update_seq=first,
                        text=case_text(case.versions, latest.seq, first), findings=journal_pattern(list(case.journal)),
                        previous=previous, read=read, left_out=total - read, journal=len(case.journal),
                        about=case.about)

    def _store(self, case_id: int, holder: str, record: ReportRecord, journal: int = 0,
               about: str | None = None) -> None:
        """Save the report (replacing a stale one) if this process still holds the lease.

        When the report covers the newest version and every journal entry (``journal``: the
        entries it was made with), the lease goes back in the same commit: a process that dies
        right after it leaves an up-to-date case that nobody needs to re-read, so no later
        claim would ever clear a lease left on it. An entry logged meanwhile (its writer found
        the lease held and returned) makes the report stale at once, so the case is read again; so does a
        change of who the case is about (``about``: as the reading was made)."""
        with self.writing() as s:
            case = self._lock(s, case_id)
            if case is None or case.eval_holder != holder:
                return
            version = s.get(Version, record.version_id)
            if version is None:  # the version went with a deleted case
                return
            if version.report is not None:
                s.delete(version.report)
                s.flush()
            entries = s.scalar(select(func.count()).select_from(JournalEntry).where(JournalEntry.case_id == case_id))
            record.stale = entries != journal or case.about != about
            s.add(record)
            newest = s.scalar(select(func.max(Version.seq)).where(Version.case_id == case_id))
            if version.seq == newest and not record.stale:
                case.eval_holder = case.eval_until = None
            else:
                case.eval_until = utc_now() + self.lease

    def _set_aside(self, case_id: int, holder: str, reason: str) -> bool:
        """Mark the updates that make the case unreadable; False when none can be
        (then the original itself is at fault and the last good report stands)."""
        with self.writing() as s:
            case = self._lock(s, case_id, options=_VERSIONS)
            if case is None or case.eval_holder != holder:
                return False
            updates = [v for v in readable(case.versions) if v.kind != "original"]
            culprits = []
            for v in updates:
                try:
                    validate_fragment(v.text, "this update")
                except InputError as err:
                    culprits.append((v, str(err)))
            if not culprits and updates:  # each part is fine alone; the newest one tipped the whole
                culprits = [(updates[-1], reason)]
            for v, why in culprits:
                v.unreadable = why[:300]
            if culprits:  # the text after each of them is read without it now
                _fill_totals(list(case.versions))
            return bool(culprits)

    # --- internals ---------------------------------------------------------
    def _check_readable(self, s: Session, case_id: int, new: _Pending) -> None:
        """The case as the next analysis will read it with ``new`` added (its reading window)
        must be valid text. A writer that slips in between changes the window only at its
        edge; an analysis that still fails sets the culprit aside (``settle``).

        The window is measured from the running totals stored with each version (store.window):
        the original's, the newest version's and at most one more, found by an index step, so a
        write reads three rows however long the case and its window. A case with a row written
        some other way (no totals yet) is summed part by part instead. A refusal is worded by the
        intake, from the window's text."""
        conn = s.connection()  # plain rows of statements built once: this runs on every write
        ends = conn.execute(_ENDS, {"case_id": case_id}).all()
        first_is_original = bool(ends) and ends[0].seq == 1 and ends[0].kind == "original" and not ends[0].unreadable
        original = _totals(ends[0]) if first_is_original else None
        newest = _totals(ends[-1]) if ends else None
        if original is None or newest is None:
            return self._check_readable_by_parts(s, case_id, new)

        def reaching(chars: int) -> tuple[int, Measure] | None:
            row = conn.execute(_REACHING, {"case_id": case_id, "chars": chars}).first()
            found = _totals(row) if row is not None else None
            return (row.seq, found) if row is not None and found is not None else None

        window, after = window_from_totals((1, original), (ends[-1].seq, newest), new.measured, reaching, self.budget)
        if can_be_read(window):
            return
        taken = Version.seq == 1 if after is None else or_(
            Version.seq == 1, (Version.seq > after) & (Version.kind != "original"))
        rows = s.execute(select(Version.kind, Version.text, Version.happened_on).where(
            Version.case_id == case_id, Version.unreadable.is_(None), taken).order_by(Version.seq))
        validate_words(JOIN.join([_part(v) for v in rows] + ([_part(new)] if after is not None else [])))

    def _check_readable_by_parts(self, s: Session, case_id: int, new: _Pending) -> None:
        """``_check_readable`` from the numbers stored with each part, newest first, as far back
        as the window reaches (a case with a row that has no running totals yet)."""
        readable_versions = select(
            Version.seq, Version.kind, Version.happened_on, Version.part_chars, Version.part_words,
            Version.part_common_words,
            # the text only of a row stored without its measure (written some other way)
            sql_case((Version.part_chars.is_(None), Version.text), else_=None).label("text"),
        ).where(Version.case_id == case_id, Version.unreadable.is_(None))
        # The first version in order (one index step; filtering on the kind alone reads every row of the case).
        original = s.execute(readable_versions.where(Version.kind == "original").order_by(Version.seq).limit(1)).first()
        used = _measured(original).chars + len(JOIN) if original is not None else 0
        # Core rows, not ORM objects: a few hundred plain numbers per write.
        stored = s.connection().execute(readable_versions.where(Version.kind != "original")
                                        .order_by(Version.seq.desc()).execution_options(yield_per=64))
        newest_first: Iterator[Any] = itertools.chain([new], stored)  # the new update, then stored plain rows
        taken = newest_that_fit(used, newest_first, _chars, self.budget)
        stored.close()  # read no further than the window reaches
        window = ([original] if original is not None else []) + taken[::-1]
        if can_be_read(joined(map(_measured, window))):
            return
        # Every part passed validate_fragment (the original at create, the new one above, and
        # stored ones that did not are marked unreadable and left out), so the words are what is left.
        seqs = [v.seq for v in window if v is not new]
        texts = {seq: text for seq, text in s.execute(
            select(Version.seq, Version.text).where(Version.case_id == case_id, Version.seq.in_(seqs)))}
        validate_words(JOIN.join(_part(v) if v is new else part(v.kind, texts[v.seq], v.happened_on)
                                 for v in window))

    def _lock(self, s: Session, case_id: int, options: tuple = ()) -> Case | None:
        """The case row, locked for this transaction (SQLite: BEGIN IMMEDIATE already is)."""
        if not 0 < case_id <= MAX_CASE_ID:
            return None
        stmt = select(Case).where(Case.id == case_id).options(*options)
        if self.engine.dialect.name != "sqlite":
            stmt = stmt.with_for_update()
        return s.scalars(stmt).first()

    def _load(self, s: Session, case_id: int, who: str | None, need: str = "read", lock: bool = False,
              options: tuple = ()) -> Case:
        """The case if ``who`` may ``need`` ("read", "write" or "own") it; otherwise
        CaseNotFound, the same answer as for a case that does not exist (or cannot: an id past 2**63)."""
        case_id = _case_id(case_id)
        case = self._lock(s, case_id, options) if lock else s.get(Case, case_id, options=options)
        if case is not None and case.owner == who:
            return case
        if case is not None and who is not None and need != "own":
            share = s.scalar(select(CaseShare).where(CaseShare.case_id == case_id, CaseShare.username == who))
            if share is not None and (need == "read" or share.can_write):
                return case
        raise CaseNotFound(f"no case {case_id}")

    def _append(self, s: Session, case: Case, kind: str, text: str, happened_on: dt.date | None,
                measured: Measure, idempotency_key: str | None = None) -> int:
        """Store a version with its measure (taken before the write lock: ``measure(part(...))``) and
        the running totals of the case's text up to it: the newest version's plus its own, read in
        this transaction, which holds the case's write lock, so no other writer's version comes between."""
        last = s.connection().execute(_NEWEST, {"case_id": case.id}).first()  # nothing of this case is pending
        before = NOTHING if last is None else _totals(last)
        if before is None:  # the newest row was written some other way: count the case again, once
            before = _fill_totals(list(s.scalars(select(Version).where(Version.case_id == case.id)
                                                 .order_by(Version.seq))))
        total = then(before, measured)
        seq = (last.seq if last is not None else 0) + 1
        s.add(Version(case_id=case.id, seq=seq, kind=kind, text=text, happened_on=happened_on,
                      idempotency_key=idempotency_key, part_chars=measured.chars, part_words=measured.words,
                      part_common_words=measured.common_words, total_chars=total.chars, total_words=total.words,
                      total_common_words=total.common_words))
        s.flush()
        return seq

    @staticmethod
    def _seen_update(s: Session, case_id: int, key: str | None, text: str, happened_on: dt.date | None = None
                     ) -> int | None:
        """The version an earlier request with this idempotency key stored, if any (the same text and date)."""
        if key is None:
            return None
        row = s.execute(select(Version.seq, Version.text, Version.happened_on).where(
            Version.case_id == case_id, Version.idempotency_key == key)).first()
        if row is None:
            return None
        if row.text != text or row.happened_on != happened_on:
            raise KeyReused("this idempotency key was already used for a different update; "
                            "send a new key for a new update")
        return int(row.seq)


def _case_id(case_id: int) -> int:
    """The id, or CaseNotFound for one no database can hold (the same answer as a missing case)."""
    if not 0 < case_id <= MAX_CASE_ID:
        raise CaseNotFound(f"no case {case_id}")
    return case_id


def _check_key(key: str | None) -> None:
    if key is not None and not 0 < len(key) <= MAX_KEY_CHARS:
        raise InputError(f"an idempotency key has 1 to {MAX_KEY_CHARS} characters")


def _scoped_key(owner: str | None, key: str | None) -> str | None:
    """The key as stored: bound to the user who sent it, so two people writing to
    one shared case can never answer each other's retries."""
    if key is None:
        return None
    return hashlib.sha256(f"{owner or ''}\n{key}".encode("utf-8", "surrogatepass")).hexdigest()


#: A version's running totals (store.window.running).
_TOTALS = (Version.total_chars, Version.total_words, Version.total_common_words)
#: A case's newest version; and its first and newest (one index step each).
_NEWEST = (select(Version.seq, *_TOTALS).where(Version.case_id == bindparam("case_id"))
           .order_by(Version.seq.desc()).limit(1))
_ENDS = (select(Version.seq, Version.kind, Version.unreadable, *_TOTALS)
         .where(Version.case_id == bindparam("case_id"), or_(Version.seq == 1, Version.seq == select(
             func.max(Version.seq)).where(Version.case_id == bindparam("case_id")).scalar_subquery()))
         .order_by(Version.seq))
#: The oldest version of a case whose totals reach ``chars`` characters (an index step).
_REACHING = (select(Version.seq, *_TOTALS).where(Version.case_id == bindparam("case_id"),
                                                 Version.total_chars >= bindparam("chars"))
             .order_by(Version.total_chars).limit(1))
#: The versions alone (what a write needs to check the case it is adding to).
_VERSIONS = (selectinload(Case.versions),)
#: Load a case whole in four queries (not one per version).
_EVERYTHING = (selectinload(Case.versions).selectinload(Version.report), selectinload(Case.journal),
               selectinload(Case.shares))


@dataclass
class _Pending:
    """An update not yet stored, shaped like a version for ``case_text`` and ``reading_window``."""

    text: str
    happened_on: dt.date | None
    kind: str = "update"
    seq: int = 2**62  # after every stored version
    unreadable: None = None
    measured: Measure = field(init=False)
    part_chars: int = field(init=False)
    part_words: int = field(init=False)
    part_common_words: int = field(init=False)

    def __post_init__(self) -> None:
        self.measured = measure(part(self.kind, self.text, self.happened_on))
        self.part_chars, self.part_words, self.part_common_words = self.measured


@dataclass
class _Job:
    version_id: int
    first_update_seq: int | None
    text: str
    findings: list[str]
    previous: str | None
    read: int
    left_out: int
    journal: int = 0  # journal entries the reading was made with
    about: str | None = None  # who the case is about, as the writer said when the reading was made


def _title_from(text: str) -> str:
    """The first words of the letter itself (not page chrome)."""
    from clearair.intake import build_document

    document = build_document(text)
    words = document.segment_text(document.letter).split()
    return " ".join(words[:10]) + ("…" if len(words) > 10 else "")
