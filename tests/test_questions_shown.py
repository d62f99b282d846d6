"""No question of the writer's is hidden: one the written answer had no room for is shown on its own, and one the
engine has no answer to is said to be unanswered (red team 42 found both silently left out). A courtesy title keeps
its capital mid-sentence, notes name a coworker as a colleague, and a question about keeping camera footage gets a
plain yes. Letters written here."""

from __future__ import annotations

from clearair import analyze
from clearair.advise.phrases import lower_first
from clearair.advise.set_answers import set_answer
from clearair.render.export import to_html
from clearair.render.view import UNANSWERED_LINE, build_view

LETTER = ("I stack shelves at a supermarket and last week a customer said I pushed a trolley into her. I didn't. Now I "
          "have an investigation meeting with the store manager on Thursday. Should I bring a union rep? Can I ask "
          "for the CCTV from the aisle to be kept? How do I stop the manager deciding before the meeting? What if "
          "the customer comes back into the shop while I'm working?")


def test_questions_without_an_answer_are_said_to_be_unanswered_not_dropped():
    report = analyze(LETTER)
    view = build_view(report)
    assert any("What if the customer comes back" in q for q in view.unanswered)
    page = to_html(report, LETTER)
    assert "Your other questions" in page and UNANSWERED_LINE.split(";")[0] in page


def test_an_answer_the_written_answer_had_no_room_for_is_shown_on_its_own():
    report = analyze(LETTER)
    view = build_view(report)
    for q in view.questions:
        assert q.in_answer == (" ".join(q.asked.split())[:60].rstrip(" ?.!") in " ".join(view.answer.split()))
    page = to_html(report, LETTER)
    for q in view.questions:
        if not q.in_answer:
            assert q.answer.split(".")[0] in page


def test_a_question_about_keeping_camera_footage_gets_a_plain_yes():
    report = analyze(LETTER)
    cctv = next(q for q in report.questions if "CCTV" in q.text)
    assert cctv.verdict == "yes" and "in writing" in cctv.answer


def test_a_courtesy_title_keeps_its_capital():
    said = "Mrs Te Rangi has been given the wrong tablets"
    assert lower_first(said) == said
    assert lower_first("The owner told me") == "the owner told me"


def test_leaving_something_out_of_a_statement_is_asking_whether_to_admit_it():
    assert set_answer("admit_or_not").asked("Should I leave out that I held his arm?")
    assert set_answer("admit_or_not").asked("Should I leave it out of my statement?")


def test_beside_serious_conduct_only_cases_of_serious_conduct_are_shown():
    from clearair.similar import _gold

    report = analyze("I pack orders at a warehouse. The night supervisor keeps standing behind me and rubbing my "
                     "shoulders, and last week he put his hand on my hip and said I should wear tighter clothes. I "
                     "moved away and now he gives me the heaviest aisles every shift. What should I do?")
    assert next(f.value for f in report.factors if f.name == "severity") == "serious"
    gold = _gold()
    assert report.similar_cases
    assert all(gold[c.id]["severity"] == "serious" for c in report.similar_cases if c.id in gold)


def test_wanting_to_know_whether_it_is_you_is_said_only_to_one_who_asked():
    report = analyze("I'm a nurse on a surgical ward. One of the consultants keeps making jokes about my accent "
                     "during handover, and the others laugh. It has happened most weeks since I started in the "
                     "spring. I'm starting to dread handover and I'm not sleeping well. Do I say something to him or "
                     "just toughen up?")
    view = build_view(report)
    assert not any("whether it is you" in f.sentence for f in view.reading)


def test_the_owner_is_not_told_to_wait_for_someone_with_authority():
    report = analyze("I run a small dog-grooming business with two groomers. A regular client's husband has twice "
                     "grabbed my groomer Leah's backside when she handed their dog back, and last week he sat in his "
                     "car outside until she left. I don't know whether to ban them, ring him, or what.")
    asked = next(q for q in report.questions if "ban them" in q.text)
    assert asked.answer and "authority to act" not in asked.answer
    assert "yours to decide" in asked.answer


def _answer_to(letter: str, words: str):
    report = analyze(letter)
    return next(q for q in report.questions if words in q.text)


def test_asking_a_coworker_who_saw_it_to_back_the_writer_up_is_answered_as_a_witness():
    q = _answer_to("I pick orders at a parcel depot. On Monday my team leader, Gavin, shoved me into the racking "
                   "because I was slow, and my coworker Bartek saw it. There's a camera over that aisle. Can I ask "
                   "Bartek to back me up, or is that unfair on him?", "Bartek")
    assert "Not on your own" not in q.answer and "do not suggest what they should say" in q.answer


def test_when_to_bring_in_the_union_is_answered_now():
    q = _answer_to("I'm a care worker and my manager has called me to a meeting next Thursday about a complaint from "
                   "a resident's daughter that I was rude. I wasn't. I'm in the union but haven't told them. Should I "
                   "go to the union now or wait until after the meeting?", "union")
    assert q.answer.startswith("Now") and "HR" not in q.answer.split(".")[0]


def test_quitting_before_an_offer_is_not_yet():
    q = _answer_to("I work nights on a hotel front desk and my manager says £60 went missing from the float on my "
                   "shift. I didn't take it and I don't know who did. She's docked it from my pay. Should I quit now "
                   "before they fire me? I have an interview at another hotel next week.", "quit")
    assert q.verdict == "not yet" and "offer in writing" in q.answer


def test_a_question_the_writer_quotes_themselves_saying_is_not_their_question():
    from clearair.advise.questions import find_questions

    text = ("I lead a small support team. On Friday, in front of everyone, I said to Aaliyah, \"How many times do I "
            "have to fix your tickets?\" She went quiet. How do I apologise properly?")
    assert [q.text for q in find_questions(text, text)] == ["How do I apologise properly?"]


def test_a_heading_before_the_question_is_not_part_of_it():
    from clearair.advise.questions import find_questions

    text = ("My supervisor shoved me into the racking on Monday in front of the loading crew. My questions: can I ask "
            "Tomasz to back me up? And how long do they keep the camera footage?")
    assert find_questions(text, text)[0].text == "can I ask Tomasz to back me up?"


def test_before_a_hearing_a_question_of_what_to_write_and_of_a_witness_gets_both_answers():
    q = _answer_to("I coach gymnastics at a leisure centre. A parent has complained that I pulled her daughter off the "
                   "beam too roughly when she was about to fall, and the centre manager says there will be an "
                   "investigation and I must write a statement by Monday. Another coach, Ifeoma, saw it happen. "
                   "What should I write in my statement, and can I ask Ifeoma to give a statement too?", "Ifeoma")
    assert "Answer honestly" in q.answer and "As for a statement from someone who saw it" in q.answer
