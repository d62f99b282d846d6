"""Anonymise a situation before it is shared: names, companies, places,
contacts and thread handles become consistent placeholders that keep roles
readable ("[PEER-1]", "[COMPANY-1]", "[WRITER]").

Sources of what to replace, in order of trust: the reading (a name linked to
a party takes that party's role), the thread structure (reply authors, the
writer's sign-off), spaCy's named entities, and patterns for emails, phone
numbers, web addresses and initials. A small model both over- and under-reads
capitalised words, so two checks sit around the entities: ordinary words
(greetings, sign-offs, departments, roles, calendar words, work tools, codes;
``knowledge/anonymizer.yaml``) are never replaced, and name-shaped words the
model missed are still caught where they act as a person (addressed after
"Hi" or "Cheers", or the subject or object of a clause).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from clearair.knowledge import load
from clearair.models import Model

_PATTERNS = [
    ("EMAIL", re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")),
    ("URL", re.compile(r"\bhttps?://\S+|\bwww\.\S+", re.I)),
    ("PHONE", re.compile(r"(?<!\w)(\+?\d[\d ().-]{7,}\d)(?!\w)")),
    ("INITIALS", re.compile(r"(?m)^\s*-{0,2}\s*((?:[A-Z]\.){2,3})\s*$")),
    ("SIGNATURE", re.compile(r"(?m)^\s*-{1,2}\s*([A-Z][a-z]+(?: [A-Z][a-z]+)?)\s*$")),
    ("PLACE", re.compile(r"\b[A-Z][a-z]+-(?:on|upon|under|by|le|la|en|sur|am|an|de|in)-[A-Z][a-z]+\b")),  # Stoke-on-Trent
]
_ENTITY_KIND = {"PERSON": "PERSON", "ORG": "COMPANY", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE",
                "PRODUCT": "PRODUCT", "NORP": None}
_NOT_IDENTIFYING = {"anonymous", "the columnist", "hr", "ceo", "dr", "drs", "op", "eap"}
#: Words that only introduce a capitalised phrase ("My Manager", "the Works Council").
_DETERMINERS = {"the", "my", "our", "your", "his", "her", "their", "a", "an", "this", "that", "of", "and", "&", "for",
                "to", "in", "on", "at"}
#: Where a capitalised word the model missed is acting as a person.
_PERSON_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "npadvmod", "dative"}
_ROLE_TAG = {"manager": "MANAGER", "skip_level": "SKIP-LEVEL", "peer": "PEER", "peers_manager": "PEERS-MANAGER",
             "direct_report": "REPORT", "customer": "CUSTOMER", "hr": "HR", "other": "PERSON"}


@dataclass(frozen=True)
class _Words:
    """The anonymiser's word lists, compiled once (``knowledge/anonymizer.yaml``)."""

    ordinary: frozenset[str]
    codes: re.Pattern
    unit_nouns: frozenset[str]
    honorifics: frozenset[str]
    addressed: re.Pattern


@cache
def _words() -> _Words:
    data = load("anonymizer")
    cues = sorted(data["address_cues"], key=len, reverse=True)
    addressed = re.compile(r"(?m)(?:^|(?<=[.!?]\s))[ \t]*(?i:" + "|".join(re.escape(c) for c in cues)
                           + r")\b,?[ \t]+(?!I\b|I['’])([A-Z][\w'’-]+(?:[ \t][A-Z][\w'’-]+)?)")
    return _Words(ordinary=frozenset(w for group in data["ordinary"].values() for w in group),
                  codes=re.compile("(?:" + "|".join(data["codes"]) + ")", re.I),
                  unit_nouns=frozenset(data["unit_nouns"]), honorifics=frozenset(data["honorifics"]),
                  addressed=addressed)


def is_ordinary(phrase: str) -> bool:
    """True when a capitalised phrase names nobody: every word is a greeting, sign-off,
    department, role, calendar word, work tool or code ("Good Luck", "the Security", "Q3")."""
    words = _words()
    tokens = [t.strip("'’") for t in re.split(r"[\s,.;:!?()\"“”/-]+", phrase)]
    tokens = [t for t in tokens if t and t.lower() not in _DETERMINERS]
    if len(tokens) > 1 and tokens[0].lower() in words.honorifics:
        return False  # "Dr. Best" is a name; "Sir" alone is not

    def plain(token: str) -> bool:
        low = token.lower()
        return (low in words.ordinary or low in words.honorifics or (low.endswith("s") and low[:-1] in words.ordinary)
                or bool(words.codes.fullmatch(token)))

    return all(plain(t) for t in tokens)


def _names_a_unit(doc, end: int) -> bool:
    """A capitalised phrase right before "team", "group", "launch"… names a unit, tool or project."""
    return end < len(doc) and doc[end].is_lower and doc[end].lower_ in _words().unit_nouns


def _after_honorific(doc, start: int) -> bool:
    return start > 0 and doc[start - 1].lower_.rstrip(".") in _words().honorifics


class Replacement(Model):
    original: str
    placeholder: str
    kind: str
    count: int


class Anonymized(Model):
    text: str
    replacements: list[Replacement]


@dataclass
class _Plan:
    spans: list[tuple[int, int, str, str]]  # start, end, placeholder, kind
    names: dict[str, str]
    counters: dict[str, int]

    def placeholder(self, original: str, tag: str) -> str:
        key = original.strip().lower()
        if key not in self.names:
            self.counters[tag] = self.counters.get(tag, 0) + 1
            self.names[key] = f"[{tag}-{self.counters[tag]}]"
        return self.names[key]

    def add_name_parts(self, text: str, full_name: str, placeholder: str) -> None:
        """'Priya' and 'Raman' alone are the same person as 'Priya Raman'."""
        parts = full_name.split()
        if len(parts) > 1:
            for part in parts:
                if len(part) > 2:
                    self.names.setdefault(part.lower(), placeholder)
                    self.add_everywhere(text, part, placeholder, "name")

    def add_everywhere(self, text: str, original: str, placeholder: str, kind: str) -> None:
        for m in re.finditer(rf"(?<![\w]){re.escape(original)}(?![\w])", text):
            self.spans.append((m.start(), m.end(), placeholder, kind))


def anonymize(text: str) -> Anonymized:
    """Replace identifying words in ``text``; raises InputError on bad input."""
    from clearair.extract import extract, read
    from clearair.extract.nlp import parse
    from clearair.intake import build_document

    document = build_document(text)
    reading = read(document)
    situation = extract(document, reading)
    plan = _Plan(spans=[], names={}, counters={})
    work = document.text

    # 1. names the reading linked to a party keep the party's role
    for party in situation.parties:
        for mention in party.mentions:
            if (re.fullmatch(r"[A-Z][a-z]+( [A-Z][a-z]+)?", mention) and mention.lower() not in ("he", "she", "his", "her")
                    and not is_ordinary(mention)):
                placeholder = plan.placeholder(mention, _ROLE_TAG[party.role])
                plan.add_everywhere(work, mention, placeholder, "name")
                plan.add_name_parts(work, mention, placeholder)
    # 2. the thread: the writer's sign-off and every reply author
    if document.narrator_name:
        plan.names[document.narrator_name.lower()] = "[WRITER]"
        plan.add_everywhere(work, document.narrator_name, "[WRITER]", "name")
    for seg in document.segments:
        if seg.author and seg.author.strip().lower() not in _NOT_IDENTIFYING:
            plan.add_everywhere(work, seg.author, plan.placeholder(seg.author, "REPLIER"), "handle")
    # 3. contact details, initials and signatures, found by pattern
    fixed: list[tuple[int, int]] = []
    for kind, rx in _PATTERNS:
        for m in rx.finditer(work):
            start, end = m.span(1) if m.groups() else m.span()
            plan.spans.append((start, end, f"[{kind}]", kind.lower()))
            fixed.append((start, end))
    # 4. named entities anywhere in the text (replies included)
    furniture = document.furniture + fixed
    doc = parse(work)
    taken: list[tuple[int, int]] = []
    for ent in doc.ents:
        if any(a <= ent.start_char < b or ent.start_char <= a < ent.end_char for a, b in furniture):
            continue  # page chrome ("Licensee Badge") names nobody; patterns already took contacts
        entity_kind = _ENTITY_KIND.get(ent.label_)
        name = ent.text.strip(" .,;:'\"")
        if not entity_kind or len(name) < 2 or name.lower() in _NOT_IDENTIFYING:
            continue
        if not _after_honorific(doc, ent.start) and (is_ordinary(name) or _names_a_unit(doc, ent.end)):
            continue  # "Suffice", "the Security group", "Q3 launch": capitalised, but nobody's name
        taken.append((ent.start_char, ent.end_char))
        _add_name(plan, work, name, entity_kind)
    # 5. names the model missed: someone addressed ("Hi Priyanka,", "Cheers, Hannah"), or a
    #    capitalised word acting as a person in its clause ("Tomasz keeps taking my lunch")
    for m in _words().addressed.finditer(work):
        name = m.group(1)
        if not is_ordinary(name) and name.lower() not in _NOT_IDENTIFYING:
            taken.append(m.span(1))
            _add_name(plan, work, name, "PERSON")
    for span in _capitalised_runs(doc):
        overlaps = any(a < span.end_char and span.start_char < b for a, b in taken + furniture)
        name = span.text
        if (overlaps or span.root.dep_ not in _PERSON_DEPS or name.lower() in _NOT_IDENTIFYING
                or is_ordinary(name) or _names_a_unit(doc, span.end) or span[0].tag_ not in ("NNP", "NN")
                or (span.start > 0 and doc[span.start - 1].is_quote)):  # a plural ("Emails"), a quoted title
            continue
        _add_name(plan, work, name, "PERSON")
    return _apply(document.original, plan)


def _add_name(plan: _Plan, text: str, name: str, kind: str) -> None:
    placeholder = plan.names.get(name.lower()) or plan.placeholder(name, kind)
    plan.add_everywhere(text, name, placeholder, kind.lower())
    if kind == "PERSON":
        plan.add_name_parts(text, name, placeholder)


def _capitalised_runs(doc):
    """Runs of capitalised words (joined across hyphens: "Eun-ji"), the pronoun "I" aside."""
    runs, start = [], None
    for i, tok in enumerate(doc):
        joined = start is not None and (tok.text == "-" or (doc[i - 1].text == "-" and not tok.is_space))
        if (tok.is_title and tok.text != "I" and tok.is_alpha) or joined:
            start = i if start is None else start
            continue
        if start is not None:
            runs.append(doc[start:i])
            start = None
    if start is not None:
        runs.append(doc[start:len(doc)])
    return [r for r in runs if r[-1].text != "-"]


def _apply(original: str, plan: _Plan) -> Anonymized:
    """Apply the longest non-overlapping replacements, left to right."""
    chosen: list[tuple[int, int, str, str]] = []
    for span in sorted(plan.spans, key=lambda s: (s[0], -(s[1] - s[0]))):
        if not chosen or span[0] >= chosen[-1][1]:
            chosen.append(span)
    out: list[str] = []
    pos = 0
    counts: dict[tuple[str, str, str], int] = {}
    for start, end, placeholder, kind in chosen:
        out.append(original[pos:start])
        out.append(placeholder)
        key = (original[start:end], placeholder, kind)
        counts[key] = counts.get(key, 0) + 1
        pos = end
    out.append(original[pos:])
    replacements = [Replacement(original=o, placeholder=p, kind=k, count=n) for (o, p, k), n in counts.items()]
    replacements.sort(key=lambda r: (r.placeholder, r.original))
    return Anonymized(text="".join(out), replacements=replacements)
