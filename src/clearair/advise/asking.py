"""A letter that wants words to ask for something, say no or set a limit, rather than to raise a grievance.

"My manager is brilliant and I need to ask for time off", "my lovely boss asked me to lead the party planning and
I'd like to say no politely", "I want to set a boundary that I won't check Slack at weekends": nobody wronged the
writer, and a conflict opener ("It's about [what happened]. How did you see it?") fits none of them (a red team
found it for a daughter asking for leave to go with her mother to treatment). The kind of ask and the writer's own
words for it are read here; the scripts turn them into a request, a kind refusal or a limit said kindly.
"""

from __future__ import annotations

import re
from typing import Literal

from clearair.models import Ask

#: The step and its reason where the words are for an ask (script kind -> (instruction, reason)): "talk to them
#: privately… because a calm private word is the respectful way to raise a one-off" is said of a grievance.
STEPS: dict[str, tuple[str, str]] = {
    "ask_request": ("ask for it in person, plainly and early, with a suggestion for how the work is covered",
                "nobody is in the wrong here, and a plain, early request to someone you work well with is usually "
                "met halfway"),
    "ask_decline": ("say no kindly and in person, soon, and offer what you can instead",
                "a prompt, warm no with something offered keeps the goodwill that a reluctant yes would cost"),
    "ask_limit": ("tell them the limit kindly, once, with how to reach you when something really can't wait",
              "a limit said plainly, with a way round it for real emergencies, is easier to keep than one shown by "
              "silence"),
}

#: Saying no to something asked of the writer: "I'd like to say no politely", "how do I turn it down".
_DECLINE = re.compile(r"\b(?:say(?:ing)? no|decline|turn(?:ing)? (?:it|this|that|them|the (?:offer|role|job|request)) "
                      r"down|get out of (?:it|this|doing it))\b", re.IGNORECASE)
#: A limit on when or how the writer works, set with someone who did nothing wrong: "set a boundary", or asking them
#: to keep messages for working hours ("ask her to maybe save them for the morning or put them in an email").
_LIMIT = re.compile(r"\b(?:set|setting|draw|drawing|put in place) (?:a |some |clear |firmer )*boundar(?:y|ies)\b|"
                    r"\bask (?:her|him|them) to (?:maybe |just |please |kindly )?(?P<what>(?:save|keep|hold|send|put|"
                    r"leave) (?:them|it|these|those|work (?:stuff|messages|things))\b[^.;!?]{0,40}?\b(?:morning|email|"
                    r"work hours|office hours|working hours|next day|monday|slack|teams))\b", re.IGNORECASE)
#: "ask for", "request from my manager for": the words before what the writer asks for.
_ASKING_FOR = r"\b(?:ask|asking|request|requesting) (?:her |him |them |my (?:manager|boss|supervisor) )?for"
#: Asking for something the writer needs: leave, hours, a change.
_REQUEST = re.compile(
    _ASKING_FOR + r"\b[^.;!?]{0,40}?\b"
    r"(?:time off|leave|days? off|unpaid leave|annual leave|compassionate leave|reduced hours|fewer hours|part[- ]time|"
    r"flexib\w+|a raise|a pay rise|more money|a promotion|a transfer|a change|an adjustment|a later start|an earlier "
    r"finish|to work from home|remote work|a sabbatical|a day off)\b"
    # "I'd like to either drop to four days or compress my hours": the change named without "ask for"
    r"|\bi['’]d like to (?:either )?(?:drop|go down|cut back|reduce|move) to (?:four|three|two|\d)[- ]days?\b"
    r"|\bcompress(?:ed)? (?:my )?hours\b|\bflexible working (?:request|arrangement)\b", re.IGNORECASE)

#: Pronouns the words could not say to the person without guessing who they mean ("to go with her to treatment").
_UNSURE = re.compile(r"\b(?:he|she|him|her|his|hers|they|them|their|it)\b", re.IGNORECASE)
_END = r"(?=,? (?:to|so that|so i|because|as i|since|while i|while we|but|and i|which)\b|[.;!?]|$)"
#: What they asked the writer to do: "has asked me to lead the office Christmas party planning this year", and who
#: asked, in the few words before ("My lovely team lead", "Angela").
_ASKED_ME = re.compile(rf"(?:(?P<who>\b[\w'’-]+(?:,? [\w'’-]+){{0,3}}?),?(?: has| had| just| recently| kindly)* )?"
                       rf"\basked me to (?P<what>[^.;!?]{{3,90}}?){_END}", re.IGNORECASE)
#: An ask made again and again is pressure, not a favour to thank them for ("asked me to stay late every evening").
_AGAIN = re.compile(r"\b(?:every|each|again|always|constantly|keeps?|kept|repeatedly|all the time|times|"
                    r"(?:second|third|fourth|fifth|nth) time)\b", re.IGNORECASE)
#: A smaller part the writer would offer: "maybe offer to help with a smaller bit like the budget", "I'd be happy to
#: help with one bit, like the secret santa, but not run the whole thing".
_OFFER = re.compile(rf"\b(?:offer(?:ing)? to|i['’]d be (?:happy|glad|willing) to|i['’]m (?:happy|glad|willing) to) "
                    rf"(?P<what>help (?:out )?with [^.;!?]{{3,70}}?){_END}", re.IGNORECASE)
#: The writer says the other person means no harm, or wants a friendly way: "she's lovely", "nothing bad", "he means
#: well", "in a friendly way", "we get on really well".
_WELL_MEANT = re.compile(r"\b(?:(?:she|he|they)(?:['’]s| is|['’]re| are) (?:really |so |very |genuinely )?(?:lovely|"
                         r"great|nice|kind|brilliant|a sweetheart|a good egg)|nothing bad|means? well|"
                         r"(?:doesn['’]t|does not|don['’]t) mean (?:any )?harm|in a (?:friendly|kind|nice) way|"
                         r"(?:we )?get on (?:really |very |so )?well|i (?:don['’]t|do not) mind (?:her|him|them))\b",
                         re.IGNORECASE)
#: What says nothing of what is asked: "I need to ask her for something".
_VAGUE = re.compile(r"(?:something|anything|a favou?r|this|that|it|help|advice)", re.IGNORECASE)
#: The writer's own reason for a no, when it is about their load: "I'm already covering for two people on leave".
_REASON = re.compile(rf"\b(?P<what>i['’]m already [^.;!?]{{5,90}}?){_END}", re.IGNORECASE)
#: What the writer would like, said as a change: "I'd like to either drop to four days … or compress my hours".
_ASK_TO = re.compile(rf"\bi['’]d like to (?:either )?(?P<what>(?:drop|go down|cut back|reduce|compress|move|switch) "
                     rf"[^.;!?]{{3,120}}?){_END}", re.IGNORECASE)
#: What the writer asks for: "I need to ask for some time off, probably a couple of weeks".
_ASK_FOR = re.compile(rf"{_ASKING_FOR} (?P<what>[^.;!?]{{3,120}}?){_END}", re.IGNORECASE)
#: The limit itself: "a boundary that I won't check Slack after 6 or at weekends".
_LIMIT_IS = re.compile(r"\bboundar(?:y|ies) (?:that|where|so that) (?P<what>i (?:won['’]t|will not|don['’]t|do not|"
                       r"will only|['’]ll only|can['’]t|am not going to) [^.;!?]{3,120})", re.IGNORECASE)


def what_the_writer_asks(text: str) -> tuple[Ask, int, int] | None:
    """What the writer wants words to ask (a refusal, a limit or a request, with their own words for what is asked,
    offered or limited where they can be said cleanly), and where the words that say so start and end in ``text``;
    None when the letter asks for none of these. A refusal is read first: "say no politely, maybe offer to help
    with the budget" is a no with an offer, not a request."""
    kinds: tuple[tuple[Literal["decline", "limit", "request"], re.Pattern], ...] = (
        ("decline", _DECLINE), ("limit", _LIMIT), ("request", _REQUEST))
    for kind, rx in kinds:
        m = rx.search(text)
        if m:
            asked = _ASKED_ME.search(text)
            return Ask(kind=kind, asked_of_me=asked_of_the_writer(asked), offer=offered_instead(text),
                       asked_for=asked_for(text), limit=the_limit(text), reason=own_reason(text),
                       kindly=bool(_WELL_MEANT.search(text)),
                       asked_by=asked.group("who") if asked else None), m.start(), m.end()
    return None


def _one_line(what: str) -> str:
    """The writer's words on one line, without a trailing comma."""
    return re.sub(r"\s+", " ", what).strip().rstrip(",")


def _clean(what: str) -> str | None:
    what = _one_line(what)
    return None if _UNSURE.search(what) else what


def asked_of_the_writer(asked: re.Match | None) -> str | None:
    """What they asked the writer to do (``_ASKED_ME``'s match), said back ("lead the office Christmas party planning
    this year"); None for an ask made again and again."""
    return _clean(asked.group("what")) if asked and not _AGAIN.search(asked.group("what")) else None


def offered_instead(text: str) -> str | None:
    """The smaller part the writer would offer instead ("help with a smaller bit like the budget")."""
    m = _OFFER.search(text)
    return _clean(m.group("what")) if m else None


def asked_for(text: str) -> str | None:
    """What the writer asks for, in their words ("some time off, probably a couple of weeks of unpaid leave"), or the
    change they would like, as "to …" ("to drop to four days (Mon, Tue, Thu, Fri) or compress my hours")."""
    m = _ASK_FOR.search(text)
    if m and not _VAGUE.fullmatch(m.group("what").strip()):
        return _clean(m.group("what"))
    m = _ASK_TO.search(text)
    said = _clean(m.group("what")) if m else None
    return f"to {said}" if said else None


def own_reason(text: str) -> str | None:
    """The writer's reason for a no, when they give it as their load ("I'm already covering for two people on
    maternity leave"); None for anything else, which stays theirs to put."""
    m = _REASON.search(text)
    return _clean(m.group("what")) if m else None


def the_limit(text: str) -> str | None:
    """The limit as the writer states it ("I won't check Slack after 6 or at weekends unless it's a real
    emergency"); "it's" of an emergency is kept, any other pronoun leaves it to the writer. Or what they would ask
    of the other person, as a question ("could you save work messages for the morning or put them in an email"),
    the messages named where the letter says "them"."""
    m = _LIMIT_IS.search(text)
    if m is None:
        asked = _LIMIT.search(text)
        what = asked.group("what") if asked else None
        if not what:
            return None
        what = re.sub(r"^(save|keep|hold|send|put|leave) (?:them|it|these|those|work stuff|work things)\b",
                      r"\1 work messages", _one_line(what), flags=re.IGNORECASE)
        return f"could you {what}"
    what = _one_line(m.group("what"))
    return None if _UNSURE.search(re.sub(r"\bit['’]s an? (?:real |genuine |true )?emergency\b", "", what, flags=re.I)) \
        else what


def only_an_ask(sentence: str) -> bool:
    """A sentence of theirs done to the writer that only asks something of them, once ("has asked me to lead the
    party planning"): an ask to answer, not a grievance."""
    return bool(_ASKED_ME.search(sentence)) and not _AGAIN.search(sentence)
