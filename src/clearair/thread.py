"""Thread mode: what each reply advises, where replies agree or disagree,
and the letter re-read with the writer's own updates."""

from __future__ import annotations

import re
from collections import defaultdict
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


@cache
def _rules():
    data = load("thread")
    adv = {a: re.compile("|".join(f"(?:{p})" for p in pats), re.I) for a, pats in data["advice"].items()}
    against = re.compile("|".join(f"(?:{p})" for p in data["against_cues"]), re.I)
    optional = re.compile("|".join(f"(?:{p})" for p in data["optional_cues"]), re.I)
    return adv, against, optional


_QUOTED = re.compile(r'"[^"]{3,}"')


def classify_reply(text: str) -> tuple[list[str], list[str], list[str], dict[str, str]]:
    """Action codes a reply advises, advises against and offers as optional,
    with the sentence for each. Words inside quotation marks (a sample email,
    a quoted earlier reply) are not read as the replier's own stance."""
    adv, against, optional = _rules()
    pro, con, opt, ev = [], [], [], {}
    for sentence in re.split(r"(?<=[.!?])\s+|\n+", text):
        own = _QUOTED.sub(" ", sentence)
        for action, rx in adv.items():
            if rx.search(sentence):
                target = con if against.search(own) and action not in ("LET_GO",) else pro
                if action not in target:
                    target.append(action)
                    ev.setdefault(action, sentence.strip()[:200])
                if target is pro and optional.search(own) and action not in opt:
                    opt.append(action)
    pro = [a for a in pro if a not in con]
    return pro, con, [a for a in opt if a in pro], ev


def analyze_thread(text: str, analyze_fn=None) -> ThreadResult:
    """``analyze_fn``: another engine's ``text -> Report`` (``clearair thread --llm``); the offline one by default."""
    from clearair.pipeline import analyze

    analyze = analyze_fn or analyze

    document = build_document(text)
    thread = document.thread()
    replies = []
    for r in thread.replies:
        pro, con, opt, ev = classify_reply(r.text)
        replies.append(ReplyAdvice(author=r.author, advises=pro, against=con, optional=opt, evidence=ev))
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
