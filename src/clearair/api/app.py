"""HTTP API and local web page on one FastAPI app.

Who gets in (single-user mode): a secret token made at launch, given in the
URL the server prints; the first visit with ``?token=`` sets an HttpOnly
cookie, API clients may send ``Authorization: Bearer``. The Host header must
name this machine (DNS-rebinding defence); forms carry a CSRF token derived
from the launch secret; request bodies are capped.
"""


import datetime as dt
import hashlib
import hmac
import secrets
from typing import Annotated

from fastapi import Depends, FastAPI, Form, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from pydantic import BaseModel, Field
from starlette.middleware.trustedhost import TrustedHostMiddleware

from clearair.errors import InputError
from clearair.store import CaseNotFound, CaseStore

MAX_BODY = 256_000
COOKIE = "clearair_token"
DEFAULT_HOSTS = ("127.0.0.1", "localhost", "[::1]")


class AnalyzeIn(BaseModel):
    text: str = Field(max_length=200_000)


class CaseIn(BaseModel):
    text: str = Field(max_length=200_000)
    title: str | None = Field(default=None, max_length=200)


class UpdateIn(BaseModel):
    text: str = Field(max_length=200_000)
    happened_on: dt.date | None = None


class JournalIn(BaseModel):
    who: str = Field(min_length=1, max_length=200)
    what: str = Field(min_length=1, max_length=5_000)
    happened_on: dt.date | None = None
    channel: str | None = Field(default=None, max_length=40)
    witnesses: str | None = Field(default=None, max_length=400)


def create_app(store_url: str | None = None, token: str | None = None,
               allowed_hosts: tuple[str, ...] = DEFAULT_HOSTS) -> FastAPI:
    token = token or secrets.token_urlsafe(24)
    csrf = hmac.new(token.encode(), b"csrf", hashlib.sha256).hexdigest()
    app = FastAPI(title="clearair", version="0.1.0", description="A private, offline advisor for workplace conflict.")
    app.state.token = token
    app.state.store = None

    def store() -> CaseStore:
        if app.state.store is None:
            app.state.store = CaseStore(store_url)
        return app.state.store

    @app.middleware("http")
    async def guard(request: Request, call_next):
        length = request.headers.get("content-length")
        if length and (not length.isdigit() or int(length) > MAX_BODY):
            return JSONResponse({"detail": f"request body over {MAX_BODY:,} bytes"}, status_code=413)
        supplied = (request.query_params.get("token") or request.cookies.get(COOKIE)
                    or request.headers.get("authorization", "").removeprefix("Bearer ").strip())
        if not supplied or not hmac.compare_digest(supplied, token):
            return JSONResponse({"detail": "missing or wrong access token"}, status_code=401)
        response = await call_next(request)
        if request.query_params.get("token"):
            response.set_cookie(COOKIE, token, httponly=True, samesite="strict")
        return response

    # Added last, so it runs first: a forged Host is refused before anything else.
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts))

    @app.exception_handler(InputError)
    async def input_error(_request: Request, err: InputError):
        status = 404 if isinstance(err, CaseNotFound) else 422
        return JSONResponse({"detail": str(err)}, status_code=status)

    @app.exception_handler(RequestValidationError)
    async def invalid(_request: Request, err: RequestValidationError):
        first = err.errors()[0] if err.errors() else {}
        where = ".".join(str(x) for x in first.get("loc", ()) if x != "body")
        return JSONResponse({"detail": f"{where or 'request'}: {first.get('msg', 'invalid')}"}, status_code=422)

    # --- API ---------------------------------------------------------------
    @app.post("/api/analyze")
    def api_analyze(body: AnalyzeIn):
        from clearair.pipeline import analyze

        return JSONResponse(analyze(body.text).model_dump(mode="json"))

    @app.get("/api/cases")
    def api_cases(s: Annotated[CaseStore, Depends(store)]):
        return [c.model_dump(mode="json") for c in s.list()]

    @app.post("/api/cases", status_code=201)
    def api_new_case(body: CaseIn, s: Annotated[CaseStore, Depends(store)]):
        case_id = s.create(body.text, title=body.title)
        return {"id": case_id, "top_actions": s.latest_report(case_id).top_actions(5)}

    @app.get("/api/cases/{case_id}")
    def api_case(case_id: int, s: Annotated[CaseStore, Depends(store)]):
        case = s.get(case_id)
        return {"id": case.id, "title": case.title,
                "versions": [{"seq": v.seq, "kind": v.kind, "text": v.text,
                              "happened_on": v.happened_on.isoformat() if v.happened_on else None,
                              "top_actions": v.report.top_actions if v.report else [],
                              "movement": v.report.movement if v.report else []} for v in case.versions],
                "journal": [{"happened_on": e.happened_on.isoformat(), "who": e.who, "what": e.what,
                             "channel": e.channel, "witnesses": e.witnesses} for e in case.journal],
                "report": s.latest_report(case_id).model_dump(mode="json")}

    @app.post("/api/cases/{case_id}/updates", status_code=201)
    def api_update(case_id: int, body: UpdateIn, s: Annotated[CaseStore, Depends(store)]):
        return {"movement": [m.model_dump() for m in s.update(case_id, body.text, body.happened_on)]}

    @app.post("/api/cases/{case_id}/journal", status_code=201)
    def api_journal(case_id: int, body: JournalIn, s: Annotated[CaseStore, Depends(store)]):
        moves = s.log(case_id, body.who, body.what, body.happened_on, body.channel, body.witnesses)
        return {"movement": [m.model_dump() for m in moves]}

    @app.delete("/api/cases/{case_id}", status_code=204)
    def api_delete(case_id: int, s: Annotated[CaseStore, Depends(store)]):
        s.delete(case_id)

    # --- web page ----------------------------------------------------------
    from clearair.api import pages

    @app.get("/", response_class=HTMLResponse)
    def home():
        return pages.home(csrf)

    @app.post("/analyze", response_class=HTMLResponse)
    def web_analyze(text: Annotated[str, Form(max_length=200_000)], csrf_token: Annotated[str, Form()]):
        _check_csrf(csrf_token)
        from clearair.pipeline import analyze

        return pages.analysis(analyze(text), text, csrf)

    @app.post("/cases")
    def web_new_case(text: Annotated[str, Form(max_length=200_000)], csrf_token: Annotated[str, Form()],
                     s: Annotated[CaseStore, Depends(store)]):
        _check_csrf(csrf_token)
        return RedirectResponse(f"/cases/{s.create(text)}", status_code=303)

    @app.get("/cases/{case_id}", response_class=HTMLResponse)
    def web_case(case_id: int, s: Annotated[CaseStore, Depends(store)]):
        from clearair.store.cases import case_text

        case = s.get(case_id)
        return pages.case(case, s.latest_report(case_id), case_text(case), csrf)

    @app.post("/cases/{case_id}/updates")
    def web_update(case_id: int, text: Annotated[str, Form(max_length=200_000)],
                   csrf_token: Annotated[str, Form()], s: Annotated[CaseStore, Depends(store)]):
        _check_csrf(csrf_token)
        s.update(case_id, text, dt.date.today())
        return RedirectResponse(f"/cases/{case_id}", status_code=303)

    def _check_csrf(supplied: str) -> None:
        if not hmac.compare_digest(supplied, csrf):
            raise HTTPException(status_code=403, detail="form expired or forged (CSRF check failed)")

    return app
