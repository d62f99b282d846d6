"""A huge paste or one long run without spaces cannot stall the reading: the parse reads
a bounded part of the text, while every ordinary letter is read whole, as before."""

import json
import time
from pathlib import Path

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


def test_a_long_run_of_emoji_inside_a_letter_is_read_in_seconds_not_minutes():
    text = letter()
    middle = text.index(" ", len(text) // 2)
    analyze(text)  # the pipeline loaded
    started = time.monotonic()
    report = analyze(text[:middle] + " " + "\U0001F600" * 10_000 + " " + text[middle:])
    took = time.monotonic() - started
    assert took < 5.0, took  # about 40 s before the bound (quadratic in the run's length), under 1 s after
    assert report.top_actions(1) == analyze(text).top_actions(1)  # and the letter around it is read the same


def test_a_paste_near_the_size_limit_is_read_in_seconds():
    paste = ""
    for path in sorted(LIBRARY.glob("cases_*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            paste += json.loads(line)["situation"] + "\n\n"
    paste = paste[:198_000]
    analyze(letter())
    started = time.monotonic()
    analyze(paste)
    took = time.monotonic() - started
    assert took < 10.0, took  # about 30 s before (every character parsed), about 2 s after


def test_a_text_cut_by_the_reading_budget_says_so_in_the_report():
    from clearair.pipeline import analyze

    letter = "My coworker keeps taking credit for my work in meetings. "
    long_text = letter * 800 + "Should I talk to him or go to my manager?"
    report = analyze(long_text)
    assert any("only its first" in n for n in report.notes)
    assert not any("only its first" in n for n in analyze(letter * 3).notes)
