"""Case store under load: W concurrent writer processes append N updates each
to one case (saved only, as a bulk import does) while one reader keeps
re-evaluating it; then the time of one evaluated update on the resulting long
case. Prints numbers; asserts nothing.

Usage: python benchmarks/store_load.py [--writers 8] [--updates 500]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WRITER = """
import sys
from clearair.store import CaseStore
store = CaseStore(sys.argv[1])
for n in range(int(sys.argv[3])):
    text = f"Writer {sys.argv[4]} update {n}: the director raised it again today."
    store.update(int(sys.argv[2]), text, evaluate=False)
"""
READER = """
import sys
from clearair.store import CaseStore
store = CaseStore(sys.argv[1])
opened = 0
while not __import__("os").path.exists(sys.argv[3]):
    store.open_case(int(sys.argv[2]))
    opened += 1
print(opened)
"""


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--writers", type=int, default=8)
    ap.add_argument("--updates", type=int, default=500)
    args = ap.parse_args()
    from clearair.store import CaseStore

    letter = (Path(__file__).resolve().parents[1] / "src/clearair/examples/peer-undermines-report.txt").read_text()
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/load.db"
        store = CaseStore(url)
        case_id = store.create(letter)
        done = Path(tmp) / "done"
        reader = subprocess.Popen([sys.executable, "-c", READER, url, str(case_id), str(done)], stdout=subprocess.PIPE)
        start = time.perf_counter()
        writers = [subprocess.Popen([sys.executable, "-c", WRITER, url, str(case_id), str(args.updates), str(w)])
                   for w in range(args.writers)]
        for p in writers:
            p.wait()
        wall = time.perf_counter() - start
        done.touch()
        opened = int(reader.communicate()[0] or 0)
        t = time.perf_counter()
        case, report = store.open_case(case_id)
        catch_up = time.perf_counter() - t
        t = time.perf_counter()
        store.update(case_id, "The director apologised publicly at the weekly meeting.")
        one = time.perf_counter() - t
        total = args.writers * args.updates
        print(f"{args.writers} writers x {args.updates} updates on one case: {total} saved in {wall:.1f} s "
              f"({total / wall:.0f} updates/s); {len(case.versions) - 1} present; the reader re-evaluated "
              f"{opened} times meanwhile")
        print(f"catching up on open: {catch_up * 1e3:.0f} ms; one evaluated update on the "
              f"{len(case.versions)}-version case: {one * 1e3:.0f} ms ({report.notes[0] if report.notes else ''})")


if __name__ == "__main__":
    main()
