"""What the shipped artefacts were trained on: a hash of every input file.

``make train`` writes it; a test recomputes it from the tree and fails when the
data or the code changed since the artefacts were built.
"""

from __future__ import annotations

import hashlib
import json
from importlib import resources
from pathlib import Path

PACKAGE = Path(str(resources.files("clearair")))
MODELS = PACKAGE / "data" / "models"
#: Everything the artefacts depend on: labelled data, factor definitions, features, rules and training code.
#: Wording files (scripts, personas, triggers, thread, llm) are left out: they change no score.
INPUTS = ("data/library/cases_*.jsonl", "data/factors/gold.jsonl", "data/factors/written.jsonl",
          *(f"knowledge/{name}.yaml" for name in ("factors", "lexicon", "parties", "playbook", "calibrated", "intake")),
          "extract/*.py", "assess/*.py", "advise/playbook.py", "advise/ranker.py", "intake/*.py", "train/*.py")


def input_hashes() -> dict[str, str]:
    out = {}
    for pattern in INPUTS:
        for path in sorted(PACKAGE.glob(pattern)):
            if path.name == "figures.json":
                continue
            out[str(path.relative_to(PACKAGE))] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


def artefact_hashes(folder: Path = MODELS) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.glob("*.json"))
            if p.name not in ("manifest.json", "figures.json")}


def write_manifest(folder: Path = MODELS) -> None:
    (folder / "manifest.json").write_text(json.dumps({"inputs": input_hashes(), "artefacts": artefact_hashes(folder)},
                                                     indent=1, sort_keys=True) + "\n", encoding="utf-8")


def stale(folder: Path = MODELS) -> list[str]:
    """Inputs or artefacts that differ from what the manifest recorded (empty when all match)."""
    recorded = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    now_in, now_out = input_hashes(), artefact_hashes(folder)
    diff = [k for k in sorted(set(recorded["inputs"]) | set(now_in)) if recorded["inputs"].get(k) != now_in.get(k)]
    diff += [k for k in sorted(set(recorded["artefacts"]) | set(now_out))
             if recorded["artefacts"].get(k) != now_out.get(k)]
    return diff
