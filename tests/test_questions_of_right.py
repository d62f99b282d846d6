"""Questions a blind panel and red team 53 found unanswered: a question of right about a break or about pay ("Am I
even allowed a lunch break?") gets what the law usually says and where to check, not only "clearair cannot judge",
and "Is this normal?" about a day with no break is not called small; "Is this as strange as it seems to me?" asked by
someone who employs the other side is answered as such, not as a colleague's harmless habit; and "Can he just change
it?" of hours long agreed is answered, not met with the first step alone."""

from clearair.pipeline import analyze


def _answer(report, words: str):
    return next(q for q in report.questions if words in q.text)


def test_a_break_asked_as_a_right_is_answered_with_what_the_law_usually_says():
    report = analyze("My supervisor keeps putting me on nine-hour shifts with no lunch break, and when I asked she "
                     "said there is no time. Am I even allowed to work nine hours without a break?")
    q = _answer(report, "without a break")
    assert q.verdict == "cannot judge"
    assert "six hours" in q.answer and "contract" in q.answer


def test_that_legal_after_money_taken_from_wages_is_about_pay():
    report = analyze("My boss took 80 dollars out of my wages because the till was short on a night I was not even "
                     "working. Is that legal? I need this job.")
    q = _answer(report, "legal")
    assert "without your agreement" in q.answer


def test_is_this_strange_from_an_employer_is_not_waved_away_as_a_harmless_habit():
    report = analyze("Our nanny has been washing her own family's laundry at our house without asking us. Is this "
                     "as strange as it seems to me, and what would you do?")
    q = _answer(report, "strange")
    assert q.kind == "norm"  # (was read as a request for advice, and answered with the first step alone)
    assert q.verdict == "yes" and not q.answer.startswith("Not really")


def test_no_break_in_a_long_day_is_not_called_normal_and_allowed_a_break_is_a_question_of_right():
    report = analyze("I run the till at a garden centre, nine to six, and the owner says there is no cover for a "
                     "lunch break, so I eat standing at the counter. Am I even allowed a lunch break? Is this normal "
                     "for shop work?")
    allowed = _answer(report, "allowed")
    assert allowed.kind == "legal" and "six hours" in allowed.answer
    normal = _answer(report, "normal")
    assert normal.verdict == "no"


def test_can_he_just_change_long_agreed_hours_is_answered():
    """(Red team 54: "Can he just change it?" got the first step alone.)"""
    report = analyze("For four years I've worked 8 till 3 so I can collect my son, agreed by email with my old "
                     "manager. My new manager has told me I must work 9 to 5 from next month like everyone else. Can "
                     "he just change it?")
    q = _answer(report, "change it")
    assert q.answer.startswith("Not always")
