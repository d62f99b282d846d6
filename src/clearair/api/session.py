"""Who is asking: the token (single-user) or the session (multi-user) of each request.

Sets ``request.state.user`` and ``request.state.credential`` for the routes, or answers
401 (API) / a redirect to the login page (pages) before any route runs. A token
given in the address (``/?token=...``, the link the server prints) is moved into
an HttpOnly cookie at once: the answer is a redirect to the same address without
it, so the token does not stay in the address bar or the browser's history.
"""

from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from clearair.api import pages
from clearair.api.deps import accounts_of, same_secret
from clearair.store.errors import StoreError

COOKIE = "clearair_token"
SESSION_COOKIE = "clearair_session"
LOGIN_COOKIE = "clearair_login"  # binds the login form's CSRF token to this browser
PUBLIC_PATHS = {"/login", "/api/login"}
#: The page's own CSS and JavaScript: the same for everyone, and needed by the login page before any session.
PUBLIC_PREFIX = "/static/"


def bearer_of(request: Request) -> str:
    return request.headers.get("authorization", "").removeprefix("Bearer ").strip()


def session_of(request: Request) -> str:
    """The multi-user session token this request carries (cookie first, then ``Authorization: Bearer``)."""
    return request.cookies.get(SESSION_COOKIE) or bearer_of(request)


def _without_token(request: Request) -> str:
    rest = [(k, v) for k, v in request.query_params.multi_items() if k != "token"]
    return request.url.path + ("?" + urlencode(rest) if rest else "")


async def identify(request: Request, call_next) -> Response:
    state = request.app.state
    if request.url.path.startswith(PUBLIC_PREFIX) and request.method in ("GET", "HEAD"):
        request.state.user, request.state.credential = None, ""
        return await call_next(request)
    if state.multi_user:
        session = session_of(request)
        try:
            user = accounts_of(state).user_for(session) if session else None
        except StoreError as err:  # raised here, outside the routes' exception handlers
            return JSONResponse({"detail": str(err)}, status_code=503)
        if user is None and request.url.path not in PUBLIC_PATHS:
            if request.url.path.startswith("/api/"):
                return JSONResponse({"detail": "log in first"}, status_code=401)
            if request.method != "GET":  # a page form after the session ended: a page, not JSON
                return HTMLResponse(pages.no_access(True), status_code=401)
            return RedirectResponse("/login", status_code=303)
        request.state.user, request.state.credential = user, session or ""
        return await call_next(request)
    in_address = request.query_params.get("token")
    supplied = in_address or request.cookies.get(COOKIE) or bearer_of(request)
    if not supplied or not same_secret(supplied, state.token):
        if request.url.path.startswith("/api/") or request.url.path == "/openapi.json":
            return JSONResponse({"detail": "missing or wrong access token"}, status_code=401)
        return HTMLResponse(pages.no_access(False), status_code=401)  # a browser gets a page that says what to do
    if in_address and request.method in ("GET", "HEAD"):
        response: Response = RedirectResponse(_without_token(request), status_code=303)
    else:
        request.state.user, request.state.credential = None, state.token
        response = await call_next(request)
    if in_address:
        response.set_cookie(COOKIE, state.token, httponly=True, samesite="strict")
    return response
