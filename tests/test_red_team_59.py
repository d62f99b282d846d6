"""Red team 59's findings (letters written fresh here): a writer called to a meeting with HR because a colleague said
they did something is facing a process, not told to let it go; and where the writer's own manager is part of the
problem, a colleague's manager (most likely the same person) is not the route either."""

from clearair.pipeline import analyze


def test_a_meeting_with_hr_over_what_a_colleague_said_the_writer_did_is_a_process_to_prepare_for():
    report = analyze("My supervisor has told me I have to attend a meeting on Monday with her and someone from HR "
                     "because a customer has said I was rude to her at the counter. I wasn't. I've worked here four "
                     "years without a single complaint. How should I prepare, and can I bring someone?")
    assert report.situation.under_review
    assert "LET_GO" not in report.top_actions(2)


def test_a_colleagues_manager_who_is_also_the_writers_unsupportive_manager_is_not_the_route():
    report = analyze("Two months ago I told my manager Paula that my colleague Ross had been taking photos of me at "
                     "my desk without asking. She said she'd sort it. Since then Paula has moved me off the good "
                     "shifts, says I'm causing drama and leaves me out of team emails. I feel punished for speaking "
                     "up, and Ross still does it. What do I do now?")
    assert "ESCALATE_THEIR_MANAGER" not in report.top_actions(3)


def test_a_writers_own_mistake_is_told_to_the_manager_and_keeping_quiet_is_not_advised():
    report = analyze("I work on the payroll team. On Friday I keyed in the wrong overtime rate and about thirty people "
                     "were overpaid. I spotted it this morning and have already drafted the corrections. My manager "
                     "doesn't know yet and a colleague told me to just keep quiet since it'll be fixed next month. Can "
                     "I just mention it to my manager in passing?")
    asked = next(q for q in report.questions if "in passing" in q.text)
    assert asked.verdict == "yes" and "tell your manager yourself" in asked.answer
    quiet = [v for v in report.option_verdicts if "keep quiet" in v.option]
    assert all(v.verdict == "not advised" for v in quiet)


def test_messages_that_say_they_saw_the_writer_and_her_children_get_the_home_safety_note():
    from clearair.advise.notes import HOME_SAFETY_NOTE
    report = analyze("For a month an account I don't recognise has been messaging me on Facebook. It comments on "
                     "photos of my two boys and says things like \"lovely house\" and \"saw you at the school gates "
                     "today\". I block it and another appears. I work on a hospital reception. What should I do?")
    assert HOME_SAFETY_NOTE in report.notes
