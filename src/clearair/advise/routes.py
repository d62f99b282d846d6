"""The formal routes a writer has where there is likely no HR department: the forces, the police, a ship, app
work, freelancing, a volunteer body, a small business (``knowledge/routes.yaml``).

"Go to HR or make a formal complaint" is one step for every letter; a red team found it offered to a soldier, a
deckhand, a delivery rider and a church treasurer, none of whom has an HR department. The step keeps its title (it
is still a formal complaint); its first step and the answer name the routes that setting has."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from clearair.advise.retell import PRONOUNS
from clearair.extract import lexicon
from clearair.extract.named import tie_between
from clearair.extract.reading import Reading
from clearair.knowledge import load
from clearair.knowledge.schemas import RouteFile, RouteSetting
from clearair.models import Evidence, Party, Situation


@cache
def _route_file() -> RouteFile:
    """``routes.yaml``, validated once."""
    return RouteFile.model_validate(load("routes"))


def _any_of(patterns: list[str]) -> re.Pattern:
    """One case-insensitive regex matching any of a setting's patterns."""
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


@cache
def _settings() -> list[tuple[re.Pattern, RouteSetting]]:
    return [(_any_of(s.patterns), s) for s in _route_file().settings]


@dataclass(frozen=True)
class FormalRoute:
    """The setting the writer is in, and their words that say so."""

    setting: RouteSetting
    evidence: Evidence | None = None


#: Parties that mark a small business whatever the words: a co-owner, a business partner, a parent who runs it.
_SMALL_BUSINESS_PARTIES = ("family_", "business_partner")


def names_hr(situation: Situation) -> bool:
    """The letter names an HR department: then HR is the route, whatever the setting."""
    return any(p.role == "hr" for p in situation.parties)


#: Words just before "HR" that say there is none: "There isn't any HR", "we have no HR", "without an HR department".
_NONE_BEFORE = re.compile(r"(?:\bno|n['’]t(?: have)? any|\bnot(?: have)? any|\bnot an?|\bwithout(?: an?| any)?)\s+$",
                          re.IGNORECASE)


def _no_hr_said(reading: Reading, situation: Situation) -> bool:
    """Every time the letter names HR, it says there is none (red team 41: "There isn't any HR, it's a restaurant
    with fourteen staff" was answered with a note to HR)."""
    said = [e for p in situation.parties if p.role == "hr" for e in p.evidence]
    return bool(said) and all(_NONE_BEFORE.search(reading.text[max(0, e.start - 25):e.start]) for e in said)


#: Words that make someone the owner of the business ("the man who owns our company", "the owner"); not "the owner's
#: son" or "the owner's lead hand", who have the owner above them.
_OWNS_IT = re.compile(r"\b(owners?|proprietors?|founders?|co-founders?)\b(?!['’]s)|\bowns\b", re.IGNORECASE)


def owns_the_business(party: Party | None) -> bool:
    """The letter names this party as the owner of the business (a boss, not a co-owner beside the writer): by how
    it is named ("the owner"), or by a sentence that ties the word to one of its names ("Gary, who owns the firm",
    "the owner, Gary"); not by a sentence that only names both ("nobody above Gary except the owner who plays golf
    with him" made the manager the owner, and the formal note accused the owner)."""
    if party is None or party.role not in ("manager", "skip_level", "other"):
        return False
    if _OWNS_IT.search(" ".join([party.label, *party.mentions])):
        return True
    if any(_SAID_TO_OWN.match(e.text) for e in party.evidence):
        return True  # "He owns the shop" (``said_to_own``)
    names = [re.escape(m) for m in party.mentions if m[:1].isupper() and m.lower() not in PRONOUNS]
    if not names:
        return False
    tied = re.compile(rf"\b({'|'.join(names)})\b,?\s*(\(|,)?\s*(who|that)?\s*(is|was|['’]s)?\s*(the|our|my)?\s*"
                      rf"(co-?)?(owner|founder|proprietor|owns)\b|\b(owner|founder|proprietor)s?\s*(,|\()?\s*"
                      rf"({'|'.join(names)})\b", re.IGNORECASE)
    return any(tied.search(e.text) for e in party.evidence)


def said_to_own(reading: Reading, situation: Situation) -> None:
    """Adds to the other side's evidence the words where a pronoun or a name of theirs is said to own the business
    ("He owns the shop, there's no HR"): their mentions alone ("my boss", "Derek", "He") did not show it, and a red
    team's writer, whose boss had thrown a stapler and blocked the door, was told to complain to the owner."""
    cp = situation.party(situation.counterpart)
    if cp is None or situation.narrator.co_owner:
        return
    for m in _SAID_TO_OWN.finditer(reading.text):
        tok = reading.token_at(m.start())
        if reading.token_party.get(tok.i) == cp.id:
            cp.evidence.append(reading.evidence(m.start(), m.end()))


#: "He owns the shop", "Derek owns the place", "she's the owner": someone said to own where the writer works.
_SAID_TO_OWN = re.compile(r"\b(?:he|she|they|[A-Z][a-z]+)\s+(?:also\s+|actually\s+)?"
                          r"(?:owns|co-owns|is the owner|['’]s the owner|runs and owns|owns and runs)\b")


def owner_is_other_side(situation: Situation) -> list[Evidence]:
    """The words saying the other side owns the business (then nobody stands above them to take it to); empty
    when they do not, or when they own it with the writer (``co_owner``, a separate case)."""
    cp = situation.party(situation.counterpart)
    if situation.narrator.co_owner or not owns_the_business(cp):
        return []
    assert cp is not None
    return [e for e in cp.evidence if _OWNS_IT.search(e.text)][:1] or cp.evidence[:1]


#: The writer's own words saying they own or bought the place ("I own a small café", "we bought an existing wine bar",
#: "my husband and I became bar owners"): said of the words that showed the writer runs people.
_WRITER_OWNS = re.compile(r"\b(i|we)\b[^.]{0,40}?\b(own|owns|co-own|bought|took over|purchased|acquired|owners?|"
                          r"co-owners?|founded|co-?founded|(co-?)?founders?|ceo|chief executive|managing director)\b|"
                          r"\bmy own (business|company|firm|shop|store|salon|caf[eé]|restaurant|bar|pub|"
                          r"practice|bakery|studio|agency|clinic|garage)\b", re.IGNORECASE)


#: "I run the bar", "we run the kitchen": often one part of a place someone else owns ("I run the bar at one of four
#: restaurants in a family group"), said without the owner's words; the words alone do not make the writer its owner.
_RUNS_A_PART = re.compile(r"\b(?:i|we) (?:run|co-run) the\b", re.IGNORECASE)


def writer_owns_the_business(situation: Situation) -> list[Evidence]:
    """The writer's words saying they own the business they run (then nobody stands above them to ask for help:
    a red team found "ask your own manager" offered to a café owner and a salon's new owner); empty otherwise. "I run
    the bar" alone is no ownership (``_RUNS_A_PART``): a bar manager who took it for one was left with no HR route."""
    runs = lexicon.table("narrator")["runs_the_business"]  # "I run a small house-cleaning business"
    return [e for e in situation.narrator.evidence
            if _WRITER_OWNS.search(e.text) or runs.search(e.text) and not _RUNS_A_PART.search(e.text)][:1]


#: Help someone employs at home, as the letter names them: "a nanny", "our au pair", "the cleaning lady".
_HOME_HELP = re.compile(r"\b(?:nanny|nannies|au[- ]pairs?|babysitters?|housekeepers?|cleaning lady|house cleaners?|"
                        r"maids?|home help)\b", re.IGNORECASE)


#: A carer the writer's family employs directly: "We employ a carer, Lidia, … to look after my mum", one carer, "we
#: employ a" (a care home's manager writing of "one of my carers" is no household, and an agency employs them by the
#: dozen).
_WE_EMPLOY_A_CARER = re.compile(r"\bwe (?:privately |directly )?(?:employ|hired|took on|pay) (?:a|an|our)\b",
                                re.IGNORECASE)
_CARER = re.compile(r"\b(?:carers?|caregivers?|care workers?)\b", re.IGNORECASE)


def employs_at_home(situation: Situation) -> list[Evidence]:
    """The words naming help the writer employs in their own home (a party the writer directs: "We employ a nanny",
    "we host an au pair"); empty otherwise (a nanny's own letter names her employers, not her)."""
    if not situation.narrator.is_manager:
        return []
    carer = any(_WE_EMPLOY_A_CARER.search(e.text) for e in situation.narrator.evidence)
    return next((p.evidence[:1] for p in situation.parties
                 if p.role == "direct_report" and any(_HOME_HELP.search(m) or carer and _CARER.search(m)
                                                      for m in p.mentions)), [])


def run_by_partners_or_family(situation: Situation) -> bool:
    """The writer co-owns the business, or a business partner or a parent who runs it is a party."""
    return situation.narrator.co_owner or any(p.id.startswith(_SMALL_BUSINESS_PARTIES) for p in situation.parties)


@cache
def _appeal_open() -> tuple[re.Pattern, RouteSetting]:
    setting = _route_file().appeal_open
    return _any_of(setting.patterns), setting


def _hr_not_neutral(situation: Situation) -> tuple[re.Pattern, RouteSetting]:
    """The patterns of ``routes.yaml``'s ``hr_not_neutral``, with ``{hr}`` standing for the words that name HR in
    this letter ("HR", "human resources", and the HR person's own name: "Sharon and Tom are really close friends"),
    so compiled for each letter."""
    setting = _route_file().hr_not_neutral
    names = {m for p in situation.parties if p.role == "hr" for m in p.mentions if m[:1].isupper() and " " not in m
             and m.upper() != "HR"}
    hr = "(?:hr|human resources" + "".join(f"|{re.escape(n)}" for n in sorted(names)) + ")"
    return _any_of([p.replace("{hr}", hr) for p in setting.patterns]), setting


def formal_route(reading: Reading, situation: Situation) -> FormalRoute | None:
    """The setting the writer's words put them in, when it has no HR department; where the letter names HR, None
    (HR is the route) unless their words say HR is not neutral here (it passed on what they said to the person it
    was about, or sides with them: a red team's writer, whose exit form HR had shown her boss, was given a note to
    HR); None where no setting is marked."""
    appeal_rx, appeal = _appeal_open()
    if (open_appeal := appeal_rx.search(reading.text)):
        return FormalRoute(appeal, reading.evidence(open_appeal.start(), open_appeal.end()))
    no_hr = _no_hr_said(reading, situation)
    if names_hr(situation) and not no_hr:
        hr_rx, not_neutral = _hr_not_neutral(situation)
        leaked = hr_rx.search(reading.text)
        return FormalRoute(not_neutral, reading.evidence(leaked.start(), leaked.end())) if leaked else None
    found: FormalRoute | None = None
    for rx, setting in _settings():
        m = rx.search(reading.text)
        if m:
            found = FormalRoute(setting, reading.evidence(m.start(), m.end()))
            break
    if found is None and run_by_partners_or_family(situation):
        said = situation.narrator.evidence
        found = FormalRoute(_settings()[-1][1], said[0] if said else None)
    if found is not None and not found.setting.step and no_hr:
        # the letter says there is no HR: the words stop offering it ("HR if there is one")
        step = f"There is no HR here, as you say: your formal routes are {found.setting.routes}."
        found = FormalRoute(found.setting.model_copy(update={"step": step}), found.evidence)
    if found is not None and owner_is_other_side(situation) and _OWNS_IT.search(found.setting.to):
        # The owner is the one doing it: a complaint "to the owner" goes to them (a red team's landscaper, threatened
        # by the owner, was told to write to him). Only outside help is left.
        found = FormalRoute(found.setting.model_copy(update={"to": OUTSIDE_ONLY, "routes": OUTSIDE_ROUTES}),
                            found.evidence)
    elif found is not None and _tie_reaches_the_top(situation) and _IN_HOUSE.search(found.setting.to):
        # The other side is the manager and the one above them is tied to them ("The owner of the home is her
        # husband"): a complaint to "the home's manager or the provider above it" goes to them (red team 64).
        found = FormalRoute(found.setting.model_copy(update={"to": OUTSIDE_ONLY, "routes": OUTSIDE_ROUTES}),
                            found.evidence)
    elif found is not None and (to := _not_to_them(found.setting.to, situation)) != found.setting.to:
        found = FormalRoute(found.setting.model_copy(update={"to": to}), found.evidence)
    return found


#: A route that stays inside the business: its manager, owner, provider or directors.
_IN_HOUSE = re.compile(r"\b(?:manager|owner|provider|director|directors|proprietor|partners?|head)\b", re.IGNORECASE)


def other_side_above(situation: Situation) -> bool:
    """Whether the other side is the writer's manager or above them."""
    cp = situation.party(situation.counterpart)
    return cp is not None and cp.role in ("manager", "skip_level")


def _tie_reaches_the_top(situation: Situation) -> bool:
    """The other side is the writer's manager or above, and the letter ties someone above them to them."""
    return other_side_above(situation) and bool(situation.manager_tied)


def _not_to_them(to: str, situation: Situation) -> str:
    """The route's addressees without the other side's own post (red team 34: a site engineer punished by the site
    manager was told to complain "to your employer's manager above them, or the site manager")."""
    cp = situation.party(situation.counterpart)
    # (a post said with "new" or "acting" is the same post: "a new practice manager" is "the practice manager")
    posts = {re.sub(r"^(?:the|our|my|your|a|an)\s+(?:(?:new|current|acting|interim|temporary)\s+)?", "", m.lower())
             for m in (cp.mentions if cp else [])}
    posts = {p for p in posts if " " in p}  # a post in words ("site manager"), not a name or a pronoun
    ways = re.split(r",? or ", to)
    kept = [w for w in ways if not any(p in w.lower() for p in posts)]
    return " or ".join(kept) if kept and len(kept) < len(ways) else to


#: Where a formal complaint goes when the owner of the business is the one doing it.
OUTSIDE_ONLY = "an outside adviser such as an employment advice service, a union or an employment lawyer"
OUTSIDE_ROUTES = ("an outside adviser: a government or charity employment advice service, a union, or an employment "
                  "lawyer; for threats or violence, the police")


def route_step(setting: RouteSetting) -> str:
    """The step shown first under the formal route: plain words, one sentence."""
    if setting.step:
        return setting.step
    return f"There may be no HR department here. Your formal routes are {setting.routes}."


#: A person said to be family or a close friend of another: "Alan is Terry's brother-in-law", "Terry's best mate,
#: Alan", "Alan and Terry are best friends". The first group is the one whose neutrality the tie takes away.
_KIN = (r"(?:brother|sister|father|mother|son|daughter)-in-law|brother|sister|cousin|son|daughter|wife|husband|"
        r"partner|dad|father|mum|mom|mother|uncle|aunt|nephew|niece|(?:best |close |old )?(?:friend|mate|pal|buddy)|"
        r"girlfriend|boyfriend|fianc[eé]e?")
_TIES = (re.compile(rf"\b(?P<a>[A-Z][a-z]+)\s+(?:is|was|['’]s)\s+(?:also\s+)?(?P<b>[A-Z][a-z]+)['’]s\s+(?i:{_KIN})\b"),
         re.compile(rf"\b(?P<b>[A-Z][a-z]+)['’]s\s+(?i:{_KIN}),?\s+(?P<a>[A-Z][a-z]+)\b"),
         re.compile(r"\b(?P<a>[A-Z][a-z]+)\s+and\s+(?P<b>[A-Z][a-z]+)\s+are\s+"
                    r"(?i:(?:really |very |close |best |old |good )*(?:friends|mates|pals|buddies|related|married|"
                    r"a couple|together))\b"))


def tied_to_the_other_side(reading: Reading, situation: Situation) -> list[Evidence]:
    """The names of people the writer says are family or close friends of the other side: a note "to their manager"
    is not addressed to them (red team 33: "Hi Alan", about payback, to the site manager who sat on the first report
    and is the foreman's brother-in-law)."""
    cp = situation.party(situation.counterpart)
    theirs = {m for m in (cp.mentions if cp else []) if m[:1].isupper() and " " not in m}
    out = []
    for rx in _TIES:
        for m in rx.finditer(reading.text):
            for tied, other in (("a", "b"), ("b", "a")):  # the tie runs both ways: either may be the other side
                if m.group(other) in theirs and m.group(tied) not in theirs:
                    out.append(reading.evidence(m.start(tied), m.end(tied)))
    return out


#: Who a writer could take it to: their own manager, one above, or the other side's manager.
_ROUTES_ABOVE = ("manager", "skip_level", "peers_manager")


def managers_tied_to_them(reading: Reading, situation: Situation) -> list[Evidence]:
    """The writer's sentence saying a manager they could take it to is close to the other side, both named in it
    ("I'm terrified to say it to our clinical nurse manager, Fiona, because she and Deirdre are close friends";
    "He's … very friendly with the sales manager, Olivier"): a red team found such a manager offered as the route,
    with a note ready to send, beside serious conduct."""
    cp = situation.party(situation.counterpart)
    if cp is None:
        return []
    above = [p for p in situation.parties if p.id != cp.id and p.role in _ROUTES_ABOVE]
    for sent in reading.sentences:
        start, end = sent.start_char, sent.end_char
        tie = tie_between(reading.text, start, end)
        if tie is None or _NEAR_THE_WRITER.match(reading.text, tie.end()):
            continue  # (not "he comes very close to me": standing near the writer, no tie between two others)
        tied = [p for p in above if named_in(p, start, end)]
        if tied and (named_in(cp, start, end) or _told_as_he_or_she(reading, sent, tied)):
            return [reading.evidence(start, end)]
        # someone above told only by a title the reading made no party of: "The Lieutenant above him plays golf
        # with him" (red team 38: the escalation note went to that lieutenant)
        title = _TITLE_ABOVE.search(reading.text, start, end)
        # (a title the reading joined to the other side is still someone else when the sentence makes it their
        # family: "The owner of the home is her husband", red team 64)
        theirs = _THEIR_FAMILY.search(reading.text, max(start, tie.start() - 8), tie.start())
        if not tied and title and (theirs or not any(e.start <= title.end() and title.start() <= e.end
                                                     for e in cp.evidence)) \
                and (named_in(cp, start, end) or _told_as_he_or_she(reading, sent, [cp])):
            return [reading.evidence(start, end)]  # (the title is not the other side's own: "My boss … he")
    return []


#: "her husband", "his wife": the tie word names the family of someone already spoken of.
_THEIR_FAMILY = re.compile(r"\b(?:her|his|their)\s+$", re.IGNORECASE)
#: "close" said of where someone stands by the writer ("comes very close to me"), not of a tie between two people.
_NEAR_THE_WRITER = re.compile(r"\s+(?:to|beside|behind|by|up to|in to|into)\s+(?:me|my)\b", re.IGNORECASE)
#: A title above the other side, in a sentence of a tie: "The Lieutenant above him", "the area manager".
_TITLE_ABOVE = re.compile(r"\b(?:[A-Za-z-]+ )?(?:manager|director|boss|supervisor|lieutenant|captain|superintendent|"
                          r"principal|headteacher|head teacher|matron|chief|owner|foreman)\b"
                          r"(?! (?:of|at|in) (?:a|another))", re.IGNORECASE)


def named_in(party: Party, start: int, end: int) -> bool:
    """One of the party's mentions lies within ``start``-``end`` of the writer's text."""
    return any(start <= e.start and e.end <= end for e in party.evidence)


def _told_as_he_or_she(reading: Reading, sent, tied: list[Party]) -> bool:
    """The sentence speaks of "he", "she" or "they" (as subject or object, or "her husband"), not one of ``tied``
    (the reading may not have linked the pronoun: "He's the top seller and very friendly with the sales manager,
    Olivier")."""
    theirs = {(e.start, e.end) for p in tied for e in p.evidence}
    return any((t.dep_ in ("nsubj", "nsubjpass", "pobj", "dobj") and t.lower_ in _THIRD_PERSON
                or t.dep_ == "poss" and t.lower_ in ("her", "his", "their"))  # "The owner … is her husband"
               and (t.idx, t.idx + len(t)) not in theirs for t in sent)


_THIRD_PERSON = frozenset({"he", "she", "they", "him", "her", "them"})
