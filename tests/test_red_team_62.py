"""Red teams 61 and 62 and blind panel 46 (letters written fresh here): a writer who asks whether to own up to a
missed dose or a falsified log is told yes, and leaving it is not advised; religious mockery, bruises on someone in
a family's care, an adult messaging children in secret, misrecorded money, following someone to their caravan are
read from what happened; a push "with his hand on my chest" is no sexual conduct, and late-night messages alone are
not written up as sexual remarks; options in lettered, numbered, "Option A" and comma lists are each judged, and
going back to the person pressing the writer, named by their post, is not advised; a pasted thread whose opening
post has its own "wrote:" line is read from that post; "Am I just being a grump?", "Where's the line?" and "Should I
pay her back?" get answers of their own."""

from clearair.advise.notes import ADULT_SAFETY_NOTE, GROOMING_NOTE
from clearair.extract import lexicon
from clearair.intake import build_document
from clearair.pipeline import analyze


def _factor(report, name):
    return {f.name: f.value for f in report.factors}[name]


def _verdicts(report):
    return {v.option.lower(): v.verdict for v in report.option_verdicts}


def test_asking_whether_to_own_up_to_a_missed_dose_puts_leaving_it_off_the_table():
    report = analyze("I work nights on a surgical ward. On Tuesday I got pulled away mid drug round and I never went "
                     "back and signed for a patient's insulin, so it looked missed. The agency nurse who took the bay "
                     "after me got the blame and was spoken to by the sister. The patient is fine. Should I tell the "
                     "sister it was me, or leave it?")
    assert _factor(report, "writer_fault") in ("partly", "mainly")
    leave = [v for v in report.option_verdicts if v.action in ("LET_GO", "WAIT")]
    assert leave and all(v.verdict == "not advised" for v in leave)


def test_asking_whether_to_tell_the_truth_about_a_falsified_visit_log_is_answered_yes():
    report = analyze("I'm a domiciliary carer. Yesterday I was so far behind that I skipped the lunchtime call to an "
                     "elderly man and logged it as done on the app, meaning to go back later. His neighbour found him "
                     "without his tablets in the evening. My coordinator wants to see me on Monday. Should I tell "
                     "them the truth?")
    asked = next(q for q in report.questions if "truth" in q.text)
    assert asked.answer.startswith("Yes")


def test_mocking_a_workers_religion_is_read_from_what_happened():
    for said in ('My manager calls me "Osama" when the waiters are around.',
                 "When I pray in my break he makes goat noises outside the door and they all laugh.",
                 "Last week he put ham in my sandwich and said oops."):
        assert "identity_remarks" in {h.kind for h in lexicon.find("conduct", said)}, said


def test_marks_on_a_parent_a_family_carer_looks_after_bring_the_safeguarding_note():
    report = analyze("We employ a carer privately to look after my dad, who has Parkinson's, three afternoons a week. "
                     "On Friday I found bruises on his wrists and he flinched when she came in. She says he fell "
                     "against the table. I don't know whether to let her go or give her another chance. What should "
                     "I do?")
    assert ADULT_SAFETY_NOTE in report.notes
    assert "LET_GO" not in report.top_actions()[:3]


def test_an_adult_messaging_children_in_secret_is_a_safeguarding_concern_with_its_own_whom():
    report = analyze("I help run a youth swimming club as a volunteer. One of the coaches has been messaging some of "
                     "the girls privately late at night, and one told me he asked her not to tell her mum. The club "
                     "secretary is his wife. Who do I even tell about this?")
    assert GROOMING_NOTE in report.notes
    asked = next(q for q in report.questions if "who" in q.text.lower())
    assert "safeguarding" in asked.answer


def test_being_pressed_to_record_money_as_something_it_was_not_is_serious():
    report = analyze("I keep the books for a small charity as a volunteer. The chair asked me last month to record a "
                     "£1,800 transfer as stationery when it was really a loan to his son's business, and said nobody "
                     "needs to know. It hasn't been paid back. What should I do?")
    assert _factor(report, "severity") == "serious"


def test_being_followed_back_to_ones_caravan_is_physical_intimidation():
    kinds = {h.kind for h in lexicon.find("conduct", "The supervisor followed me from the canteen back to my caravan "
                                                     "again last night and stood outside for an hour.")}
    assert "physical_intimidation" in kinds


def test_a_push_with_a_hand_on_the_chest_is_no_sexual_conduct():
    kinds = {h.kind for h in lexicon.find("conduct", "When I asked for my wages he pushed me into the shelves with "
                                                     "his hand on my chest and told me to get out.")}
    assert "unwanted_sexual" not in kinds and "physical_intimidation" in kinds


def test_late_night_messages_alone_are_not_called_sexual_remarks():
    report = analyze("I volunteer at a charity shop. The manager has started waiting by my car after closing, and he "
                     "messages me late at night asking what I'm up to. He does the rota so I can't avoid him. I don't "
                     "know what to do.")
    assert not any("sexual remarks" in s.text for s in report.scripts)


def test_options_in_a_lettered_list_are_judged_one_by_one():
    report = analyze("Our practice manager told me to backdate the fridge temperature checks I never did for last "
                     "month before the inspection. I'm thinking either (a) talk to her again, (b) go to the partners, "
                     "(c) ring the regulator. What would you do?")
    verdicts = _verdicts(report)
    assert len(verdicts) == 3 and verdicts["talk to her again"] == "not advised"


def test_options_listed_with_commas_and_no_or_are_each_judged():
    report = analyze("My supervisor has shouted at me in front of customers three times this month and called me "
                     "useless. I've been thinking: talk to the store manager, ring the union, just put up with it "
                     "until Christmas. What would you do?")
    verdicts = _verdicts(report)
    assert "ring the union" in verdicts and any(o.startswith("just put up with it") for o in verdicts)


def test_option_a_and_option_b_on_their_own_lines_are_two_options():
    report = analyze("I manage a small team and one of my developers, Ravi, missed the release deadline again and "
                     "blamed the testers in front of the client.\nOption A: talk to Ravi privately this week.\n"
                     "Option B: give him a written warning.\nWhich is better?")
    assert len(report.option_verdicts) >= 2


def test_going_back_alone_to_the_person_pressing_for_false_records_is_not_advised():
    report = analyze("The volunteer treasurer role at our church is mine. The vicar asked me to record a £900 payment "
                     "as roof repairs when it was really for his holiday, and said the parish council need not know. "
                     "I could talk to the vicar again, or write to the parish council. Which is right?")
    verdicts = _verdicts(report)
    again = next(v for o, v in verdicts.items() if "vicar" in o)
    assert again == "not advised"


def test_a_pasted_thread_is_read_from_its_opening_post_not_its_title():
    thread = ("Forum: Retail staff > Problems at work\nThread: manager changed my shifts\n\n"
              "tillgirl_22 wrote:\nI've worked at the same shop for three years. After I told the area manager that "
              "our store manager shouts at the young staff, my shifts went from four days to one. Can they do that? "
              "Should I complain again?\n\n"
              "bob_k wrote:\nYou should look for another job, mate.\n")
    doc = build_document(thread)
    assert "three years" in doc.segment_text(doc.letter)
    assert "Thread:" not in doc.segment_text(doc.letter)


def test_am_i_just_being_a_grump_after_asking_once_is_answered_no():
    report = analyze("My desk neighbour hums and taps his pen all day, even when I'm on calls, and chats loudly about "
                     "his weekend while I'm writing reports. I asked him nicely once to keep it down and it lasted a "
                     "day. Am I just being a grump?")
    asked = next(q for q in report.questions if "grump" in q.text)
    assert asked.answer.startswith("No: it is fair")


def test_wheres_the_line_beside_another_question_gets_an_answer_of_its_own():
    report = analyze("My desk neighbour chats to me about her weekend for twenty minutes every morning while I'm "
                     "trying to start work, and asks a lot of personal questions. I've hinted but she hasn't noticed. "
                     "Am I being rude if I say something? And where's the line between friendly and too much?")
    asked = next(q for q in report.questions if "line" in q.text)
    assert asked.answer and "line" in asked.answer


def test_a_writer_who_took_money_from_someones_pay_asked_whether_to_pay_it_back_is_told_yes():
    report = analyze("I shouted at our cleaner last week when she broke a lamp, I was really rude to her, and I "
                     "took £40 off her pay for it. She hasn't come back since. I know I overreacted. Should I pay her "
                     "the money back?")
    asked = next(q for q in report.questions if "back" in q.text)
    assert asked.answer.startswith("Yes")


def test_a_head_of_department_manages_the_teachers():
    report = analyze("I'm head of maths at a secondary school. One of my teachers told me another teacher in the "
                     "department keeps mocking her stammer in the staffroom. How should I handle it?")
    assert _factor(report, "narrator_is_manager") is True


def test_a_manager_asking_to_move_someone_off_a_project_after_their_complaint_is_warned():
    report = analyze("I run a design team of six. Last month one of my designers, Kofi, complained to HR that I give "
                     "the best clients to my favourites; HR found nothing. Now he is cold with me and I don't trust "
                     "him. Can I take him off the Hartley account and give it to someone else?")
    asked = next(q for q in report.questions if "take him off" in q.text)
    assert "victimisation" in asked.answer


def test_will_they_fire_me_is_a_question_about_the_writers_risk_not_an_option():
    report = analyze("I made a joke about a new colleague's accent in our team chat and now HR has called me to a "
                     "meeting on Friday. I have already said sorry to her. Will they fire me for this?")
    asked = next(q for q in report.questions if "fire me" in q.text)
    assert not asked.answer.startswith("No")


def test_do_i_owe_her_sorry_in_plain_words_is_a_question_about_apologising():
    report = analyze("I laughed with the others when a new cleaner dropped a tray and I called her clumsy in front "
                     "of the guests. She was upset and now she avoids me on shift. Do I owe her sorry?")
    asked = next(q for q in report.questions if "sorry" in q.text)
    assert asked.answer.startswith("Yes")


def test_marks_on_both_arms_of_a_resident_a_carer_saw_bring_the_safeguarding_note():
    report = analyze("I'm a night carer in a nursing home. A colleague is rough with a resident who has dementia: she "
                     "pins his hands when she changes him and last week he had purple marks on both arms. Our unit "
                     "manager is her close friend. I'm thinking of just saying nothing. What should I do?")
    assert ADULT_SAFETY_NOTE in report.notes
