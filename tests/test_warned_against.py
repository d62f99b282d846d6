"""Actions experts warned against in letters like this one stay out of the top three, with a reason."""

from clearair.advise import ranker
from clearair.pipeline import analyze

TEXT = ("A coworker on my team keeps leaving her dirty mugs in the shared sink and it is getting on my nerves. "
        "It is a small office and we get on well otherwise. Should I say something or just leave it?")


def test_warned_actions_leave_the_top_three(monkeypatch):
    base = analyze(TEXT)
    first = base.top_actions(1)[0]
    monkeypatch.setattr(ranker, "warned_against", lambda factors: {first: 0.9})
    moved = analyze(TEXT)
    assert first not in moved.top_actions(3)
    assert base.top_actions(3) != moved.top_actions(3)


def test_the_shipped_warning_model_matches_the_factors():
    spec = ranker.against_model()
    assert spec is not None and spec["columns"] == [f"{n}={v}" for n, v in ranker.columns()]
    assert spec["threshold"] is None or 0 < spec["threshold"] < 1
