"""A writer whose own conduct is before a review, an investigation or a disciplinary process.

A red team found a writer under an HR investigation given words to take the colleague who complained aside, and a
manager facing a disciplinary hearing over remarks about a report told "nothing you describe makes this your doing",
with formal performance management of that report among the first three steps.
"""

from __future__ import annotations

import pytest

from clearair import analyze

_SHARED = ("A colleague, Mina, emailed me privately about her hospital appointments. I thought it was funny how "
           "worried she was, so I forwarded it to our team chat with a laughing emoji. Someone told her. She "
           "complained, and now HR has opened an investigation and I've been asked to an investigation interview on "
           "Monday. I didn't mean to hurt her, and two others in the chat joked about it too. How should I handle "
           "the interview?")
_MANAGER = ("I supervise eight pickers at a warehouse. For a few weeks I called one of my team, Priya, \"slowcoach\" "
            "at the morning briefing and once copied her accent when she read out the numbers. People laughed, and "
            "I thought she took it as a joke. She has now made a formal complaint and I've been invited to a "
            "disciplinary hearing next Tuesday with the site manager and HR. I've never been in trouble before. How "
            "do I handle the hearing?")
_TOWARDS_THEM = {"TALK_DIRECT", "SET_BOUNDARY", "MEDIATE", "COACH_REPORT"}
_AGAINST_THEM = {"MANAGE_PERFORMANCE", "HR_FORMAL", "ESCALATE_THEIR_MANAGER"}


@pytest.mark.parametrize("text", [_SHARED, _MANAGER])
def test_no_step_or_words_towards_the_person_who_complained(text):
    report = analyze(text)
    assert report.situation.under_review  # the words that say so, as evidence
    top = {r.action for r in report.recommendations[:3]}
    assert not (_TOWARDS_THEM | _AGAINST_THEM) & top
    kinds = {s.kind for s in report.scripts}
    assert "account" in kinds and not {"opener", "boundary", "coaching", "agenda"} & kinds
    held = next((r for r in report.recommendations if r.action == "TALK_DIRECT"), None)
    assert held is None or any(x.signal == "under_review" and x.evidence for x in held.reasons)


@pytest.mark.parametrize("text", [_SHARED, _MANAGER])
def test_the_question_about_the_meeting_is_answered_as_a_process(text):
    report = analyze(text)
    q = report.questions[0]
    assert "representative" in q.answer and "Own what you did" in q.answer


def test_a_manager_in_a_disciplinary_over_their_remarks_is_told_kindly_it_is_theirs():
    report = analyze(_MANAGER)
    assert report.recommendations[0].action == "APOLOGIZE"
    assert "Nothing you describe makes this your doing" not in report.answer


def test_a_wronged_writer_in_a_disciplinary_has_no_private_talk_with_the_one_running_it():
    """A red team found "I'd rather we sorted it out between us" for a writer disciplined by the team leader they
    had reported for blocking a fire exit."""
    report = analyze("I work in a distribution centre. Last month I reported to the site manager that my team leader, "
                     "Craig, keeps the fire exit blocked with pallets. Since then Craig has moved me to the worst "
                     "shifts and yesterday he gave me a letter inviting me to a disciplinary hearing for 'attitude'. "
                     "I've never had a warning in five years. What should I do before the hearing?")
    assert report.situation.under_review
    top = {r.action for r in report.recommendations[:3]}
    assert not {"TALK_DIRECT", "SET_BOUNDARY", "MEDIATE"} & top
    assert not {"opener", "boundary"} & {s.kind for s in report.scripts}


@pytest.mark.parametrize("text", [
    "I've been called to an HR investigation meeting next week about some jokes I made about a colleague.",
    "One of my reports has put in a formal grievance about me after I criticised her in front of the team.",
    "Now HR have asked me to come to a meeting next week because he's put a complaint in about my post.",
])
def test_more_ways_of_saying_the_writer_is_before_a_process(text):
    from clearair.advise.scripts import faces_a_review

    assert faces_a_review(text)



@pytest.mark.parametrize("value, confidence, acted_on", [
    ("mainly", 0.72, True),   # a manager facing a hearing over his remarks: the complaint is what the reading rests on
    ("partly", 0.65, False),  # a worker disciplined after reporting a blocked fire exit read so by a red team
    ("mainly", 0.45, False),  # not sure enough
])
def test_under_a_process_only_a_sure_mainly_stands_on_the_complaint(value, confidence, acted_on):
    """The fault reading's evidence is the complaint, not the writer's own doing; under a process that may stand,
    but a "partly" is as often a wronged writer facing an unfair process."""
    from clearair.advise.safety import assess_floor
    from clearair.models import Evidence, FactorReading

    text = "She's now put in a formal complaint and I've been invited to a hearing."
    fault = FactorReading(name="writer_fault", title="t", value=value, text="t", confidence=confidence,
                          source="learned", evidence=[Evidence(start=0, end=len(text), text=text)])
    line = FactorReading(name="counterpart_role", title="t", value="peer", text="t", confidence=0.7, source="rules")
    floor = assess_floor([fault, line], under_review=True)
    assert (floor.writer_at_fault != "none") == acted_on


def test_a_complaint_against_the_writer_that_hr_will_call_them_in_about_is_a_review():
    from clearair.advise.scripts import faces_a_review
    assert faces_a_review("I've been told there's a complaint against me and that HR will probably call me in.")
    assert faces_a_review("HR are going to call me in next week about the row.")
    assert not faces_a_review("I want to make a complaint against my manager and I will ask HR to call me back.")


@pytest.mark.parametrize("text", [
    "HR have asked me to come to a meeting next week about my complaint against my supervisor.",
    "HR asked me to a meeting about the complaint I made last month, and nothing has happened since.",
])
def test_a_meeting_about_the_writers_own_complaint_is_no_review_of_them(text):
    from clearair.advise.scripts import faces_a_review

    assert not faces_a_review(text)
