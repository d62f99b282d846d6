"""Model mode against a real, scripted OpenAI-compatible server on 127.0.0.1 (tests/llm_fake.py).

No model is needed, and nothing here connects anywhere but 127.0.0.1: the
remote-host tests build the request and block every HTTP client.
"""

from __future__ import annotations

import copy
import json
import logging
import re
import stat
import time
from importlib import resources

import pytest
from typer.testing import CliRunner

from clearair.errors import InputError
from clearair.knowledge import load
from clearair.llm import RemoteRefused, Settings
from clearair.llm import answer as A
from clearair.llm import client as llm_client
from clearair.llm.checks import find_quote
from clearair.llm.config import host_kind
from clearair.llm.engine import analyze_with_model, set_default_progress
from llm_fake import MODEL, FakeLLM, closed_url, ok, rejects_json_schema, slow, status, streamed

LETTER = resources.files("clearair").joinpath("examples/peer-undermines-report.txt").read_text(encoding="utf-8")
KEY = "sk-test-Zq81-very-secret-key"

NAMED = """I manage a team of four analysts at Northwind Logistics in Leeds. Last week my colleague Marcus Bell, who leads the finance team, told our director Priya Shah in a meeting that my team's forecast was "sloppy work". Marcus did not raise it with me first.

This has happened three times since March. I asked Marcus about it over coffee and he said he was only being honest. My report Tomasz Nowak was upset after the meeting.

I am thinking of emailing Priya to set the record straight. You can reach me at jo.reed@example.com.

-- Jo Reed
"""
NAMES = ["Marcus", "Bell", "Priya", "Shah", "Northwind", "Leeds", "Tomasz", "Nowak", "jo.reed", "Reed"]

PROSE = """Start with the client, because that is where the damage is still live. Your peer told a client, in the middle of your report's presentation, that the figures were wrong, and they were not. The client has since asked which numbers to trust. Until someone from your side answers that question plainly, the doubt he planted keeps working. Send the client a short, factual note today: the figures presented were correct, a filter explains the difference, and here is the one set to use. No blame, no adjectives, no mention of him.

Then talk to him privately, and this time be specific. You raised it once and he called it being thorough. Thoroughness would have meant a quiet word with you before the call, not a correction in front of a customer. Name the pattern, three or four corrections of your team in meetings over two months, and ask for one simple change: questions about your team's numbers come to you first, privately.

Back up your report, too. Being contradicted in front of a client is rattling, and they need to hear from you that their work was right and that you will handle the rest. A short conversation now will matter more to them than anything you say to him.

If the pattern continues after that conversation, take it to his manager with dates and examples, telling him first that you will. Keep dated notes from now on so that step rests on facts rather than feelings.

What to avoid: a reply-all to correct him, or venting to colleagues about him. Both would make you the story. And because you start a new role next month, do the client note and the private talk this week, so your report is not left to handle him alone."""

GOOD = {
    "reading": {
        "counterpart": "a peer who runs the data engineering team", "counterpart_role": "peer",
        "counterpart_quote": "A peer of mine who runs the data engineering team",
        "writer_manages_people": True, "manages_quote": "I lead a small analytics team",
        "pattern": "recurring", "pattern_quote": "This is not the first time",
        "writer_share_of_fault": "none", "fault_quote": "",
        "severity": "moderate", "severity_quote": "he has corrected my team in meetings three or four times",
    },
    "answer": PROSE,
    "actions": [
        {"action": "REPAIR_EXTERNAL", "reasons": [
            {"text": "the client is unsure which figures to trust",
             "quote": "the client asked us afterwards by email which numbers to trust"}]},
        {"action": "TALK_DIRECT", "reasons": [
            {"text": "one private talk did not change the pattern, so a more specific one is due",
             "quote": "I talked to him once in private"},
            {"text": "he corrects your team in public instead of coming to you",
             "quote": "instead of raising things with me first"}]},
        {"action": "COACH_REPORT", "reasons": [
            {"text": "your report was contradicted in front of a client", "quote": "My report was shaken"}]},
        {"action": "ESCALATE_THEIR_MANAGER", "reasons": [
            {"text": "if it continues, his manager needs the facts", "quote": "His manager is relaxed about it"}]},
        {"action": "DOCUMENT", "reasons": [{"text": "it keeps happening", "quote": "This is not the first time"}]},
    ],
    "avoid": [{"action": "PUBLIC_CALLOUT", "why": "Correcting him in front of others would repeat what he did to your report.",
               "quote": ""}],
    "options": [
        {"option": "Email the client to clarify the numbers",
         "quote": "I am thinking of sending the client a short email to clarify the numbers",
         "action": "CLARIFY_RECORD", "verdict": "recommended",
         "reason": "The client asked which numbers to trust; one clear answer settles it."},
        {"option": "A meeting with him and his manager", "quote": "asking for a meeting with him and his manager",
         "action": "MEDIATE", "verdict": "reasonable", "reason": "Worth it after a private talk, not before."},
    ],
    "scripts": [
        {"kind": "opener", "text": "Have you got fifteen minutes this week? I want to talk about the client call on Tuesday."},
        {"kind": "email", "text": "Hello,\n\nTo confirm: the figures we presented on Tuesday are correct; a filter explains "
                                  "the difference you saw. Please use those.\n\nBest regards"},
    ],
    "perspectives": [
        {"persona": "pragmatist", "action": "REPAIR_EXTERNAL", "view": "Fix what the client believes first; the rest can wait a week."},
        {"persona": "advocate", "action": "TALK_DIRECT", "view": "He has done this three or four times; tell him plainly it stops."},
        {"persona": "diplomat", "action": "TALK_DIRECT", "view": "A calm private talk keeps the working relationship intact."},
        {"persona": "hr", "action": "DOCUMENT", "view": "Keep dated notes so any next step rests on facts."},
    ],
}
MODEL_TOP = ["REPAIR_EXTERNAL", "TALK_DIRECT", "COACH_REPORT", "ESCALATE_THEIR_MANAGER", "DOCUMENT"]


def good(**changes) -> dict:
    answer = copy.deepcopy(GOOD)
    answer.update(changes)
    return answer


# --- fixtures ---------------------------------------------------------------------------
@pytest.fixture(scope="module")
def offline():
    from clearair import analyze

    return analyze(LETTER)


@pytest.fixture()
def fake():
    server = FakeLLM().start()
    yield server
    server.stop()


@pytest.fixture(autouse=True)
def _isolated(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    for var in ("CLEARAIR_LLM_URL", "CLEARAIR_LLM_MODEL", "CLEARAIR_LLM_API_KEY", "CLEARAIR_LLM_ALLOW_REMOTE",
                "CLEARAIR_LLM_TIMEOUT", "CLEARAIR_LLM_CACHE", "CLEARAIR_DATABASE_URL"):
        monkeypatch.delenv(var, raising=False)
    llm_client._accepted.clear()
    set_default_progress(None)
    yield
    set_default_progress(None)


@pytest.fixture()
def no_network(monkeypatch):
    """Any attempt to make an HTTP client fails the test."""
    def refuse(*args, **kwargs):
        raise AssertionError("this test must not open a connection")
    monkeypatch.setattr(llm_client.httpx, "Client", refuse)


@pytest.fixture()
def letter_file(tmp_path):
    path = tmp_path / "situation.txt"
    path.write_text(LETTER, encoding="utf-8")
    return path


def settings_for(url: str, tmp_path, **changes) -> Settings:
    return Settings(url=url, model=MODEL, cache_dir=tmp_path / "cache", **{"timeout": 10.0, **changes})


def evidence_of(report) -> list[dict]:
    """Every Evidence in the report (dicts with exactly start, end and text)."""
    found = []

    def walk(value):
        if isinstance(value, dict):
            if set(value) == {"start", "end", "text"}:
                found.append(value)
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)
    walk(report.model_dump())
    return found


def assert_offsets_are_clearairs(report, text: str) -> None:
    for ev in evidence_of(report):
        assert text[ev["start"]:ev["end"]] == ev["text"], ev


def flat(text: str) -> str:
    """Terminal output without Rich's line wrapping."""
    return " ".join(text.split())


def run_cli(*args, env: dict | None = None):
    from clearair.cli import app

    return CliRunner().invoke(app, [str(a) for a in args], env=env, catch_exceptions=False)


# --- the good path ------------------------------------------------------------------------
def test_a_good_answer_leads_the_report_and_is_checked(fake, offline, tmp_path):
    fake.add(ok(GOOD))
    report = analyze_with_model(LETTER, settings_for(fake.url, tmp_path), offline=offline)

    assert report.answer.startswith("Start with the client") and 250 <= len(report.answer.split()) <= 400
    assert report.top_actions(5) == MODEL_TOP
    playbook = load("playbook")["actions"]
    assert [r.title for r in report.recommendations] == [playbook[a]["title"] for a in MODEL_TOP]
    p = report.provenance
    assert (p.reading, p.ranking, p.model, p.server) == (f"llm:{MODEL}", f"llm:{MODEL}", MODEL, f"127.0.0.1:{fake.port}")
    assert (p.prompt_tokens, p.completion_tokens, p.quotes_dropped, p.cached, p.fallback_reason) == (1200, 600, 0, False, None)
    assert p.latency_ms is not None and p.latency_ms >= 0 and not p.anonymised
    # Offsets are clearair's: every quote is a slice of the letter, at the place it occurs.
    assert_offsets_are_clearairs(report, LETTER)
    talk = report.recommendations[1].reasons[0].evidence[0]
    assert (talk.start, talk.text) == (LETTER.index("I talked to him once in private"), "I talked to him once in private")
    # The rest of the answer is mapped onto clearair's models.
    assert [(v.action, v.verdict) for v in report.option_verdicts] == [("CLARIFY_RECORD", "recommended"), ("MEDIATE", "reasonable")]
    assert [a.action for a in report.avoid] == ["PUBLIC_CALLOUT"]
    assert next(s for s in report.scripts if s.kind == "opener").text.startswith("Have you got fifteen minutes")
    assert report.recommendations[1].script.startswith("Have you got fifteen minutes")  # TALK_DIRECT's script kind
    kinds = [s.kind for s in report.scripts]  # the model's scripts, plus clearair's that fit its top advice
    assert "opener" in kinds and set(kinds) <= set(A.SCRIPT_KINDS) and len(kinds) == len(set(kinds))
    assert [(x.name, x.top_action, x.disagrees_with_main) for x in report.perspectives][:2] == [
        ("pragmatist", "REPAIR_EXTERNAL", False), ("advocate", "TALK_DIRECT", True)]
    assert "repair things with the customer" in report.summary.lower()
    # The offline report it started from is untouched.
    assert offline.answer == "" and offline.provenance.ranking == "rules"

    # One request, as specified.
    (request,) = fake.chats
    body = request["body"]
    assert (body["model"], body["temperature"], body["seed"], body["stream"]) == (MODEL, 0, 42, True)
    assert body["response_format"]["type"] == "json_schema"
    assert body["response_format"]["json_schema"]["schema"] == A.schema() == A.Answer.model_json_schema(
        schema_generator=A._Untitled)
    system, user = body["messages"]
    assert system["role"] == "system" and "JSON schema of the answer" in system["content"]
    assert json.dumps(A.schema(), separators=(",", ":")) in system["content"]
    assert all(code in system["content"] for code in load("playbook")["actions"])
    assert user["role"] == "user" and f"<letter>\n{LETTER.strip()}\n</letter>" in user["content"]
    assert "clearair's own reading" in user["content"] and "similar cases" in user["content"]


def test_the_terminal_shows_the_answer_and_where_the_text_went(fake, letter_file):
    fake.add(ok(GOOD))
    result = run_cli("analyze", "--llm", fake.url, "--model", MODEL, "--no-cache", letter_file)
    assert result.exit_code == 0, result.output
    out = flat(result.stdout)
    assert "Answer" in out and "Start with the client" in out
    assert out.index("Start with the client") < out.index("What you should do")  # the answer leads
    assert "on this machine (127.0.0.1:" in out and "as you wrote it" in out
    assert "Repair things with the customer" in out
    assert not re.search(r"[+-]\d\.\d\d", out)  # a model ranks; no made-up scores


def test_a_streamed_answer_is_assembled(fake, offline, tmp_path):
    fake.add(streamed(GOOD, pieces=9))
    report = analyze_with_model(LETTER, settings_for(fake.url, tmp_path), offline=offline)
    assert report.provenance.fallback_reason is None
    assert report.top_actions(5) == MODEL_TOP and report.answer.startswith("Start with the client")
    assert (report.provenance.prompt_tokens, report.provenance.completion_tokens) == (1300, 700)
    assert fake.chats[0]["body"]["stream_options"] == {"include_usage": True}


def test_a_server_without_json_schema_gets_json_mode_and_is_remembered(fake, offline, tmp_path):
    fake.default = rejects_json_schema(ok(GOOD))
    s = settings_for(fake.url, tmp_path, cache=False)
    first = analyze_with_model(LETTER, s, offline=offline)
    assert first.top_actions(5) == MODEL_TOP
    assert [c["body"].get("response_format", {}).get("type") for c in fake.chats] == ["json_schema", "json_object"]
    analyze_with_model(LETTER, s, offline=offline)
    assert len(fake.chats) == 3 and fake.chats[2]["body"]["response_format"]["type"] == "json_object"


# --- repair and the checks -------------------------------------------------------------------
def test_invalid_json_is_repaired_once(fake, offline, tmp_path):
    broken = "Sure! Here is my answer: {\"reading\": {\"counterpart\": \"a peer\", "
    fake.add(ok(broken), ok(GOOD))
    report = analyze_with_model(LETTER, settings_for(fake.url, tmp_path), offline=offline)
    assert report.provenance.fallback_reason is None and report.top_actions(5) == MODEL_TOP
    assert (report.provenance.prompt_tokens, report.provenance.completion_tokens) == (2400, 1200)  # both calls
    assert len(fake.chats) == 2
    repair = fake.chats[1]["body"]["messages"]
    assert repair[:2] == fake.chats[0]["body"]["messages"]
    assert repair[2] == {"role": "assistant", "content": broken}
    assert repair[3]["role"] == "user" and "could not be used" in repair[3]["content"]


def test_invalid_json_twice_falls_back_to_the_offline_report(fake, offline, tmp_path):
    fake.add(ok("I think you should talk to him."), ok("{still not json"), ok(GOOD))
    report = analyze_with_model(LETTER, settings_for(fake.url, tmp_path), offline=offline)
    assert len(fake.chats) == 2  # one repair, no more
    assert "could not be read, even after one repair" in report.provenance.fallback_reason
    assert report.top_actions(17) == offline.top_actions(17) and report.answer == ""
    assert report.notes[0].startswith("The model's advice is not shown because the model's answer could not be read")
    assert report.provenance.ranking == "rules" and report.provenance.model == MODEL


def test_quotes_not_in_the_letter_are_dropped_and_counted(fake, offline, tmp_path):
    answer = good()
    answer["actions"][0]["reasons"][0]["quote"] = "the client threatened to cancel the whole contract"  # invented
    answer["actions"][2]["reasons"][0]["quote"] = "my report cried in the car park"  # invented
    # Found despite differences of whitespace, quote marks and case:
    answer["actions"][1]["reasons"][1]["quote"] = "He   interrupted my report in front of the client and said the figures were \u201cobviously wrong\u201d"
    answer["actions"][4]["reasons"][0]["quote"] = "'just being thorough'"
    fake.add(ok(answer))
    report = analyze_with_model(LETTER, settings_for(fake.url, tmp_path), offline=offline)

    assert report.provenance.quotes_dropped == 2 and "read it with care" not in " ".join(report.notes)
    dumped = report.model_dump_json()
    assert "cancel the whole contract" not in dumped and "cried in the car park" not in dumped
    assert report.recommendations[0].reasons[0].evidence == []  # the reason stays, its false quote does not
    found = report.recommendations[1].reasons[1].evidence[0]
    assert found.text == 'he interrupted my report in front of the client and said the figures were "obviously wrong"'
    assert report.recommendations[4].reasons[0].evidence[0].text == '"just being thorough"'  # marks as the model had them
    assert_offsets_are_clearairs(report, LETTER)
    assert any(n.startswith("2 quotations the model gave could not be found in your words") for n in report.notes)

    # An answer none of whose quotations is in the letter says so louder (it may be about another letter).
    from clearair.similar import library

    other = library()[0]["situation"]
    fake.add(ok(GOOD))
    report = analyze_with_model(other, settings_for(fake.url, tmp_path))
    assert report.provenance.quotes_dropped == 12
    assert report.notes[0].startswith("None of the 12 quotations the model gave could be found in your words")
    assert_offsets_are_clearairs(report, other)


def test_never_recommended_codes_only_appear_under_what_not_to_do(fake, offline, tmp_path):
    answer = good()
    answer["actions"].insert(0, {"action": "RETALIATE", "reasons": [{"text": "show him how it feels", "quote": ""}]})
    answer["actions"].insert(2, {"action": "FIGHT_BACK", "reasons": []})  # not a code at all
    answer["options"][0].update(action="PUBLIC_CALLOUT", verdict="recommended")
    fake.add(ok(answer))
    report = analyze_with_model(LETTER, settings_for(fake.url, tmp_path), offline=offline)

    assert report.top_actions(5) == MODEL_TOP
    assert not {"RETALIATE", "GOSSIP", "PUBLIC_CALLOUT"} & {r.action for r in report.recommendations}
    assert not {"RETALIATE", "GOSSIP", "PUBLIC_CALLOUT"} & {p.top_action for p in report.perspectives}
    avoid = {a.action: a for a in report.avoid}
    assert avoid["RETALIATE"].why == load("playbook")["tempting"]["RETALIATE"]["why"]
    assert report.option_verdicts[0].verdict == "not advised"
    notes = " ".join(report.notes)
    assert "The model suggested getting even" in notes and "1 of the model's suggestions" in notes
    assert "RETALIATE" not in notes and "FIGHT_BACK" not in report.model_dump_json()


def test_an_unknown_role_keeps_clearairs_reading(fake, offline, tmp_path):
    answer = good()
    answer["reading"]["counterpart_role"] = "nemesis"
    fake.add(ok(answer))
    report = analyze_with_model(LETTER, settings_for(fake.url, tmp_path), offline=offline)
    assert report.provenance.reading == "rules" and report.provenance.ranking == f"llm:{MODEL}"
    assert report.situation == offline.situation and report.signals == offline.signals
    assert report.top_actions(5) == MODEL_TOP
    assert any("role in a way clearair does not recognise" in n for n in report.notes)
    assert "nemesis" not in report.model_dump_json()


def test_the_models_reading_is_applied(fake, offline, tmp_path):
    answer = good()
    answer["reading"].update(counterpart_role="peers_manager", pattern="one_off", writer_share_of_fault="some",
                             fault_quote="a filter had been applied that he did not know about", severity="high")
    fake.add(ok(answer))
    report = analyze_with_model(LETTER, settings_for(fake.url, tmp_path), offline=offline)
    s = report.situation
    assert s.party(s.counterpart).role == "peers_manager" and not s.pattern.recurring
    signals = {x.name: x for x in report.signals}
    assert signals["narrator_at_fault"].strength == 0.5 and "severity" in signals and "one_off" in signals
    assert signals["narrator_at_fault"].evidence[0].text == "a filter had been applied that he did not know about"
    assert_offsets_are_clearairs(report, LETTER)


def test_the_writers_word_on_who_it_is_about_outweighs_the_models(fake, tmp_path):
    """With ``about``, the request tells the model the writer gave the role, and a model that reads another role
    (or quotes someone else) does not move the other side."""
    answer = good()
    answer["reading"].update(counterpart_role="peers_manager")
    fake.add(ok(answer))
    report = analyze_with_model(LETTER, settings_for(fake.url, tmp_path), about="manager")
    s = report.situation
    assert s.counterpart_from_writer and s.party(s.counterpart).role == "manager"
    assert report.provenance.ranking == f"llm:{MODEL}"
    sent = json.dumps(fake.chats[-1]["body"]["messages"])
    assert "the writer said so themselves: keep this role" in sent
    assert_offsets_are_clearairs(report, LETTER)


def test_lengths_are_bounded(fake, offline, tmp_path):
    answer = good(answer=" ".join([PROSE] * 3))
    answer["actions"] += [{"action": code, "reasons": [{"text": "x " * 400, "quote": ""}]}
                          for code in ("WAIT", "SET_BOUNDARY", "MEDIATE", "EXIT")]
    fake.add(ok(answer))
    report = analyze_with_model(LETTER, settings_for(fake.url, tmp_path), offline=offline)
    assert len(report.answer.split()) <= A.MAX_ANSWER_WORDS and report.answer.endswith(".")
    assert len(report.recommendations) == A.MAX_ACTIONS
    assert all(len(r.text) <= A.MAX_REASON + 1 for rec in report.recommendations for r in rec.reasons)
    assert any("shortened" in n for n in report.notes)


# --- the floor ----------------------------------------------------------------------------
def _assert_offline_with_reason(report, offline, reason: str) -> None:
    assert reason in report.provenance.fallback_reason
    assert report.top_actions(17) == offline.top_actions(17) and report.answer == ""
    assert report.provenance.ranking == "rules" and report.provenance.reading == "rules"
    assert report.notes[0] == (f"The model's advice is not shown because {report.provenance.fallback_reason}; "
                               "this is clearair's own offline reading and advice.")


def test_a_slow_answer_past_the_timeout_falls_back(fake, offline, tmp_path):
    fake.add(slow(3, ok(GOOD)))
    started = time.monotonic()
    report = analyze_with_model(LETTER, settings_for(fake.url, tmp_path, timeout=0.5), offline=offline)
    assert time.monotonic() - started < 2.5
    _assert_offline_with_reason(report, offline, "the model did not answer within 0.5 seconds")


def test_http_500_falls_back(fake, offline, tmp_path):
    fake.add(status(500))
    report = analyze_with_model(LETTER, settings_for(fake.url, tmp_path), offline=offline)
    _assert_offline_with_reason(report, offline, "the model server answered with an error (HTTP 500)")
    assert len(fake.chats) == 1


def test_connection_refused_falls_back(offline, tmp_path):
    url = closed_url()
    report = analyze_with_model(LETTER, settings_for(url, tmp_path), offline=offline)
    _assert_offline_with_reason(report, offline, f"the model server at {url.split('/')[2]} refused the connection")


def test_an_empty_ranking_falls_back(fake, offline, tmp_path):
    fake.add(ok(good(actions=[{"action": "GOSSIP", "reasons": []}])))
    report = analyze_with_model(LETTER, settings_for(fake.url, tmp_path), offline=offline)
    _assert_offline_with_reason(report, offline, "the model ranked no course of action clearair could use")


FAILURES = {
    "http_500": lambda fake: [status(500)],
    "invalid_twice": lambda fake: [ok("no"), ok("{nope")],
    "timeout": lambda fake: [slow(2, ok(GOOD))],
    "refused": None,
}


@pytest.mark.parametrize("path", ["good", *FAILURES])
def test_what_a_case_file_stores_on_each_path(path, fake, tmp_path):
    from clearair.llm.cli import attach_to_store
    from clearair.llm.history import engines_by_seq
    from clearair.pipeline import analyze_case
    from clearair.store import CaseStore

    url = closed_url() if path == "refused" else fake.url
    fake.add(*([ok(GOOD)] if path == "good" else FAILURES[path](fake) if FAILURES[path] else []))
    store = attach_to_store(CaseStore(f"sqlite:///{tmp_path / 'cases.db'}"),
                            settings_for(url, tmp_path, timeout=0.5, cache=False))
    case_id = store.create(LETTER, title="peer")
    fake.add(status(500))  # the update's re-reading: the model fails, the update is kept
    store.update(case_id, "He apologised to the client by email today and copied me in.")

    case, latest = store.open_case(case_id)
    assert [v.kind for v in case.versions] == ["original", "update"]  # nothing typed is lost
    with store.read() as s:
        from sqlalchemy import select

        from clearair.store.schema import ReportRecord, Version
        first_json = s.scalar(select(ReportRecord.report_json).join(Version).where(Version.seq == 1))
    from clearair.models import Report

    first = Report.model_validate_json(first_json)
    if path == "good":
        assert first.provenance.ranking == f"llm:{MODEL}" and first.answer.startswith("Start with the client")
        assert first.top_actions(5) == MODEL_TOP
    else:
        assert first.provenance.fallback_reason and first.provenance.ranking == "rules" and first.answer == ""
        assert first.top_actions(5) == analyze_case(LETTER).top_actions(5)
        assert first.notes[0].startswith("The model's advice is not shown because")
    assert latest.provenance.fallback_reason == "the model server answered with an error (HTTP 500)" or path == "refused"
    engines = engines_by_seq(store, case_id)
    assert engines[2] == "clearair's offline engine (the model could not be used)"
    assert engines[1] == (f"the model {MODEL}" if path == "good" else "clearair's offline engine (the model could not be used)")


# --- the answer cache -----------------------------------------------------------------------
def test_answers_are_cached_by_request_and_the_cache_can_be_skipped(fake, offline, tmp_path):
    fake.default = ok(GOOD)
    s = settings_for(fake.url, tmp_path)
    first = analyze_with_model(LETTER, s, offline=offline)
    second = analyze_with_model(LETTER, s, offline=offline)
    assert len(fake.chats) == 1 and second.provenance.cached and not first.provenance.cached
    assert second.model_dump(exclude={"provenance"}) == first.model_dump(exclude={"provenance"})
    files = [p for p in (tmp_path / "cache").rglob("*.json")]
    assert len(files) == 1 and stat.S_IMODE(files[0].stat().st_mode) == 0o600
    analyze_with_model(LETTER, s.with_(cache=False), offline=offline)
    analyze_with_model(LETTER, s.with_(model="another-model"), offline=offline)  # another model: another key
    assert len(fake.chats) == 3


def test_a_failed_answer_is_not_cached(fake, offline, tmp_path):
    fake.add(ok(good(actions=[])), ok(GOOD))
    s = settings_for(fake.url, tmp_path)
    assert analyze_with_model(LETTER, s, offline=offline).provenance.fallback_reason
    assert analyze_with_model(LETTER, s, offline=offline).top_actions(5) == MODEL_TOP
    assert len(fake.chats) == 2


# --- privacy --------------------------------------------------------------------------------
def test_host_classification_needs_no_dns():
    for host in ("127.0.0.1", "127.5.6.7", "::1", "[::1]", "localhost", "::ffff:127.0.0.1"):
        assert host_kind(host) == "loopback", host
    for host in ("10.1.2.3", "172.16.0.9", "172.31.255.1", "192.168.1.20", "169.254.3.4", "fd12:3456::1", "fe80::1"):
        assert host_kind(host) == "private", host
    for host in ("8.8.8.8", "172.32.0.1", "100.64.0.1", "0.0.0.0", "api.example.com", "my-gpu-box",
                 "localhost.evil.example", "127.0.0.1.nip.io", "2001:db8::1"):
        assert host_kind(host) == "remote", host


def test_a_remote_host_is_refused_without_allow_remote(no_network, offline, letter_file):
    for url in ("https://api.example.com/v1", "http://my-gpu-box:8000/v1", "http://8.8.8.8/v1"):
        with pytest.raises(RemoteRefused, match="--allow-remote"):
            Settings.resolve(url, "some-model", env={})
    with pytest.raises(RemoteRefused):
        analyze_with_model(LETTER, Settings(url="https://api.example.com/v1", model="m"), offline=offline)
    result = run_cli("analyze", "--llm", "https://api.example.com/v1", "--model", "m", letter_file)
    assert result.exit_code == 2
    assert result.stderr.startswith("clearair: api.example.com is neither this machine nor on your private network")
    assert result.stderr.count("\n") == 1
    allowed = Settings.resolve("https://api.example.com/v1", "m", env={"CLEARAIR_LLM_ALLOW_REMOTE": "1"})
    assert allowed.allow_remote and allowed.remote


def test_a_remote_request_carries_no_names_and_they_come_back(no_network, tmp_path):
    from clearair import analyze
    from clearair.llm.client import ChatResult
    from clearair.llm.engine import _Got, overlay
    from clearair.llm.prompt import build_request
    from clearair.llm.provenance import engine_line

    s = Settings(url="https://api.example.com/v1", model="m", allow_remote=True)
    base = analyze(NAMED)
    request = build_request(NAMED, base, s)
    body = json.dumps(request.body(s), ensure_ascii=False)
    assert request.anonymised and "[PEER-1]" in body and "square brackets" in body
    assert [name for name in NAMES if name in body] == []

    # The model answers in placeholders; the user sees the names, and the quotes are found in their text.
    answer = good(answer="Talk to [PEER-1] first. " + PROSE)
    answer["reading"].update(counterpart_quote="my colleague [PEER-1], who leads the finance team",
                             manages_quote="I manage a team of four analysts at [COMPANY-1]",
                             pattern_quote="This has happened three times since March", severity_quote="")
    answer["options"] = [{"option": "Email [MANAGER-1]", "quote": "emailing [MANAGER-1] to set the record straight",
                          "action": "CLARIFY_RECORD", "verdict": "reasonable", "reason": "Only after talking to [PEER-1]."}]
    answer["actions"] = [{"action": "TALK_DIRECT", "reasons": [
        {"text": "[PEER-1] has not heard it from you plainly", "quote": "I asked [PEER-1] about it over coffee"}]}]
    answer["scripts"] = [{"kind": "opener", "text": "Hi [PEER-1], have you got ten minutes?"}]
    content = json.dumps(answer)
    report = overlay(base, NAMED, _Got(A.parse(content), ChatResult(content=content), False, None), request, s)
    assert report.answer.startswith("Talk to Marcus first.")
    reason = report.recommendations[0].reasons[0]
    assert reason.text.startswith("Marcus has not heard it") and reason.evidence[0].text == "I asked Marcus about it over coffee"
    assert report.situation.party(report.situation.counterpart).evidence[0].text == \
        "my colleague Marcus Bell, who leads the finance team"
    assert next(x for x in report.scripts if x.kind == "opener").text == "Hi Marcus, have you got ten minutes?"
    verdict = report.option_verdicts[0]
    assert (verdict.option, verdict.reason) == ("Email Priya Shah", "Only after talking to Marcus.")
    assert verdict.evidence[0].text == "emailing Priya to set the record straight"
    assert report.provenance.anonymised and report.provenance.quotes_dropped == 0
    assert_offsets_are_clearairs(report, NAMED)
    assert "names, companies, places and contact details were replaced" in engine_line(report)


def test_the_api_key_appears_in_no_stored_file_log_or_message(fake, tmp_path, letter_file, caplog):
    caplog.set_level(logging.DEBUG)
    env = {"CLEARAIR_LLM_API_KEY": KEY, "XDG_DATA_HOME": str(tmp_path / "data")}
    outputs = []
    fake.add(ok(GOOD))
    r = run_cli("case", "--llm", fake.url, "--model", MODEL, "new", letter_file, env=env)
    assert r.exit_code == 0, r.output
    outputs.append(r.output)
    fake.add(status(401, message=f"bad key {KEY}"))  # a server that echoes the key back
    r = run_cli("case", "--llm", fake.url, "--model", MODEL, "update", "1", "--text",
                "He apologised to the client by email today and copied me in.", env=env)
    outputs.append(r.output)
    assert "check CLEARAIR_LLM_API_KEY" in r.stderr  # the one line saying why the model was not used
    r = run_cli("case", "show", "1", env=env)
    outputs.append(r.output)
    assert f"(the model {MODEL})" in flat(r.stdout)
    assert "(clearair's offline engine (the model could not be used))" in flat(r.stdout)
    out_md = tmp_path / "case.md"
    r = run_cli("case", "export", "1", "-f", "md", "-o", out_md, env=env)
    outputs.append(r.output)
    assert "*Written by clearair's offline engine on this machine, because the model" in out_md.read_text()
    r = run_cli("analyze", "--llm", closed_url(), "--model", MODEL, "--json", letter_file, env=env)
    outputs.append(r.output)
    r = run_cli("llm", "check", "--llm", closed_url(), "--model", MODEL, env=env)
    assert r.exit_code == 2 and "refused the connection" in r.stderr
    outputs.append(r.output)

    assert fake.chats[0]["headers"]["authorization"] == f"Bearer {KEY}"  # the key was used...
    stored = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert any(p.name == "cases.db" for p in stored) and any(p.suffix == ".json" for p in stored)
    for path in stored:  # ...and is in no stored file (database, its log, cache, export),
        assert KEY.encode() not in path.read_bytes(), path
    for text in outputs:  # no terminal output or error message,
        assert KEY not in text
    assert KEY not in caplog.text  # and no log line.
    settings = Settings.resolve(fake.url, MODEL, env={"CLEARAIR_LLM_API_KEY": KEY})
    assert settings.api_key == KEY and KEY not in repr(settings) and KEY not in json.dumps(settings.public())
    with pytest.raises(InputError, match="CLEARAIR_LLM_API_KEY, not in the server address"):
        Settings.resolve(f"http://user:{KEY}@127.0.0.1:9/v1", MODEL, env={})


# --- web page and REST API ------------------------------------------------------------------
def test_the_api_and_page_take_and_show_the_engine(fake, tmp_path):
    from fastapi.testclient import TestClient

    from clearair.api.app import create_app

    fake.default = ok(GOOD)
    token = "t0ken"
    headers = {"Authorization": f"Bearer {token}"}
    app = create_app(store_url=f"sqlite:///{tmp_path / 'api.db'}", token=token, allowed_hosts=("testserver",),
                     llm=settings_for(fake.url, tmp_path, cache=False))
    client = TestClient(app, headers=headers)

    home = client.get("/").text
    assert 'name="engine" value="llm"' in home and 'value="rules"' in home and "on this machine" in home
    rules = client.post("/api/analyze", json={"text": LETTER, "engine": "rules"}).json()
    assert rules["provenance"]["ranking"] == "rules" and rules["answer"] == "" and not fake.chats
    model = client.post("/api/analyze", json={"text": LETTER}).json()
    assert model["provenance"]["ranking"] == f"llm:{MODEL}" and model["answer"].startswith("Start with the client")
    assert client.post("/api/analyze", json={"text": LETTER, "engine": "magic"}).status_code == 422

    csrf = re.search(r'name="csrf_token" value="([^"]+)"', home).group(1)
    page = client.post("/analyze", data={"text": LETTER, "csrf_token": csrf, "engine": "llm"}).text
    assert 'id="answer"' in page and "Start with the client" in page
    assert f"Written by the model {MODEL} on this machine" in page
    page = client.post("/analyze", data={"text": LETTER, "csrf_token": csrf, "engine": "rules"}).text
    # Offline, the page still leads with a written answer: clearair's own, said to be so.
    assert 'data-by="offline"' in page and "Start with the client" not in page and "your text did not leave it" in page

    case_id = client.post("/api/cases", json={"text": LETTER}).json()["id"]
    data = client.get(f"/api/cases/{case_id}").json()
    assert data["versions"][0]["engine"] == f"the model {MODEL}"
    assert data["report"]["provenance"]["ranking"] == f"llm:{MODEL}"
    assert f"(the model {MODEL})" in client.get(f"/cases/{case_id}").text

    plain = TestClient(create_app(store_url=f"sqlite:///{tmp_path / 'plain.db'}", token=token,
                                  allowed_hosts=("testserver",)), headers=headers)
    refused = plain.post("/api/analyze", json={"text": LETTER, "engine": "llm"})
    assert refused.status_code == 422 and "no model is configured" in refused.json()["detail"]
    assert 'name="engine"' not in plain.get("/").text


# --- eval, thread, inspection, check ---------------------------------------------------------
def test_eval_with_a_model_is_bounded_and_reports_the_same_figures(fake, tmp_path):
    from clearair.evaluate import load_cases, run_eval
    from clearair.similar import library

    path = tmp_path / "six.jsonl"  # six labelled cases from the bundled library
    path.write_text("".join(json.dumps(row) + "\n" for row in library()[:6]), encoding="utf-8")
    cases, problems = load_cases(str(path))
    plain = run_eval(cases, problems)

    # Every model call fails: the figures are exactly the offline engine's.
    r = run_cli("eval", "--json", "--llm", closed_url(), "--model", MODEL, path)
    assert r.exit_code == 0, r.output
    failed = json.loads(r.stdout)
    assert failed == json.loads(plain.model_dump_json())
    assert "ranked 0 of 6 cases; 6 fell back to the offline engine" in r.stderr

    # A working model: its ranking is what is scored, with at most --jobs requests at once.
    fake.default = ok(GOOD, delay=0.3)
    r = run_cli("eval", "--json", "--llm", fake.url, "--model", MODEL, "--jobs", "2", "--no-cache", path)
    assert r.exit_code == 0, r.output
    result = json.loads(r.stdout)
    assert set(result) == set(json.loads(plain.model_dump_json()))  # the same figures as today
    assert all(c["top"] == MODEL_TOP for c in result["cases"])
    assert result["engine"]["top1"] == round(sum(c.expert_primary == "REPAIR_EXTERNAL" for c in cases) / 6, 3)
    assert len(fake.chats) == 6 and fake.max_in_flight == 2
    assert "ranked 6 of 6 cases" in r.stderr
    # That answer was written for another letter: none of its 12 quotations is in these.
    assert "72 quotations left out" in r.stderr


def test_thread_with_a_model(fake, letter_file):
    fake.default = ok(GOOD)
    r = run_cli("thread", "--llm", fake.url, "--model", MODEL, "--no-cache", letter_file)
    assert r.exit_code == 0, r.output
    out = flat(r.stdout)
    from clearair.render.view import titles

    first = "; ".join(titles()[a] for a in ("REPAIR_EXTERNAL", "TALK_DIRECT", "COACH_REPORT"))
    assert first in out and "REPAIR_EXTERNAL" not in out and "Start with the client" in out
    assert f"Written by the model {MODEL}" in out


def test_llm_prompt_prints_exactly_the_messages(no_network, offline, letter_file):
    from clearair.llm.prompt import build_request

    r = run_cli("llm", "prompt", "--model", "qwen2.5", letter_file)
    assert r.exit_code == 0, r.output
    messages = json.loads(r.stdout)
    assert messages == build_request(LETTER, offline, Settings(url="http://127.0.0.1/v1", model="qwen2.5")).messages
    assert [m["role"] for m in messages] == ["system", "user"]
    r = run_cli("llm", "prompt", "--llm", "https://api.example.com/v1", "--model", "m", "--allow-remote", "--body",
                letter_file)
    body = json.loads(r.stdout)
    assert body["model"] == "m" and body["response_format"]["type"] == "json_schema"
    assert "square brackets" in body["messages"][0]["content"]


def test_llm_check_reports_model_time_and_structured_output(fake):
    fake.add(ok('{"ok": true, "word": "clear"}'))
    r = run_cli("llm", "check", "--llm", fake.url, "--model", MODEL)
    assert r.exit_code == 0, r.output
    assert f"Server: 127.0.0.1:{fake.port}, on this machine" in r.stdout
    assert f"Model: {MODEL}" in r.stdout and "Round trip:" in r.stdout
    assert "Structured (JSON-schema) output: honoured" in r.stdout
    assert len(fake.chats) == 1 and fake.chats[0]["body"]["response_format"]["type"] == "json_schema"

    fake.add(rejects_json_schema(ok('{"ok": true}')), rejects_json_schema(ok('{"ok": true}')))
    r = run_cli("llm", "check", "--llm", fake.url, "--model", MODEL)
    assert "Structured (JSON-schema) output: not supported" in r.stdout
    r = run_cli("llm", "check", "--llm", fake.url)
    assert f"Models offered: {MODEL}" in r.stdout


# --- units: parser and quote finder ------------------------------------------------------------
def test_the_parser_is_tolerant_but_not_credulous():
    fenced = "Here you go:\n```json\n" + json.dumps(GOOD) + "\n```"
    assert A.parse(fenced).actions[0].action == "REPAIR_EXTERNAL"
    assert A.parse("My answer: " + json.dumps(GOOD) + " Hope it helps!").answer == PROSE
    codes = good(actions=["TALK_DIRECT", "DOCUMENT"])
    assert [a.action for a in A.parse(json.dumps(codes)).actions] == ["TALK_DIRECT", "DOCUMENT"]
    for bad in ("", "no json here", "[1, 2]", json.dumps({"answer": "text only"})):
        with pytest.raises(A.AnswerError):
            A.parse(bad)


def test_quotes_are_found_with_clearairs_offsets():
    text = 'He said the numbers were \u201cobviously wrong\u201d.\n\nReply from Sam:\nI think he was right, honestly.'
    ev = find_quote(text, 'the numbers were "obviously   wrong"')
    assert ev.text == "the numbers were \u201cobviously wrong\u201d" and text[ev.start:ev.end] == ev.text
    assert find_quote(text, "HE SAID the numbers") .start == 0
    assert find_quote(text, "he said ... obviously wrong").text == "obviously wrong"
    reply = (text.index("I think"), len(text))
    assert find_quote(text, "he was right", outside=[reply]) is None
    assert find_quote(text, "he was right").text == "he was right"
    assert find_quote(text, "the numbers were fine") is None


def test_the_offline_path_is_unchanged(offline, letter_file):
    assert offline.answer == "" and offline.provenance.model_dump() == {
        "reading": "rules", "ranking": "rules", "model": None, "server": None, "anonymised": False, "latency_ms": None,
        "prompt_tokens": None, "completion_tokens": None, "quotes_dropped": 0, "cached": False, "fallback_reason": None}
    r = run_cli("analyze", letter_file)
    assert r.exit_code == 0
    # People read titles and words, never codes or signed scores.
    assert "your text did not leave it" in flat(r.stdout) and not re.search(r"[+-]\d\.\d\d", r.stdout)
    assert Settings.resolve(None, None, env={}) is None
    with pytest.raises(InputError, match="--llm URL"):
        Settings.resolve(None, "qwen", env={})
