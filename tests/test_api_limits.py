"""Request bodies cannot exhaust the real server: a streaming cap and a deadline, tried over 127.0.0.1.

Each test starts `uvicorn` in a child process (so its memory can be read from
/proc) and talks to it with real sockets: a chunked body carries no
Content-Length, so only a cap counted as the bytes arrive can refuse it.
"""

import os
import socket
import subprocess
import sys
import textwrap
import time

import httpx
import pytest

from clearair.api.limits import MAX_BODY
from conftest import free_port

pytestmark = pytest.mark.slow  # real servers in child processes

TOKEN = "limits-token"
MB = 1024 * 1024


def _peak_rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    raise AssertionError("no VmHWM in /proc")


def _start(tmp_path, multi_user: bool, body_seconds: float = 30.0):
    port = free_port()
    script = textwrap.dedent(f"""
        import uvicorn
        from clearair.api.app import create_app
        app = create_app(store_url="sqlite:///{tmp_path / 'limits.db'}", token="{TOKEN}",
                         multi_user={multi_user}, body_seconds={body_seconds})
        uvicorn.run(app, host="127.0.0.1", port={port}, log_level="warning")
    """)
    proc = subprocess.Popen([sys.executable, "-c", script], env=dict(os.environ), stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            httpx.get(base + "/api/cases", timeout=2)
            return proc, base, port
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise AssertionError("the server did not start: " + proc.stderr.read().decode(errors="replace"))


@pytest.fixture()
def multi_server(tmp_path):
    proc, base, port = _start(tmp_path, multi_user=True, body_seconds=1.5)
    yield proc, base, port
    proc.terminate()
    proc.wait(timeout=20)


def _chunks(total: int, size: int = MB):
    block = b"x" * size
    for _ in range(total // size):
        yield block


def test_a_300_mb_chunked_body_is_refused_before_login_and_memory_stays_flat(multi_server):
    proc, base, _port = multi_server
    # Warm the server with one ordinary failed login, then read its peak memory.
    assert httpx.post(base + "/api/login", json={"username": "nobody", "password": "whatever123"}).status_code == 401
    before = _peak_rss_mb(proc.pid)
    started = time.monotonic()
    r = httpx.post(base + "/api/login", content=_chunks(300 * MB), timeout=120,
                   headers={"Content-Type": "application/json"})
    elapsed = time.monotonic() - started
    after = _peak_rss_mb(proc.pid)
    assert r.status_code == 413 and "request body over" in r.json()["detail"]
    print(f"\npeak RSS before {before:.0f} MB, after a 300 MB chunked body {after:.0f} MB "
          f"(+{after - before:.0f} MB), answered in {elapsed:.2f} s")
    assert after - before < 50  # the body was never held (the old server grew by about 1 GB)
    # The server is still fine.
    assert httpx.post(base + "/api/login", json={"username": "nobody", "password": "whatever123"}).status_code == 401


def test_a_chunked_body_just_over_the_cap_is_refused_and_one_under_is_read(multi_server):
    _proc, base, _port = multi_server
    over = httpx.post(base + "/api/login", content=_chunks(MAX_BODY + 1024, 1024),
                      headers={"Content-Type": "application/json"})
    assert over.status_code == 413
    padded = b'{"username": "nobody", "password": "whatever123", "pad": "' + b"x" * (MAX_BODY - 100) + b'"}'
    under = httpx.post(base + "/api/login", content=iter([padded[:100_000], padded[100_000:]]),
                       headers={"Content-Type": "application/json"})
    assert under.status_code == 401  # read whole, then judged: a wrong login


def test_a_declared_length_over_the_cap_is_refused_without_reading(multi_server):
    _proc, base, port = multi_server
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        s.sendall(b"POST /api/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                  b"Content-Length: 999999999\r\n\r\n")
        assert s.recv(65536).startswith(b"HTTP/1.1 413")


def test_a_slow_body_times_out(multi_server):
    _proc, base, port = multi_server
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        s.sendall(b"POST /api/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                  b"Transfer-Encoding: chunked\r\n\r\n5\r\n{\"use\r\n")
        started = time.monotonic()
        answer = s.recv(65536)  # the rest never comes
        waited = time.monotonic() - started
    assert answer.startswith(b"HTTP/1.1 408"), answer[:200]
    assert waited < 10  # the server gave up by itself (its deadline here is 1.5 s)
