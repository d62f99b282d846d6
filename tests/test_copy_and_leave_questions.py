"""Questions a blind panel (38) found answered with the first step alone: whether to copy someone's manager, and how
to leave well. Letters written here."""

from __future__ import annotations

from clearair import analyze


def _first_paragraph(report) -> str:
    return report.offline_answer.split("\n\n")[0]


def test_copying_someones_manager_is_answered():
    report = analyze("A team lead in the finance group keeps missing the figures I need for the month-end report, and "
                     "my two reminders by email have gone unanswered. Should I cc her manager on the next reminder, or "
                     "is that going over her head?")
    first = _first_paragraph(report)
    assert "Copy their manager only once you have asked them directly" in first


def test_copying_is_not_the_answer_where_the_conduct_is_serious():
    """A guard: where someone is being harmed, the answer is the safety floor's, not etiquette about copying."""
    report = analyze("My supervisor grabbed my wrist hard in the stockroom last week and told me nobody would believe "
                     "me if I said anything. Should I copy his manager on an email about it?")
    assert "Copy their manager only once" not in report.offline_answer


def test_leaving_well_is_answered():
    report = analyze("My boss has belittled me in front of the team for a year, and I finally have a new job lined "
                     "up to start next month. Does it matter how I leave, and should I say anything in the exit "
                     "interview about how he treated me?")
    assert "It does matter" in _first_paragraph(report)


def test_who_do_i_go_to_names_someone_above_a_manager_who_is_the_problem():
    """Red team 47: a school nurse given clashing orders on medicines by the assistant head, who had already talked
    to him, was told to talk to him once more."""
    report = analyze("I'm the nurse at a primary school. The deputy head keeps giving me orders about medicines that "
                     "contradict each other and the head's policy, and he told me off in front of the office staff "
                     "for giving an inhaler. I spoke to him about it twice already. Who do I go to?")
    first = _first_paragraph(report)
    assert "Not them again" in first and "their manager" in first
    assert "talk to them privately" not in report.offline_answer
    assert "Before you talk to them" not in report.offline_answer


def test_who_do_i_go_to_about_a_coworker_names_the_writers_own_line():
    report = analyze("A coworker on my shift keeps taking my breaks and leaving me to cover the tills alone, and when "
                     "I asked her to stop she just laughed. It has happened all month. Who should I talk to?")
    first = _first_paragraph(report)
    assert "Not them again" in first and ("your own manager" in first.lower() or "HR" in first)
