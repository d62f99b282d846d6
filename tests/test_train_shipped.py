"""``make train`` reports the ranking as shipped: the blend, then the safety floor on out-of-fold readings."""

from clearair.knowledge.factors import FACTORS
from clearair.train.shipped import oof_readings, with_floor

RANKING = ["LET_GO", "TALK_DIRECT", "ESCALATE_MANAGER", "HR_FORMAL", "DOCUMENT", "SET_BOUNDARY"]


def readers(**values):
    """Every factor read by a learned reader, at its default unless given, with confidence 0.9."""
    out = {}
    for name, spec in FACTORS.items():
        value = values.get(name, spec.default)
        out[name] = {"chosen": "learned", "oof": [value], "oof_proba": [{str(value): 0.9}]}
    return out


def test_a_serious_reading_moves_the_formal_route_and_records_first():
    floored = with_floor({0: [RANKING]}, [oof_readings(readers(severity="serious"), {}, 0)])
    assert floored[0][0][:3] == ["HR_FORMAL", "DOCUMENT", "ESCALATE_MANAGER"]


def test_without_a_serious_reading_the_blend_stands():
    assert with_floor({0: [RANKING]}, [oof_readings(readers(), {}, 0)])[0][0] == RANKING


def test_conduct_the_rules_found_makes_it_serious_as_at_run_time():
    readings = oof_readings(readers(), {"rule:conduct=unwanted_sexual": 1.0}, 0)
    assert {f.name: (f.value, f.source) for f in readings}["severity"] == ("serious", "rules")
    assert with_floor({0: [RANKING]}, [readings])[0][0][0] == "HR_FORMAL"
