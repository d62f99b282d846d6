"""Response headers that keep case text out of caches, frames and other origins.

Every response gets a strict Content-Security-Policy (scripts, styles and images
from this server only, no inline script or style, no framing, forms posting only
here), ``X-Frame-Options: DENY``, ``Referrer-Policy: no-referrer`` and
``nosniff``; every response but the page's static files gets
``Cache-Control: no-store``, so case text never lands in a disk cache.
"""

from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'")
STATIC_PREFIX = "/static/"

_ALWAYS = [(b"content-security-policy", CSP.encode()), (b"x-frame-options", b"DENY"),
           (b"referrer-policy", b"no-referrer"), (b"x-content-type-options", b"nosniff")]


class SecurityHeaders:
    """ASGI middleware adding the headers above (replacing any a route set)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        extra = list(_ALWAYS)
        if not scope["path"].startswith(STATIC_PREFIX):
            extra.append((b"cache-control", b"no-store"))
        names = {name for name, _ in extra}

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                kept = [(k, v) for k, v in message.get("headers", []) if k.lower() not in names]
                message = {**message, "headers": kept + extra}
            await send(message)

        await self.app(scope, receive, send_with_headers)
