"""How failures answer: one place that turns the store's and the input's errors into HTTP.

- bad input: 422 (a case you may not see: 404, the same as one that does not exist);
- an idempotency key sent again with different content: 409;
- a case still being read for the first time: 202 ``{"status": "being analysed"}``
  to a GET (a short page that reloads itself, for the browser), 409 to a write;
- the store cannot write (disk full: 507; read-only or busy: 503), with a plain sentence;
- too many failed logins: 429 with ``Retry-After``.
"""

import math
from html import escape

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response

from clearair.api.checks import first_problem
from clearair.errors import InputError
from clearair.store import CaseNotFound, CaseNotReady, KeyReused
from clearair.store.accounts import LoginThrottled
from clearair.store.errors import StoreError, StoreFull

RELOAD_SECONDS = 3
_WAIT_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="{seconds}">
<title>Being analysed - clearair</title></head>
<body><main><h1>This case is being analysed</h1><p>{detail}</p>
<p>This page reloads by itself in a few seconds.</p></main></body></html>
"""


def wants_page(request: Request) -> bool:
    """A browser page rather than the JSON API."""
    return not request.url.path.startswith("/api/") and request.url.path != "/openapi.json"


async def input_error(request: Request, err: Exception) -> Response:
    if isinstance(err, CaseNotReady) and request.method in ("GET", "HEAD"):
        detail = str(err)
        if wants_page(request):
            return HTMLResponse(_WAIT_PAGE.format(seconds=RELOAD_SECONDS, detail=escape(detail)), status_code=202,
                                headers={"Retry-After": str(RELOAD_SECONDS)})
        return JSONResponse({"status": "being analysed", "detail": detail}, status_code=202,
                            headers={"Retry-After": str(RELOAD_SECONDS)})
    status = 404 if isinstance(err, CaseNotFound) else 409 if isinstance(err, CaseNotReady | KeyReused) else 422
    return JSONResponse({"detail": str(err)}, status_code=status)


async def store_error(_request: Request, err: Exception) -> Response:
    return JSONResponse({"detail": str(err)}, status_code=507 if isinstance(err, StoreFull) else 503)


async def login_throttled(_request: Request, err: Exception) -> Response:
    wait = max(1, math.ceil(getattr(err, "retry_after", 1)))
    return JSONResponse({"detail": f"too many failed logins; try again in {wait} seconds"}, status_code=429,
                        headers={"Retry-After": str(wait)})


async def invalid(_request: Request, err: Exception) -> Response:
    problems = list(err.errors()) if isinstance(err, RequestValidationError) else []
    return JSONResponse({"detail": first_problem(problems)}, status_code=422)


def install(app: FastAPI) -> None:
    app.add_exception_handler(InputError, input_error)
    app.add_exception_handler(StoreError, store_error)
    app.add_exception_handler(LoginThrottled, login_throttled)
    app.add_exception_handler(RequestValidationError, invalid)
