"""The short written answer that leads a report, composed offline from the reading.

A few sentences in the order a good columnist answers: what is going on, what
to do first and why, what to avoid, and what to say. Every sentence is built
from the situation's facts and the ranked advice (never a clause of the letter
pasted in); a fact without clean words becomes a slot for the writer. It keeps
the safety floor's shape: with serious conduct it never suggests facing the
person alone, and a writer who caused the problem is told so, kindly.
"""

from __future__ import annotations

import re

from clearair.advise.phrases import incident_sentence, lower_first, main_incident, sentence, who, widest
from clearair.advise.safety import Floor, assess_floor
from clearair.knowledge import load
from clearair.models import NEVER_RECOMMENDED, Recommendation, Report

#: Actions that put the writer face to face with the other side, alone.
_FACE_TO_FACE = ("TALK_DIRECT", "SET_BOUNDARY", "MEDIATE")


def floor_of(report: Report) -> Floor:
    """The safety floor as the advice saw it (none without the readers' factors)."""
    if not report.factors:
        return Floor()
    return assess_floor(report.factors, {s.name: s.strength for s in report.signals})


def has_own_part(report: Report, floor: Floor | None = None) -> bool:
    """Whether the writer has something to own: the floor says so, or the rules are sure of it."""
    floor = floor or floor_of(report)
    return own_part(floor.writer_at_fault, {s.name: s for s in report.signals})


def _why(rec: Recommendation, n: int = 2) -> str:
    """The first reasons for ``rec`` in plain words, joined ("because a and b")."""
    picked: list[str] = []
    for r in rec.reasons:
        if r.effect != "raises" or r.text.startswith("In letters like yours"):
            continue
        text = lower_first(r.text.strip().rstrip("."))
        if text not in picked:
            picked.append(text)
        if len(picked) == n:
            break
    if not picked:
        return ""
    return picked[0] if len(picked) == 1 else f"{picked[0]}, and {picked[1]}"


def _going_on(report: Report, floor: Floor, own_part: bool) -> list[str]:
    s = report.situation
    sig = {x.name for x in report.signals}
    out: list[str] = []
    if floor.serious:
        out.append("What you describe is serious conduct, the kind an employer has to act on.")
    inc = widest(s, s.counterpart) or main_incident(s)
    cp = s.party(s.counterpart)
    if inc is not None:
        out.append(incident_sentence(s, inc))
    elif cp is not None:
        out.append(sentence(f"This is about {cp.label}: [what happened]"))
    wide = [i for i in s.incidents if i.audience.kind in ("large_group", "external") and i.actor not in (
        "narrator", "unknown", s.counterpart) and (inc is None or i.audience.kind != inc.audience.kind)]
    if wide and "[what happened]" not in incident_sentence(s, wide[0]):
        out.append(incident_sentence(s, wide[0]))  # what many people saw, even when someone else did it
    if "recurring" in sig or s.pattern.recurring:
        out.append("It is not a one-off: it keeps happening.")
    elif "one_off" in sig:
        out.append("It reads as a single incident.")
    if "repair_offered" in sig:
        by = next((r.by for r in s.responses if r.kind in ("apology", "public_apology") and r.by), None)
        name = "they" if by in (None, s.counterpart) else who(s, by)
        verb = "have" if name == "they" else "has"
        out.append(sentence(f"{name} {verb} since apologised" + (", in front of others" if "public_repair" in sig else "")))
    if floor.writer_at_fault == "mainly":
        out.append("From what you describe, much of this started with you. That is hard to hear, "
                   "and it is also the part you can fix.")
    elif own_part:
        out.append("Your side had a part in it too, and owning that makes everything else easier.")
    if "leaving_soon" in sig:
        out.append("You are leaving soon, which changes what is worth taking on.")
    return out


def _first_step(report: Report, floor: Floor, own_part: bool) -> list[str]:
    recs = report.recommendations
    if not recs:
        return []
    first = recs[0]
    why = _why(first)
    out = [sentence(f"The best first step: {lower_first(first.title)}" + (f", because {why}" if why else ""))]
    for nxt in recs[1:3]:
        if nxt.action == "APOLOGIZE" and not own_part:
            continue  # never ask a wronged writer to apologise
        if floor.serious and nxt.action in _FACE_TO_FACE:
            continue
        out.append(sentence(f"If that is not enough, {lower_first(nxt.title)}"))
        break
    if floor.serious:
        out.append("Do not go to the person on your own; let HR or a manager you trust handle the contact.")
    return out


def _avoid(report: Report) -> list[str]:
    if not report.avoid:
        return []
    named = {o.action for o in report.situation.options}
    pick = next((a for a in report.avoid if a.action in named), report.avoid[0])
    lead = "What to avoid" if pick.action in NEVER_RECOMMENDED else "Not now"
    return [sentence(f"{lead}: {lower_first(pick.title)}"), sentence(pick.why)]


def _first_line(text: str) -> str:
    """The first spoken sentence of a script, without its quotation marks."""
    for line in text.splitlines():
        line = line.strip().strip('"“”')
        greeting = line.endswith(",") and len(line) < 40
        if line and not greeting and not line.lower().startswith(("subject:", "1.")):
            first = re.split(r"(?<=[.?!])\s", line, maxsplit=1)[0]
            return first
    return ""


def _say(report: Report) -> list[str]:
    top = [r.action for r in report.recommendations[:3]]
    data = load("scripts")
    lines = data.get("answer_say", {})
    if any(s.name == "repair_offered" for s in report.signals):
        lines = {**lines, **data.get("answer_say_after_apology", {})}
    if top and top[0] in lines:
        return [sentence(lines[top[0]])]
    for action in top:
        script = next((s for s in report.scripts if s.action == action), None)
        if script is not None:
            line = _first_line(script.text)
            who = f" to {script.to}" if script.to else ""
            return [f"What to say{who}: “{line}” The full words are below."]
    return []


def compose(report: Report) -> str:
    """A few plain sentences that answer the letter; empty when there is no advice."""
    if not report.recommendations:
        return ""
    floor = floor_of(report)
    own_part = has_own_part(report, floor)
    going_on = " ".join(_going_on(report, floor, own_part))
    to_do = " ".join(p for p in _first_step(report, floor, own_part) + _avoid(report) + _say(report) if p)
    return "\n\n".join(p for p in (going_on, to_do) if p)


def own_part(writer_at_fault: str, sig: dict) -> bool:
    """Whether the writer has something to own: the safety floor says so, or the rules are sure of it
    (``sig``: signal name -> Signal)."""
    at_fault = sig.get("narrator_at_fault")
    return writer_at_fault != "none" or (at_fault is not None and at_fault.strength >= 0.8)
