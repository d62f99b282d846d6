"""Red team 53's findings (letters written fresh here): a worker blocked in by a colleague and due to be alone with
him again is told how to keep safe before then, and "he let me go" there is being released, not dismissed; a plain
"What should I do?" is not listed as a question the engine has no answer to; a request for hours kept since maternity
leave is about childcare, not a pregnancy; a boss who has retired is not greeted in a note; and replying to a customer's
online review is no process about the writer's own conduct; and where there is no HR, the trigger for a threat says
what to do there, not "go to HR (or security)"; and an apology names the impression the writer did, however the
sentence led up to it, not "what happened was on me"; a letter written for a spouse says the words are for them to
use in their own name."""

from clearair.advise.notes import ALONE_AGAIN_NOTE
from clearair.pipeline import analyze
from clearair.render.view import unanswered

BLOCKED_IN = ("I work evenings at a hardware store. Last week my coworker Shane cornered me in the loading bay and "
              "stood in front of the door so I couldn't get out, laughing when I asked him to move. After a few "
              "minutes a delivery driver honked and he let me go. It's just the two of us on the late shift again "
              "tomorrow. Am I overreacting?")


def test_time_alone_again_with_someone_who_blocked_the_writer_in_gets_a_safety_note():
    report = analyze(BLOCKED_IN)
    assert ALONE_AGAIN_NOTE in report.notes


def test_he_let_me_go_after_being_blocked_in_is_not_leaving_the_job():
    report = analyze(BLOCKED_IN)
    assert not any(c.kind == "already_left" for c in report.situation.constraints)
    words = " ".join(s.text for s in report.scripts)
    assert "no longer work there" not in words


def test_a_plain_what_should_i_do_is_not_listed_as_unanswered():
    report = analyze("My team lead keeps moving my deadlines forward without telling me, and then reminds everyone "
                     "in the stand-up that I am behind. It has happened four times this month. What should I do?")
    assert "What should I do?" not in unanswered(report)


RETIRED_BOSS = ("My old manager Colin retired in the spring. He always let me work 7 till 3 for the school pickup, "
                "which we agreed when I came back from maternity leave two years ago. The man who took over his "
                "role, Keith, has now told me everyone works 9 to 5 from next month, no exceptions. Nothing was "
                "written down. Can he just do this?")


def test_a_request_after_maternity_leave_is_about_childcare_not_a_pregnancy():
    words = " ".join(s.text for s in analyze(RETIRED_BOSS).scripts)
    assert "my pregnancy" not in words
    assert "note from my doctor" not in words


def test_a_retired_boss_is_not_greeted_in_a_note():
    """(A guard on the old reading, which took Keith for no one of the writer's line and greeted nobody; read now as
    the writer's manager, his predecessor is the one other boss named.)"""
    from clearair.advise.scripts import their_managers_name

    report = analyze(RETIRED_BOSS)
    assert their_managers_name(report.situation) != "Colin"


def test_replying_to_a_customers_online_review_is_no_process_about_the_writer():
    report = analyze("We run a small bakery. A customer who never paid for a wedding cake left us a one star review on "
                     "Google calling us liars. My partner wants to reply to the review and name him. What should we "
                     "do?")
    assert not report.situation.under_review
    assert not any("hearing" in n for n in report.notes)


def test_a_shop_with_no_hr_is_not_told_to_go_to_hr_after_a_threat():
    report = analyze("It's just me and the owner, Barry, in a two-man garage. No HR, nothing. Barry has a temper: he "
                     "shouts in my face and last week he threw a spanner at the wall next to me when a part came in "
                     "wrong. Who do I even talk to when there's nobody above him?")
    texts = [t.text for t in report.revisit_if]
    assert not any("go to HR" in t for t in texts)


def test_an_apology_names_the_impression_told_after_other_words():
    report = analyze("At the leaving drinks I was showing off and did an impression of Ravi's accent, and people "
                     "laughed. He saw it and went home early. I regret it and want to put it right. What should I say "
                     "to him?")
    words = " ".join(s.text for s in report.scripts)
    assert "The impression I did of your accent" in words


def test_a_letter_written_for_a_spouse_says_the_words_are_theirs_to_use():
    from clearair.advise.notes import ON_BEHALF_NOTE

    report = analyze("I'm writing on behalf of my wife, who won't ask herself. Her supervisor at the call centre "
                     "times her toilet breaks and reads the times out at the team huddle. She dreads going in. What "
                     "can she do?")
    assert ON_BEHALF_NOTE in report.notes
