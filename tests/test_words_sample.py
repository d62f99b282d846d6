"""Words over a fixed sample of 150 library letters: every script can be said as it stands, nothing
is asserted that the reading does not have, and the written answer takes up the writer's question."""

import re

import pytest

from clearair.advise.phrases import FILL_SLOT

SLOT = re.compile(r"\[[^\]]+\]")
BAD_GRAMMAR = re.compile(r"\byou (is|was|has|does|doesn't|isn't|wasn't)\b|\byou's\b|\bWhen i\b|\bI (is|has|was not)\b|"
                         r"\bmy your\b|\byour my\b|\bthe the\b|\s[,.]", re.I)


@pytest.fixture(scope="module")
def reports(sample_reports):
    return [report for _, report in sample_reports]


def test_the_sample_is_the_fixed_150(reports):
    assert len(reports) == 150


def test_no_script_has_a_slot_other_than_a_name_or_what_only_the_writer_knows(reports):
    slotted = [(s.kind, x) for r in reports for s in r.scripts for x in SLOT.findall(s.text)
               if not FILL_SLOT.fullmatch(x)]
    assert slotted == []
    for r in reports:
        for s in r.scripts:
            assert s.fill_in == list(dict.fromkeys(SLOT.findall(s.text)))  # every slot left is listed


def test_no_script_breaks_grammar(reports):
    # (the writer's own sentences a note carries, "What happened, in my words", are theirs, not clearair's grammar)
    from clearair.advise.told import as_note_line

    def ours(r, line: str) -> str:
        for ev in r.situation.what_happened:
            line = line.replace(as_note_line(ev.text), "")
        return line

    broken = [line for r in reports for s in r.scripts for line in s.text.splitlines()
              if BAD_GRAMMAR.search(ours(r, line))]
    assert broken == []


def test_scripts_assert_only_what_the_letter_gives(reports):
    for r in reports:
        tried = {a.kind for a in r.situation.attempts}
        for s in r.scripts:
            assert "sort it out" not in s.text
            if "I have already" in s.text:
                assert tried - {"apology"}, s.text
            if "put a fix in place" in s.text or "put things right" in s.text:
                assert "fix" in tried, s.text
            if "I have kept dated notes" in s.text:
                assert "documented" in tried, s.text
            if "Thanks for the apology" in s.text:  # thanked only for an apology that person made
                assert any(c.kind in ("apology", "public_apology") and c.by == r.situation.counterpart
                           for c in r.situation.responses), s.text


def _has_words(report, factor: str, value) -> bool:
    f = next((x for x in report.factors if x.name == factor), None)
    return f is not None and f.value == value and bool(f.evidence) and f.source != "default"


def test_the_answer_states_no_default_as_a_fact(reports):
    for r in reports:
        answer = r.offline_answer
        if "single incident" in answer:
            assert _has_words(r, "pattern", False), answer
        if "nobody else saw it" in answer:
            assert _has_words(r, "audience", "private"), answer
        assert "did not cause this" not in answer
        assert "[what happened]" not in answer


def test_the_answer_takes_up_the_writers_question(reports):
    with_question = [r for r in reports if r.questions]
    assert len(with_question) >= 120  # nearly every letter asks something
    from clearair.advise.questions import just_asks_what_to_do

    # A bare "What should I do?" is not said back (the answer opens with what is going on); any other question is.
    opened = [r for r in with_question if r.offline_answer.startswith(("You asked: “", "You wrote: “"))
              or all(just_asks_what_to_do(q.text) for q in r.questions)]
    assert len(opened) == len(with_question)


def test_answers_agree_with_the_advice(reports):
    for r in reports:
        avoided = {a.action for a in r.avoid}
        for q in r.questions:
            if q.verdict == "yes" and q.action:
                assert q.action not in avoided, (q.text, q.answer)
            if q.verdict == "no" and q.action and r.recommendations:
                assert q.action != r.recommendations[0].action, (q.text, q.answer)


def test_no_view_shows_a_default_reading_as_a_reason(reports):
    from clearair.render.view import build_view

    for r in reports[:40]:
        view = build_view(r)
        for action in view.actions + view.more_actions:
            for i, reason in enumerate(action.reasons):  # its words, or (shown once per action) an earlier reason's
                if "single incident" in reason.text or "a one-off" in reason.text:
                    assert reason.quotes or any(r.quotes for r in action.reasons[:i]), reason.text
        for fact in view.reading:
            if fact.sentence == "A single incident.":
                assert fact.quotes


def test_verdicts_on_the_writers_options_read_as_one_sentence_each(reports):
    # "For it: a; b." joins reasons as clauses: no capital after a semicolon, no doubled full stop
    for r in reports:
        for verdict in r.option_verdicts:
            assert ".." not in verdict.reason and not re.search(r"; [A-Z][a-z]", verdict.reason), verdict.reason


def test_an_action_quotes_the_same_words_once(reports):
    # The same sentence under three reasons of one action reads as padding; each is shown once per action.
    from clearair.render.view import build_view

    for r in reports[:40]:
        view = build_view(r)
        for action in view.actions + view.more_actions:
            shown = [q.text for reason in action.reasons for q in reason.quotes]
            assert len(shown) == len(set(shown)), (action.title, shown)


def test_a_learned_reason_never_nests_brackets():
    from clearair.render.view import reason_sentence

    said = reason_sentence("In letters like yours, experts often advised this when: serious conduct (the kind an "
                           "employer must act on).")
    assert said == ("Experts often advised this in letters like yours (serious conduct, the kind an employer must "
                    "act on).")
