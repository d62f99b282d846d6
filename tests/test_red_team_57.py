"""Red team 57's findings and blind panel 44's (letters written fresh here): a writer whose health a manager told the
team about is not told to apologise or let it go, and gets the formal route first with a note on privacy; messages
that show someone knows where the writer lives get a safety note; a sentence that opens with the writer's meeting and
then someone else acting is that person's doing; a clause in which something is done to the other side ("keeps
getting put on my shifts") is not said to them as their act; a parent "writing about" an adult child writes for
someone else; a tradesperson owed money is not told they caused it on the learned reading alone; and "Should I ask
her not to log it?" of a near miss is answered: let it be logged."""

from clearair.advise.notes import HOME_SAFETY_NOTE, ON_BEHALF_NOTE, PRIVACY_NOTE
from clearair.advise.safety import about_the_writer
from clearair.models import Evidence, FactorReading
from clearair.pipeline import analyze

HEALTH_TOLD = ("I had surgery in March and told my supervisor, Mark, in confidence why I was off. At Monday's team "
               "briefing, with about fifteen people there, he said everyone had been covering for me because of my "
               "surgery and joked about my stitches. I wanted the floor to swallow me. Who do I even tell?")


def test_a_writer_whose_health_was_told_to_the_team_gets_the_formal_route_first():
    report = analyze(HEALTH_TOLD)
    assert PRIVACY_NOTE in report.notes
    top = report.top_actions(3)
    assert top[0] == "HR_FORMAL" and not {"APOLOGIZE", "LET_GO", "REBUILD_TRUST"} & set(top)


def test_messages_that_show_someone_knows_where_the_writer_lives_get_a_safety_note():
    report = analyze("For a month I've had texts on my work phone from a number I don't know. They started with "
                     "compliments and now say things like your road is very dark at night. I live alone. Should I "
                     "just change my number?")
    assert HOME_SAFETY_NOTE in report.notes


def test_a_sentence_that_opens_with_the_writers_meeting_then_someone_else_acting_is_theirs():
    text = "Yesterday in our team meeting, twelve people, she read out my private message to everyone."
    reading = FactorReading(name="writer_fault", title="t", value="mainly", text="t", confidence=0.9,
                            evidence=[Evidence(start=0, end=len(text), text=text)])
    assert not about_the_writer(reading)


def test_something_done_to_the_other_side_is_not_said_to_them_as_their_act():
    report = analyze("I'm a carer on nights. One of the other carers, Dana, keeps getting put on my shifts, and she "
                     "leaves me all the turns and the washing while she sits on her phone. What should I do?")
    assert not any("you keep getting put" in s.text for s in report.scripts)


def test_a_parent_writing_about_an_adult_child_is_writing_for_someone_else():
    report = analyze("I'm writing about my daughter, she's 22 and works in a call centre. Her team leader mocks her "
                     "stammer on the floor and last week said she'd be out if her call times didn't improve. I'm "
                     "thinking of ringing the company and speaking to the manager myself. Should I?")
    assert ON_BEHALF_NOTE in report.notes
    mine = [v for v in report.option_verdicts if "ringing the company" in v.option]
    assert mine and all(v.verdict == "not advised" for v in mine)


def test_a_tradesperson_owed_money_is_not_told_they_caused_it_on_the_learned_reading_alone():
    report = analyze("I'm a self employed tiler. I did a bathroom for a customer last month, she paid the deposit and "
                     "now won't pay the last £900, saying there's a chip by the bath that I offered to fix for free. "
                     "She says if I chase it she'll leave a bad review. What should I do?")
    assert "APOLOGIZE" not in report.top_actions(3)
    assert not any(s.kind == "apology" for s in report.scripts)


def test_asking_a_colleague_not_to_log_a_near_miss_is_answered_let_it_be_logged():
    report = analyze("I work in a pharmacy and yesterday I put the wrong strength on a label for a customer's tablets. "
                     "My colleague spotted it at the final check, so it never went out, but she says she has to log it "
                     "on the incident system. Should I ask her not to log it since nobody was hurt?")
    asked = next(q for q in report.questions if "not to log" in q.text)
    assert asked.verdict == "no" and asked.answer.startswith("Better to let it be logged")
