"""Similar-case retrieval quality: prints numbers, asserts nothing.

Queries: every library letter, looked up against the rest of the library
(leave-one-out), and optionally a file of labelled cases outside the library
(JSON lines with ``situation``, ``expert_primary`` and ``counterpart_role``).
A retrieved case is a hit when its expert gave the same main advice and the
other side has the same role. Reports hit@5 (at least one hit in the top five)
and precision@5 for wording alone (BM25) and for what clearair ships (the
situation's structure, read from the letter, plus wording).

Leave-one-out flatters the structure: the factor readers were trained on the
library's annotations, so they read library letters better than new ones. A
file of cases outside the library gives the honest figure.

    python benchmarks/retrieval.py [labelled.jsonl]
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")


def _score(queries: list[dict], reports, leave_one_out: bool) -> dict[str, tuple[float, float, float]]:
    from clearair.similar import find_similar

    out = {}
    for name, structured in (("wording only (BM25)", False), ("structure + wording", True)):
        hits = precision = 0.0
        start = time.perf_counter()
        for case, report in zip(queries, reports, strict=True):
            found = find_similar(case["situation"], report.situation if structured else None, k=5,
                                 factors=report.factors if structured else None,
                                 exclude=(case["id"],) if leave_one_out else ())
            relevant = [c for c in found if c.expert_primary == case["expert_primary"]
                        and c.counterpart_role == case["counterpart_role"]]
            hits += bool(relevant)
            precision += len(relevant) / 5
        ms = (time.perf_counter() - start) * 1000 / max(len(queries), 1)
        out[name] = (hits / len(queries), precision / len(queries), ms)
    return out


def main() -> None:
    from clearair.pipeline import analyze_many
    from clearair.similar import library

    ap = argparse.ArgumentParser()
    ap.add_argument("queries", nargs="?", help="labelled cases outside the library (JSON lines)")
    args = ap.parse_args()
    sets = [("library, leave-one-out", library(), True)]
    if args.queries:
        rows = [json.loads(line) for line in Path(args.queries).read_text().splitlines() if line.strip()]
        sets.append((Path(args.queries).name, rows, False))
    for title, queries, loo in sets:
        reports = analyze_many([q["situation"] for q in queries])
        print(f"{title}: {len(queries)} queries")
        for name, (hit, prec, ms) in _score(queries, reports, loo).items():
            print(f"  {name:22} hit@5 {hit:.1%}  precision@5 {prec:.1%}  ({ms:.1f} ms a lookup)")


if __name__ == "__main__":
    main()
