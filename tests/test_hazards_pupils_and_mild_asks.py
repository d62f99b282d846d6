"""Words that fit what happened: a danger seen near-missing someone gets a safety route, harm done to a pupil is
written as what the writer saw done to that pupil (never "towards me"), a limit over friction asks for a way that
suits both (never "that it stop"), and a reason's quote is a clause, not one word. Letters of the shapes red team 38
found, written here.
"""

from __future__ import annotations

from clearair import analyze
from clearair.advise.notes import HAZARD_NOTE, conduct_notes
from clearair.advise.quotes import widened
from clearair.models import Evidence


def _scripts_text(report) -> str:
    return "\n".join(s.text for s in report.scripts)


def test_a_near_miss_seen_gets_the_safety_route():
    report = analyze(
        "I pack orders at a distribution centre. One of the tug drivers, Lewis, races through the pedestrian lanes "
        "and last week missed my colleague Anya by about a foot. I've told our team leader twice and emailed HR, "
        "and nothing has happened. I really think someone is going to get hurt. What else can I do?")
    assert HAZARD_NOTE in report.notes


def test_a_near_miss_note_is_not_given_twice_beside_pressure_to_work_unsafely():
    notes = conduct_notes("He told us to work on the roof without harnesses. Last week we had a near miss.", [])
    assert notes == [HAZARD_NOTE]


def test_no_safety_note_for_a_plain_quarrel():
    report = analyze("My coworker Dana keeps taking the last of the coffee and never makes a new pot, and when I "
                     "mentioned it she rolled her eyes at me in front of the team. How do I bring it up?")
    assert HAZARD_NOTE not in report.notes


def test_harm_to_a_pupil_is_written_as_what_the_writer_saw_done_to_him():
    report = analyze(
        "I'm a learning support assistant at a secondary school. Twice this month the head of year, Mr Doyle, has "
        "dragged a Year 8 boy, Tyler, along the corridor by the arm, hard enough that Tyler was crying afterwards. "
        "Yesterday he locked Tyler in the store cupboard for a quarter of an hour and told me to leave him there. "
        "I'm on a temporary contract. Who do I tell?")
    words = _scripts_text(report)
    assert "intimidating towards me" not in words
    assert "Tyler" in words


def test_a_limit_over_friction_asks_for_a_way_that_suits_both():
    report = analyze(
        "A colleague in accounts, Wei, takes two or three days to reply to my purchase order queries, which makes "
        "me look slow to suppliers. She's covering two teams and isn't doing it on purpose. I keep sending "
        "reminders and I'm getting irritated. Should I say something to her?")
    assert "asking that it stop" not in _scripts_text(report)
    assert "asking that this stop" not in _scripts_text(report)


def test_a_one_word_quote_is_widened_to_its_clause():
    text = "I like the job. He drinks from my carton every morning, and I have said nothing."
    start = text.index("every")
    e = widened(Evidence(start=start, end=start + 5, text="every"), text)
    assert e.text == "He drinks from my carton every morning"
    assert text[e.start:e.end] == e.text


def test_a_quote_of_three_words_stays_as_it_is():
    text = "She shouted at me in the meeting."
    e = Evidence(start=4, end=19, text="shouted at me i")
    assert widened(e, text) is e


def test_reasons_in_a_report_quote_clauses():
    report = analyze("My teammate Rhys often talks over me in our stand-ups, and last week he did it again in front "
                     "of the client. I've not said anything yet. How should I raise it with him?")
    quoted = [e.text for r in report.recommendations for reason in r.reasons for e in reason.evidence]
    assert quoted and all(len(q.split()) >= 2 for q in quoted)


def test_signing_listed_first_is_judged_apart_from_the_safe_options_after_it():
    report = analyze(
        "I'm a lab technician at a food plant. My supervisor, Glen, handed me last week's allergen swab sheets "
        "already filled in and told me to sign them because the auditor arrives on Monday; the swabs were never "
        "taken. He said everyone does it. Options I see: sign them, refuse and tell the quality director, or ring "
        "the food safety authority myself. What should I do?")
    verdicts = {v.option: v.verdict for v in report.option_verdicts}
    assert verdicts.get("sign them") == "not advised"
    assert any("quality director" in o and v != "not advised" for o, v in verdicts.items())


def test_a_witness_to_harm_done_to_a_child_is_sent_to_safeguarding_not_to_the_child():
    from clearair.advise.answer import IN_CARE_WITNESS_LINE, WITNESS_LINE

    report = analyze(
        "I'm a classroom assistant at an infant school. There's a little girl in our class, Maisie, who struggles "
        "to sit still. Twice this week I watched the teacher I work with, Mrs. Pollard, yank her off her chair by "
        "the wrist hard enough to leave marks. Nothing has been done to me. Am I overreacting?")
    assert report.situation.in_care
    assert WITNESS_LINE not in report.offline_answer
    assert IN_CARE_WITNESS_LINE in report.offline_answer


def test_dangers_left_in_place_get_the_safety_route():
    for text in ("At the stadium they keep one of the exit gates padlocked during matches, and last week a man "
                 "fell on the stairs in the crowd. What can I do as a steward?",
                 "In the plant room some acid spilled near the chlorine drums and my colleague was coughing for "
                 "hours. The extraction fan has been broken for months. Who do I tell?",
                 "The foreman had our apprentice work on a distribution board without confirming it was isolated. "
                 "I'm his supervisor. What should I do?"):
        assert HAZARD_NOTE in conduct_notes(text, []), text


def test_a_crush_on_someone_is_no_danger():
    assert conduct_notes("I think my coworker has a crush on me and it's getting awkward at lunch.", []) == []


def test_a_manager_whose_son_it_is_about_is_no_route():
    report = analyze(
        "I'm a bricklayer on a building site near Leeds. The site manager is Roy Hatton, and his son Callum runs "
        "our gang. Callum keeps taking scaffold ties off early to save time, and last week a board slipped and "
        "nearly hit a labourer below. When I said something, Callum shoved me against the cabin and said I'd be "
        "off the job. Going to Roy about his own son is pointless. What do I do?")
    assert report.situation.manager_tied
    assert not any("site manager" in (r.route or "") for r in report.recommendations)


def test_the_route_keeps_its_alternatives_when_none_is_tied():
    from clearair.advise import outside_the_tie

    assert outside_the_tie("your employer's manager above them, or the site manager", []) == \
        "your employer's manager above them, or the site manager"
