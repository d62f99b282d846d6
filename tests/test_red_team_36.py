"""Red team 36's reading and floor problems, each in a letter of the same shape written here: speaking up read as
an outburst, an apology said in passing, a relative told with an adjective, a boss who is only a word of praise, a
founder's staff, a worry read as fault, and serious conduct by someone served that the manager already shrugged off.
"""

from __future__ import annotations

from clearair import analyze


def _actions(report) -> list[str]:
    return [r.action for r in report.recommendations]


def _factor(report, name: str):
    return next(f for f in report.factors if f.name == name)


def test_snapping_and_telling_them_to_stop_is_speaking_up_not_an_outburst():
    report = analyze("I drive a delivery van for a depot in Leicester. My route manager Gary has a habit of making "
                     "jokes about my accent on the morning radio, most days, since the spring. Last month I finally "
                     "snapped and told him it wasn't funny and to stop. Nothing has changed. What can I do now?")
    assert _actions(report)[0] != "APOLOGIZE"
    assert not any("I owe you an apology" in s.text for s in report.scripts)
    assert report.situation.pattern.recurring


def test_an_apology_said_in_passing_is_an_apology():
    came_over = analyze("My colleague Tomasz snapped at me in the sprint review when my ticket was late, in front "
                        "of the whole team. After lunch he came over to my desk and said sorry, he had a bad night. "
                        "Should I leave it there or say something?")
    assert any(r.kind == "apology" for r in came_over.situation.responses)
    texted = analyze("My manager Ruth criticised my report in front of the client on Friday. That evening she sent "
                     "me a sorry text saying she'd been stressed. Should I bring it up on Monday or drop it?")
    assert any(r.kind == "apology" for r in texted.situation.responses)


def test_a_worry_about_how_it_looks_is_not_the_writers_fault():
    report = analyze("I'm a lab technician. In Monday's team meeting my colleague Ines raised her voice and said I "
                     "was always holding the project up, in front of our supervisor. The next day she came over and "
                     "said sorry. But I still feel a bit awkward around her, and I'm not sure what our supervisor "
                     "thinks of me now. Should I say anything more?")
    assert _actions(report)[0] != "APOLOGIZE"
    assert not any("I owe you an apology" in s.text for s in report.scripts)


def test_a_grown_up_relative_told_by_what_they_do_is_the_other_side_not_the_patient():
    report = analyze("I'm a care worker in a nursing home in Cardiff. One resident, a frail old lady, has a grown-up "
                     "daughter who visits most evenings. The daughter has been getting more and more aggressive "
                     "with staff, and on Sunday she pushed me against the medication trolley. What should I do?")
    cp = report.situation.party(report.situation.counterpart)
    assert cp is not None and any("daughter" in m for m in cp.mentions)
    assert not any("lady" in m for m in cp.mentions)


def test_a_boss_named_only_as_praise_is_nobody():
    report = analyze("I'm a junior surveyor. My director Anele is everything you'd want in a boss: patient and "
                     "generous with credit. Last week he asked me to sign off a site check I never did, and now he "
                     "wants two more. I trust him, but I feel sick about it. What do I do?")
    assert not any(m == "a boss" for p in report.situation.parties for m in p.mentions)


def test_a_founders_staff_work_for_them_and_there_is_no_manager_above_to_ask():
    report = analyze("I'm the founder and CEO of a small design studio. My head of production, Lars, has started "
                     "arguing with me in front of the team and told a client I don't understand the work. He is "
                     "very good at his job. How should I handle him?")
    assert report.situation.narrator.is_manager
    cp = report.situation.party(report.situation.counterpart)
    assert cp is not None and cp.role == "direct_report" and "Lars" in cp.mentions
    assert "ESCALATE_MANAGER" not in _actions(report)[:5]


def test_serious_conduct_by_someone_served_that_the_manager_already_waved_away_goes_to_the_formal_route():
    report = analyze("I'm a pharmacist. A customer's husband has been coming in angry about a delayed prescription, "
                     "and yesterday he grabbed my arm across the counter and said I'd regret it. I told my store "
                     "manager straight away and she said to let it go, he is a regular. He is coming back on Friday. "
                     "What should I do?")
    actions = _actions(report)
    assert actions[0] == "HR_FORMAL"
    assert not {"TALK_DIRECT", "SET_BOUNDARY", "MEDIATE"} & set(actions[:3])


def test_someone_elses_worry_about_how_to_do_something_is_not_the_writers_question():
    from clearair.advise.questions import find_questions

    text = ("I saw on the shared screen that she was pregnant and worried about how to tell our boss. I mentioned it "
            "to two people at lunch. How do I get things back to normal with her?")
    asked = [q.text for q in find_questions(text)]
    assert asked == ["How do I get things back to normal with her?"]
    assert [q.text for q in find_questions("Any tips on how to ask for a raise without sounding greedy.")]


def test_the_steps_to_weigh_are_numbered_on_from_the_first_ones_without_gaps():
    from clearair.render.view import build_view

    for letter in ("My coworker Dana stopped speaking to me after I told two people at lunch something she had "
                   "left open on the shared screen. I was only excited for her. How do I get things back to normal?",
                   "My manager Priya rolled her eyes at me in the team meeting when I suggested a new date. It is "
                   "the first time. Should I bring it up or let it slide?"):
        view = build_view(analyze(letter))
        ranks = [a.rank for a in view.actions + view.more_actions]
        assert ranks == list(range(1, len(ranks) + 1))


def test_a_writers_option_ranked_second_with_a_reason_against_it_is_not_recommended():
    """Blind panel 30 read "Recommended: or should I just ignore it … Against it: it keeps happening" as a
    contradiction."""
    for letter in ("I've known one of my teammates for three years and we always got on. Since we started a shared "
                   "project a few months ago he criticises everything I do, constantly. Should I snap back and tell "
                   "him to stick to his own tasks, or should I just ignore it?",
                   "My manager Priya rolled her eyes at me in the team meeting when I suggested a new date. It is "
                   "the first time. Should I bring it up with her or just let it slide?"):
        report = analyze(letter)
        order = [r.action for r in report.recommendations]
        for v in report.option_verdicts:
            if v.verdict == "recommended" and v.action in order and order.index(v.action) > 0:
                rec = report.recommendations[order.index(v.action)]
                assert order.index(v.action) == 1
                assert not any(r.effect == "lowers" for r in rec.reasons), (v.option, rec.reasons)


def test_an_unsure_serious_reading_resting_only_on_a_feeling_is_not_acted_on():
    from clearair.advise.safety import floor_for
    from clearair.models import Cue, Evidence, FactorReading, Situation

    text = "The kitchen is very tense now."
    tense = Evidence(start=text.index("tense"), end=text.index("tense") + 5, text="tense")
    situation = Situation(emotions=[Cue(kind="stress", text="tense", evidence=[tense])])

    def factors(evidence, retaliation=False):
        return [FactorReading(name="severity", title="", value="serious", text="", confidence=0.41, source="learned",
                              evidence=evidence),
                FactorReading(name="retaliation", title="", value=retaliation, text="", confidence=0.9,
                              source="learned")]

    assert not floor_for(factors([tense]), [], situation=situation).serious
    assert floor_for(factors([tense], retaliation=True), [], situation=situation).serious  # payback still counts
    act = Evidence(start=0, end=11, text="The kitchen")  # words that are not a feeling the reading found
    assert floor_for(factors([act]), [], situation=situation).serious
