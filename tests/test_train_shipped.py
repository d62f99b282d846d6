"""``make train`` reports the ranking as shipped: the blend, then the safety floor on out-of-fold readings."""

from clearair.knowledge.factors import FACTORS
from clearair.train.shipped import oof_readings, with_floor

BAR = 0.45
RANKING = ["LET_GO", "TALK_DIRECT", "ESCALATE_MANAGER", "HR_FORMAL", "DOCUMENT", "SET_BOUNDARY"]


def readers(**values):
    """Every factor read by a learned reader, at its default unless given, with confidence 0.9."""
    out = {}
    for name, spec in FACTORS.items():
        value = values.get(name, spec.default)
        out[name] = {"chosen": "learned", "oof": [value], "oof_proba": [{str(value): 0.9}], "margin": 0.0}
    return out


def test_a_serious_reading_moves_the_formal_route_and_records_first():
    floored = with_floor({0: [RANKING]}, [oof_readings(readers(severity="serious"), {}, 0, BAR)])
    assert floored[0][0][:3] == ["HR_FORMAL", "DOCUMENT", "ESCALATE_MANAGER"]


def test_without_a_serious_reading_the_blend_stands():
    assert with_floor({0: [RANKING]}, [oof_readings(readers(), {}, 0, BAR)])[0][0] == RANKING


def test_conduct_the_rules_found_makes_it_serious_as_at_run_time():
    readings = oof_readings(readers(), {"rule:conduct=unwanted_sexual": 1.0}, 0, BAR)
    assert {f.name: (f.value, f.source) for f in readings}["severity"] == ("serious", "rules")
    assert with_floor({0: [RANKING]}, [readings])[0][0][0] == "HR_FORMAL"


def test_severity_is_read_at_the_shipped_bar_not_the_readers_default():
    spread = readers()
    spread["severity"] = {"chosen": "learned", "oof": ["serious"], "margin": 0.0,
                          "oof_proba": [{"minor": 0.20, "unprofessional": 0.45, "serious": 0.35}]}
    assert {f.name: f.value for f in oof_readings(spread, {}, 0, 0.30)}["severity"] == "serious"
    assert {f.name: f.value for f in oof_readings(spread, {}, 0, 0.40)}["severity"] == "unprofessional"


def test_the_serious_bar_is_chosen_as_the_engine_reads_severity():
    """Serious when likeliest or from the bar (``cautious``): a likeliest "serious" under every bar still counts."""
    from clearair.train.readers import choose_serious_bar

    proba = [{"minor": 0.30, "unprofessional": 0.32, "serious": 0.38}] * 3 + \
            [{"minor": 0.10, "unprofessional": 0.62, "serious": 0.28}] * 2
    chosen = choose_serious_bar(["serious"] * 3 + ["unprofessional"] * 2, proba)
    assert chosen["missed"] == 0 and chosen["alarms"] == 0
