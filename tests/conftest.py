import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"


def seed_text(name: str) -> str:
    return (SEEDS / f"{name}.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_reports():
    from clearair import analyze

    names = ["peer-undermines-report-to-customer", "peer-goes-cold-after-mistake", "skip-level-forwards-complaint"]
    return {n: analyze(seed_text(n)) for n in names}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    port = free_port()
    env = dict(os.environ, XDG_DATA_HOME=str(tmp_path_factory.mktemp("data")))
    env.pop("CLEARAIR_DATABASE_URL", None)
    proc = subprocess.Popen([sys.executable, "-m", "clearair", "serve", "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    url = proc.stdout.readline().decode().strip().rsplit(" ", 1)[-1]
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            httpx.get(url, timeout=2)
            break
        except httpx.HTTPError:
            time.sleep(0.3)
    yield url
    proc.terminate()
    proc.wait(timeout=20)
