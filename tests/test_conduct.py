"""Serious conduct: whose act it was. A writer who describes doing it is told to own it; a writer it
was done to (or who defended themselves, was accused, saw it, or reports someone's boast) never is."""

import pytest

from clearair import analyze
from clearair.extract import read
from clearair.extract.conduct import serious_conduct
from clearair.intake.document import build_document

TAIL = " It has been on my mind all week and I keep going over it at work."

VICTIMS = [
    "My team lead lunged at me in the stockroom and I pushed him off and ran. I don't know whether to go to HR.",
    "My supervisor was banging on the office door and shouting, so I blocked the door with a chair and called "
    "security. Should I report him?",
    "A colleague told HR that I grabbed her arm in the corridor, which never happened. I'm being investigated and "
    "I'm terrified.",
    "The HR investigator asked if I touched her shoulder. I didn't. Should I get a union rep?",
    "I told him to stop touching her. He laughed and carried on all afternoon. Should I go to HR?",
    "I was the one who reported that my team lead kissed her at the party. Now I'm being frozen out. Do I go to HR?",
    "He bragged to the whole team: 'I kissed her at the party and she loved it.' She looked mortified. "
    "Should I tell HR?",
    "I was grabbed by the shift manager in the freezer. I'm not sure whether to report it.",
    # The writer's trait named first, the act after it: the imitating is the supervisor's (a red team's letter was
    # told to apologise to the team lead who mocked the writer's stammer).
    "I have a stammer, and my supervisor, Colin, imitates it in every meeting while the others smirk.",
]

DOERS = [
    "At the Christmas party I did an impression of my colleague Priya's accent in front of the whole team. "
    "Everyone laughed, but she left early and now she will not speak to me. HR has asked me to come to a meeting "
    "on Monday. Honestly I think it was just a joke. What should I do?",
    "At the party I touched my assistant's bum as a joke. She went quiet and now avoids me. What should I do?",
    # Passed on rather than said, and a reason given for it: still the writer's to own (a red team's letter got
    # "how to get HR to see it was harmless" answered with records against the colleague).
    "Last week I posted a clip in our team chat of a comedian doing a silly Jamaican accent and I tagged my "
    "coworker Marcia in it, because she had laughed at something in the meeting. She has reported it to HR. "
    "I think she's overreacting. How do I handle the HR meeting?",
]


@pytest.mark.parametrize("letter", VICTIMS)
def test_someone_it_was_done_to_is_never_told_to_apologise(letter):
    report = analyze(letter + TAIL)
    fault = next(f for f in report.factors if f.name == "writer_fault")
    assert not (fault.value == "mainly" and fault.source == "rules")
    assert "APOLOGIZE" not in report.top_actions(3)


@pytest.mark.parametrize("letter", DOERS)
def test_a_writer_who_describes_doing_it_is_told_to_own_it(letter):
    report = analyze(letter + TAIL)
    fault = next(f for f in report.factors if f.name == "writer_fault")
    assert fault.value == "mainly" and fault.source == "rules" and fault.evidence
    assert report.top_actions(1)[0] in ("APOLOGIZE", "REBUILD_TRUST") and "APOLOGIZE" in report.top_actions(3)
    assert "HR_FORMAL" not in report.top_actions(3)


def test_the_writers_own_act_is_found_from_the_parse_not_the_words():
    reading = read(build_document("I put my arm round her waist for the photo and she went stiff. "
                                  "My manager has since put his hand on my lower back twice." + TAIL))
    others, own = serious_conduct(reading)
    assert [reading.text[h.start:h.end] for h in own] == ["arm round her waist"]
    assert any("his hand on my" in reading.text[h.start:h.end] for h in others)


def test_a_threat_to_hurt_someone_is_serious_conduct_between_others_too():
    """A threat to put someone in hospital, made by one of the writer's people to another, is serious conduct
    told in ordinary words: a formal route leads, never "let it go"."""
    report = analyze("I supervise a crew of eight at a builders' yard. Two of my lads have never got on. Yesterday "
                     "Dean told Kyle that if he grassed on him again he would put him in the hospital, and another lad "
                     "heard it. Kyle wants to know what I'm going to do. What should I do?")
    assert {f.name: f.value for f in report.factors}["severity"] == "serious"
    assert report.top_actions(1)[0] != "LET_GO"
    assert "HR_FORMAL" in report.top_actions(3)


@pytest.mark.parametrize("letter, kinds", [
    # Threats told as reported speech (a red team's site foreman: only "may be serious", a private talk offered).
    ("After I stopped his crew for unsafe scaffolding, the subcontractor said he knows where I live and that I'd "
     "better watch myself.", ["menacing_words"]),
    ("When I reported the missing stock my supervisor told me I'd better keep my mouth shut if I want my hours.",
     ["menacing_words"]),
    # Not a threat: someone knowing an address, or the writer's own resolve.
    ("My manager knows where I live because she gave me a lift home once when my car broke down.", []),
    ("I had better watch myself around the new director, I think, because she is sharp and I want to impress her.",
     []),
    ("I'm the newest person on the ward and I'd better be careful what I say until I know who gets on with whom.",
     []),
])
def test_a_threat_told_as_what_was_said_is_found(letter, kinds):
    others, own = serious_conduct(read(build_document(letter + TAIL)))
    assert sorted({h.kind for h in others + own}) == kinds


@pytest.mark.parametrize("letter, kinds", [
    ("He has never touched me and he has never said anything crude, but he mocks my figures in every meeting.", []),
    ("To be clear, he has never touched me and has never said anything sexual; it is just relentless belittling.",
     []),
    ("He didn't touch me, but he blocked the door so I couldn't leave the room for ten minutes.",
     ["physical_intimidation"]),
    # An instruction that it must not happen again says it happened.
    ("I told him never to touch me again after he grabbed my arm in the stockroom last week.",
     ["physical_intimidation", "unwanted_sexual"]),
])
def test_conduct_the_letter_denies_is_not_found_but_a_warning_not_to_repeat_it_is(letter, kinds):
    others, own = serious_conduct(read(build_document(letter + TAIL)))
    assert sorted({h.kind for h in others + own}) == kinds


#: Everyday idioms built on the same verbs as serious conduct. Each once made a real letter read as serious
#: and led the advice with a formal complaint.
IDIOMS = [
    "Whenever I try to chat with him he brushes me off and walks away.",
    "The workload pushed me to the edge and I went on sick leave last spring.",
    "She pushes me to take on more projects every quarter, even when I say I'm full.",
    "I pushed him for an apology in front of the team, and now I'm worried I went too far.",
    "Since the restructure I've been pushed to the sidelines and nobody asks my view any more.",
    "Last month I was hit with a disciplinary warning that I think is unfair.",
    "She practically follows me around the ward trying to catch me slacking.",
    "I feel like I'm being punished for doing well: more work, no thanks.",
    "My job is secure, and at my age finding another one would be hard.",
    "I keep replaying the meeting and I'd like to get past it.",
    "How do people like him keep getting promoted?",
    "On Fridays she collects her daughter and takes her to grandma's before payroll.",
    "She called me a nasty name in the corridor and stormed off.",
    "Part of me wants to grab him by the collar and have it out with him.",
    "I was shaken after the meeting and went home early.",
    "I said no to the extra project and this week I got the worst desk by the door, which is fine.",
]


#: The same verbs where the act is the thing itself, so the narrower patterns still find it.
ACTS_STILL_FOUND = [
    "My boss stands much too close and gives me a strange smile when we are alone.",
    "He grabbed me by the arm in the car park and would not let go.",
    "A man from the warehouse followed me to my car after my late shift twice this week.",
    "I think I've just been punished for asking to keep client calls to working hours.",
    "He said I'm past it and should make way for younger staff.",
    # Told without the usual verbs (a red team's letters): a hug round the waist, a body in the doorway, a pregnancy.
    "The senior lecturer comes up behind me at the printer and hugs me around the waist.",
    "He stood in front of the office door so I couldn't leave until I promised not to tell.",
    "Since I told my manager that I'm pregnant, he has stopped putting me on the late shifts.",
    "My supervisor said he would never hire a woman of my age again.",
    "After I asked for my overtime to be paid, my shifts were cut to two a week.",
    # Told as what happened, without the usual forms (a probe written for this round)
    "My manager keeps rubbing my shoulders while I'm typing.",
    "He told me I'd get the good shifts if I was nicer to him after work.",
    "I said no to his invitation and this week I got the worst rota of anyone.",
    "The head chef came over waving his knife at me and said do that again and see what happens.",
    "The yard driver swerved his dumper truck straight at me and shouted that next time he won't stop.",
    "He makes monkey noises when I walk past and left a banana on my chair.",
    "She copies my accent at every handover and told me to speak proper English or go home.",
    "My supervisor wants me to sign off the safety inspection that I didn't carry out.",
    "My boss asked me twice to backdate the fuel check records before the audit.",
]


@pytest.mark.parametrize("sentence, serious", [(s, False) for s in IDIOMS] + [(s, True) for s in ACTS_STILL_FOUND])
def test_an_idiom_is_not_serious_conduct_but_the_act_itself_is(sentence, serious):
    others, own = serious_conduct(read(build_document(sentence + TAIL)))
    assert bool(others) == serious and not own



def test_an_act_the_writer_tells_as_their_own_stays_theirs_when_they_are_accused_of_it():
    """ "I put my arm round her waist … now she has accused me": the writer's own act, not one done to them."""
    reading = read(build_document("I put my arm round her waist for the photo and she went stiff. Now she has "
                                  "accused me in front of the whole team." + TAIL))
    others, own = serious_conduct(reading)
    assert [reading.text[h.start:h.end] for h in own] == ["arm round her waist"] and others == []


@pytest.mark.parametrize("letter", [
    "For a month our foreman has had us working on the roof without harnesses because clipping on is slow.",
    "My supervisor keeps telling us to take the safety guard off the press because it slows the line down.",
])
def test_pressure_to_work_without_safety_equipment_is_found(letter):
    others, own = serious_conduct(read(build_document(letter + TAIL)))
    assert [h.kind for h in others] == ["unlawful_pressure"] and own == []


@pytest.mark.parametrize("letter, kind", [
    ("A senior manager followed me into the car park and said you want to be careful, people have accidents.",
     "menacing_words"),
    ("My coworker lost it over the rota and threw a stapler at me across the desk.", "physical_intimidation"),
    ("My boss told me to move some of April's sales back into March so that the bank would see better figures.",
     "unlawful_pressure"),
    # Standing over someone in a closed room, told without any word for it.
    ("He closed the door of the storeroom, came right up close to me and I felt cornered against the shelves.",
     "physical_intimidation"),
    ("When I asked about the rota she stood uncomfortably close to me and I was trapped between her and the wall.",
     "physical_intimidation"),
    # A threat to the writer's career, told as what was said.
    ("He told me he'd remember this when my contract renewal comes up.", "menacing_words"),
    ("She said that people who don't do the extra hours never last long here.", "menacing_words"),
    # A refusal, then what was taken away, across a paragraph break.
    ("In March my supervisor asked me to cover his weekend on call and I said no.\n\nA week later he took two of "
     "my best clients away from me and gave them to the new hire.", "punishment_for_speaking"),
    # Numbers moved between periods, or sales booked before anything was shipped.
    ("Before the audit my director asked me to shift $80k of expenses from June into July.", "unlawful_pressure"),
    ("Our controller wants me to book revenue from orders that haven't shipped yet, and I refused.",
     "unlawful_pressure"),
    # Records of care or checks that were never done, and figures fiddled: told without "falsify".
    ("The senior carer ticks off the turning charts for residents who were never turned and told me to do the same.",
     "unlawful_pressure"),
    ("My manager asked me to fiddle the figures on the monthly report before the audit.", "unlawful_pressure"),
    ("The senior on nights signs the turn charts for residents as done when they haven't been, and wants me to.",
     "unlawful_pressure"),
    # Payback after telling HR, told as what changed since.
    ("Ever since I told HR that my lead was shouting at a junior, she has stopped inviting me to planning meetings.",
     "punishment_for_speaking"),
    # Pressure to take back a report, told as what was said or asked.
    ("He blocked the corridor and said you're going to tell them you made a mistake about the forklift.",
     "punishment_for_speaking"),
    ("My supervisor keeps pressuring me to withdraw my complaint about the night manager.", "punishment_for_speaking"),
    # Waiting for someone where they leave work alone, and offering to walk them to their car.
    ("A customer who comes in every day waited by the staff entrance when we closed.", "physical_intimidation"),
    ("He hung around the car park at closing and said I'll walk you to your car.", "physical_intimidation"),
    # Remarks about the bodies of the writer and a colleague together.
    ("A regular keeps making comments to me and my colleague about our bodies.", "unwanted_sexual"),
    # A complaint, then the next rota or a few weeks later the worst shifts or fewer hours.
    ("I complained to our deputy manager that the weekend shifts always fall on the same three of us. Two weeks "
     "later the rota came out and I'd been given every Sunday for the next two months.", "punishment_for_speaking"),
    ("I raised it with HR in March about the way he speaks to the juniors. A week later I was taken off the "
     "project I had led for a year.", "punishment_for_speaking"),
])
def test_conduct_told_in_plain_words_is_found(letter, kind):
    others, _ = serious_conduct(read(build_document(letter + TAIL)))
    assert kind in [h.kind for h in others]


@pytest.mark.parametrize("letter", [
    "Some days I feel trapped in this job, but the pay is good and I like the team.",
    "She stood next to me at the all-hands meeting and we chatted about the new office.",
    "I think I'll remember this conference for a long time, it was that good.",
    "I filled in the forms for the new laptop but the order has not been completed yet.",
    "Since I told my manager I was moving house, she has been really kind about my hours.",
    "I told HR I made a mistake on my timesheet and they fixed it the same day.",
    "My partner waited outside the staff entrance to pick me up after my shift.",
    "She asked me to withdraw my application for the other team's job because she wants me to stay.",
    "I complained about the broken coffee machine in the staff room. Two weeks later I was given extra training.",
    "I complained to my manager about the software. A few weeks later I was given a promotion and a new laptop.",
])
def test_everyday_words_near_those_acts_are_not_serious_conduct(letter):
    others, own = serious_conduct(read(build_document(letter + TAIL)))
    assert others == [] and own == []


@pytest.mark.parametrize("letter", [
    # a complaint about harm to someone else, then the worst shifts a week on
    "I put in a complaint about our team leader for shoving a new starter in the loading bay. The week after, I'd "
    "been moved onto permanent nights and nobody else was. Is this payback?",
    # an objection, then taken off the work, counted in days past four
    "I said I wasn't comfortable signing off the safety figures in our report. Nine days later she took me off the "
    "audit project I had led for a year. Should I accept it?",
    # a named person reported, then the hours gone
    "I reported Darren to the site manager for drinking on the forklift. Two weeks later my overtime had gone to "
    "zero and the rota was changed. What can I do?",
])
def test_payback_told_only_by_timing_is_found(letter):
    _, kinds = _kinds(letter)
    assert "punishment_for_speaking" in kinds


def _kinds(letter: str) -> tuple[list, set[str]]:
    others, own = serious_conduct(read(build_document(letter)))
    return others, {h.kind for h in others}


def test_a_cost_the_writer_should_not_have_to_bear_is_no_regret():
    from clearair.extract.lexicon import find_kinds

    assert not find_kinds("themes", ("narrator_fault",), "I keep buying the team lunch, money I shouldn't have to "
                                                         "spend. How do I stop without looking mean?")
    assert find_kinds("themes", ("narrator_fault",), "I shouldn't have said that to her in the meeting.")
