"""Blind panel 40's shapes (found after hold-55's final run): the writer's own urge to hit someone pasted into a note
to their manager, and the writer's own plan to tell someone what they are rated "reasonable". Letters written here."""

from __future__ import annotations

from clearair import analyze


def test_the_writers_own_urge_to_hit_someone_is_never_sent_as_what_happened():
    report = analyze("My coworker Jake keeps calling me 'sweetheart' in front of clients and laughs when I correct "
                     "him. Part of me wants to smack him when he does it. He did it again in Tuesday's client meeting "
                     "and the client laughed too. I want to tell my manager. What should I write?")
    assert not any("smack" in e.text for e in report.situation.what_happened)
    assert not any("smack" in s.text for s in report.scripts)


def test_telling_someone_what_they_are_is_not_advised_and_the_other_option_is_judged_apart():
    report = analyze("My deskmate Colin hums, taps his pen and comments on every phone call I make, all day. I've "
                     "asked nicely twice. My options are to tell him he's obnoxious or to ask my manager to move my "
                     "desk. Which is better?")
    verdicts = {v.option: v for v in report.option_verdicts}
    insult = [v for o, v in verdicts.items() if "obnoxious" in o]
    assert insult and all(v.verdict == "not advised" for v in insult)
    assert any("move my desk" in o and "obnoxious" not in o and v.verdict != "not advised" for o, v in verdicts.items())
