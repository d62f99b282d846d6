"""Red team 53's and 54's findings (letters written fresh here): a worker blocked in by a colleague and due to be alone
with him again ("tomorrow", "next Monday") is told how to keep safe before then, and so is one working alone while
someone waits by their car; "he let me go" there is being released, not dismissed; a writer hurt by something thrown
is no witness; a plain "What should I do?" is not listed as a question the engine has no answer to; a request for
hours kept since maternity leave is about childcare, not a pregnancy; a boss who has retired is not greeted in a note;
replying to a customer's online review is no process about the writer's own conduct; where there is no HR, the
trigger for a threat says what to do there, not "go to HR (or security)"; an apology names the impression the writer
did, however the sentence led up to it; a letter written for a spouse says the words are for them to use in their own
name; money a customer owes is not let go first; and no one above a member of the public or the writer's own report
is offered as a step."""

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


def test_working_alone_again_while_someone_waits_by_the_writers_car_gets_a_safety_note():
    """(Red team 54.)"""
    from clearair.advise.notes import CLOSING_ALONE_NOTE

    report = analyze("I close the cafe on my own most nights. A man who comes in every day has started sitting in his "
                     "car parked next to mine when I lock up, and on Tuesday he asked if I wanted a lift. My manager "
                     "says he's harmless. I'm closing alone again on Thursday. Am I overreacting?")
    assert CLOSING_ALONE_NOTE in report.notes


def test_alone_together_next_monday_after_a_threat_gets_the_safety_note():
    """(Red team 54: "next Monday … just the two of us" was not read as soon.)"""
    report = analyze("My coworker Gary backed me against the lockers last week and said 'report me again and see what "
                     "happens'. Next Monday the rota has us doing the night stocktake, just the two of us. What should "
                     "I do?")
    assert ALONE_AGAIN_NOTE in report.notes


def test_the_writer_hurt_by_something_thrown_is_no_witness():
    """(Red team 54: "a bit of glass cut my arm" after the owner threw a frame was read as done to someone else.)"""
    report = analyze("It's just me and the owner, Bill, in a small picture framing shop. Last week he lost his temper "
                     "and threw a glass frame at the wall, and a bit of glass cut my arm. It has happened before with "
                     "a mug. What should I do?")
    assert not report.situation.witnessed


def test_money_a_customer_owes_is_not_let_go_first():
    """(Red team 54: "let it go and move on" first on £1,200 owed under a written quote. A guard: this letter was
    ranked with a word first before too; the rule now keeps letting it go below one wherever money is owed.)"""
    report = analyze("We're a two-man landscaping firm. A homeowner we built a patio for signed the quote for £3,000 "
                     "but has only paid £1,800 and now says the rest isn't owed because of a wobbly slab we fixed the "
                     "next day. He has left us a one-star review. Should I reply to it and say he owes us money?")
    assert report.top_actions(1)[0] != "LET_GO"


def test_no_one_above_a_member_of_the_public_or_the_writers_own_report_is_offered():
    """(Red team 54: "Raise it with their manager" offered about a regular customer and the writer's own staff. A
    guard: these two letters were ranked without it before too; the rule keeps it out wherever no one stands above
    them, short of serious conduct, where the safety floor's order stands.)"""
    customer = analyze("A regular customer at my flower shop keeps haggling over every bouquet and tells other "
                       "customers my prices are a rip-off. Last week she did it in front of a queue. How do I "
                       "handle her without losing her business?")
    report = analyze("I own a small bakery and my assistant Kayleigh keeps arriving twenty minutes late and leaving "
                     "the ovens for me to clean. I've mentioned it twice. How do I deal with it?")
    for r in (customer, report):
        assert "ESCALATE_THEIR_MANAGER" not in r.top_actions(5)
