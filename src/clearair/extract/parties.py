"""Who is involved: role mentions, names and pronouns grouped into parties."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Literal

from clearair.extract.features import verb_subject
from clearair.extract.lexicon import GatedRegex, find_kinds, fold, gated
from clearair.extract.named import PROBLEM_IS
from clearair.extract.reading import Reading
from clearair.knowledge import load
from clearair.knowledge.schemas import MentionRule, PartyFile
from clearair.models import ABBREVIATED_TITLES, COURTESY_TITLE, COURTESY_TITLES, Party

_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m",
                   "she": "f", "her": "f", "hers": "f", "herself": "f"}


@dataclass
class Mention:
    start: int
    end: int
    key: str
    role: str
    text: str


@dataclass
class PartyDraft:
    key: str
    role: str
    mentions: list[Mention] = field(default_factory=list)
    gender: str | None = None
    names: set[str] = field(default_factory=set)
    #: The gender came from a given name alone: it rules a pronoun of the other gender out, but is no reason to prefer
    #: this person over one whose gender is not known ("my supervisor, Tom, and another driver, Marek. He swore").
    gender_by_name: bool = False


@cache
def party_rules() -> PartyFile:
    """``parties.yaml``, validated: a misspelt role, key or writer kind fails here, not as a rule that never fires."""
    rules = PartyFile.model_validate(load("parties"))
    kinds = set(load("lexicon")["narrator"])
    unknown = {m.writer for m in rules.mentions if m.writer} - kinds
    if unknown:
        raise ValueError(f"parties.yaml: writer kinds that lexicon.yaml's narrator section lacks: {sorted(unknown)}")
    return rules


@cache
def _mention_rules() -> list[tuple[GatedRegex, MentionRule]]:
    """Each entry's patterns as one gated regex over folded text (``lexicon.fold``)."""
    return [(gated(entry.patterns, end=r"(?![\w-])"), entry) for entry in party_rules().mentions]


def names_a_person(word: str) -> bool:
    """Whether the role readers take "my <word>" or "the <word>" for a person ("supervisor", "receptionist")."""
    return any(m.end() == len(text) for text in (fold("my " + word), fold("the " + word))
               for rule, _ in _mention_rules() for m in rule.finditer(text))


@cache
def _trait_rules() -> list[tuple[re.Pattern, str]]:
    return [(re.compile(rf"(?<![\w-])(?:{t.pattern})(?![\w])", re.IGNORECASE), t.trait)
            for t in party_rules().traits]


def find_mentions(text: str, is_manager: bool, only: str | None = None) -> list[Mention]:
    """Role mentions; where two overlap the longer wins. ``only``: read the rules of that one role alone
    (a tenth of the work, for a question about one role)."""
    found = []
    low = fold(text)
    for rx, entry in _mention_rules():
        role = entry.role
        if only is not None and role != only:
            continue
        if entry.writer and not _writer_is(entry.writer, text):
            continue  # a rule for one kind of writer ("the dad" is a nanny's employer, not a pupil's parent)
        if role == "by_manager_status":
            role = entry.if_manager if is_manager else entry.otherwise
        key = role if role != "other" and not entry.own_party else entry.key
        if entry.key in ("team_member", "a_manager", "an_employee"):
            key = role
        for m in rx.finditer(low):
            found.append(Mention(m.start(), m.end(), key, role, text[m.start():m.end()]))
    found.sort(key=lambda m: (-(m.end - m.start), m.start))
    kept: list[Mention] = []
    for m in found:
        if all(m.end <= k.start or m.start >= k.end for k in kept):
            kept.append(m)
    kept.sort(key=lambda m: m.start)
    kept = _said_to_be(text, kept)
    out: list[Mention] = []
    described: dict[str, Mention] = {}  # a title said of someone in apposition -> that person's mention
    own_posts = writers_own_posts(text)
    for i, m in enumerate(kept):
        if _is_descriptor(text, m, kept[i - 1] if i else None):
            if _TITLE_APPOSED.fullmatch(text[kept[i - 1].end:m.end]) and _bare_title(m.text) not in _GENERIC_TITLES:
                described.setdefault(_bare_title(m.text), kept[i - 1])
            continue
        if _the_writer(text, m) or is_own_post(m.text, own_posts):
            continue  # (the writer: "I was the charge nurse … hand the charge nurse his admission")
        if KIN_IS.search(text[max(0, m.start - 60):m.start]) or _DENIED_TITLE.search(text[max(0, m.start - 25):m.start]):
            continue  # (their husband's job, or a title denied)
        person = described.get(_bare_title(m.text))
        if person is not None:  # "my supervisor, the CFO, … The CFO rates her highly": the same person again
            m.key, m.role = person.key, person.role
        elif (first := _introduced(m.text, out)) is not None:  # "a new CEO … talk to the CEO": the same one
            m.key, m.role = first.key, first.role
        out.append(m)
    return out


#: "I was the charge nurse on a quiet shift": the one post of its kind, held by the writer, so "the charge nurse"
#: later in the letter is the writer again (a blind panel found the writer's own post read as a coworker who
#: bullied them).
_OWN_DEFINITE_POST = re.compile(r"\bI(?:['’]m| am| was|['’]ve been| have been| work as| worked as| started as)"
                                r"(?: now| still| currently| also)?\s+the\s+([a-z][a-z -]{1,40}?)(?=\s+(?:on|in|at|for|of|"
                                r"and|but|who|when|that|this|here|there|today|tonight|now)\b|\s*[,.;:!?)(]|\s*$)",
                                re.IGNORECASE)


def writers_own_posts(text: str) -> frozenset[str]:
    """The posts the writer says they hold with "the" ("I'm the shift supervisor at a warehouse"), lower-cased."""
    return frozenset(m.group(1).strip().lower() for m in _OWN_DEFINITE_POST.finditer(text))


def is_own_post(phrase: str, own_posts: frozenset[str]) -> bool:
    """Whether ``phrase`` is "the" + one of the writer's own posts (``writers_own_posts``): the writer, not a party."""
    return phrase.lower().startswith("the ") and _bare_title(phrase) in own_posts
#: "my supervisor, the CFO": a definite title set beside a person by a comma alone.
_TITLE_APPOSED = re.compile(r",\s*the\s+.+", re.IGNORECASE | re.DOTALL)
#: Words that name a line, not one person's post: "the peer" later may be anyone in that line.
_GENERIC_TITLES = frozenset({"peer", "manager", "boss", "supervisor", "coworker", "co-worker", "colleague",
                             "employee", "customer", "client", "director", "owner", "lead", "team lead"})


def _introduced(text: str, before: list[Mention]) -> Mention | None:
    """The mention that brought in the one person a definite title names: "the CEO" after "a new CEO" (a title
    that names one post, not a line such as "the manager", which may be anyone in it, unless the only one brought
    in with it is outside the writer's lines), and "this manager" after "one of our managers"."""
    if text.lower().startswith(("this ", "that ")):  # "one of our managers … this manager": the one just brought in
        title = _bare_title(text)
        return next((m for m in reversed(before) if re.fullmatch(rf"one of (?:our|my|the|their) (?:[a-z-]+ )?"
                                                                  rf"{re.escape(title)}s", m.text, re.IGNORECASE)), None)
    if not text.lower().startswith("the "):
        return None
    title = _bare_title(text)
    if title in _GENERIC_TITLES:
        # "a property manager we did a job for … the manager is finding fault": the one outside the writer's lines
        # brought in with that title, when none of the writer's own has it
        outside = [m for m in before if m.role in ("customer", "other") and re.match(r"(a|an)\s+", m.text, re.I)
                   and re.search(rf"\b{re.escape(title)}\b", _bare_title(m.text))]
        own = [m for m in before if m.role not in ("customer", "other") and _bare_title(m.text).endswith(title)]
        return outside[-1] if outside and not own else None
    return next((m for m in before if re.match(r"(a|an)\s+(new\s+)?", m.text, re.IGNORECASE)
                 and re.sub(r"^new\s+", "", _bare_title(m.text)) == title), None)


def _bare_title(text: str) -> str:
    """A title without its article or possessive: "The CFO" and "the CFO" are one title."""
    return re.sub(r"^(the|a|an|our|my|their|this|that)\s+", "", text.strip().lower())


@lru_cache(maxsize=64)
def _writer_is(kind: str, text: str) -> bool:
    """Whether the writer is of this ``narrator`` kind; asked once per letter and kind, however many rules and
    passes ask it."""
    return bool(find_kinds("narrator", (kind,), text))


#: "our CEO, Fraser, who is also my boss": what follows says who the person just named is to the writer.
_WHO_IS = re.compile(r",\s*(?:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?\s*,\s*)?(?:who|that)\s+(?:is|was|['’]s)\s+"
                     r"(?:also\s+|now\s+|actually\s+|in fact\s+|effectively\s+|basically\s+)?")
_LINES = ("manager", "skip_level", "peer", "direct_report")


def _said_to_be(text: str, kept: list[Mention]) -> list[Mention]:
    """A title followed by "who is also my boss" (or "the person I report to") is one person, in the line the
    second phrase gives: the first mention takes it and the second goes (a red team found a chief executive who is
    the writer's own boss read as two people, one of them two levels up)."""
    out: list[Mention] = []
    for m in kept:
        prev = out[-1] if out else None
        if prev is not None and m.role in _LINES and prev.role != m.role and _WHO_IS.fullmatch(text[prev.end:m.start]):
            prev.key, prev.role = m.key, m.role
            continue
        out.append(m)
    return out


#: "he is not my boss", "she isn't my manager", "as if he were my boss", "as if I were an intern": a denial or a
#: likeness names no one (a red team found it made him the boss).
_DENIED_TITLE = re.compile(r"(\b(is|was|are|were)\s+(not|never|no longer)|['’]s\s+(not|never|no longer)|n['’]t|"
                           r"\bas (if|though) (he|she|they) (were|was|is|are)|\bas (if|though) (he|she|they)['’](s|re)\b|\blike (he|she)['’]s|"
                           # "no one is the boss of the other", "I'm not trying to be his boss"
                           r"\b(no one|nobody|neither( of us)?|none of us)\s+(is|was|are|were)|"
                           # "Dr Patel (not my line manager - that is Sue)", "Jo, not my boss but the lead,": a denial aside
                           r"[(,;\u2013\u2014-]\s*(but\s+)?not(\s+(even|actually|technically))?|"
                           r"\b(not|never)\s+(trying|wanting|going|want|meant|supposed)\s+to\s+be|"
                           # "we don't have a head chef", "there is no manager on nights": a post nobody holds
                           r"\b(don['’]?t|do not|doesn['’]?t|does not|didn['’]?t|did not|never)\s+(have|had|get|got)(\s+(a|an|any))?|"
                           r"\b(there['’]s|there is|there was|we have|we had)\s+no|"
                           # "they treat me as if I were just an intern", "talks to me like I'm a child": a likeness
                           r"\bas (if|though) (i|we)\s*(were|was|am|are|['’]m|['’]re)(\s+(just|only|merely|some|still))?|"
                           r"\blike (i|we)\s*(were|was|am|are|['’]m|['’]re)(\s+(just|only|merely|some|still))?|"
                           r"\b(treats?|treated|treating|talks? to|talked to|speaks? to|spoke to|sees?|saw|views?|viewed)\s+(me|us)\s+"
                           r"(like|as)(\s+(if|though))?(\s+(just|only|merely|some))?)\s+$", re.IGNORECASE)


#: "I'm not a manager", "I am a supervisor myself", "I became the supervisor of…", "I work as a cashier": the writer describing
#: themselves, not someone else in the letter; also as quoted by someone else ("told me I was "only a TA"").
_SELF = re.compile(r"\bI(?:\s+[a-z]+ly)?(?:['’]m| am| was|['’]ll be| will be|['’]ve been| have been| became| become|['’]ve become| have become|"
                   r" was made| got made| was named| was appointed| work as| worked as| started as| joined as|"
                   r" started out as| (?:am|['’]m) working as)\s+[\"“‘']?(?:not\s+|never\s+|also\s+|just\s+|"
                   r"only\s+|now\s+|still\s+|myself\s+)?(?:(?:a|an|the)\s+)?(?:(?:one\s+and\s+only|only|sole|lone)\s+)?$"
                   r"|\bme\s+as\s+(?:(?:a|an|the)\s+)?$"  # "trouble accepting me as their supervisor"
                   # "he and I are colleagues and friends", "we're just coworkers": what the two of them are
                   r"|\b(?:we|(?:he|she|they|[a-z]+)\s+and\s+I)(?:['’]re|\s+are|\s+were)\s+(?:just\s+|only\s+|both\s+)?$",
                   re.IGNORECASE)


#: "I put in four days a week as one of the partners", "I joined as a junior analyst": the writer's own post, said with "as".
_SELF_AS = re.compile(r"\bI(?:['’]m|['’]ve|\s+(?:still\s+|now\s+)?(?:work|worked|serve|served|put in|started|joined|stay|stayed|"
                      r"continue|am|was|have|had))\b[^.?!,;]{0,50}\b(?:as|in\s+the\s+(?:role|position|post|job)\s+of)\s+(?:(?:a|an|the)\s+)?$",
                      re.IGNORECASE)
#: "a senior director role", "the manager position": a post, not a person ("I'm eight months into a senior director role").
_A_POST = re.compile(r"\s+(?:role|position|post|job|vacancy|opening)\b", re.IGNORECASE)
#: "As one of the partners at a small practice, I'm in an awkward spot": a sentence that opens with the writer's post,
#: its "I" after the comma (not "As my manager said, ...", whose "my manager" is someone else).
_FRONTED_AS = re.compile(r"(?:^|[.!?]\s+|\n)As\s+(?:(?:a|an|the)\s+|one\s+of\s+(?:the|our)\s+)?$")
_THEN_I = re.compile(r"[^.?!]{0,90}?[,)]\s*I\b")


def _the_writer(text: str, m: Mention) -> bool:
    """The mention is what the writer says they are ("I'm not a manager"), not "I'm the manager's assistant", or a
    post rather than anyone in it ("a senior director role")."""
    before = text[max(0, m.start - 70):m.start]
    fronted = bool(_FRONTED_AS.search(before)) and bool(_THEN_I.match(text, m.end))
    return (bool(_SELF.search(before[-40:]) or _SELF_AS.search(before) or fronted)
            and text[m.end:m.end + 2] not in ("'s", "’s")) or bool(_A_POST.match(text, m.end))


#: The writer's own family, said to hold the post named next: "My husband is the youth pastor" (a spouse writing
#: for both of them: the post is theirs, not the other side's).
KIN_IS = re.compile(r"\bmy\s+(?:husband|wife|spouse|son|daughter|fianc[eé]e?|boyfriend|girlfriend|brother|sister|mother|"
                     r"father|mum|mom|dad)\s+(?:is|was|works as|worked as|has been|['’]s)\s+(?:(?:a|an|the|now|also|still)\s+)*$",
                     re.IGNORECASE)


_APPOSITIVE = re.compile(r"\s*[(,]\s*(also|i\.e\.|aka|who is|not|and also)?\s*$", re.IGNORECASE)
_ATTACHED = re.compile(r"\b(from|in|on|of|at)\s+$", re.IGNORECASE)


_A_PLACE = re.compile(r"\b(department|dept|team|division|company|firm|office|unit|group|agency|branch|site|"
                     r"organi[sz]ation)s?$", re.IGNORECASE)


def _is_descriptor(text: str, m: Mention, prev: Mention | None) -> bool:
    """'the peer's manager (also my peer)', 'my peer from another team': the second
    phrase describes the first person rather than naming a new one."""
    if prev is None:
        return False
    if re.match(r"(his|her|their)\b", m.text, re.IGNORECASE):
        return False  # "the owner, his lead hand Gaz": "his" points back at the one before, so this is someone else
    if _A_PLACE.search(prev.text):
        return False  # "we merged with another department, a new director arrived": a person is no place's description
    between = text[prev.end:m.start]
    if len(between) <= 12 and (_APPOSITIVE.fullmatch(between) or _ATTACHED.search(between)):
        return True
    return False


def build_parties(reading: Reading, is_manager: bool) -> dict[str, PartyDraft]:
    """Group mentions into parties and link names and pronouns to them."""
    mentions = [_related_to_writer(reading, m) for m in find_mentions(reading.text, is_manager)]
    mentions = sorted(mentions + _names_in_a_line(reading, mentions, is_manager), key=lambda m: m.start)
    mentions = _reported_to_titles(reading, mentions)
    mentions = [m for m in mentions if not _the_writers_group_overseen(reading, m)]
    drafts: dict[str, PartyDraft] = {}
    for m in mentions:
        drafts.setdefault(m.key, PartyDraft(m.key, m.role)).mentions.append(m)
    _place_the_higher_boss(reading, drafts)
    _director_is_the_boss(drafts)
    for m in (m for d in drafts.values() for m in d.mentions):
        _tag_tokens(reading, m.start, m.end, m.key)
    _link_names(reading, drafts, is_manager)
    _split_named_people(reading, drafts)
    _made_bosses(reading, drafts, is_manager)
    _running_the_writers_work(reading, drafts, is_manager)
    _own_boss_said_to_be(reading, drafts)
    _resolve_possessive_managers(reading, drafts)  # after the names: "Funmi … her boss" has someone to be the boss of
    _gender_from_words(reading, drafts)
    _link_anaphors(reading, drafts)
    _restate_lines(reading, drafts, is_manager)
    _taken_on_as_a_contractor(reading, drafts)
    _outside_by_the_writers_word(reading, drafts)
    return drafts


#: "I subcontract the tiling to a guy called Rob", "we outsource our payroll to a woman named Deb".
_SUBCONTRACTED_TO = re.compile(r"\b(?:sub-?contract|outsource)(?:s|ed|ing)?\b[^.?!]{0,30}\bto\s*$", re.IGNORECASE)
#: "I use a plumber, Gary, as a subcontractor", "Gary is a plumber I use as a subcontractor": what the one named just
#: before is to the writer's business.
_AS_A_CONTRACTOR = re.compile(r"\bas (?:a|an|my|our) (?:sub-?contractor|contractor|freelancer|supplier|consultant)s?$",
                              re.IGNORECASE)


def _taken_on_as_a_contractor(reading: Reading, drafts: dict[str, PartyDraft]) -> None:
    """A contractor named only as what someone already named is ("as a subcontractor") is that person, outside the
    writer's lines: red team 50's plumber, used as a subcontractor for five years, was read as the owner's staff and
    given formal performance management, with "a subcontractor" as a second party."""
    for key, d in list(drafts.items()):
        named = [m for m in d.mentions if m.text.lower() not in _PRONOUN_GENDER]  # ("he" may already point here)
        if not named or not all(_AS_A_CONTRACTOR.search(reading.text[max(0, m.start - 4):m.end]) for m in named):
            continue
        first = named[0]
        sent = reading.sentence_index(first.start)
        before = [(m.start, other) for other, od in drafts.items() if other != key for m in od.mentions
                  if m.start < first.start and reading.sentence_index(m.start) == sent and od.role not in ("hr",)
                  and not _plural(m.text)]
        if not before:
            continue
        owner = drafts.pop(max(before)[1])  # (the contractor's key is kept: a known outsider to the role reader)
        d.role, d.names = "other", d.names | owner.names
        d.gender = d.gender or owner.gender
        for m in owner.mentions:
            d.mentions.append(Mention(m.start, m.end, key, "other", m.text))
        for i in [i for i, k in reading.token_party.items() if k == owner.key]:
            reading.token_party[i] = key
        for m in d.mentions:
            m.role = "other"
        d.mentions.sort(key=lambda m: m.start)
    for key, d in list(drafts.items()):  # "I subcontract the tiling to a guy called Rob": Rob is the contractor
        named = [m for m in d.mentions if m.text.lower() not in _PRONOUN_GENDER]
        if key.startswith("vendor") or d.role not in ("other", "direct_report", "peer") or not named:
            continue
        before = reading.text[max(0, named[0].start - 60):named[0].start]
        if _SUBCONTRACTED_TO.search(before):
            new_key = free_key(drafts, "vendor")
            moved = drafts.pop(key)
            moved.key, moved.role = new_key, "other"
            for m in moved.mentions:
                m.key, m.role = new_key, "other"
            for i in [i for i, k in reading.token_party.items() if k == key]:
                reading.token_party[i] = new_key
            drafts[new_key] = moved


#: "I am not on his team and he has no say over my work", "she isn't my boss", "I don't report to him": the writer
#: says this person is outside their line (a red team found a director of the team next door made their manager, and
#: a vice president from another team made their manager's manager).
_NOT_MY_LINE = re.compile(r"\b(i['’]?m|i am|i was|we['’]?re|we are) not (on|in|part of) (his|her|their) (team|department|group|unit)\b|"
                          r"\b(he['’]?s|he is|she['’]?s|she is|they['’]?re|they are) not (on|in|part of|from) (my|our) "
                          r"(team|department|group|unit|ward|service|directorate)\b|"
                          r"\b(has|have|had) no (say|authority|control|power) over (me|us|my work|our work|what i do)\b|"
                          r"\b(is ?n['’]t|is not|was ?n['’]t|was not|['’]s not) (my|our) (boss|manager|supervisor|line manager)\b|"
                          r"\b(i|we) (don['’]t|do not|didn['’]t|did not|never) (report|answer) to (him|her|them)\b|"
                          # "a manager here, not the one I report to", "a director, not my own manager,"
                          r"\bnot (the (one|person|man|woman|guy|manager|boss|supervisor)) (that |who |whom )?(i|we) "
                          r"(report|answer) to\b|,\s*not (my|our) (own )?(boss|manager|supervisor|line manager)\b",
                          re.IGNORECASE)
#: "A friend of mine who is a lawyer at a different firm", "who works for another company": of another employer.
_ANOTHER_EMPLOYER = re.compile(r"\bwho (?:works|worked|is employed|is|was)(?: (?:a|an) [a-z-]+(?: [a-z-]+)?)? (?:for|at|with|by) "
                               r"(?:another|a different|a rival|a competing|a separate) (?:company|firm|practice|business|"
                               r"organi[sz]ation|employer|agency|school|hospital|office|store|restaurant)\b", re.IGNORECASE)
#: "Marek, who works for the main contractor": someone of another employer on a shared site or job.
_OTHER_EMPLOYER = re.compile(r"\bwho (works|worked|is employed) (for|by) (the|a|an|another|a different) "
                             r"(main |principal |other )?(contractor|subcontractor|client|company|firm|agency|employer|"
                             r"supplier|vendor)\b|" + _ANOTHER_EMPLOYER.pattern, re.IGNORECASE)


def works_elsewhere(reading: Reading, key: str) -> bool:
    """The letter says this person (``key``) works for another employer ("Marek, who works for the main
    contractor"): outside the writer's lines, whatever line their words alone would suggest."""
    return _said_of(reading, key, _OTHER_EMPLOYER)


def line_denied(reading: Reading, key: str) -> bool:
    """The letter says this person (``key``) is not over the writer: a word of theirs in the denial, or just before
    it ("Graham isn't my boss", "I am not on his team")."""
    return _said_of(reading, key, _NOT_MY_LINE)


def _said_of(reading: Reading, key: str, said: re.Pattern) -> bool:
    for m in said.finditer(reading.text):
        first = reading.token_at(m.start()).i
        near = range(max(first - 3, reading.sentence_at(m.start()).start), first)
        words = [t.i for t in reading.tokens_in(m.start(), m.end())] + list(near)
        if any(reading.token_party.get(i) == key for i in words):
            return True
    return False


def _outside_by_the_writers_word(reading: Reading, drafts: dict[str, PartyDraft]) -> None:
    """Someone read as above the writer whom the writer says is not over them, or anyone the letter says works for
    another employer ("a friend of mine who is a lawyer at a different firm"), is outside the writer's lines."""
    for key, d in drafts.items():
        if d.role in ("manager", "skip_level") and line_denied(reading, key) or \
                d.role in _LINES and _said_of(reading, key, _ANOTHER_EMPLOYER):
            d.role = "other"
            for m in d.mentions:
                m.role = "other"


#: Verbs of running someone's work: "I manage a woman who…", "she supervises me".
_OVERSEE = frozenset({"manage", "supervise", "oversee", "line-manage"})
#: Titles the writer can hold over someone: "I became the supervisor of a nurse who…".
_OVER_TITLES = frozenset({"supervisor", "manager", "boss", "lead", "head", "director", "leader"})
#: Roles a phrase's words give that its place in the sentence may overrule ("a nurse who…" read as a coworker).
_LOOSE_ROLES = ("peer", "other", "customer")


def _writer_is_subject(verb) -> bool:
    """"I manage…", and "I work in care and recently became…" (the subject shared by joined verbs)."""
    subject = verb_subject(verb)
    return subject is not None and subject.lower_ in ("i", "we")


def _line_from_grammar(reading: Reading, m: Mention) -> str | None:
    """The person's line to the writer from how the sentence ties them together, whatever the noun: the object
    of the writer's managing is their report ("I manage a woman who joined my team"; "I became the supervisor
    of a nurse who…"); the subject of managing the writer is their manager ("the man who now oversees me")."""
    toks = list(reading.tokens_in(m.start, m.end))
    if not toks:
        return None
    root = toks[0]
    while root.head.i != root.i and m.start <= root.head.idx < m.end:
        root = root.head
    head = root.head
    if root.dep_ == "dobj" and head.lemma_.lower() in _OVERSEE and _writer_is_subject(head):
        return "direct_report"
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in _OVER_TITLES:
        title = head.head
        if title.dep_ in ("attr", "oprd", "dobj") and _writer_is_subject(title.head) and \
                title.head.lemma_.lower() in ("be", "become", "make", "name", "appoint"):
            return "direct_report"
    if root.dep_ == "nsubj" and head.lemma_.lower() in _OVERSEE and _object_is_writer(head):
        return "manager"
    return None


def _names_in_a_line(reading: Reading, mentions: list[Mention], is_manager: bool) -> list[Mention]:
    """Names the grammar puts in a line to the writer though no role word is near them: "Lorna manages me",
    "Lorna, who supervises us, …", "Priya supervises the interns" from an intern, "Priya was promoted to team
    leader" to a writer who runs nobody (their manager); "I manage Priya" (their report)."""
    out = []
    kinds = _writers_kind(reading.doc)
    for tok in reading.doc:
        if tok.pos_ != "PROPN" or tok.ent_type_ not in ("PERSON", "", "GPE", "ORG", "NORP"):
            continue  # the small model tags some first names as places or groups ("Marcus runs our shift")
        line = None
        verb = tok.head
        if tok.dep_ == "nsubj" and (verb.lemma_.lower() in _OVERSEE and _object_is_writer(verb)
                                    or _over_the_writers_group(verb, kinds)):
            line = "manager"
        elif tok.dep_ == "dobj" and verb.lemma_.lower() in _OVERSEE and _writer_is_subject(verb):
            line = "direct_report"
        else:  # "Lorna, who manages me"
            for rel in (c for c in tok.children if c.dep_ == "relcl" and c.lemma_.lower() in _OVERSEE):
                if any(c.dep_ == "nsubj" and c.lower_ in ("who", "that") for c in rel.children) and \
                        _object_is_writer(rel):
                    line = "manager"
        if line is None and tok.dep_ == "nsubjpass":
            line = _stated_line(tok, is_manager)  # "Priya was promoted to team leader", as for a known party
        elif line is None and tok.dep_ == "appos" and tok.head.dep_ == "nsubjpass":
            line = _stated_line(tok.head, is_manager)  # "my friend Ana was promoted to team leader"
        if line is None and tok.dep_ in ("pobj", "appos") and _reports_to(tok):
            if tok.dep_ == "appos" and _within(mentions, tok.head.idx):
                continue  # "I report to our CFO, Martin Hale": the title is the party, the name joins it
            line = "manager"  # "I report to Mei", "we all report to the duty manager, Lucía"
        if line is None and _IN_CHARGE_OF_WRITER.match(reading.text, tok.idx + len(tok.text)):
            line = "manager"  # "put Brian in charge of me", "Dana, who is in charge of us,"
        made = line is None and not is_manager and _made_over_the_writer(reading, tok)
        if made:
            line = "manager"  # "he made his son Kevin the floor manager", "they appointed Ryan as head chef"
        if line is None:
            continue
        start, end = tok.idx, tok.idx + len(tok.text)
        if any(not (end <= m.start or start >= m.end) for m in mentions):
            continue
        out.append(Mention(start, end, line, line, tok.text))
    return out


#: A title given to the name just before: "… Kevin the floor manager", "… Ryan as head chef", "… Jake to supervisor".
_MADE_TITLE = re.compile(r",? (?:as |to )?(?:the |our |my |a )?(?:new )?(?:[a-z-]+ ){0,2}?(?:manager|supervisor|lead|"
                         r"leader|boss|head|foreman|chief)\b(?! of (?:another|other|a different|the other|their|his|her)\b)",
                         re.IGNORECASE)
_MAKES = frozenset({"make", "appoint", "promote", "name", "put"})


def _made_over_the_writer(reading: Reading, tok) -> bool:
    """Someone else made the name a title over the writer's work: "last year he made his son Kevin the floor
    manager" (Kevin had been nobody's line, and the father, a fair owner, the one the letter accused)."""
    if not _MADE_TITLE.match(reading.text, tok.idx + len(tok.text)):
        return False
    verb = next((t for t in reversed(reading.doc[max(0, tok.i - 4):tok.i]) if t.lemma_.lower() in _MAKES
                 and t.pos_ == "VERB"), None)
    return verb is not None and not _writer_is_subject(verb) and verb.i >= tok.sent.start


def _made_bosses(reading: Reading, drafts: dict[str, PartyDraft], is_manager: bool) -> None:
    """A person someone else made a boss over the writer ("he made his son Brandon the floor manager") is in the
    writer's line, with the title given them: a relative ("his son") had stayed outside the line, and the name and
    the title, read as a line of their own, had gone to the party of whoever made them (the owner)."""
    if is_manager:
        return
    made = [(d, m) for d in drafts.values() for m in d.mentions
            if reading.token_at(m.start).pos_ == "PROPN" and _made_over_the_writer(reading, reading.token_at(m.start))]
    for holder_draft, m in made:
        person = next((d for d in drafts.values() if m.text in d.names), holder_draft)
        person.role = "manager"
        for own in person.mentions:
            own.role = "manager"
        title = _MADE_TITLE.match(reading.text, m.end)
        end = title.end() if title else m.end
        for other in drafts.values():
            if other is person:
                continue
            moved = [o for o in other.mentions if m.start <= o.start < end]
            other.mentions = [o for o in other.mentions if o not in moved]
            person.mentions += [Mention(o.start, o.end, person.key, "manager", o.text) for o in moved]
            for o in moved:
                _tag_tokens(reading, o.start, o.end, person.key)
        person.mentions.sort(key=lambda x: x.start)
    for key in [k for k, d in drafts.items() if not d.mentions]:
        del drafts[key]


#: What someone who draws up the writer's hours makes: "does our schedules", "writes the rota".
_SCHEDULES = frozenset({"schedule", "rota", "roster", "timetable", "shift"})
#: The verbs of drawing them up.
_DRAWS_UP = frozenset({"do", "make", "write", "set", "plan", "draw", "organise", "organize"})
#: A part of the place someone runs, with "the": "runs the front of house", "runs the floor".
_RUN_PARTS = re.compile(r"(?:the )?(?:front of house|floor|shop floor|shift)$", re.IGNORECASE)


def _running_the_writers_work(reading: Reading, drafts: dict[str, PartyDraft], is_manager: bool) -> None:
    """A person said to run the writer's part of the place or to draw up their hours is their manager, whatever
    word first named them: "The owner's nephew, Marco, runs the front of house and does our schedules" (a red
    team found him read as a coworker, and a waitress offered a note to her own manager about him)."""
    if is_manager:
        return
    for d in drafts.values():
        if d.role not in _LOOSE_ROLES:
            continue  # ("a woman called Priya runs the floor": "a woman" alone reads as a customer)
        for m in d.mentions:
            verb = _verb_of_subject(reading, m)
            if verb is not None and _runs_the_writers_work(verb):
                d.role = "manager"
                for own in d.mentions:
                    own.role = "manager"
                break


def _verb_of_subject(reading: Reading, m: Mention):
    """The verb whose subject the mention is ("Marco runs…", "The owner's nephew, Marco, runs…"), or None."""
    toks = list(reading.tokens_in(m.start, m.end))
    if not toks:
        return None
    root = next((t for t in toks if t.head.i == t.i or not m.start <= t.head.idx < m.end), toks[0])
    if root.dep_ == "appos" and root.head.dep_ == "nsubj":
        root = root.head
    return root.head if root.dep_ == "nsubj" and root.head.pos_ in ("VERB", "AUX") else None


def _runs_the_writers_work(verb) -> bool:
    """The verb, or one joined to it with the same subject, runs a part of the place or draws up "our" hours."""
    for v in [verb, *(c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"
                      and not any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children))]:
        if any(c.dep_ == "neg" for c in v.children):
            continue  # "she doesn't do our rota any more"
        for obj in (c for c in v.children if c.dep_ == "dobj"):
            phrase = _phrase_of(obj)
            ours = any(g.dep_ == "poss" and g.lower_ in ("our", "my") for g in obj.children)
            if v.lemma_.lower() == "run" and _RUN_PARTS.search(phrase) and obj.i > v.i:
                return True
            if v.lemma_.lower() in _DRAWS_UP and ours and obj.lemma_.lower() in _SCHEDULES:
                return True
    return False


def _phrase_of(tok) -> str:
    """The words of a token's phrase, in order."""
    return " ".join(t.text for t in tok.subtree)


def _own_boss_said_to_be(reading: Reading, drafts: dict[str, PartyDraft]) -> None:
    """The writer's own boss said to be someone is that someone: "My line manager is the Head of Operations (Pieter
    de Vries)", "My boss is actually the subcontractor, Phil" (red team 40 found one man read as three parties, his
    full name a skip-level manager of its own). The title, the name beside it and a name in brackets after it join
    the writer's line, as the writer gives it."""
    for d in list(drafts.values()):
        if d.key not in drafts or d.role != "manager":
            continue
        for m in list(d.mentions):
            if not m.text.lower().startswith(("my ", "our ")):
                continue
            toks = list(reading.tokens_in(m.start, m.end))
            root = next((t for t in toks if t.head.i == t.i or not m.start <= t.head.idx < m.end), None)
            if root is None or root.dep_ != "nsubj" or root.head.lemma_ != "be":
                continue
            attr = next((c for c in root.head.children if c.dep_ == "attr"), None)
            if attr is None:
                continue
            said = [attr, *(c for c in attr.children if c.dep_ == "appos")]
            keys = {reading.token_party[t.i] for t in said if t.i in reading.token_party}
            after = reading.text[attr.idx + len(attr.text):]
            bracket = re.match(r"\s*\(", after)
            if bracket:
                inside = attr.idx + len(attr.text) + bracket.end()
                keys |= {reading.token_party[t.i] for t in reading.tokens_in(inside, inside + 40)
                         if t.i in reading.token_party and t.idx < inside + after[bracket.end():].find(")") + 1}
            for key in keys - {d.key}:
                if key not in drafts or drafts[key].role == "hr":
                    continue
                other = drafts.pop(key)
                for o in other.mentions:
                    d.mentions.append(Mention(o.start, o.end, d.key, d.role, o.text))
                    _tag_tokens(reading, o.start, o.end, d.key)
                d.names |= other.names
                if d.gender is None:
                    d.gender, d.gender_by_name = other.gender, other.gender_by_name
            d.mentions.sort(key=lambda x: x.start)


def _within(mentions: list[Mention], offset: int) -> Mention | None:
    return next((m for m in mentions if m.start <= offset < m.end), None)


def _reported_to_titles(reading: Reading, mentions: list[Mention]) -> list[Mention]:
    """A title the writer reports to is their manager whatever it names elsewhere: "I report straight to our CFO"
    (a chief officer is otherwise above the writer's manager)."""
    out = []
    for m in mentions:
        span = reading.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None and m.role in ("skip_level", "other") and _reports_to(span.root):
            m = Mention(m.start, m.end, m.key, "manager", m.text)
        out.append(m)
    return out


def _reports_to(tok) -> bool:
    """The name is whom the writer reports or answers to: "I report to Mei", "we both answer to Lucía", "I report
    to the duty manager, Lucía" (the name set beside the title)."""
    if tok.dep_ == "appos":
        tok = tok.head
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ != "to" or prep.head.lemma_.lower() not in ("report", "answer"):
        return False
    return _writer_is_subject(prep.head)


_IN_CHARGE_OF_WRITER = re.compile(r",? (?:who(?: is|'s| was) |is |was |now )?(?:now )?(?:in charge of|over|above) (?:me|us)\b",
                                  re.IGNORECASE)


def _object_is_writer(verb) -> bool:
    """ "oversees me", "organises us", "organises all of us"."""
    return any(c.dep_ == "dobj" and (c.lower_ in ("me", "us") or c.lower_ in ("all", "both", "each") and any(
        p.dep_ == "prep" and p.lower_ == "of" and any(g.lower_ == "us" for g in p.children) for p in c.children))
        for c in verb.children)


#: Verbs by which someone runs the writer's work: "the coordinator, who organises all of us", "she schedules me".
_RUNS_ME = frozenset({"manage", "supervise", "oversee", "line-manage", "organise", "organize", "coordinate", "direct"})


#: Verbs by which someone is over a group: "Priya supervises the interns", "Marcus runs our shift".
_OVER_A_GROUP = _OVERSEE | {"lead", "head", "run", "direct", "schedule"}
#: Groups that are the writer's own when "our" or "my" comes before them.
_OUR_GROUPS = frozenset({"team", "department", "unit", "shift", "group", "office", "crew", "store", "ward", "floor",
                         "section", "branch", "staff", "division", "squad", "class", "cohort"})


def _writers_kind(doc) -> set[str]:
    """What the writer says they are: "I am one of six interns", "I'm a cashier", "I work as a nurse" (lemmas).
    Read once per letter and kept on the parse (it is asked for every mention)."""
    if "writers_kind" not in doc.user_data:
        doc.user_data["writers_kind"] = _read_writers_kind(doc)
    return doc.user_data["writers_kind"]


def _read_writers_kind(doc) -> set[str]:
    kinds = set()
    for tok in doc:
        if tok.dep_ not in ("attr", "pobj") or tok.pos_ != "NOUN":
            continue
        verb = tok.head if tok.dep_ == "attr" else tok.head.head if tok.head.lower_ in ("as", "of") else None
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ == "one":
            verb = tok.head.head.head  # "I am one of the interns"
        if verb is not None and verb.lemma_ in ("be", "work", "start", "join") and any(
                c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in verb.children):
            kinds.add(tok.lemma_.lower())
    return kinds


def _the_writers_group_overseen(reading: Reading, m: Mention) -> bool:
    """ "the interns" in "Priya supervises the interns", written by an intern: the writer's own group, named as
    what someone is over, not someone who acts (the same group acting elsewhere in the letter stays)."""
    toks = list(reading.tokens_in(m.start, m.end))
    if not toks or m.role not in ("peer", "other"):
        return False
    root = next((t for t in toks if t.head.i == t.i or not m.start <= t.head.idx < m.end), toks[0])
    return root.dep_ == "dobj" and _over_the_writers_group(root.head, _writers_kind(reading.doc))


def _over_the_writers_group(verb, kinds: set[str]) -> bool:
    """ "supervises the interns" in a letter whose writer is an intern; "runs our team"."""
    if verb.lemma_.lower() not in _OVER_A_GROUP:
        return False
    for c in verb.children:
        if c.dep_ != "dobj":
            continue
        ours = any(g.dep_ == "poss" and g.lower_ in ("our", "my") for g in c.children)
        if c.lemma_.lower() in kinds and c.tag_ in ("NNS", "NNPS") or ours and c.lemma_.lower() in _OUR_GROUPS:
            return True
    return False


def _related_to_writer(reading: Reading, m: Mention) -> Mention:
    """``m``, or the same phrase in the line the grammar gives it (``_line_from_grammar``) when its words
    alone only said coworker, outsider or customer; and the person a writer assists ("I work as personal
    assistant to our chief executive") is their manager, however senior the title."""
    if m.role in ("skip_level", "other", "peer") and _assisted_by_writer(reading, m):
        return Mention(m.start, m.end, "manager", "manager", m.text)
    if m.role not in _LOOSE_ROLES:
        return m
    line = _line_from_grammar(reading, m)
    return Mention(m.start, m.end, line, line, m.text) if line else m


#: What a writer who works for one person says they are to them: "the assistant to", "secretary to", "deputy to".
_ASSISTS = frozenset({"assistant", "pa", "secretary", "deputy"})


def _assisted_by_writer(reading: Reading, m: Mention) -> bool:
    toks = list(reading.tokens_in(m.start, m.end))
    if not toks:
        return False
    root = next((t for t in toks if not m.start <= t.head.idx < m.end or t.head.i == t.i), toks[0])
    title = root.head.head
    return root.dep_ == "pobj" and root.head.lower_ == "to" and title.lemma_.lower() in _ASSISTS and \
        title.lemma_.lower() in _writers_kind(reading.doc)


#: Titles someone is promoted to or becomes when they come to run the writer's work.
_RUNS_TITLES = frozenset({"leader", "lead", "supervisor", "manager", "boss", "head", "director", "foreman", "chief"})
#: The roles of the writer's reporting line.
_LINE = frozenset({"manager", "skip_level", "direct_report"})
#: Roles a stated line may replace: the words' guess ("a guy on my team", "the supervisor on the rehab wing").
_RESTATABLE = frozenset({"peer", "manager", "direct_report", "skip_level", "other"})


def _restate_lines(reading: Reading, drafts: dict[str, PartyDraft], is_manager: bool) -> None:
    """A line the letter states outright wins over the one the phrase's words gave: "now she reports to me" (a
    friend become the writer's report), "Kieran was promoted to team leader" or "she is effectively above me"
    (a teammate or relative become the writer's manager), "she's not above me" or "we are at the same level"
    (a senior-sounding title who is the writer's peer). The stated person's mentions move to a party of that
    line; the rest of a group named with them stays."""
    # The first two passes look only at the tokens of a party (read as the passes go: a move tags new ones), so
    # the letter's other tokens are not built as objects here.
    for i in range(len(reading.doc)):
        key = reading.token_party.get(i)
        if key is None or key not in drafts or drafts[key].role not in _RESTATABLE:
            continue
        tok = reading.doc[i]
        line = _stated_line(tok, is_manager) or next(filter(None, (_stated_line(who, is_manager) for who in _relative_subjects(tok))), None)
        if line == "peer" and drafts[key].role == "skip_level":
            continue  # "one of the higher-ups; she isn't my boss": above the writer still, not beside them
        if line is not None and line != drafts[key].role:
            _move_person(reading, drafts, key, tok, line)
    for tok in reading.doc:  # "Clive is over Kev", "Helen, who is over Raj", Kev the writer's manager: above them both
        subjects = ([tok] if tok.dep_ == "nsubj" else []) + _relative_subjects(tok)
        verbs = [s.head for s in subjects if s.head.lemma_ == "be" and not any(c.dep_ == "neg" for c in s.head.children)]
        if not verbs:
            continue
        key = reading.token_party.get(tok.i) or next((k for k, d in drafts.items() if tok.text[:1].isupper() and tok.text in d.names), None)
        if key is None or key not in drafts or drafts[key].role not in _RESTATABLE:
            continue
        under = [g for v in verbs for c in v.children if c.dep_ == "prep" and c.lower_ in ("over", "above")
                 for g in c.children if g.dep_ == "pobj"]
        if any(reading.token_party.get(g.i) not in (None, key) and drafts.get(reading.token_party[g.i]) is not None
               and drafts[reading.token_party[g.i]].role == "manager" for g in under) and drafts[key].role != "skip_level":
            first = drafts[key].mentions[0].start  # the name may be no mention here ("Clive" tagged as an adjective)
            _move_person(reading, drafts, key, next(t for t in reading.doc if t.idx >= first), "skip_level")
    for i in range(len(reading.doc)):  # "my boss is the managing director": the title names the writer's manager
        key = reading.token_party.get(i)
        if key is None or key not in drafts or drafts[key].role != "manager":
            continue
        tok = reading.doc[i]
        if tok.dep_ != "nsubj" or \
                tok.text.lower() not in _BOSS_WORDS or tok.head.lemma_ != "be" or tok.head.tag_ not in ("VBZ", "VBP"):
            continue
        for attr in (c for c in tok.head.children if c.dep_ == "attr" and not any(n.dep_ == "neg" for n in tok.head.children)):
            other = reading.token_party.get(attr.i)
            if other is not None and other != key and other in drafts and drafts[other].role in ("skip_level", "other"):
                _move_person(reading, drafts, other, attr, "manager")
    if WRITER_IN_HR.search(reading.text):  # "I'm the HR officer … just me and the HR manager, Denise": her boss
        for key, d in list(drafts.items()):
            if d.role == "hr" and any(_HEADS_HR.search(m.text) for m in d.mentions):
                _move_group(reading, drafts, key, "manager")
    for i in range(len(reading.doc)):  # a manager (not the writer's, by the words) who directs the writer: theirs
        key = reading.token_party.get(i)
        if key is None or key not in drafts or drafts[key].role != "peer" or not is_manager \
                or not drafts[key].mentions or not _A_MANAGER.match(drafts[key].mentions[0].text) \
                or _OF_ANOTHER_PLACE.match(reading.text, drafts[key].mentions[0].end):
            continue
        if _directs_the_writer(reading.doc[i]):
            _move_person(reading, drafts, key, reading.doc[i], "manager")
    for tok in reading.doc:  # "the managers who run the other departments, people at the same level as me"
        if tok.lower_ != "level" or tok.dep_ != "pobj" or tok.head.lower_ not in ("at", "on") \
                or not any(c.lower_ == "same" for c in tok.children):
            continue
        said_of = tok.head.head
        if said_of.lemma_ == "be" and said_of.dep_ == "relcl":  # "Priya, who is on the same level as me"
            said_of = said_of.head
        named = said_of if said_of.i in reading.token_party else said_of.head if said_of.dep_ == "appos" else None
        key = reading.token_party.get(named.i) if named is not None else None
        if key is not None and key in drafts and drafts[key].role in _RESTATABLE and drafts[key].role != "peer":
            if all(_plural(m.text) for m in drafts[key].mentions):  # a group said to be level with the writer
                _move_group(reading, drafts, key, "peer")
            else:
                _move_person(reading, drafts, key, named, "peer")
    for tok in reading.doc:  # "we're at the same level", "we both answer to the DON": the person just named
        if tok.lower_ == "we" and tok.dep_ == "nsubj" and _same_level(tok.head):
            before = [(t.i, reading.token_party[t.i]) for t in reading.doc[max(0, tok.i - 60):tok.i]
                      if t.i in reading.token_party and reading.token_party[t.i] in drafts
                      and not _plural(t.text) and reading.sentence_index(t.idx) >= reading.sentence_index(tok.idx) - 2]
            if before:
                i, key = before[-1]
                if drafts[key].role in _LINE or is_unplaced(key):
                    _move_person(reading, drafts, key, reading.doc[i], "peer")


#: The writer works in HR: "I'm the HR officer", "I work in HR", "I'm the one and only HR person", "I am HR".
WRITER_IN_HR = re.compile(r"\bI(?:['’]m| am| work as| was hired as| started as)\s+(?:a|an|the|one of the)\s+"
                          r"(?:(?:one and only|only|sole|lone|[a-z-]+)\s+)?"
                          r"(?:hr|human resources|personnel|people)\s+(?:officer|advis[eo]r|assistant|coordinator|"
                          r"administrator|generalist|business partner|specialist|executive)\b|"
                          r"\bI(?:['’]m| am)\s+(?:a|an|the)\s+(?:(?:one and only|only|sole|lone|[a-z-]+)\s+)?"
                          r"(?:hr|human resources)\s+(?:person|department|manager|director|lead)\b|"
                          r"\bI work in (?:hr|human resources|personnel)\b|\bI(?:['’]m| am) (?:the )?(?:whole|entire|only) "
                          r"(?:hr|human resources) (?:department|team|function)\b|\bI(?:['’]m| am) (?:hr|human resources)\b",
                          re.IGNORECASE)
#: ... and whoever heads HR is then their manager, not a department they could take it to.
_HEADS_HR = re.compile(r"\b(?:hr|human resources|personnel|people) (?:manager|director|lead|head)\b|\bhead of "
                       r"(?:hr|human resources|people)\b", re.IGNORECASE)
#: A manager named by the title alone, whom the words make a fellow manager of a writer who manages (parties.yaml
#: ``a_manager``): "the new manager", "a manager", "a new head of department".
_A_MANAGER = re.compile(r"(?:the|a|an|our)(?: new)? (?:manager|supervisor|head of (?:department|[a-z]+)|department head|"
                        r"director)$", re.I)
#: What says a manager runs another place: "a manager from another store", "the manager of the sales floor".
_OF_ANOTHER_PLACE = re.compile(r"\s+(?:of|from|in|at|for|over|on)\b", re.I)
#: Verbs by which someone directs the writer's own work: "she is pressing me to let him cook", "he told me to".
_DIRECTS = frozenset({"press", "pressure", "push", "tell", "instruct", "order", "insist", "force", "overrule",
                      "undercut", "countermand"})


def _directs_the_writer(tok) -> bool:
    """ "We now have a new manager … she is pressing me to let him cook": a manager who tells a writer who manages
    others what to do is over them, not a fellow manager (a blind panel: a head chef's new manager read as a
    peer). Not a wish or a question ("she might tell me to")."""
    verbs = [tok.head] if tok.dep_ in ("nsubj", "nsubjpass") else []  # ("he's started …": parsed as passive)
    verbs += [w.head for w in _relative_subjects(tok)]
    verbs += [c for v in verbs for c in v.children if c.dep_ == "xcomp"]  # "she keeps pressing me"
    return any(v.lemma_.lower() in _DIRECTS and any(c.dep_ in ("dobj", "dative") and c.lower_ in ("me", "us")
                                                    for c in v.children)
               and not any(c.dep_ == "neg" or c.tag_ == "MD" for c in v.children) for v in verbs)


def _relative_subjects(tok) -> list:
    """The "who" of the relative clauses said of ``tok``: "an older man who now works under me" (also a second clause
    joined to the first: "who had covered the post, and who now works under me")."""
    clauses = [c for c in tok.children if c.dep_ == "relcl"]
    clauses += [j for c in clauses for j in c.children if j.dep_ == "conj" and j.pos_ in ("VERB", "AUX")]
    return [w for c in clauses for w in c.children if w.dep_ == "nsubj" and w.lower_ in ("who", "that")]


def _to_writer(head, prep: str) -> bool:
    """ "reports to me", "is above me"; not "one level above me" (senior, not the writer's manager)."""
    return any(c.dep_ == "prep" and c.lower_ == prep and any(g.dep_ == "pobj" and g.lower_ in ("me", "us") for g in c.children)
               and all(g.dep_ == "pobj" for g in c.children) for c in head.children)


#: What a person in charge runs when they run the writer's work: "in charge of us", "of the team", "of everything".
_OVER_THE_WRITER = frozenset({"we", "us", "i", "me", "everyone", "everybody", "everything", "team", "staff", "shift",
                              "department", "unit", "ward", "floor", "store", "shop", "office", "site", "kitchen", "crew"})


_NOW_AND_THEN = frozenset({"often", "sometimes", "occasionally", "usually", "regularly", "frequently", "normally",
                           "generally", "mostly", "rarely", "also"})


def _in_charge_of_the_writer(verb) -> bool:
    """``verb`` says its subject is in charge, of nothing or of the writer's group ("she is now in charge", "in
    charge of us", "in charge of the whole team"), not of a thing ("in charge of the budget")."""
    if verb.dep_ == "advcl" or any(c.dep_ == "advmod" and c.lower_ in _NOW_AND_THEN for c in verb.children):
        return False  # "she is often in charge", "when she's in charge": a shift's charge, taken in turn
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"):
        charge = next((g for g in prep.children if g.dep_ == "pobj" and g.lower_ == "charge"), None)
        if charge is None:
            continue
        of = [g for p in charge.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
        return not of or any(g.lemma_.lower() in _OVER_THE_WRITER or g.lower_ in _OVER_THE_WRITER for g in of)
    return False


def _stated_line(tok, is_manager: bool) -> str | None:
    """The line a clause whose subject is ``tok`` states between that person and the writer, if any."""
    verb = tok.head
    if any(c.dep_ == "mark" and c.lower_ in ("though", "if", "like") for c in verb.children):
        return None  # a likeness states no line: "he behaves as though he's my boss", "she acts like my manager"
    lemma = verb.lemma_.lower()
    negated = any(c.dep_ == "neg" for c in verb.children) or _no_longer(verb)
    if tok.dep_ == "dobj" and lemma in _OVERSEE and _writer_is_subject(verb) and not negated:
        return "direct_report"  # "now I supervise her"
    if tok.dep_ == "poss" and lemma in _OVER_TITLES and verb.dep_ == "attr" and verb.head.lemma_ in ("be", "become") \
            and _writer_is_subject(verb.head) and not any(c.dep_ == "neg" for c in verb.head.children):
        return "direct_report"  # "I'm now her acting manager"
    if tok.dep_ == "nsubj" and lemma in ("report", "answer") and _to_writer(verb, "to") and not negated:
        return "direct_report"
    if tok.dep_ == "nsubj" and lemma in _RUNS_ME and _object_is_writer(verb) and not negated \
            and not any(c.tag_ == "MD" for c in verb.children):
        return "manager"  # "the coordinator, who organises all of us"; not "she would manage us"
    if tok.dep_ == "nsubj" and lemma == "work" and (_to_writer(verb, "for") or _to_writer(verb, "under")) and not negated \
            and not any(c.tag_ == "MD" for c in verb.children):  # not a plan: "the plan was that he would work under me"
        return "direct_report"
    if tok.dep_ == "nsubj" and lemma == "be" and _one_of_my_reports(verb) and not negated:
        return "direct_report"  # "the woman who used to be my boss is now one of my reports"
    if tok.dep_ == "nsubj" and lemma == "be" and (_to_writer(verb, "above") or _to_writer(verb, "over")):
        return "peer" if negated else (None if is_manager else "manager")
    if tok.dep_ == "nsubj" and (_is_my_boss(verb) or _will_be_my_boss(verb)):
        # "the owner, who is my boss,", "the managing director is also my boss"; denied ("the office manager ...
        # isn't my supervisor"), someone who acts as the writer's boss without being it, as "she's not above me"
        return "peer" if negated else "manager"
    if is_manager or negated:
        return None
    if tok.dep_ in ("nsubj", "nsubjpass") and lemma in ("be", "put", "leave") and _in_charge_of_the_writer(verb):
        return "manager"  # "she told us she is now in charge", "he was put in charge of us"
    if tok.dep_ == "nsubjpass" and lemma in ("promote", "make", "appoint", "name"):
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("to", "as")):
            if any(g.dep_ == "pobj" and g.lemma_.lower() in _RUNS_TITLES and not _of_another(g) for g in prep.children):
                return "manager"
    if tok.dep_ == "nsubj" and lemma == "become":
        for attr in (c for c in verb.children if c.dep_ == "attr" and c.lemma_.lower() in _RUNS_TITLES):
            if any(c.dep_ == "poss" and c.lower_ in ("my", "our") for c in attr.children):
                return "manager"
    return None


#: The writer's people, as "one of" them: "one of my reports", "one of my staff".
_MY_PEOPLE = frozenset({"report", "reports", "staff", "employee", "employees", "subordinate", "subordinates", "team",
                        "people", "supervisee", "supervisees"})


def _one_of_my_reports(verb) -> bool:
    """ "is now one of my reports", "is one of my staff": the writer's report, whatever their title was."""
    return verb.tag_ in ("VBZ", "VBP") and any(
        a.dep_ == "attr" and a.lower_ == "one" and any(
            p.dep_ == "prep" and p.lower_ == "of" and any(
                g.lower_ in _MY_PEOPLE and any(d.dep_ == "poss" and d.lower_ in ("my", "our") for d in g.children)
                for g in p.children) for p in a.children) for a in verb.children)


def _no_longer(verb) -> bool:
    """ "She no longer works for us", "he doesn't report to me anymore": a line that has ended."""
    return any(c.lower_ == "anymore" or c.lower_ in ("longer", "more") and any(g.lower_ in ("no", "any") for g in c.children)
               for c in verb.children)


#: The words by which a writer says someone is the one they work for.
_BOSS_WORDS = frozenset({"boss", "manager", "supervisor", "superior", "employer"})


def _names_my_boss(verb) -> bool:
    """The verb's complement is "my/our boss" (or manager, supervisor...), or "the person I report to"."""
    return any(c.dep_ == "attr" and (c.lemma_.lower() in _BOSS_WORDS and any(
        p.dep_ == "poss" and p.lower_ in ("my", "our") for p in c.children) or any(
        r.dep_ == "relcl" and _reports_to_writer(r) for r in c.children)) for c in verb.children)


def _reports_to_writer(verb) -> bool:
    """ "(the person) I report to", "(the one) we answer to": the writer's line runs to whoever the clause is of."""
    return verb.lemma_.lower() in ("report", "answer") and any(
        c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in verb.children) and any(
        c.dep_ == "prep" and c.lower_ == "to" and not any(g.dep_ == "pobj" for g in c.children) for c in verb.children)


def _is_my_boss(verb) -> bool:
    """ "is my boss", "is also our manager": the present tense ("was my boss" is a former one)."""
    return verb.lemma_ == "be" and verb.tag_ in ("VBZ", "VBP") and _names_my_boss(verb)


def _will_be_my_boss(verb) -> bool:
    """ "he was told he would now be my manager", "she will be my new boss": the line a change of role made (not
    "if he were my boss", which is not said with "would" or "will")."""
    return verb.lemma_ == "be" and verb.tag_ == "VB" and any(
        c.dep_ == "aux" and c.lower_ in ("would", "will", "'ll", "’ll") for c in verb.children) and not any(
        c.dep_ == "mark" and c.lower_ == "if" for c in verb.children) and _names_my_boss(verb)


def _of_another(title) -> bool:
    """ "promoted to manager of another team": not over the writer."""
    return any(c.dep_ == "prep" and c.lower_ in ("of", "in", "at") and any(
        d.lower_ in ("another", "other", "different") for g in c.children for d in g.subtree) for c in title.children)


def _same_level(verb) -> bool:
    """ "we are at the same level", "we're equals", "we both answer to the DON"."""
    lemma = verb.lemma_.lower()
    if lemma == "be":
        for c in verb.children:
            if c.dep_ == "prep" and any(g.lemma_.lower() in ("level", "grade", "rank") and any(
                    m.lower_ == "same" for m in g.children) for g in c.children):
                return True
            if c.dep_ == "attr" and c.lemma_.lower() in ("peer", "equal", "colleague"):
                return True
    if lemma in ("report", "answer") and any(c.lower_ == "both" for c in verb.children) and \
            any(c.dep_ == "prep" and c.lower_ == "to" for c in verb.children):
        return True
    return any(c.dep_ == "conj" and _same_level(c) for c in verb.children)


def _move_person(reading: Reading, drafts: dict[str, PartyDraft], key: str, tok, role: str) -> None:
    """Give the person ``tok`` names the ``role`` the letter states: the whole party when it names one person,
    else the one-person mentions (names, he/she, "a guy on my team") while a group named with them stays."""
    d = drafts[key]
    moving = d.mentions if not any(_plural(m.text) for m in d.mentions) else [m for m in d.mentions if not _plural(m.text)]
    if d.role in _LINE:  # "my manager" says the line itself: only what points at someone (she, a name) moves
        moving = [m for m in moving if not m.text.lower().startswith(("my ", "our "))]
    if not moving or not any(m.start <= tok.idx < m.end for m in moving):
        return
    _move_mentions(reading, drafts, key, moving, role)


def _move_group(reading: Reading, drafts: dict[str, PartyDraft], key: str, role: str) -> None:
    """Give a whole group the ``role`` the letter states ("the other regional managers, people at the same level as
    me"): every mention moves."""
    _move_mentions(reading, drafts, key, list(drafts[key].mentions), role)


def _move_mentions(reading: Reading, drafts: dict[str, PartyDraft], key: str, moving: list[Mention], role: str) -> None:
    """Make a new party with ``role`` from the ``moving`` mentions of party ``key``; the party goes when none is left."""
    d = drafts[key]
    d.mentions = [m for m in d.mentions if m not in moving]
    if not d.mentions:
        del drafts[key]
    new_key = free_key(drafts, role)
    moved = PartyDraft(new_key, role, gender=d.gender, names=set(d.names))
    for m in moving:
        moved.mentions.append(Mention(m.start, m.end, new_key, role, m.text))
        _tag_tokens(reading, m.start, m.end, new_key)
    drafts[new_key] = moved


def _resolve_possessive_managers(reading: Reading, drafts: dict[str, PartyDraft]) -> None:
    """'his manager' is a peer's manager when there is a peer (or someone named whose line is open), else the
    skip-level."""
    pm = drafts.get("peers_manager")
    if not pm:
        return
    has_other_side = any(k in drafts for k in ("peer", "direct_report", "customer")) or any(
        d.role == "other" for d in drafts.values())
    if has_other_side:
        return
    del drafts["peers_manager"]
    if "manager" in drafts:
        target = drafts.setdefault("skip_level", PartyDraft("skip_level", "skip_level"))
        for m in pm.mentions:
            m.key, m.role = "skip_level", "skip_level"
        target.mentions = sorted(target.mentions + pm.mentions, key=lambda m: m.start)
        for m in pm.mentions:
            _tag_tokens(reading, m.start, m.end, "skip_level")
    else:  # no one left to be: its words name no party (a tag left behind had stopped the reading with an error)
        for i in [i for i, key in reading.token_party.items() if key == "peers_manager"]:
            del reading.token_party[i]


#: Titles that run a unit the writer works in ("the head of my department", "my team lead"), and titles that run
#: the whole place ("the new head", "our principal", "the director"). Both read as the writer's manager alone; said
#: together they are two people, and the one over the whole place stands above the writer's own boss.
_UNIT_BOSS = re.compile(r"\b(department head|head of ((my|our|the) )?(department|dept|year|section|unit|team)|hod|"
                        r"(line manager|team ?lead|team leader|supervisor|shift (lead|leader|supervisor)|charge nurse|"
                        r"foreman|department chair|head chef|ward sister|nurse in charge)|"
                        # "My own manager, Paul, agrees with us": the writer's own boss, below a management team
                        r"(my|our) (own |direct |immediate )?(line )?(manager|boss))\b", re.IGNORECASE)
_WHOLE_PLACE_BOSS = re.compile(r"\b(head|principal|head ?teacher|headmaster|headmistress|dean|ceo|chief executive|"
                               r"owners?|president|managing director|general manager|superintendent|"
                               # "my supervisor … the store manager": the one who runs the shop, above the supervisor
                               r"(store|shop|branch|restaurant|practice|home|site|plant) manager|manager of (our|the|my) "
                               r"(store|shop|branch|restaurant|practice|home|site|plant)|"
                               # "the new management team have changed everything", "the people who run the company"
                               r"management( team)?|(people|ones|family|couple) (who|that) (run|own)s?)\b(?! of ((my|our|the) )?"
                               r"(department|dept|year|section|unit|team))", re.IGNORECASE)


#: "She is my boss", "he's also my manager": the words name the one just spoken of, not a second boss.
_IS_MY_BOSS = re.compile(r"\b(?:she|he)(?:['’]s| is| was| has been)(?: also| still| actually| technically)? $",
                         re.IGNORECASE)


#: The writer's first-line boss, said as such ("my direct supervisor", "my line manager", "my team lead"): beside
#: one, the head of the writer's section or department is the level above ("The head of my section and the deputy
#: head shout at me … my direct supervisor isn't one of their favourites": three people, not one manager).
_FIRST_LINE_BOSS = re.compile(r"\b(my|our) ((direct|immediate) (supervisor|manager|boss)|line manager|team ?lead(er)?|"
                              r"shift (lead|leader|supervisor))\b", re.IGNORECASE)
_HEAD_OF_UNIT = re.compile(r"\b(head of (my|our|the) (department|dept|section|unit|office|service|division)|"
                           r"(department|section|unit) head)\b", re.IGNORECASE)


def _place_the_higher_boss(reading: Reading, drafts: dict[str, PartyDraft]) -> None:
    """"Our school got a new head … the head of my department just shrugs": two bosses, not one. The one over the
    whole place (or the head of the section, beside a first-line boss: ``_FIRST_LINE_BOSS``) moves above the writer's
    manager (a red team found both merged into one "your manager"); not where the writer's boss is said to be them
    ("my principal dropped in … She is my boss")."""
    boss = drafts.get("manager")
    if not boss or not any(_UNIT_BOSS.search(m.text) and not _IS_MY_BOSS.search(reading.text[max(0, m.start - 30):m.start])
                           for m in boss.mentions):
        return
    higher = [m for m in boss.mentions if _WHOLE_PLACE_BOSS.search(m.text) and not _UNIT_BOSS.search(m.text)]
    if any(_FIRST_LINE_BOSS.search(m.text) for m in boss.mentions):
        higher += [m for m in boss.mentions if _HEAD_OF_UNIT.search(m.text) and not _FIRST_LINE_BOSS.search(m.text)]
    if not higher:
        return
    boss.mentions = [m for m in boss.mentions if m not in higher]
    target = drafts.setdefault("skip_level", PartyDraft("skip_level", "skip_level"))
    for m in higher:
        m.key, m.role = "skip_level", "skip_level"
    target.mentions = sorted(target.mentions + higher, key=lambda m: m.start)


#: "My director", "our department director": a title that is the writer's manager's manager only when the letter
#: names a manager below it.
_OWN_DIRECTOR = re.compile(r"(my|our) ((department|dept\.?|division|unit|site|regional|practice) )?director", re.IGNORECASE)


def _director_is_the_boss(drafts: dict[str, PartyDraft]) -> None:
    """"My director says such guests can stay home": with no manager of the writer's named anywhere, the director
    the writer answers to is their manager, not two levels up (in the annotated library, six letters to none)."""
    top = drafts.get("skip_level")
    if top is None or "manager" in drafts or not all(_OWN_DIRECTOR.fullmatch(m.text) for m in top.mentions):
        return
    del drafts["skip_level"]
    top.key = top.role = "manager"
    for m in top.mentions:
        m.key, m.role = "manager", "manager"
    drafts["manager"] = top


def free_key(drafts: dict[str, PartyDraft], base: str, *, suffixed: bool = False) -> str:
    """A key no party holds: ``base`` itself when free (and not ``suffixed``), else "base_2", "base_3"... Every
    new person gets their key here, so two people of one line never share one."""
    if not suffixed and base not in drafts:
        return base
    return next(f"{base}_{n}" for n in range(2, len(drafts) + 3) if f"{base}_{n}" not in drafts)


def _tag_tokens(reading: Reading, start: int, end: int, key: str) -> None:
    for tok in reading.tokens_in(start, end):
        reading.token_party[tok.i] = key


def _link_names(reading: Reading, drafts: dict[str, PartyDraft], is_manager: bool = False) -> None:
    """A name names the party of a role word beside it: "Sofia, my other manager" or "our colleague Marta" (in
    apposition), else a role word just before it in the sentence ("my coworker, who sits by me, Dana"), else, with no
    role word near, the group named in the last two sentences ("We are three receptionists. Kofi told me…"): one of
    that group (``_split_named_people`` then makes each named member a person of their own)."""
    name_to_key: dict[str, str] = {}
    groups = sorted((m.start, d.key) for d in drafts.values() for m in d.mentions
                    if _plural(m.text) and d.role in ("peer", "manager", "direct_report", "skip_level"))
    tried: set[str] = set()
    claimed: set[int] = set()  # role words a name before them was said to be: not also the next name's
    in_ents = {i for e in reading.doc.ents for i in range(e.start, e.end)}
    loose = [reading.doc[t.i:t.i + 1] for t in reading.doc  # a name the parse left untagged: "Sofia, my other manager"
             if t.pos_ == "PROPN" and t.is_title and t.i not in in_ents and not _rank_before_name(reading, t)]
    ents = [e[:-1] if len(e) > 1 and e[-1].text == "I" else e for e in reading.doc.ents]  # "my manager Lisa I was…"
    for ent in sorted([*ents, *loose], key=lambda e: e.start):
        if ent.text in name_to_key or not _a_name(reading, ent) or _only_in_quotes(reading, ent.text):
            continue
        short = _short_for(ent, name_to_key)
        if short is not None:  # "PC Lyle Grant … Lyle is still on the team": the same person
            name_to_key[ent.text] = short
            drafts[short].names.add(ent.text)
            continue
        first_time = ent.text not in tried
        tried.add(ent.text)
        key = _bracketed_role(reading, ent) or _apposed_role(reading, ent) or _called_by_writer(reading, ent) \
            or _name_said_after(reading, ent)
        if key is None and (said := _described_right_after(reading, ent)) is not None:
            key, said_words = said  # "Then there's Dana, she's a senior exec on the same level as me, Priya who…"
            claimed.update(said_words)
        if key is None:  # a role word just before; a name met before without one needs it right beside it
            # ("one of the drivers, Gary … My supervisor just said Gary is a joker")
            near = [(reading.token_party[t.i], t.i) for t in _words_just_before(reading, ent)
                    if t.i in reading.token_party and t.i not in claimed
                    and (first_time or all(x.is_punct for x in reading.doc[t.i + 1:ent.start]))
                    and not _closed_before(reading, t.i, ent.start)]
            key = max(near, key=lambda kv: kv[1])[0] if near else None
        kin = _kin_before(reading, ent)
        if key is None and first_time and not kin:
            first = reading.sentence_index(ent.start_char)
            key = next((k for start, k in reversed(groups) if start < ent.start_char
                        and first - reading.sentence_index(start) <= 2), None)
        noun = _apposed_noun(reading, ent) if key is None and first_time and not kin else None
        if noun is not None:  # "The team lead at the bank, Craig,": a person of a line the rules do not know
            key = free_key(drafts, UNPLACED)
            phrase = _noun_phrase(reading, noun)
            role = "peer" if _works_beside_the_writer(reading, noun, ent) else "other"
            drafts[key] = PartyDraft(key, role, [Mention(phrase.start_char, phrase.end_char, key, role, phrase.text)])
            owner = next((t for t in phrase if t.dep_ == "poss" and t.i < noun.i and (
                t.pos_ == "PRON" and t.lower_ not in ("my", "our") or t.i in reading.token_party)), None)
            # "his wife", "the owner's site foreman": the foreman's words, while "his" stays a pronoun for the man it
            # points back to and "the owner" stays the owner
            first_own = next((t for t in phrase if owner is not None and t.i > owner.i and t.dep_ != "case"), None)
            _tag_tokens(reading, first_own.idx if first_own is not None else phrase.start_char, phrase.end_char, key)
        if key is None and first_time and not kin and _acts_unplaced(reading, ent):
            key = free_key(drafts, UNPLACED)  # "Kofi told me…": someone of a line the letter does not give
            one_of_us = _ONE_OF_US.search(reading.text[max(0, ent.start_char - 30):ent.start_char])  # ("One of the
            # other leads, Martin"); one whose own things the writer mocked or spoiled works beside them ("an
            # impression of Marisol's accent at the team lunch")
            beside = with_the_writer(ent) or one_of_us or theirs_acted_on(ent, by_the_writer=True) \
                or joked_about(ent, by_the_writer=True)
            # one the writer hired ("I hired Mara myself") works for them; one of a count of the people there ("two
            # of them, Sandra and Mick") is one of the writer's people if they manage, else a coworker
            counted = _one_of_a_count(ent)
            drafts[key] = PartyDraft(key, "direct_report" if (_hired_by_the_writer(ent) or counted) and is_manager
                                     else "peer" if beside or counted else "other")
        if key is not None and key in drafts:
            name_to_key[ent.text] = key
            drafts[key].names.add(ent.text)
    if not name_to_key:
        return
    for ent in ents:
        key = name_to_key.get(ent.text)
        if key and not any(t.i in reading.token_party for t in ent):
            drafts[key].mentions.append(Mention(ent.start_char, ent.end_char, key, drafts[key].role, ent.text))
            for t in ent:
                reading.token_party[t.i] = key
    for tok in reading.doc:  # the same name where the small model missed it as a name ("For months Trevor has…")
        key = name_to_key.get(tok.text)
        if key and tok.i not in reading.token_party and tok.is_title and tok.pos_ == "PROPN":  # ("March Gareth": a date)
            drafts[key].mentions.append(Mention(tok.idx, tok.idx + len(tok.text), key, drafts[key].role, tok.text))
            reading.token_party[tok.i] = key
    for d in drafts.values():
        d.mentions.sort(key=lambda m: m.start)


def _works_beside_the_writer(reading: Reading, noun, ent) -> bool:
    """The person works where the writer does: "I work on the packing line, and so does my brother-in-law Dale",
    "Dale is on my shift" (red team 41: a brother-in-law who harassed a new worker on the writer's line was read as
    no one at work, and the woman he harassed became the other side)."""
    so_does = noun.dep_ == "nsubj" and noun.head.lemma_ == "do" and any(c.lower_ == "so" for c in noun.head.children)
    # "Me and another project manager, Kelly, jointly run onboarding": one subject with the writer
    beside_me = noun.dep_ == "conj" and noun.head.lower_ in ("me", "i") or any(
        c.dep_ == "conj" and c.lower_ in ("me", "i") for c in noun.children)
    # "One of the other leads, Martin", "another project manager": one of the writer's own kind
    phrase = _noun_phrase(reading, noun)
    beside_me = beside_me or _ONE_OF_US.search(reading.text[max(0, phrase.start_char - 16):phrase.end_char]) is not None
    return so_does or beside_me or _ON_OUR_CREW.match(reading.text, ent.end_char) is not None


#: "One of the other leads", "another project manager", "the other supervisor": the writer is one of them too.
_ONE_OF_US = re.compile(r"\b(?:one of the other|another|the other)\b", re.IGNORECASE)


#: "I'll call him Tim", "his wife, whom I'll call Martha": the writer giving someone already named a name.
_CALLED = re.compile(r"\b(?:(?:whom|who)\s+(?:i(?:'ll|\u2019ll| will| shall| would)|we(?:'ll|\u2019ll| will)|i(?:'m| am) going to)"
                     r"\s+call\s+|(?:i(?:'ll|\u2019ll| will| shall| would)|we(?:'ll|\u2019ll| will)|let['\u2019]s|i(?:'m| am) "
                     r"going to)\s+call\s+(?:him|her|them)\s+)$", re.IGNORECASE)  # not "I'll call Dave tomorrow"


def _called_by_writer(reading: Reading, ent) -> str | None:
    """The party a name is given to with "I'll call him Tim" or "whom I'll call Martha": the person named just
    before (a name the writer made up for them). Without it the name was read as one of a group named earlier
    ("my people"), and the new CIO the letter is about was nobody."""
    before = reading.text[max(0, ent.start_char - 40):ent.start_char]
    m = _CALLED.search(before)
    if m is None:
        return None
    described = _named_by_clause(ent)
    if described is not None:  # "his wife, whom I'll call Martha": the noun the clause describes, if a party
        return reading.token_party.get(described.i)
    cut = ent.start_char - len(before) + m.start()
    earlier = [(i, k) for i, k in reading.token_party.items()
               if reading.doc[i].idx < cut and ent.start - i <= 40 and not _plural(reading.doc[i].text)]
    return max(earlier)[1] if earlier else None


#: "Her name is Michelle", "He's called Dev", "she goes by Jo": a name given to someone already spoken of.
_NAME_SAID = re.compile(r"\b(?:(?:his|her|their)\s+(?:first\s+)?name(?:['\u2019]s|\s+is|\s+was)|"
                        r"(?:he|she)(?:['\u2019]s|\s+is|\s+was)\s+(?:called|named)|(?:he|she)\s+goes\s+by)\s+$",
                        re.IGNORECASE)


def _name_said_after(reading: Reading, ent) -> str | None:
    """The party a name is given to a sentence or two after they were first spoken of ("A woman I work with kept
    talking over me… Her name is Michelle"): the one person spoken of just before. Without it the name was nobody
    and the words greeted "your peer"."""
    before = reading.text[max(0, ent.start_char - 30):ent.start_char]
    m = _NAME_SAID.search(before)
    if m is None:
        return None
    cut = ent.start_char - len(before) + m.start()
    earlier = [(i, k) for i, k in reading.token_party.items()
               if reading.doc[i].idx < cut and ent.start - i <= 60 and not _plural(reading.doc[i].text)]
    return max(earlier)[1] if earlier else None


def _described_right_after(reading: Reading, ent) -> tuple[str, set[int]] | None:
    """The party of the role words a name is said to be just after it ("Dana, she's a senior exec on the same level
    as me"; "Tom, who is my team lead"), and those words' tokens, or None."""
    m = _SAID_TO_BE_AFTER.match(reading.text, ent.end_char)
    if m is None or _apposed_noun(reading, ent) is not None:
        return None  # "a new practice manager, Carla, who is now my manager": the noun before the name holds her
    words = [t for t in reading.doc[ent.end:ent.end + 12] if t.idx >= m.end() and t.i in reading.token_party]
    if not words or words[0].idx - m.end() > 12:
        return None
    key = reading.token_party[words[0].i]
    return key, {t.i for t in words if reading.token_party[t.i] == key}


#: ", she's a", ", who is my", ", he is the": what follows a name to say who they are.
_SAID_TO_BE_AFTER = re.compile(r",\s*(?:she|he|they|who)(?:['’]s|\s+is|\s+was|['’]re|\s+are)\s+(?:also\s+|now\s+|actually\s+)?",
                               re.IGNORECASE)


def _named_by_clause(ent):
    """The noun a "whom I'll call Martha" clause describes ("his wife"), or None."""
    for tok in ent:
        verb = tok.head
        if tok.dep_ in ("oprd", "dobj", "attr") and verb.lemma_ == "call" and verb.dep_ == "relcl" \
                and verb.head.pos_ == "NOUN":
            return verb.head
    return None


def _short_for(ent, name_to_key: dict[str, str]) -> str | None:
    """The party of a full name met earlier that this one word shortens: "Ruth" after "Ruth Mayne", "Lindqvist"
    after "Mr Lindqvist". Without it the short name was a new person, who took the pronouns of the named one.
    None when the word shortens no name, or the names of two parties."""
    if len(ent) != 1:
        return None
    word = ent.text
    keys = {key for name, key in name_to_key.items() if " " in name and word in name.split()}
    return keys.pop() if len(keys) == 1 else None


#: The key of a person found by name alone, whose line the letter does not give ("person", "person_2"...).
UNPLACED = "person"


def _kin_before(reading: Reading, ent) -> bool:
    """A relative or friend word just before the name ("my husband John", "her friend Ana")."""
    return bool(_KIN_BEFORE.search(reading.text[max(0, ent.start_char - 25):ent.start_char]))


def is_unplaced(key: str) -> bool:
    return key == UNPLACED or key.startswith(UNPLACED + "_")


#: The writer giving their own name: "My name is Ahmad, I work in a car wash".
_WRITERS_NAME = re.compile(r"\b(?:my name is|my name['’]s|call me)\s+$", re.IGNORECASE)


def _acts_unplaced(reading: Reading, ent) -> bool:
    """A person's name with no role word or group near it, who does something in the letter ("Kofi told me in the
    kitchen…", "Hemi, who teaches PE, saw it"): a party of a line the letter does not state, so pronouns and the
    chooser can find them (the phrase readers give the line if they are the other side). Not a relative or a
    friend outside work ("my husband John": the caller checks ``_kin_before``), and not a name said only in
    passing."""
    if not ent.text[:1].isupper() or any(t.i in reading.token_party for t in ent) \
            or _WRITERS_NAME.search(reading.text, max(0, ent.start_char - 20), ent.start_char):
        return False
    if with_the_writer(ent) or _named_as_hired(ent) or theirs_acted_on(ent) or _one_of_a_count(ent) \
            or _hired_by_the_writer(ent) or joked_about(ent):
        # "Me and Priya share the admin" (works beside the writer), "my boss hired someone new to the design team,
        # Tasha" (the one hired), "I did an impression of Marisol's accent" (the person it was done to)
        return True
    if not (ent.label_ == "PERSON" or len(ent) == 1 and ent[0].pos_ == "PROPN" and (
            _who_follows(ent) or _does_what_people_do(reading, ent))):
        return False
    same = [e for e in reading.doc.ents if e.text == ent.text]
    # a name the writer comes back to is someone the letter is about, even never as a subject ("it lines up with
    # Dean's late shifts … the branch manager is Dean's uncle": the one seen taking stock)
    return len(same) >= 2 and ent.label_ == "PERSON" or any(
        t.dep_ in ("nsubj", "nsubjpass") or any(c.dep_ == "relcl" for c in t.children)
        for e in same for t in e)  # "Tom, who runs the northern area, said…": parsed as no subject


def theirs_acted_on(ent, *, by_the_writer: bool = False) -> bool:
    """A name said only as the owner of something of their own the writer or another did something to: "an
    impression of Marisol's accent", "I deleted Omar's slides". The person is someone at work the letter is
    about (said once, in the possessive, the name was no party and the words said "[their name]"). Not a
    relative's, a place's or a firm's ("Dean's uncle", "Maria's bakery")."""
    if len(ent) != 1 or ent[0].dep_ != "poss" or ent[0].pos_ != "PROPN" or not ent.text[:1].isupper():
        return False
    owned = ent[0].head
    if owned.dep_ not in ("dobj", "pobj", "nsubjpass"):
        return False
    # a name the parser took for a firm ("read out Priyanka's email"): only with something no firm has
    things = _OWN_THINGS if ent.label_ == "PERSON" else _A_PERSONS_OWN
    if owned.lemma_.lower() not in things:
        return False
    verb = owned.head.head if owned.dep_ == "pobj" else owned.head  # "did an impression of Marisol's accent"
    while verb.dep_ in ("dobj", "pobj", "prep") and verb.head is not verb:
        verb = verb.head
    return not by_the_writer or any(c.dep_ == "nsubj" and c.lower_ == "i" for c in verb.children)


#: Things of a person's own the writer may mock, take or spoil: the possessed noun of "Marisol's accent".
_OWN_THINGS = frozenset({"accent", "voice", "stammer", "stutter", "laugh", "hair", "weight", "clothes", "outfit", "dress",
                         "shoes", "appearance", "looks", "name", "religion", "faith", "food", "lunch", "desk", "chair",
                         "mug", "idea", "ideas", "work", "report", "slides", "presentation", "project", "proposal",
                         "code", "design", "notes", "email", "message", "post", "photo", "picture", "birthday",
                         "card", "cake", "leaving", "mistake", "error", "handwriting", "spelling", "car", "bag",
                         "phone", "locker", "shift", "shifts", "credit", "sale", "sales", "client", "account"})


#: Of those, what only a person has: "Priyanka's email" read as a firm's is still hers.
_A_PERSONS_OWN = _OWN_THINGS - {"shoes", "name", "food", "chair", "idea", "ideas", "work", "report", "slides",
                                "presentation", "project", "proposal", "code", "design", "notes", "post", "card", "cake",
                                "leaving", "mistake", "error", "car", "bag", "phone", "shift", "shifts", "credit", "sale",
                                "sales", "client", "account"}


#: What may stand between a role word and the name it introduces: "another coworker, Trevor", "a coworker named Jo".
_INTRODUCES = re.compile(rf"\s*(?:[,(:\u2013\u2014-]\s*|\s(?:named|called)\s+|"
                         # "Our ops manager is Steph", "The site manager is a woman called Denise"
                         rf"\s(?:is|was)\s+(?:(?:a|an)\s+(?:[a-z-]+\s+)?(?:woman|man|guy|lady|person|bloke|chap|girl)"
                         rf"\s+(?:called|named)\s+)?)?(?:{COURTESY_TITLE}\s+)?")


def _split_named_people(reading: Reading, drafts: dict[str, PartyDraft]) -> None:
    """Two or more people one role word names are separate parties: "two of my coworkers, Dana and Miguel, are
    great … another coworker, Trevor, takes my reports". Merged, the words went to whichever name came first ("Hi
    Dana") and the person who did the harm could not be the other side on their own. A singular role word just
    before a name ("another coworker, Trevor", "My supervisor, Gary") goes with that person, a later one ("my
    coworker did it again") with the person of that line named last; a group ("two of my coworkers"), the writer's
    own line ("my manager") said apart from a name and role words before any name stay with the role."""
    for key in list(drafts):
        d = drafts[key]
        if d.role == "hr" or key.startswith("other_department") or len(d.names) < 2:
            continue
        people = _people_named(d.mentions, d.names)
        if len(set(people.values())) < 2:
            continue
        person_of = dict(people)
        last: int | None = None
        for i, m in enumerate(d.mentions):
            if i in people:
                last = people[i]
                continue
            if _plural(m.text):
                continue
            nxt = next((j for j in range(i + 1, len(d.mentions)) if j in people), None)
            if nxt is not None and _INTRODUCES.fullmatch(reading.text[m.end:d.mentions[nxt].start]):
                person_of[i] = people[nxt]  # "My supervisor, Gary,": that person, even in the writer's own line
            elif i - 1 in people and re.fullmatch(r"\s*[,(]\s*", reading.text[d.mentions[i - 1].end:m.start]):
                person_of[i] = people[i - 1]  # "Sofia, my other manager,"
            elif d.role in _LINE and m.text.lower().startswith(("my ", "our ")):
                continue
            elif last is not None and reading.sentence_index(m.start) - max(
                    reading.sentence_index(d.mentions[j].start) for j in range(i) if person_of.get(j) == last) <= 3:
                person_of[i] = last
        firsts = sorted({p: min(i for i, q in person_of.items() if q == p) for p in set(people.values())}.items(),
                        key=lambda kv: kv[1])
        mentions, rest = d.mentions, [m for i, m in enumerate(d.mentions) if i not in person_of]
        del drafts[key]
        for n, (person, first) in enumerate(firsts):
            # "The site manager is Dessie Brennan, and his son Kieran is on our crew": the son is someone else,
            # whose line the title does not give (red team 39: the son read as a second site manager), unless the
            # father made him a title over the writer ("he made his son Kevin the floor manager")
            kin_words = _THEIR_KIN.search(reading.text[max(0, mentions[first].start - 30):mentions[first].start])
            kin = n > 0 and kin_words is not None
            role = d.role if not kin else "peer" if _ON_OUR_CREW.match(reading.text, mentions[first].end) else \
                d.role if _made_over_the_writer(reading, reading.token_at(mentions[first].start)) else "other"
            new_key = free_key(drafts, "person") if kin else free_key(drafts, key, suffixed=bool(n or rest))
            mine = [Mention(m.start, m.end, new_key, role, m.text)
                    for i, m in enumerate(mentions) if person_of.get(i) == person]
            drafts[new_key] = PartyDraft(new_key, role, mine, names={m.text for i, m in enumerate(mentions)
                                                                       if people.get(i) == person},
                                         gender=_KIN_GENDER.get(kin_words.group(1).lower()) if kin and kin_words else None)
            for m in mine:
                _tag_tokens(reading, m.start, m.end, new_key)
        if rest:
            drafts[key] = PartyDraft(key, d.role, rest, gender=d.gender)


_COURTESY = frozenset(t.lower() for t in COURTESY_TITLES) | {"sir", "madam"}
#: Ranks and callings written before a name as a title ("Sister Bernadette Okoye", "PC Lyle Grant", "Father Tom"):
#: part of how the person is named, not a second person (split apart, the ward manager became three managers).
_RANK_TITLES = frozenset({"sister", "nurse", "doctor", "officer", "sergeant", "sgt", "constable", "pc", "dc", "ds",
                          "inspector", "detective", "captain", "capt", "lieutenant", "lt", "major", "colonel", "corporal",
                          "cpl", "private", "chief", "father", "pastor", "reverend", "rev", "brother", "coach", "chef",
                          "judge", "professor", "dame", "sir", "lady", "lord", "councillor", "senator", "rabbi", "imam",
                          "engr", "engineer", "atty", "attorney", "arch", "architect", "hon", "supt", "insp", "det",
                          "fr", "sr", "br", "ptr", "coun", "cllr", "mama", "baba", "mzee"})

_TITLES_BEFORE_NAME = _RANK_TITLES | _COURTESY


def _rank_before_name(reading: Reading, tok) -> bool:
    """A rank, calling or courtesy title written just before a name the parse found: "Sister Bernadette Okoye",
    "Prof. Hartley" (taken for a name of its own, the professor became a second lab head)."""
    if tok.lower_.rstrip(".") not in _TITLES_BEFORE_NAME or tok.i + 1 >= len(reading.doc):
        return False
    nxt = reading.doc[tok.i + 1]
    return nxt.ent_type_ == "PERSON" or (nxt.pos_ == "PROPN" and nxt.is_title)


def _people_named(mentions: list[Mention], names: set[str]) -> dict[int, int]:
    """Mention index -> person, for the mentions that are names; "Trevor Smith" and "Trevor" are one person."""
    people: list[set[str]] = []
    out: dict[int, int] = {}
    for i, m in enumerate(mentions):
        if m.text not in names:
            continue
        words = {w for w in m.text.replace(".", " ").split() if w.lower() not in _COURTESY}  # "Ms Lowe" is not "Ms Okafor"
        n = next((j for j, forms in enumerate(people) if words & forms), None)
        if n is None:
            people.append(set())
            n = len(people) - 1
        people[n] |= words
        out[i] = n
    return out


#: Someone else's family just before a name: "his son Kieran", "her nephew, Chinedu".
_THEIR_KIN = re.compile(r"\b(?:his|her|their)\s+(?:own\s+)?(son|daughter|nephew|niece|brother|sister|wife|husband|"
                        r"cousin|stepson|stepdaughter|grandson|granddaughter|son-in-law|daughter-in-law)\W*$",
                        re.IGNORECASE)
#: After a name: "… is on our crew", "… works on my shift": someone working beside the writer.
_ON_OUR_CREW = re.compile(r",?\s+(?:is|works|has been|was)\s+(?:also\s+|now\s+)?(?:(?:on|in|with)\s+(?:our|my|the same)\s+"
                          r"(?:crew|gang|team|shift|line|floor|squad|unit|ward|kitchen|site)\b|"
                          r"on (?:the )?site (?:as|with us|too|as well)\b)", re.IGNORECASE)  # "works on site as a labourer"
_KIN_GENDER = {"son": "m", "nephew": "m", "brother": "m", "husband": "m", "stepson": "m", "grandson": "m",
               "son-in-law": "m", "daughter": "f", "niece": "f", "sister": "f", "wife": "f", "stepdaughter": "f",
               "granddaughter": "f", "daughter-in-law": "f"}
#: Family or friends just before a name: "my husband John" is no one at work.
_KIN_BEFORE = re.compile(r"\b(husband|wife|partner|boyfriend|girlfriend|fianc[eé]e?|friend|neighbou?r|therapist|doctor|"
                         r"lawyer|(?:my|our|your)\s+(?:[a-z-]+\s+)?(?:mum|mom|mother|dad|father|sister|"
                         r"brother|son|daughter|cousin|aunt|uncle))\W*$", re.IGNORECASE)
# Not "another mum, Lisa," and not "his son, Adrian": someone else's family is a person the letter may be about
# (a patient's son who threatens the nurse); only the writer's own family stands outside it.


def _a_name(reading: Reading, ent) -> bool:
    """A person's name: what the parse calls one, or a one-word name it took for a place, a group or a product ("Sofia, my
    other manager", "our colleague Marta") when a role word stands beside it."""
    if ent.label_ == "PERSON":
        return True
    titled = len(ent) == 2 and ent[0].text.rstrip(".") in COURTESY_TITLES  # "Mr Okafor", taken for a place
    if len(ent) == 1 and ent.label_ in ("GPE", "ORG", "NORP", "PRODUCT", "") and with_the_writer(ent):
        return True  # "Me and Anjali share the rota", whatever the small model took the name for
    return ent.label_ in ("GPE", "ORG", "NORP", "PRODUCT", "FAC", "LOC", "WORK_OF_ART", "") and (len(ent) == 1 or titled) \
        and ent[-1].pos_ == "PROPN" and \
        (_apposed_role(reading, ent) is not None or _introduced_by_role(reading, ent)
         or _apposed_noun(reading, ent) is not None or _who_follows(ent) or _does_what_people_do(reading, ent)
         or with_the_writer(ent) or _named_as_hired(ent) or theirs_acted_on(ent) or joked_about(ent))


#: What is said about a person, not a place or a people: "a joke about Priya always going back for seconds".
_SAID_ABOUT = frozenset({"joke", "comment", "remark", "dig", "crack", "jibe", "quip", "impression", "meme", "story"})


def joked_about(ent, *, by_the_writer: bool = False) -> bool:
    """A one-word name the small model took for a people ("Priya", tagged a nationality) that a joke or remark was
    about, with no noun after it ("a joke about Polish people" is about a people); ``by_the_writer``: the writer
    made it ("I made a joke about Priya")."""
    tok = ent[0]
    if len(ent) != 1 or tok.dep_ != "pobj" or tok.head.lower_ not in ("about", "at") \
            or tok.head.head.lemma_.lower() not in _SAID_ABOUT:
        return False
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.pos_ in ("NOUN", "PROPN"):
        return False
    said = tok.head.head
    return not by_the_writer or any(c.dep_ == "nsubj" and c.lower_ == "i"
                                    for v in (said, *said.ancestors) if v.sent == said.sent for c in v.children)


#: What only a person does: "Siobhan has put me on Monday lunches", "Siobhan said the rota is the rota".
_PERSON_VERBS = frozenset({"say", "tell", "ask", "decide", "shout", "yell", "scream", "laugh", "message", "email", "text",
                           "refuse", "promise", "complain", "apologise", "apologize", "reply", "smile", "insist",
                           "admit", "deny", "threaten", "blame", "criticise", "criticize", "snap", "sigh", "roll"})


def _does_what_people_do(reading: Reading, ent) -> bool:
    """A one-word name the small model took for a place ("Siobhan") that somewhere in the letter does what only a
    person does: says, asks, shouts, or puts the writer somewhere (red team 42: the server who ran the rota was
    never a party, and the owner who did nothing was given the complaint)."""
    word = ent[0].text
    first = next(t for t in reading.doc if t.text == word)
    if first.i > 0 and (_rank_before_name(reading, reading.doc[first.i - 1]) or reading.doc[first.i - 1].pos_ == "PROPN"):
        return False  # "Sister Baines", "Ana Baines": a name the title or the full name's reading places
    return any(t.text == word and t.dep_ == "nsubj" and (
        t.head.lemma_.lower() in _PERSON_VERBS
        or any(c.dep_ == "dobj" and c.lower_ in ("me", "us") for c in t.head.children)) for t in reading.doc)


def _hired_by_the_writer(ent) -> bool:
    """A one-word name the writer took on: "I hired Mara myself", "I recruited Dev last spring"."""
    tok = ent[0]
    return len(ent) == 1 and tok.dep_ == "dobj" and tok.head.lemma_.lower() in ("hire", "recruit") and any(
        c.dep_ == "nsubj" and c.lower_ == "i" for c in tok.head.children)


def _one_of_a_count(ent) -> bool:
    """A name set beside a count of people who act ("two of them, Sandra and Mick, went to the owner"): the parse
    makes the count the subject, and the names no party (red team 53)."""
    tok = ent[0]
    while tok.dep_ == "conj" and tok.head is not tok and tok.head.lower_ not in _COUNTS:
        tok = tok.head
    count = tok.head
    return len(ent) == 1 and tok.dep_ in ("appos", "conj") and count.lower_ in _COUNTS \
        and count.i + 2 < len(count.doc) and count.nbor(1).lower_ == "of" \
        and count.nbor(2).lower_ in ("them", "us")  # ("two of them, Sandra and Mick"; not "one of those boys' mum")


_COUNTS = frozenset({"one", "two", "three", "four", "some", "several", "both", "a", "few"})


def _named_as_hired(ent) -> bool:
    """A one-word name set beside the one a hiring verb brings in: "hired someone new to the team, Tasha" (red team 51:
    Tasha was no party, and her taking credit was put on the boss who hired her)."""
    return len(ent) == 1 and ent[0].dep_ == "appos" and _brought_in(ent[0].head)


def _brought_in(tok) -> bool:
    """``tok`` is, or hangs within five steps under, the object of a hiring verb ("hired someone new to the design
    team": the parse may hang a name set beside it on "team")."""
    for _ in range(5):
        if tok.dep_ in ("dobj", "nsubjpass") and tok.head.lemma_.lower() in _BRINGS_IN:
            return True
        if tok.head is tok:
            return False
        tok = tok.head
    return False


def with_the_writer(ent) -> bool:
    """Whether any time the letter uses this one-word name (``_with_the_writer_here``), it is with the writer."""
    if len(ent) != 1:
        return _with_the_writer_here(ent)
    return any(_with_the_writer_here(ent.doc[t.i:t.i + 1]) for t in ent.doc if t.text == ent[0].text)


def _with_the_writer_here(ent) -> bool:
    """A one-word name joined with the writer as one subject ("Me and Priya share the admin", "Priya and I run the
    desk"), or whom the writer sits or works beside ("I sit next to Tom"): red team 50 found Priya no party, and the
    manager who thought all was fine given the complaint."""
    for t in ent:
        if t.pos_ != "PROPN" and not (t.is_title and t.i > 0 and t.pos_ in ("ADJ", "NOUN")):
            continue  # ("Me and Anjali share the rota": the small model took the name for an adjective)
        if t.dep_ == "conj" and t.head.lower_ in ("me", "i") and t.head.dep_ in ("nsubj", "nsubjpass"):
            return True
        if t.dep_ in ("nsubj", "nsubjpass") and any(c.dep_ == "conj" and c.lower_ in ("me", "i") for c in t.children):
            return True
        if t.dep_ in ("pobj", "npadvmod") and _beside_me(t):
            return True
    return False


#: Verbs of working beside someone: "I sit next to Tom", "I work with Dana", "I share an office with Raj".
_BESIDE_VERBS = frozenset({"sit", "work", "share"})
_BESIDE_WORDS = frozenset({"with", "to", "beside", "alongside", "opposite", "near", "behind"})


def _beside_me(tok) -> bool:
    """The name is where the writer sits or works, or whom they share with: "I sit next to Tom" (red team 50: Tom,
    named once, was no party, and the words greeted "[their name]")."""
    if tok.dep_ == "pobj" and tok.head.lower_ not in _BESIDE_WORDS:
        return False  # "I work in Singapore", "I work for Dana's firm"
    head, steps = tok.head, 0
    while head.pos_ != "VERB" and head.dep_ != "ROOT" and steps < 3:
        head, steps = head.head, steps + 1
    return head.lemma_.lower() in _BESIDE_VERBS and any(c.dep_ == "nsubj" and c.lower_ in ("i", "we")
                                                        for c in head.children)


def _who_follows(ent) -> bool:
    """A one-word name with a "who" clause on it: "It's about Marcus who sits next to me" (the small model took
    Marcus for a place, and a place is never "who")."""
    return any(c.dep_ == "relcl" and any(t.lower_ in ("who", "whom", "whose") for t in c.children)
               for t in ent for c in t.children)


#: What ends a sentence in the writer's text, whatever the parse made of it.
_SENTENCE_END = frozenset({".", "!", "?", "\n", "\n\n"})


#: Words in quotation marks: what someone said ("careful, Kelly's had second breakfast again").
_QUOTED = re.compile(r'"[^"\n]{1,400}"|“[^”\n]{1,400}”')


def _only_in_quotes(reading: Reading, name: str) -> bool:
    """Whether a name appears only inside what someone is quoted as saying: there it is most often the writer's own
    name, or someone addressed in passing ("careful, Kelly's had second breakfast again" made the writer, Kelly, a
    third party who "passed a message about you on to others"), not a person the letter is about."""
    spans = [m.span() for m in _QUOTED.finditer(reading.text)]
    if not spans:
        return False
    places = [m.start() for m in re.finditer(rf"\b{re.escape(name)}\b", reading.text)]
    return bool(places) and all(any(a < at < b for a, b in spans) for at in places)


def _words_just_before(reading: Reading, ent, span: int = 8) -> list:
    """The words up to ``span`` before a name, back to the end of the sentence before it as the writer wrote it:
    the parse may end a sentence inside "my team lead (band 7) Carol has been on at me", and the role word then
    stood in a sentence of its own."""
    doc = reading.doc
    words = []
    for i in range(ent.start - 1, max(ent.start - span, 0) - 1, -1):
        if doc[i].text.strip() in _SENTENCE_END or not doc[i].text.strip():
            break
        words.append(doc[i])
    return words[::-1]


def _introduced_by_role(reading: Reading, ent) -> bool:
    """A role word right before the name, with only a comma, "named" or a space between: "our super, Dale, signs my
    hours", where the parse took "super" for an adjective and Dale for a company, or "My team lead Sophie keeps
    taking my work", where it took "lead" for a verb and Sophie for its object."""
    before = reading.text[max(0, ent.start_char - 12):ent.start_char]
    gap = re.search(r"(?:,\s*|\s(?:named|called)\s+|(?<=[a-z]) )$", before)
    if gap is None:
        return False
    tok = reading.token_at(ent.start_char - len(gap.group(0)) - 1)
    if gap.group(0) == " " and (tok.tag_ == "POS" or ent[-1].dep_ == "compound"):
        return False  # "my coworker's Facebook post", "my manager Teams call": a thing of theirs, not a name
    return tok.i in reading.token_party


def _noun_phrase(reading: Reading, noun):
    """The words naming the person ``_apposed_noun`` found: the noun with what stands before it ("The team lead"),
    and for one of a group the whole "One of the senior designers"."""
    one = _one_of(noun)
    head = one if one is not None else noun
    left = min(t.i for t in head.subtree if t.i <= head.i)
    right = noun.i + 1
    if reading.doc[right:right + 4].text.replace(" ", "").lower() == "-in-law":
        right += 4  # "my brother-in-law Dale": the parser cuts "brother" from "-in-law"
    return reading.doc[left:right]


def _one_of(noun):
    """The "One" of "One of the senior designers" when ``noun`` is the group it picks a person from, else None."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ == "one":
        return noun.head.head
    return None


def _group_picked(tok):
    """The plural noun of "one of the <people>" that ``tok`` ("One") heads: "One of the senior designers, Marcus,
    keeps…" parses Marcus in apposition with "One" and the people word two steps away."""
    if tok.lower_ != "one" or tok.pos_ not in ("NUM", "PRON", "NOUN"):
        return None
    of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    group = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if group is None or group.tag_ != "NNS" or not any(c.dep_ in ("det", "poss") for c in group.children):
        return None
    return group


def _apposed_noun(reading: Reading, ent):
    """The common noun a person's name stands in apposition with, when no rule made it a party: "The team lead at
    the bank, Craig, gives me my work", "Their support worker, Adrian, keeps…". The name and the noun are one
    person, whose line the phrase readers then give; without this the person who did the harm was no party at
    all and his pronouns went to whoever was named before him."""
    if ent.label_ != "PERSON" and not (ent.label_ in ("GPE", "ORG", "NORP", "") and len(ent) == 1
                                       and ent[0].pos_ == "PROPN"):  # "Their support worker, Adrian": a NORP
        return None
    described = _named_by_clause(ent)
    for tok in ent:
        nouns = [tok.head] if tok.dep_ == "appos" else []
        nouns += [held] if tok.dep_ == "appos" and (held := _described_over_the_writer(tok.head)) is not None else []
        nouns += [c for c in tok.children if c.dep_ == "appos"]
        nouns += [described] if described is not None else []  # "his wife, whom I'll call Martha,"
        nouns += [h for n in nouns if (h := _person_at_place(n)) is not None]  # "a woman on my line, Sharon,"
        nouns += [named] if (named := _named_so(tok)) is not None else []  # "a man called Shaun"
        # "The owner's site foreman, a guy called Gary,": the title the man is in apposition with, not "a guy"
        nouns[:0] = [n.head for n in nouns if n.dep_ == "appos" and n.head.pos_ == "NOUN" and n.head.tag_ == "NN"
                     and not ent.start <= n.head.i < ent.end]
        for noun in nouns:
            if noun.pos_ == "NOUN" and noun.i not in reading.token_party and not ent.start <= noun.i < ent.end \
                    and noun.tag_ == "NN" and noun.lemma_.lower() not in _NOT_PEOPLE \
                    and any(c.dep_ in ("det", "poss") for c in noun.children) \
                    and not any(c.lower_ in ("not", "never") and c.i < noun.i for c in noun.children) \
                    and not (noun.dep_ in ("attr", "oprd") and _writer_is_subject(noun.head)):
                return noun  # not "Dr Patel (not my line manager)", nor "I'm a master electrician (Meister)": the writer
            group = _group_picked(noun)  # "One of the senior designers, Marcus,"
            if group is not None and group.i not in reading.token_party and group.lemma_.lower() not in _NOT_PEOPLE:
                return group
    return None


#: Nouns a name can stand beside that are not a person: "the company, Acme," "our app, Slack,".
_NOT_PEOPLE = frozenset({"company", "firm", "business", "organisation", "organization", "agency", "bank", "school",
                         "hospital", "team", "department", "group", "shop", "store", "restaurant", "charity", "app",
                         "program", "programme", "project", "product", "brand", "client", "account", "town", "city",
                         "country", "site", "office", "platform", "tool", "system", "software", "show", "book",
                         "line", "shift", "ward", "floor", "unit", "crew", "desk", "route", "squad", "class", "course"})


def _described_over_the_writer(tok):
    """The person a relative clause describes when the parse hung their name on the writer inside it: "The man who
    sits opposite me, Mikko, takes…" (Mikko is the man, not "me")."""
    if tok.lower_ not in ("me", "us"):
        return None
    for up in list(tok.ancestors)[:3]:
        if up.dep_ == "relcl":
            return up.head if up.head.pos_ == "NOUN" else None
    return None


def _person_at_place(noun):
    """The person a place noun belongs to when the parser hung a name on the place: "a woman on my line, Sharon"
    (Sharon is the woman, not the line)."""
    if noun.lemma_.lower() in _NOT_PEOPLE and noun.dep_ == "pobj" and noun.head.dep_ == "prep" \
            and noun.head.head.pos_ == "NOUN":
        return noun.head.head
    return None


def _named_so(tok, people: dict | None = None):
    """The noun a name is given to by "called" or "named": "a man called Shaun", "a guy named Dave". ``people``:
    the tokens already known as parties, preferred when the name hangs on a stand-in ("not the one I report to")."""
    verb = tok.head
    if not (tok.dep_ == "oprd" and verb.dep_ == "acl" and verb.lemma_.lower() in ("call", "name")
            and verb.head.pos_ == "NOUN"):
        return None
    one = verb.head
    if one.lower_ == "one":  # "a manager in another department, not the one I report to, called Hugh": the manager
        if one.dep_ == "appos" and one.head.pos_ == "NOUN":
            return one.head
        earlier = [t for t in one.sent if t.i < one.i and t.pos_ == "NOUN" and t.tag_ == "NN"
                   and t.lemma_.lower() not in _NOT_PEOPLE and any(c.dep_ in ("det", "poss") for c in t.children)
                   and not (t.dep_ == "pobj" and t.head.head.pos_ == "NOUN")]  # (not "the warehouse" of "a manager
        known = [t for t in earlier if people is not None and t.i in people]
        return (known or earlier)[-1] if earlier else None  # from the warehouse")
    return verb.head


def _bracketed_role(reading: Reading, ent) -> str | None:
    """The party of a role word in brackets right after the name: "Fatima (my team lead) and Jonas" (the role is
    Fatima's, not that of the name after it)."""
    doc = reading.doc
    if ent.end >= len(doc) or doc[ent.end].text != "(":
        return None
    for tok in doc[ent.end + 1:min(ent.end + 8, len(doc))]:
        if tok.text == ")":
            return None
        if tok.i in reading.token_party:
            return reading.token_party[tok.i]
    return None


def _in_brackets_of_another(reading: Reading, tok, ent) -> bool:
    """The word sits in brackets right after another name: in "Ana (finance), Marta (my line manager)" the parse hangs
    "manager" on Ana, but the brackets give it to Marta (red team 43)."""
    doc = reading.doc
    opened = next((t for t in reversed(doc[max(0, tok.i - 8):tok.i]) if t.text in "()"), None)
    return opened is not None and opened.text == "(" and opened.i > 0 and \
        doc[opened.i - 1].pos_ == "PROPN" and not ent.start <= opened.i - 1 < ent.end


def _closed_before(reading: Reading, i: int, end: int) -> bool:
    """The word at ``i`` sits in brackets that close before ``end``: it belongs to the name before the brackets (not
    "my shift supervisor (band 6) Grace", where the role stands outside them)."""
    opened = next((t.text for t in reversed(reading.doc[max(0, i - 8):i]) if t.text in "()"), None)
    return opened == "(" and any(t.text == ")" for t in reading.doc[i + 1:end])


def _apposed_role(reading: Reading, ent) -> str | None:
    """The party of a role word in apposition with the name, either way round, or that the name is said to be."""
    for tok in ent:
        if tok.dep_ == "appos" and tok.head.i in reading.token_party and not ent.start <= tok.head.i < ent.end:
            return reading.token_party[tok.head.i]
        if tok.dep_ == "appos" and (held := _described_over_the_writer(tok.head)) is not None \
                and held.i in reading.token_party:
            return reading.token_party[held.i]
        if tok.dep_ == "appos" and (holder := _person_at_place(tok.head)) is not None \
                and holder.i in reading.token_party:
            return reading.token_party[holder.i]
        if (named := _named_so(tok, reading.token_party)) is not None and named.i in reading.token_party:
            return reading.token_party[named.i]  # "my new supervisor, a woman called Tracy"
        for c in tok.children:
            if c.dep_ == "appos" and c.i in reading.token_party and not _in_brackets_of_another(reading, c, ent):
                return reading.token_party[c.i]
        # "My manager is Priya" (the small model took Priya for a group): the name said to be the role word
        if tok.dep_ == "attr" and tok.head.lemma_ == "be":
            subject = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
            if subject is None and tok.head.i > 0:  # "My manager is Claire and the director of nursing is Okafor":
                subject = reading.doc[tok.head.i - 1]  # the parse made the role a conjunct; the words before "is" name it
            if subject is not None and subject.i in reading.token_party:
                return reading.token_party[subject.i]
    return None


#: A post in HR, held by one person ("our HR manager", "the HR lady"), not the department.
_HR_POST = re.compile(r"\b(?:hr|human resources|personnel)\s+(?:manager|director|officer|rep|representative|person|"
                      r"lady|guy|woman|man|advis[eo]r|generalist|partner|business partner|head|coordinator|assistant|"
                      r"specialist|lead)\b", re.I)


#: A pointing phrase for a person ("this guy", "that woman"), as opposed to a pronoun.
_DEMONSTRATIVE = re.compile(r"(?:this|that) ", re.IGNORECASE)
#: A person brought into the story ("one particular coworker", "a new hire", "another driver"): what "this guy" points
#: back to, rather than "the new client" named after them.
_INTRODUCED = re.compile(r"(?:a|an|one|another|some|someone|somebody)\b", re.IGNORECASE)


#: Verbs that bring a new person in: "my boss hired someone at my level … She is a bully".
_BRINGS_IN = frozenset({"hire", "appoint", "recruit", "employ", "promote", "bring", "transfer"})


def _hired_just_before(timeline, drafts: dict[str, PartyDraft], start: int, sent_i: int, reading: Reading) -> str | None:
    """The person brought in as the object of a hiring verb in the sentence just before a pronoun that opens its own
    sentence: "About six months ago my boss hired someone at my level. She is a bully." (the one hired, not the boss
    who was the subject)."""
    if not reading.token_at(start).is_sent_start:
        return None
    for pos, key, _ in reversed(timeline):
        back = sent_i - reading.sentence_index(pos)
        if pos >= start or back == 0:
            continue
        if back > 1:
            return None
        if _brought_in(reading.token_at(pos)):  # ("hired someone new to the design team, Tasha")
            return key
    return None


def _introduced_last(timeline, drafts: dict[str, PartyDraft], start: int, sent_i: int, reading: Reading) -> str | None:
    """The party last brought into the story (``_INTRODUCED``) within the sentence before, or None."""
    for pos, key, _ in reversed(timeline):
        if pos >= start:
            continue
        if sent_i - reading.sentence_index(pos) > 1:
            return None
        if any(m.start == pos and _INTRODUCED.match(m.text) for m in drafts[key].mentions):
            return key
    return None


def _link_anaphors(reading: Reading, drafts: dict[str, PartyDraft]) -> None:
    """he/she (and 'the guy') refer to a recent, salient, compatible party.

    A light centering heuristic: prefer the party that was a grammatical
    subject recently and has been talked about most, within three sentences.
    """
    anaphors = party_rules().anaphors
    multi = {w: g for g, words in (("m", anaphors["male"]), ("f", anaphors["female"]),
                                    (None, anaphors["neutral"])) for w in words if " " in w}
    # HR is a department, not someone "she" points back to, unless the letter names the person in it ("our HR
    # person is Denise … she obviously went straight to him": the "she" made the manager a woman)
    # ("our HR manager … he ignores me": a post in HR is one person)
    persons = {k for k, d in drafts.items() if (d.role != "hr" or d.names or any(_HR_POST.search(m.text) for m in d.mentions))
               and not k.startswith("other_department")}
    if not persons:
        return
    # (position, key, was a subject) of every mention that he/she could point back to
    focus = [m.end() for m in PROBLEM_IS.finditer(reading.text)]
    timeline = [(m.start, d.key, _is_subject(reading, m.start, m.end) or _in_focus(m.start, focus))
                for d in drafts.values() for m in d.mentions if d.key in persons and _singular_person(m.text)]
    # A counted group ("two employees") can hold the "she" a sentence later, but one person named as one is likelier
    # ("I told one of our managers that two employees had taken money ... she has made it uncomfortable").
    counted = {(m.start, d.key) for d in drafts.values() for m in d.mentions if _counted_group(m.text)}
    timeline.sort()
    doc, text = reading.doc, reading.text.lower()
    candidates: list[tuple[int, int, str | None]] = []
    for tok in doc:
        g = _PRONOUN_GENDER.get(tok.lower_)
        if g and tok.i not in reading.token_party:
            candidates.append((tok.idx, tok.idx + len(tok), g))
    for phrase, g in multi.items():
        for m in re.finditer(rf"\b{re.escape(phrase)}\b", text):
            if not any(t.i in reading.token_party for t in reading.tokens_in(m.start(), m.end())):
                candidates.append((m.start(), m.end(), g))  # (not "the woman who took over his role", a party)
    candidates.sort()
    salience: dict[str, int] = {}
    pointed_at: dict[str, str] = {}  # "this guy" -> whom it was read as
    in_list: dict[int, bool] = {}  # whether the mention at a position is a later member of a list, read once

    def listed_at(pos: int) -> bool:
        if pos not in in_list:
            in_list[pos] = _in_a_list(reading, pos)
        return in_list[pos]

    for start, end, gender in candidates:
        sent_i = reading.sentence_index(start)
        scores: dict[str, float] = {}
        not_them = _local_subject(reading, start) or _described_by(reading, start)
        # The person named just before, in the same sentence, with no one else named between ("I told my manager,
        # Lindiwe, and she took it seriously"): a red team found that "she" given to a coworker named a sentence
        # earlier, who was a subject there.
        before = [(pos, key) for pos, key, _ in timeline if pos < start and key != not_them]
        nearest = before[-1][1] if before and reading.sentence_index(before[-1][0]) == sent_i else None
        # The last one named, when they were the subject of the sentence just before or of this one so far ("he made
        # his son Kevin the floor manager. Kevin is 26 and has a temper. He swears at the servers": Kevin, though his
        # father had been "he" twice)
        last = next(((pos, key, subj) for pos, key, subj in reversed(timeline) if pos < start and key != not_them), None)
        last_sent = reading.sentence_index(last[0]) if last else -9
        # (a subject there in any of its words: "The serious thing is Wayne, another mechanic at my level. Last week
        # he shoved me": the words after the name are his too)
        last_subject = last[1] if last and sent_i - last_sent <= 1 and any(
            s for p, k, s in timeline if k == last[1] and p < start and reading.sentence_index(p) == last_sent) else None
        # The one named last in a list of people just before ("with the foreman, Pete, and another apprentice called
        # Jordan. He picked up the nail gun": Jordan, though the foreman's title told us he is a man; red team 41)
        listed = {key: pos for pos, key, _ in timeline if pos < start and listed_at(pos)}
        recent = [(pos, key) for key, pos in listed.items() if key != not_them
                  and sent_i - reading.sentence_index(pos) <= 1]
        list_last = max(recent)[1] if recent else None
        # "this guy", "that woman" point at the one just named, whatever their place in the sentence ("I have to work
        # with one particular coworker, and it isn't going well. Whenever I ask this guy…": the coworker, not the
        # manager who was the subject before him)
        pointed = _DEMONSTRATIVE.match(text, start) is not None
        hired = None if pointed else _hired_just_before(timeline, drafts, start, sent_i, reading)
        said = text[start:end]
        latest = pointed_at.get(said) or _introduced_last(timeline, drafts, start, sent_i, reading) \
            or (last[1] if last else None)  # ("this guy" again is the same guy)
        for pos, key, subj in timeline:
            if pos >= start:
                break
            if key == not_them:
                continue
            back = sent_i - reading.sentence_index(pos)
            d = drafts[key]
            if back > 3 or (gender and d.gender not in (None, gender)):
                continue
            value = (2.5 * (key == latest) if pointed else 2.0 * subj + (1.0 if key == last_subject else 0.0)) \
                - 1.0 * back + 0.5 * min(salience.get(key, 0), 6) + (0.5 if back == 0 else 0) \
                + (1.0 if gender and d.gender == gender and not d.gender_by_name else 0.0) \
                + (1.0 if key == nearest else 0.0) + (3.5 if key == hired else 0.0) \
                + (1.0 if key == list_last else 0.0) \
                - (2.5 if (pos, key) in counted else 0.0)  # "his own work" told us Trevor is a he; Dana is unknown
            scores[key] = max(scores.get(key, -99.0), value)
        if not scores and gender:  # "a senior male manager … (four sentences on) He answered that…": the one
            # person of that gender, named further back, when nobody nearer could be meant
            far = {key for pos, key, _ in timeline if pos < start and key != not_them
                   and drafts[key].gender == gender and sent_i - reading.sentence_index(pos) <= 6}
            if len(far) == 1:
                scores = {far.pop(): 0.0}
        if not scores:
            continue
        # a tie between people named in one list goes to the one named last ("with my practice manager, Karen, and
        # the new receptionist, Bethany. She turned to me": Bethany; red team 41 found the first named blamed), not
        # between others ("I told my team leader I had seen a carer shove a resident. He listened": the team leader)
        # and an exact tie between someone in the writer's lines and someone outside them goes to the former ("I took
        # one patient and gave the other nurse two … He freaked out": the nurse; a blind panel found "the patient
        # bullied you")
        best = drafts[max(scores, key=lambda k: (round(scores[k], 6), listed.get(k, -1), drafts[k].role in _LINES))]
        if pointed:
            pointed_at[said] = best.key
        if gender and best.gender is None:
            best.gender = gender
        best.mentions.append(Mention(start, end, best.key, best.role, reading.original[start:end]))
        salience[best.key] = salience.get(best.key, 0) + 1
        timeline.append((start, best.key, _is_subject(reading, start, end)))
        timeline.sort()
        _tag_tokens(reading, start, end, best.key)
    for d in drafts.values():
        d.mentions.sort(key=lambda m: m.start)


#: Words in or just before a mention that say whether the person is a man or a woman ("Mr Okafor", "a woman on my
#: team", "the head waitress"), so "she" is not given to Mr Okafor. No name is guessed at: a first name says nothing.
_MALE_WORDS = re.compile(r"\b(mr|mister|sir|man|men|male|guy|gentleman|boy|headmaster|chairman|foreman|waiter|host|"
                         r"businessman|salesman|husband|father|dad|brother|son|uncle|grandfather|boyfriend|"
                         # "one of our senior salesmen": one man
                         r"guys|gentlemen|boys|chairmen|foremen|businessmen|salesmen|waiters)\b\.?", re.I)
_FEMALE_WORDS = re.compile(r"\b(mrs|ms|miss|madam|woman|women|female|lady|girl|headmistress|chairwoman|forewoman|waitress|"
                           r"hostess|businesswoman|saleswoman|wife|mother|mom|mum|sister|daughter|aunt|grandmother|"
                           r"girlfriend|ladies|girls|chairwomen|forewomen|businesswomen|saleswomen|waitresses)\b\.?", re.I)


def _gender_from_words(reading: Reading, drafts: dict[str, PartyDraft]) -> None:
    """A person's gender where the letter's own words give it, before pronouns are linked: a courtesy title just
    before their name, a gendered noun in how they are named, or a given name borne by one sex (``given_names`` of
    parties.yaml); never when the words disagree or name a group."""
    for d in drafts.values():
        if d.gender is not None or d.role == "hr" or any(_plural(m.text) for m in d.mentions):
            continue
        said = " ".join(reading.text[max(0, m.start - 6):m.end] if m.text in d.names else m.text for m in d.mentions
                        if m.text.lower() not in _PRONOUN_GENDER)
        given = {n.split()[0].lower() for n in d.names if n.split()}
        male_words, female_words = bool(_MALE_WORDS.search(said)), bool(_FEMALE_WORDS.search(said))
        male = male_words or bool(given & _given_names("male"))
        female = female_words or bool(given & _given_names("female"))
        if male != female:
            d.gender = "m" if male else "f"
            d.gender_by_name = not (male_words or female_words)


@cache
def _given_names(sex: Literal["male", "female"]) -> frozenset[str]:
    """The given names ``parties.yaml`` lists for one sex, lower-cased."""
    return frozenset(n.lower() for n in party_rules().given_names.get(sex, []))


def _described_by(reading: Reading, start: int) -> str | None:
    """The party a phrase holding the pronoun describes: "another carer, a friend of his" is a friend of someone
    else, so "his" is not the carer's."""
    tok = reading.token_at(start)
    while tok.head.i != tok.i and tok.pos_ not in ("VERB", "AUX"):
        if tok.dep_ == "appos" and tok.head.i in reading.token_party:
            return reading.token_party[tok.head.i]
        tok = tok.head
    return None


def _local_subject(reading: Reading, start: int) -> str | None:
    """The party that is the subject of the clause an object pronoun sits in: "Priya saw him do it" cannot mean
    that Priya saw herself, so "him" is someone else ("her" as a possessive can be the subject: "Priya lost her
    keys")."""
    tok = reading.token_at(start)
    if tok.lower_ not in ("him", "her", "them") or tok.dep_ == "poss":
        return None
    verb = tok.head.head if tok.dep_ == "pobj" else tok.head
    if tok.dep_ == "nsubj" and verb.dep_ in ("ccomp", "xcomp"):
        verb = verb.head  # "saw him do it"
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None and verb.dep_ == "conj":  # "Gavin was leaning over her and telling her…": his subject
        subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    return reading.token_party.get(subject.i) if subject is not None else None


def _in_focus(start: int, focus: list[int]) -> bool:
    """A mention just after words that say the letter is about them ("What worries me more is the other driver,
    Pavel"): as likely as a subject to be the "he" of the next sentence (that "he" had gone to the owner named before)."""
    return any(0 <= start - end <= 2 for end in focus)


def _in_a_list(reading: Reading, start: int) -> bool:
    """The mention is a later member of a list of people ("…, and the new receptionist, Bethany"), or a person a
    relative clause brings in ("… with Liam, who started six months ago")."""
    tok = reading.token_at(start)
    while tok.dep_ in ("compound", "amod", "det", "poss") and tok.head.i != tok.i:
        tok = tok.head
    called = tok.dep_ == "oprd" and tok.head.dep_ == "acl" and tok.head.lemma_.lower() in ("call", "name")
    if called:  # "… and another joiner called Riley": the name of the list's later member
        tok = tok.head.head
    return tok.dep_ == "conj" or tok.dep_ == "appos" and tok.head.dep_ == "conj" or _introduced_by_relcl(tok)


def _introduced_by_relcl(tok) -> bool:
    return any(c.dep_ == "relcl" and any(g.dep_ in ("nsubj", "nsubjpass") and g.lower_ in ("who", "that")
                                         for g in c.children) for c in tok.children)


def _is_subject(reading: Reading, start: int, end: int) -> bool:
    """The mention is a clause's subject, or a person a relative clause introduces ("with Liam, who started six
    months ago"): as likely as a subject to be the "he" that follows."""
    tok = reading.token_at(start)
    span_root = tok
    while span_root.head.i != span_root.i and start <= span_root.head.idx < end:
        span_root = span_root.head
    if span_root.dep_ == "poss" and span_root.pos_ == "PROPN" and span_root.head.dep_ in ("nsubj", "nsubjpass"):
        return True  # "Dana's comments have got personal … she'll say": the one whose words are the subject
    return span_root.dep_ in ("nsubj", "nsubjpass") or _introduced_by_relcl(span_root)


def _counted_group(text: str) -> bool:
    """A group named with its number ("two employees", "both nurses"): "she" may mean one of them, less likely."""
    return text.lower().startswith(("two ", "both ", "three ", "the two ", "a couple of "))


def _singular_person(text: str) -> bool:
    """A mention he/she can point back to: one person, or one of a counted group."""
    low = text.lower()
    if low.startswith(("two ", "both ", "three ", "the two ", "one of", "a couple of")):
        return True
    return not _plural(text)


def _plural(text: str, names: Iterable[str] = ()) -> bool:
    """A mention of more than one person ("the nurses", "two of my reports"). A name the letter gives ("Marcus",
    "Doris") is one person whatever its last letter."""
    if text in names or text.lower().startswith(("one of ", "each of ", "either of ", "neither of ", "a member of ")):
        return False  # "one of our managers" is one person
    low = _RELATIVE_CLAUSE.sub("", text.lower()) or text.lower()  # "the people who report to me": "people"
    # "my head of sales", "a friend of hers": the number of the noun before "of", not of the last word
    last = low.split(" of ", 1)[0].split()[-1] if " of " in low and not low.startswith("of ") else low.split()[-1]
    return last.endswith("s") and not last.endswith(("ss", "'s", "hers", "his")) and last not in ("drs",) or \
        last in _MANY_PEOPLE or \
        " of " in low and last in _GROUP_NOUNS or \
        low.startswith(("two ", "both ", "three ", "some ", "several ", "a few ", "all of ", "many of ", "most of "))


#: What a relative clause adds to a mention ("the people who report to me"): the number is the noun's before it.
_RELATIVE_CLAUSE = re.compile(r"\s+(?:who|whom|that|which)\b.*$", re.S)
#: Plural nouns of people that do not end in s.
_MANY_PEOPLE = frozenset({"people", "men", "women", "children", "folk", "personnel"})
#: Nouns that count people ("a group of nurses", "a couple of my coworkers"): many, whatever follows "of".
_GROUP_NOUNS = frozenset({"group", "couple", "bunch", "pair", "team", "handful", "lot", "number", "crowd", "gang",
                          "clique", "rest", "few", "majority", "half", "staff", "crew"})


def traits_for(reading: Reading, drafts: dict[str, PartyDraft], fallback: str | None) -> dict[str, list[tuple[str, int, int]]]:
    """Stated traits, attached to the party named in the same sentence."""
    out: dict[str, list[tuple[str, int, int]]] = {}
    for rx, trait in _trait_rules():
        for m in rx.finditer(reading.text):
            sent = reading.sentence_at(m.start())
            # The trait belongs to the person named closest before it in the sentence.
            before = [reading.token_party[t.i] for t in sent if t.i in reading.token_party and t.idx < m.start()]
            after = [reading.token_party[t.i] for t in sent if t.i in reading.token_party and t.idx >= m.start()]
            key = before[-1] if before else (after[0] if after else fallback)
            if key and key in drafts:
                out.setdefault(key, []).append((trait, m.start(), m.end()))
    return out


def _home_help(text: str) -> re.Match | None:
    """The words of ``parties.yaml``'s help-at-home entries ("my cleaning lady", "the nanny", "we hired a nanny") in a
    mention, if any."""
    return next((m for rx, entry in _mention_rules() if entry.key == "household"
                 and (m := rx.whole.search(fold(text))) is not None), None)


#: A boss the writer no longer works for, as the letter names them: "my former employer", "my ex-boss".
_FORMER = re.compile(r"(?:my|our) (?:former|previous|old|ex-) ?[a-z]+( manager| lead| leader)?$", re.IGNORECASE)


#: The plural a "one of our …" names one person by, and that one person's noun.
_ONE_OF = {"clients": "client", "customers": "customer", "patients": "patient", "parents": "parent", "guests": "guest",
           "residents": "resident", "passengers": "passenger", "students": "student", "tenants": "tenant",
           "members": "member", "volunteers": "volunteer", "riders": "rider", "diners": "diner", "shoppers": "shopper"}


_IRREGULAR = {"men": "man", "women": "woman", "people": "person", "staff": "staff member", "police": "police officer"}


def singular(word: str) -> str:
    """The one person of a plural people noun, for "one of the senior engineers" ("the senior engineer", not "the
    senior engineers has…"): the few irregular ones, then the regular endings; a word that is no plural stays."""
    low = word.lower()
    if low in _ONE_OF or low in _IRREGULAR:
        return _ONE_OF.get(low) or _IRREGULAR[low]
    if low.endswith("ies") and len(low) > 4:
        return word[:-3] + "y"
    if low.endswith(("sses", "ches", "shes", "xes")):
        return word[:-2]
    if low.endswith("s") and not low.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


#: A noun that says only that someone is a person: "a guy", "this woman", "a bloke".
_JUST_A_PERSON = re.compile(r"(?:a|an|the|this|that|one|some)\s+(?:guy|man|woman|lady|bloke|chap|fella|fellow|girl|lad|"
                            r"person|gentleman)", re.IGNORECASE)


def party_label(draft: PartyDraft) -> str:
    """How advice names the party: their first explicit noun phrase, re-aimed at 'you'."""
    labels = party_rules().labels
    own = next((e.label for e in party_rules().mentions if e.key == draft.key and e.role == draft.role and e.label),
               None)
    if own:
        return own  # "your business partner": level with the writer, yet not "your peer"
    first = next((m.text for m in draft.mentions if m.text.lower() not in _PRONOUN_GENDER), "")
    if draft.role in ("manager", "skip_level") and _FORMER.match(first):
        return "your " + " ".join(first.split()[1:]).lower()  # "my former employer": not "your manager" any more
    # People in the writer's line are named by that line ("your manager"); someone outside it (a client, a
    # parent, a patient's relative) by their own first noun, which says more than "the customer".
    home = next((m for d in draft.mentions if (m := _home_help(d.text))), None)
    if draft.role == "direct_report" and home:  # "your maid", not "your direct report", for help at home
        noun = re.sub(r"^(a|an|the|our|my|this|that)\s+", "", home.group())
        return f"your {noun}"
    if draft.role not in ("other", "customer") or not draft.mentions:  # known by its role alone: no noun of its own
        return labels[draft.role]
    if draft.key.startswith("former_employee") and not any(re.search(r"\b(former|ex)\b", m.text, re.I)
                                                          for m in draft.mentions):
        return "your former employee"  # "we fired an employee": no longer "the employee"
    noun = next((m.text for m in draft.mentions if m.text.lower() not in _PRONOUN_GENDER), draft.key)
    if draft.names and noun in draft.names:
        return noun  # a person known only by name ("Kofi"), never "the Kofi"
    if draft.names and _A_PLACE.search(noun.strip()):  # "a user from another department, I'll call her Sally": Sally,
        return next((m.text for m in draft.mentions if m.text in draft.names), min(draft.names))  # not "the department"
    if draft.names and _JUST_A_PERSON.fullmatch(noun.strip()):  # "a guy called Rob": Rob, not "the guy"
        return next(m.text for m in draft.mentions if m.text in draft.names)
    if re.match(r"one of\b", noun, re.IGNORECASE):  # "one of our largest clients": one client, "the largest client"
        noun = re.sub(r"\b(\w+)\b$", lambda m: singular(m.group(1)), noun.strip())
    noun = re.sub(r"^(another|that|this)\s+", "the other ", noun.strip(), flags=re.IGNORECASE)
    noun = re.sub(r"^(an?|one of (my|our|the|those|these|their)( company's)?|one|our|their)\s+", "the ", noun,
                  flags=re.IGNORECASE)
    noun = re.sub(r"^(the|your) own\s+", r"\1 ", noun, flags=re.IGNORECASE)  # "our own clients": not "the own clients"
    # the writer's "my" and "our", wherever they stand, said back to them: "the mum of one of my pupils" is "the mum of
    # one of your pupils" (red team 57 found "The mum of one of my pupils criticised your work")
    noun = re.sub(r"^my\s+|(?<=\s)(?:my|our)\b", lambda m: "your" + m.group()[2:] if m.group()[:2].lower() == "my"
                  else "your", noun, flags=re.IGNORECASE)
    noun = re.sub(r"^(his|her|its)\s+", "their ", noun, flags=re.IGNORECASE)  # "his boss": not "the his boss"
    noun = re.sub(r"\s+(?:(?:whom|who|that)\s+)?(?:I|we)\s.*$", "", noun)  # "the lady I was caring for" -> "the lady"
    noun = re.sub(r"^(the|your)\s+", lambda m: m.group().lower(), noun, flags=re.IGNORECASE)  # mid-sentence
    return noun if noun.startswith(("the ", "your ", "their ")) else f"the {noun}"


#: A courtesy title just before a name: "Mrs. Hill" is addressed so, never as "Hill" (a red team found "Hi Hill").
_TITLE_BEFORE = re.compile(rf"\b({'|'.join(COURTESY_TITLES)})\.?\s+$")


#: The word a role phrase's pattern matched after the noun ("the nurse who…", "another driver in…"), not part of
#: how the person is named.
_TRAILING_WORD = re.compile(r"\s+(?:who|that|in|on|at|down|next)$", re.IGNORECASE)


def to_party(reading: Reading, draft: PartyDraft, traits: list[tuple[str, int, int]]) -> Party:
    seen: list[str] = []
    for m in draft.mentions:
        t = _TRAILING_WORD.sub("", reading.original[m.start:m.end])  # "another driver in" -> "another driver"
        title = _TITLE_BEFORE.search(reading.original[max(0, m.start - 12):m.start])
        if title and re.fullmatch(r"[A-Z][a-z]+", t):
            t = f"{title.group(1)}. {t}" if title.group(1) in ABBREVIATED_TITLES else f"{title.group(1)} {t}"
        if t.lower().replace(".", "") not in (s.lower().replace(".", "") for s in seen):  # "Mr Okafor", "Mr. Okafor"
            seen.append(t)
    titled = {x.split()[-1] for x in seen if _TITLE_BEFORE.search(x.rsplit(" ", 1)[0] + " ")}
    seen = [x for x in seen if x not in titled]  # "Hill" once "Mrs. Hill" is known
    trait_names: list[str] = []
    for name, _, _ in traits:
        if name not in trait_names:
            trait_names.append(name)
    evidence = [reading.evidence(m.start, m.end) for m in draft.mentions[:12]]
    evidence += [reading.evidence(s, e) for _, s, e in traits]
    return Party(id=draft.key, role=draft.role, label=party_label(draft), mentions=seen,
                 traits=trait_names, evidence=evidence)
