"""``clearair serve``: hold the port first, then say where to open the page.

The socket is bound here and handed to uvicorn, so a port that is taken (or
not a port at all) is one clear line before anything is printed, and the URL
shown always points at this server. In single-user mode the access token
lives in the data folder (mode 0600) and survives a restart.
"""

from __future__ import annotations

import errno
import json
import os
import socket
import sys
from typing import Any

import typer

from clearair.cli_errors import fail


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on ``host:port``, or one line and exit code 2."""
    if not 0 < port < 65536:
        fail(f"--port must be between 1 and 65535, not {port}")
    try:
        family, kind, proto, _name, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    except (socket.gaierror, UnicodeError):
        fail(f"cannot listen on {host!r}: not an address of this machine")
    sock = socket.socket(family, kind, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(address)
        sock.listen(2048)
    except OSError as err:
        sock.close()
        if err.errno == errno.EADDRINUSE:
            fail(f"port {port} on {host} is already in use (is clearair already running?); choose another with --port")
        if err.errno == errno.EACCES:
            fail(f"not allowed to listen on port {port}; choose one above 1023 with --port")
        fail(f"cannot listen on {host}:{port}: {err.strerror}")
    sock.set_inheritable(True)
    return sock


def url_for(host: str, port: int, multi_user: bool, token: str) -> str:
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else (f"[{host}]" if ":" in host else host)
    return f"http://{shown}:{port}/login" if multi_user else f"http://{shown}:{port}/?token={token}"


def announce(url: str, multi_user: bool) -> None:
    typer.echo(f"clearair{' (multi-user)' if multi_user else ''} is running: open {url}")
    sys.stdout.flush()


def run(host: str, port: int, multi_user: bool, workers: int, settings: Any) -> None:
    import uvicorn

    from clearair.api.app import DEFAULT_HOSTS, SERVE_SETTINGS, create_app
    from clearair.store.access_token import load_or_create
    from clearair.store.db import data_dir

    sock = bind(host, port)
    token = load_or_create(data_dir())
    hosts = tuple(dict.fromkeys((*DEFAULT_HOSTS, host)))
    url = url_for(host, port, multi_user, token)
    if settings is not None:
        from clearair.llm.provenance import describe_settings

        typer.echo(describe_settings(settings), err=True)
    if workers == 1:
        app = create_app(token=token, allowed_hosts=hosts, multi_user=multi_user, llm=settings)

        class Server(uvicorn.Server):
            async def startup(self, sockets: list[socket.socket] | None = None) -> None:
                await super().startup(sockets=sockets)
                if not self.should_exit:
                    announce(url, multi_user)  # only once it accepts connections

        # No proxy headers: the client address is the socket's, so X-Forwarded-For cannot dodge login throttling.
        Server(uvicorn.Config(app, log_level="warning", proxy_headers=False)).run(sockets=[sock])
        return
    # Worker processes build the app themselves; they share the token through the
    # environment (readable by this user only) and the socket bound above.
    from uvicorn.supervisors import Multiprocess

    os.environ[SERVE_SETTINGS] = json.dumps({"token": token, "allowed_hosts": hosts, "multi_user": multi_user,
                                             "llm": settings.public() if settings else None})  # never the key
    config = uvicorn.Config("clearair.api.app:app_from_environment", factory=True, workers=workers, proxy_headers=False,
                            log_level="warning")
    announce(url, multi_user)  # the socket already listens: connections wait for the first worker
    Multiprocess(config, sockets=[sock]).run()
