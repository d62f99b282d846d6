"""Exports a person would keep: a first page that stands alone, the writer's text
without page furniture, replies only when asked, case files with their history
and journal, Markdown that cannot carry raw HTML, and an anonymised case export."""

import datetime as dt
import os
import re
import subprocess
import sys
from types import SimpleNamespace

import pytest

from clearair.render.export import to_html, to_markdown, writer_text
from conftest import seed_text

FURNITURE = ("'s picture", "This site has moved", "Licensee Badge")


def pdf_pages(data: bytes) -> list[str]:
    import io

    import pypdf

    return [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages]


@pytest.fixture(scope="module")
def pdfs(seed_reports):
    pytest.importorskip("weasyprint")
    from clearair.render.export import to_pdf

    return {name: pdf_pages(to_pdf(r, seed_text(name))) for name, r in seed_reports.items()}


def test_the_pdf_leads_with_one_page_that_stands_alone(pdfs, seed_reports):
    for name, pages in pdfs.items():
        r = seed_reports[name]
        first = " ".join(pages[0].split())
        assert " ".join(r.offline_answer.split()[:12]) in first, name
        for rec in r.recommendations[:3]:
            assert rec.title in first, (name, rec.title)
        assert "Words to use" in first or not r.scripts
        assert "What clearair read" not in first  # the reading follows on the next pages
        assert len(pages) <= 6, (name, len(pages))


def test_the_pdf_has_no_codes_scores_or_page_furniture(pdfs):
    from clearair.models import ACTION_CODES

    for name, pages in pdfs.items():
        text = " ".join(pages)
        assert not re.search(r"\b(" + "|".join(ACTION_CODES) + r")\b", text), name
        assert not re.search(r"[+\-−]\d\.\d\d\b", text), name
        for bit in FURNITURE:
            assert bit not in text, (name, bit)


def test_scripts_in_the_pdf_are_only_those_of_the_top_advice(pdfs, seed_reports):
    skip = " ".join(pdfs["skip-level-forwards-complaint"])
    assert "Agenda for a facilitated meeting" not in skip and "An apology that owns it" not in skip
    cold = " ".join(pdfs["peer-goes-cold-after-mistake"])
    assert "An apology that owns it" not in cold  # "apologising again" is under "not now" there


def test_replies_only_when_asked(seed_reports):
    r = seed_reports["skip-level-forwards-complaint"]
    text = seed_text("skip-level-forwards-complaint")
    reply = r.thread.replies[1].text.split("\n")[0][:40]
    assert reply not in to_markdown(r, text)
    assert reply in to_markdown(r, text, replies=True) and "## The replies" in to_markdown(r, text, replies=True)
    assert reply not in to_html(r, text)


def test_the_writers_text_comes_without_page_furniture(seed_reports):
    for name, r in seed_reports.items():
        text = writer_text(r, seed_text(name))
        for bit in FURNITURE:
            assert bit not in text, (name, bit)
        assert "\n\n\n" not in text


def test_markdown_escapes_raw_html_in_titles_and_text(seed_reports):
    r = seed_reports["peer-goes-cold-after-mistake"]
    out = to_markdown(r, "<img src=x onerror=alert(1)> " + seed_text("peer-goes-cold-after-mistake"),
                      title="<script>alert(1)</script>")
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert "<img" not in out


def case_like(report):
    versions = [SimpleNamespace(kind="original", seq=1, text="x", happened_on=None,
                                created_at=dt.datetime(2026, 11, 1), unreadable=None,
                                report=SimpleNamespace(top_actions=report.top_actions(3), movement=[])),
                SimpleNamespace(kind="update", seq=2, text="He apologised in front of the team on Monday.",
                                happened_on=dt.date(2026, 11, 20), created_at=dt.datetime(2026, 11, 21),
                                unreadable=None,
                                report=SimpleNamespace(top_actions=report.top_actions(3), movement=[
                                    {"action": report.top_actions(1)[0], "before": 3, "after": 1, "why": []}]))]
    journal = [SimpleNamespace(happened_on=dt.date(2026, 11, 22), who="my peer", what="left me off the invite",
                               channel="email", witnesses=None)]
    return SimpleNamespace(id=1, title="A case", versions=versions, journal=journal)


def test_a_case_export_has_its_history_and_journal_on_the_timeline(seed_reports):
    r = seed_reports["peer-goes-cold-after-mistake"]
    case = case_like(r)
    md = to_markdown(r, seed_text("peer-goes-cold-after-mistake"), "A case", case=case)
    assert "## How the advice moved" in md and "rose from number 3 to 1" in md
    assert "He apologised in front of the team on Monday (2026-11-20)" in md
    assert "My peer: left me off the invite (2026-11-22)" in md
    assert "your update" not in md.lower()
    page = to_html(r, seed_text("peer-goes-cold-after-mistake"), "A case", case=case)
    assert "How the advice moved" in page and "He apologised in front of the team" in page


def test_case_export_anonymize_end_to_end(tmp_path):
    env = dict(os.environ, CLEARAIR_DATABASE_URL=f"sqlite:///{tmp_path / 'cases.db'}", HF_HUB_OFFLINE="1")

    def case(*args):
        return subprocess.run([sys.executable, "-m", "clearair", "case", *args], capture_output=True,
                              timeout=180, env=env)

    letter = ("My coworker Priya Raman took credit for my analysis in front of our director Tom Becker at "
              "Northwind Traders. It is the third time this quarter and I am tired of it. Should I say something?")
    source = tmp_path / "letter.txt"
    source.write_text(letter, encoding="utf-8")
    assert case("new", str(source), "--title", "Priya and the analysis").returncode == 0
    assert case("log", "1", "--who", "Priya Raman", "--what", "presented my slides as hers",
                "--on", "2026-11-20").returncode == 0
    plain = case("export", "1", "--format", "md")
    assert plain.returncode == 0 and b"Priya" in plain.stdout
    shared = case("export", "1", "--format", "md", "--anonymize")
    assert shared.returncode == 0, shared.stderr
    assert b"Priya" not in shared.stdout and b"Raman" not in shared.stdout
    assert b"presented my slides as hers" in shared.stdout  # the journal is kept, its names replaced
    assert b"[PERSON-" in shared.stdout or b"[PEER-" in shared.stdout
