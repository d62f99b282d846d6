"""Log in and out (multi-user mode) through the JSON API (the page's forms are in ``web``).

A login from a client or for an account with too many recent failures is
refused with 429 and ``Retry-After`` (the store counts the failures). Logging
out ends the session on the server, not only in this browser.
"""

import asyncio
from typing import Annotated

from fastapi import APIRouter, Header, HTTPException, Request, Response
from fastapi.concurrency import run_in_threadpool

from clearair.api.deps import AccountsDep, ClientDep, check_csrf
from clearair.api.schemas import REFUSALS, LoginIn, LoginOut, Problem
from clearair.api.session import SESSION_COOKIE, session_of
from clearair.store.accounts import LoginThrottled

router = APIRouter(tags=["auth"], responses=REFUSALS)
#: A throttled login is answered after this long at most.
TARPIT_SECONDS = 2.0
THROTTLED: dict[int | str, dict] = {
    429: {"model": Problem, "description": "Too many failed logins; wait the seconds in `Retry-After`."}}


def _multi_user_only(request: Request) -> None:
    if not request.app.state.multi_user:
        raise HTTPException(status_code=404, detail="accounts exist only in multi-user mode")


@router.post("/api/login", response_model=LoginOut, responses=THROTTLED)
async def api_login(request: Request, body: LoginIn, accounts: AccountsDep, client: ClientDep):
    _multi_user_only(request)
    try:  # argon2 is slow on purpose: off the event loop
        session = await run_in_threadpool(accounts.login, body.username, body.password, client=client)
    except LoginThrottled as err:
        # Answer a throttled login late (without holding a worker thread): a client
        # that hammers the login then waits between tries instead of taking the
        # server's time from everyone else.
        await asyncio.sleep(min(err.retry_after, TARPIT_SECONDS))
        raise
    if session is None:
        raise HTTPException(status_code=401, detail="wrong user name or password")
    return LoginOut(token=session)


@router.post("/api/logout", status_code=204, responses={403: {"model": Problem, "description": "CSRF check failed."}})
def api_logout(request: Request, accounts: AccountsDep,
               x_csrf_token: Annotated[str, Header(max_length=200)] = "") -> Response:
    """End this session (the token stops working everywhere) and clear its cookie.

    A call that signs in with the session cookie must send the page's CSRF token as
    ``X-CSRF-Token`` (any other page the browser has open could send the cookie);
    a call with ``Authorization: Bearer`` needs none."""
    _multi_user_only(request)
    if request.cookies.get(SESSION_COOKIE):
        check_csrf(request, x_csrf_token)
    accounts.logout(session_of(request))
    response = Response(status_code=204)
    response.delete_cookie(SESSION_COOKIE, httponly=True, samesite="strict")
    return response
