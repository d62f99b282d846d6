"""Reliability: a writer killed mid-write leaves a consistent store; fuzzed bad
requests never cause a server error."""

import os
import signal
import sqlite3
import subprocess
import sys
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clearair.api.app import create_app
from clearair.store import CaseStore
from conftest import seed_text

WRITER = """
import sys
from clearair.store import CaseStore
store = CaseStore(sys.argv[1])
case_id = int(sys.argv[2])
n = 0
while True:
    n += 1
    store.update(case_id, f"Update number {n}: the director mentioned the complaint again in the team meeting today.")
"""


def test_sigkill_mid_write_leaves_a_readable_consistent_store(tmp_path):
    url = f"sqlite:///{tmp_path / 'kill.db'}"
    store = CaseStore(url)
    case_id = store.create(seed_text("peer-goes-cold-after-mistake"))
    proc = subprocess.Popen([sys.executable, "-c", WRITER, url, str(case_id)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    time.sleep(4.0)  # long enough for several committed updates, then die mid-write
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)
    with sqlite3.connect(tmp_path / "kill.db") as conn:
        assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
    case = CaseStore(url).get(case_id)
    seqs = [v.seq for v in case.versions]
    assert len(seqs) >= 2, "the writer should have committed some updates before it was killed"
    assert seqs == list(range(1, len(seqs) + 1))  # nothing lost in the middle, nothing duplicated
    assert all(v.report is not None for v in case.versions)  # no version without its report


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=200),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=8)
bodies = st.one_of(
    json_values,
    st.fixed_dictionaries({"text": st.text(max_size=300)}),
    st.fixed_dictionaries({"who": st.text(max_size=30), "what": st.text(max_size=60),
                           "happened_on": st.text(max_size=12)}),
)
ENDPOINTS = ["/api/analyze", "/api/cases", "/api/cases/1/updates", "/api/cases/1/journal", "/api/cases/999/updates"]


def test_fuzzed_bad_requests_never_cause_a_server_error(tmp_path):
    from fastapi.testclient import TestClient

    app = create_app(store_url=f"sqlite:///{tmp_path / 'fuzz.db'}", token="t", allowed_hosts=("testserver",))
    client = TestClient(app, headers={"Authorization": "Bearer t"}, raise_server_exceptions=False)
    assert client.post("/api/cases", json={"text": seed_text("peer-goes-cold-after-mistake")}).status_code == 201
    sent = {"n": 0}

    @settings(max_examples=2_000, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    @given(endpoint=st.sampled_from(ENDPOINTS), body=bodies, raw=st.binary(max_size=64), use_raw=st.booleans())
    def fuzz(endpoint, body, raw, use_raw):
        if use_raw:
            r = client.post(endpoint, content=raw, headers={"Content-Type": "application/json"})
        else:
            r = client.post(endpoint, json=body)
        sent["n"] += 1
        assert r.status_code < 500, (endpoint, body, r.text)

    for _ in range(5):
        fuzz()
    assert sent["n"] >= 10_000


CONCURRENT_WRITER = """
import sys
from clearair.store import CaseStore
store = CaseStore(sys.argv[1])
for n in range(int(sys.argv[3])):
    store.update(int(sys.argv[2]), f"Writer {sys.argv[4]} update {n}: the director raised it again today.")
"""


def test_concurrent_writers_lose_and_duplicate_nothing(tmp_path):
    url = f"sqlite:///{tmp_path / 'concurrent.db'}"
    case_id = CaseStore(url).create(seed_text("peer-goes-cold-after-mistake"))
    writers, each = 8, 6
    procs = [subprocess.Popen([sys.executable, "-c", CONCURRENT_WRITER, url, str(case_id), str(each), str(w)],
                              stderr=subprocess.PIPE) for w in range(writers)]
    for p in procs:
        _, err = p.communicate(timeout=600)
        assert p.returncode == 0, err.decode()[-500:]
    case = CaseStore(url).get(case_id)
    updates = [v.text for v in case.versions if v.kind == "update"]
    assert len(updates) == writers * each and len(set(updates)) == len(updates)
    assert [v.seq for v in case.versions] == list(range(1, writers * each + 2))
    assert all(v.report is not None for v in case.versions)
