"""The hand playbook's score for every action: a transparent linear model over the signals.

An action's score is its base plus, for every rule whose signals hold, weight x
the product of the signals' strengths; each contributing rule becomes a reason that
cites its evidence. Training reads these scores too (``train/featurize.py``), so
this module, not the wording around the advice, is what the shipped models depend on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from clearair.knowledge import load
from clearair.knowledge.schemas import PlaybookFile
from clearair.models import Evidence, Reason, Signal


@dataclass
class Scored:
    action: str
    score: float
    reasons: list[Reason] = field(default_factory=list)


def _as_list(when) -> list[str]:
    return [when] if isinstance(when, str) else list(when)


def _holds(when, sig: dict[str, Signal]) -> float:
    """Product of the strengths of the named signals (0 when one is missing)."""
    value = 1.0
    for name in _as_list(when):
        if name not in sig:
            return 0.0
        value *= sig[name].strength
    return value


@cache
def playbook() -> dict:
    """``playbook.yaml``, checked against its schema and ``assess.SIGNALS`` once: a misspelt action, script or
    signal fails here, not as a rule that never fires."""
    from clearair.assess import SIGNALS

    data = load("playbook")
    PlaybookFile.model_validate(data).check_signals(SIGNALS)
    return data


@cache
def weights() -> dict[str, tuple[float, list[float]]]:
    """action -> (base, rule weights): the calibrated numbers where they fit the
    playbook's current rules, else the hand-set ones."""
    playbook_actions = playbook()["actions"]
    try:
        fitted = load("calibrated")["actions"]
    except FileNotFoundError:
        fitted = {}
    out = {}
    for action, spec in playbook_actions.items():
        hand = (float(spec["base"]), [float(r["weight"]) for r in spec["rules"]])
        got = fitted.get(action)
        fits = got is not None and len(got["rules"]) == len(spec["rules"])
        out[action] = (float(got["base"]), [float(w) for w in got["rules"]]) if fits else hand
    return out


def score_actions(signals: list[Signal]) -> list[Scored]:
    """Every playbook action scored, best first; ties break by playbook order."""
    sig = {s.name: s for s in signals}
    out: list[Scored] = []
    fitted = weights()
    for action, spec in playbook()["actions"].items():
        if any(req not in sig for req in spec.get("requires", [])):
            continue
        base, rule_weights = fitted[action]
        scored = Scored(action, base)
        for rule, weight in zip(spec["rules"], rule_weights):
            k = _holds(rule["when"], sig)
            if not k or not weight:
                continue
            delta = weight * k
            scored.score += delta
            evidence: list[Evidence] = []
            for name in _as_list(rule["when"]):
                evidence.extend(sig[name].evidence[:2])
            scored.reasons.append(Reason(text=rule["why"], effect="raises" if delta > 0 else "lowers",
                                         signal="+".join(_as_list(rule["when"])), evidence=evidence[:3]))
        scored.score = round(scored.score, 3)
        scored.reasons.sort(key=lambda r: (r.effect != "raises",))
        out.append(scored)
    return _best_first(out)


def _best_first(scored: list[Scored]) -> list[Scored]:
    """Highest score first; ties break by playbook order."""
    order = list(playbook()["actions"])
    return sorted(scored, key=lambda s: (-s.score, order.index(s.action)))
