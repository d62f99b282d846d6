"""Bounded load on loopback: N concurrent clients POST /api/analyze to a real
`clearair serve` on 127.0.0.1. Prints latency p50/p95 and throughput; asserts
nothing. Traffic never leaves this machine and the run stops by itself.

Usage: python benchmarks/api_load.py [--clients 20] [--requests 5]
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--requests", type=int, default=5, help="per client")
    ap.add_argument("--workers", type=int, default=1, help="server processes")
    args = ap.parse_args()
    from clearair.similar import library

    letter = " ".join(" ".join(r["situation"] for r in library()[:4]).split()[:450])
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = dict(os.environ, XDG_DATA_HOME=str(Path("/tmp") / f"clearair-load-{port}"))
    serve = [sys.executable, "-m", "clearair", "serve", "--port", str(port), "--workers", str(args.workers)]
    proc = subprocess.Popen(serve,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
    try:
        url = proc.stdout.readline().decode().strip().rsplit(" ", 1)[-1]
        base, token = url.split("/?")[0], url.split("token=")[1]
        headers = {"Authorization": f"Bearer {token}"}
        for _ in range(100):
            try:
                httpx.post(base + "/api/analyze", json={"text": letter}, headers=headers, timeout=30)
                break
            except httpx.HTTPError:
                time.sleep(0.3)

        def client(_):
            times = []
            with httpx.Client(headers=headers, timeout=120) as c:
                for _ in range(args.requests):
                    t = time.perf_counter()
                    r = c.post(base + "/api/analyze", json={"text": letter})
                    r.raise_for_status()
                    times.append(time.perf_counter() - t)
            return times

        start = time.perf_counter()
        with ThreadPoolExecutor(args.clients) as pool:
            times = [t for ts in pool.map(client, range(args.clients)) for t in ts]
        wall = time.perf_counter() - start
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    times.sort()
    p95 = times[min(len(times) - 1, int(0.95 * (len(times) - 1)))]
    print(f"{args.clients} clients x {args.requests} requests, {args.workers} worker(s), 450-word letter, loopback: "
          f"p50 {statistics.median(times) * 1e3:.0f} ms, p95 {p95 * 1e3:.0f} ms, "
          f"{len(times) / wall:.1f} requests/s")


if __name__ == "__main__":
    main()
