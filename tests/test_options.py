"""The options a writer weighs: found in their own words and mapped to a course of action.

The yardstick is the letters written for training that label every option the writer names (the
words and the closest action); the finder is rules, so these letters are not its training data.
"""

import json
from pathlib import Path

import pytest

from clearair.extract import read
from clearair.extract.facts import options
from clearair.intake.document import build_document
from clearair.pipeline import analyze

WRITTEN = Path(__file__).resolve().parents[1] / "src" / "clearair" / "data" / "factors" / "written.jsonl"
#: Measured when the finder was rebuilt (found 47 %, precision 79 %; before it: 7 % and 66 %).
FOUND_FLOOR, PRECISION_FLOOR = 0.40, 0.70


def found(text: str) -> list[tuple[str, str]]:
    return [(o.action, o.text) for o in options(read(build_document(text)))]


LEAD = "My supervisor has been making comments about my body for weeks and it is getting worse every shift. "


@pytest.mark.slow
def test_the_option_finder_finds_most_labelled_options_and_is_mostly_right():
    letters = [json.loads(line) for line in WRITTEN.read_text().splitlines() if '"options": [{' in line]
    assert len(letters) >= 100
    labelled = hits = predicted = right = 0
    for letter in letters:
        text = letter["situation"]
        opts = options(read(build_document(text)))
        spans = [(text.index(o["span"]), text.index(o["span"]) + len(o["span"]), o["action"])
                 for o in letter["options"]]

        def matches(opt, s, e, a):
            return opt.action == a and any(ev.start < e and ev.end > s for ev in opt.evidence)

        labelled += len(spans)
        hits += sum(any(matches(o, *sp) for o in opts) for sp in spans)
        predicted += len(opts)
        right += sum(any(matches(o, *sp) for sp in spans) for o in opts)
    print(f"options found with the right action {hits / labelled:.1%}, precision {right / predicted:.1%}")
    assert hits / labelled >= FOUND_FLOOR
    assert right / predicted >= PRECISION_FLOOR


def test_i_could_opens_an_option():
    """'I could ...' never matched before: the pattern closed on an optional word."""
    email = "I could email the store manager"
    assert ("ESCALATE_THEIR_MANAGER", email) in found(LEAD + email + ".")


@pytest.mark.parametrize("sentence, action", [
    ("I've considered speaking to the managing partner.", "ESCALATE_THEIR_MANAGER"),
    ("My sister says I should ring the union rep.", "HR_FORMAL"),
    ("Options as I see them: report it to the chair of trustees, or find another job.", "ESCALATE_THEIR_MANAGER"),
    ("Options as I see them: report it to the chair of trustees, or find another job.", "EXIT"),
    ("Or I just let it slide and keep my head down.", "LET_GO"),
    ("I'm tempted to tell my line manager about it.", "ESCALATE_MANAGER"),
    ("Is it worth getting my boss's boss involved?", "ESCALATE_THEIR_MANAGER"),
])
def test_options_in_many_phrasings(sentence, action):
    assert action in {a for a, _ in found(LEAD + sentence)}


@pytest.mark.parametrize("sentence, action", [
    # Where the word would be said decides what it is: in a meeting, in front of the others.
    ("I'm thinking about challenging him in the next team meeting and saying the plan was mine.", "PUBLIC_CALLOUT"),
    ("I could call her out at the weekly huddle.", "PUBLIC_CALLOUT"),
    ("I could confront him in a private meeting.", "TALK_DIRECT"),
])
def test_a_word_in_front_of_others_is_a_public_call_out(sentence, action):
    assert [a for a, _ in found("My manager presents my work as his own. " + sentence)] == [action]


def test_a_public_call_out_the_writer_weighs_is_not_recommended():
    report = analyze("My manager keeps presenting my ideas as his own at the sales meeting, and the others on my "
                     "team say he does it to them too. I'm thinking about confronting him at the next team meeting "
                     "and telling everyone the idea was mine. Should I?")
    verdicts = {v.action: v.verdict for v in report.option_verdicts}
    assert verdicts.get("PUBLIC_CALLOUT") not in (None, "recommended")


def test_someone_elses_quoted_words_are_not_an_option():
    text = (LEAD + 'When I raised it he laughed. "Relax, I\'ll talk to the director and sort it. '
            'I could report you for wasting my time," he said. Nothing changed after that.')
    assert found(text) == []


def test_the_writers_doubts_do_not_decide_what_the_option_is():
    text = LEAD + "I could go to the police, but I don't want people talking behind my back."
    assert [a for a, _ in found(text)] == ["HR_FORMAL"]


def test_a_formal_route_the_writer_names_is_never_talked_down_for_a_wronged_writer():
    """Even when the reading ranks another step first, going to HR stays open to a writer who did nothing wrong."""
    text = ("A colleague keeps talking over me in our weekly team meeting and finishing my sentences for me. "
            "It happens most weeks and I find it embarrassing in front of the others. I have not said anything "
            "to him yet. Should I make a formal complaint to HR?")
    report = analyze(text)
    verdicts = [v for v in report.option_verdicts if v.action == "HR_FORMAL"]
    assert verdicts and all(v.verdict in ("recommended", "reasonable") and v.reason for v in verdicts)


def test_what_the_writer_weighs_is_not_read_as_already_done():
    """'I'm thinking I should keep notes' is an option, not notes already kept."""
    text = ("My colleague keeps taking credit for my work in our team meetings and it has happened four times "
            "this month. I'm thinking I should keep notes, or should I report it to my manager?")
    report = analyze(text)
    assert "documented" not in {a.kind for a in report.situation.attempts}
    assert {"DOCUMENT", "ESCALATE_MANAGER"} <= {o.action for o in report.situation.options}


def test_going_to_the_person_the_letter_is_about_is_a_word_with_them_not_an_escalation():
    text = ("The director, Paul, keeps shouting at me in front of the team and calling my work rubbish. It has "
            "happened every week since March. I'm thinking about going to the director to tell him how it lands.")
    report = analyze(text)
    assert report.situation.counterpart == "director"
    assert {o.action for o in report.situation.options} == {"TALK_DIRECT"}


@pytest.mark.parametrize("sentence", [
    "I could talk it over with my partner tonight.",
    "I might ask for a different chair and desk.",
    "She said 'I'll go to HR before you do', and walked off.",
    'She said "I\'ll report you to the owner" and walked off.',
])
def test_everyday_words_and_quoted_speech_are_not_routes_upward(sentence):
    assert not {"ESCALATE_THEIR_MANAGER", "HR_FORMAL"} & {a for a, _ in found(LEAD + sentence)}


def test_a_past_act_inside_an_option_sentence_is_not_an_option():
    text = LEAD + "I need to say I have kept a diary of every incident since March. Should I go to HR?"
    assert [a for a, _ in found(text)] == ["HR_FORMAL"]


@pytest.mark.parametrize("text, action", [
    ("My coworker keeps taking credit for my work in meetings. I'm leaning towards raising it with our manager "
     "before the next review.", "ESCALATE_MANAGER"),
    ("A colleague snapped at me in front of a client last week. I was thinking of asking her for a quiet word, "
     "just the two of us, before it festers.", "TALK_DIRECT"),
])
def test_a_leaning_or_a_past_thought_is_an_option(text, action):
    assert action in {a for a, _ in found(text)}


def test_an_option_is_not_found_where_the_writer_only_reports_a_lean():
    # "leaning" in its literal sense names no course of action
    assert found("He was leaning on my desk while shouting at me about the rota, and everyone in the office "
                 "turned to look at us.") == []


def test_how_the_writer_names_someone_is_not_an_option_they_weigh():
    report = analyze("I run a small dental practice. One of my hygienists, I'll call her Renata, keeps arriving late "
                     "and leaves early on Fridays. Should I give her a formal warning or talk to her first?")
    assert not any("call her Renata" in v.option for v in report.option_verdicts)


@pytest.mark.parametrize("text", [
    "What do I say if HR calls me in about the complaint she made?",
    "How honest should I be when my manager asks me about the argument?",
])
def test_what_someone_will_do_to_the_writer_is_not_an_option_they_weigh(text):
    letter = ("I lost my temper with a colleague in the break room last week and she has complained. " + text +
              " I do not want to make it worse.")
    assert [o.action for o in options(read(build_document(letter)))] == []


def test_the_writer_going_to_hr_is_still_an_option():
    letter = ("A colleague keeps taking credit for my work in our weekly meetings. Should I go to HR about it, or "
              "talk to my manager first? I want it to stop.")
    assert [o.action for o in options(read(build_document(letter)))] == ["HR_FORMAL", "ESCALATE_MANAGER"]
