"""Anonymise a situation before it is shared: names, companies, places,
contacts and thread handles become consistent placeholders that keep roles
readable ("[PEER-1]", "[COMPANY-1]", "[WRITER]").

Sources of what to replace, in order of trust: the reading (a name linked to
a party takes that party's role), the thread structure (reply authors, the
writer's sign-off), spaCy's named entities, and patterns for emails, phone
numbers, web addresses and initials.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from clearair.models import Model

_PATTERNS = [
    ("EMAIL", re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")),
    ("URL", re.compile(r"\bhttps?://\S+|\bwww\.\S+", re.I)),
    ("PHONE", re.compile(r"(?<!\w)(\+?\d[\d ().-]{7,}\d)(?!\w)")),
    ("INITIALS", re.compile(r"(?m)^\s*-{0,2}\s*((?:[A-Z]\.){2,3})\s*$")),
    ("SIGNATURE", re.compile(r"(?m)^\s*-{1,2}\s*([A-Z][a-z]+(?: [A-Z][a-z]+)?)\s*$")),
]
_ENTITY_KIND = {"PERSON": "PERSON", "ORG": "COMPANY", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE",
                "PRODUCT": "PRODUCT", "NORP": None}
_NOT_IDENTIFYING = {"anonymous", "the columnist", "hr", "ceo", "dr", "drs", "op", "eap"}
_ROLE_TAG = {"manager": "MANAGER", "skip_level": "SKIP-LEVEL", "peer": "PEER", "peers_manager": "PEERS-MANAGER",
             "direct_report": "REPORT", "customer": "CUSTOMER", "hr": "HR", "other": "PERSON"}


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
            if re.fullmatch(r"[A-Z][a-z]+( [A-Z][a-z]+)?", mention) and mention.lower() not in ("he", "she", "his", "her"):
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
    for ent in parse(work).ents:
        if any(a <= ent.start_char < b or ent.start_char <= a < ent.end_char for a, b in furniture):
            continue  # page chrome ("Licensee Badge") names nobody; patterns already took contacts
        kind = _ENTITY_KIND.get(ent.label_)
        name = ent.text.strip(" .,;:'\"")
        if not kind or len(name) < 2 or name.lower() in _NOT_IDENTIFYING:
            continue
        placeholder = plan.names.get(name.lower()) or plan.placeholder(name, kind)
        plan.add_everywhere(work, name, placeholder, kind.lower())
        if kind == "PERSON":
            plan.add_name_parts(work, name, placeholder)
    return _apply(document.original, plan)


def _apply(original: str, plan: _Plan) -> Anonymized:
    """Apply the longest non-overlapping replacements, left to right."""
    chosen: list[tuple[int, int, str, str]] = []
    for span in sorted(plan.spans, key=lambda s: (s[0], -(s[1] - s[0]))):
        if not chosen or span[0] >= chosen[-1][1]:
            chosen.append(span)
    out, pos, counts = [], 0, {}
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
