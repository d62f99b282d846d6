"""Red team 65 (who is who, questions that vent or ask for words): a writer asking what to say to the person harming
them is never told to say it "calmly and in private"; a made-up name's aside ("I'll call her Dana") stays out of a
note; "Can she keep my salary?" is a question of what an employer may do; a clause whose last word stands for
something said before ("she never assigns me any") is not retold alone; a limit asked of one act asks that it not
happen again, and "it" standing for a thing the same clause named is retold ("you took my lunch and ate it").
Letters written for these tests."""

from __future__ import annotations

from clearair import analyze
from clearair.advise.questions import find_questions
from clearair.advise.retell import retold_to_them
from clearair.advise.told import as_note_line


def test_asked_what_to_say_to_the_one_harming_them_they_are_not_sent_to_a_private_talk():
    report = analyze("My supervisor, Dev, has been touching my waist when he passes me in the stockroom, and last "
                     "week he cornered me by the lockers and tried to kiss me. I have a shift with him tomorrow. "
                     "What would I even say to him?")
    asked = next(q for q in report.questions if "even say" in q.text)
    assert "Do not meet them alone" in asked.answer
    assert "in private" not in asked.answer
    # an everyday question keeps the everyday answer
    report = analyze("My desk neighbour hums all day while I'm on calls with clients, and it throws me off. It's "
                     "a small thing and she's lovely otherwise. I want to mention it. What do I even say?")
    asked = next(q for q in report.questions if "even say" in q.text)
    assert "Do not meet them alone" not in asked.answer


def test_a_made_up_name_aside_stays_out_of_a_note():
    assert as_note_line("Our ward manager, I'll call her Dana, told me to change the time.") == \
        "Our ward manager told me to change the time."
    assert as_note_line("My coworker Sam (not his real name) keeps shouting at me.") == \
        "My coworker Sam keeps shouting at me."
    # "I'll call her back" is no name given
    assert "call her back" in as_note_line("She said, I'll call her back, and then she never did.")


def test_whether_an_employer_may_keep_the_writers_pay_is_a_question_of_what_they_may_do():
    text = ("I look after an old man in his home and his daughter pays me. She says I made a mistake with his "
            "tablets and she will not pay me this month. Can she keep my salary?")
    asked = next(q for q in find_questions(text) if "salary" in q.text)
    assert asked.kind == "legal"


def test_a_clause_ending_in_a_word_that_stands_for_something_before_is_not_retold_alone():
    assert retold_to_them("After my review she still never assigns me any.", ["she"]) is None
    assert retold_to_them("She always gives me the easiest patients.", ["she"]) is not None


def test_one_act_is_retold_with_its_own_it_and_asked_not_to_happen_again():
    report = analyze("Last Friday my coworker Tomasz took my lunch from the staff fridge and ate it, then laughed "
                     "about it with the others when I asked where it had gone. I want to tell him it isn't okay. "
                     "What should I say?")
    opener = next(s.text for s in report.scripts if s.kind == "opener")
    assert "you took my lunch from the staff fridge and ate it" in opener  # "it" is the lunch, said in the clause
    assert "[what happened]" not in opener
    assert "won't happen again" in opener and "this stop" not in opener


def test_a_note_to_the_writers_manager_leaves_out_the_lines_that_tell_of_them_by_name():
    from clearair.advise.scripts import _not_naming
    from clearair.models import Party
    boss = Party(id="manager", role="manager", label="your manager", mentions=["My head of department", "Mr Okafor"])
    lines = ["Mrs Hale took me off the Year 13 group.", "Mr Okafor told me quietly he was told to keep out of it."]
    assert _not_naming(lines, [boss]) == ["Mrs Hale took me off the Year 13 group."]
    # a title alone names no one: "My head of department saw it" stays
    assert _not_naming(["My head of department saw it."], [boss]) == ["My head of department saw it."]
