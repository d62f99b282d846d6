"""What a person may type into an update or a journal entry: plain text and a real day.

The page, the JSON API and the command line (``clearair case new | update | log``)
build the same request models (``schemas``), whose validators are these checks,
so all three refuse the same input with the same sentence before anything is stored.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import PydanticCustomError

from clearair.errors import InputError
from clearair.intake.reading import MAX_CHARS
from clearair.typed_text import control_problem

RequestModel = TypeVar("RequestModel", bound=BaseModel)

#: Nothing that happened at work is dated before this.
EARLIEST_DAY = dt.date(1900, 1, 1)
#: C0 and C1 control characters, DEL and lone surrogates: never typed text. Tabs and line breaks are
#: allowed where a field can hold several lines.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_CONTROL_OR_LINE = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f\ud800-\udfff]")
#: Refusals raised here carry this type: their message is a whole sentence, shown as it is.
REFUSED = "refused"


def refuse(message: str) -> PydanticCustomError:
    return PydanticCustomError(REFUSED, message)


def plain_text(value: str | None, label: str, lines: bool = False, required: bool = False) -> str | None:
    """The text with its ends trimmed; refused when blank (if given or required) or holding control characters."""
    if value is None:
        if required:
            raise refuse(f'"{label}" is missing')
        return None
    if (_CONTROL if lines else _CONTROL_OR_LINE).search(value):
        raise refuse(f'"{label}" holds a character that is not text (a control character); remove it and try again')
    trimmed = value.strip()
    if not visible(trimmed):
        raise refuse(f'"{label}" is blank; fill it in' + ("" if required else " or leave it empty"))
    return trimmed


def stored_text(value: str, what: str) -> str:
    """A letter, an update or a text to analyse as the request models take it: no control characters
    but tabs and line breaks."""
    problem = control_problem(value, what)
    if problem:
        raise refuse(problem)
    return value


def within_limit(value: object, what: str) -> object:
    """Refuse a text longer than clearair reads with a sentence that counts it, before any other check.
    Line breaks are counted once: a browser sends a text box's breaks as CR LF, which become LF here."""
    if isinstance(value, str):
        value = value.replace("\r\n", "\n")
    if isinstance(value, str) and len(value) > MAX_CHARS:
        raise refuse(f"{what} is too long: clearair reads at most {MAX_CHARS:,} characters, and this is "
                     f"{len(value):,}; shorten it and send it again")
    return value


def visible(text: str) -> str:
    """The characters a reader would see: no spaces, no invisible format marks (bidi overrides,
    zero-width joiners), no bare list punctuation. An entry of only those is blank."""
    return "".join(c for c in text if not c.isspace() and unicodedata.category(c) != "Cf" and c not in ",;")


def some_text(value: str, label: str) -> str:
    """Refused when nothing in it would show on a page (spaces, bidi or zero-width marks only)."""
    if not visible(value):
        raise refuse(f'"{label}" is blank; write what happened')
    return value


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
#: The one sentence for a date none of the three ways in can read.
NOT_A_DAY = "that date is not one clearair can read; write it as YYYY-MM-DD"


def as_day(value: object) -> dt.date | None:
    """A day as the page, the API and the CLI all take it: a date, or text written YYYY-MM-DD.
    Times, week dates ("2026-W48-1"), compact forms ("20261129") and timestamps are refused alike."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str) and _ISO_DAY.fullmatch(value.strip()):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise refuse(NOT_A_DAY)


def real_day(value: dt.date | None) -> dt.date | None:
    """A day something happened: not in the future (a day's grace for time zones) and not before 1900."""
    if value is None:
        return None
    if value > dt.date.today() + dt.timedelta(days=1):
        raise refuse("that date is in the future; give the day it happened")
    if value < EARLIEST_DAY:
        raise refuse(f"that date is before {EARLIEST_DAY.year}; give the day it happened")
    return value


def checked(model: type[RequestModel], labels: dict[str, str] | None = None, **fields: object) -> RequestModel:
    """The fields as an API request model reads them, or InputError with the model's one sentence
    (the page shows it; the command line's error boundary prints it and exits 2). ``labels``: the
    fields' names in that sentence, the model's own ``LABELS`` by default."""
    try:
        return model(**fields)
    except ValidationError as err:
        raise InputError(first_problem(list(err.errors()), labels or getattr(model, "LABELS", None))) from None


def first_problem(errors: list[Any], labels: dict[str, str] | None = None) -> str:
    """One plain sentence for a refused request: the first problem, named by its field."""
    first = errors[0] if errors else {}
    if first.get("type") == REFUSED:
        return str(first.get("msg", "invalid"))
    where = ".".join(str(x) for x in first.get("loc", ()) if x != "body")
    if labels and where in labels:
        where = f'"{labels[where]}"'
    return f"{where or 'request'}: {first.get('msg', 'invalid')}"
