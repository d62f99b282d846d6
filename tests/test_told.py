"""The formal notes tell what happened in the writer's own sentences (``advise.told``), not a gap to fill in."""

import pytest

from clearair import analyze
from clearair.advise.phrases import SLOT_DETAILS, SLOT_WHEN
from clearair.advise.routes import owns_the_business
from clearair.advise.told import MOST_WORDS, as_note_line, says_when
from clearair.models import Evidence, Party


def _note(report, kind="hr_note"):
    return next((s for s in report.scripts if s.kind == kind), None)


def _formal_notes(report):
    return [s for s in report.scripts if s.kind in ("hr_note", "their_manager_note", "manager_note")]


def test_a_formal_note_carries_the_writers_sentences_instead_of_a_gap():
    text = ("My supervisor Dean has started shouting at me on the shop floor. Last Thursday he threw a box of stock "
            "at my feet in front of two customers and called me useless. Since I reported him to the area manager, "
            "he has put me on every Sunday shift. What should I do?")
    report = analyze(text)
    note = _note(report)
    assert note is not None
    assert "What happened, in my words:" in note.text
    assert "threw a box of stock at my feet" in note.text  # the writer's own words, not "[what happened]"
    assert SLOT_DETAILS not in note.text and SLOT_DETAILS not in note.fill_in
    assert SLOT_WHEN not in note.text  # "Last Thursday" says when
    assert "What should I do" not in note.text  # a question tells nothing of what was done
    for ev in report.situation.what_happened:
        assert text[ev.start:ev.end] == ev.text


def test_without_a_date_in_them_the_note_asks_when():
    text = ("A man on my team, Pete, keeps standing right behind my chair and rubbing my shoulders even after I "
            "told him to stop. He also comments on what I'm wearing. I don't know who to tell.")
    note = _note(analyze(text))
    assert note is not None and "rubbing my shoulders" in note.text
    assert SLOT_WHEN in note.text and SLOT_WHEN in note.fill_in


def test_remarks_about_weight_are_named_as_such_not_as_sexual_remarks():
    text = ("My manager keeps making comments about my weight in front of the whole team, like asking if I've had "
            "second breakfast again, and everyone laughs. It has been going on for months and I dread going in.")
    report = analyze(text)
    notes = [s.text for s in report.scripts if s.kind in ("hr_note", "manager_note", "their_manager_note")]
    assert notes
    assert not any("sexual remarks" in n for n in notes)
    assert any("remarks about my weight" in n or "comments about my weight" in n for n in notes)


def test_remarks_told_only_of_others_make_the_writer_a_witness():
    """Serious remarks about someone else, with no word of seeing them and nothing done to the writer: the notes
    say what the writer saw, never that it was aimed at them."""
    text = ("In our team group chat, the supervisor, Lee, keeps posting jokes about a new colleague's accent and "
            "her religion, and Priya has stopped coming to the break room because of it. The supervisor started "
            "it and the others copy him. Should I report it to someone?")
    report = analyze(text)
    assert report.situation.witnessed
    for s in report.scripts:
        if s.kind in ("hr_note", "manager_note", "their_manager_note"):
            assert "aimed at who I am" not in s.text and "towards me" not in s.text


@pytest.mark.parametrize("line,expected", [
    ("So anyway he took the file off my desk", "He took the file off my desk."),
    ("Basically,   she\nshouted at me", "She shouted at me."),
    ("He said \"you're done here\"", "He said \"you're done here\""),
    # the writer's own aside before the act goes; said as the whole sentence, it stays
    ("I dont really know what to do, I made a mistake on an order and he yelled at me in front of everyone.",
     "I made a mistake on an order and he yelled at me in front of everyone."),
    ("I don't know what to do about it.", "I don't know what to do about it."),
    # an aside in brackets about the writer goes; one about what they did stays
    ("Kev (he's the lead on Saturdays, I'm only part-time) keeps sending me to the far end of the yard.",
     "Kev keeps sending me to the far end of the yard."),
    ("Dana (the lead on nights) grabbed my wrist (hard) in the stockroom.",
     "Dana (the lead on nights) grabbed my wrist (hard) in the stockroom."),
])
def test_a_sentence_becomes_a_clean_line(line, expected):
    assert as_note_line(line) == expected


def test_a_sentence_too_long_for_a_note_is_left_out_never_cut():
    long = ", ".join(["he moved my desk next to the bins again"] * 9) + "."
    text = (f"My supervisor keeps picking on me. {long[0].upper() + long[1:]} He also shouted at me on Monday in "
            "front of everyone.")
    told = analyze(text).situation.what_happened
    assert told and all(len(e.text.split()) <= MOST_WORDS for e in told)


def test_when_is_read_from_days_dates_and_times():
    assert says_when(["On Monday he shouted."]) and says_when(["Two weeks ago she left."])
    assert says_when(["In March it started."]) and not says_when(["He shouts at me."])


@pytest.mark.parametrize("evidence,owns", [
    ("There's nobody above Gary except the owner, who plays golf with him.", False),
    ("Gary, who owns the firm, shouts at us.", True),
    ("The owner, Gary, shouts at us.", True),
    ("Gary owns the shop and sets the rota.", True),
])
def test_the_owner_is_known_by_words_tied_to_a_name(evidence, owns):
    party = Party(id="m", role="manager", label="your manager", mentions=["my manager", "Gary"],
                  evidence=[Evidence(start=0, end=len(evidence), text=evidence)])
    assert owns_the_business(party) is owns


def test_one_of_a_group_named_by_title_is_called_so_in_a_note():
    r = analyze("One of the senior partners, Malcolm, put his hand on my thigh under the table at the firm's dinner "
                "on Friday and told me I should be nicer to him if I want to qualify. I'm a trainee. Should I report "
                "it?")
    notes = [s.text for s in r.scripts if s.kind in ("hr_note", "manager_note", "their_manager_note")]
    assert notes and all("one of the senior partners" in n for n in notes)


def test_a_note_about_serious_conduct_is_not_called_a_working_issue():
    r = analyze("A senior colleague from another team, Tom, grabbed my arm hard in the corridor last Wednesday and "
                "said he'd make sure everyone knew I was a problem. It left a bruise. My manager Lisa is great. "
                "Can you help me write something to her?")
    note = next((s for s in r.scripts if s.kind == "manager_note"), None)
    assert note is not None and "working issue" not in note.text and "something serious" in note.text


@pytest.mark.parametrize("line, agreed", [
    ("the consultants has made remarks about my body", "the consultants have made remarks about my body"),
    ("my manager has threatened me", "my manager has threatened me"),
    ("the boss has made remarks", "the boss has made remarks"),
])
def test_a_plural_subject_takes_have(line, agreed):
    from clearair.advise.scripts import _agree
    assert _agree(line) == agreed


def test_a_kiss_is_named_as_such_and_a_threat_in_an_email_is_no_sexual_remark():
    """Red team 30: an attempted kiss and a later email about a contract became "touched me and made sexual
    remarks" (any speech verb in the writer's sentences was taken for a remark)."""
    r = analyze("I freelance for an agency. The client's account director, Simon, tried to kiss me in a taxi after a "
                "client dinner in March and I said no clearly. Last week he emailed me saying it would be a shame if "
                "my contract wasn't renewed in June. What do I do?")
    notes = [s.text for s in r.scripts if s.kind in ("hr_note", "manager_note", "their_manager_note")]
    assert notes and any("tried to kiss me" in n for n in notes)
    assert not any("sexual remarks" in n for n in notes)


def test_the_writers_own_doubts_and_worries_are_not_told_as_what_happened():
    """A note's "what happened" carries acts, not "maybe he's just touchy feely" or "I don't want to get my friend in
    trouble" (red team 32: both were listed to HR, and undercut the writer)."""
    from clearair import analyze

    r = analyze("Our regional manager, Colin, puts his hand on my waist whenever he passes behind the counter, and "
                "last week he told me I'd look better in a shorter skirt. Part of me thinks I'm overreacting and "
                "maybe he's just like that with everyone. I'm also worried because he signs off my probation. What "
                "should I do?")
    told = [e.text for e in r.situation.what_happened]
    assert told and not any("maybe he's just" in t or "Part of me" in t or "worried because" in t for t in told)


def test_a_sentence_that_only_says_who_someone_is_is_not_what_happened():
    """ "Her name's Holly, she's the same level as me" is no act, and was a note's "In short" (red team 32)."""
    from clearair import analyze

    r = analyze("There's a copywriter in our Bristol office I work with on pitches. Her name's Jess, she's the same "
                "grade as me, we're both seniors but on different accounts. Twice now she has presented my headlines "
                "to the client as her own. How do I handle it?")
    assert not any(e.text.startswith("Her name's Jess") for e in r.situation.what_happened)


def test_a_note_to_a_manager_does_not_tell_them_about_themselves():
    """A note greeting Linda opened "my boss, Linda, clearly rates him" (red team 32)."""
    from clearair import analyze

    r = analyze("A new account manager, Ross, joined in March. We're the same grade but my boss, Linda, clearly "
                "rates him and he knows it. Since he came he's been correcting me in client meetings in front of "
                "the client. I raised it with Linda and she said to give him a chance. What do I do?")
    notes = [s.text for s in r.scripts if s.kind == "manager_note" and s.text.startswith("Hi Linda")]
    assert notes and all("Linda, clearly" not in n.split("In short:", 1)[-1] for n in notes)


def test_a_sentence_that_goes_on_after_a_quote_is_told_whole():
    text = ("Our area manager Martin visits the store every couple of weeks. When he walks past me behind the till he "
            "puts his hand on the small of my back and leaves it there. Last visit he said \"you're looking well, been "
            "working out?\" and his hand went lower. I feel sick the night before he comes. What do I do?")
    note = _note(analyze(text))
    assert note is not None and "and his hand went lower" in note.text


def test_an_act_aimed_at_someone_else_is_not_told_as_done_to_the_writer():
    text = ("About a month ago I reported our shift supervisor Mick for the way he treats our apprentice, Kyle. He "
            "screams at him, calls him thick, and once threw a tape measure at him. I told the production manager what "
            "I had seen. Two weeks later I was told I'm moving onto nights from next month. What can I do?")
    report = analyze(text)
    notes = _formal_notes(report)
    assert notes and not any("intimidating towards me" in n.text for n in notes)


def test_a_threat_said_to_someone_else_is_not_told_as_made_to_the_writer():
    text = ("I'm a team leader. Last week one of my officers told another in the car park \"go to the director again "
            "about my caseload and you'll regret it\". He came straight to me, shaken, and I wrote it all down the "
            "same day. Do I go to HR?")
    report = analyze(text)
    notes = _formal_notes(report)
    assert not any("threatened me" in n.text for n in notes)


def test_an_act_on_the_writer_after_words_to_someone_else_is_still_the_writers():
    text = ("My supervisor told Sarah off in front of everyone, then he grabbed my arm hard enough to leave a mark "
            "when I tried to leave the stockroom. I am shaking writing this. Should I go to HR?")
    report = analyze(text)
    notes = _formal_notes(report)
    assert notes and any("intimidat" in n.text or "grabbed my arm" in n.text for n in notes)


def test_the_same_words_told_again_and_a_mild_feeling_stay_out_of_the_note():
    text = ("I'm a team leader. Rhys came to me on Monday and said that Bethan told him in the car park \"go to the "
            "director again and you'll regret it\". Rhys had gone to the director last month about her backlog, and "
            "I was a bit put out by that. Bethan's version is that she said \"you'll regret it\" meaning he'd regret "
            "the fuss. Do I go to HR?")
    report = analyze(text)
    notes = _formal_notes(report)
    assert notes and not any("threatened me" in n.text or "put out" in n.text for n in notes)


def test_a_sentence_cut_after_a_bracket_is_told_from_its_subject():
    """The parser ends a sentence at a bracket: "Mike (he's the lead, my manager is Yusuf) grabbed my wrist" was put in
    a note as "Grabbed my wrist …", with no one doing it."""
    r = analyze("Something happened on Wednesday that wasn't a joke. Mike (he's the lead engineer, I'm a mid level "
                "dev, my manager is Yusuf) grabbed my wrist when I went to close my laptop and said through his teeth "
                "\"don't you dare walk out on me\". It left a mark and two people saw it. What should I do?")
    lines = [line for note in _formal_notes(r) for line in note.text.splitlines() if "wrist" in line]
    assert lines and all(line.startswith("- Mike ") for line in lines)
    assert not any("I'm a mid level dev" in line for line in lines)  # the writer's aside about themselves goes


def test_a_quotation_the_parser_cut_is_told_to_its_closing_mark():
    r = analyze("My supervisor grabbed my arm in the stockroom on Monday and pulled me towards him. Later he sent me "
                "a message saying \"sorry if that came across wrong, I was stressed, we're good yeah?\" and I didn't "
                "answer. What should I do?")
    lines = [line for note in _formal_notes(r) for line in note.text.splitlines() if "came across wrong" in line]
    assert lines and all(line.rstrip().endswith("we're good yeah?\"") for line in lines)


def test_a_sentence_the_parser_cut_in_two_is_told_once_and_whole():
    """Red team 34: 'he leaned over and said, quiet so no one else heard, "…"' was told in two pieces, the second
    starting mid-sentence."""
    r = analyze("There's a guy on the night team, Craig, who I argued with about a parking space two weeks ago.\n\n"
                "Since then he's: let my tyres down once (I think it was him), and on Saturday in the canteen he "
                "leaned over and said, quiet so no one else heard, \"be a shame if something fell off a forklift "
                "near you. Accidents happen in here.\" He laughed after like it was a joke. Who should I tell first?")
    notes = _formal_notes(r)
    assert notes and all(not any(line.startswith("- No one else heard") for line in n.text.splitlines())
                         for n in notes)
    assert all(sum("leaned over" in line for line in n.text.splitlines()) == 1 for n in notes)


def test_someone_elses_sick_leave_is_not_told_as_what_happened():
    r = analyze("My manager Tom has been off on long term sick since February (hope hes ok, genuinely) and nobody has "
                "been put in charge of our team. Kieran is the problem. Since Tom went off he reassigns my tickets to "
                "himself and he told the client on Tuesday that I was still learning. When I asked him about it he "
                "shouted at me in front of everyone. Who do I go to?")
    assert _formal_notes(r) and not any("off on long term sick" in n.text for n in _formal_notes(r))


@pytest.mark.parametrize("sentence, acts", [
    ("I shared the spreadsheet with my colleague Tariq so he could check the totals.", False),
    ("I trained my colleague Nadia when she started last year.", False),
    ("When I asked for one early shift she laughed at me.", True),
    ("She started giving me every late shift after the rota changed.", True),
])
def test_the_purpose_of_the_writers_act_or_someones_arrival_is_no_act_of_theirs(sentence, acts):
    """Red team 35 found "I shared it with Raj so he could check the figures" and "I trained Chloe when she started"
    as a note's "In short", where what they went on to do should be."""
    from clearair.advise.told import _someone_else_acts
    from clearair.extract.nlp import parse
    assert _someone_else_acts(next(iter(parse(sentence).sents))) is acts


@pytest.mark.parametrize("line, expected", [
    ("Since then Raj has been asked to lead the project.", "Raj has been asked to lead the project."),
    ("After that, she stopped copying me into emails.", "She stopped copying me into emails."),
    ("She has cut my hours since then.", "She has cut my hours since then."),
])
def test_a_notes_in_short_line_does_not_open_on_a_since_then_that_points_at_nothing(line, expected):
    """Red team 35: 'In short: Since then Raj has been asked to ...', with what came before it left out."""
    from clearair.advise.scripts import in_short
    assert in_short(line) == expected


def test_a_payback_note_says_what_the_writer_raised():
    """Red team 35: a note about hours cut after the writer reported an unsafe scaffold never said what was reported,
    so whoever read it could not see why it was payback."""
    r = analyze("I work in a warehouse. Three weeks ago I told my shift manager, Gary, that the fire exit by bay 4 was "
                "blocked with pallets, and I wrote it in the safety log. Since then Gary has taken me off every "
                "overtime shift and told the others I'm a grass. The exit is still blocked. What can I do?")
    lines = [e.text for e in r.situation.what_happened]
    assert any("fire exit" in line for line in lines), lines
