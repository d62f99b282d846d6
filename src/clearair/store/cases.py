"""Case files: keep a situation, add what happened next, and see the advice move.

Every write is one transaction: a version and its report are committed
together or not at all. Re-evaluation analyses the whole case (the original
text and every update, in order) and records how each action's rank moved
and why (the reasons that appeared or disappeared).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from clearair.errors import InputError
from clearair.intake import validate_text
from clearair.models import Model, Report
from clearair.store.db import make_engine
from clearair.store.schema import Case, JournalEntry, ReportRecord, Version

#: Journal entries about the same person within this many days form a pattern.
PATTERN_WINDOW_DAYS = 56
PATTERN_MIN_ENTRIES = 2


class Movement(Model):
    action: str
    before: int | None  # 1-based rank before, None if it was not ranked
    after: int
    why: list[str]


class CaseSummary(Model):
    id: int
    title: str
    versions: int
    journal: int
    top_action: str | None
    created_at: dt.datetime


class CaseNotFound(InputError):
    pass


def case_text(case: Case) -> str:
    """The whole case as the writer told it: original first, then dated updates."""
    parts = []
    for v in case.versions:
        if v.kind == "original":
            parts.append(v.text.strip())
        else:
            when = f" ({v.happened_on.isoformat()})" if v.happened_on else ""
            parts.append(f"Update{when}: {v.text.strip()}")
    return "\n\n".join(parts)


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
    def __init__(self, url: str | None = None) -> None:
        self.engine = make_engine(url)
        self.session = sessionmaker(self.engine, expire_on_commit=False)

    # --- reads ------------------------------------------------------------
    def list(self, owner: str | None = None) -> list[CaseSummary]:
        with self.session() as s:
            stmt = select(Case).where(Case.owner.is_(None) if owner is None else Case.owner == owner).order_by(Case.id)
            out = []
            for case in s.scalars(stmt):
                last = case.versions[-1].report if case.versions else None
                out.append(CaseSummary(id=case.id, title=case.title, versions=len(case.versions),
                                       journal=len(case.journal), created_at=case.created_at,
                                       top_action=(last.top_actions[0] if last and last.top_actions else None)))
            return out

    def get(self, case_id: int, owner: str | None = None) -> Case:
        with self.session() as s:
            case = self._load(s, case_id, owner)
            for v in case.versions:  # load everything the caller will read
                _ = v.report
            _ = list(case.journal)
            return case

    def open_case(self, case_id: int, owner: str | None = None) -> tuple[Case, Report]:
        """The case with everything loaded, and the report of its latest version."""
        case = self.get(case_id, owner)
        return case, Report.model_validate_json(case.versions[-1].report.report_json)

    def latest_report(self, case_id: int, owner: str | None = None) -> Report:
        return self.open_case(case_id, owner)[1]

    # --- writes (each one transaction) -------------------------------------
    def create(self, text: str, title: str | None = None, owner: str | None = None) -> int:
        validate_text(text)
        with self.session.begin() as s:
            case = Case(title=(title or _title_from(text))[:200], owner=owner)
            s.add(case)
            s.flush()
            self._add_version(s, case, "original", text, None)
            return case.id

    def update(self, case_id: int, text: str, happened_on: dt.date | None = None,
               owner: str | None = None) -> list[Movement]:
        if not text.strip():
            raise InputError("the update is empty")
        with self.session.begin() as s:
            case = self._load(s, case_id, owner, lock=True)
            record = self._add_version(s, case, "update", text, happened_on)
            return [Movement.model_validate(m) for m in record.movement]

    def log(self, case_id: int, who: str, what: str, happened_on: dt.date | None = None, channel: str | None = None,
            witnesses: str | None = None, owner: str | None = None) -> list[Movement]:
        """Add a journal entry; the case is re-evaluated with it."""
        if not who.strip() or not what.strip():
            raise InputError("a journal entry needs who and what")
        with self.session.begin() as s:
            case = self._load(s, case_id, owner, lock=True)
            s.add(JournalEntry(case_id=case.id, happened_on=happened_on or dt.date.today(), who=who.strip()[:200],
                               what=what.strip(), channel=channel, witnesses=witnesses))
            s.flush()
            s.refresh(case)
            record = self._reevaluate(s, case, case.versions[-1], replace=True)
            return [Movement.model_validate(m) for m in record.movement]

    def delete(self, case_id: int, owner: str | None = None) -> None:
        """Delete for real: rows, and on SQLite the copies in the write-ahead log."""
        with self.session.begin() as s:
            s.delete(self._load(s, case_id, owner))
        if self.engine.dialect.name == "sqlite":
            raw = self.engine.raw_connection()  # outside any transaction, as a checkpoint must be
            try:
                raw.cursor().execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                raw.close()

    # --- internals ---------------------------------------------------------
    def _load(self, s: Session, case_id: int, owner: str | None, lock: bool = False) -> Case:
        stmt = select(Case).where(Case.id == case_id)
        if lock and self.engine.dialect.name != "sqlite":
            stmt = stmt.with_for_update()
        case = s.scalars(stmt).first()
        if case is None or case.owner != owner:
            raise CaseNotFound(f"no case {case_id}")
        return case

    def _add_version(self, s: Session, case: Case, kind: str, text: str, happened_on) -> ReportRecord:
        seq = (s.scalar(select(func.max(Version.seq)).where(Version.case_id == case.id)) or 0) + 1
        version = Version(case_id=case.id, seq=seq, kind=kind, text=text, happened_on=happened_on)
        s.add(version)
        s.flush()
        s.refresh(case)
        return self._reevaluate(s, case, version)

    def _reevaluate(self, s: Session, case: Case, version: Version, replace: bool = False) -> ReportRecord:
        from clearair.pipeline import analyze_case

        previous = None
        earlier = [v for v in case.versions if v.report is not None and (replace or v.id != version.id)]
        if earlier:
            previous = Report.model_validate_json(earlier[-1].report.report_json)
        report = analyze_case(case_text(case), journal_pattern(list(case.journal)))
        moved = [m.model_dump() for m in movement(previous, report)]
        if replace and version.report is not None:
            s.delete(version.report)
            s.flush()
        record = ReportRecord(version_id=version.id, top_actions=report.top_actions(5), movement=moved,
                              report_json=report.model_dump_json())
        s.add(record)
        s.flush()
        return record


def _title_from(text: str) -> str:
    """The first words of the letter itself (not page chrome)."""
    from clearair.intake import build_document

    document = build_document(text)
    words = document.segment_text(document.letter).split()
    return " ".join(words[:10]) + ("…" if len(words) > 10 else "")
