"""Words to use (knowledge/scripts.yaml), built from the case's facts for the top advice.

Each script carries out one recommended action and is addressed to one person.
Only scripts that fit are written: none for an action the report warns against,
an apology only when the writer has something to own (and has not already
apologised), a note to the audience only when one saw it (and to the sender
instead when the audience was large, so it never reads as a mass email), an
agenda only when a joint meeting is advised, and nothing face to face when the
conduct is serious. The other side's act is said in our own words, addressed
to them; what has no clean words is reworded so no slot is needed, and nothing
is asserted (an attempt, a fix, notes kept) that the reading did not find. Only
name slots ("[their name]") are left for the writer to fill.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from clearair.advise.asking import only_an_ask
from clearair.advise.notes import COVER_ASK, TOUCHING
from clearair.advise.own_ways import what_i_said
from clearair.advise.phrases import (
    FILL_SLOT,
    SLOT_ASKED,
    SLOT_DETAILS,
    SLOT_EVENT,
    SLOT_NAME,
    SLOT_NEED,
    SLOT_REACHABLE,
    SLOT_REASON,
    SLOT_SMALLER_PART,
    SLOT_THEIR_MANAGER,
    SLOT_WANTED,
    SLOT_WHAT_ASKED,
    SLOT_WHEN,
    capitalise,
    counterpart_incidents,
    group_noun,
    handset_only,
    join_words,
    lower_first,
    own_incident,
    told_incident,
    widest,
)
from clearair.advise.retell import in_the_past, names_to_find, retold_about_them, retold_to_them
from clearair.advise.routes import (
    OUTSIDE_ONLY,
    names_hr,
    other_side_above,
    owner_is_other_side,
    owns_the_business,
    run_by_partners_or_family,
)
from clearair.advise.told import as_note_line, says_when
from clearair.advise.topics import topic_to
from clearair.extract import lexicon
from clearair.extract.nlp import TITLE_ABBREVIATIONS
from clearair.knowledge import load
from clearair.knowledge.schemas import RouteSetting, ScriptFile
from clearair.models import COURTESY_TITLE, Ask, Avoid, Evidence, Incident, Party, Script, Signal, Situation

_CHANNEL = {"email": " by email", "meeting": " in the meeting", "chat": " by message", "phone": " on the phone",
            "in_person": ""}
_TRIED = {"apology": "apologised", "fix": "put a fix in place", "feedback": "talked to them directly",
          "asked": "asked them about it", "reported": "raised it once", "documented": "kept notes",
          "ignoring": "tried ignoring it", "ignored_in_vain": "tried ignoring it"}
#: How the writer names the other side to their own manager (people write "a colleague", never "a peer": red team 42).
_TO_MANAGER = {"peer": "a colleague", "peers_manager": "another team's manager", "direct_report": "one of my reports",
               "customer": "a customer", "skip_level": "someone above you", "hr": "someone in HR",
               "other": "a colleague", "manager": "my manager"}
#: How the writer names the other side to a third person.
_THIRD = {"peer": "my colleague", "peers_manager": "their manager", "direct_report": "my report",
          "customer": "the customer", "skip_level": "the director", "hr": "HR", "other": "my colleague",
          "manager": "my manager"}
#: How the writer names the other side to their own report.
_TO_REPORT = {"peer": "the other team", "peers_manager": "the other team's manager", "manager": "my manager",
              "skip_level": "the director", "customer": "the customer", "hr": "HR"}
#: Who may bring the report a concern next time, by the other side's role (the backing script).
_CONCERN_FROM = {"customer": "a customer", "peer": "someone from another team", "peers_manager": "someone from "
                 "another team", "manager": "someone senior", "skip_level": "someone senior"}
_FIRST_PERSON_ACT = {
    "undermine": "undermined my team's work", "humiliate": "belittled me", "forward": "forwarded a message about me",
    "criticise": "criticised my work", "aggress": "was aggressive towards me", "exclude": "has been leaving me out",
    "steal_credit": "presented my work as theirs", "gossip": "talked about me behind my back",
    "harass": "behaved towards me in a way I need to report", "overload": "pushed work on me outside working hours",
    "fail_deliver": "let work slip", "break_confidence": "passed on something I said in confidence",
    "lie": "gave a false account of what happened", "complain_external": "complained about my work",
}
#: The writer's own act, said to the person it was done to (an apology).
_OWN_ACT = {
    "undermine": "I undermined your work", "humiliate": "I belittled you",
    "forward": "I forwarded a message about you", "criticise": "I criticised your work",
    "aggress": "I raised my voice at you", "exclude": "I left you out", "steal_credit": "I presented your work as mine",
    "gossip": "I talked about you behind your back", "overload": "I pushed work on you outside working hours",
    "fail_deliver": "I let the work slip", "break_confidence": "I passed on something you told me in confidence",
    "lie": "I gave a false account of what happened", "complain_external": "I complained about your work to others",
}
_NOT_NAMES = {"He", "She", "His", "Her", "They", "My", "Our", "The", "One", "Dude", "Boss", "Manager", "Director",
              "Team", "Peer", "Customer", "Client", "Hi", "Hello", "Thanks", "Sir", "Madam",
              # platforms and products a letter names beside people ("a recording of a Zoom session")
              "Zoom", "Teams", "Slack", "Skype", "WhatsApp", "Facebook", "Instagram", "Twitter", "LinkedIn", "Google",
              "Gmail", "Outlook", "Excel", "Word", "Jira", "Uber", "Lyft", "Amazon", "Snapchat", "TikTok", "Reddit"}


def _name(s: Situation, party_id: str | None) -> str:
    """A first name the letter gives for the party, "everyone" for a group (``group_noun``), else the slot."""
    names = first_names(s, party_id)
    if names:
        return names[0]
    party = s.party(party_id) if party_id else None
    return "everyone" if party is not None and group_noun(party.mentions) else SLOT_NAME


def their_managers_name(s: Situation) -> str:
    """Whom a note "to their manager" greets: the one person the letter names as their manager ("his manager
    Anita"), or, where the other side is over the writer, as over the writer too ("The site manager is a woman called
    Denise"), above or beside them; never someone the letter says is family or a close friend of theirs, nor one it
    tells doing what it is about; else the slot (red teams found "Hi [their manager's name]" where the letter named
    her)."""
    cp = s.party(s.counterpart)
    if cp is None:
        return SLOT_THEIR_MANAGER
    over = {"skip_level": ("skip_level",), "manager": ("manager", "skip_level")}.get(cp.role, ())
    named = [names[0] for p in s.parties
             if p.id != cp.id and (p.role == "peers_manager" or p.role in over) and not _told_doing_it(s, p)
             and not _no_longer_there(p) and (names := first_names(s, p.id))]
    tied = {e.text for e in s.tied_to_them}
    # nor someone the letter tells doing what it is about (red team 34: "Hi Dr Patel" on a note about Dr Patel's
    # remarks, when the reading took the writer's line manager for the other side)
    doing = " ".join(e.text for e in s.what_happened + s.acts_on_writer)
    if len(named) == 1 and named[0] not in tied and not re.search(rf"\b{re.escape(named[0])}\b", doing):
        return named[0]
    return SLOT_THEIR_MANAGER


def _no_longer_there(p) -> bool:
    """A boss the writer had before ("my old boss Martin retired"): no one to send a note to now (red team 53)."""
    return p.id.startswith("former_") or p.label.startswith(("your former ", "your old ", "your previous ", "your ex"))


def _told_doing_it(s: Situation, p) -> bool:
    """The letter tells ``p`` doing what it is about, by name or pronoun: an actor of an incident, or named inside a
    sentence of what happened or of what was done to the writer (red team 37: an au pair's note "to their manager"
    greeted the host father who had come to her door at night, told of only as "he")."""
    if any(i.actor == p.id for i in s.incidents):
        return True
    told = s.what_happened + s.acts_on_writer
    return any(e.start <= m.start and m.end <= e.end for m in p.evidence for e in told)


def first_names(s: Situation, party_id: str | None) -> list[str]:
    """The first names the letter gives for the party, in the order it gives them."""
    p = s.party(party_id)
    return _names_of(p) if p else []


def _names_of(p) -> list[str]:
    """``first_names`` of a party already in hand."""
    return [m for m in p.mentions if _is_first_name(m) and m not in _NOT_NAMES]


def _is_first_name(mention: str) -> bool:
    """A capitalised word of any alphabet ("Dave", "José", "Anne-Marie"), or two ("Wei Ling"), after a courtesy or
    working title or none ("Engr. Santos"); not an acronym ("HR") or a phrase ("my boss")."""
    m = re.fullmatch(rf"(?:(?:{COURTESY_TITLE}|{_WORK_TITLE}) )?(\w+(?:[-'’]\w+)*(?: \w+)?)", mention)
    return m is not None and len(m.group(1)) > 1 and all(
        part[:1].isupper() and (part[1:].islower() or not part[1:]) and part.isalpha()
        for part in re.split(r"[-'’ ]", m.group(1)))


#: Working titles written before a name, as the reading keeps them ("Engr. Santos", "Atty. Reyes").
_WORK_TITLE = "(?:" + "|".join(re.escape(t) for t in TITLE_ABBREVIATIONS) + ")"


def _seen_by(inc: Incident | None) -> str:
    """ " where the customer could see it" (for "When you … , …")."""
    if inc is None:
        return ""
    kind, size = inc.audience.kind, inc.audience.size
    if kind == "large_group":
        return f" to about {size} people" if size else " to a wide group"
    if kind == "external":
        return " where the customer could see it"
    if kind == "team":
        return " in front of the team"
    return ""


def _impact(inc: Incident | None) -> str:
    kind = inc.audience.kind if inc else "unknown"
    if kind == "external":
        return "it left the customer with a poor picture of my team"
    if kind == "large_group":
        return "a lot of people got a wrong picture of me"
    if kind == "team":
        return "it made me look bad"  # "in front of the team" is already said
    if inc is not None and inc.act in _IMPACT_OF:
        return _IMPACT_OF[inc.act]
    return "it upset me more than I let on"


#: What an act costs the writer, said plainly where "it upset me" would be the wrong register (a blind panel
#: marked "it upset me more than I let on" to a manager texting at night as a poor fit).
_IMPACT_OF = {"overload": "I found it hard to switch off and be ready for the next day",
              "fail_deliver": "it left me having to explain the delay",
              "criticise": "it knocked my confidence in the work"}


def _named_or(f: _Facts, fallback: str) -> str:
    """The other side's name as the letter gives it, or ``fallback`` where it gives none."""
    name = _name(f.s, f.cp.id) if f.cp is not None else SLOT_NAME
    return fallback if name == SLOT_NAME else name


def _third(p) -> str:
    """How the writer names the party to someone else: "my manager", "my peer"; "my former boss" for a boss they
    have left (their label says so), "my business partner" for a co-owner."""
    if p is None:
        return "my colleague"
    if p.label.startswith(("your former ", "your old ", "your previous ", "your ex", "your business partner")):
        return in_the_writers_voice(p.label)
    if owns_the_business(p):
        return "the owner"
    return _own_noun(p) or _own_title(p) or _THIRD.get(p.role, "my colleague")


#: A title the letter gives someone in the writer's lines: "my section commander", "our watch manager", "the board
#: chair" (one to four words, singular).
_TITLE = re.compile(r"(?i:my|our|the|his|her|their) [a-z][a-z '’-]{1,40}")  # "the owner's site foreman"
#: One of a group named by their title: "one of the senior partners", "One of our shift leads".
_ONE_OF = re.compile(r"(?i:one of )((?:the|our|my) [a-z][a-z '’-]{1,40})")
#: Groups that say no more than a role's word.
_PLAIN_GROUPS = frozenset({"managers", "bosses", "supervisors", "colleagues", "coworkers", "co-workers", "peers",
                           "reports", "employees", "staff", "people", "guys", "women", "men", "others"})
#: Words for a person that are no title: "the man", "a woman" name nobody's place.
_ANYONE = frozenset({"man", "woman", "guy", "lady", "person", "girl", "boy", "bloke", "fellow", "chap", "gentleman"})
#: Titles that say no more than the role's own word, and so are left to it.
_PLAIN_TITLES = frozenset({"boss", "manager", "supervisor", "colleague", "coworker", "co-worker", "peer", "report",
                           "direct report", "employee"})
_PLAIN_WORDS = _PLAIN_TITLES | _PLAIN_GROUPS


#: The titles of a household's two parents, who may be read as one employer.
_HOUSEHOLD = frozenset({"mum", "mom", "mother", "dad", "father", "husband", "wife"})


def _own_title(p) -> str | None:
    """Someone in the writer's lines by the title the letter gave them, in a note to someone else ("our watch
    manager has pressed me…"), not by the role's general word: "the director" for a board chair, written by a
    writer who is the director, named the writer as the wrongdoer (red team 23)."""
    if p is None or p.role not in ("manager", "skip_level", "peer", "direct_report"):
        return None
    titles = {m.split(" ", 1)[1].lower() for m in p.mentions if _TITLE.fullmatch(m) and len(m.split()) <= 4}
    if len(titles & _HOUSEHOLD) > 1:
        # "the mum … the dad": both parents read as one employer; a note must not name the one who did nothing (red
        # team 60: "the mum has touched me" of a father's touching), so the role's word says it
        return None
    for m in p.mentions:
        if (one := _ONE_OF.fullmatch(m)) is not None and m.split()[-1].lower() not in _PLAIN_WORDS:
            # "One of the senior partners": one of a group the letter names, said as it is ("the director" for a
            # senior partner of a firm named someone the writer never mentioned)
            return "one of " + one.group(1).lower()
        if not _TITLE.fullmatch(m) or len(m.split()) > 4:
            continue
        noun = m.split(" ", 1)[1]
        last = noun.split()[-1].lower()
        if noun.lower() in _ANYONE:  # "The man who sits opposite me, Mikko": no title at all; their name if given
            return next(iter(_names_of(p)), None)
        if noun.lower() in _PLAIN_TITLES or (last.endswith("s") and not last.endswith("ss")):
            return None  # the letter's first title says no more than the role (or is a group): the role's word
        if m.split()[0].lower() in ("his", "her", "their"):
            return "the " + noun  # "his lead hand" is "the lead hand" to the reader of the note
        return m[0].lower() + m[1:]
    return None


#: What the writer's need is for, by the words that showed it (the ``protected_need`` signal's evidence).
_NEED_FOR = ((re.compile(r"\b(pregnan\w*|antenatal)\b", re.I), "my pregnancy"),
             # "since I came back from maternity leave": a parent's hours, not a pregnancy (red team 53)
             (re.compile(r"\bmaternity\b", re.I), "caring for my child"),
             (re.compile(r"\b(paternity|parental|adoption)\b", re.I), "my parental leave"),
             (re.compile(r"\b(disab\w*|wheelchair|deaf|hard of hearing|(partially|visually|blind) sighted|cane|walking "
                         r"stick|limp)\b", re.I), "a disability"),
             # whole words: "scared" holds "care", "reason" holds "son", "apparent" holds "parent"
             (re.compile(r"\b(caring|care|carer|look(s|ing)? after|mother|father|mom|mum|dad|parents?|sons?|daughters?|"
                         r"husband|wife|partner)\b", re.I), "caring for a family member"))


def _need_for(sig: dict[str, Signal]) -> str:
    """ "my pregnancy", "a disability", "caring for a family member", else "a health condition": said plainly,
    never the writer's own diagnosis retold."""
    said = " ".join(e.text for e in sig["protected_need"].evidence) if "protected_need" in sig else ""
    return next((need for rx, need in _NEED_FOR if rx.search(said)), "a health condition")


#: Words naming someone who owns the place: in a small business there is often no HR to write to.
_OWNER = re.compile(r"\b(owner|owns|proprietor|landlord|landlady)\b", re.IGNORECASE)


def _no_hr_likely(s: Situation) -> bool:
    """A small or family business, by who is in it: an owner, a parent who runs it, a co-owner (red team 23 found
    "a note to HR" for a salon, a family bakery and a garage, none of which has HR)."""
    if names_hr(s):
        return False
    return run_by_partners_or_family(s) or any(_OWNER.search(" ".join([p.label, *p.mentions])) for p in s.parties)


def _lower_unless_named(text: str, p, others=()) -> str:
    """Mid-sentence, the clause starts lower-case, unless it starts with the other side's name ("Craig has…", "Mrs Te
    Rangi has…": red team 42 found "mrs Te Rangi") or the name of another party of ``others`` ("Maya has told
    me…")."""
    people = [p] if p is not None else []
    if any(text.startswith(m + " ") for q in [*people, *others] for m in q.mentions  # "Craig", "Mrs Te Rangi"
           if all(w[:1].isupper() for w in m.split()) and m.lower() not in ("he", "she", "they", "it")):
        return text
    return lower_first(text)


def in_the_writers_voice(label: str) -> str:
    """A label the report says to the writer ("the mum of one of your pupils", "your former boss") as the writer says
    it ("the mum of one of my pupils", "my former boss")."""
    return re.sub(r"\byour\b", "my", label)


def _own_noun(p) -> str | None:
    """Someone outside the writer's lines by the noun the letter gave them ("the parent", "your agent" -> "my
    agent"), not by the role's general word: a red team found a pupil's parent called "the customer" in a note to
    the head teacher."""
    if p is None or p.role not in ("customer", "other") or not p.mentions:
        return None
    label = in_the_writers_voice(p.label)
    if label.startswith("my "):
        return label
    if label[:1].isupper() and label in p.mentions:
        return label  # known by their name alone ("Craig")
    if not label.startswith("the ") or label in ("the customer", "the customers", "the client"):
        return None
    return label


def _to_manager(p, role: str | None) -> str:
    """How the writer names the other side to their own manager: "a parent" for "the parent"."""
    own = _own_noun(p)
    if own is None:
        return _TO_MANAGER.get(role or "", "a colleague")
    if own.startswith("the ") and not own.endswith("s") and not own.startswith("the other "):
        noun = own.removeprefix("the ")
        return _a_or_an(noun) + " " + noun
    return own


#: Words whose first letter misleads: "a user", "a union rep", "a unit manager"; "an hour", "an honest".
_SAYS_YOU = re.compile(r"(?:u[nsrt][aeiou]|uni|eu|one\b|once\b)", re.IGNORECASE)
_SILENT_H = re.compile(r"(?:hour|honest|honou?r|heir)", re.IGNORECASE)


def _a_or_an(noun: str) -> str:
    """ "a" or "an" before ``noun``, by its first sound."""
    vowel = noun[:1].lower() in "aeiou" and not _SAYS_YOU.match(noun) or bool(_SILENT_H.match(noun))
    return "an" if vowel else "a"


#: "Since then Raj has been asked to lead the work": as a note's "In short", "since then" points at nothing before it.
_DANGLING_THEN = re.compile(r"^(?:since then|after that|ever since|since that day|from then on),?\s+", re.IGNORECASE)


def in_short(line: str) -> str:
    """One of the writer's sentences as a note's "In short": without a "since then" that points at nothing."""
    line = _DANGLING_THEN.sub("", line)
    return line[:1].upper() + line[1:]


def _about(said: str | None, who: str) -> str | None:
    """A clause said of them with its subject (``who``) taken off, so the writer is looked for in the rest."""
    return said.removeprefix(who) if said is not None else None


def _first_person_event(s: Situation, inc: Incident | None, serious: bool = False) -> str:
    """ "My peer undermined my team's work by email, and the customer saw it." (or, without clean words for
    the act, a slot for the writer to say it: "my peer [what happened]"; two blind panels found "things have
    become difficult" too vague to act on, and it invented a quarrel where there was none)."""
    p = s.party(inc.actor) if inc is not None else s.party(s.counterpart)
    who = _third(p)
    if inc is None or inc.act not in _FIRST_PERSON_ACT or inc.actor == "narrator":
        if serious:  # "things have become difficult" of serious conduct makes it smaller than it was
            return f"{capitalise(who)} {SLOT_EVENT}, and it is serious enough that I need to report it."
        return f"{capitalise(who)} {SLOT_EVENT}."
    seen = {"large_group": f", and about {inc.audience.size} people saw it" if inc.audience.size
            else ", and a wide group saw it", "external": ", and the customer saw it",
            "team": ", and the team saw it"}.get(inc.audience.kind, "")
    channel = "" if handset_only(inc) else _CHANNEL.get(inc.channel, "")
    return capitalise(f"{who} {_FIRST_PERSON_ACT[inc.act]}{channel}{seen}.")


#: Someone else's rule-breaking the writer saw signs of, said the same whether or not it was done to them.
_RULES_BROKEN_SEEN = "I have seen signs that {who} is breaking the rules, and I believe it needs to be looked into."
#: Serious conduct named plainly for a formal note, by the kind the conduct rules found (``extract.conduct``), most
#: telling first: "was aggressive towards me" of a hand on the writer's hip made it smaller and wrong (red team 23).
_CONDUCT_SAID = (("unwanted_sexual", "{who} has {sexual}, and I did not want it."),
                 ("physical_intimidation", "{who} has been physically intimidating towards me."),
                 ("menacing_words", "{who} has threatened me."),
                 ("identity_remarks", "{who} has made remarks aimed at who I am."),
                 ("unlawful_pressure", "{who} has pressed me to do something I believe breaks the rules."),
                 ("rules_broken", _RULES_BROKEN_SEEN))
_SEEN_INTIMIDATE = "I saw {who} physically intimidate {whom}."
#: ... where what the writer saw was force used on the person (red team 40: a head chef's shove, told as
#: "physically intimidate").
_SEEN_FORCE = "I saw {who} use physical force against {whom}."
_FORCE = re.compile(r"\b(?:shov|push|punch|hit|slap|kick|grab|headbutt|chok|strangl|thr[eo]w|elbow|smack|thump|"
                    r"drag|yank|twist|pinn?)\w*", re.IGNORECASE)
#: The same, seen done to someone else.
_CONDUCT_SEEN = (("unwanted_sexual", "I saw {who} behave towards {whom} in a sexual way they did not want."),
                 ("physical_intimidation", _SEEN_INTIMIDATE),
                 ("menacing_words", "I heard {who} threaten {whom}."),
                 ("identity_remarks", "I have seen {who} mock {whom} for who they are."),
                 ("unlawful_pressure", "I have seen {who} do something I believe breaks the rules."),
                 ("rules_broken", _RULES_BROKEN_SEEN))
#: Said after it, where the writer was also punished for speaking up.
_PAYBACK_SAID = " Since I spoke up, I have been treated worse."


def _conduct_named(f: _Facts) -> str | None:
    """The serious conduct done to the writer, in plain words, with who did it; None when it is not serious or the
    conduct rules named no kind (then the incident's own words, or a slot, are used)."""
    if not f.serious or not f.conduct:
        return None
    payback = "punishment_for_speaking" in f.conduct
    if (teller := _the_other_side_told_it(f)) is not None:
        # the one read as the other side is the one who told the writer of it (red team 60: a graduate who told her
        # lead of a senior's remarks was written up as the one who made them): no one is named as the doer
        done = next((text for kind, text in _CONDUCT_TOLD if kind in f.conduct),
                    "treated them in a way they did not want")
        return f"{teller} has told me that a colleague has {done}."
    if f.witnessed and (told := _told_by_another(f, heard=True)) is not None:
        return told  # told to the writer, not seen ("Priti told me privately that Callum…")
    if f.witnessed:  # what the writer saw done to someone else, never "towards me"
        seen = next((text for kind, text in _CONDUCT_SEEN if kind in f.conduct), None)
        if seen is None:
            return f"I have seen {_third(f.cp)} treat a colleague worse since they spoke up." if payback else None
        if seen == _SEEN_INTIMIDATE and _FORCE.search(" ".join(e.text for e in f.s.witnessed)):
            seen = _SEEN_FORCE  # a shove that put a man's head against a handle is more than intimidation
        return seen.format(who=_third(f.cp), whom=_seen_done_to(f))
    if (told := _told_by_another(f)) is not None:
        return told
    said = next((text for kind, text in _CONDUCT_SAID if kind in f.conduct), None)
    if said is None:
        return capitalise(_agree(f"{_third(f.cp)} has treated me worse since I spoke up.")) if payback else None
    return capitalise(_agree(said.format(who=_third(f.cp), sexual=_sexual_conduct(f.s)))) + (
        _PAYBACK_SAID if payback else "")


#: What a colleague told the writer was done to them, by kind: "Maya has told me that Ross has …".
_CONDUCT_TOLD = (("unwanted_sexual", "behaved towards them in a sexual way they did not want"),
                 ("physical_intimidation", "physically intimidated them"),
                 ("menacing_words", "threatened them"),
                 ("identity_remarks", "mocked them for who they are"),
                 ("unlawful_pressure", "pressed them to break the rules"))
_ME_WORDS = re.compile(r"\b(?:me|myself)\b", re.IGNORECASE)  # (not "my": "one of my seniors" is no target)
_THIRD_PERSON = re.compile(r"\b(?:her|him|them|his|their)\b", re.IGNORECASE)
_TOLD_ME = re.compile(r"\b(?:told|tells|telling|came to|comes to|confided in|said to|asked|warned)\s+me\b",
                      re.IGNORECASE)


def _the_other_side_told_it(f: _Facts) -> str | None:
    """The name of the other side when the letter says they told the writer of the conduct ("Priti told me privately
    that…"): then they are the one it was done to, or a witness, and not the one who did it."""
    if f.cp is None:
        return None
    names = _names_of(f.cp)
    said = " ".join(e.text for e in (*f.s.witnessed, *f.s.what_happened))
    for name in names:
        if re.search(rf"\b{re.escape(name)}\b,?\s+(?:has\s+|had\s+)?(?:told|tells|came to|confided in|messaged)\s+me\b",
                     said):
            return name
    return None


def _told_by_another(f: _Facts, heard: bool = False) -> str | None:
    """The conduct as a colleague told it to the writer, when every sentence that tells it is about someone else
    ("Ross has commented on her body"): a note must not say it was done to the writer (red team 60 found a team
    lead's note say "my report has made sexual remarks to me" of remarks made to a junior). ``heard``: only where
    the letter says it was told to the writer ("told me"), for what was read as seen."""
    told = [e.text for e in f.s.what_happened if lexicon.find_kinds("conduct", tuple(k for k, _ in _CONDUCT_TOLD),
                                                                    e.text)]
    if heard and not any(_TOLD_ME.search(t) for t in told):
        return None
    told = [_TOLD_ME.sub("", t) for t in told]  # ("Maya told me privately that…": the telling, not the conduct)
    if not told or any(_ME_WORDS.search(t) for t in told) or not all(_THIRD_PERSON.search(t) for t in told):
        return None
    done = next((text for kind, text in _CONDUCT_TOLD if kind in f.conduct), None)
    cp_id = f.cp.id if f.cp is not None else None
    teller = next((n for p in f.s.parties if p.id != cp_id and p.role not in ("manager", "skip_level", "hr")
                   for n in _names_of(p)), None)
    if done is None or teller is None:
        return None
    return capitalise(_agree(f"{teller} has told me that {_third(f.cp)} has {done}."))


def _seen_done_to(f: _Facts) -> str:
    """Who the writer saw it done to, by the name the letter gives in the words of what they saw ("Kian", a pupil);
    else "a colleague" (red team 38 found a child called a colleague)."""
    seen = f.s.witnessed[:1]
    cp_id = f.cp.id if f.cp is not None else None
    for p in f.s.parties:
        names = [e.text for e in p.evidence if e.text[:1].isupper() and " " not in e.text.strip()
                 and any(e.start < w.end and w.start < e.end for w in seen)]
        if p.id != cp_id and p.role not in ("manager", "skip_level", "hr") and names:
            return names[0]
    return "a colleague"


#: "the consultants has", "the senior engineers has been": a group named by a plural takes "have".
_PLURAL_HAS = re.compile(r"^((?:the|my|our|some of the|two of the) [a-z][a-z -]*?[a-rt-z]s) has\b", re.IGNORECASE)


def _agree(line: str) -> str:
    """The verb agreeing with a plural subject: "the consultants have made…", not "has"."""
    return _PLURAL_HAS.sub(r"\1 have", line)


#: Touching in the writer's words ("he put his hand on my waist", "she grabbed my arm"), and remarks or messages.
_TOUCHED = re.compile(rf"\b({TOUCHING}|patt?(ed|ing|s)?|hand on|hands on|arm around|arm round)\b", re.IGNORECASE)
_SAID_SEXUAL = re.compile(r"\b(said|says|saying|remark\w*|comment\w*|jok\w*|text\w*|messag\w*|ask\w*|call\w*|"
                          r"told|tells|whisper\w*|email\w*|sent|photos?|pictures?)\b", re.IGNORECASE)


def _sexual_conduct(s: Situation) -> str:
    """What unwanted sexual conduct was, as the conduct rules' own words in the writer's sentences tell it (a kiss,
    touching, remarks, or both), else as the writer's sentences about what was done to them; a formal note that says
    "touched me or made remarks" leaves the reader to guess (a red team found it said for a woman who was never
    touched), and any speech verb in a sentence is no remark (red team 30: a contract threat in an email, beside an
    attempted kiss, became "made sexual remarks")."""
    sentences = [e.text for e in s.what_happened]
    found = [(text, lexicon.find_kinds("conduct", ("unwanted_sexual",), text)) for text in sentences]
    hits = [text[h.start:h.end] for text, found_in in found for h in found_in]
    hit_sentences = [text for text, found_in in found if found_in]  # the whole sentences, where pictures are named
    told = " ".join(hits) if hits else " ".join(
        [e.text for e in [*s.acts_on_writer, *s.what_happened]] + [i.summary for i in s.incidents if i.actor != "narrator"])
    about = _REMARKS_ABOUT.search(" ".join(sentences) if hits else told)
    if hits and all(_LATE_NIGHT.search(h) for h in hits) and not _SEXUAL_WORDS.search(" ".join(hit_sentences)):
        # late-night messages alone are not remarks of a sexual kind (red team 62: a volunteer followed home and
        # messaged at night was given a complaint saying "made sexual remarks to me")
        return "messaged me late at night"
    if hits and _KISS.search(told):
        tried = any(_TRIED_TO_KISS.search(text) for text in sentences)
        return "tried to kiss me" if tried else "kissed me"
    if _PICTURES.search(" ".join(hit_sentences) or told) and not _TOUCHED.search(told):
        # pictures sent are not remarks (red team 49: "it's not like he said anything rude" was reported to HR as
        # "made sexual remarks to me")
        return "sent me intimate pictures"
    touched, said = bool(_TOUCHED.search(told)), bool(_SAID_SEXUAL.search(told) or about)
    # Remarks about the writer's weight or looks are named as what they were about, not as "sexual remarks" (a red
    # team found a manager's jibes about a woman's weight reported to HR as sexual remarks).
    remarks = f"made remarks about {about.group(2).lower()} {about.group(3).lower()}" if about else \
        "made sexual remarks to me"
    if touched and said:
        return f"touched me and {remarks}"
    if touched:
        return "touched me"
    if said:
        return remarks
    return "behaved towards me in a sexual way"


_KISS = re.compile(r"\bkiss", re.IGNORECASE)
#: The conduct rules' words for messages or calls at night ("messages me late at night", "late-night texts").
_LATE_NIGHT = re.compile(r"\blate(?:-| )night\b|\blate at night\b|\bafter midnight\b|\b(?:at|after) (?:1[012]|[1-4])"
                         r"(?::\d\d)? ?(?:pm|am)\b", re.IGNORECASE)
#: Words that make such messages sexual in the writer's sentence.
_SEXUAL_WORDS = re.compile(r"\b(?:sex\w*|body|boobs|legs|bum|naked|nude|hot|sexy|wearing|bed|kiss\w*|date|boyfriend|"
                           r"girlfriend|lonely|miss(?:es|ed)? (?:me|you)|love)\b", re.IGNORECASE)
_PICTURES = re.compile(r"\b(?:photos?|pictures?|pics?|selfies?|images?|nudes?)\b", re.IGNORECASE)
_TRIED_TO_KISS = re.compile(r"\b(tried|try|trying|tries|attempted|went) (to|in for a) kiss", re.IGNORECASE)


#: Remarks about a part of the writer or how they look: "comments about my weight", "jokes about my body".
_REMARKS_ABOUT = re.compile(r"\b(comments?|remarks?|jokes?|digs?)\b[^.?!]{0,50}?\b(?:about|on) (my|our) (weight|bod(?:y|ies)|"
                            r"figures?|looks|appearance|clothes|outfits?|hair|legs|chests?|breasts|bum|backside|size|shape|"
                            r"lips)\b",
                            re.IGNORECASE)


def apologised_by(s: Situation, who: str | None) -> bool:
    """Whether the letter says ``who`` (a party id) apologised, privately or in front of others."""
    return any(r.kind in ("apology", "public_apology") and r.by == who for r in s.responses)


class _Facts:
    """What the scripts need to know, read once from the situation and the signals."""

    def __init__(self, s: Situation, sig: dict[str, Signal], own_part: bool, serious: bool = False,
                 raised: bool = False, mainly_theirs: bool = False, conduct: tuple[str, ...] = (),
                 fault_in_doubt: bool = False, mild: bool = False) -> None:
        self.s = s
        self.mild = mild  # friction, not misconduct: the words ask for a way that suits both, never that it stop
        self.fault_in_doubt = fault_in_doubt  # a "you caused it" reading too weak to act on, but there
        self.witnessed = bool(s.witnessed)  # done to someone else, in front of the writer
        self.serious = serious
        self.conduct = conduct
        self.sig = sig
        self.own_part = own_part
        self.mainly_theirs = mainly_theirs  # the writer mainly caused it: an apology without "partly"
        self.cp = s.party(s.counterpart)
        self.inc = told_incident(s)
        # The act in the writer's words, to them and of them (for a note to someone else), read once for all scripts.
        said_to_them = _retold(s, serious, retold_to_them)
        self.retold = to_their_face(said_to_them) if said_to_them is not None else None
        who = _third(self.cp)
        of_them = _retold(s, serious, lambda sent, names: _about(retold_about_them(sent, names, who), who))
        self.retold_event = capitalise(who + of_them) + "." if of_them is not None else None
        self.apologised = "narrator_apologized" in sig or any(a.kind == "apology" for a in s.attempts)
        # Thanks go only to the person who apologised: the script is addressed to the other side, and an
        # apology from someone else (a director's "my bad") is not theirs to be thanked for.
        self.they_apologised = apologised_by(s, s.counterpart)
        tried = [_TRIED[a.kind] for a in s.attempts if a.kind in _TRIED and a.kind != "apology"]
        self.tried = join_words(list(dict.fromkeys(tried))[:2])  # only what the letter says was tried
        # Raised with them already: an attempt the rules found, or the factor reader's reading (``raised``), which
        # also hears "I sat down with her in January" that no attempt phrase lists.
        self.raised_with_them = raised or any(a.kind in ("feedback", "asked") for a in s.attempts)
        # Raised with them and still happening: the next talk is a second one, and its words say so.
        # Not where the writer has a part in it (own_part): "it is still happening" before "I know what I did made
        # things harder for you" turns their apology into a grievance (red team 35).
        # Nor where the letter says it has calmed down ("now she's pleasant"): nothing is "still happening".
        self.second_talk = self.raised_with_them and "recurring" in sig and not own_part and not s.pattern.settled
        # What happened, in the writer's own sentences, for the formal notes (``advise.told``).
        self.told_lines = [as_note_line(e.text) for e in s.what_happened]
        self.fixed = any(a.kind == "fix" for a in s.attempts)
        self.told = any(a.kind == "feedback" for a in s.attempts)

    @property
    def audience_saw(self) -> bool:
        order = ("team", "large_group", "external")
        return (any(i.audience.kind in order for i in self.s.incidents)
                or "public_exposure" in self.sig or "external_exposure" in self.sig)

    @property
    def large_audience(self) -> bool:
        return any(i.audience.kind == "large_group" for i in self.s.incidents)


#: Absolutes that turn what happened into a charge when said to the person ("you criticise me constantly"): a talk
#: states what happened and leaves "always" out (a blind panel found such lines blunt and accusatory). A note to a
#: manager or HR keeps them: there they report how often.
_ABSOLUTES = re.compile(r",?\s+\b(?:constantly|always|continually|continuously|forever|endlessly|non-?stop|"
                        r"all the time|every single time|at every turn)\b", re.IGNORECASE)


#: A clause that tells a leaving-out: said to them as "we seem to be working together less", not as a charge.
_LEAVING_OUT = re.compile(r"\b(?:leav\w* (?:me|us) out|left (?:me|us) out|ignor\w*|invit\w*|exclud\w*|cold|distant|"
                          r"stopp?\w* (?:talking|speaking|inviting|including|saying)|lunch\w*|silent|silence|froze|"
                          r"freez\w*|avoid\w*|cut (?:me|us) out)\b", re.IGNORECASE)


def to_their_face(clause: str) -> str:
    """The clause as said to the other side: without absolutes ("you criticise me constantly": "you criticise me")."""
    return re.sub(r"\s{2,}", " ", _ABSOLUTES.sub("", clause)).strip()


#: A clause that sums a person up rather than telling an act ("you never stop talking", "you treat me like your best
#: friend"): said to their face it is a charge against who they are, so a plain topic is said instead where one fits.
_SWEEPING = re.compile(r"\b(?:never|always|constantly|continually|all the time|"
                       r"every (?:single )?(?:day|time|hour|minute|morning|shift|meeting|email|thing)|"
                       r"non-?stop|like (?:your|her|his|their|a) )\b", re.IGNORECASE)


#: Below this strength the other side's apology has been followed by the same again (``assess``: 0.3).
APOLOGY_KEPT = 0.5


def _opening(f: _Facts, data: dict) -> tuple[list[str], str]:
    """The middle lines of a one-to-one opener, and the one request."""
    lines: list[str] = []
    if f.they_apologised:
        repair = f.sig.get("repair_offered")
        # an apology followed by the same again is no longer thanked for (red team 47: an au pair caught on her phone
        # at the wheel a third time was thanked for her apology)
        lines.append("You said sorry last time, and I took you at your word, but it has happened again."
                     if repair is not None and repair.strength < APOLOGY_KEPT else
                     "Thanks for the apology; it meant a lot to me.")
    if f.own_part:
        sorry = "and I'm sorry again for that" if f.apologised else "and I'm sorry for it"
        # (never "the mistake on our side": a red team found it for an insult the writer alone had made)
        mine = "what I did" if own_incident(f.s) or f.mainly_theirs else "my part in what happened"
        lines.append(f"I know {mine} made things harder for you, {sorry}.")
        if f.mainly_theirs:  # the writer mainly caused it: no grievance of theirs in the same breath
            return lines, "we find a way to work well together again"
    if f.s.wanted == COVER_ASK:  # asked to log them in or cover for them: the no itself, with its reason
        lines.append("I can't keep logging you in or covering for you: it's my login and my word on the record.")
        return lines, f.s.wanted
    act = f.inc.act if f.inc else None
    you_did = data["you_did"].get(act) if act else None
    retold = f.retold
    said_topic = None if f.serious or f.own_part else topic_to(f.s.said_topics, f.cp.role if f.cp else None)
    if said_topic is not None and (retold is None or _SWEEPING.search(retold)):
        # Friction the writer's words name plainly (chatting, noise, help asked for), where the clause of theirs
        # sums the person up or there is none: said as the topic, in our words, not as their complaint pasted back
        # ("It's been bothering me that you never stop talking", which blind panel 46 found would hurt a colleague
        # the writer wanted to spare).
        small = " It's only a small thing." if f.mild and _friction(f) else ""
        lines.append(f"It's about {said_topic['say']}.{small}")
        return lines, f.s.wanted or said_topic.get("ask") or _ask_by_line(f.cp)
    # A clause about being left out is said softly instead (below); any other clause of theirs is said as it is, even
    # where "ignores me" made the act a leaving-out ("keeps booking the only meeting room" had become "we seem to be
    # working together less").
    if retold is not None and not (act == "exclude" and _LEAVING_OUT.search(retold)):
        lines.append(f"When {retold}, {_impact(f.inc)}." if in_the_past(retold)
                     else f"It's been bothering me that {retold}.")
        # To someone above the writer, "I'm asking that this stop" is an order; ask for a shared way instead.
        above = f.cp is not None and f.cp.role in ("manager", "skip_level")
        # To a report whose work is the trouble, "I'm asking that this stop" of "you make the same mistakes over and
        # over" asks for nothing they can do; ask for the standard and a check on it.
        their_work = f.cp is not None and f.cp.role == "direct_report" and _ABOUT_THE_WORK.search(retold)
        ask = f.s.wanted or ("we agree a way of working on this that suits us both" if above else
                             WORK_ASK if their_work else MILD_ASK if f.mild else _stop_ask(f))
    elif act == "exclude" or (you_did is None and "distance" in f.sig):
        lines.append("Lately we seem to be working together less, and I value how well we used to work together.")
        ask = data["asks"]["exclude"]
    elif you_did and not f.fault_in_doubt:
        # (not where the writer may well have caused it: a stock "When you asked me for work outside working hours"
        # was put in the mouth of a writer whose own untested change a colleague spent his night on call fixing)
        channel = _CHANNEL.get(f.inc.channel, "") if f.inc and f.inc.channel not in you_did \
            and not handset_only(f.inc) else ""
        lines.append(f"When {you_did}{channel}{_seen_by(f.inc)}, {_impact(f.inc)}.")
        ask = f.s.wanted or data["asks"].get(act, "we talk things through directly first")
    elif f.own_part:  # their side of it is not the point: hear how it landed
        lines.append("I'd like to hear how it landed for you.")
        ask = "you tell me straight away if anything I do gets in your way"
    else:  # no clean words for the act: the letter's plain theme, else a slot for the writer, never an invented
        # quarrel (two blind panels found "something has been getting in the way between us" fitted nothing)
        theme = _theme_topic(f.s, f.cp)
        said = None if theme else topic_to(f.s.said_topics, f.cp.role if f.cp is not None else None)
        lines.append(f"It's about {theme or (said or {}).get('say') or SLOT_EVENT}. I'd rather we sorted it out "
                     "between us.")
        ask = f.s.wanted or (said or {}).get("ask") or _ask_by_line(f.cp)
    return lines, ask


#: A limit's ask as a question in a talk ("From now on, could …?"): "could this stop?" asks for nothing shared.
_TALK_ASK = {"this stop": "we find a better way to handle this",
             "this not happen again": "we agree it won't happen again"}


def _stop_ask(f: _Facts, it: str = "this") -> str:
    """What a limit asks of a harm: that it stop, where it keeps happening; that it not happen again, where it
    happened once (blind panel 48 found "I'm asking that it stop" said of a loan asked for once)."""
    return f"{it} stop" if "recurring" in f.sig else f"{it} not happen again"


#: What a limit asks for when the trouble is friction, not misconduct: "I'm asking that it stop" said of loud
#: chewing or slow replies reads as an order (red team 38).
MILD_ASK = "we find a way of handling this that works for both of us"


#: What a report is asked for when their work is the trouble: the standard, and a regular look at it together.
WORK_ASK = "we agree what a good job looks like here, and go through it together each week"
#: A clause about a report's work rather than their conduct towards anyone.
_ABOUT_THE_WORK = re.compile(r"\b(?:mistakes?|errors?|deadlines?|late|miss(?:es|ed|ing)?|forg[eo]t\w*|targets?|"
                             r"quality|sloppy|careless|checks?|tasks?|paperwork|orders?|reports?|figures|numbers)\b",
                             re.IGNORECASE)


def _theme_topic(s: Situation, cp: Party | None) -> str | None:
    """What the talk is about when the act has no clean words: the first theme of the letter that has a topic
    (``scripts.yaml`` ``topics``) sayable to this line ("how credit gets given for the work we do together"); else
    the caller tries a topic found in the writer's own words (``topics_by_words``)."""
    topics = script_data()["topics"]
    role = cp.role if cp is not None else None
    return next((topics[c.kind]["say"] for c in s.themes if c.kind in topics and role in topics[c.kind]["to"]), None)


def _ask_by_line(cp: Party | None) -> str:
    """What to ask for when no act has clean words, by where the other side stands: a report is told what is
    expected and when it will be checked (a manager's no-call no-show was met with "we talk things through directly
    first"), someone above is asked for a shared way of working, anyone else to talk things through first."""
    if cp is not None and cp.role == "direct_report":
        return "you tell me ahead of time whenever something gets in the way of what we have agreed"
    if cp is not None and cp.role in ("manager", "skip_level"):
        return "we agree a way of working on this that suits us both"
    return "we talk things through directly first"


#: A clause in which something is done to them, not by them: "you keep getting put on my shifts" is the rota's doing
#: (blind panel 44: it was said to the aide as a complaint about her).
_DONE_TO_THEM = re.compile(r"\b(?:get|gets|got|getting|gotten) (?:put|moved|assigned|scheduled|rostered|placed|sent|"
                           r"given|paired|told|asked|promoted|hired|picked|chosen)\b", re.IGNORECASE)


def _retold(s: Situation, serious: bool, say_it) -> str | None:
    """The other side's act in the writer's own clause, said by ``say_it(sentence, names)`` (to them: "you keep
    parking in my spot"; of them: "my peer keeps parking in my spot"), or None: from the sentence of the act the
    reading found, else from the sentences in which they do something to the writer (``acts_on_writer``). The
    found act is said back only where its clause has the writer in it ("she was complaining about something" is
    not done to them); the ``acts_on_writer`` sentences were chosen as complaints. Never with serious conduct: a
    note to HR that says "my peer texted me" of a hand up a skirt makes it smaller than it was (a red team found
    it); the stock line says it must be reported."""
    cp = s.party(s.counterpart)
    if cp is None or s.between_others or serious:
        return None
    names = names_to_find(cp.mentions)
    inc = widest(s, s.counterpart)  # whatever its target: the clause must name the writer
    found = [inc.summary] if inc is not None and inc.actor != "narrator" else []
    for sent in found:
        said = say_it(sent, names)
        if said is not None and _FIRST_PERSON.search(said) and not _NO_OFFENCE.match(said) \
                and not _DONE_TO_THEM.search(said):
            return said
    # A plain deed done to the writer is retold only where the reading found something wrong in it (an act, a
    # theme or the writer's feelings): "my supervisor gave me an instruction" is not a complaint (a blind panel
    # quoted "When you gave me an instruction, it stayed with me").
    for act in s.acts_on_writer[:3]:
        said = say_it(act.text, names)
        if said is not None and not _NO_OFFENCE.match(said) and not _DONE_TO_THEM.search(said) \
                and (not _NEUTRAL_DEED.match(said) or _something_wrong_in(s, act)):
            return said
    return None


def _something_wrong_in(s: Situation, span: Evidence) -> bool:
    """Whether the reading found an act, a theme or a feeling of the writer's within ``span``."""
    return any(e.start < span.end and span.start < e.end for c in (*s.incidents, *s.themes, *s.emotions)
               for e in c.evidence)


#: Deeds that are no complaint in themselves ("you gave me an instruction", "you sent me the rota"): retold only
#: where the reading found something wrong in the same sentence ("you sent me a threatening message").
_NEUTRAL_DEED = re.compile(r"^\s*(?:you\s+)?(?:\w+ly\s+)?(?:gave|give|gives|handed|assigned|offered|sent|send|sends|"
                           r"showed|paid|hired|promoted|invited|emailed|called|texted|asked me to)\b", re.I)
#: Deeds that are never a complaint, whatever the sentence around them holds: "you applied for my job" (red team 51: a
#: manager's feedback opened with it, as if applying were the offence).
_NO_OFFENCE = re.compile(r"^\s*(?:you\s+)?(?:\w+ly\s+)?(?:applied|applies|apply|interviewed|went for|were promoted|"
                         r"got promoted|got the (?:job|role|promotion))\b", re.I)


#: The writer in a clause said back to the other side: "me", "my", and "our" of a shared task ("you keep missing our
#: shift handovers"), not of a person ("you told our manager", which is no grievance in itself).
_FIRST_PERSON = re.compile(r"\b(me|my|us|mine)\b|\bour\b(?!\s+(?:[\w-]+\s+)?(?:manager|boss|supervisor|team ?lead|"
                           r"director|owner|ceo|hr|colleagues?|co-?workers?|clients?|customers?)\b)", re.IGNORECASE)


def _sender(f: _Facts) -> str | None:
    """Who sent the message a wide group saw (for a note to the sender): the counterpart unless someone else did."""
    wide = [i for i in f.s.incidents if i.audience.kind == "large_group" and i.actor not in ("narrator", "unknown")]
    return wide[0].actor if wide else f.s.counterpart


def _saying_no_up(f: _Facts) -> bool:
    """The writer wants words to say no, or to ask, to someone senior to them (red team 51: a first-year told to say
    "If it happens again, I'll take it further" to the senior partner who hands out the good cases)."""
    senior = f.cp is not None and (f.cp.role in ("manager", "skip_level") or f.cp.id.startswith(("skip_level",
                                                                                                   "senior_manager")))
    return senior and f.s.asking is not None and f.s.asking.kind in ("decline", "request")


def _fill(kind: str, f: _Facts, data: dict) -> str:
    spec = data["scripts"][kind]
    addressee = _sender(f) if kind == "sender_note" else _asker(f.s) if kind == "ask_decline" else f.s.counterpart
    name = _name(f.s, addressee)
    sender_apologised = apologised_by(f.s, addressee)
    opening, ask = _opening(f, data)
    role = f.cp.role if f.cp else "other"
    own = own_incident(f.s)
    to_them = own is not None and own.target in (None, addressee)
    own_event = (f"{_OWN_ACT[own.act]}, and that was on me; I'm sorry for the trouble it caused you."
                 if own is not None and own.act in _OWN_ACT and to_them
                 # the writer's own remark, named by where it was said (red team 50: "What happened was partly on
                 # me" for a put-down the writer had quoted and called out of order)
                 else f"{what_i_said(f.s.own_remark[0].text)} was out of order, and I'm sorry for it."
                 if own is None and f.s.own_remark and f.mainly_theirs
                 else f"What happened was {'' if f.mainly_theirs else 'partly '}on me, and I'm sorry for the trouble it "
                 "caused you.")
    message = "email" if f.inc is not None and f.inc.channel == "email" else "message"
    boss_is_them = role in ("manager", "skip_level")
    manager = f.s.parties_with_role("manager")
    reports = f.s.parties_with_role("direct_report")
    external = any(i.audience.kind == "external" for i in f.s.incidents) or "external_exposure" in f.sig
    event = f.retold_event or _conduct_named(f) or _first_person_event(f.s, f.inc, f.serious)
    told = f.told_lines
    if SLOT_EVENT in event and told:  # no clean words for the act: the writer's own first sentence of it
        event, told = in_short(told[0]), told[1:]
    else:
        event = _lower_unless_named(event, f.cp, f.s.parties)
    details = _details(told) if f.told_lines else f"The details: {SLOT_DETAILS}."
    need = _need_for(f.sig)
    values = {
        "name": name,
        "opening": f'"{" ".join(opening)}"',
        "ask": ask,
        # A private talk asks for a shared way; "could this stop?" is a limit, said before hearing their side.
        "talk_ask": _TALK_ASK.get(ask, ask),
        "event_line": opening[-1],
        # A limit asks for something to stop: where the act is the writer's to fill in, that it stop, never "that we talk
        # things through directly first", which asks a peer for nothing (red team 32).
        "limit_ask": (MILD_ASK if f.mild else _stop_ask(f, "it")) if SLOT_EVENT in opening[-1]
        and ask == _ask_by_line(None) else ask,
        "counterpart_third": _third(f.cp),
        "grievance_line": (f" Separately, I want to report how {_third(f.cp)} treated a colleague in front of me, and to "
                           "know how that will be handled." if f.serious and f.cp is not None and f.witnessed else
                           f" Separately, I want to raise a formal concern about how I have been treated by {_third(f.cp)},"
                           " and to know how that will be handled." if f.serious and f.cp is not None else ""),
        # Serious conduct is not "a working issue" (red team 30 found it said of a grab that left a bruise).
        "manager_ask": (f"I need to tell you about something serious involving {_to_manager(f.cp, role)}, and I'd like "
                        "your help." if f.serious else
                        f"I'd like your advice on a working issue with {_to_manager(f.cp, role)}."),
        "their_manager_name": their_managers_name(f.s),
        "their_manager_ask": (f"I need to tell you how {_third(f.cp)} treated a colleague, which I saw, and I'd like "
                              "your help." if f.witnessed else
                              f"I no longer work with {_third(f.cp)}, but I'd like you to know how I have been "
                              "treated since I left." if "already_left" in f.sig else
                              f"I need to tell you how {_third(f.cp)} has treated me, and I'd like your help." if f.serious
                              else f"I'd like your help with how {_third(f.cp)} and I work together."),
        # someone outside the lines is named as the letter names them ("the way Hemi handled it"), never "them"
        "counterpart_to_report": _TO_REPORT.get(role) or _named_or(f, "the other person"),
        "counterpart_to_manager": _to_manager(f.cp, role),
        "event_first_person": event,
        "tried_line": f" I have already {f.tried}." if f.tried else "",
        "take_it_to": " with HR" if boss_is_them else (" with my manager" if manager else ""),
        # A warning only where it keeps happening and was already raised with them, or is more than friction:
        # after a single slip, or in a first talk about a small habit, it reads as a threat (a blind panel named
        # it in a cooling friendship and an over-friendly colleague).
        "boundary_close": ('"If it happens again, I\'ll take it further'
                           + (" with HR" if boss_is_them else (" with my manager" if manager else "")) + '."'
                           if "recurring" in f.sig and (f.raised_with_them or "severity" in f.sig) and not _saying_no_up(f)
                           else '"Thanks for hearing me out. I\'d like us to get this right."'),
        "coach_topic": ("what happened with the customer" if external else "what happened recently, and how we "
                        "handle it from here"),
        "message": message,
        # A second talk says so: words for a first talk, after one that did not work, ignore what was tried
        # (a blind panel named advice that "repeats the private talk she already tried").
        "again_line": " We talked about this before, and it is still happening." if f.second_talk else "",
        "listen_line": _listen_line(f),
        "opener_reason": ("I'd like to come back to what we talked about before, because it is still happening."
                          if f.second_talk else "There's something I'd like to talk through with you."),
        "sender_line": _sender_line(f, message, sender_apologised),
        # Someone who has left asks for a record and an answer, not for protection in a job they no longer have.
        "hr_close": ("I no longer work there, but I'd like this on record. Could you tell me how it will be handled, "
                     "and who I should deal with from now on?" if "already_left" in f.sig else
                     # A manager reporting someone they manage has the authority: no plea for their own protection
                     # (red team 33 found it at the end of a team leader's note about one report threatening another).
                     "Could you tell me how this will be handled, and how we keep everyone involved safe in the "
                     "meantime?" if role == "direct_report" else
                     "Could you tell me how this will be handled, and what protects me from any repercussions for "
                     "raising it?"),
        "need_for": need,
        "offer": ("I can give you the dates and hours involved." if need in ("caring for a family member",
                  "my parental leave", "caring for my child") else "I can share a note from my doctor or specialist "
                  "if that helps."),
        "asked_line": (f"I asked {_third(f.cp) if f.cp is not None and role in ('manager', 'skip_level') else 'my manager'}"
                       f" for {SLOT_ASKED}, and it was refused. " if f.raised_with_them else
                       f"What I need is {SLOT_NEED}. "),
        "request_close": (f"I'd also like on record how I have been treated since I asked: {SLOT_DETAILS}. What "
                          "protects me from any repercussions for raising it?" if f.raised_with_them and f.serious
                          else "Thank you; I'm happy to talk it through."),
        "details_line": details,
        # Serious conduct is said in the stock words (never retold smaller), so the writer adds what happened.
        "serious_details": f" {details}" if f.serious else "",
        # (to the writer's own manager, no line that tells of them by name: "Hi Mr Okafor … - Mr Okafor told me
        # quietly he was told to keep out of it", red team 65)
        "manager_details": _spaced(_details(_not_naming(told, manager)) if f.told_lines else details)
        if f.serious else "",
        "notes_line": ("I have kept dated notes and can share them." if any(a.kind == "documented" for a in f.s.attempts)
                       else "I can put the rest in writing and share it."),
        "put_right": ", and that what went wrong has been put right" if f.fixed else "",
        "report_fix": ("You've already put things right with the customer, and that's what matters. "
                       if f.fixed and external else ""),
        "report_name": _name(f.s, reports[0].id) if reports else SLOT_NAME,
        "other_report": _other_report(f.s, addressee),
        "customer_line": "; and check anything sensitive that goes to a customer with me first" if external else "",
        # who may come to the report next: "someone from another team" only where the other side is one
        "concern_from": _CONCERN_FROM.get(role, "anyone else"),
        "told": ", and I've told them so" if f.told else "",
        "own_event": own_event,
        "fix": ("I've put a fix in place so it does not happen again." if f.fixed
                else "If there is anything I can do to put it right, please tell me."),
        "manager_name": _name(f.s, manager[0].id) if manager else SLOT_NAME,
        "pattern_line": (" It has happened more than once." if "recurring" in f.sig else ""),
        "manager_close": data["closes"]["serious" if f.serious else "manager"],
        "their_manager_close": data["closes"]["serious" if f.serious else "their_manager"],
    }
    if f.s.asking is not None:
        values.update(_ask_lines(f.s.asking))
    greeted = values["manager_name"] if kind == "manager_note" else values["their_manager_name"] \
        if kind == "their_manager_note" else None
    named = re.compile(rf"\b{re.escape(greeted)}\b") if greeted not in (None, SLOT_NAME, SLOT_THEIR_MANAGER) else None
    if named is not None and named.search(values["event_first_person"]):
        # The note is to the person the writer's sentence speaks of ("my boss, Linda, clearly rates him", sent to
        # Linda): another sentence of what happened, or the slot (red team 32).
        others = [t for t in f.told_lines if not named.search(t)
                  and not _WHAT_SOMEONE_SAID.match(t)]  # ("She said…" may be their own words)
        values["event_first_person"] = others[0] if others else f"{_third(f.cp)} {SLOT_EVENT}."
    if kind in _NOTES_ABOUT_THEM and (name := _name_of(f.cp)) is not None and name != greeted:
        # a note to someone else names the person once, beside how the writer knows them: "my manager (Craig) has
        # touched me", so HR knows whom it is about (a blind panel found the notes said only "he")
        values["event_first_person"] = _named_once(values["event_first_person"], _third(f.cp), name)
    if f.s.between_others:  # the quarrel is between the writer's people: every note says so, not "my report and me"
        values.update(counterpart_third="two of my people", counterpart_to_manager="two of my people",
                      event_first_person="two of the people I manage are in conflict with each other, and it is "
                                         "starting to affect the team.")
    text = re.sub(r"[ \t]*\n[ \t]*", "\n", spec["text"].format(**values)).strip()
    return re.sub(r'(^|\n)"everyone\b', r'\1"Everyone', text)  # a group greeted at the start of a line


#: The notes the writer sends someone else about the other side.
_NOTES_ABOUT_THEM = frozenset({"hr_note", "manager_note", "their_manager_note"})
#: A mention that is a person's name ("Craig", "Mrs Barker"), not a title or a pronoun.
_A_NAME = re.compile(r"(?:(?:Mr|Mrs|Ms|Miss|Dr)\.? )?[A-Z][a-z]+(?:[- ][A-Z][a-z]+)?")


def _name_of(p: Party | None) -> str | None:
    """The other side's name, where the letter gives one and the party is not known by it alone."""
    if p is None or any(p.label == m for m in p.mentions):
        return None  # (known as "Kofi": "Kofi" already names them)
    return next((m for m in p.mentions if _A_NAME.fullmatch(m) and m.lower() not in _NOT_A_NAME), None)


#: Capitalised words a mention may be that name no one: the start of a sentence's pronoun, a team.
_NOT_A_NAME = frozenset({"he", "she", "they", "him", "her", "them", "his", "hers", "their", "everyone", "management",
                         "hr", "it"})


def _named_once(line: str, who: str, name: str) -> str:
    """``line`` with the first "my manager" said as "my manager (Craig)"; unchanged if the name is already in it."""
    if name in line:
        return line
    at = line.lower().find(who.lower())
    return line if at < 0 else f"{line[:at + len(who)]} ({name}){line[at + len(who):]}"


#: A sentence that reports what someone said to the writer: in a note it may be the addressee's own words.
_WHAT_SOMEONE_SAID = re.compile(r"^(?:and |but |then )?(?:she|he|they) (?:said|told|replied|answered|says|tells)\b",
                                re.IGNORECASE)


def _asker(s: Situation) -> str | None:
    """Who a refusal answers: the party named in the words before "asked me to" ("My lovely team lead asked me to
    mentor the new starter": the lead, not the starter the reading may take for the other side)."""
    said = (s.asking.asked_by or "").lower() if s.asking else ""
    words = set(re.findall(r"[\w'’-]+", said))
    for p in s.parties:
        if any(m.lower() in said or m.lower() in words for m in p.mentions if len(m) > 3 or m[:1].isupper()):
            return p.id
    return None if said else s.counterpart  # someone the reading has no party for: no name rather than a wrong one


def _asker_label(s: Situation) -> str | None:
    """How the words' heading names who asked, for an asker the reading has no party for ("your lovely team lead")."""
    said = s.asking.asked_by if s.asking else None
    return re.sub(r"^(?:my|our)\b", "your", said, flags=re.IGNORECASE) if said else None


def _ask_lines(ask: Ask) -> dict[str, str]:
    """The lines of words for an ask: the writer's own words where ``advise.asking`` could say them cleanly, else a
    slot for what only the writer knows."""
    wanted = ask.asked_for or SLOT_WANTED
    return {
        "asked_for_line": (f"I'd like {wanted}, because {SLOT_REASON}." if wanted.startswith("to ")
                           else f"I'd like to ask for {wanted}, because {SLOT_REASON}."),
        "reason_line": f"I'm going to say no this time: {capitalise(ask.reason) if ask.reason else SLOT_REASON}.",
        "thanks_line": (f"thank you for asking me to {ask.asked_of_me}; it means a lot that you thought of me."
                        if ask.asked_of_me else f"thank you for thinking of me for {SLOT_WHAT_ASKED}; it means a lot."),
        "offer_line": (f"I'd be glad to {ask.offer}{',' if ',' in ask.offer else ''} instead, if that's useful."
                       if ask.offer else f"I'd be glad to help with {SLOT_SMALLER_PART} instead, if that's useful."),
        # the limit as the writer states it ("I won't…"), or what they would ask of the other person ("could you…")
        "limit_line": (f"{capitalise(ask.limit)}?" if ask.limit and ask.limit.startswith("could you")
                       else f"From next week, I{ask.limit[1:]}." if ask.limit
                       else f"From next week, I'll {SLOT_REACHABLE}."),
    }


def _spaced(text: str) -> str:
    """``text`` after a space, or nothing where it is empty."""
    return f" {text}" if text else ""


def _not_naming(lines: list[str], people: list[Party]) -> list[str]:
    """``lines`` without those that name one of ``people`` by a proper name ("Mr Okafor", "Dana")."""
    names = [n for p in people for n in names_to_find(p.mentions)
             if n[:1].isupper() and not n.lower().startswith("my ")]
    return [t for t in lines if not any(re.search(rf"\b{re.escape(n)}\b", t) for n in names)]


def _details(lines: list[str]) -> str:
    """What happened, as lines of the writer's own sentences (``advise.told``), and a gap for when where none of
    them says; nothing where the one sentence the letter had is already the note's "In short"."""
    if not lines:
        return ""
    when = "" if says_when(lines) else f"\nWhen: {SLOT_WHEN}."
    return "\nWhat happened, in my words:\n" + "\n".join(f"- {line}" for line in lines) + when + "\n"


def _listen_line(f: _Facts) -> str:
    """The line of a private talk that hands it over to the other person, from what the letter says: a writer with a
    part in it says so; a habit is named as one; a working tie the writer wants back says that; otherwise an open
    question. One stock line in every letter read as a template (a blind panel noticed it in five of six)."""
    if f.own_part and f.mainly_theirs:  # it was mostly the writer's doing: no "too", and no asking them to explain
        # (red team 32: "a part too" said to a colleague mocked for her accent, and to one who took the blame for the
        # writer's mistake; the opening has already owned it, so it is not said twice)
        return "I'd like to hear how it was for you, and I'll listen."
    if f.own_part:
        return "I know I played a part in this too. How did it look from your side?"
    if f.second_talk:
        return "What do you think is getting in the way? I'd like to understand it before we agree what happens next."
    if "relationship_goal" in f.sig:
        return "Working well with you matters to me, and I'd like us to get back on track. How do you see it?"
    friction = _friction(f)
    # a way of working raised with the boss: no "Is something going on that I should know about?" to the one who sets
    # the work (blind panel 46)
    if other_side_above(f.s) and not f.serious and topic_to(f.s.said_topics, f.cp.role if f.cp else None):
        return "How do you see it? I'd like to understand what you need from me."
    if friction and "recurring" in f.sig:  # a habit of friction: no "Is something going on…?" to a chatty colleague
        return "You may not have realised how often it happens, so I'd rather say it kindly now."
    if "recurring" in f.sig and any(_HOW_OFTEN.search(e.text) for e in f.sig["recurring"].evidence):
        return ("It's happened a few times now, so I'd rather raise it than let it build up. Is something going on "
                "that I should know about?")
    if f.mild or friction:
        # friction, not a wrong: no "what am I missing?" (red team 60 found it said of speakerphone calls)
        return "You may not have realised, so I'd rather mention it now than let it build up."
    return "How did you see it? I may be missing part of the picture."


def _friction(f: _Facts) -> bool:
    """Whether the writer's own words name friction (``_FRICTION_TOPICS``) and nothing serious was read."""
    return not f.serious and any(c.kind in _FRICTION_TOPICS for c in f.s.said_topics)


#: Topics found in the writer's words (``scripts.yaml`` ``topics_by_words``) that are friction, not a wrong done: a
#: talk about them needs no "I may be missing part of the picture".
_FRICTION_TOPICS = frozenset({"noise", "interrupting", "timekeeping", "help_asked", "chatting", "friendliness",
                              "personal_questions", "personal_space"})
#: Words that say how often ("again", "every week", "keeps"): "It's happened a few times now" is said to someone's face
#: only on those, not on a pattern read from "decides" or "gives" (red team 33).
_HOW_OFTEN = re.compile(r"\b(?:again|every|always|keeps?|kept|times|often|repeatedly|constantly|continually|twice|"
                        r"daily|weekly|whenever|regularly|still|each|anymore|any more|for (?:weeks|months|years))\b",
                        re.IGNORECASE)


def _other_report(s: Situation, addressee: str | None) -> str:
    """The other side of a quarrel between two people the writer manages: named where the letter names them."""
    names = first_names(s, addressee)
    if len(set(names)) > 1:  # "Dana and Priya" read as one party: the second name is the other side
        return next(n for n in names if n != names[0])
    others = [p for p in s.parties if p.id != addressee and p.role in ("direct_report", "peer")]
    return _name(s, others[0].id) if others else "your colleague"


def _sender_line(f: _Facts, message: str, apologised: bool) -> str:
    """The body of a note to whoever sent the message a wide group saw."""
    wide = next((i for i in f.s.incidents if i.audience.kind == "large_group"), None)
    seen = f" to about {wide.audience.size} people" if wide is not None and wide.audience.size else ""
    if apologised:
        return (f"A short note about the {message} that went out{seen}: thanks again for putting it right with "
                "everyone. If anyone asks me about it, I'll say it is settled.")
    return (f"A short note about the {message} that went out{seen}: it did not give the full picture of my part in "
            "it. Could you let the people who received it know?")


def _fits(action: str, kind: str, f: _Facts, avoided: set[str], serious: bool, top: list[str]) -> str | None:
    """The script kind to write for ``action``, or None when no words fit."""
    if action in avoided:
        return None
    if serious and kind in ("opener", "boundary", "agenda"):
        return None
    if kind == "apology" and (not f.own_part or f.apologised):
        return None
    if kind == "email":
        if not f.audience_saw:
            return None
        if f.large_audience or "PUBLIC_CALLOUT" in avoided:
            # Never a mass email while the report warns against one; a note to whoever sent it only when
            # something was sent (a note "about the message that went out" after a meeting asserts a message).
            written = any(i.channel in ("email", "chat") or i.act == "forward" for i in f.s.incidents)
            return "sender_note" if written else None
    if kind == "agenda" and "MEDIATE" not in top:
        return None
    if kind == "manager_note" and f.cp is not None and f.cp.role == "manager":
        # The manager is the other side: a note "to your manager" about them would go to them; it goes a level up.
        return None if "ESCALATE_THEIR_MANAGER" in top else "their_manager_note"
    if f.s.between_others and kind in ("opener", "boundary", "coaching"):
        # The writer manages both sides: a manager's words to each, not one side's to the other; never "I'm not
        # here to decide who is right" about serious conduct (that goes the formal way).
        return None if serious else "between_complaint" if f.s.complaint_between else "between"
    if kind == "coaching":  # feedback when the report is the other side; backing when someone else wronged them
        if f.cp is not None and f.cp.role == "direct_report":
            return "coaching"
        return "backing" if f.s.parties_with_role("direct_report") else None
    return kind


_TO = {"opener": None, "boundary": None, "apology": None, "sender_note": None, "email": "the people who saw it",
       "coaching": None, "backing": "your report", "manager_note": "your manager", "their_manager_note": "their manager",
       "hr_note": "HR", "request_note": "HR", "customer_note": "the customer", "agenda": "you, them and a facilitator",
       "account": "whoever is deciding the review", "process_note": "HR", "ask_request": None, "ask_decline": None,
       "ask_limit": None}


@cache
def script_data() -> dict:
    """knowledge/scripts.yaml, checked against its schema once: a misspelt action or script kind fails here,
    not as words that silently never show."""
    data = load("scripts")
    ScriptFile.model_validate(data)
    return data


def render_scripts(s: Situation, top: Iterable[str] | None = None, sig: dict[str, Signal] | None = None,
                   avoid: list[Avoid] | None = None, own_part: bool | None = None,
                   serious: bool = False, raised: bool = False, mainly_theirs: bool = False,
                   route: RouteSetting | None = None, conduct: tuple[str, ...] = (),
                   fault_in_doubt: bool = False, mild: bool = False) -> list[Script]:
    """The words for the top advice (``top``: action codes, best first; the first three count). ``mainly_theirs``:
    the safety floor reads the writer as mainly at fault, so an apology does not say "partly". ``route``: where
    there is likely no HR department, who a formal note goes to instead (``advise.routes``). ``conduct``: the kinds of
    serious conduct done to the writer (``extract.conduct``), named plainly in a formal note. ``fault_in_doubt``: the
    floor did not act on a "you caused it" reading (``Floor.fault_unsure``), so no stock line says what the other side
    did (the writer's own clause still may). ``mild``: the reading is friction, not misconduct, so a limit asks for a
    way that suits both rather than that something stop. Where the writer saw it
    done to someone else (``s.witnessed``), a note says what they saw, never "how I have been treated". Where the writer's
    conduct is before a review or a disciplinary process (``s.under_review``), a writer with a part to own gets words
    for their account to whoever decides, and nobody gets words for a private talk with the other side."""
    data = script_data()
    sig = sig or {}
    review = bool(s.under_review)
    owner_did_it = bool(owner_is_other_side(s))
    top = list(top or [])[:3]
    avoided = {a.action for a in avoid or []}
    if own_part is None:
        own_part = "narrator_at_fault" in sig and sig["narrator_at_fault"].strength >= 0.8
    f = _Facts(s, sig, own_part, serious, raised, mainly_theirs, conduct, fault_in_doubt, mild and not serious)
    out: list[Script] = []
    # A personal, romantic matter where moving on leads: no words that go back to the person ("I'd like to come
    # back to what we talked about") after they have said no.
    moving_on = "romance" in sig and bool(top) and top[0] == "LET_GO"
    asking = _asks_not_complains(f)
    for action in top:
        kind = data["for_action"].get(action)
        if asking and kind in ("opener", "boundary"):
            kind = f"ask_{s.asking.kind}"  # words for the ask, once, in place of a grievance's opener or limit
        if review and own_part and kind == "apology" and action not in avoided:
            kind = "account"
        elif review and not own_part and kind == "hr_note" and action not in avoided:
            kind = "process_note"  # wronged, and in a disciplinary: the process in writing, not a complaint alone
        elif review and kind in ("opener", "boundary", "coaching", "agenda", "between", "between_complaint"):
            continue  # no words for a private talk with the other side while the process is open
        else:
            kind = _fits(action, kind, f, avoided, serious, top) if kind else None
        if moving_on and kind in ("opener", "boundary", "email"):
            continue
        if s.reply_owed and kind in ("opener", "boundary"):
            kind = "customer_note"  # "How should I reply?" to a customer: a written reply, not a meeting request
        if kind is None or any(x.kind == kind for x in out):
            continue
        if kind == "hr_note" and "protected_need" in f.sig and "already_left" not in f.sig:
            kind = "request_note"  # ask for what they need; a complaint note never asks for it
        text = route.note if kind == "hr_note" and route is not None and route.note else _fill(kind, f, data)
        addressee = f.s.party(_sender(f)) if kind == "sender_note" else f.s.party(_asker(s)) \
            if kind == "ask_decline" else f.cp
        to = _TO.get(kind) or (addressee.label if addressee else
                               (kind == "ask_decline" and _asker_label(s)) or "the other person")
        if kind == "request_note" and owner_did_it:
            # A request (time for scans, an adjustment) goes to whoever decides it, the owner too; a complaint
            # about the owner does not go to them.
            to = "HR if there is one; otherwise the owner, in writing, or an outside adviser"
        elif kind in ("hr_note", "request_note") and route is not None:
            # a setting with its own first step has HR there (not neutral, or an appeal open): say where the note goes;
            # someone self-employed (a childminder, a freelancer, an app's rider) has no HR at all
            to = route.to if route.step or not route.own_manager else f"HR if there is one; otherwise {route.to}"
        elif kind in ("hr_note", "request_note") and owner_did_it:
            to = f"HR if there is one; otherwise {OUTSIDE_ONLY}"  # as the route says where it names the setting
        elif kind in ("hr_note", "request_note") and _no_hr_likely(s):
            to = "HR, or where there is none, the owner or an outside adviser"
        if s.between_others and kind in ("between", "between_complaint", "agenda"):
            to = "both of them, with you chairing" if kind == "agenda" else "each of them, separately"
        slots = list(dict.fromkeys(FILL_SLOT.findall(text)))
        title = data["scripts"][kind]["title"]
        if kind == "hr_note" and route is not None:
            title = route.note_title or "A written complaint"  # "A note to HR" where there may be no HR
        if "your report" in title and f.cp is not None and f.cp.label.startswith("your ") and "report" not in f.cp.label:
            title = title.replace("your report", f.cp.label)  # "Feedback to your au pair": help at home is no "report"
        out.append(Script(kind=kind, title=title, text=text, to=to, action=action, fill_in=slots))
    return out


def _asks_not_complains(f: _Facts) -> bool:
    """The writer wants words to ask for something, say no or set a limit (``Situation.asking``), and the letter
    tells of nothing done against them: no serious conduct, no act of the other side's, no sentence of theirs done
    to the writer, and no part of the writer's own to own."""
    s = f.s
    if s.asking is None or f.serious or f.own_part or s.between_others or s.under_review or counterpart_incidents(s):
        return False
    if s.asking.kind == "limit" and s.asking.kindly:
        return True  # "she's lovely, she's just a night owl": a habit with no ill will, to be asked of kindly
    return all(only_an_ask(a.text) for a in s.acts_on_writer)


def faces_a_review(text: str) -> bool:
    """Whether the writer's own conduct is before a review, an investigation or a disciplinary process
    (``scripts.yaml`` ``under_review``): then an apology belongs in their account to whoever decides."""
    return review_words(text) is not None


def review_words(text: str) -> tuple[int, int] | None:
    """Where the letter says the writer's conduct is before a review (``faces_a_review``): the first such words."""
    online = _ONLINE_REVIEW.search(text) is not None
    found = [m for rx in _review_patterns() if (m := rx.search(text))
             and not (online and re.search(r"\breviews?\b", m.group(), re.IGNORECASE))]
    first = min(found, key=lambda m: m.start(), default=None)
    return (first.start(), first.end()) if first else None


#: A customer's review of the business online: "a 1 star review on Google", "a bad review" (red team 53: "reply to the
#: review" of it was taken for a review of the writer's own conduct, with a note on preparing for a hearing).
_ONLINE_REVIEW = re.compile(r"\b(?:\d|one|two|three|four|five)[- ]star\b|\b(?:google|yelp|trustpilot|tripadvisor|"
                            r"facebook|online|bad|negative|nasty|fake|public) reviews?\b|\breviews? on (?:google|yelp|"
                            r"trustpilot|tripadvisor|facebook)\b", re.IGNORECASE)


@cache
def _review_patterns() -> list[re.Pattern]:
    return [re.compile(rx, re.IGNORECASE) for rx in script_data()["under_review"]]


def script_for(action: str | None, scripts: list[Script]) -> str | None:
    """The words written for ``action`` (an action code), if any."""
    return next((s.text for s in scripts if s.action == action), None) if action else None
