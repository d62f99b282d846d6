"""The learned ranker's blend: the playbook, the factor ranker and the words reader, as trained."""

import pytest

from clearair.advise import ranker
from clearair.models import ACTION_CODES
from clearair.pipeline import analyze

LETTERS = [
    "My manager keeps changing my deadlines at the last minute and then tells the team I am slow. "
    "It has happened four times this quarter. I have asked him twice to put changes in writing but "
    "nothing changed. Should I go to his boss?",
    "A coworker and I used to get on well, but since I forgot to credit her in last week's presentation "
    "she has stopped speaking to me. I know it was my mistake. How do I fix this?",
    "I manage a small team. One of my reports is brilliant but misses every deadline and blames the "
    "others in our stand-up. The others are starting to complain to me.",
]


def test_the_blend_is_the_one_training_chose():
    weights = ranker.blend_weights()
    assert set(weights) == {"playbook", "factors", "words"}
    assert all(v >= 0 for v in weights.values()) and weights["playbook"] > 0
    spec = ranker.model()["words"]
    assert set(spec["classes"]) <= set(ACTION_CODES)
    assert len(spec["features"]) == len(spec["weights"][0])


@pytest.mark.parametrize("text", LETTERS)
def test_a_words_reason_quotes_a_sentence_of_the_letter(text):
    report = analyze(text)
    said = [r for rec in report.recommendations for r in rec.reasons if r.signal == "words"]
    for reason in said:
        assert reason.source == "learned" and reason.effect == "raises"
        ev = reason.evidence[0]
        assert text[ev.start:ev.end] == ev.text and len(ev.text.split()) >= 3


def test_some_letter_gets_a_words_reason():
    """The words reader explains itself somewhere: a reason that points at the writer's sentence."""
    reports = [analyze(t) for t in LETTERS]
    assert any(r.signal == "words" for rep in reports for rec in rep.recommendations[:5] for r in rec.reasons)


def test_the_words_reader_moves_the_ranking(monkeypatch):
    """With everything else equal, what the words reader favours rises."""
    if not ranker.blend_weights()["words"]:
        pytest.skip("training chose a blend without the words reader")
    text = LETTERS[0]
    base = analyze(text).top_actions(10)
    target = base[5]
    real = ranker.read_words

    def favouring(sents, features, original):
        words = real(sents, features, original)
        words.log_proba = {a: (0.0 if a == target else -9.0) for a in words.log_proba}
        return words

    monkeypatch.setattr("clearair.pipeline.read_words", favouring)
    moved = analyze(text).top_actions(10)
    assert moved.index(target) < base.index(target)
