"""Readings from the letters of hold-56 the starting engine misread (written fresh here, none of them a holdout
letter): the client's own staff and the people a firm did work for are customers, so are a care home's residents,
a church's members to its minister and the families a home daycare serves; an aide assigned to the writer is theirs
to direct; being kept in a locked car is serious conduct and no part of the writer's; a customer's words about the
writer are not the writer's doing; and "talk to Sarah", where Sarah is the writer's manager, is taking it up. Then
red team 52's findings. Five cases of the first test and the residents test pass on the code before (the learned
readers got them right): they guard the rules that now read them."""

import pytest

from clearair.pipeline import analyze


def _role(report) -> str:
    return next(f.value for f in report.factors if f.name == "counterpart_role")


def _factor(report, name):
    return next(f.value for f in report.factors if f.name == name)


@pytest.mark.parametrize("text, role", [
    # someone of the client's at the place the writer's firm works
    ("I work nights for a cleaning contractor. The facilities manager at the offices we clean keeps leaving notes on "
     "my trolley calling my work sloppy and has started photographing the kitchens. What should I do?", "customer"),
    ("My agency placed me at an insurer last spring. The client's operations manager keeps messaging my agency boss "
     "to say I am slow, but he has never said a word to me about it. How do I handle him?", "customer"),
    # the one a firm did a job for, named again by the bare title
    ("We fit kitchens. A landlord we did a kitchen for in May still owes us half the bill, and now the landlord says "
     "the cupboard doors are crooked, though he signed the job off. How do we get paid?", "customer"),
    # a care home's residents are the people it serves, however many of them
    ("I run the activities programme in a nursing home. One of our residents tells everyone I steal from the "
     "tuck shop, and a few of the other residents have stopped coming to my sessions. How do I deal with it?",
     "customer"),
    # to a minister, someone of the church they lead
    ("I'm a vicar in a small town. A man from my congregation writes me long emails every week listing what I "
     "got wrong in the service, and copies in the churchwardens. How should I respond?", "customer"),
    # the families a home daycare looks after
    ("I run a home daycare for six children. My rule is that parents ring the bell and wait, but this week the "
     "parents of one boy walked straight into my kitchen twice. Should I say something?", "customer"),
    # an aide assigned to a teacher is the teacher's to direct
    ("I teach a reception class and my classroom aide keeps telling the children my rules are silly and lets "
     "them skip tidy-up time. How do I raise it with her without a row?", "direct_report"),
    # the one whose work the writer assists directs it
    ("I got a job assisting the head chef at a busy hotel restaurant. He takes my prep for his own station and then "
     "tells the owner I was slow. How do I handle him?", "manager"),
    # the one who took the writer on, promoted since
    ("One of the men who interviewed me for this job is now a regional director, and he swears at me whenever I "
     "question his plans in the weekly call. How do I disagree without losing my job?", "manager"),
    # a new nurse's preceptors are senior colleagues, not managers or outsiders
    ("I'm a newly qualified nurse and I have had three different preceptors in a month. The one I had yesterday "
     "kept jabbing my arm when I was slow with the drug round. How do I handle her?", "peer"),
])
def test_the_other_side_is_read_from_who_they_are_to_the_writer(text, role):
    assert _role(analyze(text)) == role


def test_a_medical_residents_fellow_residents_are_peers():
    report = analyze("I'm a second-year resident in surgery. One of the other residents keeps swapping my call "
                     "nights on the rota without asking me first. How should I raise it?")
    assert _role(report) == "peer"


def test_what_the_writer_and_another_are_is_no_party():
    """"He and I are colleagues" says what the two of them are; the one it names as colleagues is no third party."""
    report = analyze("I coordinate the volunteers at a hospice. A patient's daughter keeps telling the nurses that the "
                     "chaplain and I are an item. I told her he and I are colleagues and nothing more. What now?")
    assert all(m.lower() != "colleagues" for p in report.situation.parties for m in p.mentions)


def test_a_name_said_only_in_the_possessive_is_a_party():
    report = analyze("In the staff meeting I read out Priyanka's email to the whole team as a joke, and she walked "
                     "out. I think I went too far. How do I put this right with her?")
    assert any("Priyanka" in p.mentions for p in report.situation.parties)


def test_being_kept_in_a_locked_car_is_serious_and_not_the_writers_part():
    report = analyze("After the Christmas party my supervisor drove me home, and when we stopped outside my flat he "
                     "locked the doors and would not let me out for a quarter of an hour. Should I just move on?")
    assert _factor(report, "severity") == "serious"
    assert _factor(report, "writer_fault") == "none"


def test_a_customers_words_about_the_writer_are_not_the_writers_doing():
    report = analyze("A customer rang the shop this morning shouting that I am useless and should be sacked because "
                     "her parcel arrived damaged. The courier crushed it, not us. My manager is off. How should I "
                     "reply to her?")
    assert _factor(report, "writer_fault") == "none"


def test_hired_as_a_manager_of_an_office_is_a_manager():
    report = analyze("I was hired last month as office manager at a small firm. Two of the staff refuse to use the "
                     "new booking system and tell the partners it is my fault when things go wrong.")
    assert _factor(report, "narrator_is_manager") is True


def test_a_second_step_weighed_by_a_name_is_an_option():
    report = analyze("My colleague Ola keeps leaving her dirty mugs on my desk and laughing about it with the others. "
                     "I could go straight to our manager, or I could talk to Ola first. Which would you do?")
    assert {o.action for o in report.situation.options} >= {"ESCALATE_MANAGER", "TALK_DIRECT"}


def test_talking_to_the_writers_manager_by_name_is_taking_it_up():
    report = analyze("My coworker Dev keeps taking credit for my figures in the Monday meeting. My manager is Ruth "
                     "and she is fair. Should I talk to Ruth about it, or talk to Dev first?")
    actions = {o.action: o.text for o in report.situation.options}
    assert "Ruth" in actions.get("ESCALATE_MANAGER", "") and "Dev" in actions.get("TALK_DIRECT", "")


def test_a_feeling_that_hit_the_writer_is_no_violence():
    report = analyze("My closest friend at work was made my team leader last month. It has hit me much harder than I "
                     "expected, and I have been short with her ever since. How do I get past this?")
    assert _factor(report, "severity") != "serious"


def test_forgetting_serious_conduct_is_answered_no():
    report = analyze("My manager drove me home after the late shift, and outside my flat he locked the doors and would "
                     "not let me out for ten minutes while he talked about us. Should I just forget it?")
    q = next(q for q in report.questions if "forget" in q.text)
    assert q.verdict == "no"


def test_how_to_reply_to_a_customers_email_is_answered_as_a_reply():
    """Not a training input (answers.yaml and advise/answer.py): "How should I reply?" to a customer's message was
    answered "talk to them privately, one to one"."""
    report = analyze("A client emailed me last night saying our report was sloppy and that I clearly don't care about "
                     "his business. Two of the figures were his own team's, sent late. How should I reply to him?")
    q = next(q for q in report.questions if "reply" in q.text)
    assert q.answer.startswith("Reply in writing")


def test_a_weighed_step_is_no_serious_conduct():
    """Not a training input (advise/reread.py): a learned "serious" resting on the writer's "I could go straight to
    our manager" sent dirty mugs on a desk to a formal complaint."""
    report = analyze("My colleague Ola keeps leaving her dirty mugs on my desk and laughing about it with the others. "
                     "I could go straight to our manager, or I could talk to Ola first. Which would you do?")
    assert _factor(report, "severity") != "serious"
    assert report.recommendations[0].action != "HR_FORMAL"


# Red team 52 (letters written fresh here in other words)

def test_someone_else_landing_a_post_does_not_make_the_writer_a_manager():
    report = analyze("My desk mate Kofi got the supervisor job we both went for, and since then I have been cold to "
                     "him and skipped his leaving-do for the old team. How do I stop being bitter about it?")
    assert _factor(report, "narrator_is_manager") is False


def test_a_childminder_runs_no_staff():
    report = analyze("I run a childminding business from home with four little ones. Two sets of parents keep "
                     "collecting late without calling, and one dad laughs it off. How do I make them stick to it?")
    assert _factor(report, "narrator_is_manager") is False


def test_a_homeowner_a_family_firm_worked_for_is_a_customer_of_its_owners():
    report = analyze("We're a small family plastering business, just me and my brother. A homeowner, Mr Doyle, owes "
                     "us half the bill for his kitchen ceiling and now says there are cracks we never saw. What now?")
    assert _role(report) == "customer"
    assert _factor(report, "narrator_is_manager") is True


def test_the_client_site_managers_remarks_on_clothes_are_serious():
    report = analyze("I'm placed at one of our client's offices on Tuesdays. Their office manager stands so close I "
                     "can feel him breathing and keeps making comments about what I'm wearing. My own boss is at our "
                     "head office. Am I overreacting?")
    assert _role(report) == "customer"
    assert _factor(report, "severity") == "serious"


def test_a_customer_hoping_the_writer_is_sacked_is_not_the_writer_leaving():
    report = analyze("A customer wrote to our support inbox that he hoped I got sacked because his refund took a "
                     "week. My team lead wants me to answer him today. How should I reply to him?")
    assert "already_left" not in {s.name for s in report.signals}


def test_a_name_said_to_be_a_peer_just_after_it_is_that_peer():
    report = analyze("There are six of us. My manager is Ines, who is fair. Then there's Bea, she's an analyst on "
                     "the same level as me, and Tom who sits opposite. Bea's comments in our stand-ups have got "
                     "personal, and she copies Ines into every small mistake I make. What should I do?")
    them = report.situation.party(report.situation.counterpart)
    assert them is not None and "Bea" in them.mentions and _role(report) == "peer"


def test_an_owner_who_does_it_is_not_sent_the_complaint():
    """Not a training input (advise/routes.py, pipeline.py): "He owns the shop" made the boss the owner, so the
    formal route is outside help and nobody "above" him is offered."""
    report = analyze("On Friday my boss, Stelios, screamed in my face over a missing order and kicked a chair across "
                     "the stockroom at me. He owns the bakery and there's no HR, just him and five of us. What can "
                     "I do?")
    formal = next(r for r in report.recommendations if r.action == "HR_FORMAL")
    assert formal.route is not None and "owner" not in formal.route
    assert "ESCALATE_THEIR_MANAGER" not in report.top_actions(3)


def test_the_pragmatist_does_not_let_a_pattern_go():
    """Not a training input (knowledge/personas.yaml): "A pattern will not stop on its own … Would start with: let it
    go" contradicted itself in five of red team 52's letters."""
    report = analyze("For three months the receptionist, Gail, has rolled her eyes whenever I ask for a room, and "
                     "twice she told visitors I was disorganised. I am the office's only trainer. How do I handle it?")
    view = next(p for p in report.perspectives if p.name == "pragmatist").view
    assert not ("will not stop on its own" in view and "let it go" in view)


def test_of_two_named_steps_only_the_first_is_recommended():
    """Not a training input (advise/__init__.py)."""
    report = analyze("My colleague Ola keeps leaving her dirty mugs on my desk and laughing about it with the others. "
                     "I could go straight to our manager, or I could talk to Ola first. Which would you do?")
    assert [v.verdict for v in report.option_verdicts].count("recommended") == 1


def test_an_apology_names_the_mocking_it_is_for():
    """Not a training input (advise/own_ways.py): "What happened was on me" was all the apology said for an
    impression of a colleague's laugh (red team 52)."""
    report = analyze("In the break room yesterday I did an impression of Mirela's laugh and the others joined in. She "
                     "walked in at the end and went quiet. I was out of order. How do I make it right with her?")
    words = " ".join(s.text for s in report.scripts)
    assert "The impression I did of your laugh" in words


def test_a_reply_owed_to_a_customer_comes_before_letting_it_go():
    """Not a training input (pipeline.py, advise/limits.py, advise/scripts.py): a support agent who had to answer an
    abusive customer that day was told first to let it go, and given a meeting request as words (red team 52)."""
    report = analyze("This morning a customer, Mrs Okafor, emailed our shop to say I was rude and useless and should "
                     "be sacked, because her order was late. The courier lost it, not us. My supervisor says we must "
                     "answer every email within the day. How should I reply?")
    assert report.top_actions(1)[0] not in ("LET_GO", "WAIT")
    first = report.scripts[0]
    assert first.kind == "customer_note" and "Okafor" in first.text and "fifteen minutes" not in first.text
