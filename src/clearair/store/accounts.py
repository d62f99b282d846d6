"""Accounts for multi-user mode: argon2-hashed passwords and hashed session tokens."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, select

from clearair.errors import InputError
from clearair.store.cases import CaseStore
from clearair.store.schema import SessionToken, User, utc_now

SESSION_DAYS = 7
_hasher = PasswordHasher()


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class Accounts:
    def __init__(self, store: CaseStore) -> None:
        self.session = store.session

    def add(self, username: str, password: str) -> None:
        username = username.strip().lower()
        if not username or len(password) < 10:
            raise InputError("a user needs a name and a password of at least 10 characters")
        with self.session.begin() as s:
            if s.scalar(select(User).where(User.username == username)):
                raise InputError(f"user {username!r} already exists")
            s.add(User(username=username, password_hash=_hasher.hash(password)))

    def login(self, username: str, password: str) -> str | None:
        """A new session token, or None for a wrong name or password."""
        with self.session.begin() as s:
            user = s.scalar(select(User).where(User.username == username.strip().lower()))
            if user is None:
                _hasher.hash(password)  # same cost either way: no user enumeration by timing
                return None
            try:
                _hasher.verify(user.password_hash, password)
            except (VerificationError, InvalidHashError):
                return None
            token = secrets.token_urlsafe(32)
            s.add(SessionToken(token_hash=_digest(token), user_id=user.id,
                               expires_at=utc_now() + dt.timedelta(days=SESSION_DAYS)))
            return token

    def user_for(self, token: str | None) -> str | None:
        if not token:
            return None
        with self.session() as s:
            row = s.get(SessionToken, _digest(token))
            if row is None or row.expires_at < utc_now():
                return None
            return s.get(User, row.user_id).username

    def logout(self, token: str) -> None:
        with self.session.begin() as s:
            s.execute(delete(SessionToken).where(SessionToken.token_hash == _digest(token)))
