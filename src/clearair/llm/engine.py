"""Model mode's one entry point: :func:`analyze_with_model`.

The offline report is computed first (it is the floor). The model's answer,
once parsed and checked, is overlaid on a copy of it: the written answer, the
reading (other side and role, manager or not, one-off or pattern, the writer's
share of fault, severity), the ranking with reasons that quote the letter,
what not to do, verdicts on the writer's own options, scripts and
perspectives. Whatever the model did not supply (triggers to revisit, scripts
of other kinds, never-recommended warnings) comes from clearair's rules applied
to the overlaid reading. On any failure the offline report is returned with
``provenance.fallback_reason`` and one plain line in ``notes``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from clearair.knowledge import load
from clearair.llm import answer as A
from clearair.llm import cache
from clearair.llm.checks import Quotes, Tally, bounded, bounded_words, closed
from clearair.llm.client import ChatResult, LLMFailure, Progress, chat
from clearair.llm.config import Settings
from clearair.llm.prompt import Request, build_request, repair_messages
from clearair.models import (
    ACTION_CODES,
    NEVER_RECOMMENDED,
    Avoid,
    OptionVerdict,
    Party,
    Perspective,
    Provenance,
    Reason,
    Recommendation,
    Report,
    Script,
    Signal,
)

log = logging.getLogger(__name__)
_default_progress: Progress | None = None


def set_default_progress(progress: Progress | None) -> None:
    """Where analyses without their own progress callback report (the CLI's spinner)."""
    global _default_progress
    _default_progress = progress


@dataclass
class _Got:
    answer: A.Answer
    result: ChatResult
    cached: bool
    digest: str | None


def analyze_with_model(text: str, settings: Settings, *, offline: Report | None = None,
                       progress: Progress | None = None, about: str | None = None) -> Report:
    """The report for ``text`` read and advised by the model, checked against the
    text; the offline engine's report (``offline``, computed here if not given)
    with a plain reason when the model fails. Raises InputError on bad input
    and RemoteRefused for a remote server that was not allowed."""
    from clearair.pipeline import analyze

    settings.check_destination()
    base = offline if offline is not None else analyze(text, about)
    progress = progress or _default_progress
    tried = base.provenance.model_copy(update={"model": settings.model, "server": settings.server,
                                               "anonymised": settings.remote, "fallback_reason": None})
    try:
        request = build_request(text, base, settings)
    except Exception as err:  # noqa: BLE001 - nothing was sent; the offline report stands
        log.debug("preparing the request failed: %s", type(err).__name__)
        return fallback(base, tried, "clearair could not prepare the request, so nothing was sent")
    try:
        try:
            got = _ask(settings, request, progress)
        finally:
            if progress:
                progress(None)
        report = overlay(base, text, got, request, settings)
    except LLMFailure as err:
        return _told(progress, fallback(base, tried, str(err)))
    except Exception as err:  # noqa: BLE001 - a bug in the checks must not cost the user their report
        log.debug("checking the answer failed: %s", type(err).__name__)
        return _told(progress, fallback(base, tried, "clearair could not check the model's answer"))
    if got.digest and not got.cached:
        cache.put(settings, got.digest, got.result)
    return report


def analyze_choice(text: str, settings: Settings | None, engine: str | None, about: str | None = None) -> Report:
    """For the web page and the API: ``engine`` 'rules', 'llm' or None (the model when one is configured);
    ``about``: the other side's role as the writer gave it."""
    from clearair.errors import InputError
    from clearair.pipeline import analyze

    if engine not in (None, "", "auto", "rules", "llm"):
        raise InputError(f"unknown engine {engine!r}; use 'rules' or 'llm'")
    if engine == "llm" and settings is None:
        raise InputError("no model is configured on this server (start it with --llm URL --model NAME)")
    if settings is None or engine == "rules":
        return analyze(text, about)
    return analyze_with_model(text, settings, about=about)


def _told(progress, report: Report) -> Report:
    notice = getattr(progress, "notice", None)
    if notice is not None:
        notice(report.notes[0])
    return report


def fallback(base: Report, tried: Provenance, reason: str) -> Report:
    report = base.model_copy(deep=True)
    report.provenance = tried.model_copy(update={"fallback_reason": reason})
    report.notes.insert(0, f"The model's advice is not shown because {reason}; this is clearair's own offline "
                           "reading and advice.")
    return report


def _ask(settings: Settings, request: Request, progress: Progress | None) -> _Got:
    digest = cache.key(settings, request.messages) if settings.cache else None
    if digest:
        hit = cache.get(settings, digest)
        if hit is not None:
            try:
                return _Got(A.parse(hit.content), hit, cached=True, digest=digest)
            except A.AnswerError:
                pass  # a damaged entry: ask again
    first = chat(settings, request.messages, progress)
    try:
        return _Got(A.parse(first.content), first, cached=False, digest=digest)
    except A.AnswerError as problem:
        if progress:
            progress(f"{settings.model}'s answer was not usable; asking once for a repair…")
        second = chat(settings, repair_messages(request, first.content, str(problem)), progress)
    both = ChatResult(content=second.content, model=second.model or first.model,
                      prompt_tokens=_sum(first.prompt_tokens, second.prompt_tokens),
                      completion_tokens=_sum(first.completion_tokens, second.completion_tokens),
                      latency_ms=first.latency_ms + second.latency_ms, mode=second.mode)
    try:
        return _Got(A.parse(second.content), both, cached=False, digest=digest)
    except A.AnswerError as again:
        why = str(again).split(" (")[0]
        raise LLMFailure(f"the model's answer could not be read, even after one repair ({why})") from None


def _sum(a: int | None, b: int | None) -> int | None:
    return None if a is None and b is None else (a or 0) + (b or 0)


# --- overlay ------------------------------------------------------------------
def overlay(base: Report, text: str, got: _Got, request: Request, settings: Settings) -> Report:
    """A copy of ``base`` with the model's checked answer on top. Raises LLMFailure
    when nothing usable is left of the ranking."""
    from clearair.advise import advise
    from clearair.pipeline import summarize

    report = base.model_copy(deep=True)
    tally = Tally()
    quotes = Quotes(text, request.aliases, outside=[(r.start, r.end) for r in base.thread.replies], tally=tally)
    restore = request.restore
    a = got.answer
    engine = settings.engine
    notes: list[str] = []

    problem = _apply_reading(report, a.reading, quotes)
    if problem:
        notes.append(problem)
    rules = advise(report.situation, report.signals)

    playbook = load("playbook")
    recs: list[Recommendation] = []
    never: list[str] = []
    for item in a.actions:
        code = closed(item.action, ACTION_CODES)
        if code is None:
            tally.unknown_codes += 1
        elif code in NEVER_RECOMMENDED:
            never.append(code)
        elif code not in {r.action for r in recs}:
            if len(recs) == A.MAX_ACTIONS:
                tally.trimmed += 1
                continue
            spec = playbook["actions"][code]
            reasons = [Reason(text=bounded(restore(x.text), A.MAX_REASON, tally), effect="raises",
                              evidence=quotes.evidence(x.quote))
                       for x in item.reasons[:A.MAX_REASONS] if x.text.strip()]
            recs.append(Recommendation(action=code, score=0.0, title=spec["title"], reasons=reasons,
                                       risks=list(spec.get("risks", [])), steps=list(spec.get("steps", []))))
    if not recs:
        raise LLMFailure("the model ranked no course of action clearair could use")
    for i, rec in enumerate(recs):
        rec.score = round(1.0 - i / len(recs), 3)  # the model ranks; it gives no scores
    ranked = {r.action for r in recs}

    perspectives = _perspectives(a, recs, restore, tally, never)
    report.avoid = _avoid(a, ranked, never, rules.avoid, quotes, restore, tally)
    report.option_verdicts = _verdicts(a, quotes, restore, tally) or rules.option_verdicts
    report.scripts = _scripts(a, rules.scripts, restore, tally)
    for rec in recs:
        kind = playbook["actions"][rec.action].get("script")
        rec.script = next((s.text for s in report.scripts if s.kind == kind), None) if kind else None
    report.recommendations = recs
    report.perspectives = perspectives
    report.revisit_if = rules.revisit_if
    report.answer = bounded_words(restore(a.answer), A.MAX_ANSWER_WORDS, A.MAX_ANSWER_CHARS, tally)
    report.summary = summarize(report.situation, report.signals, report)
    report.notes = _check_notes(tally, never, playbook) + notes + report.notes
    report.provenance = base.provenance.model_copy(update={
        "reading": base.provenance.reading if problem else engine, "ranking": engine,
        "model": got.result.model or settings.model, "server": settings.server, "anonymised": request.anonymised,
        "latency_ms": got.result.latency_ms, "prompt_tokens": got.result.prompt_tokens,
        "completion_tokens": got.result.completion_tokens, "quotes_dropped": tally.quotes_dropped,
        "cached": got.cached, "fallback_reason": None})
    return report


_FAULT = {"some": (0.5, "you (or your side) caused part of the problem"),
          "most": (1.0, "you (or your side) caused most of the problem")}


def _apply_reading(report: Report, r: A.Reading, quotes: Quotes) -> str | None:
    """Put the model's reading on the report's situation and re-derive the signals.
    Returns a plain note when the reading is rejected (the offline one stays)."""
    from clearair.assess import assess

    role = closed(r.counterpart_role, A.ROLES)
    if role is None:
        return ("The model named the other side's role in a way clearair does not recognise, so the reading "
                "shown is clearair's own; the advice is still the model's.")
    levels = closed(r.pattern, A.PATTERNS), closed(r.writer_share_of_fault, A.FAULT), closed(r.severity, A.SEVERITY)
    if None in levels:
        return "The model's reading was incomplete, so the reading shown is clearair's own; the advice is the model's."
    pattern, fault, severity = levels
    s = report.situation
    cp = s.party(s.counterpart)
    if (cp is None or cp.role != role) and not s.counterpart_from_writer:  # the writer's own word stands
        cp = next((p for p in s.parties if p.role == role), None)
        if cp is None:
            ids = {p.id for p in s.parties}
            new_id = next(x for x in ("counterpart", *(f"counterpart_{n}" for n in range(2, 99))) if x not in ids)
            cp = Party(id=new_id, role=role, label=load("parties")["labels"].get(role, "the other party"))
            s.parties.append(cp)
        s.counterpart = cp.id
    if not s.counterpart_from_writer:  # the model's quote may name someone else
        cp.evidence = _merge(quotes.evidence(r.counterpart_quote), cp.evidence)
    s.narrator.is_manager = bool(r.writer_manages_people)
    s.narrator.evidence = _merge(quotes.evidence(r.manages_quote), s.narrator.evidence if s.narrator.is_manager else [])
    s.pattern.recurring = pattern == "recurring"
    s.pattern.evidence = _merge(quotes.evidence(r.pattern_quote), s.pattern.evidence if s.pattern.recurring else [])
    signals = [x for x in assess(s) if x.name not in ("narrator_at_fault", "severity")]
    fault_ev, severity_ev = quotes.evidence(r.fault_quote), quotes.evidence(r.severity_quote)
    if fault in _FAULT:
        strength, detail = _FAULT[fault]
        signals.append(Signal(name="narrator_at_fault", strength=strength, detail=detail, evidence=fault_ev))
    if severity == "high":
        signals.append(Signal(name="severity", strength=1.0, detail="there was intimidation, harassment or a threat",
                              evidence=severity_ev))
    report.signals = signals
    return None


def _merge(first, rest):
    out = list(first)
    out += [e for e in rest if (e.start, e.end) not in {(x.start, x.end) for x in out}]
    return out[:4]


def _avoid(a: A.Answer, ranked: set[str], never: list[str], rules_avoid: list[Avoid], quotes: Quotes,
           restore: Callable[[str], str], tally: Tally) -> list[Avoid]:
    playbook = load("playbook")
    out: list[Avoid] = []

    def title(code: str) -> str:
        spec = playbook["tempting"].get(code) or playbook["actions"][code]
        return spec["title"]

    for item in a.avoid[:A.MAX_AVOID]:
        code = closed(item.action, ACTION_CODES)
        if code is None:
            tally.unknown_codes += 1
            continue
        if code in ranked or code in {x.action for x in out} or not item.why.strip():
            continue  # a course the model also ranks keeps its place in the ranking
        out.append(Avoid(action=code, title=title(code), why=bounded(restore(item.why), A.MAX_REASON, tally),
                         evidence=quotes.evidence(item.quote)))
    for code in never:  # the model proposed it: it belongs here, in clearair's words
        if code not in {x.action for x in out}:
            out.append(Avoid(action=code, title=title(code), why=playbook["tempting"][code]["why"]))
    for item in rules_avoid:  # the offline engine's warnings against what is never advised stay
        if item.action in NEVER_RECOMMENDED and item.action not in {x.action for x in out}:
            out.append(item)
    return out


def _verdicts(a: A.Answer, quotes: Quotes, restore, tally: Tally) -> list[OptionVerdict]:
    out = []
    for item in a.options[:A.MAX_OPTIONS]:
        if not item.option.strip():
            continue
        code = closed(item.action, ACTION_CODES) if item.action.strip() else None
        if item.action.strip() and code is None:
            tally.unknown_codes += 1
        verdict = closed(item.verdict, A.VERDICTS) or "unclear"
        if code in NEVER_RECOMMENDED and verdict in ("recommended", "reasonable"):
            verdict = "not advised"
            tally.verdicts_corrected += 1
        out.append(OptionVerdict(option=bounded(restore(item.option), A.MAX_SHORT, tally), action=code, verdict=verdict,
                                 reason=bounded(restore(item.reason), A.MAX_VIEW, tally),
                                 evidence=quotes.evidence(item.quote)))
    return out


def _scripts(a: A.Answer, rules_scripts: list[Script], restore, tally: Tally) -> list[Script]:
    templates = load("scripts")["scripts"]
    written: dict[str, Script] = {}
    for item in a.scripts:
        kind = closed(item.kind, A.SCRIPT_KINDS)
        if kind is None or kind in written or not item.text.strip():
            continue
        written[kind] = Script(kind=kind, title=templates[kind]["title"],
                               text=bounded(restore(item.text), A.MAX_SCRIPT, tally))
    fallback = {s.kind: s for s in rules_scripts}
    return [written.get(kind) or fallback[kind] for kind in templates if kind in written or kind in fallback]


def _perspectives(a: A.Answer, recs: list[Recommendation], restore, tally: Tally,
                  never: list[str]) -> list[Perspective]:
    personas = {p["name"]: p for p in load("personas")["personas"]}
    out: list[Perspective] = []
    for item in a.perspectives:
        name = closed(item.persona, A.PERSONAS)
        code = closed(item.action, ACTION_CODES)
        if name is None or code is None:
            tally.unknown_codes += 1
            continue
        if code in NEVER_RECOMMENDED:
            never.append(code)
            continue
        if name in {p.name for p in out} or not item.view.strip():
            continue
        ranking = [code] + [r.action for r in recs if r.action != code][:4]
        out.append(Perspective(name=name, title=personas[name]["title"], top_action=code, ranking=ranking,
                               view=bounded(restore(item.view), A.MAX_VIEW, tally),
                               disagrees_with_main=code != recs[0].action))
    return out


def _check_notes(tally: Tally, never: list[str], playbook: dict) -> list[str]:
    notes = []
    n = tally.quotes_dropped
    if n >= 3 and not tally.quotes_found:
        notes.append(f"None of the {n} quotations the model gave could be found in your words, so they were left "
                     "out; its answer may not rest on what you wrote, so read it with care.")
    elif n:
        notes.append(f"{n} quotation{'s' if n != 1 else ''} the model gave could not be found in your words, "
                     f"so {'they were' if n != 1 else 'it was'} left out.")
    if never:
        titles = [playbook["tempting"][c]["title"].lower() for c in dict.fromkeys(never)]
        notes.append(f"The model suggested {' and '.join(titles)}; clearair never recommends "
                     f"{'these' if len(titles) > 1 else 'that'}, so it is listed under what not to do instead.")
    if tally.unknown_codes:
        notes.append(f"{tally.unknown_codes} of the model's suggestions named a course of action clearair does not "
                     "know and were left out.")
    if tally.verdicts_corrected:
        notes.append("clearair marked as not advised an option of yours that the model approved of but that "
                     "clearair never recommends.")
    if tally.trimmed:
        notes.append("Some of the model's text was longer than clearair allows and was shortened.")
    return notes
