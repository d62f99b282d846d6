"""Plain sentences about a situation's facts, shared by the written answer, the
scripts and every view of a report.

The writer's own clauses are kept for quotes; sentences the report says in its
own voice are built here from the reading (who did what, where, who saw it), so
grammar and capitalisation are ours to get right, and a fact that cannot be
said cleanly becomes a slot ("[what happened]") for the writer to fill.
"""

from __future__ import annotations

import re

from clearair.knowledge import load
from clearair.models import Incident, Situation

#: Words inside quotation marks: someone's quoted words, which are theirs, not the writer's ("my bad", 'on my way out').
QUOTED = re.compile(r'"[^"]*"|\u201c[^\u201d]*\u201d|\u2018[^\u2019]*\u2019|(?<!\w)\'[^\'\n]+\'(?!\w)')


def inside_quotes(text: str, at: int) -> bool:
    """Whether ``at`` falls inside double quotation marks, straight or curly: the words there are someone's said
    words ("She said 'just sign it'"), not the writer's own."""
    before = text[:at]
    return before.count('"') % 2 == 1 or before.count("\u201c") > before.count("\u201d")

#: A group named as one other side: "the whole crew", "my team", "the lads" (red team 49: a foreman's crew of twelve
#: was called "your direct report" and given words for "Hi [their name]").
_GROUP = re.compile(r"^(?:the whole |the entire |all (?:of )?(?:the |my )?|my whole |my |the |our )?"
                    r"(crew|team|staff|lads|gang|squad|shift|department|lot of them|group|class|workforce)$", re.I)
_GROUP_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves"})


def group_noun(mentions: list[str]) -> str | None:
    """The group word ("crew", "team") when every mention of a party other than "they" names a group; else None."""
    nouns = [m for m in mentions if m.lower() not in _GROUP_PRONOUNS]
    found = [_GROUP.match(m.strip()) for m in nouns]
    if not nouns or not all(found):
        return None
    word = found[0].group(1).lower()  # type: ignore[union-attr]
    return "people" if word == "lot of them" else word


#: A fact the report could not put into words: the writer fills it in.
SLOT_EVENT = "[what happened]"
SLOT_NAME = "[their name]"
#: What a formal note needs and only the writer has: dates and what was said or done.
SLOT_DETAILS = "[dates, and what was said or done]"
#: When what the writer's own sentences tell happened, where none of them says (a note carries those sentences).
SLOT_WHEN = "[when each of these happened]"
#: What a written request to HR asks for, which only the writer knows: what they asked for (and when) or need.
SLOT_ASKED = "[what you asked for, and when]"
SLOT_NEED = "[what would help]"
#: What an appeal says the process missed (people not spoken to, evidence not looked at): the writer's to name.
SLOT_MISSED = "[what the process missed]"
#: What words for an ask (``advise.asking``) leave to the writer where the letter does not say it (the scripts fill
#: the first five; "[your suggestion]" and "[how to reach you]" stand in ``scripts.yaml`` itself).
SLOT_WANTED = "[what you need, and for how long]"
SLOT_REASON = "[the reason, in a sentence]"
SLOT_WHAT_ASKED = "[what you were asked]"
SLOT_SMALLER_PART = "[a smaller part you could take on]"
SLOT_REACHABLE = "[when you will and won't answer messages]"
SLOTS_FOR_AN_ASK = (SLOT_WANTED, SLOT_REASON, "[your suggestion]", SLOT_WHAT_ASKED, SLOT_SMALLER_PART, SLOT_REACHABLE,
                    "[how to reach you]")
#: Whom a note "to their manager" greets where the letter names no one (``scripts.their_managers_name``).
SLOT_THEIR_MANAGER = "[their manager's name]"
#: A slot for a name ("[their name]", "[their manager's name]"): the one slot that says nothing of what happened.
NAME_SLOT = re.compile(r"\[[^\]]*\bname\]", re.I)
#: Every slot the words may leave for the writer, each listed under "fill in before you use it".
FILL_SLOT = re.compile("|".join([NAME_SLOT.pattern,
                                  *map(re.escape, (SLOT_EVENT, SLOT_DETAILS, SLOT_WHEN, SLOT_ASKED, SLOT_NEED,
                                                    SLOT_MISSED, *SLOTS_FOR_AN_ASK))]),
                      re.I)

# act -> (said of another person, said of the writer). Past tense, no object that could clash with "you".
_ACTS: dict[str, tuple[str, str]] = {
    "undermine": ("undermined you or your team", "undermined someone"),
    "humiliate": ("belittled you", "belittled someone"),  # a remark or a look: "a remark" named what the letter may not
    "forward": ("passed a message about you on to others", "passed a message on to others"),
    "criticise": ("criticised your work", "criticised someone's work"),
    "aggress": ("was aggressive towards you", "were aggressive towards someone"),
    "exclude": ("pulled away and left you out", "left someone out"),
    "steal_credit": ("took credit for your work", "took credit for someone's work"),
    "gossip": ("talked about you behind your back", "talked about someone behind their back"),
    "harass": ("harassed you", "were accused of harassment"),
    "overload": ("pushed work on you outside working hours", "pushed work on someone outside hours"),
    "fail_deliver": ("made a mistake", "made a mistake"),
    "break_confidence": ("passed on something said in confidence", "passed on something said in confidence"),
    "lie": ("gave a false account of what happened", "gave a false account of what happened"),
    "complain_external": ("complained about you", "drew a complaint"),
}
_CHANNEL = {"email": "by email", "meeting": "in a meeting", "chat": "by message", "phone": "on the phone",
            "in_person": "in person"}


def capitalise(text: str) -> str:
    """First letter upper case, the rest untouched ("your manager's manager" -> "Your manager's manager")."""
    return text[:1].upper() + text[1:] if text else text


def sentence(text: str) -> str:
    """A capitalised sentence with exactly one closing full stop (or ?/!)."""
    text = re.sub(r"\s+", " ", text).strip()
    if not text:
        return ""
    text = capitalise(text)
    return text if text[-1] in ".?!…\"”" else text + "."


#: The learned ranker's reason inside a longer text: "In letters like yours, experts seldom advised this when: x".
_LEARNED_INLINE = re.compile(r"[Ii]n letters like yours, experts (often|seldom) advised this when: ([^;.]+)")


def plain_learned(text: str) -> str:
    """The learned ranker's "experts … advised this when: x" inside ``text``, said as a person would:
    "experts … advised it in letters like yours (x)"."""
    return _LEARNED_INLINE.sub(lambda m: f"experts {m.group(1)} advised it in letters like yours ({m.group(2)})", text)


#: Titles that stay capitalised wherever they stand: "Mrs Te Rangi", "Dr Osei".
_COURTESY = frozenset({"Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Sr", "Fr"})


def lower_first(text: str) -> str:
    """Lower-case the first letter unless the first word is "I" or looks like a name or acronym."""
    if not text:
        return text
    first = text.split(" ", 1)[0]
    if first in ("I", "I'm", "I've", "I'd", "I'll") or (len(first) > 1 and first[1:2].isupper()) \
            or first.rstrip(".") in _COURTESY:
        return text
    return text[0].lower() + text[1:]


def who(s: Situation, party_id: str | None) -> str:
    """How the report names a party: "you" for the writer, the party's label, or "someone"."""
    if party_id == "narrator":
        return "you"
    party = s.party(party_id)
    return party.label if party else "someone"


def act_phrase(act: str, by_writer: bool = False) -> str | None:
    """The act in the past tense, or None when the report has no clean words for it."""
    pair = _ACTS.get(act)
    return (pair[1] if by_writer else pair[0]) if pair else None


def seen_by(incident: Incident, private_said: bool = False) -> str:
    """Who saw it, as a clause ("about 50 people saw it"), or "" when the letter does not say.
    "Nobody else saw it" is also the reading's default, so it is said only when ``private_said``
    (the writer's words say it was between the two of them)."""
    a = incident.audience
    if a.kind == "large_group":
        return f"about {a.size} people saw it" if a.size else "a wide group saw it"
    if a.kind == "external":
        return "the customer saw it"
    if a.kind == "team":
        return "the team saw it"
    if a.kind == "private" and private_said:
        return "nobody else saw it"
    return ""


#: Where one kind of act covers several things, the writer's own word says which ("bullying" is not "harassment").
_BULLIED = "bullied you"
#: Threats of a formal step, which are no aggression ("she threatened to file a write-up on me").
_THREAT_TO_WRITE_UP = re.compile(r"\bthreat\w*\s+to\s+(?:file\s+|put\s+in\s+)?(?:a\s+)?(?:write|writing)[- ]?"
                                 r"(?:me\s+)?up\b", re.I)
_THREAT_TO_REPORT = re.compile(r"\bthreat\w*\s+to\s+(?:report|tell\s+(?:on|hr|the|our|my))\b", re.I)
_THREAT_TO_THE_JOB = re.compile(r"\bthreat\w*\s+to\s+(?:fire|sack|dismiss|get\s+(?:me|you)\s+(?:fired|sacked))\b", re.I)
_AS_THE_WRITER_SAID: dict[str, tuple[tuple[re.Pattern, str], ...]] = {
    "harass": ((re.compile(r"\bbull(?:y|ies|ied|ying)\b", re.I), _BULLIED),
               (re.compile(r"\bask(?:s|ed|ing)? me out\b", re.I), "kept asking you out")),
    # a threat of a formal step is no aggression (a blind panel: "aggressive towards you" of a threatened write-up)
    "aggress": ((_THREAT_TO_WRITE_UP, "threatened to write you up"),
                (_THREAT_TO_REPORT, "threatened to report you"),
                (_THREAT_TO_THE_JOB, "threatened your job")),
}


def _as_the_writer_said(incident: Incident) -> str | None:
    words = " ".join([incident.summary, *(e.text for e in incident.evidence)])
    return next((said for rx, said in _AS_THE_WRITER_SAID.get(incident.act, ()) if rx.search(words)), None)


#: The knowledge files' general names for the conduct, and how they read where the writer calls it bullying.
_GENERAL_NAMES = ((re.compile(r"\bintimidation or harassment\b"), "bullying"),
                  (re.compile(r"\bharassing or intimidating you\b"), "bullying you"))


def in_the_writers_word(text: str, s: Situation) -> str:
    """A reason's "intimidation or harassment" said as "bullying" where every act of the kind the letter tells is
    bullying in the writer's own word (a red team read "harassment" in a letter that never said it)."""
    acts = [i for i in s.incidents if i.act == "harass"]
    if not acts or any(_as_the_writer_said(i) != _BULLIED for i in acts):
        return text
    for rx, said in _GENERAL_NAMES:
        text = rx.sub(said, text)
    return text


#: A phone as a thing someone holds or looks at ("he looks at his phone while I talk"), not a call.
_THEIR_HANDSET = re.compile(r"\b(?:his|her|their|my) (?:phone|mobile)\b", re.IGNORECASE)
_A_CALL = re.compile(r"\b(?:call\w*|rang|ring\w*|phoned|on the phone|voicemail|hung up)\b", re.IGNORECASE)


def handset_only(incident: Incident) -> bool:
    """The reading's "on the phone" rests on a phone someone holds, not a call (red team 50: "belittled you on the
    phone" of a report who looked at his phone in one-to-ones)."""
    return incident.channel == "phone" and bool(_THEIR_HANDSET.search(incident.summary)) \
        and not _A_CALL.search(incident.summary)


def incident_sentence(s: Situation, incident: Incident, private_said: bool = False) -> str:
    """ "Your peer undermined you or your team by email; the customer saw it." (or a slot)."""
    by_writer = incident.actor == "narrator"
    phrase = (None if by_writer else _as_the_writer_said(incident)) or act_phrase(incident.act, by_writer)
    subject = who(s, incident.actor)
    if phrase is None or subject == "someone":
        return sentence(f"{subject} did something that matters here: {SLOT_EVENT}")
    channel = "" if handset_only(incident) else _CHANNEL.get(incident.channel, "")
    text = f"{subject} {phrase}" + (f" {channel}" if channel else "")
    seen = seen_by(incident, private_said)
    return sentence(text + (f"; {seen}" if seen else ""))


_PRONOUNS = {"he", "she", "him", "her", "his", "hers", "they", "them", "their"}


def _names_counterpart(s: Situation, inc: Incident) -> bool:
    """An incident whose actor was not resolved, but whose own words name the counterpart (not by a pronoun)."""
    cp = s.party(s.counterpart)
    if cp is None or inc.actor != "unknown" or inc.target not in (None, "narrator"):
        return False
    names = [m for m in cp.mentions if m.lower() not in _PRONOUNS and len(m) > 2]
    # "Other coworkers think she's…" names people beside the coworker the letter is about, not her: a plural
    # of the counterpart's own word, or one said with "other", is someone else.
    singular = {n.lower().split()[-1] for n in names}
    names = [m for m in names if not (m.lower().endswith("s") and m.lower()[:-1].split()[-1] in singular)]
    return any(re.search(rf"(?<!other )\b{re.escape(m)}\b", inc.summary, flags=re.I) for m in names)


def counterpart_incidents(s: Situation) -> list[Incident]:
    """The other side's incidents, including those whose actor the reading left open but whose words name them."""
    out = []
    for inc in s.incidents:
        if inc.actor == s.counterpart and s.counterpart:
            out.append(inc)
        elif _names_counterpart(s, inc):
            out.append(inc.model_copy(update={"actor": s.counterpart}))
    return out


def own_incident(s: Situation) -> Incident | None:
    """The writer's own first incident, for an apology (the other side's is ``widest``)."""
    return next((inc for inc in s.incidents if inc.actor == "narrator"), None)


#: How much each act weighs when the words tell one of several: "she exploded and shoved me" is what the letter is
#: about, not "a coworker who is always late" two sentences before it (told as "your peer made a mistake").
_GRAVITY: dict[str, int] = {"harass": 9, "aggress": 8, "humiliate": 6, "complain_external": 6, "lie": 6,
                            "steal_credit": 5, "undermine": 5, "break_confidence": 5, "gossip": 4, "exclude": 4,
                            "criticise": 3, "overload": 3, "forward": 3, "fail_deliver": 1}
#: Acts grave enough to be told before one more people saw ("harass", "aggress").
_GRAVE = frozenset(act for act, weight in _GRAVITY.items() if weight >= 8)


#: Acts whose words say they were done to the writer ("criticised your work"): said only of an incident that was.
_AT_THE_WRITER = frozenset({"undermine", "humiliate", "criticise", "aggress", "exclude", "steal_credit",
                            "gossip", "harass", "overload", "complain_external"})
#: Acts whose words name the writer's team, not the writer ("you questioned my team's work").
_SAID_OF_MY_TEAM = frozenset({"undermine"})
_FIRST_PERSON_ANY = re.compile(r"\b(me|my|us|our|myself|mine)\b", re.IGNORECASE)
#: The writer in the sentence as more than its speaker: "at me", "my work"; not "my TAs" or "our instructors", who are
#: other people (a blind panel found "you were aggressive towards me" said of a TA who screamed at a student).
FIRST_PERSON_OBJECT = re.compile(
    r"\b(me|us|myself|mine)\b|\b(my|our)\b(?!\s+(?:[\w-]+\s+)?(?:TAs?|colleagues?|co-?workers?|team|staff|reports?|"
    r"employees?|assistants?|students?|pupils?|interns?|managers?|boss|supervisors?|clients?|customers?|patients?|"
    r"friends?|peers?|juniors?|trainees?|instructors?|teachers?|nurses?|aides?|crew|people|workers?|DRs?)\b)",
    re.IGNORECASE)


def done_to_the_writer(inc: Incident) -> bool:
    """Whether the report may say the act was done to the writer: the reading says so, or the writer's own
    sentence has them in it as more than the one speaking ("she blew up at me"; not "she was complaining
    about something, and I told her I didn't agree"). Otherwise "criticised your work" would be invented."""
    if inc.act not in _AT_THE_WRITER or inc.target == "narrator":
        return True
    if inc.act in _SAID_OF_MY_TEAM and inc.target == "direct_report":
        return True  # "you questioned my team's work": true of the writer's report's work too
    # An act on the writer's team may name it by anyone of theirs ("my peer … emailed the customer about my DR's
    # report"); any other act needs the writer themselves in the sentence, not "my TAs".
    mine = _FIRST_PERSON_ANY if inc.act in _SAID_OF_MY_TEAM else FIRST_PERSON_OBJECT
    return inc.target is None and bool(mine.search(inc.summary))


def told_incident(s: Situation) -> Incident | None:
    """The incident the written answer and the scripts put into words: the other side's that ``widest`` picks; None
    when its words would say it was done to the writer and the letter does not."""
    inc = widest(s, s.counterpart)
    return inc if inc is not None and done_to_the_writer(inc) else None


def widest(s: Situation, actor: str | None) -> Incident | None:
    """The actor's incident the words tell: a grave act (``_GRAVE``) first, then the one seen by the most people
    ("who saw it"), then the gravest."""
    order = {"large_group": 4, "external": 3, "team": 2, "private": 1, "unknown": 0}
    mine = counterpart_incidents(s) if actor == s.counterpart else [i for i in s.incidents if i.actor == actor]
    return max(mine, key=lambda i: (i.act in _GRAVE, order[i.audience.kind], _GRAVITY.get(i.act, 2)), default=None)


def join_words(items: list[str], last: str = "and") -> str:
    """ "a", "a and b", "a, b and c"."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {last} " + items[-1]


def action_title(action: str) -> str:
    """An action's title as the playbook words it ("Plan your way out (new job or transfer)")."""
    return str(load("playbook")["actions"][action]["title"])
