"""The word gate in front of each lexicon pattern: a pattern is skipped only where it cannot match, so skipping
changes no reading, and it does skip (the gate is what keeps the lexicons' cost down)."""

import pytest

from clearair.extract import lexicon, parties
from clearair.knowledge import load
from clearair.similar import library


def _sections(data: dict, prefix: str = ""):
    for key, value in data.items():
        if isinstance(value, dict):
            if all(isinstance(v, (list, str)) for v in value.values()):
                yield prefix + key
            else:
                yield from _sections(value, prefix + key + ".")


def _gated_patterns():
    for section in _sections(load("lexicon")):
        try:
            table = lexicon._folded_table(section)
        except (KeyError, TypeError):
            continue
        for kind, (rx, folded) in table.items():
            if folded and rx.gate is not None:
                yield f"{section}.{kind}", rx
    for rx, entry in parties._mention_rules():
        if rx.gate is not None:
            yield f"mention.{entry.key}", rx


def _spans(matches):
    return [m.span() for m in matches]


@pytest.mark.parametrize("pattern, text, may", [
    (r"(?:i was promoted|i got promoted)", "last year i was promoted to lead", True),
    (r"(?:i was promoted|i got promoted)", "he was promoted, not me", False),   # the words, not the pair
    (r"(?:harass(?:ed|ing)?)", "she keeps harassing me", True),
    (r"(?:harass(?:ed|ing)?)", "she keeps hassling me", False),
    (r"(?:(?:new |old )?boss)", "my old boss", True),
    (r"(?:(?:new |old )?boss)", "my manager", False),
])
def test_the_gate_reads_the_words_a_match_starts_with(pattern, text, may):
    gate = lexicon.word_gate(pattern)
    assert gate is not None
    assert gate.may_match(lexicon.text_keys(text)) is may


def test_a_pattern_that_can_start_anywhere_is_not_gated():
    assert lexicon.word_gate(r"(?:[a-z]+s work under me)") is None
    assert lexicon.word_gate(r"(?:\d+ people)") is None


def test_patterns_without_a_gate_still_run_beside_gated_ones():
    """A kind mixing both: with the gate shut, the ungated patterns alone run, and find what the whole regex finds."""
    rx = lexicon.gated(["i was promoted", "[a-z]+s work under me"])
    assert rx.gate is not None and rx.rest is not None
    for text in ("two cashiers work under me", "i was promoted and two cashiers work under me", "nothing here"):
        low = lexicon.fold(text)
        assert _spans(rx.finditer(low)) == _spans(rx.whole.finditer(low))
    low = "two cashiers work under me"
    assert not rx.gate.may_match(lexicon.text_keys(low))


def test_a_gate_never_hides_a_match_in_the_library():
    """Every shipped pattern, over a sample of real letters: the gated regex finds what the whole one finds (where
    the gate is shut, only the ungated patterns run; where it is open, the regex is tried at the gate's words only);
    and the gates turn most kinds away from most letters."""
    patterns = list(_gated_patterns())
    assert len(patterns) > 80
    skipped = runs = 0
    for case in library()[::12]:
        low = lexicon.fold(case["situation"])
        keys = lexicon.text_keys(low)
        for name, rx in patterns:
            runs += 1
            if not rx.gate.may_match(keys):
                skipped += 1
            assert _spans(rx.finditer(low)) == _spans(rx.whole.finditer(low)), (
                f"{name} finds other hits in {case['id']} than its whole regex")
    assert skipped > runs / 3
