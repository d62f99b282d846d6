"""HTTP API and local web page on one FastAPI app.

Who gets in:
- single-user mode: a secret token made at launch, given in the URL the
  server prints; the first visit with ``?token=`` sets an HttpOnly cookie, API
  clients may send ``Authorization: Bearer``;
- multi-user mode: accounts with argon2-hashed passwords; ``/login`` (or
  ``POST /api/login``) gives a session; each case is visible to its owner only.
In both, the Host header must name this machine (DNS-rebinding defence), forms
carry a CSRF token bound to the credential, and request bodies are capped.
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
from clearair.store import CaseNotFound, CaseNotReady, CaseStore

MAX_BODY = 256_000
COOKIE = "clearair_token"
SESSION_COOKIE = "clearair_session"
LOGIN_COOKIE = "clearair_login"  # binds the login form's CSRF token to this browser
_PUBLIC = {"/login", "/api/login"}
DEFAULT_HOSTS = ("127.0.0.1", "localhost", "[::1]")
SERVE_SETTINGS = "CLEARAIR_SERVE_SETTINGS"  # how `serve --workers N` hands its settings to each worker


class AnalyzeIn(BaseModel):
    text: str = Field(max_length=200_000)
    engine: str | None = Field(default=None, max_length=10,
                               description="'rules' (offline) or 'llm' (the configured model); default: the model "
                                           "when one is configured. The report's provenance says which wrote it.")


class CaseIn(BaseModel):
    text: str = Field(max_length=200_000)
    title: str | None = Field(default=None, max_length=200)


class UpdateIn(BaseModel):
    text: str = Field(max_length=200_000)
    happened_on: dt.date | None = None
    evaluate: bool = True  # False: save only (bulk import); the case is re-read when next opened


class ShareIn(BaseModel):
    can_write: bool = False


class LoginIn(BaseModel):
    username: str = Field(min_length=1, max_length=120)
    password: str = Field(min_length=1, max_length=1_000)


class JournalIn(BaseModel):
    who: str = Field(min_length=1, max_length=200)
    what: str = Field(min_length=1, max_length=5_000)
    happened_on: dt.date | None = None
    channel: str | None = Field(default=None, max_length=40)
    witnesses: str | None = Field(default=None, max_length=400)


def create_app(store_url: str | None = None, token: str | None = None,
               allowed_hosts: tuple[str, ...] = DEFAULT_HOSTS, multi_user: bool = False, llm=None) -> FastAPI:
    """``llm``: model-mode settings (clearair.llm.Settings); cases and analyses then go through the model."""
    token = token or secrets.token_urlsafe(24)
    app = FastAPI(title="clearair", version="0.1.0", description="A private, offline advisor for workplace conflict.")
    app.state.token = token
    app.state.llm = llm
    app.state.store = None
    app.state.accounts = None

    def accounts():
        from clearair.store.accounts import Accounts

        if app.state.accounts is None:
            app.state.accounts = Accounts(store())
        return app.state.accounts

    def csrf_for(request: Request) -> str:
        credential = request.state.credential
        return hmac.new(token.encode(), b"csrf:" + credential.encode(), hashlib.sha256).hexdigest()

    def login_csrf(browser: str) -> str:
        return hmac.new(token.encode(), b"login:" + browser.encode(), hashlib.sha256).hexdigest()

    def owner(request: Request) -> str | None:
        return request.state.user

    def store() -> CaseStore:
        if app.state.store is None:
            app.state.store = CaseStore(store_url)
            if llm is not None:
                from clearair.llm.cli import attach_to_store

                attach_to_store(app.state.store, llm)
        return app.state.store

    @app.middleware("http")
    async def guard(request: Request, call_next):
        length = request.headers.get("content-length")
        if length and (not length.isdigit() or int(length) > MAX_BODY):
            return JSONResponse({"detail": f"request body over {MAX_BODY:,} bytes"}, status_code=413)
        bearer = request.headers.get("authorization", "").removeprefix("Bearer ").strip()
        if multi_user:
            session = request.cookies.get(SESSION_COOKIE) or bearer
            user = accounts().user_for(session) if session else None
            if user is None and request.url.path not in _PUBLIC:
                if request.url.path.startswith("/api/") or request.method != "GET":
                    return JSONResponse({"detail": "log in first"}, status_code=401)
                return RedirectResponse("/login", status_code=303)
            request.state.user, request.state.credential = user, session or ""
            return await call_next(request)
        supplied = request.query_params.get("token") or request.cookies.get(COOKIE) or bearer
        if not supplied or not hmac.compare_digest(supplied, token):
            return JSONResponse({"detail": "missing or wrong access token"}, status_code=401)
        request.state.user, request.state.credential = None, token
        response = await call_next(request)
        if request.query_params.get("token"):
            response.set_cookie(COOKIE, token, httponly=True, samesite="strict")
        return response

    # Added last, so it runs first: a forged Host is refused before anything else.
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts))

    @app.exception_handler(InputError)
    async def input_error(_request: Request, err: InputError):
        status = 404 if isinstance(err, CaseNotFound) else 409 if isinstance(err, CaseNotReady) else 422
        return JSONResponse({"detail": str(err)}, status_code=status)

    @app.exception_handler(RequestValidationError)
    async def invalid(_request: Request, err: RequestValidationError):
        first = err.errors()[0] if err.errors() else {}
        where = ".".join(str(x) for x in first.get("loc", ()) if x != "body")
        return JSONResponse({"detail": f"{where or 'request'}: {first.get('msg', 'invalid')}"}, status_code=422)

    # --- API ---------------------------------------------------------------
    @app.post("/api/analyze")
    def api_analyze(body: AnalyzeIn):
        from clearair.llm.engine import analyze_choice

        return JSONResponse(analyze_choice(body.text, llm, body.engine).model_dump(mode="json"))

    @app.post("/api/login")
    def api_login(body: LoginIn):
        if not multi_user:
            raise HTTPException(status_code=404, detail="accounts exist only in multi-user mode")
        session = accounts().login(body.username, body.password)
        if session is None:
            raise HTTPException(status_code=401, detail="wrong user name or password")
        return {"token": session}

    Owner = Annotated[str | None, Depends(owner)]

    @app.get("/api/cases")
    def api_cases(s: Annotated[CaseStore, Depends(store)], who: Owner):
        return [c.model_dump(mode="json") for c in s.list(owner=who)]

    @app.post("/api/cases", status_code=201)
    def api_new_case(body: CaseIn, s: Annotated[CaseStore, Depends(store)], who: Owner):
        case_id = s.create(body.text, title=body.title, owner=who)
        return {"id": case_id, "top_actions": s.latest_report(case_id, owner=who).top_actions(5)}

    @app.get("/api/cases/{case_id}")
    def api_case(case_id: int, s: Annotated[CaseStore, Depends(store)], who: Owner):
        case, report = s.open_case(case_id, owner=who)
        from clearair.llm.history import engines_by_seq
        from clearair.store.cases import pending_updates

        engines = engines_by_seq(s, case_id)
        return {"id": case.id, "title": case.title, "owner": case.owner, "pending_updates": pending_updates(case),
                "versions": [{"seq": v.seq, "kind": v.kind, "text": v.text,
                              "happened_on": v.happened_on.isoformat() if v.happened_on else None,
                              "top_actions": v.report.top_actions if v.report else [],
                              "engine": engines.get(v.seq), "unreadable": v.unreadable,
                              "movement": v.report.movement if v.report else []} for v in case.versions],
                "journal": [{"happened_on": e.happened_on.isoformat(), "who": e.who, "what": e.what,
                             "channel": e.channel, "witnesses": e.witnesses} for e in case.journal],
                "report": report.model_dump(mode="json")}

    @app.post("/api/cases/{case_id}/updates", status_code=201)
    def api_update(case_id: int, body: UpdateIn, s: Annotated[CaseStore, Depends(store)], who: Owner):
        return s.update(case_id, body.text, body.happened_on, owner=who, evaluate=body.evaluate).model_dump()

    @app.post("/api/cases/{case_id}/journal", status_code=201)
    def api_journal(case_id: int, body: JournalIn, s: Annotated[CaseStore, Depends(store)], who: Owner):
        return s.log(case_id, body.who, body.what, body.happened_on, body.channel, body.witnesses, owner=who).model_dump()

    @app.delete("/api/cases/{case_id}", status_code=204)
    def api_delete(case_id: int, s: Annotated[CaseStore, Depends(store)], who: Owner):
        s.delete(case_id, owner=who)

    @app.get("/api/cases/{case_id}/shares")
    def api_shares(case_id: int, s: Annotated[CaseStore, Depends(store)], who: Owner):
        return [x.model_dump() for x in s.shares(case_id, owner=who)]

    @app.put("/api/cases/{case_id}/shares/{username}", status_code=204)
    def api_share(case_id: int, username: str, body: ShareIn, s: Annotated[CaseStore, Depends(store)], who: Owner):
        s.share(case_id, who, username, can_write=body.can_write)

    @app.delete("/api/cases/{case_id}/shares/{username}", status_code=204)
    def api_unshare(case_id: int, username: str, s: Annotated[CaseStore, Depends(store)], who: Owner):
        s.unshare(case_id, who, username)

    # --- web page ----------------------------------------------------------
    from clearair.api import pages

    def login_response(request: Request, error: str | None = None, status: int = 200) -> HTMLResponse:
        browser = request.cookies.get(LOGIN_COOKIE) or secrets.token_urlsafe(24)
        response = HTMLResponse(pages.login(login_csrf(browser), error=error), status_code=status)
        response.set_cookie(LOGIN_COOKIE, browser, httponly=True, samesite="strict")
        return response

    @app.get("/login", response_class=HTMLResponse)
    def login_page(request: Request):
        return login_response(request)

    @app.post("/login")
    def login_form(request: Request, username: Annotated[str, Form(max_length=120)],
                   password: Annotated[str, Form(max_length=1_000)], csrf_token: Annotated[str, Form(max_length=200)]):
        browser = request.cookies.get(LOGIN_COOKIE, "")
        if not browser or not hmac.compare_digest(csrf_token, login_csrf(browser)):
            return login_response(request, error="The form expired; please log in again.", status=403)
        session = accounts().login(username, password) if multi_user else None
        if session is None:
            return login_response(request, error="Wrong user name or password.", status=401)
        response = RedirectResponse("/", status_code=303)
        response.set_cookie(SESSION_COOKIE, session, httponly=True, samesite="strict")
        return response

    @app.get("/", response_class=HTMLResponse)
    def home(request: Request):
        return pages.home(csrf_for(request), llm=llm)

    @app.post("/analyze", response_class=HTMLResponse)
    def web_analyze(request: Request, text: Annotated[str, Form(max_length=200_000)],
                    csrf_token: Annotated[str, Form()], engine: Annotated[str, Form(max_length=10)] = ""):
        _check_csrf(request, csrf_token)
        from clearair.llm.engine import analyze_choice

        return pages.analysis(analyze_choice(text, llm, engine or None), text, csrf_for(request))

    @app.post("/cases")
    def web_new_case(request: Request, text: Annotated[str, Form(max_length=200_000)],
                     csrf_token: Annotated[str, Form()], s: Annotated[CaseStore, Depends(store)], who: Owner):
        _check_csrf(request, csrf_token)
        return RedirectResponse(f"/cases/{s.create(text, owner=who)}", status_code=303)

    @app.get("/cases/{case_id}", response_class=HTMLResponse)
    def web_case(request: Request, case_id: int, s: Annotated[CaseStore, Depends(store)], who: Owner):
        from clearair.store.cases import analysed_text

        case, report = s.open_case(case_id, owner=who)
        from clearair.llm.history import engines_by_seq

        return pages.case(case, report, analysed_text(case), csrf_for(request), viewer=who, multi_user=multi_user,
                          engines=engines_by_seq(s, case_id))

    @app.post("/cases/{case_id}/updates")
    def web_update(request: Request, case_id: int, text: Annotated[str, Form(max_length=200_000)],
                   csrf_token: Annotated[str, Form()], s: Annotated[CaseStore, Depends(store)], who: Owner):
        _check_csrf(request, csrf_token)
        s.update(case_id, text, dt.date.today(), owner=who)
        return RedirectResponse(f"/cases/{case_id}", status_code=303)

    @app.post("/cases/{case_id}/shares")
    def web_share(request: Request, case_id: int, username: Annotated[str, Form(max_length=120)],
                  csrf_token: Annotated[str, Form()], s: Annotated[CaseStore, Depends(store)], who: Owner,
                  can_write: Annotated[bool, Form()] = False):
        _check_csrf(request, csrf_token)
        s.share(case_id, who, username, can_write=can_write)
        return RedirectResponse(f"/cases/{case_id}", status_code=303)

    def _check_csrf(request: Request, supplied: str) -> None:
        if not hmac.compare_digest(supplied, csrf_for(request)):
            raise HTTPException(status_code=403, detail="form expired or forged (CSRF check failed)")

    return app


def app_from_environment() -> FastAPI:
    """The app of one worker process of ``clearair serve --workers N``."""
    import json
    import os

    from importlib import resources

    from clearair.pipeline import analyze

    settings = json.loads(os.environ[SERVE_SETTINGS])
    # Warm this worker before it takes requests (the parser and the case index
    # load once per process), so no client waits for a cold worker.
    analyze(resources.files("clearair").joinpath("examples/peer-undermines-report.txt").read_text(encoding="utf-8"))
    from clearair.llm.config import Settings

    llm = Settings.from_public(settings["llm"]) if settings.get("llm") else None  # the key: from the environment
    return create_app(token=settings["token"], allowed_hosts=tuple(settings["allowed_hosts"]),
                      multi_user=settings["multi_user"], llm=llm)
