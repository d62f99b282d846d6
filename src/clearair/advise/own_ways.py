"""What the writer says of their own part: a habit of theirs ("I've been known to lose my temper", "I'm a very
competitive person", "I can be blunt") or an admission ("this one's partly on me", "I owe her an apology").

The fault reader weighs the writer's sentences about what they did, and is often too unsure to act on (a learned
"partly" is never acted on alone). A writer who tells of their own temper or competitiveness while asking why
others avoid or talk about them has told a part of it themselves; a blind panel marked answers that treated such a
writer as only wronged (a supervisor told he "has enemies" after admitting his temper was advised to coach the
messenger). Read here, beside the advice that uses it (``safety.floor_for``): only with the fault reader also
leaning to a part of theirs does it count.
"""

from __future__ import annotations

import re

from clearair.advise.phrases import inside_quotes

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


#: The writer owning a part outright: "this one's partly on me", "I owe her an apology", "I dropped the ball" (red team
#: 34: a writer who said both was given a limit to state to the colleague they had let down, and no apology).
_ADMITS = re.compile(
    r"\b(?:this|that|it)(?: one)?(?:['’]s| is| was) (?:partly|mostly|largely|all|kind of|a bit|at least partly) on me\b"
    r"|\bI owe (?:her|him|them|[A-Z][a-z]+) an apology\b"
    r"|\bI (?:dropped the ball|messed up|screwed up|let (?:her|him|them) down)\b"
    r"|\b(?:it|this|that) (?:was|is) (?:partly |mostly |all )?my fault\b"
    # leaving someone out, told as the writer's own doing: "We didn't add her to the chat", "I never invited him"
    r"|\b(?:I|we) (?:didn['’]?t|did not|never) (?:add|invite|include|ask|copy|cc|tell) (?:her|him|them)\b"
    r"(?= (?:to|in|on|along|for|about)\b)",
    re.IGNORECASE)


#: "not" just before the words: "it's not partly on me", "it wasn't my fault".
_NOT_JUST_BEFORE = re.compile(r"\b(?:not|n['’]t|never)\s+$")
#: Someone else's claim told just before: "She says it was all on me", "he told Ian it was my fault".
_THEIR_CLAIM = re.compile(r"\b(?:says?|said|claims?|claimed|thinks?|insists?|insisted|told \w+|telling \w+|"
                          r"blames? me,?|blamed me,?)(?: that)?\s+$", re.IGNORECASE)


def own_admissions(text: str) -> list[tuple[int, int]]:
    """Where the writer owns a part outright (start, end of the words), in text order; none denied just before
    ("I don't think it was my fault") and none that is someone else's claim ("She says it was all on me")."""
    return [(m.start(), m.end()) for m in _ADMITS.finditer(text)
            if not _DENIED.search(text[max(0, m.start() - 30):m.start()])
            and not _THEIR_CLAIM.search(text[max(0, m.start() - 30):m.start()])
            and not _NOT_JUST_BEFORE.search(text[max(0, m.start() - 12):m.start()])]


#: Words that may stand between "I" and a mocking act that is still the writer's: "I was telling a story and did an
#: impression of him" (not another subject: "I think she mocked him").
_WORDS_BETWEEN = r"(?:(?!(?:he|she|they|we|you|it)\b)[a-z,'’]+ ){0,8}?(?:and )?"
#: Something the writer said, told as theirs: "I said 'well that's not going to work'", "I snapped at her".
_OWN_REMARK = re.compile(r"\bI (?:said|snapped at|told (?:her|him|them|(?-i:[A-Z][a-z]+))|called (?:her|him|them|"
                         r"(?-i:[A-Z][a-z]+))|made (?:a|that) "
                         r"(?:joke|comment|remark|crack|dig)|joked|"
                         rf"{_WORDS_BETWEEN}(?:did an impression of|imitated|mimicked|mocked|made fun of))\b[^.?!\n]*",
                         re.IGNORECASE)
#: ... which the writer owns elsewhere in the letter: "I really regret", "it was out of order", "I want to apologise".
_OWNS_IT = re.compile(r"\b(?:regret|out of order|out of line|shouldn['’]?t have|should not have|I was wrong|"
                      r"I was rude|too far|apologi[sz]e|make (?:this|it|things) right|put (?:this|it) right)\b",
                      re.IGNORECASE)


def own_remark(text: str) -> tuple[int, int] | None:
    """Where the writer tells of a remark of their own that the letter owns as wrong (``_OWN_REMARK``,
    ``_OWNS_IT``): an apology can then name it ("What I said in front of everyone was out of order") instead of
    "what happened was on me" (red team 50)."""
    if not _OWNS_IT.search(text):
        return None
    spans = [(m.start(), _sentence_end(text, m.end())) for m in _OWN_REMARK.finditer(text)]
    # the one that tells where it was said, else the first ("I said something I really regret. … I said 'well that's
    # not going to work' in front of everyone")
    return next((sp for sp in spans if _WHERE_SAID.search(text[sp[0]:sp[1]])), spans[0] if spans else None)


def _sentence_end(text: str, at: int) -> int:
    """Where the sentence running on at ``at`` ends, a question or full stop inside quotation marks left in it
    ("I said 'did you even think about it?' in front of everyone.")."""
    quoted = inside_quotes(text, at)
    for i in range(at, min(len(text), at + 300)):
        ch = text[i]
        if ch in '"“”':
            quoted = not quoted if ch == '"' else ch == "“"
        elif ch in ".?!\n" and not quoted:
            return i + 1 if ch != "\n" else i
    return min(len(text), at + 300)


#: Where it was said, in the writer's words: "in front of everyone", "in the team meeting".
_WHERE_SAID = re.compile(r"\bin front of (?:everyone|everybody|the (?:whole )?(?:team|class|others|group|customers?|"
                         r"clients?)|all (?:of )?(?:them|the others))\b|"
                         r"\bin (?:the|our|a) (?:team |staff |weekly |morning )?(?:meeting|huddle|stand-?up)\b",
                         re.IGNORECASE)


def what_i_said(sentence: str) -> str:
    """ "What I said" and where, from the writer's sentence: "What I said in front of everyone"; a mocking act named
    as done to the one spoken to: "The impression I did of your laugh" (red team 52: "What happened was on me")."""
    if (mocked := _MOCKED.search(sentence)) is not None:
        thing = mocked.group("thing")
        verb = mocked.group("verb").lower()
        if verb.startswith("did"):
            return f"The impression I did of your {thing}" if thing else "The impression I did of you"
        gerund = {"imitated": "Imitating", "mimicked": "Mimicking", "mocked": "Mocking", "made fun of": "Making fun of"}
        return f"{gerund[verb]} your {thing}" if thing else f"{gerund[verb]} you"
    where = _WHERE_SAID.search(sentence)
    return "What I said" + (f" {where.group(0)}" if where else "")


#: The writer's mocking act and what of the other person's it mocked: "I did an impression of Lena's laugh".
_MOCKED = re.compile(rf"\bI {_WORDS_BETWEEN}(?P<verb>did an impression of|imitated|mimicked|mocked|made fun of) "
                     r"(?:(?:(?-i:[A-Z][a-z]+)['’]s|her|his|their) (?P<thing>(?!of\b|and\b|in\b)[a-z]+)|"
                     r"(?-i:[A-Z][a-z]+)|her|him|them)\b", re.IGNORECASE)
