"""Accounts through the API: logout that ends the session, throttled logins, sharing that reveals no names."""

import re
import time

import pytest
from fastapi.testclient import TestClient

from conftest import multi_user_app, seed_text

pytestmark = pytest.mark.slow  # argon2 logins and case analyses

ALICE, BOB, CAROL = ("alice", "correct horse battery"), ("bob", "another long secret"), ("carol", "a third long secret")


@pytest.fixture()
def multi(tmp_path):
    return multi_user_app(f"sqlite:///{tmp_path / 'multi.db'}", dict((ALICE, BOB, CAROL)))


def letter():
    text = seed_text("skip-level-forwards-complaint")
    return text[: text.index('"Proper justice"')]


def test_api_logout_ends_the_session_on_the_server(multi):
    app, login = multi
    alice = login(*ALICE)
    token = alice.headers["Authorization"]
    other_device = login(*ALICE)
    assert alice.get("/api/cases").status_code == 200
    out = alice.post("/api/logout")
    assert out.status_code == 204 and "clearair_session=" in out.headers["set-cookie"]
    assert TestClient(app, headers={"Authorization": token}).get("/api/cases").status_code == 401
    assert other_device.get("/api/cases").status_code == 200  # only this session ended


def test_the_page_logout_form_is_csrf_checked_and_ends_the_session(multi):
    app, _login = multi
    browser = TestClient(app)
    form = browser.get("/login").text
    login_csrf = re.search(r'name="csrf_token" value="([0-9a-f]+)"', form).group(1)
    r = browser.post("/login", data={"username": ALICE[0], "password": ALICE[1], "csrf_token": login_csrf},
                     follow_redirects=False)
    assert r.status_code == 303 and browser.get("/api/cases").status_code == 200
    csrf = re.search(r'name="csrf_token" value="([0-9a-f]+)"', browser.get("/").text).group(1)
    forged = browser.post("/logout", data={"csrf_token": "0" * 64}, follow_redirects=False)
    assert forged.status_code == 403 and browser.get("/api/cases").status_code == 200
    session = browser.cookies.get("clearair_session")
    out = browser.post("/logout", data={"csrf_token": csrf}, follow_redirects=False)
    assert out.status_code == 303 and out.headers["location"] == "/login"
    assert browser.get("/api/cases").status_code == 401
    replay = TestClient(app, cookies={"clearair_session": session})
    assert replay.get("/api/cases").status_code == 401  # the old cookie is dead on the server too


def test_api_logout_with_the_session_cookie_is_csrf_checked(multi):
    app, _login = multi
    browser = TestClient(app)
    form = browser.get("/login").text
    login_csrf = re.search(r'name="csrf_token" value="([0-9a-f]+)"', form).group(1)
    browser.post("/login", data={"username": ALICE[0], "password": ALICE[1], "csrf_token": login_csrf})
    csrf = re.search(r'name="csrf_token" value="([0-9a-f]+)"', browser.get("/").text).group(1)
    for forged in ({}, {"X-CSRF-Token": "0" * 64}, {"X-CSRF-Token": "é".encode()}):  # what another page could send
        r = browser.post("/api/logout", headers=forged)
        assert r.status_code == 403 and "CSRF" in r.json()["detail"]
        assert browser.get("/api/cases").status_code == 200  # still signed in
    assert browser.post("/api/logout", headers={"X-CSRF-Token": csrf}).status_code == 204
    assert browser.get("/api/cases").status_code == 401


def test_logins_are_throttled_with_retry_after(multi):
    from clearair.api.deps import store_of
    from clearair.store.accounts import Accounts
    from clearair.store.throttle import Rule, Throttle

    app, login = multi
    # The shipped rules, but a first wait long enough that this test cannot outlive it.
    app.state.accounts = Accounts(store_of(app.state), Throttle({"account": Rule(free=5, first=60),
                                                                 "unknown": Rule(free=5, first=60),
                                                                 "client": Rule(free=30, first=60)}))
    anonymous = TestClient(app)
    statuses = []
    for _ in range(12):
        r = anonymous.post("/api/login", json={"username": "alice", "password": "wrong password!"})
        statuses.append(r.status_code)
        if r.status_code == 429:
            break
    assert statuses[0] == 401 and statuses[-1] == 429, statuses
    assert int(r.headers["retry-after"]) >= 1 and "try again" in r.json()["detail"]
    started = time.monotonic()
    right = anonymous.post("/api/login", json={"username": ALICE[0], "password": ALICE[1]})
    assert right.status_code == 429  # the right password waits too while the account is throttled
    assert time.monotonic() - started >= 1.5  # and the refusal itself is answered late (a flood slows itself)
    assert login(*BOB).get("/api/cases").status_code == 200  # other accounts are not


def test_login_passes_the_client_address(multi, monkeypatch):
    from clearair.store.accounts import Accounts

    app, _login = multi
    seen = {}

    def spy(self, username, password, client=None):
        seen["client"] = client
        return None

    monkeypatch.setattr(Accounts, "login", spy)
    assert TestClient(app).post("/api/login", json={"username": "a", "password": "b" * 12}).status_code == 401
    assert seen["client"] == "testclient"


def test_sharing_answers_the_same_for_unknown_names(multi):
    _app, login = multi
    alice = login(*ALICE)
    case_id = alice.post("/api/cases", json={"text": letter()}).json()["id"]
    known = alice.put(f"/api/cases/{case_id}/shares/bob", json={})
    unknown = alice.put(f"/api/cases/{case_id}/shares/nobody-here", json={})
    assert known.status_code == unknown.status_code == 204 and known.content == unknown.content == b""
    assert alice.get(f"/api/cases/{case_id}/shares").json() == [{"username": "bob", "can_write": False}]


def test_a_reader_can_leave_a_share_and_nothing_else(multi):
    _app, login = multi
    alice, bob, carol = login(*ALICE), login(*BOB), login(*CAROL)
    case_id = alice.post("/api/cases", json={"text": letter()}).json()["id"]
    alice.put(f"/api/cases/{case_id}/shares/bob", json={})
    alice.put(f"/api/cases/{case_id}/shares/carol", json={})
    assert bob.delete(f"/api/cases/{case_id}/shares/carol").status_code == 404  # not his to remove
    assert carol.delete(f"/api/cases/{case_id}/shares/BOB").status_code == 404
    assert bob.delete(f"/api/cases/{case_id}/shares/bob").status_code == 204
    assert bob.get("/api/cases").json() == [] and bob.get(f"/api/cases/{case_id}").status_code == 404
    assert [s["username"] for s in alice.get(f"/api/cases/{case_id}/shares").json()] == ["carol"]
    assert alice.get(f"/api/cases/{case_id}").status_code == 200  # the owner's case is untouched
    assert bob.delete(f"/api/cases/{case_id}/shares/bob").status_code == 404  # nothing left to leave


@pytest.mark.parametrize("how", ["bearer", "cookie"])
def test_a_non_ascii_session_is_refused_not_a_server_error(multi, how):
    app, _login = multi
    bare = TestClient(app, raise_server_exceptions=False)
    value = "sëssion-ü".encode()
    headers = {"Authorization": b"Bearer " + value} if how == "bearer" else {"Cookie": b"clearair_session=" + value}
    assert bare.get("/api/cases", headers=headers).status_code == 401


def test_a_signed_in_listing_does_not_wait_for_another_writer(multi, tmp_path):
    """Session lookup and listing only read: another connection holding the write lock does not hold them up."""
    import sqlite3
    import threading

    _app, login = multi
    alice = login(*ALICE)
    alice.post("/api/cases", json={"text": letter()})
    holder = sqlite3.connect(tmp_path / "accounts.db", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    answers = []
    worker = threading.Thread(target=lambda: answers.append(alice.get("/api/cases")))
    try:
        worker.start()
        worker.join(timeout=5)
        done_while_locked = not worker.is_alive()
    finally:
        holder.execute("ROLLBACK")
        holder.close()
        worker.join(timeout=90)
    assert done_while_locked and answers[0].status_code == 200 and len(answers[0].json()) == 1


def test_a_store_failure_during_session_lookup_is_a_clear_503(multi, monkeypatch):
    from clearair.store.accounts import Accounts
    from clearair.store.errors import StoreBusy

    app, login = multi
    alice = login(*ALICE)

    def busy(self, token):
        raise StoreBusy("the case store is busy with another writer; nothing was saved (try again in a moment)")

    monkeypatch.setattr(Accounts, "user_for", busy)
    r = TestClient(app, raise_server_exceptions=False, headers=alice.headers).get("/api/cases")
    assert r.status_code == 503 and "busy" in r.json()["detail"]
