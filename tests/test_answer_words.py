"""The written answer says what the letter says: one event followed by fear is not "it keeps happening", and
someone else not knowing "how to" do something is no question of the writer's (letters written for these tests)."""

import pytest

from clearair import analyze

ONE_THROW = ("Three weeks ago a coworker lost his temper over a missing file and threw a hole punch at me across the "
             "office. It missed and hit the filing cabinet. Since then I've been jumpy and I can't sleep properly, "
             "and I dread walking past his desk. Nothing else has happened. What should I do?")


def test_one_event_and_its_aftermath_is_not_told_as_a_pattern():
    assert "keeps happening" not in analyze(ONE_THROW).offline_answer


def test_a_repeated_act_is_still_told_as_one():
    letter = ("Every week in the team meeting my coworker talks over me when I present, and twice this month he "
              "has repeated my idea as his own a minute later. It happens again and again. What should I do?")
    assert "keeps happening" in analyze(letter).offline_answer


def test_someone_elses_not_knowing_how_is_not_a_question_the_writer_asked():
    letter = ("Our new office manager keeps changing the shared calendar without telling anyone, and last week two "
              "clients turned up for meetings nobody knew about. She honestly doesn't know how to use the booking "
              "system, and she won't ask. I'd like to get this sorted before it costs us a client.")
    assert not any("how to use the booking" in q.text for q in analyze(letter).questions)


def test_what_a_report_did_to_someone_else_is_not_told_as_done_to_the_writer():
    letter = ("I supervise the lab assistants in our department. A complaint from a visiting student included a "
              "recording of a Zoom call, and from it I learned that one of my assistants had shouted at the student "
              "and later called him lazy to another colleague. How should I handle my assistant's behaviour?")
    report = analyze(letter)
    words = " ".join(s.text for s in report.scripts) + report.offline_answer
    assert "towards me" not in words and "towards you" not in words
    assert "Hi Zoom" not in words


def test_a_private_talk_with_a_boss_who_is_part_of_the_problem_goes_with_a_record():
    """Blind panels 26 and 27: a bare "talk to them privately" to a supervisor who lied about the writer was unsafe."""
    from clearair.advise.answer import _WITH_A_RECORD, _talk_with_a_boss_at_odds
    report = analyze("My manager keeps criticising my reports in front of the whole team and last week she said my "
                     "work was sloppy when it was her own figures that were wrong. She has it in for me. How do I "
                     "handle her?")
    assert _talk_with_a_boss_at_odds(report) and _WITH_A_RECORD in report.offline_answer
    peer = analyze("My coworker Sam keeps booking meetings over my lunch break, three times this week alone, and I "
                   "have had enough of eating at my desk. How do I raise it with him?")
    assert not _talk_with_a_boss_at_odds(peer) and _WITH_A_RECORD not in peer.offline_answer


@pytest.mark.parametrize("part", ["What happened, in my words:", "- My boss keeps messaging me after 10pm about work."])
def test_a_heading_or_the_writers_own_line_in_a_note_is_not_quoted_as_words_to_say(part):
    """Red team 34: "What can I actually say?" answered with '… and I'd like your help. What happened, in my words:'."""
    from clearair.advise.answer import _first_line

    assert _first_line(part) == ""
