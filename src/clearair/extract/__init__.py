"""extract: a :class:`Document` in, a :class:`Situation` out.

One spaCy parse of the writer's own words (letter and updates, replies
masked out); lexicons from ``knowledge/`` find the facts, the parse says who
did what. Every fact carries evidence offsets into the original input.
"""

from __future__ import annotations

import re

from clearair.extract import facts
from clearair.extract.nlp import parse
from clearair.extract.parties import _plural, build_parties, to_party, traits_for
from clearair.extract.reading import NARRATOR, Reading

__all__ = ["Reading", "extract", "read"]
from clearair.intake import Document
from clearair.models import Narrator, Situation

# Who a conflict is usually with, all else equal: people the writer works with
# rather than functions (HR) or bystanders.
_ROLE_PRIOR = {"peer": 1.5, "manager": 1.5, "skip_level": 1.0, "direct_report": 1.0, "customer": 1.0,
               "peers_manager": -1.0, "other": 0.0, "hr": -3.0}
_ACT_WEIGHT = 3.0
_OPENING_BONUS = 1.5  # chosen on the bundled library's roles (0.647 -> 0.667), not on the dev set


def read(document: Document) -> Reading:
    text = document.analysis_text()
    return Reading(original=document.original, text=text, doc=parse(text))


def extract(document: Document, reading: Reading | None = None) -> Situation:
    reading = reading or read(document)
    manager_ev, leaving_ev = facts.narrator_flags(reading)
    is_manager = bool(manager_ev)
    drafts = build_parties(reading, is_manager)

    incidents = facts.incidents(reading)
    # Lexicon passes shared by the counterpart choice and the Situation.
    hits = {section: facts.lexicon.find(section, reading.text) for section in ("themes", "emotions", "constraints")}
    themes = facts.cues(reading, "themes", hits=hits["themes"])
    responses = facts.cues(reading, "responses", who="others")
    option_spans = facts.options_spans(reading)
    counterpart = _choose_counterpart(reading, drafts, incidents, themes, is_manager,
                                      hits=hits, responses=responses, option_spans=option_spans)
    trait_map = traits_for(reading, drafts, counterpart)
    parties = [to_party(reading, d, trait_map.get(k, [])) for k, d in drafts.items()]
    parties.sort(key=lambda p: (p.id != counterpart, p.evidence[0].start if p.evidence else 0))

    return Situation(
        narrator=Narrator(is_manager=is_manager, leaving_soon=bool(leaving_ev),
                          evidence=(manager_ev + leaving_ev)[:6]),
        parties=parties,
        counterpart=counterpart,
        incidents=incidents,
        pattern=facts.pattern(reading),
        attempts=facts.cues(reading, "attempts", who="narrator"),
        responses=responses,
        constraints=facts.cues(reading, "constraints", hits=hits["constraints"]),
        emotions=facts.cues(reading, "emotions", who="narrator_or_none", hits=hits["emotions"]),
        goals=facts.cues(reading, "goals"),
        themes=themes,
        options=facts.options(reading, option_spans),
    )


_ANGER_AT = re.compile(r"\b(angry|mad|furious|upset|annoyed|livid|frustrated|hurt)\s+(at|with|by)\s+", re.I)


def _keys_in(reading: Reading, start: int, end: int) -> set[str]:
    return {reading.token_party[t.i] for t in reading.tokens_in(start, end) if t.i in reading.token_party}


def _allied_with_writer(reading: Reading, char: int) -> bool:
    """'My business partner and I': someone on the writer's side."""
    tok = reading.token_at(char)
    root = tok
    while root.head.i != root.i and root.head.i - root.i in range(1, 4) and root.dep_ in ("poss", "compound", "amod", "det"):
        root = root.head
    conj = [c for c in root.children if c.dep_ == "conj"] + ([root.head] if root.dep_ == "conj" else [])
    return any(c.lower_ in ("i", "we", "me") for c in conj)


def _choose_counterpart(reading, drafts, incidents, themes, is_manager, *, hits, responses,
                        option_spans) -> str | None:
    """The party the conflict is with: who acted against the writer most, who is named most."""
    if not drafts:
        return None
    score = {k: _ROLE_PRIOR.get(d.role, 0.0) + min(sum(not _plural(m.text) for m in d.mentions), 10) * 0.5
             for k, d in drafts.items()}
    # Letters tend to open with the person they are about ("A coworker keeps ...").
    for key, d in drafts.items():
        is_person = d.role != "hr" and not key.startswith("other_department")
        if is_person and d.mentions and reading.sentence_index(d.mentions[0].start) == 0:
            score[key] += _OPENING_BONUS
    seen_acts: set[tuple[str, str]] = set()
    for inc in incidents:
        if (inc.actor, inc.act) in seen_acts:
            continue
        seen_acts.add((inc.actor, inc.act))
        if inc.actor in score:
            public = inc.audience.kind in ("large_group", "external")
            score[inc.actor] += _ACT_WEIGHT * (1.5 if public else 1.0)
        if inc.actor == NARRATOR and inc.target in score:
            score[inc.target] += _ACT_WEIGHT * 0.7
    # Parties named where the writer states anger or hurt, or where the themes of
    # harm (aggression, harassment) are stated, are likely the other side.
    for cue_kind, bonus in (("emotions", 1.5), ("themes", 1.0)):
        for hit in hits[cue_kind]:
            if cue_kind == "emotions" and hit.kind not in ("anger", "hurt", "fear", "embarrassment"):
                continue
            if cue_kind == "themes" and hit.kind not in ("aggression", "harassment", "credit_theft", "boundary_intrusion"):
                continue
            sent = reading.sentence_at(hit.start)
            for key in {reading.token_party[t.i] for t in sent if t.i in reading.token_party}:
                if key in score:
                    score[key] += bonus
    # The writer's own options aim at the other side; anger "at X" names it;
    # the person whose support is missing (weak_support) is usually not it.
    for opt_hit in option_spans:
        for key in _keys_in(reading, *opt_hit):
            score[key] += 1.5
    for m in _ANGER_AT.finditer(reading.text):
        for key in _keys_in(reading, m.end(), m.end() + 60):
            score[key] += 4.0
    for hit in hits["constraints"]:
        if hit.kind == "weak_support":
            for key in _keys_in(reading, hit.start, hit.end + 40):
                score[key] -= 1.5
    for key, d in drafts.items():
        for m in d.mentions:
            if _allied_with_writer(reading, m.start):
                # "My business partner and I" is on the writer's side; "a colleague
                # and I share a project" is often whom the letter is about.
                score[key] -= 1.5 if d.role == "peer" else 5.0
                break
    for cue in responses:
        if cue.kind == "support" and cue.by in score:
            score[cue.by] -= 3.0  # someone who backed the writer is not the other side
    kinds = {t.kind for t in themes}
    others_acted = any(inc.actor in score and inc.actor != "direct_report" for inc in incidents)
    if is_manager and "direct_report" in score and len(drafts["direct_report"].mentions) >= 3 and not others_acted:
        score["direct_report"] += 2.0
    if "toxic_environment" in kinds and "peer" in score:
        score["peer"] += 1.0
    if is_manager and "report_conflict" in kinds and "direct_report" in score:
        score["direct_report"] += 4.0
    if "customer_issue" in kinds and "customer" in score:
        score["customer"] += 1.5
    return max(score, key=lambda k: (score[k], -min(m.start for m in drafts[k].mentions)))
