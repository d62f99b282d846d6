"""Thread mode: what each reply advises, where replies agree or disagree,
and the letter re-read with the writer's own updates."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from clearair.intake import build_document
from clearair.knowledge import load
from clearair.models import Model, Report


class ReplyAdvice(Model):
    author: str | None
    is_update: bool = False
    advises: list[str]
    against: list[str]
    optional: list[str] = []  # advised, but offered as optional ("if you want to…")
    shared_with_clearair: list[str] = []  # advised here and in clearair's top 3
    opposed_to_clearair: list[str] = []  # advised against here, in clearair's top 3
    evidence: dict[str, str]


class ThreadResult(Model):
    replies: list[ReplyAdvice]
    agreement: dict[str, list[str]]  # action -> authors for it
    disagreement: dict[str, list[str]]  # action -> authors against it
    report_before_updates: list[str]
    report: Report


@dataclass(frozen=True)
class _Cues:
    """The thread lexicon compiled once (``knowledge/thread.yaml``)."""

    advice: dict[str, re.Pattern]
    against_before: re.Pattern
    conditional: re.Pattern
    dismiss_after: re.Pattern
    concession: re.Pattern
    contrast: re.Pattern
    irony: re.Pattern
    rejection: re.Pattern
    speaker: re.Pattern
    optional: re.Pattern


def _any(patterns: list[str]) -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.I)


@cache
def _cues() -> _Cues:
    data = load("thread")
    return _Cues(advice={a: _any(p) for a, p in data["advice"].items()},
                 **{k: _any(data[k]) for k in ("against_before", "conditional", "dismiss_after", "concession",
                                               "contrast", "irony", "rejection", "speaker")},
                 optional=_any(data["optional_cues"]))


#: Words in double quotes, or in single quotes that open and close on a word edge ('correct the record').
_QUOTED = re.compile(r"\"[^\"]{3,}\"|“[^”]{3,}”|(?<!\w)'(?:[^'\n]|'(?=\w))+'(?!\w)")
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+[\"')”’]*|\n|$)")
_TOPIC_WORDS = 4  # a mention this close to its clause's start is what the clause is about


def _own_words(text: str) -> str:
    """``text`` with quoted words blanked, offsets kept."""
    return _QUOTED.sub(lambda m: " " * len(m.group()), text)


def _clauses(sentence: str) -> list[tuple[int, int]]:
    """A sentence cut at commas, semicolons, colons, brackets and dashes."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^,;:()\u2014\u2013]+", sentence) if m.group().strip(" -\"'")]


def _negated(before: str, cues: _Cues) -> bool:
    """A negation earlier in the clause, unless it warns what happens without the advice ("if they don't…")."""
    return any(not cues.conditional.search(before[: n.start()]) for n in cues.against_before.finditer(before))


def _conceded_until(own: str, next_own: str, cues: _Cues) -> int:
    """Where a concession in this sentence ends (the contrast that overturns it), or 0 if there is none."""
    concession = cues.concession.search(own)
    if not concession:
        return 0
    contrast = cues.contrast.search(own, concession.end())
    if contrast:
        return contrast.start()
    if cues.contrast.search(" ".join(next_own.split()[:4])):
        return len(own)
    if re.match(r"^\W*(while|although|though|even if)\b", own, re.I):  # "Although X is good form, it…"
        comma = own.find(",", concession.end() + 8)
        return max(comma, 0)
    return 0


def _sentence_stances(own: str, full: str, next_own: str, cues: _Cues) -> dict[str, str]:
    """Action code -> "for" or "against" for each action a sentence mentions."""
    stances: dict[str, str] = {}
    conceded = _conceded_until(own, next_own, cues)
    for start, end in _clauses(full):
        for action, rx in cues.advice.items():
            m = rx.search(full, start, end)
            if not m:
                continue
            before, after = own[start: m.start()], own[m.end(): end]
            topic = len(before.split()) <= _TOPIC_WORDS and not cues.speaker.search(before)
            against = (_negated(before, cues) or (topic and bool(cues.dismiss_after.search(after)))
                       or m.start() < conceded)
            if against or action not in stances:
                stances[action] = "against" if against else "for"
    return stances


def classify_reply(text: str) -> tuple[list[str], list[str], list[str], dict[str, str]]:
    """Action codes a reply advises, advises against and offers as optional,
    with the sentence for each. Stance is read by scope: a negation in the same
    clause, a verdict on the advice, a concession overturned by "but", irony, or
    a flat "No." after it (``knowledge/thread.yaml``). Words inside quotation
    marks (a sample email, a quoted earlier reply) name advice but are not read
    as the replier's own stance."""
    cues = _cues()
    own_text = _own_words(text)
    spans = [(m.start(), m.end()) for m in _SENTENCE.finditer(text) if m.group().strip()]
    per_sentence: list[dict[str, str]] = []
    for i, (a, b) in enumerate(spans):
        next_own = own_text[spans[i + 1][0]: spans[i + 1][1]] if i + 1 < len(spans) else ""
        per_sentence.append(_sentence_stances(own_text[a:b], text[a:b], next_own, cues))
    for i, (a, b) in enumerate(spans):
        own = own_text[a:b]
        turned = []
        if cues.irony.search(own):
            turned = [i, i - 1]
        elif not per_sentence[i] and cues.rejection.search(own.strip()):
            turned = [i - 1]
        for j in turned:
            if j >= 0:
                per_sentence[j] = dict.fromkeys(per_sentence[j], "against")
    pro: list[str] = []
    con: list[str] = []
    opt: list[str] = []
    evidence: dict[str, str] = {}
    for (a, b), stances in zip(spans, per_sentence):
        for action, stance in stances.items():
            target = con if stance == "against" else pro
            if action not in target:
                target.append(action)
                evidence.setdefault(action, text[a:b].strip()[:200])
            if stance == "for" and cues.optional.search(own_text[a:b]) and action not in opt:
                opt.append(action)
    pro = [a for a in pro if a not in con]
    return pro, con, [a for a in opt if a in pro], evidence


def analyze_thread(text: str, analyze_fn=None) -> ThreadResult:
    """``analyze_fn``: another engine's ``text -> Report`` (``clearair thread --llm``); the offline one by default."""
    from clearair.pipeline import analyze

    analyze = analyze_fn or analyze

    document = build_document(text)
    thread = document.thread()
    replies = []
    for reply in thread.replies:
        pro, con, opt, ev = classify_reply(reply.text)
        replies.append(ReplyAdvice(author=reply.author, advises=pro, against=con, optional=opt, evidence=ev))
    for u in thread.updates:
        replies.append(ReplyAdvice(author=u.author, is_update=True, advises=[], against=[], evidence={}))
    agree, disagree = defaultdict(list), defaultdict(list)
    for r in replies:
        for a in r.advises:
            agree[a].append(r.author or "anonymous")
        for a in r.against:
            disagree[a].append(r.author or "anonymous")
    report = analyze(text)
    top3 = report.top_actions(3)
    for r in replies:
        r.shared_with_clearair = [a for a in r.advises if a in top3]
        r.opposed_to_clearair = [a for a in r.against if a in top3]
    before = report.top_actions(5)
    if thread.updates:
        letter_only = document.original[: document.letter.end]
        before = analyze(letter_only).top_actions(5)
    return ThreadResult(replies=replies, agreement=dict(agree), disagreement=dict(disagree),
                        report_before_updates=before, report=report)
