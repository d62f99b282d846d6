"""Who the letter is about: relational phrases name the other side's role, and the chooser
(hand or learned weights) picks the person the letter is about, not the most senior one named."""

import pytest

from clearair.pipeline import analyze


def role(text: str) -> str:
    return {f.name: f.value for f in analyze(text).factors}["counterpart_role"]


@pytest.mark.parametrize("text, expected", [
    ("A man I work with keeps taking my lunch from the shared fridge and laughing about it when I ask. "
     "It has happened five times this month and I am tired of it.", "peer"),
    ("One of the people I supervise has started arriving forty minutes late every day and leaving early. "
     "When I mention it she shrugs. I run a team of six in a call centre.", "direct_report"),
    ("I work for an elderly architect who yells at me whenever a drawing is late, even when the delay "
     "was his. I have been his assistant for two years and I dread Mondays.", "manager"),
    ("The foreman I answer to has started giving me the worst jobs on site since I asked about overtime pay. "
     "Nobody else gets sent to the skip every day.", "manager"),
])
def test_relational_phrases_name_the_role(text, expected):
    assert role(text) == expected


def test_the_person_acted_against_the_writer_not_the_senior_bystander():
    text = ("My coworker mocked my presentation in front of our director yesterday, rolling her eyes and "
            "saying the numbers were made up. The director said nothing. I was humiliated and want to "
            "know whether to raise it with her.")
    assert role(text) == "peer"


def test_the_shipped_chooser_is_what_training_chose():
    import json
    from importlib import resources

    from clearair.extract.counterpart import HAND_WEIGHTS, learned_weights

    spec = json.loads(resources.files("clearair").joinpath("data/models/counterpart.json").read_text())
    assert spec["chosen"] in ("learned", "rules")
    assert set(spec["accuracy"]) == {"rules", "learned", "reachable", "mcnemar_z"}
    assert (spec["chosen"] == "learned") == (spec["accuracy"]["mcnemar_z"] >= 1.96)
    if spec["chosen"] == "learned":
        assert learned_weights() == spec["weights"] and learned_weights() != HAND_WEIGHTS
    else:
        assert learned_weights() is None


_NOBODY_NAMED = ("Since the reorganisation, the person who signs off my timesheets keeps changing my hours without "
                 "telling me and then blames me in front of everyone when the rota does not work. Twice now I was "
                 "marked absent on days I worked. I have kept copies of the original rotas. Should I take it further?")


def test_a_letter_that_names_nobody_recognisable_gets_the_other_side_by_role_when_the_reader_is_sure(monkeypatch):
    """'The person who signs off my timesheets' is in no list of role phrases: the role reader reads the role
    from the letter, and the party it makes points at the writer's words. Here the bar is lowered so the
    reading is used whatever its confidence."""
    from clearair.extract import counterpart

    spec = dict(counterpart._artefact())
    spec["role"] = dict(spec["role"], bar=0.0)
    monkeypatch.setattr(counterpart, "_artefact", lambda: spec)
    report = analyze(_NOBODY_NAMED)
    cp = report.situation.party(report.situation.counterpart)
    assert cp is not None and cp.role in counterpart.role_reader().classes and not cp.mentions
    assert cp.evidence and all(_NOBODY_NAMED[e.start:e.end] == e.text for e in cp.evidence)
    assert cp.label.startswith(("your ", "the ")) and cp.label != "the other"


def test_an_unsure_role_reading_makes_no_other_side(monkeypatch):
    """Below the confidence at which cross-validation found its roles right three times in four, no party is
    made up: a wrong role (a harasser read as a peer) would mislead the advice more than none."""
    from clearair.extract import counterpart

    spec = dict(counterpart._artefact())
    spec["role"] = dict(spec["role"], bar=1.01)
    monkeypatch.setattr(counterpart, "_artefact", lambda: spec)
    assert analyze(_NOBODY_NAMED).situation.counterpart is None


def test_the_role_reader_never_overrides_a_party_the_chooser_picked(monkeypatch):
    """Between named parties the reader was right little more often than the chooser, and its mistakes
    there (a wronged report read as the other side) are the costly kind: it only fills a gap."""
    from clearair.extract import counterpart

    called = []
    real = counterpart.read_role
    monkeypatch.setattr(counterpart, "read_role", lambda *a, **k: called.append(1) or real(*a, **k))
    analyze("My coworker keeps taking credit for my slides in the weekly meeting with our manager. "
            "It has happened three times now and I am tired of it. Should I say something to her?")
    assert called == []
