"""What counts as text a person typed, checked wherever a letter, an update or a text to analyse comes in.

The API's request models, the page's forms, the command line and the store all
ask the same question, so the rule and its sentence live here, below all of them.
"""

from __future__ import annotations

import re

from clearair.errors import InputError

#: Control characters but tab, line feed and carriage return; C1 controls; halves of a surrogate pair. NUL is
#: left to the intake's own check, which calls a text holding one a binary file.
_STRAY_CONTROL = re.compile(r"[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def control_problem(text: str, what: str) -> str | None:
    """The sentence refusing a letter or an update that holds a control character (an escape
    sequence, a bell, a backspace), or None. Tabs and line breaks are text; anything else below
    a space is never typed, and stored it would reach every terminal and export that shows it.
    (A NUL is refused by the intake's own check, which calls the text a binary file.)"""
    found = _STRAY_CONTROL.search(text)
    if found is None:
        return None
    code = ord(found.group())
    kind = "half of a character pair" if 0xD800 <= code <= 0xDFFF else "control character"
    line = text.count("\n", 0, found.start()) + 1
    return (f"{what} holds a character that is not text (the {kind} U+{code:04X}, on line {line:,}); "
            "remove it and try again")


def refuse_control_characters(text: str, what: str) -> None:
    """``control_problem``'s sentence as an InputError, for a way in that raises rather than answers:
    a text is refused before it is stored, and before it is analysed (a text only analysed is still
    echoed back on a page, a terminal or an export)."""
    problem = control_problem(text, what)
    if problem:
        raise InputError(problem)
