"""Whether the writer manages people who are in conflict with each other.

Why: the reading gives every act a target, and where the letter names none it is the
writer; so a manager writing about two of their people quarrelling was answered as if one
of them had wronged the manager ("When you made that remark about me..."). A blind panel
named this in three letters of twenty. The cue is the letter's own words for a quarrel
between others ("shouting at each other", "my two seniors are at war", "they won't work
together"), in a sentence where the writer is not one of the sides
(``knowledge/scripts.yaml``, ``between_others``).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from clearair.advise.scripts import script_data
from clearair.extract.reading import Reading
from clearair.models import Evidence, FactorReading, Situation

#: The other side's roles that can be one of the writer's people in such a quarrel.
_THEIR_PEOPLE = ("direct_report", "peer", "other")
_WRITER = ("i", "we")
#: A cue that names both sides itself ("at each other", "a feud between two of my...").
_BOTH_SIDES = re.compile(r"each other|one another|between", re.IGNORECASE)
#: The writer's own people, named as two just before a cue that names both sides.
_TWO_OF_MINE = re.compile(r"\b(?:two|both|a couple|a pair) of (?:my|our) [a-z]+|\bmy two [a-z]+", re.IGNORECASE)
#: Subjects that are two people or more by themselves.
_SEVERAL = ("they", "both", "two", "pair", "couple")


@cache
def _cues() -> dict[str, Any]:
    spec = script_data()["between_others"]
    # Each pattern on its own: joined, the leftmost match ("'s a feud") would hide an overlapping one that
    # names both sides ("a feud between two of my cashiers").
    lists = {k: [re.compile(p, re.IGNORECASE) for p in spec[k]] for k in ("quarrel", "not_getting_on")}
    return {**lists, "writer_is_a_side": re.compile("|".join(f"(?:{p})" for p in spec["writer_is_a_side"]),
                                                    re.IGNORECASE),
            "writer_is_the_object": re.compile(spec["writer_is_the_object"], re.IGNORECASE)}


def between_reports(reading: Reading, situation: Situation, factors: list[FactorReading]) -> list[Evidence]:
    """The sentence saying that people the writer manages are in conflict with each other; [] when the
    writer manages no one, the other side is above or outside them, or no sentence says so."""
    read = {f.name: f.value for f in factors}
    manages = bool(read.get("narrator_is_manager", situation.narrator.is_manager))
    cp = situation.party(situation.counterpart)
    if not manages or (cp is not None and cp.role not in _THEIR_PEOPLE):
        return []
    cues = _cues()
    doc: Any = reading.doc
    for sent in doc.sents:
        for kind in ("quarrel", "not_getting_on"):
            for pattern in cues[kind]:
                for m in pattern.finditer(sent.text):
                    if _between_others(reading, sent, m, negation_cancels=kind == "quarrel"):
                        return [reading.evidence(sent.start_char, sent.end_char)]
    return []


def _between_others(reading: Reading, sent, cue: re.Match, negation_cancels: bool) -> bool:
    """Whether this cue says that others, not the writer, are at odds: the writer is not a side (before the cue,
    among its verb's subjects, or just after it), a quarrel is not negated ("they don't fight with each other"),
    and a cue that does not name both sides has two people or more as its subject."""
    cues = _cues()
    if cues["writer_is_a_side"].search(sent.text[:cue.end()]) or cues["writer_is_the_object"].match(
            sent.text[cue.end():]):
        return False
    # "I've got two of my people who cant stand each other": the writer has them; the parse may give the cue the
    # writer's own verb
    both = bool(_BOTH_SIDES.search(cue.group(0)))
    mine = both and bool(_TWO_OF_MINE.search(sent.text[:cue.start()]))
    verb = _verb_with_subject(reading.token_at(sent.start_char + cue.start()))
    if verb is None:
        return both
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    people = subjects + [c for s in subjects for c in s.conjuncts]
    if any(p.lower_ in _WRITER for p in people) and not mine:
        return False
    if negation_cancels and any(c.dep_ == "neg" for c in verb.children):
        return False
    return both or any(
        s.lower_ in _SEVERAL or s.tag_ in ("NNS", "NNPS") or s.conjuncts
        or any(c.lower_ in _SEVERAL for c in s.children) for s in subjects)


def _verb_with_subject(token):
    """The nearest word at or above ``token`` that has a subject (the cue's own verb), or None."""
    for word in (token, *token.ancestors):
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in word.children):
            return word
    return None


#: One of the writer's people complaining about another: "Jen came to me and made a complaint about Marcus", "he has
#: filed a grievance against her", "she complained to me about him".
_COMPLAINED_ABOUT = re.compile(r"\b(?:made|making|make|filed|filing|file|raised|raising|raise|put in|lodged|brought) "
                               r"(?:a |an )?(?:formal |official |written )?(?:complaint|grievance)s? "
                               r"(?:about|against|over)\b|\bcomplain(?:ed|s|ing)? (?:to me |to us )?(?:about|that) "
                               r"(?:him|her|them|(?-i:[A-Z][a-z]+))\b", re.IGNORECASE)


def complaint_between(reading: Reading, situation: Situation) -> list[Evidence]:
    """Where the writer's people are in conflict, the words saying one has complained about another (red team 56: a
    manager told of a report's complaint about being called "princess" was given "I'm not here to decide who is
    right"); [] otherwise."""
    if not situation.between_others:
        return []
    found = _COMPLAINED_ABOUT.search(reading.text)
    return [reading.evidence(found.start(), found.end())] if found else []
