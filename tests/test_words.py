"""Words a person would say: the written answer, the scripts, the perspectives and
the one view every surface renders, in plain language."""

import re

import pytest

from clearair import analyze
from clearair.advise.phrases import SLOT_EVENT
from clearair.advise.scripts import render_scripts
from clearair.models import ACTION_CODES, Audience, Avoid, Cue, Incident, Party, Pattern, Signal, Situation
from clearair.render.view import build_view, find_action

SIGNED_FLOAT = re.compile(r"[+\-−]\d+\.\d\d\b")
CODE = re.compile(r"\b(" + "|".join(ACTION_CODES) + r")\b")
BAD_GRAMMAR = re.compile(r"\byou (is|was|has|does|doesn't|isn't|wasn't)\b|\byou's\b|\bWhen i\b|\byou from\b", re.I)


def sig(*names: str, strength: float = 1.0) -> dict[str, Signal]:
    return {n: Signal(name=n, strength=strength, detail=n) for n in names}


def situation(summary: str, act: str, mentions=("my coworker", "he"), actor="peer", role="peer",
              audience="unknown", size=None, attempts=()) -> Situation:
    return Situation(
        parties=[Party(id=actor, role=role, label=f"your {role}", mentions=list(mentions))],
        counterpart=actor,
        incidents=[Incident(actor=actor, act=act, summary=summary, audience=Audience(kind=audience, size=size))],
        pattern=Pattern(recurring=False),
        attempts=[Cue(kind=k, text=k) for k in attempts])


# --- scripts -------------------------------------------------------------------------------
@pytest.mark.parametrize("summary,act,mentions", [
    ("He is a bully and he is rude to me in every meeting.", "aggress", ("my coworker", "he")),
    ("She's now seeing a man I used to date and she keeps bringing it up.", "humiliate", ("my manager", "she")),
    ("Jordan has been telling people I can't be trusted with clients.", "gossip", ("Jordan",)),
    ("The guy from another team is always taking credit for my slides.", "steal_credit", ("The guy",)),
    ("my peer from another team sent a separate email to the customer", "undermine", ("my peer", "he")),
])
def test_scripts_keep_pronouns_and_verbs_in_agreement(summary, act, mentions):
    s = situation(summary, act, mentions)
    for top in (["TALK_DIRECT", "SET_BOUNDARY", "ESCALATE_MANAGER"], ["HR_FORMAL", "ESCALATE_THEIR_MANAGER"]):
        for script in render_scripts(s, top, sig("recurring")):
            assert not BAD_GRAMMAR.search(script.text), script.text
            assert summary[:25] not in script.text  # a paraphrase, never the writer's clause pasted in
            assert "{" not in script.text and "}" not in script.text


def test_the_old_template_failures_cannot_come_back():
    """The sentences the blind panel quoted: "you is a bully", "When you's now seeing…"."""
    for summary, act in (("he is a bully", "aggress"), ("she's now seeing a man I used to date", "humiliate"),
                         ("the work arrived late", "fail_deliver")):
        s = situation(summary, act, ("he", "she"))
        text = " ".join(x.text for x in render_scripts(s, ["TALK_DIRECT", "SET_BOUNDARY"], sig("recurring")))
        assert "you is" not in text and "you's" not in text.lower()
        assert "work arrived late" not in text


def test_an_act_without_clean_words_leaves_a_slot_the_writer_is_told_to_fill_not_an_invented_quarrel():
    """Two blind panels found "something has been getting in the way between us" fitted nothing in the letter
    (a trusting friendship, a salary question): where the act has no clean words, the writer says it."""
    s = situation("something odd happened at the offsite", "harass")
    opener = render_scripts(s, ["TALK_DIRECT"], {})[0]
    assert "[what happened]" in opener.text and opener.fill_in == ["[their name]", "[what happened]"]
    assert "getting in the way between us" not in opener.text
    assert "offsite" not in opener.text
    for slot in re.findall(r"\[[^\]]+\]", opener.text):
        assert slot in opener.fill_in


def test_a_report_wronged_by_a_peer_is_backed_up_and_the_peer_hears_it_as_you():
    s = situation("my peer from another team sent a separate email to the customer", "undermine",
                  mentions=("my peer", "he"), audience="external", attempts=("fix", "feedback"))
    s.parties.append(Party(id="direct_report", role="direct_report", label="your direct report", mentions=["my DR"]))
    kinds = {x.kind: x for x in render_scripts(s, ["COACH_REPORT", "TALK_DIRECT"], sig("external_exposure"))}
    assert kinds["backing"].to == "your report"
    assert "The way the other team handled it was not right, and I've told them so." in kinds["backing"].text
    assert "When you questioned my team's work by email where the customer could see it" not in kinds["opener"].text
    assert "When you questioned my team's work where the customer could see it" in kinds["opener"].text


def test_scripts_are_addressed_to_the_right_person():
    s = situation("he forwarded the complaint to everyone", "forward", audience="large_group", size=50,
                  actor="skip_level", role="skip_level")
    s.parties.append(Party(id="manager", role="manager", label="your manager", mentions=["my boss"]))
    scripts = {x.kind: x for x in render_scripts(s, ["TALK_DIRECT", "ESCALATE_MANAGER", "CLARIFY_RECORD"],
                                                 sig("public_exposure"))}
    assert scripts["opener"].to == "your skip_level"
    assert scripts["manager_note"].to == "your manager"
    assert "about 50 people" in scripts["opener"].text
    # About 50 people saw it: the record is corrected through the sender, never by a mass email.
    assert "email" not in scripts and scripts["sender_note"].action == "CLARIFY_RECORD"


def test_only_scripts_that_fit_the_top_advice():
    s = situation("he questioned my work", "undermine", audience="team")
    kinds = {x.kind for x in render_scripts(s, ["LET_GO", "WAIT", "REBUILD_TRUST"], sig("one_off"))}
    assert kinds == set()  # no script for advice that needs no words
    kinds = {x.kind for x in render_scripts(s, ["TALK_DIRECT", "APOLOGIZE", "CLARIFY_RECORD"], {})}
    assert "apology" not in kinds  # nothing to own
    assert "email" in kinds  # the team saw it and a note is advised
    kinds = {x.kind for x in render_scripts(s, ["TALK_DIRECT", "APOLOGIZE"], sig("narrator_at_fault"))}
    assert "apology" in kinds
    kinds = {x.kind for x in render_scripts(s, ["TALK_DIRECT", "APOLOGIZE"], sig("narrator_at_fault",
                                                                              "narrator_apologized"))}
    assert "apology" not in kinds  # already apologised: say it once
    assert "agenda" not in {x.kind for x in render_scripts(s, ["TALK_DIRECT", "ESCALATE_MANAGER"], {})}
    assert "agenda" in {x.kind for x in render_scripts(s, ["MEDIATE", "TALK_DIRECT"], {})}
    avoided = [Avoid(action="TALK_DIRECT", title="t", why="w")]
    assert not render_scripts(s, ["TALK_DIRECT"], {}, avoided)
    assert not {x.kind for x in render_scripts(s, ["TALK_DIRECT", "SET_BOUNDARY", "MEDIATE"], {}, serious=True)}


def test_seed_scripts_read_as_written_for_this_case(seed_reports):
    cold = seed_reports["peer-goes-cold-after-mistake"]
    assert not any(x.kind == "apology" for x in cold.scripts)  # apologised already, and it is under "not now"
    opener = next(x.text for x in cold.scripts if x.kind == "opener")
    assert "sorry again" in opener and "working together less" in opener
    skip = seed_reports["skip-level-forwards-complaint"]
    assert not any(x.kind in ("apology", "email") for x in skip.scripts)  # wronged; 50 people: no mass email
    report = seed_reports["peer-undermines-report-to-customer"]
    kinds = {x.kind: x for x in report.scripts}
    if report.situation.counterpart == "peer":  # read as the letter means it: the peer wronged the report
        assert "coaching" not in kinds  # the report did nothing to answer for here
        if "backing" in kinds:  # when supporting the report is among the steps: someone else wronged them
            assert kinds["backing"].to == "your report"
            assert "The way the other team handled it was not right" in kinds["backing"].text
        assert "When you questioned my team's work by email where the customer could see it" in kinds["opener"].text
    else:  # read with the report as the other side: feedback to them, never "backing" against themselves
        assert "backing" not in kinds
    openers = [x.text.splitlines()[1] for r in seed_reports.values() for x in r.scripts if x.kind == "opener"]
    assert len(set(openers)) == len(openers)  # no shared stock sentence


# --- the written answer ---------------------------------------------------------------------
def test_the_answer_leads_with_what_is_going_on_then_what_to_do(seed_reports):
    for name, r in seed_reports.items():
        answer = r.offline_answer
        assert answer and len(answer.split()) < 170, name
        paragraphs = answer.split("\n\n")
        assert 2 <= len(paragraphs) <= 3, name
        if r.questions:  # the writer's own question is answered first, then the best first step
            assert paragraphs[0].startswith(("You asked", "You wrote"))
        step = next(p for p in paragraphs if "best first step" in p.lower())
        assert r.recommendations[0].title.lower() in step.lower()
        assert not CODE.search(answer) and not SIGNED_FLOAT.search(answer)
    skip = seed_reports["skip-level-forwards-complaint"].offline_answer
    assert "about 50 people" in skip and "apologised" in skip
    # The public route is ruled out: in the list of what to avoid, or in the answer to the question that asked it.
    assert "What to avoid: a public confrontation, reply-all or mass email" in skip or "mass apology?” No:" in skip
    cold = seed_reports["peer-goes-cold-after-mistake"].offline_answer
    assert "had a part in it" in cold  # said kindly, not hidden


def test_the_answer_keeps_the_safety_floor():
    r = analyze("My supervisor touched my lower back twice last week and keeps commenting on my body in front "
                "of the team. I am scared to go to work and I don't know who to tell.")
    answer = r.offline_answer.lower()
    assert "serious" in answer and "do not go to the person on your own" in answer
    assert "talk to them privately" not in answer
    assert not any(x.kind in ("opener", "boundary", "agenda") for x in r.scripts)


def test_the_answer_never_asks_a_wronged_writer_to_apologise(seed_reports):
    skip = seed_reports["skip-level-forwards-complaint"]
    advice = [p for p in skip.offline_answer.split("\n\n") if "best first step" in p.lower() or "not enough" in p]
    assert advice and not any(re.search(r"\b(own your part and apologi|you should apologi|say sorry)", p.lower())
                              for p in advice)
    assert all(p.top_action != "APOLOGIZE" for p in skip.perspectives)


def test_a_model_answer_is_shown_in_place_of_the_offline_one(seed_reports):
    r = seed_reports["skip-level-forwards-complaint"].model_copy(deep=True)
    assert build_view(r).answer_by == "offline" and build_view(r).answer == r.offline_answer
    r.answer = "A model wrote this."
    v = build_view(r)
    assert v.answer == "A model wrote this." and v.answer_by == "model"


def test_an_older_report_without_an_offline_answer_gets_one(seed_reports):
    r = seed_reports["peer-goes-cold-after-mistake"].model_copy(deep=True)
    r.offline_answer = ""
    answer = build_view(r).answer
    assert answer and "best first step" in answer.lower() and not CODE.search(answer)


# --- perspectives -------------------------------------------------------------------------
def test_perspectives_open_from_the_facts_and_agree_in_one_line(seed_reports):
    openings = {}
    for r in seed_reports.values():
        for p in r.perspectives:
            if p.disagrees_with_main:
                openings.setdefault(p.name, set()).add(p.view.split(". So would")[0].split(". Would")[0])
                # (a second persona with the same first step says so instead of repeating the reason; "So" only
                # where the opening argued for that step)
                assert "So would start with" in p.view or "Would also start with" in p.view \
                    or " Would start with" in p.view
            else:
                assert p.view.startswith("Agrees with the first step") and p.view.count(".") == 1
    assert any(len(v) > 1 for v in openings.values())  # the same adviser opens differently on different facts


def test_no_perspective_calls_a_writer_at_fault_wronged(seed_reports):
    r = analyze("I made a mistake: in a team chat I mocked a colleague's presentation, not knowing she was in "
                "the channel. She has been cold to me since and I feel terrible. How do I fix this?")
    for report in (r, seed_reports["peer-goes-cold-after-mistake"]):
        for p in report.perspectives:
            assert "wronged" not in p.view.lower() and "as you tell it" not in p.view.lower()


# --- the view -----------------------------------------------------------------------------
def test_the_view_has_no_codes_or_signed_scores(seed_reports):
    for r in seed_reports.values():
        v = build_view(r)
        shown = v.model_dump(exclude={"actions": {"__all__": {"code"}}, "more_actions": {"__all__": {"code"}}})
        text = str(shown)
        assert not CODE.search(text), CODE.search(text)
        assert not SIGNED_FLOAT.search(text)
        assert len(v.actions) == 3 and all(a.bar.count("●") == a.level for a in v.actions)
        assert v.actions[0].strength == "Best fit"


def test_the_reading_is_sentences(seed_reports):
    v = build_view(seed_reports["peer-undermines-report-to-customer"])
    sentences = [f.sentence for f in v.reading]
    assert "Your peer undermined you or your team by email; the customer saw it." in sentences
    assert all(s[0].isupper() and s.endswith(".") for s in sentences)
    assert not any("_" in s for s in sentences)


def test_the_case_timeline_and_history_say_what_happened():
    import datetime as dt
    from types import SimpleNamespace

    r = analyze("My peer Sam keeps leaving me off the planning invites. It has happened three times this month.")
    day = dt.date(2026, 11, 20)
    versions = [SimpleNamespace(kind="original", text="x", happened_on=None, created_at=dt.datetime(2026, 11, 1),
                                report=SimpleNamespace(top_actions=["TALK_DIRECT"], movement=[])),
                SimpleNamespace(kind="update", text="Update: He apologised in front of the team on Monday.",
                                happened_on=day, created_at=dt.datetime(2026, 11, 21),
                                report=SimpleNamespace(top_actions=["LET_GO"], movement=[
                                    {"action": "LET_GO", "before": 4, "after": 1, "why": []}]))]
    journal = [SimpleNamespace(happened_on=day, who="Sam", what="left me off the invite", channel="email",
                               witnesses=None)]
    v = build_view(r, "Sam", dates=["2026-11-20"], journal=journal, versions=versions)
    labels = [t.label for t in v.timeline]
    assert "He apologised in front of the team on Monday" in labels
    assert "Sam: left me off the invite" in labels
    assert not any("your update" in x.lower() for x in labels)
    assert v.history[1].moves == ["“Let it go and move on” rose from number 4 to 1."]
    assert v.history[0].advice == ["Talk to them privately, one to one"]


@pytest.mark.parametrize("typed,code", [("LET_GO", "LET_GO"), ("let_go", "LET_GO"), ("let it go", "LET_GO"),
                                        ("Talk to them privately, one to one", "TALK_DIRECT"),
                                        ("apologise", "APOLOGIZE"), ("mass email", "PUBLIC_CALLOUT"),
                                        ("HR", "HR_FORMAL")])
def test_explain_accepts_a_title_or_a_code(typed, code):
    assert find_action(typed) == [code]


def test_explain_asks_for_more_words_when_a_title_is_ambiguous():
    assert set(find_action("manager")) == {"ESCALATE_MANAGER", "ESCALATE_THEIR_MANAGER"}
    assert find_action("xyzzy") == []


def test_explain_speaks_in_sentences(seed_reports):
    from clearair.render.terminal import explanation

    lines = explanation(seed_reports["skip-level-forwards-complaint"], "LET_GO")
    assert lines[0].startswith("“Let it go and move on” is clearair's first choice")
    assert any(line.startswith("What speaks for it:") and "(you wrote “" in line for line in lines)
    text = " ".join(lines)
    assert not CODE.search(text) and not SIGNED_FLOAT.search(text) and "@" not in text


def test_every_request_reads_right_in_both_frames():
    """Asks are said as "could …?" and as "I'm asking that …": each starts with its subject."""
    from clearair.knowledge import load

    for act, ask in load("scripts")["asks"].items():
        first = ask.split()[0].lower()
        assert first in {"we", "i", "any", "anything", "feedback", "work", "requests", "what", "concerns"}, (act, ask)


def test_a_report_who_is_the_other_side_gets_feedback_not_backing():
    s = situation("he missed the deadline again", "fail_deliver", actor="dr", role="direct_report")
    kinds = {x.kind: x for x in render_scripts(s, ["COACH_REPORT", "TALK_DIRECT"], sig("recurring"))}
    assert "coaching" in kinds and "backing" not in kinds
    assert "When the work didn't come through as we agreed" in kinds["coaching"].text
    assert "I'm asking that I hear early whenever a deadline is at risk" in kinds["coaching"].text


# --- revisit if… ----------------------------------------------------------------------------
def test_a_trigger_that_has_already_happened_is_not_shown_as_future():
    from clearair.advise.triggers import REPEATED_AFTER_APOLOGY, events, revisit_if
    from clearair.models import Evidence

    def ev(start):
        return [Evidence(start=start, end=start + 10, text="x" * 10)]

    s = situation("he forwarded it to everyone", "forward", actor="skip_level", role="skip_level")
    s.incidents[0].evidence = ev(0)
    s.responses = [Cue(kind="apology", text="he apologised", by="skip_level", evidence=ev(100))]
    assert events(s) == set()
    before = {t.text for t in revisit_if(sig("one_off", "repair_offered"), events(s))}
    assert any(t.startswith("If the apology is not followed") for t in before)
    assert any(t.startswith("If it happens again") for t in before)
    s.incidents.append(Incident(actor="skip_level", act="forward", evidence=ev(300),
                                summary="Last week he forwarded another complaint about me to the whole team."))
    assert events(s) == {REPEATED_AFTER_APOLOGY}
    after = {t.text for t in revisit_if(sig("one_off", "repair_offered"), events(s))}
    assert not any(t.startswith(("If the apology is not followed", "If it happens again")) for t in after)
    recurring = {t.text for t in revisit_if(sig("recurring", "repair_offered"))}
    assert not any(t.startswith("If the apology is not followed") for t in recurring)


def test_no_note_about_a_message_when_nothing_was_sent():
    """Found by a red-team pass: 'a short note about the message that went out' for a letter about meetings."""
    spoken = situation("he presented my analysis as his own in front of the whole team", "steal_credit",
                       audience="large_group", size=40)
    spoken.incidents[0].channel = "meeting"
    kinds = {x.kind for x in render_scripts(spoken, ["TALK_DIRECT", "CLARIFY_RECORD"], sig("public_exposure"))}
    assert "sender_note" not in kinds and "email" not in kinds
    sent = situation("he forwarded my complaint to everyone", "forward", audience="large_group", size=40)
    sent.incidents[0].channel = "email"
    kinds = {x.kind for x in render_scripts(sent, ["TALK_DIRECT", "CLARIFY_RECORD"], sig("public_exposure"))}
    assert "sender_note" in kinds  # something was sent: a note to its sender still fits


def test_the_answer_builds_on_what_the_writer_already_tried():
    """A step already taken is said as its next stage, and what was tried is said back, not re-advised as news."""
    text = ("For a year my supervisor has singled me out: she criticises everything I do in front of the team, "
            "and nobody else gets this. I have kept dated notes since last spring and I went to HR in March, "
            "but nothing happened. I can't afford to lose this job. What can I do?")
    answer = analyze(text).offline_answer
    assert "You have already" in answer and "kept notes" in answer
    assert "keep dated written notes" not in answer.lower() or "you already keep some" in answer
    assert len(answer.split()) <= 160


def test_a_limit_after_a_single_slip_is_stated_without_a_threat():
    """ "If it happens again, I'll take it further" only where it keeps happening and was already raised with
    them (or is more than friction): in a first talk about a small habit it reads as a threat."""
    once = analyze("A coworker I sit next to took my lunch from the shared fridge yesterday without asking. It was "
                   "the first time and it annoyed me more than it should. How do I tell her not to do it again?")
    first_talk = analyze("A coworker keeps taking my lunch from the shared fridge. It has happened every week since "
                         "March, even after I labelled it. How do I tell her to stop?")
    again = analyze("A coworker keeps taking my lunch from the shared fridge. It has happened every week since "
                    "March. I asked her about it twice and she laughed it off. How do I tell her to stop?")
    for report, threat in ((once, False), (first_talk, False), (again, True)):
        limit = next((s for s in report.scripts if s.kind == "boundary"), None)
        if limit is not None:
            assert ("take it further" in limit.text) is threat, limit.text


def test_the_answer_never_says_the_letter_is_about_hr():
    """HR is where a letter goes; when the reading lands on it, the answer does not name it as the other side."""
    r = analyze("I told HR he touched her at the Christmas party and made comments about her body. Nothing has "
                "happened since and he still sits next to her every day. Should I go to HR again?")
    assert "This is about HR" not in r.offline_answer


def test_the_summary_keeps_acronyms_and_lowers_an_article_mid_sentence():
    from clearair.extract.parties import Mention, PartyDraft, party_label

    def label(text: str) -> str:
        return party_label(PartyDraft("other", "other", [Mention(0, len(text), "other", "other", text)]))

    report = analyze("My coworker keeps making comments about my body and last week he grabbed my arm in the "
                     "corridor when I walked away. It keeps happening. Should I go to HR?")
    assert "hr or make" not in report.summary and "HR" in report.summary
    assert label("The contractor") == "the contractor" and label("The Hale agency") == "the Hale agency"


def test_a_second_talk_is_not_worded_as_a_first():
    """After a talk that did not work, the opener says it is coming back to it (a blind panel named words that
    "repeat the private talk she already tried")."""
    from clearair.pipeline import analyze_many

    again, first = analyze_many([
        "A coworker on my shift keeps taking my lunch from the shared fridge and eating half of it. I asked her about "
        "it nicely two weeks ago and she laughed it off, and it has happened three more times since. We work closely "
        "on the same ward so I don't want a war. How do I bring it up again without making things awkward?",
        "A coworker on my shift keeps taking my lunch from the shared fridge and eating half of it. It has happened "
        "four times this month. We work closely on the same ward so I don't want a war. How do I bring it up without "
        "making things awkward?"])
    opener = next(s.text for s in again.scripts if s.kind == "opener")
    assert "come back to what we talked about" in opener
    assert all("come back to" not in s.text for s in first.scripts)


def test_the_words_come_back_to_an_earlier_talk_only_when_there_was_one():
    # A red team found "I'd like to come back to what we talked about before" in letters that told of no talk
    # (the already-raised reader alone, unsure: 0.51-0.55, below ``advise.RAISED_CONFIDENCE``).
    base = ("My coworker Priya keeps talking over me in our team meetings and then repeats my points as her own. "
            "It happens in every meeting, week after week, and I am tired of it. ")
    talked = analyze(base + "I spoke to her about it after the first time and she said she would stop, but she "
                            "hasn't. How do I handle this?")
    never = analyze(base + "On Monday she did it again while our manager was in the room. How do I handle this?")
    said = lambda r: " ".join(s.text for s in r.scripts)  # noqa: E731
    assert "talked about this before" in said(talked) or "come back to" in said(talked)
    assert "talked about this before" not in said(never) and "come back to" not in said(never)


def test_a_note_about_the_manager_goes_above_them_never_to_them():
    """When the other side is the writer's own manager, "a note to your manager" would go to the person the
    note is about: the words go a level up instead (a red-team finding: "Hi Karen" about Karen)."""
    s = situation("she criticised my work in front of the aides", "humiliate", ("my nurse manager", "she"),
                  actor="manager", role="manager")
    scripts = render_scripts(s, ["TALK_DIRECT", "ESCALATE_MANAGER"], sig("recurring"))
    kinds = [x.kind for x in scripts]
    assert "manager_note" not in kinds and "their_manager_note" in kinds
    note = next(x for x in scripts if x.kind == "their_manager_note")
    # the manager is named by the letter's own title ("my nurse manager"), never as a peer or by their name
    assert "my nurse manager and I" in note.text and note.to != "your manager"
    peer = situation("he took credit for my slides", "steal_credit")
    assert "manager_note" in [x.kind for x in render_scripts(peer, ["ESCALATE_MANAGER"], sig("recurring"))]


# --- the other side's act, retold to them -------------------------------------------------
@pytest.mark.parametrize("sentence,names,said", [
    ("A new guy started recently and he keeps parking in my spot.", ["A new guy"], "you keep parking in my spot"),
    ("Last week he presented my analysis to the director as his own.", ["Dave"],
     "you presented my analysis to the director as your own"),
    ("Then he shouted at me in front of the whole team because the delivery was late.", [],
     "you shouted at me in front of the whole team"),
    ("My coworker Dave has been taking credit for my reports in team meetings.", ["My coworker", "Dave"],
     "you have been taking credit for my reports in team meetings"),
    # too long to say aloud: the trailing modifier goes, what they do stays
    ("She keeps doing things her own way instead of how the rest of us established hygienists handle patients, "
     "so our care isn't consistent anymore.", [], "you keep doing things your own way"),
    # a habit told by its time words, and being late as something done
    ("The colleague at the desk next to mine plays his radio the whole working day.",
     ["The colleague at the desk next to mine"], "you play your radio the whole working day"),
    ("Since then she's been late at least once every week.", [], "you have been late at least once every week"),
    # a second act joined inside the first is left out, with the pronoun it would need
    ("She keeps taking documents from my desk and hiding them.", ["she"], "you keep taking documents from my desk"),
    # a name set beside the role word, and a relative clause before it: no stray comma is said back
    ("A colleague of mine, Stacey, keeps missing our shift handovers.", ["A colleague of mine", "Stacey"],
     "you keep missing our shift handovers"),
    ("The guy who sits next to me, Ben, takes all his calls on speaker and eats crisps loudly all afternoon.",
     ["The guy", "Ben", "his", "He", "him"],
     "you take all your calls on speaker and eat crisps loudly all afternoon"),
    # a short second act of theirs joined with "and" is said too: the clause no longer breaks at the gap
    ("He swears and groans out loud all day.", ["he"], "you swear and groan out loud all day"),
    ("He shouts at me and slams the door every morning.", ["he"], "you shout at me and slam the door every morning"),
    # the act told in a clause of the person: "a woman who…", "a designer in the Leeds office who…"
    ("I work with a woman who constantly interrupts me in meetings.", ["a woman"],
     "you constantly interrupt me in meetings"),
    ("There's a designer in the Leeds office who keeps taking my concepts and presenting them as hers.",
     ["a designer", "Holly"], "you keep taking my concepts"),
    # a habit in the making ("has started missing"), and a progressive the parse takes for a passive, at what the
    # writer wrote ("the summaries I write")
    ("One of my reports, a designer called Oscar, has started missing deadlines and nobody knows why.",
     ["Oscar", "One of my reports"], "you have started missing deadlines"),
    ("For two months she's been taking the summaries I write for the client call.", ["she"],
     "you have been taking the summaries I write for the client call"),
])
def test_the_other_sides_act_is_retold_to_them_in_the_writers_words(sentence, names, said):
    from clearair.advise.retell import retold_to_them

    assert retold_to_them(sentence, names) == said


@pytest.mark.parametrize("sentence", [
    "She started working here in May and sits by the window.",  # a start of work is no act to retell
    "She told everyone that I was lazy.",  # what was said is the point, and a clause without it says nothing
    "I asked her to stop hogging our meeting time.",  # what they were asked, not what they did
    "I worry she could easily take over my duties.",  # a fear, not an act
    "I asked if he had any problems with me.",
    "She keeps telling me we're still friends.",
    "He told her that she was wrong.",  # someone else in the clause
    "I'm afraid she will lose faith in me.",
    "She never did.",  # the act is in another sentence
    "A new guy started recently.",  # where someone stands, not what they do
    "She is rude to me every day.",  # a label put on them, not what they did
    "He clearly can't stand me.",  # a feeling the writer reads in them, said to their face it accuses
    "She resents me for getting the job.",
    "He obviously ignores my emails on purpose.",  # the writer's guess
    "He doesn't shout or anything.",  # what they do not do is no act
])
def test_a_clause_that_cannot_be_retold_cleanly_is_left_alone(sentence):
    from clearair.advise.retell import retold_to_them

    assert retold_to_them(sentence, []) is None


def test_a_clause_that_only_describes_the_subject_is_not_their_act():
    """ "The guy … who eats tuna every day has started…": the clause describes him; the complaint is the main act."""
    from clearair.advise.retell import retold_to_them

    assert retold_to_them("The guy in the next cubicle who eats tuna every day has started reading my screen over "
                          "my shoulder.", ["The guy"]) != "you eat tuna every day"


def test_a_judgment_is_reported_to_a_manager_but_never_said_to_the_persons_face():
    from clearair.advise.retell import retold_about_them, retold_to_them

    assert retold_to_them("My manager micromanages everything I do.", ["My manager"]) is None
    assert retold_about_them("My manager micromanages everything I do.", ["My manager"], "my manager") == \
        "my manager micromanages everything I do"
    # a motive read into them is no act to say to them either (a blind panel's headmaster: "you have taken against me")
    assert retold_to_them("He has taken against me since the new rota.", ["He"]) is None
    assert retold_to_them("She hates me and everyone knows it.", ["She"]) is None
    assert retold_to_them("He keeps taking my stapler off my desk.", ["He"]) == "you keep taking my stapler off my desk"


def test_words_to_someone_above_the_writer_ask_for_a_shared_way_not_an_order():
    # (The letter this test first used is now read as possibly serious, at 0.31, just above the serious bar `make
    # train` chose this round: it is a test of the words to a manager, so it reads a letter the floor leaves alone.)
    r = analyze("My manager checks my screen several times a day and rewrites every report I send. It has gone on "
                "for months. How do I handle it?")
    to_boss = [x.text for x in r.scripts if x.to == "your manager"]
    assert to_boss and not any("asking that this stop" in t or "could this stop" in t for t in to_boss)


def test_several_people_are_not_retold_as_one():
    from clearair.advise.retell import retold_about_them

    said = "Two of my coworkers have taken some of my ideas and presented them as their own."
    assert retold_about_them(said, ["Two of my coworkers"], "my peer") is None  # never "my peer have taken"


def test_the_other_side_is_found_by_a_pronoun_the_reading_left_untied():
    """"We recently got a young new hygienist… She keeps doing things her own way": nobody else is "she"."""
    r = analyze("I'm one of the long-time hygienists at a busy dental practice. We recently got a young new hygienist "
                "who wants to overhaul everything. She keeps doing things her own way instead of how the rest of us "
                "handle patients. Our dentist is easygoing and he wants us to sort it out. How do I handle her?")
    words = " ".join(s.text for s in r.scripts)
    assert "you keep doing things your own way" in words or "keeps doing things her own way" in words


def test_a_script_says_the_act_from_the_letter_and_the_note_to_the_manager_says_it_of_them():
    r = analyze("A new guy started recently and he keeps parking in my spot. I pulled him aside and explained how "
                "things work here. The following week he parked there again anyway, which I found really "
                "disrespectful. What should I do?")
    words = " ".join(s.text for s in r.scripts)
    assert "you keep parking in my spot" in words
    assert "Something has been getting in the way" not in words


def test_an_act_the_letter_does_not_aim_at_the_writer_is_not_said_as_done_to_them():
    """"She was complaining about something" is no "criticised your work"; "other coworkers think she's being
    ridiculous" is no remark at the writer's expense (a blind panel: "invents a public remark")."""
    r = analyze("A coworker I considered a friend (we'd hung out outside work several times and had fun) was "
                "complaining about something, and I told her I didn't agree and was a little upset by what she'd "
                "said. It blew up completely. Now she's saying we're not friends, she's removed me from her "
                "Facebook, and she's telling people she's going to try to move to another department. Other "
                "coworkers think she's being ridiculous and that I shouldn't apologise for answering her honestly. "
                "Should I say sorry for disagreeing, or ignore it and hope it fades?")
    said = r.answer + " ".join(s.text for s in r.scripts)
    assert "criticised your work" not in said and "belittled you" not in said
    assert "remark about me" not in said and "criticised my work" not in said
    assert not r.situation.pattern.recurring  # "we'd hung out several times" is time spent together


def test_an_action_the_safety_floor_held_back_is_never_called_a_strong_fit():
    r = analyze("My supervisor keeps commenting on my body and last week he put his hand on my lower back in the "
                "stockroom. Since I told him to stop, my shifts have been cut. Should I talk to him privately?")
    from clearair.render.view import held_back
    view = build_view(r)
    held = held_back(r)
    assert "TALK_DIRECT" in held
    # not offered "to weigh" either (a red team found a private talk with the man touching the writer among them)
    assert not held & {a.code for a in view.more_actions}
    for a in view.actions:
        if a.code in held:
            assert a.level <= 2 and a.strength not in ("Strong fit", "Best fit"), a


def test_an_unsure_serious_reading_says_what_it_rests_on():
    """ "May be serious" with nothing behind it read to a panel as alarm from a few words: the answer quotes the
    writer's words the reading rests on, so they can judge it; a sure reading is said flatly."""
    from clearair.advise.answer import compose
    from clearair.models import Evidence

    text = ("My supervisor keeps moving my shifts around at short notice. In the team meeting she said some people "
            "here will not last long. I am not sure what to make of it.")
    r = analyze(text)
    sev = next(f for f in r.factors if f.name == "severity")
    said = "In the team meeting she said some people here will not last long."
    start = text.index(said)
    sev.value, sev.source, sev.confidence = "serious", "learned", 0.4
    sev.evidence = [Evidence(start=start, end=start + len(said), text=said)]
    answer = compose(r)
    assert "may be serious conduct, judging by “In the team meeting she said some people here will not last long”" \
        in answer
    sev.confidence = 0.9
    assert "judging by" not in compose(r) and "What you describe is serious conduct" in compose(r)


@pytest.mark.parametrize("said", ["I'm a junior lawyer at a busy firm in the city.",
                                  "What do I say when the same thing happens at the next meeting?"])
def test_an_unsure_serious_reading_quotes_no_sentence_a_writer_could_not_judge_by(said):
    """A red team found "judging by 'I'm a junior lawyer at a firm in Nairobi'" and a quoted question."""
    from clearair.advise.answer import compose
    from clearair.models import Evidence

    text = f"{said} My supervisor keeps moving my shifts around at short notice and I am tired of it."
    r = analyze(text)
    sev = next(f for f in r.factors if f.name == "severity")
    sev.value, sev.source, sev.confidence = "serious", "learned", 0.4
    sev.evidence = [Evidence(start=0, end=len(said), text=said)]
    answer = compose(r)
    assert "may be serious conduct; if it is" in answer and "judging by" not in answer



SERIOUS_BOSS = ("My supervisor has bullied me since my first week. She screams at me in front of my coworkers, calls "
                "me stupid, and last month she shoved a chair into my legs. I have kept every message she sent me. "
                "Should I keep a record of all of it, or go to HR?")


def test_a_reason_is_said_once_in_the_ranking_and_each_persona_reason_once():
    v = build_view(analyze(SERIOUS_BOSS))
    shown = [r.text for a in v.actions for r in a.reasons]
    # Under several actions the same sentence is padding: said where it first applies (or where it is the only one).
    repeated = {t for t in shown if shown.count(t) > 1}
    assert all(len(a.reasons) == 1 for a in v.actions for r in a.reasons if r.text in repeated)
    # Two "experts advised this" lines under one action are one line.
    assert all(sum(r.text.startswith("Experts often advised") for r in a.reasons) <= 1 for a in v.actions)
    becauses = [p.text.split(", because ", 1)[1] for p in v.perspectives if ", because " in p.text]
    assert len(becauses) == len(set(becauses))


def test_an_act_is_named_in_the_writers_own_word_where_one_kind_covers_several():
    """"Bullied" is said as bullying: calling it harassment puts a word in the writer's mouth."""
    r = analyze(SERIOUS_BOSS)
    said = " ".join(f.sentence for f in build_view(r).reading) + r.offline_answer
    assert "bullied you" in said and "harassed you" not in said


def test_reasons_and_donts_call_bullying_bullying():
    v = build_view(analyze(SERIOUS_BOSS))
    said = " ".join([r.text for a in v.actions for r in a.reasons] + [a.why for a in analyze(SERIOUS_BOSS).avoid])
    assert "harass" not in said.lower().replace("bullying or harassment", "")


@pytest.mark.parametrize("clause, said", [
    ("you criticise me constantly", "you criticise me"),
    ("you always interrupt me in meetings", "you interrupt me in meetings"),
    ("you are on your phone all the time, during every call", "you are on your phone, during every call"),
    ("you keep parking in my spot", "you keep parking in my spot"),
])
def test_what_is_said_to_their_face_leaves_out_absolutes(clause, said):
    """A blind panel found "you criticise me constantly" blunt and accusatory in a private talk."""
    from clearair.advise.scripts import to_their_face

    assert to_their_face(clause) == said


def test_a_private_talk_states_what_happened_without_absolutes_and_asks_for_a_better_way():
    report = analyze("One of my teammates criticises me constantly in our stand-ups, and since last month he has "
                     "started rewriting my tickets without asking. Should I snap back, or just ignore it?")
    texts = {s.kind: s.text for s in report.scripts}
    opener = texts["opener"]
    assert "you criticise me in our stand-ups" in opener and "constantly" not in opener
    assert "could we find a better way to handle this" in opener and "could this stop" not in opener


@pytest.mark.parametrize("confidence, said", [(0.55, False), (0.75, True)])
def test_a_learned_yes_about_an_earlier_talk_is_said_only_when_the_reader_is_sure(confidence, said):
    """Panels counted "you have already raised it with them" among the misreadings where the letter told of no talk;
    the reader's yes at 0.5-0.6 is left out of the reading (the advice still weighs it)."""
    report = analyze("My coworker keeps taking the last of the coffee and never makes a new pot. It annoys me.")
    for f in report.factors:
        if f.name == "already_raised":
            f.value, f.source, f.confidence = True, "learned", confidence
    sentences = [fact.sentence for fact in build_view(report).reading]
    assert any("already raised it" in s for s in sentences) == said


def test_a_retold_act_is_theirs_by_their_own_pronoun_or_name():
    from clearair.advise.retell import retold_to_them

    # "they" is the company that hired her, not the new boss the letter calls "she"
    assert retold_to_them("Recently they hired a much younger woman to replace my old boss, and she gives me menial "
                          "work.", ["a much younger woman", "she"]) == "you give me menial work"
    # a name with a place after it is still them
    assert retold_to_them("A coworker on my team keeps taking my lunch from the fridge.",
                          ["A coworker", "he"]) == "you keep taking my lunch from the fridge"


def test_words_never_say_the_writer_talked_to_them_when_they_only_dropped_hints():
    from clearair import analyze

    r = analyze("A coworker at my level comes by my desk every few minutes to chat about nothing. I have tried a few "
                "things: when I stopped meeting his eyes the visits got shorter, and I turn back to my screen, but he "
                "still comes just as often. How do I get him to stop without a feud?")
    assert not any("talked about this before" in s.text or "what we talked about" in s.text for s in r.scripts)


def test_words_for_a_writer_who_has_left_are_written_as_from_someone_who_has_left():
    from clearair import analyze

    r = analyze("I was fired in March after five years. Since then my former boss has told two companies that I am "
                "unreliable, and both offers were pulled after the reference check. I don't work there any more. "
                "What can I do, and should I contact the company?")
    text = " ".join(s.text for s in r.scripts)
    assert "my former boss" in text and "my manager" not in text
    assert "repercussions" not in text and "work together" not in text


def test_someone_outside_the_writers_lines_is_named_by_their_own_noun_in_the_notes():
    # A red team found a pupil's parent called "the customer" in the note to the head teacher.
    report = analyze("I teach year five. A parent whose son is in my class emails me every night, and last week she "
                     "shouted at me in the playground in front of other parents. My head teacher says to be "
                     "patient. What should I do?")
    words = " ".join(s.text for s in report.scripts)
    assert "parent" in words
    assert "customer" not in words


def test_a_refused_need_gets_a_written_request_not_only_a_complaint():
    # A red team found a refused adjustment answered with a complaint note that never asked for the adjustment.
    report = analyze("I have a diagnosed back condition and my physio says I need a proper chair and short breaks. "
                     "I asked my manager twice and she refused, saying everyone would want one. Now she comments on "
                     "my breaks in front of the team. What should I do?")
    note = next(s for s in report.scripts if s.to == "HR")
    assert note.kind == "request_note"
    assert "formal request" in note.text and "a health condition" in note.text and "refused" in note.text
    plain = analyze("My coworker keeps taking credit for my reports in the weekly meeting. I told my manager and "
                    "nothing changed, so I want to raise it formally with HR. How do I do it?")
    assert all(s.kind != "request_note" for s in plain.scripts)


def test_going_through_the_writers_things_is_retold_not_left_as_a_gap():
    report = analyze("A coworker from another project takes far too much interest in my work. She goes through my "
                     "drawers and files when I'm at lunch, and my notes are never where I left them. I told my "
                     "supervisor, who listened and did nothing. Should I lock my desk?")
    words = " ".join(s.text for s in report.scripts)
    assert "[what happened]" not in words
    assert any(said in words for said in ("go through my drawers", "goes through my drawers",
                                          "take far too much interest in my work"))


def test_no_words_to_go_back_to_someone_who_said_no_to_a_romance():
    s = situation("She said she would rather we were just friends.", "exclude", mentions=("a coworker", "she"))
    top = ["LET_GO", "TALK_DIRECT", "SET_BOUNDARY"]
    moving_on = render_scripts(s, top, sig("romance", "recurring"))
    assert all(x.kind not in ("opener", "boundary", "email") for x in moving_on)
    # the same facts without the personal element keep the words to talk to them
    assert any(x.kind in ("opener", "boundary") for x in render_scripts(s, top, sig("recurring")))


@pytest.mark.parametrize("sentence, names, said", [
    # a relative clause said of them does not hide who they are
    ("Since I was promoted, the aides who cheered me on through school have turned on me.", ["the aides"],
     "you have turned on me"),
    # "keeps wanting to…" is what they do; "keeps telling me…" without what was said is not
    ("A coworker of mine keeps wanting to get into politics with me at work.", ["A coworker of mine"],
     "you keep wanting to get into politics with me at work"),
    ("She keeps telling me that I am lazy.", ["She"], None),
])
def test_the_act_is_said_back_from_the_writers_clause(sentence, names, said):
    from clearair.advise.retell import retold_to_them

    assert retold_to_them(sentence, names) == said


def test_a_note_to_hr_in_a_small_business_says_who_else_it_can_go_to():
    # Red team 23 found "a note to HR" for a salon whose owner is the writer's only boss.
    salon = analyze("I'm a stylist at a small salon. The owner, Dawn, cut my clients after I told her I was pregnant, "
                    "and now she refuses to let me leave for my scans. She says I should book them on my day off. "
                    "What can I do?")
    office = analyze("My manager refused my request for a standing desk for my back condition and now mocks me in "
                     "team meetings. Our HR team is usually helpful. What should I do?")
    to_hr = [s.to for s in salon.scripts if s.kind in ("hr_note", "request_note")]
    assert to_hr and all("owner" in to for to in to_hr)
    assert all(s.to == "HR" for s in office.scripts if s.kind in ("hr_note", "request_note"))


def test_the_need_a_written_request_names_is_read_from_whole_words():
    """"scared" holds "care" and "reason" holds "son": neither is a caring duty."""
    from clearair.advise.scripts import _NEED_FOR
    need = lambda text: next((n for rx, n in _NEED_FOR if rx.search(text)), None)  # noqa: E731
    assert need("I am scared to ask, for no apparent reason") is None
    assert need("I look after my mum, who has dementia") == "caring for a family member"
    assert need("I use a walking stick since the accident") == "a disability"


def test_a_formal_note_names_serious_conduct_for_what_it_was():
    """A hand on the writer's hip is not "was aggressive towards me", and a note about it does not ask for help with
    "how we work together" (red team 23)."""
    text = ("I work in a warehouse office. My supervisor keeps finding reasons to get me alone in the stock room. "
            "Twice he has put his hand on my lower back and left it there, and last week he grabbed my hip. When I "
            "moved away he said I'd better get used to it if I want good shifts. I feel sick going in. What can I do?")
    report = analyze(text)
    notes = [s for s in report.scripts if s.kind in ("hr_note", "their_manager_note", "manager_note")]
    assert notes
    for note in notes:
        assert "touched me" in note.text and "or made sexual remarks" not in note.text
        assert "aggressive" not in note.text and "work together" not in note.text


def test_a_formal_note_about_remarks_alone_does_not_say_the_writer_was_touched():
    text = ("My supervisor keeps commenting on my body when we are alone on the late shift. Last week he said I should "
            "wear tighter tops if I want good shifts, and he texts me at night asking what I'm wearing. I feel sick "
            "going in. What can I do?")
    report = analyze(text)
    notes = [s for s in report.scripts if s.kind in ("hr_note", "their_manager_note", "manager_note")]
    assert notes and not any("touched" in n.text for n in notes)


def test_the_words_tell_the_gravest_act_not_the_first():
    letter = ("Last January I asked a coworker who is always late why she couldn't be on time for once. She exploded "
              "and shoved me hard into a counter. I reported it to the supervisors. Now my review says I provoked her. "
              "What can I do?")
    report = analyze(letter)
    told = report.answer or report.offline_answer
    assert "made a mistake" not in told


@pytest.mark.parametrize("letter, line", [
    ("I snapped at my coworker Dana in front of the team on Monday because she was late with her part again, and I "
     "feel bad about how I said it. She has been cold since. Should I talk to her?", "and I'll listen"),
    # (friction named in the writer's words: no "Is something going on that I should know about?")
    ("My coworker Sam keeps interrupting me in every meeting and talks over me when I present. It happens every week. "
     "How do I get him to stop?", "how often it happens"),
    # a pattern read without a word of how often is not told to their face as "a few times now"
    ("My manager decides who gets which shifts, and he gives me the late ones since I joined the team. I'd like "
     "a fairer rota. How do I raise it with him?", "I may be missing part of the picture"),
])
def test_the_talk_hands_over_in_words_that_follow_the_letter(letter, line):
    report = analyze(letter)
    opener = next((s for s in report.scripts if s.title.startswith("Opening a one-to-one")), None)
    assert opener is not None and line in opener.text


OWNER = ("I own a small bakery with four staff. One of my bakers, Tom, keeps arriving an hour late and the others "
         "are covering for him. When I raised it he shrugged and said the hours were unreasonable. What should I do?")


@pytest.mark.parametrize("letter", [
    "I own a small bakery with four staff. One of my bakers, Tom, keeps arriving an hour late and the others are "
    "covering for him. When I raised it he shrugged and said the hours were unreasonable. What should I do?",
    "My coworker keeps taking credit for my work in meetings. Last week she presented my analysis to the director "
    "as her own, and everyone congratulated her. I am not sure whether to confront her or to let it go.",
])
def test_the_reading_says_only_what_it_can_point_at(letter):
    facts = build_view(analyze(letter)).reading
    assert not any("stance is not said" in f.sentence for f in facts)
    assert all(f.quotes for f in facts if f.certainty == "clear from your words")


@pytest.mark.parametrize("letter, value, shown", [
    (OWNER, "unsupportive", False),  # an owner has no manager above them
    (OWNER.replace("I own a small bakery", "I supervise a small bakery"), "unsupportive", True),
    (OWNER.replace("I own a small bakery", "I supervise a small bakery"), "unknown", False),  # says nothing
])
def test_the_managers_stance_is_said_only_where_there_is_one_to_say(letter, value, shown):
    report = analyze(letter)
    stance = next(f for f in report.factors if f.name == "own_manager")
    stance.value, stance.confidence, stance.source = value, 0.9, "learned"
    stance.text = "your manager is not backing you" if value == "unsupportive" else "your manager's stance is not said"
    assert any(f.title == stance.title for f in build_view(report).reading) is shown


def test_a_report_is_asked_for_what_a_manager_needs_when_no_act_has_clean_words():
    report = analyze("I co-own a small workshop and one of our guys is becoming a real problem. Thursday he left an "
                     "hour early without telling anyone. Friday he walked out before 2 without clocking out. Monday "
                     "he was a no-call no-show, and today he wrote vacation on his card for Monday. What should we do?")
    said = " ".join(s.text for s in report.scripts if s.kind in ("coaching", "boundary"))
    assert said and "talk things through directly first" not in said


@pytest.mark.parametrize("letter", [
    "At our team meeting yesterday I watched the department head yell at my colleague Ana in front of everyone, "
    "listing her flaws and telling her she had better fix them. None of us said a word and I feel ashamed. If it "
    "happens again, how can I support her without putting my own job at risk?",
    "At the office party I saw one of the senior partners put his hand on our new trainee's thigh under the table, "
    "and she moved her chair away twice. She left early looking upset. I'm only an associate. Do I go to someone?",
])
def test_a_witness_is_told_to_start_with_the_person_it_happened_to(letter):
    from clearair.advise.answer import WITNESS_LINE

    report = analyze(letter)
    assert report.situation.witnessed and WITNESS_LINE in report.offline_answer
    said = " ".join(s.text for s in report.scripts)
    assert "treated me" not in said and "towards me" not in said


def test_a_writer_it_was_done_to_is_no_witness():
    report = analyze("At the office party one of the senior partners put his hand on my thigh under the table, and I "
                     "moved my chair away twice. I saw him laugh about it with the others afterwards. I'm only an "
                     "associate. Do I go to someone?")
    assert not report.situation.witnessed
    top = ["ESCALATE_THEIR_MANAGER", "HR_FORMAL", "DOCUMENT"]
    told = " ".join(s.text for s in render_scripts(report.situation, top, {}, serious=True))
    witness = report.situation.model_copy(update={"witnessed": report.situation.parties[0].evidence[:1]})
    seen = " ".join(s.text for s in render_scripts(witness, top, {}, serious=True))
    assert "treated me" in told and "treated me" not in seen and "treated a colleague" in seen


def test_the_reading_never_says_not_your_doing_over_a_reader_that_leaned_the_other_way():
    report = analyze(OWNER)
    fault = next(f for f in report.factors if f.name == "writer_fault")
    fault.value, fault.confidence = "partly", 0.55  # a lean the advice does not act on, with words behind it
    fault.evidence = next(f.evidence for f in report.factors if f.evidence)[:1]
    said = [f.sentence for f in build_view(report).reading]
    assert not any(s.startswith("Nothing you describe makes this your doing") for s in said)


@pytest.mark.parametrize("letter, kind, said", [
    ("My boss, Angela, has asked me to lead the office Christmas party planning this year. It's kind of her, but I'm "
     "stretched on another project. I'd like to say no politely, maybe offer to help with the budget. What words "
     "should I use?", "ask_decline", "thank you for asking me to lead the office Christmas party planning this year"),
    ("My manager, Claire, is brilliant. My dad is having an operation next month and I need to ask for two weeks of "
     "unpaid leave to look after him. I hate asking for things. Can you help me with what to say?", "ask_request",
     "I'd like to ask for two weeks of unpaid leave"),
    ("I've got a good manager, Raj, and a good job, but I keep getting messages late in the evening from the whole "
     "team. I want to set a boundary that I won't check Slack after 6 unless it's a real emergency. How do I say "
     "it?", "ask_limit", "From next week, I won't check Slack after 6"),
    # the writer's own load as the reason for a no, and the smaller part they would take on
    ("Our head of sales, Priti, asked me to run the summer team day. She's great and means it kindly, but I'm "
     "already training two new starters this month. I'd be happy to help with booking the venue, but not the whole "
     "thing. How do I say no nicely?", "ask_decline",
     "I'm going to say no this time: I'm already training two new starters this month."),
    # the change wanted, named without "ask for"
    ("My manager Tom is really supportive. My son starts school in September and I'd like to either drop to four "
     "days a week or compress my hours so I can do the school run on Fridays. How should I put it to him?",
     "ask_request", "I'd like to drop to four days a week or compress my hours"),
    # a habit of a colleague the writer likes, asked of kindly
    ("My colleague Jen sends me work texts at 11pm most nights. She's lovely and means nothing by it, she's just a "
     "night owl, but it keeps me up. I'd like to ask her to save them for the morning. How do I say it in a "
     "friendly way?", "ask_limit", "Could you save work messages for the morning?"),
])
def test_a_request_a_refusal_or_a_limit_gets_words_for_the_ask_not_a_grievance(letter, kind, said):
    """Nobody wronged the writer: "It's about [what happened]. How did you see it?" fits none of these (a red team
    found it for a daughter asking for leave to go with her mother to treatment)."""
    r = analyze(letter)
    words = [x for x in r.scripts if x.kind == kind]
    assert words and said in words[0].text
    assert not any(x.kind in ("opener", "boundary") for x in r.scripts)
    assert "[what happened]" not in r.answer + " ".join(x.text for x in r.scripts)


def test_a_limit_with_someone_who_keeps_doing_it_is_still_a_limit_on_a_grievance():
    letter = ("My coworker Dan keeps messaging me at midnight about work and mocking me in the team chat when I don't "
              "reply straight away. I want to set a boundary with him. How do I say it?")
    r = analyze(letter)
    assert not any(x.kind.startswith("ask_") for x in r.scripts)


def test_a_note_to_their_manager_greets_the_one_other_named_person_over_the_writer():
    from clearair.advise.scripts import their_managers_name

    named = analyze("My supervisor, Gary, has been making comments about my weight for two months and laughs when I "
                    "ask him to stop. The site manager is a woman called Denise who seems fair. What should I do?")
    assert their_managers_name(named.situation) == "Denise"
    two = analyze("My supervisor, Gary, keeps making comments about my weight. Our ops manager is Steph and the "
                  "site manager is Denise, and I barely know either of them. What should I do?")
    assert their_managers_name(two.situation) == "[their manager's name]"


def test_a_note_to_their_manager_never_greets_someone_told_doing_what_it_is_about():
    from clearair.advise.scripts import their_managers_name
    from clearair.models import Evidence, Party, Situation

    told = "A senior pharmacist, Dr Patel, has made comments about my religion three times this month."
    s = Situation(parties=[Party(id="manager", role="manager", label="your manager",
                                 mentions=["my line manager", "Sue"]),
                           Party(id="manager_2", role="manager", label="your manager", mentions=["Dr Patel", "he"])],
                  counterpart="manager", what_happened=[Evidence(start=0, end=len(told), text=told)])
    assert their_managers_name(s) == "[their manager's name]"
    s.what_happened = []
    assert their_managers_name(s) == "Dr Patel"


def test_a_note_to_their_manager_greets_the_manager_the_letter_names_as_theirs():
    from clearair.advise.scripts import their_managers_name

    peer = analyze("My coworker Dean keeps taking my tickets off the board and putting his name on them. I raised it "
                   "with him twice and he laughed. Should I go to his manager Anita, or just let it go?")
    assert peer.situation.party(peer.situation.counterpart).role == "peer"
    assert their_managers_name(peer.situation) == "Anita"


def test_a_refusal_thanks_whoever_asked_and_wanting_to_say_no_is_no_fault():
    """ "I'd like to say no this time" was read as the writer's fault (an apology first); the thanks go to the one who
    asked, not to the new starter the reading took for the other side; an ask made again and again is not thanked."""
    r = analyze("My lovely team lead asked me to mentor the new starter. I'm flattered but I have a big deadline and "
                "I'd like to say no this time. How do I word it?")
    assert "APOLOGIZE" not in r.top_actions(3)
    decline = next(x for x in r.scripts if x.kind == "ask_decline")
    assert decline.to == "your lovely team lead" and "thank you for asking me to mentor the new starter" in decline.text
    again = analyze("My boss has asked me to stay late every evening this month and the others never get asked. I "
                    "want to say no but I'm scared of what she'll do. What should I say?")
    assert not any(x.kind.startswith("ask_") for x in again.scripts)


def test_a_refusal_is_never_an_apology_and_a_cost_put_on_the_writer_is_no_regret():
    """Red team 31: "I'm doing 50 hour weeks" read as the writer's fault gave an apology to the director whose party
    she wanted to decline; "money on lunch I shouldn't have to" gave "I know my part in what happened" to the
    colleague eating her lunch."""
    r = analyze("My director, Fiona, is lovely and she asked me to organise the Christmas party this year. I'm doing "
                "50 hour weeks already on the audit and I really can't take it on. I'd like to say no nicely. How do "
                "I word it?")
    assert "APOLOGIZE" not in r.top_actions(3) and not any(x.kind == "apology" for x in r.scripts)
    lunch = analyze("A woman I work with keeps taking my lunch from the office fridge. Someone saw her do it and she "
                    "denied it. It's small but I'm spending money on lunch I shouldn't have to. What should I say?")
    assert not any("my part" in x.text or "I played a part" in x.text for x in lunch.scripts)


def test_a_clause_that_breaks_on_a_stray_comma_is_not_said_back():
    from clearair.advise.retell import retold_to_them

    said = retold_to_them("A colleague of mine, Stacey (a different Stacey to the one you'd think, we've got two), "
                          "keeps correcting me in meetings.", ["A colleague of mine", "Stacey", "she"])
    assert said is None or "," not in said


def test_a_limit_whose_act_is_left_to_fill_in_still_asks_for_it_to_stop():
    letter = ("A man I share an office with has started commenting on what I eat at lunch, every "
              "single day, loud enough "
              "that people in the corridor hear. Last week he said 'well that explains a lot' and "
              "did a wobble gesture. "
              "I went to the loo and cried. His name is Trevor. Should I say something to him first?")
    report = analyze(letter)
    limits = [s for s in report.scripts if s.title.startswith("Stating a clear limit")]
    for limit in limits:
        assert "talk things through directly first" not in limit.text
        if SLOT_EVENT in limit.text:
            assert "I'm asking that it stop" in limit.text


def test_a_plain_theme_names_what_the_talk_is_about_when_the_act_has_no_clean_words():
    """Where the act has no clean words but the letter's theme is plain (favouritism, to the manager who shows
    it), the opener says what the talk is about instead of leaving "[what happened]" for the writer."""
    r = analyze("Our team lead has clear favourites. The two people who go for drinks with him get the good "
                "accounts and the first pick of holidays, while the rest of us get what is left. I have had good "
                "reviews for three years. How can I bring this up with him without sounding resentful?")
    opener = next(x for x in r.scripts if x.kind == "opener")
    assert "It's about how work and chances get shared out on the team." in opener.text
    assert "[what happened]" not in opener.text


def test_every_topic_is_keyed_by_a_theme_the_lexicon_finds():
    from clearair.advise.scripts import script_data
    from clearair.knowledge import load
    assert set(script_data()["topics"]) <= set(load("lexicon")["themes"])


def test_what_someone_never_does_wrong_is_not_told_back_as_the_trouble():
    """ "He's never late" and "she never raises her voice" praise them: a manager asking about a report who comes
    back from lunch smelling of beer was given "It's been bothering me that you are never late" to say."""
    r = analyze("One of the drivers I supervise is never late and he never raises his voice with customers, which "
                "I value. But twice a week now he has come back from his lunch break smelling of beer. Should I "
                "raise it with him or wait until something goes wrong?")
    said = r.offline_answer + " ".join(x.text for x in r.scripts)
    assert "never late" not in said
    assert "never raise" not in said


@pytest.mark.parametrize("text", [
    "I'm a staff nurse on a surgical ward. A patient's husband has shouted at me on three visits, blocked the door of "
    "the bay and said he knows which bus I take home. I told the nurse in charge last week and nothing changed. "
    "What should I do before my next shift?",
    "I'm a freelance illustrator. A client has refused to pay the second half of my fee for a finished book cover, "
    "and last night he sent me a message saying he would make sure nobody in the trade hires me again. What can I do?",
])
def test_a_formal_step_says_in_writing_once(text):
    r = analyze(text)
    for sentence in re.split(r"(?<=[.!?])\s+", r.offline_answer):
        assert sentence.count("in writing") <= 1, sentence


def test_a_writer_with_a_part_in_it_does_not_reopen_as_a_grievance():
    """Red team 35: "I'd like to come back to what we talked about before, because it is still happening" before
    "I know what I did made things harder for you, and I'm sorry for it"."""
    s = situation("you keep playing music at your desk", "undermine")
    s.attempts = [Cue(kind="asked", text="I asked her to turn it down")]
    for own in (True, False):
        opener = render_scripts(s, ["TALK_DIRECT"], sig("recurring"), own_part=own, raised=True)[0]
        assert ("still happening" in opener.text) is (not own), opener.text
