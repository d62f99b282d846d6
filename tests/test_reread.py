"""A learned reading whose own evidence sentence tells another story is not acted on: telling a colleague is not
taking it above the other side, and fear of telling a manager says nothing of their support."""

from __future__ import annotations

from clearair import analyze
from clearair.advise.reread import reread
from clearair.knowledge.factors import FACTORS
from clearair.models import Evidence, FactorReading


def _reading(name: str, value, said: str, source: str = "learned") -> FactorReading:
    return FactorReading(name=name, title=FACTORS[name].title, value=value, text=FACTORS[name].say(value),
                         confidence=0.8, source=source, evidence=[Evidence(start=0, end=len(said), text=said)])


def test_telling_a_colleague_is_no_step_above_them():
    told = _reading("already_escalated", True, "I told my colleague Mariana and she said he does this a lot.")
    assert reread([told])[0].value is False
    to_the_boss = _reading("already_escalated", True, "I told my colleague and then my manager, who said she would "
                                                      "look into it.")
    assert reread([to_the_boss])[0].value is True
    by_rule = _reading("already_escalated", True, "I told my best friend about it.", source="rules")
    assert reread([by_rule])[0].value is True


def test_telling_a_friend_is_not_raising_it_with_them_but_telling_a_colleague_may_be():
    assert reread([_reading("already_raised", True, "I told my sister and she said to quit.")])[0].value is False
    # the colleague told may be the other side
    assert reread([_reading("already_raised", True, "I told my coworker it upset me.")])[0].value is True


def test_fear_of_telling_the_manager_is_no_sign_of_their_support():
    afraid = _reading("own_manager", "supportive", "I am afraid to tell my manager because he likes the guest.")
    assert reread([afraid])[0].value == FACTORS["own_manager"].default
    kind = _reading("own_manager", "supportive", "My manager has been great and told me to take the day off.")
    assert reread([kind])[0].value == "supportive"


def test_a_letter_that_told_only_a_colleague_is_not_told_to_go_again():
    report = analyze("I work the front desk at a hotel. A guest who stays every winter keeps phoning the desk after "
                     "midnight to chat and last week he was waiting by the staff exit at 11pm to walk me to the bus. I "
                     "said no and walked fast. I told my colleague Ana and she said he does this with every new girl. "
                     "I am afraid to tell my manager because he says the guest is important.")
    read = {f.name: f.value for f in report.factors}
    assert read["already_escalated"] is False
    assert read["own_manager"] != "supportive"


def _serious(confidence: float) -> FactorReading:
    said = "I need to ask for two weeks of unpaid leave."
    return FactorReading(name="severity", title=FACTORS["severity"].title, value="serious",
                         text=FACTORS["severity"].say("serious"), confidence=confidence, source="learned",
                         evidence=[Evidence(start=0, end=len(said), text=said)])


def test_an_unsure_serious_beside_an_ask_of_ones_own_is_not_acted_on():
    from clearair.advise.reread import reread_an_ask
    from clearair.models import Ask, Incident, Situation

    asking = Situation(asking=Ask(kind="request", asked_for="two weeks of unpaid leave"))
    assert reread_an_ask([_serious(0.36)], asking, [])[0].value == "unprofessional"
    # sure, or a limit (which may be set with someone harming the writer), or something done to them: it stands
    assert reread_an_ask([_serious(0.8)], asking, [])[0].value == "serious"
    limit = Situation(asking=Ask(kind="limit"))
    assert reread_an_ask([_serious(0.36)], limit, [])[0].value == "serious"
    done = Situation(asking=Ask(kind="request"), incidents=[Incident(actor="manager", act="aggress", summary="x")])
    assert reread_an_ask([_serious(0.36)], done, [])[0].value == "serious"
