"""Typed dependencies of the routes: the store, the accounts, who is asking, and the CSRF check of forms.

Everything is read from ``request.app.state`` (set by ``create_app``), so routes are
plain functions in their own modules rather than closures.
"""

import hashlib
import hmac
from typing import Annotated

from fastapi import Depends, Form, Header, HTTPException, Path, Request
from starlette.datastructures import State

from clearair.store import CaseStore
from clearair.store.accounts import Accounts
from clearair.store.cases import MAX_CASE_ID, MAX_KEY_CHARS


def store_of(state: State) -> CaseStore:
    """The app's store, opened on first use (model mode attaches the model's reader to it)."""
    if state.store is None:
        state.store = CaseStore(state.store_url)
        if state.llm is not None:
            from clearair.llm.cli import attach_to_store

            attach_to_store(state.store, state.llm)
    return state.store


def accounts_of(state: State) -> Accounts:
    if state.accounts is None:
        state.accounts = Accounts(store_of(state))
    return state.accounts


def get_store(request: Request) -> CaseStore:
    return store_of(request.app.state)


def get_accounts(request: Request) -> Accounts:
    return accounts_of(request.app.state)


def get_owner(request: Request) -> str | None:
    """The signed-in user (multi-user mode), or None in single-user mode."""
    return request.state.user


def csrf_for(request: Request) -> str:
    """The form token bound to the credential of this request."""
    credential = request.state.credential
    return hmac.new(request.app.state.token.encode(), b"csrf:" + credential.encode(), hashlib.sha256).hexdigest()


def login_csrf(request: Request, browser: str) -> str:
    """The login form's token, bound to a browser cookie (there is no credential yet)."""
    return hmac.new(request.app.state.token.encode(), b"login:" + browser.encode(), hashlib.sha256).hexdigest()


def same_secret(supplied: str, expected: str) -> bool:
    """Constant-time comparison that also takes text no secret could be (non-ASCII): it is simply unequal."""
    return hmac.compare_digest(supplied.encode("utf-8", "replace"), expected.encode("utf-8", "replace"))


def check_csrf(request: Request, supplied: str) -> None:
    if not same_secret(supplied, csrf_for(request)):
        raise HTTPException(status_code=403, detail="form expired or forged (CSRF check failed)")


def checked_form(request: Request, csrf_token: Annotated[str, Form(max_length=200)]) -> None:
    """A form whose CSRF token matches this request's credential; 403 otherwise."""
    check_csrf(request, csrf_token)


StoreDep = Annotated[CaseStore, Depends(get_store)]
AccountsDep = Annotated[Accounts, Depends(get_accounts)]
OwnerDep = Annotated[str | None, Depends(get_owner)]
CsrfChecked = Depends(checked_form)


def client_of(request: Request) -> str | None:
    """The client's address, for login throttling."""
    return request.client.host if request.client else None


#: A case id: beyond 64 bits there is no such case (422, rather than an overflow deep in the database driver).
CaseId = Annotated[int, Path(ge=1, le=MAX_CASE_ID, description="The case's number.")]
#: ``Idempotency-Key``: a retried write with the same key for the same case is stored once.
IdempotencyKey = Annotated[str | None, Header(max_length=MAX_KEY_CHARS,
                                              description="Any unique string per write: a retry with the same key "
                                                          "returns the first write instead of storing it again.")]
ClientDep = Annotated[str | None, Depends(client_of)]
