"""Red team 60 (letters written fresh here): a name the small model takes for a nationality is still the person a
joke was about; "two of my band 6 nurses" are the writer's staff; filling in records "as if" care was given, marks
pushed up before the exam board, "if you keep grassing … you might end up", a hand left resting on someone and a
truck swerved at them are serious; "came up behind me" alone is no sexual conduct; "my name is …" names the writer;
"since I left college" is no job left; a numbered list of options is several options; hours cut after a complaint may
be victimisation; questions of whom ("Who else can I go to?") and "Can I do anything without a contract?" get answers
of their own; friction talks ask for something doable; a note names neither the wrong parent nor the teller as the
doer; and a writer it was done to is not shown cases of writers who had a part in it."""

from clearair.pipeline import analyze


def _factor(report, name):
    return {f.name: f.value for f in report.factors}[name]


def test_a_joke_the_writer_made_about_a_named_colleague_makes_her_the_other_side_and_the_writer_at_fault():
    report = analyze("At the office party I made a crack about Anjali always being first at the buffet. Everyone "
                     "laughed except her; she went quiet and left early, and now she only emails me. I heard she told "
                     "our team leader she felt \"humiliated\". Do I owe her an apology?")
    other = next(p for p in report.situation.parties if p.id == report.situation.counterpart)
    assert "Anjali" in other.mentions
    assert not report.questions[0].answer.startswith("No")


def test_nurses_of_a_band_the_writer_manages_are_their_staff():
    report = analyze("I'm a ward sister. Two of my band 6 nurses have stopped speaking to each other and the rest "
                     "of the staff are picking sides, so the rota is a mess. How do I get them working together?")
    assert _factor(report, "counterpart_role") == "direct_report"


def test_filling_in_care_records_as_if_care_was_given_is_serious():
    report = analyze("I'm a support worker in a care home. The deputy manager keeps telling me to complete the fluid "
                     "charts at the end of the shift as if every drink was given, even when residents refused or "
                     "were asleep. I don't want to lose my job but this feels wrong. What do I do?")
    assert _factor(report, "severity") == "serious"


def test_being_told_to_find_more_marks_before_the_exam_board_is_pressure_to_break_the_rules():
    report = analyze("I teach history at a private college. The principal sat with me and said he was sure I could "
                     "find another few marks in three students' coursework before it goes to the exam board, and then "
                     "mentioned that contracts are renewed in the spring. What should I do?")
    assert any("break the rules or the law" in n for n in report.notes)


def test_a_threat_about_reporting_people_is_serious():
    report = analyze("I'm a scaffolder. I reported a labourer for working without a harness and yesterday he told "
                     "me that if I keep reporting people I could end up having an accident, then walked off laughing. "
                     "The foreman is his cousin. What should I do?")
    assert any("threat" in n for n in report.notes)


def test_coming_up_behind_someone_alone_is_not_sexual_conduct():
    report = analyze("A coworker came up behind me at the printer this morning and made me jump, then told me my "
                     "report was late again in front of the whole team. It is the third time this month he has "
                     "criticised me publicly. How should I handle it?")
    assert not any("sexual" in sc.text for sc in report.scripts)


def test_the_writers_own_name_is_not_another_party():
    report = analyze("My name is Yusuf I work in car wash for one year. The boss pay me 40 pound for a long day and he "
                     "say if I complain he will call immigration on me. He also not pay me for two days. What can I "
                     "do?")
    assert not any("Yusuf" in p.mentions for p in report.situation.parties)


def test_leaving_college_is_not_leaving_the_job():
    report = analyze("I've worked in my aunt's bakery since I left college two years ago. Lately she pays me late "
                     "and shouts at me in front of customers when the bread runs out. I still need this job. What "
                     "should I do?")
    assert not any(s.name == "already_left" for s in report.signals)


def test_a_numbered_list_of_options_is_read_as_several_options():
    report = analyze("The head chef grabbed my wrist during service last night and shoved me against the fridge. I "
                     "am thinking about 1) talking to him when it is quiet 2) going to the owners 3) taking another "
                     "job I was offered. What would you do?")
    actions = [o.action for o in report.situation.options]
    assert len(actions) >= 2 and "TALK_DIRECT" in actions


def test_who_else_is_answered_without_sending_the_writer_back_above():
    report = analyze("I'm the only paid worker at a small arts charity. One of the trustees keeps sneering at my "
                     "reports in emails to the whole board. I raised it with the chair, who is his friend and told me "
                     "not to be so sensitive. Who else can I go to about this?")
    answer = report.questions[0].answer
    assert answer.startswith(("Not them again", "If a calm word")) and "own manager" not in answer


def test_working_without_a_written_contract_gets_an_answer_on_rights():
    report = analyze("I work long shifts at my cousin's takeaway and he has only been paying me half of what we "
                     "agreed for two months, always in cash. I never signed anything. Can I even do anything without "
                     "a contract?")
    assert report.questions[0].verdict == "yes"
    assert "minimum wage" in report.questions[0].answer


def test_hours_cut_after_a_complaint_are_answered_as_possible_victimisation_too():
    report = analyze("In March I complained to HR that my supervisor kept mocking my accent. HR spoke to him and "
                     "closed it. Since then my shifts have gone from five a week to two, while new starters get full "
                     "weeks. Can they cut my hours like this?")
    answer = next(q.answer for q in report.questions if "cut my hours" in q.text)
    assert "victimisation" in answer


def test_words_about_desk_noise_ask_for_something_the_other_person_can_do():
    report = analyze("This is a small thing but it is wearing me down. The colleague who sits opposite me, Gareth, "
                     "takes his personal calls on speakerphone at his desk, his bank, his garage, his mum. We are open "
                     "plan and most of my job is careful work on figures. He is pleasant otherwise and we get on. I "
                     "don't want to involve our manager over something this small. How do I raise it without it "
                     "being awkward?")
    talk = next(sc.text for sc in report.scripts if sc.kind == "opener")
    assert "off speaker" in talk
    assert "missing part of the picture" not in talk


def test_who_to_tell_about_an_owner_touching_a_worker_is_answered_without_a_calm_word_first():
    report = analyze("I'm 20 and work in a small bakery. The owner keeps putting his hand on my waist when he passes "
                     "behind the counter and last week he tried to kiss me in the storeroom. There is nobody else in "
                     "charge. Should I just quit? Is there anyone I can even tell when he is the owner?")
    answer = next(q.answer for q in report.questions if "anyone" in q.text)
    assert answer.startswith("Not them") and "calm word" not in answer


def test_a_note_about_one_parent_of_a_household_does_not_name_the_other():
    report = analyze("I am a live-in nanny for a family with three children. The mum works away most weeks. When she "
                     "is gone the dad comes home late, stands very close to me in the kitchen and once touched my hair "
                     "and said I am pretty. He also messages me at night. Should I tell the mum?")
    note = " ".join(sc.text for sc in report.scripts)
    assert "the mum has touched" not in note.lower()


def test_a_note_about_what_a_colleague_was_told_says_who_it_was_done_to():
    report = analyze("I lead a team of five developers. Our graduate, Priti, told me privately that one of my seniors, "
                     "Callum, has commented on her figure twice and sent her late night messages asking her out for a "
                     "drink just the two of them. She wants it to stop without a fuss. What should I do?")
    note = next((sc.text for sc in report.scripts if "In short" in sc.text), "")
    assert "to me" not in note.split("In short:", 1)[-1].split(".")[0]


def test_a_writer_it_was_done_to_is_not_shown_cases_of_writers_who_had_a_part():
    import json
    from pathlib import Path

    from clearair.models import FactorReading
    from clearair.similar import find_similar

    gold = Path(__file__).resolve().parents[1] / "src" / "clearair" / "data" / "factors" / "gold.jsonl"
    fault = {g["id"]: g["factors"]["writer_fault"]["value"] for g in map(json.loads, gold.read_text().splitlines())}
    read = [FactorReading(name=n, title=n, value=v, text=v, confidence=0.9)
            for n, v in (("severity", "serious"), ("writer_fault", "none"), ("counterpart_role", "peer"))]
    cases = find_similar("I met a man away from work and we traded texts and emails, then realised we both work on the "
                         "same base. At work it has always been friendly, but after hours his messages turned sexual "
                         "and he sent me a picture. I told him to stop and he keeps messaging me. What should I do?",
                         factors=read)
    assert cases and all(fault.get(c.id) == "none" for c in cases)


def test_a_manager_asking_whether_to_start_a_formal_process_gets_an_answer():
    report = analyze("I supervise six claims handlers. One of them, Derek, has been with us for years but over the "
                     "last few months his files are late and customers are chasing. When I raised it he said things "
                     "are hard at home. Should I start a formal performance process or is that too much?")
    question = next(q for q in report.questions if "formal" in q.text)
    assert question.verdict != "cannot judge"


def test_a_hand_left_resting_on_someone_is_serious_conduct():
    report = analyze("I'm a trainee solicitor. At the firm's drinks one of the partners, not my supervisor, stood "
                     "beside me with his hand resting on my lower back for most of an hour and said I would go far if "
                     "I was nice to him. He signs off the trainee rotations. What should I do?")
    assert _factor(report, "severity") == "serious"


def test_vehicles_swerved_at_someone_and_hard_shoulder_bumps_are_serious_conduct():
    report = analyze("A reach truck driver on my shift has it in for me. He drives at me down the walkway with the "
                     "forks raised and swerves at the last second, and in the canteen he bumps into me hard and says "
                     "sorry with a grin. Our supervisor plays golf with him. Should I ask to move shifts?")
    assert _factor(report, "severity") == "serious"


def test_who_do_i_even_complain_to_is_a_question_of_whom():
    report = analyze("I wash up at a family restaurant. The owner keeps rubbing my shoulders when I'm at the sink and "
                     "last night he asked me to stay behind alone to help him with the stock. Who do I even complain "
                     "to, he owns the place?")
    question = next(q for q in report.questions if "complain" in q.text)
    assert question.answer.startswith("Not them")
