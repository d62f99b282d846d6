"""Blind panel 47's first complaint was who is who: the writer's own post read as a coworker who bullied them, the
bully read as a patient, an HR representative's colleague read as their report, a colleague elsewhere in the firm
read as a customer, and a "you manage people" that rested on "I manage a computer system". Also its questions
left unanswered: why someone did it, and whether others have been through it. Letters written for these tests."""

from __future__ import annotations

from clearair import analyze
from clearair.advise.questions import asks_for_words, rhetorical
from clearair.models import Question
from clearair.render.view import unanswered


def _party(report, role=None, key=None):
    return next((p for p in report.situation.parties if (role is None or p.role == role)
                 and (key is None or p.id == key)), None)


def _other_side(report):
    return report.situation.party(report.situation.counterpart)


def _factor(report, name):
    return next(f.value for f in report.factors if f.name == name)


def test_the_writers_own_post_said_again_is_the_writer_and_he_is_the_other_nurse():
    report = analyze("Last night I was the charge nurse on the surgical ward. I kept two patients and gave the other "
                     "nurse three. He lost his temper and yelled that I was lazy, right at the nurses' station in "
                     "front of the porters. Who made him the one who decides what the charge nurse takes on?")
    mentions = [m.lower() for p in report.situation.parties for m in p.mentions]
    assert "the charge nurse" not in mentions
    them = _other_side(report)
    assert them is not None and them.role != "customer"
    assert any("nurse" in m.lower() for m in them.mentions)


def test_the_head_of_the_section_beside_a_direct_supervisor_is_the_level_above():
    report = analyze("I work in a records office of a city council. The head of my section shouts at me in front of "
                     "the whole office and calls my work useless. My direct supervisor gets the same treatment "
                     "and says nothing. I'm thinking of applying for a transfer.")
    them = _other_side(report)
    assert them is not None and them.role == "skip_level"
    assert any("head of my section" in m.lower() for m in them.mentions)
    boss = _party(report, role="manager")
    assert boss is not None and any("direct supervisor" in m.lower() for m in boss.mentions)


def _holding(report, words):
    return next(p for p in report.situation.parties if any(words in m.lower() for m in p.mentions))


def test_one_of_our_salesmen_is_the_writers_report_only_when_the_writer_manages():
    report = analyze("I work in HR at a software firm. A woman in accounts told me that one of our senior salesmen "
                     "keeps making remarks about her body when he comes to her desk, but she asked me not to act.")
    him = _holding(report, "one of our senior salesmen")
    assert him.role != "direct_report"
    assert not any("woman" in m.lower() for m in him.mentions)  # two people, never one "peer"
    report = analyze("I manage the sales team at a software firm. One of our senior salesmen keeps missing his "
                     "targets and then blames the leads he is given in front of the whole team.")
    assert _holding(report, "one of our senior salesmen").role == "direct_report"


def test_managing_a_system_is_not_managing_people():
    report = analyze("I manage a booking system that staff across the company use. A woman from the finance team "
                     "was rude to me on the phone about a bug, so I complained to her boss, who forwarded my email "
                     "to her.")
    assert _factor(report, "narrator_is_manager") is False
    report = analyze("I manage a team of six in a call centre. One of them is rude to the others on the phone and "
                     "I have spoken to him twice about it already this month.")
    assert _factor(report, "narrator_is_manager") is True


def test_a_colleague_from_another_department_is_named_and_is_not_a_customer():
    report = analyze("I run the internal help desk. Last week a user from another department, I'll call her Dana, "
                     "swore at me over a slow laptop. I mentioned it to her manager and now she ignores me.")
    them = _other_side(report)
    assert them is not None and them.role != "customer"
    assert "Dana" in report.offline_answer and "the other department" not in report.offline_answer


def test_a_trustee_reads_this_manager_as_the_one_complained_about():
    report = analyze("I'm a volunteer trustee of a small food bank. A complaint has come in about one of our "
                     "managers: this manager is said to have shouted at a volunteer in front of the clients. I "
                     "would like to handle it kindly rather than through a disciplinary.")
    them = _other_side(report)
    assert them is not None and them.role == "direct_report"
    assert any("this manager" in m.lower() for m in them.mentions)


def test_another_councillor_is_a_peer_to_a_councillor():
    report = analyze("I'm a parish councillor in a small village. Another councillor shouted at me after the "
                     "meeting about the playground budget, in front of two residents, and now posts about me online.")
    assert _factor(report, "counterpart_role") == "peer"


def test_why_they_did_it_and_whether_others_have_been_through_it_are_answered():
    report = analyze("My coworker took my slides and presented them to the director as her own work last Monday. "
                     "Why would anyone do that to a colleague they sit beside? Has anyone else been through this? "
                     "How do I handle it?")
    answer = report.offline_answer
    assert "Only they can say for sure" in answer
    assert "far from the first" in answer
    # what to do is answered first; the kind words come after it
    assert answer.index("How do I handle it") < answer.index("Only they can say for sure")
    assert not any("Why would anyone" in q for q in unanswered(report))


def test_a_question_that_only_vents_is_not_listed_as_unanswered():
    report = analyze("I was the shift lead on Saturday and gave a colleague the till. She refused and argued with "
                     "me in front of customers for ten minutes. Since when does a cashier decide the rota? What "
                     "should I do?")
    assert rhetorical(Question(text="Since when does a cashier decide the rota?"))
    assert not any(q.startswith("Since when") for q in unanswered(report))


def test_how_do_i_say_it_asks_for_words():
    assert asks_for_words("How do I say it without sounding petty?")
    assert asks_for_words("And if I do talk to her, what would I say?")
    assert not asks_for_words("How do I stop it happening again?")


def _learned_fault(text: str, word: str, confidence: float = 0.7):
    from clearair.extract import read
    from clearair.intake import build_document
    from clearair.knowledge.factors import FACTORS
    from clearair.models import Evidence, FactorReading
    reading = read(build_document(text))
    start = text.index(word)
    end = text.index(".", start) + 1
    factor = FactorReading(name="writer_fault", title=FACTORS["writer_fault"].title, value="partly",
                           text=FACTORS["writer_fault"].say("partly"), confidence=confidence, source="learned",
                           evidence=[Evidence(start=start, end=end, text=text[start:end])])
    return [factor], reading


def test_trying_to_sort_it_out_is_no_fault_of_the_writers():
    from clearair.advise.reread import reread
    text = ("I manage a team of five. Two of my reports, who share a desk, stopped speaking after a row at a party. "
            "I spoke to each of them separately and then met with them both together. The sniping started again.")
    factors, reading = _learned_fault(text, "I spoke to each")
    assert reread(factors, reading)[0].value == "none"
    text = ("I manage a team of five. One of my reports missed a deadline last week. I spoke to her sharply in front "
            "of the whole team and she has been cold with me ever since.")
    factors, reading = _learned_fault(text, "I spoke to her sharply")
    assert reread(factors, reading)[0].value == "partly"
    # a sure reading stands
    factors, reading = _learned_fault("I manage a team of five. Two of my reports stopped speaking after a row. I "
                                      "spoke to each of them separately and then met them both together.",
                                      "spoke to each", confidence=0.9)
    assert reread(factors, reading)[0].value == "partly"
