"""Whom the writer says the trouble is: "Kieran is the problem", "The one making my life hard is Gary".

Said outright, it decides the other side over every other clue (two red teams found the writer's fair manager,
named first, given the words meant for the person the letter called the problem). It is the engine's reading of
the writer's own words, not the writer's correction, so the report does not say "as you told us".
"""

from __future__ import annotations

import re

from clearair.extract.counterpart import _IS_THE_PROBLEM, _PROBLEM_IS

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
    for m in _PROBLEM_IS.finditer(text):
        if (after := _NAME_AFTER.match(text, m.end())) and after.group(1) not in _NOT_A_NAME:
            names.add(after.group(1))
    for m in _IS_THE_PROBLEM.finditer(text):
        if (before := _NAME_BEFORE.search(text[max(0, m.start() - 30):m.start()])) and \
                before.group(1) not in _NOT_A_NAME:
            names.add(before.group(1))
    return names.pop() if len(names) == 1 else None
