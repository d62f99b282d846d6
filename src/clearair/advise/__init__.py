"""advise: signals in, ranked recommendations, don'ts, verdicts, triggers,
perspectives and scripts out. All knowledge comes from the playbook data.

Scoring is a transparent linear model: an action's score is its base plus,
for every rule whose signals hold, weight x product of signal strengths. Each
contributing rule becomes a reason that cites the evidence of its signals.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from clearair.advise.safety import Floor, apply_floor, assess_floor
from clearair.advise.scripts import render_scripts, script_for
from clearair.knowledge import load
from clearair.models import (
    NEVER_RECOMMENDED, Avoid, Evidence, FactorReading, OptionVerdict, Perspective, Reason, Recommendation,
    Report, Script, Signal, Situation, Trigger,
)

_MAX_REASONS = 6


@dataclass
class Scored:
    action: str
    score: float
    reasons: list[Reason] = field(default_factory=list)


@dataclass
class Advice:
    recommendations: list[Recommendation]
    avoid: list[Avoid]
    option_verdicts: list[OptionVerdict]
    revisit_if: list[Trigger]
    perspectives: list[Perspective]
    scripts: list[Script]


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
def weights() -> dict[str, tuple[float, list[float]]]:
    """action -> (base, rule weights): the calibrated numbers where they fit the
    playbook's current rules, else the hand-set ones."""
    playbook = load("playbook")["actions"]
    try:
        fitted = load("calibrated")["actions"]
    except FileNotFoundError:
        fitted = {}
    out = {}
    for action, spec in playbook.items():
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
    for action, spec in load("playbook")["actions"].items():
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
    order = list(load("playbook")["actions"])
    return sorted(scored, key=lambda s: (-s.score, order.index(s.action)))


def advise(situation: Situation, signals: list[Signal], factors: list[FactorReading] | None = None) -> Advice:
    """Rank the playbook's actions; with ``factors`` (the readers' output) the learned
    ranker re-weighs them and the safety floor holds over the result."""
    playbook = load("playbook")
    ranked = score_actions(signals)
    floor = Floor()
    if factors:
        ranked = _learned(ranked, factors)
        floor = assess_floor(factors, {s.name: s.strength for s in signals})
        ranked = apply_floor(ranked, factors, floor)
    sig = {s.name: s for s in signals}
    scripts = render_scripts(situation)
    recommendations = []
    for s in ranked:
        spec = playbook["actions"][s.action]
        recommendations.append(Recommendation(
            action=s.action, score=s.score, title=spec["title"], reasons=s.reasons[:_MAX_REASONS],
            risks=list(spec.get("risks", [])), steps=list(spec.get("steps", [])),
            script=script_for(spec.get("script"), scripts)))
    avoid = _avoid(situation, ranked, sig)
    return Advice(
        recommendations=recommendations,
        avoid=avoid,
        option_verdicts=_verdicts(situation, ranked, avoid, sig),
        revisit_if=_triggers(sig),
        perspectives=_perspectives(ranked, sig, floor),
        scripts=scripts,
    )


def _learned(ranked: list[Scored], factors: list[FactorReading]) -> list[Scored]:
    """Playbook score + w x the learned ranker's log-probability; its top factors become reasons."""
    from clearair.advise import ranker

    lp, w = ranker.log_proba({f.name: f.value for f in factors}), ranker.blend_weight()
    floor_lp = min(lp.values()) if lp else 0.0
    for s in ranked:
        s.score = round(s.score + w * lp.get(s.action, floor_lp), 3)
        s.reasons = (s.reasons[:_MAX_REASONS - 2] + ranker.reasons(s.action, factors))
        s.reasons.sort(key=lambda r: (r.effect != "raises",))
    return _best_first(ranked)


def _avoid(situation: Situation, ranked: list[Scored], sig: dict[str, Signal]) -> list[Avoid]:
    playbook = load("playbook")
    out: list[Avoid] = []
    named = {o.action for o in situation.options}
    for action, spec in playbook["tempting"].items():
        invited = [n for n in spec["invited_by"] if n in sig]
        if invited or action in named:
            ev = [e for n in invited for e in sig[n].evidence[:1]]
            ev += [e for o in situation.options if o.action == action for e in o.evidence]
            out.append(Avoid(action=action, title=spec["title"], why=spec["why"], evidence=ev[:3]))
    top = {s.action for s in ranked[:3]}
    for action, spec in playbook["actions"].items():
        if action in top:
            continue
        for rule in spec.get("avoid_when", []):
            if _holds(rule["when"], sig):
                ev = [e for n in _as_list(rule["when"]) for e in sig[n].evidence[:1]]
                out.append(Avoid(action=action, title=spec["title"], why=rule["why"], evidence=ev[:3]))
                break
    return out


def _verdicts(situation: Situation, ranked: list[Scored], avoid: list[Avoid],
              sig: dict[str, Signal]) -> list[OptionVerdict]:
    position = {s.action: i for i, s in enumerate(ranked)}
    by_action = {s.action: s for s in ranked}
    avoided = {a.action: a for a in avoid}
    out = []
    for opt in situation.options:
        action = opt.action
        if action is None:
            out.append(OptionVerdict(option=opt.text, action=None, verdict="unclear",
                                     reason="clearair could not map this option to a known course of action.",
                                     evidence=opt.evidence))
            continue
        if action in NEVER_RECOMMENDED:
            why = avoided[action].why if action in avoided else "This tends to backfire."
            out.append(OptionVerdict(option=opt.text, action=action, verdict="not advised", reason=why,
                                     evidence=opt.evidence))
            continue
        scored = by_action.get(action)
        rank = position.get(action, len(ranked))
        if scored is None:
            verdict, reason = "not advised", "It does not fit your position in this situation."
        else:
            # By rank, not by the score's sign: the learned ranker's log-probabilities shift every score.
            if rank < 2:
                verdict = "recommended"
            elif rank < 5 and action not in avoided:
                verdict = "reasonable"
            elif action in avoided or rank >= len(ranked) // 2:
                verdict = "not advised"
            else:
                verdict = "risky"
            reason = _verdict_reason(scored, rank, sig)
        out.append(OptionVerdict(option=opt.text, action=action, verdict=verdict, reason=reason,
                                 evidence=opt.evidence))
    return out


# Context the writer should weigh whatever they choose, when present.
_CONTEXT_SIGNALS = ("leaving_soon", "external_exposure", "fragility", "low_support", "repair_offered")


def _verdict_reason(scored: Scored, rank: int, sig: dict[str, Signal]) -> str:
    up_reasons = [r for r in scored.reasons if r.effect == "raises"][:2]
    down_reasons = [r for r in scored.reasons if r.effect == "lowers"][:2]
    ups, downs = [r.text for r in up_reasons], [r.text for r in down_reasons]
    parts = [f"Ranked {rank + 1} of the options clearair weighed."]
    if ups:
        parts.append("For it: " + "; ".join(ups) + ".")
    if downs:
        parts.append("Against it: " + "; ".join(downs) + ".")
    cited = {r.signal for r in up_reasons + down_reasons}
    extra = [sig[n].detail for n in _CONTEXT_SIGNALS if n in sig and not any(n in (c or "") for c in cited)]
    if extra:
        parts.append("Keep in mind: " + "; ".join(extra) + ".")
    return " ".join(parts)


def _triggers(sig: dict[str, Signal]) -> list[Trigger]:
    out = []
    for t in load("triggers")["triggers"]:
        if all(n in sig for n in t["when"]) and not any(n in sig for n in t.get("unless", [])):
            out.append(Trigger(text=t["text"], action=t.get("action")))
    return out


_PLAUSIBLE = 5  # a persona chooses among the main ranking's top actions with a positive score
_RANK_STEP = 0.5  # value of one rank place against one unit of persona bias (counted twice)


def _perspectives(ranked: list[Scored], sig: dict[str, Signal], floor: Floor | None = None) -> list[Perspective]:
    """Each persona re-ranks the plausible actions by its own leanings.

    Plausible: the top five of the main ranking (scores are blended with
    the learned ranker's log-probabilities, so their sign says nothing). A
    persona values rank places and its bias, so it can prefer a close second
    that fits its stance.
    """
    playbook = load("playbook")["actions"]
    main_top = ranked[0].action if ranked else None
    plausible = list(ranked[:_PLAUSIBLE])
    out = []
    for p in load("personas")["personas"]:
        def value(item: tuple[int, Scored]) -> float:
            rank, scored = item
            return (_PLAUSIBLE - rank) * _RANK_STEP + 2 * p["bias"].get(scored.action, 0.0)

        chosen = [s for _, s in sorted(enumerate(plausible), key=lambda it: (-value(it), it[0]))]
        biased = chosen + [s for s in ranked if s not in chosen]
        top = biased[0]
        reason = next((r.text for r in top.reasons if r.effect == "raises"), None)
        stance = p["stance"]
        if floor is not None and floor.writer_at_fault != "none" and "stance_if_at_fault" in p:
            stance = p["stance_if_at_fault"]  # never "you were wronged" to a writer who caused the problem
        elif floor is not None and floor.serious and "stance_if_serious" in p:
            stance = p["stance_if_serious"]
        view = f"{stance} So: {playbook[top.action]['title'].lower()}"
        view += f", because {reason}." if reason else "."
        if top.action != main_top and main_top is not None:
            view += f" This differs from the overall first choice ({playbook[main_top]['title'].lower()})."
        elif len(biased) > 1:
            view += f" Then, if needed: {playbook[biased[1].action]['title'].lower()}."
        out.append(Perspective(name=p["name"], title=p["title"], top_action=top.action,
                               ranking=[s.action for s in biased[:5]], view=view,
                               disagrees_with_main=top.action != main_top))
    return out


def attach(report: Report, advice: Advice) -> Report:
    report.recommendations = advice.recommendations
    report.avoid = advice.avoid
    report.option_verdicts = advice.option_verdicts
    report.revisit_if = advice.revisit_if
    report.perspectives = advice.perspectives
    report.scripts = advice.scripts
    return report
