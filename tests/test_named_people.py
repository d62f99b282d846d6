"""Several people of one kind, each by name: who did what stays with that person.

A red team found that when a letter names two coworkers the writer likes and a third who does the harm, all three
were one "peer" party: the words were addressed to whichever name came first and the person the letter is about
could not be the other side on their own.
"""

from __future__ import annotations

import pytest

from clearair import analyze
from clearair.extract import read
from clearair.extract.parties import build_parties
from clearair.intake import build_document

_THREE = ("I'm one of six designers at an agency. Two of my colleagues, Priya and Tom, are lovely and we often have "
          "lunch together. The trouble is another colleague, Gareth. Since March Gareth has been presenting my "
          "mock-ups to the creative director as his own work. Priya saw him do it last week. I haven't said "
          "anything to him yet. Should I talk to him or go to the director?")


def _people(text: str) -> dict[str, set[str]]:
    document = build_document(text)
    return {k: {m.text for m in d.mentions} for k, d in build_parties(read(document), False).items()}


def test_each_named_person_of_one_kind_is_a_party_of_their_own():
    parties = _people(_THREE)
    holders = {name: [k for k, ms in parties.items() if name in ms] for name in ("Priya", "Tom", "Gareth")}
    assert all(len(keys) == 1 for keys in holders.values())
    assert len({keys[0] for keys in holders.values()}) == 3
    gareth = parties[holders["Gareth"][0]]
    assert "another colleague" in gareth  # the role word that introduced him goes with him
    assert "Two of my colleagues" not in gareth  # the group stays with the role


def test_the_one_who_did_it_is_the_other_side_and_the_words_name_them():
    report = analyze(_THREE)
    cp = report.situation.party(report.situation.counterpart)
    assert cp is not None and "Gareth" in cp.mentions
    said = " ".join(s.text for s in report.scripts)
    assert "Priya" not in said and "Tom" not in said


def test_one_named_person_keeps_the_party_as_before():
    parties = _people("My coworker Dana has been rude to me in meetings for months. Dana talks over me every time.")
    assert len([k for k, ms in parties.items() if "Dana" in ms]) == 1
    assert any({"My coworker", "Dana"} <= ms for ms in parties.values())


def test_a_name_the_small_model_misses_the_second_time_is_still_that_person():
    text = ("My coworker Trevor is the problem. For months Trevor has taken my reports and sent them on as his own. "
            "Another coworker, Ana, noticed.")
    parties = _people(text)
    trevor = next(ms for ms in parties.values() if "Trevor" in ms)
    starts = [m.start for d in build_parties(read(build_document(text)), False).values() for m in d.mentions
              if m.text == "Trevor"]
    assert len(starts) == 2 and "Ana" not in trevor


@pytest.mark.parametrize("letter, option", [
    ("My supervisor mocked my accent in front of everyone. My coworker Jen thinks I should just let it go, and my "
     "husband says I should report it to HR.", "My coworker Jen thinks I should just let it go"),
    ("My boss shouted at me in the car park. My husband says I should report it to HR.",
     "My husband says I should report it to HR"),
])
def test_someone_elses_advice_is_an_option_that_says_whose_it_is(letter, option):
    options = [o.text for o in analyze(letter).situation.options]
    assert option in options


# A red team's letters of people named with no role word anywhere near, and of those a writer works for without a
# job title (written for these tests, not taken from any letter).
_NO_ROLE_WORD = ("Kofi told me in the break room on Monday that the promotion I applied for was already decided. "
                 "Yesterday he said it again in front of three other people and laughed. We're on the same level, "
                 "both analysts in one team. What should I do?")


def test_a_person_named_with_no_role_word_is_a_party_and_a_stated_level_gives_their_line():
    """ "Kofi told me…" names someone the role list cannot place; he is a party (so "he" finds him), and "we're on
    the same level" makes him the writer's peer, never their manager."""
    parties = _people(_NO_ROLE_WORD)
    holder = [k for k, ms in parties.items() if "Kofi" in ms]
    assert len(holder) == 1 and "he" in parties[holder[0]]
    report = analyze(_NO_ROLE_WORD)
    cp = report.situation.party(report.situation.counterpart)
    assert cp is not None and "Kofi" in cp.mentions and cp.role == "peer"
    assert cp.label == "your peer"


def test_a_relative_or_a_name_said_in_passing_is_no_party():
    parties = _people("My husband John thinks I should quit. My supervisor keeps moving my shifts without asking "
                      "me, and last week she cut my hours in half. I don't know what to do about it.")
    assert not any("John" in ms for ms in parties.values())


@pytest.mark.parametrize("text, who", [
    # An au pair's or a nanny's employers are the parents; not a pupil's parent, who is a teacher's customer.
    ("I'm an au pair living with a host family. The mother, Camille, keeps adding jobs that were never in our "
     "agreement, and laughed when I raised it at dinner. How do I bring it up with her?", "Camille"),
    ("i'm a nanny for two boys and the dad, Mark, docks my pay whenever the playroom is messy, even when i stay "
     "late waiting for him. he never pays the overtime. what do i say?", "Mark"),
    # The relative whose shop the writer works in.
    ("I work in my uncle Ravi's small printing shop. Ravi pays me less than the other two staff and rings me on "
     "Sundays expecting me to come in. How do I raise pay with him?", "Ravi"),
])
def test_someone_the_writer_works_for_without_a_title_is_their_manager(text, who):
    report = analyze(text)
    cp = report.situation.party(report.situation.counterpart)
    assert cp is not None and who in cp.mentions and cp.role == "manager"


def test_the_parent_of_a_pupil_is_not_a_teachers_manager():
    report = analyze("I teach year four. The mother of one boy emails me every night about his marks and last week "
                     "she shouted at me in the playground in front of other parents. What should I do?")
    assert all(p.role != "manager" for p in report.situation.parties)


def test_a_chief_executive_answers_to_the_board_chair():
    report = analyze("I am the chief executive of a small charity. Our board chair, Douglas, has started giving my "
                     "senior team instructions that contradict mine, and paused a hire I had signed off. I report to "
                     "the board as a whole. How do I handle him?")
    cp = report.situation.party(report.situation.counterpart)
    assert report.situation.narrator.is_manager and cp is not None and cp.role == "manager"
    assert "Douglas" in cp.mentions


def test_those_the_writer_leads_or_once_sat_beside_are_their_reports():
    leads = analyze("Last spring I ended up leading our community garden volunteers. Two of the older members "
                    "ignore the rota I set and tell the newer volunteers that nobody voted for me. How do I deal "
                    "with them?")
    promoted = analyze("Three months ago I was promoted to team lead over the five people I used to sit with. Two "
                       "of them go quiet when I walk in and question every decision in meetings. How do I handle it?")
    for report in (leads, promoted):
        cp = report.situation.party(report.situation.counterpart)
        assert report.situation.narrator.is_manager and cp is not None and cp.role == "direct_report"


def test_a_pronoun_never_goes_to_someone_the_letter_names_as_the_other_gender():
    # "A guy on my shift" is a he: the "she" who laughed is the manager named after him.
    parties = _people("I started at a busy cafe. A guy on my shift keeps mocking my accent. When I asked my manager "
                      "Chris about it, she laughed.")
    guy = next(ms for ms in parties.values() if "A guy on my shift" in ms)
    chris = next(ms for ms in parties.values() if "Chris" in ms)
    assert "she" not in guy and "she" in chris
    # A courtesy title says it too: "Mr. Okafor" is not the "she" of the next sentence.
    parties = _people("Mr. Okafor, the senior chemist, keeps taking my samples without asking. Last week she moved "
                      "my bench as well, and my supervisor did nothing.")
    assert not any("Okafor" in " ".join(ms) and "she" in ms for ms in parties.values())


def test_a_name_beside_an_unknown_title_is_a_person_of_their_own():
    """"Their support worker, Adrian," or "another mum, Lisa,": a title no rule knows still makes the named person a
    party (a red team found the person doing the harm missing and his pronouns given to someone else), and "another
    mum" is not the writer's own relative."""
    text = ("I work for the council with a partner charity. Their support worker, Adrian, keeps telling residents "
            "that the delays are my fault. He did it again on Monday.")
    parties = analyze(text).situation.parties
    adrian = next(p for p in parties if "Adrian" in p.mentions)
    assert "He" in adrian.mentions
    text = ("I'm on the parents' association at school. There's another mum, Lisa, who organises every event. I "
            "mocked her in the group chat and she left the group.")
    assert any("Lisa" in p.mentions for p in analyze(text).situation.parties)
    # a name beside a company word is no person
    text = "I work at a bank, Fairway, as a cashier. My manager keeps moving my shifts without asking."
    assert not any("Fairway" in p.mentions for p in analyze(text).situation.parties)


def test_a_short_name_after_a_full_name_is_the_same_person():
    """ "PC Lyle Grant … Lyle is still on the team": the short name was a new person who took the pronouns of
    someone else named near it."""
    parties = _people("I reported that a colleague, PC Lyle Grant, pushed a man into a wall. Since then my inspector, "
                      "Ruth Mayne, has moved me onto nights. Lyle is still on the team. I can't go to anyone who is "
                      "friends with Ruth.")
    lyle = [k for k, ms in parties.items() if "Lyle" in ms]
    ruth = [k for k, ms in parties.items() if "Ruth" in ms]
    assert len(lyle) == 1 and "Lyle Grant" in parties[lyle[0]]
    assert len(ruth) == 1 and "Ruth Mayne" in parties[ruth[0]]


def test_a_short_name_two_people_share_stays_apart():
    parties = _people("My coworker Sam Ortiz and my supervisor Sam Lee both sit near me. Sam keeps moving my files.")
    assert not any({"Sam Ortiz", "Sam Lee"} <= ms for ms in parties.values())


def test_a_rank_written_before_a_name_is_no_second_person():
    parties = _people("My ward manager, Sister Bernadette Okoye, was on leave that week, so I could not tell her.")
    holders = [k for k, ms in parties.items() if "Bernadette Okoye" in ms]
    assert len(holders) == 1
    assert not any(ms == {"Sister"} for ms in parties.values())


@pytest.mark.parametrize("text, name, with_", [
    ("Our new CIO arrived from the holding company last spring. I'll call him Tim. He hands my people tasks "
     "without telling me.", "Tim", "Our new CIO"),
    ("Our director is a volunteer, and his wife, whom I'll call Martha, sings in the choir. She sings far too loudly.",
     "Martha", "his wife"),
    # "called" or "named" after the person: the same
    ("I clean the wards at a hospital. A man called Shaun from the building firm makes comments about my body "
     "every time I go past. On Tuesday he blocked the corridor.", "Shaun", "A man"),
    ("There is a guy named Dave on my team who takes my lunch from the fridge every week and laughs about it.",
     "Dave", "a guy"),
])
def test_a_name_the_writer_gives_someone_goes_to_that_person(text, name, with_):
    parties = _people(text)
    holder = next(ms for ms in parties.values() if name in ms)
    assert with_ in holder


def test_someone_elses_son_is_a_person_of_his_own():
    """A patient's son who threatens the nurse: "his son, Adrian" is not the writer's family, and not the patient."""
    parties = _people("One of my patients is an elderly man, and his son, Adrian, visits every day. He told me he "
                      "would find out where I live.")
    adrian = next(ms for ms in parties.values() if "Adrian" in ms)
    assert "his son" in adrian and "One of my patients" not in adrian


def test_my_own_son_named_is_still_no_one_at_work():
    parties = _people("My son, Leo, started at the same shop as me. My supervisor shouts at me in front of him.")
    assert not any("Leo" in ms for ms in parties.values())


def test_phoning_someone_by_name_is_not_naming_the_person_before():
    parties = _people("My supervisor keeps changing my rota without telling me. Tomorrow I'll call Dana in payroll "
                      "to check my hours, and then I'll talk to him.")
    assert not any({"My supervisor", "Dana"} <= ms for ms in parties.values())


def _roles(text: str) -> dict[str, tuple[str, set[str]]]:
    document = build_document(text)
    return {k: (d.role, {m.text for m in d.mentions}) for k, d in build_parties(read(document), False).items()}


def test_a_title_the_writer_reports_to_is_their_manager_and_its_name_joins_it():
    """ "I report straight to our CFO, Martin Hale": one person, the writer's manager (the surname had become a
    manager of its own and the CFO a manager's manager)."""
    parties = _roles("I keep the books at a family firm and I report straight to our CFO, Martin Hale. Last month "
                     "Martin told me to move some sales into the previous quarter before the bank saw the figures.")
    role, martin = next(v for v in parties.values() if "Martin" in v[1])
    assert role == "manager" and "our CFO" in martin and "Martin Hale" in martin
    assert not any(r == "skip_level" for r, _ in parties.values())


def test_a_name_hung_on_a_place_goes_to_the_person_at_that_place():
    """ "a woman on my line, Sharon": Sharon is the woman, and "my line" is no one."""
    parties = _roles("I pack on the night shift. There's a woman on my line, Sharon, who has had it in for me since "
                     "I started. Last week she grabbed my arm and told me to watch myself.")
    assert not any("my line" in ms for _, ms in parties.values())
    assert any({"a woman", "Sharon"} <= ms for _, ms in parties.values()) or \
        any("Sharon" in ms and r == "peer" for r, ms in parties.values())


@pytest.mark.parametrize("text", [
    "There are only nine of us and no HR, so I have nobody to tell that my boss keeps shouting at me.",
    "We don't have an HR person here, and my supervisor keeps shouting at me in front of customers.",
])
def test_hr_the_letter_says_there_is_none_is_no_party(text):
    assert not any(r == "hr" for r, _ in _roles(text).values())


@pytest.mark.parametrize("text, who, role", [
    ("I'm a junior designer at a small practice with two principals, David Okafor and Ruth Lam. David keeps "
     "putting his hand on my knee in meetings.", "David", "manager"),
    ("I'm a labourer with a small building firm. The owner, Frank, is hardly ever on site. His lead hand, Kyle, runs "
     "the jobs and keeps sending us up without harnesses.", "His lead hand", "manager"),
    # a blind panel found congregants read as the minister's direct reports and given performance management
    ("I am the pastor of a small church. One of our congregants emails me every Sunday night with long complaints "
     "about the music and copies in the whole board.", "One of our congregants", "customer"),
])
def test_a_title_puts_the_person_in_the_right_line(text, who, role):
    assert next(r for r, ms in _roles(text).values() if who in ms) == role


def test_the_owner_and_his_lead_hand_named_together_are_two_people():
    """ "just the owner, his lead hand Gaz": "his" points back at the owner, so the lead hand is someone else (a red
    team found a complaint meant for the owner accusing the owner of the lead hand's threat)."""
    parties = _roles("I work for a small roofing firm, just the owner, his lead hand Gaz, and four of us lads. The "
                     "owner is hardly ever on site so Gaz runs the jobs. Gaz told me to go up without a harness.")
    gaz = next(ms for _, ms in parties.values() if "Gaz" in ms)
    assert "his lead hand" in gaz and "the owner" not in gaz


# People named in passing, and writers who run the place without saying "I manage" (letters written for these tests).
def _other_side(letter: str):
    s = analyze(letter).situation
    return s.party(s.counterpart)


def test_one_of_a_group_given_a_name_is_a_person_who_can_be_the_other_side():
    letter = ("I'm a junior designer at an agency. One of the senior designers, Marcus, keeps taking my drafts and "
              "presenting them to clients as his own work. My manager, Lena, hasn't noticed and I don't want to look "
              "petty. Last week he did it again in the client meeting and I sat there saying nothing.")
    other = _other_side(letter)
    assert other is not None and "Marcus" in other.mentions and other.role != "manager"


@pytest.mark.parametrize("group", ["one of the other waitresses", "one of the other servers"])
def test_one_of_the_other_people_of_the_writers_job_is_a_peer(group):
    letter = (f"I'm a waitress at a small restaurant and I get on with everyone except {group}. She criticises my "
              "work constantly and hints that tips are down because of me. Should I ask my manager to step in, or "
              "just ignore her?")
    other = _other_side(letter)
    assert other is not None and other.role == "peer" and group in other.mentions


def test_a_word_between_my_and_coworker_still_names_a_coworker():
    letter = ("My only coworker has made the office miserable for a year. He botches his work and my boss and I "
              "cover for him. My boss says his hands are tied. What can I do?")
    other = _other_side(letter)
    assert other is not None and other.role == "peer" and "My only coworker" in other.mentions


@pytest.mark.parametrize("letter, manages", [
    ("I'm a nurse and part of my job is supervising the aides. Many of them ignore what I ask and do it their own "
     "way. How do I get them to take direction?", True),
    ("I'm in charge of managing a family restaurant and a bartender who has been there ten years mouths off at me "
     "in front of customers whenever I seat a table with a waitress.", True),
    ("My husband and I recently became bar owners. The bartenders left the liquor cabinet unlocked overnight after we "
     "stressed it at the staff meeting.", True),
    ("I bought a chocolate bar for my coworker and she threw it away in front of everyone. Was that rude of her?",
     False),
    ("I'm the company owner's daughter and I work on the front desk. A coworker keeps telling people I got the job "
     "because of my dad.", False),
])
def test_a_writer_who_runs_the_place_is_read_as_managing_people(letter, manages):
    assert analyze(letter).situation.narrator.is_manager is manages


def test_a_bartender_is_the_report_of_a_writer_who_runs_the_restaurant():
    letter = ("I'm in charge of managing a family restaurant, and a bartender who has been there ten years mouths off "
              "at me in front of customers whenever I seat a table with a waitress. She has done it several times.")
    other = _other_side(letter)
    assert other is not None and other.role == "direct_report"


def test_a_nurses_handover_is_no_person_and_another_new_grad_is_a_peer():
    letter = ("I'm a new RN two weeks into working on my own. Several evenings a week I take report from another new "
              "grad who started four months before me. She talks down to me and at handoff she questions whether I "
              "really did what I charted. Should I confront her?")
    other = _other_side(letter)
    assert other is not None and other.role == "peer" and "another new grad" in other.mentions


def test_a_board_member_of_the_writers_firm_is_not_their_report():
    letter = ("I run a small agency. Three months ago one of our board members left to set up on his own, and two of "
              "our largest clients have followed him. We were friends. Should I tell him what I think of him?")
    other = _other_side(letter)
    assert other is not None and other.role != "direct_report"


def test_a_name_with_a_who_clause_is_a_person_the_letter_says_it_is_about():
    """The small model takes "Marcus" for a place; a "who" clause makes him a person, and "It's about Marcus" names
    him as the one the letter is about (the chooser's clue; which person wins is the readers' call)."""
    letter = ("My boss Helen has been amazing since I came back from leave. This isn't about her at all. It's about "
              "Marcus who sits next to me. He's swamped and has started forwarding me his tickets with no notes. I've "
              "taken on ten extra a week. How do I say no nicely?")
    s = analyze(letter).situation
    marcus = next((p for p in s.parties if "Marcus" in p.mentions), None)
    assert marcus is not None and marcus.role != "manager"


def test_a_name_only_inside_quoted_words_is_no_party():
    """ "careful, Kelly's had second breakfast again", said about the writer: the writer's own name, not a third
    person who "passed a message about you on"; a name also used outside the quotes still is one."""
    text = ('My supervisor Dean makes jokes about my lunch in front of everyone, like "Sam\'s eating for two again". '
            "He laughs and the others join in. Should I say something?")
    assert not any("Sam" in ms for ms in _people(text).values())
    text = ('My supervisor Dean said "Sam will take your shifts now" and since then Sam has been rude to me. '
            "Should I say something?")
    assert any("Sam" in ms for ms in _people(text).values())


@pytest.mark.parametrize("text, name, role_words", [
    ("My supervisor, Gary, has been making comments about my weight for two months. The site manager is a woman "
     "called Denise who seems fair but I've hardly spoken to her. Should I report him?", "Gary", "My supervisor"),
    ("So our shift lead, Kev, keeps calling me names on the radio. Our ops manager is Steph and she's decent. "
     "Do I go to her or is that overreacting?", "Steph", "Our ops manager"),
    ("My supervisor, Prof. Hartley, put his name first on my paper. Dr Okafor, my second supervisor, agreed with me "
     "in private that it's wrong. What can I do about this?", "Dr Okafor", "my second supervisor"),
])
def test_a_role_word_set_beside_a_name_is_that_person_even_in_the_writers_own_line(text, name, role_words):
    """ "My supervisor, Gary," and "The site manager is a woman called Denise" each name one person: split from
    their role word, the report said "Also involved: your manager and your manager" and greeted neither."""
    parties = _people(text)
    holder = [k for k, ms in parties.items() if name in ms]
    assert len(holder) == 1 and role_words in parties[holder[0]]


def test_one_of_a_group_named_is_one_person_in_the_words():
    """ "One of the senior engineers, Rob,": "the senior engineer", never "the senior engineers has…"."""
    from clearair.extract.parties import singular
    assert [singular(w) for w in ("engineers", "consultants", "nurses", "secretaries", "coaches", "women")] == \
        ["engineer", "consultant", "nurse", "secretary", "coach", "woman"]
    assert singular("analysis") == "analysis" and singular("boss") == "boss"


def test_a_writer_the_bystander_reader_is_sure_was_not_a_witness_is_not_told_they_saw_it():
    """ "I noticed…" in a letter about the writer's own pay is no witness's account (red team 32: "You saw it happen to
    someone else" said to a cashier about her own deductions)."""
    from clearair import analyze

    r = analyze("In the weekly managers' meeting our operations director, Paul, put up the missed delivery figures and "
                "said the shortfall was because \"the planner didn't book the extra vans\". That's me, I'm the only "
                "planner. I had emailed him on the 2nd asking to book them and he replied that he'd sort it. My line "
                "manager, Amy, was in the room and said nothing. What should I do?")
    bystander = next(f for f in r.factors if f.name == "bystander")
    assert bystander.value is True or not r.situation.witnessed


def test_two_people_under_one_label_are_told_apart_by_name_or_said_once():
    """ "Also involved: your manager and your manager" (red team 32): a name tells them apart, and one person read
    twice is said once."""
    from clearair.models import Party, Report, Situation
    from clearair.render.view import _people

    def boss(key: str, *mentions: str) -> Party:
        return Party(id=key, role="manager", label="your manager", mentions=list(mentions))

    s = Situation(parties=[boss("manager", "Our area manager", "Martin"),
                           boss("manager_2", "My store manager", "Claire"), boss("manager_3", "Claire")],
                  counterpart="manager")
    said = _people(Report(situation=s))
    assert said == "The other side is your manager (Martin). Also involved: your manager (Claire)."
