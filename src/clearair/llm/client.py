"""One chat call to an OpenAI-compatible server (``POST {base}/chat/completions``).

Structured output is asked for in the strongest form the server accepts: a
JSON schema, else JSON mode, else nothing (the tolerant parser then finds the
JSON). A server that rejects a form (HTTP 400/422) is asked again with the
next one, and the form it accepted is remembered for the rest of the process.
Answers may come streamed (server-sent events) or whole. The whole call has a
deadline. Every failure becomes an :class:`LLMFailure` whose message is plain
and never contains the API key. Redirects are not followed (they could lead
to another host), and a local server is never reached through a proxy.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

import httpx

from clearair.llm.config import Settings
from clearair.llm.prompt import MODES
from clearair.llm.prompt import body as request_body

Progress = Callable[[str | None], None]
log = logging.getLogger(__name__)

_accepted: dict[str, str] = {}  # chat endpoint -> the structured-output form it accepted
_lock = threading.Lock()


class LLMFailure(Exception):
    """The model could not give an answer; ``str(err)`` is one plain line for the user."""


@dataclass
class ChatResult:
    content: str
    model: str | None = None
    prompt_tokens: int | None = None
    completion_tokens: int | None = None
    latency_ms: int = 0
    mode: str = "json_schema"


def redact(message: str, settings: Settings) -> str:
    key = settings.api_key
    if key and len(key) >= 4:
        message = message.replace(key, "[key]")
    return message


def _client(settings: Settings, timeout: float) -> httpx.Client:
    return httpx.Client(timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)), follow_redirects=False,
                        trust_env=settings.remote)  # local text never goes through a proxy


def _headers(settings: Settings) -> dict:
    headers = {"Accept": "application/json, text/event-stream"}
    if settings.api_key:
        headers["Authorization"] = f"Bearer {settings.api_key}"
    return headers


def _http_problem(status: int, settings: Settings) -> str:
    hint = {401: "; check CLEARAIR_LLM_API_KEY", 403: "; check CLEARAIR_LLM_API_KEY",
            404: f"; check the address and that it serves a model called {settings.model!r}",
            429: "; it is busy or over its limit"}.get(status, "")
    if 300 <= status < 400:
        return f"the model server tried to redirect the request elsewhere (HTTP {status}); clearair does not follow"
    return f"the model server answered with an error (HTTP {status}){hint}"


def _wrap(err: Exception, settings: Settings) -> LLMFailure:
    if isinstance(err, LLMFailure):
        return err
    if isinstance(err, httpx.TimeoutException):
        message = f"the model did not answer within {settings.timeout:g} seconds"
    elif isinstance(err, httpx.ConnectError):
        refused = "refused" in str(err).lower()
        message = (f"the model server at {settings.server} refused the connection (is it running?)" if refused
                   else f"could not reach the model server at {settings.server}")
    elif isinstance(err, httpx.HTTPError):
        message = "the connection to the model server broke off"
    else:
        message = "the model server's reply could not be read"
    log.debug("model call failed: %s", type(err).__name__)  # the type only: no text, no key
    return LLMFailure(redact(message, settings))


class _Rejected(Exception):
    """The server refused this form of structured output (HTTP 400/422)."""


def chat(settings: Settings, messages: list[dict], progress: Progress | None = None,
         deadline: float | None = None) -> ChatResult:
    """Send one chat request (trying weaker structured-output forms only if the
    server rejects a stronger one). Raises LLMFailure."""
    endpoint = settings.endpoint("chat/completions")
    started = time.monotonic()
    deadline = deadline or started + settings.timeout
    with _lock:
        first = _accepted.get(endpoint, MODES[0])
    modes = list(MODES[MODES.index(first):])
    try:
        with _client(settings, settings.timeout) as client:
            for i, mode in enumerate(modes):
                try:
                    result = _send(client, endpoint, settings, request_body(settings, messages, mode), progress,
                                   deadline, last=i == len(modes) - 1)
                except _Rejected:
                    continue
                with _lock:
                    _accepted[endpoint] = mode
                result.mode = mode
                result.latency_ms = int((time.monotonic() - started) * 1000)
                return result
    except Exception as err:  # noqa: BLE001 - every failure becomes one plain line
        raise _wrap(err, settings) from None
    raise LLMFailure("the model server rejected every form of the request")  # not reached: the last form raises


def _send(client: httpx.Client, endpoint: str, settings: Settings, payload: dict, progress: Progress | None,
          deadline: float, last: bool) -> ChatResult:
    if progress:
        progress(f"Asking {settings.model} at {settings.server}…")
    with client.stream("POST", endpoint, json=payload, headers=_headers(settings)) as resp:
        if resp.status_code in (400, 422) and not last:
            resp.read()
            raise _Rejected()
        if resp.status_code >= 300:
            resp.read()
            raise LLMFailure(_http_problem(resp.status_code, settings))
        if "text/event-stream" in resp.headers.get("content-type", ""):
            return _read_stream(resp, settings, progress, deadline)
        data = _json(resp.read())
    if not isinstance(data, dict) or not isinstance(data.get("choices"), list) or not data["choices"]:
        if isinstance(data, dict) and data.get("error"):
            raise LLMFailure("the model server reported an error instead of an answer")
        raise LLMFailure("the model server's reply was not the chat format clearair expects")
    choice = data["choices"][0] if isinstance(data["choices"][0], dict) else {}
    message = choice.get("message") or {}
    usage = data.get("usage") or {}
    return ChatResult(content=message.get("content") or "", model=data.get("model"),
                      prompt_tokens=usage.get("prompt_tokens"), completion_tokens=usage.get("completion_tokens"))


def _json(raw: bytes):
    try:
        return json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise LLMFailure("the model server's reply was not the chat format clearair expects") from None


def _read_stream(resp: httpx.Response, settings: Settings, progress: Progress | None, deadline: float) -> ChatResult:
    parts: list[str] = []
    usage: dict = {}
    model = None
    size, shown = 0, 0
    for line in resp.iter_lines():
        if time.monotonic() > deadline:
            raise LLMFailure(f"the model did not answer within {settings.timeout:g} seconds")
        line = line.strip()
        if not line.startswith("data:"):
            continue
        data = line[5:].strip()
        if data == "[DONE]":
            break
        try:
            chunk = json.loads(data)
        except json.JSONDecodeError:
            continue
        if chunk.get("error"):
            raise LLMFailure("the model server reported an error while answering")
        model = chunk.get("model") or model
        usage = chunk.get("usage") or usage
        for choice in chunk.get("choices") or []:
            piece = (choice.get("delta") or {}).get("content") or (choice.get("message") or {}).get("content") or ""
            parts.append(piece)
            size += len(piece)
        if progress and size - shown >= 200:
            shown = size
            progress(f"{settings.model} is answering… ({size:,} characters so far)")
    return ChatResult(content="".join(parts), model=model, prompt_tokens=usage.get("prompt_tokens"),
                      completion_tokens=usage.get("completion_tokens"))


# --- `clearair llm check` -------------------------------------------------------
def list_models(settings: Settings) -> list[str] | None:
    """The model names the server offers (``GET {base}/models``), or None if it does not say."""
    try:
        with _client(settings, min(settings.timeout, 10.0)) as client:
            resp = client.get(settings.endpoint("models"), headers=_headers(settings))
            if resp.status_code != 200:
                return None
            return [str(m.get("id")) for m in (resp.json().get("data") or []) if isinstance(m, dict)]
    except Exception:  # noqa: BLE001 - the list is optional; a chat call says what is wrong
        return None


_CHECK_SCHEMA = {"type": "object",
                 "properties": {"ok": {"type": "boolean"}, "word": {"type": "string", "enum": ["clear"]}},
                 "required": ["ok", "word"], "additionalProperties": False}


@dataclass
class CheckResult:
    server: str
    where: str
    models: list[str] | None
    answered_as: str | None
    latency_ms: int
    structured: str  # "honoured", "accepted but not followed" or "not supported"


def check(settings: Settings) -> CheckResult:
    """One small request: which model answers, how fast, and whether JSON-schema output is honoured."""
    models = list_models(settings)
    payload = {"model": settings.model, "temperature": 0, "seed": settings.seed,
               "messages": [{"role": "user", "content": 'Reply with the JSON object {"ok": true, "word": "clear"}.'}],
               "response_format": {"type": "json_schema", "json_schema": {"name": "check", "schema": _CHECK_SCHEMA,
                                                                          "strict": True}}}
    started = time.monotonic()
    try:
        with _client(settings, settings.timeout) as client:
            resp = client.post(settings.endpoint("chat/completions"), json=payload, headers=_headers(settings))
            structured = None
            if resp.status_code in (400, 422):
                structured = "not supported"
                payload.pop("response_format")
                resp = client.post(settings.endpoint("chat/completions"), json=payload, headers=_headers(settings))
            if resp.status_code >= 300:
                raise LLMFailure(_http_problem(resp.status_code, settings))
            data = _json(resp.read())
    except Exception as err:  # noqa: BLE001
        raise _wrap(err, settings) from None
    latency = int((time.monotonic() - started) * 1000)
    message = ((data.get("choices") or [{}])[0].get("message") or {}) if isinstance(data, dict) else {}
    content = message.get("content") or ""
    if structured is None:
        try:
            value = json.loads(content)
            followed = isinstance(value, dict) and value.get("ok") is True and value.get("word") == "clear" \
                and set(value) == {"ok", "word"}
        except json.JSONDecodeError:
            followed = False
        structured = "honoured" if followed else "accepted but not followed"
    return CheckResult(server=settings.server, where=settings.where, models=models,
                       answered_as=data.get("model") if isinstance(data, dict) else None,
                       latency_ms=latency, structured=structured)
