"""The words to say keep what the act was: a long tail after a comma goes before the tail's own point does ("turns up
twenty minutes late most days, which matters because…" is said as "you turn up twenty minutes late most days", not
"you turn up twenty minutes"); a habit told with "regularly" is said back; someone outside the writer's lines is
named, never "them"; a question that also asks what to write down gets that answered too. Letters written here."""

from __future__ import annotations

from clearair import analyze


def test_a_tail_after_a_comma_goes_before_the_words_that_say_what_the_act_was():
    report = analyze("I run a small print shop with three staff. One of them, Dario, is twenty-five and great with the "
                     "machines. He turns up between fifteen and thirty minutes late most days, which matters when "
                     "the first rush jobs come in at eight. I've mentioned it twice and he shrugs it off. How do I "
                     "raise it properly?")
    said = " ".join(s.text for s in report.scripts)
    assert "thirty minutes late" in said
    assert "thirty minutes." not in said


def test_what_to_write_down_is_answered_beside_the_words_to_say():
    report = analyze("I manage a small team at a garden centre. One of my staff, Ines, keeps leaving the tills "
                     "unbalanced at closing and telling the others it was someone else. I've raised it once, "
                     "casually. How do I have the conversation properly, and what should I write down?")
    answer = next(q.answer for q in report.questions if "write down" in q.text)
    assert "what to write down" in answer and "date and time" in answer


def test_a_habit_said_with_regularly_is_said_back_and_someone_outside_the_lines_is_named_not_them():
    report = analyze("I own a small dental practice and since spring I've rented our spare surgery to a hygienist, "
                     "Kiri, who runs her own bookings and isn't my employee. She regularly runs half an hour over into "
                     "my afternoon list, and she has started asking my receptionist, Tania, to take her payments. "
                     "How do I raise this without falling out?")
    said = " ".join(s.text for s in report.scripts)
    assert "you regularly run half an hour over" in said
    assert "The way them" not in said and "with them and" not in said
