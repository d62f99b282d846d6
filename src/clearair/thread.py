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
    return adv, against


def classify_reply(text: str) -> tuple[list[str], list[str], dict[str, str]]:
    """Action codes a reply advises and advises against, with the sentence for each."""
    adv, against = _rules()
    pro, con, ev = [], [], {}
    for sentence in re.split(r"(?<=[.!?])\s+|\n+", text):
        for action, rx in adv.items():
            if rx.search(sentence):
                target = con if against.search(sentence) and action not in ("LET_GO",) else pro
                if action not in target:
                    target.append(action)
                    ev.setdefault(action, sentence.strip()[:200])
    pro = [a for a in pro if a not in con]
    return pro, con, ev


def analyze_thread(text: str) -> ThreadResult:
    from clearair.pipeline import analyze

    document = build_document(text)
    thread = document.thread()
    replies = []
    for r in thread.replies:
        pro, con, ev = classify_reply(r.text)
        replies.append(ReplyAdvice(author=r.author, advises=pro, against=con, evidence=ev))
    for u in thread.updates:
        replies.append(ReplyAdvice(author=u.author, is_update=True, advises=[], against=[], evidence={}))
    agree, disagree = defaultdict(list), defaultdict(list)
    for r in replies:
        for a in r.advises:
            agree[a].append(r.author or "anonymous")
        for a in r.against:
            disagree[a].append(r.author or "anonymous")
    report = analyze(text)
    before = report.top_actions(5)
    if thread.updates:
        letter_only = document.original[: document.letter.end]
        before = analyze(letter_only).top_actions(5)
    return ThreadResult(replies=replies, agreement=dict(agree), disagreement=dict(disagree),
                        report_before_updates=before, report=report)
