"""A manager writing about two of their people quarrelling gets a manager's answer and words, not
words for one side of the quarrel (a blind panel named "scripts a talk as if the manager were in
conflict with one report" three times in twenty letters)."""

import pytest

FEUD = ("I supervise the front desk at a dental practice. Two of my receptionists, Mel and Tara, have not "
        "been getting on since the summer rota changed. They snap at each other at the counter, and last Friday "
        "they argued in front of a waiting room full of patients. I have asked them both to keep it professional "
        "but it keeps happening. How do I handle this?")
MINE = ("I manage a team of four engineers. One of them, Owen, and I can't stand each other any more: he talks "
        "over me in stand-ups and rolls his eyes when I set priorities. It happens every week. What should I do?")
SHOVE = ("I manage a warehouse crew of twelve. Two of my pickers, Jon and Ali, have been at each other for weeks, "
         "and yesterday Jon shoved Ali hard against the racking and said he would sort him out after work. Ali is "
         "shaken and asked me what I'm going to do. What should I do?")
PEERS = ("Two of my coworkers keep sniping at each other in our shared office and it is making the whole room "
         "tense. I'm not their manager and I don't manage anyone. Should I say something to them?")


@pytest.fixture(scope="module")
def reports():
    from clearair.pipeline import analyze_many

    return dict(zip(("feud", "mine", "peers", "shove"), analyze_many([FEUD, MINE, PEERS, SHOVE]), strict=True))


def test_a_quarrel_between_the_writers_people_is_read_as_one(reports):
    feud = reports["feud"]
    assert feud.situation.between_others
    assert "snap at each other" in feud.situation.between_others[0].text
    assert "not one with you" in feud.offline_answer
    assert "belittled you" not in feud.offline_answer and "towards you" not in feud.offline_answer


def test_the_words_speak_to_each_of_them_as_their_manager(reports):
    scripts = reports["feud"].scripts
    kinds = [s.kind for s in scripts]
    assert "between" in kinds
    assert not {"opener", "boundary", "coaching"} & set(kinds)
    text = next(s.text for s in scripts if s.kind == "between")
    assert "between you and" in text and "about me" not in text


def test_a_quarrel_the_writer_is_part_of_is_not_between_others(reports):
    assert not reports["mine"].situation.between_others
    assert not any(s.kind == "between" for s in reports["mine"].scripts)


def test_a_writer_who_manages_no_one_is_not_given_a_managers_words(reports):
    assert not reports["peers"].situation.between_others


def test_serious_conduct_between_them_gets_no_talk_with_each(reports):
    """One of them shoving and threatening the other is not a quarrel to settle with "I'm not here to decide who
    is right": no such words, and a formal route leads."""
    shove = reports["shove"]
    assert shove.situation.between_others
    assert not any(s.kind == "between" for s in shove.scripts)
    assert "HR_FORMAL" in shove.top_actions(3)


WORDINGS = {
    "war": ("I'm the head chef at a hotel and I manage a brigade of twelve. My two senior chefs are at war over the "
            "new menu and the whole brigade is taking sides. Service is suffering. How do I get them working again?"),
    "feud": ("I own a garden centre with six staff. There's a feud between two of my cashiers, Jill and Rosa, about "
             "who covers the weekend tills. How do I handle it fairly?"),
    "allies": ("I manage a small sales team. Two of my reps are close friends and they don't fight with each other "
               "at all; they are united against me, and they roll their eyes at each other whenever I set targets. "
               "How do I handle this?"),
}


@pytest.fixture(scope="module")
def wordings():
    from clearair.pipeline import analyze_many

    return dict(zip(WORDINGS, analyze_many(list(WORDINGS.values())), strict=True))


def test_a_quarrel_is_found_in_other_words_than_each_other(wordings):
    assert wordings["war"].situation.between_others  # two people as the subject of "at war"
    assert wordings["feud"].situation.between_others  # "there's a feud between two of my ..."


def test_two_allies_against_the_writer_are_not_a_quarrel_between_them(wordings):
    """A denied quarrel ("they don't fight with each other") and looks exchanged between allies are not one."""
    assert not wordings["allies"].situation.between_others


def test_the_script_file_is_checked_at_load():
    """knowledge/scripts.yaml has a schema: the shipped file passes, and a misspelt script kind or an action
    pointing at words nobody wrote fails at load rather than as words that never show."""
    import copy

    from pydantic import ValidationError

    from clearair.knowledge import load
    from clearair.knowledge.schemas import ScriptFile

    shipped = load("scripts")
    ScriptFile.model_validate(shipped)
    misspelt = copy.deepcopy(shipped)
    misspelt["for_action"]["TALK_DIRECT"] = "openr"
    with pytest.raises(ValidationError):
        ScriptFile.model_validate(misspelt)
    unwritten = copy.deepcopy(shipped)
    del unwritten["scripts"]["agenda"]
    with pytest.raises(ValidationError, match="agenda"):
        ScriptFile.model_validate(unwritten)
    broken = copy.deepcopy(shipped)
    broken["between_others"]["quarrel"].append("(unclosed")
    with pytest.raises(ValidationError):
        ScriptFile.model_validate(broken)


def test_two_of_the_writers_people_who_cant_stand_each_other_in_a_clause_of_the_writers_own():
    """Red team 35: "I manage a team of 7 … and I've got two of my people who cant stand each other" read as the
    writer being a side ("and I"), and one of them was given feedback to stop."""
    from clearair import analyze

    r = analyze("I run a small bakery team and I've got two of my bakers who cant stand each other. Priya says Tom "
                "leaves her the washing up, and Tom says Priya bosses him about. Yesterday they had a row in front "
                "of customers. Should I sit them down together or talk to each one first?")
    assert r.situation.between_others
    assert any(s.kind == "between" for s in r.scripts)
