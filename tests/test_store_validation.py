"""A refused update is never stored, and a stored case always opens (issue: a rejected
update was saved anyway and blocked the case for its owner and everyone it was shared with)."""

import datetime as dt
import sqlite3

import pytest

from clearair.errors import InputError
from clearair.store import CaseStore
from conftest import seed_text


@pytest.fixture()
def store(tmp_path):
    return CaseStore(f"sqlite:///{tmp_path / 'cases.db'}")


def letter() -> str:
    return seed_text("peer-goes-cold-after-mistake")


def versions(store, case_id):
    return len(store.get(case_id).versions)


@pytest.mark.parametrize("update, why", [
    ("He did it again\u0000 today.", "binary"),
    ("\u041e\u043d \u0441\u043d\u043e\u0432\u0430 \u043d\u0430\u043a\u0440\u0438\u0447\u0430\u043b \u043d\u0430 "
     "\u043c\u0435\u043d\u044f \u043f\u0440\u0438 \u0432\u0441\u0435\u0445 \u0441\u0435\u0433\u043e\u0434\u043d\u044f "
     "\u0443\u0442\u0440\u043e\u043c \u043d\u0430 \u0441\u043e\u0431\u0440\u0430\u043d\u0438\u0438 " * 3, "English"),
])
@pytest.mark.parametrize("evaluate", [True, False])
def test_a_refused_update_is_not_stored_and_the_case_still_opens(store, update, why, evaluate):
    case_id = store.create(letter())
    before = versions(store, case_id)
    with pytest.raises(InputError, match=why):
        store.update(case_id, update, evaluate=evaluate)
    assert versions(store, case_id) == before
    case, report = store.open_case(case_id)  # opens, with the last good advice
    assert report is not None and report.recommendations
    # and a corrective update is accepted and read
    outcome = store.update(case_id, "He apologised to me this morning and said it would not happen again.")
    assert not outcome.pending
    assert versions(store, case_id) == before + 1


def test_the_case_as_a_whole_is_checked_before_the_write(store):
    """Each part fine alone, but the case read as a whole would not be English: refused up front."""
    original = letter()
    case_id = store.create(original)
    mixed = ("\u0421\u0435\u0433\u043e\u0434\u043d\u044f \u043e\u043d \u0441\u043d\u043e\u0432\u0430 " * 800)
    with pytest.raises(InputError):
        store.update(case_id, "Update in English first. " + mixed)
    assert versions(store, case_id) == 1
    assert store.open_case(case_id)[1].recommendations


def test_emoji_original_and_a_long_english_update_are_measured_in_one_unit(store):
    """The reading window and the size limit both count characters: a long English
    update on a case whose original is mostly emoji is read, not refused at open."""
    original = letter() + "\n" + "\U0001F620 " * 35_000  # 175 kB in UTF-8, 72,000 characters
    case_id = store.create(original)
    update = ("My peer ignored my message again this week and left me out of the planning call. " * 370)[:30_000]
    outcome = store.update(case_id, update)
    assert not outcome.pending
    case, report = store.open_case(case_id)
    assert report.recommendations


def _legacy_broken_case(tmp_path):
    """A database as an earlier release left it: schema 0003 and an unreadable update stored."""
    path = tmp_path / "cases.db"
    store = CaseStore(f"sqlite:///{path}")
    case_id = store.create(letter())
    store.engine.dispose()
    con = sqlite3.connect(path)
    for column in ("part_chars", "part_words", "part_common_words"):  # undo 0006
        con.execute(f"ALTER TABLE versions DROP COLUMN {column}")
    for table in ("versions", "journal"):  # undo 0005
        con.execute(f"DROP INDEX uq_{table}_case_key")
        con.execute(f"ALTER TABLE {table} DROP COLUMN idempotency_key")
    con.execute("ALTER TABLE versions DROP COLUMN unreadable")
    con.execute("UPDATE alembic_version SET version_num = '0003'")
    con.execute("INSERT INTO versions (case_id, seq, kind, text, created_at) VALUES (?, 2, 'update', ?, ?)",
                (case_id, "He did it again\u0000 today.", dt.datetime.now().isoformat(sep=" ")))
    con.commit()
    con.close()
    return path, case_id


def test_the_migration_repairs_a_case_broken_by_an_earlier_release(tmp_path):
    path, case_id = _legacy_broken_case(tmp_path)
    store = CaseStore(f"sqlite:///{path}")  # migrates to head
    case, report = store.open_case(case_id)
    assert report.recommendations
    bad = [v for v in case.versions if v.seq == 2][0]
    assert bad.text == "He did it again\u0000 today."  # nothing is lost
    assert bad.unreadable and "binary" in bad.unreadable
    store.update(case_id, "She finally talked to me today and we cleared the air about the project.")
    assert versions(store, case_id) == 3


def test_a_version_that_fails_at_reading_is_set_aside_and_the_case_opens(store):
    """Whatever slips past the checks (here: written straight into the table), the
    evaluation marks it unreadable instead of failing every open."""
    from clearair.store.schema import Version

    case_id = store.create(letter())
    with store.writing() as s:
        s.add(Version(case_id=case_id, seq=2, kind="update", text="It happened again\u0000 on Monday."))
    case, report = store.open_case(case_id)
    assert report.recommendations
    assert [v.unreadable for v in case.versions if v.seq == 2][0]
    assert store.open_case(case_id)[1].recommendations  # and again, with nothing pending


def test_api_and_page_refuse_an_unreadable_update_and_the_case_still_opens(tmp_path):
    import re

    from fastapi.testclient import TestClient

    from clearair.api.app import create_app

    app = create_app(store_url=f"sqlite:///{tmp_path / 'api.db'}", token="t0k", allowed_hosts=("testserver",))
    client = TestClient(app, headers={"Authorization": "Bearer t0k"})
    case_id = client.post("/api/cases", json={"text": letter()}).json()["id"]
    r = client.post(f"/api/cases/{case_id}/updates", json={"text": "He did it again\u0000 today."})
    assert r.status_code == 422 and "binary" in r.json()["detail"]
    cyrillic = "\u041e\u043d \u0441\u043d\u043e\u0432\u0430 \u043d\u0430\u043a\u0440\u0438\u0447\u0430\u043b " * 5
    r = client.post(f"/api/cases/{case_id}/updates", json={"text": cyrillic, "evaluate": False})
    assert r.status_code == 422
    page = client.get(f"/cases/{case_id}")
    csrf = re.search(r'name="csrf_token" value="([0-9a-f]+)"', page.text).group(1)
    client.post(f"/cases/{case_id}/updates", data={"text": "Again\u0000 today.", "csrf_token": csrf})
    case = client.get(f"/api/cases/{case_id}")
    assert case.status_code == 200
    assert [v["kind"] for v in case.json()["versions"]] == ["original"]
    assert client.get(f"/cases/{case_id}").status_code == 200


def test_cli_refuses_an_unreadable_update_file_and_show_still_works(tmp_path):
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k != "CLEARAIR_DATABASE_URL"}
    env["XDG_DATA_HOME"] = str(tmp_path)
    bad = tmp_path / "cyrillic.txt"
    bad.write_text("\u041e\u043d \u0441\u043d\u043e\u0432\u0430 \u043d\u0430\u043a\u0440\u0438\u0447\u0430\u043b " * 5,
                   encoding="utf-8")
    good = tmp_path / "letter.txt"
    good.write_text(letter(), encoding="utf-8")

    def case(*args):
        return subprocess.run([sys.executable, "-m", "clearair", "case", *args], capture_output=True,
                              timeout=120, env=env)

    assert case("new", str(good)).returncode == 0
    refused = case("update", "1", str(bad))
    assert refused.returncode == 2 and refused.stderr.decode().startswith("clearair:")
    assert b"English" in refused.stderr
    show = case("show", "1")
    assert show.returncode == 0, show.stderr


def test_an_update_of_only_invisible_characters_is_refused_everywhere(tmp_path):
    """Bidi overrides or zero-width marks alone would store an empty-looking version."""
    from fastapi.testclient import TestClient

    from clearair.api.app import create_app

    app = create_app(store_url=f"sqlite:///{tmp_path / 'api.db'}", token="t0k", allowed_hosts=("testserver",))
    client = TestClient(app, headers={"Authorization": "Bearer t0k"})
    case_id = client.post("/api/cases", json={"text": letter()}).json()["id"]
    for invisible in ("\u202e\u202e\u202e", " \u200b \u2066 ", "\n\n"):
        r = client.post(f"/api/cases/{case_id}/updates", json={"text": invisible, "evaluate": False})
        assert r.status_code == 422 and "blank" in r.json()["detail"], invisible
    assert [v["kind"] for v in client.get(f"/api/cases/{case_id}").json()["versions"]] == ["original"]


def test_the_api_reads_dates_as_the_page_and_the_cli_do(tmp_path):
    """One reading of a day for all three ways in: YYYY-MM-DD, nothing else, with one sentence."""
    from fastapi.testclient import TestClient

    from clearair.api.app import create_app
    from clearair.api.checks import NOT_A_DAY

    app = create_app(store_url=f"sqlite:///{tmp_path / 'api.db'}", token="t0k", allowed_hosts=("testserver",))
    client = TestClient(app, headers={"Authorization": "Bearer t0k"})
    case_id = client.post("/api/cases", json={"text": letter()}).json()["id"]
    for odd_day in ("20261101", "2026-W44-1", 1700000000, "2026-11-01T10:00:00"):
        r = client.post(f"/api/cases/{case_id}/journal",
                        json={"who": "boss", "what": "shouted", "happened_on": odd_day})
        assert r.status_code == 422 and r.json()["detail"] == NOT_A_DAY, (odd_day, r.text)
    r = client.post(f"/api/cases/{case_id}/journal",
                    json={"who": "boss", "what": "shouted", "happened_on": "2026-11-01"})
    assert r.status_code in (200, 201), r.text
    assert [e["happened_on"] for e in client.get(f"/api/cases/{case_id}").json()["journal"]] == ["2026-11-01"]
