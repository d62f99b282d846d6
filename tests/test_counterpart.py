"""Who the letter is about: relational phrases name the other side's role, and the chooser
(hand or learned weights) picks the person the letter is about, not the most senior one named."""

import pytest

from clearair.pipeline import analyze


def role(text: str) -> str:
    return {f.name: f.value for f in analyze(text).factors}["counterpart_role"]


@pytest.mark.parametrize("text, expected", [
    ("A man I work with keeps taking my lunch from the shared fridge and laughing about it when I ask. "
     "It has happened five times this month and I am tired of it.", "peer"),
    ("One of the people I supervise has started arriving forty minutes late every day and leaving early. "
     "When I mention it she shrugs. I run a team of six in a call centre.", "direct_report"),
    ("I work for an elderly architect who yells at me whenever a drawing is late, even when the delay "
     "was his. I have been his assistant for two years and I dread Mondays.", "manager"),
    ("The foreman I answer to has started giving me the worst jobs on site since I asked about overtime pay. "
     "Nobody else gets sent to the skip every day.", "manager"),
    # A line stated outright wins over the words that first named the person.
    ("I was made shift manager at the bakery in the spring. My closest friend at work applied for it too, and now she "
     "reports to me. Since then she rolls her eyes at every task I hand out and the others have started copying her.",
     "direct_report"),
    ("A guy on my team at the call centre was promoted to team leader in June. Since then he reads out my "
     "break times in front of everyone and gave me a warning for being two minutes late.", "manager"),
    # A boss named to put the two side by side is not the one the letter is about (``mentions.shared_boss``).
    ("I'm a team lead in operations. Another team lead keeps pulling my analysts onto his projects without asking. "
     "He has a grand title, but we're at the same level and both report to the same director.", "peer"),
    # A line stated in ordinary words: whom the writer reports to, assists or supervises, and who runs their unit.
    ("I report straight to the owner of the shop. He moves my shifts without telling me and then marks me late "
     "when I turn up at the old time.", "manager"),
    ("I'm the legal assistant for a senior attorney at a mid-size firm. He rewrites my letters in red ink and reads "
     "the edits aloud to the whole office.", "manager"),
    ("A colleague who runs our unit keeps giving the weekend rota to the same three people, me included, and says "
     "it is fair because we have no children.", "manager"),
    ("I'm a first-year doctoral student. One of my supervisors shouted at me in the lab meeting and has since "
     "stopped replying to my emails.", "manager"),
    ("I started at the council in March. My manager's own boss stopped me in the corridor and told me my reports "
     "were a disgrace, loud enough for the whole floor to hear.", "skip_level"),
    ("My new intern keeps leaving the lab unlocked overnight, and when I raised it she said nobody had told her.",
     "direct_report"),
    ("We're the direct supervisors of the receptionist at our small clinic. She has started refusing to answer "
     "the phone after four o'clock and sighs when we ask why.", "direct_report"),
    # The person a writer assists runs their work, however senior the title.
    ("I work as personal assistant to our company's chief executive. She emails me at midnight and expects an "
     "answer within minutes, even when she is on holiday.", "manager"),
    # What a known person is said to be names them, not someone new ("my boss is a 40-year-old man").
    ("My boss is a 40-year-old man who has never worked in our trade. At my review he rated me poor in almost "
     "every category and said a raise was out of the question.", "manager"),
    # A relative clause states the line: "an older engineer who now works under me".
    ("I became head of a large department last year. The man who had covered the post, an older engineer who now "
     "works under me, copies himself into everything I send and turns up to meetings he was not invited to.",
     "direct_report"),
    # A senior title the letter says is the writer's boss is their manager, either way round.
    ("I keep the books for a family-owned firm. The owner, who is my boss, has a terrible temper and yells at me "
     "whenever a supplier is paid late.", "manager"),
    ("The company is small and my boss is the managing director. He loses his temper with staff every week and "
     "yesterday he threw a file across my desk.", "manager"),
    # A name promoted to lead, in a letter from someone who runs nobody, is the writer's new manager.
    ("Priya was promoted to team leader in May. Since then she reads out my break times in front of everyone and "
     "gave me a warning for being two minutes late.", "manager"),
    ("My friend Ana was promoted to team leader in May. Since then she gives me the worst shifts and reads out my "
     "mistakes in team meetings.", "manager"),
    # Coworkers the writer speaks well of are seldom the other side; the boss named next is.
    ("I get along well with my coworkers and I like the work. Last week my supervisor turned down a small request "
     "of mine and told me the subject was closed. Until now he has been kind to me, so why so blunt?", "manager"),
    # Whoever the writer employs works for them, whatever their title.
    ("I own two florist shops and employ a manager at the second one. She has started changing the prices without "
     "asking me and snaps at me when I query it.", "direct_report"),
    # "Fellow staff members" are peers, also to a writer who runs a small team of their own.
    ("One of my fellow staff members mocks my accent at every briefing. I supervise two part-timers myself, but she "
     "and I have the same job title.", "peer"),
    # Someone made the writer's boss is their manager now, however the letter first named them.
    ("One of the lads I worked next to for years was told last month that he would now be my supervisor. Since then "
     "he gives me every late shift and laughs about it with the others.", "manager"),
    # Someone who works for the writer's boss is not the boss but a colleague beside the writer (two annotators read
    # "our boss's secretary" so); the writer's own post leaves the boss in place.
    ("My director's assistant keeps moving my meetings with him without telling me, then tells him I failed to "
     "turn up. It has happened four times this quarter.", "peer"),
    ("I'm my boss's personal assistant and he blames me every time his diary is double-booked, even when he booked "
     "it himself in front of me.", "manager"),
    # Someone the business let go is no longer anyone's report; "the same employer" is a place, not a boss.
    ("I run the front office of a small clinic. Last spring we fired a receptionist for lateness, and now she posts "
     "reviews calling our doctors careless and phones patients to warn them off.", "other"),
    ("My oldest friend and I work for the same company, and last month he was given the team lead post we both "
     "applied for. Now he barely speaks to me at lunch.", "peer"),
    ("A new recruit in my section takes long personal calls at her desk and then tells the supervisor that the rest "
     "of us leave her out.", "peer"),
    ("I manage a small dental practice. We let go of an employee, a hygienist, in March; she no longer works for "
     "us but keeps messaging our patients to say we treat staff badly.", "other"),
    # The people a café or shop serves every day.
    ("I pour coffee at a small bakery. One of our regulars has started commenting on my figure whenever I serve him "
     "and asks when I finish my shift.", "customer"),
    # The writer runs the person, said by what they do ("managing", "leading a team") and by a descriptor of the hire.
    ("For five months I've been managing a newly hired employee who misses every deadline and then blames the "
     "shared calendar. I have offered training twice.", "direct_report"),
    ("Part of my role is leading a team of fitters at another depot. A long-serving employee there refuses to use "
     "the new booking system and tells the others it is pointless.", "direct_report"),
    # Above the writer, said by a relative clause or by seniority alone, and the academic line.
    ("The shift leader we report to gives the easy rounds to her friends and the heavy ones to the two of us who "
     "joined last.", "manager"),
    ("I'm a doctoral student with two thesis supervisors who give me opposite instructions in every meeting, and "
     "each blames me when I follow the other.", "manager"),
    # The friend whose business the writer joined runs it.
    ("I quit a steady job to help a friend start her own business. She now criticises my work in front of "
     "customers and has cut my hours without a word.", "manager"),
    ("My friend of ten years talked me into joining his firm last spring, and now he sends me orders at midnight "
     "and sulks when I answer in the morning.", "manager"),
    # The writer's own trade, said of others: coworkers.
    ("I'm a nurse on a busy surgical ward. On Sunday two other nurses refused to help me turn a patient and then "
     "laughed about it at the desk.", "peer"),
    # Those the writer works for without a title: an au pair's host family, a chief executive's board; and one of
    # the writer's supervisors, counted.
    ("I'm an au pair living with a family abroad. My host mom is cold and critical over tiny things and will not "
     "tell me what she expects of me.", "manager"),
    ("I'm the chief executive of a growing firm, and my board of directors keeps meddling in daily operations and "
     "criticising everything I have achieved.", "manager"),
    ("I split my week between two departments, each with its own supervisor. One of those supervisors makes "
     "sarcastic remarks about my days off every week.", "manager"),
    ("Our nursing supervisor wants us to sign off treatments we never gave because we are short-staffed, and "
     "she leans on anyone who refuses.", "manager"),
    # Let go by the writer's business: no longer anyone's report.
    ("I let a new employee go after six weeks, and since then he keeps messaging my staff late at night to say "
     "the company is about to fold.", "other"),
])
def test_relational_phrases_name_the_role(text, expected):
    assert role(text) == expected


def parties(text: str) -> tuple[bool, dict[str, str]]:
    """Whether the writer manages people, and each party's first words -> its role."""
    s = analyze(text).situation
    return s.narrator.is_manager, {p.mentions[0]: p.role for p in s.parties if p.mentions}


@pytest.mark.parametrize("text, phrase, expected", [
    # The object of the writer's managing is their report, whatever the noun ("a woman who joined my team").
    ("I manage a woman who joined my team recently. Whenever I try to coach her on catching details she "
     "gets defensive and starts justifying herself instead of listening.", "a woman who joined my team",
     "direct_report"),
    ("I work in long-term care and recently became the supervisor of a nurse who never has a good word to say "
     "about anyone. Her attitude is terrible and she ignores what I ask.", "a nurse", "direct_report"),
    ("I started at a firm last month. The secretary assigned to me sighs and rolls her eyes whenever I hand "
     "her typing, and makes snide remarks about me to the junior secretary.", "The secretary assigned to me",
     "direct_report"),
    ("Last month a graduate engineer was assigned to me. He keeps sending drawings out without the checks I ask "
     "for and shrugs when I raise it.", "a graduate engineer was assigned to me", "direct_report"),
    ("We own a small restaurant and last spring I hired a chef who now screams at the servers and ignores my "
     "instructions about the menu.", "I hired a chef", "direct_report"),
    # Someone the writer works beside, however it is put.
    ("Two days a week I share shifts with a woman a few years older than me. She does the bare minimum and "
     "leaves her share of the work for me.", "a woman", "peer"),
    # Titles above the writer: a firm's partners, "our" deputy head.
    ("I'm a paralegal and for most of a year one of the partners has put me down in front of other staff, "
     "and I have cried at my desk more than once.", "one of the partners", "manager"),
    ("Our assistant principal keeps criticising my lesson plans in front of other teachers, and twice he has "
     "changed my marks without telling me.", "Our assistant principal", "manager"),
])
def test_how_the_sentence_ties_a_person_to_the_writer_gives_their_line(text, phrase, expected):
    assert parties(text)[1].get(phrase) == expected


@pytest.mark.parametrize("text", [
    "I'm fairly new to managing people, and one of the women on my team has accused me of bullying her after I "
    "raised her lateness with her.",
    "I've been nurse manager on this ward for two years and one of the aides keeps refusing the tasks I give "
    "her in front of the others.",
    "I won the internal promotion over a colleague. Once I start I'll be his manager, and he is already cold "
    "and short with me in meetings.",
    # Uniformed and shift work, or supervising handed to the writer.
    "I'm a new platoon leader and one of my NCOs keeps ignoring the training plan I set for the week.",
    "I'm a nurse on a care floor and I direct the nurse aides on my shift. One new aide argues whenever I give her "
    "a task.",
    "Soon after I joined, they gave me several supervisory responsibilities, and the older staff now avoid me.",
    # An officer's rank in a fire or police service.
    "I became a lieutenant about a year ago. One of the junior firefighters refuses what I ask in front of the others.",
    "I'm a line officer at a volunteer station and the newer members ignore instructions on calls.",
    # Leading a team the writer stepped up to lead, with no title given by anyone.
    "Ten parents signed up to plan the school fair, and since it was my idea I stepped up as team leader. One of "
    "them now sends me rude emails about every decision.",
])
def test_a_writer_who_runs_people_is_read_as_a_manager_however_they_say_it(text):
    assert parties(text)[0] is True


@pytest.mark.parametrize("text", [
    # A red team's misfires: a joke about friends, colleagues called a crew, an offer turned down, someone else's words.
    "My troops and I went bowling on Friday, and on Monday my shift lead moved me to nights without asking anyone.",
    "My crews on the flights are lovely, but the purser keeps writing me up for things the others do too.",
    "They wanted to give me supervisory responsibilities but I said no, and now my team lead ignores me.",
    "Our sergeant shouts that our own subordinates are watching, but I'm a private and he shouts at me every day.",
    # A rank held by someone else, or a captain of a team for fun.
    "The lieutenant on my watch keeps making jokes about my accent, and I'm the newest firefighter there.",
    "I'm the captain of our office football team and a teammate from accounts keeps skipping games.",
    # Someone else who stepped up; a board the writer sat an exam for.
    "She took over as team lead last month and now ignores me whenever I ask her for help with a report.",
    "I failed my board exam last year and my supervisor keeps mentioning it in front of the other nurses.",
])
def test_words_near_running_people_do_not_make_a_writer_a_manager(text):
    assert parties(text)[0] is False


@pytest.mark.parametrize("text, manages", [
    ("Last spring I finally hired a housekeeper to help with the children and the cooking. She is kind with them, but "
     "she ignores every list I leave and reorganises the kitchen her own way, and I am losing patience.",
     True),
    ("I own three bakeries in the same town and the manager of the newest one has started changing prices without "
     "asking me. When I raise it she says she knows the neighbourhood better than I do.",
     True),
    ("One of the cooks keeps walking off the line for long breaks during the dinner rush. Should I let go of him "
     "or give him one more chance? He has been with the restaurant for years.",
     True),
    ("I am a nanny for a family with two boys. The mother keeps changing my hours at the last minute and then "
     "complains that the house is untidy when I leave. I am tired of it and want to know how to raise it.",
     False),
    ("Some days at the warehouse I feel like a babysitter for the new starters on my shift. "
     "They never clean up after themselves and my shift lead does nothing about it.",
     False),
])
def test_an_employer_is_read_as_running_people_without_a_title_and_their_help_is_not(text, manages):
    """Employing help at home, owning shops or weighing a firing is running people; the nanny writing about her
    employer, or "I feel like a babysitter", is not."""
    assert parties(text)[0] is manages


def test_one_level_above_is_not_the_writers_manager():
    _, roles = parties("A colleague in finance keeps mocking my spreadsheets in meetings. We are in the same "
                       "department and he's one level above me, but I report to someone else. It is wearing me down.")
    assert roles.get("A colleague") != "manager"


def test_another_director_is_a_peer_of_a_writer_who_runs_people():
    _, roles = parties("I'm the finance director and I run a team of twelve. Another director keeps promising our "
                       "clients refunds my team then has to find the money for, and he shrugs when I raise it.")
    assert roles.get("Another director") == "peer"


def test_help_at_home_is_named_by_what_they_do():
    report = analyze("Last spring I finally hired a housekeeper to help with the children and the cooking. She is kind "
                     "with them, but she ignores every list I leave and reorganises the kitchen her own way.")
    party = report.situation.party(report.situation.counterpart)
    assert party is not None and party.label == "your housekeeper"


def test_saying_what_the_writer_will_be_is_not_another_person():
    """"I'll be his manager" is the writer, not the colleague's manager."""
    _, roles = parties("I won the internal promotion over a colleague. Once I start I'll be his manager, and he "
                       "is already cold and short with me in meetings.")
    assert "his manager" not in roles and "peers_manager" not in roles.values()


def test_the_person_acted_against_the_writer_not_the_senior_bystander():
    text = ("My coworker mocked my presentation in front of our director yesterday, rolling her eyes and "
            "saying the numbers were made up. The director said nothing. I was humiliated and want to "
            "know whether to raise it with her.")
    assert role(text) == "peer"


def test_the_shipped_chooser_is_what_training_chose():
    import json
    from importlib import resources

    from clearair.extract.counterpart import HAND_WEIGHTS, learned_weights

    spec = json.loads(resources.files("clearair").joinpath("data/models/counterpart.json").read_text())
    assert spec["chosen"] in ("learned", "rules")
    assert set(spec["accuracy"]) == {"rules", "learned", "reachable", "mcnemar_z"}
    # Training decides on the unrounded z and records it to two places, so a recorded 1.96 may go either way.
    z = spec["accuracy"]["mcnemar_z"]
    assert z >= 1.96 if spec["chosen"] == "learned" else z <= 1.96
    if spec["chosen"] == "learned":
        assert learned_weights() == spec["weights"] and learned_weights() != HAND_WEIGHTS
    else:
        assert learned_weights() is None


_NOBODY_NAMED = ("Since the reorganisation, the person who signs off my timesheets keeps changing my hours without "
                 "telling me and then blames me in front of everyone when the rota does not work. Twice now I was "
                 "marked absent on days I worked. I have kept copies of the original rotas. Should I take it further?")


def _without_phrase_readers(monkeypatch) -> dict:
    """As if the phrase readers had not shipped: the chooser and the role reader decide. Returns a copy of the
    artefact to adjust."""
    from clearair.extract import counterpart

    monkeypatch.setattr(counterpart, "phrase_readers", lambda: None)
    return dict(counterpart._artefact())


def test_a_letter_that_names_nobody_recognisable_gets_the_other_side_by_role_when_the_reader_is_sure(monkeypatch):
    """Without the phrase readers, 'the person who signs off my timesheets' is in no list of role phrases: the
    role reader reads the role from the letter, and the party it makes points at the writer's words. Here the
    bar is lowered so the reading is used whatever its confidence."""
    from clearair.extract import counterpart

    spec = _without_phrase_readers(monkeypatch)
    spec["role"] = dict(spec["role"], bar=0.0)
    monkeypatch.setattr(counterpart, "_artefact", lambda: spec)
    report = analyze(_NOBODY_NAMED)
    cp = report.situation.party(report.situation.counterpart)
    assert cp is not None and cp.role in counterpart.role_reader().classes and not cp.mentions
    assert cp.evidence and all(_NOBODY_NAMED[e.start:e.end] == e.text for e in cp.evidence)
    assert cp.label.startswith(("your ", "the ")) and cp.label != "the other"


def test_an_unsure_role_reading_makes_no_other_side(monkeypatch):
    """Below the confidence at which cross-validation found its roles right three times in four, no party is
    made up: a wrong role (a harasser read as a peer) would mislead the advice more than none."""
    from clearair.extract import counterpart

    spec = _without_phrase_readers(monkeypatch)
    spec["role"] = dict(spec["role"], bar=1.01, outside={"chosen": "learned", "bar": 1.01})
    monkeypatch.setattr(counterpart, "_artefact", lambda: spec)
    assert analyze(_NOBODY_NAMED).situation.counterpart is None


def test_the_role_reader_never_overrides_a_party_in_the_writers_lines(monkeypatch):
    """Between named parties in the writer's lines the reader was right little more often than the chooser,
    and its mistakes there (a wronged report read as the other side) are the costly kind: it only fills a gap
    or replaces someone outside those lines."""
    from clearair.extract import counterpart

    _without_phrase_readers(monkeypatch)
    called = []
    real = counterpart.read_role
    monkeypatch.setattr(counterpart, "read_role", lambda *a, **k: called.append(1) or real(*a, **k))
    analyze("My coworker keeps taking credit for my slides in the weekly meeting with our manager. "
            "It has happened three times now and I am tired of it. Should I say something to her?")
    assert called == []


_UNLISTED = ("The senior caseworker who signs off my reports keeps sending them back with sarcastic notes and then "
             "complains to the director that I am slow. Yesterday he did it in front of the whole team. How do I "
             "handle him?")


def test_the_other_side_named_in_words_no_list_holds_is_read_from_the_phrase():
    """'The senior caseworker who signs off my reports' is in no list of role phrases; the phrase readers pick
    it as the person the letter is about (not the director it complains to), and the phrase itself is the
    evidence. Its role is the role reader's "manager" only when that reader is sure (``role_bar``); otherwise
    the line is left unknown ("other") rather than guessed."""
    from clearair.extract.counterpart import phrase_readers
    from clearair.extract.mentions import choose_phrase

    report = analyze(_UNLISTED)
    cp = report.situation.party(report.situation.counterpart)
    assert cp is not None and cp.mentions[0] == "The senior caseworker"
    readers = phrase_readers()
    assert readers is not None
    from clearair.extract import extract, read
    from clearair.intake import build_document

    document = build_document(_UNLISTED)
    phrases: list = []
    extract(document, read(document), keep_phrases=phrases)  # the phrases as the engine read them
    choice = choose_phrase(phrases, readers)
    assert choice is not None and choice.role == "manager"  # what the role reader reads from the phrase
    assert cp.role == ("manager" if choice.role_p >= readers.role_bar else "other")
    assert cp.evidence and all(_UNLISTED[e.start:e.end] == e.text for e in cp.evidence)


def test_a_phrase_that_is_no_one_is_never_the_other_side():
    """'my lunch' sits where a person often does ("my boss"), but its head noun never named a person in the
    training letters and nothing in its grammar says it is one: the man who takes the lunch is the other side."""
    report = analyze("A man I work with keeps taking my lunch from the shared fridge and laughing about it when "
                     "I ask. It has happened five times this month and I am tired of it.")
    cp = report.situation.party(report.situation.counterpart)
    assert cp is not None and cp.role == "peer" and cp.mentions[0] == "A man I work with"
    assert all("lunch" not in m for p in report.situation.parties for m in p.mentions)


def test_an_abstract_noun_is_never_a_party():
    """A red team's "the most professional way" was read as a peer: a head noun that never names a person ("way",
    "situation", "problem") is no candidate, and the host mother the writer asks about is the other side."""
    report = analyze("I work as an au pair and my host mom criticises the smallest things without ever saying what "
                     "she wants. What is the most professional way to deal with the situation?")
    s = report.situation
    assert all(not m.lower().endswith(("way", "situation")) for p in s.parties for m in p.mentions)
    cp = s.party(s.counterpart)
    assert cp is not None and cp.role == "manager" and "host mom" in cp.mentions[0]


@pytest.mark.parametrize("sentence, shared", [
    ("He has a grand title, but we're at the same level and both report to the same director.", "director"),
    ("We both report to Maria.", "Maria"),
    ("She and I both answer to the same VP.", "VP"),
    ("We report to the same manager.", "manager"),
    ("I report to the director.", None),  # the writer's own line, not a shared one
    ("We report to Maria, who yells at us.", None),  # nothing puts the two side by side
])
def test_a_boss_named_to_put_two_people_side_by_side_is_not_a_candidate(sentence, shared):
    """"we both report to the same director" places the writer beside the other side; the director is not the
    one the letter is about, so that phrase is not offered to the phrase readers."""
    from clearair.extract.mentions import shared_boss
    from clearair.extract.nlp import parse

    found = [c.root.text for c in parse(sentence).noun_chunks if shared_boss(c.root)]
    assert found == ([shared] if shared else [])


def test_a_phrase_that_names_a_party_already_found_keeps_that_party_and_its_role():
    """The readers choose among phrases; where the chosen phrase is a party the extractor found (with its
    pronouns), that party is the other side, with the role the extractor gave it."""
    report = analyze("My coworker keeps taking credit for my slides in the weekly meeting with our manager. "
                     "It has happened three times now and I am tired of it. Should I say something to her?")
    cp = report.situation.party(report.situation.counterpart)
    assert cp is not None and cp.id == "peer" and "My coworker" in cp.mentions
    assert len(report.situation.parties_with_role("peer")) == 1


def test_the_shipped_phrase_readers_are_what_training_made():
    import json
    from importlib import resources

    from clearair.extract.counterpart import phrase_readers
    from clearair.knowledge.factors import FACTORS

    spec = json.loads(resources.files("clearair").joinpath("data/models/counterpart.json").read_text())["mentions"]
    readers = phrase_readers()
    assert spec["chosen"] == "learned" and readers is not None
    assert readers.who.classes == [False, True]
    assert set(readers.role_of.classes) <= set(FACTORS["counterpart_role"].allowed)
    assert {"before", "phrases", "unbarred", "mcnemar_z", "written_before", "written"} <= set(spec["accuracy"])
    assert {"boss", "colleague", "coworker", "manager"} <= set(spec["people"]) == readers.people
    assert not {"lunch", "workplace", "meeting"} & set(spec["people"])
    assert (readers.floor, readers.role_bar) == (spec["floor"], spec["role_bar"]) and 0 <= spec["floor"] < 1


def _toy_readers(floor=0.0, role_bar=0.0):
    from clearair.extract.linear import LinearReader
    from clearair.extract.mentions import PhraseReaders

    who = LinearReader({"classes": [False, True], "features": ["h:caseworker", "h:boss"], "weights": [[3.0, 1.0]],
                        "bias": [0.0]})
    role_of = LinearReader({"classes": ["direct_report", "manager", "peer"], "features": ["h:caseworker", "h:trainee"],
                            "weights": [[0.0, 4.0], [-1.0, 0.0], [1.0, 0.0]], "bias": [0.0, 0.0, 0.0]})
    return PhraseReaders(who, role_of, frozenset({"caseworker", "trainee"}), floor=floor, role_bar=role_bar)


def test_training_reads_a_known_party_by_its_role_and_a_new_phrase_by_the_role_reader():
    from clearair.extract.features import as_factor_role
    from clearair.extract.mentions import Candidate, choose_phrase, marked
    from clearair.train.mentions import locate, settled_role

    boss = Candidate(0, 7, "My boss", {"h:boss": 1.0}, head="boss", person=True, key="hr", role="hr")
    caseworker = Candidate(20, 34, "the caseworker", {"h:caseworker": 1.0}, head="caseworker")
    lunch = Candidate(40, 48, "my lunch", {"h:caseworker": 5.0}, head="lunch")
    readers = _toy_readers()

    def role(phrases, floor=0.0, bar=0.0):
        return settled_role(choose_phrase(phrases, readers), "before", floor, bar, as_factor_role)

    assert role([boss, caseworker, lunch]) == "peer"
    assert role([boss]) == "other"  # hr, as a factor
    assert role([lunch]) == "before"  # nobody: the chooser's answer stands
    assert role([caseworker], floor=0.99) == "before"  # the reader unsure: the chooser decides
    report = Candidate(0, 11, "The trainee", {"h:trainee": 1.0, "h:caseworker": 1.0, "mgr": 1.0}, head="trainee")
    assert role([report]) == "direct_report"  # read from the phrase, for a writer who manages people
    assert role([report], bar=0.99) == "other"  # a line role the reader is unsure of: the line is unknown
    text = "Honestly, My Boss shouted at me."
    assert locate(text, "my boss shouted") == (10, 25) and locate(text, "nobody") is None
    assert marked(Candidate(10, 17, "My Boss", {}), (10, 25)) and not marked(caseworker, (10, 25))


def test_a_new_phrase_is_never_made_the_report_of_a_writer_who_manages_no_one():
    """The role reader's "direct report" for a phrase nobody listed would turn manager's advice (coaching,
    performance management) on someone the writer does not manage: without a writer who manages people the
    phrase is "other" (no known line)."""
    from clearair.extract.mentions import Candidate, choose_phrase, new_party_role

    trainee = Candidate(0, 11, "The trainee", {"h:trainee": 1.0, "h:caseworker": 1.0}, head="trainee")
    choice = choose_phrase([trainee], _toy_readers())
    assert choice is not None and choice.role == "direct_report"
    assert new_party_role(choice, 0.0, is_manager=True) == "direct_report"
    assert new_party_role(choice, 0.0, is_manager=False) == "other"


def test_the_bars_are_chosen_from_the_out_of_fold_choices():
    from clearair.extract.features import as_factor_role
    from clearair.extract.mentions import Candidate, PhraseChoice
    from clearair.train.mentions import choose_bars

    known = Candidate(0, 5, "x", {}, key="peer", role="peer")
    # Sure choices are right, unsure ones wrong (the chooser was right there): the floor sits between them.
    choices = [PhraseChoice(known, 0.9)] * 10 + [PhraseChoice(known, 0.2)] * 10
    floor, bar = choose_bars(choices, ["manager"] * 20, ["peer"] * 10 + ["manager"] * 10, as_factor_role)
    assert 0.2 < floor <= 0.9 and bar == 1.01  # no new phrases: their role is never trusted


def test_a_phrase_said_to_be_someone_only_now_and_not_negated_is_that_party():
    from clearair.extract import extract, read
    from clearair.intake import build_document

    def phrases(text):
        document = build_document(text)
        found: list = []
        extract(document, read(document), keep_phrases=found)
        return {c.text: c for c in found}

    linked = phrases("I work for one partner, who is also the person I report to. He told me quietly that I "
                     "would regret it if I emailed about the missed deadline again. What should I do?")
    assert linked["one partner"].role == "manager"
    not_now = phrases("My manager, Priya, is lovely. But Lee, who is not my manager, keeps giving me orders and "
                      "shouting when I don't follow them. What should I do?")
    assert not_now["Lee"].key != "manager" and not_now["Lee"].role != "manager"  # his own person, not the manager
    assert "my manager" not in not_now  # "is not my manager" names no one present: not a candidate


def test_a_complaint_made_against_the_writer_is_not_leant_towards_serious():
    """Reading "serious" from a third of the reader's belief protects victims; a letter about a complaint made
    against the writer would instead send them to file one against the person who reported them."""
    from clearair.assess.readers import accused, cautious

    assert accused("A coworker complained to HR that I keep commenting on her appearance.")
    assert accused("My direct report told HR I shouted at her.") and accused("She accused me of lying.")
    assert not accused("I complained to HR that he touched me.") and not accused("He told me I would regret it.")
    maybe = {"minor": 0.2, "unprofessional": 0.45, "serious": 0.35}
    assert cautious("severity", "unprofessional", maybe) == "serious"
    assert cautious("severity", "unprofessional", maybe, accused=True) == "unprofessional"
    assert cautious("pattern", "True", {"True": 0.4, "False": 0.6}) == "True"


def test_what_the_writer_says_they_are_is_not_someone_else():
    """"I'm not a manager" made a party "your manager", often chosen as the other side."""
    from clearair.extract.parties import find_mentions

    assert find_mentions("The porter keeps mocking my work. I'm not a manager. What should I do?", False) == []
    assert [m.text for m in find_mentions("I am a supervisor myself, and my boss shouts at me.", False)] == ["my boss"]
    assert [m.role for m in find_mentions("I'm the manager's assistant and she yells at me.", False)] == ["manager"]


def test_an_outside_reading_is_replaced_only_where_the_reader_mends_three_for_each_it_breaks():
    from clearair.train.counterpart import outside_bar

    labels = ["manager"] * 20 + ["other"] * 20
    roles = ["other"] * 40  # the engine's reading before the role reader: outside the writer's lines
    whose = [("other", None, "boss_family")] * 40  # a known party of unknown line, e.g. "the owner's son"
    # Confident readings (0.8) mend 16 letters and break 4; unsure ones (0.4) mend 4 and break 16.
    read = {i: ("manager", 0.8 if i < 16 else 0.4) for i in range(20)}
    read |= {i: ("manager", 0.8 if i < 24 else 0.4) for i in range(20, 40)}
    assert outside_bar(roles, read, labels, whose) == 0.45  # the lowest confidence that keeps out the unsure ones
    read_all_unsure = {i: (r, 0.4) for i, (r, _) in read.items()}
    assert outside_bar(roles, read_all_unsure, labels, whose) == 1.01  # never: 20 mended, 20 broken
    hr = [("hr", None, "hr")] * 40  # HR's line is known: never replaced
    assert outside_bar(roles, read, labels, hr) == 1.01


@pytest.mark.parametrize(("read", "party_role", "phrase_role", "allowed"), [
    ("manager", None, None, True),  # nobody found: the letter's line is all there is
    ("other", None, None, False),
    ("peer", "other", None, True),  # a known person of unknown line
    ("manager", "hr", None, False),  # HR's line is known
    ("manager", "other", "manager", True),  # an unknown person: the phrase's own reading agrees
    ("direct_report", "other", "manager", False),  # ... or does not
])
def test_when_the_whole_letter_may_give_the_line(read, party_role, phrase_role, allowed):
    from clearair.extract.counterpart import may_take_role

    assert may_take_role(read, party_role, phrase_role) is allowed


@pytest.mark.parametrize("key", ["vendor", "other_department", "account_executive", "boss_assistant",
                                 "former_employee", "clinician"])
def test_someone_known_to_be_outside_the_lines_stays_outside(key):
    """A red-team finding: a contractor's site foreman was made the writer's manager by the whole-letter reading."""
    from clearair.extract.counterpart import may_take_role

    assert not may_take_role("manager", "other", None, key)
    assert may_take_role("manager", "other", None, "boss_family")


def test_the_engine_gives_an_outside_person_the_line_the_reader_reads(monkeypatch):
    """The chooser's pick is someone outside the writer's lines; a confident whole-letter reading of a line
    gives that same person the line (here the reader is stubbed, so what is tested is the engine's use of it)."""
    from clearair.extract import counterpart

    _without_phrase_readers(monkeypatch)
    monkeypatch.setattr(counterpart, "read_role", lambda *a, **k: None)  # the reading before: the extractor's
    text = ("The owner's son keeps changing my rota without asking and shouting at me when I question it. "
            "It has happened six times now. Should I complain?")
    before = analyze(text).situation
    assert before.party(before.counterpart).role == "other"  # "the owner's son": a line the list does not know
    monkeypatch.setattr(counterpart, "read_role", lambda *a, **k: ("peer", []) if k.get("outside") else None)
    after = analyze(text).situation
    assert after.counterpart == before.counterpart and after.party(after.counterpart).role == "peer"


@pytest.mark.parametrize("text", [
    "I run a small office and I have a personal assistant who keeps booking my meetings over each other. She gets "
    "upset when I mention it. How do I raise it?",
    "The secretary who supports me has stopped answering my requests and complains about me to others.",
])
def test_someone_who_works_for_the_writer_is_their_report(text):
    from clearair.pipeline import analyze

    roles = {f.name: f.value for f in analyze(text).factors}
    assert roles["counterpart_role"] == "direct_report"



def test_someone_acting_as_if_they_were_the_boss_is_not_named_the_boss():
    from clearair.extract.parties import find_mentions

    text = "Tomas hands out my tasks as if he were my boss, and he is on the same grade as me."
    assert not [m for m in find_mentions(text, False) if m.role == "manager"]


@pytest.mark.parametrize("text, named", [
    ("I went out for a year with someone senior to me at the agency, and since we broke up he gossips about me.", True),
    ("I am senior to her by two grades, and she resents it.", False),
    ("My friend wants me to join her company's running club on Saturdays.", False),
])
def test_someone_said_to_be_above_the_writer_is_their_manager(text, named):
    """Seniority said outright ("someone senior to me") names a person above the writer; the writer's own seniority,
    and a friend's company named only as the owner of a club, do not."""
    from clearair.extract.parties import find_mentions

    assert bool([m for m in find_mentions(text, False) if m.role == "manager"]) is named


def _drafts(**roles):
    from clearair.extract.parties import Mention, PartyDraft

    return {k: PartyDraft(k, r, [Mention(i * 10, i * 10 + 5, k, r, k)]) for i, (k, r) in enumerate(roles.items())}


def test_the_writers_word_on_the_line_takes_the_person_the_letter_is_about():
    """``counterpart.as_told``: the writer names a line, not a person. Kept: the engine's pick when already in it;
    among named people of that line, the one who acted over one only praised; else someone whose line the letter
    leaves open; else the engine's pick in the line given; else someone known by the role alone."""
    from clearair.extract.counterpart import as_told

    drafts = _drafts(good_report="direct_report", bad_report="direct_report", boss="manager")
    clues = {"good_report": {"praised": 1.0, "mentions": 0.3}, "bad_report": {"acted": 2.0, "mentions": 0.2},
             "boss": {"acted": 1.0}}
    assert as_told("direct_report", clues, drafts, "boss") == "bad_report"
    assert as_told("direct_report", clues, drafts, "good_report") == "good_report"  # the engine's pick, in that line
    drafts = _drafts(boss="manager", director="other", colleague="peer")
    clues = {k: {} for k in drafts}
    assert as_told("skip_level", clues, drafts, "boss") == "director" and drafts["director"].role == "skip_level"
    drafts = _drafts(principal="peer", head="manager")
    clues = {k: {} for k in drafts}
    assert as_told("skip_level", clues, drafts, "principal") == "principal" and drafts["principal"].role == "skip_level"
    drafts = _drafts(head="manager")
    drafts["head"].mentions[0].text = "My head of department"  # a line the writer stated as theirs stays
    key = as_told("skip_level", {"head": {}}, drafts, "head")
    assert key != "head" and drafts["head"].role == "manager" and drafts[key].role == "skip_level"
    drafts = _drafts(team="peer")
    clues = {"team": {"plural": 1.0}}
    key = as_told("customer", clues, drafts, "team")
    assert key == "customer" and drafts[key].role == "customer" and not drafts[key].mentions
    assert drafts["team"].role == "peer"  # a group is not relabelled into the writer's chosen line


def test_a_correction_moves_the_reading_to_the_person_read_in_the_wrong_line():
    text = ("I teach at a secondary school. My head of department is supportive and we get on well. The problem is "
            "the principal, who walked into my classroom twice to criticise my board work in front of students "
            "after I raised class sizes at a staff meeting.")
    s = analyze(text, "skip_level").situation
    cp = s.party(s.counterpart)
    assert s.counterpart_from_writer and cp.role == "skip_level" and any("principal" in m for m in cp.mentions)
    assert [p.role for p in s.parties].count("skip_level") == 1  # no second, empty party beside the principal


def test_the_person_the_writer_says_the_situation_is_with_is_named_as_the_problem():
    """"this situation I faced today with a peer", "a run-in I had with my supervisor": the writer says who the
    situation is with, a clue the chooser weighs (the peer seed turned on it when a retrain moved the weights)."""
    from clearair.extract.named import PROBLEM_IS
    for text, who in (("advice on a situation I faced today with a peer", "a peer"),
                      ("I had a run-in with my supervisor last week", "my supervisor"),
                      ("we have had a falling-out with the other team", "the other team")):
        m = PROBLEM_IS.search(text)
        assert m and text[m.end():].startswith(who)
    assert PROBLEM_IS.search("the situation at work is getting worse with every week") is None


@pytest.mark.parametrize("text, phrase, expected", [
    ("I manage a team in IT. Our new CIO hands projects to my people without telling me.", "Our new CIO", "manager"),
    ("I'm a junior analyst at a mid-sized firm. The CFO walked past my desk and criticised my report in front of "
     "everyone.", "The CFO", "skip_level"),
    ("I own a landscaping company and need advice about my lead man. He calls in sick every Monday.",
     "my lead man", "direct_report"),
    ("I work on a landscaping crew for a small company. My lead hand shouts at me every morning in front of the "
     "others.", "My lead hand", "manager"),
    ("I'm a classroom teacher supervising a student teacher this term. She told me a secret.",
     "a student teacher", "direct_report"),
    ("I work for a security company. One man on the staff has harassed me for months and nobody stops him.",
     "One man on the staff", "peer"),
    ("At our office outing last week, one of the firm's principals stared at my friend all afternoon and it "
     "upset her.", "one of the firm's principals", "manager"),
    # the counter staff a courier collects from are the venue's people
    ("I deliver food on a bike for one of the apps. At a burger place the guy who runs the pickup counter makes "
     "couriers wait in the rain and shouts at us if we come in.", "the guy who runs the pickup counter", "customer"),
])
def test_titles_and_phrases_of_this_round_give_the_line(text, phrase, expected):
    is_manager, found = parties(text)
    assert found.get(phrase) == expected


def test_a_title_set_beside_someone_names_them_when_said_again():
    """ "my supervisor, the CFO, … The CFO rates her highly": one person, not a second boss."""
    s = analyze("My supervisor, the CFO, is copied in on everything I send her. The CFO rates her very highly, so I "
                "worry about complaining.").situation
    holders = [p for p in s.parties if "The CFO" in p.mentions]
    assert len(holders) == 1 and "My supervisor" in holders[0].mentions and holders[0].role == "manager"


def test_a_functions_manager_is_a_person_whose_line_the_letter_gives():
    _, found = parties("I work with many departments, including our communications manager. She keeps missing "
                       "our meetings and never answers my emails.")
    assert found.get("our communications manager") == "other"


@pytest.mark.parametrize("sentence, acts", [
    ("Since then he's given me all the worst call queues, marked me down on my review and left me off the rota.", 3),
    ("She has moved me onto nights, turned down my leave twice and told me in front of others to keep quiet.", 3),
    ("Yesterday on deck he cut the lashing gear I'd just set up and walked away laughing.", 1),
    ("She has told me she'd back me up if I ever take it further with the office.", 0),
    ("He stood by me in the meeting when the client shouted at the whole team.", 0),
])
def test_what_is_done_to_the_writer_is_counted_verb_by_verb(sentence, acts):
    from clearair.extract import read
    from clearair.extract.mentions import acts_done_to_writer
    from clearair.intake import build_document

    reading = read(build_document(sentence))
    subject = next(t for t in reading.doc if t.lower_ in ("he", "she"))
    assert acts_done_to_writer(subject) == acts


def test_her_boss_is_the_boss_of_the_person_named_not_two_levels_above_the_writer():
    s = analyze("One of the charities we fund sends their liaison officer, Funmi, to our meetings. I blamed Funmi "
                "for a late form, and my manager emailed her boss to complain about the charity.").situation
    boss = next(p for p in s.parties if "her boss" in p.mentions)
    assert boss.role != "skip_level"
