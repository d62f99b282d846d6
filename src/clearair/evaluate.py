"""`clearair eval`: agreement of the engine with labelled expert answers."""

from __future__ import annotations

import json
from collections import Counter
from typing import Iterable

from pydantic import BaseModel, ValidationError

from clearair.errors import InputError
from clearair.input_files import regular_file
from clearair.models import ActionCode, Model


class Case(BaseModel):
    id: str
    situation: str
    counterpart_role: str
    expert_primary: ActionCode
    expert_also: list[ActionCode] = []
    expert_against: list[ActionCode] = []
    narrator_is_manager: bool | None = None
    pattern: bool | None = None


class CaseResult(Model):
    id: str
    expert_primary: str
    top: list[str]
    counterpart_role: str | None
    gold_role: str
    error: str | None = None


class Figures(Model):
    top1: float
    top3: float
    also_recall_top5: float
    against_in_top3: float


class EvalResult(Model):
    n: int
    unreadable: list[str]
    role_accuracy: float
    role_confusion: dict[str, dict[str, int]]
    engine: Figures
    baseline: Figures
    baseline_action: str
    cases: list[CaseResult]


def load_cases(path: str) -> tuple[list[Case], list[str]]:
    p = regular_file(path)  # a folder, a pipe or a device is refused before it is opened
    cases: list[Case] = []
    problems: list[str] = []
    try:
        lines = p.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError:
        raise InputError(f"{path} is not UTF-8 text") from None
    except OSError as err:
        raise InputError(f"cannot read {path}: {err.strerror}") from None
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            cases.append(Case.model_validate(json.loads(line)))
        except (json.JSONDecodeError, ValidationError) as err:
            problems.append(f"line {n}: {str(err).splitlines()[0]}")
    if not cases:
        raise InputError(f"{path} has no readable cases" + (f" ({problems[0]})" if problems else ""))
    return cases, problems


def _figures(tops: list[list[str]], cases: list[Case]) -> Figures:
    n = len(cases)
    also = [(a, t) for c, t in zip(cases, tops) for a in c.expert_also]
    return Figures(
        top1=round(sum(t[:1] == [c.expert_primary] for c, t in zip(cases, tops)) / n, 3),
        top3=round(sum(c.expert_primary in t[:3] for c, t in zip(cases, tops)) / n, 3),
        also_recall_top5=round(sum(a in t[:5] for a, t in also) / len(also), 3) if also else 0.0,
        against_in_top3=round(sum(bool(set(c.expert_against) & set(t[:3])) for c, t in zip(cases, tops)) / n, 3),
    )


def run_eval(cases: list[Case], problems: list[str], progress: bool = False, analyze_fn=None) -> EvalResult:
    """``analyze_fn``: another engine's ``text -> Report`` (``clearair eval --llm``); the offline one by default."""
    from clearair.pipeline import analyze

    analyze = analyze_fn or analyze

    results: list[CaseResult] = []
    iterator: Iterable[Case] = cases
    if progress:
        from rich.progress import track

        iterator = track(cases, description="Analysing cases…", transient=True)
    for case in iterator:
        try:
            report = analyze(case.situation)
            cp = report.situation.party(report.situation.counterpart)
            results.append(CaseResult(id=case.id, expert_primary=case.expert_primary,
                                      top=report.top_actions(5), counterpart_role=cp.role if cp else None,
                                      gold_role=case.counterpart_role))
        except InputError as err:
            results.append(CaseResult(id=case.id, expert_primary=case.expert_primary, top=[],
                                      counterpart_role=None, gold_role=case.counterpart_role, error=str(err)))
    commonest = Counter(c.expert_primary for c in cases).most_common()
    baseline_top: list[str] = [str(a) for a, _ in commonest][:5]
    confusion: dict[str, dict[str, int]] = {}
    for r in results:
        row = confusion.setdefault(r.gold_role, {})
        row[str(r.counterpart_role)] = row.get(str(r.counterpart_role), 0) + 1
    n = len(cases)
    return EvalResult(
        n=n, unreadable=problems,
        role_accuracy=round(sum(r.counterpart_role == r.gold_role for r in results) / n, 3),
        role_confusion=confusion,
        engine=_figures([r.top for r in results], cases),
        baseline=_figures([baseline_top] * n, cases),
        baseline_action=baseline_top[0],
        cases=results,
    )
