"""Answers kept in the data folder, by a hash of the server, the model and the
request, so the same text gives the same report without asking again.

An entry holds the model's reply (already checked to parse), the model's
name, the token counts and the latency of the original call; never the API key
and never the request itself. Files are private to the user (0600 in a 0700
folder) and written atomically.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

from clearair.llm.client import ChatResult
from clearair.llm.config import Settings

VERSION = 1


def key(settings: Settings, messages: list[dict]) -> str:
    from clearair.llm.answer import schema

    material = json.dumps({"v": VERSION, "url": settings.endpoint("chat/completions"), "model": settings.model,
                           "seed": settings.seed, "messages": messages, "schema": schema()},
                          sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(material.encode("utf-8")).hexdigest()


def _path(settings: Settings, digest: str) -> Path:
    return settings.cache_folder() / digest[:2] / f"{digest}.json"


def get(settings: Settings, digest: str) -> ChatResult | None:
    try:
        data = json.loads(_path(settings, digest).read_text(encoding="utf-8"))
        return ChatResult(content=data["content"], model=data.get("model"), prompt_tokens=data.get("prompt_tokens"),
                          completion_tokens=data.get("completion_tokens"), latency_ms=int(data.get("latency_ms") or 0),
                          mode=data.get("mode", "json_schema"))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def put(settings: Settings, digest: str, result: ChatResult) -> None:
    """Best effort: a cache that cannot be written only means asking again next time."""
    path = _path(settings, digest)
    entry = {"content": result.content, "model": result.model, "prompt_tokens": result.prompt_tokens,
             "completion_tokens": result.completion_tokens, "latency_ms": result.latency_ms, "mode": result.mode}
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        for folder in (path.parent, path.parent.parent):
            os.chmod(folder, 0o700)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(entry, fh, ensure_ascii=False)
            os.chmod(tmp, 0o600)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        pass
