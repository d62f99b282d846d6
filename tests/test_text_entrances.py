"""Text enters a case the same way through every door: one limit counted in characters,
and no control characters (issue: the body cap counted bytes, so an emoji letter sent as
ordinary escaped JSON was refused far below the limit; and an escape sequence was stored in a
case's text and updates, though journal fields refused it)."""

import json
import re

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from clearair.api.app import create_app
from clearair.api.limits import MAX_BODY
from clearair.intake.reading import MAX_CHARS
from clearair.store import CaseStore
from conftest import seed_text

TOKEN = "entrances-token"
JSON = {"Content-Type": "application/json"}
#: Angry faces: outside the Basic Multilingual Plane, so 4 bytes in UTF-8 and 12 as JSON escapes.
EMOJI = "\U0001F620"


def letter() -> str:
    return seed_text("peer-goes-cold-after-mistake")


def emoji_letter(characters: int) -> str:
    """An English letter followed by emoji up to ``characters`` characters."""
    text = letter() + "\n"
    pairs, odd = divmod(characters - len(text), 2)
    return text + f"{EMOJI} " * pairs + EMOJI * odd


@pytest.fixture()
def client(tmp_path):
    app = create_app(store_url=f"sqlite:///{tmp_path / 'cases.db'}", token=TOKEN, allowed_hosts=("testserver",))
    return TestClient(app, headers={"Authorization": f"Bearer {TOKEN}"})


def csrf_of(page: str) -> str:
    return re.search(r'name="csrf_token" value="([0-9a-f]+)"', page).group(1)


# --- one limit, in characters ----------------------------------------------------------------------
def test_an_emoji_letter_is_accepted_sent_as_escaped_json_or_as_raw_utf8(client):
    text = emoji_letter(72_000)
    escaped = json.dumps({"text": text}).encode("ascii")  # what json.dumps sends by default: \ud83d\ude20
    raw = json.dumps({"text": text}, ensure_ascii=False).encode("utf-8")
    assert len(escaped) > 400_000 and len(raw) < len(escaped)  # well over the old 256,000-byte cap
    for body in (escaped, raw):
        r = client.post("/api/cases", content=body, headers=JSON)
        assert r.status_code == 201, r.text
        opened = client.get(f"/api/cases/{r.json()['id']}")
        assert opened.status_code == 200 and opened.json()["versions"][0]["text"] == text


def test_the_longest_text_fits_under_the_body_cap_in_its_widest_encoding():
    widest = json.dumps({"text": EMOJI * MAX_CHARS, "title": EMOJI * 200, "happened_on": "2026-11-02",
                         "evaluate": False}).encode("ascii")
    assert len(widest) < MAX_BODY < 3 * 1024 * 1024  # generous, and still a cap


def test_a_text_one_character_over_the_limit_is_refused_in_characters(client):
    text = emoji_letter(MAX_CHARS + 1)
    r = client.post("/api/cases", content=json.dumps({"text": text}), headers=JSON)
    assert r.status_code == 422
    detail = r.json()["detail"]
    assert detail == (f"the letter is too long: clearair reads at most {MAX_CHARS:,} characters, and this is "
                      f"{MAX_CHARS + 1:,}; shorten it and send it again")
    case_id = client.post("/api/cases", json={"text": letter()}).json()["id"]
    r = client.post(f"/api/cases/{case_id}/updates", json={"text": "x " * (MAX_CHARS // 2 + 1), "evaluate": False})
    assert r.status_code == 422 and "the update is too long" in r.json()["detail"]
    assert client.get("/api/cases").json()[0]["versions"] == 1  # nothing else was stored


def test_a_body_over_the_cap_is_refused_with_a_sentence_before_it_is_read(client):
    padded = json.dumps({"text": letter(), "pad": "x" * MAX_BODY})
    r = client.post("/api/cases", content=padded, headers=JSON)
    assert r.status_code == 413
    assert r.json()["detail"].startswith(f"request body over {MAX_BODY:,} bytes")
    assert f"{MAX_CHARS:,} characters" in r.json()["detail"]
    assert client.get("/api/cases").json() == []


# --- no control characters, through every door ----------------------------------------------------
HIDDEN = f"{letter()}\nHe wrote \x1b[8mthis part hidden\x1b[0m in the chat."
BELL = "He did it again \x01 today, in front of the whole team."


def test_the_api_refuses_control_characters_in_a_new_case_and_an_update(client):
    r = client.post("/api/cases", json={"text": HIDDEN})
    assert r.status_code == 422
    assert r.json()["detail"] == ("the letter holds a character that is not text (the control character U+001B, "
                                  f"on line {letter().count(chr(10)) + 2}); remove it and try again")
    assert client.get("/api/cases").json() == []
    case_id = client.post("/api/cases", json={"text": letter()}).json()["id"]
    for evaluate in (True, False):
        r = client.post(f"/api/cases/{case_id}/updates", json={"text": BELL, "evaluate": evaluate})
        assert r.status_code == 422 and "control character U+0001" in r.json()["detail"], r.text
    opened = client.get(f"/api/cases/{case_id}")
    assert opened.status_code == 200 and len(opened.json()["versions"]) == 1 and not opened.json()["pending_updates"]
    # tabs and line breaks (either kind) are text
    r = client.post(f"/api/cases/{case_id}/updates", json={"text": "He apologised.\r\n\tThen he did it again."})
    assert r.status_code == 201, r.text
    assert client.get(f"/cases/{case_id}").status_code == 200


def test_the_page_refuses_control_characters_in_a_new_case_and_an_update(client):
    home = client.get("/")
    r = client.post("/cases", data={"text": HIDDEN, "csrf_token": csrf_of(home.text)}, follow_redirects=False)
    assert r.status_code == 422 and "control character U+001B" in r.text
    assert "this part hidden" in r.text  # the typed text comes back to be corrected
    assert client.get("/api/cases").json() == []
    case_id = client.post("/api/cases", json={"text": letter()}).json()["id"]
    page = client.get(f"/cases/{case_id}")
    r = client.post(f"/cases/{case_id}/updates", data={"text": BELL, "csrf_token": csrf_of(page.text)},
                    follow_redirects=False)
    assert r.status_code == 422 and "control character U+0001" in r.text
    assert client.get(f"/cases/{case_id}").status_code == 200
    assert len(client.get(f"/api/cases/{case_id}").json()["versions"]) == 1


def test_the_command_line_refuses_control_characters_in_a_new_case_and_an_update(tmp_path):
    from clearair.cli import app

    url = f"sqlite:///{tmp_path / 'cli.db'}"
    env = {"CLEARAIR_DATABASE_URL": url, "COLUMNS": "200"}
    runner = CliRunner()

    def case(*args):
        return runner.invoke(app, ["case", *args], env=env)

    hidden, bell, good = tmp_path / "hidden.txt", tmp_path / "bell.txt", tmp_path / "letter.txt"
    hidden.write_text(HIDDEN, encoding="utf-8")
    bell.write_text(BELL, encoding="utf-8")
    good.write_text(letter().replace("\n", "\r\n"), encoding="utf-8")  # Windows line ends are text
    refused = case("new", str(hidden))
    assert refused.exit_code == 2 and "control character U+001B" in refused.output, refused.output
    assert CaseStore(url).list() == []
    assert case("new", str(good)).exit_code == 0
    for args in (["update", "1", str(bell)], ["update", "1", str(bell), "--later"],
                 ["update", "1", "--text", "He shouted \x1b[5mat me\x1b[0m again today."]):
        refused = case(*args)
        assert refused.exit_code == 2 and "control character" in refused.output, (args, refused.output)
    assert len(CaseStore(url).get(1).versions) == 1
    shown = case("show", "1")
    assert shown.exit_code == 0, shown.output


def test_the_store_refuses_control_characters_whoever_calls_it(tmp_path):
    """A bulk import or any other caller of the store meets the same check, before the write."""
    from clearair.errors import InputError

    store = CaseStore(f"sqlite:///{tmp_path / 'store.db'}")
    with pytest.raises(InputError, match=r"control character U\+001B"):
        store.create(HIDDEN)
    case_id = store.create(letter())
    for stray in ("\x07", "\x0b", "\x0c", "\x7f", "\x9b"):
        with pytest.raises(InputError, match="not text"):
            store.update(case_id, f"He did it again{stray} today.", evaluate=False)
    assert len(store.get(case_id).versions) == 1
    assert store.open_case(case_id)[1].recommendations


def test_line_breaks_from_a_browser_are_counted_once():
    """A text box's line breaks arrive as CR LF: a text of exactly the limit in characters is taken."""
    from clearair.api.schemas import UpdateIn
    from clearair.intake.reading import MAX_CHARS

    line = "x" * 24 + "\n"
    text = (line * (MAX_CHARS // len(line)))[:MAX_CHARS]
    update = UpdateIn(text=text.replace("\n", "\r\n"))
    assert update.text == text
