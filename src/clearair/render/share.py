"""A case file made safe to share: every text in it anonymised the same way.

The case's analysed text goes through the anonymiser (clearair.privacy); the
same replacements are then applied to the title, the updates and the journal,
so "[PEER-1]" is the same person everywhere, and the analysis is re-run on the
anonymised text so that every quote in the export comes from it.
"""

from __future__ import annotations

import re
from types import SimpleNamespace

from clearair.models import Report

_WHOLE_ONLY = ("[COMPANY", "[PLACE", "[EMAIL", "[URL", "[PHONE", "[ORG")


def _replacer(replacements):
    """A function that applies the anonymiser's replacements to any other text of the case;
    a person's first or last name alone is the same person as the full name."""
    found = [(r.original, r.placeholder) for r in replacements]
    for original, placeholder in list(found):
        parts = original.split()
        if len(parts) > 1 and not placeholder.startswith(_WHOLE_ONLY):
            found += [(part, placeholder) for part in parts if len(part) > 2 and part[:1].isupper()]
    pairs = sorted(dict(found).items(), key=lambda p: -len(p[0]))
    pairs = [(o, p) for o, p in pairs if o.strip()]
    if not pairs:
        return lambda text: text
    pattern = re.compile("|".join(rf"(?<!\w){re.escape(o)}(?!\w)" for o, _ in pairs))
    table = {o: p for o, p in pairs}
    return lambda text: pattern.sub(lambda m: table.get(m.group(0), m.group(0)), text) if text else text


def anonymised_case(case, text: str) -> tuple[object, str, Report]:
    """(case-like object, anonymised text, report on that text) for ``case`` whose analysed text is ``text``."""
    from clearair.pipeline import analyze_case
    from clearair.privacy import anonymize
    from clearair.store.cases import journal_pattern

    result = anonymize(text)
    scrub = _replacer(result.replacements)
    journal = [SimpleNamespace(happened_on=e.happened_on, who=scrub(e.who), what=scrub(e.what),
                               channel=e.channel, witnesses=scrub(e.witnesses) if e.witnesses else None)
               for e in case.journal]
    versions = [SimpleNamespace(kind=v.kind, seq=v.seq, text=scrub(v.text), happened_on=v.happened_on,
                                created_at=v.created_at, unreadable=v.unreadable, report=v.report)
                for v in case.versions]
    shared = SimpleNamespace(id=case.id, title=scrub(case.title), journal=journal, versions=versions)
    report = analyze_case(result.text, journal_pattern(list(case.journal)))
    return shared, result.text, report
