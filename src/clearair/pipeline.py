"""The whole pipeline: ``analyze(text) -> Report``.

intake -> extract -> assess -> advise; render is a separate view of the Report.
"""

from __future__ import annotations

import re

from clearair.advise import advise, attach
from clearair.advise.notes import (
    ADULT_SAFETY_NOTE, ANSWER_POSTS_OPTION, CHILD_SAFETY_NOTE, COVER_ASK, GROOMING_NOTE, COVER_NOTE,
    DOSE_ERROR_NOTE, ON_BEHALF_NOTE, ON_BEHALF_OPTION, PRIVACY_NOTE, TELL_THE_DOSE, UNKNOWN_SENDER_NOTE,
    adult_notes, alone_again_notes, answers_their_posts, child_notes, conduct_notes, cover_request, health_shared,
    in_someones_care, their_health, on_behalf_notes, own_contact_on_behalf, pay_notes, process_notes, road_notes,
    safeguarding_lead,
)
from clearair.advise.limits import afraid_words, light_touch_words, ruled_out_words, venting_words
from clearair.advise.quotes import widen_reason_quotes
from clearair.advise.reread import denied, reread, reread_a_cover_request, reread_a_refused_request, reread_an_ask
from clearair.advise.set_answers import set_answer
from clearair.advise.told import named_conduct, rules_broken_seen, what_happened
from clearair.advise.between import between_reports, complaint_between
from clearair.advise.phrases import lower_first
from clearair.advise.ranker import WordsReading, read_words
from clearair.assess import assess
from clearair.extract import extract, read
from clearair.advise.retell import act_sentences
from clearair.advise.asking import what_the_writer_asks
from clearair.advise.own_ways import own_admissions, own_remark, own_tendencies
from clearair.advise.wants import wanted_from_them
from clearair.advise.witness import seen_done_to_others
from clearair.advise.routes import formal_route, managers_tied_to_them, said_to_own, tied_to_the_other_side
from clearair.advise.safety import rules_told_own_act
from clearair.advise.scripts import review_words
from clearair.advise.topics import said_topics
from clearair.advise.questions import find_questions, person_asked_about
from clearair.advise.answer import owes_a_reply
from clearair.intake import build_document
from clearair.intake.reading import READ_TOKENS
from clearair.assess.readers import apply_conduct, apply_gone_to_them, apply_praise, read_factors
from clearair.extract.conduct import by_the_writers_manager, serious_conduct
from clearair.extract.counterpart import line_of_the_named, spoken_well_of
from clearair.extract.named import person_named_as_the_problem, take_the_named
from clearair.extract.features import document_features, rule_findings, sentences
from clearair.knowledge.factors import FACTORS
from clearair.models import (
    Cue, Evidence, FactorReading, Report, Signal, Situation, bare_name, checked_about, is_about_name,
)
from clearair.advise.safety import NOT_BESIDE_SERIOUS
from clearair.similar import find_similar
from clearair.knowledge import load


def analyze(text: str, about: str | None = None) -> Report:
    """Analyse a situation (or a pasted thread). ``about``: who the situation is mainly about, as the writer gives
    it when the reading got it wrong: their role (one of ``ABOUT_ROLES``) or the name the letter gives them.
    Raises InputError on bad input."""
    return _report(build_document(text), None, about=checked_about(about))


def analyze_many(texts: list[str], n_process: int = 1, batch_size: int = 16) -> list[Report]:
    """Analyse many situations, parsing them in batches (``nlp.pipe``) on
    ``n_process`` cores. Bad inputs raise InputError before any parsing."""
    from clearair.extract import Reading
    from clearair.extract.nlp import get_nlp

    documents = [build_document(t) for t in texts]
    analysis = [d.reading_text() for d in documents]  # as ``extract.read`` does
    docs = get_nlp().pipe(analysis, n_process=n_process, batch_size=batch_size)
    return [_report(d, Reading(original=d.original, text=a, doc=parsed))
            for d, a, parsed in zip(documents, analysis, docs)]


def analyze_case(text: str, journal_findings: list[str] | tuple[str, ...] = (), about: str | None = None) -> Report:
    """Analyse a whole case file; journal findings ("you logged 3 incidents with
    X in 5 weeks") make the situation a pattern even if the text does not say so."""
    return _report(build_document(text), None, journal_findings, about=checked_about(about))


def _report(document, reading, journal_findings=(), about: str | None = None) -> Report:
    reading = reading or read(document)
    # The one person the writer calls the problem, else the one their question names, decides the other side when
    # the writer has not said otherwise; it is the engine's reading, not the writer's correction, so the report does
    # not say "as you told us".
    questions = find_questions(reading.text, reading.original)  # the writer's own words, replies blanked
    called_the_problem = person_named_as_the_problem(reading.text)
    asked_about = about or called_the_problem or person_asked_about(questions)
    situation = extract(document, reading, about=asked_about)
    name_not_found = about is not None and is_about_name(about) and not _named(situation, about) \
        and not take_the_named(reading, situation, about)
    if about is None and asked_about and is_about_name(asked_about) and not any(
            bare_name(m) == bare_name(asked_about) for p in situation.parties for m in p.mentions):
        take_the_named(reading, situation, asked_about)  # "What should I do about Gary?", Gary read as no party
    if about is None and asked_about is not None and asked_about == called_the_problem:
        line_of_the_named(reading, situation)
    situation.counterpart_from_writer = about is not None and not name_not_found
    situation.about_told = about if situation.counterpart_from_writer else None
    if journal_findings:
        situation.pattern.recurring = True
    found = serious_conduct(reading)  # (others', the writer's own): read once for both uses below
    _let_go_is_not_fired(situation, found[0])
    signals = assess(situation)
    for signal in signals:
        if signal.name == "recurring" and journal_findings:
            signal.detail = "; ".join(journal_findings)
    factors, words, conduct = read_situation(reading, situation, signals, document.original, bool(journal_findings),
                                             found=found)
    # an act whose word is denied in its own clause ("He never hit anybody or threaten me") is no act to retell: the
    # words would have said "When you never hit anybody, it upset me" (red team 64)
    situation.incidents = [i for i in situation.incidents if not (i.evidence and denied(reading, i.evidence[0].start))]
    situation.between_others = between_reports(reading, situation, factors)
    situation.complaint_between = complaint_between(reading, situation)
    if (shared := health_shared(reading.text)) is not None:
        situation.health_shared = [reading.evidence(*shared)]
    if (theirs := their_health(reading.text)) is not None:
        situation.their_health = [reading.evidence(*theirs)]
    report = Report(situation=situation, thread=document.thread(), signals=signals, factors=factors)
    situation.acts_on_writer = [a for a in act_sentences(reading, situation) if not _DENIED_DEED.match(a.text)]
    situation.under_review = _review(reading)
    situation.ruled_out = [reading.evidence(a, b) for a, b in ruled_out_words(reading.text)]
    situation.light_touch = [reading.evidence(a, b) for a, b in light_touch_words(reading.text)][:1]
    situation.afraid_of_them = [reading.evidence(a, b) for a, b in afraid_words(reading.text)][:1]
    situation.venting = [reading.evidence(a, b) for a, b in venting_words(reading.text)][:1]
    situation.said_topics = [Cue(kind=kind, text=reading.text[a:b], evidence=[reading.evidence(a, b)])
                             for kind, a, b in said_topics(reading.text)]
    own = sorted(own_admissions(reading.text) + own_tendencies(reading.text))
    situation.own_tendency = [reading.evidence(a, b) for a, b in own][:1]
    if (remark := own_remark(reading.text)) is not None:
        situation.own_remark = [reading.evidence(*remark)]
    situation.tied_to_them = tied_to_the_other_side(reading, situation)
    situation.manager_tied = managers_tied_to_them(reading, situation)
    situation.what_happened = what_happened(reading, situation, conduct, factors)
    situation.witnessed = seen_done_to_others(reading, situation, factors, conduct)
    if situation.witnessed and (care := in_someones_care(reading.text)) is not None:
        situation.in_care = [reading.evidence(care.start(), care.end())]
        if (lead := safeguarding_lead(reading.text)) is not None:
            situation.safeguarding_lead = [reading.evidence(*lead)]
    cover = cover_request(reading.text)  # a colleague's request to be logged in or covered for, read once
    if (wanted := wanted_from_them(reading.text)) is not None:
        situation.wanted, start, end = wanted
        situation.wanted_evidence = [reading.evidence(start, end)]
    elif cover is not None:  # asked to log them in or cover for them: what the writer asks is a no
        situation.wanted = COVER_ASK
        situation.wanted_evidence = [reading.evidence(*cover)]
    if (asked := what_the_writer_asks(reading.text)) is not None:
        situation.asking, start, end = asked
        situation.asking.evidence = [reading.evidence(start, end)]
    situation.rules_broken_seen = rules_broken_seen(reading, conduct)
    reread_an_ask(factors, situation, conduct)
    reread_a_cover_request(factors, cover is not None, conduct)
    said_to_own(reading, situation)  # "He owns the shop": the other side is the owner, with nobody above them
    # "How should I reply?" to a customer's message: the reply is the step
    situation.reply_owed = [e for q in questions if owes_a_reply(q.text, situation) for e in q.evidence][:1]
    advice = advise(situation, signals, factors, words, route=formal_route(reading, situation),
                    conduct=named_conduct(reading.text, conduct))
    # Before the answer is written: a question about calling the police is answered from its note.
    report.notes.extend(conduct_notes(reading.text, conduct) + alone_again_notes(reading.text, conduct)
                        + on_behalf_notes(reading.text)
                        + pay_notes(reading.text) + road_notes(reading.text)
                        + ([COVER_NOTE] if cover is not None else [])
                        + child_notes(reading.text) + adult_notes(reading.text)
                        + process_notes(reading.text, bool(situation.under_review),
                                        rep_is_the_problem=(situation.counterpart or "").startswith("union_rep")))
    if DOSE_ERROR_NOTE in report.notes:  # keeping a possible wrong dose quiet is never "reasonable" (red team 45)
        _not_advised(advice, lambda v: set_answer("say_nothing_about_a_dose").asked(v.option), TELL_THE_DOSE)
    if situation.health_shared and advice.floor.writer_at_fault == "none":  # the floor put the formal route first
        report.notes.append(PRIVACY_NOTE)
    if (situation.counterpart or "").startswith("unknown_sender"):  # someone the writer cannot name (red team 56)
        report.notes.append(UNKNOWN_SENDER_NOTE)
    _not_advised(advice, lambda v: answers_their_posts(v.option, situation, bool(advice.floor.writer_owns)),
                 ANSWER_POSTS_OPTION)
    if any(f.name == "writer_fault" and f.value == "mainly" for f in factors):  # one's own mistake kept quiet (red
        # team 59: "A colleague said just keep quiet" of a duplicate payment was "reasonable")
        _not_advised(advice, lambda v: bool(_KEEP_IT_QUIET.search(v.option)), KEEP_QUIET_OPTION)
    own_part = any(f.name == "writer_fault" and f.value in ("partly", "mainly") for f in factors) \
        or any(s.name == "narrator_at_fault" for s in signals)
    if own_part and any(_OWNING_UP.asked(q.text) for q in questions):
        # Asked whether to own up, "or leave it" is the same silence (red team 61: a nurse whose missed dose was put
        # on a newly qualified colleague was told leaving it was "reasonable")
        _not_advised(advice, lambda v: v.action in ("LET_GO", "WAIT"), OWN_UP_OPTION)
    if ON_BEHALF_NOTE in report.notes:  # the writer's own call or visit to someone else's employer (red team 55)
        _not_advised(advice, lambda v: own_contact_on_behalf(v.option), ON_BEHALF_OPTION)
    if CHILD_SAFETY_NOTE in report.notes or GROOMING_NOTE in report.notes:  # a risk to a child is not let go
        _no_letting_go(advice)
    if ADULT_SAFETY_NOTE in report.notes:  # nor harm to an adult someone cares for (red team 61)
        _no_letting_go(advice, NOT_WITH_SOMEONE_CARED_FOR)
    attach(report, advice, reading, questions)
    widen_reason_quotes(report, reading.text)
    not_advising = NOT_BESIDE_SERIOUS if advice.floor.serious_to_writer else ()
    report.similar_cases = find_similar(reading.text, situation,  # the writer's words, replies masked
                                        factors=as_advised(factors, advice.floor.writer_at_fault),
                                        not_advising=not_advising)
    report.summary = summarize(situation, signals, report, fault=advice.floor.writer_at_fault)
    if name_not_found:
        report.notes.append(f"Nobody called {about} was found in your text, so clearair kept its own reading of who "
                            "this is about. Check the spelling, or give their role instead.")
    # The reading budget cuts only texts of more than READ_TOKENS words and marks, so only those can
    # have been cut (a shorter text is never masked a second time on this path).
    whole = document.analysis_text() if len(reading.text) >= READ_TOKENS else reading.text
    if len(reading.text) < len(whole.rstrip()):  # the reading budget cut it: say so, never silently
        report.notes.append(f"This text is very long: only its first {len(reading.text):,} characters (of "
                            f"{len(whole):,}) were read. Paste the part that matters most, or the latest events.")
    return report


#: A sentence that tells what someone has not done ("He never hit anybody or threaten me"): no deed to retell.
_DENIED_DEED = re.compile(r"\W*(?:(?:but|and|so|although|though)\s+)?(?:he|she|they|[A-Z][a-z]+)\s+(?:has\s+|have\s+)?"
                          r"(?:never|not|didn['’]?t|did not|doesn['’]?t|does not|don['’]?t|do not|hasn['’]?t|"
                          r"haven['’]?t|won['’]?t|hardly)\b(?!\s+(?:stop|stops|stopped|quit|let up|leave me))")


def _named(situation: Situation, name: str) -> bool:
    """Whether the other side is the person the writer named."""
    cp = situation.party(situation.counterpart)
    return cp is not None and any(bare_name(m) == bare_name(name) for m in cp.mentions)


def as_advised(factors: list[FactorReading], fault: str) -> list[FactorReading]:
    """The factors as the advice acted on them (``fault``: ``Advice.floor.writer_at_fault``): a "you caused it"
    reading the safety floor did not trust is not repeated elsewhere (a similar case "that writer also
    mainly caused it")."""
    return [f.model_copy(update={"value": fault, "text": FACTORS[f.name].say(fault)})
            if f.name == "writer_fault" and f.value != fault else f for f in factors]


def read_situation(reading, situation: Situation, signals: list[Signal], original: str,
                   journal_pattern: bool = False, *, found: tuple[list, list] | None = None
                   ) -> tuple[list[FactorReading], WordsReading, list]:
    """The factors (``knowledge/factors.yaml``) read by the learned readers, each with evidence, the
    words reader's view of the same features, and the serious conduct others did (lexicon ``conduct``).
    A journal that shows a pattern overrides the reader: the writer logged it. ``found``: the letter's serious
    conduct (``extract.conduct.serious_conduct``), where the caller has read it already."""
    sents = sentences(reading.doc)
    rules, rule_ev = rule_findings(situation, signals)
    conduct, own_conduct = found if found is not None else serious_conduct(reading)
    by_manager = by_the_writers_manager(reading, conduct)
    features = document_features(sents, rules, conduct, own_conduct, by_manager)
    factors = read_factors(sents, features, rule_ev, original)
    apply_conduct(factors, conduct, original, own=own_conduct, by_manager=by_manager)
    apply_praise(factors, _own_manager_praised(reading, situation))
    apply_gone_to_them(factors, situation.party(situation.counterpart))
    reread(factors, reading, own_part=rules_told_own_act({sig.name: sig.strength for sig in signals}))
    reread_a_refused_request(factors, situation)
    for f in factors:
        if f.name == "pattern" and journal_pattern and not f.value:
            f.value, f.text, f.source = True, FACTORS["pattern"].say(True), "rules"
            f.evidence = situation.pattern.evidence[:1]
    return factors, read_words(sents, features, original), conduct


def _own_manager_praised(reading, situation: Situation) -> list[Evidence]:
    """The writer's praise of their own manager, where that manager is not the other side and the letter does not
    also say they would not help ("she's lovely but won't get involved")."""
    if any(c.kind in ("weak_support", "shrugged_off") for c in situation.constraints + situation.responses):
        return []
    managers = {p.id for p in situation.parties if p.role == "manager" and p.id != situation.counterpart}
    praised = spoken_well_of(reading)
    return [e for key in managers for e in praised.get(key, [])]


def summarize(s: Situation, signals: list[Signal], report: Report, fault: str | None = None) -> str:
    """``fault``: the writer's share as the advice acted on it (``Advice.floor.writer_at_fault``); where it is
    "none", the rules' own-part signal is not named as what matters most (red team 35: "you caused part of the
    problem" said to a technician who had only laughed along with remarks about her religion)."""
    cp = s.party(s.counterpart)
    names = {x.name for x in signals}
    who = cp.label if cp else "someone at work"
    kind = "a recurring problem" if s.pattern.recurring else "a single incident"
    parts = [f"This reads as {kind} with {who}."]
    facts = [x.detail for x in signals if x.name in (
        "public_exposure", "external_exposure", "repair_offered", "narrator_at_fault", "leaving_soon",
        "severity", "low_support", "boundary", "fragility") and not (x.name == "narrator_at_fault" and fault == "none")]
    if facts:
        parts.append("What matters most: " + "; ".join(facts[:4]) + ".")
    if report.recommendations:
        titles = load("playbook")["actions"]
        top = [lower_first(titles[r.action]["title"]) for r in report.recommendations[:2]]
        parts.append(f"Best next step: {top[0]}" + (f"; then {top[1]}." if len(top) > 1 else "."))
    if "repair_offered" in names and "one_off" in names:
        parts.append("An apology for a one-off usually closes the matter unless it repeats.")
    return " ".join(parts)


#: Why letting it go is not offered where a young child was put at risk.
NOT_WITH_A_CHILD = "A risk to a young child is not something to let go: say plainly what must never happen again."


#: ... nor where an adult someone cares for may have been hurt.
NOT_WITH_SOMEONE_CARED_FOR = ("Possible harm to someone in care is not something to let go: make sure they are safe "
                              "and checked first.")


def _no_letting_go(advice, reason: str = NOT_WITH_A_CHILD) -> None:
    """Letting it go leaves the first three steps, and the writer's own "let it go" is not advised."""
    recs = advice.recommendations
    keep = [r for r in recs if r.action != "LET_GO"]
    let_go = [r for r in recs if r.action == "LET_GO"]
    if let_go and recs.index(let_go[0]) < 3:
        advice.recommendations = keep[:3] + let_go + keep[3:]
    _not_advised(advice, lambda v: v.action == "LET_GO", reason)


#: Keeping quiet about it: "A colleague said just keep quiet", "say nothing and hope nobody notices".
_KEEP_IT_QUIET = re.compile(r"\b(?:keep (?:it )?quiet|keep (?:it|this) to myself|say nothing|"
                            r"not (?:tell|mention|say)|don['’]?t (?:tell|mention|say)|cover (?:it|this) up|"
                            r"hope nobody notices)\b", re.IGNORECASE)
#: Why keeping the writer's own mistake quiet is not advised.
KEEP_QUIET_OPTION = ("Keeping your own mistake from your manager turns it into a bigger one if it comes out later: "
                     "tell them yourself, with what you have done to put it right.")


#: The writer asks whether to tell someone the mistake was theirs ("Should I tell the ward sister it was me?").
_OWNING_UP = set_answer("own_up")
#: Why leaving it is not advised when the writer asks whether to own up.
OWN_UP_OPTION = ("Leaving it keeps your part hidden and leaves someone else carrying it: it is far worse for you if "
                 "it comes out later. Tell them yourself, briefly, with what you have done to put it right.")


def _not_advised(advice, chosen, reason: str) -> None:
    """The writer's options that ``chosen`` picks are not advised, for ``reason``: what a note found overrides the
    ranking."""
    advice.option_verdicts = [v.model_copy(update={"verdict": "not advised", "reason": reason}) if chosen(v) else v
                              for v in advice.option_verdicts]


#: "He let me go" said of being released ("stood in the doorway so I couldn't get past … eventually he let me go"),
#: not of being dismissed.
_LET_ME_GO = re.compile(r"\blet (?:me|us) go\b", re.IGNORECASE)


def _let_go_is_not_fired(situation: Situation, conduct: list) -> None:
    """Drop "you no longer work there" where its only words are "he let me go" in a letter that tells of being kept in
    by force or by blocking the way (``conduct``: the serious conduct others did; red team 53: a worker blocked in a
    stockroom was told she had left the job, and her notes said "I no longer work there")."""
    if any(h.kind == "physical_intimidation" for h in conduct):
        situation.constraints = [c for c in situation.constraints if not (
            c.kind == "already_left" and all(_LET_ME_GO.search(e.text) for e in c.evidence))]


def _review(reading) -> list[Evidence]:
    """The writer's words saying their conduct is before a review, an investigation or a disciplinary process."""
    span = review_words(reading.text)
    return [reading.evidence(*span)] if span else []
