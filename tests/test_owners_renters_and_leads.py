"""Who stands where, in shapes a retired holdout showed misread: a writer who has just opened a business runs its
staff; a writer who line-managed someone, or names "the coaches I oversee", manages them; a new foreman brought in
with a long phrase and then called "the foreman" is one person; someone who rents a chair or a room is neither boss
nor report; a conductor or music director runs the players. Letters written here.
"""

from __future__ import annotations

from clearair import analyze
from parties_read import holder, people
from parties_read import role_of_other_side as _role


def test_a_writer_who_has_just_opened_a_business_runs_its_staff():
    report = analyze("I've just opened a little bakery on the high street and I'm struggling with my pastry cook. He "
                     "refuses to clean down his bench at the end of the day, says it isn't his job, and leaves it for "
                     "the girl on the counter. I can't afford a cleaner yet. Am I wrong to insist?")
    assert report.situation.narrator.is_manager
    assert _role(report) == "direct_report"


def test_opening_the_store_for_a_shift_is_not_owning_it():
    report = analyze("I opened the store this morning as usual and my coworker Priya turned up forty minutes late "
                     "again, then told the area manager that I had been the one who was late. What should I do?")
    assert not report.situation.narrator.is_manager


def test_a_writer_who_line_managed_someone_was_their_manager():
    report = analyze("I line-managed a man on my team until his contract ended last month. Going through his shared "
                     "folders I found he had been sending nasty messages about me to a friend for months. Can I "
                     "mention this if a new employer asks me for a reference?")
    assert report.situation.narrator.is_manager
    assert _role(report) == "direct_report"


def test_the_ones_the_writer_oversees_are_their_reports_whatever_their_job_is_called():
    parties = people("I run the youth football programme at our club. One of the coaches I oversee keeps shouting "
                     "at the under-tens from the touchline and a parent has complained to me twice.", is_manager=True)
    assert holder(parties, "One of the coaches I oversee")[0] == "direct_report"
    parties = people("I look after the regional accounts. One of the clients I manage keeps calling me at night "
                     "about invoices that were paid weeks ago, and now he is copying in my director.", is_manager=True)
    assert all(role != "direct_report" for role, _ in parties.values())


def test_a_new_foreman_and_the_foreman_are_one_person():
    report = analyze("I work as a fitter in a busy body shop and three months ago we got a new shop foreman. Since "
                     "then half the fitters have left, jobs are handed out to whoever he likes, and two of us have "
                     "complained to HR. The owner keeps backing him. Every time the service manager tries to write "
                     "him up, the foreman talks his way out of it. What can I do?")
    other = report.situation.party(report.situation.counterpart)
    assert other.role == "manager"
    assert not any("new shop foreman" in m for p in report.situation.parties if p.id != other.id
                   for m in p.mentions)


def test_someone_who_rents_a_chair_from_the_writer_is_not_their_report_or_peer():
    parties = people("I own a small barbershop. Last spring I took on a barber who rents a chair from me, and he "
                     "leaves his station filthy every night and tells me I can't tell him what to do.", is_manager=True)
    assert holder(parties, "a barber who rents a chair")[0] == "other"


def test_the_owner_a_renter_pays_is_not_their_boss():
    report = analyze("I'm a nail technician and I started renting a room in a beauty salon in March. The owner "
                     "promised I'd be the only one doing nails, but last week she hired her niece to do nails too and "
                     "now gives her all the walk-ins. What are my options?")
    assert _role(report) == "other"
    assert report.situation.party(report.situation.counterpart).label == "the owner you rent from"


def test_a_conductor_runs_the_players():
    parties = people("I play second violin in a paid regional orchestra. Our conductor keeps stopping rehearsal to "
                     "single me out in front of everyone, even when the passage was fine, and I dread every week.")
    assert holder(parties, "Our conductor")[0] == "manager"
    parties = people("I'm the choir director at a large parish and the organist keeps changing the hymns I chose "
                     "without telling me, then complains to the priest about my choices.", is_manager=False)
    assert all(role != "manager" for role, _ in parties.values())


def test_the_one_the_writer_has_a_problem_with_after_a_list_is_the_other_side():
    report = analyze("I work the front desk at a dental surgery with three others: Maeve, Tomasz, Ruth and Gemma. She "
                     "is the one I have a problem with. Gemma joined in March and twice now the petty cash has been "
                     "short after she covered my lunch. I haven't said anything to her yet. What should I do?")
    other = report.situation.party(report.situation.counterpart)
    assert "Gemma" in other.mentions


def test_a_witness_who_only_saw_it_is_not_the_other_side():
    report = analyze("I coach swimming at a leisure centre. Last week a teenager in my squad shoved a younger boy into "
                     "the wall and I grabbed his shoulder to stop him. His father has complained that I manhandled "
                     "his son, and the centre manager, Mr Okafor, wants a written account by Monday. Another coach, "
                     "Leena, saw what happened from the viewing gallery. Should I ask Leena to write something too?")
    other = report.situation.party(report.situation.counterpart)
    assert "Leena" not in other.mentions


def test_a_role_in_brackets_belongs_to_the_name_before_it():
    parties = people("Every Thursday we have a planning call with Olu (finance), Grete (my team lead) and Henrik, the "
                     "consultant from head office. He has started mocking my slides in front of everyone. Grete says "
                     "nothing.")
    assert holder(parties, "Grete")[0] == "manager"
    assert "Henrik" not in holder(parties, "Grete")[1]


def test_a_name_taken_for_a_place_is_a_person_when_it_does_what_people_do():
    parties = people("I've tended bar at a busy hotel in Galway for three years. Siobhan runs the bar and does the "
                     "rota. Since I asked about the tips, Siobhan has put me on the quietest shifts and she said the "
                     "rota is the rota when I asked her about it. Should I go to the owner?")
    assert any("Siobhan" in mentions for _, mentions in parties.values())


def test_a_given_name_of_one_sex_is_never_the_he_or_she_of_the_other():
    parties = people("I run a small cleaning firm with three cleaners. One of our clients has a lodger now, and my "
                     "cleaner Megan told me that he keeps standing in the doorway while she works and asking about her "
                     "boyfriend. She doesn't want to go back on Friday.", is_manager=True)
    assert "he" not in holder(parties, "Megan")[1]


def test_a_role_in_brackets_is_not_the_name_before_the_brackets_that_hold_it():
    parties = people("At Tuesday's stock meeting there were five of us: Ines (payroll), Dana (my line manager), Pieter "
                     "(operations), Joost from IT and me. Pieter cut me off and said my numbers were made up. Nobody "
                     "said anything.")
    assert holder(parties, "Dana")[0] == "manager"
    assert [mentions for role, mentions in parties.values() if role == "manager"] == [holder(parties, "Dana")[1]]


def test_someone_the_owner_rents_a_room_to_is_not_their_report():
    parties = people("I run a small physio clinic and since June I've rented our back room to a massage therapist, "
                     "Rangi. He pays monthly and runs his own bookings. His clients park in our disabled bays and he "
                     "keeps asking my receptionist, Leanne, to take his payments.", is_manager=True)
    assert holder(parties, "Rangi")[0] == "other"
    assert "his" not in holder(parties, "Leanne")[1]


def test_a_self_employed_chair_renter_rents_from_the_owner_not_serves_them():
    report = analyze("I rent a chair at a barbershop in Leeds and I'm self-employed: I pay the owner, Gaz, a weekly "
                     "rent and keep my takings. Lately Gaz gives my walk-ins to his nephew and has started going "
                     "through my appointment book while I'm on lunch. What can I do?")
    other = report.situation.party(report.situation.counterpart)
    assert "Gaz" in other.mentions and other.label == "the owner you rent from"


def test_touching_someones_things_is_not_touching_them():
    from clearair.extract import lexicon

    assert not lexicon.find("conduct", "she keeps moving my headphones and I've asked her not to touch my stuff")
    assert lexicon.find("conduct", "he touched my hair again at the till")


def test_grabbed_by_the_waist_and_waiting_by_her_car_are_serious():
    from clearair.extract import lexicon

    kinds = {h.kind for h in lexicon.find(
        "conduct", "A client's husband grabbed my groomer Leah by the waist, and last week he waited by her car "
                   "after closing.")}
    assert {"unwanted_sexual", "physical_intimidation"} & kinds
    assert len(lexicon.find("conduct", "last week he waited by her car after closing")) == 1


def test_invoices_wrong_because_of_the_writers_own_hours_are_no_fraud():
    from clearair.extract import lexicon

    assert not lexicon.find("conduct", "finance had to reissue two invoices because my hours were wrong")
