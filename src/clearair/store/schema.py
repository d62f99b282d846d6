"""Tables of the case store: cases, their versions (original text and updates),
a journal of incidents the user logs directly, and the report each version
produced."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, Boolean, Date, DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint, false
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def utc_now() -> dt.datetime:
    """Naive UTC, as every timestamp in the store is kept."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    pass


class Case(Base):
    __tablename__ = "cases"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    owner: Mapped[str | None] = mapped_column(String(120), index=True, default=None)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now)
    # Who the case is mainly about, as the writer said (a role of models.ABOUT_ROLES, or a name of at most 20
    # characters the text gives, models.ABOUT_NAME); None: as the engine reads it.
    about: Mapped[str | None] = mapped_column(String(20), default=None)
    # The lease of the one process re-evaluating this case (see CaseStore.settle).
    eval_holder: Mapped[str | None] = mapped_column(String(64), default=None)
    eval_until: Mapped[dt.datetime | None] = mapped_column(DateTime, default=None)
    versions: Mapped[list[Version]] = relationship(back_populates="case", order_by="Version.seq",
                                                   cascade="all, delete-orphan", passive_deletes=True)
    journal: Mapped[list[JournalEntry]] = relationship(back_populates="case", order_by="JournalEntry.happened_on",
                                                       cascade="all, delete-orphan", passive_deletes=True)
    shares: Mapped[list[CaseShare]] = relationship(back_populates="case", order_by="CaseShare.username",
                                                   cascade="all, delete-orphan", passive_deletes=True)


class CaseShare(Base):
    """Another account the owner let in: read only, or read and add updates and journal entries."""

    __tablename__ = "case_shares"
    __table_args__ = (UniqueConstraint("case_id", "username"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    username: Mapped[str] = mapped_column(String(120), index=True)
    can_write: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now)
    case: Mapped[Case] = relationship(back_populates="shares")


class Version(Base):
    """The original text (seq 1) or an update the user added later."""

    __tablename__ = "versions"
    __table_args__ = (UniqueConstraint("case_id", "seq"),
                      Index("uq_versions_case_key", "case_id", "idempotency_key", unique=True),
                      Index("ix_versions_case_total_chars", "case_id", "total_chars"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))  # "original" | "update"
    text: Mapped[str] = mapped_column(Text)
    happened_on: Mapped[dt.date | None] = mapped_column(Date, default=None)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now)
    #: Why this version cannot be read (kept, shown, but left out of the analysis); None when it can.
    unreadable: Mapped[str | None] = mapped_column(String(300), default=None)
    #: The key a client sent with the request that stored this update: a retry finds it instead of adding a copy.
    idempotency_key: Mapped[str | None] = mapped_column(String(128), default=None)
    #: What this version's part adds to the text the case is read as (store.window), measured when it is
    #: stored: a new update's reading window is a sum of these. None only for a row written some other way.
    part_chars: Mapped[int | None] = mapped_column(Integer, default=None)
    part_words: Mapped[int | None] = mapped_column(Integer, default=None)
    part_common_words: Mapped[int | None] = mapped_column(Integer, default=None)
    #: The case's text up to and including this version, as it is read (store.window.running), kept when the
    #: version is stored: a new update's window is a difference of two of these. None only for a row written
    #: some other way (a case whose newest row has none is counted again on the store's next write to it).
    total_chars: Mapped[int | None] = mapped_column(Integer, default=None)
    total_words: Mapped[int | None] = mapped_column(Integer, default=None)
    total_common_words: Mapped[int | None] = mapped_column(Integer, default=None)
    case: Mapped[Case] = relationship(back_populates="versions")
    report: Mapped[ReportRecord | None] = relationship(back_populates="version", cascade="all, delete-orphan",
                                                       passive_deletes=True, uselist=False)


class JournalEntry(Base):
    __tablename__ = "journal"
    __table_args__ = (Index("uq_journal_case_key", "case_id", "idempotency_key", unique=True),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    happened_on: Mapped[dt.date] = mapped_column(Date)
    who: Mapped[str] = mapped_column(String(200))
    what: Mapped[str] = mapped_column(Text)
    channel: Mapped[str | None] = mapped_column(String(40), default=None)
    witnesses: Mapped[str | None] = mapped_column(String(400), default=None)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now)
    idempotency_key: Mapped[str | None] = mapped_column(String(128), default=None)
    case: Mapped[Case] = relationship(back_populates="journal")


class ReportRecord(Base):
    """The analysis a version produced, and how the ranking moved from the previous one.

    Under concurrent writers several updates can be evaluated together: a version
    without a report is covered by the next later version that has one."""

    __tablename__ = "reports"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("versions.id", ondelete="CASCADE"), unique=True)
    top_actions: Mapped[list] = mapped_column(JSON)
    movement: Mapped[list] = mapped_column(JSON)
    report_json: Mapped[str] = mapped_column(Text, deferred=True)  # large: loaded only when read
    stale: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    first_update_seq: Mapped[int | None] = mapped_column(Integer, default=None)  # None: every update was read
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now)
    version: Mapped[Version] = relationship(back_populates="report")


class User(Base):
    """An account in multi-user mode (a team or an HR function on PostgreSQL)."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(120), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now)


class SessionToken(Base):
    """A login session; only a hash of the token is stored."""

    __tablename__ = "sessions"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime)
