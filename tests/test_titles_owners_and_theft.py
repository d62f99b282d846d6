"""Who is who when a title is abbreviated ("Engr. Dizon"), hyphenated ("the vice-principal") or told by where the
person stands ("one of our bosses", "the leads I work under", "a clinic with two owners", "my room leader", "one of
the senior nurses"); a partner the writer started a business with; a theft of drugs or money as serious conduct,
and an accusation of it as none; "what worries me more is X" as who the letter is about; and a skipped process as
the writer's own part. Letters of the same shapes as red team 37's and hold-43's misreadings, written here.
"""

from __future__ import annotations

from clearair import analyze
from clearair.extract import conduct, read
from clearair.intake.document import build_document
from parties_read import holder, people


def _factor(report, name: str):
    return next(f for f in report.factors if f.name == name)


def test_an_abbreviated_title_before_a_name_is_one_person():
    parties = people("I inspect fire alarms for a contractor in Cebu. My team leader, Engr. Dizon, handed me a pile "
                      "of test reports yesterday for towers I never visited and told me to sign them by Monday.")
    role, mentions = holder(parties, "Engr. Dizon")
    assert role == "manager"
    assert not any(m.startswith("Dizon") for v in parties.values() if v[1] is not mentions for m in v[1])


def test_a_hyphenated_deputy_and_the_principal_run_a_teachers_school():
    parties = people("I teach chemistry at a high school. The vice-principal, Mrs. Adebayo, keeps rewriting my lab "
                      "risk assessments without telling me, and the principal, Mr. Quist, says to sort it out "
                      "between ourselves.")
    assert holder(parties, "Adebayo")[0] == "manager"
    assert holder(parties, "Quist")[0] == "manager"


def test_the_principal_as_an_adjective_is_no_one():
    parties = people("I run the lab's stock room. The principal reason our orders are late is that my coworker "
                      "Deshawn never logs what he takes, and I end up blamed for the gaps every single month.")
    assert not any("principal" in m.lower() for v in parties.values() for m in v[1])


def test_owners_of_the_writers_workplace_are_their_bosses():
    parties = people("I'm a receptionist at a physiotherapy clinic that has two owners. One of them is lovely, but "
                      "the other cancels patients at the last minute and leaves me to take the calls. She's one of "
                      "our bosses, so what can I say to her?")
    assert holder(parties, "two owners")[0] == "manager"


def test_a_room_leader_and_the_leads_i_work_under_are_managers():
    assert holder(people("I'm an educator at a childcare centre. My room leader keeps leaving me alone with eleven "
                           "toddlers for most of the afternoon while she does paperwork in the office."),
                   "My room leader")[0] == "manager"
    parties = people("I work the floor at a hardware store. One of the department leads I work under made a nasty "
                      "joke about my accent in front of customers, and nobody said anything.")
    assert any(role == "manager" and any("leads" in m for m in mentions) for role, mentions in parties.values())


def test_one_of_my_leaders_is_not_merged_with_the_store_manager():
    parties = people("I work at a supermarket and keep clashing with one of my leaders, a section lead who joined "
                      "in spring. We've sat down with our store manager, who I really respect, and nothing changed.")
    held = [v for v in parties.values() if "one of my leaders" in v[1]]
    assert held and held[0][0] == "manager" and "our store manager" not in held[0][1]


def test_a_senior_nurse_among_the_writers_colleagues_is_a_peer():
    parties = people("I'm a staff nurse on a busy medical ward. One of the senior nurses, Bernadette, keeps giving "
                      "me the heaviest patients on every shift and rolls her eyes when I ask for help.")
    assert holder(parties, "Bernadette")[0] == "peer"


def test_a_partner_the_writer_started_a_company_with_is_their_business_partner():
    report = analyze("Last spring I set up a window-cleaning business with a partner. Over two months he has done "
                     "almost nothing, skipping site visits and leaving every quote to me. Am I wrong to expect more?")
    other_side = report.situation.party(report.situation.counterpart)
    assert other_side is not None and "a partner" in other_side.mentions
    assert _factor(report, "counterpart_role").value == "peer"


def test_someone_elses_theft_of_drugs_is_serious_conduct():
    report = analyze("I'm a nurse on a surgical ward. For weeks the controlled drug counts have been coming up short "
                     "after one colleague's night shifts, and last week I saw her slip two vials into her pocket in "
                     "the medication room. I don't know who I can safely tell.")
    severity = _factor(report, "severity")
    assert severity.value == "serious" and severity.source == "rules"


def test_an_accusation_of_theft_is_not_conduct_found():
    reading = read(build_document("My supervisor accused me of stealing money from the till after the count came "
                                  "up ten pounds short, and now the whole shift looks at me differently."))
    others, own = conduct.serious_conduct(reading)
    assert not [h for h in others + own if h.kind == "unlawful_pressure"]


def test_what_worries_me_more_names_who_the_letter_is_about():
    report = analyze("I drive for a small bakery. The owner, Greta, has me doing far more hours than we agreed, "
                     "which I could live with. What worries me more is the other driver, Pavel. Twice he has "
                     "followed me into the walk-in freezer and stood blocking the door, laughing.")
    other_side = report.situation.party(report.situation.counterpart)
    assert other_side is not None and "Pavel" in other_side.mentions


def test_a_skipped_process_is_the_writers_own_part():
    report = analyze("I'm a developer at a small agency. On Friday I shipped a fix straight to the live site; I didn't "
                     "run it through code review because I wanted to get home. It broke the checkout for six hours "
                     "and my colleague Ines spent her Saturday finding it. How do I face her on Monday?")
    assert any(s.name == "narrator_at_fault" for s in report.signals)
