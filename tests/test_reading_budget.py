"""A huge paste or one long run without spaces cannot stall the reading: the parse reads
a bounded part of the text, while every ordinary letter is read whole, as before."""

import json
from pathlib import Path

import pytest

from clearair.intake.reading import READ_TOKEN_CHARS, READ_TOKENS, within_reading_budget
from clearair.pipeline import analyze
from conftest import seed_text

LIBRARY = Path(__file__).resolve().parents[1] / "src" / "clearair" / "data" / "library"


def letter() -> str:
    return seed_text("peer-goes-cold-after-mistake")


def test_ordinary_letters_and_a_whole_case_window_are_read_as_they_are():
    for name in ("peer-goes-cold-after-mistake", "peer-undermines-report-to-customer", "skip-level-forwards-complaint"):
        assert within_reading_budget(seed_text(name)) == seed_text(name)
    window = ""
    for path in sorted(LIBRARY.glob("cases_*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            window += json.loads(line)["situation"] + "\n\n"
            if len(window) > 20_000:
                break
        if len(window) > 20_000:
            break
    window = window[:20_000]  # as long as a case's reading window
    assert within_reading_budget(window) == window


def test_long_runs_are_blanked_in_place_and_long_texts_cut_at_the_end():
    text = "It began " + "\U0001F600" * 5_000 + " and went on."
    bounded = within_reading_budget(text)
    assert len(bounded) == len(text) and bounded.endswith(" and went on.")  # offsets stay valid
    assert bounded.count("\U0001F600") == READ_TOKEN_CHARS
    long = "word " * (READ_TOKENS + 500)
    assert within_reading_budget(long) == long[: 5 * READ_TOKENS]  # a prefix: offsets stay valid


@pytest.fixture
def parsed(monkeypatch):
    """Every document the English pipeline parses during the test (what the parse cost depends on)."""
    from clearair.extract.nlp import get_nlp

    docs = []
    language = type(get_nlp())
    call, pipe = language.__call__, language.pipe

    def recorded_call(self, text, *args, **kwargs):
        doc = call(self, text, *args, **kwargs)
        docs.append(doc)
        return doc

    def recorded_pipe(self, texts, *args, **kwargs):
        for doc in pipe(self, texts, *args, **kwargs):
            docs.append(doc)
            yield doc

    monkeypatch.setattr(language, "__call__", recorded_call)
    monkeypatch.setattr(language, "pipe", recorded_pipe)
    return docs


def test_a_long_run_of_emoji_inside_a_letter_reaches_the_parser_bounded(parsed):
    """The parse was quadratic in a run's length (about 40 s for this one before the bound): the parser
    now sees at most ``READ_TOKEN_CHARS`` of it, and the letter around it is read the same."""
    text = letter()
    middle = text.index(" ", len(text) // 2)
    report = analyze(text[:middle] + " " + "\U0001F600" * 10_000 + " " + text[middle:])
    assert parsed and max(len(t.text) for doc in parsed for t in doc if not t.is_space) <= READ_TOKEN_CHARS
    assert report.top_actions(1) == analyze(text).top_actions(1)


def test_a_paste_near_the_size_limit_reaches_the_parser_cut_to_the_budget(parsed):
    """Every character of a 198,000-character paste was parsed (about 30 s): the parser now reads its
    first ``READ_TOKENS`` words and marks, and the report says the rest was not read."""
    paste = ""
    for path in sorted(LIBRARY.glob("cases_*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            paste += json.loads(line)["situation"] + "\n\n"
    paste = paste[:198_000]
    report = analyze(paste)
    longest = max(len(doc.text) for doc in parsed)
    assert longest <= 5 * READ_TOKENS < len(paste)
    assert any("only its first" in n for n in report.notes)


def test_a_text_cut_by_the_reading_budget_says_so_in_the_report():
    from clearair.pipeline import analyze

    letter = "My coworker keeps taking credit for my work in meetings. "
    long_text = letter * 800 + "Should I talk to him or go to my manager?"
    report = analyze(long_text)
    assert any("only its first" in n for n in report.notes)
    assert not any("only its first" in n for n in analyze(letter * 3).notes)
