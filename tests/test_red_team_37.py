"""Red team 37's floor and words problems, each in a letter of the same shape written here: a refusal of unsafe work
read as the writer's fault, a note "to their manager" greeting the person who did it, and work in someone's home,
where there is no HR and late pay has a route of its own."""

from __future__ import annotations

from clearair import analyze
from clearair.advise.safety import about_the_writer
from clearair.advise.scripts import their_managers_name
from clearair.knowledge.factors import FACTORS
from clearair.models import Evidence, FactorReading


def _fault(said: str) -> FactorReading:
    return FactorReading(name="writer_fault", title=FACTORS["writer_fault"].title, value="mainly",
                         text=FACTORS["writer_fault"].say("mainly"), confidence=0.5, source="learned",
                         evidence=[Evidence(start=0, end=len(said), text=said)])


def test_saying_no_or_not_yet_to_what_was_asked_is_no_fault_to_own():
    for said in ("I said I'd go once the rail was back on.", "I refused, and he walked off.",
                 "I told him I wasn't comfortable doing it without a harness."):
        assert not about_the_writer(_fault(said)), said
    assert about_the_writer(_fault("I shouted at him in front of the whole crew."))


def test_punished_for_refusing_unsafe_work_is_not_told_to_apologise():
    report = analyze("I'm a labourer on a building site in Leeds. Last month the edge protection on the third floor "
                     "was down after a delivery and it was very windy. The foreman told me to go out and finish the "
                     "shuttering. I said I'd go once the barrier was back up. Since then I've been taken off the crew, "
                     "my overtime has gone to someone else, and he mocked me at break in front of everyone. My hours "
                     "are down and rent is due. What should I do?")
    assert report.recommendations[0].action != "APOLOGIZE"
    assert not any("I owe you an apology" in s.text for s in report.scripts)


def test_a_note_to_their_manager_never_greets_someone_told_doing_it():
    text = ("I'm an au pair living with a host family in Hamburg. The mother, Anke, gives me far more housework than "
            "we agreed and shouts at me when the kitchen is not perfect. She also reads my messages. The father, Lars, "
            "is usually quiet, but last week he knocked on my door at midnight with a bottle of wine and asked to come "
            "in. I am scared to stay there. What can I do?")
    report = analyze(text)
    s = report.situation
    # what happened, told of him only as "he": the sentence of the knock at midnight
    start = text.index("but last week he")
    s.what_happened.append(Evidence(start=start, end=text.index(" I am scared"), text=text[start:text.index(" I am")]))
    assert their_managers_name(s) != "Lars"


_CLEANER = ("I clean for a family three days a week and have done for five years. Last month the lady of the house "
            "said a bracelet was missing and searched my bag in front of her son. She found it later behind the "
            "sofa and never said sorry. Now she is paying me late: last month's money should have come on the "
            "first and it is now the eighteenth. I need it for rent. What can I do?")


def test_work_in_someones_home_has_no_hr_and_late_pay_has_its_own_route():
    report = analyze(_CLEANER)
    assert any(n.startswith("Part of this is pay for work you did") for n in report.notes)
    hr = [r for r in report.recommendations if r.action == "HR_FORMAL"]
    assert hr and all("HR" not in (r.route or "") for r in hr)
    assert "agency that placed you" in " ".join(r.route or "" for r in hr)


def test_a_stock_line_about_their_act_is_not_said_where_the_writer_may_have_caused_it():
    from clearair.advise.scripts import render_scripts

    # (a colleague merely "on call" is no act on the writer any more: that stock line was the invention found; the
    # act is found here from "kept me on call", and its clause is set to one the words cannot say back)
    report = analyze("My colleague Tomasz has kept me on call three weekends running while he was away, and on "
                     "Monday he sent an email to the whole team naming me. How should I handle Tomasz?")
    for inc in report.situation.incidents:
        inc.summary = "Tomasz sorted the outage overnight."
    report.situation.acts_on_writer = []
    sure = render_scripts(report.situation, ["SET_BOUNDARY"], {}, fault_in_doubt=False)
    doubt = render_scripts(report.situation, ["SET_BOUNDARY"], {}, fault_in_doubt=True)
    assert any("When you asked me for work" in s.text for s in sure)  # the stock line the reading would give
    assert not any("When you asked me for work" in s.text for s in doubt)
    # the writer's own clause, said back, still stands: it is what they wrote
    credit = analyze("My coworker Jana took credit for my slides in the team meeting on Friday, in front of our "
                     "manager. How do I handle Jana?")
    assert any("When you took credit for my slides" in s.text
               for s in render_scripts(credit.situation, ["SET_BOUNDARY"], {}, fault_in_doubt=True))
