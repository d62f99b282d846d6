"""Who the extractor finds in a letter, for tests that check a title or a name: {party key: (role, mentions)}."""

from __future__ import annotations

from clearair.extract import read
from clearair.extract.parties import build_parties
from clearair.intake.document import build_document


def people(text: str, is_manager: bool = False) -> dict[str, tuple[str, set[str]]]:
    drafts = build_parties(read(build_document(text)), is_manager)
    return {k: (d.role, {m.text for m in d.mentions}) for k, d in drafts.items()}


def holder(parties: dict[str, tuple[str, set[str]]], name: str) -> tuple[str, set[str]]:
    """The one party whose mentions include ``name``."""
    held = [v for v in parties.values() if name in v[1]]
    assert len(held) == 1, parties
    return held[0]


def role_of_other_side(report) -> str:
    """The other side's role as the report's factors give it."""
    return next(f.value for f in report.factors if f.name == "counterpart_role")
