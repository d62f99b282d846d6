"""A parsed text plus the helpers every extractor needs: evidence, sentences,
who-did-it (the grammatical subject), negation and hypotheticals."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from clearair.models import Evidence

NARRATOR = "narrator"
#: Verbs of intent whose negation says the act after them was not done ("I don't want to push him"); not "didn't
#: hesitate to" or "didn't stop to", which say it was.
_INTENT = frozenset({"want", "mean", "try", "intend", "plan", "need", "dare", "bother", "wish", "like"})
#: Verbs of belief whose negation denies what follows ("I don't think she meant it").
_BELIEF = frozenset({"think", "believe", "suppose", "reckon", "feel", "imagine"})
_FIRST_PERSON = {"i", "we", "me", "us", "myself", "ourselves"}
#: A denial said just before the words, which the parse often fails to hang on them: "I know it's not exactly
#: harassment", "it isn't bullying as such", "I wouldn't call it bullying".
_DENIED_BEFORE = re.compile(
    r"(\b(not|never|no)|n't)( (exactly|really|quite|technically|strictly|actually|necessarily|outright|even))?"
    r"( (a|an|any))? $"
    r"|\b(wouldn't|would not|don't|do not|didn't|did not|won't|can't) (call|say|consider|class|count|describe)"
    r" (it|this|that|what (he|she|they) (does|did|do))( (as|is|was|'s|to be))?( (exactly|really|quite|technically))?"
    r"( (a|an))? $", re.IGNORECASE)
_HYPOTHETICAL_MARKS = {"if", "unless", "whether"}
_RELATIVE = {"which", "that", "who", "whom"}
#: Verbs by which a matter is taken to someone: "went to HR", "reported him to his manager", "forwarded it to the
#: director". Read by the counterpart clues (whom the writer turned to) and by the options (whom a step goes to).
TAKE_UP_VERBS = frozenset({"take", "bring", "report", "escalate", "go", "complain", "appeal", "forward", "send", "raise",
                           "show", "run", "turn", "write", "email", "flag"})


def taken_to(tok) -> bool:
    """``tok`` is whom a matter is taken to: the object of "to" after a verb of ``TAKE_UP_VERBS``."""
    return tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.head.lemma_.lower() in TAKE_UP_VERBS


@dataclass
class Reading:
    """The writer's words parsed once; offsets are offsets in the original input."""

    original: str
    text: str  # analysis text: same length as original up to its end
    doc: object  # spaCy Doc
    token_party: dict[int, str] = field(default_factory=dict)  # token index -> party id

    def __post_init__(self) -> None:
        self._tok_starts = [t.idx for t in self.doc]
        self._sents = list(self.doc.sents)
        self._sent_starts = [s.start_char for s in self._sents]

    # --- evidence -------------------------------------------------------
    def evidence(self, start: int, end: int) -> Evidence:
        start, end = trim_span(self.original, start, end)
        return Evidence(start=start, end=end, text=self.original[start:end])

    # --- structure ------------------------------------------------------
    def token_at(self, char: int):
        i = max(bisect_right(self._tok_starts, char) - 1, 0)
        return self.doc[i]

    def tokens_in(self, start: int, end: int):
        """Tokens from the one at ``start`` up to (not including) ``end``."""
        doc = self.doc
        for i in range(self.token_at(start).i, len(doc)):
            if doc[i].idx >= end:
                break
            yield doc[i]

    def sentence_at(self, char: int):
        i = max(bisect_right(self._sent_starts, char) - 1, 0)
        return self._sents[i]

    def sentence_index(self, char: int) -> int:
        return max(bisect_right(self._sent_starts, char) - 1, 0)

    @property
    def sentences(self):
        return self._sents

    def governing_verb(self, char: int):
        """The verb a phrase hangs from: walk up from its first token."""
        tok = self.token_at(char)
        for _ in range(6):
            if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
                return tok
            tok = tok.head
        return tok

    def subject_of(self, char: int) -> str | None:
        """'narrator', a party id, or None: who performs the act at ``char``."""
        tok = self.token_at(char)
        stranded = False  # passed a verb the parse hung on a preposition ("a woman I work with kept talking")
        for anc in (tok, *tok.ancestors):
            if stranded and anc.dep_ == "relcl":
                # "a woman I work with kept talking over me": the clause "I work with" names her, and the verb
                # after its preposition is hers; the parse made it part of the clause and "I" its subject
                return self.who(anc.head, deep=False)
            stranded = stranded or (anc.dep_ == "pobj" and anc.pos_ in ("VERB", "AUX"))
            subj = next((c for c in anc.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")), None)
            if subj is None and anc.dep_ == "acl" and any(c.dep_ in ("auxpass", "agent") for c in anc.children):
                # "I'm the one getting shouted at by suppliers": the agent acted, never the one it was done to
                return self._agent_of(anc)
            if subj is None:
                if anc.dep_ == "relcl":  # "the peer who emailed": the noun is the subject
                    who = self.who(anc.head, deep=False)
                    if who:
                        return who
                continue
            if subj.lower_ == "which":
                continue  # "an email ... which undermined him": whoever sent it acted
            if subj.lower_ in _RELATIVE and anc.dep_ == "relcl":
                # "an email which undermined him": the one who sent the email did it
                who = self.who(anc.head, deep=False)
                if who:
                    return who
                continue
            if subj.dep_ == "nsubjpass":  # "I was singled out (by X)": the agent acted
                return self._agent_of(anc)
            return self.who(subj)
        return None

    def _agent_of(self, verb) -> str | None:
        """Who a passive verb names as doing it ("... by my supervisor"), or None when it names no one."""
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        return self.who(pobj) if pobj is not None else None

    def object_of(self, char: int) -> str | None:
        verb = self.governing_verb(char)
        for child in verb.children:
            if child.dep_ in ("dobj", "dative", "obj"):
                who = self.who(child)
                if who:
                    return who
            if child.dep_ == "prep":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        who = self.who(pobj)
                        if who:
                            return who
        return None

    def who(self, token, deep: bool = True) -> str | None:
        if token.lower_ in _FIRST_PERSON:
            return NARRATOR
        for tok in ((token, *token.subtree) if deep else (token,)):
            party = self.token_party.get(tok.i)
            if party:
                return party
        return None

    def negated(self, char: int) -> bool:
        """The verb over ``char`` is negated, or only intended and the intent negated ("I don't want to push
        him"), or the writer denies it by a negated belief ("I don't think he's ignoring me on purpose")."""
        if _DENIED_BEFORE.search(self.text, max(0, char - 60), char):
            return True
        verb = self.governing_verb(char)
        if any(c.dep_ == "neg" for c in verb.children):
            return True
        if verb.dep_ in ("advcl", "ccomp") and any(c.dep_ in ("mark", "intj") and c.lower_ in ("like", "as")
                                                  for c in verb.children):
            verb = verb.head  # "I don't want to come across like I'm criticising her": how it would look
        if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _INTENT and \
                any(c.dep_ == "neg" for c in verb.head.children):
            return True  # "I don't want to push him", "he didn't mean to hurt anyone"
        belief = verb.head
        return verb.dep_ == "ccomp" and belief.lemma_.lower() in _BELIEF and \
            any(c.dep_ == "neg" for c in belief.children) and any(c.lower_ == "i" for c in belief.children)

    def hypothetical(self, char: int) -> bool:
        """True inside an if/unless clause or a question ("if this were...")."""
        tok = self.token_at(char)
        for anc in (tok, *tok.ancestors):
            if any(c.dep_ == "mark" and c.lower_ in _HYPOTHETICAL_MARKS for c in anc.children):
                return True
        return False


def is_question(text: str) -> bool:
    """Whether a sentence asks rather than tells: "How do I tell her to stop?" says nothing of what was done,
    so no reading of what happened may rest on it."""
    return text.rstrip().endswith("?")


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without the spaces around it (evidence never starts or ends on a space)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
