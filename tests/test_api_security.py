"""Headers, the token in the address, the docs pages, and malformed input that used to give 500s."""

import pytest
from fastapi.testclient import TestClient

from clearair.api.app import create_app
from clearair.api.limits import MAX_BODY

TOKEN = "security-token-123"
HEADERS = {"x-frame-options": "DENY", "referrer-policy": "no-referrer", "x-content-type-options": "nosniff"}


@pytest.fixture()
def app(tmp_path):
    return create_app(store_url=f"sqlite:///{tmp_path / 'sec.db'}", token=TOKEN, allowed_hosts=("testserver",))


@pytest.fixture()
def client(app):
    return TestClient(app, headers={"Authorization": f"Bearer {TOKEN}"})


def _csp_directives(response) -> dict[str, str]:
    policy = response.headers["content-security-policy"]
    return {d.split()[0]: " ".join(d.split()[1:]) for d in policy.split(";") if d.strip()}


@pytest.mark.parametrize("method, path", [
    ("GET", "/api/cases"), ("GET", "/api/cases/1"), ("POST", "/api/analyze"), ("GET", "/openapi.json"),
])
def test_every_answer_is_kept_out_of_caches_and_frames(client, method, path):
    r = client.request(method, path, json={"text": "too short"} if method == "POST" else None)
    assert r.headers["cache-control"] == "no-store"
    for name, value in HEADERS.items():
        assert r.headers[name] == value
    csp = _csp_directives(r)
    assert csp["default-src"] == "'self'" and csp["script-src"] == "'self'" and csp["style-src"] == "'self'"
    assert csp["frame-ancestors"] == "'none'" and csp["base-uri"] == "'none'" and csp["form-action"] == "'self'"
    assert "unsafe-inline" not in r.headers["content-security-policy"]


def test_refusals_carry_the_headers_too(app):
    bare = TestClient(app)
    r = bare.get("/api/cases")
    assert r.status_code == 401 and r.headers["cache-control"] == "no-store" and "content-security-policy" in r.headers
    big = bare.post("/api/analyze", content=b"x" * (MAX_BODY + 1), headers={"Content-Type": "application/json"})
    assert big.status_code == 413 and big.headers["x-frame-options"] == "DENY"


@pytest.mark.slow
def test_case_pages_and_case_json_are_never_cached(client):
    from conftest import seed_text

    case_id = client.post("/api/cases", json={"text": seed_text("skip-level-forwards-complaint")}).json()["id"]
    for path in (f"/api/cases/{case_id}", f"/cases/{case_id}"):
        r = client.get(path)
        assert r.headers["cache-control"] == "no-store", path
        assert r.headers["x-frame-options"] == "DENY", path


def test_the_token_in_the_address_becomes_a_cookie_and_leaves_the_address(app):
    bare = TestClient(app)
    r = bare.get(f"/?token={TOKEN}", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/"
    assert r.cookies.get("clearair_token") == TOKEN
    assert "httponly" in r.headers["set-cookie"].lower() and "samesite=strict" in r.headers["set-cookie"].lower()
    assert bare.get("/api/cases").status_code == 200  # the cookie now carries it
    kept = TestClient(app).get(f"/api/cases?token={TOKEN}&x=1", follow_redirects=False)
    assert kept.status_code == 303 and kept.headers["location"] == "/api/cases?x=1"  # other parameters stay
    assert TestClient(app).get("/?token=wrong", follow_redirects=False).status_code == 401


def test_docs_never_come_from_a_cdn(client):
    assert client.get("/docs").status_code == 404
    assert client.get("/redoc").status_code == 404
    assert "/api/cases" in client.get("/openapi.json").json()["paths"]


@pytest.mark.parametrize("how", ["query", "bearer", "cookie"])
def test_a_non_ascii_token_is_refused_not_a_server_error(app, how):
    bare = TestClient(app, raise_server_exceptions=False)
    token = "tökén-ü"
    if how == "query":
        r = bare.get(f"/api/cases?token={token}")
    elif how == "bearer":
        r = bare.get("/api/cases", headers={"Authorization": b"Bearer " + token.encode("utf-8")})
    else:
        r = bare.get("/api/cases", headers={"Cookie": b"clearair_token=" + token.encode("utf-8")})
    assert r.status_code == 401


def test_a_non_ascii_csrf_token_is_refused_not_a_server_error(app):
    browser = TestClient(app, raise_server_exceptions=False, headers={"Authorization": f"Bearer {TOKEN}"})
    r = browser.post("/cases", data={"text": "My coworker keeps mocking me in meetings.", "csrf_token": "ünïcode"})
    assert r.status_code == 403


@pytest.mark.parametrize("case_id", [2**63, 2**63 - 1, 10**30, -1, 0])
def test_case_ids_beyond_64_bits_are_no_case_not_a_server_error(app, case_id):
    c = TestClient(app, raise_server_exceptions=False, headers={"Authorization": f"Bearer {TOKEN}"})
    for method, path, body in [("GET", f"/api/cases/{case_id}", None), ("DELETE", f"/api/cases/{case_id}", None),
                               ("POST", f"/api/cases/{case_id}/updates", {"text": "He did it again at the meeting."}),
                               ("POST", f"/api/cases/{case_id}/journal", {"who": "x", "what": "y"}),
                               ("GET", f"/api/cases/{case_id}/shares", None), ("GET", f"/cases/{case_id}", None)]:
        r = c.request(method, path, json=body)
        assert r.status_code in (404, 422), (method, path, r.status_code)


@pytest.mark.parametrize("multi_user", [False, True])
def test_the_pages_own_static_files_need_no_login_and_nothing_else_does(tmp_path, multi_user):
    app = create_app(store_url=f"sqlite:///{tmp_path / 'st.db'}", token=TOKEN, allowed_hosts=("testserver",),
                     multi_user=multi_user)
    bare = TestClient(app)
    assert bare.get("/static/no-such-file.css").status_code == 404  # public, just absent
    assert bare.get("/static/../api/cases").status_code in (401, 404)
    assert bare.get("/staticky", follow_redirects=False).status_code in (401, 303)
    assert bare.post("/static/x.css").status_code in (401, 405)


def test_a_browser_without_the_token_gets_a_page_that_says_what_to_do(app):
    """Issue 13: the bare address after a restart showed raw JSON; the API keeps its JSON answer."""
    page = TestClient(app).get("/")
    assert page.status_code == 401 and page.headers["content-type"].startswith("text/html")
    assert "private address" in page.text and "detail" not in page.text
    api = TestClient(app).get("/api/cases")
    assert api.status_code == 401 and api.json()["detail"]
