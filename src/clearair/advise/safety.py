"""The safety floor: constraints on the ranking that no score may break.

They follow from the situation's factors (read from what happened, not from
words like "harass"): serious conduct or payback for speaking up puts a formal
route and dated records first and never sends the writer alone to the person
harming them or to a manager who is the problem; a writer who caused the
problem is pointed to owning it first. Each move is recorded as a reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from clearair.advise.phrases import QUOTED, counterpart_incidents
from clearair.advise.routes import employs_at_home, names_hr, owner_is_other_side, writer_owns_the_business
from clearair.extract.reading import is_question
from clearair.models import Evidence, FactorReading, Reason, Situation

#: Never among the first three when the conduct is serious: going alone to the person, or doing nothing.
ALONE_WITH_THEM = ("TALK_DIRECT", "SET_BOUNDARY", "MEDIATE", "LET_GO", "WAIT", "REBUILD_TRUST")
#: The formal routes: someone with the authority to act on serious conduct.
FORMAL_ROUTES = ("HR_FORMAL", "ESCALATE_THEIR_MANAGER", "ESCALATE_MANAGER")
#: What a similar case beside serious conduct done to the writer must not have advised (``Floor.serious_to_writer``).
NOT_BESIDE_SERIOUS = ALONE_WITH_THEM + ("APOLOGIZE",)
#: Steps that need a job the writer still has: their own manager, a way out, a relationship to mend.
NOTHING_TO_STAND_ON_AFTER_LEAVING = ("ESCALATE_MANAGER", "EXIT", "MEDIATE", "REBUILD_TRUST")
#: What a writer at fault should not lead with against the person they wronged.
AGAINST_THE_WRONGED = ("HR_FORMAL", "ESCALATE_THEIR_MANAGER", "MANAGE_PERFORMANCE", "DOCUMENT", "CLARIFY_RECORD",
                       "SET_BOUNDARY", "LET_GO")


@dataclass
class Floor:
    """What the floor decided, for the rest of the advice (verdicts, perspectives, scripts)."""

    serious: bool = False
    manager_is_problem: bool = False
    #: Serious conduct by someone whose line to the writer is not known (they may be the writer's manager).
    line_unknown: bool = False
    writer_at_fault: str = "none"
    #: The fault reader said the writer had a part, but too unsure to act on (and the rules did not agree).
    fault_unsure: bool = False
    #: The writer's words telling a habit of their own, behind a "partly" the fault reader alone could not carry.
    own_tendency: list = field(default_factory=list)
    #: The rules' own-part signal rests only on words that are not the writer's doing (``floor_for``): not acted on.
    own_part_not_theirs: bool = False
    #: Serious conduct by someone the writer manages: theirs to act on, formally and with HR, not to escape from.
    by_their_report: bool = False
    #: The rules are sure the writer made a mistake of their own ("I sent the wrong figures"), though the fault
    #: reader is not: rebuilding trust stays among the first steps (never an apology on the rules alone).
    rules_own_part: bool = False
    #: The serious reading rests on what happened (the conduct rules), on payback read with confidence, or on a
    #: severity reader sure of it (``SERIOUS_SURE``). The ranking is just as safe either way; only the words
    #: differ: flatly "is serious conduct" when sure, "may be" when not.
    sure: bool = True
    #: The writer no longer works there ("my former employer", "he fired me last month"): the words that say so.
    #: Empty while they still do.
    already_left: list = field(default_factory=list)
    #: The writer's own health, disability, pregnancy or caring is part of a conflict with someone above them: the
    #: words that say so. Empty otherwise.
    protected_need: list = field(default_factory=list)
    #: The other side owns the business with the writer: nobody stands above the two of them to go to.
    co_owner: bool = False
    #: The other side owns the business the writer works in: the words that say so. Nobody stands above them, so
    #: "raise it with their manager" goes nowhere (a blind panel found a note "to their manager" for an owner's
    #: rages). Empty otherwise.
    owner: list = field(default_factory=list)
    #: The writer owns the business: the words that say so. Nobody stands above them, so "ask your own manager for
    #: help" goes nowhere. Empty otherwise.
    writer_owns: list = field(default_factory=list)
    hr_named: bool = True  # an HR party in the letter (an owner who names none has no HR to hand things to)
    #: The other side is a member of the public the writer serves (a shopper, a patient, a pupil's parent): the
    #: words that name them. They have no manager to go to. Empty otherwise.
    member_of_public: list = field(default_factory=list)
    #: The writer works for themselves here (an app's rider, a freelancer): the words that say so. They have no
    #: manager of their own to ask. None otherwise.
    no_own_manager: list | None = None
    #: A formal outcome the writer may still appeal, before a deadline: the words that say so. Empty otherwise.
    appeal_open: list = field(default_factory=list)
    #: They have said no to the writer: a personal advance declined, or the writer's apologies turned away. The
    #: words that say so; empty otherwise. Pressing again adds pressure (a blind panel marked a second apology
    #: meeting after four refusals, and "talk it through" after a declined date, as the wrong advice).
    said_no: list = field(default_factory=list)
    #: What they said no to was personal (a date, an advance), not an apology.
    said_no_personal: bool = False
    #: The writer's own conduct is before a review, an investigation or a disciplinary process: the words that say
    #: so; empty otherwise. A writer with a part in it does not seek out the person who reported them while it is
    #: open (a red team found a one-to-one opener to the colleague whose complaint HR was investigating).
    under_review: list = field(default_factory=list)
    #: A manager the writer could take it to is close to the other side (a friend, family): the writer's words.
    #: Empty otherwise. With serious conduct, that manager is not the first route (``Situation.manager_tied``).
    manager_tied: list = field(default_factory=list)
    #: The writer works in someone's home: the words that say so. Nobody stands above the family, so "raise it with
    #: their manager" goes nowhere (red team 37: an au pair was given a note "to their manager"). Empty otherwise.
    household: list = field(default_factory=list)
    #: The writer employs someone in their own home (a nanny, an au pair, a cleaner): the words that say so. They
    #: have no manager of their own and no HR for it (a blind panel: parents with a nanny who had falsified her hours
    #: were told to "take your notes to your manager"). Empty otherwise.
    employs_at_home: list = field(default_factory=list)
    #: The writer has given notice (handed in, a last day, resigned): the words that say so. Empty otherwise.
    notice_given: list = field(default_factory=list)
    #: The other side heads HR (or is HR): the words that name them so. "Go to HR" is going to them. Empty otherwise.
    hr_is_them: list = field(default_factory=list)
    #: The one who did it is unknown to the writer ("someone left a note …; I have no idea who"): the words. Nobody
    #: to talk to, set a limit with or go above; empty otherwise.
    unknown_doer: list = field(default_factory=list)
    #: One of the writer's people has complained about another (``Situation.complaint_between``): the words. Empty
    #: otherwise.
    complaint_between: list = field(default_factory=list)
    #: The writer works in HR ("I'm the one and only HR person"): "go to HR" is going to themselves or their own team.
    writer_in_hr: list = field(default_factory=list)
    #: Someone the writer manages gives a health reason for what they will not do (``Situation.their_health``), in a
    #: letter about that person: the words. A need to hear out, and perhaps adjust for, before any formal step.
    their_health: list = field(default_factory=list)
    #: The writer's health was told to others at work without their agreement (``Situation.health_shared``): the
    #: words. A breach done to them, answered on record, never by owning a part or letting it go. Empty otherwise.
    health_shared: list = field(default_factory=list)
    #: The writer has tried ignoring it, or was told to and did, and it goes on or has got worse ("she said to ignore
    #: it and it will die down … it's getting worse"): the words. Letting it go again is no answer. Empty otherwise.
    ignored_in_vain: list = field(default_factory=list)
    #: The letter says it has stopped or calmed down for now ("she's been fine since"): the words. Empty otherwise.
    settled: list = field(default_factory=list)
    #: The other side is someone the writer's business let go or fired ("I let one of my baristas, Jordan, go in
    #: March"): the words that say so. They are nobody's report now: coaching, performance management or their
    #: manager go nowhere (red team 45 found "raise it with their manager" and "start formal performance management"
    #: for a dismissed barista loitering outside). Empty otherwise.
    former_staff: list = field(default_factory=list)
    #: The other side applied for a job with the writer's employer and was turned down ("we interviewed a candidate
    #: and she didn't get the job"): nobody's report and with no manager of theirs to go to; a talk gives them the
    #: contact they want (red team 49: "raise it with their manager" for a candidate waiting in the car park). The
    #: words that say so; empty otherwise.
    candidate: list = field(default_factory=list)
    #: Rule-breaking by someone else the writer saw, not pressed on them: the words. Empty otherwise.
    rules_broken_seen: list = field(default_factory=list)
    #: The writer says they want to keep this job ("I want to stay"): the words. Empty otherwise.
    wants_to_stay: list = field(default_factory=list)

    @property
    def harm_is_the_writers(self) -> bool:
        """The writer had a part and nothing serious was done to them: what the rules call intimidation is the
        writer's own ("I snapped and yelled at him"), so nothing is said to its target."""
        return self.writer_at_fault != "none" and not self.serious

    @property
    def serious_to_writer(self) -> bool:
        """Serious conduct done to the writer, who has no part in it."""
        return self.serious and self.writer_at_fault == "none"

    def describe(self) -> str:  # lower-case throughout, so .capitalize() starts a sentence with it
        """How the words name the conduct: "what you describe is serious conduct" or, unsure, "may be"."""
        return "what you describe is serious conduct" if self.sure else "what you describe may be serious conduct"


#: How sure the fault reader must be, on its own, before the advice tells a writer they caused it.
#: Telling a wronged writer to apologise is a harm too, so a weak reading needs the rules to agree.
#: ``make train`` sets it per value from cross-validation (the lowest confidence at which three in
#: four letters read that way really had the writer at fault); this is the value when none is shipped.
FAULT_CONFIDENCE = 0.5
#: The same for payback read by the learned reader alone (a false alarm sends a writer to HR over a
#: slight); payback found from what happened (the conduct rules) needs no confidence.
RETALIATION_CONFIDENCE = 0.7
#: The same for "your own manager is part of the problem" (a false alarm keeps a writer from a manager
#: who would help); set by hand at an even chance, not yet measured per value as the fault bar is.
OWN_MANAGER_CONFIDENCE = 0.5
#: From this confidence a learned "serious" is said flatly. Out of fold on the library's 2,299 real letters, readings
#: of "serious" at 0.35-0.55 were serious in 41 % of letters, and at 0.55 or more in 68 %: the floor acts on both (a
#: miss costs more than a false alarm), but only the second are told "what you describe is serious conduct".
SERIOUS_SURE = 0.55
#: How strong the rules' reading of the writer's own mistake must be for them to be sure of it: to confirm a
#: learned fault reading, and to keep rebuilding trust among the first steps when the fault reader does not
#: agree (the rules set 1.0 where the writer tells their own act).
RULES_OWN_PART = 0.8


#: HR named in a person's mentions ("HR manager", "HR").
_HR_WORD = re.compile(r"\b(?:hr|human resources)\b", re.IGNORECASE)


def rules_told_own_act(strengths: dict[str, float]) -> bool:
    """Whether the rules found an act of the writer's own told in their words ("I shouted at him"): the strength
    the rules set then (1.0), above the ``RULES_OWN_PART`` they may reach by inference. ``strengths``: signal ->
    strength."""
    return strengths.get("narrator_at_fault", 0.0) >= 1.0


#: The writer's own outburst, in their words behind the rules' own-part signal (not "oh my bad", said by a man who
#: swerved a forklift at the writer).
_OUTBURST = re.compile(r"\b(snapped|lost it|lost my temper|yelled|shouted|screamed|swore|cursed|too far|"
                       r"over the (line|top)|blew up|exploded|lashed out|flew off the handle|went off on)\b",
                       re.IGNORECASE)
#: Below this a learned "serious" gives way to the writer's own stated outburst (``assess_floor``); above it the
#: letter most likely tells of more than the writer's part, and the floor that protects them stands.
OWN_OUTBURST_BAR = 0.8


def _inside_own_part(severity: FactorReading, fault: FactorReading) -> bool:
    """Every word the severity reading rests on is an outburst (``_OUTBURST``) inside the writer's own-part sentence."""
    return bool(severity.evidence) and bool(fault.evidence) and all(
        _OUTBURST.search(e.text) and any(f.start <= e.start and e.end <= f.end for f in fault.evidence)
        for e in severity.evidence)


def safe_formal_route(action: str, floor: Floor) -> bool:
    """A formal route the floor allows: never the writer's own manager when that manager is the problem."""
    return action in FORMAL_ROUTES and not (action == "ESCALATE_MANAGER" and floor.manager_is_problem)


_FIRST_PERSON_WORDS = "i|i'm|i've|i'd|i'll|my|we|we've|we'd|we're|our"
_FIRST_PERSON = re.compile(rf"\b({_FIRST_PERSON_WORDS})\b", re.IGNORECASE)
#: Anyone a sentence can speak of: the writer, or someone else.
_PERSON = re.compile(rf"\b({_FIRST_PERSON_WORDS}|he|he's|she|she's|they|they're|his|him|her|their|them)\b",
                     re.IGNORECASE)

_DENIAL = re.compile(r"\b(never|not|wasn'?t|isn'?t)\b[\w ,']{0,25}\b(mine|my (fault|doing|mistake|error))\b|"
                     r"\b(did|had) (nothing|not\w*) (to do )?with\b|\bnot (my|me) (fault|doing)\b|"
                     # not knowing what one did is not owning a part: "I don't know what I did to set her off"
                     r"\b(don'?t|do not|didn'?t|did not|can'?t|cannot|no) (\w+ )?"
                     r"(know|idea|understand|see|think of|tell)\b"
                     r"[\w ,']{0,20}\bwhat (i|we) (did|have done|'ve done|could have done|said)\b",
                     re.IGNORECASE)


#: A sentence that opens with what the writer wants, hopes or fears: a red team's writers who wrote "I dont want to be
#: petty" and "I want to set a boundary" were told to apologise for what the other side did.
_WISH_OR_WORRY = re.compile(r"^\W*(?:(?:but|and|so|honestly|basically|i guess|i think)\W+)*i(?:'m| am)?\s?"
                            r"(?:(?:still|really|just|also|now|kind of|kinda|sort of|honestly)\s)*(?:"
                            r"(?:really |just |also )?(?:don'?t|do not|dont|didn'?t|did not) want|(?:really |just )?"
                            r"(?:want|would like|'d like|need|hope|wish|am trying|'m trying|try)|worried|scared|afraid|"
                            r"nervous|anxious|not sure|unsure|wondering|"
                            # "I've been stewing on it since", "I can't stop thinking about it": the writer's
                            # feeling about what was done, no doing of theirs
                            r"(?:'ve|\s?have)\s(?:been\s)?(?:stewing|dwelling|ruminating|losing sleep|crying|upset|"
                            r"hurt|fuming|seething|so upset|really upset|replaying it|going over it)|"
                            r"(?:can'?t|cannot|can not) stop thinking|keep thinking|feel|felt|"
                            # "I've seen it plugged in at her desk", "I'm pretty sure she thinks it's hers": what the
                            # writer saw or believes of someone else (red team 38's lent charger)
                            r"(?:'ve|\s?have)\s(?:seen|noticed|heard|watched)|(?:'m|\s?am)\s(?:pretty |fairly |quite )?"
                            r"sure (?:she|he|they)|saw (?:her|him|them|it))\b", re.IGNORECASE)
#: ... unless the same sentence tells something the writer did ("I don't want to make excuses, I yelled at him").
_WRITER_DID = re.compile(r"\bi (?!(?:wanted|needed|hoped|wished|tried|worried|decided|need|feed|proceed|succeed)\b)"
                         r"(?:\w+ed|said|told|snapped|shouted|yelled|lost|sent|did|made|took|went|called|hit|"
                         r"threw|swore|forgot|broke|wrote|left|got|gave|put)\b", re.IGNORECASE)


#: A sentence that says only who the writer is or where they work: "I'm a teller at a bank branch", "I work as a
#: chef at a hotel", "I've been at the firm six years".
_WHO_I_AM = re.compile(r"^\W*i(?:['’]m| am| work| worked|['’]ve worked| have worked|['’]ve been| have been)"
                       r"(?: (?:now|currently|still|also|just))? (?:a|an|the|as|at|in|for|here|there|on|one of)\b",
                       re.IGNORECASE)
#: The writer doing the job, or saying how things stood: "I fixed it in 2 min", "We were short already" (red team 48:
#: both writers were told they had caused it and given an apology to say).
_DID_THE_JOB = re.compile(r"\b(?:i|we) (?:quickly |just |then |finally )?(?:fixed|repaired|got it working)\b(?! (?:it|"
                          r"that|this) (?:myself|behind))|^\W*we (?:were|are) (?:already )?(?:short|short-staffed|"
                          r"understaffed|busy|slammed|swamped)\W*$", re.IGNORECASE)
#: Someone else's words about the writer, told without quotation marks: "a note that said I'd look better if I lost
#: a bit of weight" (red team 51: read as the writer's own doing, and an apology written to the man leaving the notes).
_SAID_OF_ME = re.compile(r"(?<!\bI )(?<!\bwe )\b(?:that|which|who|he|she|they|it) (?:said|says|saying|wrote|writes|"
                         r"told me|tells me)(?: that)? I(?:['’]d|['’]m| was| am| would| should| look| need| had)\b"
                         r"[^.?!]*",
                         re.IGNORECASE)
#: The writer named with someone else as one subject, saying how the work is shared: "Me and another project manager,
#: Kelly, jointly run onboarding", "Priya and I share the admin" (red team 50: read as the writer's own fault).
_WE_TWO = re.compile(r"^\W*(?:me and\b|(?:[\w’',-]+ ){1,5}and (?:i|me)\b)", re.IGNORECASE)
#: Someone else's words to the writer, told without quotation marks: "how do I do this report, can you check this email"
#: (red team 50: a colleague's stream of questions read as the writer's own doing).
_ADDRESSED_TO_ME = re.compile(r"\b(?:can|could|would|will) you (?:just )?(?:check|look|help|do|show|send|read|fix|"
                              r"cover|sort|have|take|explain)\b", re.IGNORECASE)
#: Words that own a fault, which outweigh the job done ("I fixed it, but it was my mistake in the first place").
_OWNED = re.compile(r"\b(?:my (?:fault|mistake|bad|error)|i (?:messed|screwed|should(?:n['’]t| not)? have|forgot|"
                    r"snapped|shouted|yelled|lost my temper|missed))\b", re.IGNORECASE)
#: A time or sequence word that may open a sentence before its subject ("On Saturday", "Last week", "Then", "The next
#: morning").
_WHEN_FIRST = re.compile(r"(?:then|later|yesterday|today|recently|again|afterwards|(?:and |but |so )?(?:on|last|this|"
                         r"that|the next|the following|every|one|in the|at the) [\w ]{1,20}?),?", re.IGNORECASE)


#: A sentence that opens with where it happened, the writer's place named by "our" or "my", and then someone else
#: doing it: "Now in our work whatsapp group she keeps posting…", "At my desk yesterday he…".
_PLACE_THEN_THEM = re.compile(r"\s*(?:(?:now|then|and|but|so|later|today|yesterday|recently|also)\s+)*"
                              r"(?:in|on|at|during|after|before|over|inside|within|through|via)\s+"
                              r"(?:our|my|the|a|an|this|that)\b(?:(?!\b(?:I|we|me)\b)[^.;]){0,60}?"
                              r",?\s+(?:he|she|they)\b", re.IGNORECASE)


#: The writer declining what they were asked, or agreeing only on a condition: "I said I'd go once the rail was back
#: on", "I refused", "I told him I wasn't comfortable doing it" (red team 37: a labourer who would not work at an
#: unguarded edge in a gale, then lost his crew place and his overtime, was told to apologise to the foreman).
_DECLINED = re.compile(r"\bi (?:said|told (?:him|her|them))(?: that)? (?:i['’]d|i would|i['’]ll|i will) (?:only )?"
                       r"(?:go|do it|do that|start|get on with it|work on it)\b[^.?!]{0,40}?"
                       r"\b(?:once|when|after|if|until|as soon as)\b|"
                       r"\bi (?:refused|declined|said no)\b|"
                       # saying yes to a favour asked ("I said sure."): the writer is the one owed (red team 38)
                       r"^\W*i (?:said|told (?:him|her|them)) (?:sure|yes|ok|okay|of course|no problem|fine)\W*$|"
                       r"\bi (?:said|told (?:him|her|them))(?: that)? i (?:wasn['’]?t|was not|am not|['’]m not) "
                       r"(?:comfortable|willing|prepared|happy) (?:to|doing|with)\b", re.IGNORECASE)


#: How the writer and the other side get on, said kindly: "we get on well otherwise", "we get along fine", "I like her".
_GETTING_ON = re.compile(r"\bwe (?:usually |normally |generally |otherwise |all )?(?:get on|get along|are friends|"
                         r"['’]re friends|are friendly|['’]re friendly|are on good terms|['’]re on good terms)\b|"
                         r"\bI (?:really )?(?:like|love|get on with|get along with) (?:her|him|them)\b", re.IGNORECASE)


def about_the_writer(reading: FactorReading) -> bool:
    """The sentence a fault reading leans on most speaks of the writer (I, my, we), and does not open with
    someone else as its subject ("He keeps texting me and knows where I live" is about him; "When she
    asked, I snapped" is about the writer)."""
    if not reading.evidence:
        return False
    text = QUOTED.sub(" ", reading.evidence[0].text)  # someone's quoted "my bad" is theirs, not the writer's
    text = _SAID_OF_ME.sub(" ", text)  # "one that said I'd look better if I lost weight": said of the writer
    if is_question(text) or _DENIAL.search(text):
        return False  # a question ("How do I make the record right?") or a denial tells nothing of the writer's part
    if _WISH_OR_WORRY.search(text) and not _WRITER_DID.search(text):
        return False  # "I dont want to be petty", "I want to set a boundary": an intention or a worry, not a doing
    if _DECLINED.search(text):
        return False  # "I said I'd go once the rail was back on": saying no, or not yet, to what was asked is no fault
    if _WHO_I_AM.search(text) and not _WRITER_DID.search(text):
        return False  # "I am a teller at a bank branch in Makati": who the writer is, nothing they did (red team 40)
    if _DID_THE_JOB.search(text) and not _OWNED.search(text):
        return False  # "I fixed it in 2 min", "We were short already": the job done, or how things stood (red team 48)
    if (_WE_TWO.search(text) or _ADDRESSED_TO_ME.search(text)) and not _OWNED.search(text):
        return False  # how two people share the work, or someone else's words to the writer: no doing of theirs
    if _PLACE_THEN_THEM.match(text):
        return False  # "Now in our group chat she keeps posting…": "our" names the place; she does it (red team 55)
    if _GETTING_ON.search(text) and not _OWNED.search(text):
        return False  # "It is a small office and we get on well otherwise": goodwill between them, no doing
    first = _PERSON.search(text)
    if first is None:
        return False
    # "On Saturday he asked me in front of a customer…": a time said first does not make the sentence the writer's
    opens_with_someone_else = not _FIRST_PERSON.fullmatch(first.group(0)) and (
        not text[:first.start()].strip() or bool(_WHEN_FIRST.fullmatch(text[:first.start()].strip())))
    return not opens_with_someone_else and bool(_FIRST_PERSON.search(text))


def said_no(situation: Situation, signals: list) -> tuple[list, bool]:
    """The words in which the other side said no to the writer, and whether it was to something personal: a
    personal advance declined ("she told me she's seeing someone"), or the writer's apology turned away ("she
    turned me away", "my texts went unanswered"). Not someone walking out of a meeting or denying a fault, and not
    an unanswered email about work: only a no to the writer's own approach. ([], False) when there is none."""
    names = {s.name for s in signals}
    no = [r for r in situation.responses if r.kind == "rebuffed"]
    if not no:
        return [], False
    apologised = "narrator_apologized" in names or any(a.kind == "apology" for a in situation.attempts)
    # The writer's own advance, not one made to them ("a client keeps asking me out": theirs to refuse, not to drop)
    advance = any(s.name == "romance" and not any(_TO_ME.search(e.text) for e in s.evidence) for s in signals)
    if advance or apologised:
        return [no[0].evidence[0]] if no[0].evidence else [], advance
    return [], False


#: An advance made to the writer, not by them: "a client keeps asking me out", "he flirts with me".
_TO_ME = re.compile(r"\b(ask\w*|invit\w*|pressur\w*) me\b|\bme out\b|\b(flirt\w*|hit\w* on) (with )?me\b|"
                    r"\b(at|on|to|towards?) me\b|\bmy (body|looks|appearance)\b", re.IGNORECASE)


#: The act of a clause lands on the writer ("kept talking over me", "shouted at me"), or on someone else.
_DONE_TO_ME = re.compile(r"\b(over|at|to|towards?|about|on|behind|against) me\b|\bme (off|out|down|up)\b",
                         re.IGNORECASE)
_DONE_BY_ME = re.compile(r"\b(over|at|to|towards?|about|on|behind|against) (him|her|them|you|his|their)\b|"
                         r"\bi (snapped|shouted|yelled|swore|lost it|lost my temper|said|told|called)\b",
                         re.IGNORECASE)


def floor_for(factors: list[FactorReading], signals: list, situation: Situation | None = None) -> Floor:
    """``assess_floor`` from the rules' signals as the pipeline has them: their strengths, and the writer's words
    behind the own-part signal; with ``situation``, also what it tells of a no to the writer (``said_no``) and of a
    process about their conduct (``Situation.under_review``). The advice and the written answer both read it here,
    so they see one floor."""
    under_review = list(situation.under_review) if situation is not None else []
    strengths = {s.name: s.strength for s in signals}
    own_words = [e.text for s in signals if s.name == "narrator_at_fault" for e in s.evidence]
    if own_words and all(_DONE_TO_ME.search(w) and not _DONE_BY_ME.search(w) for w in own_words):
        # The rules took an act done to the writer for the writer's own ("a woman I work with kept talking over me":
        # the parse made "I" the subject of "kept"), and a red team's writer was told to apologise for it.
        strengths.pop("narrator_at_fault", None)
    if situation is not None and _fear_of_the_outcome(factors, situation, strengths):
        # Sure or not, a "serious" resting only on the writer's fear where the rules found their own act ("I'm
        # terrified I'll be sacked" after their own mistake, red team 45) is fear of the outcome, not conduct done to
        # them: weighed as unprofessional, so the writer's part is weighed as it is.
        factors = [f.model_copy(update={"value": "unprofessional"}) if f.name == "severity" else f for f in factors]
    floor = assess_floor(factors, strengths, own_words, under_review=bool(under_review))
    floor.own_part_not_theirs = bool(own_words) and "narrator_at_fault" not in strengths
    if situation is not None and situation.asking is not None and floor.writer_at_fault != "none" \
            and not counterpart_incidents(situation) and strengths.get("narrator_at_fault", 0.0) < RULES_OWN_PART \
            and not any(f.name == "writer_fault" and f.source == "rules" for f in factors):
        # The writer wants words to ask, say no or set a limit, and the letter tells of nothing done by either side: a
        # learned "your fault" rests on something else ("I'm doing 50 hour weeks"), and a red team's writer was given
        # an apology to say to the director whose party she wanted to decline.
        floor.writer_at_fault, floor.fault_unsure = "none", True
    floor.under_review = under_review
    floor.notice_given = [e for e in situation.narrator.evidence if _NOTICE_GIVEN.search(e.text)][:1] \
        if situation is not None and situation.narrator.leaving_soon else []
    floor.manager_tied = list(situation.manager_tied) if situation is not None else []
    floor.rules_broken_seen = list(situation.rules_broken_seen) if situation is not None else []
    floor.wants_to_stay = [e for g in situation.goals if g.kind == "keep_job" for e in g.evidence][:1] \
        if situation is not None else []
    if situation is not None and floor.serious and not floor.sure and _only_ordinary_acts(factors, situation):
        # Unsure, and all the letter tells the other side did is ordinary friction (taking credit, gossip, leaving the
        # writer out): no conduct the lexicon knows and no payback behind it. A retrain put a coworker presenting the
        # writer's analysis as his own just over the bar; the formal-complaint shape is not for that.
        floor.serious = floor.line_unknown = floor.by_their_report = False
    if situation is not None and floor.serious and _rests_on_a_feeling(factors, situation, unsure=not floor.sure):
        # An unsure learned "serious" whose only words are the writer's feeling ("the kitchen is very tense"): nothing
        # anyone did is behind it (red team 36: a cook who had a colleague clock him in was sent to HR against the
        # colleague who stopped, on "tense"). A feeling is no conduct; a sure reading or payback still counts. So
        # for a reading not far over the bar that rests on one word of judgement (blind panel 31: a new boss's
        # check-in rule for lunch and the bathroom was "serious conduct" on "ridiculous", and a formal complaint led).
        floor.serious = floor.line_unknown = floor.by_their_report = False
    if situation is not None and floor.serious and not floor.sure and _rests_on_someone_else(factors, situation):
        floor.serious = floor.line_unknown = floor.by_their_report = False
    owed = money_owed(situation) if situation is not None else []
    if owed and floor.writer_at_fault != "none" \
            and strengths.get("narrator_at_fault", 0.0) < RULES_OWN_PART \
            and not any(f.name == "writer_fault" and f.source == "rules" for f in factors):
        # Money a customer owes the writer, and only the learned reader says the writer caused it: a self-employed
        # plasterer owed £1,800 was told "you caused much of this" and given an apology to say (red team 57).
        floor.writer_at_fault, floor.fault_unsure = "none", True
    if owed and floor.serious and severity_open_to_doubt(factors) is not None:
        # A client or customer who has not paid, with nothing the conduct rules know and no payback: a debt to chase
        # in writing, not conduct an employer must act on (red team 55: a self-employed cleaner owed six weeks' pay
        # was told "what you describe is serious conduct" and sent to a manager she does not have).
        floor.serious = floor.line_unknown = floor.by_their_report = False
    if situation is not None and floor.serious and situation.light_touch and _rests_on_a_label(factors):
        # The writer asks for a light touch ("how do I say no nicely without making it awkward?") and the learned
        # "serious" rests on one loaded word alone ("he threatened to sign me up anyway"): nothing the rules found
        # (red team 42: invitations to a fantasy football league were sent to HR as a formal complaint).
        floor.serious = floor.line_unknown = floor.by_their_report = False
    if situation is not None and situation.own_tendency and floor.writer_at_fault == "none" and not floor.serious \
            and situation.asking is None and any(f.name == "writer_fault" and f.value in ("partly", "mainly")
                                                 for f in factors):
        # The writer tells of a habit of their own ("I've been known to lose my temper") and the fault reader leans
        # the same way, too unsure alone: a part of theirs, said kindly (``advise.own_ways``).
        floor.writer_at_fault, floor.fault_unsure, floor.own_tendency = "partly", False, situation.own_tendency
    if situation is not None:
        floor.said_no, floor.said_no_personal = said_no(situation, signals)
    floor.already_left = [e for s in signals if s.name == "already_left" for e in s.evidence][:1]
    floor.ignored_in_vain = [e for s in signals if s.name == "tried_ignoring" for e in s.evidence][:1]
    floor.co_owner = any(s.name == "counterpart_co_owner" for s in signals)
    floor.owner = owner_is_other_side(situation) if situation is not None else []
    floor.writer_owns = writer_owns_the_business(situation) if situation is not None else []
    floor.employs_at_home = employs_at_home(situation) if situation is not None else []
    floor.settled = list(situation.pattern.settled[:1]) if situation is not None else []
    other_side = situation.party(situation.counterpart) if situation is not None else None
    if other_side is not None and other_side.id.startswith("former_employee"):
        floor.former_staff = other_side.evidence[:1]
    if other_side is not None and other_side.id.startswith("job_candidate"):
        floor.candidate = other_side.evidence[:1]
    if other_side is not None and other_side.id.startswith("unknown_sender"):
        floor.unknown_doer = other_side.evidence[:1]
    if other_side is not None and other_side.role != "hr" and any(_HR_WORD.search(m) for m in other_side.mentions):
        floor.hr_is_them = other_side.evidence[:1]
    floor.hr_named = situation is None or names_hr(situation)
    if situation is not None:  # what the pipeline read into the situation, handed on as it is
        floor.writer_in_hr = list(situation.narrator.in_hr)
        floor.complaint_between = list(situation.complaint_between)
        floor.health_shared = list(situation.health_shared)
        floor.their_health = list(situation.their_health)
    above = next((f.value for f in factors if f.name == "counterpart_role"), None) in ("manager", "skip_level")
    if above:
        floor.protected_need = [e for s in signals if s.name == "protected_need" for e in s.evidence][:1]
    return floor


#: One loaded word that can be said of something mild: "threatened to sign me up", "harassing me to join".
_LABEL = re.compile(r"^\W*(?:threat\w*|harass\w*|bull(?:y|ies|ied|ying)|abus\w*|attack\w*|stalk\w*)\W*$", re.IGNORECASE)


def _fear_of_the_outcome(factors: list[FactorReading], situation: Situation, strengths: dict[str, float]) -> bool:
    """A learned "serious" whose evidence is one of the writer's feelings, where the rules found the writer's own act
    (``_rests_on_a_feeling``, whatever the reading's sureness). Not where the rules found nothing at all: a manager's
    veiled threat in his own words ("people who make trouble don't work in this sector again") left no incident the
    rules know, and "scared" was all the reading had to rest on (the safety tests' s-015)."""
    sev = next((f for f in factors if f.name == "severity"), None)
    return sev is not None and sev.value == "serious" and rules_told_own_act(strengths) \
        and _rests_on_a_feeling(factors, situation, unsure=True)


def severity_open_to_doubt(factors: list[FactorReading]) -> FactorReading | None:
    """The severity reading, where the rules did not make it and no payback is read: the one the second looks (here
    and in ``advise.reread``) may set aside. None otherwise: a reading of the rules, or payback, always stands."""
    by = {f.name: f for f in factors}
    sev, payback = by.get("severity"), by.get("retaliation")
    if sev is None or sev.source == "rules" or payback is not None and payback.value is True:
        return None
    return sev


def money_owed(situation: Situation) -> list[Evidence]:
    """The writer's words saying a customer or client has not paid what they owe (``scripts.yaml`` topic
    ``unpaid``), where the other side is that customer."""
    cp = situation.party(situation.counterpart)
    if cp is None or cp.role not in ("customer", "other"):
        return []
    return [e for c in situation.said_topics if c.kind == "unpaid" for e in c.evidence][:1]


def _rests_on_a_label(factors: list[FactorReading]) -> bool:
    """A learned "serious" whose only evidence is one loaded word (``_LABEL``), with no payback read."""
    sev = severity_open_to_doubt(factors)
    return sev is not None and bool(sev.evidence) and all(_LABEL.match(e.text) for e in sev.evidence)


#: One word of the writer's judgement, all a severity reading's evidence may be: "ridiculous", "so unfair".
_JUDGEMENT = re.compile(r"^\W*(?:so |very |really |just |completely |totally )?(?:ridiculous|intrusive|unfair|crazy|"
                        r"absurd|insane|outrageous|unacceptable|toxic|awful|terrible|horrible|unreasonable|petty|"
                        r"childish|annoying|frustrating|infuriating|demoralising|demoralizing|micromanag\w*|"
                        r"power trip)\W*$", re.IGNORECASE)
#: Up to this confidence a learned "serious" resting on such a word alone is not acted on.
JUDGED_SERIOUS_BAR = 0.7


def _rests_on_a_feeling(factors: list[FactorReading], situation: Situation, unsure: bool = True) -> bool:
    """The severity reading's evidence is one of the writer's feelings the reading found (``Situation.emotions``),
    or (under ``JUDGED_SERIOUS_BAR``, sure or not) one word of their judgement (``_JUDGEMENT``), and no payback is
    read with any confidence. ``unsure``: the reading is under the floor's "sure" bar."""
    by = {f.name: f for f in factors}
    sev = by.get("severity")
    payback = by.get("retaliation")
    if sev is None or sev.source == "rules" or not sev.evidence or payback is not None and payback.value is True \
            and (payback.source == "rules" or payback.confidence >= RETALIATION_CONFIDENCE):
        return False
    span = sev.evidence[0]
    if _JUDGEMENT.match(span.text) and sev.confidence < JUDGED_SERIOUS_BAR:
        return True
    return unsure and any(e.start <= span.start and span.end <= e.end for c in situation.emotions
                          for e in c.evidence)


def _rests_on_someone_else(factors: list[FactorReading], situation: Situation) -> bool:
    """An unsure learned "serious", with no payback read, whose sentence names another person in the letter and not
    the other side (red team 48: "may be serious conduct, judging by 'And then there's our finance director Mr Osei,
    who I barely see…'", in a letter about a colleague who took the writer's credit)."""
    sev = severity_open_to_doubt(factors)
    cp = situation.party(situation.counterpart)
    if sev is None or not sev.evidence or cp is None:
        return False
    span = sev.evidence[0]

    def named_in(party) -> bool:
        return any(span.start <= e.start and e.end <= span.end for e in party.evidence)

    # (and nothing in it is done to the writer: "they call me 'the wife'" names a partner, yet is the conduct)
    return not named_in(cp) and any(named_in(p) for p in situation.parties if p.id != cp.id) \
        and not _TO_THE_WRITER.search(span.text)


#: Words that put the writer in a sentence as the one something is done to.
_TO_THE_WRITER = re.compile(r"\b(?:me|my|myself)\b", re.IGNORECASE)


#: What someone does that is friction, however often: never serious conduct by itself ("presented my analysis as his
#: own", "talks about me behind my back", "leaves me out of the meetings").
ORDINARY_ACTS = frozenset({"steal_credit", "gossip", "exclude", "criticise", "fail_deliver", "undermine",
                            "complain_external", "forward"})


def _only_ordinary_acts(factors: list[FactorReading], situation: Situation) -> bool:
    """A learned severity reading (no conduct the lexicon knows behind it) with no payback read, where the letter
    tells of acts by the other side and every one is ordinary friction (``ORDINARY_ACTS``)."""
    if severity_open_to_doubt(factors) is None:
        return False
    acts = {i.act for i in situation.incidents if i.actor == situation.counterpart}
    return bool(acts) and acts <= ORDINARY_ACTS


def fault_confidence(value: str) -> float:
    """The shipped bar for a reading of ``value`` ("mainly" or "partly"), set per value by ``make train``."""
    from clearair.assess.readers import artefact

    bars = artefact().get("fault_confidence", FAULT_CONFIDENCE)
    if isinstance(bars, dict):
        return float(bars.get(value, 1.0))
    return float(bars)


#: How sure a learned "you mainly caused it" must be when the other side is above the writer (see ``assess_floor``).
ABOVE_FAULT_BAR = 0.5


def assess_floor(factors: list[FactorReading], signals: dict[str, float] | None = None,
                 own_part_words: list[str] | None = None, under_review: bool = False) -> Floor:
    """``signals``: the rules' signal strengths; the rules agree on fault when theirs is strong
    (the rules weaken it to 0.4 when the other side attacked first). ``own_part_words``: the writer's words behind
    that signal (an outburst told in them outweighs a learned "serious", ``_OUTBURST``). ``under_review``: the
    letter says the writer's own conduct is before a review or a disciplinary process."""
    signals = signals or {}
    by = {f.name: f for f in factors}
    v = {name: f.value for name, f in by.items()}
    # Payback read by the learned reader alone must be confident; found from what happened
    # (the conduct rules) it always counts.
    payback = bool(v.get("retaliation")) and ("retaliation" not in by or by["retaliation"].source == "rules"
                                             or by["retaliation"].confidence >= RETALIATION_CONFIDENCE)
    serious = v.get("severity") == "serious" or payback
    # The writer's own manager is part of the problem: read by the rules, or by the learned reader with some
    # confidence (an unsure reading would route a writer around a manager the letter never faults). With
    # serious conduct any such reading counts: asking a manager who is the harmer costs far more.
    own = by.get("own_manager")
    # With serious conduct, a manager read as not backing the writer is routed around too: sending someone who
    # was dismissed back to the one who dismissed them (or who may be the harmer, read as someone else) is the
    # costlier mistake, and HR or their manager's manager is open either way.
    manager_problem = (own is not None and (own.value == "is_the_problem" and (
        own.source == "rules" or own.confidence >= OWN_MANAGER_CONFIDENCE or serious)
        or own.value == "unsupportive" and serious)) or (serious and v.get("counterpart_role") == "manager")
    fault = str(v.get("writer_fault", "none"))
    # Found from what happened (the writer describes doing serious conduct), fault needs no confidence;
    # read by the model, it must be confident and rest on the writer's words about their own doing
    # (not on "He hadn't even read it before forwarding it").
    sure = "writer_fault" in by and (by["writer_fault"].source == "rules" or (
        by["writer_fault"].confidence >= fault_confidence(fault) and about_the_writer(by["writer_fault"])))
    unsure = False
    # A learned "you mainly caused it" under ``ABOVE_FAULT_BAR``, with no part of the writer's the rules saw: out of
    # fold on the library, learned "mainly" readings at 0.3-0.5 had the writer at fault in 25 of 57 letters (mainly in
    # 15), so alone it is not said (red team 33: "I owe you an apology" written for a writer whose colleague took the
    # credit for half their deck).
    if fault == "mainly" and sure and by["writer_fault"].source != "rules" \
            and by["writer_fault"].confidence < ABOVE_FAULT_BAR \
            and signals.get("narrator_at_fault", 0.0) < RULES_OWN_PART:
        sure = False
    # The writer's own conduct is before a review or a disciplinary process, and the reader is sure: the complaint
    # against them is what its evidence points at ("She's now put in a formal complaint"), not a sentence of their
    # own doing, yet it stands (a red team's manager who joked about a report's weight was told "nothing you
    # describe makes this your doing" and given words to take her aside before the hearing).
    # Only "mainly": a learned "partly" that rests on the complaint is as often a wronged writer facing an unfair
    # process (a red team's warehouse worker disciplined after reporting a blocked fire exit read "partly", 0.65).
    if not sure and under_review and fault == "mainly" and by["writer_fault"].confidence >= ABOVE_FAULT_BAR:
        sure = True
    # A learned "you mainly caused it" about someone above the writer needs more: under ``ABOVE_FAULT_BAR``, out of
    # fold, the annotators said "none" for 14 of 26 such letters and "mainly" for 5 (a treasurer pressed by the chair
    # to move restricted money was told to apologise). Telling someone to own what their boss pressed on them is the
    # costlier mistake; the rules' own finding still stands.
    if fault == "mainly" and sure and by["writer_fault"].source != "rules" \
            and by["writer_fault"].confidence < ABOVE_FAULT_BAR \
            and v.get("counterpart_role") in ("manager", "skip_level"):
        sure = False
    # A learned "you mainly caused it", not very sure, where the other side acted against the writer first (the
    # rules' incidents) and the rules found the writer's own part only weakened by that or not at all: the writer
    # is as often the one it was done to (a red team's head chef, undermined in front of his brigade for weeks
    # before one outburst, was given a full apology to say). A part the rules did see stays a part ("partly").
    if fault == "mainly" and sure and by["writer_fault"].source != "rules" \
            and by["writer_fault"].confidence < ABOVE_FAULT_BAR and signals.get("counterpart_attacked") \
            and not rules_told_own_act(signals):
        if signals.get("narrator_at_fault", 0.0) > 0.0:
            fault = "partly"
        else:
            sure = False
    if fault != "none" and not sure and signals.get("narrator_at_fault", 0.0) < RULES_OWN_PART:
        fault, unsure = "none", True
    # Payback for speaking up is done to the writer: a learned "your fault" reading never outweighs it
    # (the worst mistake is telling someone punished for complaining to apologise).
    if fault != "none" and payback and by["writer_fault"].source != "rules":  # (payback read with confidence)
        fault, unsure = "none", True
    # The other side has apologised to the writer: they took the blame, so a learned "you mainly caused it"
    # is not acted on (a writer who walked over to ask what went wrong has described their own doing, but
    # not a fault of theirs). Shared fault ("partly") can still stand.
    if fault == "mainly" and v.get("they_apologized") and by["writer_fault"].source != "rules":
        fault, unsure = "none", True
    # Serious conduct is not outweighed by a learned "your fault" either when it was found from what happened (a
    # threat, a hand on someone): the fault reader weighs the writer's words about their own part ("I said the rota
    # was unfair"), not whether that part could excuse a threat; the writer's own serious act is found by the
    # conduct rules (source "rules"), and then the fault stands. Nor when a sure learned "serious" is surer than
    # the fault reading (a bar worker threatened after reporting theft was read as mainly at fault at 0.41 and told
    # to apologise): telling someone harmed to apologise is the worst mistake, so the weaker reading gives way.
    sev = by.get("severity")
    # Not where the writer's own act, told in their words, is before a process ("things turned physical between me and
    # a colleague … we were both sent a memo to wait for the outcome"): the serious act is theirs (a blind panel).
    own_act_reviewed = under_review and rules_told_own_act(signals)
    if fault != "none" and serious and by["writer_fault"].source != "rules" and not own_act_reviewed \
            and sev is not None and (sev.source == "rules" or sev.confidence >= SERIOUS_SURE
                                     and by["writer_fault"].confidence < sev.confidence):
        fault, unsure = "none", True
    # The writer tells of their own outburst ("I kinda snapped and yelled at him", "I took it too far"), the rules found
    # nothing done to them (the other side's attacks weaken the rules' own-part signal below 1) and the "serious"
    # is the learned reader's, not very sure: the seriousness is the writer's own act, so this is no victim's floor
    # (a red team's grill cook who shouted a new hire out of the job was sent to HR to complain about him).
    outburst = any(_OUTBURST.search(w) for w in own_part_words or ())
    if serious and outburst and not payback and fault == "none" and rules_told_own_act(signals) \
            and sev is not None and sev.source != "rules" and sev.confidence < OWN_OUTBURST_BAR:
        serious, fault, unsure = False, "partly", False  # their own words say it: "Your side had a part in it"
    # The learned "serious" rests only on words inside the sentence of the writer's own part ("In fairness I have
    # shouted at him a couple of times"): the seriousness is the writer's act, told as theirs, not conduct done to
    # them (a red team's workshop owner was sent to HR about his apprentice over his own shouting).
    if serious and not payback and v.get("writer_fault", "none") != "none" and sev is not None \
            and sev.source != "rules" and sev.confidence < OWN_OUTBURST_BAR \
            and _inside_own_part(sev, by["writer_fault"]):
        serious, fault, unsure = False, "partly", False
    serious = serious and fault != "mainly"
    rules_own_part = fault == "none" and not serious and signals.get("narrator_at_fault", 0.0) >= RULES_OWN_PART
    serious_sure = payback or sev is None or sev.source == "rules" or sev.confidence >= SERIOUS_SURE
    return Floor(serious=serious, manager_is_problem=manager_problem, writer_at_fault=fault, sure=serious_sure,
                 rules_own_part=rules_own_part,
                 fault_unsure=unsure, line_unknown=serious and v.get("counterpart_role") == "other",
                 by_their_report=serious and v.get("counterpart_role") == "direct_report"
                 and bool(v.get("narrator_is_manager")))


#: The writer has already given notice: "I've handed in my notice", "my last day is in three weeks", "I resigned".
_NOTICE_GIVEN = re.compile(r"\b(?:handed in|gave|given|put in|served) (?:my )?notice\b|\bmy last day\b|"
                           r"\bi(?:['’]ve| have)? resigned\b|\bi(?:['’]m| am) leaving (?:in|at the end of|next)\b",
                           re.IGNORECASE)


def apply_floor(ranked: list, factors: list[FactorReading], floor: Floor) -> list:
    """Reorder ``ranked`` (objects with .action, .score, .reasons) so the floor holds; returns a new list."""
    by = {f.name: f for f in factors}
    order = list(ranked)
    says_leaving = "leaving" in by and by["leaving"].value is True  # the writer speaks of leaving

    def ev(name: str):
        f = by.get(name)
        return f.evidence[:1] if f else []

    #: How many steps must stand above each held action: the last word of every rule that moved it down, kept so
    #: that a later move cannot lift it back (moving one group out of the first three pulled up one held out of the
    #: first five: formal performance management against the report a manager had wronged).
    holds: dict[str, int] = {}

    def hold(actions: tuple[str, ...], below: int) -> None:
        move_below(order, actions, below)
        for a in actions:
            holds[a] = max(holds.get(a, 0), below)

    def lead(actions: list[str], why: str, source: str, evidence: list | None = None) -> None:
        for a in actions:  # a later rule that puts a step first overrides an earlier one that held it back
            holds.pop(a, None)
        picked = [s for a in actions for s in order if s.action == a]
        rest = [s for s in order if s not in picked]
        for s in picked:
            s.reasons.insert(0, Reason(text=why, effect="raises", source="safety", **because(source, evidence)))
        order[:] = picked + rest

    def because(source: str, evidence: list | None) -> dict:
        """A reason's source: a factor (its evidence read from the factors), or a signal with ``evidence`` given."""
        if evidence is None:
            return {"signal": f"factor:{source}", "evidence": ev(source)}
        return {"signal": source, "evidence": evidence}

    def demote(actions: tuple[str, ...], below: int, why: str, source: str, evidence: list | None = None) -> None:
        """Move them below the first ``below``; every one of them, wherever it stands, says why it is not first
        (one ranked fifth with no such reason read as a "strong fit" beside serious conduct)."""
        hold(actions, below)
        for s in order:
            if s.action in actions and not any(r.source == "safety" and r.text == why for r in s.reasons):
                s.reasons.insert(0, Reason(text=why, effect="lowers", source="safety", **because(source, evidence)))

    def within(actions: list[str], n: int, why: str, source: str, evidence: list | None = None) -> None:
        """All of ``actions`` among the first ``n``, each saying why: those already there keep their places, the
        others follow them, and the lowest of the rest make room."""
        for a in actions:
            holds.pop(a, None)
        wanted = [s for a in actions for s in order if s.action == a]
        head = [s for s in order[:n] if s not in wanted][:max(0, n - len(wanted))]
        order[:] = sorted(head + [s for s in wanted if s in order[:n]], key=order.index) + \
            [s for s in wanted if s not in order[:n]] + [s for s in order if s not in head and s not in wanted]
        for s in wanted:
            s.reasons.insert(0, Reason(text=why, effect="raises", source="safety", **because(source, evidence)))

    if floor.by_their_report:
        # The writer has the authority: the formal process with HR, not a quiet word alone, and not looking away.
        # (Experts answering such letters in the library most often led with HR, then formal consequences.) The
        # writer may be the one it is aimed at ("he put his arm around me"): no private word alone either.
        lead(["HR_FORMAL", "DOCUMENT", "MANAGE_PERFORMANCE"],
             floor.describe().capitalize() + " by someone you manage: bring HR in and deal with it through "
             "the formal process, with a dated record", "severity")
        demote(ALONE_WITH_THEM + ("COACH_REPORT",), 3, "Not a first step with serious conduct: deal with it "
               "formally, with HR beside you, not on your own", "severity")
    elif floor.serious and not floor.sure:
        # Unsure (a learned reading under SERIOUS_SURE, no rule or payback behind it): right for about four
        # letters in ten out of fold. The same safe shape (nobody faced alone, dated notes and a formal route
        # among the first three), but the ranking's own order stands, so a false alarm does not put a formal
        # complaint first; the words say "may be".
        why = floor.describe().capitalize() + ": keep this among your first steps, so you are covered either way"
        demote(ALONE_WITH_THEM, 3, "Not a first step while this may be serious conduct: do not face the person "
               "alone", "severity")
        # The route among the first three is one outside the writer's own line (HR, or the other side's
        # manager): the writer's own manager may be asked too, but is not enough on their own when it may be
        # serious conduct (a retrain read a peer's threats as unsure and left only "ask your manager").
        formal = [a for a in ("HR_FORMAL", "ESCALATE_THEIR_MANAGER") if safe_formal_route(a, floor)]
        route = next((s.action for s in order[:3] if s.action in formal), "HR_FORMAL")
        within(["DOCUMENT", route], 3, why, "severity")
        if floor.writer_at_fault == "none":
            demote(("APOLOGIZE",), 5, "Serious conduct done to you is not yours to apologise for", "severity")
    elif floor.serious:
        around = floor.manager_is_problem or floor.line_unknown or bool(floor.already_left) \
            or floor.no_own_manager is not None  # a rider or a freelancer has no manager of their own
        role = by["counterpart_role"].value if "counterpart_role" in by else None
        # someone the self-employed writer serves (a childminder's parent, a freelancer's client) has no manager:
        # a firm limit, in writing, is the writer's own step (blind panel 38)
        second = "SET_BOUNDARY" if role == "customer" and floor.no_own_manager is not None and not floor.writer_owns \
            else "ESCALATE_THEIR_MANAGER" if around else "ESCALATE_MANAGER"
        told_already = "already_escalated" in by and by["already_escalated"].value is True
        if role == "customer" and not around and not floor.writer_owns and not told_already:
            # Someone the workplace serves (a parent, a patient's son, a client) is outside any grievance process:
            # the writer's manager, or whoever runs the place, is the one who can bar them or take it further
            # (experts answering such letters in the library named the manager as often as HR, and a red team
            # found a teacher threatened by a parent sent first to "make a formal complaint"). Once the writer has told
            # their manager and it goes on (red team 36: a nurse grabbed by a patient's son, moved to another bay "to
            # keep the peace"), the formal route comes first, as below.
            lead(["ESCALATE_MANAGER", "DOCUMENT", "HR_FORMAL"],
                 floor.describe().capitalize() + " by someone your workplace serves: your manager, or whoever runs "
                 "the place, has to act on it, so tell them now and keep a dated record", "severity")
        else:
            lead(["HR_FORMAL", "DOCUMENT", second],
                 floor.describe().capitalize() + ": a formal route and a dated record protect you, "
                 "and you should not have to handle it alone", "severity")
        demote(ALONE_WITH_THEM, 3, "Not a first step with serious conduct: do not face the person alone", "severity")
        # Nor among the five shown: a red team found "let it go" fourth beside pressure to sign off unsafe work.
        demote(("LET_GO", "WAIT"), 5, "Serious conduct does not stop by being let go: keep your notes and use a "
               "formal route", "severity")
        if floor.writer_at_fault == "none":  # "I think it's my fault" from someone grabbed by their boss
            demote(("APOLOGIZE",), 5, "Serious conduct done to you is not yours to apologise for", "severity")
    if floor.member_of_public:
        # A shopper or a patient's relative has no manager to take it to (a red team found "raise it with their
        # manager" third for a shopper following a cashier): the writer's own manager, or whoever runs the site, is.
        demote(("ESCALATE_THEIR_MANAGER",), 5, "They are a member of the public, with no manager you could go to: "
               "your own manager, or whoever runs the place, is the route", "member_of_public",
               floor.member_of_public)
    if floor.no_own_manager is not None:
        # A delivery rider or a freelancer has no manager of their own (a red team found "ask your own manager for
        # help" first for a rider whose account an app had paused).
        demote(("ESCALATE_MANAGER",), 5, "You work for yourself here, with no manager of your own to ask: the "
               "formal route is the one this work has", "works_for_themselves", floor.no_own_manager)
    if floor.manager_tied and floor.serious:
        # The writer says the manager they would take it to is close to the other side (red team 37: a nurse afraid
        # to tell a manager who holidays with the colleague she saw take drugs was offered "ask your own manager",
        # a note to her ready to send): a route outside that tie comes first.
        demote(("ESCALATE_MANAGER", "ESCALATE_THEIR_MANAGER"), 3, "You say the manager you would go to is close to "
               "them, so they may not be neutral: go first to someone outside that tie (HR, or a manager above "
               "both)", "manager_tied", floor.manager_tied)
        for s in order:  # and the formal route says so, in case the person it names is that manager
            if s.action == "HR_FORMAL":
                s.reasons.insert(0, Reason(text="You say the manager you would go to is close to them: make this "
                                           "complaint to someone outside that tie", effect="raises", source="safety",
                                           **because("manager_tied", floor.manager_tied)))
    saw = "bystander" in by and by["bystander"].value is True
    if floor.serious and (saw or floor.rules_broken_seen):
        # What the writer saw done is for the people responsible to act on; leaving is no answer to it (the same
        # nurse's third step had become "plan your way out"). The reason cites what made the writer a witness: the
        # reader's bystander words, or the rule-breaking seen.
        witness: tuple = ("bystander",) if saw else ("rules_broken_seen", floor.rules_broken_seen)
        demote(("EXIT",), 3, "Not a first step: what you saw is for the people responsible to act on, and "
               "reporting it need not cost you your job", *witness)
    if floor.wants_to_stay and not says_leaving:
        # "I love this job and want to stay": planning the way out is not a first step for them (red team 43 found it
        # third, "a boss who is set against you rarely changes", for a player on a trial contract).
        demote(("EXIT",), 3, "You say you want to stay in this job, so planning your way out is not where to start",
               "wants_to_stay", floor.wants_to_stay)
    if floor.manager_is_problem:
        demote(("ESCALATE_MANAGER",), 3, "Your own manager is part of the problem, so take it above or around them",
               "own_manager")
        if by.get("counterpart_role") is not None and by["counterpart_role"].value == "peer":
            # a colleague's manager is most often the writer's own (red team 59: a note "to their manager" went to
            # the manager who had moved the writer's desk since she spoke up)
            demote(("ESCALATE_THEIR_MANAGER",), 3, "Your colleague's manager is most likely your own, who is part "
                   "of the problem: take it above them or to HR", "own_manager")
    elif by.get("counterpart_role") is not None and by["counterpart_role"].value == "manager":
        # The other side is the writer's manager: "ask your own manager for help" would be asking them. (Experts
        # answering such letters in the library advised it for 6 of 682, and never as the main advice.)
        demote(("ESCALATE_MANAGER",), 3, "They are your manager: asking your manager for help would mean asking "
               "them, so talk to them directly or go above them", "counterpart_role")
    elif floor.serious and floor.line_unknown:
        demote(("ESCALATE_MANAGER",), 3, "It is not clear from your letter whether they are your manager: take "
               "serious conduct to HR or above them rather than to your own manager alone", "counterpart_role")
    if floor.serious:
        # Moving the writer's own manager out of the first three must not pull a step alone with them back in.
        hold(ALONE_WITH_THEM + (("COACH_REPORT",) if floor.by_their_report else ())
                   + (("ESCALATE_MANAGER",) if floor.no_own_manager is not None else ()), 3)
    if floor.writer_at_fault == "mainly":
        lead(["APOLOGIZE", "REBUILD_TRUST"],
             "From what you describe, you caused much of this: owning it and putting it right comes first",
             "writer_fault")
        demote(AGAINST_THE_WRONGED + ("ESCALATE_MANAGER",), 3, "Not while the repair is yours to make", "writer_fault")
        # A complaint against the person the writer hurt is not among the steps shown at all (a red team found "go to
        # HR or make a formal complaint" fifth for a teacher who had posted a meme mocking a colleague's weight).
        demote(("HR_FORMAL", "ESCALATE_THEIR_MANAGER", "MANAGE_PERFORMANCE"), 5,
               "Not against the person you hurt: the repair is yours to make", "writer_fault")
    elif floor.writer_at_fault == "partly" and not floor.serious:
        # Experts answering writers who share the blame most often start with rebuilding trust.
        lead(["REBUILD_TRUST", "APOLOGIZE"],
             "You had a part in this: owning your share first makes whatever you do next land better",
             "writer_fault", floor.own_tendency or None)
    if floor.said_no and not floor.serious:
        romance = floor.said_no_personal
        first = ["LET_GO", "REBUILD_TRUST"] if romance else ["REBUILD_TRUST", "LET_GO"]
        lead(first, "They have said no to you, in words or by turning you away: give them room, and keep every "
             "contact friendly and about work", "rebuffed", floor.said_no)
        for s in order:  # what leads here is not also "not while the repair is yours to make"
            if s.action in first:
                s.reasons = [r for r in s.reasons if not (r.source == "safety" and r.effect == "lowers")]
        again = ("TALK_DIRECT", "APOLOGIZE", "MEDIATE", "SET_BOUNDARY")
        above = ("ESCALATE_MANAGER", "ESCALATE_THEIR_MANAGER", "HR_FORMAL")
        if romance:  # a no to a personal question is theirs to give: nothing for a manager or HR to settle
            hold(again + above, 5)
            demote(above, 5, "Nothing here for a manager or HR: a no to a personal question is theirs to give",
                   "rebuffed", floor.said_no)
        demote(again, 3, "Not now: after a no, asking again adds pressure", "rebuffed", floor.said_no)
    if floor.under_review:
        # A formal process is open, whoever is at fault: what passes between the two sides goes through it (a red
        # team found a private "sorted it out between us" talk with a team leader disciplining the writer for
        # reporting a blocked fire exit, and one with the report whose grievance a manager faced).
        own = floor.writer_at_fault != "none" and not floor.serious_to_writer
        demote(("TALK_DIRECT", "MEDIATE", "SET_BOUNDARY", "COACH_REPORT", "MANAGE_PERFORMANCE"), 3,
               "Not while a review of what you did is open: seeking out the person who raised it can count against "
               "you. Say what you would tell them in your account, or ask whoever runs the process how to pass on an "
               "apology" if own else
               "Not while a formal process about this is open: put what you need to say in writing, through the "
               "process", "under_review", floor.under_review)
        if not own:  # the process goes ahead whatever the writer lets go (red team 39: "let it go" first, ten days
            # before a bus driver's disciplinary hearing, after his union rep had passed a confidence to the manager)
            demote(("LET_GO",), 3, "Not while a formal process about you is open: it goes ahead whether or not you "
                   "let it go, so prepare your account and ask in writing for what you need", "under_review",
                   floor.under_review)
    if floor.harm_is_the_writers:
        # Reasons that speak to the target of intimidation ("letting intimidation go leaves you exposed") are not
        # said to the one who did it.
        for s in order:
            s.reasons = [r for r in s.reasons if r.signal != "severity"]
    if floor.already_left:
        # The writer no longer works there: no manager of theirs to ask, no job to leave, no working relationship
        # to mend (a red team found "ask your own manager" and "plan your way out" for a writer smeared by the
        # employer who had fired her). Not among the five shown, each saying why.
        # (with serious conduct, "let it go" stays out of the five as well, moved down with them)
        hold(NOTHING_TO_STAND_ON_AFTER_LEAVING + (("LET_GO", "WAIT") if floor.serious else ()), 5)
        demote(NOTHING_TO_STAND_ON_AFTER_LEAVING, 5, "You no longer work there, so this step has nothing left to "
               "stand on", "already_left", floor.already_left)
        # A one-to-one "from now on" talk presumes a working relationship: not the first step either (a written
        # request to stop, a formal route and a record are).
        demote(("TALK_DIRECT",), 3, "You no longer work with them, so a private talk is not the first step",
               "already_left", floor.already_left)
    if floor.co_owner:
        # A co-owner has no manager, and the writer none above them both: neither "ask your own manager" nor
        # "raise it with their manager" is among the five shown (a red team found both for 50/50 co-founders).
        demote(("ESCALATE_MANAGER", "ESCALATE_THEIR_MANAGER"), 5, "They own the business with you, so no manager "
               "stands above the two of you", "counterpart_co_owner", [])
    if floor.writer_owns:
        demote(("ESCALATE_MANAGER",), 5, "You own the business, so nobody stands above you to take it to",
               "writer_owns", floor.writer_owns)
        if not says_leaving:
            # a new job or a transfer is an employee's way out (red team 42: a clinic's owner, whose receptionist a
            # client's son was following, had "plan your way out" third)
            demote(("EXIT",), 5, "You own the business: a new job or a transfer is not the way out of this",
                   "writer_owns", floor.writer_owns)
        if not floor.hr_named:
            # nor an HR department to hand it to: a red team found a cleaning business's owner told to go to HR
            # about a client's son who cornered her cleaner
            demote(("HR_FORMAL",), 3, "You run the business and name no HR: the formal steps are yours to take, "
                   "in writing", "writer_owns", floor.writer_owns)
    if floor.owner:
        demote(("ESCALATE_THEIR_MANAGER",), 5, "They own the business, so nobody stands above them to take it to",
               "counterpart_owner", floor.owner)
    if floor.former_staff:
        demote(("ESCALATE_THEIR_MANAGER", "COACH_REPORT", "MANAGE_PERFORMANCE"), 5, "They no longer work for you: "
               "coaching, performance steps or a manager of theirs no longer reach them; what you do now is in "
               "writing, and through the police if they threaten anyone", "former_staff", floor.former_staff)
    if floor.candidate:
        demote(("ESCALATE_THEIR_MANAGER", "COACH_REPORT", "MANAGE_PERFORMANCE", "TALK_DIRECT", "MEDIATE"), 5,
               "They applied and were turned down: no manager of theirs stands above them, and a talk gives them the "
               "contact they want. One short written no, from you or your employer, and the police if they keep "
               "coming", "candidate", floor.candidate)
    if floor.settled and not (floor.serious and floor.sure) and floor.writer_at_fault == "none":
        # It has calmed down, as the writer says (red team 47: digs that stopped months ago answered "letting it go
        # will not end it", and a talk pushed on the eve of a job both apply for): a dated note, and leave it be.
        within(["DOCUMENT", "LET_GO"], 2, "It has calmed down, as you say: keep a short dated note of what happened, "
               "leave it be for now, and raise it promptly if it starts again", "settled", floor.settled)
    if floor.their_health and by.get("counterpart_role") is not None \
            and by["counterpart_role"].value == "direct_report" and not floor.serious:
        # red team 58: a cleaner who said her back could not do the mopping every night had formal performance
        # management second
        demote(("MANAGE_PERFORMANCE",), 3, "They give a health reason: hear it out, and check what assessment or "
               "adjustment is due, before any formal step", "their_health", floor.their_health)
    if floor.ignored_in_vain:
        # red team 57: a teacher whose head said "ignore it and it will die down" about a parent's posts, which were
        # getting worse, was told first to let it go
        demote(("LET_GO", "WAIT"), 2, "You have already tried ignoring it, and it has not stopped: letting it go "
               "again will not end it", "tried_ignoring", floor.ignored_in_vain)
    if floor.hr_is_them:
        # red team 47: an HR officer sidelined by the HR manager she reports to was told first to "go to HR"
        demote(("HR_FORMAL",), 3, "HR is the person this is about: take it to the one they answer to instead",
               "hr_is_them", floor.hr_is_them)
        if floor.serious:
            within(["ESCALATE_THEIR_MANAGER"], 1, "HR is the person this is about: the one they answer to is the "
                   "route", "hr_is_them", floor.hr_is_them)
    if floor.complaint_between and not floor.writer_in_hr:
        # red team 56: a report's complaint about a colleague calling her "princess" was handled as a squabble
        within(["HR_FORMAL"], 2, "One of your people has complained about another: look into it fairly and on "
               "record, with HR or your complaints procedure, before anyone is told who is right",
               "complaint_between", floor.complaint_between)
        for s in order:  # (not also the playbook's "you are the manager: this is yours to handle" against it)
            if s.action == "HR_FORMAL":
                s.reasons = [r for r in s.reasons if r.signal != "counterpart_below"]
    if floor.unknown_doer:
        # blind panel 43 and hold-58: an unsigned slur in a nurse's mailbox was answered with "talk to them privately"
        demote(("TALK_DIRECT", "SET_BOUNDARY", "MEDIATE", "APOLOGIZE", "ESCALATE_THEIR_MANAGER", "REBUILD_TRUST"), 5,
               "You do not know who did it: there is nobody to talk to or go above yet, so report what happened and "
               "keep what they left", "unknown_doer", floor.unknown_doer)
    if floor.writer_in_hr and not floor.hr_is_them:
        # blind panel 43: the one HR person of a company, written up by her supervisor, was told first to "go to HR"
        demote(("HR_FORMAL",), 3, "You are HR here: put it in writing to the person your manager answers to, and "
               "get outside advice if you need it", "writer_in_hr", floor.writer_in_hr)
    if floor.employs_at_home and not floor.writer_owns:
        demote(("ESCALATE_MANAGER",), 5, "You employ them yourself, at home: there is no manager of yours to take "
               "this to, and the decisions are yours", "employs_at_home", floor.employs_at_home)
        demote(("HR_FORMAL", "ESCALATE_THEIR_MANAGER"), 5, "A household has no HR and nobody above you: set out in "
               "writing what you expect and what happens if it goes on", "employs_at_home", floor.employs_at_home)
    if floor.household:
        demote(("ESCALATE_THEIR_MANAGER",), 5, "Nobody stands above the family you work for: the agency that placed "
               "you, or an outside adviser, is the route above them", "household", floor.household)
        their_role = by["counterpart_role"].value if "counterpart_role" in by else None
        if their_role == "manager":
            # the family is the writer's employer and the other side: "ask your own manager" is asking them again
            demote(("ESCALATE_MANAGER",), 5, "The family you work for is your employer: there is no other manager of "
                   "yours to take this to", "household", floor.household)
        elif floor.serious and their_role is not None:
            # someone else in the home (a relative, a guest): the family employs the writer and must act (red team 47:
            # a live-in nanny harassed by the father's brother had no step to tell the parents)
            within(["ESCALATE_MANAGER"], 1, "The family you work for is your employer: tell them, in writing, what has "
                   "happened in their home; keeping you safe there is theirs to act on", "household", floor.household)
    if floor.protected_need and floor.writer_at_fault != "mainly" and not floor.already_left:
        # The writer's health, disability, pregnancy or caring, in a conflict with someone above them: a request
        # or complaint in writing to HR among the first three steps (a red team found a refused adjustment for a
        # hearing loss answered with a private talk, a stated limit and "let it go").
        # Once they have already said no to the writer, asking them again in private is not the first step: the
        # written request is (a red team found a refused seat and headset answered first with "raise a one-off").
        refused = "already_raised" in by and by["already_raised"].value is True
        within(["HR_FORMAL"], 1 if refused else 3, "Your health, a disability, a pregnancy or caring for someone is "
               "part of this: a request or complaint made in writing to HR puts it on record, and the law may "
               "protect you on that ground", "protected_need", floor.protected_need)
    if floor.fault_unsure:
        # Never tell a writer they caused it on a reading too weak to act on: drop reasons that say so,
        # and keep an apology out of the first three.
        for s in order:
            s.reasons = [r for r in s.reasons if r.signal != "factor:writer_fault"]
        demote(("APOLOGIZE",), 3, "Nothing you describe clearly shows you at fault: apologise only if you see a part "
               "that was yours", "writer_fault")
    goal = by.get("goal")
    if order and order[0].action == "EXIT" and not floor.already_left and not says_leaving \
            and not (goal and goal.value == "leave"):
        # Leaving is not the first step for a writer who does not speak of it: experts led with it for 3 % of the
        # library's letters whose writer did not (101 of 3,507), against 18 % where they did (a red team found "plan
        # your way out" first for a healthcare assistant five months into the job, with a matron to go to).
        demote(("EXIT",), 1, "You do not say you want to leave: try what could change things where you are first, "
               "and keep a move for if it does not", "leaving")
    role = by["counterpart_role"].value if "counterpart_role" in by else None
    if floor.notice_given and floor.manager_is_problem \
            and role in ("manager", "skip_level") and not floor.serious and floor.writer_at_fault == "none":
        # On the way out from a boss who is the reason: a talk now costs the reference and changes little (red team 48:
        # a writer three weeks from her last day was given words to confront the boss she was leaving)
        demote(("TALK_DIRECT", "SET_BOUNDARY"), 3, "You are leaving soon: a hard conversation with the boss you are "
               "leaving risks your reference and changes little; if you want to say it, say it once, calmly, in the "
               "exit interview", "leaving")
    manages = by.get("narrator_is_manager")
    if floor.serious and by.get("counterpart_role") is not None and by["counterpart_role"].value == "customer" \
            and (floor.writer_owns or manages is not None and manages.value is True):
        # Serious conduct by someone the business serves, told by the one who runs it: formal consequences are for
        # the writer's own staff, and the one of them it was done to is not the one to discipline (red team 42: a
        # stylist grabbed by a client's husband had "formal performance management" second)
        demote(("MANAGE_PERFORMANCE",), 5, "They are someone you serve, not one of your staff: formal consequences "
               "at work are not yours to give them, and the one they harmed is not the one to discipline",
               "counterpart_role")
    if floor.under_review:
        # A process about the writer is under way: their side belongs on its record, and leaving is not the answer
        # to it unless they say so (red team 42: a cashier on a final warning had "plan your way out" second)
        within(["CLARIFY_RECORD"], 3, "A process about you is under way: your side, in writing and with the facts, "
               "belongs on the record", "under_review", floor.under_review)
        if not says_leaving:
            demote(("EXIT",), 3, "You do not say you want to leave: answer the process first", "under_review",
                   floor.under_review)
        # red team 58: a team lead with a bullying complaint against him was given half an hour with the colleague he
        # only suspected had made it
        demote(("TALK_DIRECT", "MEDIATE"), 3, "While a complaint about you is open, do not approach the person you "
               "think made it: it can look like pressure. Put your side, and any apology, through the process",
               "under_review", floor.under_review)
    if floor.appeal_open:
        # An appeal runs out: once the window closes, the outcome stands (red team 35: a written warning with seven
        # days to appeal had the appeal ranked fifth, "weak fit", below a private talk with the one who gave it).
        lead(["HR_FORMAL"], "You can still appeal, and an appeal has a deadline: it comes first, before anything "
             "that can wait", "appeal_open", floor.appeal_open)
    if floor.health_shared and floor.writer_at_fault == "none" and any(s.action == "HR_FORMAL" for s in order):
        # red team 57: a manager who told a meeting of a writer's miscarriage got "let it go" first
        lead(["HR_FORMAL"], PRIVACY_REASON, "privacy", floor.health_shared)
        hold(NOT_FOR_A_BREACH, 3)
    settle(order, holds)
    return scores_follow(order)


#: Why the formal route leads where the writer's health was shared with others at work.
PRIVACY_REASON = ("Your health was shared with others without your agreement: raise it in writing, so it is on record "
                  "and stops")
#: Steps that are no answer to a breach done to the writer: owning a part, or letting it go.
NOT_FOR_A_BREACH = ("LET_GO", "APOLOGIZE", "REBUILD_TRUST", "WAIT")


def keep_rebuilding_trust(order: list, floor: Floor, signals: dict) -> list:
    """With the writer's own mistake read by the rules (``Floor.rules_own_part``), rebuilding trust is among the
    first three (third, not first: the fault reader did not agree, and nothing here asks for an apology); its
    reason carries the writer's words (``signals``: signal name -> Signal)."""
    if not floor.rules_own_part or "REBUILD_TRUST" in [s.action for s in order[:3]]:
        return order
    evidence = signals["narrator_at_fault"].evidence
    picked = next((s for s in order if s.action == "REBUILD_TRUST"), None)
    if picked is None:
        return order
    order = [s for s in order if s is not picked]
    order.insert(2, picked)
    picked.reasons.insert(0, Reason(text="You describe a mistake of your own: steady, reliable work is what rebuilds "
                                         "trust after one", effect="raises", signal="narrator_at_fault",
                                    source="safety", evidence=evidence[:1]))
    return scores_follow(order)


def settle(order: list, holds: dict[str, int]) -> None:
    """Every held action at or below its place (``holds``: how many steps must stand above it), everything else in
    its order; in place. An order that already keeps every hold is left as it is."""
    rest = list(order)
    out: list = []
    while rest:
        free = next((s for s in rest if holds.get(s.action, 0) <= len(out)), None)
        pick = free if free is not None else min(rest, key=lambda s: holds.get(s.action, 0))
        out.append(pick)
        rest.remove(pick)
    order[:] = out


def move_below(order: list, actions, below: int) -> list:
    """Move the listed actions found among the first ``below`` to just after them (in place); returns those moved."""
    moved: list = []
    while True:  # an action moved down can bring the next listed one up into the first ``below``
        found = [s for s in order[:below] if s.action in actions and s not in moved]
        if not found:
            return moved
        moved += found
        others = [s for s in order if s not in moved]
        order[:] = others[:below] + moved + others[below:]


def scores_follow(order: list) -> list:
    """Raise scores bottom up where needed, so every later reading of a score agrees with the rank."""
    for i in range(len(order) - 2, -1, -1):
        if order[i].score <= order[i + 1].score:
            order[i].score = round(order[i + 1].score + 0.01, 3)
    return order
