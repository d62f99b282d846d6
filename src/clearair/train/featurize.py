"""Run the rule pipeline over labelled letters once, keeping what the learned parts need."""

from __future__ import annotations

from dataclasses import dataclass

from clearair.extract.conduct import by_the_writers_manager, serious_conduct
from clearair.extract.features import Sentence, document_features, rule_findings, sentences


@dataclass
class Featurized:
    features: dict[str, float]
    sentences: list[Sentence]
    rule_scores: dict[str, float]  # the hand playbook's score for each action
    clues: dict  # party key -> (role, counterpart clues), chosen by the hand weights here
    phrases: list  # the noun phrases the phrase readers read (``extract.mentions.Candidate``)


def featurize(texts: list[str], batch_size: int = 32) -> list[Featurized]:
    from clearair.advise.playbook import score_actions
    from clearair.assess import assess
    from clearair.extract import Reading, extract
    from clearair.extract.nlp import get_nlp
    from clearair.intake import build_document

    documents = [build_document(t) for t in texts]
    analysis = [d.reading_text() for d in documents]  # as the engine reads them
    out = []
    for d, a, doc in zip(documents, analysis, get_nlp().pipe(analysis, batch_size=batch_size)):
        reading = Reading(original=d.original, text=a, doc=doc)
        clues: dict = {}
        phrases: list = []
        situation = extract(d, reading, learned_counterpart=False, keep_clues=clues, keep_phrases=phrases)
        signals = assess(situation)
        sents = sentences(doc)
        recs = score_actions(signals)
        rules, _ = rule_findings(situation, signals)
        others, own = serious_conduct(reading)
        by_manager = by_the_writers_manager(reading, others)
        out.append(Featurized(document_features(sents, rules, others, own, by_manager), sents,
                              {r.action: r.score for r in recs}, clues, phrases))
    return out
