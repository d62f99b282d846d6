"""Who did it, what to say at a hearing, and what a safety report must carry. The one who runs the writer's floor or
draws up their rota is their boss; a relative who works beside the writer is a coworker; the harasser, not the woman
harassed, is the other side; the last of a list of people is the "he" who follows; the one person who did the serious
thing is the other side over a boss who did nothing; the writer's own boss said to be someone is that someone. A
writer facing a hearing gets answers for the hearing; a question of what the employer may lawfully do is not
guessed at; a report of a danger says what the danger was. Letters of the shapes red teams 40 and 41 found misread,
written here.
"""

from __future__ import annotations

from clearair import analyze
from clearair.advise.notes import FORCE_ON_OTHERS_NOTE, REPORT_IT_YOURSELF_NOTE, process_notes
from clearair.advise.questions import find_questions, person_asked_about
from clearair.extract.counterpart import lone_doer
from parties_read import holder, people


def _other_side(report):
    return report.situation.party(report.situation.counterpart)


def _question(report, words: str):
    return next(q for q in report.questions if words in q.text)


def test_the_one_who_runs_the_floor_and_does_the_rota_is_the_writers_manager():
    parties = people("I'm a waitress at a seaside hotel restaurant. The owner's son-in-law, Dario, runs the front of "
                     "house and does our schedules, and lately he keeps cornering me in the storeroom when I'm alone.")
    assert holder(parties, "Dario")[0] == "manager"


def test_a_coworker_who_writes_the_rota_but_is_called_a_coworker_stays_a_coworker():
    parties = people("I stack shelves at a garden centre. My coworker Dana, who has been here longer than me, makes "
                     "the rota for the weekend staff and keeps giving me every closing shift while she takes mornings.")
    assert holder(parties, "Dana")[0] == "peer"


def test_a_relative_on_the_writers_line_is_a_coworker_and_the_harasser_is_the_other_side():
    report = analyze(
        "I work on the night shift at a bottling plant, and so does my brother-in-law Craig. My wife is his sister, "
        "which makes this awkward. There's a new woman on our line, Mei, who started in the spring. Craig has been "
        "saying things to her constantly: asking if she's single, telling her she'd be prettier if she smiled, making "
        "comments about her body when she bends down to lift crates. Last week I saw him block the doorway so she had "
        "to squeeze past him. Should I talk to Craig first or go to the supervisor?")
    other = _other_side(report)
    assert "Craig" in other.mentions
    assert other.role == "peer"
    assert other.label == "your peer"


def test_the_last_of_a_list_is_the_he_who_follows_though_a_title_gave_another_his_gender():
    parties = people("On Tuesday I was fitting a kitchen with the foreman, Graham, and another joiner called Riley. He "
                     "picked up a chisel and threw it at my hand, and Graham just laughed.")
    role, mentions = holder(parties, "Riley")
    assert "He" in mentions


def test_the_one_who_did_the_serious_thing_is_chosen_over_someone_who_did_nothing():
    clues = {"manager_3": {"role=manager": 1.0, "mentions": 0.2},
             "person": {"role=other": 1.0, "mentions": 0.7, "serious_conduct_by": 2.0}}
    assert lone_doer(clues, "manager_3") == "person"
    # not over someone who did something to the writer, nor when two people did serious things
    assert lone_doer({**clues, "manager_3": {"acts_on_writer": 1.0}}, "manager_3") is None
    assert lone_doer({**clues, "peer": {"serious_conduct_by": 1.0}}, "manager_3") is None
    # nor on one act alone, which a pronoun may have put on the wrong person
    assert lone_doer({**clues, "person": {"serious_conduct_by": 1.0}}, "manager_3") is None


def test_the_writers_own_boss_said_to_be_a_titled_person_is_one_person():
    parties = people("I'm a planner at a shipping firm. My line manager is the Head of Logistics (Joost van Dam). He "
                     "cancelled the leave he had approved for my brother's wedding.")
    role, mentions = holder(parties, "Joost van Dam")
    assert role == "manager"
    assert "My line manager" in mentions and "the Head of Logistics" in mentions


def test_the_person_the_writer_asks_how_to_talk_to_is_named_without_their_title():
    questions = find_questions("My client accused my cleaner of theft with no proof and wants her sacked today. How do "
                               "I handle the conversation with Mrs Delaney?")
    assert person_asked_about(questions) == "Delaney"


def test_a_safety_report_says_what_the_danger_was():
    report = analyze(
        "I drive a forklift on nights at a frozen food warehouse. Another driver, Kev, has been coming in smelling of "
        "drink for weeks. On Thursday he raised a pallet too fast and it came down half off the forks. It missed a "
        "cleaner, Ola, by about half a metre. He laughed it off. My team leader is his mate. Who do I tell?")
    told = " ".join(e.text for e in report.situation.what_happened)
    assert "missed a cleaner" in told
    assert "off the forks" in told


def test_told_not_to_write_up_a_near_miss_gets_the_report_it_yourself_note():
    report = analyze(
        "I'm a healthcare assistant on a stroke ward. On Monday night the nurse I was working with gave Mr Patel the "
        "insulin that was meant for the man in the next bed. I spotted it on the chart before much harm was done. She "
        "told me not to write it up because it was a near miss and we'd both be in trouble. Do I have to report it?")
    assert REPORT_IT_YOURSELF_NOTE in report.notes
    told = " ".join(e.text for e in report.situation.what_happened)
    assert "meant for" in told


def test_a_writer_facing_a_hearing_gets_answers_for_the_hearing():
    report = analyze(
        "I'm a cashier at a supermarket and I've been suspended pending a disciplinary hearing next week for letting a "
        "colleague use my till login while I was on break. I know it was against the rules. Can I bring someone with "
        "me to the hearing? What should I say when they ask why I shared my login? Should I mention that the other "
        "cashiers do this all the time?")
    bring = _question(report, "bring someone")
    assert bring.verdict == "yes"
    say = _question(report, "What should I say")
    assert "honestly and briefly" in (say.answer or "")
    assert "comfortable" not in (say.answer or "")  # never the line for someone who harasses the writer
    others = _question(report, "other cashiers")
    assert "context" in (others.answer or "")


def test_what_an_employer_may_lawfully_demand_is_not_guessed_at():
    report = analyze(
        "My manager found out I complained about him in a group chat with a colleague, and now he says I could get a "
        "written warning for it. He wants to see the messages. Can they make me hand over my phone or show them my "
        "chats? I'm scared to say no.")
    q = _question(report, "hand over my phone")
    assert q.verdict == "cannot judge"
    assert "in writing" in (q.answer or "")


def test_a_writer_under_review_outside_a_union_is_told_how_to_prepare():
    notes = process_notes("They have invited me to an investigation meeting about the missing cash next Tuesday.",
                          under_review=True)
    assert notes and "in writing" in notes[0]


def test_force_used_on_a_staff_member_gets_a_police_note_for_them():
    report = analyze(
        "I own a small florist with two part-time staff. On Saturday a customer who was unhappy with a wreath came in "
        "while I was out. He shouted at our junior, Ellie, who is seventeen, and when she tried to walk away he "
        "grabbed her by the arm hard enough to leave a mark. Two other customers saw it. What should I do about him?")
    assert FORCE_ON_OTHERS_NOTE in report.notes


def test_is_this_retaliation_is_answered_from_the_reading_and_kept_in_the_answer():
    report = analyze(
        "I work in a call centre. Since I raised a formal grievance about unpaid overtime in May, my team leader, "
        "Brendan, has moved me onto the late shift every single week and told two colleagues I'm a troublemaker who "
        "won't last. Before the grievance I had the same shifts for three years. I went to HR and I think they told "
        "him, because he asked me why I was going behind his back. Is this retaliation, and what should I do next?")
    q = _question(report, "retaliation")
    assert q.verdict == "yes" and "retaliation looks like" in (q.answer or "")
    assert report.offline_answer.startswith("You asked")


def test_a_statement_about_the_writers_own_act_is_answered_say_it_plainly():
    report = analyze(
        "I'm a youth worker at a community centre. Last month a teenager kicked a door into another kid's face and I "
        "took hold of his shoulder to walk him outside. His mother has complained that I assaulted him, and the "
        "centre manager says I must write a statement by Monday. I don't know whether I should admit I held his "
        "shoulder, or just say I told him to leave. Can I ask my colleague Joy to give a statement too?")
    assert report.situation.under_review
    admit = _question(report, "admit")
    assert "Say it plainly" in (admit.answer or "")
    witness = _question(report, "give a statement")
    assert witness.verdict == "yes" and "do not suggest what they should say" in (witness.answer or "")


def test_an_owner_is_not_told_to_discipline_staff_or_leave_over_a_clients_relative():
    report = analyze(
        "I own a small dental practice with two nurses and a receptionist, Amira. A patient's husband, who brings her "
        "to every appointment, has been texting Amira late at night and last week sent her a photo of himself "
        "without a shirt. On Friday he sat in his car in our car park until she left at closing. Amira is twenty and "
        "this is her first job. What should I do?")
    top = [r.action for r in report.recommendations[:5]]
    assert "MANAGE_PERFORMANCE" not in top
    assert "EXIT" not in top
    assert "husband" in " ".join(_other_side(report).mentions)


def test_a_light_touch_request_is_not_sent_to_a_formal_complaint_on_one_loaded_word():
    report = analyze(
        "I'm new in the finance team at a logistics firm. A colleague, Owen, keeps asking me to join the office quiz "
        "team, and on Friday he threatened to put my name down anyway as a joke. Everyone says he's harmless and I'm "
        "not upset, I'm just not a quiz person. How do I say no nicely without making it awkward?")
    assert report.recommendations[0].action != "HR_FORMAL"
    assert "serious conduct" not in report.offline_answer


def test_a_written_warning_is_a_process_about_the_writer_with_their_side_on_the_record():
    report = analyze(
        "I stack shelves at a hardware store. Last week my supervisor, Dawn, gave me a written warning because a "
        "pallet of paint I'd put away was found in the wrong aisle. I honestly don't think it was me, three of us "
        "worked that aisle. She says one more and I'm out. Should I say other people move stock around all the time?")
    assert report.situation.under_review
    assert "CLARIFY_RECORD" in [r.action for r in report.recommendations[:3]]
    assert "EXIT" not in [r.action for r in report.recommendations[:3]]
    assert "context" in (_question(report, "other people").answer or "")


def test_a_hand_nearly_lost_and_a_gag_on_the_safety_officer_get_the_safety_notes():
    report = analyze(
        "I work on a packing line at a bakery. Our shift lead had the guard on the slicer unbolted because it kept "
        "jamming. On Monday one of the temps caught her sleeve and was lucky not to lose her hand. The shift lead "
        "told everyone not to mention it to the safety officer or we'd all lose the bonus. What should I do?")
    assert REPORT_IT_YOURSELF_NOTE in report.notes
    told = " ".join(e.text for e in report.situation.what_happened)
    assert "lucky not to lose her hand" in told


def test_a_parent_pulling_a_child_clear_is_not_force_on_someone():
    report = analyze(
        "I drive a forklift at a garden centre. Yesterday a small boy ran out from behind the compost pallets into "
        "my path and I stopped just in time. His mum grabbed him and burst into tears. The gate that keeps customers "
        "out of the yard has been broken for weeks and my supervisor keeps saying it's on order. What should I do?")
    assert FORCE_ON_OTHERS_NOTE not in report.notes


def test_a_threat_reported_as_said_to_someone_is_the_speakers():
    report = analyze(
        "I pack orders at a warehouse near Bristol. Last night I walked round the end of aisle 9 and saw Aisha, one of "
        "the new starters, standing very still by the shelving. Gavin, who drives the tug and has been here for years, "
        "was leaning over her and telling her that if she reported his smoking breaks again she'd 'find out what "
        "happens'. He laughed when he saw me. Aisha asked me not to make a fuss. What should I do?")
    assert "Gavin" in _other_side(report).mentions


def test_the_one_who_threatens_and_comments_is_the_other_side_not_the_colleague_who_showed_the_messages():
    report = analyze(
        "I'm a junior planner at a housing association. Grace sits opposite me. Yesterday she showed me messages from "
        "Neil, a surveyor in another team, saying she'd better be friendlier to him or he'd make sure her contract "
        "ends, and one that said he knows where she lives. I've also heard him make comments about her clothes in "
        "the kitchen. She doesn't want to go to HR. How can I help her?")
    assert "Neil" in _other_side(report).mentions


def test_her_after_a_joined_verb_is_not_its_subject():
    parties = people("I stock shelves on nights at a supermarket. Yesterday I saw Tanya, a new starter, by the "
                     "freezers. Gavin, who drives the forklift, was leaning over her and telling her to keep quiet.")
    role, mentions = holder(parties, "Gavin")
    assert "her" not in mentions


def test_a_list_of_who_was_at_a_meeting_is_not_what_happened():
    report = analyze(
        "I'm a designer at an agency in Leeds. Every Thursday we have a client review with Omar (account lead), Beth "
        "(copywriter), Sunita (my manager) and Callum, the creative director. He has started tearing my work apart "
        "in front of the client in a way he never does to the others. What should I do?")
    assert not any("(account lead)" in e.text for e in report.situation.what_happened)
