"""Request bodies that cannot exhaust the server: a cap counted as the bytes arrive, and a deadline.

The cap holds however the body is sent (``Content-Length`` or chunked): the body
is read here, before any authentication or session work, at most ``max_bytes``
of it, and handed on to the app only when it is complete. A declared length over
the cap is refused before a byte is read; a body that grows past it is refused
as soon as it does; a body that arrives too slowly is refused when its deadline
passes. The connection is then closed, so the rest of the body is not read.

The cap is set from the text limit, which counts characters: a request holding
any text the store would accept fits under it however it is encoded. The widest
way to send one character is 12 bytes (a character outside the Basic
Multilingual Plane written as two ``\\uXXXX`` escapes by an ordinary JSON
encoder, or as four ``%XX`` escapes in a form), so 200,000 such characters plus
the other fields of a request always fit, and a longer text reaches the
request's own check, which names the limit in characters.
"""

import asyncio
import json
import time

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from clearair.intake.reading import MAX_CHARS

#: The most bytes one character of text can take in a request body (see above).
WIDEST_CHARACTER_BYTES = 12
#: Room for everything around the text: a title, dates, a journal entry's other fields, a form's CSRF token
#: and part boundaries, a JSON encoder's spacing.
ENVELOPE_BYTES = 64_000
MAX_BODY = WIDEST_CHARACTER_BYTES * MAX_CHARS + ENVELOPE_BYTES  # 2,464,000 bytes
BODY_SECONDS = 30.0


async def _refuse(send: Send, status: int, detail: str) -> None:
    body = json.dumps({"detail": detail}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})


class BodyLimit:
    """ASGI middleware: read the whole body up front, within ``max_bytes`` and ``seconds``."""

    def __init__(self, app: ASGIApp, max_bytes: int = MAX_BODY, seconds: float = BODY_SECONDS) -> None:
        self.app, self.max_bytes, self.seconds = app, max_bytes, seconds

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        length = headers.get(b"content-length")
        too_big = (f"request body over {self.max_bytes:,} bytes, more than any text clearair reads (at most "
                   f"{MAX_CHARS:,} characters) can take; nothing was stored")
        if length is not None and (not length.isdigit() or int(length) > self.max_bytes):
            await _refuse(send, 413, too_big)
            return
        chunks: list[bytes] = []
        size = 0
        deadline = time.monotonic() + self.seconds
        while True:
            try:
                message = await asyncio.wait_for(receive(), timeout=max(deadline - time.monotonic(), 0.0))
            except TimeoutError:
                await _refuse(send, 408, f"the request body did not arrive within {self.seconds:g} seconds")
                return
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                await _refuse(send, 413, too_big)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)
