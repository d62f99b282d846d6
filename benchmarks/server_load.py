"""A multi-user `clearair serve` on 127.0.0.1 under hostile traffic: a login flood
and a huge chunked body. Prints numbers; asserts nothing. Traffic never leaves this
machine and each part stops by itself.

1. A 300 MB chunked body (no Content-Length) to ``POST /api/login`` without
   credentials, on a fresh server: its peak memory (VmHWM) before and after, and the answer.
2. A signed-in user adds updates (saved only, as ``"evaluate": false`` does) on a
   quiet server, then again while C clients flood ``POST /api/login`` with wrong
   credentials for S seconds: the user's update p50/p95/max both times, and what
   the flood got back, and the server's peak memory after it.

Usage: python benchmarks/server_load.py [--clients 30] [--seconds 25] [--body-mb 300]
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

import httpx

MB = 1024 * 1024
USER, PASSWORD = "alice", "a long enough password"
LETTER = ("My colleague keeps presenting my analysis in meetings as his own work. When I raised it with him "
          "privately he laughed it off, and my manager has started praising him for the reports I wrote.")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def peak_rss_mb(pid: int) -> float:
    """The process's peak resident memory so far (Linux /proc)."""
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(q * (len(values) - 1)))]


def describe(times: list[float]) -> str:
    return (f"n={len(times)}, p50 {statistics.median(times) * 1e3:.0f} ms, p95 {percentile(times, 0.95) * 1e3:.0f} ms, "
            f"max {max(times) * 1e3:.0f} ms")


def start_server(data: Path) -> tuple[subprocess.Popen, str]:
    env = dict(os.environ, XDG_DATA_HOME=str(data))
    env.pop("CLEARAIR_DATABASE_URL", None)
    subprocess.run([sys.executable, "-m", "clearair", "user", "add", USER, "--password-stdin"],
                   input=PASSWORD.encode() + b"\n", env=env, check=True, capture_output=True)
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "clearair", "serve", "--multi-user", "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
    assert proc.stdout is not None
    proc.stdout.readline()  # printed once the port is held (by releases before issue 14: just before)
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):  # so an older release that prints first is measured only once it answers
        try:
            httpx.get(f"{base}/login", timeout=5)
            break
        except httpx.HTTPError:
            time.sleep(0.1)
    return proc, base


def user_updates(c: httpx.Client, base: str, case_id: int, stop: threading.Event | None, count: int = 0,
                 pause: float = 0.05) -> list[float]:
    """Time the user's saved updates: ``count`` of them, or until ``stop`` is set."""
    times = []
    n = 0
    while (stop is not None and not stop.is_set()) or (stop is None and n < count):
        n += 1
        started = time.perf_counter()
        r = c.post(f"{base}/api/cases/{case_id}/updates",
                   json={"text": f"Update {n}: he presented my slides again today.", "evaluate": False})
        times.append(time.perf_counter() - started)
        r.raise_for_status()
        time.sleep(pause)
    return times


def flood(base: str, clients: int, seconds: float) -> Counter:
    """``clients`` threads posting wrong logins back to back for ``seconds``; the answers' status codes."""
    codes: Counter = Counter()
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def one(i: int) -> None:
        with httpx.Client(timeout=60) as c:
            n = 0
            while time.monotonic() < deadline:
                n += 1
                try:
                    code = c.post(f"{base}/api/login", json={"username": f"nobody{i}-{n}",
                                                             "password": "not the password"}).status_code
                except httpx.HTTPError as err:
                    code = type(err).__name__
                with lock:
                    codes[code] += 1

    threads = [threading.Thread(target=one, args=(i,)) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return codes


def chunks(total: int, size: int = MB):
    block = b"x" * size
    for _ in range(total // size):
        yield block


def chunked_body(base: str, pid: int, body_mb: int) -> None:
    """One failed login to warm the server, then the body; the server's peak memory around it."""
    httpx.post(f"{base}/api/login", json={"username": "nobody", "password": "not the password"}, timeout=60)
    before = peak_rss_mb(pid)
    started = time.perf_counter()
    try:
        r = httpx.post(f"{base}/api/login", content=chunks(body_mb * MB), timeout=300,
                       headers={"Content-Type": "application/json"})
        answer = f"{r.status_code}"
    except httpx.HTTPError as err:
        answer = type(err).__name__
    elapsed = time.perf_counter() - started
    after = peak_rss_mb(pid)
    print(f"{body_mb} MB chunked body to /api/login: answered {answer} in {elapsed:.2f} s; "
          f"server peak memory {before:.0f} MB before, {after:.0f} MB after (+{after - before:.0f} MB)")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--clients", type=int, default=30, help="flooding clients")
    ap.add_argument("--seconds", type=float, default=25.0, help="length of the flood")
    ap.add_argument("--body-mb", type=int, default=300, help="size of the chunked body")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="clearair-server-load-") as tmp:
        proc, base = start_server(Path(tmp))
        try:
            chunked_body(base, proc.pid, args.body_mb)  # on a fresh server, as a first request could come
            with httpx.Client(timeout=120) as c:
                token = c.post(f"{base}/api/login", json={"username": USER, "password": PASSWORD}).json()["token"]
                c.headers["Authorization"] = f"Bearer {token}"
                r = c.post(f"{base}/api/cases", json={"text": LETTER, "title": "Credit taken"})
                r.raise_for_status()
                case_id = int(r.json()["id"])
                user_updates(c, base, case_id, None, count=5)  # warm up
                quiet = user_updates(c, base, case_id, None, count=100)
                print(f"user's saved update, quiet server: {describe(quiet)}")
                stop = threading.Event()
                during: list[float] = []
                user = threading.Thread(target=lambda: during.extend(user_updates(c, base, case_id, stop)))
                user.start()
                codes = flood(base, args.clients, args.seconds)
                stop.set()
                user.join()
                print(f"user's saved update during a flood of {args.clients} login clients for {args.seconds:.0f} s: "
                      f"{describe(during)}")
                print(f"flood answers: {sum(codes.values())} requests, "
                      + ", ".join(f"{code}: {n}" for code, n in sorted(codes.items(), key=str)))
                ok = httpx.post(f"{base}/api/login", json={"username": USER, "password": PASSWORD}, timeout=60)
                print(f"the real user's login right after the flood (same address): {ok.status_code}")
            print(f"server peak memory after the flood: {peak_rss_mb(proc.pid):.0f} MB")

        finally:
            proc.terminate()
            proc.wait(timeout=30)


if __name__ == "__main__":
    main()
