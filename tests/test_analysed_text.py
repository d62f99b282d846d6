"""A text that is only analysed, never stored, is refused for a control character as a stored
one is (issue: ``analyze``, ``POST /api/analyze``, the page's analyse form and ``thread`` took an
escape sequence and analysed it, though every storing entrance refused it): the same sentence,
before any analysis. Tabs and line breaks stay text."""

import re

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from clearair.api.app import create_app
from clearair.typed_text import control_problem
from conftest import seed_text

TOKEN = "analysed-text-token"
HIDDEN = f"{seed_text('peer-goes-cold-after-mistake')}\nHe wrote \x1b[8mthis part hidden\x1b[0m in the chat."
LINE = seed_text("peer-goes-cold-after-mistake").count("\n") + 2
#: What every entrance answers: the storing entrances' own sentence.
SENTENCE = control_problem(HIDDEN, "the text")


@pytest.fixture()
def no_analysis(monkeypatch):
    """Any analysis at all fails the test: the refusal comes first."""
    import clearair.llm.engine
    import clearair.pipeline
    import clearair.thread

    def analysed(*_args, **_kwargs):
        raise AssertionError("the text was analysed")

    for module, name in ((clearair.pipeline, "analyze"), (clearair.llm.engine, "analyze_choice"),
                         (clearair.thread, "analyze_thread")):
        monkeypatch.setattr(module, name, analysed)


@pytest.fixture()
def client(tmp_path):
    app = create_app(store_url=f"sqlite:///{tmp_path / 'cases.db'}", token=TOKEN, allowed_hosts=("testserver",))
    return TestClient(app, headers={"Authorization": f"Bearer {TOKEN}"})


def test_the_sentence_is_the_storing_entrances_own():
    assert SENTENCE == (f"the text holds a character that is not text (the control character U+001B, on line "
                        f"{LINE}); remove it and try again")


def test_the_api_refuses_a_control_character_before_analysing(client, no_analysis):
    r = client.post("/api/analyze", json={"text": HIDDEN})
    assert r.status_code == 422
    assert r.json()["detail"] == SENTENCE
    for stray in ("\x01", "\x07", "\x0b", "\x0c", "\x7f"):
        r = client.post("/api/analyze", json={"text": f"He did it again{stray} today, in front of the team."})
        assert r.status_code == 422 and "is not text" in r.json()["detail"], (stray, r.text)


def test_the_api_still_analyses_tabs_and_both_kinds_of_line_break(client):
    text = seed_text("peer-goes-cold-after-mistake").replace("\n", "\r\n") + "\r\n\tHe did it again today."
    r = client.post("/api/analyze", json={"text": text, "engine": "rules"})
    assert r.status_code == 200, r.text
    assert r.json()["recommendations"]


@pytest.mark.parametrize("form", ["/analyze", "/export"])
def test_the_page_refuses_a_control_character_before_analysing(client, no_analysis, form):
    home = client.get("/")
    csrf = re.search(r'name="csrf_token" value="([0-9a-f]+)"', home.text).group(1)
    r = client.post(form, data={"text": HIDDEN, "csrf_token": csrf, "format": "md"}, follow_redirects=False)
    assert r.status_code == 422
    assert "control character U+001B" in r.text and f"on line {LINE}" in r.text
    assert "this part hidden" in r.text  # the typed text comes back to be corrected


@pytest.mark.parametrize("command, what", [(["analyze"], "the text"), (["explain", "let it go"], "the text"),
                                           (["thread"], "the thread")])
def test_the_command_line_refuses_a_control_character_before_analysing(tmp_path, no_analysis, command, what):
    from clearair.cli import app

    source = tmp_path / "letter.txt"
    source.write_text(HIDDEN, encoding="utf-8")
    for args in ([*command, str(source)], [*command, "-"]):
        result = CliRunner().invoke(app, args, input=HIDDEN, env={"COLUMNS": "200"})
        assert result.exit_code == 2, (args, result.output)
        assert control_problem(HIDDEN, what) in " ".join(result.output.split()), result.output
        assert "Traceback" not in result.output
