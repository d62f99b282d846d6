"""One view of a report, in plain language, for every surface.

The terminal, Markdown, HTML, PDF and the web page all render the same
``ReportView``: the same sections, in the same order, with the same limits,
in titles and sentences. Codes (TALK_DIRECT) and signed scores stay in the
report's JSON; here a score becomes a few words and a small bar.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from clearair.advise.phrases import (
    SLOT_EVENT,
    capitalise,
    in_the_writers_word,
    incident_sentence,
    join_words,
    lower_first,
    plain_learned,
    sentence,
)
from clearair.advise.questions import ends_with_a_question_mark, just_asks_what_to_do, rhetorical
from clearair.advise.routes import writer_owns_the_business
from clearair.advise.scripts import first_names
from clearair.knowledge import load
from clearair.models import Evidence, Reason, Recommendation, Report

#: The same limits on every surface.
TOP_ACTIONS = 3
MORE_ACTIONS = 2
MAX_REASONS = 3
MAX_INCIDENTS = 3
MAX_SIMILAR = 3
QUOTE_CHARS = 90

_STRENGTH = {5: "Best fit", 4: "Strong fit", 3: "Good fit", 2: "Worth considering", 1: "Weak fit"}
_VERDICT = {"recommended": "Recommended", "reasonable": "Reasonable", "risky": "Risky",
            "not advised": "Not advised", "unclear": "Unclear"}
_CERTAINTY = ((0.66, "clear from your words"), (0.45, "likely"), (0.0, "a guess"))


class View(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Quote(View):
    """The writer's words a sentence rests on; offsets index the analysed text (for highlighting)."""

    text: str
    start: int
    end: int


class ReasonView(View):
    text: str
    direction: Literal["for", "against"]
    quotes: list[Quote] = Field(default_factory=list)


class ActionView(View):
    rank: int
    title: str
    strength: str = Field(description="A few words: 'Best fit', 'Good fit'…")
    level: int = Field(ge=1, le=5, description="1-5, for a small bar")
    bar: str = Field(description="The level as a text bar, e.g. '●●●○○'")
    reasons: list[ReasonView] = Field(default_factory=list)
    steps: list[str] = Field(default_factory=list)
    risks: list[str] = Field(default_factory=list)
    words_title: str | None = Field(default=None, description="Title of the words to use for this action, if any.")
    code: str = Field(description="For links and tests only; never shown to people.")


class OptionView(View):
    option: str
    verdict: str
    reason: str
    quotes: list[Quote] = Field(default_factory=list)


class AvoidView(View):
    title: str
    why: str
    quotes: list[Quote] = Field(default_factory=list)


class WordsView(View):
    title: str
    to: str = Field(description="Who the words are for, e.g. 'your peer'.")
    text: str
    fill_in: list[str] = Field(default_factory=list, description="Slots the writer fills before using it.")
    kind: str


class PerspectiveView(View):
    title: str
    text: str
    agrees: bool


class FactView(View):
    title: str
    sentence: str
    certainty: str = ""
    quotes: list[Quote] = Field(default_factory=list)


class SimilarView(View):
    title: str
    source: str
    advised: str = Field(description="The expert's main advice as an action title.")
    summary: str
    why: str


class TimelineItem(View):
    label: str
    when: str = ""
    detail: str = ""
    kind: Literal["incident", "update", "journal"] = "incident"


class HistoryItem(View):
    """One version of a case and how the advice moved with it."""

    label: str
    when: str
    advice: list[str] = Field(default_factory=list, description="Top three action titles after it.")
    moves: list[str] = Field(default_factory=list, description="Sentences: what rose or fell, and why.")


class QuestionView(View):
    """A question the writer asked, in their words, and the short answer the written answer opens with."""

    asked: str
    answer: str
    quotes: list[Quote] = Field(default_factory=list)
    in_answer: bool = Field(True, description="Whether the written answer already quotes it; one it had no room for "
                                              "is shown on its own, so no answer the engine gave is hidden.")


class ReportView(View):
    title: str = "Your situation"
    answer: str = Field(description="The short written answer that leads every view (it opens with the answer "
                                    "to the writer's question, when they ask one).")
    questions: list[QuestionView] = Field(default_factory=list, description="The questions the answer takes up.")
    unanswered: list[str] = Field(default_factory=list, description="Questions the writer asked that the engine has "
                                                                     "no answer of its own to, said so rather than "
                                                                     "dropped.")
    answer_by: Literal["model", "offline"] = "offline"
    engine: str = ""
    notes: list[str] = Field(default_factory=list)
    actions: list[ActionView] = Field(default_factory=list, description=f"The first {TOP_ACTIONS}.")
    more_actions: list[ActionView] = Field(default_factory=list)
    options: list[OptionView] = Field(default_factory=list)
    avoid: list[AvoidView] = Field(default_factory=list)
    revisit: list[str] = Field(default_factory=list)
    words: list[WordsView] = Field(default_factory=list)
    perspectives: list[PerspectiveView] = Field(default_factory=list)
    reading: list[FactView] = Field(default_factory=list)
    people: str = ""
    about: str = Field(default="", description="The other side's role as read, one of models.ABOUT_ROLES, or what the "
                                               "writer gave (a role or a name); empty when nobody was found.")
    about_told: bool = Field(default=False, description="The writer said who the other side is themselves.")
    named: list[tuple[str, str]] = Field(default_factory=list, description="The people the text names, as the "
                                         "writer may choose one of them as the other side: (name, how to show it).")
    timeline: list[TimelineItem] = Field(default_factory=list)
    history: list[HistoryItem] = Field(default_factory=list)
    similar: list[SimilarView] = Field(default_factory=list)
    thread_note: str = ""

    def other_questions(self) -> list[QuestionView]:
        """The answered questions the written answer had no room for: every surface shows them after it."""
        return [q for q in self.questions if not q.in_answer]


def titles() -> dict[str, str]:
    """Action code -> its title, for every action the playbook knows (recommended or tempting)."""
    book = load("playbook")
    return {code: spec["title"] for part in ("actions", "tempting") for code, spec in book[part].items()}


def quotes(evidence: list[Evidence], n: int = 2) -> list[Quote]:
    out: list[Quote] = []
    for e in evidence:
        text = " ".join(e.text.split())
        if len(text) > QUOTE_CHARS:
            text = text[:QUOTE_CHARS].rsplit(" ", 1)[0] + "…"
        if text and all(q.text != text for q in out):
            out.append(Quote(text=text, start=e.start, end=e.end))
        if len(out) == n:
            break
    return out


_LEARNED = re.compile(r"^In letters like yours, experts (often|seldom) advised this when: (.+)$")
_RANKED = re.compile(r"^Ranked (\d+) of the options clearair weighed\.\s*")


def reason_sentence(text: str) -> str:
    """A reason as a sentence; the learned ranker's "experts advised this when: x" becomes plain words."""
    m = _LEARNED.match(text.strip())
    if m:
        # the factor's own brackets become a comma ("serious conduct, the kind an employer must act on"): brackets
        # in brackets read as a slip
        facts = re.sub(r"\s*\(([^()]*)\)", r", \1", m.group(2).rstrip("."))
        return sentence(f"Experts {m.group(1)} advised this in letters like yours ({facts})")
    return sentence(text)


_EXPERTS = re.compile(r"^(Experts (?:often|seldom) advised this in letters like yours) \((.*)\)\.$")


def _merge_learned(reasons: list[ReasonView]) -> list[ReasonView]:
    """Two "Experts often advised this in letters like yours (…)" lines under one action become one, their facts
    joined: the same opening twice in a row reads as a template."""
    out: list[ReasonView] = []
    first: dict[tuple[str, str], tuple[ReasonView, str]] = {}  # (direction, opening) -> the line kept, its facts
    for rv in reasons:
        m = _EXPERTS.match(rv.text)
        key = (rv.direction, m.group(1)) if m else None
        if m is None or key is None or key not in first:
            if m is not None and key is not None:
                first[key] = (rv, m.group(2))
            out.append(rv)
            continue
        kept, facts = first[key]
        facts = f"{facts}; {m.group(2)}"
        first[key] = (kept, facts)
        kept.text = f"{m.group(1)} ({facts})."
        kept.quotes = kept.quotes or rv.quotes  # one quote per reason: the page highlights the one it shows
    return out


#: What goes before the course of action in the way a writer weighs it, one or more of: "or should I just", "I'm not
#: sure if I should", "whether to". The verdict line says the action alone ("Not advised: Put up with it until
#: June"); a panel found "Not advised: or just put up with it" garbled.
_WEIGHING = re.compile(r"^(?:(?:and|or|but|so|then|maybe|perhaps|honestly)\b,?\s*|"
                       r"(?:i['’]?m|i am) (?:not sure|unsure|wondering|torn)(?: (?:if|whether|about))?\s*|"
                       r"(?:i )?(?:don['’]?t|do not|can['’]?t|cannot) (?:know|decide|tell)(?: (?:if|whether))?\s*|"
                       r"i (?:wonder|am wondering)(?: (?:if|whether))?\s*|(?:whether|if)\s+|"
                       r"(?:should|could|can|do|would|shall) (?:i|we)\s+|"
                       r"(?:i|we) (?:should|could|might|may|can|will|would|ought to)\s+|"
                       r"(?:just|simply|rather)\s+|to\s+)+",
                       re.IGNORECASE)


def option_as_weighed(text: str) -> str:
    """The course of action in a writer's option, without the words of weighing it: "I'm not sure if I should go to
    the store manager" -> "Go to the store manager"; left as it is when that would leave too little."""
    said = " ".join(text.split()).rstrip("?.,;: ")
    bare = re.sub(r",?\s+or not$", "", _WEIGHING.sub("", said, count=1))
    if len(bare.split()) < 2:
        bare = said
    return bare[:1].upper() + bare[1:]


def verdict_reason(text: str) -> str:
    """A verdict's reason in plain words: no rank numbers, no template fragments."""
    text = _RANKED.sub("", text.strip())
    text = plain_learned(text)
    return sentence(text)


def _level(rank: int, score: float, top: float, scored: bool) -> int:
    if rank == 0:
        return 5
    if not scored:  # a model ranks; it gives no scores
        return max(1, 4 - rank // 2)
    gap = top - score
    return 4 if gap < 0.75 else 3 if gap < 1.5 else 2 if gap < 3.0 else 1


def _actions(report: Report, scripts: dict[str, str]) -> list[ActionView]:
    from clearair.advise.answer import rests_on_default

    # A step the safety floor holds back is listed after the steps that are not ("2. Plan your way out: not a first
    # step" above "3. Keep dated notes: strong fit" read as a contradiction to a red team); the order is otherwise
    # the advice's own.
    recs = sorted(report.recommendations[:TOP_ACTIONS + MORE_ACTIONS], key=held_back_step)
    scored = not report.provenance.ranking.startswith("llm:")
    top = recs[0].score if recs else 0.0
    out = []
    shown_above: set[str] = set()  # reasons already given under an earlier action
    above = 5  # the level of the step listed above: a lower step never shows a stronger fit
    for i, rec in enumerate(recs):
        level = min(_level(i, rec.score, top, scored), above)
        held_back = held_back_step(rec)
        if held_back:
            level = min(level, 2)  # held back by the safety floor: never "strong fit", whatever its score
        seen: set[str] = set()
        quoted: set[str] = set()
        reasons = []
        repeats: list[tuple[str, Reason]] = []
        for r in rec.reasons:
            text = in_the_writers_word(reason_sentence(r.text), report.situation)
            if text.lower() in seen or rests_on_default(r):
                continue  # a default reading ("a single incident") is not shown as a reason without the writer's words
            seen.add(text.lower())
            if text.lower() in shown_above:
                # The same sentence under three actions reads as padding: it is said once, where it first applies,
                # and said again only for an action that has no other reason.
                repeats.append((text, r))
                continue
            # The writer's words behind a reason are shown once per action: the same sentence quoted under three
            # reasons reads as padding (a panel judge's complaint), and the first reason already points at it.
            shown = [q for q in quotes(r.evidence, 1) if q.text not in quoted]
            if r.signal == "words" and not shown:
                continue  # "letters worded like yours" says something only with the words it points at
            quoted.update(q.text for q in shown)
            reasons.append(ReasonView(text=text, direction="for" if r.effect == "raises" else "against", quotes=shown))
            if len(reasons) == MAX_REASONS:
                break
        reasons = _merge_learned(reasons)
        if not reasons and repeats:
            text, r = repeats[0]
            reasons.append(ReasonView(text=text, quotes=quotes(r.evidence, 1),
                                      direction="for" if r.effect == "raises" else "against"))
        shown_above.update(rv.text.lower() for rv in reasons)
        # Held back, it is not a weaker fit but a later step: a red team read "weak fit" beside serious conduct as
        # still on offer.
        if reasons and all(rv.direction == "against" for rv in reasons) and level > 3:
            # every reason shown is against it: not called a strong fit beside them (red team 41: "Let it go and
            # move on ●●●●○ Strong fit" with only reasons against)
            level = 3
        strength = "Not a first step" if held_back else _STRENGTH[level]
        above = level
        out.append(ActionView(rank=i + 1, title=rec.title, strength=strength, level=level,
                              bar="●" * level + "○" * (5 - level), reasons=reasons, steps=list(rec.steps),
                              risks=list(rec.risks), words_title=scripts.get(rec.action), code=rec.action))
    return out


# Factor -> how its value reads as a sentence ({} is the factor's own plain words).
_FACT_SENTENCE = {
    "counterpart_role": "The other side: {}",
    "pattern": "{}",
    "writer_fault": "{}",
    "severity": "How serious it reads: {}",
    "audience": "Who saw it: {}",
    "own_manager": "{}",
    "goal": "{}",
}
_FLAG_SENTENCE = {
    "narrator_is_manager": "You manage people",
    "already_raised": "You have already raised it with them",
    "already_escalated": "You have already taken it above them",
    "they_apologized": "They have apologised",
    "writer_apologized": "You have already apologised",
    "retaliation": "You were punished, or fear you will be, for speaking up",
    "leaving": "You are leaving, or thinking of it",
    "customer_impact": "A customer or a business result is at stake",
    "report_performance": "Your report's work or conduct is part of it",
    "health": "Your health is suffering",
    "evidence": "You have records or witnesses",
    "personal_tie": "There is a friendship or personal tie",
    "bystander": "You are a bystander to it",
}
_FAULT = {"none": "Nothing you describe makes this your doing", "partly": "You had a part in it",
          "mainly": "From what you describe, much of this started with you"}


def _certainty(confidence: float) -> str:
    return next(word for bound, word in _CERTAINTY if confidence >= bound)


#: Below this a reader's guess is left out of the reading (the advice still weighs it).
MIN_CONFIDENCE = 0.45
#: A learned "yes" about something that happened (an earlier talk, an apology, records) is said only from here: the
#: panels counted earlier talks the letters never told of among the misreadings, read at 0.5-0.6 (the words use the
#: same bar, ``advise.RAISED_CONFIDENCE``).
MIN_FLAG_CONFIDENCE = 0.6


def _reading(report: Report) -> list[FactView]:
    from clearair.advise.answer import floor_of, has_own_part

    s = report.situation
    floor = floor_of(report)
    owns = has_own_part(report, floor)
    audience_known = any(i.audience.kind != "unknown" for i in s.incidents)
    out: list[FactView] = []
    seen: set[str] = set()
    done: set[tuple[str, str]] = set()
    if s.between_others:
        out.append(FactView(title="Between people you manage", sentence="The conflict is between people you manage, "
                            "not with you.", quotes=quotes(s.between_others, 1)))
    for inc in sorted(s.incidents, key=lambda i: (i.channel == "unknown", i.audience.kind == "unknown")):
        if s.between_others and inc.actor != "narrator":
            continue  # their acts were aimed at each other: "belittled you" would misread them
        if inc.actor == "narrator" and not s.between_others and not owns and floor.writer_at_fault == "none" \
                and inc.act != "complain_external":
            continue  # an act the rules gave the writer that the advice does not hold them to (blind panel 44: "You
            # gave a false account", "You were accused of harassment" read to writers who had done neither)
        text = incident_sentence(s, inc)
        if text in seen or "[what happened]" in text or (inc.actor, inc.act) in done:
            continue
        seen.add(text)
        done.add((inc.actor, inc.act))
        out.append(FactView(title="What happened", sentence=text, quotes=quotes(inc.evidence, 1)))
        if len(out) == MAX_INCIDENTS:
            break
    for f in report.factors:
        if f.source == "default" or f.name == "counterpart_role" or (f.name == "audience" and audience_known):
            continue  # the other side and who saw it are said above, from the rules' reading
        if f.name == "writer_fault":  # as the advice weighed it (the safety floor), not the raw guess
            fault = floor.writer_at_fault if floor.writer_at_fault != "none" else ("partly" if owns else "none")
            if fault == "none" and (f.confidence < MIN_CONFIDENCE or not f.evidence or f.value != "none"):
                # "not your doing" is said only with the writer's words behind it, and never where the reader leaned
                # the other way and the advice did not act on it (its words would be evidence for the opposite: red
                # teams found "Nothing you describe makes this your doing" beside a JSON reading of "partly")
                continue
            out.append(FactView(title=f.title, sentence=sentence(_FAULT[fault]), quotes=quotes(f.evidence, 1)))
            continue
        if f.name == "pattern":  # as the rules read it, which the advice and the answer follow
            # "A single incident" is also the default reading: said only with the writer's words behind it.
            if s.pattern.recurring or (f.confidence >= MIN_CONFIDENCE and f.evidence and f.source != "default"):
                out.append(FactView(title=f.title, sentence=sentence(
                    "It keeps happening: a pattern, not one incident" if s.pattern.recurring else "A single incident"),
                    quotes=quotes(s.pattern.evidence or f.evidence, 1)))
            continue
        if f.confidence < MIN_CONFIDENCE and f.source != "rules":
            continue
        if f.name == "goal" and f.value == "understand" and not any(q.kind == "self_check" for q in report.questions):
            continue  # "you want to know whether it is you", to one who asked whom to raise it with (red team 42)
        if f.name == "own_manager" and (f.value == "unknown" or writer_owns_the_business(s)):
            continue  # "your manager's stance is not said" tells nothing, and an owner has no manager
        elif f.name in _FACT_SENTENCE:
            template = _FACT_SENTENCE[f.name]
            text = template.format(f.text if template == "{}" else lower_first(f.text))
        elif f.name in _FLAG_SENTENCE and f.value is True:
            if f.source != "rules" and f.confidence < MIN_FLAG_CONFIDENCE:
                continue  # a coin toss about what the writer did ("you have already raised it") is not said
            text = _FLAG_SENTENCE[f.name]
        else:
            continue
        # "clear from your words" only with the words shown: a sure guess with nothing to point at is "likely"
        certainty = _certainty(f.confidence if f.evidence else min(f.confidence, _CERTAINTY[0][0] - 0.01))
        out.append(FactView(title=f.title, sentence=sentence(text), certainty=certainty, quotes=quotes(f.evidence, 1)))
    return out


def _people(report: Report) -> str:
    s = report.situation
    cp = s.party(s.counterpart)
    labels = [p.label for p in s.parties]
    # Two people under one label are told apart by a name the letter gives ("your manager (Sue)"), or said once: red
    # team 32 found "Also involved: your manager and your manager".
    def called(p) -> str:
        names = first_names(s, p.id) if labels.count(p.label) > 1 else []
        return f"{p.label} ({names[0]})" if names else p.label

    others = list(dict.fromkeys(called(p) for p in s.parties if p.id != s.counterpart))
    if not cp and not others:
        return ""
    told = ", as you told us." if s.counterpart_from_writer else "."
    text = f"The other side is {called(cp)}{told}" if cp else ""
    if others:
        text += f" Also involved: {join_words(others)}."
    return text.strip()


#: The roles a writer may give the other side (``models.ABOUT_ROLES``), as the page and the terminal name them.
ABOUT_CHOICES = {
    "manager": "Your manager (the person you report to)",
    "skip_level": "Your manager's manager, or someone higher up",
    "peer": "A coworker at your level",
    "direct_report": "Someone you manage",
    "customer": "A customer, client, patient or member of the public",
    "other": "Someone outside your line (another team, a contractor, HR)",
}


def named_people(report: Report) -> list[tuple[str, str]]:
    """Each person the text names, once, with how the report names them ("Tobias (your manager)"): a writer whose
    two coworkers are both "your peer" can say which one the situation is about. A name is what the words to use
    would call them (``scripts.first_names``)."""
    from clearair.advise.scripts import first_names

    out: dict[str, str] = {}
    for p in report.situation.parties:
        names = first_names(report.situation, p.id)
        if names and names[0] not in out:
            out[names[0]] = f"{names[0]} ({p.label})"
    return list(out.items())


def _about(report: Report) -> str:
    from clearair.extract.features import as_factor_role
    from clearair.models import ABOUT_ROLES

    cp = report.situation.party(report.situation.counterpart)
    role = as_factor_role(cp.role) if cp else ""
    return role if role in ABOUT_ROLES else ""


def _timeline(report: Report, dates: list[str] | None, journal=None, versions=None) -> list[TimelineItem]:
    """Incidents in the order the writer tells them, then the updates (a pasted thread's, then a case
    file's, each labelled by what it says), then the journal entries."""
    s = report.situation
    items: list[TimelineItem] = []
    seen: set[tuple[str, str]] = set()
    for inc in s.incidents:
        label = incident_sentence(s, inc)
        if (inc.actor, inc.act) in seen or SLOT_EVENT in label:
            continue  # (an event the reading could not say is no line of the timeline: "Someone did … [what happened]")
        seen.add((inc.actor, inc.act))
        items.append(TimelineItem(label=label.rstrip("."), when=inc.when or "", kind="incident"))
    case_updates = [v for v in versions or [] if v.kind == "update"]
    thread_updates = report.thread.updates
    if case_updates:
        dates = dates if dates is not None else ["" for _ in case_updates]
        for u in thread_updates:  # the pasted text's own updates, undated
            items.append(TimelineItem(label=update_label(u.text), kind="update"))
        for v, when in zip(case_updates, dates, strict=False):  # dates may stop short
            items.append(TimelineItem(label=update_label(v.text), when=when, kind="update"))
    else:
        dates = dates if dates is not None else ["" for _ in thread_updates]
        for n, when in enumerate(dates):
            text = thread_updates[n].text if n < len(thread_updates) else ""
            items.append(TimelineItem(label=update_label(text), when=when, kind="update"))
    for e in journal or []:
        what = " ".join(str(e.what).split())
        items.append(TimelineItem(label=sentence(f"{e.who}: {what}").rstrip("."), when=e.happened_on.isoformat(),
                                  detail=", ".join(x for x in (e.channel, f"witnesses: {e.witnesses}"
                                                               if e.witnesses else None) if x),
                                  kind="journal"))
    return items


_GREETING = re.compile(r"^(hi|hey|hello|dear|thanks|thank you|update|edit|so)\b[^.!?]{0,60}[.!?,]?$", re.I)


def update_label(text: str, limit: int = 70) -> str:
    """A short label that says what an update reports: its first sentence, cut at a word."""
    text = " ".join(text.split())
    text = re.sub(r"^(update|edit|eta)\s*[:\-–]?\s*", "", text, flags=re.I)
    sentences = [x for x in re.split(r"(?<=[.!?])\s", text) if x.strip()] if text else []
    said = [x for x in sentences if not _GREETING.match(x)]
    first = (said or sentences or [""])[0]
    if not first:
        return "An update from you"
    if len(first) > limit:
        first = first[:limit].rsplit(" ", 1)[0] + "…"
    return capitalise(first.rstrip("."))


def _similar(report: Report) -> list[SimilarView]:
    names = titles()
    out = []
    for c in report.similar_cases[:MAX_SIMILAR]:
        why = [w for w in c.why if not w.startswith("shared words")]
        out.append(SimilarView(title=c.title, source=c.source, advised=names.get(c.expert_primary, "Other advice"),
                               summary=c.expert_summary,
                               why=sentence("Similar because " + join_words(why)) if why else ""))
    return out


def _perspectives(report: Report) -> list[PerspectiveView]:
    return [PerspectiveView(title=p.title, text=p.view, agrees=not p.disagrees_with_main) for p in report.perspectives]


def _words(report: Report) -> list[WordsView]:
    out = []
    for s in report.scripts:
        to = getattr(s, "to", "") or ""
        fill = list(getattr(s, "fill_in", []) or re.findall(r"\[[^\]]+\]", s.text))
        out.append(WordsView(title=s.title, to=to, text=s.text, fill_in=list(dict.fromkeys(fill)), kind=s.kind))
    return out


def written_answer(report: Report) -> tuple[str, Literal["model", "offline"]]:
    """The model's answer when model mode wrote one; else the offline engine's."""
    if report.answer.strip():
        return report.answer.strip(), "model"
    offline = getattr(report, "offline_answer", "") or ""
    if not offline:
        from clearair.advise.answer import compose

        offline = compose(report)
    return offline, "offline"


#: Said after a question the engine has no answer of its own to.
UNANSWERED_LINE = ("clearair has no answer of its own to this one; the steps above are its advice for it, and what "
                   "depends on your workplace's own rules is one for HR, a union representative or an employment "
                   "adviser.")


def quoted_in(question: str, answer: str) -> bool:
    """Whether the written answer quotes the question (it quotes the writer's words, at most cut at the end)."""
    words = " ".join(question.split())
    return words[:60].rstrip(" ?.!") in " ".join(answer.split())


def unanswered(report: Report) -> list[str]:
    """The writer's questions (their words end in a question mark) the engine gave no answer to: a red team found
    "How do I deal with Rohit going around calling me a liar?" silently left out of what a person reads. Not a
    question that only asks what to do ("What should I do?"): the steps are its answer, and a line saying there is
    none read as a shrug (red team 53); nor one that only vents ("Since when does a staff nurse hand the charge nurse
    his admission?"), which no one expects answered."""
    return [q.text for q in report.questions
            if not q.answer and ends_with_a_question_mark(q.text) and not just_asks_what_to_do(q.text)
            and not rhetorical(q)]


def held_back_step(rec: Recommendation) -> bool:
    """Whether the safety floor moved this step down (it carries the floor's reason why it is not a first step)."""
    return any(x.source == "safety" and x.effect == "lowers" for x in rec.reasons)


def held_back(report: Report) -> set[str]:
    """Actions the safety floor moved down, each with its reason why it is not a first step."""
    return {r.action for r in report.recommendations if held_back_step(r)}


def build_view(report: Report, title: str = "Your situation", *, dates: list[str] | None = None,
               journal=None, versions=None) -> ReportView:
    """The plain-language view of ``report``. For a case file, ``dates`` are its
    updates' dates, ``journal`` its journal entries and ``versions`` its versions
    (for the history of how the advice moved)."""
    from clearair.llm.provenance import engine_line

    answer, by = written_answer(report)
    script_titles = {getattr(s, "action", None) or "": s.title for s in report.scripts}
    book = load("playbook")["actions"]
    for code, spec in book.items():  # scripts written before actions were attached: by kind
        kind = spec.get("script")
        if code not in script_titles and kind:
            match = next((s.title for s in report.scripts if s.kind == kind and not getattr(s, "action", None)), None)
            if match:
                script_titles[code] = match
    actions = _actions(report, script_titles)
    verdicts = [OptionView(option=option_as_weighed(v.option), verdict=_VERDICT.get(v.verdict, capitalise(v.verdict)),
                           reason=verdict_reason(v.reason), quotes=quotes(v.evidence, 1))
                for v in report.option_verdicts]
    thread = report.thread
    note = ""
    if thread.replies or thread.updates:
        parts = []
        if thread.replies:
            parts.append(f"{len(thread.replies)} repl{'y' if len(thread.replies) == 1 else 'ies'}")
        if thread.updates:
            parts.append(f"{len(thread.updates)} update{'' if len(thread.updates) == 1 else 's'} of yours")
        note = sentence(f"{join_words(parts)} were read apart from your letter; the replies do not change the advice")
    about = _about(report)
    # Not offered "to weigh": a step on the don't list, nor one the safety floor moved down ("not a first step with
    # serious conduct": a red team found a private talk with the man touching the writer offered "to weigh").
    not_to_weigh = {x.action for x in report.avoid} | held_back(report)
    # "Ask your own manager for help" is no further option when the other side is that manager (a red team found it
    # listed, without a reason, after the writer had said the manager is the one it is about).
    shown = actions[:TOP_ACTIONS]
    to_weigh = [a for a in actions[TOP_ACTIONS:] if a.code not in not_to_weigh
                and not (a.code == "ESCALATE_MANAGER" and about == "manager")]
    return ReportView(
        title=title if title else "Your situation",
        answer=answer, answer_by=by, engine=engine_line(report), notes=list(report.notes),
        questions=[QuestionView(asked=q.text, answer=q.answer, quotes=quotes(q.evidence, 1),
                                in_answer=by != "offline" or quoted_in(q.text, answer))
                   for q in report.questions if q.answer],
        unanswered=[] if by != "offline" else unanswered(report),
        actions=shown,
        # numbered on from the first steps, so a step left out leaves no gap ("3." then "5.": red team 36)
        more_actions=[a.model_copy(update={"rank": rank}) for rank, a in enumerate(to_weigh, start=len(shown) + 1)],
        options=verdicts,
        avoid=[AvoidView(title=a.title, why=sentence(a.why), quotes=quotes(a.evidence, 1)) for a in report.avoid],
        revisit=[sentence(t.text) for t in report.revisit_if],
        words=_words(report), perspectives=_perspectives(report), reading=_reading(report),
        people=_people(report), about=report.situation.about_told or about,
        about_told=report.situation.counterpart_from_writer, named=named_people(report),
        timeline=_timeline(report, dates, journal, versions),
        history=history(versions) if versions else [], similar=_similar(report), thread_note=note)


def history(versions) -> list[HistoryItem]:
    """How the advice moved, version by version, in sentences."""
    names = titles()
    out = []
    for v in versions:
        when = (v.happened_on or v.created_at.date()).isoformat() if getattr(v, "created_at", None) else ""
        label = "Your first account" if v.kind == "original" else update_label(v.text)
        record = v.report
        advice = [names.get(a, "Other advice") for a in (record.top_actions[:3] if record else [])]
        moves = []
        for m in (record.movement if record and v.kind != "original" else []):
            m = m if isinstance(m, dict) else m.model_dump()
            title = names.get(m["action"], "Another option")
            if m.get("before") is None:
                moves.append(f"“{title}” came in at number {m['after']}.")
            elif m["after"] < m["before"]:
                moves.append(f"“{title}” rose from number {m['before']} to {m['after']}.")
            else:
                moves.append(f"“{title}” fell from number {m['before']} to {m['after']}.")
        out.append(HistoryItem(label=label, when=when, advice=advice, moves=moves))
    return out


def find_action(text: str) -> list[str]:
    """Action codes matching what a person typed: a code, a title, or a few words of a title.
    One code when the match is clear; several when the words fit more than one; none when nothing fits."""
    import difflib

    names = titles()
    typed = " ".join(text.split())
    code = typed.upper().replace(" ", "_").replace("-", "_")
    if code in names:
        return [code]
    low = typed.lower().strip(" .\"'“”")
    by_title = {t.lower(): c for c, t in names.items()}
    if low in by_title:
        return [by_title[low]]
    words = set(re.findall(r"[a-z']+", low)) - {"a", "an", "the", "to", "and", "or", "with", "your", "it", "on"}
    scored = []
    for c, t in names.items():
        title_words = set(re.findall(r"[a-z']+", t.lower()))
        overlap = len(words & title_words)
        if low and low in t.lower():
            overlap += 5
        if overlap:
            scored.append((overlap, c))
    if scored:
        best = max(o for o, _ in scored)
        return [c for o, c in sorted(scored, reverse=True) if o == best]
    close = difflib.get_close_matches(low, list(by_title), n=3, cutoff=0.6)
    return [by_title[t] for t in close]
