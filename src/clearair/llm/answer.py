"""The model's answer: a Pydantic schema whose ``model_json_schema()`` goes in
the request, and a tolerant parser for what comes back.

Closed sets (action codes, roles, verdicts, script kinds, advisers) and size
limits are written into the *schema* so a server that honours structured
output keeps to them, but they are not enforced while *parsing*: an answer
with one unknown code is still worth reading, and clearair's checks
(:mod:`clearair.llm.checks`) drop what falls outside the sets and count it.
Only an answer that is not JSON, or lacks the structure, needs a repair.
"""

from __future__ import annotations

import json
import re
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from pydantic.json_schema import GenerateJsonSchema

from clearair.models import ACTION_CODES, NEVER_RECOMMENDED, OptionVerdict, Role, Script

ROLES: tuple[str, ...] = Role.__args__  # type: ignore[attr-defined]
RECOMMENDABLE = tuple(a for a in ACTION_CODES if a not in NEVER_RECOMMENDED)
VERDICTS: tuple[str, ...] = OptionVerdict.model_fields["verdict"].annotation.__args__  # type: ignore[union-attr]
SCRIPT_KINDS: tuple[str, ...] = Script.model_fields["kind"].annotation.__args__  # type: ignore[union-attr]
PERSONAS = ("pragmatist", "advocate", "diplomat", "hr")
PATTERNS = ("one_off", "recurring")
FAULT = ("none", "some", "most")
SEVERITY = ("low", "moderate", "high")

#: Bounds written into the schema and applied by the checks.
MAX_ACTIONS, MAX_REASONS, MAX_AVOID, MAX_OPTIONS, MAX_PERSPECTIVES = 6, 3, 6, 6, 4
MAX_SHORT, MAX_QUOTE, MAX_REASON, MAX_VIEW, MAX_SCRIPT = 120, 300, 300, 400, 1500
ANSWER_WORDS = (250, 400)
MAX_ANSWER_WORDS = 450  # trimmed (at a sentence end) beyond this
MAX_ANSWER_CHARS = 4000


def _enum(values, **extra) -> dict:
    return {"json_schema_extra": {"enum": list(values), **extra}}


def _max(n: int) -> dict:
    return {"json_schema_extra": {"maxLength": n}}


class _Part(BaseModel):
    model_config = ConfigDict(extra="ignore")


class Reading(_Part):
    counterpart: str = Field(description="Who the other side is, in a few words.", **_max(MAX_SHORT))
    counterpart_role: str = Field(description="Their role relative to the writer.", **_enum(ROLES))
    counterpart_quote: str = Field("", description="The writer's words that show who they are.", **_max(MAX_QUOTE))
    writer_manages_people: bool
    manages_quote: str = Field("", **_max(MAX_QUOTE))
    pattern: str = Field(**_enum(PATTERNS))
    pattern_quote: str = Field("", **_max(MAX_QUOTE))
    writer_share_of_fault: str = Field(**_enum(FAULT))
    fault_quote: str = Field("", **_max(MAX_QUOTE))
    severity: str = Field(**_enum(SEVERITY))
    severity_quote: str = Field("", **_max(MAX_QUOTE))


class QuotedReason(_Part):
    text: str = Field(description="Why, in plain words.", **_max(MAX_REASON))
    quote: str = Field("", description="The writer's exact words it rests on.", **_max(MAX_QUOTE))

    @classmethod
    def coerce(cls, value: Any) -> Any:
        return {"text": value, "quote": ""} if isinstance(value, str) else value


class RankedAction(_Part):
    action: str = Field(**_enum(RECOMMENDABLE))
    reasons: list[QuotedReason] = Field(default_factory=list, json_schema_extra={"maxItems": MAX_REASONS})

    @field_validator("reasons", mode="before")
    @classmethod
    def _reasons(cls, value: Any) -> Any:
        return [QuotedReason.coerce(v) for v in value] if isinstance(value, list) else value


class AvoidItem(_Part):
    action: str = Field(**_enum(ACTION_CODES))
    why: str = Field(**_max(MAX_REASON))
    quote: str = Field("", **_max(MAX_QUOTE))


class OptionItem(_Part):
    option: str = Field(description="The option the writer names, in a few words.", **_max(MAX_SHORT))
    quote: str = Field("", description="The writer's exact words naming it.", **_max(MAX_QUOTE))
    action: str = Field("", description="The closest action code, or '' if none fits.", **_enum((*ACTION_CODES, "")))
    verdict: str = Field(**_enum(VERDICTS))
    reason: str = Field(**_max(MAX_VIEW))


class ScriptItem(_Part):
    kind: str = Field(**_enum(SCRIPT_KINDS))
    text: str = Field(**_max(MAX_SCRIPT))


class PerspectiveItem(_Part):
    persona: str = Field(**_enum(PERSONAS))
    action: str = Field(description="The adviser's first choice.", **_enum(RECOMMENDABLE))
    view: str = Field(**_max(MAX_VIEW))


class Answer(_Part):
    """What the model is asked for."""

    reading: Reading
    answer: str = Field(description=f"{ANSWER_WORDS[0]}-{ANSWER_WORDS[1]} words of plain prose to the writer.",
                        **_max(MAX_ANSWER_CHARS))
    actions: list[RankedAction] = Field(description="Best first.", json_schema_extra={"maxItems": MAX_ACTIONS})
    avoid: list[AvoidItem] = Field(default_factory=list, json_schema_extra={"maxItems": MAX_AVOID})
    options: list[OptionItem] = Field(default_factory=list, json_schema_extra={"maxItems": MAX_OPTIONS})
    scripts: list[ScriptItem] = Field(default_factory=list, json_schema_extra={"maxItems": len(SCRIPT_KINDS)})
    perspectives: list[PerspectiveItem] = Field(default_factory=list,
                                                json_schema_extra={"maxItems": MAX_PERSPECTIVES})

    @field_validator("actions", mode="before")
    @classmethod
    def _actions(cls, value: Any) -> Any:
        # A bare list of codes is a ranking without reasons: still a ranking.
        if isinstance(value, list):
            return [{"action": v, "reasons": []} if isinstance(v, str) else v for v in value]
        return value


class _Untitled(GenerateJsonSchema):
    """Pydantic's schema without the automatic "title" of every field: a quarter of
    the size, which matters to a local model's context window."""

    def field_title_should_be_set(self, schema) -> bool:
        return False

    def generate(self, schema, mode="validation"):
        out = super().generate(schema, mode)
        for definition in [out, *out.get("$defs", {}).values()]:
            definition.pop("title", None)
        return out


def schema() -> dict:
    """The JSON schema sent with the request (in the system message and as ``response_format``)."""
    return Answer.model_json_schema(schema_generator=_Untitled)


class AnswerError(ValueError):
    """The model's reply is not a usable answer; ``str(err)`` says why in a few words."""


_FENCE = re.compile(r"^```(?:json|JSON)?\s*\n?(.*?)\n?```\s*$", re.S)


def load_json(content: str) -> Any:
    """JSON from a model's reply: plain, fenced in ```json, or with words around it."""
    text = (content or "").strip()
    if not text:
        raise AnswerError("the reply was empty")
    fenced = _FENCE.match(text)
    if fenced:
        text = fenced.group(1).strip()
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        pass
    start = text.find("{")
    if start < 0:
        raise AnswerError("the reply was not JSON")
    try:
        value, _ = json.JSONDecoder().raw_decode(text[start:])
        return value
    except json.JSONDecodeError as err:
        raise AnswerError(f"the reply was not valid JSON ({err.msg} at character {start + err.pos})") from None


def parse(content: str) -> Answer:
    data = load_json(content)
    if isinstance(data, dict) and "reading" not in data and isinstance(data.get("answer"), dict):
        data = data["answer"]  # wrapped once, e.g. {"answer": {...}}
    if not isinstance(data, dict):
        raise AnswerError("the reply was JSON but not an object")
    try:
        return Answer.model_validate(data)
    except ValidationError as err:
        first = err.errors()[0]
        where = ".".join(str(x) for x in first.get("loc", ()))
        raise AnswerError(f"the reply did not follow the schema ({where or 'answer'}: {first.get('msg')})") from None
