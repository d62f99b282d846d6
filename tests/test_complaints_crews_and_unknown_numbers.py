"""Readings from hold-59's misreadings and red team 57 (letters written fresh here): someone who brings the writer a
complaint is not the other side, the one complained of is; "one of my cleaners" and "my custodians" are staff the
writer runs, as is the shift a charge nurse runs; texts from "a number I don't know" come from someone the writer
cannot name; and an act inside what the writer is accused of is not done to them."""

from clearair.pipeline import analyze


def _other_side(report):
    return next(p for p in report.situation.parties if p.id == report.situation.counterpart)


def test_the_one_complained_of_is_the_other_side_not_the_one_who_complained():
    report = analyze("I supervise a small packing team. This morning one of my team, Marek, put in a written complaint "
                     "to me about a colleague, Tomasz, who he says keeps shoving past him at the line and calling him "
                     "names in Polish. Tomasz is one of my fastest packers. What do I do first?")
    assert "Tomasz" in _other_side(report).mentions


def test_what_a_complainant_says_after_a_complaint_is_named_points_to_the_one_complained_of():
    report = analyze("I'm the office administrator and I've been handed a grievance to look into. A junior sales "
                     "assistant, Nadia, says her line manager Colin keeps booking her onto every late shift since she "
                     "refused to go to his birthday drinks. I have never handled one of these before. Where do I "
                     "start?")
    assert "Colin" in _other_side(report).mentions


def test_a_patient_who_tells_the_writer_about_a_colleague_is_not_the_other_side():
    report = analyze("I am a receptionist at a small physiotherapy clinic. An elderly patient has told me that one of "
                     "our physios, Gavin, was rough with her shoulder and laughed when she winced. She did not want "
                     "to make a fuss. I like Gavin. How should I handle what she told me about my colleague?")
    assert _other_side(report).role != "customer"


def test_one_of_my_cleaners_is_someone_the_writer_runs():
    report = analyze("I look after the cleaning contract for three office blocks. One of my cleaners keeps moaning to "
                     "the tenants that the new trolleys are useless and that she is paid far too little, and the new "
                     "starter has begun copying her. How do I get her back on side?")
    role = {f.name: f.value for f in report.factors}["counterpart_role"]
    assert role == "direct_report"


def test_a_charge_nurse_runs_the_aides_on_her_shift():
    report = analyze("I'm working as charge nurse on a busy rehab ward. Last night I asked one of the aides to help a "
                     "patient to the toilet and he said he was on his break and walked off. The patient waited twenty "
                     "minutes. Should I have written him up there and then?")
    values = {f.name: f.value for f in report.factors}
    assert values["narrator_is_manager"] is True and values["counterpart_role"] == "direct_report"


def test_texts_from_a_number_the_writer_does_not_know_come_from_someone_unnamed():
    report = analyze("Since the summer I keep getting messages late at night from a number I don't recognise. They "
                     "mention what I wore on shift and who I talked to in the canteen, so it must be someone at work. "
                     "Yesterday one said I should be careful walking to my car. What should I do?")
    assert (report.situation.counterpart or "").startswith("unknown_sender")


def test_an_act_inside_what_the_writer_is_accused_of_is_not_done_to_them():
    report = analyze("Last week I was accused of bullying by a new starter in my team after I corrected her figures "
                     "in front of two others. HR have asked me to a meeting on Friday. I honestly did not think I "
                     "was harsh. How should I prepare?")
    assert not any(i.act == "bullying" and i.actor != "narrator" for i in report.situation.incidents)
    assert {f.name: f.value for f in report.factors}["severity"] != "serious"


def _role(report):
    return {f.name: f.value for f in report.factors}["counterpart_role"]


def test_workers_of_another_firm_on_the_writers_site_are_outside_the_writers_lines():
    report = analyze("I work on reception at a leisure centre that is being refitted by an outside company. Every "
                     "morning two of the company's workmen stand by the door and whistle at me and make comments "
                     "about my legs as I walk in. My own manager is off sick. Who do I tell?")
    assert _role(report) == "other"


def test_a_member_of_the_council_the_writer_serves_is_outside_their_lines():
    report = analyze("I work as a planning officer for a small town. One of the members of our town council keeps "
                     "ringing me at home in the evenings to push for a decision on a friend's extension, and he gets "
                     "angry when I say it must go through the committee. What can I do?")
    assert _role(report) == "other"


def test_the_captain_a_first_officer_flies_with_is_above_them():
    report = analyze("I'm a first officer at a regional airline. The captain I was rostered with this week skipped "
                     "two checklist items on departure and snapped at me when I called them out, then ignored me for "
                     "the rest of the trip. I don't want to be labelled difficult. What should I do?")
    assert _role(report) == "manager"


def test_hours_cut_after_asking_about_holiday_pay_is_payback_and_asking_was_no_fault():
    report = analyze("I've done about 25 hours a week at a takeaway for a year with no contract. Last month I asked my "
                     "boss whether I get holiday pay. A few days later the new rota came out and I was cut to 8 "
                     "hours, and his nephew got my evenings. Did I do something wrong by asking? What can I do?")
    values = {f.name: f.value for f in report.factors}
    assert values["severity"] == "serious" and values["writer_fault"] == "none"
    assert "APOLOGIZE" not in report.top_actions(3)
    assert "No: nothing you describe puts you in the wrong" in report.offline_answer


def test_what_the_writer_was_told_to_ignore_and_got_worse_is_not_to_be_let_go_first():
    report = analyze("A customer has been leaving reviews online about me by name, saying I'm rude and slow. My "
                     "supervisor told me to just ignore it and it would blow over. It's been a month, it's getting "
                     "worse, and now someone has posted a photo of me at the till. What can I do?")
    assert report.top_actions(2)[:2].count("LET_GO") == 0


def test_the_writers_own_words_in_a_label_are_said_back_to_them_as_yours():
    report = analyze("I teach year 6. The dad of one of my pupils keeps sending long emails to the head saying I mark "
                     "his daughter unfairly, and copies in the governors. I have kept all her marked work. How do I "
                     "handle this?")
    assert "of one of your pupils" in report.offline_answer and "of one of my pupils" not in report.offline_answer


def test_where_the_writers_health_was_told_to_others_the_words_follow_the_formal_first_step():
    report = analyze("After my cancer scan I told my team leader, Graham, privately that I'd need Fridays off for "
                     "treatment. On Monday he told the whole shift at handover that I had cancer and that they'd all "
                     "be covering my Fridays. People keep asking me about it. Who do I tell about this?")
    assert report.top_actions(1) == ["HR_FORMAL"]
    assert "raise a concern formally" in report.scripts[0].text
    assert not any(p.view.startswith("Agrees with the first step (let it go") for p in report.perspectives)


def test_told_to_skip_a_kit_check_and_sign_for_it_gets_the_safety_and_signing_notes_and_the_next_shift_answered():
    from clearair.advise.notes import SAFETY_NOTE, SIGN_NOTE
    report = analyze("I drive a reach truck on earlies. Every shift we're meant to do a pre-use check on the truck and "
                     "tick the sheet. Yesterday my shift manager told me to skip the check because the lorry was "
                     "waiting and just sign the sheet, he'd back me up. My truck's horn has been dead for days. What "
                     "do I do tomorrow if he says it again?")
    assert SAFETY_NOTE in report.notes and SIGN_NOTE in report.notes
    asked = [q for q in report.questions if "tomorrow" in q.text]
    assert asked and asked[0].answer.startswith("On your next shift, do the check")
