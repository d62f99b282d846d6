"""A second look at learned readings whose own evidence sentence says something else, before the advice acts on
them. The learned readers weigh words across the letter and show the sentence that moved them most; where that
sentence plainly tells another story, the reading is not acted on.

- "Already taken above them" resting on telling a colleague, a friend or family ("I told my colleague Mariana and
  she said he does this with every new girl"), or "already raised with them" resting on telling a friend or family:
  nobody above the other side has been told, and the advice must not build on a step not taken (red team 36: a
  receptionist followed to the staff exit by a guest was told to go to her manager "this time in writing").
- "Your own manager is supportive" resting on the writer's fear of telling them ("I am afraid to tell my manager
  because he will say the guest is important"): that manager's stance is not known.

These run after training's readings (the training folds do not see them), like the rules' own findings.
"""

from __future__ import annotations

import re

from clearair.knowledge.factors import FACTORS
from clearair.models import FactorReading

#: The writer told someone at their own level or outside work, not anyone who could act on it.
_TOLD_SOMEONE_BESIDE = re.compile(
    r"\bi (?:told|mentioned it to|talked to|spoke to|confided in|asked|vented to) (?:my|a|our|one of my|another) "
    r"(?:(?:work |close |best |good )?(?:colleague|coworker|co-worker|friend|mate|workmate|flatmate|roommate)|husband|"
    r"wife|partner|boyfriend|girlfriend|mum|mom|mother|dad|father|sister|brother|family)s?\b", re.IGNORECASE)
_A_COLLEAGUE = re.compile(r"colleague|co-?worker|workmate", re.IGNORECASE)
#: Anyone who could act on it, or a formal step, named in the same sentence.
_SOMEONE_ABOVE = re.compile(r"\b(manager|boss|supervisor|hr|human resources|director|owner|head|lead|union|police|"
                            r"complaint|grievance|report(?:ed)?|management)\b", re.IGNORECASE)
#: The writer is afraid or unwilling to tell their manager: what the manager would do is not known.
_AFRAID_TO_TELL = re.compile(
    r"\b(?:afraid|scared|worried|nervous|frightened|terrified|reluctant|hesitant|don['’]?t want|do not want)\b"
    r"[^.?!]{0,20}?\b(?:to |of )?(?:tell|telling|go to|going to|ask|asking|approach|approaching|raise it with|"
    r"report(?:ing)? it to) (?:my|our|the) (?:manager|boss|supervisor|line manager)\b", re.IGNORECASE)


def reread(factors: list[FactorReading]) -> list[FactorReading]:
    """``factors`` with the learned readings above set back to their defaults, in place."""
    for f in factors:
        if f.source != "learned" or not f.evidence:
            continue
        said = f.evidence[0].text
        if f.name == "already_escalated" and f.value is True \
                and _TOLD_SOMEONE_BESIDE.search(said) and not _SOMEONE_ABOVE.search(said):
            _back_to_default(f)
        elif f.name == "already_raised" and f.value is True and (told := _TOLD_SOMEONE_BESIDE.search(said)) \
                and not _A_COLLEAGUE.search(told.group(0)) and not _SOMEONE_ABOVE.search(said):
            _back_to_default(f)  # (a colleague told may be the other side: then it was raised with them)
        elif f.name == "own_manager" and f.value == "supportive" and _AFRAID_TO_TELL.search(said):
            _back_to_default(f)
    return factors


def _back_to_default(f: FactorReading) -> None:
    spec = FACTORS[f.name]
    f.value, f.text, f.evidence, f.confidence = spec.default, spec.say(spec.default), [], 0.5  # (as a default)
