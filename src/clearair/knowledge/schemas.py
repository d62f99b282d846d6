"""Schemas for the knowledge files, validated when a file is loaded.

A misspelt name in a data file fails at load with the file and the name, never
silently (a playbook rule that names an unknown signal would simply never fire).
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from clearair.models import ABOUT_ROLES, ActionCode, Role, ScriptKind, Verdict


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _compiles(patterns: list[str], where: str = "") -> None:
    """Every pattern compiles as a regular expression, or a ValueError names the first that does not."""
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as e:
            raise ValueError(f"{where}not a regular expression ({e}): {pattern}") from e


class FactorExample(Strict):
    text: str
    value: str | bool


class FactorSpec(Strict):
    """One situation factor: what it means, the values it takes, and what is assumed when the letter is silent."""

    title: str = Field(description="Plain words shown to people.")
    kind: Literal["flag", "choice"]
    values: list[str] = Field(default_factory=list)
    default: str | bool
    words: dict[str, str] = Field(default_factory=dict, description="Each choice value in plain words.")
    definition: str
    examples: list[FactorExample] = Field(min_length=1)

    @model_validator(mode="after")
    def _values_fit(self) -> "FactorSpec":
        allowed = [True, False] if self.kind == "flag" else self.values
        if self.kind == "choice" and len(self.values) < 2:
            raise ValueError("a choice factor needs at least two values")
        if self.kind == "flag" and self.values:
            raise ValueError("a flag takes no values list")
        if self.kind == "choice" and set(self.words) != set(self.values):
            raise ValueError(f"words must cover exactly the values {self.values}")
        if self.kind == "flag" and not set(self.words) <= {"true", "false"}:
            raise ValueError("a flag's words are keyed true and false")
        for v in [self.default, *(e.value for e in self.examples)]:
            if v not in allowed or (self.kind == "flag") != isinstance(v, bool):
                raise ValueError(f"value {v!r} is not one of {allowed}")
        return self

    def say(self, value: str | bool) -> str:
        """The value in plain words for people (never the code)."""
        if self.kind == "flag":
            key = "true" if value else "false"
            if key in self.words:
                return self.words[key]
            return self.title if value else f"The letter does not say: {self.title[0].lower()}{self.title[1:]}"
        return self.words[str(value)][0].upper() + self.words[str(value)][1:]

    @property
    def allowed(self) -> list[str | bool]:
        return [False, True] if self.kind == "flag" else list(self.values)


class FactorFile(Strict):
    factors: dict[str, FactorSpec] = Field(min_length=1)


class GoldFactor(Strict):
    value: str | bool
    span: str | None


class GoldAnnotation(Strict):
    """One annotator's reading of one library letter (data/factors/gold.jsonl)."""

    id: str
    annotator: str
    factors: dict[str, GoldFactor]


class WrittenOption(Strict):
    """A course of action the letter's writer weighs: the words naming it and the closest action."""

    span: str = Field(min_length=3)
    action: str


class WrittenLetter(GoldAnnotation):
    """A letter written to train the factor readers (data/factors/written.jsonl): no expert answer,
    so it never enters the library, the ranker or any figure; ``group`` says what it was written to show.
    ``options`` (later letters only) label the options the writer weighs: the option finder's yardstick."""

    situation: str = Field(min_length=200)
    group: str
    options: list[WrittenOption] = Field(default_factory=list)


class PersonaOpening(Strict):
    """A persona's first sentence when every signal in ``when`` holds (and none in ``unless``)."""

    when: list[str] = Field(min_length=1)
    unless: list[str] = Field(default_factory=list)
    text: str
    favours: list[ActionCode] = Field(default_factory=list, description=(
        "The steps this sentence argues for: the persona weighs them first when they are in the ranking "
        "and allowed, so its opening and its first step say the same thing."))


class PersonaSpec(Strict):
    """One adviser in the perspectives view (knowledge/personas.yaml)."""

    name: str
    title: str
    stance: str
    openings: list[PersonaOpening] = Field(default_factory=list)
    stance_if_at_fault: str | None = None
    stance_if_serious: str | None = None
    stance_if_no_wrong: str | None = Field(default=None, description=(
        "Said when the letter tells of nothing the other side did to the writer (a busy colleague, a fair refusal): "
        "no one need be in the wrong for the writer to ask for what they need."))
    agrees: str = Field(description="Said in one line when this adviser's first step is the overall first step.")
    bias: dict[str, float]

    @model_validator(mode="after")
    def _never_wronged_at_fault(self) -> "PersonaSpec":
        if self.stance_if_at_fault and "wronged" in self.stance_if_at_fault.lower():
            raise ValueError("a writer at fault is never told they were wronged")
        return self


class PersonaFile(Strict):
    personas: list[PersonaSpec] = Field(min_length=2)


class TriggerSpec(Strict):
    """A "revisit if…" event (knowledge/triggers.yaml): shown when ``when`` holds and none of
    ``unless``; not shown as a future event once any group in ``fired_by`` holds (it has happened)."""

    when: list[str] = Field(min_length=1)
    unless: list[str] = Field(default_factory=list)
    fired_by: list[list[str]] = Field(default_factory=list)
    text: str
    action: str | None = None
    #: The event presumes the writer has raised it with the other side themselves ("after you have raised it
    #: directly"): never shown where the safety floor says not to face them alone.
    after_a_word_with_them: bool = False


class TriggerFile(Strict):
    triggers: list[TriggerSpec] = Field(min_length=1)


class ScriptTemplate(Strict):
    """One kind of words to use (knowledge/scripts.yaml ``scripts``): its title and its text with named slots."""

    title: str
    text: str


class BetweenCues(Strict):
    """The words that say two of the writer's people are at odds (``advise/between.py``): regular expressions,
    each checked to compile at load."""

    quarrel: list[str] = Field(min_length=1)
    not_getting_on: list[str] = Field(min_length=1)
    writer_is_a_side: list[str] = Field(min_length=1)
    writer_is_the_object: str

    @model_validator(mode="after")
    def _patterns_compile(self) -> "BetweenCues":
        _compiles([*self.quarrel, *self.not_getting_on, *self.writer_is_a_side, self.writer_is_the_object])
        return self


class Topic(Strict):
    """What a talk is about, by the letter's theme (``scripts.yaml`` ``topics``), and the lines it may be said to."""

    say: str = Field(min_length=5)
    to: list[Role] = Field(min_length=1)
    ask: str | None = Field(default=None, min_length=5,
                            description="What the writer asks for, where the topic has a plain ask of its own.")


class WordTopic(Topic):
    """What a talk is about, found by the writer's own words where no theme names it (``scripts.yaml``
    ``topics_by_words``): regular expressions, each checked to compile at load."""

    words: list[str] = Field(min_length=1)

    @model_validator(mode="after")
    def _patterns_compile(self) -> "WordTopic":
        _compiles(self.words)
        return self


class ScriptFile(Strict):
    """knowledge/scripts.yaml: a misspelt action or script kind fails at load, never as words that never show."""

    you_did: dict[str, str]
    asks: dict[str, str]
    #: Keyed by a theme of ``lexicon.yaml`` (a test checks every key is one).
    topics: dict[str, Topic]
    #: Tried in order after ``topics``, when no theme with a topic was found.
    topics_by_words: dict[str, WordTopic] = Field(default_factory=dict)
    closes: dict[Literal["manager", "their_manager", "serious"], str]
    answer_say: dict[ActionCode, str]
    answer_say_after_apology: dict[ActionCode, str]
    for_action: dict[ActionCode, ScriptKind]
    scripts: dict[ScriptKind, ScriptTemplate]
    between_others: BetweenCues
    #: A review, investigation or disciplinary process about the writer's own conduct (regular expressions).
    under_review: list[str]

    @model_validator(mode="after")
    def _every_action_has_its_script(self) -> "ScriptFile":
        missing = set(self.for_action.values()) - set(self.scripts)
        if missing:
            raise ValueError(f"for_action names scripts that are not written: {sorted(missing)}")
        return self


class MentionRule(Strict):
    """One way writers name a person (knowledge/parties.yaml ``mentions``): the patterns, the role they give
    (a ``models.Role``, or ``by_manager_status``: ``if_manager`` to a writer who manages people, ``otherwise``
    to anyone else) and the key that groups every mention of one party."""

    role: Role | Literal["by_manager_status"]
    key: str = Field(pattern=r"^[a-z_]+$")
    patterns: list[str] = Field(min_length=1)
    if_manager: str | None = None
    otherwise: str | None = None
    #: Only for one kind of writer: a ``narrator`` kind of lexicon.yaml ("home_worker": "the dad" is a nanny's
    #: employer, not a pupil's parent).
    writer: str | None = None
    #: The party keeps this rule's key instead of its role's, so it is never merged with the others of that
    #: role (a business partner is level with the writer, but is not one of their coworkers).
    own_party: bool = False
    #: How advice names the party when its role's label would mislead ("your business partner", not "your peer").
    label: str | None = None

    @model_validator(mode="after")
    def _roles_and_patterns(self) -> "MentionRule":
        if (self.role == "by_manager_status") != (self.if_manager is not None and self.otherwise is not None):
            raise ValueError(f"{self.key}: by_manager_status needs both if_manager and otherwise, and only it does")
        for role in (self.if_manager, self.otherwise):  # a line's roles (``models.ABOUT_ROLES``): not HR
            if role is not None and role not in ABOUT_ROLES:
                raise ValueError(f"{self.key}: unknown role {role!r}")
        _compiles(self.patterns, f"{self.key}: ")
        return self


class TraitRule(Strict):
    pattern: str
    trait: str


class PartyFile(Strict):
    """knowledge/parties.yaml: how people are named, the words that point back at them, and how advice names
    each role."""

    mentions: list[MentionRule] = Field(min_length=1)
    anaphors: dict[Literal["male", "female", "neutral"], list[str]]
    #: Given names nearly always borne by one sex, for linking "he" and "she" (never a name borne by both).
    given_names: dict[Literal["male", "female"], list[str]] = Field(default_factory=dict)
    labels: dict[Role, str]
    traits: list[TraitRule]

    @model_validator(mode="after")
    def _no_name_of_both(self) -> "PartyFile":
        both = set(self.given_names.get("male", [])) & set(self.given_names.get("female", []))
        if both:
            raise ValueError(f"given names listed for both: {sorted(both)}")
        return self

    @model_validator(mode="after")
    def _every_role_has_a_label(self) -> "PartyFile":
        roles = {r for m in self.mentions for r in (m.role, m.if_manager, m.otherwise) if r} - {"by_manager_status"}
        missing = roles - set(self.labels)
        if missing:
            raise ValueError(f"roles with no label: {sorted(missing)}")
        return self


class PlaybookRule(Strict):
    """One reason an action fits (or does not): its weight when every named signal holds."""

    when: str | list[str]
    weight: float
    why: str
    src: Literal["col", "tki", "med", "sbi", "apo", "hr", "cc"]


class AvoidRule(Strict):
    """A reason to list the action under what not to do when every named signal holds."""

    when: str | list[str]
    why: str


class PlaybookAction(Strict):
    title: str
    base: float
    rules: list[PlaybookRule]
    risks: list[str] = Field(default_factory=list)
    steps: list[str] = Field(default_factory=list)
    script: ScriptKind | None = None
    avoid_when: list[AvoidRule] = Field(default_factory=list)
    #: Signals without which the action is not offered at all ("coach your report" needs a report involved).
    requires: list[str] = Field(default_factory=list)


class TemptingAction(Strict):
    """A step people are tempted by that is only ever advised against (``models.NEVER_RECOMMENDED``)."""

    title: str
    invited_by: list[str]
    why: str


class PlaybookFile(Strict):
    """knowledge/playbook.yaml. ``signals``: the names ``assess`` gives (``assess.SIGNALS``); every rule's ``when``
    and every ``requires`` and ``invited_by`` must be one of them."""

    actions: dict[ActionCode, PlaybookAction]
    tempting: dict[ActionCode, TemptingAction]

    def check_signals(self, signals: frozenset[str]) -> "PlaybookFile":
        def names(when: str | list[str]) -> list[str]:
            return [when] if isinstance(when, str) else list(when)

        used = {(a, n) for a, spec in self.actions.items() for rule in spec.rules for n in names(rule.when)}
        used |= {(a, n) for a, spec in self.actions.items() for avoid in spec.avoid_when for n in names(avoid.when)}
        used |= {(a, n) for a, spec in self.actions.items() for n in spec.requires}
        used |= {(a, n) for a, spec in self.tempting.items() for n in spec.invited_by}
        unknown = sorted(f"{a}: {n}" for a, n in used if n not in signals)
        if unknown:
            raise ValueError(f"playbook.yaml names signals assess never gives: {unknown}")
        return self


class RouteSetting(Strict):
    """A workplace with no HR department to go to (knowledge/routes.yaml): the words that mark it and the formal
    routes it has instead."""

    name: str
    patterns: list[str] = Field(min_length=1)
    routes: str
    to: str
    #: The writer has a manager of their own here (not an app's rider, not a freelancer).
    own_manager: bool = True
    #: The first step shown under a formal complaint, where the usual one ("There may be no HR department here…")
    #: does not fit (HR is there, but not neutral).
    step: str | None = None
    #: The formal step as an instruction in the written answer, where it is not a complaint ("appeal in writing…").
    instruction: str | None = None
    #: The formal note's own title and words where they are not a complaint's (an appeal).
    note_title: str | None = None
    note: str | None = None
    #: The step runs out (an appeal window): it leads the advice, whatever else the ranking prefers.
    deadline: bool = False
    #: Nobody stands above the people the writer works for (a household): "raise it with their manager" goes nowhere.
    no_one_above: bool = False


class RouteFile(Strict):
    settings: list[RouteSetting] = Field(min_length=1)
    #: HR is named but the writer's words say it passed on what they said, or sides with the other side.
    hr_not_neutral: RouteSetting
    #: A formal process has given its outcome and the writer may appeal: the appeal is the formal step.
    appeal_open: RouteSetting


class SetAnswer(Strict):
    """A question with a set answer (knowledge/answers.yaml): the words that ask it and what clearair says back."""

    about: str
    asks: list[str] = Field(min_length=1)
    #: Words that rule the question out although it matches ``asks`` ("quit now", with an offer in hand).
    unless: list[str] = Field(default_factory=list)
    #: The verdict the answer gives (where it is added to another answer, that answer's verdict stands).
    verdict: Verdict
    answer: str = Field(min_length=1)

    @model_validator(mode="after")
    def _patterns_compile(self) -> SetAnswer:
        _compiles(self.asks + self.unless, f"{self.about[:40]}: ")
        return self


class SetAnswerFile(Strict):
    answers: dict[str, SetAnswer] = Field(min_length=1)
