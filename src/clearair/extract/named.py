"""The other side as the writer names them: the one person they call the problem ("Kieran is the problem",
"The one making my life hard is Gary"), and a person their question names whom the reading made no party.

Said outright, it decides the other side over every other clue (two red teams found the writer's fair manager,
named first, given the words meant for the person the letter called the problem). It is the engine's reading of
the writer's own words, not the writer's correction, so the report does not say "as you told us".
"""

from __future__ import annotations

import re

from clearair.models import Party, Situation, bare_name

#: "The problem is another coworker, Trevor", "I'm having issues with my supervisor": the writer saying who it is about.
PROBLEM_IS = re.compile(r"\b(?:(?:it|this|that)(?:['’]s|\s+is)\s+(?:all\s+|really\s+|actually\s+|mainly\s+)?about\s+|"
                        # "My question is about HR", "my question concerns the new lead"
                        r"(?:my|the)\s+(?:real\s+|main\s+)?question\s+"
                        r"(?:is\s+(?:about|regarding|really\s+about)|concerns)\s+|"
                        r"(?:the|my|our)\s+(?:main\s+|real\s+|biggest\s+|only\s+)?(?:problem|issue|trouble)\s+"
                        r"(?:is|was|has\s+been|lies)\s+(?:with\s+)?|(?:problems?|issues?|trouble|conflict|friction)\s+with\s+|"
                        # "What worries me more is the father, Jens", "my bigger worry is the new lead"
                        r"what\s+(?:really\s+)?(?:worries|bothers|scares|frightens|upsets|concerns|troubles)\s+me\s+"
                        r"(?:(?:even\s+)?more|most|the\s+most)?\s*(?:is|was)\s+|(?:the|my|our)\s+(?:bigger|biggest|main|real|"
                        r"greater)\s+(?:worry|concern|fear)\s+(?:is|was)\s+(?:with\s+)?|"
                        # "The serious thing is Wayne, another mechanic", "the bigger problem is the chef"
                        # (not "the worst part is that she heard it": what hurt most, not who the letter is about)
                        r"the\s+(?:serious|bigger|real|main|more\s+serious)\s+(?:thing|one)\s+(?:is|was)\s+(?:with\s+)?|"
                        # "this situation I faced today with a peer", "a run-in I had with my supervisor"
                        r"(?:situation|difficulty|disagreement|run-in|falling[- ]out|dispute|clash|tension)s?\s+"
                        r"(?:(?:i|i've|i'm|i\s+have|i\s+am)\s+(?:[a-z]+\s+){0,3})?with\s+|"
                        # "A complaint has come in about one of our managers", "complaints were made about our clerk"
                        r"(?:complaint|grievance|allegation)s?\s+(?:(?:has|have|had)\s+)?(?:(?:been|come|came)\s+)?"
                        r"(?:made|raised|lodged|filed|in)?\s*(?:against|about)\s+|"
                        # "The person making my life hard is Gary", "the one who's causing all this is my supervisor"
                        r"the\s+(?:person|one|guy|woman|man|lady|colleague|co-?worker)\s+(?:who(?:['’]s|\s+is|\s+has\s+been)\s+)?"
                        r"(?:making|causing|giving|behind|doing)\s+(?:[\w'’]+\s+){0,5}?(?:is|was)\s+)",
                        re.IGNORECASE)
#: The writer setting one person above another they mention ("Small thing first: … What worries me more is the
#: head chef, Marco"): that person is the one the letter is about, whatever the rest of the letter weighs. Not a
#: clause ("what worries me more is that my VP didn't defend me" keeps the one who attacked).
OVER_ANOTHER = re.compile(r"\b(?:what\s+(?:really\s+)?(?:worries|bothers|scares|frightens|upsets|concerns|troubles)\s+me\s+"
                          r"(?:even\s+)?more\s+(?:is|was)\s+|(?:the|my|our)\s+(?:bigger|greater|real)\s+(?:worry|concern|"
                          r"fear|problem|issue)\s+(?:is|was)\s+(?:with\s+)?|"
                          # "The minor thing is Julien … The serious thing is Bastien"
                          r"the\s+(?:more\s+|really\s+)?(?:serious|worse|bigger|worrying|scary|frightening)\s+(?:thing|part|one|matter)"
                          r"\s+(?:is|was)\s+(?:with\s+)?)(?!that\b|how\b|whether\b|if\b|what\b|the\s+fact\b)",
                          re.IGNORECASE)
#: Words that say two people are close: friends, family, a couple, or often together outside work.
CLOSE_TIE = re.compile(r"\b((?:really |very |close |best |good |old |great )*(?:friends|mates|pals|buddies)|friends with|"
                       r"(?:his|her|their) (?:best |close |good |old |great |drinking |golf |fishing )?(?:mate|friend|pal|"
                       r"buddy)|"
                       r"related|married|dating|a couple|cousins?|brothers?|sisters?|"
                       r"(?:brother|sister|son|daughter|father|mother)-in-law|nephew|niece|uncle|aunt|husband|wife|"
                       r"very (?:friendly|close|pally|chummy|tight)|"
                       r"thick as thieves|go way back|(?:go|went|going) on (?:holidays?|vacations?) together|"
                       r"god(?:mother|father|parent|son|daughter)|(?:plays?|played|playing) golf (?:together|with)|"
                       # "Steve plays five a side with Marco on Thursdays": a team or club they share outside work
                       r"(?:plays?|played|playing) (?:five[- ]a[- ]side|football|footy|squash|tennis|poker|darts|pool|"
                       r"cricket|rugby|softball|basketball|padel|cards|in a band) (?:together|with)|"
                       r"golfs? with|(?:go|goes|went) (?:drinking|fishing|hunting) together|grew up together|"
                       r"(?:former |old )?classmates?|family friends?|neighbou?rs|"
                       r"drinking buddies)\b", re.IGNORECASE)
#: A parent and child named together, which the tie words above leave out (a son is often just a son): "The site
#: manager is Dessie Brennan, and his son Kieran is on our crew" (red team 39: the writer was sent to the father).
PARENT_AND_CHILD = re.compile(r"\b(?:his|her|their)\s+(?:own\s+)?(?:son|daughter|father|mother|dad|mum|mom|"
                              r"stepson|stepdaughter)\b|\b(?:son|daughter|father|mother)\s+of\b", re.IGNORECASE)
#: A negation just before the words of a tie: "are not friends", "aren't close", "no longer friends".
NOT_CLOSE = re.compile(r"\b(?:not|n['’]t|never|no longer)\s+(?:\w+\s+)?$", re.IGNORECASE)


def tie_between(text: str, start: int, end: int) -> re.Match | None:
    """The words in ``text[start:end]`` (one sentence) that say two people are close or family, unless negated
    ("My boss and I are not friends"); the caller checks who the sentence names."""
    close = CLOSE_TIE.search(text, start, end) or PARENT_AND_CHILD.search(text, start, end)
    if close is None or NOT_CLOSE.search(text[max(start, close.start() - 14):close.start()]):
        return None
    return close
#: "Kieran is the problem", "my supervisor is the real issue", "Carmen is the one I have a problem with": the person
#: named just before it.
IS_THE_PROBLEM = re.compile(r"\s+(?:is|was|['’]s)\s+(?:the|my|our)\s+(?:real\s+|main\s+|actual\s+|whole\s+|biggest\s+)?"
                            r"(?:problem|issue)\b(?!\s+(?:is|was)\b)|"
                            # "Carmen is the one I have a problem with", after a list of the people at work
                            r"\s+(?:is|was|['’]s)\s+the\s+(?:only\s+)?one\s+(?:that\s+|who\s+)?(?:i|i['’]ve|i['’]m|i\s+have|i\s+am)\s+"
                            r"(?:really\s+)?(?:have|having|got|had)\s+(?:a\s+|any\s+|the\s+)?(?:problem|issue|trouble)s?\s+with\b",
                            re.IGNORECASE)

#: A person's name as the writer gives it: "Gary", "Dr Patel", "Anne-Marie".
_NAME = r"(?:(?:Dr|Mr|Mrs|Ms|Miss|Mx)\.?\s+)?([A-Z][a-z]+(?:-[A-Z][a-z]+)?)"
_NAME_AFTER = re.compile(rf"\s*{_NAME}\b(?!['’]s)")
_NAME_BEFORE = re.compile(rf"(?:^|[.!?,;:]\s+|\n\s*){_NAME}$")
#: Words that start a sentence or name no one ("That is the problem", "Monday was the issue").
_NOT_A_NAME = frozenset("It This That There Here What Which Who Everyone Everything Nobody Nothing Money Time Work "
                        "Monday Tuesday Wednesday Thursday Friday Saturday Sunday HR".split())


def person_named_as_the_problem(text: str) -> str | None:
    """The one person the writer names as the problem, when they name exactly one that way."""
    names = set()
    for m in PROBLEM_IS.finditer(text):
        if (after := _NAME_AFTER.match(text, m.end())) and after.group(1) not in _NOT_A_NAME:
            names.add(after.group(1))
    for m in IS_THE_PROBLEM.finditer(text):
        if (before := _NAME_BEFORE.search(text[max(0, m.start() - 30):m.start()])) and \
                before.group(1) not in _NOT_A_NAME:
            names.add(before.group(1))
    return names.pop() if len(names) == 1 else None


def take_the_named(reading, situation: Situation, name: str) -> bool:
    """The writer named someone the reading did not make a party of ("The team lead at the bank, Craig, …": a
    red team was told nobody called Craig was in the text): where the letter has the name, that person becomes
    the other side, outside the writer's lines until the writer gives a role. False where the letter lacks it."""
    want = bare_name(name).split()
    doc, n = reading.doc, len(want)
    spans = [(doc[i].idx, doc[i + n - 1].idx + len(doc[i + n - 1].text)) for i in range(len(doc) - n + 1)
             if [bare_name(t.text) for t in doc[i:i + n]] == want and doc[i].text[:1].isupper()]
    if not spans:
        return False
    key = next(k for k in (f"named_{i}" if i else "named" for i in range(99)) if situation.party(k) is None)
    said = reading.original[spans[0][0]:spans[0][1]]
    situation.parties.append(Party(id=key, role="other", label=said, mentions=[said],
                                   evidence=[reading.evidence(a, b) for a, b in spans]))
    for a, b in spans:
        for tok in reading.tokens_in(a, b):
            reading.token_party[tok.i] = key
    situation.counterpart = key
    return True
