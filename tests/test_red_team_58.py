"""Red team 58's findings (letters written fresh here): workers of an outside firm and a councillor are outside the
writer's lines; a manager who plays football with the other side is tied to them; "Do I tell my manager?" says
nothing of how the manager acts; a boss who calls a client "a good client" is not thereby on the writer's side."""

from clearair.pipeline import analyze


def _values(report):
    return {f.name: f.value for f in report.factors}


def test_workers_from_an_outside_firm_are_the_other_side_not_the_office_manager():
    report = analyze("Some scaffolders from an outside company are working on our building this month. Each morning "
                     "two of them shout comments about my body when I go in, and one blocked the gate until I smiled. "
                     "My office manager says they're not our people so there's nothing he can do. Is that right?")
    assert _values(report)["counterpart_role"] == "other"
    assert report.situation.counterpart not in ("manager",)


def test_a_councillor_who_leans_on_an_officer_is_outside_their_lines():
    report = analyze("I'm an officer in the housing team at the council. A ward councillor keeps phoning me to push "
                     "his constituents up the list and says he'll remember who was helpful at budget time. My team "
                     "leader shrugs it off. What should I do?")
    assert _values(report)["counterpart_role"] == "other"


def test_a_manager_who_plays_football_with_the_other_side_is_tied_to_them():
    report = analyze("A lad on my shift, Tony, keeps hiding my tools and calling me names in front of the others. I "
                     "told our supervisor Dean and he laughed and said Tony is only messing. Dean plays football with "
                     "Tony every Sunday. It's been three months now. What can I do?")
    assert report.situation.manager_tied


def test_asking_whether_to_tell_the_manager_says_nothing_of_how_the_manager_acts():
    report = analyze("Someone keeps leaving notes on my windscreen in the staff car park saying they like watching "
                     "me leave. It's happened four times this month and I'm frightened to walk out alone. Should I "
                     "tell my manager or is that overreacting?")
    assert _values(report)["own_manager"] == "unknown"


def test_a_boss_who_calls_a_client_good_is_not_thereby_on_the_writers_side():
    report = analyze("I'm a hairdresser. One of my regular clients keeps stroking my arm while I cut his hair and last "
                     "week he was waiting outside when I locked up. My boss said he's a really good client and always "
                     "pays up front. Should I just keep doing his appointments?")
    assert _values(report)["own_manager"] != "supportive"


def test_whether_to_keep_serving_someone_whose_conduct_is_serious_is_answered_no():
    report = analyze("I'm a hairdresser. One of my regular clients keeps stroking my arm while I cut his hair and last "
                     "week he was waiting outside when I locked up. Should I just keep doing his appointments?")
    asked = next(q for q in report.questions if "appointments" in q.text)
    assert asked.verdict == "no" and asked.answer.startswith("No: you do not have to go on alone")


def _answer_to(report, words):
    return next(q for q in report.questions if words in q.text)


def test_questions_of_right_about_cut_hours_and_discrimination_are_answered_as_such():
    report = analyze("I'm 61 and work on the checkouts. Since the new store manager came, the three of us over 60 have "
                     "had our hours cut from 30 to 16 while the students kept theirs. She said we'd probably prefer "
                     "to take it easy at our age. My contract says 30 hours. Can they cut my hours like this? Is "
                     "this age discrimination?")
    assert _answer_to(report, "cut my hours").answer.startswith("Usually not on their own")
    assert _answer_to(report, "discrimination").answer.startswith("It may be.")


def test_passengers_on_board_a_coach_are_not_a_ship():
    report = analyze("I'm a second driver on a tour coach. Our lead driver skipped the tyre check before we left the "
                     "hotel because we were late and told me to tick the sheet. We had 50 passengers on board. He "
                     "is close with the depot manager. What do I do about the sheet I ticked?")
    words = " ".join([report.offline_answer, *(s.text for s in report.scripts), *(r.text for rec in
                                                                               report.recommendations
                                                                               for r in rec.reasons)])
    assert "master" not in words and "ashore" not in words


def test_a_complaint_made_against_the_writer_is_a_process_with_someone_to_bring():
    report = analyze("HR emailed to say a complaint of rudeness has been made against me by a colleague and I have a "
                     "meeting on Monday. I think it's Sam, who I told off in front of a customer last week. I know I "
                     "was short with her. How do I prepare? Can I bring someone with me?")
    assert report.situation.under_review
    assert _answer_to(report, "bring someone").verdict == "yes"
    assert "TALK_DIRECT" not in report.top_actions(3)


def test_a_report_who_gives_a_health_reason_is_heard_before_any_formal_step():
    report = analyze("I run the kitchen at a care home. We're moving to a rota where everyone takes turns on the heavy "
                     "pot wash. One of my cooks, Bernie, refuses and says his shoulder can't take the scrubbing, and "
                     "now he's moaning to the others that it's a way to push the older staff out. How do I handle "
                     "him?")
    assert report.situation.their_health
    assert "MANAGE_PERFORMANCE" not in report.top_actions(3)


def test_the_words_do_not_say_we_talked_before_when_only_the_other_side_told_someone():
    report = analyze("My colleague Dev keeps taking credit for what I do. Last month I built the sales dashboard and "
                     "in the review he said \"so I pulled this together\". Last Thursday I fixed the stock count and "
                     "he told our manager \"we caught it\" and I wasn't copied in. Yesterday he showed my slides at "
                     "the huddle as his. It's small each time and I feel petty. We sit together and get on otherwise. "
                     "How do I deal with this without keeping score?")
    assert not any("talked about" in s.text for s in report.scripts)


def test_a_dropped_needle_used_on_a_patient_is_a_danger_to_report():
    from clearair.advise.notes import HAZARD_NOTE
    report = analyze("I'm a veterinary nurse. This morning the vet I assist dropped a used needle on the floor, picked "
                     "it up and carried on injecting the same dog. The owner was watching. He's the practice owner. I "
                     "froze and said nothing. What should I do now?")
    assert HAZARD_NOTE in report.notes


def test_whether_to_put_it_in_writing_is_answered():
    report = analyze("Two of the lads in my crew had a shouting match in the yard over who left the van unlocked, and "
                     "one pushed the other. They've both calmed down and say it's sorted. I'm their foreman. "
                     "Do I need to put this in writing?")
    asked = next(q for q in report.questions if "writing" in q.text)
    assert "keep it in writing" in asked.answer


def test_saying_the_two_get_on_well_is_no_fault_of_the_writers():
    from clearair.advise.safety import about_the_writer
    from clearair.models import Evidence, FactorReading
    text = "It is a small office and we get on well otherwise."
    reading = FactorReading(name="writer_fault", title="t", value="mainly", text="t", confidence=0.6,
                            evidence=[Evidence(start=0, end=len(text), text=text)])
    assert not about_the_writer(reading)


def test_the_writers_verdict_on_someone_is_not_put_in_a_formal_note():
    from clearair.advise.told import what_happened
    from clearair.extract import extract, read
    from clearair.extract.lexicon import Hit
    from clearair.intake import build_document
    text = ("My supervisor Gary screamed at me in front of the whole loading bay on Tuesday. He is a truly despicable "
            "man. I want to report him. What should I put in the complaint?")
    document = build_document(text)
    reading = read(document)
    at = text.index("despicable")
    lines = what_happened(reading, extract(document, reading), [Hit(kind="menacing_words", start=at, end=at + 10)], [])
    assert not any("despicable" in e.text for e in lines)
