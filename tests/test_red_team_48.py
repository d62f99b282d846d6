"""Red team 48: being followed to one's car read as friction, a threat that the man knows when the writer finishes
missed, a visa "looked at" after a complaint not read as payback, a self-employed childminder given a boss from
"I dont have a boss", writers who did their job told they caused it, "Was I too harsh?" answered as a question of
motive, a small child alone by the road missed. Letters written here."""

from __future__ import annotations

from clearair import analyze
from clearair.advise.notes import child_notes
from parties_read import people, role_of_other_side


def _factor(report, name: str):
    return next(f for f in report.factors if f.name == name)


def _top(report, n: int = 3) -> list[str]:
    return [r.action for r in report.recommendations[:n]]


def test_being_followed_to_ones_car_is_serious():
    report = analyze("I finish my shift at the bakery around midnight. For the past month a guy from deliveries, Rob, "
                     "hangs about near the back door when I leave and walks behind me all the way to my car, saying "
                     "he is just making sure I get home safe. Twice now he was already standing by my car when I got "
                     "there. I never asked him to. I have started asking a friend to walk out with me. I do not want "
                     "to cause drama or get him in trouble. What should I do?")
    assert _factor(report, "severity").value == "serious"
    assert "LET_GO" not in _top(report)
    assert "TALK_DIRECT" not in _top(report, 1)


def test_knowing_which_street_the_writer_lives_on_is_menacing():
    report = analyze("Someone from another team keeps chatting to me at the coffee machine, and last week he said he "
                     "knew which street I live on. I never told him. He is friendly enough. Am I reading too much "
                     "into it?")
    assert _factor(report, "severity").value == "serious"
    assert "LET_GO" not in _top(report)


def test_a_threat_that_he_knows_when_the_writer_finishes_is_serious():
    """A guard: a threat said with a relative's anger stays serious with the new words for it."""
    report = analyze("A patient's son shouted at me on the ward because his dad's tea was late, and said if it "
                     "happened again he'd sort me out, and that he knows what time I finish. My manager says he is "
                     "just stressed. I'm on shift again tomorrow. What should I do?")
    assert _factor(report, "severity").value == "serious"
    assert "TALK_DIRECT" not in _top(report)


def test_a_visa_looked_at_after_a_complaint_is_payback():
    report = analyze("A coworker keeps touching my neck and hair at my desk. I told my boss in May and nothing "
                     "changed. When I raised it again last week, he said my visa renewal was coming up and would be "
                     "looked at. I really can't lose this job. Should I drop it?")
    assert _factor(report, "retaliation").value is True


def test_a_self_employed_childminder_has_clients_not_a_boss():
    report = analyze("I'm a self employed childminder and look after children in my own home. One family owes me "
                     "six weeks of fees, and when I mentioned it at pick-up the dad shouted at me in front of the "
                     "other parents. I dont have a boss or anyone to go to. Can I stop taking their son?")
    assert role_of_other_side(report) == "customer"
    assert "manager" not in {p.role for p in report.situation.parties}
    assert "ask your own manager" not in report.offline_answer


def test_the_parents_a_childminder_serves_are_customers():
    """A guard: "the mum" and "the dad" named by a childminder stay the clients they were."""
    parties = people("I'm a registered childminder. The mum is lovely, but the dad keeps arriving an hour late and "
                     "refuses to pay the late fee in my contract.")
    assert {role for role, mentions in parties.values() if mentions & {"The mum", "the dad"}} == {"customer"}


def test_a_writer_who_fixed_it_is_not_told_they_caused_it():
    report = analyze("I work on the IT help desk at a college. A lecturer's projector failed before his class and "
                     "he was rude the whole time, calling me the IT boy in front of his students. I went over and it "
                     "turned out he was plugged into the wrong port, and I fixed it in two minutes. Now he has "
                     "complained to my team lead about my attitude. How do I handle the meeting?")
    assert "APOLOGIZE" not in _top(report, 1)
    assert "caused much of this" not in report.offline_answer


def test_was_i_too_harsh_is_answered_from_the_reading():
    report = analyze("I'm a charge nurse. One of my staff nurses was forty minutes late for the third time this "
                     "month without calling, and we were short already. I took him aside and told him this was a "
                     "verbal warning. Was I too harsh?")
    assert "Nobody can tell for sure from outside" not in report.offline_answer
    assert report.questions[0].verdict != "cannot judge"


def test_a_small_child_alone_by_the_road_gets_the_child_safety_note():
    assert child_notes("A neighbour saw our 4 year old alone on the front path by the road while the au pair was on "
                       "a call.")
    assert child_notes("Last month she left him in the bath to fetch a towel from downstairs.")
    assert not child_notes("Our 4 year old was alone in his room playing with blocks while I cooked.")


def test_a_refused_request_is_not_serious_conduct():
    report = analyze("I asked my supervisor, Dean, if I could start at ten on Mondays and Wednesdays because my dad "
                     "has started chemotherapy and I drive him there. He said no straight away and told me that if he "
                     "did it for me he would have to do it for everyone. I've been there eight years. Is there "
                     "anything else I can do?")
    assert "HR_FORMAL" not in _top(report, 1)
    assert "serious conduct" not in report.offline_answer


def test_a_writer_leaving_a_bad_boss_is_not_sent_to_confront_them():
    report = analyze("I've handed in my notice and my last day is in four weeks. My manager, Carol, is the reason I'm "
                     "going: she regularly snaps at me in meetings and takes credit for my reports. HR has booked an "
                     "exit interview. I might need a reference. How do I leave on good terms?")
    assert not {"TALK_DIRECT", "SET_BOUNDARY"} & set(_top(report, 2))
    assert "It does matter" in report.offline_answer


def test_a_brother_in_the_family_business_is_not_the_father():
    parties = people("I work in my family's garage with my dad and my older brother Tomas. Dad owns it. Tomas turns up "
                     "late most days and last week he yelled at me in front of a customer.")
    held = [role for role, mentions in parties.values() if "Tomas" in mentions]
    assert held == ["peer"]
    assert all("Tomas" not in mentions for role, mentions in parties.values() if role == "manager")


def test_one_shout_at_a_self_employed_writer_is_not_sent_to_a_formal_complaint():
    """The engine before this round passes too (its reader did not call this shout serious); the rebuilt reader does
    (0.91), and this holds `advise/reread.py`'s lone-shout rule against it."""
    report = analyze("I clean houses for myself and have a few regular clients. One client owes me for five visits, "
                     "and when I mentioned it on Friday he shouted at me on his doorstep in front of his neighbour. "
                     "Can I just stop going there?")
    assert "HR_FORMAL" not in _top(report, 1)


def test_a_residents_son_is_read_as_the_family_not_the_resident():
    parties = people("I work in a care home. One of our residents' sons visits most days, and yesterday he swore at me "
                     "in the corridor because his dad's lunch was late.")
    held = [(role, mentions) for role, mentions in parties.values() if "One of our residents' sons" in mentions]
    assert held and held[0][0] == "customer"
    assert not any("resident" in m.lower() and "sons" not in m for _, mentions in parties.values() for m in mentions)


_VISA = ("A man on my team keeps touching my hair and shoulders when he stands behind my desk, and laughs when I say "
         "please don't. I told my boss in spring and nothing changed. When I raised it again, he said that my visa "
         "renewal would be looked at and I should think about whether I want to be seen as a team player. Should I "
         "just drop it and keep my head down?")


def test_the_bosss_words_are_not_taken_for_the_writers_question():
    report = analyze(_VISA)
    assert all("team player" not in q.text for q in report.questions)


def test_dropping_serious_conduct_is_answered_no():
    report = analyze(_VISA)
    first = report.offline_answer.split("\n\n")[0]
    assert "No:" in first and "Not yet" not in first


def test_serious_conduct_is_not_read_from_a_sentence_about_someone_else():
    report = analyze("I'm an accounts assistant in a team of five. My colleague Gareth keeps presenting my "
                     "reconciliations as his own in the monthly review, and last week my spreadsheet vanished from the "
                     "shared drive the day before I was due to present it. Our team lead, Fiona, said he is just very "
                     "thorough. Then there's our operations director, Mrs Adeyemi, who I barely see, she works in "
                     "another building and only visits at year end. Raj, who sits next to me, saw Gareth open the "
                     "file. Should I go to Fiona again or go higher?")
    assert "Mrs Adeyemi" not in report.offline_answer
    assert "serious conduct" not in report.offline_answer


def test_trying_to_get_the_writers_mobile_number_is_menacing():
    report = analyze("A candidate I turned down keeps phoning me several times a week and emails straight after to "
                     "complain I have not called back. She tried to get my mobile number from reception and left a "
                     "present for me at the front desk. I'm starting to feel nervous. What can I do?")
    assert _factor(report, "severity").value == "serious"
    assert "TALK_DIRECT" not in _top(report, 2)
