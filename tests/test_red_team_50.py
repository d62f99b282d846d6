"""Red team 50's findings: a threat to "sort me out" in the car park and a man waiting by the writer's car with no
safety line; a colleague asking to be logged in sent to "keep notes" and "plan your way out"; a coworker named only
as "me and Priya" or "I sit next to Tom" who was no party; a subcontractor read as the owner's staff; a writer who was
asked for help all day told to apologise; fear of saying no to a powerful manager read as serious conduct. Letters
written here."""

from __future__ import annotations

from clearair import analyze
from clearair.advise.notes import COVER_NOTE, LEAVE_SAFELY_NOTE
from clearair.render.view import written_answer
from parties_read import role_of_other_side


def _severity(report) -> str:
    return next(f.value for f in report.factors if f.name == "severity")


def test_a_threat_to_sort_the_writer_out_after_the_shift_puts_getting_home_first():
    report = analyze("A driver at our depot, Wayne, argued with me about the rota last week. Twice since then he has "
                     "told me in front of others that he'll sort me out in the car park after the shift. How worried "
                     "should I be?")
    assert LEAVE_SAFELY_NOTE in report.notes
    assert written_answer(report)[0].startswith("Before anything else, today: do not leave on your own")


def test_someone_standing_by_the_writers_car_is_intimidation():
    report = analyze("After I reported a packer for sleeping on shift, he was standing by my car when I came out "
                     "last night and just stared at me until I drove away. My supervisor says to ignore him. What do "
                     "I do?")
    assert _severity(report) == "serious"
    assert any("police" in n for n in report.notes)


def test_a_colleague_who_asks_to_be_logged_in_is_told_no_by_the_writer():
    report = analyze("My coworker Dean keeps asking me to log him in on the till system before he arrives, because "
                     "he is late most mornings. I did it twice when his car broke down but now it's every week. I "
                     "don't want to get him sacked. What should I do?")
    assert COVER_NOTE in report.notes
    assert written_answer(report)[0].startswith("Before anything else: stop logging them in")
    assert report.top_actions(1)[0] in ("SET_BOUNDARY", "TALK_DIRECT")
    assert "stop asking me to log you in or cover for you" in report.scripts[0].text


def test_me_and_a_named_colleague_sharing_the_work_makes_her_a_colleague():
    report = analyze("Me and Anjali share the reception rota and the post. For months I have done most of it while "
                     "she is on her phone. Our manager Glen says it all gets done so it is fine. I like Anjali and "
                     "don't want a row. How do I handle it?")
    anjali = next(p for p in report.situation.parties if "Anjali" in p.mentions)
    assert anjali.role == "peer"


def test_the_colleague_the_writer_sits_next_to_is_greeted_by_name():
    report = analyze("I sit next to Marcus in a busy open office. He is friendly but takes every call on speaker and "
                     "whistles while he types, and I keep losing my place in the spreadsheets. How do I bring it up?")
    first_line = report.scripts[0].text.splitlines()[0]
    assert "Marcus" in first_line and "[their name]" not in first_line


def test_a_plumber_used_as_a_subcontractor_is_no_member_of_staff():
    report = analyze("I run a small bathroom fitting firm with two employees. I use an electrician, Sean, as a "
                     "subcontractor on most jobs. Last week he didn't turn up for two days and the customer was left "
                     "without lights in the bathroom. What should I do about Sean?")
    assert role_of_other_side(report) == "other"
    assert "MANAGE_PERFORMANCE" not in report.top_actions(3)


def test_a_colleague_asking_for_help_all_day_is_not_the_writers_fault():
    report = analyze("A newer colleague, Bea, asks me for help about fifteen times a day: can you check this, how do "
                     "I do this report, can you look at my spreadsheet. I'm glad to help but my own work slips and I "
                     "missed a deadline last week. How do I get my time back kindly?")
    assert report.top_actions(1)[0] != "APOLOGIZE"
    assert not any(s.kind == "apology" for s in report.scripts[:1])


def test_fear_of_saying_no_to_a_senior_manager_is_not_serious_conduct():
    report = analyze("The regional director keeps handing me urgent work at six in the evening instead of going "
                     "through my own manager, Lena. I'm scared to say no to him because he signs off promotions. "
                     "Lena doesn't know about most of it. How do I handle this?")
    assert _severity(report) != "serious"
    assert report.top_actions(1)[0] != "HR_FORMAL"


def test_a_perspective_says_so_only_of_the_step_its_opening_argues_for():
    """Red team 50: "use the formal route and keep it simple. So would start with: keep dated written notes"."""
    report = analyze("My supervisor keeps putting his hand on my lower back when he passes my desk and comments on "
                     "what I wear. I moved my chair twice and he still does it. What should I do?")
    for p in report.perspectives:
        if "formal route" in p.view and "So would start with" in p.view:
            assert p.top_action == "HR_FORMAL"


def test_an_apology_names_the_writers_own_remark_and_where_it_was_said():
    report = analyze("At Monday's stand-up I told Jonas his estimate was \"a fantasy, as usual\" in front of the whole "
                     "team. He didn't answer and he's been cool with me since. I know it was out of order. How do I "
                     "apologise properly?")
    apology = next(s.text for s in report.scripts if s.kind == "apology")
    assert "What I said in front of the whole team was out of order" in apology


def test_the_customer_half_of_a_question_is_answered_too():
    report = analyze("I run a small landscaping firm. I use a tree surgeon, Kev, as a subcontractor, and last week "
                     "he left a client's garden half cleared for four days without calling her. She is threatening a "
                     "bad review. What should I do with Kev and with the client?")
    assert "With the customer: apologise" in written_answer(report)[0]


def test_a_customer_threatening_a_bad_review_is_no_menace():
    report = analyze("I run a small cleaning company. I use a window cleaner, Dom, as a subcontractor, and he missed "
                     "two visits at a client's office without telling anyone. The client is threatening a bad review. "
                     "How do I handle Dom?")
    assert _severity(report) != "serious"
    assert report.top_actions(1)[0] not in ("HR_FORMAL", "DOCUMENT")
