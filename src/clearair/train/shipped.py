"""The cross-validated ranking as the engine ships it: the chosen blend, then the safety floor.

The blend's figures leave out the floor, which moves a formal route and dated notes to the top wherever the
reading is "serious" and keeps an apology first where the writer is at fault. On letters nobody tuned on, that
move costs figures wherever the reading is a false alarm, so ``make train`` reports both: the floor applied to
each letter's out-of-fold readings, through the same ``assess_floor`` and ``apply_floor`` the engine runs.

Two parts of the run-time floor cannot be rebuilt from the training folds and are left out, both on the side of
acting less: the fault reading's evidence test (a learned fault is acted on only with the writer's own words
behind it, so here never) and the rules' signal strengths.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from clearair.advise.safety import apply_floor, assess_floor
from clearair.assess.readers import apply_conduct, cautious
from clearair.extract.lexicon import Hit
from clearair.knowledge.factors import FACTORS
from clearair.models import FactorReading, Reason
from clearair.train.readers import abstain


@dataclass
class _Ranked:
    action: str
    score: float
    reasons: list[Reason] = field(default_factory=list)


def oof_readings(readers: dict, features: dict[str, float], i: int, serious_bar: float) -> list[FactorReading]:
    """Letter ``i``'s out-of-fold factor readings as the engine would hold them: the shipped reader's value,
    its confidence (a rule's is 0.7, as at run time), then the conduct the rules found (``apply_conduct``).
    Severity is read again at the shipped ``serious_bar`` (the readers' own figures use the default bar)."""
    out = []
    for name, r in readers.items():
        value = r["oof"][i]
        learned = r["chosen"] == "learned"
        if name == "severity" and learned:
            proba = r["oof_proba"][i]
            value = cautious(name, abstain(proba, str(FACTORS[name].default), r["margin"]), proba, bar=serious_bar)
        confidence = float(r["oof_proba"][i].get(str(value), 0.0)) if learned else 0.7
        out.append(FactorReading(name=name, title=FACTORS[name].title, value=value, text="",
                                 confidence=min(1.0, max(0.0, confidence)), source="learned" if learned else "rules"))
    conduct = [Hit(k.split("=", 1)[1], 0, 0) for k in features if k.startswith("rule:conduct=")]
    own = [Hit(k.split("=", 1)[1], 0, 0) for k in features if k.startswith("rule:own_conduct=")]
    by_manager = [Hit("by_manager", 0, 0)] if features.get("rule:conduct_by_manager") else []
    return apply_conduct(out, conduct, "", own=own, by_manager=by_manager)


def with_floor(rankings_by_seed: dict[int, list], readings: list[list[FactorReading]]) -> dict[int, list]:
    """Each ranking (best first) with the safety floor applied to that letter's readings."""
    out = {}
    for seed, rankings in rankings_by_seed.items():
        floored = []
        for ranking, factors in zip(rankings, readings):
            ranked = [_Ranked(a, float(len(ranking) - k)) for k, a in enumerate(ranking)]
            floored.append([s.action for s in apply_floor(ranked, factors, assess_floor(factors))])
        out[seed] = floored
    return out
