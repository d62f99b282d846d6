"""The page's forms through FastAPI's test client: every answer is a page, a refused
form keeps what was typed, updates carry a date, journal entries come from the page,
and a read-only share gets neither forms nor a JSON body."""

from __future__ import annotations

import html
import re

import pytest
from fastapi.testclient import TestClient

from clearair.api.app import create_app
from conftest import multi_user_app, seed_text

TOKEN = "page-token-123"
CSRF = re.compile(r'name="csrf_token" value="([0-9a-f]+)"')


def letter() -> str:
    text = seed_text("skip-level-forwards-complaint")
    return text[: text.index('"Proper justice"')]


def is_page(response) -> bool:
    return response.headers["content-type"].startswith("text/html") and "<h1>" in response.text


@pytest.fixture()
def browser(tmp_path):
    app = create_app(store_url=f"sqlite:///{tmp_path / 'forms.db'}", token=TOKEN, allowed_hosts=("testserver",))
    client = TestClient(app)
    client.get(f"/?token={TOKEN}")  # the cookie, as a browser gets it
    return client


def csrf_of(client, path: str = "/") -> str:
    return CSRF.search(client.get(path).text).group(1)


@pytest.mark.parametrize("text, says", [
    ("My boss yelled at me.", "too short"),
    ("My coworker takes credit for my work in every meeting. " * 3700, "too large"),
    ("My coworker takes credit for my work\x00 in every meeting and my manager does not see it at all.", "binary"),
])
def test_a_refused_paste_comes_back_on_the_page_with_the_text(browser, text, says):
    csrf = csrf_of(browser)
    for action in ("/analyze", "/cases", "/export"):
        r = browser.post(action, data={"text": text, "csrf_token": csrf}, follow_redirects=False)
        assert r.status_code == 422 and is_page(r), action
        assert says in re.search(r'id="error"[^>]*>([^<]*)<', r.text).group(1).lower()
        typed = re.search(r'<textarea name="text" id="text"[^>]*>(.*?)</textarea>', r.text, re.S).group(1)
        assert html.unescape(typed) == text


def test_a_forged_form_and_a_missing_case_are_pages(browser):
    for token in ("forged", "é" * 10, ""):
        r = browser.post("/analyze", data={"text": letter(), "csrf_token": token})
        assert r.status_code == 403 and is_page(r)
    for case_id in ("abc", "0", "5", "99999999999999999999999", "١٢"):
        r = browser.get(f"/cases/{case_id}")
        assert r.status_code == 404 and is_page(r), case_id
        r = browser.post(f"/cases/{case_id}/updates", data={"text": "x" * 40, "csrf_token": csrf_of(browser)})
        assert r.status_code == 404 and is_page(r), case_id


_TWO_NOTES = ("I work in a warehouse office. My supervisor keeps finding reasons to get me alone in the stock room. "
              "Twice he has put his hand on my lower back and left it there, and last week he grabbed my hip. When I "
              "moved away he said I'd better get used to it if I want good shifts. I feel sick going in.")


@pytest.mark.slow
def test_fields_are_labelled_and_copy_buttons_are_named_apart(browser):
    home = browser.get("/").text
    assert '<label for="text">' in home
    # serious conduct by the writer's supervisor: the safety floor puts two formal routes first, so the page holds
    # two sets of words whatever the ranking's small moves (a retrain moved a seed's second step to one with none)
    page = browser.post("/analyze", data={"text": _TWO_NOTES, "csrf_token": csrf_of(browser)}).text
    copies = re.findall(r'<button type="button" class="secondary copy"[^>]*>([^<]*)</button>', page)
    assert len(copies) >= 2 and len(set(copies)) == len(copies) and "Copy" not in copies
    assert "<style" not in page and " style=" not in page  # the CSP allows neither
    assert not re.search(r"<script(?![^>]*(src=|type=\"application/json\"))", page)


@pytest.mark.slow
def test_case_updates_with_dates_journal_and_a_read_only_share(tmp_path):
    from clearair.store import CaseStore

    url = f"sqlite:///{tmp_path / 'multi.db'}"
    app, _ = multi_user_app(url, {"alice": "correct horse battery", "bob": "another long secret"})

    def login(name, password):  # through the page's sign-in form, as a person would
        c = TestClient(app)
        form = c.get("/login").text
        r = c.post("/login", data={"username": name, "password": password, "csrf_token": CSRF.search(form).group(1)},
                   follow_redirects=False)
        assert r.status_code == 303
        return c

    alice, bob = login("alice", "correct horse battery"), login("bob", "another long secret")
    csrf = csrf_of(alice)
    case = alice.post("/cases", data={"text": letter(), "csrf_token": csrf}, follow_redirects=False)
    path = case.headers["location"]
    case_id = int(path.rsplit("/", 1)[1])
    page = alice.get(path).text
    assert 'id="update-date"' in page and 'id="journal-form"' in page and 'action="/logout"' in page

    # A date that is not one, and an update that cannot be read: the form comes back with the text.
    r = alice.post(path + "/updates", data={"text": "He apologised in front of the team.", "happened_on": "31/11",
                                            "csrf_token": csrf})
    assert r.status_code == 422 and "He apologised in front of the team." in r.text and "update-error" in r.text
    r = alice.post(path + "/updates", data={"text": "He did it again\x00 today.", "csrf_token": csrf})
    assert r.status_code == 422 and "He did it again" in r.text
    r = alice.post(path + "/updates", data={"text": "He apologised in front of the whole team this morning.",
                                            "happened_on": "2026-11-20", "csrf_token": csrf}, follow_redirects=False)
    assert r.status_code == 303
    r = alice.post(path + "/journal", data={"who": "The director", "what": "Thanked me in the weekly meeting.",
                                            "happened_on": "2026-11-24", "channel": "meeting", "csrf_token": csrf},
                   follow_redirects=False)
    assert r.status_code == 303
    r = alice.post(path + "/journal", data={"who": "", "what": "Nothing", "csrf_token": csrf})
    assert r.status_code == 422 and "journal-error" in r.text
    stored = CaseStore(url).get(case_id, owner="alice")
    assert [v.happened_on.isoformat() for v in stored.versions if v.kind == "update"] == ["2026-11-20"]
    assert [(e.who, e.happened_on.isoformat(), e.channel) for e in stored.journal] == [
        ("The director", "2026-11-24", "meeting")]
    page = alice.get(path).text
    assert "Thanked me in the weekly meeting" in page and "2026-11-20" in page

    home = alice.get("/").text
    assert f'href="{path}"' in home and "Last change" in home

    # Read-only: no forms to add, and a refused write is a page.
    alice.post(path + "/shares", data={"username": "bob", "csrf_token": csrf})
    seen = bob.get(path).text
    assert "Shared with you by alice" in seen
    assert 'id="update-form"' not in seen and 'id="journal-form"' not in seen and 'id="share-form"' not in seen
    bob_csrf = CSRF.search(seen).group(1)
    for action, data in (("/updates", {"text": "I took it over myself today."}),
                         ("/journal", {"who": "me", "what": "took it over"})):
        r = bob.post(path + action, data={**data, "csrf_token": bob_csrf})
        assert r.status_code == 404 and is_page(r)
    assert bob.post(path + "/leave", data={"csrf_token": bob_csrf}, follow_redirects=False).status_code == 303
    assert bob.get(path).status_code == 404
    alice.post(path + "/shares", data={"username": "bob", "can_write": "true", "csrf_token": csrf})
    assert "Stop sharing with bob" in alice.get(path).text and bob.get(path).status_code == 200
    alice.post(path + "/unshare", data={"username": "bob", "csrf_token": csrf})
    assert bob.get(path).status_code == 404 and "Only you can see this case." in alice.get(path).text


def test_a_store_that_cannot_write_answers_with_a_page(browser, monkeypatch):
    from clearair.store.cases import CaseStore
    from clearair.store.errors import StoreFull

    def full(*_args, **_kwargs):
        raise StoreFull("the disk is full; nothing was saved")

    monkeypatch.setattr(CaseStore, "create", full)
    r = browser.post("/cases", data={"text": letter(), "csrf_token": csrf_of(browser)})
    assert r.status_code == 507 and is_page(r) and "nothing was saved" in r.text.lower()


def test_a_form_with_too_many_fields_and_logout_without_accounts_are_pages(browser):
    csrf = csrf_of(browser)
    crowded = {f"field{n}": "x" for n in range(1_100)} | {"csrf_token": csrf}
    for path in ("/cases", "/analyze", "/cases/1/journal", "/logout", "/login"):
        r = browser.post(path, data=crowded)
        assert r.status_code == 400 and is_page(r) and "could not be read" in r.text, path
    out = browser.post("/logout", data={"csrf_token": csrf})
    assert out.status_code == 404 and is_page(out) and "nothing to log out of" in out.text
    assert browser.post("/logout", data={"csrf_token": "0" * 64}).status_code == 403


NURSE = ("I've been at my nursing job three months. Last night the other nurse on shift rolled her eyes at me all "
         "night and refused to help with a heavy patient. I told the nurse manager, but the two of them are friends.")


def _people(page: str) -> str:
    return html.unescape(re.search(r'<p id="people">([^<]*)</p>', page).group(1))


def test_the_writer_can_say_who_it_is_about_on_the_page_and_the_reading_follows(browser):
    """The other side the page read can be corrected from the page: the pasted text is read again with the
    writer's choice, the choice is shown as theirs, and saving the case keeps it."""
    csrf = csrf_of(browser)
    first = browser.post("/analyze", data={"text": NURSE, "csrf_token": csrf}).text
    assert 'id="about-form"' in first and '<label for="about">' in first
    told = browser.post("/analyze", data={"text": NURSE, "about": "manager", "csrf_token": csrf})
    assert told.status_code == 200
    assert _people(told.text).startswith("The other side is your manager, as you told us.")
    assert re.search(r'<option value="manager" selected>', told.text)
    assert re.search(r'<form method="post" action="/cases" id="save-form".*?name="about" value="manager"', told.text,
                     re.S)
    saved = browser.post("/cases", data={"text": NURSE, "about": "manager", "csrf_token": csrf},
                         follow_redirects=True)
    assert _people(saved.text).startswith("The other side is your manager, as you told us.")
    case_path = re.search(r'action="(/cases/\d+)/about"', saved.text).group(1)
    again = browser.post(f"{case_path}/about", data={"about": "", "csrf_token": csrf}, follow_redirects=True)
    assert "as you told us" not in _people(again.text)
    refused = browser.post("/analyze", data={"text": NURSE, "about": "wizard", "csrf_token": csrf})
    assert refused.status_code == 422 and is_page(refused) and "unknown role" in refused.text.lower()


_TWO_NAMED = ("My colleague Amara went on maternity leave and our manager, Tobias, handed me all her accounts on top "
              "of my own with no discussion. I don't blame Amara at all. When I said it was too much, Tobias hinted "
              "that complaining might look bad for my review. How do I push back?")


def test_the_writer_can_name_the_person_it_is_about_on_the_page(browser):
    """The page offers the people the text names beside the roles; choosing one reads the text again with that
    person as the other side, shows the choice as the writer's, and carries it into the save form."""
    csrf = csrf_of(browser)
    first = browser.post("/analyze", data={"text": _TWO_NAMED, "csrf_token": csrf}).text
    assert '<option value="Tobias">Tobias (your manager)</option>' in first
    told = browser.post("/analyze", data={"text": _TWO_NAMED, "about": "Tobias", "csrf_token": csrf})
    assert told.status_code == 200
    assert _people(told.text).startswith("The other side is your manager, as you told us.")
    assert '<option value="Tobias" selected>' in told.text
    assert re.search(r'<form method="post" action="/cases" id="save-form".*?name="about" value="Tobias"', told.text,
                     re.S)
