"""HTTP API and local web page on one FastAPI app.

Who gets in:
- single-user mode: a secret token made at launch, given in the URL the
  server prints; the first visit with ``?token=`` sets an HttpOnly cookie, API
  clients may send ``Authorization: Bearer``;
- multi-user mode: accounts with argon2-hashed passwords; ``/login`` (or
  ``POST /api/login``) gives a session; each case is visible to its owner only.
In both, the Host header must name this machine (DNS-rebinding defence), forms
carry a CSRF token bound to the credential, and request bodies are capped.

The routes live in ``clearair.api.routes`` (one module per resource), their
dependencies in ``clearair.api.deps``.
"""

import secrets

from fastapi import FastAPI
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.staticfiles import StaticFiles

from clearair.api import errors
from clearair.api.headers import SecurityHeaders
from clearair.api.limits import BODY_SECONDS, MAX_BODY, BodyLimit
from clearair.api.routes import analysis, auth, cases, shares, web
from clearair.api.session import identify

DEFAULT_HOSTS = ("127.0.0.1", "localhost", "[::1]")
SERVE_SETTINGS = "CLEARAIR_SERVE_SETTINGS"  # how `serve --workers N` hands its settings to each worker


def create_app(store_url: str | None = None, token: str | None = None,
               allowed_hosts: tuple[str, ...] = DEFAULT_HOSTS, multi_user: bool = False, llm=None,
               max_body: int = MAX_BODY, body_seconds: float = BODY_SECONDS) -> FastAPI:
    """``llm``: model-mode settings (clearair.llm.Settings); cases and analyses then go through the model.

    The interactive docs (``/docs``, ``/redoc``) are off: FastAPI serves them from
    a CDN, which would load outside scripts into the logged-in page and break the
    no-network promise; the schema stays at ``/openapi.json`` for any local viewer."""
    app = FastAPI(title="clearair", version="0.1.0", description="A private, offline advisor for workplace conflict.",
                  docs_url=None, redoc_url=None)
    app.state.token = token or secrets.token_urlsafe(24)
    app.state.llm = llm
    app.state.multi_user = multi_user
    app.state.store_url = store_url
    app.state.store = None
    app.state.accounts = None

    # Middleware runs from the last added to the first: headers on every answer,
    # then a forged Host is refused, then the body is capped (before any session
    # work), then the caller is identified.
    app.middleware("http")(identify)
    app.add_middleware(BodyLimit, max_bytes=max_body, seconds=body_seconds)
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts))
    app.add_middleware(SecurityHeaders)
    errors.install(app)
    for module in (analysis, auth, cases, shares, web):
        app.include_router(module.router)
    app.mount("/static", StaticFiles(packages=[("clearair", "api/static")]), name="static")  # the page's CSS and JS
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
