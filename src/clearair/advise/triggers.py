"""Revisit if…: events that should change the plan, never one that has already happened.

A trigger whose event the letter (or a case update) already reports is left
out: the advice already reflects it, and showing it as something to watch for
would tell the writer to wait for what they have lived through.
"""

from __future__ import annotations

import re
from functools import cache

from clearair.advise.safety import ALONE_WITH_THEM, Floor
from clearair.knowledge import load
from clearair.knowledge.schemas import TriggerFile, TriggerSpec
from clearair.models import Signal, Situation, Trigger

#: An event the letter (or a case update) reports after an apology: it has happened again.
REPEATED_AFTER_APOLOGY = "repeated_after_apology"
#: Names a trigger may use besides ``assess.SIGNALS``: an event read here, and the safety floor's fault reading.
_NOT_SIGNALS = frozenset({REPEATED_AFTER_APOLOGY, "writer_at_fault"})


@cache
def triggers() -> TriggerFile:
    """knowledge/triggers.yaml, validated: its names must be signals ``assess`` gives (or ``_NOT_SIGNALS``), since a
    misspelt one would make a trigger always or never show."""
    from clearair.assess import SIGNALS

    return checked_names(TriggerFile.model_validate(load("triggers")), SIGNALS)


def checked_names(file: TriggerFile, signals: frozenset[str]) -> TriggerFile:
    used = {n for t in file.triggers for n in [*t.when, *t.unless, *(x for group in t.fired_by for x in group)]}
    unknown = sorted(used - signals - _NOT_SIGNALS)
    if unknown:
        raise ValueError(f"triggers.yaml names signals assess never gives: {unknown}")
    return file
_AGAIN = re.compile(r"\b(again|another|once more)\b", re.I)


def events(s: Situation) -> set[str]:
    """What has already happened, beyond the signals: the other side did it again after apologising
    (an incident told after their apology, in words that say it is a repeat)."""
    apologies = [e.start for r in s.responses if r.kind in ("apology", "public_apology") for e in r.evidence]
    if not apologies:
        return set()
    said = [(e.start, e.end) for r in s.responses for e in r.evidence]
    for inc in s.incidents:
        if inc.actor in ("narrator",) or not inc.evidence:
            continue
        start = min(e.start for e in inc.evidence)
        end = max(e.end for e in inc.evidence)
        if start > min(apologies) and _AGAIN.search(inc.summary) and not any(a < end and start < b for a, b in said):
            return {REPEATED_AFTER_APOLOGY}
    return set()


def fired(t: TriggerSpec, sig: dict[str, Signal] | set[str]) -> bool:
    """Whether the trigger's event has already happened (``sig``: signal names, or events, that hold)."""
    return any(group and all(n in sig for n in group) for group in t.fired_by)


def revisit_if(sig: dict[str, Signal], happened: set[str] | None = None, floor: Floor | None = None) -> list[Trigger]:
    """Triggers whose conditions hold, whose event has not happened yet (``happened``: from :func:`events`) and
    that the safety floor allows (``floor``, :func:`allowed`)."""
    floor = floor or Floor()
    known = set(sig) | set(happened or ())
    holds = set(sig) | ({"writer_at_fault"} if floor.writer_at_fault == "mainly" else set())
    out = []
    for t in triggers().triggers:
        if all(n in holds for n in t.when) and not any(n in sig for n in t.unless) and not fired(t, known) and \
                allowed(t, floor):
            out.append(Trigger(text=t.text, action=t.action))
    return out


#: What a writer who mainly caused it may come back to: the repair and its pace, never a case against the other.
_REPAIR = frozenset({"APOLOGIZE", "REBUILD_TRUST", "WAIT", "SELF_CARE", "MEDIATE"})


def allowed(t: TriggerSpec, floor: Floor) -> bool:
    """A trigger never contradicts the safety floor: with serious conduct none presumes a word alone with the other
    side or asks for one ("if it continues after you have raised it directly" beside "do not face them alone"); with
    the writer's own manager part of the problem, none sends the notes to that manager."""
    if floor.serious and (t.after_a_word_with_them or t.action in ALONE_WITH_THEM):
        return False
    if floor.writer_at_fault == "mainly" and t.action not in _REPAIR:
        return False  # "if it happens again, take your notes to your manager" speaks to the one it was done to
    if floor.harm_is_the_writers and "severity" in t.when:
        return False  # "if there is any threat again, go to HR" is said to the target of intimidation
    if (floor.writer_owns or floor.employs_at_home) and t.action == "ESCALATE_MANAGER":
        return False  # an owner, or a family with a nanny, has no manager of their own to take the notes to
    if (floor.household or floor.owner or floor.former_staff or floor.candidate) \
            and t.action == "ESCALATE_THEIR_MANAGER":
        return False  # nobody stands above a family, an owner or someone who has left (red team 45: a nanny was told
        # to take her notes "to the person above them, or to HR")
    return not (floor.manager_is_problem and t.action == "ESCALATE_MANAGER")
