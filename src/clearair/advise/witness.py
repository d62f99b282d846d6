"""Whether the writer saw it done to someone else: then the answer starts with that person, and the words say what
the writer saw, never "how they treated me".

The bystander reader (a factor trained on annotated letters) misses witnesses told in few words, so the writer's own
words count too: "I saw him put his hand on her lower back", "I watched our shift manager lose it at one of the new
starters", "this isn't about me", in a letter where nothing is done to the writer. A red team found a witness's formal
note saying "the director has behaved towards me in a sexual way".
"""

from __future__ import annotations

import re

from clearair.advise.notes import AT_THE_WRITER, HURT_ME
from clearair.extract.reading import Reading
from clearair.models import Evidence, FactorReading, Situation

#: How sure the bystander reader must be to say so on its own (as for the flags the reading shows).
SURE = 0.6
#: ... and where nothing in the letter is done to the writer, how sure it must be.
LEANING = 0.5
#: How sure the bystander reader must be that the writer is no witness for its "no" to stand over the words' clues.
NOT_A_WITNESS = 0.8

#: The verbs of watching it happen: what a witness says, and a writer about their own treatment seldom does.
_WATCHING = r"saw|watched|witnessed|have seen|'ve seen|had seen|was there when"
#: The writer seeing or hearing someone else treated so: a verb of witnessing, then a third person within the
#: sentence ("I saw him put his hand on her", "I watched Dean scream at him").
_SAW = re.compile(rf"\bi\s+(?:{_WATCHING}|noticed|overheard|heard)\b[^.?!]{{0,120}}?\b(?:him|her|them|his|their|"
                  r"one of (?:the|our|my) [a-z]+)\b", re.IGNORECASE)
#: The writer saying the letter is about someone else.
_NOT_ME = re.compile(r"\b(?:this|it) (?:isn'?t|is not|wasn'?t|was not) (?:really |exactly |actually )?about me\b|"
                     r"\bon behalf of (?:a|my) (?:colleague|coworker|co-worker|friend|teammate)\b|"
                     r"\bfor a (?:colleague|coworker|co-worker|friend) (?:at|of mine)\b", re.IGNORECASE)
#: The writer as the one it was done to ("at me", "my desk"), not "my colleague Ana".
_ME = re.compile(r"\b(?:me|myself)\b|\bmy\b(?!\s+(?:[\w-]+\s+)?(?:colleagues?|co-?workers?|friends?|team(?:mates?)?|"
                 r"staff|peers?|juniors?|trainees?|reports?|people)\b)", re.IGNORECASE)


def seen_done_to_others(reading: Reading, situation: Situation, factors: list[FactorReading],
                        conduct: list | tuple = ()) -> list[Evidence]:
    """The writer's words saying they saw it done to someone else; empty when it was done to them, or between people
    they manage (which has words of its own). ``conduct``: the serious conduct others did (``extract.conduct``)."""
    if situation.between_others:
        return []
    if on_others := _physical_on_others(reading, conduct):
        return on_others
    bystander = next((f for f in factors if f.name == "bystander"), None)
    if bystander is not None and bystander.value is False and bystander.confidence >= NOT_A_WITNESS and not (
            bystander.confidence < SURE_NOT_A_WITNESS and _watched(reading)):
        return []  # the reader is sure it was done to the writer: "I noticed…" or a sentence about others does not
        # make them a witness (red team 32: "You saw it happen to someone else" told to a woman about her own pay);
        # "I watched the department head yell at my colleague" still does, unless the reader is surer still
    if _SAID_TO_ME.search(reading.text) and not _watched(reading):
        return []  # words said to the writer's face, in quotation marks (red team 47: "keep running your mouth and
        # see what happens to your car" read as something the writer only saw, after they reported a blocked exit)
    reader = bystander if bystander is not None and bystander.value is True else None
    leaning = reader.confidence if reader is not None else 0.0
    if reader is not None and reader.evidence and all(_the_writer_in_it(e.text) for e in reader.evidence) \
            and not _watched(reading):
        return []  # its own sentence has the writer doing their part ("…every time I presented my part"): done to
        # them in front of others, however sure the reader is (a rebuild read it at 0.67)
    if reader is not None and leaning >= SURE:
        return reader.evidence or _words(reading) or _opening(reading)
    said = _words(reading) or _told_of_others(situation, factors)
    if _done_to_the_writer(situation, said):
        return []  # something is done to the writer, beyond what they saw: they are not only a witness
    return said if said or leaning < LEANING else _opening(reading)


#: Someone's words to the writer, quoted, with "you" in them: "He came up close and said 'keep running your mouth'",
#: "she told me 'you'll regret this'", "he shouted at me 'you're finished here'".
_SAID_TO_ME = re.compile(r"\b(?:told me|said to me|says to me|shouted at me|yelled at me|screamed at me|hissed at me|"
                         r"snapped at me|(?:came|walked|leaned|got|stood) (?:up )?(?:close|over|right up|in my face)"
                         r"[^.?!\"“‘]{0,40}\b(?:said|says|hissed|whispered|muttered|told me))\b[^.?!\"“‘]{0,20}"
                         r"[\"“‘'][^\"”’]{0,200}\byou(?:r|'re|’re|'ll|’ll)?\b", re.IGNORECASE)


#: Conduct done to a body: who it was done to is in its own words ("took Kian by the upper arm").
_PHYSICAL = ("physical_intimidation", "unwanted_sexual")


def _physical_on_others(reading: Reading, conduct: list | tuple) -> list[Evidence]:
    """The words of physical conduct, where every such act in the letter was done to someone other than the writer
    (red team 38: a teaching assistant who saw the deputy head drag a pupil by the arm and shut him in a room had a
    formal note saying the deputy head "has been physically intimidating towards me")."""
    physical = [h for h in conduct if h.kind in _PHYSICAL]
    if not physical or any(AT_THE_WRITER.search(reading.text[h.start:h.end])
                           or HURT_ME.search(reading.sentence_at(h.start).text) for h in physical):
        return []  # (nor where the act hurt the writer: "he threw a glass frame at the wall … a bit of glass cut my
        # arm" was read as something the writer only saw; red team 54)
    return [reading.evidence(physical[0].start, physical[0].end)]


def _told_of_others(situation: Situation, factors: list[FactorReading]) -> list[Evidence]:
    """Serious conduct told only of others: every sentence of what happened (``Situation.what_happened``) is about
    someone other than the writer ("people have been posting memes taking the mick out of one of the girls, Hannah,
    about her stammer"), with no word of seeing it (a red team found such a letter's formal note saying the remarks
    were aimed at the writer). Not of someone the writer manages: a manager tells what their report did to others."""
    cp = situation.party(situation.counterpart)
    serious = any(f.name == "severity" and f.value == "serious" for f in factors)
    told = situation.what_happened
    if not serious or not told or (cp is not None and cp.role == "direct_report") or any(
            _ME.search(e.text) for e in told):
        return []
    return told[:1]


#: Above this a reading that it was done to the writer outweighs even their words of watching it done to another.
SURE_NOT_A_WITNESS = 0.9


def _watched(reading: Reading) -> bool:
    """The writer's words of watching it done to someone else ("I watched", "I saw", "I witnessed"), none of them at
    the writer; not "I noticed" or "I heard", which a letter about the writer's own treatment uses too."""
    return any(re.match(rf"i\s+(?:{_WATCHING})\b", e.text, re.I) for e in _words(reading))


def _opening(reading: Reading) -> list[Evidence]:
    """The letter's first words, where the reader is sure of a witness but no words of seeing were found."""
    return [reading.evidence(0, min(len(reading.text), 80))]


def _words(reading: Reading) -> list[Evidence]:
    for rx in (_NOT_ME, _SAW):
        for m in rx.finditer(reading.text):
            if rx is _SAW and _ME.search(m.group(0)):
                continue  # "I saw him looking at my screen": done to the writer
            return [reading.evidence(m.start(), m.end())]
    return []


def only_a_witness(situation: Situation) -> bool:
    """The writer saw it done to someone else and nothing in the letter is done to them: then there is a person to
    start with (the answer's first line for a witness)."""
    return bool(situation.witnessed) and not _done_to_the_writer(situation, situation.witnessed) \
        and not all(_the_writer_in_it(e.text) for e in situation.witnessed)


def _done_to_the_writer(situation: Situation, seen: list[Evidence]) -> bool:
    """A sentence in which something is done to the writer, other than the words saying what they saw; or one of
    those words that tell the writer doing their part in it ("rolled her eyes and smirked at the others every time I
    presented my part", which is done to the writer in front of others, not seen done to someone else)."""
    return any(not any(s.start < e.end and e.start < s.end for s in seen) or _the_writer_in_it(e.text)
               for e in situation.acts_on_writer)


#: The writer doing their own part while it happened ("every time I presented my part", "while I gave my report"):
#: the act is aimed at them, not seen done to someone else ("when I walked in" says only where they were).
_WRITER_ACTS = re.compile(r"\b(?:every time|whenever|each time|when|while|as) I\s+[a-z]+(?:ed|d|ing)?\s+(?:my|our)\b",
                          re.IGNORECASE)


def _the_writer_in_it(text: str) -> bool:
    return bool(_WRITER_ACTS.search(text))
