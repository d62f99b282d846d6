"""Knowledge kept as data: lexicons, playbook, personas and script templates.

Each YAML file in this folder is loaded once, on first use, so start-up stays
lazy and a change to advice is a change to data.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml


@cache
def load(name: str) -> Any:
    """Return the parsed contents of ``knowledge/<name>.yaml``."""
    text = resources.files(__package__).joinpath(f"{name}.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)
