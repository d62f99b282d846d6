"""The writer's own question: found with their words as evidence, and answered first, from what the
advice already decided (the ranking, the avoid list, the verdicts on their options, the safety floor)."""

import pytest
from tests.conftest import seed_text

from clearair.advise import attach
from clearair.advise.questions import action_for, alternatives, find_questions, kind_of, main_questions
from clearair.extract import read
from clearair.intake import build_document
from clearair.pipeline import _report, analyze
from clearair.render.export import to_markdown
from clearair.render.view import build_view


def asked(text: str):
    """The report as the pipeline makes it, with the writer's questions read from the letter."""
    doc = build_document(text)
    return _report(doc, read(doc))


def test_attach_with_the_reading_answers_the_question():
    from clearair.advise import Advice, advise

    text = "My peer keeps interrupting me in meetings and it has happened four times this month. Should I tell HR?"
    doc = build_document(text)
    reading = read(doc)
    report = _report(doc, reading)
    fresh = report.model_copy(update={"questions": [], "offline_answer": ""})
    advice = advise(report.situation, report.signals, report.factors)
    assert isinstance(advice, Advice)
    attach(fresh, advice, reading)
    assert fresh.questions[0].text == "Should I tell HR?" and fresh.questions[0].answer
    assert fresh.offline_answer.startswith("You asked: “Should I tell HR?”")


# --- finding the question ----------------------------------------------------------------------
def test_questions_keep_the_writers_words_and_offsets():
    text = ("My coworker keeps taking credit for my slides in the weekly meeting.\n"
            "It has happened three times now. Should I talk to him first or go to my manager? "
            "I'm not sure if this is normal.\nAny advice would help.")
    found = find_questions(text)
    assert [q.text for q in found] == ["Should I talk to him first or go to my manager?", "Any advice would help."]
    for q in found:
        e = q.evidence[0]
        assert text[e.start:e.end] == e.text
    assert found[0].kind == "yes_no" and found[1].kind == "general"


def test_a_hard_wrapped_question_is_one_sentence():
    text = "He shouted at me in front of the\nteam again today. Should I\ntell HR about it?"
    assert [q.text for q in find_questions(text)] == ["Should I tell HR about it?"]


@pytest.mark.parametrize("question,kind,action", [
    ("Should I tell her?", "yes_no", "TALK_DIRECT"),
    ("Should I get their supervisors involved?", "yes_no", "ESCALATE_THEIR_MANAGER"),
    ("Should I ask them to send out a mass apology?", "yes_no", "PUBLIC_CALLOUT"),
    ("Do I really have to accept this as part of the job?", "yes_no", "LET_GO"),
    ("Is it legal for him to read my messages?", "legal", None),
    ("Can I refuse the loan he keeps asking for?", "money", None),
    ("Do I accept the gift?", "gift", None),
    ("How do I repair the relationship?", "how", None),
    ("What should I do?", "general", None),
    ("Am I overreacting?", "self_check", None),
    ("Am I overthinking it?", "self_check", None),
    ("Am I somehow causing this, and what can I do?", "self_check", None),
    ("Could I be making it worse?", "self_check", None),
    ("Am I right to be upset?", "norm", None),
    ("Are we right to be bothered, and if so, what should we do about it?", "norm", None),
    ("Should I be worried?", "yes_no", None),
    ("Should I put locks on my drawers?", "yes_no", None),
    # Leaving said without the word "job", ignoring said as tuning out, a claim at law said as a case.
    ("Should I start looking at another unit?", "yes_no", "EXIT"),
    ("Should I try to change things here or is this a sign I should go?", "yes_no", "EXIT"),
    ("Should I go to HR?", "yes_no", "HR_FORMAL"),
    ("Should I just tune them out, or is there something better I can do?", "yes_no", "LET_GO"),
    ("Do I have a defamation case against the company?", "legal", None),
])
def test_questions_are_classed_by_the_answer_they_need(question, kind, action):
    (q,) = find_questions(question)
    assert (q.kind, q.action) == (kind, action)


def test_either_or_questions_name_both_steps():
    assert alternatives("Should I tell him or keep quiet?") == ["TALK_DIRECT", "LET_GO"]
    assert alternatives("Should I tell her, or what should I do?") == []
    assert action_for("Should I tell her, or what should I do?") == "TALK_DIRECT"


def test_someone_elses_question_is_not_the_writers():
    assert find_questions('He asked me "are you coming to the offsite?" and walked off.') == []
    assert kind_of("I wonder if I should say something") == "yes_no"


def test_a_specific_question_comes_before_a_general_one():
    found = find_questions("What should I do? Should I go to HR?")
    assert [q.text for q in main_questions(found)] == ["Should I go to HR?"]


# --- answering it ------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def skip_level():
    return asked(seed_text("skip-level-forwards-complaint"))


def test_the_answer_opens_by_answering_the_writers_question(skip_level):
    answer = skip_level.offline_answer
    assert answer.startswith("You asked: “Should I ask for my department director")
    first = answer.split("\n\n")[0]
    assert "mass apology?” No:" in first  # a clear no, with the reason
    assert "“Should I get their supervisors involved?” Not now:" in first
    assert "The best first step: let it go" in first  # and what to do instead, straight after
    by_text = {q.text: q for q in skip_level.questions}
    assert by_text["Should I get their supervisors involved?"].verdict == "no"
    # The answer agrees with the verdicts on the writer's own options.
    verdicts = {v.action: v.verdict for v in skip_level.option_verdicts}
    assert verdicts.get("ESCALATE_THEIR_MANAGER") == "not advised"


def test_the_question_and_its_answer_reach_every_surface(skip_level):
    view = build_view(skip_level)
    assert view.answer.startswith("You asked: “Should I")
    assert [q.asked for q in view.questions][1] == "Should I get their supervisors involved?"
    assert view.questions[1].quotes[0].text == "Should I get their supervisors involved?"
    assert "You asked: “Should I" in to_markdown(skip_level, seed_text("skip-level-forwards-complaint"))
    data = skip_level.model_dump(mode="json")
    q = next(q for q in data["questions"] if q["answer"])
    assert q["evidence"][0]["text"].startswith("Should I") and q["verdict"] == "no"


def test_replies_to_the_letter_are_not_the_writers_questions(skip_level):
    # The pasted thread's replies ask things too; only the letter's questions are the writer's.
    assert all("Count to 10" not in q.text for q in skip_level.questions)
    assert len(skip_level.questions) == 3


def test_a_how_to_question_is_answered_with_the_first_step():
    report = asked(seed_text("peer-goes-cold-after-mistake"))
    first = report.offline_answer.split("\n\n")[0]
    assert first.startswith("You asked: “Any recommendations on how I can repair the relationship")
    assert f"the best first step: {report.recommendations[0].title.lower()}" in first.lower()
    assert report.offline_answer.count("The best first step") == 1


def test_a_question_the_engine_cannot_judge_is_acknowledged_honestly():
    report = asked("My manager has started reading the private chat messages on my work laptop and quoting them "
                   "back to me in our one-to-ones. It has happened three times this month and I feel watched. "
                   "Is it even legal for him to do that?")
    first = report.offline_answer.split("\n\n")[0]
    assert "“Is it even legal for him to do that?”" in first
    assert "depends on local law" in first and "The best first step:" in first
    assert report.questions[0].verdict == "cannot judge"


def test_a_yes_or_no_follows_the_ranking():
    report = asked("My peer keeps interrupting me in our team meetings and finishing my sentences for me. "
                   "We otherwise get on fine and I want to keep it that way. Should I talk to him about it?")
    q = next(q for q in report.questions if q.answer)
    rank = [r.action for r in report.recommendations].index("TALK_DIRECT")
    expected = "yes" if rank < 2 else "not yet" if rank < 5 else "no"
    assert q.action == "TALK_DIRECT" and q.verdict == expected
    assert q.answer.startswith({"yes": "Yes", "not yet": "Not yet", "no": "No"}[expected])


def test_serious_conduct_is_never_answered_with_go_and_talk_to_them():
    report = asked("My manager grabbed my arm and pushed me against the wall when I disagreed with him, and he "
                   "has threatened me twice since. Should I talk to him about it privately?")
    q = next(q for q in report.questions if q.answer)
    assert q.verdict == "no" and q.answer.startswith("Not on your own")
    assert not report.offline_answer.split("\n\n")[0].count("Yes")


def test_someone_asking_the_writer_is_not_the_writers_question():
    assert find_questions("I've asked him more than once whether I did something to upset him.") == []
    assert [q.kind for q in find_questions("I keep wondering whether I should tell HR.")] == ["yes_no"]
    assert kind_of("Where do I go from here?") == "general"
    assert kind_of("Any advice? Should I tell HR?") == "yes_no"


# --- answers that must not be misread (found by a red-team pass) -------------------------------
SERIOUS = ("My team lead keeps touching my waist when he walks past, and last week he cornered me in the "
           "stock room and tried to kiss me. Since I told him to stop, my shifts have been cut. ")
PEER = ("My coworker keeps presenting my analysis as his own in the weekly meeting; it has happened four "
        "times this quarter. ")


@pytest.mark.parametrize("question", ["Should I meet him after work to clear the air?",
                                      "Can I handle this myself?", "Should I text him and explain how I feel?"])
def test_with_serious_conduct_no_step_is_left_to_face_them_alone(question):
    answer = asked(SERIOUS + question).offline_answer.split("\n")[0]
    assert "your call" not in answer and "Not on your own" in answer


@pytest.mark.parametrize("question", ["Would it be wrong to report him to HR?", "Is it too late to go to HR?"])
def test_a_question_asked_the_other_way_round_gets_the_step_named_not_a_bare_yes(question):
    first = asked(SERIOUS + question).offline_answer.split("”", 1)[1].strip()
    assert not first.startswith(("Yes", "No")) and first.startswith("Go to HR")


def test_either_or_where_neither_is_the_first_step_says_so():
    answer = asked(PEER + "Should I call him out in front of the team or just let it go?").offline_answer
    first = answer.split("”", 1)[1].strip()
    assert first.startswith("Neither comes first") or first.startswith("Of the two")
    if first.startswith("Of the two"):  # then the chosen one is the first step itself
        report = asked(PEER + "Should I call him out in front of the team or just let it go?")
        assert report.recommendations[0].action in ("LET_GO", "PUBLIC_CALLOUT")


def test_either_or_after_serious_conduct_never_sends_the_writer_to_them_alone():
    """Red team 34: "Neither comes first: go to HR … After that, of the two you name, talk to them privately … is the
    better next step", beside "Do not go to the person on your own"."""
    report = analyze("My supervisor grabbed my arm hard in the stockroom yesterday and yelled that I was a liability "
                     "in front of the whole shop floor. I've only been there six weeks and I cried in the toilets "
                     "after. Should I say something to him or just let it go?")
    said = next(q.answer for q in report.questions if "let it go" in q.text)
    assert said.startswith("Neither comes first") and "on your own" in said and "privately" not in said


def test_either_or_with_one_half_not_advised_is_not_a_bare_no_to_both():
    # Only the second half names a step the engine weighs (leaving); "No" would refuse finding out too.
    question = "Should I try to work out what is going on with him, or just start looking for another job?"
    first = asked(PEER + question).offline_answer.split("\u201d", 1)[1].strip()
    assert not first.startswith(("No:", "No,", "Not yet")) and first.startswith(("From what you describe, don't ",
                                                                                 "Don't "))
    assert "look for" in first or "way out" in first or "job" in first  # names the half it holds back


@pytest.mark.parametrize("question", ["Or will I just get fired if I do?", "Could I lose my job over this?",
                                      "Will I get written up if I refuse?"])
def test_a_question_about_what_may_happen_to_the_writer_is_not_a_step_they_weigh(question):
    assert action_for(question) is None
    first = asked(PEER + question).offline_answer.split("\u201d", 1)[1].strip()
    assert first.startswith("Nobody can promise")


@pytest.mark.parametrize("question", ["Could this hurt me if I report it?", "Will it affect my career if I complain?",
                                      "Would reporting him backfire?", "Is it risky for me to speak up?",
                                      "Will I be seen as a troublemaker?"])
def test_a_worry_about_what_a_step_may_cost_the_writer_is_not_answered_yes(question):
    """ "Could this hurt me if I report it?" was read as "should I report it?" and answered "Yes: ..."."""
    from clearair.advise.questions import about_own_risk

    assert about_own_risk(question) and action_for(question) is None
    q = next(q for q in asked(SERIOUS_PEER + question).questions if q.text == question)
    assert q.verdict == "cannot judge" and not q.answer.startswith(("Yes", "No"))
    assert "nobody can promise" in q.answer.lower() and "writing" in q.answer


@pytest.mark.parametrize("question", ["Could this hurt the team?", "Could it affect morale?", "Should I report it?"])
def test_a_question_about_others_or_a_step_is_no_worry_about_the_writer(question):
    from clearair.advise.questions import about_own_risk

    assert not about_own_risk(question)


#: Repeated insults in front of others by a peer: read as serious conduct (the words are ordinary).
SERIOUS_PEER = ("My coworker Dana has started swearing at me whenever we disagree about the rota. Last week she "
                "called me a useless idiot in front of two other nurses, and it has happened four times this month. "
                "I have not said anything to her because she has been here much longer than me. ")


@pytest.mark.parametrize("question,line", [
    ("What do I say when she curses at me next time?", "Please don't speak to me like that"),
    ("How should I respond if she yells at me again?", "Please don't speak to me like that"),
    ("What do I say when she talks over me in handover?", "finish my point"),
    ("What should I say when she criticises me in front of the team?", "one to one"),
])
def test_what_to_say_in_the_moment_gets_a_line_to_say(question, line):
    """ "What do I say when she curses at me?" is answered with words for the moment, not the first step again."""
    report = asked(SERIOUS_PEER + "Should I report it? " + question)
    q = next(q for q in report.questions if q.text == question)
    assert line in q.answer and q.answer.count("“") == 1
    assert line in report.offline_answer  # taken up in the written answer beside the first question


def test_a_how_question_about_no_act_keeps_the_steps_answer():
    from clearair.advise.questions import in_the_moment

    assert in_the_moment("What do I say to HR?") is None and in_the_moment("How do I tell her?") is None
    assert in_the_moment("What do I say when he comments on my weight?") == "remark"


def test_am_i_overreacting_about_something_that_keeps_happening_gets_a_plain_answer():
    """Answered "what matters most now is what you do next", a blind panel marked it as dodging the question."""
    report = asked("Our supervisor keeps giving the best weekend shifts to her friend, and twice this month that "
                   "friend left early and I had to close alone. When I mentioned it she rolled her eyes. It is small "
                   "stuff but it keeps happening and it is wearing me down. Am I overreacting?")
    q = next(q for q in report.questions if q.text == "Am I overreacting?")
    assert q.answer.startswith("No:") and "add up" in q.answer
    doing_right = asked("Our supervisor keeps giving the best weekend shifts to her friend, and it keeps happening. "
                        "Am I doing the right thing by keeping quiet?")
    assert not any(q.answer.startswith("No: small things") for q in doing_right.questions)


def test_a_worry_about_being_reported_is_answered_for_the_one_who_may_be_reported():
    """A writer who humiliated a junior asked "could this hurt me if she reports it?" and got the answer meant for
    someone raising a concern (a red team's finding)."""
    report = asked("I manage a design team. Last week I tore into one of my juniors in front of everyone over a brief "
                   "that I had got wrong myself, and she left in tears. I know I was out of line. "
                   "Could this hurt me if she reports it?")
    q = next(q for q in report.questions if q.text == "Could this hurt me if she reports it?")
    assert "own your part" in q.answer and "dated notes" not in q.answer


def test_a_question_answered_as_a_worry_or_as_words_is_not_also_judged_as_a_step():
    report = asked(SERIOUS_PEER + "Could this hurt me if I report it? What do I say when she swears at me next time?")
    assert report.questions and not any(
        "hurt me" in v.text or "swears at me" in v.text for v in report.option_verdicts)


def test_am_i_overreacting_is_not_answered_as_was_i_out_of_line():
    from clearair.advise.answer import answer_question
    from clearair.advise.safety import Floor
    from clearair.models import Evidence, Question

    report = asked(PEER + "Am I overreacting?")
    fault = next(f for f in report.factors if f.name == "writer_fault")
    fault.value, fault.source = "partly", "learned"
    fault.evidence = [Evidence(start=0, end=10, text=PEER[:10])]
    _, text = answer_question(Question(text="Am I overreacting?", kind="self_check"), report, Floor(), False)
    assert not text.startswith("Possibly in part")


@pytest.mark.parametrize("question, kind", [
    ("Or did I bring this on myself by kicking off when my boss was in an awkward spot?", "self_check"),
    ("Is it my fault?", "self_check"), ("Am I partly to blame?", "self_check"),
    ("Is it wrong that I feel like this, and what should I do with it?", "norm"),
    ("And if I'm stuck with this person, how am I supposed to make it work?", "how"),
    ("Is it wrong to report him?", "yes_no"),
])
def test_questions_a_panel_found_answered_as_something_else(question, kind):
    """A blind panel: "did I bring this on myself?" answered "Yes, as your next step", "is it wrong that I feel
    like this?" answered as a request for steps, "how am I supposed to make it work?" left unanswered."""
    assert kind_of(question) == kind


def test_is_it_wrong_that_i_feel_this_is_answered_no_and_is_it_normal_yes():
    wrong = asked("My closest work friend got the promotion I applied for and I feel jealous. "
                  "Is it wrong that I feel like this?").questions[0]
    normal = asked("My boss shouted at me in front of the team last week. "
                   "Is it normal to feel this upset a week later?").questions[0]
    assert wrong.answer.startswith("No:") and normal.answer.startswith("Yes:")


def test_was_i_wrong_is_a_self_check_and_the_next_step_reads_as_english():
    assert kind_of("Was I wrong?") == "self_check" and kind_of("Do I owe her an apology?") == "self_check"
    answer = asked(PEER + "Should I go to my manager?").offline_answer
    assert "Start by " not in answer


def test_a_second_question_with_the_same_answer_refers_to_the_first_instead_of_repeating_it():
    from clearair.pipeline import analyze

    report = analyze("My coworker keeps interrupting me in our team meetings and talking over me when I present. "
                     "It has happened in most meetings for two months and I find it really frustrating. I have not "
                     "said anything to him yet. Should I report him to HR? Should I go to his manager about it?")
    answers = [q.answer for q in report.questions if q.answer]
    assert len(answers) == 2 and len(set(answers)) == 2  # never the same sentence twice
    assert report.offline_answer.count(answers[0]) == 1


def test_a_third_question_is_answered_too():
    report = asked("My manager, Tom, keeps rewriting my reports and sending them out under his own name. It has "
                   "happened four times this quarter. Should I talk to him directly? Should I go to HR? And should "
                   "I start looking for another job?")
    specific = [q for q in report.questions if q.text.startswith(("Should", "And should"))]
    assert len(specific) == 3 and all(q.answer for q in specific)


def test_a_question_that_only_vents_is_not_the_one_answered():
    """"Why do parents feel entitled to…?" vents; the answer takes up the question the writer asks."""
    text = ("A parent complained to the principal about me after my first week. Why do parents feel entitled "
            "to run to the principal over every small gripe? Don't they realize what that does to us? "
            "How should I deal with this?")
    asked = main_questions(find_questions(text))
    assert [q.text for q in asked] == ["How should I deal with this?"]
    assert all(q.kind != "legal" for q in find_questions(text))  # "feel entitled to" is not a legal question


@pytest.mark.parametrize(("question", "kind"), [
    ("Am I entitled to be paid for the extra hours?", "legal"),
    ("Why does my boss keep doing this to me?", "open"),
    ("Why should I apologise when she started it?", "open"),
])
def test_entitlement_is_legal_only_when_it_is_the_writers(question, kind):
    assert kind_of(question) == kind


def test_an_against_reason_from_the_learned_ranker_is_said_in_plain_words():
    """A red-team finding: the answer said "No: In letters like yours, experts seldom advised this when: a peer
    or coworker"."""
    from clearair.advise.answer import _against

    said = _against("Not advised. Against it: In letters like yours, experts seldom advised this when: a peer or "
                    "coworker.")
    assert said == "experts seldom advised it in letters like yours (a peer or coworker)"


@pytest.mark.parametrize(("question", "vents"), [
    ("Why do head chefs always have to prove themselves by tearing everything up?", True),
    ("Don't they realise we have lives outside work?", True),
    ("Why should I apologise when she started it?", False),
    ("Why do I always end up covering the late shift?", False),
])
def test_a_venting_question_is_told_from_a_real_one(question, vents):
    from clearair.advise.questions import rhetorical

    assert rhetorical(find_questions(question)[0]) is vents


def test_a_question_about_what_someone_means_is_answered_with_what_to_do():
    report = asked("My manager stopped inviting me to client calls after a meeting where the client praised my "
                   "work. She has barely spoken to me for three weeks and gave the next project to someone newer. "
                   "Is this jealousy?")
    first = report.offline_answer.split("\n\n")[0]
    assert "“Is this jealousy?”" in first and "no view on that particular step" not in first
    assert report.recommendations[0].title.lower() in first.lower()


def test_a_doubt_told_is_answered_with_the_first_step_not_a_shrug():
    """ "I'm now second-guessing whether to trust the process." tells a doubt; it asks for no step clearair weighs,
    and "clearair has no view on that particular step" opened a red team's answer."""
    report = asked("A coworker told me in the kitchen that the promotion I applied for was already decided, then "
                   "said it again in front of three people and laughed. It was humiliating and I'm now "
                   "second-guessing whether to trust the process.")
    first = report.offline_answer.split("\n\n")[0]
    assert "no view" not in first and "does not judge" not in first
    assert report.recommendations[0].title.lower() in first.lower()


@pytest.mark.parametrize(("value", "source", "expected"), [
    ("partly", "learned", "Possibly in part"),  # asked outright: the leaning is said, as a leaning
    ("none", "learned", "Nothing you describe puts you in the wrong"),
    # No reading behind it: nothing claimed either way, but the question is still answered (a blind panel marked
    # "what matters most now is what you do next" as dodging it).
    ("partly", "default", "Not clearly, from what you describe"),
])
def test_was_i_out_of_line_is_answered_from_the_fault_reading_not_dodged(value, source, expected):
    from clearair.advise.answer import answer_question
    from clearair.advise.safety import Floor
    from clearair.models import Evidence, Question
    from clearair.pipeline import analyze

    report = analyze(PEER + "Was I out of line?")
    fault = next(f for f in report.factors if f.name == "writer_fault")
    fault.value, fault.source = value, source
    fault.evidence = [Evidence(start=0, end=10, text=PEER[:10])]
    _, text = answer_question(Question(text="Was I out of line?", kind="self_check"), report, Floor(), False)
    assert text.startswith(expected)


@pytest.mark.parametrize("question, kind", [
    ("Is this normal?", "norm"),
    ("Is it normal for a manager to read my emails?", "norm"),
    ("Is that acceptable behaviour from a supervisor?", "norm"),
    ("Is it normal to be asked to stay late every night?", "norm"),
    ("Is it normal to feel this upset?", "norm"),
    ("Is it normal to get a written warning for being late?", "norm"),  # done to the writer
    ("Is it reasonable to ask for a transfer?", "yes_no"),  # the writer's own step
    ("Is it OK for me to tell him?", "yes_no"),
    ("Is it okay if I skip the party?", "yes_no"),
])
def test_is_this_normal_is_told_from_a_question_about_a_step(question, kind):
    assert kind_of(question) == kind


def test_is_this_normal_is_answered_from_how_serious_it_is_not_dodged():
    serious = asked(SERIOUS + " Is this normal?")
    q = next(q for q in serious.questions if q.kind == "norm")
    assert q.answer.startswith("No.") and "serious conduct" in q.answer
    assert "Nobody can tell" not in serious.offline_answer  # not a guess at what is in their mind
    feeling = asked(SERIOUS + " Is it normal to feel this shaken?")
    assert next(q for q in feeling.questions if q.kind == "norm").answer.startswith("Yes")


def test_is_it_normal_after_the_writers_own_part_does_not_call_their_reaction_mistreatment():
    from clearair.advise.answer import answer_question
    from clearair.advise.safety import Floor
    from clearair.models import Question

    report = asked(PEER + " Is it normal for him to ignore me like this?")
    _, text = answer_question(Question(text="Is it normal for him to ignore me like this?", kind="norm"), report,
                              Floor(writer_at_fault="partly"), True)
    assert "not how people should be treated" not in text and "your part" in text


def test_a_step_the_writer_already_took_is_said_as_a_second_go_not_as_news():
    """The reader reads that the writer already went to their manager: "ask your manager" is said as going back,
    in writing, and the answer says it was already raised (a panel marked it as news as a dodge)."""
    from clearair.advise.answer import step_for
    from clearair.models import Evidence, Recommendation

    report = asked("My coworker keeps taking credit for my work in team meetings. I told my manager about it twice "
                   "and she said she would handle it, but nothing has changed. What should I do?")
    escalated = next(f for f in report.factors if f.name == "already_escalated")
    escalated.value, escalated.source, escalated.confidence = True, "learned", 0.9
    escalated.evidence = escalated.evidence or [Evidence(start=0, end=10, text="My coworke")]
    rec = Recommendation(action="ESCALATE_MANAGER", score=1.0, title="Ask your own manager for help")
    assert "this time in writing" in step_for(report, rec)
    escalated.confidence = 0.5  # unsure: said as a first go
    report.signals = [s for s in report.signals if s.name != "tried_escalating"]
    assert "in writing" not in step_for(report, rec)


def test_someone_else_weighing_whether_to_act_is_not_the_writers_question():
    assert find_questions("HR is still deciding whether to set up a mediation between us.") == []
    assert [q.kind for q in find_questions("I can't decide whether to tell her.")] == ["yes_no"]


def test_a_title_does_not_cut_the_writers_question():
    (q,) = find_questions("How do I tell Mrs. Hill that her comments hurt?")
    assert q.text == "How do I tell Mrs. Hill that her comments hurt?"


def test_is_that_bullying_is_answered_the_right_way_round():
    """ "No" to "Is that bullying?" would mean it is not: the answer says what it is instead."""
    serious = asked(SERIOUS + " Is that harassment?")
    q = next(q for q in serious.questions if q.kind == "norm")
    assert not q.answer.startswith("No") and "serious conduct" in q.answer


def test_a_how_to_question_about_a_step_is_answered_with_how_to_take_it():
    """ "How do I say no politely?" gets the steps of saying no, not whatever step ranks first."""
    report = asked("My manager keeps asking me to cover weekend shifts at short notice. I have said yes every time "
                   "so far but I am exhausted. How do I say no politely?")
    q = next(q for q in report.questions if q.kind == "how")
    assert q.action == "SET_BOUNDARY" and q.answer.startswith("Here is how:")
    assert report.offline_answer.count("state a clear limit") <= 1  # not the same step twice
    serious = asked(SERIOUS + "How do I tell him to stop?")  # never the how of facing them alone
    assert not next(q for q in serious.questions if q.kind == "how").answer.startswith("Here is how")


@pytest.mark.parametrize("question", ["Should we be investigating before doing anything?",
                                      "Should he be told who made the complaint?"])
def test_a_manager_handling_serious_conduct_by_their_report_is_not_told_to_avoid_handling_it(question):
    """"Not on your own: let HR handle any contact with them" is for someone the conduct was done to; the
    writer who manages the person is told it is theirs to act on formally, with HR and a record."""
    from clearair.advise.answer import answer_question
    from clearair.advise.safety import Floor
    from clearair.models import Question
    from clearair.pipeline import analyze

    report = analyze("One of my team reported that a colleague keeps commenting on her body and touched her "
                     "lower back at the party. I manage them both. " + question)
    verdict, text = answer_question(Question(text=question, kind="yes_no"), report,
                                    Floor(serious=True, by_their_report=True), False)
    assert verdict == "first step" and not text.startswith("Not on your own")
    assert "yours to act on" in text and "HR" in text


def test_a_question_that_points_back_is_about_the_step_just_named():
    """ "Should I do that?" after the writer names a step is answered with the verdict on that step, and the step is
    quoted with it so the "No" says what it refers to."""
    from clearair.pipeline import analyze

    report = analyze("My supervisor keeps presenting my work as his own, and two others on my team say he does it to "
                     "them as well. I'm thinking about calling him out at the next team meeting in front of everyone. "
                     "Should I do that?")
    q = next(q for q in report.questions if q.text == "Should I do that?")
    assert q.kind == "yes_no" and q.action == "PUBLIC_CALLOUT"
    assert q.verdict == "no"
    assert "calling him out at the next team meeting" in report.offline_answer.split("Should I do that?")[0]


def test_a_question_whether_someone_passed_the_buck_is_answered_as_a_question_of_norms():
    assert kind_of("Was that a cop-out on her part?") == "norm"
    assert kind_of("Is it unfair of him to expect us to sort it out?") == "norm"


def test_a_question_points_back_only_at_the_sentence_just_before_it():
    """A red team: "I thought about coffee with him. Now I'm leaning towards HR. Is it a good idea?" was answered
    about the coffee, the step the writer had moved on from."""
    from clearair.pipeline import analyze

    report = analyze("A colleague keeps leaving his part of our joint reports to me and then presents them as a team "
                     "effort. I thought about talking to him over coffee. But now I'm leaning towards going to HR and "
                     "filing a formal complaint. Is it a good idea?")
    first = report.offline_answer.split("\n\n")[0]
    assert "over coffee" not in first.split("Is it a good idea?")[0]


def test_which_is_better_after_two_steps_chooses_between_them():
    """ "Which is better?" after the writer names two steps is a choice between them, not a request for advice."""
    from clearair.pipeline import analyze

    report = analyze("A colleague from the next desk has twice presented my spreadsheets as his own in our Monday "
                     "meeting. I'm leaning towards raising it with our manager, but part of me wants to talk to him "
                     "privately first. Which is better?")
    first = report.offline_answer.split("\n\n")[0]
    said = first.split("Which is better?")[1]
    assert "Of the two" in said or "Neither comes first" in said
    alone = analyze("A colleague from the next desk has twice presented my spreadsheets as his own in our Monday "
                    "meeting and laughed when I frowned. Which is better?")
    assert "Of the two" not in alone.offline_answer


@pytest.mark.parametrize("who, said", [
    ("A customer at the deli counter", "Calm it first"),
    ("A coworker on the deli counter", "Please don't speak to me like that"),
])
def test_words_for_the_moment_fit_who_is_shouting(who, said):
    """ "Is there something I can say when they blow up?" asks for a line for the moment; with a customer the first
    words calm it, with a coworker they set a limit."""
    from clearair.pipeline import analyze

    report = analyze(f"{who} snapped at me this morning because the queue was slow and walked off swearing about me. "
                     "Is there something good I can say when people blow up like that?")
    assert said in report.offline_answer.split("\n\n")[0]


def test_a_question_whether_a_step_is_too_much_gets_no_bare_yes():
    """ "Is that too heavy-handed?" answered "Yes, as your next step" reads as both "it is too much" and "do it"."""
    from clearair.pipeline import analyze

    report = analyze("I run a small warehouse team. A recruit I took on in the spring has been late eleven times since "
                     "May and twice left the loading bay unlocked. I've talked to him twice and nothing changed. I'm "
                     "leaning towards giving him a formal written warning. Is that too heavy-handed?")
    said = report.offline_answer.split("\n\n")[0].split("heavy-handed?")[1].strip(" ”\"")
    assert not said.startswith(("Yes", "No")) and ":" in said.split(".")[0]


def test_a_writer_who_asks_what_to_say_is_given_the_words():
    report = asked("My coworker Dana interrupts me in every team meeting and finishes my sentences for me, and then "
                     "presents the point as hers. It has happened at least six times this month. What can I say to "
                     "her?")
    q = next(q for q in report.questions if "What can I say" in q.text)
    assert q.answer.startswith("Something like this") and "“" in q.answer
    assert report.offline_answer.count("The full words are below") == 1


def test_telling_a_friend_is_not_facing_the_person_doing_it():
    report = asked("A woman at work spreads vicious rumours about younger colleagues until they leave, and the senior "
                   "men shield her. She came after me before. Now she is spreading a false rumour that my friend, one "
                   "of her managers, had an affair with a client. Should I tell my friend?")
    q = next(q for q in report.questions if "tell my friend" in q.text)
    assert q.answer.startswith("Yes, if you trust them") and "clearair does not judge it" not in q.answer


def test_telling_a_friend_beside_serious_conduct_still_keeps_the_writer_away_from_the_person():
    q = next(q for q in asked(SERIOUS + "Should I tell my friend from the other shift?").questions if q.answer)
    assert q.answer.startswith("Yes, if you trust them")
    assert "do not deal with the person doing it on your own" in q.answer


@pytest.mark.parametrize("question", ["Should I ask for someone else to hear my appeal?",
                                      "Do I speak to Chloe first?", "Should I give the screenshots to someone?"])
def test_with_serious_conduct_a_step_that_is_not_contact_is_not_refused(question):
    answer = next(q for q in asked(SERIOUS + question).questions if q.answer).answer
    assert not answer.startswith("Not on your own") and "do not deal with the person doing it on your own" in answer


def test_naming_the_other_side_is_contact_with_them():
    report = asked("My supervisor Gary grabbed my arm and pushed me against the wall when I disagreed with him last "
                   "week. Should I meet Gary after work to clear it up?")
    assert next(q for q in report.questions if q.answer).answer.startswith("Not on your own")


def test_words_for_the_moment_when_the_question_names_no_act():
    report = asked("A regular at the library makes comments about the staff's bodies at the desk every week, and last "
                   "night he waited by the staff entrance at closing. What do I say to him when he starts?")
    q = next(q for q in report.questions if "when he starts" in q.text)
    assert q.answer.startswith("Say it once, calmly") and "HR" not in q.answer


def test_an_apology_question_follows_a_reading_that_leans_to_the_writers_part():
    report = asked("My team lead Carol picks at my drug round in front of patients most shifts. Last week I snapped "
                   "back at her in front of two healthcare assistants and now there's a meeting with the matron. "
                   "Should I apologise first before the meeting?")
    q = next(q for q in report.questions if "apologise" in q.text)
    fault = next(f for f in report.factors if f.name == "writer_fault")
    if fault.value in ("partly", "mainly") and fault.evidence:
        assert not q.answer.startswith("No: nothing you describe calls for an apology")


def test_talking_to_someone_who_is_not_the_other_side_is_not_refused_as_contact_with_them():
    """The manager did it; the question is about the HR person who passed it on. "Not on your own: let HR handle
    any contact" would send the writer back to her."""
    r = analyze("Last month I told our HR adviser, Priya, in confidence that my manager Tom keeps grabbing my arm and "
                "standing over me when he is angry. A day later Tom said he knew I had been telling tales. Should I "
                "say something to Priya about breaking my confidence?")
    q = next(q for q in r.questions if "Priya" in q.text)
    assert q.verdict != "no" and "let HR" not in q.answer
    # asking about facing the manager himself is still refused
    r = analyze("My manager Tom keeps grabbing my arm and standing over me when he is angry, and yesterday he "
                "pinned me against the filing cabinet. Should I say something to Tom about it?")
    q = next(q for q in r.questions if "Tom" in q.text)
    assert q.verdict == "no"


def test_reporting_them_is_the_formal_route_not_contact_with_them():
    """ "Is it worth reporting him?" about serious conduct is the first step, not "Not on your own" (red team 30)."""
    r = analyze("My supervisor, Gary, has been making comments about my weight for two months. Last week he put his "
                "hand on my shoulder and left it there while he talked to me. Is it worth reporting him or will it "
                "just make things worse?")
    q = next(q for q in r.questions if "reporting him" in q.text)
    assert q.action == "HR_FORMAL" and not q.answer.startswith("Not on your own")


def test_a_question_asked_as_self_doubt_is_never_answered_with_a_bare_yes():
    """ "Am I being stupid to keep going with it?": a bare "Yes: …" says they are."""
    r = analyze("Three weeks ago I made a formal complaint to HR about my line manager shouting at me. Since then her "
                "boss keeps telling me to think about withdrawing it and that complaints don't tend to progress here. "
                "Am I being stupid to keep going with it?")
    q = next(q for q in r.questions if "stupid" in q.text)
    assert not q.answer.startswith("Yes")


@pytest.mark.parametrize("letter, asked, opens", [
    ("A senior colleague keeps making comments about a new starter's body, and at the party he touched her waist "
     "twice. She looks miserable at work now. Is it my business?", "my business", "Yes"),
    ("My teammate keeps leaving his code reviews to me and then takes the credit in standups, three sprints running "
     "now. Is this something I should be raising?", "something I should be raising", "It is worth raising"),
])
def test_whether_to_act_at_all_is_answered_not_left_to_weigh(letter, asked, opens):
    """ "Is it my business?" is whether to act, not a step to weigh (red team 31 found "That may help")."""
    q = next(q for q in analyze(letter).questions if asked in q.text)
    assert q.answer.startswith(opens) and "yours to weigh" not in q.answer


def test_the_wish_of_the_person_it_was_done_to_is_weighed_and_kept_out_of_the_note():
    """A colleague harmed asked the writer not to report it: their wish is part of the answer, and their visa is not
    the writer's to put in a note to HR (red team 31)."""
    r = analyze("Our team lead, Marcus, keeps mocking my colleague Ana's accent in meetings and last week he imitated "
                "her on a call while the whole team laughed. Ana is on a work visa and has asked me not to report it "
                "because she is scared of losing her job. Is it my place to report it if she's asked me not to?")
    q = next(q for q in r.questions if "my place" in q.text)
    assert "wish" in q.answer and not q.answer.startswith("Yes")
    assert not any("visa" in s.text for s in r.scripts)


def test_what_someone_meant_is_not_weighed_as_a_step():
    """ "Was that a joke?" about a threat is what was meant, never "That may help, and it is yours to weigh" (red team
    32)."""
    r = analyze("I told one of the partners that the other partner, Nigel, pays his nephew for work he never does. The "
                "next day Nigel stopped by my desk and said people who tell tales here end up looking for a new job, "
                "then laughed and said he was kidding. Was that a joke?")
    q = next(q for q in r.questions if "joke" in q.text)
    assert "yours to weigh" not in q.answer and "may help" not in q.answer


#: A writer who snapped at a colleague in front of the team (the channel and the words questions read it).
SNAPPED_AT_JO = ("On Thursday I snapped 'for god's sake just read the brief' at my colleague Jo in front of the whole "
                 "team, and she has been cold with me since. ")


def test_the_person_the_question_names_is_the_one_the_letter_is_about():
    """A fair manager told of first does not take the place of the colleague the writer asks how to handle."""
    letter = ("Back in May I raised a problem with my line manager, Chris, about a colleague, Nadia, who kept taking "
              "my leads. Chris dealt with it and moved me to the team I applied for. Since then Nadia has stopped "
              "speaking to me and ignores me at the coffee machine. How do I handle Nadia for the next few weeks?")
    report = analyze(letter)
    other = report.situation.party(report.situation.counterpart)
    assert other is not None and any(m == "Nadia" for m in other.mentions)
    assert not report.situation.counterpart_from_writer  # the engine's reading, not a correction the writer made
    assert not any(s.text.startswith('"Hi Chris') for s in report.scripts)


def test_an_either_or_of_people_is_answered_as_the_steps_it_names():
    """ "Do I take this to Kay, or talk to Dennis myself, or is this an HR thing?": Kay is the writer's manager and
    Dennis the other side; the answer weighs all three, not the HR half alone."""
    letter = ("Dennis, a manager from another site, keeps overriding my team's decisions on the shared project. On "
              "Tuesday's call with twelve people he said I was clearly out of my depth. My own manager, Kay, is "
              "supportive. Do I take this to Kay, or talk to Dennis myself, or is this an HR thing?")
    report = analyze(letter)
    q = next(q for q in report.questions if q.text.startswith("Do I take this to Kay"))
    assert q.answer.startswith(("Of those", "None of those"))


@pytest.mark.parametrize("question, owns", [
    ("Should I do it in person or message her?", True),
    ("Should I email him or talk to him face to face?", False),
])
def test_a_question_of_the_channel_is_answered_as_such(question, owns):
    letter = (SNAPPED_AT_JO + "I know I was out of order and I want to apologise. " if owns else
              "My colleague Sam keeps booking meetings over my lunch break, three times this week alone, and I have "
              "had enough of eating at my desk. ") + question
    report = analyze(letter)
    q = next(q for q in report.questions if q.text == question)
    assert q.answer.startswith("In person if you can")


def test_what_do_i_actually_say_is_answered_with_words():
    letter = SNAPPED_AT_JO + ("I know I was out of order. Should I do it in person or message her? What do I "
                              "actually say?")
    report = analyze(letter)
    q = next(q for q in report.questions if q.text == "What do I actually say?")
    assert q.answer.startswith("Something like this")


def test_a_writer_at_fault_asking_whether_to_own_up_is_told_yes():
    letter = ("I forgot to book the venue for our client's launch, which was my job. My colleague Sam found out two "
              "days before and fixed it, and on the call with the client he took the blame for us. It was entirely my "
              "mistake and I feel awful. Our manager Beth doesn't know it was me. Do I tell Beth it was me?")
    report = analyze(letter)
    q = next(q for q in report.questions if q.text == "Do I tell Beth it was me?")
    assert q.verdict == "yes" and "tell Beth yourself" in q.answer


def test_a_writer_with_a_part_asking_whether_to_change_their_ways_is_answered():
    letter = ("I'm a very competitive person and I know I've been hogging the best projects and talking over my two "
              "officemates in meetings. They have started leaving me out of lunch and don't share their notes with me "
              "any more. My manager says my work is excellent. So should I be trying harder to be a team player?")
    report = analyze(letter)
    q = next(q for q in report.questions if q.text.startswith("So should I be trying harder"))
    assert q.answer.startswith(("Yes", "If you think it is part of what is going on, yes"))
    assert "yours to weigh" not in q.answer


@pytest.mark.parametrize("text", ["Did I make a mistake by not inviting all my coworkers?", "Did I get it wrong?"])
def test_asking_whether_one_made_a_mistake_is_a_self_check(text):
    assert kind_of(text) == "self_check"


def test_a_month_at_the_start_of_a_sentence_is_no_question():
    texts = [q.text for q in find_questions("Back in May I made a complaint to HR about my manager. Since then my "
                                            "desk has moved. May I ask whether that is payback?")]
    assert not any(t.startswith("May I made") for t in texts)
    assert any(t.startswith("May I ask") for t in texts)


def test_a_choice_is_never_answered_yes_and_three_options_are_not_two():
    letter = ("I deleted a shared research folder by mistake on Friday. It was my fault, nobody else's, and my "
              "colleague Ewan lost two weeks of work. Our manager Gillian doesn't know yet. Do I tell Gillian it was "
              "me, or go to Ewan first? And in person or by message?")
    report = analyze(letter)
    choice = next(q for q in report.questions if q.text.startswith("Do I tell Gillian"))
    assert choice.verdict not in ("yes", "no") and not choice.answer.startswith(("Yes", "No"))
    channel = next(q for q in report.questions if q.text.startswith("And in person"))
    assert channel.answer.startswith("In person if you can")
    from clearair.advise.answer import _two_named
    assert _two_named("Should I tell him or keep quiet?")
    assert not _two_named("Do I go to Rob anyway, or skip him and go to his manager Anita, or HR?")


def test_a_question_in_someone_elses_reply_names_no_one_the_letter_is_about():
    """Only the writer's own questions decide who the letter is about; a reply's "How do I handle Chris?" (a replier
    telling their own story) does not."""
    letter = ("Back in May I raised a problem with my line manager, Chris, about a colleague, Nadia, who kept taking "
              "my leads. Chris dealt with it well. Since then Nadia has stopped speaking to me and ignores me at the "
              "coffee machine. How do I get our working relationship back?\n\nThanks,\n\nJason\n\n"
              "mmann's picture\nLicensee Badge\n\nJason,\n\nI had the same with my old boss. How do I handle Chris, "
              "I used to ask myself. Give it time and keep being professional.\n\n--Michael\n")
    report = analyze(letter)
    other = report.situation.party(report.situation.counterpart)
    assert other is None or "Chris" not in other.mentions
