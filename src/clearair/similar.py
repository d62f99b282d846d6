"""Similar cases: the bundled library's closest letters and what their experts advised.

BM25 (``bm25s``) over the library's situations, built once on first use. The
writer's own words (letter and updates, not replies) are the query. Each hit
says why it is similar: shared role of the other side, one-off vs pattern,
and the distinctive words both letters use.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources

from clearair.models import SimilarCase, Situation

_WORD = re.compile(r"[a-z][a-z']+")


@cache
def library() -> list[dict]:
    folder = resources.files("clearair").joinpath("data/library")
    rows: list[dict] = []
    for f in sorted((p for p in folder.iterdir() if p.name.endswith(".jsonl")), key=lambda p: p.name):
        rows += [json.loads(line) for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]
    return rows


@cache
def _index():
    import bm25s

    rows = library()
    tokens = bm25s.tokenize([r["situation"] for r in rows], stopwords="en", show_progress=False)
    index = bm25s.BM25()
    index.index(tokens, show_progress=False)
    return index


#: Where the other side stands relative to the writer.
ROLE_GROUP = {"manager": "above", "skip_level": "above", "peer": "level", "other": "level",
              "peers_manager": "level", "direct_report": "below", "customer": "outside", "hr": "level"}
_POOL = 30  # BM25 candidates re-ranked by the structure of the situation


def _structure_bonus(row: dict, situation: Situation | None, cp) -> float:
    """Same kind of other side, same one-off/pattern, same manager status: the
    facts that decide advice, which word overlap alone misses."""
    if situation is None:
        return 0.0
    if cp and cp.role == row["counterpart_role"]:
        bonus = 0.3
    elif cp and ROLE_GROUP.get(cp.role) == ROLE_GROUP.get(row["counterpart_role"]):
        bonus = 0.2
    else:
        bonus = 0.0
    bonus += 0.15 if situation.pattern.recurring == row["pattern"] else 0.0
    bonus += 0.15 if situation.narrator.is_manager == row["narrator_is_manager"] else 0.0
    return bonus


@cache
def _distinctive() -> tuple[list[set[str]], frozenset[str]]:
    """Each library letter's words, and the words too common to explain a match."""
    from collections import Counter

    from bm25s.stopwords import STOPWORDS_EN

    words = [set(_WORD.findall(r["situation"].lower())) - set(STOPWORDS_EN) for r in library()]
    df = Counter(w for ws in words for w in ws)
    common = frozenset(w for w, n in df.items() if n > max(3, len(words) // 12)) | frozenset(STOPWORDS_EN)
    return words, common


def find_similar(text: str, situation: Situation | None = None, k: int = 5) -> list[SimilarCase]:
    """The ``k`` library cases closest to ``text``, best first."""
    import bm25s

    rows = library()
    if not rows or not text.strip():
        return []
    query = bm25s.tokenize([text], stopwords="en", show_progress=False)
    if not query.vocab:
        return []
    ids, scores = _index().retrieve(query, k=min(_POOL, len(rows)), show_progress=False)
    cp = situation.party(situation.counterpart) if situation else None
    words, common = _distinctive()
    own_words = set(_WORD.findall(text.lower())) - common
    top = float(scores[0][0]) or 1.0
    ranked = sorted(((float(sc) / top + _structure_bonus(rows[int(i)], situation, cp), int(i))
                     for i, sc in zip(ids[0], scores[0])), key=lambda t: (-t[0], t[1]))[:k]
    out = []
    for score, i in ranked:
        row = rows[i]
        why = []
        if cp and cp.role == row["counterpart_role"]:
            why.append(f"the other side is also a {row['counterpart_role'].replace('_', ' ')}")
        if situation and situation.pattern.recurring == row["pattern"]:
            why.append("also a recurring pattern" if row["pattern"] else "also a single incident")
        shared = sorted(own_words & words[i], key=lambda w: (-len(w), w))[:5]
        if shared:
            why.append("shared words: " + ", ".join(shared))
        out.append(SimilarCase(
            id=row["id"], title=row.get("source_title", ""), source=row["source"],
            counterpart_role=row["counterpart_role"], pattern=row["pattern"],
            expert_primary=row["expert_primary"], expert_also=row["expert_also"],
            expert_summary=row["expert_summary"], score=round(float(score), 3), why=why))
    return out
