"""Pydantic models shared by every stage: the pipeline's contracts.

Each stage is a pure function from one of these models to the next, so a stage
can be tested alone and the whole report serialises to stable JSON.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Role = Literal[
    "manager", "skip_level", "peer", "peers_manager", "direct_report",
    "customer", "hr", "other",
]
ActionCode = Literal[
    "LET_GO", "WAIT", "TALK_DIRECT", "REBUILD_TRUST", "APOLOGIZE", "CLARIFY_RECORD",
    "ESCALATE_MANAGER", "ESCALATE_THEIR_MANAGER", "MEDIATE", "HR_FORMAL", "DOCUMENT",
    "SET_BOUNDARY", "COACH_REPORT", "MANAGE_PERFORMANCE", "REPAIR_EXTERNAL", "EXIT",
    "SELF_CARE", "RETALIATE", "GOSSIP", "PUBLIC_CALLOUT",
]
ACTION_CODES: tuple[str, ...] = ActionCode.__args__  # type: ignore[attr-defined]
#: The roles a writer may give the other side when the reading got it wrong (``analyze(text, about=...)``).
AboutRole = Literal["manager", "skip_level", "peer", "direct_report", "customer", "other"]
ABOUT_ROLES: tuple[str, ...] = AboutRole.__args__  # type: ignore[attr-defined]
#: ... or the name the letter gives them ("Tobias", "Ms Lowe"): a person, where two of one line are named. At most
#: 20 characters (the case store's column), a capital first, letters of any alphabet ("José", "Łukasz", "Zoë"),
#: spaces, dots, hyphens and apostrophes. Written with Unicode classes for the API's schema (pydantic's regex
#: engine and JSON Schema readers have them); ``is_about_name`` is the same test in Python.
ABOUT_NAME = r"^\p{Lu}[\p{L}.'’ -]{0,19}$"
_NAME_MARKS = frozenset(".'’ -")


def is_about_name(about: str) -> bool:
    """Whether ``about`` names a person rather than a role (``ABOUT_NAME``)."""
    return about not in ABOUT_ROLES and 0 < len(about) <= 20 and about[0].isupper() and about[0].isalpha() and \
        all(ch.isalpha() or ch in _NAME_MARKS for ch in about)


#: Plain words a person may give for a role ("--about boss"), each the role it means: the hint under every view names
#: these, not the codes.
ABOUT_WORDS = {"boss": "manager", "skip-level": "skip_level", "bosses-boss": "skip_level", "coworker": "peer",
               "co-worker": "peer", "colleague": "peer", "report": "direct_report", "client": "customer",
               "someone-else": "other"}


def checked_about(about: str | None) -> str | None:
    """``about`` if it is a role the writer may give or a person's name (empty means none); raises InputError
    otherwise. The one check of who a situation is about, for every way in (command line, API, page, case store)."""
    from clearair.errors import InputError

    about = unicodedata.normalize("NFC", (about or "").strip())  # "José" typed as e and an accent mark
    if not about:
        return None
    about = ABOUT_WORDS.get(about.lower(), about)
    if about not in ABOUT_ROLES and not is_about_name(about):
        raise InputError(f"unknown role {about!r} for the person this is about; use one of: {', '.join(ABOUT_WORDS)} "
                         f"(or {', '.join(ABOUT_ROLES)}), or the name your text gives them (a capital first, at most "
                         "20 letters)")
    return about


#: Courtesy titles before a name, as written; the short ones take a full stop ("Ms. Lowe"), the others do not.
COURTESY_TITLES = ("Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Professor")
ABBREVIATED_TITLES = ("Mr", "Mrs", "Ms", "Mx", "Dr", "Prof")
#: Any one of them, then an optional full stop (a regular expression, for the modules that read names).
COURTESY_TITLE = "(?:" + "|".join(sorted(COURTESY_TITLES, key=len, reverse=True)) + r")\.?"


def bare_name(text: str) -> str:
    """A name as compared with another: lower case, without a courtesy title or accents ("Ms. Lowe" and "ms lowe"
    match, and "Jose" finds "José": a red team typed a name without its accent and was told nobody had it)."""
    plain = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return re.sub(rf"^{COURTESY_TITLE}\s+", "", " ".join(plain.casefold().split()), flags=re.IGNORECASE)

#: Actions never recommended: they only ever appear under "avoid".
NEVER_RECOMMENDED = ("RETALIATE", "GOSSIP", "PUBLIC_CALLOUT")


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Evidence(Model):
    """A span of the user's original input: ``text == input[start:end]``."""

    start: int
    end: int
    text: str


class Narrator(Model):
    is_manager: bool = False
    leaving_soon: bool = False
    #: The writer owns the business with someone level with them ("my best friend and I launched a business").
    co_owner: bool = False
    #: The writer works in HR ("I'm the one and only HR person"): the words that say so; "go to HR" is going to
    #: themselves. Empty otherwise.
    in_hr: list[Evidence] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)


class Party(Model):
    id: str
    role: Role
    label: str = Field(description="How the report names this party, e.g. 'your peer'.")
    mentions: list[str] = Field(default_factory=list)
    traits: list[str] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)


class Audience(Model):
    kind: Literal["private", "team", "large_group", "external", "unknown"] = "unknown"
    size: int | None = None


class Incident(Model):
    actor: str = Field(description="Party id, or 'narrator'.")
    target: str | None = Field(default=None, description="Party id, 'narrator', or null.")
    act: str = Field(description="Kind of act from the acts lexicon, e.g. 'undermine'.")
    summary: str = Field(description="The clause that describes the act, in the user's words.")
    channel: Literal["email", "meeting", "chat", "phone", "in_person", "unknown"] = "unknown"
    audience: Audience = Field(default_factory=Audience)
    when: str | None = None
    evidence: list[Evidence] = Field(default_factory=list)


class Pattern(Model):
    recurring: bool = False
    evidence: list[Evidence] = Field(default_factory=list)
    settled: list[Evidence] = Field(default_factory=list, description="Words saying it has stopped or calmed for now.")


class Cue(Model):
    """A typed fact found through a lexicon (an attempt, emotion, constraint...)."""

    kind: str
    text: str
    by: str | None = Field(default=None, description="Party id for responses, 'narrator' or null.")
    evidence: list[Evidence] = Field(default_factory=list)


class Option(Model):
    text: str
    action: ActionCode | None = None
    evidence: list[Evidence] = Field(default_factory=list)


class Ask(Model):
    """What the writer wants words to ask, where nobody wronged them (``advise.asking``): a request, a kind refusal or
    a limit, with their own words for it where those can be said to the person cleanly."""

    kind: Literal["request", "decline", "limit"]
    asked_for: str | None = Field(default=None, description="What the writer asks for (\"some time off\").")
    asked_of_me: str | None = Field(default=None, description="What they asked the writer to do, for a refusal.")
    offer: str | None = Field(default=None, description="The smaller part the writer would offer instead.")
    asked_by: str | None = Field(default=None, description="Who asked, for a refusal: the words before \"asked me "
                                 "to\".")
    limit: str | None = Field(default=None, description="The limit as the writer states it (\"I won't check…\").")
    reason: str | None = Field(default=None, description="The writer's own reason for a refusal (\"I'm already "
                               "covering for two people on leave\").")
    kindly: bool = Field(default=False, description=(
        "The writer says the other person means no harm, or asks for a friendly way (\"she's lovely, she's just a "
        "night owl\"): a habit of theirs is asked of kindly."))
    evidence: list[Evidence] = Field(default_factory=list)


class Situation(Model):
    narrator: Narrator = Field(default_factory=Narrator)
    parties: list[Party] = Field(default_factory=list)
    counterpart: str | None = None
    counterpart_from_writer: bool = Field(
        default=False, description="The writer said whose line the other side is in (a correction of the reading); "
        "no reader and no model changes it.")
    about_told: str | None = Field(default=None, description="What the writer said the situation is mainly about, "
                                   "when it decided the other side: a role (models.ABOUT_ROLES) or a name.")
    incidents: list[Incident] = Field(default_factory=list)
    pattern: Pattern = Field(default_factory=Pattern)
    attempts: list[Cue] = Field(default_factory=list)
    responses: list[Cue] = Field(default_factory=list)
    constraints: list[Cue] = Field(default_factory=list)
    emotions: list[Cue] = Field(default_factory=list)
    goals: list[Cue] = Field(default_factory=list)
    themes: list[Cue] = Field(default_factory=list)
    options: list[Option] = Field(default_factory=list)
    between_others: list[Evidence] = Field(
        default_factory=list, description="The writer's words saying that people they manage are in conflict "
        "with each other (then the advice is a manager's, not that of one of the two sides).")
    complaint_between: list[Evidence] = Field(
        default_factory=list, description="Where people the writer manages are in conflict, the writer's words saying "
        "one has complained about another (\"she made a complaint about Marcus\"): a complaint to look into, not a "
        "quarrel to calm.")
    their_health: list[Evidence] = Field(
        default_factory=list, description="The writer's words giving someone else's health reason for what they will "
        "not or cannot do (\"she says her back can't do the mopping\"): for a manager, a need to hear out first.")
    health_shared: list[Evidence] = Field(
        default_factory=list, description="The writer's words saying their health was told to others at work without "
        "their agreement (\"she told the team about my miscarriage\"): a breach to raise on record.")
    acts_on_writer: list[Evidence] = Field(
        default_factory=list, description="The writer's sentences in which the other side does something to them "
        "(\"he keeps parking in my spot\"): the words the answer and the scripts retell.")

    what_happened: list[Evidence] = Field(
        default_factory=list, description="The writer's sentences telling what others did (serious conduct, acts on "
        "the writer, payback), in the letter's order: what a formal note says happened, in the writer's own words.")

    wanted: str | None = Field(default=None, description="What the writer asks of the other side, in words said to "
                               "them (\"you copy me in on the emails\"), from their own statement of it.")
    wanted_evidence: list[Evidence] = Field(default_factory=list, description="The writer's words behind ``wanted``.")
    asking: Ask | None = Field(default=None, description="Words for a request, a refusal or a limit the writer wants "
                               "to put to someone who did nothing wrong (then the words are not a grievance).")

    witnessed: list[Evidence] = Field(
        default_factory=list, description="The writer's words saying they saw it done to someone else (\"I saw him "
        "put his hand on her lower back\"): then the words say what they saw, not what was done to them.")

    in_care: list[Evidence] = Field(
        default_factory=list, description="Where the writer saw it done to someone else: the words naming someone in "
        "their care at work (a pupil, a patient, a resident), for whom the first step is safeguarding.")

    safeguarding_lead: list[Evidence] = Field(
        default_factory=list, description="The name of the person the writer says is responsible for safeguarding "
        "(\"a safeguarding lead, Mr. Ahmed\"): the witness line names them back.")
    under_review: list[Evidence] = Field(
        default_factory=list, description="The writer's words saying their own conduct is before a review, an "
        "investigation or a disciplinary process (\"I've been invited to a disciplinary meeting\").")
    ruled_out: list[Evidence] = Field(
        default_factory=list, description="The writer's words ruling out a route above someone (\"I definitely "
        "don't want to go to our team leader\"): over friction, not among the first steps.")
    light_touch: list[Evidence] = Field(
        default_factory=list, description="The writer's words asking for a light touch (\"I just want a nice way to "
        "mention it\"): over friction, a friendly word before a stated limit or a complaint.")
    afraid_of_them: list[Evidence] = Field(
        default_factory=list, description="The writer's words saying the other side frightens or intimidates them "
        "(\"He's a very big, intimidating man\"): a word alone with them is not the first step.")
    reply_owed: list[Evidence] = Field(
        default_factory=list, description="The writer's question asks how to answer a customer's or client's message "
        "(\"How should I reply?\"): the reply is the step, so letting it go is not open to them.")
    own_remark: list[Evidence] = Field(
        default_factory=list, description="A remark of the writer's own that the letter owns as wrong (\"I said 'did "
        "you even think about it?' in front of everyone … I know it was out of order\"): what an apology names.")
    said_topics: list[Cue] = Field(
        default_factory=list, description="What the trouble is about, by the writer's own words where no theme "
        "names it (\"she doesn't pull her weight\": how the work gets shared): what an opener says it is about.")
    venting: list[Evidence] = Field(
        default_factory=list, description="The writer's words saying they only want to be heard (\"I don't really "
        "want advice, I just need to get this off my chest\"): the written answer hears them first.")
    own_tendency: list[Evidence] = Field(
        default_factory=list, description="The writer's words telling a habit of their own (\"I've been known to lose "
        "my temper\", \"I'm a very competitive person\") or owning a part outright (\"this one's partly on me\"): "
        "with the fault reader leaning the same way, a part of theirs.")
    rules_broken_seen: list[Evidence] = Field(
        default_factory=list, description="The writer's words telling rule-breaking by someone else that was not "
        "pressed on the writer (\"the drug counts were off by a few ampoules\"): there is no one it was done to for "
        "the writer to check in with, and it is for the people responsible to act on.")
    manager_tied: list[Evidence] = Field(
        default_factory=list, description="The writer's words saying a manager they could take it to is close to the "
        "other side (\"she and Deirdre are close friends\", \"the store manager is Thabo's cousin\"): that manager "
        "may not be neutral.")
    tied_to_them: list[Evidence] = Field(
        default_factory=list, description="The names of people the letter says are family or close friends of "
        "someone in it (\"Alan is Terry's brother-in-law\"): a note is never addressed to them as a neutral route.")

    def party(self, party_id: str | None) -> Party | None:
        return next((p for p in self.parties if p.id == party_id), None)

    def parties_with_role(self, role: str) -> list[Party]:
        return [p for p in self.parties if p.role == role]


class Reply(Model):
    author: str | None = None
    text: str
    start: int = 0
    end: int = 0


class Thread(Model):
    replies: list[Reply] = Field(default_factory=list)
    updates: list[Reply] = Field(default_factory=list)


class Signal(Model):
    """A derived judgement about the situation with the facts behind it."""

    name: str
    strength: float = Field(ge=0.0, le=1.0)
    detail: str
    evidence: list[Evidence] = Field(default_factory=list)


class FactorReading(Model):
    """One situation factor as read from the letter (``knowledge/factors.yaml``)."""

    name: str
    title: str
    value: str | bool
    text: str = Field(description="The value in plain words, e.g. 'Your manager'.")
    confidence: float = Field(ge=0.0, le=1.0)
    source: Literal["rules", "learned", "default", "llm"] = "learned"
    evidence: list[Evidence] = Field(default_factory=list)


class Reason(Model):
    text: str
    effect: Literal["raises", "lowers"] = "raises"
    signal: str | None = None
    source: Literal["rules", "learned", "safety", "llm"] = "rules"
    evidence: list[Evidence] = Field(default_factory=list)


class Recommendation(Model):
    action: ActionCode
    score: float
    title: str
    reasons: list[Reason] = Field(default_factory=list)
    risks: list[str] = Field(default_factory=list)
    steps: list[str] = Field(default_factory=list)
    script: str | None = None
    route: str | None = Field(default=None, description=(
        "For a formal complaint where there is likely no HR department (the forces, a ship, app work, freelancing, "
        "a volunteer body, a small business): who it goes to instead (knowledge/routes.yaml)."))
    instruction: str | None = Field(default=None, description=(
        "The formal step in words where the setting changes what it is (an appeal that is open: \"appeal in writing "
        "before the deadline…\")."))


class Avoid(Model):
    action: ActionCode
    title: str
    why: str
    evidence: list[Evidence] = Field(default_factory=list)


class OptionVerdict(Model):
    option: str
    action: ActionCode | None
    verdict: Literal["recommended", "reasonable", "risky", "not advised", "unclear"]
    reason: str
    evidence: list[Evidence] = Field(default_factory=list)


class Trigger(Model):
    text: str
    action: ActionCode | None = None


class Perspective(Model):
    name: str
    title: str
    top_action: ActionCode
    ranking: list[ActionCode]
    view: str
    disagrees_with_main: bool = False


ScriptKind = Literal["opener", "email", "agenda", "manager_note", "request_note", "apology", "boundary", "coaching",
                     "backing", "between", "between_complaint", "their_manager_note", "hr_note", "customer_note",
                     "sender_note", "account", "process_note", "ask_request", "ask_decline", "ask_limit"]


class Script(Model):
    kind: ScriptKind
    title: str
    text: str
    to: str = Field(default="", description="Who the words are for, e.g. 'your peer', 'your manager'.")
    action: ActionCode | None = Field(default=None, description="The recommended action these words carry out.")
    fill_in: list[str] = Field(default_factory=list,
                               description="Slots like '[their name]' the writer fills in before using the words.")


QuestionKind = Literal["yes_no", "how", "general", "open", "legal", "money", "gift", "self_check", "norm"]
Verdict = Literal["yes", "not yet", "no", "cannot judge", "first step"]


class Question(Model):
    """A question the writer asks in the letter, in their own words, and the report's short answer to it."""

    text: str = Field(description="The writer's words (the sentence, or its question part when long).")
    kind: QuestionKind = "open"
    action: ActionCode | None = Field(default=None, description="The course of action the question asks about.")
    verdict: Verdict | None = None
    answer: str = Field(default="", description="One or two plain sentences that answer it.")
    evidence: list[Evidence] = Field(default_factory=list)


class SimilarCase(Model):
    """A library case close to this one, and what its expert advised."""

    id: str
    title: str
    source: str
    counterpart_role: str
    pattern: bool
    expert_primary: str
    expert_also: list[str]
    expert_summary: str
    score: float
    why: list[str]


class Provenance(Model):
    """Which engine produced each part of a report, so a reader knows whose judgement it is."""

    reading: str = Field(default="rules", description="'rules', 'learned' or 'llm:<model>'.")
    ranking: str = Field(default="rules", description="'rules', 'learned' or 'llm:<model>'.")
    model: str | None = None
    server: str | None = Field(default=None, description="Host the text was sent to, if any.")
    anonymised: bool = False
    latency_ms: int | None = None
    prompt_tokens: int | None = None
    completion_tokens: int | None = None
    quotes_dropped: int = 0
    cached: bool = False
    fallback_reason: str | None = Field(
        default=None, description="Why the model's answer was not used and the offline engine's was.")


class Report(Model):
    situation: Situation
    answer: str = Field(default="", description="A short written answer in plain prose; leads the report.")
    offline_answer: str = Field(default="", description=(
        "The offline engine's short written answer, composed from the reading; shown when `answer` is empty."))
    questions: list[Question] = Field(default_factory=list, description=(
        "The questions the writer asks, with the writer's words as evidence; the answer opens by answering them."))
    thread: Thread = Field(default_factory=Thread)
    summary: str = ""
    signals: list[Signal] = Field(default_factory=list)
    factors: list[FactorReading] = Field(default_factory=list)
    recommendations: list[Recommendation] = Field(default_factory=list)
    avoid: list[Avoid] = Field(default_factory=list)
    option_verdicts: list[OptionVerdict] = Field(default_factory=list)
    revisit_if: list[Trigger] = Field(default_factory=list)
    perspectives: list[Perspective] = Field(default_factory=list)
    scripts: list[Script] = Field(default_factory=list)
    similar_cases: list[SimilarCase] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)  # how the text was read (e.g. a long case's window)
    provenance: Provenance = Field(default_factory=Provenance)

    def top_actions(self, n: int = 3) -> list[str]:
        return [r.action for r in self.recommendations[:n]]
