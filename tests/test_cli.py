"""The real CLI in a subprocess."""

import json
import os
import subprocess
import sys

from conftest import SEEDS, SHARED


def run(*args, stdin: bytes | None = None):
    return subprocess.run([sys.executable, "-m", "clearair", *args], input=stdin, capture_output=True, timeout=120)


def test_analyze_json_matches_contract():
    p = run("analyze", "--json", str(SEEDS / "skip-level-forwards-complaint.txt"))
    assert p.returncode == 0, p.stderr
    data = json.loads(p.stdout)
    for key in ("situation", "thread", "recommendations", "avoid", "option_verdicts", "revisit_if", "perspectives"):
        assert key in data
    sit = data["situation"]
    assert set(sit["narrator"]) >= {"is_manager", "leaving_soon"}
    assert sit["counterpart"] in {p["id"] for p in sit["parties"]}


def test_analyze_reads_stdin_and_prints_rich_view():
    text = (SEEDS / "peer-goes-cold-after-mistake.txt").read_bytes()
    p = run("analyze", "-", stdin=text)
    assert p.returncode == 0, p.stderr
    out = p.stdout.decode()
    assert "What you should do" in out and "Rebuild trust" in out


def test_bundled_example_runs():
    p = run("analyze", "--example", "peer-undermines-report")
    assert p.returncode == 0, p.stderr
    assert b"Your own options" in p.stdout


def test_bad_inputs_exit_2_with_one_line(tmp_path):
    binary = tmp_path / "x.bin"
    binary.write_bytes(b"\x00\x01" * 100)
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Mon coll\xe8gue a envoy\xe9 un e-mail".encode("latin-1") * 5)
    huge = tmp_path / "huge.txt"
    huge.write_bytes(b"word " * 60_000)
    cases = [
        run("analyze", "-", stdin=b""),
        run("analyze", "-", stdin=b"   \n  "),
        run("analyze", "-", stdin=b"my boss is mean"),
        run("analyze", str(binary)),
        run("analyze", str(latin1)),
        run("analyze", str(huge)),
        run("analyze", str(tmp_path / "missing.txt")),
        run("explain", "NOT_AN_ACTION", str(SEEDS / "peer-goes-cold-after-mistake.txt")),
        run("eval", str(binary)),
    ]
    for p in cases:
        assert p.returncode == 2, (p.args, p.stderr)
        err = p.stderr.decode().strip()
        assert err.startswith("clearair:") and "\n" not in err and "Traceback" not in err


def test_explain_shows_reasons():
    p = run("explain", "LET_GO", str(SEEDS / "skip-level-forwards-complaint.txt"))
    assert p.returncode == 0, p.stderr
    assert b"apology" in p.stdout


def test_eval_on_dev_set_reports_figures():
    p = run("eval", "--json", str(SHARED / "eval" / "dev.jsonl"))
    assert p.returncode == 0, p.stderr
    data = json.loads(p.stdout)
    assert data["n"] == 22 and not data["unreadable"]
    assert data["engine"]["top3"] > data["baseline"]["top3"]
    assert data["role_accuracy"] >= 0.8


def test_eval_reports_unreadable_lines(tmp_path):
    good = (SHARED / "eval" / "dev.jsonl").read_text().splitlines()[0]
    f = tmp_path / "mixed.jsonl"
    f.write_text(good + "\n{not json}\n" + json.dumps({"id": "x"}) + "\n")
    p = run("eval", "--json", str(f))
    assert p.returncode == 0, p.stderr
    data = json.loads(p.stdout)
    assert data["n"] == 1 and len(data["unreadable"]) == 2


def test_thread_mode_on_column_seed():
    p = run("thread", str(SEEDS / "skip-level-forwards-complaint.txt"))
    assert p.returncode == 0, p.stderr
    out = p.stdout.decode()
    assert "columnist" in out and "Rachel" in out and "Charles" in out


def test_calibrate_writes_weights_in_the_playbook_shape(tmp_path):
    import yaml

    out = tmp_path / "weights.yaml"
    p = run("calibrate", str(SHARED / "eval" / "dev.jsonl"), "--out", str(out))
    assert p.returncode == 0, p.stderr
    assert b"held-out" in p.stdout
    data = yaml.safe_load(out.read_text())
    assert data["meta"]["cases"] == 22
    assert "fit_top1" in data["meta"]["cross_validated"]
    assert set(data["actions"]["LET_GO"]) == {"base", "rules"}
    bad = run("calibrate", str(tmp_path / "missing.jsonl"), "--out", str(out))
    assert bad.returncode == 2 and b"no such file" in bad.stderr


def test_similar_lists_library_cases_with_reasons():
    p = run("similar", str(SEEDS / "peer-goes-cold-after-mistake.txt"))
    assert p.returncode == 0, p.stderr
    out = p.stdout.decode()
    assert "People in similar situations were advised" in out
    assert "similar because" in out


def test_anonymize_command(tmp_path):
    p = run("anonymize", "--json", str(SEEDS / "peer-goes-cold-after-mistake.txt"))
    assert p.returncode == 0, p.stderr
    data = json.loads(p.stdout)
    assert "Jason" not in data["text"] and data["replacements"]
    assert run("anonymize", "-", stdin=b"").returncode == 2


def test_export_markdown_html_and_pdf(tmp_path):
    import pypdf

    seed = str(SEEDS / "skip-level-forwards-complaint.txt")
    md = run("export", seed, "--format", "md")
    assert md.returncode == 0, md.stderr
    assert b"## What you should do" in md.stdout and b"## Your situation, as you wrote it" in md.stdout
    assert b"Count to 10" not in md.stdout  # replies are not the writer's words
    html = run("export", seed, "--format", "html", "--out", str(tmp_path / "r.html"))
    assert html.returncode == 0, html.stderr
    page = (tmp_path / "r.html").read_text()
    assert page.count("<svg") == 2 and "Stakeholder map" in page
    pdf_path = tmp_path / "r.pdf"
    pdf = run("export", seed, "--format", "pdf", "--out", str(pdf_path))
    assert pdf.returncode == 0, pdf.stderr
    reader = pypdf.PdfReader(str(pdf_path))
    assert 3 <= len(reader.pages) <= 15
    assert "What you should do" in reader.pages[0].extract_text()
    assert run("export", seed, "--format", "docx").returncode == 2
    assert run("export", seed, "--format", "pdf").returncode == 2  # a PDF needs --out


def test_export_escapes_user_text_and_can_anonymize(tmp_path):
    letter = tmp_path / "xss.txt"
    letter.write_text("My coworker Dana Whitfield keeps mocking me in team meetings <script>alert('x')</script> "
                      "and I want it to stop before I lose my temper with her in front of everyone again.")
    out = run("export", str(letter), "--format", "html", "--anonymize")
    assert out.returncode == 0, out.stderr
    assert b"<script>alert" not in out.stdout and b"&lt;script&gt;" in out.stdout
    assert b"Dana" not in out.stdout and b"Whitfield" not in out.stdout


def test_case_commands_end_to_end(tmp_path, monkeypatch):
    import os

    env = dict(os.environ, XDG_DATA_HOME=str(tmp_path), CLEARAIR_DATABASE_URL="")
    env.pop("CLEARAIR_DATABASE_URL")

    def case(*args, stdin=None):
        return subprocess.run([sys.executable, "-m", "clearair", "case", *args], input=stdin,
                              capture_output=True, timeout=120, env=env)

    new = case("new", str(SEEDS / "peer-goes-cold-after-mistake.txt"))
    assert new.returncode == 0, new.stderr
    assert new.stdout.startswith(b"case 1 created")
    upd = case("update", "1", "--text", "He thanked me for the alerts today and asked to pair on the audit.",
               "--on", "2026-11-20")
    assert upd.returncode == 0, upd.stderr
    later = case("update", "1", "--later", "--text", "He left me off the planning invite again this morning.")
    assert later.returncode == 0 and b"next time the case is opened" in later.stdout
    log = case("log", "1", "--who", "my peer", "--what", "left me off an invite", "--on", "2026-11-21")
    assert log.returncode == 0, log.stderr
    show = case("show", "1")
    assert show.returncode == 0 and b"Journal" in show.stdout and b"update (2026-11-20)" in show.stdout
    exported = case("export", "1", "--format", "md")
    assert exported.returncode == 0 and b"## What you should do" in exported.stdout
    page = case("export", "1", "--format", "html")
    assert page.returncode == 0 and b"your update" in page.stdout and b"2026-11-20" in page.stdout
    assert (tmp_path / "clearair" / "cases.db").exists()
    bad = [case("show", "99"), case("update", "1", "--text", "x", "--on", "yesterday"), case("new", "-", stdin=b"")]
    for p in bad:
        assert p.returncode == 2 and p.stderr.decode().startswith("clearair:"), p.stderr
    assert case("delete", "1", "--yes").returncode == 0
    assert b"No case files yet" in case("list").stdout


# --- one error boundary for every command ------------------------------------------

def _data_env(tmp_path, **extra):
    import os

    env = dict(os.environ, XDG_DATA_HOME=str(tmp_path), **extra)
    if "CLEARAIR_DATABASE_URL" not in extra:
        env.pop("CLEARAIR_DATABASE_URL", None)
    return env


def run_in(env, *args, stdin: bytes | None = None, timeout: float = 120):
    return subprocess.run([sys.executable, "-m", "clearair", *args], input=stdin, capture_output=True,
                          timeout=timeout, env=env)


def _one_clear_line(p) -> str:
    err = p.stderr.decode().strip()
    assert p.returncode == 2, (p.args, p.returncode, err)
    assert err.startswith("clearair:") and "\n" not in err and "Traceback" not in err, err
    return err


def test_huge_case_ids_are_one_line_in_every_case_command(tmp_path):
    env = _data_env(tmp_path)
    for huge in (str(2**63), str(2**64 + 1)):
        for args in (("show", huge), ("update", huge, "--text", "He apologised to the whole team today."),
                     ("log", huge, "--who", "him", "--what", "shouted"), ("export", huge), ("delete", huge, "--yes"),
                     ("show", huge, "--json")):
            assert "no case" in _one_clear_line(run_in(env, "case", *args))


def test_a_named_pipe_a_folder_and_a_missing_file_are_refused_at_once(tmp_path):
    import os

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)  # nobody will ever write to it: opening it would wait for ever
    env = _data_env(tmp_path)
    for command in ("analyze", "thread", "similar", "anonymize", "eval"):
        assert "not a regular file" in _one_clear_line(run_in(env, command, str(fifo), timeout=30))
        assert "folder" in _one_clear_line(run_in(env, command, str(tmp_path)))
        assert "no such file" in _one_clear_line(run_in(env, command, str(tmp_path / "missing.txt")))
    assert "not a regular file" in _one_clear_line(run_in(env, "case", "new", str(fifo), timeout=30))


def test_store_errors_are_one_line(tmp_path):
    env = _data_env(tmp_path)
    assert run_in(env, "case", "list").returncode == 0  # makes the database
    read_only = _data_env(tmp_path, CLEARAIR_DATABASE_URL=f"sqlite:///file:{tmp_path}/clearair/cases.db?mode=ro&uri=true")
    new = run_in(read_only, "case", "new", str(SEEDS / "peer-goes-cold-after-mistake.txt"))
    assert "read-only" in _one_clear_line(new)


def test_thread_prints_markup_in_authors_literally(tmp_path):
    text = (SEEDS / "skip-level-forwards-complaint.txt").read_text(encoding="utf-8")
    text = text.replace("Gabriel Conroy said...", "[/] said...").replace(
        "R.B. said...", "[link=https://evil.example]bob[/link] said...")
    source = tmp_path / "thread.txt"
    source.write_text(text, encoding="utf-8")
    p = run("thread", str(source))
    assert p.returncode == 0, p.stderr.decode()[-2000:]
    out = p.stdout.decode()
    assert "[/]" in out and "[link=https://evil.example]" in out


def test_json_output_for_thread_similar_explain_and_case_commands(tmp_path):
    seed = str(SEEDS / "skip-level-forwards-complaint.txt")
    thread_json = json.loads(run("thread", "--json", seed).stdout)
    assert thread_json["replies"] and "agreement" in thread_json
    similar_json = json.loads(run("similar", "--json", seed).stdout)
    assert 1 <= len(similar_json) <= 5 and all("id" in c or "title" in c for c in similar_json)
    explained = json.loads(run("explain", "LET_GO", "--json", seed).stdout)
    assert explained["action"] == "LET_GO" and explained["rank"] >= 1
    env = _data_env(tmp_path)
    assert run_in(env, "case", "new", seed).returncode == 0
    listed = json.loads(run_in(env, "case", "list", "--json").stdout)
    assert [c["id"] for c in listed] == [1]
    logged = json.loads(run_in(env, "case", "log", "1", "--who", "the director", "--what", "forwarded it again",
                               "--json").stdout)
    assert "movement" in logged
    shown = json.loads(run_in(env, "case", "show", "1", "--json").stdout)
    assert shown["id"] == 1 and shown["journal"][0]["who"] == "the director"
    assert shown["report"]["recommendations"] and shown["versions"][0]["kind"] == "original"


def test_user_commands_manage_accounts(tmp_path):
    env = _data_env(tmp_path)
    assert run_in(env, "user", "add", "alice", "--password-stdin", stdin=b"long enough password\n").returncode == 0
    assert "user name" in _one_clear_line(run_in(env, "user", "add", "<b>x</b>", "--password-stdin",
                                                 stdin=b"long enough password\n"))
    assert "password" in _one_clear_line(run_in(env, "user", "add", "bob", "--password-stdin", stdin=b"short\n"))
    assert json.loads(run_in(env, "user", "list", "--json").stdout)[0]["username"] == "alice"
    assert run_in(env, "user", "passwd", "alice", "--password-stdin", stdin=b"another long one\n").returncode == 0
    assert b"0 sessions" in run_in(env, "user", "revoke-sessions", "alice").stdout
    assert run_in(env, "user", "remove", "alice", "--yes").returncode == 0
    assert "no user" in _one_clear_line(run_in(env, "user", "remove", "alice", "--yes"))
    assert json.loads(run_in(env, "user", "list", "--json").stdout) == []


# --- serve: the port first, then the URL; the token survives a restart -----------------

def _serve(env, *args):
    return subprocess.Popen([sys.executable, "-m", "clearair", "serve", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=env)


def test_serve_with_a_taken_or_impossible_port_says_so_in_one_line(tmp_path):
    import socket

    env = _data_env(tmp_path)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        p = run_in(env, "serve", "--port", str(port), timeout=60)
        assert "already in use" in _one_clear_line(p) and p.stdout == b""  # no URL to someone else's server
    for bad in ("99999", "0", "-1"):
        assert "--port" in _one_clear_line(run_in(env, "serve", "--port", bad))


def test_serve_prints_the_url_once_listening_and_keeps_the_token_across_restarts(tmp_path):
    import httpx

    from conftest import free_port

    env = _data_env(tmp_path)
    urls = []
    for _ in range(2):
        proc = _serve(env, "--port", str(free_port()))
        try:
            url = proc.stdout.readline().decode().strip().rsplit(" ", 1)[-1]
            assert httpx.get(url, timeout=10).status_code < 500  # the URL answers as soon as it is printed
            urls.append(url)
        finally:
            proc.terminate()
            proc.wait(timeout=20)
    tokens = [u.split("token=")[1] for u in urls]
    assert tokens[0] == tokens[1]
    token_file = tmp_path / "clearair" / "access-token"
    assert token_file.stat().st_mode & 0o777 == 0o600


# --- what a user typed cannot drive the terminal -----------------------------------

HOSTILE = ("Plan\x1b[2J\x1b]8;;https://evil.example\x07click\x1b]8;;\x07 \x1b[5;8mhidden\x1b[0m "
           "\u202eevil\u202c \u2066iso\u2069 \x9b2J\x07\x08\rmark")
UNSAFE = ["\x1b", "\x9b", "\x07", "\x08", "\u202e", "\u202c", "\u2066", "\u2069"]


def test_escape_sequences_controls_and_bidi_overrides_in_user_text_are_neutralised(tmp_path):
    import datetime as dt

    from sqlalchemy import update

    from clearair.store import CaseStore
    from clearair.store.schema import JournalEntry, Version

    url = f"sqlite:///{tmp_path / 'cases.db'}"
    env = _data_env(tmp_path, CLEARAIR_DATABASE_URL=url)
    letter = (SEEDS / "peer-goes-cold-after-mistake.txt").read_text(encoding="utf-8")
    store = CaseStore(url)  # as an older release, or another client of a shared store, may have left it
    case_id = store.create(letter, title=HOSTILE)
    with store.writing() as s:  # the store refuses control characters in a case's text now: written past it
        s.execute(update(Version).where(Version.case_id == case_id).values(
            text="Subject \x1b]0;owned\x07 \u202etxt.exe\n" + letter))
        s.add(JournalEntry(case_id=case_id, happened_on=dt.date(2026, 11, 2), who="boss\x1b[8m",
                           what="hid \u2066this\u2069 \x1b[31mred"))
    plain = run_in(env, "case", "show", str(case_id))
    out = plain.stdout.decode()
    assert plain.returncode == 0 and "click" in out and "hidden" in out and "boss" in out, plain.stderr
    assert not [c for c in UNSAFE if c in out], [c for c in UNSAFE if c in out]
    shown = run_in(env, "case", "show", str(case_id), "--json")
    assert not [c for c in UNSAFE if c in shown.stdout.decode()]  # written as \u escapes ...
    assert json.loads(shown.stdout)["title"] == HOSTILE  # ... so the JSON still holds the text exactly
    coloured = run_in(_data_env(tmp_path, CLEARAIR_DATABASE_URL=url, FORCE_COLOR="1", TTY_COMPATIBLE="1"),
                      "case", "show", str(case_id))
    out = coloured.stdout.decode()
    assert "\x1b[" in out  # the report's own styles are kept on a terminal ...
    for sequence in ("\x1b[2J", "\x1b]", "\x1b[5;8m", "\x1b[31mred", "\x1b[8m", "\u202e", "\x9b"):
        assert sequence not in out, repr(sequence)  # ... the user's sequences are not
    missing = run_in(env, "case", "update", str(case_id), str(tmp_path / "nope\x1b[2J\u202e.txt")).stderr.decode()
    assert "no such file" in missing and "\x1b" not in missing and "\u202e" not in missing


def test_the_views_neutralise_user_text_themselves_before_rich_styles_it(capsys, monkeypatch):
    """Without the command line's stream guard: the renderer alone keeps user text from driving a terminal."""
    import datetime as dt

    from clearair.render.terminal import neutralised, show_case_list
    from clearair.store.cases import CaseSummary

    assert neutralised("a\x1b[31mb\u202ec\r\nd\te") == "a\ufffd[31mb\ufffdc\nd\te"
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "400")  # one line per row, so the words can be looked for whole
    show_case_list([CaseSummary(id=1, title=HOSTILE + " [link=https://evil.example]bob[/link]", versions=1,
                                journal=0, top_action=None, created_at=dt.datetime(2026, 11, 2))])
    out = capsys.readouterr().out
    assert "\x1b[" in out and "bob" in out  # the view's own styles, and the user's words as text
    for sequence in ("\x1b[2J", "\x1b]", "\x1b[5;8m", "\u202e", "\x9b", "\x07", "\x1b]8;;https"):
        assert sequence not in out, repr(sequence)


def test_output_that_cannot_be_written_a_fifo_target_and_utf16_files(tmp_path):
    import os

    from clearair.store import CaseStore

    url = f"sqlite:///{tmp_path / 'cases.db'}"
    env = _data_env(tmp_path, CLEARAIR_DATABASE_URL=url)
    letter = (SEEDS / "peer-goes-cold-after-mistake.txt").read_text(encoding="utf-8")
    case_id = str(CaseStore(url).create(letter))
    if os.path.exists("/dev/full"):
        with open("/dev/full", "wb") as full:
            p = subprocess.run([sys.executable, "-m", "clearair", "case", "export", case_id], stdout=full,
                               stderr=subprocess.PIPE, timeout=60, env=env)
        err = p.stderr.decode().strip()
        assert p.returncode == 2 and "could not write the output" in err and "\n" not in err, err
        assert "store" not in err  # the output failed, not the case store
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)  # nobody reads it: opening it to write would wait for ever
    assert "not a regular file" in _one_clear_line(run_in(env, "case", "export", case_id, "-o", str(fifo), timeout=30))
    wide = tmp_path / "letter-utf16.txt"
    wide.write_text(letter, encoding="utf-16")  # with its byte-order mark, as Windows editors save it
    p = run_in(env, "anonymize", "--json", str(wide))
    assert p.returncode == 0, p.stderr
    text = json.loads(p.stdout)["text"]
    assert len(text) > len(letter) // 2 and "\x00" not in text and "\ufeff" not in text  # read as the text it is


def test_the_cli_refuses_what_the_api_refuses_and_stores_nothing(tmp_path):
    """A title, an update's day and a journal entry are checked by the API's own request models."""
    from clearair.store import CaseStore

    url = f"sqlite:///{tmp_path / 'cases.db'}"
    env = _data_env(tmp_path, CLEARAIR_DATABASE_URL=url)
    letter = tmp_path / "letter.txt"
    letter.write_text((SEEDS / "peer-goes-cold-after-mistake.txt").read_text(encoding="utf-8"), encoding="utf-8")
    for title in ("Plan\x1b[2J", "two\nlines", "x" * 201, "   "):
        err = _one_clear_line(run_in(env, "case", "new", str(letter), "--title", title))
        assert "itle" in err and "\x1b" not in err, err
    assert CaseStore(url).list() == []  # nothing was stored
    case_id = str(CaseStore(url).create(letter.read_text(encoding="utf-8"), title="Kept"))
    assert "before 1900" in _one_clear_line(run_in(env, "case", "update", case_id, "--text",
                                                   "He did it again.", "--on", "1850-01-01"))
    assert "control character" in _one_clear_line(run_in(env, "case", "log", case_id, "--who", "boss\x1b[8m",
                                                         "--what", "shouted"))
    assert "Where or how" in _one_clear_line(run_in(env, "case", "log", case_id, "--who", "boss",
                                                    "--what", "shouted", "--channel", "c" * 41))
    for odd_day in ("20261101", "2026-W44-1", "2026-11-01T10:00"):  # Python would read these; the API does not
        assert "YYYY-MM-DD" in _one_clear_line(run_in(env, "case", "log", case_id, "--who", "boss",
                                                      "--what", "shouted", "--on", odd_day))
    case = CaseStore(url).get(int(case_id))
    assert len(case.versions) == 1 and case.journal == []  # none of these was stored
    ok = run_in(env, "case", "new", str(letter), "--title", "  A plain title  ")
    assert ok.returncode == 0, ok.stderr
    assert [c.title for c in CaseStore(url).list()] == ["Kept", "A plain title"]  # trimmed, as the API does


def test_a_case_still_being_read_for_the_first_time_is_one_line_in_the_cli(tmp_path):
    """Another process (alive, on this machine) holds the first reading: ``case show`` says so in one
    line, never a traceback, and shows the case once it is read."""
    import datetime as dt

    from sqlalchemy import delete

    from clearair.store import CaseStore
    from clearair.store.cases import new_holder
    from clearair.store.schema import Case, ReportRecord, utc_now

    url = f"sqlite:///{tmp_path / 'cases.db'}"
    env = _data_env(tmp_path, CLEARAIR_DATABASE_URL=url)
    store = CaseStore(url)
    case_id = store.create((SEEDS / "peer-goes-cold-after-mistake.txt").read_text(encoding="utf-8"))
    with store.writing() as s:  # as if its first reading were still running in this (live) process
        s.execute(delete(ReportRecord))
        case = s.get(Case, case_id)
        case.eval_holder = new_holder()
        case.eval_until = utc_now() + dt.timedelta(minutes=2)
    assert "being read" in _one_clear_line(run_in(env, "case", "show", str(case_id)))
    with store.writing() as s:
        s.get(Case, case_id).eval_holder = None
    shown = run_in(env, "case", "show", str(case_id))
    assert shown.returncode == 0, shown.stderr.decode()


def test_the_writer_says_who_it_is_about_on_the_command_line(tmp_path):
    """``analyze --about`` and ``case new --about`` / ``case about`` put the other side where the writer says;
    an unknown role is refused with the roles it may be, and nothing is stored."""
    env = dict(os.environ, XDG_DATA_HOME=str(tmp_path))
    env.pop("CLEARAIR_DATABASE_URL", None)
    seed = str(SEEDS / "skip-level-forwards-complaint.txt")

    def cli(*args):
        return subprocess.run([sys.executable, "-m", "clearair", *args], capture_output=True, timeout=180, env=env)

    told = json.loads(cli("analyze", "--json", "--about", "skip_level", seed).stdout)
    cp = next(p for p in told["situation"]["parties"] if p["id"] == told["situation"]["counterpart"])
    assert cp["role"] == "skip_level" and told["situation"]["counterpart_from_writer"]
    refused = cli("analyze", "--about", "wizard", seed)
    assert refused.returncode != 0 and b"coworker" in refused.stderr
    assert cli("case", "new", "--about", "wizard", seed).returncode != 0
    plain = json.loads(cli("analyze", "--json", "--about", "bosses-boss", seed).stdout)  # the hint's plain words
    assert plain["situation"]["counterpart_from_writer"]
    assert next(p for p in plain["situation"]["parties"]
                if p["id"] == plain["situation"]["counterpart"])["role"] == "skip_level"
    assert b"No case files yet" in cli("case", "list").stdout
    assert cli("case", "new", "--about", "skip_level", seed).returncode == 0
    assert "as you told us" in " ".join(cli("case", "show", "1").stdout.decode().split())
    exported = cli("export", "--about", "skip_level", seed, "-f", "md")
    assert exported.returncode == 0 and "as you told us" in " ".join(exported.stdout.decode().split())
    assert cli("case", "about", "1").returncode == 0  # back to the engine's own reading
    assert "as you told us" not in " ".join(cli("case", "show", "1").stdout.decode().split())


def test_the_roles_the_command_line_offers_are_the_roles_the_engine_takes():
    from clearair.cli import ABOUT_HELP
    from clearair.models import ABOUT_ROLES, ABOUT_WORDS

    # each role offered by its own word or a plain one, and every plain word a role the engine takes
    assert all(role in ABOUT_HELP or any(w in ABOUT_HELP for w, r in ABOUT_WORDS.items() if r == role)
               for role in ABOUT_ROLES)
    assert set(ABOUT_WORDS.values()) <= set(ABOUT_ROLES)


_TWO_PEOPLE = ("My colleague Amara went on maternity leave in March and our manager, Tobias, handed me all her "
               "accounts on top of my own with no discussion. I don't blame Amara at all. When I said it was too "
               "much, Tobias hinted that complaining might look bad for my review. How do I push back?")


def test_the_writer_says_who_it_is_about_by_name(tmp_path):
    """Two people of different lines named: the writer may name the one it is about; a name the text does not give
    changes nothing and says so; a name that is not one is refused before anything is read or written."""
    env = dict(os.environ, XDG_DATA_HOME=str(tmp_path))
    env.pop("CLEARAIR_DATABASE_URL", None)

    def cli(*args):
        return subprocess.run([sys.executable, "-m", "clearair", *args], capture_output=True, timeout=180, env=env)

    letter = tmp_path / "letter.txt"
    letter.write_text(_TWO_PEOPLE)
    told = json.loads(cli("analyze", "--json", "--about", "Tobias", str(letter)).stdout)
    cp = next(p for p in told["situation"]["parties"] if p["id"] == told["situation"]["counterpart"])
    assert "Tobias" in cp["mentions"] and told["situation"]["counterpart_from_writer"] is True
    missing = json.loads(cli("analyze", "--json", "--about", "Zed", str(letter)).stdout)
    assert missing["situation"]["counterpart_from_writer"] is False
    assert any("Nobody called Zed" in n for n in missing["notes"])
    refused = cli("analyze", "--about", "tobias!!", str(letter))
    assert refused.returncode != 0 and "neither a role" in " ".join(refused.stderr.decode().split())
    assert cli("case", "new", "--about", "Tobias", str(letter)).returncode == 0
    shown = json.loads(cli("case", "show", "1", "--json").stdout)
    assert shown["about"] == "Tobias"


def test_about_a_name_the_reading_missed_makes_that_person_the_other_side():
    # A red team was told "Nobody called Craig was found in your text" though Craig was named twice.
    from clearair.pipeline import analyze

    text = ("I'm a contractor placed at a bank by my agency. The team lead at the bank, Craig, gives me my work. He "
            "keeps commenting on my body and last week tried to pull me onto his lap at drinks. My account manager "
            "at the agency, Priya, told me to keep things friendly with Craig.")
    report = analyze(text, about="Craig")
    cp = report.situation.party(report.situation.counterpart)
    assert cp is not None and "Craig" in cp.mentions and "Priya" not in cp.mentions
    assert not any("Nobody called" in n for n in report.notes)
    assert any("Nobody called" in n for n in analyze(text, about="Desmond").notes)
