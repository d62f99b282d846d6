"""Do the library's cross-validated ranking figures hold when no website is in both training and test folds?

``python eval/folds_by_site.py`` (about 15 minutes on two cores) scores the same rankers as ``make train`` twice:
with the usual shuffled 5-fold split, and with folds grouped by the site a letter came from (a subreddit counts as
a site). A large drop would mean the figures lean on columnists' habits shared between folds, which fresh holdouts
from new sites do not have. The factor ranker here reads the annotators' factors, so the figures isolate the split.
"""

from __future__ import annotations

import time
import zlib
from collections import Counter
from urllib.parse import urlparse

from clearair.train import folds
from clearair.train import ranker as tr
from clearair.train.ceiling import factor_ranker
from clearair.train.data import examples, library_files, read_jsonl
from clearair.train.featurize import featurize

BLENDS = ((1, 0, 0), (0, 0, 1), (1, 1, 0), (1, 1, 1), (1, 2, 1), (0, 1, 1))  # (playbook, factors, words)


def site(url: str) -> str:
    """The website a letter came from; a subreddit counts as a site of its own."""
    parts = urlparse(url)
    host = parts.netloc.lower().removeprefix("www.")
    if "reddit" in host:
        path = parts.path.split("/")
        return "reddit/" + (path[2].lower() if len(path) > 2 else "")
    return host


def main() -> None:
    ex = [e for e in examples() if e.gold]
    source = {r["id"]: r.get("source", "") for path in library_files() for r in read_jsonl(path)}
    site_of = {e.id: site(source.get(e.id, "")) for e in ex}
    print(f"{len(ex)} letters from {len(set(site_of.values()))} sites; the largest:",
          Counter(site_of.values()).most_common(5))
    t = time.time()
    z = featurize([e.text for e in ex])
    print(f"read by the rules in {time.time() - t:.0f} s")
    index = {e.id: i for i, e in enumerate(ex)}

    def by_site(letters, predict, k=5, seeds=(0, 1, 2)):
        out = {}
        for seed in seeds:
            fold = [zlib.crc32(f"{seed}:{site_of[e.id]}".encode()) % k for e in letters]
            predictions: list = [None] * len(letters)
            for f in range(k):
                test = [i for i in range(len(letters)) if fold[i] == f]
                train = [letters[i] for i in range(len(letters)) if fold[i] != f]
                for i, p in zip(test, predict(train, [letters[i] for i in test]), strict=True):
                    predictions[i] = p
            out[seed] = predictions
        return out

    rules = tr.rule_matrix(ex, lambda e: z[index[e.id]].rule_scores)
    shuffled = folds.out_of_fold
    for name, split in (("shuffled folds", shuffled), ("folds grouped by site", by_site)):
        tr.out_of_fold = split  # the rankers' own cross-validation takes the split from here
        figs = {"always the commonest actions": folds.mean_figures(split(ex, folds.baseline), ex),
                "factor ranker (annotators' factors)": folds.mean_figures(
                    split(ex, factor_ranker(lambda e: e.gold, C=tr.C, also_weight=tr.ALSO_WEIGHT)), ex)}
        factor_lp = tr.oof_factor_log_proba(ex, lambda e: e.gold)
        words_lp = tr.oof_words_log_proba(ex, lambda e: z[index[e.id]].features)
        for w in BLENDS:
            figs[f"blend {w}"] = folds.mean_figures(tr.blended_rankings(rules, factor_lp, words_lp, w), ex)
        print(f"\n{name}:                              top-1  top-3  also@5  against@3")
        for label, f in figs.items():
            print(f"  {label:40s} {f['top1'] * 100:5.1f}  {f['top3'] * 100:5.1f}  {f['also5'] * 100:5.1f}  "
                  f"{f['against3'] * 100:5.1f}")
    tr.out_of_fold = shuffled


if __name__ == "__main__":
    main()
