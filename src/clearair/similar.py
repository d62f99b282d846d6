"""Similar cases: the bundled library's letters whose situation is built the same
way, and what their experts advised.

Cases are matched on the facts experts weigh when they choose advice (the
factors of ``knowledge/factors.yaml``: who the other side is, the writer's
share of fault, how serious it is, who saw it, what the writer wants…), read
from the writer's letter and compared with each library letter's gold
annotation. How much a shared fact counts is learned from the library itself:
the log-odds that two letters sharing that value got the same main advice from
their experts. Wording (BM25, ``bm25s``) breaks ties between cases built alike;
it is never shown as a reason. Everything is built once per process.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import numpy as np

from clearair.advise.phrases import join_words
from clearair.knowledge import load
from clearair.models import FactorReading, SimilarCase, Situation

#: Where the other side stands relative to the writer.
ROLE_GROUP = {"manager": "above", "skip_level": "above", "peer": "level", "other": "level",
              "peers_manager": "level", "direct_report": "below", "customer": "outside", "hr": "level"}
#: A party's role in the reading, in the factor's vocabulary (for a situation read without factors).
_ROLE_FACTOR = {"hr": "other", "peers_manager": "other"}
ROLE_BONUS = 1.0  # the other side's role decides most advice: a case with another role rarely helps
FACTOR_SCALE = 0.5  # the learned weights of the other shared facts
WORDING = 1.0  # BM25 score over the best one; about one strong shared fact
_PRIOR_PAIRS = 10  # smoothing: a value shared by few letters earns little weight
_REASONS = 3  # the strongest shared facts said in words
#: After the role, the facts a person names first when two situations are alike (when they are not the default).
_LEADING = ("writer_fault", "severity", "audience")


@cache
def library() -> list[dict]:
    folder = resources.files("clearair").joinpath("data/library")
    rows: list[dict] = []
    for f in sorted((p for p in folder.iterdir() if p.name.endswith(".jsonl")), key=lambda p: p.name):
        rows += [json.loads(line) for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]
    return rows


@cache
def _gold() -> dict[str, dict[str, str]]:
    """Case id -> factor -> value (as text), the annotation training uses (the last one for an id)."""
    text = resources.files("clearair").joinpath("data/factors/gold.jsonl").read_text(encoding="utf-8")
    out = {}
    for line in text.splitlines():
        if line.strip():
            row = json.loads(line)
            out[row["id"]] = {k: str(v["value"]) for k, v in row["factors"].items()}
    return out


@dataclass(frozen=True)
class _CaseIndex:
    rows: list[dict]
    values: dict[str, np.ndarray]  # factor -> each library case's value ("" when not annotated)
    weights: dict[tuple[str, str], float]  # (factor, value) -> what sharing it says about sharing advice
    bm25: Any  # bm25s.BM25


def _learned_weights(values: dict[str, np.ndarray], primary: list[str]) -> dict[tuple[str, str], float]:
    """log P(same expert advice | both letters have this value) / P(same advice), smoothed, never below 0."""
    n = len(primary)
    per_action = Counter(primary)
    base = sum(c * (c - 1) for c in per_action.values()) / max(n * (n - 1), 1)
    weights = {}
    for name, column in values.items():
        for value in set(column) - {""}:
            members = Counter(p for p, v in zip(primary, column) if v == value)
            size = sum(members.values())
            pairs, same = size * (size - 1), sum(c * (c - 1) for c in members.values())
            p = (same + _PRIOR_PAIRS * base) / (pairs + _PRIOR_PAIRS)
            weights[(name, value)] = max(0.0, math.log(p / base)) if base else 0.0
    return weights


@cache
def _case_index() -> _CaseIndex:
    import bm25s

    rows = library()
    gold = _gold()
    names = sorted({name for factors in gold.values() for name in factors})
    values = {name: np.array([gold.get(r["id"], {}).get(name, "") for r in rows]) for name in names}
    values["counterpart_role"] = np.array([r["counterpart_role"] for r in rows])  # the role the page shows
    index = bm25s.BM25()
    index.index(bm25s.tokenize([r["situation"] for r in rows], stopwords="en", show_progress=False), show_progress=False)
    return _CaseIndex(rows=rows, values=values, weights=_learned_weights(values, [r["expert_primary"] for r in rows]),
                      bm25=index)


def _query_factors(situation: Situation | None, factors: list[FactorReading] | None) -> dict[str, str]:
    """The writer's situation as factor values; from the reading's own facts when no factors were read."""
    if factors:
        return {f.name: str(f.value) for f in factors}
    if situation is None:
        return {}
    out = {"pattern": str(situation.pattern.recurring), "narrator_is_manager": str(situation.narrator.is_manager)}
    cp = situation.party(situation.counterpart)
    if cp:
        out["counterpart_role"] = _ROLE_FACTOR.get(cp.role, cp.role)
    return out


#: A capitalised word inside a sentence: most often a name ("my boss Kay"), which in a library of thousands of letters
#: is rare and so weighs heavily, though it says nothing of the situation (red team 32 found a case matched on a
#: supportive boss's first name). Left out of the query's words.
_NAME_INSIDE = re.compile(r"(?<=[a-z0-9,;:] )[A-Z][a-z]+(?:['’]s)?\b")


def _wording(index: _CaseIndex, text: str) -> np.ndarray:
    """BM25 score of every library case for ``text``, over the best one (0 to 1)."""
    import bm25s

    scores = np.zeros(len(index.rows))
    query = bm25s.tokenize([_NAME_INSIDE.sub(" ", text)], stopwords="en", show_progress=False)
    if not query.vocab:
        return scores
    ids, found = index.bm25.retrieve(query, k=len(index.rows), show_progress=False)
    scores[ids[0]] = found[0]
    top = scores.max()
    return scores / top if top > 0 else scores


@cache
def _phrases() -> dict:
    return load("similar")


def reasons(query: dict[str, str], row_values: dict[str, str], weights: dict[tuple[str, str], float]) -> list[str]:
    """The shared facts a person would give as the reason, strongest first (the other side's role leads)."""
    phrases = _phrases()
    out: list[tuple[float, str]] = []
    role = query.get("counterpart_role")
    if role and role == row_values.get("counterpart_role") and role in phrases["roles"]:
        out.append((math.inf, phrases["role_phrase"].format(role=phrases["roles"][role])))
    for name, value in query.items():
        said = phrases["reasons"].get(name, {}).get(value)
        if said and row_values.get(name) == value:
            lead = name in _LEADING and value not in ("none", "private", "minor")
            out.append((weights.get((name, value), 0.0) + (10.0 if lead else 0.0), said))
    out.sort(key=lambda t: -t[0])
    return [text for _, text in out[:_REASONS]]


def find_similar(text: str, situation: Situation | None = None, k: int = 5,
                 factors: list[FactorReading] | None = None, exclude: tuple[str, ...] = (),
                 not_advising: tuple[str, ...] = ()) -> list[SimilarCase]:
    """The ``k`` library cases built most like this situation, best first.

    ``factors``: the report's read factors (``Report.factors``); without them the
    role, pattern and manager status come from ``situation``. ``exclude``: case ids
    to leave out (a library letter looked up against the rest). ``not_advising``: actions
    whose cases are left out, for a writer the advice keeps away from them (serious conduct
    done to them: a red team found cases beside it telling victims to meet the person alone). A letter read as
    serious conduct is shown only cases of serious conduct (red team 42 found an office-shoes letter beside a
    harassment one), and, where the writer is not at fault, none whose writer had a part in it."""
    index = _case_index()
    if not index.rows or not text.strip():
        return []
    query = _query_factors(situation, factors)
    score = WORDING * _wording(index, text)
    for name, value in query.items():
        column = index.values.get(name)
        if column is None:
            continue
        weight = index.weights.get((name, value), 0.0)
        weight = weight + ROLE_BONUS if name == "counterpart_role" else FACTOR_SCALE * weight
        score = score + weight * (column == value)
    serious = query.get("severity") == "serious"
    severity = index.values.get("severity")
    not_at_fault = query.get("writer_fault", "none") == "none"
    fault = index.values.get("writer_fault")
    for i, row in enumerate(index.rows):
        if row["id"] in exclude or row["expert_primary"] in not_advising:
            score[i] = -math.inf
        elif serious and severity is not None and severity[i] != "serious":
            score[i] = -math.inf  # beside a letter of serious conduct, a case about shoes in the office misleads
        elif serious and not_at_fault and fault is not None and fault[i] in ("partly", "mainly"):
            # a writer it was done to is not shown advice given to someone accused of it (red team 60: "consensual
            # messages off-site are unlikely to count", beside a letter about being followed home)
            score[i] = -math.inf
    out = []
    for i in np.argsort(-score, kind="stable")[:k]:
        row = index.rows[int(i)]
        row_values = {name: str(column[i]) for name, column in index.values.items()}
        out.append(SimilarCase(
            id=row["id"], title=row.get("source_title", ""), source=row["source"],
            counterpart_role=row["counterpart_role"], pattern=row["pattern"],
            expert_primary=row["expert_primary"], expert_also=row["expert_also"],
            expert_summary=row["expert_summary"], score=round(float(score[i]), 3),
            why=reasons(query, row_values, index.weights)))
    return out


def reason_sentence(case: SimilarCase) -> str:
    """One sentence for people: why the case is like the writer's, and what its expert advised
    ("Similar because the other side was also the writer's manager and it also happened in front of
    coworkers; the expert advised: talk to them privately, one to one.")."""
    why = [w for w in case.why if w]
    parts = []
    if why:
        parts.append("Similar because " + join_words(why))
    title = load("playbook")["actions"].get(case.expert_primary, {}).get("title")
    if title:
        parts.append("the expert advised: " + title[0].lower() + title[1:])
    text = "; ".join(parts)
    return text[0].upper() + text[1:] + "." if text else ""
