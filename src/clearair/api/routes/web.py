"""The local web page: every HTML route (home, login, analysis, case pages and their forms).

Every answer here is a page: a refused form comes back with its message and
the text that was typed, a refused action (a read-only share, a missing case,
an expired form) is an error page, never a raw JSON body. Form fields are read
without schema limits for that reason; the store and the intake check them and
say what is wrong in words.
"""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.routing import APIRoute
from sqlalchemy import func, select
from starlette.exceptions import HTTPException  # the form parser's too, not only FastAPI's

from clearair.api import pages
from clearair.api.checks import checked
from clearair.api.deps import AccountsDep, ClientDep, CsrfChecked, OwnerDep, StoreDep, csrf_for, login_csrf, same_secret
from clearair.api.schemas import JournalIn, UpdateIn
from clearair.api.session import LOGIN_COOKIE, SESSION_COOKIE, session_of
from clearair.errors import InputError
from clearair.store import CaseNotFound, CaseNotReady, CaseStore
from clearair.store.errors import StoreError, StoreFull
from clearair.typed_text import refuse_control_characters


class PageRoute(APIRoute):
    """A route whose failures are pages too: a store that cannot write, a request the schema refuses,
    a refusal from a dependency or from the form parser (too many fields). (The JSON API answers the same
    failures in JSON.)"""

    def get_route_handler(self):
        handler = super().get_route_handler()

        async def page_handler(request: Request) -> Response:
            try:
                return await handler(request)
            except StoreError as err:
                full = isinstance(err, StoreFull)
                return html(pages.error(chrome(request), "Nothing was saved" if full else "Try again in a moment",
                                        sentence(str(err))), 507 if full else 503)
            except RequestValidationError:
                return html(pages.error(chrome(request), "This form could not be read",
                                        "Something in it was missing or not what the page sends. Go back, reload "
                                        "the page and try again."), 422)
            except HTTPException as err:
                if err.status_code == 403:
                    return expired_form(request)
                if err.status_code == 400:  # the form parser's refusal (too many fields or files, a broken body)
                    return html(pages.error(chrome(request), "This form could not be read",
                                            "It was not what the page sends (too many fields, or not a form). "
                                            "Go back, reload the page and try again."), 400)
                return html(pages.error(chrome(request), "That did not work", sentence(str(err.detail))),
                            err.status_code)

        return page_handler


router = APIRouter(include_in_schema=False, route_class=PageRoute)

Text = Annotated[str, Form()]
RELOAD_SECONDS = 3
EXPORT_TYPES = {"md": "text/markdown; charset=utf-8", "pdf": "application/pdf"}


# --- helpers -------------------------------------------------------------
def chrome(request: Request) -> pages.Chrome:
    return pages.Chrome(csrf=csrf_for(request), user=request.state.user)


def csrf_ok(request: Request, supplied: str) -> bool:
    return bool(supplied) and same_secret(supplied, csrf_for(request))


def html(body: str, status: int = 200) -> HTMLResponse:
    return HTMLResponse(body, status_code=status)


def expired_form(request: Request, back: str = "/") -> HTMLResponse:
    return html(pages.error(chrome(request), "This form has expired",
                            "The page was open too long or came from somewhere else. Go back, reload the page and "
                            "send it again; what you typed is still in the page you came from.", back=back), 403)


def no_case(request: Request, case_id: str) -> HTMLResponse:
    return html(pages.error(chrome(request), "No such case",
                            f"There is no case {case_id[:30]} that you can open, or you may only read it. "
                            "Your case files are listed on the first page.", back_label="Your case files"), 404)


def not_ready(request: Request, case_id: int) -> HTMLResponse:
    """A case whose first reading is still being made: a page that reloads itself."""
    response = html(pages.error(chrome(request), "This case is being analysed",
                                "Its first reading is still being made. This page reloads by itself in a few seconds.",
                                back=f"/cases/{case_id}", back_label="Reload now", refresh=RELOAD_SECONDS), 202)
    response.headers["Retry-After"] = str(RELOAD_SECONDS)
    return response


def parse_id(case_id: str) -> int | None:
    return int(case_id) if case_id.isascii() and case_id.isdigit() and len(case_id) < 20 else None


def case_form(request: Request, case_id: str, csrf_token: str) -> int | HTMLResponse:
    """The case a page form names, or the page that refuses the form (no such case, or expired or forged)."""
    number = parse_id(case_id)
    if number is None:
        return no_case(request, case_id)
    if not csrf_ok(request, csrf_token):
        return expired_form(request, back=f"/cases/{number}")
    return number


def sentence(message: str) -> str:
    message = message.strip()
    return (message[:1].upper() + message[1:]).rstrip(".") + "." if message else message


def may_write(case, viewer: str | None) -> bool:
    return case.owner == viewer or any(x.username == viewer and x.can_write for x in case.shares)


def case_rows(s: CaseStore, owner: str | None) -> list[pages.CaseRow]:
    """The reader's case files with when each last changed (a new version or journal entry)."""
    from clearair.render.view import titles
    from clearair.store.schema import JournalEntry, Version

    summaries = s.list(owner=owner)
    ids = [c.id for c in summaries]
    changed: dict[int, dt.datetime] = {}
    if ids:
        with s.reading() as db:
            for table in (Version, JournalEntry):
                latest = db.execute(select(table.case_id, func.max(table.created_at))
                                    .where(table.case_id.in_(ids)).group_by(table.case_id))
                for case_id, when in latest:
                    if when is not None and (case_id not in changed or when > changed[case_id]):
                        changed[case_id] = when
    names = titles()
    rows = []
    for c in summaries:
        when = changed.get(c.id, c.created_at)
        rows.append(pages.CaseRow(id=c.id, title=c.title, changed=f"{when:%Y-%m-%d %H:%M} UTC",
                                  top=names.get(c.top_action) if c.top_action else None, shared_by=c.shared_by))
    rows.sort(key=lambda r: r.changed, reverse=True)
    return rows


def home_page(request: Request, s: StoreDep, who: str | None, text: str = "", error: str | None = None,
              engine: str = "", status: int = 200) -> HTMLResponse:
    return html(pages.home(chrome(request), llm=request.app.state.llm, cases=case_rows(s, who), text=text,
                           error=sentence(error) if error else None, engine=engine), status)


def case_page(request: Request, case_id: int, s: CaseStore, who: str | None, status: int = 200,
              **forms) -> HTMLResponse:
    """The case page; ``forms``: a refused form's message and what was typed in it."""
    from clearair.llm.history import engines_by_seq
    from clearair.store.cases import analysed_text

    try:
        case, report = s.open_case(case_id, owner=who)
    except CaseNotFound:
        return no_case(request, str(case_id))
    except CaseNotReady:
        return not_ready(request, case_id)
    return html(pages.analysis(report, analysed_text(case), chrome(request), case=case, viewer=who,
                               multi_user=request.app.state.multi_user, engines=engines_by_seq(s, case_id),
                               can_write=may_write(case, who), forms=forms), status)


# --- login -----------------------------------------------------------------
def login_response(request: Request, error: str | None = None, status: int = 200, username: str = "") -> HTMLResponse:
    browser = request.cookies.get(LOGIN_COOKIE) or secrets.token_urlsafe(24)
    response = html(pages.login(login_csrf(request, browser), error=error, username=username), status)
    response.set_cookie(LOGIN_COOKIE, browser, httponly=True, samesite="strict")
    return response


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request):
    return login_response(request)


@router.post("/login")
def login_form(request: Request, accounts: AccountsDep, client: ClientDep, username: Text = "", password: Text = "",
               csrf_token: Text = ""):
    browser = request.cookies.get(LOGIN_COOKIE, "")
    if not browser or not csrf_token or not same_secret(csrf_token, login_csrf(request, browser)):
        return login_response(request, error="The form expired; please log in again.", status=403, username=username)
    too_long = len(username) > 120 or len(password) > 1_000
    try:
        session = accounts.login(username, password, client=client) if request.app.state.multi_user and not too_long \
            else None
    except InputError as err:  # too many failed logins lately
        return login_response(request, error=sentence(str(err)), status=429, username=username[:120])
    if session is None:
        return login_response(request, error="Wrong user name or password.", status=401, username=username[:120])
    response = RedirectResponse("/", status_code=303)
    response.set_cookie(SESSION_COOKIE, session, httponly=True, samesite="strict")
    return response


@router.post("/logout", dependencies=[CsrfChecked])
def logout_form(request: Request, accounts: AccountsDep):
    """The page's logout button: the session ends on the server, then back to the login page."""
    if not request.app.state.multi_user:
        return html(pages.error(chrome(request), "There is nothing to log out of",
                                "This clearair runs for one person, without accounts: close the browser tab "
                                "when you are done."), 404)
    accounts.logout(session_of(request))
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE, httponly=True, samesite="strict")
    return response


# --- home and analysis --------------------------------------------------------
@router.get("/", response_class=HTMLResponse)
def home(request: Request, s: StoreDep, who: OwnerDep):
    return home_page(request, s, who)


def analyse_pasted(request: Request, text: str, engine: str, about: str = ""):
    """The report on text pasted into the page (nothing is kept). The text is checked as the API's
    AnalyzeIn checks it, before any analysis; raises InputError. ``about``: the other side's role as the
    writer gave it on the page (empty: as read)."""
    from clearair.llm.engine import analyze_choice
    from clearair.models import checked_about

    refuse_control_characters(text, "the text")
    return analyze_choice(text, request.app.state.llm, engine[:10] or None, checked_about(about[:20]))


@router.post("/analyze", response_class=HTMLResponse)
def web_analyze(request: Request, s: StoreDep, who: OwnerDep, text: Text = "", engine: Text = "",
                about: Text = "", csrf_token: Text = ""):
    if not csrf_ok(request, csrf_token):
        return expired_form(request)
    try:
        report = analyse_pasted(request, text, engine, about)
    except InputError as err:
        return home_page(request, s, who, text=text, error=str(err), engine=engine[:10], status=422)
    return html(pages.analysis(report, text, chrome(request), engine=engine[:10],
                               multi_user=request.app.state.multi_user, viewer=who))


@router.post("/export")
def web_export(request: Request, s: StoreDep, who: OwnerDep, text: Text = "", engine: Text = "",
               about: Text = "", fmt: Annotated[str, Form(alias="format")] = "md", csrf_token: Text = ""):
    """A download of the report on a pasted text (nothing is kept)."""
    if not csrf_ok(request, csrf_token):
        return expired_form(request)
    try:
        report = analyse_pasted(request, text, engine, about)
    except InputError as err:
        return home_page(request, s, who, text=text, error=str(err), engine=engine[:10], status=422)
    return download(request, report, text, fmt, "your situation", "clearair-report")


def download(request: Request, report, text: str, fmt: str, title: str, stem: str,
             dates: list[str] | None = None, case=None) -> Response:
    """``case``: a case file's history and journal go into its export, as on the CLI."""
    from clearair.render import export as ex

    if fmt not in EXPORT_TYPES:
        return html(pages.error(chrome(request), "Unknown format", "Downloads come as Markdown or PDF."), 404)
    if fmt == "pdf":
        try:
            data = ex.to_pdf(report, text, title, dates, case=case)
        except (ImportError, OSError):
            return html(pages.error(chrome(request), "PDF is unavailable here",
                                    "This machine cannot make PDFs (its PDF library or Pango is missing). "
                                    "The Markdown download works."), 503)
    else:
        data = ex.to_markdown(report, text, title, case=case).encode("utf-8")
    return Response(data, media_type=EXPORT_TYPES[fmt],
                    headers={"Content-Disposition": f'attachment; filename="{stem}.{fmt}"'})


# --- case files -------------------------------------------------------------------
@router.post("/cases")
def web_new_case(request: Request, s: StoreDep, who: OwnerDep, text: Text = "", about: Text = "",
                 csrf_token: Text = ""):
    if not csrf_ok(request, csrf_token):
        return expired_form(request)
    try:
        case_id = s.create(text, owner=who, about=about[:20] or None)
    except InputError as err:
        return home_page(request, s, who, text=text, error=str(err), status=422)
    return RedirectResponse(f"/cases/{case_id}", status_code=303)


@router.get("/cases/{case_id}", response_class=HTMLResponse)
def web_case(request: Request, case_id: str, s: StoreDep, who: OwnerDep):
    number = parse_id(case_id)
    if number is None:
        return no_case(request, case_id)
    return case_page(request, number, s, who)


@router.post("/cases/{case_id}/updates")
def web_update(request: Request, case_id: str, s: StoreDep, who: OwnerDep, text: Text = "",
               happened_on: Text = "", csrf_token: Text = ""):
    number = case_form(request, case_id, csrf_token)
    if isinstance(number, HTMLResponse):
        return number
    try:
        update = checked(UpdateIn, text=text, happened_on=happened_on)
        s.update(number, update.text, update.happened_on, owner=who)
    except CaseNotFound:
        return no_case(request, case_id)
    except InputError as err:
        return case_page(request, number, s, who, status=422, update_error=sentence(str(err)), update_text=text,
                         update_date=happened_on[:10])
    return RedirectResponse(f"/cases/{number}#history-heading", status_code=303)


@router.post("/cases/{case_id}/journal")
def web_journal(request: Request, case_id: str, s: StoreDep, who: OwnerDep,
                person: Annotated[str, Form(alias="who")] = "", what: Text = "", happened_on: Text = "",
                channel: Text = "", witnesses: Text = "", csrf_token: Text = ""):
    """A dated journal entry: who, what, where, and who saw it."""
    number = case_form(request, case_id, csrf_token)
    if isinstance(number, HTMLResponse):
        return number
    typed = {"who": person, "what": what, "happened_on": happened_on[:10], "channel": channel, "witnesses": witnesses}
    try:
        entry = checked(JournalIn, who=person, what=what, happened_on=happened_on,
                        channel=channel.strip() or None, witnesses=witnesses.strip() or None)
        s.log(number, entry.who, entry.what, entry.happened_on, entry.channel, entry.witnesses, owner=who)
    except CaseNotFound:
        return no_case(request, case_id)
    except InputError as err:
        return case_page(request, number, s, who, status=422, journal_error=sentence(str(err)), journal=typed)
    return RedirectResponse(f"/cases/{number}#timeline-heading", status_code=303)


@router.post("/cases/{case_id}/about")
def web_about(request: Request, case_id: str, s: StoreDep, who: OwnerDep, about: Text = "", csrf_token: Text = ""):
    """Who the case is mainly about, as the writer says (empty: as clearair reads it); the latest version is
    read again."""
    number = case_form(request, case_id, csrf_token)
    if isinstance(number, HTMLResponse):
        return number
    try:
        s.set_about(number, about[:20] or None, owner=who)
    except CaseNotFound:
        return no_case(request, case_id)
    except InputError as err:
        return case_page(request, number, s, who, status=422, about_error=sentence(str(err)))
    return RedirectResponse(f"/cases/{number}#people-heading", status_code=303)


@router.post("/cases/{case_id}/shares")
def web_share(request: Request, case_id: str, s: StoreDep, who: OwnerDep, username: Text = "",
              can_write: Text = "", csrf_token: Text = ""):
    number = case_form(request, case_id, csrf_token)
    if isinstance(number, HTMLResponse):
        return number
    try:
        if not username.strip() or len(username) > 120:
            raise InputError("give the user name of an account on this server")
        s.share(number, who, username, can_write=can_write.lower() in ("true", "on", "1", "yes"))
    except CaseNotFound:
        return no_case(request, case_id)
    except InputError as err:
        return case_page(request, number, s, who, status=422, share_error=sentence(str(err)))
    return RedirectResponse(f"/cases/{number}#sharing-heading", status_code=303)


@router.post("/cases/{case_id}/unshare")
def web_unshare(request: Request, case_id: str, s: StoreDep, who: OwnerDep, username: Text = "",
                csrf_token: Text = ""):
    """The owner takes a share back."""
    number = case_form(request, case_id, csrf_token)
    if isinstance(number, HTMLResponse):
        return number
    try:
        s.unshare(number, who, username[:120])
    except CaseNotFound:
        return no_case(request, case_id)
    return RedirectResponse(f"/cases/{number}#sharing-heading", status_code=303)


@router.post("/cases/{case_id}/leave")
def web_leave(request: Request, case_id: str, s: StoreDep, who: OwnerDep, csrf_token: Text = ""):
    """A reader gives back a case shared with them."""
    if who is None:
        return no_case(request, case_id)
    number = case_form(request, case_id, csrf_token)
    if isinstance(number, HTMLResponse):
        return number
    try:
        s.leave_share(number, who)
    except CaseNotFound:
        return no_case(request, case_id)
    return RedirectResponse("/", status_code=303)


@router.get("/cases/{case_id}/export.{fmt}")
def web_case_export(request: Request, case_id: str, fmt: str, s: StoreDep, who: OwnerDep):
    from clearair.render.export import update_dates
    from clearair.store.cases import analysed_text

    number = parse_id(case_id)
    if number is None:
        return no_case(request, case_id)
    try:
        case, report = s.open_case(number, owner=who)
    except CaseNotFound:
        return no_case(request, case_id)
    except CaseNotReady:
        return not_ready(request, number)
    return download(request, report, analysed_text(case), fmt, case.title, f"clearair-case-{number}",
                    dates=update_dates(case), case=case)
