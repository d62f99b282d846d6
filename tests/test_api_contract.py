"""What the JSON API promises: typed answers in OpenAPI, clear answers when the store cannot write,
"being analysed" instead of an error, and a retried write that is stored once."""

import pytest
from fastapi.testclient import TestClient

from clearair.api.app import create_app
from clearair.store.errors import StoreBusy, StoreFull, StoreReadOnly
from conftest import seed_text

TOKEN = "contract-token"
UPDATE = {"text": "The director apologised publicly at the weekly meeting.", "happened_on": "2026-11-20"}


@pytest.fixture()
def app(tmp_path):
    return create_app(store_url=f"sqlite:///{tmp_path / 'contract.db'}", token=TOKEN, allowed_hosts=("testserver",))


@pytest.fixture()
def client(app):
    return TestClient(app, headers={"Authorization": f"Bearer {TOKEN}"})


def letter():
    text = seed_text("skip-level-forwards-complaint")
    return text[: text.index('"Proper justice"')]


def test_every_json_route_declares_its_answer_in_openapi(client):
    spec = client.get("/openapi.json").json()
    for path, operations in spec["paths"].items():
        for method, op in operations.items():
            for code, answer in op["responses"].items():
                if code == "204":
                    continue
                schema = answer["content"]["application/json"]["schema"]
                assert "$ref" in schema or "$ref" in schema.get("items", {}), (method, path, code)
                if not code.startswith("2"):
                    assert schema == {"$ref": "#/components/schemas/Problem"}, (method, path, code)
    analyze = spec["paths"]["/api/analyze"]["post"]["responses"]["200"]["content"]["application/json"]["schema"]
    assert analyze == {"$ref": "#/components/schemas/Report"}
    case = spec["paths"]["/api/cases/{case_id}"]["get"]["responses"]
    assert case["200"]["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/CaseOut"}
    assert "202" in case  # being analysed
    assert {"Report", "CaseOut", "Outcome", "CaseSummary", "Share", "LoginOut"} <= set(spec["components"]["schemas"])
    assert not any(p.startswith(("/cases", "/login", "/logout", "/analyze")) or p == "/" for p in spec["paths"])


@pytest.mark.slow
def test_typed_answers_keep_their_shape(client):
    report = client.post("/api/analyze", json={"text": letter()}).json()
    assert report["recommendations"] and "counterpart" in report["situation"] and report["provenance"]
    created = client.post("/api/cases", json={"text": letter(), "title": "Forwarded"}).json()
    assert set(created) == {"id", "top_actions"} and created["top_actions"]
    outcome = client.post(f"/api/cases/{created['id']}/updates", json=UPDATE).json()
    assert set(outcome) == {"movement", "pending", "seq", "repeated"} and outcome["seq"] == 2
    case = client.get(f"/api/cases/{created['id']}").json()
    assert case["versions"][1]["happened_on"] == "2026-11-20" and case["versions"][1]["kind"] == "update"
    assert case["journal"] == [] and case["report"]["recommendations"]
    assert client.get("/api/cases").json()[0]["title"] == "Forwarded"


@pytest.mark.slow
@pytest.mark.parametrize("error, status", [(StoreFull, 507), (StoreReadOnly, 503), (StoreBusy, 503)])
def test_store_failures_answer_with_a_plain_message(app, client, monkeypatch, error, status):
    case_id = client.post("/api/cases", json={"text": letter()}).json()["id"]

    def refuse(*_args, **_kwargs):
        raise error("the case store cannot take this write right now; nothing was saved")

    store = app.state.store
    for name in ("update", "log", "create", "delete"):
        monkeypatch.setattr(store, name, refuse)
    plain = TestClient(app, raise_server_exceptions=False, headers={"Authorization": f"Bearer {TOKEN}"})
    for method, path, body in [("POST", f"/api/cases/{case_id}/updates", UPDATE),
                               ("POST", f"/api/cases/{case_id}/journal", {"who": "x", "what": "y"}),
                               ("POST", "/api/cases", {"text": letter()}), ("DELETE", f"/api/cases/{case_id}", None)]:
        r = plain.request(method, path, json=body)
        assert r.status_code == status, (method, path, r.status_code)
        assert r.json() == {"detail": "the case store cannot take this write right now; nothing was saved"}


@pytest.mark.slow
def test_a_case_read_for_the_first_time_answers_being_analysed(app, client, monkeypatch):
    assert client.get("/api/cases").status_code == 200  # opens the store
    store = app.state.store
    monkeypatch.setattr(store, "settle", lambda *_a, **_k: False)  # another process holds the first reading
    case_id = store.create(letter())
    r = client.get(f"/api/cases/{case_id}")
    assert r.status_code == 202, r.text
    assert r.json()["status"] == "being analysed" and r.json()["detail"]
    page = client.get(f"/cases/{case_id}")
    assert page.status_code == 202 and page.headers["content-type"].startswith("text/html")
    assert "being analysed" in page.text
    monkeypatch.undo()
    assert client.get(f"/api/cases/{case_id}").status_code == 200  # once read, it opens


@pytest.mark.slow
@pytest.mark.parametrize("path, body", [("updates", UPDATE),
                                        ("journal", {"who": "the director", "what": "forwarded again"})])
def test_a_retried_write_is_stored_once(client, path, body):
    case_id = client.post("/api/cases", json={"text": letter()}).json()["id"]
    first = client.post(f"/api/cases/{case_id}/{path}", json=body, headers={"Idempotency-Key": "retry-1"})
    again = client.post(f"/api/cases/{case_id}/{path}", json=body, headers={"Idempotency-Key": "retry-1"})
    assert first.status_code == 201 and again.status_code == 201
    assert first.json()["repeated"] is False and again.json()["repeated"] is True
    case = client.get(f"/api/cases/{case_id}").json()
    assert len(case["versions"]) + len(case["journal"]) == 2  # the original and one write
    other = client.post(f"/api/cases/{case_id}/{path}", json=body, headers={"Idempotency-Key": "retry-2"})
    assert other.json()["repeated"] is False  # a new key is a new write
    changed = {**body, **({"what": "shouted at me in the corridor"} if path == "journal"
                          else {"text": "The director denied everything at the weekly meeting."})}
    reused = client.post(f"/api/cases/{case_id}/{path}", json=changed, headers={"Idempotency-Key": "retry-1"})
    assert reused.status_code == 409 and "already used for a different" in reused.json()["detail"]
    case = client.get(f"/api/cases/{case_id}").json()
    assert len(case["versions"]) + len(case["journal"]) == 3  # the refused write left nothing behind
    too_long = client.post(f"/api/cases/{case_id}/{path}", json=body, headers={"Idempotency-Key": "k" * 500})
    assert too_long.status_code == 422


@pytest.mark.slow
def test_the_api_and_the_page_refuse_the_same_journal_input_and_store_nothing(app, client):
    import re

    case_id = client.post("/api/cases", json={"text": letter()}).json()["id"]
    entry = {"who": "the director", "what": "forwarded another email", "happened_on": "2026-11-01"}
    refusals = [({"what": "forwarded\x00 another email"}, "not text"),
                ({"what": "forwarded \x1b[31manother\x1b[0m email"}, "not text"),
                ({"who": "the\u0085director"}, "not text"),
                ({"happened_on": "9999-12-31"}, "in the future"),
                ({"happened_on": "0001-01-01"}, "before 1900"),
                ({"witnesses": "   "}, "blank"),
                ({"witnesses": " , "}, "blank"),
                ({"who": "   "}, "blank")]
    browser = TestClient(app)
    browser.get(f"/?token={TOKEN}")
    csrf = re.search(r'name="csrf_token" value="([0-9a-f]+)"', browser.get(f"/cases/{case_id}").text).group(1)
    for change, says in refusals:
        r = client.post(f"/api/cases/{case_id}/journal", json={**entry, **change})
        assert r.status_code == 422 and says in r.json()["detail"], (change, r.text)
        assert "\\x" not in r.json()["detail"] and "Value error" not in r.json()["detail"]
        if change == {"witnesses": "   "}:
            continue  # on the page that is a field left empty
        page = browser.post(f"/cases/{case_id}/journal", data={**entry, **change, "csrf_token": csrf})
        assert page.status_code == 422 and says in page.text and "journal-error" in page.text, change
    r = client.post(f"/api/cases/{case_id}/updates", json={**UPDATE, "happened_on": "9999-01-01"})
    assert r.status_code == 422 and "in the future" in r.json()["detail"]
    case = client.get(f"/api/cases/{case_id}").json()
    assert case["journal"] == [] and len(case["versions"]) == 1  # nothing refused was stored
    fine = client.post(f"/api/cases/{case_id}/journal", json={**entry, "what": "wrote:\n\tsee the thread"})
    assert fine.status_code == 201  # line breaks and tabs are text
