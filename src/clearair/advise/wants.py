"""What the writer says they want from the other side, turned into words they can ask with.

A columnist's script asks for the thing the writer wants ("could you give me more guidance?"); a template asks for "a
way of working that suits us both", which asks for nothing. Read only from plain statements ("I'd like him to copy me
in", "how to get more support from her"), and only for requests a person can make to someone's face: a wish that
they be punished or leave is not a request.
"""

from __future__ import annotations

import re

#: "get more support from him", "have some real guidance from my manager".
_MORE_FROM = re.compile(
    r"\b(?:get|have|receive|getting|having|i'd\s+like|i\s+would\s+like|i\s+need|i\s+could\s+use|asking\s+for|"
    r"ask\s+for|i\s+want)\s+(?P<what>(?:more|some|any|real|better|clearer|regular|proper|enough)\s+"
    r"(?:[a-z-]+\s+){0,2}?(?:support|guidance|feedback|help|direction|time|recognition|credit|communication|notice|"
    r"information|clarity|input|contact|check-ins?|leadership|mentoring|coaching|training|warning|flexibility|"
    r"autonomy|space|say))\s+from\s+(?:him|her|them|my\s+(?:manager|boss|supervisor|team\s?lead|lead|director))\b",
    re.IGNORECASE)

#: "I'd like him to copy me in on the emails", "I just want her to stop commenting on my lunch".
_THEM_TO = re.compile(
    r"\b(?:i|i'd|i\s+would|i\s+really|i\s+just)\s+(?:just\s+|really\s+)?(?:want|wanted|like|would\s+like|'d\s+like|"
    r"need|wish)\s+(?:him|her|them)\s+to\s+(?P<act>(?:stop|copy|include|tell|give|let|check|talk|speak|answer|reply|"
    r"respond|share|keep|send|credit|acknowledge|listen|loop|warn|meet|follow|treat|back|help|knock|call|email|"
    r"message|explain|show|consult|involve|make|come|respect|cc|pull|carry|leave\s+me\s+(?:alone|be))\b[^.?!;:]{0,70})",
    re.IGNORECASE)

#: Where a request stops: a new clause that is not part of it.
_CLAUSE_END = re.compile(r",|\s(?:and|but|so|because|or|instead of|rather than|without)\s|\s-\s|\s\u2013\s")

_TO_THEIR_FACE = ((re.compile(r"\b(himself|herself|themselves)\b", re.I), "yourself"),
                  (re.compile(r"\b(him|them)\b", re.I), "you"))


def wanted_from_them(text: str) -> tuple[str, int, int] | None:
    """The request (to be said after "could ..." or "I'm asking that ...": "you give me more support", "you copy me
    in on the emails") and where the writer's words it rests on start and end in ``text``; None when the letter
    states no such request."""
    m = _MORE_FROM.search(text)
    if m:
        return f"you give me {m.group('what').lower()}", m.start(), m.end()
    m = _THEM_TO.search(text)
    if m is None:
        return None
    act = m.group("act")
    cut = _CLAUSE_END.search(act)
    act = re.sub(r"\s+(?:and|or|but)$", "", (act[:cut.start()] if cut else act).strip())
    if len(act.split()) > 12 or re.search(r"\b(her|his|their)\b", act, re.IGNORECASE):
        return None  # "her", "his desk": you, yours or someone else's? left out rather than guessed
    end = m.start("act") + len(act)
    for rx, repl in _TO_THEIR_FACE:
        act = rx.sub(repl, act)
    return f"you {act}", m.start(), end
