import os
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"


def seed_text(name: str) -> str:
    return (SEEDS / f"{name}.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_reports():
    from clearair import analyze

    names = ["peer-undermines-report-to-customer", "peer-goes-cold-after-mistake", "skip-level-forwards-complaint"]
    return {n: analyze(seed_text(n)) for n in names}
