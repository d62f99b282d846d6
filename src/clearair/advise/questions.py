"""The writer's own question(s), found in the letter, so the answer can open by answering them.

A letter usually ends with what the writer wants to know ("Should I tell her?",
"How do I repair this?", "Is it legal to…", "any advice on how to…"). Each
question keeps the writer's exact words as evidence, like every other fact,
and is classed by what kind of answer it needs: a yes/no about a course of
action (judged from the ranking), a how-to or open request (answered with the
first step), or something the engine cannot judge (law, money, a gift), which
is acknowledged honestly rather than ignored.
"""

from __future__ import annotations

import re

from typing import cast

from clearair.advise.phrases import inside_quotes
from clearair.models import ActionCode, Evidence, Question, QuestionKind

#: Frames that make a sentence a question even without a question mark.
_FRAME = re.compile(
    r"\b(?:should|shall|do|can|could|(?<!in )(?<!since )(?<!last )(?<!by )(?<!until )(?<!of )(?<!from )(?<!early )(?<!late )"
    r"(?<!mid-)may|must|would|am) I\b|\bis it (?:ok|okay|alright|all right|legal|illegal|"
    r"normal|fair|wrong|right|appropriate|reasonable|acceptable|professional|worth)\b|"
    r"\bhow (?:do|can|should|could|would|might|much should|far should) I\b|"
    # "how to" asks when the writer or a request frames it ("I'd like to know how to…", "tips on how to…"), not in
    # "he didn't know how to work the levers", nor "she was worried about how to tell our boss" (someone else's
    # worry, red team 36)
    r"(?:\b(?:I|I'd|I'm|me|we|us)\b[^.?!]{0,60}?|^\s*|\b(?:advice|tips|ideas|suggestions|thoughts|help|guidance|input|"
    r"pointers|insight|ideas)\s+(?:on|about|for)\s+)\bhow to\b|"
    r"\bwhat (?:can|should|do|could|would) I\b|\bwhat would you\b|\bwhat are my options\b|"
    r"\bany (?:advice|thoughts|suggestions|recommendations|ideas|tips|insight)\b|"
    r"\b(?:wondering|not sure|unsure|don['’]?t (?:really )?know|do not (?:really )?know|wonder) (?:(?:whether|if) "
    r"(?:I['’]?m|I|to|we)|how|what (?:to|I))\b|"
    # "whether to…" is the writer's own question only when the writer is the one weighing it ("I can't decide
    # whether to…"), not "HR is still deciding whether to set up a mediation".
    r"\b(?:I|I'm|I am|we|we're)\b[^.?!]{0,50}?\bwhether (?:I|to|or not)\b|^\s*whether (?:I|to)\b",
    re.I)
_YES_NO = re.compile(r"(?:^|[:;,?!]\s*|\b(?:and|but|so|or|also|then|now)\s+)(?:should|shall|do|can|could|(?<!in )may|must|am|"
                     r"is|are|would|will|was|were|did) (?:I|it|we|this|that|they)\b|\bwhether (?:I|to|or not)\b|"
                     r"\bif I should\b|\bis it (?:ok|okay|alright|all right|legal|illegal|normal|fair|wrong|right|"
                     r"appropriate|reasonable|acceptable|professional|worth)\b", re.I)
#: "Is there something good I can say…?": asking for words, in "how" questions and in those about the moment itself.
_SOMETHING_TO_SAY = r"(?:something|anything) (?:good |useful |polite |kind |calm |better )?(?:I|we) (?:can|could|should|might) say"
_HOW = re.compile(r"\bhow (?:much )?(?:do|can|should|could|would|might) I\b|\bhow to\b|\bon how\b|"
                  r"\bhow am I (?:supposed|meant|expected) to\b|"
                  r"\bwhat (?:can|should|do|could) I (?:actually |even |possibly )?say\b|\bwhat to say\b|\bwhat I should say\b|"
                  rf"\b{_SOMETHING_TO_SAY}\b|"
                  r"\b(?:best|right|polite|civili[sz]ed|good|better|kind|professional) way to\b|\bis there a way\b|"
                  r"\bway to (?:deal|handle|approach|stop|get)\b", re.I)
_GENERIC = re.compile(r"\bwhat (?:should|can|do|could|would) I do\b|\bwhat would you do\b|\bwhat are my options\b|"
                      r"\bwhat do you (?:think|suggest|recommend)\b|\b(?:should|can|could) I do\b|\bwhat to do\b|"
                      r"\bwhat am I (?:supposed|meant) to do\b|\bwhat (?:options|choices)\b|\bwhere do I go\b|"
                      r"\bnext step\b|\bwhat can (?:I|we) (?:actually |really )?do\b|\banything (?:else )?(?:I|we) can\b|"
                      r"\bsuggestions?\b|\bwhat (?:I|we) should (?:actually )?do\b|\bwhat should (?:I|we) (?:actually )?do\b|"
                      r"\bany (?:advice|thoughts|suggestions|recommendations|ideas|tips|insight)\b|"
                      r"^(?:thoughts|advice|help|suggestions|ideas)\W*$|\bwhat now\b|\bwhere do I go from here\b",
                      re.I)
#: Questions the engine cannot judge on its own: it says so, then what it can advise either way.
_CANNOT_JUDGE = (
    ("legal", re.compile(r"\b(?:legal|illegal|lawful|unlawful|law|laws|lawyer|attorney|sue|suing|lawsuit|defamation|slander|libel|"
                         r"(?:a|any) case (?:against|for)|claim against|press charges|tribunal|"
                         r"discriminat\w*|rights|allowed to|(?:am I|are we)(?: even| still| really)? allowed (?:a|an|any)|(?:am I|are we|I'm|I am|we're|we are|is (?:he|she|it|they)|"
                         r"are they) (?:\w+ )?entitled to|"
                         # what an employer may make the writer do or do to them: "Can they make me hand over my
                         # phone?", "Can my employer discipline me for a private message?" (red team 41)
                         r"can (?:they|my (?:employer|boss|manager|company|work)|the (?:company|employer|school|"
                         r"hospital|council|agency)|management|hr|he|she) (?:legally |actually |really )?(?:make|force|"
                         r"discipline|sack|fire|dismiss|read|search|check|demand|take|dock|deduct|withhold|stop|ban|"
                         r"suspend|record|monitor|keep my|hold back|hold on to my|cut my|refuse to pay|not pay)|"
                         r"do I have to (?:hand over|give (?:them|him|her) (?:my|access)|"
                         r"unlock|show (?:them|him|her) my))\b", re.I)),
    ("money", re.compile(r"\b(?:loan|lend|lending|borrow\w*|money|owes? me|debt|cash|repay\w*|"
                         r"pay (?:him|her|them|me) back)\b", re.I)),
    ("gift", re.compile(r"\b(?:gift|gifts|present for|bonus from)\b", re.I)),
)
_MAX_QUOTE = 160
_MIN_WORDS = 3


def _sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans: cut after . ? ! (and a closing quote), at a blank line, or at a line break after a
    short line (a heading); a hard-wrapped line runs on."""
    out, start = [], 0
    for m in re.finditer(r"[.?!]+[\"')\]]*(?=\s)|\n\s*\n|\n(?=[A-Z])(?<=\n)", text):
        if m.group(0) == "\n" and m.start() - (text.rfind("\n", 0, m.start()) + 1) > 60:
            continue  # a wrapped line, not a heading
        if m.group(0) == "." and _TITLE_END.search(text, 0, m.start()):
            continue  # "How do I tell Mrs. Hill…": a title's full stop ends no sentence
        out.append((start, m.end()))
        start = m.end()
    out.append((start, len(text)))
    spans = []
    for a, b in out:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            spans.append((a, b))
    return spans


_TITLE_END = re.compile(r"\b(?:Mr|Mrs|Ms|Mx|Dr|Prof|St|Sr|Jr)$")


#: A heading before the question itself: "My questions:", "So my question is:", "Question:".
_LEAD_IN = re.compile(r"(?:so |and )?(?:my |our |the )?(?:main |real |one )?questions? (?:is|are|then)?\s*[:,-]\s*|"
                      r"(?:so |and )?(?:my |our |the )?(?:main |real )?questions?:\s*", re.IGNORECASE)


def ends_with_a_question_mark(text: str) -> bool:
    """Whether the words end in a question mark, past closing quotes and brackets: a question, not a statement that
    asks ("I don't know what to do.")."""
    return text.rstrip("\"'”’) ").endswith("?")


def _quoted_speech(text: str) -> bool:
    """A question mark inside quotation marks is someone else's question ("he asked 'are you ok?'")."""
    q = text.rfind("?")
    return q >= 0 and inside_quotes(text, q)


_SELF_CHECK = re.compile(r"\b(?:(?:am|was) I|(?:if|whether) I(?:['’]?m| am)) (?:just |being |really |simply ){0,2}(?:overreacting|"
                         r"over-reacting|overthinking|over-thinking|"
                         r"wrong|unreasonable|too sensitive|too (?:harsh|strict|hard on (?:him|her|them))|"
                         r"crazy|petty|paranoid|in the wrong|at fault|to blame|doing the right thing|out of line|"
                         r"the (?:asshole|arsehole|jerk|problem|bad guy))\b|\bdo I owe (?:him|her|them) an apology\b|"
                         r"\bis it (?:just )?me\b|"
                         # "Am I making too much of it?", "am I blowing this out of proportion?"
                         r"\b(?:am I|if I(?:['’]?m| am)) (?:just )?(?:making (?:too much|a (?:big )?deal|a mountain) (?:of|out of)|"
                         r"blowing (?:this|it|things) (?:up|out of proportion))\b|\bdid I (?:overstep|do (?:something|anything) wrong|go too far|"
                         r"mess up|handle it (?:badly|wrong)|make a (?:big |huge )?mistake|get it wrong|screw up)\b|\bwhich of us is\b|\breading too much into\b|"
                         # "did I bring this on myself?", "is it my fault?", "am I partly to blame?"
                         r"\bdid I (?:bring (?:this|it|that) on myself|cause (?:this|it|that))\b|"
                         r"\b(?:is|was) (?:this|it|that|all this) (?:(?:all|partly|partially) )?my (?:own )?fault\b|"
                         r"\bam I (?:partly |partially |also )?(?:to blame|responsible for (?:this|it|that))\b|"
                         # "am I somehow causing this?", "could I be making it worse?"
                         r"\b(?:am|could|might) I (?:be )?(?:somehow |partly |actually |unknowingly )?(?:causing|"
                         r"making (?:this|it|things) worse|contributing to)(?: (?:this|it|that|the problem|things))?\b|"
                         # "Am I just being a grump?", "am I being too picky?", "am I a pushover?" (blind panel 46), not
                         # what is done to the writer ("am I being bullied?", "am I being paid fairly?")
                         r"\b(?:am|was) I (?:just |really |simply |actually |maybe )?being (?:a |an |too |so |overly )?"
                         r"(?!paid|asked|told|treated|made|forced|pushed|set|used|punished|targeted|watched|left|"
                         r"followed|overlooked|ignored|bullied|harassed|singled|discriminated|managed|gaslit|gaslighted|"
                         r"taken|replaced|underpaid|micromanaged|investigated|disciplined|scapegoated|excluded|"
                         r"victimi[sz]ed|sidelined|penali[sz]ed|monitored|recorded|fired|let|sacked|laid)[a-z]+\b|"
                         r"\bam I (?:just |really |simply )?(?:a|an|the) (?:[a-z]+ )?(?:grump|snob|killjoy|prude|nag|"
                         r"pushover|control freak|hypocrite|drama queen|jerk|bully|diva|snitch|grass|tattletale|"
                         r"bad (?:person|colleague|coworker|manager|boss|friend|employee))\b", re.I)


#: "Is this strange?", "Is that weird?": whether something is usual, asked so that "yes" means it is not.
_ODD_WORDS = r"strange|weird|odd|unusual|creepy"
ODD = re.compile(rf"\b(?:{_ODD_WORDS})\b", re.IGNORECASE)
#: ... with "Is it a big deal?", "Is that crossing the line?": each said in a norm question and each naming a wrong
#: (a red team found "Is this strange?" unanswered).
_ODD_OR_OVER = rf"{_ODD_WORDS}|a big deal|crossing (?:a|the) line|over the line"


#: "Is this normal?", "Is it acceptable for a manager to…?", "Is that bullying?": a question about whether what
#: happened is within what a workplace should expect, not about a step. A blind panel marked an answer that met it
#: with "nobody can tell what is behind it" as dodging the question.
_NORM = re.compile(
    r"\b(?:is|was|are|were|isn't|wasn't) (?:this|that|it|these|those|such|what (?:he|she|they) (?:did|does|said))\b"
    r"[^?.!]{0,60}?\b(?:normal|typical|common|usual|standard|acceptable|unacceptable|appropriate|inappropriate|"
    r"reasonable|unreasonable|professional|unprofessional|ok|okay|alright|all right|bullying|a red flag|toxic|"
    r"harassment|harassing|abuse|abusive|mobbing|sexist|racist|a cop-out|a cop out|passing the buck|"
    rf"{_ODD_OR_OVER}|"
    r"(?:un)?fair (?:of|on) (?:him|her|them)|"
    r"how (?:it|things) (?:works?|goes|is done)|par for the course)\b"
    r"|\bis (?:this|that) (?:how|what) (?:\w+ ){0,3}(?:works?|is like|should be)\b"
    r"|\b(?:does|do) (?:this|that) (?:happen|sound) (?:normal|often|elsewhere|right|okay|ok)\b",
    re.I)
#: ... unless it asks about the writer's own step ("is it OK for me to…", "is it reasonable to ask for a transfer?");
#: "is it normal to be asked to…" or "to get a written warning" is something done to the writer, and "for my
#: manager to…" someone else's act.
_NORM_STEP = re.compile(r"\b(?:for me|if I|if we|for us|should I|should we|can I|could I|would I)\b|"
                        r"\bit(?: \w+){0,2} to (?!be\b|feel\b|get\b|have (?:a|my|your)\b|me\b|us\b|you\b)\w+", re.I)  # ("as it seems to me")
_NORM_FEELING = re.compile(r"\b(?:normal|okay|ok|reasonable|common|natural|wrong|unreasonable) (?:for me )?to (?:feel|be "
                           r"(?:upset|hurt|angry|anxious|annoyed|bothered|frustrated|offended)|get upset)\b|"
                           # "Is it wrong that I feel like this?", "is it bad that I resent her?"
                           r"\bis it (?:wrong|bad|normal|okay|ok|selfish|petty) (?:that|if) I (?:feel|am|'m|resent|"
                           r"envy|dislike|don't like|can't stand)\b|"
                           # "Am I right to be upset?", "are we right to be bothered?", "should I be this upset?"
                           r"\b(?:am I|are we) (?:right|wrong|justified|overreacting) (?:to (?:feel|be)|in feeling|in being)\b|"
                           r"\bshould (?:I|we) (?:be|feel) (?:this |so )?(?:upset|hurt|angry|bothered|annoyed|offended)\b", re.I)


#: Norm questions that name something bad ("Is that bullying?", "Is this inappropriate?"): "No" would mean "it is
#: not", the opposite of "No, this is not normal", so they are answered the other way round.
_NAMES_A_WRONG = re.compile(r"\b(?:bullying|harassment|toxic|a red flag|inappropriate|unprofessional|unacceptable|"
                            rf"{_ODD_OR_OVER}|"
                            r"unreasonable|abuse|abusive|mobbing|harassing|sexist|racist|a cop-out|a cop out|"
                            r"passing the buck|unfair (?:of|on) (?:him|her|them))\b", re.I)


def names_a_wrong(text: str) -> bool:
    """ "Is that bullying?": a question whose "yes" means something is wrong (``_NAMES_A_WRONG``)."""
    return bool(_NAMES_A_WRONG.search(text))


def norm_feeling(text: str) -> bool:
    """ "Is it normal to feel this hurt?": a question about the writer's own reaction, not the other side's act."""
    return bool(_NORM_FEELING.search(text))


#: A question about a step the writer could take ("Should I tell her?", "Is it wise to ..."), as opposed to one
#: about what something means ("Is this jealousy?", "Does he resent me?").
_ABOUT_A_STEP = re.compile(r"\b(should|shall|can|could|may|must|do|would|will|ought) (I|we)\b|\bwhether (I|we|to)\b|"
                           r"\bif (I|we) should\b|\bis it (ok|okay|alright|all right|wise|smart|worth|a good idea|a bad "
                           r"idea|appropriate|reasonable|acceptable|professional|wrong|right|fair|better)\b|\bhow\b",
                           re.IGNORECASE)


def about_a_step(text: str) -> bool:
    """Whether the question asks about a step the writer could take, not about what something means: the
    latter is answered with what to do, since nobody can read another person's mind from a letter."""
    return bool(_ABOUT_A_STEP.search(text))


#: "Should I do that?", "Is that a good idea?", "Would it be wise?": a short yes/no question about the step the
#: writer has just named (answered with the verdict on that option, not as a request for advice).
_POINTS_BACK = re.compile(r"^(should|shall|would|could|can|is|was|do|does|will|am)\b(?:[^?]{0,40}\b(that|this|it|so)\b"
                          r"[^?]{0,30})?\?$", re.I)


def points_back(text: str) -> bool:
    """A short question about the step just named (``_POINTS_BACK``)."""
    return len(text.split()) <= 10 and bool(_POINTS_BACK.match(text.strip()))


def kind_of(text: str) -> QuestionKind:
    """What kind of answer the question needs: legal, money, gift, self_check, norm, yes_no, how, general or open."""
    for kind, rx in _CANNOT_JUDGE:
        if rx.search(text):
            return cast(QuestionKind, kind)
    if _SELF_CHECK.search(text):
        return "self_check"
    if about_own_risk(text):
        return "yes_no"  # "Would reporting him backfire?": answered as a worry about the writer, never the first step
    if norm_feeling(text) or (_NORM.search(text) and not _NORM_STEP.search(text)):
        return "norm"
    if _HOW.search(text):
        return "how"
    if points_back(text):
        return "yes_no"
    if _GENERIC.search(text) and not (_YES_NO.search(text) and action_for(text)):
        return "general"  # unless it also names a step ("Any advice? Should I tell HR?")
    if _YES_NO.search(text):
        return "yes_no"
    return "open"


def _clip(text: str, frame: re.Match | None) -> tuple[int, int]:
    """The part of a sentence to quote: all of it when short, else from the question's frame on."""
    if len(text) <= _MAX_QUOTE:
        return 0, len(text)
    a = frame.start() if frame else 0
    b = min(len(text), a + _MAX_QUOTE)
    if b < len(text):
        b = text.rfind(" ", a, b) if text.rfind(" ", a, b) > a else b
    return a, b


def just_asks_what_to_do(text: str) -> bool:
    """A short open question that asks only for advice ("What should I do?", "Any advice?"): nothing to answer
    but the advice itself."""
    return bool(_GENERIC.search(text)) and len(text.split()) <= 8 and not _YES_NO.search(text) and \
        action_for(text) is None


#: The "or" that joins the halves of an either/or question; not "or not", "or what should I do", "or is there…".
_EITHER_OR = re.compile(r",? or (?!not\b|what\b|how\b|is there\b|should I do\b)", re.IGNORECASE)


def either_or_parts(text: str) -> list[str]:
    """The halves of an either/or question ("Should I tell him | keep quiet?"); one part when it asks one thing."""
    return _EITHER_OR.split(text)


def alternatives(text: str) -> list[ActionCode]:
    """The courses of action an either/or question weighs ("Should I tell him or keep quiet?"), as action
    codes, or [] when it asks about one."""
    parts = either_or_parts(text)
    if len(parts) < 2:
        return []
    found = [a for a in (action_for(p) for p in parts) if a]
    return list(dict.fromkeys(found)) if len(set(found)) >= 2 else []


#: Someone else's words reported before a frame: "Gary said that…", "she told me…" (red team 48).
_SOMEONE_SAID = re.compile(r"\b(?:he|she|they|(?-i:[A-Z][a-z]+)) (?:said|says|told me|tells me|warned me|suggested|"
                           r"hinted|implied)\b", re.I)


def find_questions(text: str, original: str | None = None) -> list[Question]:
    """Every question the writer asks in ``text`` (the writer's own words, replies blanked), in order.
    Offsets index ``original`` (the user's input; same offsets as ``text``)."""
    original = original if original is not None else text
    out: list[Question] = []
    for a, b in _sentences(text):
        said = text[a:b]
        words = len(said.split())
        if words < _MIN_WORDS and not _GENERIC.search(said):
            continue
        asks = said.rstrip("\"')] ").endswith("?") and not _quoted_speech(said)
        frame = _FRAME.search(said)
        if frame is not None and inside_quotes(said, frame.start()):
            frame = None  # 'I said, "How many times do I have to check your work?"': the writer quoting themselves
        if not asks and frame is None:
            continue
        if re.search(r"\basked\b[^.?!\"]{0,30}\b(?:whether|if)\b", said, re.I) and not said.startswith(
                ("Should", "Can", "Do", "Is", "Would", "Could", "What", "How")):
            continue  # reported speech: someone else's question
        if not asks and frame is not None and _SOMEONE_SAID.search(said[:frame.start()]):
            continue  # "Gary said that my visa … and I should think about whether…": someone else's words to the writer
        lo, hi = _clip(said, frame)
        start, end = a + lo, a + hi
        if (lead := _LEAD_IN.match(original, start, end)) is not None:
            start = lead.end()  # "My questions: can I ask Tomasz…": the question, not its heading
        quote = " ".join(original[start:end].split())
        kind = kind_of(said)
        out.append(Question(text=quote, kind=kind, action=action_for(said) if kind == "yes_no" else None,
                            evidence=[Evidence(start=start, end=end, text=original[start:end])]))
    return out


_ASKS_FOR_WORDS = re.compile(r"\bwhat (?:can|should|do|could|would) I (?:actually |even |possibly |then )?"
                             r"(?:say|write|tell)\b|"
                             r"\bwhat to (?:say|write)\b|\bwhat I (?:should|could|can|would) say\b|"
                             r"\bhow (?:do|can|should|could|would) I (?:word|phrase|put|say) (?:it|this|that)\b|"
                             r"\bhow (?:do|can|should|could) I (?:word|phrase|put)\b|"
                             r"\bwhat (?:words|wording)\b|\bhow much (?:should|do|can|could) I (?:say|tell|mention|explain)\b",
                             re.I)


#: A question of the channel: "Should I do it in person or message her?", "email him or talk face to face?" (red team 32
#: found it answered "don't talk to them yet: first apologise", when the apology was what "it" was).
_IN_PERSON_OR_WRITTEN = re.compile(
    r"\b(?:in person|face[- ]to[- ]face|to (?:his|her|their) face)\b[^?]{0,20}\bor\b[^?]{0,20}\b(?:message|email|e-mail|text|"
    r"write|letter|note|teams|slack|dm)\w*|\b(?:message|email|e-mail|text|write|dm)\w*\b[^?]{0,20}\bor\b[^?]{0,20}\b"
    r"(?:in person|face[- ]to[- ]face|(?:talk|speak) to (?:him|her|them))\b", re.IGNORECASE)


def asks_the_channel(text: str) -> bool:
    """The writer asks how to say it, in person or in writing."""
    return bool(_IN_PERSON_OR_WRITTEN.search(text))


def asks_for_words(text: str) -> bool:
    """The writer asks for the words themselves: "What do I actually say?", "how do I word it?"."""
    return bool(_ASKS_FOR_WORDS.search(text))


#: "Who do I go to?", "Who else can I turn to?", "Is there anyone I can even tell when he is the owner?": a question of
#: whom, with an answer of its own (red team 60 found two left unanswered behind other questions).
WHO_TO_GO_TO = re.compile(r"\bwho (?:else )?(?:do|should|can|could|would) (?:i|we) (?:even |else |actually |really )?"
                          r"(?:go|turn|talk|speak|report|complain|take (?:it|this|that))\b|"
                          r"\bwho (?:is|would be) the (?:right|best) (?:person|people|one) to\b|"
                          r"\bwho (?:do|should|can) (?:i|we) (?:even )?(?:tell|ask for help|contact)\b|"
                          # "Is there anyone I can even tell when he is the owner?"
                          r"\bis there (?:anyone|anybody|someone|somebody) (?:else )?(?:i|we) (?:can|could|should) "
                          r"(?:even )?(?:tell|go to|talk to|report (?:it|this|him|her) to|turn to)\b", re.IGNORECASE)


#: "Where is the line?", "Where do I draw the line?", "how much is too much?": a question with an answer of its own,
#: taken up beside the others (blind panel 46 found "But where's the line?" left among the unanswered).
WHERE_THE_LINE = re.compile(r"\bwhere(?:['’]s| is| do (?:I|we|you)| should (?:I|we)| would you) (?:draw )?the line\b|"
                            r"\bwhere (?:does|do) (?:it|this|that) cross (?:a|the) line\b|"
                            r"\bhow much is too much\b", re.IGNORECASE)


def _priority(q: Question) -> int:
    """Which questions the answer takes up first: a yes/no about a step the engine ranks, then what it
    cannot judge or a question about the writer's own reaction, then other yes/no questions and what to say
    in the moment, then how-to requests, then general and open ones."""
    if q.kind == "yes_no":
        return 0 if q.action else 2
    if WHO_TO_GO_TO.search(q.text) or WHERE_THE_LINE.search(q.text):
        return 2
    if asks_the_channel(q.text):
        return 2  # "And in person or by message?": short, but an answer of its own
    if q.kind == "how" and (in_the_moment(q.text) or asks_for_words(q.text)):
        return 2  # "what do I say when she curses at me?", "What do I actually say?": answers of their own
    return {"legal": 1, "money": 1, "gift": 1, "self_check": 1, "norm": 1, "how": 3, "general": 4}.get(q.kind, 5)


#: A question that vents rather than asks: "Why do parents feel entitled to…?", "Don't they realise…?",
#: "How could she do that?". The writer does not expect an answer to it, and quoting it back as "You asked"
#: reads as if the engine missed the question they did ask.
_RHETORICAL = re.compile(
    r"^(?:and |but |so )?(?:why (?:do|does|did|would|are|is|was|were|can't|won't|don't|doesn't|must|should) "
    r"(?:some |these |those |all |so many )?(?:people|parents|customers|clients|managers|bosses|they|he|she|"
    r"anyone|everyone|someone|nobody|no one|men|women|guys|folks|coworkers|colleagues)\b|"
    r"(?:don't|doesn't|didn't|isn't|aren't|wasn't|won't|can't) (?:they|he|she|people|parents|customers|"
    r"managers|bosses|anyone|everyone)\b|"
    r"how (?:could|can|dare) (?:they|he|she|anyone|someone|people)\b|who (?:does|says|would do) (?:that|this)\b|"
    r"why (?:do|does|must|would|should) (?!I\b)[\w' ]{1,30}? (?:always|think|feel|have to|need to)\b|"
    # "Since when does a staff nurse hand the charge nurse his admission?"
    r"since when (?:do|does|did|is|are|was|can|could)\b)",
    re.I)


#: "Why would anyone do that except to throw me under the bus?", "Why does she do this?": a question of someone's
#: motive, which only they can answer (blind panel 47 found one met with "no answer of its own").
_WHY_THEY = re.compile(r"^(?:and |but |so )?why (?:would|did|does|do|is|was|has|have|are|were|can't|won't|doesn't|"
                       r"didn't|wouldn't) (?:anyone|anybody|someone|he|she|they|people|my \w+|the \w+|"
                       r"(?-i:[A-Z][a-z]+))\b",
                       re.I)
#: "Has anyone else dealt with a staff nurse refusing a patient?", "Am I the only one?": a forum's question of others.
_HAS_ANYONE = re.compile(r"^(?:and |so |also, )?(?:has|have|did|does) (?:anyone|anybody|any of you|someone|somebody)"
                         r"(?: else)?(?: here)?(?: ever)? (?:dealt|had|been|experienced|seen|faced|gone|come across|"
                         r"handled|run into|encountered)\b|\bam I the only one\b|\bis it just me\b", re.I)


def _unquoted(text: str) -> str:
    """The question without the quote marks or spaces around it, so "^" in the readers above is its first word."""
    return text.strip(" \"'“")


def asks_their_motive(text: str) -> bool:
    """The writer asks why the other person did it (``_WHY_THEY``)."""
    return bool(_WHY_THEY.search(_unquoted(text)))


def asks_if_others_have(text: str) -> bool:
    """The writer asks whether others have been through it (``_HAS_ANYONE``)."""
    return bool(_HAS_ANYONE.search(_unquoted(text)))


def rhetorical(q: Question) -> bool:
    return bool(_RHETORICAL.search(_unquoted(q.text))) and q.kind not in ("legal", "money", "gift")


def main_questions(questions: list[Question], n: int = 3) -> list[Question]:
    """The question(s) the answer opens with: the specific ones and how-tos of their own (up to ``n``), else the best
    general one.
    A question that only vents (``rhetorical``) is never taken up."""
    questions = [q for q in questions if not rhetorical(q)]
    # A how-to of its own beside them ("And how do I stop it happening again next week?") is taken up too: red team
    # 44 found a third question left unanswered; a bare "How do I handle this?" is the advice itself.
    specific = sorted((q for q in questions if _priority(q) <= 2 or _priority(q) == 3 and not just_asks_what_to_do(
        q.text)), key=_priority)[:n]
    if specific:
        return sorted(specific, key=lambda q: q.evidence[0].start if q.evidence else 0)
    rest = sorted(questions, key=_priority)
    return rest[:1]


# Words of a question -> the course of action it asks about, when the option lexicon has no rule for it.
_ASKS_ABOUT: tuple[tuple[str, re.Pattern], ...] = tuple((a, re.compile(p, re.I)) for a, p in (
    ("HR_FORMAL", r"\b(?:HR|human resources|formal complaint|grievance|report(?:ing|ed)? (?:him|her|them|this|it|what)|"
                  r"file a complaint|complain(?! to (?:my|our|the) (?:boss|manager|supervisor))|"
                  # "Am I being stupid to keep going with it?" about a complaint already made
                  r"(?:keep|kept|keeping) going with (?:it|this|the complaint|my complaint)|"
                  r"(?:carry|press|push|pushing) on with (?:it|this|the complaint|my complaint))\b"),
    # "Should I go over Rachel's head?", "take it up with her or go to someone above?"
    ("ESCALATE_THEIR_MANAGER", r"\bover (?-i:[A-Z][a-z]+)['’]s head\b|\b(?:go|going|went) (?:to )?(?:someone|somebody|"
                               r"anyone) (?:above|higher|more senior)\b"),
    ("TALK_DIRECT", r"\btake (?:it|this|that) up with (?:him|her|them)\b"),
    # "Should I start a formal performance process or is that too much?" (red team 60: "clearair does not judge it")
    ("MANAGE_PERFORMANCE", r"\bformal (?:performance|capability|disciplinary) (?:process|procedure|management|plan|"
                           r"review|route)\b|\bperformance (?:improvement )?plan\b|\b(?-i:PIP)\b|\bdisciplinary\b|"
                           r"\bwrite (?:him|her|them) up\b|\b(?:written|formal|first|final) warning\b"),
    ("ESCALATE_THEIR_MANAGER", r"\b(?:(?:his|her|their) (?:boss|manager|supervisor|director)s?|"
                               r"(?:their|his|her) supervisors?|over (?:his|her|their) head)\b"),
    ("ESCALATE_MANAGER", r"\b(?:(?:my|our) (?:boss|manager|supervisor|team lead|director)|management|"
                         r"tell the (?:boss|owners?|director|management))\b"),
    ("APOLOGIZE", r"\b(?:apologi[sz]e|(?:owe|offer|make|give) (?:\w+ )?(?:an )?apology|say sorry|say I'm sorry|"
                  r"owe (?:him|her|them|\w+) (?:a )?sorry)\b"),
    ("EXIT", r"\b(?:quit|resign|leave (?:the|my|this) (?:job|company|team)|look(?:ing)? for (?:a |an |another )?(?:new |different |other )?(?:job|position|employer)|"
             r"find (?:a |an |another )?(?:new |different |other )?(?:job|position|employer)|time (?:for me )?to move on|move on to another job|transfer|leave quietly|make the jump|"
             r"take the (?:other |new )?job|(?:somewhere|someplace|elsewhere) else|better off (?:somewhere|elsewhere)|"
             r"another (?:unit|ward|department|team|school|store|branch|site|employer|company|firm|position)|"
             r"a sign (?:that )?I should (?:go|leave)|look(?:ing)? elsewhere|mov(?:e|ing) (?:there|elsewhere)|should (?:I|we) (?:just )?(?:go|leave)(?= now| for good|\?|$))"),
    ("LET_GO", r"\b(?:let it go|let (?:it|this) (?:slide|be)|ignore (?:it|this|him|her|them)|drop it|just move on|"
               r"leave it (?:alone|be)|keep quiet|stay quiet|say nothing|accept (?:it|this|that)|put up with|"
               r"live with (?:it|this)|leave (?:it|things) (?:as|the way) (?:it is|they are)|let it lie|"
               r"keep my head down|stay out of it|write (?:him|her|them) off|move past it|start fresh|"
               r"pretend (?:none of it|nothing|it never)|accept the apology|tune (?:it|this|him|her|them) out|"
               r"rise above (?:it|this))\b"),
    ("WAIT", r"\b(?:wait|hold off)\b"),
    ("DOCUMENT", r"\b(?:document|keep (?:a )?(?:record|notes|log)|write (?:it|this|everything) down)\b"),
    ("MEDIATE", r"\b(?:mediat\w*|sit down with (?:both|all|them both)|meeting with (?:him|her|them) and)\b"),
    ("PUBLIC_CALLOUT", r"\b(?:reply[- ]all|mass (?:email|apology)|in front of (?:everyone|the team)|publicly)\b"),
    ("CLARIFY_RECORD", r"\b(?:set the record straight|clarif\w+|correct the record|email (?:everyone|the team|all))\b"),
    ("SET_BOUNDARY", r"\b(?:set (?:a )?boundar\w*|draw (?:a|the) line|tell (?:him|her|them) to stop|say no)\b"),
    ("TALK_DIRECT", r"\b(?:tell (?:him|her|them)|talk to (?:him|her|them)|speak (?:to|with) (?:him|her|them)|"
                    r"say (?:something|anything)|confront|bring (?:it|this) up|raise (?:it|this)|"
                    r"have a (?:word|conversation|talk)|ask (?:him|her|them)|sit (?:him|her|them) down|"
                    r"address (?:it|this|how|the)|go back to (?:him|her|them)|point (?:it )?out|"
                    r"have it out|clear the air|sort it out (?:with|between)|meet (?:him|her|them)|"
                    r"(?:text|email|message|call|ring) (?:him|her|them))\b"),
))


#: "Will I get fired if I do?", "Could I lose my job over this?": what may be done to the writer, not a step
#: the writer weighs ("fired" is not an option to fire someone).
_OWN_RISK = re.compile(r"\b(will|would|could|can|might|may|am)\s+I\s+(just\s+|then\s+|also\s+)?(get|be|end up)\s+"
                       r"(being\s+)?(fired|sacked|let go|disciplined|written up|in trouble|punished|demoted|blamed|"
                       r"blacklisted|retaliated against|managed out)\b|\b(lose|losing)\s+my\s+job\b|"
                       # "Could this hurt me if I report it?", "will it affect my career?", "would that backfire?"
                       r"\b(will|would|could|can|might|may)\s+(this|it|that|doing (this|that|so)|speaking up|"
                       r"complaining|reporting (it|him|her|them|this))\s+(\w+\s+)?((hurt|harm|damage|affect|count against|"
                       r"be held against|make (things|it) worse for|come back on)\s+(me|my\s+(career|job|reputation|chances|"
                       r"position|review|standing|future|prospects|record))\b|backfire|come back to (bite|haunt))|"
                       r"\b(is it|isn't it|would it be) (too )?(risky|a risk|dangerous) for me\b|"
                       r"\b(risk|risking|jeopardi[sz]e|jeopardi[sz]ing) (my (job|position|career|contract|reputation|"
                       r"review|promotion))\b|\bwill there be (any )?(repercussions|consequences|backlash) for me\b|"
                       r"\b(be|get) (seen|labell?ed|branded) as (a |the )?(troublemaker|complainer|difficult)\b|"
                       # "Will they fire me for this?", "could she sack me?" (red team 62: answered as an option, "No")
                       r"\b(will|would|could|can|might|may)\s+(they|he|she|the (company|firm|owner|boss|manager|"
                       r"school|hospital|agency|council))\s+(just\s+)?(fire|sack|dismiss|discipline|suspend|demote|sue)\s+"
                       r"me\b", re.I)


#: "What do I say when she curses at me?", "how should I respond if he yells again?": a question about the words for
#: the moment itself, which the ranked steps do not give. Each kind of act has a short line a person could say.
_IN_THE_MOMENT = re.compile(r"\b(?:what (?:do|should|can|could|would) I (?:say|do|respond|reply|answer)|what to (?:say|do)|"
                            rf"{_SOMETHING_TO_SAY}|"
                            r"how (?:do|should|can|could|would) I (?:respond|react|reply|answer|handle it))\b"
                            r"[^?.!]{0,40}?\b(?:when|if|whenever|next time|the next time)\b", re.I)
_MOMENT_ACTS: tuple[tuple[str, re.Pattern], ...] = tuple((kind, re.compile(p, re.I)) for kind, p in (
    ("interrupting", r"\b(?:interrupt\w*|talks? over me|talking over me|cuts? me off|cutting me off)\b"),
    ("in_front", r"\b(?:criticis\w*|criticiz\w*|correct\w*|embarrass\w*|humiliat\w*|shows? me up)\b[^?.!]{0,40}?"
                 r"\b(?:in front of|before (?:the|my|our)|in meetings?|publicly)\b"),
    ("abuse", r"\b(?:curs\w*|swear\w*|swore|yell\w*|shout\w*|scream\w*|snap\w*|insult\w*|call\w* me (?:names|an? \w+)|"
              r"rais\w+ (?:his|her|their) voice|berat\w*|lash\w* out|(?:is|gets|are) rude|belittl\w*|puts? me down|"
              r"mock\w*|makes? fun of me|talks? down to me|blows? up|blew up|blown up|los\w+ (?:his|her|their) temper|"
              r"kicks? off|go(?:es)? off (?:at|on) me)\b"),
    ("remark", r"\b(?:comment\w*|remark\w*|jok\w*|asks? about my (?:body|weight|looks|personal life|love life|age|"
               r"religion|accent|health))\b"),
))
#: The line for each kind of act: short, calm, said once, about the behaviour.
MOMENT_LINES = {
    "abuse": "Please don't speak to me like that. I'm happy to talk about this when we can keep it civil.",
    "remark": "I'd rather you didn't comment on that. Let's keep it to work.",
    "interrupting": "I'd like to finish my point, and then I'm glad to hear yours.",
    "in_front": "I'm open to feedback, but I'd rather have it one to one.",
    # the act not named in the question ("what do I say to him when he starts?"): a limit that fits any of them
    "general": "I'm not comfortable with that, so please stop. Let's keep it to work.",
}


def in_the_moment(text: str) -> str | None:
    """The kind of act a question asks for words to meet as it happens (``MOMENT_LINES``), or None."""
    if not _IN_THE_MOMENT.search(text):
        return None
    return next((kind for kind, rx in _MOMENT_ACTS if rx.search(text)), "general")


def about_own_risk(text: str) -> bool:
    """The question asks what may happen to the writer (``_OWN_RISK``)."""
    return bool(_OWN_RISK.search(text))


def said_as(text: str) -> ActionCode | None:
    """The course of action the words name by the option rules of ``lexicon.yaml`` (before any reading of whom it
    goes to), or None."""
    from clearair.extract import lexicon

    return next((cast(ActionCode, a) for a, rx in lexicon.option_actions() if rx.search(text)), None)


#: The writer's own post in a question, not someone to go to: "as their manager", "as her boss" (red team 56: a manager
#: asking how to handle two of her people was told how to go to "their manager").
_AS_THEIR_MANAGER = re.compile(r"\bas (?:their|his|her|the|a|an) (?:line |direct )?(?:manager|boss|supervisor|team lead|"
                               r"team leader|lead)\b", re.IGNORECASE)


def action_for(text: str) -> ActionCode | None:
    """The course of action a yes/no question asks about (an action code), or None."""
    if about_own_risk(text):
        return None
    text = re.sub(r",? or (?:what|how|should I do|is there)\b.*$", "", text, flags=re.I)  # "…, or what should I do?"
    text = _AS_THEIR_MANAGER.sub("", text)  # "What's the right way to handle it as their manager?" is the writer's post
    for action, rx in _ASKS_ABOUT:
        if rx.search(text):
            return cast(ActionCode, action)
    return said_as(text)


#: A question about one person by name: "How do I handle Nadia for the next few weeks?", "What do I do about Bev?",
#: "How should I deal with Tom?" (not "Tom's manager", and not a day or a month).
_ABOUT_A_PERSON = re.compile(
    r"\b(?i:how (?:do|can|should|could|would) (?:I|we) (?:best )?(?:handle|deal with|approach|manage|work with|cope with|"
    r"get through to|respond to|talk to|speak to|reply to|answer)|what (?:do|should|can|could) (?:I|we) (?:do|say) "
    r"(?:about|to|with)|how (?:do|can|should|could|would) (?:I|we) (?:best )?(?:handle|approach|have|manage|prepare for) "
    r"(?:the|my|our|this|that|a) (?:conversation|talk|call|meeting|chat) with)\s+"
    # a courtesy title before the name is not the name ("How do I handle the conversation with Mrs Patterson?")
    r"(?:(?:Mrs|Mr|Ms|Miss|Mx|Dr)\.?\s+)?"
    r"(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|"
    r"August|September|October|November|December|HR|It|This|That|Him|Her|Them)\b)([A-Z][a-z]+)\b(?!['\u2019]s)")


def person_asked_about(questions: list[Question]) -> str | None:
    """The person the writer's own questions (``find_questions``) name, when they name one ("How do I handle
    Nadia?"): the letter is about them, whoever else it names first. A red team's letter told of a fair manager first
    and asked how to handle the colleague who now blanks the writer; the advice and the words went to the manager."""
    names = {m.group(1) for q in questions for m in _ABOUT_A_PERSON.finditer(q.text)}
    return names.pop() if len(names) == 1 else None
