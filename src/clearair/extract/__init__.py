"""extract: a :class:`Document` in, a :class:`Situation` out.

One spaCy parse of the writer's own words (letter and updates, replies
masked out); lexicons from ``knowledge/`` find the facts, the parse says who
did what. Every fact carries evidence offsets into the original input.
"""

from __future__ import annotations

from clearair.extract import conduct, counterpart, facts, mentions
from clearair.extract.nlp import parse
from clearair.extract.lexicon import find_kinds
from clearair.extract.parties import WRITER_IN_HR, build_parties, to_party, traits_for
from clearair.extract.reading import Reading

__all__ = ["Reading", "extract", "read"]
from clearair.intake import Document
from clearair.models import Narrator, Situation, is_about_name



def read(document: Document) -> Reading:
    text = document.reading_text()
    return Reading(original=document.original, text=text, doc=parse(text))


def extract(document: Document, reading: Reading | None = None, *, learned_counterpart: bool = True,
            keep_clues: dict | None = None, keep_phrases: list | None = None, about: str | None = None) -> Situation:
    """``learned_counterpart=False``: choose the other side with the hand weights and no learned reader
    (training uses it, so the learned parts are measured out of fold); ``keep_clues`` is filled with
    every candidate's role and clues, ``keep_phrases`` with the noun phrases the phrase readers read.
    ``about``: the other side as the writer gave it (a correction of an earlier reading), by role or by the name
    the letter gives them: it decides."""
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
    clues = counterpart.candidate_clues(reading, drafts, incidents, themes, is_manager,
                                        hits=hits, responses=responses, option_spans=option_spans,
                                        conduct=conduct.serious_conduct(reading)[0])
    if keep_clues is not None:  # training: the clues of every candidate, and their roles
        keep_clues.update({k: (drafts[k].role, c) for k, c in clues.items()})
    if keep_phrases is not None:
        keep_phrases.extend(mentions.candidates(reading, drafts, is_manager, counterpart.party_clues(clues)))
    other_side, role_evidence = counterpart.settle(reading, clues, drafts, is_manager, learned=learned_counterpart)
    if about is not None:
        told = (counterpart.named_by_writer(about, drafts) or other_side) if is_about_name(about) else \
            counterpart.as_told(about, clues, drafts, other_side)
        if told != other_side:
            other_side, role_evidence = told, []
    trait_map = traits_for(reading, drafts, other_side)
    parties = [to_party(reading, d, trait_map.get(k, [])) for k, d in drafts.items()]
    for p in parties:
        if p.id == other_side and not p.mentions:  # known by its role alone: the sentence that says so
            p.evidence = role_evidence
    parties.sort(key=lambda p: (p.id != other_side, p.evidence[0].start if p.evidence else 0))

    return Situation(
        narrator=Narrator(is_manager=is_manager, leaving_soon=bool(leaving_ev),
                          co_owner=bool(find_kinds("narrator", ("co_owner",), reading.text)),
                          in_hr=[reading.evidence(m.start(), m.end()) for m in WRITER_IN_HR.finditer(reading.text)][:1],
                          evidence=(manager_ev + leaving_ev)[:6]),
        parties=parties,
        counterpart=other_side,
        incidents=incidents,
        pattern=facts.pattern(reading),
        attempts=facts.cues(reading, "attempts", who="narrator", weighed=option_spans),
        responses=responses,
        constraints=facts.cues(reading, "constraints", hits=hits["constraints"]),
        emotions=facts.cues(reading, "emotions", who="narrator_or_none", hits=hits["emotions"]),
        goals=facts.cues(reading, "goals"),
        themes=themes,
        options=facts.aimed_at_the_other_side(reading, facts.options(reading, option_spans), other_side),
    )
