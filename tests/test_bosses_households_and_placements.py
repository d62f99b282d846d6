"""Shapes a retired holdout (hold-51) and red team 45 showed misread: a management team above the writer's own
manager is not that manager; "the director of nursing is Mr Okafor" names the director; "one of the guys from sales"
is a coworker; the family or woman a nanny works for employs her; whoever the writer assists, the people leading
their project, the teacher a student is placed with, are over them; a teacher with an aide directs the aide; "one of
the mothers" at a daycare is someone it serves. A dismissed employee gets no coaching or "their manager"; a writer
meeting their manager about their own mistake is told what to expect. Letters written here."""

from __future__ import annotations

import pytest

from clearair import analyze
from parties_read import holder, people, role_of_other_side


def test_a_management_team_above_the_writers_own_manager_is_not_that_manager():
    parties = people("Since the takeover the new management team have cut our breaks and changed the rota every "
                     "week without warning. My own manager, Priya, is on our side but says her hands are tied.")
    assert holder(parties, "management team")[0] == "skip_level"
    assert holder(parties, "Priya")[0] == "manager"
    assert "management team" not in holder(parties, "Priya")[1]


def test_a_director_named_by_is_and_a_title_is_one_person():
    parties = people("I work on a busy medical ward. My manager is Grace, the director of nursing is Mr Adeyemi, and "
                     "a new porter started last month. Mr Adeyemi shouted at me on the ward round in front of "
                     "patients.")
    director = holder(parties, "the director of nursing")
    assert director[0] == "skip_level" and "Mr Adeyemi" in director[1]
    assert not any(role == "other" for role, _ in parties.values())


def test_one_of_the_guys_from_sales_is_a_coworker():
    parties = people("I sent out a quote with last year's prices by mistake. Since then one of the guys from sales "
                     "keeps calling me 'bargain bin' in the canteen and everyone laughs along.")
    assert holder(parties, "one of the guys from sales")[0] == "peer"


def test_one_woman_on_the_writers_team_stays_their_report():
    """A guard: "on it" is no department ("from IT")."""
    report = analyze("I manage a team of nine, and one woman on it sighs loudly whenever I speak in our stand-ups "
                     "and then questions every decision I make in front of the others. What do I do?")
    assert role_of_other_side(report) == "direct_report"


def test_the_woman_a_nanny_works_for_is_her_employer():
    report = analyze("I work as a nanny for a woman who runs a flower shop. She gave me some plants from the shop as "
                     "a thank-you, then took their price out of my pay without asking. When I raised it she said I "
                     "had agreed. How do I get the money back?")
    assert role_of_other_side(report) == "manager"


def test_a_family_a_nanny_works_full_time_for_employs_her():
    parties = people("I work full time as a nanny for a family with three children. The dad keeps changing my hours "
                     "the night before and then complains when I can't stay late.")
    assert holder(parties, "The dad")[0] == "manager"
    assert "a family" in holder(parties, "The dad")[1]


def test_the_head_the_writer_assists_is_their_boss():
    parties = people("For six years I was the personal assistant to the head of a large college. After I questioned "
                     "one of his decisions he stopped speaking to me and gave my work to a temp.")
    assert holder(parties, "the head")[0] == "manager"


def test_one_of_the_people_leading_the_project_is_over_the_writer():
    parties = people("I joined a new project last month, and one of the people leading the project ignores my "
                     "messages and only answers the others. I don't know if my work is any good to her.")
    assert holder(parties, "one of the people leading the project")[0] == "manager"


def test_the_teacher_a_student_is_placed_with_supervises_them():
    parties = people("I'm a trainee teacher and for six weeks I was placed with one particular teacher at a primary "
                     "school. She told my university I was often late, which is not true, and now I may fail.")
    assert holder(parties, "one particular teacher")[0] == "manager"


def test_a_teacher_with_an_aide_directs_the_aide():
    report = analyze("For three years I had an aide who worked in my classroom every morning. I found out she has "
                     "been telling the other staff that I am lazy and leave the hard children to her. How do I "
                     "deal with her?")
    assert role_of_other_side(report) == "direct_report"
    assert next(f.value for f in report.factors if f.name == "narrator_is_manager") is True


def test_one_of_the_mothers_at_a_daycare_is_someone_it_serves():
    parties = people("I work at a daycare over the summer. One of the mothers told the manager I was rude to her at "
                     "pickup, which never happened, and now she glares at me every afternoon.")
    assert holder(parties, "One of the mothers")[0] == "customer"


def test_a_dismissed_worker_is_not_coached_or_taken_to_a_manager():
    report = analyze("I own a small bakery. I let one of my bakers, Rory, go in May after he stole from the till. "
                     "Now he sits in his car across the road when my youngest worker, who is sixteen, finishes her "
                     "shift, and he posts lies about us online. My staff keep asking me what I will do.")
    top = report.top_actions(5)
    assert not {"ESCALATE_THEIR_MANAGER", "COACH_REPORT", "MANAGE_PERFORMANCE"} & set(top)


def test_a_meeting_about_the_writers_own_mistake_is_described():
    report = analyze("I'm a pharmacy assistant. Last Friday I gave a customer the wrong strength of her inhaler, "
                     "because I didn't check the label. I told the pharmacist straight away, we called her back and "
                     "she was fine. Now I have a meeting with the manager on Monday. What should I expect?")
    assert "fact-finding" in (report.answer or report.offline_answer)


def test_how_to_say_no_to_a_late_request_gets_words():
    report = analyze("My coworker Priyanka keeps asking me to finish bits of her reports at half past five, just as I "
                     "am leaving to collect my son. How do I say no to her without it being awkward?")
    answer = report.answer or report.offline_answer
    assert "I can't take that on" in answer


@pytest.mark.xfail(strict=True, reason="a name said once in the possessive (\"Marisol's accent\") is a party now "
                   "(parties.theirs_acted_on), but the chooser still takes the manager she went to for the other "
                   "side, so the apology's words go to \"[their name]\"")
def test_someone_named_only_by_what_is_theirs_is_named_in_the_words():
    report = analyze("At the team lunch I did an impression of Marisol's accent for a laugh and everyone joined in. "
                     "Now she won't look at me and I think she went to our manager. I thought it was harmless. How do "
                     "I handle the meeting on Friday?")
    words = " ".join(s.text for s in report.scripts)
    assert "Marisol" in words and "[their name]" not in words


def _pattern(report) -> bool:
    return next(f.value for f in report.factors if f.name == "pattern")


def test_a_change_kept_up_since_a_month_is_a_pattern():
    report = analyze("In February I reported my shift lead Marcus to HR for falsifying the fridge temperature logs. "
                     "Since March Marcus has given me only closing shifts and takes me off the rota for the busy "
                     "weekends. Can I do anything about it?")
    assert _pattern(report) is True


def test_lateness_in_three_named_months_is_a_pattern():
    report = analyze("My supervisor Dana now copies her own boss into everything she sends me. I admit my stock counts "
                     "were late in January, April and June, but nobody else covers my two sites. How do I get her to "
                     "trust me again?")
    assert _pattern(report) is True


def test_a_nanny_is_not_sent_above_the_family_and_gets_an_answer_on_pay():
    report = analyze("I'm a nanny for a family with three kids and I've been with them two years, paid cash with no "
                     "contract. The dad now has me cleaning the whole house and doing the shopping as well, for the "
                     "same money. How do I bring up pay and hours without losing the job?")
    assert not any("above them" in t.text for t in report.revisit_if)
    assert "written terms" in (report.answer or report.offline_answer)


def test_will_it_look_petty_is_answered():
    report = analyze("My coworker Dev keeps presenting the dashboards I build as his own in the Monday meeting, and "
                     "our manager Alison praised him for the last one. Should I tell Alison or will it look petty?")
    assert "need not look petty" in (report.answer or report.offline_answer)


def _severity(report) -> str:
    return next(f.value for f in report.factors if f.name == "severity")


def test_late_night_texts_asking_what_she_wears_are_serious():
    report = analyze("My supervisor Gary has started messaging me late. Last night he sent one at 12:30am asking what "
                     "I was wearing and saying he can't stop thinking about me. I just ignore them. Should I keep "
                     "ignoring it?")
    assert _severity(report) == "serious"
    assert "TALK_DIRECT" not in report.top_actions(3)


def test_lying_awake_is_no_lie():
    report = analyze("My manager Ines used to chat with me every morning and now she only nods. Nothing has been said "
                     "and my last review was good, but I keep lying awake worrying I'm about to be let go. Am I "
                     "overreacting?")
    assert _severity(report) != "serious"
    assert not any(i.act == "lie" for i in report.situation.incidents)


def test_new_owners_above_a_kind_manager_are_not_that_manager():
    parties = people("Since the new owners took over the cafe they have cut our hours and stopped paying breaks. My "
                     "manager Rosa is lovely and has argued with them for us, but she says her hands are tied.")
    assert holder(parties, "the new owners")[0] == "skip_level"
    assert "the new owners" not in holder(parties, "Rosa")[1]


def test_a_live_in_nannys_employer_is_the_mum():
    parties = people("I'm a live in nanny for a family with twin boys, hired by the mum, Priya, without an agency. She "
                     "keeps asking me to work Saturdays for no extra pay.")
    assert holder(parties, "the mum")[0] == "manager"


def test_a_lad_let_go_is_a_former_employee():
    parties = people("I run a small garage with two mechanics. I let go of one lad, Callum, in June after he damaged a "
                     "customer's car and lied about it. Now he waits outside when we close.", is_manager=True)
    assert holder(parties, "Callum")[0] == "other"


def test_refusing_service_because_of_a_turban_is_serious():
    report = analyze("I work on the tills in a supermarket and one regular customer refuses to be served by me because "
                     "of my turban, saying it loudly so the queue hears. My team leader just moves me to the shelves. "
                     "Should I let it go?")
    assert _severity(report) == "serious"


def test_a_writer_reported_to_hr_is_not_sent_to_the_colleague_who_raised_it():
    report = analyze("There's a woman on my shift, Aisha, and I sometimes copy the way she talks on calls for a laugh. "
                     "Today my supervisor told me Aisha had \"raised something\" and HR wants to talk to me on Friday. "
                     "I think she's being oversensitive. How do I defend myself?")
    assert report.situation.under_review
    assert not any(s.kind == "opener" for s in report.scripts)
