"""What the writer denies, names or merely knows is not read as what happened: "not exactly harassment" is no
harassment, a boss "squeezing" a budget touched no one, "for four years" of the writer's own service is no pattern,
the "my PA" in the boss's quoted words is not the writer's report, "I'll call her M" is no step, and "I know it's her"
is no act of the writer's to share the fault for. Each comes from a letter a red team wrote and the engine misread."""

import pytest

from clearair.assess.readers import speaks_of_the_writer
from clearair.extract import extract, read
from clearair.extract.conduct import serious_conduct
from clearair.extract.features import sentences
from clearair.intake.document import build_document

TAIL = " It has been on my mind all week and I keep going over it at work."


def situation(text: str):
    return extract(build_document(text + TAIL))


def conduct_by_others(text: str) -> set[str]:
    """The kinds of serious conduct the rules find done by someone other than the writer."""
    return {h.kind for h in serious_conduct(read(build_document(text + TAIL)))[0]}


@pytest.mark.parametrize("sentence", [
    "I know its not exactly harassment but she reads my screen every morning and sighs.",
    "It isn't bullying as such, but he rolls his eyes whenever I talk in the team meeting.",
    "I wouldn't call it bullying, but she talks over me in most meetings and it wears me down.",
])
def test_a_denied_category_word_is_no_act_or_theme(sentence):
    s = situation(sentence)
    assert not [i for i in s.incidents if i.act in ("harass", "bully")]
    assert not [t for t in s.themes if t.kind == "harassment"]


def test_the_category_word_said_plainly_still_counts():
    s = situation("My supervisor is bullying me: she shouts at me in front of the customers every single day.")
    assert [t for t in s.themes if t.kind == "harassment"]


def test_a_figurative_squeeze_is_no_touching_but_a_squeezed_knee_is():
    assert "unwanted_sexual" not in conduct_by_others("Head office is squeezing him on costs, so now our manager "
                                                      "Keith makes us pay for our own fleeces and takes till "
                                                      "shortfalls out of our wages.")
    assert "unwanted_sexual" in conduct_by_others("At the team dinner my manager squeezed my knee under the table "
                                                  "twice and laughed when I moved away.")


@pytest.mark.parametrize("threat", [
    'After I told the other partner about the payments, he said "you know what happens to people who go telling '
    'tales round here" and laughed.',
    "After I mentioned the missing stock to the area manager, my supervisor said he'd hate for anything to come up "
    "in my probation review.",
    "My boss found out what I wrote in my exit form and told me that if I put that anywhere official I could forget "
    "about a reference from her.",
    "When I said I might report the missing breaks, he said if I go to HR I can say goodbye to my shifts.",
])
def test_a_veiled_threat_for_speaking_up_is_payback(threat):
    assert "punishment_for_speaking" in conduct_by_others(threat)


@pytest.mark.parametrize("plain", [
    "If I take the new job I could lose my place on the evening course, so I am torn about it.",
    "My manager said if I take the training I could get a promotion next year, which would be nice.",
])
def test_a_plain_consequence_is_no_threat(plain):
    assert "punishment_for_speaking" not in conduct_by_others(plain)


def test_the_writers_own_years_in_post_are_no_pattern():
    s = situation("Last week a new colleague, Ross, told a client I was more of a back-office person, which is not "
                  "true: I've managed that account for 4 years.")
    assert not s.pattern.recurring
    s = situation("She has been undermining me in meetings for 4 years and I am worn out by it.")
    assert s.pattern.recurring


def test_a_role_word_in_someone_elses_quoted_words_is_not_the_writers():
    s = situation('I work for a director who texts me from 7am. Yesterday she said in front of her visitors "my PA '
                  'is a bit slow today, bear with her" and I wanted the floor to open.')
    assert not s.narrator.is_manager
    s = situation("My PA keeps booking meetings over my lunch and I have told her twice that it has to stop.")
    assert s.narrator.is_manager


@pytest.mark.parametrize("aside", ["I'll call her M.", "I'll call her 'Bee'.", "I'll call her Jo for short."])
def test_a_name_the_writer_gives_is_no_option(aside):
    s = situation(f"I'm the assistant to a woman who runs the sales side, {aside} She texts me from 7am and gets "
                  "snippy if I don't answer within ten minutes.")
    assert not s.options


def test_a_call_the_writer_plans_is_still_an_option():
    s = situation("My coworker keeps taking credit for my work in meetings. I'll call her tomorrow and tell her it has "
                  "to stop, or should I just go to my manager?")
    assert any("call her tomorrow" in o.text for o in s.options)


def test_knowing_is_not_acting():
    text = 'I know it\'s her because she\'s said "oh I borrowed your desk, hope thats ok" after the fact. ' \
           "I snapped at her in the kitchen yesterday."
    told = {text[x.start:x.end][:12]: speaks_of_the_writer(x) for x in sentences(read(build_document(text)).doc)}
    assert told == {"I know it's ": False, "I snapped at": True}
