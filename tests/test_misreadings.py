"""Misreadings a new user met, as regression tests on letters written for them (not seed letters)."""

import pytest

from clearair import analyze

KNOWN_GAP = ("the writer_fault reader still reads this letter as the writer's doing (it weighs the writer's own "
             "sentences, and this writer says a lot about what they did next); the advice does not act on it, "
             "because the other side apologised")

NEVER_SAYS_HARASS = (
    "I started at a small agency in March. My manager, the creative director, has a habit of remarking on what "
    "I wear and on my figure when we review work at his desk, and twice he left his hand on my lower back while "
    "I was showing him a layout. He sends me messages late at night that have nothing to do with work. After I "
    "told him I'd rather keep things professional, my name dropped off the pitch team and I was given the "
    "weekend shifts nobody wants. I don't know whether to raise it with him again or report him to HR. I need "
    "this job and I don't want a reputation as difficult."
)

WRITER_MOCKED = (
    "At our planning meeting on Thursday my colleague Priya walked the team through her plan for the spring "
    "launch. I thought the plan was naive and I said so in a pretty sarcastic way, something like 'did you "
    "write this on the bus?', and a few people laughed. She went red and stopped presenting. Since then she "
    "only answers my messages with one word and she sat at the far end of the table at lunch. I honestly "
    "didn't mean to humiliate her, I was just frustrated with the timeline. How do I fix this?"
)

IN_FRONT_OF_DIRECTOR = (
    "A peer on the analytics team presented my churn model as his own work at the quarterly review, in front "
    "of our director and about a dozen people. He even used my slides with my name removed. I only found out "
    "because a colleague who was there asked me why I hadn't presented it myself. This is the second time he "
    "has done something like this. I want the credit put right without starting a war."
)


def test_conduct_described_without_the_word_is_read_as_serious_and_kept_safe():
    report = analyze(NEVER_SAYS_HARASS)
    factors = {f.name: f.value for f in report.factors}
    assert factors["severity"] == "serious"
    top3 = report.top_actions(3)
    assert "TALK_DIRECT" not in top3 and "SET_BOUNDARY" not in top3
    assert "ESCALATE_MANAGER" not in top3  # he is her manager
    assert "HR_FORMAL" in top3 and "DOCUMENT" in top3
    hr = [v for v in report.option_verdicts if v.action == "HR_FORMAL"]
    assert hr and hr[0].verdict in ("recommended", "reasonable") and hr[0].reason


def test_a_writer_who_mocked_a_colleague_is_not_the_victim():
    report = analyze(WRITER_MOCKED)
    factors = {f.name: f.value for f in report.factors}
    assert factors["writer_fault"] in ("mainly", "partly")
    assert report.top_actions(1)[0] in ("APOLOGIZE", "REBUILD_TRUST")
    assert "ESCALATE_THEIR_MANAGER" not in report.top_actions(3)
    assert all("you were wronged" not in p.view.lower() for p in report.perspectives)


def test_the_audience_is_not_the_other_side():
    report = analyze(IN_FRONT_OF_DIRECTOR)
    cp = report.situation.party(report.situation.counterpart)
    factors = {f.name: f.value for f in report.factors}
    assert factors["counterpart_role"] == "peer"
    assert cp is not None and cp.role == "peer"
    assert report.top_actions(1)[0] != "LET_GO"


def test_someone_elses_my_bad_does_not_turn_the_advice_against_the_writer(seed_reports):
    report = seed_reports["skip-level-forwards-complaint"]
    assert report.top_actions(1)[0] != "APOLOGIZE"
    assert all("caused much of this" not in r.text for rec in report.recommendations for r in rec.reasons)


@pytest.mark.xfail(strict=True, reason=KNOWN_GAP)
def test_someone_elses_my_bad_is_not_read_as_the_writers_fault(seed_reports):
    report = seed_reports["skip-level-forwards-complaint"]
    factors = {f.name: f.value for f in report.factors}
    assert factors["writer_fault"] == "none"


def test_an_admission_quoted_from_someone_else_is_not_the_writers():
    """'He apologised with "sorry, my bad"' is his admission; 'I told her "my fault"' is the writer's."""
    from clearair.assess import assess
    from clearair.extract import extract
    from clearair.intake import build_document

    def at_fault(text: str) -> bool:
        return any(s.name == "narrator_at_fault" for s in assess(extract(build_document(text))))

    theirs = ("My team lead copied the whole department on an email that blamed me for the outage. When I showed "
              "him the logs he shrugged and said \"yeah, my bad\" and walked off. Nobody has corrected the record.")
    mine = ("I copied the whole department on an email that blamed my team lead for the outage. When he showed me "
            "the logs I said \"yeah, my bad\" and walked off. Nobody has corrected the record.")
    assert not at_fault(theirs)
    assert at_fault(mine)


def test_being_followed_home_is_serious_without_the_word_for_it():
    """Found by a red-team pass: following someone and waiting outside their home was read as minor."""
    report = analyze("A man from the warehouse team has started walking behind me to the bus stop after every "
                     "late shift, and twice now he has been waiting outside my flat when I got home. He never "
                     "says much. Should I talk to him and ask him to stop?")
    factors = {f.name: f.value for f in report.factors}
    assert factors["severity"] == "serious"
    assert report.top_actions(1)[0] not in ("TALK_DIRECT", "SET_BOUNDARY", "LET_GO")
    assert "Not on your own" in report.offline_answer.split("\n")[0]


# --- Forms a retired holdout and a red team showed (each general, with a negative) ---------------------------------

_CHAIR_AT_FAULT = ("I chair a small charity that runs a food bank. At our committee meeting one of our volunteers, "
                   "Hannah, said the rota was unfair because I give the easy shifts to my friends. I got defensive and "
                   "told her in front of everyone that she knew where the door was. Thinking about it afterwards, she "
                   "had a point. She has since emailed to say she is stepping down. I want to put this right.")


def test_a_chair_who_snapped_at_a_volunteer_is_not_told_to_manage_the_volunteer():
    report = analyze(_CHAIR_AT_FAULT)
    cp = report.situation.party(report.situation.counterpart)
    assert cp is not None and "Hannah" in cp.mentions
    top = [r.action for r in report.recommendations[:2]]
    assert {"APOLOGIZE", "REBUILD_TRUST"} & set(top)
    assert "MANAGE_PERFORMANCE" not in top


def test_a_point_the_other_side_made_is_counted_as_the_writers_own_part():
    from clearair.extract import facts, read
    from clearair.intake import build_document

    reading = read(build_document(_CHAIR_AT_FAULT))
    kinds = {c.kind for c in facts.cues(reading, "themes")}
    assert "narrator_fault" in kinds


def test_a_rideshare_drivers_riders_are_the_people_they_serve():
    text = ("I drive for a rideshare app in the evenings. On Saturday I picked up three lads who were drunk and one "
            "kept kicking my seat. I lost my temper and grabbed his arm. Now a rider has reported me and the app "
            "has suspended my account.")
    s = analyze(text).situation
    cp = s.party(s.counterpart)
    assert cp is not None and cp.role == "customer"


def test_someone_who_works_for_another_employer_is_outside_the_writers_lines():
    text = ("I'm an electrician working for a subcontractor on a hospital build. The site's safety lead, Marek, who "
            "works for the main contractor, told me to work on a live board. I refused, and he told my supervisor I "
            "was slow and awkward.")
    s = analyze(text).situation
    marek = next(p for p in s.parties if "Marek" in p.mentions)
    assert marek.role == "other"


@pytest.mark.parametrize("text, is_act", [
    ("I'm a man, and I'm conscious of sexual harassment issues at work, so I keep my remarks to myself.", False),
    ("I read that a sexual harassment bill has been put before Parliament, and I wonder if it covers me.", False),
    ("He made sexual comments about my body in front of the whole team on Friday afternoon.", True),
])
def test_a_word_for_conduct_that_names_a_topic_is_no_act(text, is_act):
    from clearair.extract import facts, read
    from clearair.intake import build_document

    reading = read(build_document(text))
    assert any(i.act == "harass" for i in facts.incidents(reading)) == is_act


@pytest.mark.parametrize("text, recurring", [
    ("Since the meeting I keep replaying the moment and worrying about how he took what I said to him.", False),
    ("My coworker keeps taking credit for my slides in the weekly meeting with our director and the team.", True),
])
def test_the_writers_own_mind_going_round_is_no_pattern(text, recurring):
    from clearair.extract import facts, read
    from clearair.intake import build_document

    assert facts.pattern(read(build_document(text))).recurring == recurring


@pytest.mark.parametrize("text, left", [
    ("My boss wants me gone. The job is at-will, so she could let me go easily, and I'm careful not to give her "
     "a reason to.", False),
    ("They let me go in March after eight years, and since then my old manager has been telling people I was "
     "let go for theft.", True),
])
def test_being_able_to_fire_someone_is_not_having_fired_them(text, left):
    from clearair.extract import lexicon

    assert bool(lexicon.find_kinds("constraints", ("already_left",), text)) == left


_DRIVER_UNDER_REVIEW = ("I drive for a rideshare app in the evenings. On Saturday I picked up three lads who were "
                        "drunk, and one kept kicking my seat. I lost my temper, called him names I shouldn't have and "
                        "grabbed his arm to pull him out. Now the app has suspended my account pending a review. I "
                        "know I shouldn't have touched him. How do I answer the review without making it worse?")


def test_a_writer_at_fault_before_a_review_gets_words_for_their_account_not_for_the_people_who_reported_them():
    report = analyze(_DRIVER_UNDER_REVIEW)
    kinds = {s.kind for s in report.scripts}
    assert "account" in kinds and "apology" not in kinds
    account = next(s for s in report.scripts if s.kind == "account")
    assert "wrong" in account.text and account.to == "whoever is deciding the review"
    assert not any(s.kind == "opener" and s.to.startswith("the three") for s in report.scripts)


@pytest.mark.parametrize("text, review", [
    (_DRIVER_UNDER_REVIEW, True),
    ("HR has called me to a disciplinary meeting next week about the comment I made to a colleague.", True),
    ("My coworker filed a harassment complaint against me after our argument in the kitchen last week.", True),
    ("I reviewed my colleague's report and found mistakes, and she was upset when I told her.", False),
    ("My manager is doing my annual review next month and I'm nervous about the feedback.", False),
])
def test_a_review_of_the_writers_conduct_is_told_from_other_reviews(text, review):
    from clearair.advise.scripts import faces_a_review

    assert faces_a_review(text) == review


def test_a_wronged_writer_in_a_disciplinary_asks_for_the_process_in_writing():
    report = analyze("For eighteen months I've been on a disciplinary process, and at every meeting the alleged issue "
                     "changes. My manager nitpicks my work though I beat my targets, and once said she could slap me. "
                     "Someone from HR sits in but never steps in. What can I do?")
    note = next((s for s in report.scripts if s.kind == "process_note"), None)
    assert note is not None and note.to == "HR"
    assert "in writing" in note.text and "colleague or a union representative" in note.text
    assert not any(s.kind in ("account", "apology") for s in report.scripts)  # nothing of theirs to own


def test_a_performance_plan_is_a_process_about_the_writer():
    from clearair.advise.scripts import faces_a_review

    assert faces_a_review("My new boss put me on a performance improvement plan after one bad month.")
    assert faces_a_review("They handed me a final written warning for being late twice.")
    assert not faces_a_review("I asked my manager whether we could plan the next quarter together.")


def test_a_threat_to_someones_career_is_serious_conduct_read_from_what_was_said():
    from clearair.extract import read
    from clearair.extract.conduct import serious_conduct
    from clearair.intake import build_document

    said = ("A consultant from another department leaned over the desk and said, 'I'll remember your name. You "
            "won't get a job in this region.' Then he photographed my badge.")
    others, _ = serious_conduct(read(build_document(said)))
    assert any(h.kind == "menacing_words" for h in others)
    plain = ("A consultant from another department said my referral was incomplete and asked me to redo it before "
             "the end of the shift.")
    others, _ = serious_conduct(read(build_document(plain)))
    assert not others


def test_a_consultant_from_another_specialty_is_outside_the_writers_line_and_their_own_is_their_boss():
    s = analyze("I'm a junior doctor in emergency medicine. An orthopaedic consultant came down to take a referral "
                "and shouted at me in front of the nurses when I questioned his plan. My own consultant was great "
                "and said he'd mention it.").situation
    roles = {p.mentions[0]: p.role for p in s.parties if p.mentions}
    assert roles.get("An orthopaedic consultant") == "other"
    assert roles.get("My own consultant") == "manager"


def test_the_job_before_this_one_is_no_party_and_takes_no_pronouns():
    s = analyze("Since I began reporting to my supervisor last year, after a layoff from my previous employer, she "
                "has singled me out constantly and criticises me in front of the team. What can I do?").situation
    assert not any("my previous employer" in p.mentions for p in s.parties)
    cp = s.party(s.counterpart)
    assert cp is not None and cp.role == "manager"


def test_one_of_our_clients_is_named_as_one_client():
    from clearair.extract.parties import Mention, PartyDraft, party_label

    draft = PartyDraft("customer", "customer", [Mention(0, 26, "customer", "customer", "one of our largest clients")])
    assert party_label(draft) == "the largest client"


def test_being_shouted_at_by_others_is_not_the_writers_own_act():
    """ "I'm the one getting shouted at by suppliers": the suppliers shouted (a red team found "You were aggressive
    towards someone" here)."""
    report = analyze("Marcus in finance has not answered my emails about three invoices for a month. My boss says "
                     "to keep chasing him. But I can't do my job if nobody signs these off and I'm the one getting "
                     "shouted at by suppliers. Should I go over his head?")
    assert not any(i.actor == "narrator" and i.act == "aggress" for i in report.situation.incidents)
