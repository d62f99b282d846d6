"""Who stands where in workplaces outside the office: the line a role word gives depends on the writer's world.

A retired holdout showed forms the reading did not know: a parent who runs the family business read as someone
outside the writer's lines, a board member's executive director read as two levels above them, "my co-author"
cut to "my co" and read as the writer's manager, people of a partner organisation read as coworkers, a soldier's
leaders read as peers, "dispatch" unseen, and "a few have threatened to quit" read as a threat.
"""

from __future__ import annotations

import pytest

from clearair import analyze
from clearair.extract import read
from clearair.extract.parties import build_parties
from clearair.intake import build_document


def _roles(text: str, is_manager: bool = False) -> dict[str, tuple[str, set[str]]]:
    drafts = build_parties(read(build_document(text)), is_manager)
    return {k: (d.role, {m.text for m in d.mentions}) for k, d in drafts.items()}


def _role_of(text: str, words: str, is_manager: bool = False) -> str | None:
    return next((role for role, ms in _roles(text, is_manager).values() if words in ms), None)


@pytest.mark.parametrize("text, words, role", [
    # a parent who runs the family business the writer works in is their boss ...
    ("I have helped in our family bakery since school. My mother runs it and will not let anyone change the "
     "recipes. When I suggested a new oven she said I was ungrateful.", "My mother", "manager"),
    ("I work for my dad's garage as a mechanic. Dad shouts at me in front of customers whenever a job runs late.",
     "Dad", "manager"),
    # ... a board's executive director answers to the board, a president's vice president to the president
    ("I was elected to the board of a small theatre last spring. Our executive director will not show us the "
     "accounts and calls our questions meddling.", "Our executive director", "direct_report"),
    # someone who shares the writer's role is level with them
    ("I teach a class with another teacher. My co-teacher rewrites my lesson plans the night before without "
     "asking me.", "My co-teacher", "peer"),
    # people of another organisation are outside the writer's lines
    ("Our council runs a housing project with a charity. Two people on the partner side keep sending me rude "
     "emails and copying my director.", "Two people on the partner side", "other"),
    # a soldier's leaders, a driver's dispatch
    ("I am a private in the army. My squad leader mocks my accent at every formation and the others laugh.",
     "My squad leader", "manager"),
    ("I drive a delivery van. Last week dispatch told me over the radio that I was the slowest driver they had.",
     "dispatch", "manager"),
    # a title said to run the writer's work
    ("I volunteer at an animal shelter. The coordinator, who organises all of us, shouts at me when I am late and "
     "keeps texting me at night.", "The coordinator", "manager"),
    ("I have a literary agent who sold my first novel. Lately my literary agent ignores my emails for weeks.",
     "my literary agent", "other"),
])
def test_the_line_a_role_word_gives_in_the_writers_world(text, words, role):
    assert _role_of(text, words) == role


def test_the_same_words_keep_their_usual_line_in_other_letters():
    # no family business in the letter: a parent is no one at work
    assert _role_of("My dad keeps criticising my job at Sunday dinner. My manager at work is fine.", "My dad") is None
    # no board in the letter: an executive director stands above the writer's manager
    assert _role_of("Our executive director cancelled my project in front of the whole team and my manager said "
                    "nothing.", "Our executive director") == "skip_level"
    # "to dispatch" is work, not a person
    assert _role_of("My job is to dispatch trucks and my coworker keeps changing the loads I set.", "dispatch") is None
    # a coworker who books rooms for the team runs no one's work
    assert _role_of("My coworker Ann books the meeting rooms for us and keeps giving the best ones to her friends.",
                    "Ann") == "peer"


def test_a_name_after_a_role_word_the_parse_took_for_an_adjective_is_that_person():
    parties = _roles("Our super, Dale, changes my hours at the last minute. Dale says I should be grateful.")
    holders = [k for k, (_, ms) in parties.items() if "Dale" in ms]
    assert len(holders) == 1 and parties[holders[0]][0] == "manager" and "Our super" in parties[holders[0]][1]


def test_one_of_the_people_the_writer_inherited_is_their_report():
    assert _role_of("I took over a team in May. One of the people I inherited skips every stand-up and blames "
                    "others for his misses.", "One of the people I inherited", is_manager=True) == "direct_report"


def test_co_owners_by_a_verb_of_owning_together_are_business_partners():
    parties = _roles("My sister and I co-own a florist. She keeps taking money from the till without telling me.")
    assert any(k == "business_partner" and "My sister" in ms for k, (_, ms) in parties.items())


def test_threatening_to_quit_is_not_a_threat():
    quitting = analyze("I run a small agency. Last year I promoted one of our designers to lead the studio. Since "
                       "then the others say he plays favourites, and a few have threatened to quit over it.")
    menacing = analyze("My coworker threatened me in the car park after I reported him for skipping safety checks. "
                       "He said I would regret it.")
    assert "severity" not in {s.name for s in quitting.signals}
    assert "severity" in {s.name for s in menacing.signals}


def test_someone_who_only_acts_like_the_boss_keeps_their_own_line():
    parties = _roles("We depend on an outside consultant, Marek. He is not on our payroll, yet he behaves as though "
                     "he is my boss and sends me curt emails about every delay. My manager has told him to go "
                     "through her.")
    marek = next(role for role, ms in parties.values() if "Marek" in ms)
    assert marek == "other"
    assert not any("Marek" in ms for role, ms in parties.values() if role == "manager")


@pytest.mark.parametrize("text, words, role", [
    # uniformed ranks: the writer's own sergeant, corporal, section commander or watch manager runs their work ...
    ("I joined the police two years ago. My sergeant has refused every leave request I made since spring.",
     "My sergeant", "manager"),
    ("I am a firefighter. Our watch manager tells us to skip the morning kit checks and just sign the sheet.",
     "Our watch manager", "manager"),
    # ... and the inspector over them stands one level higher
    ("I am a constable. My inspector has not answered my email about the rota for a month.", "My inspector",
     "skip_level"),
    ("At my tech job my skip-level manager joked in front of my team that my project would replace them.",
     "my skip-level manager", "skip_level"),
    # a freelancer's client, a delivery rider's pick-up venue: not a manager
    ("I am a freelance photographer. The owner of the wedding venue booked me in May and has not paid my invoice.",
     "The owner", "customer"),
    ("I deliver food for one of the big apps. The manager there shouts at riders who come to the counter early.",
     "The manager", "customer"),
    # a co-owner who is family is level with the writer
    ("I co-own a small bakery with my sister-in-law, Jo. She has started changing the prices without telling me.",
     "my sister-in-law", "peer"),
    # a person of the writer's grade, even with a title in the phrase
    ("I sell for a retail chain. Another employee at the same manager level keeps interrupting my meetings with "
     "clients.",
     "Another employee at the same manager level", "peer"),
    ("I work in a lab. The other research assistant never cleans her bench before inspections.",
     "The other research assistant", "peer"),
    # someone the writer cares for has a family, who are outside the writer's lines
    ("I am a carer in a nursing home. The resident's daughter shouted at me in the corridor about the hoist.",
     "The resident's daughter", "customer"),
])
def test_the_line_of_titles_outside_the_office(text, words, role):
    assert _role_of(text, words) == role


def test_a_likeness_or_the_writers_own_team_names_no_party():
    # "as though she's my boss" is a comparison, and "I manage a team" is the writer, not a person
    roles = _roles("A new colleague acts as though she's my boss and gives me orders in front of customers.")
    assert not any(role == "manager" for role, _ in roles.values())
    roles = _roles("I manage a team and I have a disability. A colleague told me to hide it from my staff.", True)
    assert not any(any(m.lower().startswith("i manage") for m in ms) for _, ms in roles.values())


def test_a_product_manager_manages_no_one_by_the_title_alone():
    from clearair.extract.lexicon import find_kinds
    assert not find_kinds("narrator", ("is_manager",), "I'm a product manager at a small software company.")
    assert find_kinds("narrator", ("is_manager",), "I'm a store manager at a small shop.")


def test_a_kitchens_second_is_a_line_cooks_boss_and_a_head_chefs_report():
    assert _role_of("I am a line cook at a hotel. My sous chef shouts at me in front of the waiters every night.",
                    "My sous chef") == "manager"
    assert _role_of("I run the kitchen at a hotel. My sous chefs want to go over my head to the owner about rotas.",
                    "My sous chefs", is_manager=True) == "direct_report"


def test_an_executive_chef_manages_people():
    from clearair.extract.lexicon import find_kinds
    assert find_kinds("narrator", ("is_manager",), "I'm the executive chef at a large hotel.")


@pytest.mark.parametrize("text, words, role, is_manager", [
    # an academic's chair, told by what they did, and the dean above them
    ("I'm an assistant professor. My chair has assigned me to three committees and the dean wants a study from me.",
     "My chair", "manager", False),
    ("I'm an assistant professor. My chair has assigned me to three committees and the dean wants a study from me.",
     "the dean", "skip_level", False),
    ("I'm a postdoc and my lab head binned my figures in front of everyone at the lab meeting last week.",
     "my lab head", "manager", False),
    # the head of the lab the writer works in
    ("I'm a postdoc in a faculty member's lab. He walked out of my talk without a word.", "a faculty member",
     "manager", False),
    # one member of the writer's department, to the head of department and to a teacher in it
    ("I run the science team. My problem is one member of the department who will not share resources.",
     "one member of the department", "direct_report", True),
    ("I teach science. My problem is one member of the department who will not share resources.",
     "one member of the department", "peer", False),
    # people the writer works beside, named by that alone; the people the writer serves, counted
    ("Men I work with keep staring at me and making remarks about my clothes in the office.", "Men I work with",
     "peer", False),
    ("I work at a library and I've had a lot of entitled patrons this winter.", "entitled patrons", "customer", False),
])
def test_people_named_by_their_place_in_the_writers_work(text, words, role, is_manager):
    assert _role_of(text, words, is_manager) == role


@pytest.mark.parametrize("text, words", [
    ("My chair is broken and facilities will not replace it, so my back hurts every single day.", "My chair"),
    ("I made the dean's list twice at college before I started this job, and my manager never mentions it.",
     "the dean"),
])
def test_a_seat_and_a_list_are_no_one(text, words):
    assert _role_of(text, words) is None


def test_the_writer_as_head_of_department_manages_people():
    r = analyze("I've been head of department for three years. One member of the department refuses to share "
                "their teaching resources, and that is all I ask of them. How should I handle it?")
    assert next(f.value for f in r.factors if f.name == "narrator_is_manager") is True
    assert next(f.value for f in r.factors if f.name == "counterpart_role") == "direct_report"


def test_a_count_that_takes_in_the_writer_names_no_report():
    roles = _roles("On night shift the only two nurses in the building are me and a co-worker who is an LPN. "
                   "She shouts at me whenever I ask her to finish the audit column.")
    assert "direct_report" not in {role for role, _ in roles.values()}
    # the same words with no writer among them still name the writer's people
    assert "direct_report" in {role for role, _ in _roles(
        "Both nurses on my ward complained about the rota I wrote last month, and now they ignore my instructions.",
        True).values()}


def test_she_is_the_one_person_named_not_one_of_a_counted_group():
    roles = _roles("I told one of our managers, in confidence, that I believed two employees had taken money from me. "
                   "The next day those two employees texted me saying I had accused them. Now I dread going back, and "
                   "she has made the atmosphere really uncomfortable.")
    she = next(key for key, (_, mentions) in roles.items() if "she" in mentions)
    assert "one of our managers" in roles[she][1]


def test_a_title_and_a_name_apart_only_by_a_bracket_are_one_person():
    """ "my team lead (band 7) Carol": the parse ends a sentence inside it, and the name became a second person."""
    roles = _roles("I'm a nurse and my shift supervisor (band 6) Grace has been on at me for weeks about my notes. "
                   "Yesterday she told me off in front of a patient.")
    grace = next(role for role, mentions in roles.values() if "Grace" in mentions)
    assert grace == "manager" and "my shift supervisor" in next(
        mentions for _, mentions in roles.values() if "Grace" in mentions)


def test_a_courtesy_title_before_a_name_is_no_person_of_its_own():
    roles = _roles("The head of the lab, Prof. Adeyemi, has moved my name down the author list of my own paper, "
                   "and he laughed when I asked why.")
    holders = [mentions for _, mentions in roles.values() if "Adeyemi" in mentions or "Prof. Adeyemi" in mentions]
    assert len(holders) == 1 and "The head of the lab" in holders[0]
    assert not any("Prof." in mentions for _, mentions in roles.values())


def test_someone_the_parse_left_out_of_every_phrase_can_still_be_the_other_side():
    """ "A woman I work with (we share an office) talks…": the parse hung "woman" on the verb, and a customer the
    writer was on a call with became the other side."""
    r = analyze("It's driving me mad. A man I work with (we share a desk, he's not my manager) whistles all day, and "
                "whenever I'm on the phone with a client he starts talking to me. What can I say to him?")
    assert next(f.value for f in r.factors if f.name == "counterpart_role") == "peer"


def test_a_manager_the_writer_says_they_do_not_report_to_is_not_their_manager():
    text = ("Some months back I noticed that a manager here, not the one I report to, seemed keen on me. I asked "
            "him out and he said no, and now things are awkward whenever we meet in the kitchen.")
    assert "manager" not in {role for role, _ in _roles(text).values()}


@pytest.mark.parametrize("text, words", [
    ("I'm a library assistant. I told our branch librarian, Martin, about the man, and he said to be nice to him.",
     "our branch librarian"),
    ("I work on a ward. My ward manager keeps changing my shifts at the last minute without asking me.",
     "My ward manager"),
])
def test_who_runs_a_branch_or_a_ward_is_the_writers_manager(text, words):
    assert _role_of(text, words) == "manager"


@pytest.mark.parametrize("letter, role", [
    ("I'm a healthcare assistant on a ward. The ward manager, Sister Baines, has twice told me off in front of "
     "patients. My friend on nights, Zoe, said Baines calls me lazy. Should I take it up with her?", "manager"),
    ("I'm a teaching assistant. The deputy head talks down to me constantly and last week told me in front of a "
     'class that I was "only a TA". Other TAs get the same. Is this just how schools are?', "manager"),
    ("I've got a good manager, Raj, and a good job but I keep getting messages after 9pm from Raj and others. I "
     "want to set a boundary about Slack at weekends. How do I say it?", "manager"),
])
def test_who_runs_the_ward_or_school_and_a_good_manager_the_writer_has_are_above_them(letter, role):
    """ "The ward manager", "the deputy head" and "I've got a good manager" name someone over the writer (the
    friend who passed on the remark, the other TAs and a peer were read as the other side)."""
    f = {x.name: x.value for x in analyze(letter).factors}
    assert f["counterpart_role"] == role


@pytest.mark.parametrize("text, phrase", [
    ("I'm a surgical resident and I despise most of my attending surgeons.", "my attending surgeons"),
    ("The owner recently brought in a new company president from a competitor.", "a new company president"),
])
def test_those_a_trainee_or_a_head_of_department_answers_to_are_above_them(text, phrase):
    from clearair.extract.parties import find_mentions

    assert (phrase, "manager") in [(m.text, m.role) for m in find_mentions(text, False)]


@pytest.mark.parametrize("text, manages", [
    ("I was recently promoted to chef. Even before that we had a problem employee who takes long breaks.", True),
    ("I recently became the formal manager of a friend from college, and it is awkward.", True),
    ("I recently became friends with the manager of the cafe next door.", False),
])
def test_a_writer_promoted_to_run_a_kitchen_or_made_someones_manager_manages_people(text, manages):
    from clearair.extract.lexicon import find_kinds

    assert bool(find_kinds("narrator", ("is_manager",), text)) == manages


def test_the_bosss_secretary_and_the_others_the_writer_works_with_are_level_with_them():
    from clearair.extract.parties import find_mentions

    assert ("Our boss's secretary", "peer") in [(m.text, m.role) for m in find_mentions(
        "Our boss's secretary seems to be quietly working to discredit me.", False)]
    assert ("three other women", "peer") in [(m.text, m.role) for m in find_mentions(
        "I work in accounting with three other women, and they are jealous of my award.", False)]


@pytest.mark.parametrize("text, phrase, role", [
    # a name given after the person was spoken of names that person
    ("A man I share an office with keeps taking my calls while I'm at lunch. His name is Trevor and he has been here "
     "ten years. What do I say to him?", "Trevor", "peer"),
    # "not the one I report to, called Hugh": Hugh is the manager spoken of, not "the one"
    # the person the writer's job is to assist is above them
    ("I'm the personal assistant to a woman who runs three restaurants, and she texts me at midnight most nights "
     "with jobs for the morning. How do I ask her to stop?", "I'm the personal assistant to a woman", "manager"),
    # the head of a whole function, and senior people counted, are above the writer
    ("In a planning meeting our head of finance cut me off twice and said my numbers were a joke in front of "
     "everyone. Should I raise it?", "our head of finance", "skip_level"),
    ("At the lab retreat several senior researchers tore into my poster in front of the students and laughed. "
     "Was that normal?", "several senior researchers", "skip_level"),
    # someone taken on beside the writer, a friend they work with, someone placed by "there's a…"
    ("My manager recently hired a new guy onto our desk and he keeps leaving his work for me to finish. What "
     "can I do without looking petty?", "a new guy", "peer"),
    ("A friend and I both work as carers in the same home, and lately she has been skipping her checks and asking "
     "me to sign for them. What should I do?", "A friend", "peer"),
    ("While our director is on leave, the practice nurse is overseeing the clinic, and she has started changing my "
     "rota without telling me. How do I raise it?", "the practice nurse", "manager"),
    ("Last month a new woman was hired into the job beside mine, and she talks over me in every call with clients. "
     "How do I handle it?", "a new woman", "peer"),
    ("There's a consultant based in the London office who rewrites my copy without asking, every single time, and "
     "copies in my director. How do I stop it?", "a consultant", "peer"),
])
def test_people_placed_by_how_the_letter_introduces_them(text, phrase, role):
    drafts = _roles(text)
    assert any(r == role and phrase in ms for r, ms in drafts.values()), drafts


@pytest.mark.parametrize("text", [
    "Last week I asked a manager from the warehouse, not the one I report to, called Dennis, for a pallet jack. He "
    "shouted at me in front of the drivers. Should I complain?",
    "I went to a team leader in another department, not the one I report to, called Dennis, for help with a form. He "
    "laughed at me in front of the office. Should I complain?",
])
def test_a_name_given_after_not_the_one_i_report_to_is_the_person_spoken_of(text):
    drafts = _roles(text)
    dennis = next(ms for _, ms in drafts.values() if "Dennis" in ms)
    assert {"a manager", "a team leader"} & dennis, drafts
    assert not any("the one I report to" in ms for _, ms in drafts.values())


@pytest.mark.parametrize("text, not_a_person", [
    # how far into a post the writer is: nobody
    ("A month or two into a new postdoc, I presented my plans at a group meeting and two professors mocked them in "
     "front of everyone. Should I say something?", "a new postdoc"),
    # what the writer and a friend both are: not two reports
    ("A friend and I are both nurses here, and our supervisor keeps giving her the easy patients while I get the "
     "hard ones. Should I say something?", "both nurses"),
])
def test_a_post_the_writer_holds_is_not_a_person(text, not_a_person):
    assert all(not_a_person not in p.mentions for p in analyze(text).situation.parties)


def test_what_others_will_not_accept_the_writer_as_is_the_writer():
    drafts = _roles("Five people who used to be my coworkers now report to me. Two of them are having trouble "
                    "accepting me as their supervisor and ignore my rota. What should I do?", is_manager=True)
    assert not any("their supervisor" in ms for _, ms in drafts.values()), drafts


@pytest.mark.parametrize("text, words, role", [
    # moved under someone: the writer's manager
    ("After a reorganisation I was moved under a VP I didn't know before. She keeps missing our weekly one-on-ones "
     "with no message at all.", "I was moved under a VP", "manager"),
    # the one the writer's manager reports to is above them both
    ("After we merged with another department, a new director arrived whom my manager reports to, and he wants a "
     "hand in every detail of our work.", "a new director", "skip_level"),
])
def test_lines_told_by_who_is_moved_under_whom(text, words, role):
    assert _role_of(text, words) == role


def test_the_writers_own_post_said_with_as_or_role_is_no_one_else():
    roles = _roles("I still put in four days a week as one of the partners at an agency. Lately my fellow partners "
                   "joke about me retiring, and it stings more than I let on.")
    assert not any("one of the partners" in ms for _, ms in roles.values())
    roles = _roles("I'm eight months into a senior director role. My new boss keeps missing our meetings and never "
                   "sends a message to say so.")
    assert not any("a senior director" in ms for _, ms in roles.values())
