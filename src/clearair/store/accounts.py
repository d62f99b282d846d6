"""Accounts for multi-user mode: argon2-hashed passwords, hashed session tokens, throttled logins.

Passwords are hashed and checked outside any transaction (argon2 is slow on
purpose; the write lock must not wait for it), session lookups only read, and
failed logins are counted in memory (see ``throttle``), so neither a flood of
bad logins nor a slow hash delays anyone else's work. Each hash holds 64 MB, so
only as many run at once as there are cores: a flood waits its turn instead of
taking the server's memory.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import secrets
import threading

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from clearair.errors import InputError
from clearair.models import Model
from clearair.store.cases import CaseStore
from clearair.store.schema import Case, CaseShare, SessionToken, User, utc_now
from clearair.store.throttle import Rule, Throttle

#: A session ends this long after login (or at logout, revocation, a new password, removal).
SESSION_HOURS = 12
MIN_PASSWORD = 10
MAX_PASSWORD = 1_000
#: Letters, digits, dot, underscore and hyphen, starting with a letter or digit: safe in a page, a log line,
#: a URL and a terminal (no markup, slashes, spaces or right-to-left overrides).
USERNAME = re.compile(r"[a-z0-9][a-z0-9._-]{0,63}")
#: Per account, a few tries; per client address (often shared: a team behind one proxy) more. A name with
#: no account is throttled like one, but counted apart ("unknown"), so made-up names never evict real accounts.
#: An address that failed too often is held back for every name, real or made up: answering a real name
#: differently would tell a prober which accounts exist. The cost: a flood from an address that real users
#: share (a loopback server, a proxy) delays their logins too, for at most ``Rule.longest`` seconds.
LOGIN_RULES = {"account": Rule(free=5), "unknown": Rule(free=5), "client": Rule(free=30)}
_hasher = PasswordHasher()
#: Hashes (argon2id: 64 MB and one core each) that may run at once in this process.
HASHES_AT_ONCE = max(2, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 2)
_hashing = threading.BoundedSemaphore(HASHES_AT_ONCE)


def _hash(password: str) -> str:
    with _hashing:
        return _hasher.hash(password)


def _verify(password_hash: str, password: str) -> None:
    """Returns if the password matches; raises VerificationError or InvalidHashError if not."""
    with _hashing:
        _hasher.verify(password_hash, password)


class LoginThrottled(InputError):
    """Too many failed logins for this account or from this address; try again after ``retry_after`` seconds."""

    def __init__(self, retry_after: float) -> None:
        self.retry_after = max(1.0, float(retry_after))
        seconds = max(1, round(self.retry_after))
        super().__init__(f"too many failed logins; try again in {seconds} second{'s' * (seconds != 1)}")


class UserInfo(Model):
    username: str
    created_at: dt.datetime
    sessions: int
    cases: int


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def _name(username: str) -> str:
    return username.strip().lower()


def valid_username(username: str) -> str:
    """The name as stored (lower case), or InputError saying which names are allowed."""
    name = _name(username)
    if not USERNAME.fullmatch(name):
        raise InputError("a user name has 1 to 64 letters, digits, dots, hyphens or underscores, "
                         "and starts with a letter or digit")
    return name


def _check_password(password: str) -> None:
    if not MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
        raise InputError(f"a password has {MIN_PASSWORD} to {MAX_PASSWORD} characters")


class Accounts:
    def __init__(self, store: CaseStore, throttle: Throttle | None = None) -> None:
        self.store = store
        self.throttle = throttle or Throttle(LOGIN_RULES)

    # --- managing accounts (the command line) --------------------------------
    def add(self, username: str, password: str) -> None:
        name = valid_username(username)
        _check_password(password)
        password_hash = _hash(password)  # before the transaction
        with self.store.writing() as s:
            if s.scalar(select(User.id).where(User.username == name)) is not None:
                raise InputError(f"user {name} already exists")
            s.add(User(username=name, password_hash=password_hash))

    def set_password(self, username: str, password: str) -> None:
        """A new password; every session of the account ends."""
        _check_password(password)
        password_hash = _hash(password)
        with self.store.writing() as s:
            user = self._user(s, username)
            user.password_hash = password_hash
            s.execute(delete(SessionToken).where(SessionToken.user_id == user.id))

    def revoke_sessions(self, username: str) -> int:
        """End every session of the account (it stays, and can log in again); how many were ended."""
        with self.store.writing() as s:
            user = self._user(s, username)
            ended = s.scalar(select(func.count()).select_from(SessionToken).where(SessionToken.user_id == user.id))
            s.execute(delete(SessionToken).where(SessionToken.user_id == user.id))
            return int(ended or 0)

    def remove(self, username: str, delete_cases: bool = False) -> int:
        """Remove the account, its sessions and the shares made to it; how many of its cases went with it.

        An account that still owns cases is removed only with ``delete_cases``:
        left behind, they would open to the next account given the same name."""
        with self.store.writing() as s:
            user = self._user(s, username)
            owned = list(s.scalars(select(Case).where(Case.owner == user.username)))
            if owned and not delete_cases:
                raise InputError(f"user {user.username} owns {len(owned)} case file{'s' * (len(owned) != 1)}; "
                                 "remove them too with --delete-cases")
            for case in owned:
                s.delete(case)
            s.execute(delete(CaseShare).where(CaseShare.username == user.username))
            s.execute(delete(SessionToken).where(SessionToken.user_id == user.id))
            s.delete(user)
            return len(owned)

    def list_users(self) -> list[UserInfo]:
        now = utc_now()
        with self.store.reading() as s:
            sessions: dict[int, int] = {uid: n for uid, n in s.execute(
                select(SessionToken.user_id, func.count()).where(SessionToken.expires_at > now)
                .group_by(SessionToken.user_id))}
            cases: dict[str | None, int] = {owner: n for owner, n in s.execute(
                select(Case.owner, func.count()).where(Case.owner.is_not(None)).group_by(Case.owner))}
            return [UserInfo(username=u.username, created_at=u.created_at, sessions=sessions.get(u.id, 0),
                             cases=cases.get(u.username, 0))
                    for u in s.scalars(select(User).order_by(User.username))]

    # --- sessions (the server) ------------------------------------------------
    def login(self, username: str, password: str, client: str | None = None) -> str | None:
        """A new session token, or None for a wrong name or password.

        LoginThrottled when this account, or this client address, failed too often lately."""
        name = _name(username)
        with self.store.reading() as s:
            row = s.execute(select(User.id, User.password_hash).where(User.username == name)).first()
        kind = "account" if row is not None else "unknown"
        keys = [(kind, name)] + ([("client", client)] if client else [])
        wait = self.throttle.attempt(keys)
        if wait > 0:
            raise LoginThrottled(wait)
        if row is None:
            _hash(password)  # same cost either way: no user enumeration by timing
            return None
        try:
            _verify(row.password_hash, password)
        except (VerificationError, InvalidHashError):
            return None
        self.throttle.succeeded(("account", name))
        token = secrets.token_urlsafe(32)
        now = utc_now()
        with self.store.writing() as s:
            s.execute(delete(SessionToken).where(SessionToken.user_id == row.id, SessionToken.expires_at < now))
            s.add(SessionToken(token_hash=_digest(token), user_id=row.id,
                               expires_at=now + dt.timedelta(hours=SESSION_HOURS)))
        return token

    def user_for(self, token: str | None) -> str | None:
        """The account a session token belongs to; a read that never waits for a writer."""
        if not token or len(token) > 200:
            return None
        with self.store.reading() as s:
            row = s.execute(select(User.username, SessionToken.expires_at).join(User, User.id == SessionToken.user_id)
                            .where(SessionToken.token_hash == _digest(token))).first()
        if row is None or row.expires_at < utc_now():
            return None
        return str(row.username)

    def logout(self, token: str) -> None:
        with self.store.writing() as s:
            s.execute(delete(SessionToken).where(SessionToken.token_hash == _digest(token)))

    @staticmethod
    def _user(s: Session, username: str) -> User:
        user = s.scalar(select(User).where(User.username == _name(username)))
        if user is None:
            raise InputError(f"no user called {_name(username)}")
        return user
