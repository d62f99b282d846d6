"""What the JSON API accepts and answers: the request and response bodies, shown in OpenAPI."""

import datetime as dt
from typing import Annotated, ClassVar

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, ValidationInfo, field_validator

from clearair.api.checks import as_day, plain_text, real_day, some_text, stored_text, within_limit
from clearair.intake.reading import MAX_CHARS
from clearair.models import ABOUT_NAME, AboutRole, Report
from clearair.store import Movement

# A text clearair reads: refused first, in one sentence that counts it, when longer than clearair reads
# (``within_limit``); then checked for what a page cannot show (``stored_text``), whether it is stored or not.
AnalyzedText = Annotated[str, BeforeValidator(lambda v: within_limit(v, "the text")), Field(max_length=MAX_CHARS),
                         AfterValidator(lambda v: stored_text(v, "the text"))]
LetterText = Annotated[str, BeforeValidator(lambda v: within_limit(v, "the letter")), Field(max_length=MAX_CHARS),
                     AfterValidator(lambda v: stored_text(v, "the letter"))]
UpdateText = Annotated[str, BeforeValidator(lambda v: within_limit(v, "the update")), Field(max_length=MAX_CHARS),
                       AfterValidator(lambda v: stored_text(some_text(v, "Update"), "the update"))]

#: Who a situation is mainly about, as the writer says: their role relative to the writer, or the name the text gives
#: them ("Tobias"; where two people of one line are named).
About = AboutRole | Annotated[str, Field(pattern=ABOUT_NAME, max_length=20)]


class AnalyzeIn(BaseModel):
    text: AnalyzedText
    engine: str | None = Field(default=None, max_length=10,
                               description="'rules' (offline) or 'llm' (the configured model); default: the model "
                                           "when one is configured. The report's provenance says which wrote it.")
    about: About | None = Field(default=None, description="Who the situation is mainly about, when the reading got it "
                                "wrong: their role relative to the writer, or the name the text gives them. It decides "
                                "the other side.")


class CaseIn(BaseModel):
    """A new case; the command line's ``case new`` builds the same model."""

    text: LetterText
    title: str | None = Field(default=None, max_length=200)
    about: About | None = Field(default=None, description="Who the case is mainly about, as the writer says (their "
                                "role relative to the writer, or the name the text gives them); default: as the "
                                "engine reads it.")

    @field_validator("title")
    @classmethod
    def _plain_title(cls, value: str | None) -> str | None:
        return plain_text(value, "Title")


class UpdateIn(BaseModel):
    """What happened next; the page's update form builds the same model."""

    text: UpdateText
    happened_on: dt.date | None = None
    evaluate: bool = True  # False: save only (bulk import); the case is re-read when next opened

    _day_written = field_validator("happened_on", mode="before")(as_day)
    _day = field_validator("happened_on")(real_day)


class ShareIn(BaseModel):
    can_write: bool = False


class LoginIn(BaseModel):
    username: str = Field(min_length=1, max_length=120)
    password: str = Field(min_length=1, max_length=1_000)


class JournalIn(BaseModel):
    """A journal entry; the page's journal form builds the same model, so both refuse the same input."""

    who: str = Field(min_length=1, max_length=200)
    what: str = Field(min_length=1, max_length=5_000)
    happened_on: dt.date | None = None
    channel: str | None = Field(default=None, max_length=40)
    witnesses: str | None = Field(default=None, max_length=400)

    #: The fields' names in sentences (the page's labels).
    LABELS: ClassVar[dict[str, str]] = {"who": "Who", "what": "What happened", "channel": "Where or how",
                                        "witnesses": "Who saw it", "happened_on": "When"}

    @field_validator("who", "what", "channel", "witnesses")
    @classmethod
    def _plain(cls, value: str | None, info: ValidationInfo) -> str | None:
        field = info.field_name or ""
        return plain_text(value, cls.LABELS[field], lines=field == "what", required=field in ("who", "what"))

    _day_written = field_validator("happened_on", mode="before")(as_day)
    _day = field_validator("happened_on")(real_day)


# --- answers -----------------------------------------------------------------
class LoginOut(BaseModel):
    token: str = Field(description="The session token: send it as `Authorization: Bearer <token>`.")


class CaseCreated(BaseModel):
    id: int
    top_actions: list[str] = Field(description="Codes of the first recommended actions, best first.")


class VersionOut(BaseModel):
    seq: int
    kind: str = Field(description="'original' or 'update'.")
    text: str
    happened_on: dt.date | None
    top_actions: list[str]
    engine: str | None = Field(description="Which reader wrote this version's report ('rules' or the model).")
    unreadable: str | None = Field(description="Why this stored version could not be read, if it could not.")
    movement: list[Movement]


class JournalOut(BaseModel):
    happened_on: dt.date
    who: str
    what: str
    channel: str | None
    witnesses: str | None


class AboutIn(BaseModel):
    """Who a case is mainly about, as the writer says; null: as the engine reads it. The field is required and
    nothing else is taken: an empty body or a misspelt key must not erase the writer's choice."""

    model_config = ConfigDict(extra="forbid")

    about: About | None = Field(description="Their role relative to the writer, or the name the text gives them; "
                                            "null for clearair's reading.")


class CaseOut(BaseModel):
    id: int
    title: str
    owner: str | None
    about: About | None = Field(default=None, description="Who the case is about, as the writer said (null: as the "
                                                          "engine reads it).")
    pending_updates: int = Field(description="Updates stored but not yet read into the report.")
    versions: list[VersionOut]
    journal: list[JournalOut]
    report: Report


class BeingAnalysed(BaseModel):
    """The answer (202) while a case is read for the first time: open it again in a moment."""

    status: str = "being analysed"
    detail: str


class Problem(BaseModel):
    """Every refusal: one plain sentence."""

    detail: str


#: The refusals every JSON route may give, for OpenAPI (the app answers them all as ``Problem``).
REFUSALS: dict[int | str, dict] = {
    401: {"model": Problem, "description": "No valid token or session."},
    413: {"model": Problem, "description": "The request body is over the size limit."},
    422: {"model": Problem, "description": "The input was refused; the sentence says why."},
    503: {"model": Problem, "description": "The case store is read-only or busy; nothing was saved."},
    507: {"model": Problem, "description": "The disk holding the case store is full; nothing was saved."},
}
CASE_REFUSALS: dict[int | str, dict] = {
    **REFUSALS, 404: {"model": Problem, "description": "No such case for you."},
    409: {"model": Problem, "description": "The case is still being read, or the `Idempotency-Key` was already used "
                                           "for different content."}}
