"""The other side's act in the writer's own words, retold to them ("she keeps parking in my spot" ->
"you keep parking in my spot"), for the "When you …" line of a script.

A blind panel found the stock lines ("When you criticised my work…") generic and, where the reading's act was
wrong, invented. The writer's own clause says what happened; only its subject and the verb's agreement change.
Anything that cannot be retold cleanly (another person in the clause, a quote, a question, a clause too long or
too short to say aloud) gives None, and the script keeps its reworded line: a wrong sentence put in someone's
mouth is worse than a plain one.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from spacy.tokens import Doc, Token

from clearair.extract.mentions import acts_on_writer
from clearair.extract.nlp import parse
from clearair.models import Evidence, Situation

#: Third-person subjects that can stand for the other side.
_THEM = frozenset({"he", "she", "they"})
#: Pronouns that would need resolving to say the clause to them: the clause is left alone when one remains.
_UNRESOLVED = frozenset({"he", "she", "they", "him", "her", "them", "his", "hers", "their", "theirs", "himself",
                         "herself", "themselves", "it", "this", "that", "who", "which", "you", "your"})
#: A word that stands for something named before the clause: "she never assigns me any" (complex patients, said in
#: the clause before) retold alone names nothing (blind panel 47 found "you never assign me any" in two scripts).
_STANDS_FOR_BEFORE = frozenset({"any", "some", "none", "one", "ones", "either", "neither", "both", "more", "enough",
                                "much", "many", "another", "others", "same"})
_THEIRS = frozenset({"his", "her", "their"})
_REFLEXIVE = frozenset({"himself", "herself", "themselves"})
_AGREE = {"is": "are", "was": "were", "has": "have", "does": "do", "'s": "are"}
#: Parts of a verb's subtree that start a new thought: the retold clause stops before them.
_CUT = frozenset({"conj", "cc", "advcl", "parataxis", "punct", "mark", "ccomp", "relcl", "npadvmod"})
#: Verbs that report rather than act ("she said", "he thinks"): their clause is not the act itself.
_REPORTING = frozenset({"say", "tell", "think", "feel", "seem", "be", "know", "want", "believe", "like", "ask",
                        "report", "answer", "belong", "have", "strike", "phone",
                        "admit", "explain", "claim", "announce", "promise", "agree", "offer", "invite", "work",
                        "come", "sign", "write", "mention", "suggest", "hope", "decide", "plan", "try"})
MIN_WORDS, MAX_WORDS = 3, 16  # after "you" ("you just talk", "you blow up" say too little out of their letter)
#: Words that tie the clause to the writer's story, not to the act: "he also laughed", "she then walked off".
_LINKING = frozenset({"also", "then", "too", "even", "again", "still", "later", "afterwards", "eventually"})
_MAYBE = frozenset({"could", "would", "might", "may", "should", "'d", "must", "will", "'ll", "shall"})
_NOT_SAID = frozenset({"if", "whether", "how", "why", "what", "unless", "though", "although"})


#: Words that stand for someone without naming them: a mention that is one of these is no name to look for.
PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers", "they", "them", "their", "i", "we", "it"})


def names_to_find(mentions: list[str]) -> list[str]:
    """The other side's mentions a clause can be retold by: names and role words ("Dave", "my coworker"), and "he"
    (a two-letter word other than their pronoun says too little to be theirs)."""
    return [m for m in mentions if len(m) > 2 or m.lower() == "he"]


def retold_to_them(sentence: str, names: list[str]) -> str | None:
    """``sentence``: the writer's sentence the act rests on; ``names``: the other side's names, role words and
    pronouns as the letter gives them ("Dave", "my coworker", "he"). Returns "you …" or None."""
    return _retold(sentence, names, None)


def retold_about_them(sentence: str, names: list[str], who: str) -> str | None:
    """The same clause said of them to someone else: "my peer keeps parking in my spot" (``who``: "my peer")."""
    return _retold(sentence, names, who)


#: The writer's words for themselves, said back to them.
_TO_WRITER = {"me": "you", "my": "your", "mine": "yours", "myself": "yourself", "us": "you", "our": "your",
              "ours": "yours", "ourselves": "yourselves"}


def retold_to_writer(sentence: str, names: list[str], label: str) -> str | None:
    """The clause said back to the writer in the answer's voice: "your peer keeps parking in your spot"
    (``label``: how the report names the other side). None when the writer is a subject in it ("…when I ask")."""
    said = _retold(sentence, names, label)
    if said is None:
        return None
    words = said[len(label):].split(" ")
    if any(w.lower().strip(".,") in ("i", "i'm", "i've", "i'd", "i'll", "we", "we're") for w in words):
        return None
    return label + " ".join(_TO_WRITER.get(w.lower(), w) if w.isalpha() else w for w in words)


@lru_cache(maxsize=256)
def _parsed(sentence: str) -> Doc:
    """One parse per sentence however many scripts and answers retell it (a sentence is a few milliseconds)."""
    return parse(sentence)


def _retold(sentence: str, names: list[str], who: str | None) -> str | None:
    doc = _parsed(sentence)
    for tok in doc:
        # (the parser makes "she" of "she's been late" a passive subject)
        subject = tok.dep_ == "nsubj" or tok.dep_ == "nsubjpass" and (
            _being_what_they_do(tok.head) or _progressive_taken_for_passive(tok))  # "she's been taking my summaries"
        # "There's a designer in the Leeds office who keeps taking my concepts": the act told of them in a clause
        described = (person := _relative_of(tok)) is not None and _names_them(person, names)
        if not subject or not (described or _names_them(tok, names)):
            continue
        verb = tok.head
        # A main clause ("every time they lean in", and a first clause the parser hung under a later one); not
        # "whatever he doesn't do ends up…".
        main = verb.dep_ in ("ROOT", "conj") or verb.dep_ == "relcl" and verb.head.lemma_.lower() == "time" or \
            verb.dep_ == "ccomp" and verb.head.i > verb.i or described
        quits = verb.lemma_.lower() == "leave" and not any(c.dep_ == "dobj" for c in verb.children)  # "she left"
        act = verb.lemma_.lower() not in _NOT_AN_ACT or _being_what_they_do(verb) or _started_doing(verb)
        if who is None and (verb.lemma_.lower() in _JUDGING or verb.lemma_.lower() == "take"
                            and any(c.lower_ == "against" for c in verb.children)):
            continue  # said to them, a judgment accuses; said of them to someone else it reports
        if verb.pos_ not in ("VERB", "AUX") or not act or quits or not main:
            continue
        # The clause itself must be the complaint: a sentence chosen for "…he calls her, not me" opens with "She
        # handles every order", which is her job, not what the writer objects to.
        if not (_told_as_a_complaint(verb) or _through_mine(verb)
                or acts_on_writer(tok) and verb.lemma_.lower() not in _THEIR_JOB):
            continue
        said = _clause(verb, tok, who)
        if said is not None:
            said = _ASIDE.sub(" ", said)  # "you , however, keep taking credit" -> "you keep taking credit"
            if not re.search(r"\s[,;:]", said):  # not a clause that breaks on a stray comma ("you , we've got two")
                return said
    return None


def _relative_of(tok: Token) -> Token | None:
    """The person a "who" (or "that") subject stands for: "a designer … who keeps taking my concepts" gives "designer".
    None for any other word."""
    if tok.dep_ == "nsubj" and tok.lower_ in ("who", "that") and tok.head.dep_ == "relcl" \
            and tok.head.head.pos_ in ("NOUN", "PROPN"):
        noun = tok.head.head
        if tok.lower_ == "who" and noun.dep_ == "pobj" and noun.head.dep_ == "prep" \
                and noun.head.head.pos_ in ("NOUN", "PROPN"):
            noun = noun.head.head  # "a designer in the Leeds office who…": the parse hangs "who" on the office
        # Not where the person is the subject of the sentence's own act: "The guy who eats tuna every day has started
        # reading my screen" describes him by the clause and complains in the main one.
        return None if noun.dep_ in ("nsubj", "nsubjpass") else noun
    return None


#: A word set off by commas that only links the clause to the letter around it: "Mr Grant, however, keeps…".
_ASIDE = re.compile(r"\s*,\s*(?:however|though|too|also|of course|in fact|again|apparently|honestly|meanwhile|"
                    r"on the other hand|for example|instead)\s*,\s*", re.IGNORECASE)


def _names_them(tok: Token, names: list[str]) -> bool:
    if tok.lower_ in _THEM:
        # A pronoun of theirs, when the reading tied one to them: "they" of "they hired a woman to replace my
        # boss" is the company, not the new boss the letter calls "she" (a panel met "When you hired a much
        # younger woman…" said to that woman).
        own = {n.lower() for n in names} & _THEM
        return not own or tok.lower_ in own
    # the phrase without a relative clause or a participle said of them: "the aides who cheered me on have…"
    # ... or a name set beside it: "A colleague of mine, Stacey," is "a colleague of mine" and is "Stacey"
    apposed = [c for c in tok.children if c.dep_ == "appos"]
    if any(c.text.lower() == n.lower() for c in apposed for n in names if n):
        return True
    said_of = {t.i for c in tok.children if c.dep_ in ("relcl", "acl", "appos") for t in c.subtree}
    said_of |= {c.i for c in tok.children if c.dep_ == "punct" and said_of}
    phrase = " ".join(t.text for t in tok.subtree if t.i not in said_of).lower()
    # ... and without a place after it: "the woman in the cubicle right beside mine" is "the woman"
    placed_at = {t.i for c in tok.children if c.dep_ == "prep" and c.i > tok.i for t in c.subtree}
    bare = " ".join(t.text for t in tok.subtree if t.i not in said_of | placed_at).lower()
    # ... or a name with a place or a line after it: "A coworker on my level drops by…", "my manager at the depot".
    placed = re.match(r"(.+?) (?:on|at|in|from|of) (?:my|our|the|this|that) [a-z-]+(?: [a-z-]+)?$", phrase)
    return any(phrase == n.lower() or phrase.endswith(" " + n.lower().split()[-1]) and len(phrase.split()) <= 3
               or placed is not None and placed.group(1) == n.lower()
               or bare != phrase and len(bare.split()) >= 2 and bare == n.lower() for n in names if n)


def _clause(verb: Token, subject: Token, who: str | None) -> str | None:
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None  # "I asked her to stop": what they were asked, not what they did
    if any(c.dep_ == "aux" and c.lower_ in _MAYBE for c in verb.children):
        return None  # "she could take over my duties": a fear, not an act
    if any(c.lower_ in _NOT_SAID for c in verb.children if c.i < subject.i):
        return None  # "if he had any problems with me", "how she speaks to me": not an act as it stands
    if any(c.dep_ == "xcomp" and c.lemma_.lower() in _REPORTING
           and not (c.lemma_.lower() == "want" and any(g.dep_ == "xcomp" for g in c.children)) for c in verb.children):
        return None  # "she keeps telling me …": what is said is cut off, and is the point ("keeps wanting to…" is not)
    if verb.lemma_.lower() == "do" and not any(c.dep_ in ("dobj", "xcomp", "prep") for c in verb.children):
        return None  # "she never did": the act is in an earlier sentence
    if any(c.dep_ == "neg" and c.lower_ in ("not", "n't", "n’t") for c in verb.children):
        return None  # "he doesn't shout or anything", "she can't stand me": not an act (but "never replies" is)
    if any(c.lower_ in _GUESS for c in verb.children):
        return None  # "he clearly can't stand me": the writer's reading of them, not what they did
    # A comma alone between the subject and the verb closes the subject ("The guy who sits next to me, Ben, takes…"),
    # and goes; an aside there stays, with its commas, for ``_ASIDE`` ("Mr Grant, however, keeps…").
    # A second subject there is the first one's name or title set beside it ("One of my reports, a designer called
    # Oscar, has started …"): it goes with its commas.
    beside = [c for c in verb.children if subject.i < c.i < verb.i and (c.dep_ == "nsubj" or c.dep_ == "compound"
                                                                        and c.pos_ == "PROPN")]  # "My boss Martin"
    between = [c for c in verb.children if subject.i < c.i < verb.i and c not in beside
               and c.dep_ not in ("aux", "auxpass")]  # ("…, Ben, has taken": the auxiliary is the verb's own)
    lone_commas = all(c.dep_ == "punct" for c in between)
    parts: list[list[Token]] = []
    for child in verb.children:
        if child.dep_ == "ccomp" and child.i > verb.i:
            return None  # "he admitted to me [that …]": without its content the clause says nothing
        every = child.dep_ == "npadvmod" and _every_time(child)  # "…every week"
        if _second_verb_of_theirs(child, verb):  # "swears and groans out loud all day": both acts are theirs
            parts.append([c for c in verb.children if c.dep_ == "cc" and verb.i < c.i < child.i][-1:]
                         + _without_second_acts(child))
            continue
        if child.i < subject.i or child.i == subject.i or child in beside or \
                child.dep_ in _CUT and child.i > verb.i and not every or \
                child.lower_ in _LINKING or lone_commas and child.dep_ == "punct" and child.i < verb.i:
            continue  # "Yesterday, she…": what comes before the subject is left out
        parts.append(_without_second_acts(child))
    parts = [_without_a_stolen_subject(part) for part in parts]
    # Too long to say aloud: drop trailing modifiers ("… instead of how the rest of us work") while it still says
    # what they did.
    while True:
        said = _words(verb, subject, [t for part in parts for t in part], who)
        if said is not None and len(said.split()) <= MAX_WORDS or not parts:
            break  # (a trailing modifier that cannot be said cleanly goes too: "…whenever he speaks to me")
        last = max(parts, key=lambda part: part[0].i)
        head = next(t for t in last if t.head.i == verb.i)  # the child of the verb this part hangs from
        comma = next((t for t in last if t.text == "," and t.i > head.i), None)
        if comma is not None and last[0].i > verb.i:
            # what follows a comma in the last part goes first: "turns up … late most days, which matters when …"
            # keeps "late most days" (a red team found "you turn up between ten and forty minutes." said)
            parts[parts.index(last)] = [t for t in last if t.i < comma.i]
            continue
        if last[0].i < verb.i or head.dep_ not in ("prep", "advmod", "npadvmod", "advcl"):
            return None  # only a trailing modifier may go; what they did to whom stays
        parts.remove(last)
    if said is None or not MIN_WORDS <= len(said.split()) <= MAX_WORDS:
        return None
    plural = subject.lower_ == "they" or subject.tag_ in ("NNS", "NNPS", "CD") or subject.lower_ in ("both", "some")
    if who is not None and plural and (verb.tag_ != "VBD" or _has_aux(verb)):
        return None  # "they roll their eyes", "two of my coworkers have taken…" said of one person reads wrong
    if verb.lemma_.lower() == "treat" and said.split()[-1].lower().strip(".,") in ("me", "us"):
        return None  # "you treat me": how they treat the writer was cut off, and is the point
    if who is None:
        return "you" + ("" if said.startswith(("'", "’")) else " ") + said
    return who + ("" if said.startswith(("'", "’")) else " ") + said


def _without_a_stolen_subject(part: list[Token]) -> list[Token]:
    """``part`` without a last "and <noun>" that is really the subject of the next verb, which the parser joined to
    the object before it: "was shouting about his room and my coworker Jess rolled her eyes" says "was shouting about
    his room" (a red team found "The guest was shouting about his room and your coworker Jess")."""
    if not part:
        return part
    after = part[-1].i + 1
    doc = part[-1].doc
    if after >= len(doc) or doc[after].pos_ not in ("VERB", "AUX") or doc[after].tag_ not in ("VBD", "VBZ", "VBP"):
        return part
    ands = [t for t in part if t.dep_ == "cc" and t.lower_ == "and" and any(
        c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN") and c.i > t.i for c in t.head.children)]
    return part if not ands else [t for t in part if t.i < ands[-1].i]


def _second_verb_of_theirs(child: Token, verb: Token) -> bool:
    """A short second verb joined to the act with "and", with no subject of its own: the same person doing a second
    thing ("he swears and groans out loud"). Without it the clause broke at the gap and was not said at all."""
    return child.dep_ == "conj" and child.pos_ == "VERB" and child.i > verb.i and child.tag_ == verb.tag_ \
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children) \
        and any(c.dep_ == "cc" and c.lower_ == "and" and verb.i < c.i < child.i for c in verb.children) \
        and len(list(child.subtree)) <= 6


def _without_second_acts(tok: Token) -> list[Token]:
    """``tok``'s words without a second verb joined to one inside them: "keeps taking documents from my desk and
    hiding them" says "keeps taking documents from my desk" (the second act's "them" could not be said back), and
    without a clause of the writer's after an act they keep doing (its "it" could not be said back either)."""
    second = [c for c in tok.subtree if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and c.i > tok.i]
    cut = {t.i for c in second for t in c.subtree}
    if tok.dep_ == "xcomp":  # "keeps taking my lunch [even after I labelled it]": the act without the writer's clause
        cut |= {t.i for c in tok.children if c.dep_ == "advcl" and c.i > tok.i for t in c.subtree}
    cut |= {c.i for s in second for c in s.head.children if c.dep_ in ("cc", "punct") and s.head.i < c.i < s.i}
    return [t for t in tok.subtree if t.i not in cut]


def _words(verb: Token, subject: Token, kept: list[Token], who: str | None) -> str | None:
    words = sorted(kept + [verb], key=lambda t: t.i)
    if not words or words[-1].i - words[0].i + 1 != len(words):
        return None  # a gap: the clause is not one run of the writer's words
    last = next((t for t in reversed(words) if not t.is_punct), words[-1])
    if last.lower_ in _STANDS_FOR_BEFORE and not any(True for _ in last.children):
        return None  # "she never assigns me any": what "any" stands for is outside the clause
    own = _OWN.get(subject.lower_, {})
    out: list[str] = []
    for t in words:
        low = t.lower_
        if who is None and low in own:
            out.append(own[low] if t.tag_ != "PRP$" or low != "her" else "your")
            continue  # "anything I ask him to do", said to him: "anything I ask you to do"
        named = subject.pos_ in ("NOUN", "PROPN")  # "the colleague next to me plays his radio"
        if t.tag_ == "PRP$" and low in _THEIRS and (subject.lower_ in _THEM | {low} or named):
            out.append("your" if who is None else t.text)  # "he presented my analysis as his own": the subject's
            continue
        if low in _REFLEXIVE:
            out.append("yourself" if who is None else t.text)
            continue
        if low in _UNRESOLVED and not _thing_said_before(t, words) or t.tag_ in ("``", "''", '"') \
                or t.text in ('"', "“", "”", "?"):
            return None
        second_verb = t.tag_ == "VBZ" and t.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in t.children)
        if who is None and (t.i == words[0].i and t.dep_ in ("aux", "auxpass") or t.i == verb.i
                            and not _has_aux(verb) or second_verb):
            out.append(_agree(t))  # "keeps" -> "keep", and so for a second verb of theirs ("…and gossips")
        else:
            out.append(t.text)
    return _join(words, out)


#: Nouns for people: a thing "it" stands for is none of these ("told my manager about it" names no thing).
_PERSON_NOUNS = frozenset("""manager boss supervisor coworker co-worker colleague friend team staff client customer
    patient director owner lead person people man woman guy girl boy lady everyone everybody someone somebody nurse
    teacher partner wife husband son daughter mother father mum mom dad family hr""".split())


def _thing_said_before(pronoun: Token, words: list[Token]) -> bool:
    """ "it" or "them" standing for a thing the clause itself named before it: "you took my lunch from the fridge and
    ate it" (one blind panel's gap, "[what happened]", where the act had clean words)."""
    if pronoun.lower_ not in ("it", "them"):
        return False
    plural = pronoun.lower_ == "them"
    return any(t.i < pronoun.i and t.pos_ == "NOUN" and t.dep_ == "dobj" and t.lemma_.lower() not in _PERSON_NOUNS
               and (t.tag_ == "NNS") == plural for t in words)


#: The subject's own pronouns further on in the clause, said to them.
_OWN: dict[str, dict[str, str]] = {
    "he": {"him": "you", "his": "your", "himself": "yourself"},
    "she": {"her": "you", "hers": "yours", "herself": "yourself"},
}


def _has_aux(verb: Token) -> bool:
    return any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def _agree(t: Token) -> str:
    """The verb (or its first auxiliary) said with "you": "keeps" -> "keep", "was" -> "were"; past stays past."""
    low = t.lower_
    if low in ("'s", "’s") and t.i + 1 < len(t.doc) and t.doc[t.i + 1].tag_ == "VBN":
        return "have"  # "she's been leaving" -> "you have been leaving"
    if low in _AGREE:
        return _AGREE[low]
    if t.tag_ == "VBZ":
        return t.lemma_.lower()
    return t.text


def _join(words: list[Token], out: list[str]) -> str:
    return "".join(w + t.whitespace_ for t, w in zip(words, out, strict=True)).strip().rstrip(",;:")


def act_sentences(reading, situation: Situation) -> list[Evidence]:
    """The writer's sentences in which the other side does what the letter is about, in order: the subject is a
    word the reading ties to the other side (or, when the letter names nobody else, an untied he, she or they),
    and the clause does something to the writer ("he keeps parking in my spot") or is told as a complaint (a
    habit: "she keeps doing things her own way", "he always talks over people"; or a verb of conflict: "she
    slams the phone down"). Read from the parse, so no act needs to be in a list."""
    counterpart = situation.counterpart
    if counterpart is None:
        return []
    untied = _their_pronoun(reading, counterpart, only_party=len(situation.parties) == 1)
    out = []
    for sent in reading.doc.sents:
        for tok in sent:
            if tok.dep_ != "nsubj" and not _progressive_taken_for_passive(tok):
                continue  # read first: the clause tests below are the costly part
            described = _relative_of(tok)  # "a designer … who keeps taking my concepts": the designer's act
            party = reading.token_party.get(described.i if described is not None else tok.i)
            if not (party == counterpart or (party is None and tok.lower_ in untied)):
                continue
            their_job = tok.head.lemma_.lower() in _THEIR_JOB  # "she does my appraisal": no complaint in it
            if _friendly(tok.head):
                continue  # "she laughs at my jokes": said of someone the writer likes, not what hurt them
            if _with_the_writer(tok):
                continue  # "he and I talk by phone every few days": something they do together
            if acts_on_writer(tok) and not their_job or _told_as_a_complaint(tok.head) or _through_mine(tok.head):
                out.append(reading.evidence(sent.start_char, sent.end_char))
                break
    return out


def _progressive_taken_for_passive(tok) -> bool:
    """ "he's been making comments to me": the small parse takes "'s been making" for a passive and its doer for
    the passive's subject; a verb ending in -ing after "been" is done by its subject."""
    return tok.dep_ == "nsubjpass" and tok.head.tag_ == "VBG"


#: Verbs of goodwill: "she thanked me", "he helped me out", "she laughs at my jokes" (a red team found "your peer
#: laughs at your jokes" told back as the trouble, in a letter about a declined date).
_GOODWILL = frozenset({"thank", "help", "praise", "compliment", "support", "smile", "like", "love", "invite", "buy",
                       "welcome", "congratulate", "hug", "encourage", "defend", "cover"})


def _with_the_writer(subject) -> bool:
    """The subject is joined with the writer ("he and I", "she and me"): the two do it together."""
    return any(c.dep_ == "conj" and c.lower_ in ("i", "me", "myself") for c in subject.children)


def _friendly(verb) -> bool:
    if any(c.dep_ == "neg" for c in verb.children):
        return False  # "she never thanks me"
    if verb.lemma_.lower() in _GOODWILL:
        return True
    return verb.lemma_.lower() == "laugh" and any(
        p.lower_ == "at" and any(o.lemma_.lower() in ("joke", "story", "pun") for o in p.children)
        for p in verb.children)


def _their_pronoun(reading, counterpart: str, only_party: bool) -> frozenset[str]:
    """The subject pronouns that stand for the other side where the reading tied none to them: any he, she or
    they when the letter names nobody else; else the one of "he" and "she" used most as a subject and tied to
    nobody else ("a young new hygienist… She keeps…"), when the other side has no pronoun of their own."""
    if only_party:
        return _THEM
    tied = {t.lower_ for t in reading.doc if reading.token_party.get(t.i) == counterpart and t.pos_ == "PRON"}
    if tied:
        return frozenset()
    others = {t.lower_ for t in reading.doc if reading.token_party.get(t.i) not in (None, counterpart)}
    free = Counter(t.lower_ for t in reading.doc if t.dep_ == "nsubj" and t.lower_ in ("he", "she")
                   and t.i not in reading.token_party and t.lower_ not in others)
    return frozenset([free.most_common(1)[0][0]]) if free else frozenset()


#: Verbs of friction: a clause built on one of them is what the writer objects to, whoever it is aimed at.
_FRICTION = frozenset("""yell shout scream snap swear curse slam stomp storm sulk sneer mock ridicule belittle
    criticise criticize undermine interrupt ignore exclude gossip complain blame accuse refuse lie cheat steal
    humiliate embarrass insult threaten bully harass pester nag micromanage nitpick dismiss overrule contradict
    lean hover stare touch grab push shove rant moan whine sabotage badmouth bad-mouth snoop pry question avoid
    taunt tease""".split())
#: Words that make a clause a habit the writer puts up with: "she keeps…", "he always…", "every time they…".
_HABIT = frozenset({"always", "constantly", "never", "continually", "repeatedly", "routinely", "forever", "regularly",
                    "often", "frequently", "habitually", "persistently"})
#: Verbs that say where someone stands, not what they do ("she reports to me", "he sits near me").
_STANDING = frozenset({"report", "answer", "belong", "live", "sit", "start", "join", "become", "stay",
                       "remain", "arrive", "return", "retire", "move"})
#: Verbs of what someone feels about the writer ("he can't stand me", "she resents me"): the writer's reading of
#: them, not an act; said to their face ("It's been bothering me that you clearly can't stand me") it accuses.
_FEELING = frozenset({"love", "enjoy", "hate", "dislike", "resent", "despise", "loathe", "envy", "trust", "respect",
                      "mind", "blame", "fear", "prefer", "favour", "favor", "care"})
#: Verbs that tell how the writer feels about someone, with the writer as their object ("she intimidates me", "he
#: annoys me"): the writer's feeling, not something the other side did (blind panel 41: "It's been bothering me that
#: you honestly intimidate me" said to a report).
_FELT_BY_ME = frozenset({"intimidate", "annoy", "irritate", "frustrate", "scare", "frighten", "upset", "bother",
                         "confuse", "overwhelm", "stress", "worry", "bore", "exhaust", "unnerve", "terrify"})
#: No kind of verb above is an act to retell or to complain of.
_NOT_AN_ACT = _REPORTING | _STANDING | _FEELING | _FELT_BY_ME
#: Verbs that name a judgment of someone's conduct rather than the conduct ("she micromanages everything", "he
#: undermines me"): fair in a note to a manager or HR, an accusation said to the person (a panel marked
#: "It's been bothering me that you micromanage everything" to a manager as a line that would backfire).
_JUDGING = frozenset({"micromanage", "bully", "harass", "belittle", "patronise", "patronize", "undermine", "nitpick",
                      "gaslight", "sabotage", "badmouth", "bad-mouth", "manipulate", "disrespect", "condescend",
                      # a motive the writer reads into them ("she hates me", "he has taken against me"), not an act
                      "hate", "dislike", "resent", "despise", "loathe"})
#: Verbs of someone's job done for the writer ("does my appraisal", "signs my timesheets", "approves my leave"):
#: acts on the writer, but not what a letter complains of unless told as a habit or with friction.
_THEIR_JOB = frozenset({"do", "sign", "approve", "review", "assess", "mark", "check", "schedule", "process", "handle",
                        "set", "run", "plan", "write", "train", "teach", "pay", "supervise", "manage", "oversee"})
#: Words that mark a clause as the writer's guess about them: "she obviously resents…", "he clearly thinks…".
_GUESS = frozenset({"clearly", "obviously", "apparently", "probably", "seemingly", "evidently", "presumably",
                    "maybe", "perhaps", "supposedly"})


#: Time words that make a clause a habit: "every week", "each morning", "all day", "the whole shift".
_EVERY = frozenset({"every", "each", "all", "whole", "entire", "daily", "nightly", "weekly", "most"})
#: What someone can be that is a fact of their doing, not a label put on them: "she's been late every week".
#: (Labels such as "rude" are left out: said back to someone, they read as an accusation.)
_BEING = frozenset({"late", "absent", "loud"})


#: The times "every" goes with in a habit ("every week", "all day"), not "every order" or "all the files".
_TIMES = frozenset({"day", "days", "week", "weeks", "morning", "mornings", "afternoon", "afternoons", "evening",
                    "evenings", "night", "nights", "shift", "shifts", "time", "meeting", "meetings", "month", "months",
                    "hour", "hours", "minute", "minutes", "year", "break", "breaks", "lunch", "weekend", "weekends",
                    "call", "calls"})


def _every_time(phrase: Token) -> bool:
    """The phrase names a recurring time: "every week", "the whole working day" (``_EVERY`` with ``_TIMES``)."""
    return any(t.lower_ in _EVERY for t in phrase.subtree) and any(t.lower_ in _TIMES for t in phrase.subtree)


#: Words of repetition that hang from the verb as a phrase the parse splits ("over and over", "all afternoon").
_OVER_AND_OVER = re.compile(r"\b(?:over and over|again and again|time and again|time after time|"
                            r"all (?:day|afternoon|morning|evening|night|shift)(?: long)?)\b", re.IGNORECASE)


def _is_a_habit(verb: Token) -> bool:
    """ "he always…", and "…the whole working day", "…at least once every week", "takes most of his calls on
    speaker" (most or all of a kind of thing: a habit, not one time)."""
    if any(c.lower_ in _HABIT for c in verb.children):
        return True
    if _OVER_AND_OVER.search("".join(t.text_with_ws for t in verb.subtree)):  # "clicks his pen, over and over"
        return True
    if any(c.dep_ == "dobj" and next(iter(c.subtree)).lower_ in ("most", "all")
           and any(t.lower_ == "of" for t in c.subtree) for c in verb.children):
        return True
    return any(c.dep_ in ("npadvmod", "advmod", "prep") and _every_time(c) for c in verb.children)


#: Verbs that take, use or undo something of the writer's ("took my ideas", "rewrote my report"); not "does my
#: appraisal" or "signs my timesheet", which are someone's job.
_TAKING = frozenset({"take", "steal", "use", "copy", "borrow", "move", "read", "open", "delete", "change", "rewrite",
                     "edit", "cancel", "undo", "throw", "eat", "drink", "claim", "present", "redo", "override",
                     "overrule", "dismiss", "ignore", "block", "hide", "remove", "reassign", "touch", "grab"})


def _at_what_is_mine(verb: Token) -> bool:
    """The act takes something of the writer's: "have taken some of my ideas", "used my login", "taking the
    summaries I write"."""
    return verb.lemma_.lower() in _TAKING and any(
        c.dep_ == "dobj" and (any(t.lower_ in ("my", "me") for t in c.subtree) or any(
            r.dep_ == "relcl" and any(w.dep_ == "nsubj" and w.lower_ == "i" for w in r.children) for r in c.children))
        for c in verb.children)


#: "has started missing deadlines", "began ignoring my emails": a habit in the making, like "keeps …"; not a start
#: of work or study ("started working here in May").
_STARTS = frozenset({"start", "begin"})
_NEUTRAL_START = frozenset({"work", "train", "study", "learn", "help", "teach", "lead", "manage", "date", "see"})


def _started_doing(verb: Token) -> bool:
    """ "has started missing deadlines" (``_STARTS`` with a verb in -ing that is no start of work, ``_NEUTRAL_START``),
    whether the parse hangs the -ing verb from "started" or makes it part of the object."""
    if verb.lemma_.lower() not in _STARTS:
        return False
    after = verb.nbor(1) if verb.i + 1 < len(verb.doc) else None  # "started missing deadlines", parsed either way
    doing = [c for c in verb.children if c.dep_ == "xcomp" and c.tag_ == "VBG"] + (
        [after] if after is not None and after.tag_ == "VBG" else [])
    return any(c.lemma_.lower() not in _NEUTRAL_START for c in doing)


def _through_mine(verb: Token) -> bool:
    """ "he goes through my things", "she reads through my emails": a search of what is the writer's."""
    return any(c.dep_ == "prep" and c.lower_ == "through" and any(
        g.dep_ == "pobj" and any(h.dep_ == "poss" and h.lower_ == "my" for h in g.children) for g in c.children)
        for c in verb.children)


def _being_what_they_do(verb: Token) -> bool:
    """ "she's been late at least once every week": being late (or absent) as a habit is an act."""
    return verb.lemma_ == "be" and any(c.dep_ in ("acomp", "advmod") and c.lower_ in _BEING for c in verb.children)


#: What someone never doing is to their credit: "he's never late", "she never raises her voice", "he never misses a
#: shift" (a red team's manager asking about a report who drinks was given "It's been bothering me that you are
#: never late" to say).
_NEVER_IS_PRAISE = _FRICTION | _BEING | {"raise", "miss", "forget", "drink", "smoke", "complain", "moan", "argue",
                                         "fight", "lose", "panic", "fail", "skip", "slack"}


def _never_doing_harm(verb: Token) -> bool:
    """ "never" or "not" with something one should not do ("he's never late", "she is not late"): the clause
    praises them."""
    never = any(c.lower_ in ("never", "not") and c.dep_ in ("neg", "advmod") for c in verb.children)
    return never and (verb.lemma_.lower() in _NEVER_IS_PRAISE or _being_what_they_do(verb))


def _told_as_a_complaint(verb: Token) -> bool:
    lemma = verb.lemma_.lower()
    if _never_doing_harm(verb):
        return False
    if verb.pos_ == "AUX" and _being_what_they_do(verb):
        return _is_a_habit(verb)
    if _started_doing(verb):  # "start" alone is no act ("she started in May"); "started missing deadlines" is
        return True
    if verb.pos_ not in ("VERB", "AUX") or lemma in _NOT_AN_ACT:
        return False
    if lemma in _FRICTION or lemma == "keep" and any(c.dep_ == "xcomp" and c.tag_ == "VBG" for c in verb.children):
        return True
    return _is_a_habit(verb) or _at_what_is_mine(verb) or any(
        c.dep_ == "xcomp" and c.lemma_.lower() in _FRICTION for c in verb.children) or any(
        # "she asked if I was from therapy and started yelling": a second verb of the same subject
        c.dep_ == "conj" and c.pos_ == "VERB" and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
        and _told_as_a_complaint(c) for c in verb.children)


def in_the_past(retold: str) -> bool:
    """Whether a retold clause ("you shouted at me", "you keep parking…") tells of something done and over."""
    doc = _parsed(retold)
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None:
        return False
    aux = [c for c in root.children if c.dep_ in ("aux", "auxpass")]
    return (aux[0].tag_ == "VBD" if aux else root.tag_ == "VBD") and not any(c.lower_ in ("have", "has") for c in aux)
