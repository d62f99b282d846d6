"""clearair benchmarks: prints numbers, asserts nothing.

- warm ``analyze`` latency p50/p95 for short (~100 words), typical (~450) and
  long (~2,000) letters, each with the ratio to a bare spaCy parse of the same
  text measured in the same run;
- batch throughput of ``analyze_many`` (``nlp.pipe``) on 1 and 2 processes;
- CLI cold start (``clearair --help`` and a full ``clearair analyze``);
- peak RSS of this process after the runs.

Usage: python benchmarks/run_all.py [--out RESULTS.md] [--repeats N]
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")


def library_texts() -> list[str]:
    from clearair.similar import library

    return [row["situation"] for row in library()]


def letter_of(words: int, texts: list[str]) -> str:
    """A first-person letter of about ``words`` words, made of library letters."""
    picked, count = [], 0
    for t in texts:
        picked.append(t)
        count += len(t.split())
        if count >= words:
            break
    joined = "\n\n".join(picked).split()
    return " ".join(joined[:words])


def percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def latency(text: str, repeats: int) -> dict:
    from clearair import analyze
    from clearair.extract.nlp import get_nlp

    nlp = get_nlp()
    analyze(text)  # warm caches
    full, bare = [], []
    for _ in range(repeats):
        t = time.perf_counter()
        analyze(text)
        full.append(time.perf_counter() - t)
        t = time.perf_counter()
        nlp(text)
        bare.append(time.perf_counter() - t)
    p50, p50b = statistics.median(full), statistics.median(bare)
    return {"words": len(text.split()), "p50_ms": p50 * 1e3, "p95_ms": percentile(full, 0.95) * 1e3,
            "parse_p50_ms": p50b * 1e3, "ratio": p50 / p50b}


def throughput(texts: list[str], n_process: int) -> float:
    from clearair.pipeline import analyze_many

    t = time.perf_counter()
    analyze_many(texts, n_process=n_process)
    return len(texts) / (time.perf_counter() - t)


def cold_start(args: list[str], repeats: int = 3) -> float:
    exe = Path(sys.executable).with_name("clearair")
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        subprocess.run([str(exe), *args], capture_output=True, check=True)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", help="also write a Markdown summary here")
    ap.add_argument("--repeats", type=int, default=30)
    args = ap.parse_args()

    texts = library_texts()
    rows = {name: latency(letter_of(n, texts), args.repeats)
            for name, n in (("short", 100), ("typical", 450), ("long", 2000))}
    batch = texts[:120]
    tput = {n: throughput(batch, n) for n in (1, 2)}
    cold = {"help": cold_start(["--help"]), "analyze": cold_start(["analyze", "--example", "peer-undermines-report"])}
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    lines = [
        "# clearair benchmark",
        "",
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
        f"{args.repeats} warm runs per size.",
        "",
        "| letter | words | analyze p50 | analyze p95 | bare spaCy parse p50 | ratio |",
        "|---|---|---|---|---|---|",
    ]
    for name, r in rows.items():
        lines.append(f"| {name} | {r['words']} | {r['p50_ms']:.1f} ms | {r['p95_ms']:.1f} ms | "
                     f"{r['parse_p50_ms']:.1f} ms | {r['ratio']:.2f}x |")
    lines += [
        "",
        f"Batch throughput (`analyze_many`, {len(batch)} library letters): "
        f"{tput[1]:.1f} letters/s on 1 process, {tput[2]:.1f} letters/s on 2 processes.",
        "",
        f"CLI cold start: `clearair --help` {cold['help'] * 1e3:.0f} ms; "
        f"`clearair analyze --example …` {cold['analyze'] * 1e3:.0f} ms.",
        "",
        f"Peak RSS of the benchmark process: {rss_mb:.0f} MB.",
    ]
    text = "\n".join(lines)
    print(text)
    if args.out:
        Path(args.out).write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
