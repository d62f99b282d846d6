"""What a talk is about, from the writer's own words (``scripts.yaml`` ``topics_by_words``).

Where the reading has no clean words for the other side's act and no theme with a topic, an opener said "It's about
[what happened]" in about a third of letters. A plain topic found in the writer's words ("she doesn't do her share"
is about how the work gets shared) opens the talk without guessing at an act; the writer's words behind it are kept.
"""

from __future__ import annotations

import re
from functools import lru_cache

from clearair.knowledge import load
from clearair.models import Cue


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[str, re.Pattern], ...]:
    topics = load("scripts").get("topics_by_words", {})
    return tuple((kind, re.compile("|".join(f"(?:{w})" for w in t["words"]), re.IGNORECASE))
                 for kind, t in topics.items())


def said_topics(text: str) -> list[tuple[str, int, int]]:
    """Each topic the writer's words name, in ``topics_by_words`` order, with the span of its first words."""
    return [(kind, m.start(), m.end()) for kind, rx in _patterns() if (m := rx.search(text)) is not None]


def topic_to(cues: list[Cue], role: str | None) -> dict | None:
    """The first topic found that may be said to someone in ``role``: what to say it is about (``say``) and, where
    the topic has one, what to ask for (``ask``: "the balance is paid by the date on the invoice")."""
    topics = load("scripts").get("topics_by_words", {})
    return next((topics[c.kind] for c in cues if c.kind in topics and role in topics[c.kind]["to"]), None)
