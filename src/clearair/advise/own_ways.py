"""What the writer says of their own ways, as a habit: "I've been known to lose my temper", "I'm a very competitive
person", "I can be blunt".

The fault reader weighs the writer's sentences about what they did, and is often too unsure to act on (a learned
"partly" is never acted on alone). A writer who tells of their own temper or competitiveness while asking why
others avoid or talk about them has told a part of it themselves; a blind panel marked answers that treated such a
writer as only wronged (a supervisor told he "has enemies" after admitting his temper was advised to coach the
messenger). Read here, beside the advice that uses it (``safety.floor_for``): only with the fault reader also
leaning to a part of theirs does it count.
"""

from __future__ import annotations

import re

#: A habit of the writer's own, told as theirs: temper, bluntness, competitiveness, control.
_TENDENCY = re.compile(
    r"\bI(?:['’]ve| have)? been known to (?:lose my temper|snap|shout|yell|blow up|fly off the handle|be (?:short|"
    r"blunt|harsh|abrupt|sharp|curt|impatient))\b"
    r"|\bI (?:can|do|sometimes|often|tend to|occasionally)(?: \w+ly)? (?:lose my temper|snap at|shout at|yell at|"
    r"blow up|be (?:a bit |quite |very |too )?(?:short|blunt|harsh|abrupt|sharp|curt|impatient|abrasive|intense|"
    r"controlling))\b"
    r"|\bI(?:['’]m| am) (?:a very |very |quite |really |extremely |pretty |a bit |a little |rather |fairly |a )?"
    r"(?:competitive|blunt|abrasive|hot-headed|short-tempered|quick-tempered|impatient|controlling|perfectionist|"
    r"micromanager)\b",
    re.IGNORECASE)
#: The habit denied or doubted just before: "I don't think I'm competitive", "I never lose my temper".
_DENIED = re.compile(r"\b(?:don['’]t|do not|never|wouldn['’]t|would not) (?:think|say|believe|feel)(?: that)?\s*$|"
                     r"\bnot that\s*$", re.IGNORECASE)


def own_tendencies(text: str) -> list[tuple[int, int]]:
    """Where the writer tells of a habit of their own (start, end of the words), in text order; none denied."""
    return [(m.start(), m.end()) for m in _TENDENCY.finditer(text)
            if not _DENIED.search(text[max(0, m.start() - 30):m.start()])]
