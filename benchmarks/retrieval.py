"""Similar-case retrieval quality: prints numbers, asserts nothing.

Queries: labelled cases (default: the shared dev set, never part of the
library). A library case is relevant to a query when its expert gave the same
primary advice and the other side stands in the same place (above, level,
below, outside). Reports hit@5 (at least one relevant case in the top five)
and precision@5 for BM25 alone and for BM25 re-ranked by the situation's
structure (what clearair ships).
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path
from unittest import mock

os.environ.setdefault("HF_HUB_OFFLINE", "1")


def main() -> None:
    from clearair import analyze
    from clearair import similar

    ap = argparse.ArgumentParser()
    ap.add_argument("queries", nargs="?", default=str(Path(__file__).resolve().parents[1].parent / "shared/eval/dev.jsonl"))
    args = ap.parse_args()
    cases = [json.loads(line) for line in Path(args.queries).read_text().splitlines() if line.strip()]
    group = similar.ROLE_GROUP
    results = {}
    for name, bonus in (("bm25", lambda *a: 0.0), ("bm25+structure", similar._structure_bonus)):
        hits = precision = 0
        with mock.patch.object(similar, "_structure_bonus", bonus):
            for case in cases:
                report = analyze(case["situation"])
                relevant = [c for c in report.similar_cases
                            if c.expert_primary == case["expert_primary"]
                            and group[c.counterpart_role] == group[case["counterpart_role"]]]
                hits += bool(relevant)
                precision += len(relevant) / max(len(report.similar_cases), 1)
        results[name] = (hits / len(cases), precision / len(cases))
    print(f"{len(cases)} queries from {args.queries}")
    for name, (hit, prec) in results.items():
        print(f"{name:16} hit@5 {hit:.1%}  precision@5 {prec:.1%}")


if __name__ == "__main__":
    main()
