"""Red team 56's findings (letters written fresh here): notes left by "someone at work" the writer cannot name get a
step for keeping them and reporting them; a freelancer who writes "Im" still has a client, not a boss; a grandparent
writing for a grandchild is writing for someone else; a report the writer wrote is no one they manage; a name is not
"Lisa I"; a teacher is not advised to answer a parent's posts on a parents' group; being told to tell customers what is
not true is pressure to break the rules; pans thrown near the staff are physical intimidation; a complaint by one of
the writer's people about another is looked into, not calmed as a squabble; "as their manager" in a question is the
writer's own post; and "privately or to the whole team?" is answered: both."""

from clearair.advise.notes import ANSWER_POSTS_OPTION, ON_BEHALF_NOTE, POLICE_NOTE, RULES_NOTE, UNKNOWN_SENDER_NOTE
from clearair.pipeline import analyze


def test_notes_left_by_someone_at_work_the_writer_cannot_name_get_a_step_to_keep_and_report_them():
    report = analyze("For about two months someone at work has been leaving folded notes in my pigeonhole saying "
                     "things like 'saw you at the bus stop'. No name on them. It could be anyone in the building. I "
                     "feel watched. What should I do?")
    assert report.situation.counterpart.startswith("unknown_sender")
    assert UNKNOWN_SENDER_NOTE in report.notes


def test_a_freelancer_who_writes_im_has_a_client_not_a_boss():
    report = analyze("Im a freelance illustrator. A client, a small bakery, keeps asking for extra drawings that "
                     "were never in the quote, and the owner now says he will not pay the second half until I do "
                     "them. How do I handle this?")
    other = report.situation.party(report.situation.counterpart)
    assert other is not None and other.role == "customer"
    assert "ESCALATE_MANAGER" not in report.top_actions(3)


def test_a_grandparent_writing_for_a_grandchild_is_writing_for_someone_else():
    report = analyze("I'm writing for my granddaughter Mia, who is 16 and works Saturdays at a cafe. Her boss keeps "
                     "her late without pay and shouted at her last week when she asked about it. What should we do?")
    assert ON_BEHALF_NOTE in report.notes


def test_a_report_the_writer_wrote_is_no_one_they_manage():
    report = analyze("In the team meeting my manager read out one of my reports with all the spelling mistakes "
                     "highlighted and put on a silly voice, and people laughed. I have dyslexia and he knows. How do "
                     "I deal with this?")
    assert not report.situation.narrator.is_manager
    assert not any(p.role == "direct_report" for p in report.situation.parties)


def test_a_name_is_not_run_into_the_next_word():
    report = analyze("A month ago I told my manager Lisa I was pregnant. The next rota cut my hours from thirty to "
                     "twelve, and nobody else was cut. What should I do?")
    assert not any(m.endswith(" I") for p in report.situation.parties for m in p.mentions)
    assert any("Lisa" in p.mentions for p in report.situation.parties)


def test_a_teacher_is_not_advised_to_answer_a_parents_posts_on_a_group():
    report = analyze("I teach year 3. A pupil's mum has been posting on the class parents' facebook group that I am "
                     "unfair to her daughter, and other parents have added comments. My head hasn't said anything. "
                     "Should I reply on the group or message her myself?")
    mine = [v for v in report.option_verdicts if "reply on the group" in v.option]
    assert mine and all(v.verdict == "not advised" and v.reason == ANSWER_POSTS_OPTION for v in mine)
    asked = next(q for q in report.questions if "reply on the group" in q.text)
    assert "screenshots" in asked.answer


def test_being_told_to_tell_customers_what_is_not_true_is_pressure_to_break_the_rules():
    report = analyze("I'm on a summer placement selling air purifiers. My supervisor told me to tell customers it "
                     "kills every virus in the room, but the leaflet says nothing about viruses. He says everyone "
                     "says it. What should I do?")
    assert RULES_NOTE in report.notes


def test_pans_thrown_near_the_kitchen_staff_are_physical_intimidation_with_a_safety_note():
    report = analyze("I work as a kitchen porter. When service goes badly our sous chef throws pans and trays near us, "
                     "and on Saturday a mug smashed on the wall right by my head. The others say it's just kitchens. "
                     "Is this normal?")
    severity = next(f for f in report.factors if f.name == "severity")
    assert (severity.value, severity.source) == ("serious", "rules")
    assert POLICE_NOTE in report.notes


TWO_OF_MINE = ("I run a team of six in a housing office. Two of my people, Dev and Carla, keep bickering about who "
               "updates the tenancy files, and the others are fed up. Yesterday Carla came to me and made a complaint "
               "about Dev: she says he talks down to her and called her 'sweetheart' in front of visitors. What's the "
               "right way to handle it as their manager?")


def test_a_complaint_by_one_of_the_writers_people_about_another_is_looked_into_not_calmed():
    report = analyze(TWO_OF_MINE)
    assert report.situation.between_others and report.situation.complaint_between
    assert "HR_FORMAL" in report.top_actions(2)
    kinds = [s.kind for s in report.scripts]
    assert "between_complaint" in kinds and "between" not in kinds
    assert not any("decide who is right" in s.text for s in report.scripts)


def test_as_their_manager_in_a_question_is_the_writers_post_not_someone_to_go_to():
    report = analyze(TWO_OF_MINE)
    asked = next(q for q in report.questions if "as their manager" in q.text)
    assert "raise it with their manager" not in asked.answer


def test_privately_or_to_the_whole_team_is_answered_both():
    report = analyze("I missed the client deadline and in an email to the whole team I said it was because Ana hadn't "
                     "sent me her figures, which wasn't true. She is hurt and won't talk to me. Should I apologise to "
                     "her privately or in front of the whole team?")
    asked = next(q for q in report.questions if "privately" in q.text)
    assert asked.answer.startswith("Both")


def test_an_act_the_rules_gave_the_writer_is_not_read_to_them_when_the_advice_does_not_hold_them_to_it():
    """Blind panel 44: "You gave a false account" was listed in the reading of writers who had done nothing of it."""
    from clearair.render.view import _reading

    report = analyze("A coworker told our manager that I lied about the stock count, which isn't true, because I "
                     "counted it twice. Now the manager barely speaks to me. What should I do?")
    assert not any("false account" in f.sentence for f in _reading(report))


def test_what_the_writer_is_accused_of_is_not_done_to_them():
    """An accusation against the writer ("I was accused of harassment by a new hire") was read as the new hire
    harassing them, serious conduct, and a formal complaint of their own as the first step."""
    report = analyze("I was accused of harassment by a new hire after I gave her feedback on her reports, and HR has "
                     "opened an investigation. I never said anything personal to her. What should I do?")
    assert not any(i.act == "harass" and i.actor != "narrator" for i in report.situation.incidents)
    severity = next(f for f in report.factors if f.name == "severity")
    assert severity.value != "serious"
