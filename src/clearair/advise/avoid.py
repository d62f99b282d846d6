"""What not to do: only what the writer is considering or the situation invites.

A don't the writer did not raise and nothing in the letter points to is
noise (and a don't list that is always the same teaches people to skip it).
A tempting move (a public call-out, venting, getting even) is listed when the
writer names it, or when at least two of the facts that invite it hold. An
action the advice weighs is listed when one of its playbook "avoid when"
rules holds and it is not among the top three. Options the writer named come
first; the list stays short.
"""

from __future__ import annotations

from clearair.advise.phrases import in_the_writers_word
from clearair.advise.safety import FORMAL_ROUTES, Floor, safe_formal_route
from clearair.knowledge import load
from clearair.models import ActionCode, Avoid, Signal, Situation

#: How many of a tempting move's inviting facts must hold when the writer has not named it.
INVITED_BY_AT_LEAST = 2
MAX_AVOID = 4


def _as_list(when) -> list[str]:
    return [when] if isinstance(when, str) else list(when)


def held_back(sig: dict[str, Signal]) -> dict[ActionCode, dict]:
    """Actions whose playbook "avoid when" holds for these signals, each with the first rule that holds (its
    ``when`` and ``why``): what the advice lists under what not to do, and so never ranks among the first three
    (``advise``)."""
    out: dict[ActionCode, dict] = {}
    for action, spec in load("playbook")["actions"].items():
        rule = next((r for r in spec.get("avoid_when", []) if all(n in sig for n in _as_list(r["when"]))), None)
        if rule is not None:
            out[action] = rule
    return out


#: With serious conduct a playbook reason that sizes the harm as a slight is said otherwise (a red team read "costs
#: more standing than the original slight" beside a hand on the writer's thigh).
_SERIOUS_WHY = {
    "PUBLIC_CALLOUT": "Confronting them in front of others puts you at the centre and gives them a story to tell; with "
                      "conduct like this, a formal route and your dated notes protect you better.",
}


def avoid_list(situation: Situation, top: list[str], sig: dict[str, Signal], floor: Floor | None = None) -> list[Avoid]:
    """``top``: the recommended actions, best first (the first three are never listed here). ``floor``: where the
    conduct may be serious or the writer's manager is the problem, a formal route the floor allows ("raise it with
    their manager") is never listed as a don't; a blind panel twice read "take it above them" beside "don't go over
    your boss's head" as the report contradicting itself."""
    playbook = load("playbook")
    named = {o.action for o in situation.options}
    first3 = set(top[:3])
    out: list[Avoid] = []
    for action, spec in playbook["tempting"].items():
        invited = [n for n in spec["invited_by"] if n in sig and sig[n].strength >= 0.5]
        if action in named or len(invited) >= INVITED_BY_AT_LEAST:
            ev = [e for o in situation.options if o.action == action for e in o.evidence]
            ev += [e for n in invited for e in sig[n].evidence[:1]]
            why = _SERIOUS_WHY.get(action, spec["why"]) if floor is not None and floor.serious else spec["why"]
            out.append(Avoid(action=action, title=spec["title"], why=why, evidence=ev[:3]))
    allowed = {a for a in FORMAL_ROUTES if safe_formal_route(a, floor)} if floor is not None and (
        floor.serious or floor.manager_is_problem) else set()
    own_doing = floor is not None and floor.harm_is_the_writers
    for action, rule in held_back(sig).items():
        if action in first3 or action in allowed:
            continue
        if own_doing and "severity" in _as_list(rule["when"]):
            continue  # "letting it go leaves you exposed" is said to the target of intimidation
        ev = [e for o in situation.options if o.action == action for e in o.evidence]
        ev += [e for n in _as_list(rule["when"]) for e in sig[n].evidence[:1]]
        out.append(Avoid(action=action, title=playbook["actions"][action]["title"],
                         why=in_the_writers_word(rule["why"], situation), evidence=ev[:3]))
    out.sort(key=lambda a: a.action not in named)  # what the writer is weighing first
    return out[:MAX_AVOID]
