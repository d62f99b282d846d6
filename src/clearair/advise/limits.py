"""The writer's own limits on what they will do: a route they rule out ("I definitely don't want to go to our team
leader about something this small"), a wish for a light touch ("I just want a nice way to mention it"), and a wish
only to be heard ("I don't really want advice, I just need to get this off my chest").

Over friction, the writer knows their workplace: a step they have ruled out is not among the first three, and
where they ask for a light touch a friendly word comes before a complaint, and a limit is asked for kindly (red
team 39: a call-centre worker who asked for a nice way to mention a colleague's humming got "From now on, I'm
asking that it stop", and "ask your own manager" second, the one thing he said he would not do). With serious
conduct the floor's routes stand whatever the writer would rather do.

A writer who says the other side frightens or intimidates them is not sent alone to them first, even over conduct
read as less than serious: their own manager comes first, who can act or be there when they talk (blind panel 46:
a teacher was sent to a private one-to-one with "a very big, intimidating man" who swore about her).
"""

from __future__ import annotations

import re

from clearair.advise.safety import move_below, scores_follow
from clearair.models import Evidence, Reason

#: "I definitely don't want to go to our team leader", "I'd rather not involve HR", "I won't go over her head".
_RULED_OUT = re.compile(
    r"\bI(?:['’]d| would)? (?:definitely |really |just |honestly |absolutely |certainly )?"
    r"(?:don['’]t|do not|won['’]t|will not|wouldn['’]t|would not|['’]d rather not|would rather not|rather not|"
    r"refuse to|can['’]t|cannot)(?: really)? (?:want to |like to |feel able to |see myself |be )?"
    r"(?:(?P<over>go(?:ing)? over (?:his|her|their|[A-Z][a-z]+['’]s) heads?)|"
    r"(?:go(?:ing)? (?:to|above)|involv(?:e|ing)|escalat(?:e|ing) (?:this |it )?to|"
    r"report(?:ing)? (?:this|it|him|her|them) to|tak(?:e|ing) (?:this|it) to|complain(?:ing)? to|"
    r"bring(?:ing)? (?:this|it) to|get(?:ting)?) "
    r"(?P<who>(?:my|our|the) (?:[a-z-]+ ){0,2}?(?:team ?lead(?:er)?|manager|boss|supervisor|line manager|foreman|"
    r"head|director|HR)|HR|human resources|management|(?P<theirs>(?:his|her|their) (?:boss|manager|supervisor))))\b",
    re.IGNORECASE)
#: "a nice way to mention it", "without it being a thing", "without starting a war".
_LIGHT = re.compile(
    r"\b(?:nice|nicer|friendly|friendlier|gentle|gentler|kind|kinder|polite|respectful|tactful|diplomatic|light|"
    r"softer|casual|non-?confrontational|graceful|good-natured|low-key|subtle)(?: (?:yet|but) [a-z]+)? way (?:to|of) "
    r"(?:mention|rais|bring|tell|ask|say|approach|broach|address|handl|let|make|get|explain|put)\w*|"
    r"\bthat (?:carries|shows|keeps) respect\b|"
    r"\bwithout (?:it being a (?:big )?thing|making (?:it|this) (?:a )?(?:big )?(?:thing|deal|issue)|starting a war|"
    r"making (?:things|it) (?:weird|awkward)|(?:embarrassing|upsetting|offending|hurting) (?:him|her|them))",
    re.IGNORECASE)


#: "I don't really want advice", "I just need to get this off my chest", "I'm not going to do anything about it":
#: the writer asks to be heard, not told (red team 49: a vent about a coworker's credit-taking opened with a talk).
_JUST_VENTING = re.compile(
    r"\bI (?:don['’]?t|do not) (?:really |actually )?(?:want|need|expect) (?:any )?(?:advice|solutions|you to fix)\b|"
    r"\b(?:just|only|mostly|mainly) (?:need(?:ed)?|want(?:ed)?) to (?:vent|rant|get (?:this|it) off my chest|say it "
    r"(?:somewhere|out loud)|let off steam)\b|\bjust (?:venting|ranting|a vent|a rant)\b|"
    r"\bI['’]?m not (?:going|planning) to do anything(?: about it)?\b", re.IGNORECASE)


def venting_words(text: str) -> list[tuple[int, int]]:
    """Where the writer says they only want to be heard (start, end), in text order."""
    return [(m.start(), m.end()) for m in _JUST_VENTING.finditer(text)]


def ruled_out_words(text: str) -> list[tuple[int, int]]:
    """Where the writer rules out a route above someone (start, end), in text order."""
    return [(m.start(), m.end()) for m in _RULED_OUT.finditer(text)]


#: The other side frightens or intimidates the writer: "He's a very big, intimidating man", "I'm scared of her",
#: "she intimidates me" (not "the meeting was intimidating").
_AFRAID_OF_THEM = re.compile(
    r"\b(?:(?:he|she|they)(?:['’]s| is| are| was| were| can be| gets| got) (?:a |an )?(?:very |really |quite |so |"
    r"pretty |physically |extremely )?(?:big,? |large,? |tall,? |loud,? )?(?:intimidating|scary|frightening|"
    r"threatening|menacing)\b|(?:intimidat(?:es|ed|ing)|scares|frightens|scared|frightened) me\b|"
    r"\b(?:i(?:['’]m| am| was)|i feel|i felt|i get) (?:really |very |quite |a bit |a little |so |too |genuinely )?"
    r"(?:scared|afraid|frightened|terrified|intimidated) (?:of|by) (?:him|her|them)\b|"
    r"\b(?:a|an) (?:very |really |quite )?(?:big,? |large,? )?(?:intimidating|scary|frightening|threatening|"
    r"menacing) (?:man|woman|guy|person|bloke|lady|presence)\b)", re.IGNORECASE)


def afraid_words(text: str) -> list[tuple[int, int]]:
    """Where the writer says the other side frightens or intimidates them (start, end), in text order."""
    return [(m.start(), m.end()) for m in _AFRAID_OF_THEM.finditer(text)]


def light_touch_words(text: str) -> list[tuple[int, int]]:
    """Where the writer asks for a light touch (start, end), in text order."""
    return [(m.start(), m.end()) for m in _LIGHT.finditer(text)]


def actions_ruled_out(said: str) -> tuple[str, ...]:
    """The actions the words of ``ruled_out_words`` rule out: HR, the writer's own manager, or theirs."""
    m = _RULED_OUT.search(said)
    if m is None:
        return ()
    who = (m.group("who") or "").lower()
    if "hr" in who.split() or "human resources" in who:
        return ("HR_FORMAL",)
    if m.group("over") or m.group("theirs"):
        return ("ESCALATE_THEIR_MANAGER", "ESCALATE_MANAGER")
    return ("ESCALATE_MANAGER",)


#: Over friction, for a writer who wants a light touch: the steps that go over the person's head. A limit stays
#: where it is (on the library's 38 such letters the experts' main advice was a limit, said kindly, in 18, a private
#: talk in 9 and HR in none); its words are then the mild ask (``advise.scripts``).
_HEAVY = ("HR_FORMAL", "ESCALATE_THEIR_MANAGER")


def keep_to_the_writers_limits(order: list, ruled_out: list[Evidence], light_touch: list[Evidence],
                               serious: bool) -> list:
    """``order`` (scored actions) with the routes the writer ruled out below the first three, and a private word
    before the heavier steps where they want a light touch; unchanged with serious conduct."""
    if serious:
        return order
    moved = []
    for said in ruled_out:
        for s in move_below(order, actions_ruled_out(said.text), 3):
            s.reasons.insert(0, Reason(text="You would rather not take it there, and nothing you describe needs it "
                                       "yet", effect="lowers", signal="writer_limit", source="rules", evidence=[said]))
            moved.append(s)
    talk = next((s for s in order if s.action == "TALK_DIRECT"), None) if light_touch else None
    heavier = [s for s in order[:order.index(talk)] if s.action in _HEAVY] if talk is not None else []
    if heavier:
        rest = [s for s in order if s not in heavier]
        after = rest.index(talk) + 1
        order[:] = rest[:after] + heavier + rest[after:]
        for s in heavier:
            s.reasons.insert(0, Reason(text="You want a light touch: a friendly word comes first", effect="lowers",
                                       signal="writer_limit", source="rules", evidence=light_touch[:1]))
            moved.append(s)
    return scores_follow(order) if moved else order


#: Steps that leave it be: not open first to a writer who owes a reply or is owed money.
_LEAVING_IT = ("LET_GO", "WAIT")


#: Why letting it go comes after a word with them: a reply is owed, or money is owed to the writer.
REPLY_OWED = "You have to answer them, so leaving it is not open to you"
MONEY_OWED = "Money is owed to you, and letting it go gives it up; ask for it first"


def word_before_leaving_it(order: list, owed: list[Evidence], serious: bool, why: str = REPLY_OWED) -> list:
    """``order`` with letting it go and waiting moved below a word with them, where ``owed`` holds the writer's words
    saying something is owed: a reply to a customer's message (red team 52: "let it go" first to a support agent who
    had to reply that day), or money a customer owes them (``why``; red team 54: "let it go" first on £1,200 owed
    under a written quote)."""
    if serious or not owed:
        return order
    talk = next((i for i, s in enumerate(order) if s.action not in _LEAVING_IT), None)
    leaving = [s for s in order[:talk] if s.action in _LEAVING_IT] if talk is not None else []
    if not leaving:
        return order
    rest = [s for s in order if s not in leaving]
    order[:] = rest[:1] + leaving + rest[1:]
    for s in leaving:
        s.reasons.insert(0, Reason(text=why, effect="lowers",
                                   signal="writer_limit", source="rules", evidence=owed[:1]))
    return scores_follow(order)


#: A word with them alone, which waits behind the writer's manager when the other side frightens them.
_ALONE_WITH_THEM = ("TALK_DIRECT", "SET_BOUNDARY")


def not_alone_with_them(order: list, afraid: list[Evidence], they_are_above: bool, serious: bool) -> list:
    """``order`` with the writer's own manager before a word alone with the other side, where the writer says the other
    side frightens or intimidates them. Unchanged with serious conduct (the floor's order stands) and where the other
    side is the writer's manager or above (then "your manager" is them)."""
    if serious or they_are_above or not afraid:
        return order
    manager = next((s for s in order if s.action == "ESCALATE_MANAGER"), None)
    if manager is None:
        return order
    moved = [s for s in order[:order.index(manager)] if s.action in _ALONE_WITH_THEM]
    if moved:  # the manager takes the place of the first word alone, and everything else keeps its order
        order.remove(manager)
        order.insert(order.index(moved[0]), manager)
    for s in moved:
        s.reasons.insert(0, Reason(text="They intimidate you: take it to your manager first, who can act on it or be "
                                   "there when you talk", effect="lowers", signal="writer_limit", source="rules",
                                   evidence=afraid[:1]))
    return scores_follow(order) if moved else order
