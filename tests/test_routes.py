"""Formal routes where there is likely no HR department (``advise/routes.py``, ``knowledge/routes.yaml``).

A red team found "Go to HR or make a formal complaint" offered to a soldier, a deckhand, a delivery rider and a church
treasurer, and "ask your own manager for help" to a rider whose account an app had paused."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from clearair import analyze
from clearair.knowledge.schemas import RouteFile

SOLDIER = ("I'm a private in the army and have been in my platoon for a year. My corporal keeps touching my waist in "
           "the stores when nobody is around, and last week he said I'd get a bad report if I made a fuss. I feel "
           "sick going to work. Who can I tell?")
RIDER = ("I deliver food for one of the big apps and it is my only income. The manager at one burger place kept me "
         "waiting for an hour every night and shouted at me when I complained through the app. Two days later my "
         "account was paused for a safety concern and nobody will tell me what it was. What can I do?")
WITH_HR = ("I'm a private contractor's site engineer. My supervisor keeps touching my waist when nobody is around and "
           "said I'd lose my shifts if I made a fuss. I already told HR last week and they said they would look "
           "into it, but nothing has happened since then.")


def _formal(report):
    return next(r for r in report.recommendations if r.action == "HR_FORMAL")


def test_a_soldier_is_given_the_services_routes_not_hr():
    report = analyze(SOLDIER)
    formal = _formal(report)
    assert formal.route and "service" in formal.route
    assert formal.steps[0].startswith("There may be no HR department here")
    if report.recommendations[0].action == "HR_FORMAL":
        assert "go to HR" not in report.offline_answer
        assert formal.route in report.offline_answer


def test_a_rider_is_not_sent_to_a_manager_they_do_not_have():
    report = analyze(RIDER)
    assert "ESCALATE_MANAGER" not in report.top_actions(5)
    assert "appeal" in _formal(report).steps[0]


def test_a_letter_that_names_hr_keeps_hr_as_the_route():
    formal = _formal(analyze(WITH_HR))
    assert formal.route is None
    assert not formal.steps[0].startswith("There may be no HR")


def test_working_beside_a_charity_is_not_running_one():
    text = ("I'm a housing officer for the council and I work with a charity that runs a hostel. Their support "
            "worker keeps telling residents that the delays are my fault, and last week a resident shouted at me.")
    assert _formal(analyze(text)).route is None


def test_the_routes_file_is_checked_at_load():
    with pytest.raises(ValidationError):
        RouteFile.model_validate({"settings": [{"name": "x", "patterns": ["a"], "routes": "r", "to": "t",
                                                "own_manger": False}]})


@pytest.mark.parametrize("text, words", [
    ("I do freelance bookkeeping for a few small firms. One client asked me to change the dates on some invoices "
     "so his figures look better for a grant, and said he would drop me if I refused. What should I do?",
     "professional body"),
    ("I work in my uncle's corner shop and it's just him, my aunt and me. Last week he grabbed me by the collar and "
     "shoved me into the shelves, and he pays me less than we agreed. I don't know who to tell.", "the owner"),
    ("I'm a temp through an agency, placed in a transport office for seven months. The team leader shouts across the "
     "office asking if I'm thick whenever I get a booking wrong, and won't sign my extra hours. Who do I tell?",
     "your agency"),
    ("I work bank shifts as a healthcare assistant. On one ward the manager gives me all the heavy side rooms and "
     "called me useless in front of a patient's family. Who can I tell without losing shifts?", "staff bank"),
    ("I'm an agency nurse and for the last month I've been placed on a surgical ward. The ward sister keeps making "
     "remarks about my accent in front of patients and gives me the heaviest bays every shift. Who do I tell?",
     "your agency"),
    ("I'm on the parents' committee at my kids' school. Another dad keeps posting that the raffle money doesn't add "
     "up since I counted it, and on Thursday he stood in front of my car so I couldn't leave.", "head teacher"),
])
def test_the_route_fits_the_setting(text, words):
    assert words in (_formal(analyze(text)).route or "")


def test_a_charity_the_writer_only_volunteers_at_does_not_move_their_route():
    text = ("I work in the office of a logistics company and volunteer at a dog rescue charity at weekends. A "
            "colleague from work keeps touching my arm and turned up at the charity on Saturday. HR told me to keep a "
            "diary, but I don't know if the charity part counts as work.")
    assert _formal(analyze(text)).route is None


OWNER_RAGES = ("I work in the office of a small printing firm. The man who owns it loses his temper several times a "
               "week: he shouts and swears at whoever is nearest, and last month he kicked a bin across the room "
               "next to my desk. Two of us now leave the room when he starts. His son runs the print floor but "
               "never says anything. What can I do about this?")


def test_an_owner_has_nobody_above_them_to_take_it_to():
    report = analyze(OWNER_RAGES)
    assert "ESCALATE_THEIR_MANAGER" not in report.top_actions(5)
    assert not any(s.kind == "their_manager_note" for s in report.scripts)
    notes = [s for s in report.scripts if s.kind == "hr_note"]
    if notes:  # a formal note names the owner and goes to someone outside the business where there is no HR
        assert "the owner" in notes[0].text and "outside adviser" in notes[0].to


def test_a_note_about_someone_named_by_their_title_uses_it():
    letter = ("I labour for a small building firm. The owner's site foreman, Rick, told me to go up the scaffold "
              "without the guard rail fitted, and when I said no he said I'd better watch myself if I want to keep "
              "my shifts. The next week I got no work at all. Should I tell the owner or just keep my head down?")
    words = " ".join(s.text for s in analyze(letter).scripts)
    assert "my manager" not in words


def test_with_no_hr_a_complaint_about_the_owner_goes_outside_not_to_the_owner():
    letter = ("I drive for a small removals firm. It's just the owner, Gareth, me and one other driver, no HR or "
              "office. Gareth screams at us when a job runs late, and last week he kicked the van door shut on my "
              "arm and said he knows where I live if I ever mess him about. What are my options?")
    report = analyze(letter)
    first = report.recommendations[0]
    assert first.action == "HR_FORMAL"
    assert "owner" not in (first.route or "") and "outside adviser" in (first.route or "")
    assert "HR or a manager you trust" not in report.offline_answer
    assert "ESCALATE_THEIR_MANAGER" not in report.top_actions(5)


@pytest.mark.parametrize("text, noted", [
    ("We start at 7 loading the van at his yard, but he only pays us from 8 when we reach the first job.", True),
    ("I've been short about six hours a week for the last two months and he says it's a payroll glitch.", True),
    ("I haven't been paid for the overtime I did in March, and she keeps saying next month.", True),
    ("I took a week of unpaid leave for my mum and my manager was fine about it.", False),
    ("Both caregivers claimed full hours on their timesheets, and I haven't paid them yet.", False),
    ("We're short-staffed and the hours are long, but the team is good.", False),
])
def test_pay_owed_for_work_done_gets_its_own_note(text, noted):
    from clearair.advise.notes import WAGE_NOTE, pay_notes
    assert (pay_notes(text) == [WAGE_NOTE]) == noted


@pytest.mark.parametrize("text", [
    "I was honest about my manager in my exit form. She found out (HR showed her, I assume) and said I could forget "
    "about a reference. The HR person here is basically her friend. What should I do?",
    "I made a confidential complaint to HR that my supervisor shouts at me in front of customers. The next day HR "
    "forwarded my email to him and he has been giving me the worst shifts ever since. What can I do?",
    # told without "HR showed him": the HR person named, and what the writer said reached the person it was about
    "I told our HR person, Denise, in confidence that my manager mocks my weight in front of the team. Two days later "
    "he called me in and knew word for word what I'd said, so she obviously went straight to him. Who do I go to now?",
    # the HR adviser handling the grievance is the other side's close friend, said with their names
    "I raised a grievance about my supervisor Tom, who swears at me on the floor. The HR advisor who picked it up is "
    "Sharon. Sharon and Tom are really close friends, and her outcome letter says I should reflect on my attitude.",
    # said as what reached the person, or as HR being the problem now
    "I told our HR adviser, Megan, in confidence that my team lead keeps grabbing my wrist when he is angry. A week "
    "later he said he'd heard I'd been telling tales to Megan. So she obviously passed on what I said. Help?",
    "I reported my supervisor to HR for pinning me against the van and threatening me. Now that HR is the problem, "
    "because they laughed it off and told him who complained, who do I even go to?",
])
def test_hr_that_passed_on_what_the_writer_said_is_not_the_only_route(text):
    report = analyze(text)
    formal = _formal(report)
    assert formal.steps[0].startswith("HR here may not be neutral")
    assert formal.route and "not involved" in formal.route
    note = next((s for s in report.scripts if s.kind == "hr_note"), None)
    assert note is None or not note.to.startswith("HR if there is one")


def test_hr_that_acted_on_a_complaint_stays_the_route():
    formal = _formal(analyze("My supervisor shouts at me in front of customers. I told HR last week and HR told him "
                             "to stop and moved me to another shift pattern, but he still glares at me. What now?"))
    assert formal.route is None and not formal.steps[0].startswith("HR here")


def test_an_open_appeal_is_the_formal_step_not_a_new_complaint():
    report = analyze("I raised a grievance in March about my supervisor, who swears at me on the floor and threw a "
                     "scanner down next to my feet. The outcome letter says nothing he did was bullying and the "
                     "investigator never spoke to the two witnesses. I have the right to appeal within 5 working days. "
                     "Is it worth it?")
    formal = _formal(report)
    assert formal.steps[0].startswith("You can appeal") and formal.instruction
    note = next(s for s in report.scripts if s.kind == "hr_note")
    assert note.title == "Your appeal" and "[what the process missed]" in note.fill_in
    assert "make a formal complaint" not in report.offline_answer


def test_an_appeal_against_someone_else_is_no_open_appeal_of_the_writers():
    formal = _formal(analyze("My coworker shouts at me in front of customers every week and last month he threw a "
                             "stapler at me. He was given a warning and he can appeal it, HR says. What should I do?"))
    assert not formal.steps[0].startswith("You can appeal")


@pytest.mark.parametrize("letter, route", [
    ("I'm a healthcare assistant on nights on a busy surgical ward. The charge nurse takes two-hour breaks most nights "
     "and last week a patient fell while we were short; he wrote it up as our fault. Who do I tell?", "ward manager"),
    ("I'm a senior carer in a care home. My manager asked me to sign a medication audit for the residents that I know "
     "is wrong, and since I said no my overtime has gone to zero. What can I do?", "safeguarding"),
    ("I work on reception at a GP surgery. The senior nurse, Angela, has been running the place while the practice "
     "manager is off sick with the patients, and she shouts at me at the desk. Who do I even talk to?",
     "practice manager or the partners"),
    ("I'm an electrician on a building site working for a subcontractor. The site supervisor's mate keeps pushing me "
     "to skip the isolation tests to save time, and he has done it three times now. What should I do?", "site manager"),
])
def test_a_workplace_without_hr_gets_its_own_routes(letter, route):
    from clearair.advise.routes import formal_route
    from clearair.extract import extract, read
    from clearair.intake.document import build_document
    document = build_document(letter)
    reading = read(document)
    found = formal_route(reading, extract(document, reading))
    assert found is not None and route in found.setting.routes + found.setting.to


@pytest.mark.parametrize("tie", ["Alan is Terry's brother-in-law, I found out after.",
                                 "I found out after that Terry's best mate, Alan, runs the site."])
def test_a_note_is_never_addressed_to_someone_tied_to_the_other_side(tie):
    letter = ("Three weeks ago I saw our site foreman, Terry, shove one of the younger lads into a skip and call him a "
              "racist name. I reported it in writing to the site manager, Alan, the same day. Since then I've been "
              "moved off the finishing crew, and Terry said \"you know what happens to people who tell tales\". "
              f"{tie} What do I do?")
    report = analyze(letter)
    assert [e.text for e in report.situation.tied_to_them] == ["Alan"]
    assert not any(s.text.startswith("Hi Alan") for s in report.scripts)


def test_no_tie_is_read_without_words_of_one():
    letter = ("My supervisor Terry keeps shouting at me in front of the customers and last week he threw a stapler "
              "across the desk at me. The store manager, Alan, is fair and has always listened. What do I do?")
    assert analyze(letter).situation.tied_to_them == []


def test_the_route_never_sends_the_complaint_to_the_other_sides_own_post():
    r = analyze("I work on a construction site as a site engineer. Two weeks ago I told the site manager, Darren, in "
                "front of the subbies that the scaffolding had not been inspected after the storm. Since then he has "
                "moved me to the night pours, which everyone calls the punishment rota, and stopped copying me on the "
                "programme emails. Do I just wear it or do something?")
    routes = [s.to for s in r.scripts if s.to and "otherwise" in s.to]
    said = " ".join(routes + [q.answer for q in r.questions])
    assert "employer's manager above them" in said and "site manager" not in said


def test_an_appeal_with_a_deadline_leads_the_advice():
    """Red team 35: a written warning with seven days to appeal had the appeal ranked fifth, below a private talk
    with the manager who gave it. An appeal runs out; once the window closes the outcome stands."""
    r = analyze("I got a final written warning on Tuesday for a stock count that was wrong, but two other people did "
                "that count with me and nobody asked them anything. The letter says I have five working days to "
                "appeal. My supervisor says I should just accept it and keep my head down. What should I do?")
    assert r.top_actions(1) == ["HR_FORMAL"]
    first = r.recommendations[0]
    assert any("appeal" in x.text for x in first.reasons)
