"""The registry of situation factors (``factors.yaml``), validated at import.

Every module that names a factor (readers, ranker, playbook wording, training)
takes the name from here, so a typo is an error at load, not a silent miss.
"""

from __future__ import annotations

from clearair.knowledge import load
from clearair.knowledge.schemas import FactorFile, FactorSpec

FACTORS: dict[str, FactorSpec] = FactorFile.model_validate(load("factors")).factors


def spec(name: str) -> FactorSpec:
    try:
        return FACTORS[name]
    except KeyError:
        raise KeyError(f"unknown factor {name!r}; known: {', '.join(FACTORS)}") from None


def check_value(name: str, value: object) -> None:
    """Raise ValueError when ``value`` is not allowed for factor ``name``."""
    s = spec(name)
    if value not in s.allowed or (s.kind == "flag") != isinstance(value, bool):
        raise ValueError(f"factor {name!r} does not take {value!r}; allowed: {s.allowed}")
