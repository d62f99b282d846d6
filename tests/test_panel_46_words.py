"""Blind panel 46's complaints, as general behaviour: friction named plainly is said as a topic in our words, not as
the writer's complaint pasted back at the other person; telling one's own manager is not raising it with the other
side; a manager is not asked "Is something going on?" about how they run the work; a report's curtness with the
team is not "how we speak to each other"; options listed on their own lines are each judged; and a boss one has
"worked for" or the staff of a dentist or of a shift are read by where they stand. Letters written for these tests."""

from __future__ import annotations

import pytest

from clearair import analyze
from clearair.advise.reread import reread
from clearair.knowledge.factors import FACTORS
from clearair.models import Evidence, FactorReading


def _raised(said: str, role: str = "peer") -> list[FactorReading]:
    def reading(name: str, value) -> FactorReading:
        return FactorReading(name=name, title=FACTORS[name].title, value=value, text=FACTORS[name].say(value),
                             confidence=0.8, source="learned", evidence=[Evidence(start=0, end=len(said), text=said)])
    return [reading("counterpart_role", role), reading("already_raised", True)]


def _raised_after_reread(said: str, role: str = "peer") -> bool:
    return next(f.value for f in reread(_raised(said, role)) if f.name == "already_raised")


def test_telling_ones_own_manager_is_not_raising_it_with_them():
    assert _raised_after_reread("I told my supervisor that he keeps taking my tools without asking.") is False
    assert _raised_after_reread("I mentioned it to my line manager last month and nothing happened.") is False
    # words said to them as well: raised with them
    assert _raised_after_reread("I told my manager, and then I asked her to stop doing it.") is True
    # the other side is that manager: telling them was raising it with them
    assert _raised_after_reread("I told my manager that the rota is unfair to me.", role="manager") is True


def _words(report) -> str:
    return "\n".join(s.text for s in report.scripts)


CHATTY = ("The colleague who sits next to me at the garden centre never stops talking. She tells me about her "
          "weekends, her neighbours and her sister's wedding for most of every shift, even when we have a queue. "
          "She is kind and a bit lonely, and I don't want to hurt her. How can I ask her to chat less?")


def test_a_chatty_colleague_hears_the_topic_not_the_complaint():
    words = _words(analyze(CHATTY))
    assert "never stop talking" not in words
    assert "how much we chat" in words
    assert "Is something going on that I should know about" not in words


def test_an_over_friendly_colleague_hears_the_topic_not_a_charge():
    report = analyze("A man from accounts has decided we are close since we found out we live on the same street. "
                     "He treats me like his best friend now, stops by my desk every morning and keeps inviting me "
                     "to dinner with his family. I have said we're busy twice. Am I being unkind if I keep saying "
                     "no?")
    words = _words(report)
    assert "treat me like your best friend" not in words
    assert "how much we see of each other" in words


def test_a_boss_who_checks_everything_is_asked_for_a_way_of_working_not_what_is_going_on():
    report = analyze("My new manager micromanages everything. She checks on my work every hour, wants to be copied "
                     "into every email I send and books three status meetings a day, so I barely get anything done. "
                     "I like the job itself. How do I deal with her?")
    words = _words(report)
    assert "[what happened]" not in words
    assert "how we check in on my work" in words
    assert "Is something going on that I should know about" not in words


def test_a_curt_report_hears_how_they_come_across_to_the_team():
    report = analyze("I manage a team of six at a design agency. One of my reports is curt and dismissive with her "
                     "colleagues in every review, and two of them have asked not to be paired with her. She is very "
                     "good at the work itself. How do I raise it with her without crushing her?")
    words = _words(report)
    assert "the way we've been speaking to each other" not in words
    if "It's about" in words:
        assert "how you come across to the rest of the team" in words


@pytest.mark.parametrize("listing", [
    "My options are:\n1. Talk to her about it.\n2. Go to HR.\n3. Look for another job.\nWhich is best?",
    "I'm weighing up my options:\n- talking to her about it\n- going to HR\n- looking for another job",
])
def test_options_on_their_own_lines_are_each_judged(listing):
    report = analyze("My manager keeps changing my rota at the last minute, three times this month, and I am "
                     "exhausted from rearranging childcare. " + listing)
    judged = [v.option.lower() for v in report.option_verdicts]
    assert len(judged) == 3, judged
    assert any("hr" in j for j in judged) and any("job" in j for j in judged)


def _role_of_counterpart(text: str) -> str:
    report = analyze(text)
    return next(f.value for f in report.factors if f.name == "counterpart_role")


def test_a_boss_one_has_worked_for_is_the_writers_manager():
    assert _role_of_counterpart("I've worked for the same lead nurse for three years, and lately she ignores my "
                                "questions and complains about me to her friends on the unit. Should I go to HR?") \
        == "manager"


def test_a_dentists_hygienist_and_an_aide_on_the_writers_shift_are_their_reports():
    assert _role_of_counterpart("I'm a dentist, and my hygienist keeps leaving an hour early on Fridays without "
                                "telling the front desk. Patients have been turned away twice. How do I handle "
                                "it?") == "direct_report"
    assert _role_of_counterpart("I work nights in a care home and I have a CNA on my shift who refuses to help with "
                                "turns and spends hours on her phone. How do I handle her?") == "direct_report"


def test_a_writer_intimidated_by_a_colleague_goes_to_their_manager_before_a_word_alone():
    letter = ("My coworker on the next till is a tall, gruff man and {}. He sighs loudly when I take too long with "
              "returns and tells me I'm slow while customers are waiting. How do I get him to ease off?")
    order = [r.action for r in analyze(letter.format("he's quite intimidating")).recommendations]
    first_alone = min(order.index(a) for a in ("TALK_DIRECT", "SET_BOUNDARY") if a in order)
    assert order.index("ESCALATE_MANAGER") < first_alone
    # without the fear, nothing moves for it
    calm = analyze(letter.format("he's been here for years"))
    assert not any(r.text.startswith("They intimidate you") for rec in calm.recommendations for r in rec.reasons)
