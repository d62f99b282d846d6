"""A writer's own mistake and what they fear, told apart from what is done to them: a possible double dose not yet
told is answered "tell the nurse now", never "keep an eye on him"; a carer terrified of the meeting after an error
she reported is not told "nobody should have to put up with it"; "Is this bullying?" after months of the writer's
own lateness is not read as serious conduct from the question's own word; small signs from a manager get a plain
"perhaps a little"; someone waiting outside for a worker after her shift is a safety matter. Letters written here
(red team 45's shapes).
"""

from __future__ import annotations

from clearair import analyze


def test_a_possible_double_dose_not_yet_told_is_answered_tell_the_nurse_now():
    report = analyze("I'm a night carer in a care home. Twenty minutes ago I think I gave Mrs D her heart tablets "
                     "twice: the pot was on the trolley and the chart was already signed by the evening staff. She is "
                     "asleep. I haven't told the nurse because she already thinks I'm slow. Should I just keep an eye "
                     "on her and say nothing?")
    assert report.offline_answer.startswith("Before anything else, today")
    assert "“Should I just keep an eye on her and say nothing?” No: tell the nurse" in report.offline_answer
    assert all(v.verdict == "not advised" for v in report.option_verdicts if "say nothing" in v.option)


def test_fear_of_the_meeting_after_a_reported_error_is_not_conduct_done_to_the_writer():
    report = analyze("I'm a care assistant on a dementia unit. On Friday I gave Mr K his evening tablets twice because "
                     "I didn't look at the chart, and the senior had already given them. I told the nurse straight "
                     "away, the doctor on call checked him and he was fine, and it's been written up. Now I have a "
                     "meeting with the unit manager on Wednesday and I'm terrified I'll lose my job. What will happen?")
    assert "nobody should have to put up with it" not in report.offline_answer
    assert report.recommendations[0].action not in ("HR_FORMAL", "ESCALATE_THEIR_MANAGER")


def test_is_this_bullying_after_months_of_the_writers_own_lateness_is_no_serious_conduct():
    report = analyze("My supervisor keeps reminding me about my mileage claims, and honestly I have been late with my "
                     "mileage claims for five months now. Last week she copied the finance lead on the reminder and I "
                     "felt embarrassed. Is this bullying? Should I complain to HR about her?")
    assert "It may well be" not in report.offline_answer
    assert next(f for f in report.factors if f.name == "severity").value != "serious"


def test_small_signs_from_a_manager_get_a_plain_perhaps_a_little():
    report = analyze("My manager Sofia didn't say hello to me this morning, though she said it to the others, and "
                     "her reply to my leave request was one word where she usually writes a line. My last appraisal "
                     "was good and nothing has changed that I know of. Am I overreacting?")
    assert "“Am I overreacting?” Perhaps a little" in report.offline_answer


def test_someone_waiting_outside_for_a_worker_after_her_shift_is_a_safety_matter():
    report = analyze("I run a small bakery with five staff. A man who used to deliver our flour has started coming "
                     "in most mornings and staring at Keira, who is 16 and works Saturdays, and on Saturday he waited "
                     "outside until she finished. She was frightened. What should I do?")
    assert any(n.startswith("Someone waiting for a worker after their shift is a safety matter") for n in report.notes)


def test_a_label_the_writer_only_asks_about_is_no_finding_but_one_they_tell_is():
    asked = analyze("My team lead reminds me every Friday to update the project tracker, and last week she copied our "
                    "manager because I had skipped it three weeks running. Is this harassment? Should I report her?")
    told = analyze("My team lead keeps harassing me with messages about my weekend plans, even after I asked her to "
                   "stop. Is this normal? Should I report her?")
    assert not any(t.kind == "harassment" for t in asked.situation.themes)
    assert any(t.kind == "harassment" for t in told.situation.themes)
