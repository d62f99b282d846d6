"""Shapes a retired holdout (hold-55) showed misread, and words an opener lacked: "this guy" given to the manager who
was the subject before him, a principal split from "my boss" where the letter says she is the boss, a subcontractor
not read as a party (his customer taken for the other side), and openers that said "It's about [what happened]"
where the writer's words say plainly what the trouble is about. Letters written here."""

from __future__ import annotations

from clearair import analyze
from clearair.advise.phrases import SLOT_EVENT
from parties_read import role_of_other_side


def _opener(report) -> str:
    return next(s.text for s in report.scripts if s.kind in ("opener", "boundary"))


def test_this_guy_is_the_one_just_named_not_the_subject_before_him():
    report = analyze("My manager set things up so that I have to share a van with one particular coworker, and it "
                     "isn't working. Whenever I ask this guy to load his half, he just doesn't, and I end up late on "
                     "every drop. How do I get him to do his part?")
    assert role_of_other_side(report) == "peer"
    assert "this guy" in report.situation.party("peer").mentions


def test_this_guy_again_is_the_same_guy():
    """A guard for the second pointer (the old engine gave both to the manager): "this guy" said again is the one the
    first "this guy" was, not the manager named between them."""
    report = analyze("My boss has teamed me up with one particular colleague for the new client, and it is not going "
                     "well. Every time I ask this guy for his figures, nothing arrives, and then my boss blames me. "
                     "Honestly, this guy is driving me mad.")
    assert "this guy" not in report.situation.party("manager").mentions


def test_a_principal_who_is_said_to_be_the_boss_is_one_person():
    report = analyze("My principal sat in on my music lesson yesterday and told two of my pupils, in front of the "
                     "class, that their playing was a racket. She is my boss, and I don't know how to tell her this "
                     "hurt the children. How do I raise it?")
    assert role_of_other_side(report) == "manager"
    assert not any(p.role == "skip_level" for p in report.situation.parties)


def test_a_subcontractor_who_let_down_a_customer_is_the_other_side():
    report = analyze("I run a small plumbing business and one of my subcontractors left a customer of mine without "
                     "water for two days. He missed the times he agreed with her and never answered her calls. His "
                     "work is good but I can't keep covering for him. How should I handle him?")
    assert role_of_other_side(report) == "other"


def test_my_agency_is_the_writers_own_and_no_party():
    """A guard for the subcontractor words (the old engine also read the client): "my agency" is the writer's own."""
    report = analyze("I run a small design agency and one client keeps rejecting every draft at the last minute, then "
                     "blames my agency for the missed launch date in front of his board. How do I deal with him?")
    assert role_of_other_side(report) == "customer"


def test_an_opener_says_the_shared_work_is_the_topic_where_no_act_has_words():
    report = analyze("A colleague of mine on the front desk is lovely with guests, but I always end up picking up the "
                     "slack on the check-ins while she chats. I like her as a person and we get on. How do I raise it "
                     "with her?")
    opener = _opener(report)
    assert SLOT_EVENT not in opener
    assert "how the work gets shared between us" in opener


def test_an_opener_names_interrupting_in_meetings():
    report = analyze("Two of the engineers on my team cut in on anyone who speaks in our design reviews and launch "
                     "into their own stories. I have mostly stopped speaking up because of it. How do I say "
                     "something to them?")
    assert "room to finish in meetings" in _opener(report)


def test_rude_said_of_the_writer_is_no_topic():
    """A guard (the old engine had no topics by words): "I don't want to be rude" is the writer, not the other side."""
    report = analyze("My neighbour at work keeps borrowing my stapler and my chair without asking and never brings "
                     "them back. I don't want to be rude to her, but it is getting silly. What should I say?")
    assert "speaking to each other" not in _opener(report)


def test_someone_hired_at_the_writers_level_is_a_peer_and_she_is_her():
    """(A library letter showed it: "my boss hired someone at my level … She is a bully" gave "she" to the boss.)"""
    report = analyze("I run a small design team. Last spring my director hired someone at my level to lead the "
                     "print team. She is rude to everyone and takes my designers without asking. How do I handle "
                     "her?")
    level = next(p for p in report.situation.parties if "someone at my level" in p.mentions)
    assert level.role == "peer"
    assert "She" in level.mentions
