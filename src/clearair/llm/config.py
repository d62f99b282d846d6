"""Model-mode settings, and where a server address points.

Settings come from command-line options or the environment
(``CLEARAIR_LLM_URL``, ``CLEARAIR_LLM_MODEL``, ``CLEARAIR_LLM_API_KEY``,
``CLEARAIR_LLM_ALLOW_REMOTE``, ``CLEARAIR_LLM_TIMEOUT``, ``CLEARAIR_LLM_CACHE``).
The API key is read from the environment only and never written anywhere:
it is kept out of ``repr``, of :meth:`Settings.public` and of every message.

A server on loopback or a private-network address is *local* and receives the
text as it is. Any other host (including every host *name* other than
``localhost``: nothing is resolved) is *remote*, refused unless the user allows
it, and then sent only anonymised text.
"""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import urlsplit

from clearair.errors import InputError

ENV_URL = "CLEARAIR_LLM_URL"
ENV_MODEL = "CLEARAIR_LLM_MODEL"
ENV_KEY = "CLEARAIR_LLM_API_KEY"
ENV_ALLOW_REMOTE = "CLEARAIR_LLM_ALLOW_REMOTE"
ENV_TIMEOUT = "CLEARAIR_LLM_TIMEOUT"
ENV_CACHE = "CLEARAIR_LLM_CACHE"

DEFAULT_TIMEOUT = 120.0
DEFAULT_SEED = 42

#: Loopback, RFC 1918, unique-local (ULA) and link-local networks.
_LOOPBACK = [ipaddress.ip_network(n) for n in ("127.0.0.0/8", "::1/128")]
_PRIVATE = [ipaddress.ip_network(n) for n in (
    "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16", "fc00::/7", "fe80::/10")]


class RemoteRefused(InputError):
    """The server is neither on this machine nor on a private network, and remote use was not allowed."""


def host_kind(host: str) -> str:
    """'loopback', 'private' or 'remote' for a URL's host, without any DNS lookup."""
    h = host.strip().strip("[]").lower()
    if h in ("localhost", "localhost."):
        return "loopback"
    try:
        ip = ipaddress.ip_address(h.split("%", 1)[0])  # fe80::1%eth0
    except ValueError:
        return "remote"  # a host name: where it points is not known without resolving it
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if any(ip in n for n in _LOOPBACK if n.version == ip.version):
        return "loopback"
    if any(ip in n for n in _PRIVATE if n.version == ip.version):
        return "private"
    return "remote"


def _truthy(value: str | None) -> bool:
    return (value or "").strip().lower() in ("1", "true", "yes", "on")


def data_dir() -> Path:
    """clearair's data folder (the same one the case store uses)."""
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share") / "clearair"


@dataclass(frozen=True)
class Settings:
    url: str  # the OpenAI-compatible base URL, e.g. http://127.0.0.1:11434/v1
    model: str
    api_key: str | None = field(default=None, repr=False, compare=False)
    allow_remote: bool = False
    timeout: float = DEFAULT_TIMEOUT
    cache: bool = True
    seed: int = DEFAULT_SEED
    with_reading: bool = True  # send clearair's own reading with the letter
    similar: int = 3  # how many similar library cases to send
    cache_dir: Path | None = None  # default: <data folder>/llm-cache

    # --- where the text goes ---------------------------------------------
    @property
    def host(self) -> str:
        return urlsplit(self.url).hostname or ""

    @property
    def server(self) -> str:
        """host:port, as the user is told where their text went (never the path or credentials)."""
        parts = urlsplit(self.url)
        port = parts.port or (443 if parts.scheme == "https" else 80)
        host = parts.hostname or ""
        return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"

    @property
    def where(self) -> str:
        return host_kind(self.host)

    @property
    def remote(self) -> bool:
        return self.where == "remote"

    @property
    def engine(self) -> str:
        return f"llm:{self.model}"

    def check_destination(self) -> None:
        """Refuse a remote server unless it was explicitly allowed."""
        if self.remote and not self.allow_remote:
            raise RemoteRefused(
                f"{self.host} is neither this machine nor on your private network; clearair sends your text "
                "there only with --allow-remote (or CLEARAIR_LLM_ALLOW_REMOTE=1), and then anonymised first")

    def endpoint(self, path: str) -> str:
        base = self.url.rstrip("/")
        for tail in ("/chat/completions", "/models"):
            if base.endswith(tail):
                base = base[: -len(tail)]
        return f"{base}/{path.lstrip('/')}"

    def cache_folder(self) -> Path:
        return self.cache_dir or data_dir() / "llm-cache"

    def public(self) -> dict:
        """Everything but the key, e.g. to hand to worker processes (which read the key from the environment)."""
        return {"url": self.url, "model": self.model, "allow_remote": self.allow_remote, "timeout": self.timeout,
                "cache": self.cache}

    def with_(self, **changes) -> Settings:
        return replace(self, **changes)

    # --- building them ----------------------------------------------------
    @classmethod
    def resolve(cls, url: str | None = None, model: str | None = None, allow_remote: bool | None = None,
                timeout: float | None = None, cache: bool | None = None,
                env: Mapping[str, str] | None = None) -> Settings | None:
        """Settings from options, falling back to the environment; None when no
        model server is configured (offline mode). Raises InputError (one line) on
        a bad address, a missing model name or a remote server not allowed."""
        env = os.environ if env is None else env
        url = (url or env.get(ENV_URL) or "").strip()
        model = (model or env.get(ENV_MODEL) or "").strip()
        if not url:
            if model:
                raise InputError(f"--model needs a server address too: --llm URL (or {ENV_URL})")
            return None
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise InputError(f"not a server address (use e.g. http://127.0.0.1:11434/v1): {url[:80]!r}")
        if parts.username or parts.password:
            raise InputError(f"put the API key in {ENV_KEY}, not in the server address")
        try:
            _ = parts.port  # reading it checks it: ValueError for a port out of range or not a number
        except ValueError:
            raise InputError(f"not a valid port in the server address: {url[:80]!r}") from None
        if not model:
            raise InputError(f"name the model with --model NAME (or {ENV_MODEL}); `clearair llm check` lists them")
        if timeout is None:
            raw = env.get(ENV_TIMEOUT)
            try:
                timeout = float(raw) if raw else DEFAULT_TIMEOUT
            except ValueError:
                raise InputError(f"{ENV_TIMEOUT} must be a number of seconds") from None
        if timeout <= 0:
            raise InputError("the model timeout must be a positive number of seconds")
        settings = cls(
            url=url, model=model, api_key=env.get(ENV_KEY) or None,
            allow_remote=bool(allow_remote) or _truthy(env.get(ENV_ALLOW_REMOTE)),
            timeout=float(timeout),
            cache=(cache if cache is not None
                   else env.get(ENV_CACHE, "1").strip().lower() not in ("0", "false", "no", "off")),
        )
        settings.check_destination()
        return settings

    @classmethod
    def from_public(cls, data: dict, env: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if env is None else env
        return cls(url=data["url"], model=data["model"], api_key=env.get(ENV_KEY) or None,
                   allow_remote=bool(data.get("allow_remote")), timeout=float(data.get("timeout", DEFAULT_TIMEOUT)),
                   cache=bool(data.get("cache", True)))
