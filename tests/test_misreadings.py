"""Misreadings a new user met, as regression tests on letters written for them (not seed letters)."""

import pytest

from clearair import analyze

KNOWN_GAP = ("the writer_fault reader still reads this letter as the writer's doing (it weighs the writer's own "
             "sentences, and this writer says a lot about what they did next); the advice does not act on it, "
             "because the other side apologised")

NEVER_SAYS_HARASS = (
    "I started at a small agency in March. My manager, the creative director, has a habit of remarking on what "
    "I wear and on my figure when we review work at his desk, and twice he left his hand on my lower back while "
    "I was showing him a layout. He sends me messages late at night that have nothing to do with work. After I "
    "told him I'd rather keep things professional, my name dropped off the pitch team and I was given the "
    "weekend shifts nobody wants. I don't know whether to raise it with him again or report him to HR. I need "
    "this job and I don't want a reputation as difficult."
)

WRITER_MOCKED = (
    "At our planning meeting on Thursday my colleague Priya walked the team through her plan for the spring "
    "launch. I thought the plan was naive and I said so in a pretty sarcastic way, something like 'did you "
    "write this on the bus?', and a few people laughed. She went red and stopped presenting. Since then she "
    "only answers my messages with one word and she sat at the far end of the table at lunch. I honestly "
    "didn't mean to humiliate her, I was just frustrated with the timeline. How do I fix this?"
)

IN_FRONT_OF_DIRECTOR = (
    "A peer on the analytics team presented my churn model as his own work at the quarterly review, in front "
    "of our director and about a dozen people. He even used my slides with my name removed. I only found out "
    "because a colleague who was there asked me why I hadn't presented it myself. This is the second time he "
    "has done something like this. I want the credit put right without starting a war."
)


def test_conduct_described_without_the_word_is_read_as_serious_and_kept_safe():
    report = analyze(NEVER_SAYS_HARASS)
    factors = {f.name: f.value for f in report.factors}
    assert factors["severity"] == "serious"
    top3 = report.top_actions(3)
    assert "TALK_DIRECT" not in top3 and "SET_BOUNDARY" not in top3
    assert "ESCALATE_MANAGER" not in top3  # he is her manager
    assert "HR_FORMAL" in top3 and "DOCUMENT" in top3
    hr = [v for v in report.option_verdicts if v.action == "HR_FORMAL"]
    assert hr and hr[0].verdict in ("recommended", "reasonable") and hr[0].reason


def test_a_writer_who_mocked_a_colleague_is_not_the_victim():
    report = analyze(WRITER_MOCKED)
    factors = {f.name: f.value for f in report.factors}
    assert factors["writer_fault"] in ("mainly", "partly")
    assert report.top_actions(1)[0] in ("APOLOGIZE", "REBUILD_TRUST")
    assert "ESCALATE_THEIR_MANAGER" not in report.top_actions(3)
    assert all("you were wronged" not in p.view.lower() for p in report.perspectives)


def test_the_audience_is_not_the_other_side():
    report = analyze(IN_FRONT_OF_DIRECTOR)
    cp = report.situation.party(report.situation.counterpart)
    factors = {f.name: f.value for f in report.factors}
    assert factors["counterpart_role"] == "peer"
    assert cp is not None and cp.role == "peer"
    assert report.top_actions(1)[0] != "LET_GO"


def test_someone_elses_my_bad_does_not_turn_the_advice_against_the_writer(seed_reports):
    report = seed_reports["skip-level-forwards-complaint"]
    assert report.top_actions(1)[0] != "APOLOGIZE"
    assert all("caused much of this" not in r.text for rec in report.recommendations for r in rec.reasons)


@pytest.mark.xfail(strict=True, reason=KNOWN_GAP)
def test_someone_elses_my_bad_is_not_read_as_the_writers_fault(seed_reports):
    report = seed_reports["skip-level-forwards-complaint"]
    factors = {f.name: f.value for f in report.factors}
    assert factors["writer_fault"] == "none"


def test_an_admission_quoted_from_someone_else_is_not_the_writers():
    """'He apologised with "sorry, my bad"' is his admission; 'I told her "my fault"' is the writer's."""
    from clearair.assess import assess
    from clearair.extract import extract
    from clearair.intake import build_document

    def at_fault(text: str) -> bool:
        return any(s.name == "narrator_at_fault" for s in assess(extract(build_document(text))))

    theirs = ("My team lead copied the whole department on an email that blamed me for the outage. When I showed "
              "him the logs he shrugged and said \"yeah, my bad\" and walked off. Nobody has corrected the record.")
    mine = ("I copied the whole department on an email that blamed my team lead for the outage. When he showed me "
            "the logs I said \"yeah, my bad\" and walked off. Nobody has corrected the record.")
    assert not at_fault(theirs)
    assert at_fault(mine)


def test_being_followed_home_is_serious_without_the_word_for_it():
    """Found by a red-team pass: following someone and waiting outside their home was read as minor."""
    report = analyze("A man from the warehouse team has started walking behind me to the bus stop after every "
                     "late shift, and twice now he has been waiting outside my flat when I got home. He never "
                     "says much. Should I talk to him and ask him to stop?")
    factors = {f.name: f.value for f in report.factors}
    assert factors["severity"] == "serious"
    assert report.top_actions(1)[0] not in ("TALK_DIRECT", "SET_BOUNDARY", "LET_GO")
    assert "Not on your own" in report.offline_answer.split("\n")[0]
