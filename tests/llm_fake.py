"""A scripted OpenAI-compatible server on 127.0.0.1 for model-mode tests.

A real ``http.server.ThreadingHTTPServer`` on an ephemeral loopback port,
run in a thread. Each ``POST /v1/chat/completions`` takes the next scripted
responder (then ``default``); ``GET /v1/models`` lists one model. Every
request is recorded (path, headers, JSON body).
"""

from __future__ import annotations

import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

MODEL = "fake-model"


class FakeLLM:
    def __init__(self) -> None:
        self.script: list = []
        self.default = None
        self.requests: list[dict] = []
        self.in_flight = 0
        self.max_in_flight = 0
        self._lock = threading.Lock()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):  # keep test output clean
                pass

            def do_GET(self):
                fake._record(self, None)
                if self.path.rstrip("/").endswith("/models"):
                    send_json(self, 200, {"object": "list", "data": [{"id": MODEL, "object": "model"}]})
                else:
                    send_json(self, 404, {"error": {"message": "not found"}})

            def do_POST(self):
                raw = self.rfile.read(int(self.headers.get("content-length") or 0))
                body = json.loads(raw or b"{}")
                fake._record(self, body)
                if not self.path.rstrip("/").endswith("/chat/completions"):
                    send_json(self, 404, {"error": {"message": "not found"}})
                    return
                with fake._lock:
                    responder = fake.script.pop(0) if fake.script else fake.default
                    fake.in_flight += 1
                    fake.max_in_flight = max(fake.max_in_flight, fake.in_flight)
                try:
                    if responder is None:
                        send_json(self, 500, {"error": {"message": "nothing scripted"}})
                    else:
                        responder(self, body)
                finally:
                    with fake._lock:
                        fake.in_flight -= 1

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}/v1"
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)

    def _record(self, handler, body) -> None:
        with self._lock:
            self.requests.append({"method": handler.command, "path": handler.path,
                                  "headers": {k.lower(): v for k, v in handler.headers.items()}, "body": body})

    @property
    def chats(self) -> list[dict]:
        return [r for r in self.requests if r["method"] == "POST"]

    def add(self, *responders) -> FakeLLM:
        self.script.extend(responders)
        return self

    def start(self) -> FakeLLM:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def send_json(handler, status: int, payload) -> None:
    data = json.dumps(payload).encode()
    handler.send_response(status)
    handler.send_header("Content-Type", "application/json")
    handler.send_header("Content-Length", str(len(data)))
    handler.end_headers()
    handler.wfile.write(data)


def completion(content: str, model: str = MODEL, usage=(1200, 600)) -> dict:
    return {"id": "chatcmpl-1", "object": "chat.completion", "created": 0, "model": model,
            "choices": [{"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}],
            "usage": {"prompt_tokens": usage[0], "completion_tokens": usage[1], "total_tokens": sum(usage)}}


# --- responders -------------------------------------------------------------------
def ok(content, model: str = MODEL, usage=(1200, 600), delay: float = 0.0):
    """A whole (non-streamed) answer; ``content`` may be a dict (sent as JSON text)."""
    text = content if isinstance(content, str) else json.dumps(content)

    def respond(handler, body):
        if delay:
            time.sleep(delay)
        send_json(handler, 200, completion(text, model, usage))
    return respond


def streamed(content, model: str = MODEL, usage=(1300, 700), pieces: int = 7):
    """The answer as server-sent events, in ``pieces`` chunks, usage in the last chunk."""
    text = content if isinstance(content, str) else json.dumps(content)

    def respond(handler, body):
        handler.send_response(200)
        handler.send_header("Content-Type", "text/event-stream")
        handler.send_header("Cache-Control", "no-cache")
        handler.send_header("Connection", "close")
        handler.end_headers()
        step = max(1, len(text) // pieces + 1)
        for i in range(0, len(text), step):
            chunk = {"id": "c", "object": "chat.completion.chunk", "model": model,
                     "choices": [{"index": 0, "delta": {"content": text[i:i + step]}, "finish_reason": None}]}
            handler.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
            handler.wfile.flush()
        last = {"id": "c", "object": "chat.completion.chunk", "model": model, "choices": [],
                "usage": {"prompt_tokens": usage[0], "completion_tokens": usage[1], "total_tokens": sum(usage)}}
        handler.wfile.write(f"data: {json.dumps(last)}\n\ndata: [DONE]\n\n".encode())
        handler.wfile.flush()
        handler.close_connection = True
    return respond


def status(code: int, message: str = "internal error"):
    def respond(handler, body):
        send_json(handler, code, {"error": {"message": message}})
    return respond


def slow(seconds: float, then=None):
    def respond(handler, body):
        time.sleep(seconds)
        try:
            (then or ok("{}"))(handler, body)
        except OSError:
            pass  # the client gave up
    return respond


def rejects_json_schema(then):
    """HTTP 400 for a JSON-schema response_format (as some servers do), else ``then``."""
    def respond(handler, body):
        if (body.get("response_format") or {}).get("type") == "json_schema":
            send_json(handler, 400, {"error": {"message": "response_format json_schema is not supported"}})
        else:
            then(handler, body)
    return respond


def closed_url() -> str:
    """A loopback address where nothing listens (the connection is refused)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}/v1"
