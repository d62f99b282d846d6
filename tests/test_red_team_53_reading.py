"""Red team 53's misreadings of who is who (letters written fresh here): someone the writer hired works for them; a
cleaner placed at a building by an agency is on a client's site, whose own supervisor is the client's; a teacher's
own child, named, is not the other side, and a pupil's mother is someone the school serves; people named as "two of
them" are parties, the writer's staff where the writer manages; one member of a governing board stands outside the
writer's lines (a guard: the learned readers read it so before; the rule now does)."""

from clearair.pipeline import analyze


def _factor(report, name):
    return next(f.value for f in report.factors if f.name == name)


def _party_with(report, words: str):
    return next(p for p in report.situation.parties if any(words in m for m in p.mentions))


def test_someone_the_writer_hired_works_for_them():
    report = analyze("Two years ago I hired Priya myself to run our bookings. Lately she emails my director about my "
                     "decisions before talking to me, and last week she told a client I had got their dates wrong. "
                     "How do I handle her?")
    assert _factor(report, "narrator_is_manager") is True
    assert _party_with(report, "Priya").role == "direct_report"


def test_a_placed_cleaners_building_supervisor_is_the_clients():
    report = analyze("I'm a cleaner with an agency and I've been placed at a hospital for three years. The "
                     "hospital's estates supervisor, Dermot, keeps telling the ward staff I skip the sluice rooms, "
                     "which isn't true, and now he has written to my agency. What do I do?")
    assert _party_with(report, "Dermot").role == "customer"


def test_a_teachers_named_son_is_not_the_other_side_and_a_pupils_mother_is_served():
    report = analyze("I teach art at the secondary school where my daughter Maya is in year 8. Some girls in her year "
                     "keep taking her phone, and now one of those girls' mum, Mrs Hale, has told the deputy head that "
                     "I shouted at her daughter. I only asked for the phone back. What should I do?")
    cp = next((p for p in report.situation.parties if p.id == report.situation.counterpart), None)
    assert cp is None or "Maya" not in cp.mentions
    assert _party_with(report, "Mrs Hale").role == "customer"


def test_people_named_as_two_of_them_are_the_writers_staff():
    report = analyze("I started as office manager at a small estate agency in March and brought in a shared diary. "
                     "The staff hate it, and two of them, Kerry and Dom, told the owner I am bossy. How do I win them "
                     "round?")
    assert _party_with(report, "Kerry").role == "direct_report"


def test_one_member_of_a_board_is_outside_the_writers_lines():
    report = analyze("I run the youth club as a volunteer. At the committee meeting one of the trustees, Alan, said "
                     "in front of everyone that I had lost the petty cash book, which the treasurer had taken home. "
                     "Should I step down?")
    assert _party_with(report, "Alan").role == "other"
