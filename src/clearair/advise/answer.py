"""The short written answer that leads a report, composed offline from the reading.

A few sentences in the order a good columnist answers: first the writer's own
question (found in the letter, quoted, and answered yes / not yet / no from the
ranking, the avoid list, the verdicts on their options and the safety floor, or
acknowledged honestly when it is beyond what the engine can judge), then what is
going on, what to do first and why, what to avoid, and what to say. Every
sentence is built from the situation's facts and the ranked advice (never a
clause of the letter pasted in); a fact without clean words is left unsaid, and
a reading that is only a default ("a single incident") is said only when the
letter gives words for it. It keeps the safety floor's shape: with serious
conduct it never suggests facing the person alone, and a writer who caused the
problem is told so, kindly.
"""

from __future__ import annotations

import re

from clearair.advise.phrases import (
    FILL_SLOT, NAME_SLOT, SLOT_EVENT, SLOT_WHEN, action_title, capitalise, incident_sentence, join_words, lower_first,
    FIRST_PERSON_OBJECT, counterpart_incidents, plain_learned, sentence, told_incident, who,
)
from clearair.advise.retell import PRONOUNS, names_to_find, retold_to_writer
from clearair.advise.questions import (
    MOMENT_LINES, about_a_step, about_own_risk, action_for, alternatives, asks_for_words, asks_if_others_have,
    asks_the_channel, asks_their_motive, either_or_parts, ends_with_a_question_mark, find_questions, in_the_moment,
    ODD, WHERE_THE_LINE, WHO_TO_GO_TO, just_asks_what_to_do, main_questions, names_a_wrong, norm_feeling, points_back,
    rhetorical,
)
from clearair.advise.notes import (
    ADULT_SAFETY_NOTE, ANSWER_POSTS_OPTION, CHILD_SAFETY_NOTE, COVER_NOTE, GROOMING_NOTE, DOSE_ERROR_NOTE,
    DROWSY_NOTE, LEAVE_SAFELY_NOTE, ON_BEHALF_NOTE, POLICE_NOTE, RULES_NOTE, RULES_SEEN_NOTE, SAFETY_NOTE,
    SIGN_NOTE, TOUCH_NOTE, answers_their_posts,
)
from clearair.advise.routes import named_in
from clearair.advise.safety import FORMAL_ROUTES, RULES_OWN_PART, Floor, about_the_writer, floor_for, safe_formal_route
from clearair.advise.set_answers import Asked, set_answer
from clearair.advise.witness import only_a_witness
from clearair.extract.reading import is_question
from clearair.knowledge import load
from clearair.models import (
    NEVER_RECOMMENDED, FactorReading, OptionVerdict, Question, Reason, Recommendation, Report, Situation, Verdict,
)

#: Actions that put the writer face to face with the other side, alone (the advice's verdicts read them too).
FACE_TO_FACE = frozenset({"TALK_DIRECT", "SET_BOUNDARY", "MEDIATE"})


def floor_of(report: Report) -> Floor:
    """The safety floor as the advice saw it (none without the readers' factors)."""
    if not report.factors:
        return Floor()
    return floor_for(report.factors, report.signals, situation=report.situation)


def has_own_part(report: Report, floor: Floor | None = None) -> bool:
    """Whether the writer has something to own (``own_part``), for a finished report."""
    return own_part(floor or floor_of(report), {s.name: s for s in report.signals})


#: Signals that hold by default (nothing in the letter said otherwise): said only with the writer's words behind them.
_DEFAULT_SIGNALS = ("one_off",)


def rests_on_default(reason: Reason) -> bool:
    """A reason that rests only on a default reading ("a single incident") with no words of the writer's."""
    return bool(set((reason.signal or "").split("+")) & set(_DEFAULT_SIGNALS)) and not reason.evidence


def _why(rec: Recommendation, n: int = 2) -> str:
    """The first reasons for ``rec`` in plain words, joined ("because a and b")."""
    picked: list[str] = []
    for r in rec.reasons:
        if r.effect != "raises" or r.text.startswith("In letters like yours") or r.signal == "words":
            continue
        if rests_on_default(r):
            continue  # a reading the letter gives no words for is not said as a fact
        text = lower_first(r.text.strip().rstrip("."))
        head, colon, _ = text.partition(": ")
        if colon and len(head.split()) >= 4:  # "because it may be serious conduct", not its instruction after the colon
            text = head
        if text not in picked:
            picked.append(text)
        if len(picked) == n:
            break
    if not picked:
        return ""
    return picked[0] if len(picked) == 1 else f"{picked[0]}, and {picked[1]}"


#: What the answer and the reading say when the writer manages both sides of a quarrel.
BETWEEN_OTHERS = ("This is a conflict between people you manage, not one with you: what they need from you is a "
                  "clear lead as their manager.")


#: What a witness can do first, whatever else is advised (a blind reading of a library letter found a writer who
#: watched a colleague torn into at a meeting sent straight to HR, with notes "how he has treated me").
WITNESS_LINE = ("You saw it happen to someone else, so start with them: check in privately, tell them what you saw, "
                "and ask what would help; your account can back theirs if they take it further.")
#: ... where the writer owns the business and it was done to someone who works for them: told by them, not seen, and
#: the writer is the one who protects them (red team 40: a cleaning firm's owner whose cleaner was cornered by a
#: client's son was told "You saw it happen to someone else").
OWNER_WITNESS_LINE = ("It was done to someone who works for you, so start with them: check in privately, ask what "
                      "they need, and do not send them back there alone while you deal with it.")
#: ... where it was done to someone in the writer's care (a pupil, a patient, a resident): a child cannot "take it
#: further", and the people responsible for their safety must hear it the same day (red team 39: "start with them"
#: said of a seven-year-old).
IN_CARE_WITNESS_LINE = ("You saw it done to someone in your care, so their safety comes first: tell the person "
                        "responsible for safeguarding where you work today, in writing, with what you saw and when.")


#: Said where the letter tells of being pressed to break the rules or the law (``RULES_NOTE``): a red team's account
#: manager asked to inflate a client's figures for investors was never told not to.
PRESSED_LINE = ("Whatever else you do, do not make the change you were asked for: keep a copy of the request and a "
                "dated note of what was said.")


def _in_care_line(s: Situation) -> str:
    """``IN_CARE_WITNESS_LINE``, naming the safeguarding lead where the writer names them (red team 39)."""
    if not s.safeguarding_lead:
        return IN_CARE_WITNESS_LINE
    return IN_CARE_WITNESS_LINE.replace("where you work", f"where you work ({s.safeguarding_lead[0].text}, as you say)")


#: Everyday acts the reading may find beside someone's rule-breaking, which then say nothing true of it (red team 38:
#: "Your peer criticised your work" of a nurse seen taking drugs from the ward's stock).
_MILD = frozenset({"criticise", "fail_deliver", "overload", "exclude", "gossip", "forward"})


def _happened_again_since(report: Report) -> bool:
    """The apology came and the conduct went on after it (``assess``'s repair signal, weakened to say so): then
    "they have since apologised" would tell the writer the matter is closed."""
    repair = next((x for x in report.signals if x.name == "repair_offered"), None)
    return repair is not None and "again since" in repair.detail


def _going_on(report: Report, floor: Floor, own_part: bool) -> list[str]:
    s = report.situation
    sig = {x.name for x in report.signals}
    out: list[str] = []
    if floor.serious and floor.sure:
        acts = "you, as the employer, have" if floor.writer_owns else "an employer has"
        out.append(f"{floor.describe().capitalize()}, the kind {acts} to act on.")
    elif floor.serious:
        # An unsure reading says what it rests on, so the writer can judge it (a panel read "may be serious" over
        # a rota complaint as alarm from a few words, with nothing to check it against).
        sev = _factor(report, "severity")
        quote = " ".join(sev.evidence[0].text.split()) if sev is not None and sev.evidence else ""
        if is_question(quote) or not _SOMEONE_ELSE.search(quote):
            quote = ""  # "I'm a junior lawyer at a firm in Nairobi", a question: nothing the writer could judge by
        on = f", judging by “{quote.rstrip('.,;: ')}”" if quote and len(quote.split()) <= _MAX_QUOTED_WORDS else ""
        out.append(f"{floor.describe().capitalize()}{on}; if it is, it is the kind an employer has to act on.")
    if RULES_NOTE in report.notes:  # pressed to break the rules: what not to do comes first (red team 47)
        out.append(PRESSED_LINE)
    inc = told_incident(s)
    cp = s.party(s.counterpart)
    private = _read_from_letter(report, "audience", "private")
    said = incident_sentence(s, inc, private) if inc is not None else ""
    if s.between_others:  # the acts were between them, not at the writer: say only that
        out.append(BETWEEN_OTHERS)
    elif said and SLOT_EVENT not in said and not (s.rules_broken_seen and inc is not None and inc.act in _MILD):
        out.append(said)
    elif cp is not None and not floor.serious and (retold := _retold_for_writer(s, cp)):
        out.append(retold)  # no act the reading names: the writer's own clause, said back to them
    elif cp is not None and cp.role != "hr":  # HR is where a letter goes, rarely what it is about
        out.append(sentence(f"This is about {cp.label}"))  # no clean words for the act: say only who
    # a person it was done to, and the writer only saw it; not a writer facing a process over their own act (red team
    # 42: a teacher under investigation for holding a pupil's arm was told "start with them")
    if only_a_witness(s) and not s.rules_broken_seen and not s.under_review:
        out.append(_in_care_line(s) if s.in_care else OWNER_WITNESS_LINE if floor.writer_owns else WITNESS_LINE)
    wide = [i for i in s.incidents if i.audience.kind in ("large_group", "external") and i.actor not in (
        "narrator", "unknown", s.counterpart) and (inc is None or i.audience.kind != inc.audience.kind)]
    if wide and not s.between_others and SLOT_EVENT not in incident_sentence(s, wide[0]):
        out.append(incident_sentence(s, wide[0]))  # what many people saw, even when someone else did it
    if ("recurring" in sig or s.pattern.recurring) and not _only_an_aftermath(report):
        # "now she's pleasant", "should it recur": a blind panel marked "it keeps happening" said of what had stopped
        out.append("It happened more than once, though from what you say it has calmed down for now."
                   if s.pattern.settled else "It is not a one-off: it keeps happening.")
    elif _read_from_letter(report, "pattern", False):
        out.append("It reads as a single incident.")  # only when the letter says so, never by default
    if "repair_offered" in sig and (by := next((r.by for r in s.responses if r.kind in ("apology", "public_apology")
                                                 and r.by), None)) is not None:
        # not an apology nobody in the reading made (a patient's, a bystander's: a red team's writer was told "they
        # have since apologised" of someone who never did)
        name = "they" if by == s.counterpart else who(s, by)
        verb = "have" if name == "they" else "has"
        public = ", in front of others" if "public_repair" in sig else ""
        if _happened_again_since(report):  # "he came to my desk and apologised, but on Friday he did it again"
            out.append(sentence(f"{name} apologised{public}, but it has happened again since"))
        else:
            out.append(sentence(f"{name} {verb} since apologised{public}"))
    if floor.writer_at_fault == "mainly" and _found_from_what_happened(report, "writer_fault"):
        out.append("From what you describe, much of this started with you. That is hard to hear, "
                   "and it is also the part you can fix.")
    elif floor.writer_at_fault == "mainly":  # a reading, not a finding: said as one
        out.append("Reading your letter, you had a real part in how this started. That is hard to hear, "
                   "and it is also the part you can fix.")
    elif own_part:
        out.append("Your side had a part in it too, and owning that makes everything else easier.")
    if "leaving_soon" in sig:
        out.append("You are leaving soon, which changes what is worth taking on.")
    if floor.already_left:
        out.append("You no longer work there, so this is about protecting yourself now: your name, what you are "
                   "owed and your next job, not mending things inside.")
    return out


#: Someone other than the writer, in a sentence an unsure reading rests on: only such a sentence is quoted.
_SOMEONE_ELSE = re.compile(r"\b(?:he|she|they|him|her|them|his|their|he's|she's|they're)\b", re.I)
#: The longest span of the writer's words the answer quotes as what an unsure reading rests on.
_MAX_QUOTED_WORDS = 26


def _retold_for_writer(s, cp) -> str | None:
    names = names_to_find(cp.mentions)
    for ev in s.acts_on_writer[:3]:
        said = retold_to_writer(ev.text, names, cp.label)
        if said is not None:
            return sentence(said)
    return None


def _factor(report: Report, name: str) -> FactorReading | None:
    return next((x for x in report.factors if x.name == name), None)


def _factor_is(report: Report, factor: str, value: object) -> bool:
    """Whether a factor holds ``value``, however it was read (the rules' "you manage people" carries no words)."""
    f = _factor(report, factor)
    return f is not None and f.value == value


def _read_from_letter(report: Report, factor: str, value: object) -> bool:
    """Whether a factor holds ``value`` with the writer's words behind it (not a default or a bare guess)."""
    f = _factor(report, factor)
    return f is not None and f.value == value and f.source != "default" and bool(f.evidence)


def _found_from_what_happened(report: Report, factor: str) -> bool:
    """Set by the rules from what the letter describes (e.g. the writer's own act), not by a reader's guess."""
    f = _factor(report, factor)
    return f is not None and f.source == "rules"


#: Titles that are not an instruction, said as one.
_AS_STEP = {"MEDIATE": "ask for a facilitated joint meeting",
            "MANAGE_PERFORMANCE": "start formal performance management"}


def step(rec: Recommendation) -> str:
    """An action as an instruction, lower case ("talk to them privately, one to one"); a formal complaint where
    there is no HR department says where it goes ("make a formal complaint to the master, or …")."""
    if rec.instruction:
        return rec.instruction
    if rec.route:  # one consults an adviser; one does not file a complaint with them (red team 39)
        if rec.route.startswith("an outside adviser"):
            return f"take it to {rec.route}, who can tell you how to make a formal complaint"
        to, adviser, _ = rec.route.partition(", or an outside adviser")
        return f"make a formal complaint, in writing, to {to}" + (", or take advice from an outside adviser"
                                                                    if adviser else "")
    return _AS_STEP.get(rec.action) or lower_first(rec.title)


#: What the writer says they have already done (signal -> words said back to them), in this order.
_TRIED = {"tried_talking": "talked to them", "tried_escalating": "raised it with someone",
          "documented": "kept notes", "narrator_apologized": "apologised", "fix_in_place": "put a fix in place",
          "tried_ignoring": "tried to ignore it"}
#: A step the writer has already taken: what to add to it, so it reads as the next stage, not as news.
_AGAIN = {("DOCUMENT", "documented"): " (you already keep some: keep them going, factual, with who saw what)",
          ("HR_FORMAL", "tried_escalating"): ", in writing, and ask what happens next",
          ("ESCALATE_MANAGER", "tried_escalating"): ", this time in writing, with the dates and what you need "
                                                     "them to do",
          ("TALK_DIRECT", "tried_talking"): " once more, this time saying plainly what has to change",
          ("SET_BOUNDARY", "tried_talking"): ", plainly this time, with what you will do if it continues",
          ("APOLOGIZE", "narrator_apologized"): ", and let changed behaviour follow the apology you have made"}


#: How sure the readers must be that the writer already raised it (with them, or above them) before the answer
#: says the next step as a second go ("…, this time in writing").
TRIED_CONFIDENCE = 0.7


def _tried(report: Report) -> set[str]:
    """What the writer has already done: the rules' signals, and what the readers read with confidence and words
    behind it (a blind panel marked "ask your manager for help" said as news, to a writer who had, as a dodge)."""
    done = {s.name for s in report.signals}
    for factor, signal in (("already_escalated", "tried_escalating"), ("already_raised", "tried_talking")):
        if _read_from_letter(report, factor, True) and _confident(report, factor, TRIED_CONFIDENCE) \
                and (signal != "tried_talking" or _a_talk_with_them(report, _factor(report, factor))):
            done.add(signal)
    return done


def _a_talk_with_them(report: Report, raised: FactorReading | None) -> bool:
    """The sentence behind "you already raised it with them" tells of the writer's own talk, and not with someone
    else (red team 38: "He'll say 'I built the caching layer'", and "I raised it with our engineering manager", had
    the answer say to talk to the colleague "once more", to a writer who never had)."""
    if raised is None or not raised.evidence or not about_the_writer(raised):
        return False
    ev = raised.evidence[0]
    cp = report.situation.party(report.situation.counterpart)
    return cp is None or named_in(cp, ev.start, ev.end) or not any(
        named_in(p, ev.start, ev.end) for p in report.situation.parties if p.id != cp.id)


def step_for(report: Report, rec: Recommendation) -> str:
    """``step``, said as the next stage of something the writer has already done."""
    done = _tried(report)
    said = step(rec)
    more = next((more for (action, signal), more in _AGAIN.items() if action == rec.action and signal in done), "")
    if "in writing" in said:  # "make a formal complaint, in writing, to the ward manager": not said twice
        more = more.replace(", in writing", "").replace(", this time in writing", ", this time")
    return said + more


def _best_step(report: Report, reasons: int = 2) -> str:
    """ "The best first step: x, because y." """
    first = report.recommendations[0]
    # The answer says once, in its own sentence, that the conduct is serious; the step's "because" gives the other
    # reason (a red team counted "serious conduct" three times in one short answer).
    why = _SERIOUS_FIRST.sub("", _why(first, reasons), count=1)
    return sentence(f"The best first step: {step_for(report, first)}" + (f", because {why}" if why else ""))


_SERIOUS_FIRST = re.compile(r"^what you describe (?:is|may be) serious conduct, and ")


def _acknowledge(report: Report, floor: Floor) -> list[str]:
    """One sentence that shows the letter was heard, chosen from the reading (never a stock opener)."""
    sig = {s.name for s in report.signals}
    health = _read_from_letter(report, "health", True) and _confident(report, "health", HEALTH_CONFIDENCE)
    if floor.writer_at_fault == "mainly":
        return ["It takes something to look hard at your own part, and you are doing that."]
    if floor.by_their_report:
        return ["This is a hard spot to be in: it is yours to act on as their manager, and you should not do it alone."]
    if floor.serious and floor.sure:
        return ["I'm sorry you are dealing with this: nobody should have to put up with it at work."]
    if floor.serious:
        return ["I'm sorry you are dealing with this."]
    if health or "fragility" in sig or "strain" in sig:
        return ["This is clearly wearing you down, and that matters as much as the rest."]
    if ("recurring" in sig or report.situation.pattern.recurring) and "low_support" in sig:
        return ["Dealing with this again and again, without much backing, is exhausting."]
    return []


#: How sure the learned health reader must be before the answer says the situation is wearing the writer down.
HEALTH_CONFIDENCE = 0.6


def _confident(report: Report, factor: str, bar: float) -> bool:
    f = _factor(report, factor)
    return f is not None and (f.source == "rules" or f.confidence >= bar)


def _already_done(report: Report) -> list[str]:
    """What the writer has already tried, said back, so the advice builds on it instead of repeating it."""
    tried = _tried(report)
    done = [words for name, words in _TRIED.items() if name in tried]
    if not done:
        return []
    return [sentence(f"You have already {join_words(done)}, so what comes next builds on that")]


def _constraints(report: Report) -> list[str]:
    kinds = {c.kind for c in report.situation.constraints}
    if "needs_job" in kinds and "leaving_soon" not in {s.name for s in report.signals}:
        return ["Because you need this job, keep your own work solid and your options quietly open while you act."]
    return []


def _first_step(report: Report, floor: Floor, said_first: bool = False, fallback: list[str] | None = None) -> list[str]:
    """The best first step (unless an answer already said it), then ``fallback`` (``_fallback``, left out
    to make room), and the safety line when the conduct is serious."""
    if not report.recommendations:
        return []
    out = [] if said_first else [_best_step(report)]
    if not floor.serious and _talk_with_a_boss_at_odds(report):
        out.append(_WITH_A_RECORD)
    out += fallback or []
    if floor.by_their_report and floor.employs_at_home:  # a household has no HR (red team 61)
        out.append("Do not settle it with a quiet word on your own: write down what you saw, and take advice before "
                   "you meet them, with someone else present.")
    elif floor.by_their_report:
        out.append("Do not settle it with a quiet word on your own; bring HR in before you meet them.")
    elif floor.serious and floor.writer_owns and not floor.hr_named:  # the writer is the one with the authority
        out.append("You run the business, so dealing with them is yours to do: in writing or with someone beside you, "
                   "never alone, and keep whoever it was done to away from them meanwhile.")
    elif floor.serious and any(r.route for r in report.recommendations):  # no HR department to turn to
        out.append("Do not go to the person on your own; let someone with the authority to act, or an outside "
                   "adviser, handle the contact.")
    elif floor.serious:
        out.append("Do not go to the person on your own; let HR or a manager you trust handle the contact.")
    return out


#: Said before a private talk with a boss the reading finds is part of the problem or has turned on the writer: blind
#: panels 26 and 27 marked a bare "talk to them privately" to a supervisor who lied about the writer, and to a
#: headmaster who undermined her, as unsafe. The experts in the library mostly do advise that talk first (a floor
#: rule that put notes first cost 0.7 to 6 points of top-1 out of fold), so the step stays and the words protect.
_WITH_A_RECORD = ("Before you talk to them, write down what happened, with dates, and keep copies: with a boss who is "
                  "part of the problem, go in with a record, keep it short and factual, and confirm what was agreed "
                  "in a brief email afterwards.")


def _talk_with_a_boss_at_odds(report: Report) -> bool:
    """The first step is a private talk with the writer's own boss, whom the reading finds part of the problem or
    turning on the writer."""
    cp = report.situation.party(report.situation.counterpart)
    first = report.recommendations[0].action if report.recommendations else None
    own = _factor(report, "own_manager")
    payback = _factor(report, "retaliation")
    return first == "TALK_DIRECT" and cp is not None and cp.role in ("manager", "skip_level") and (
        (own is not None and own.value == "is_the_problem") or (payback is not None and payback.value is True))


def _fallback(report: Report, floor: Floor, own_part: bool, covered: frozenset[str] = frozenset()) -> list[str]:
    """The step for if the first is not enough: never an apology from a wronged writer, never a face-to-face
    step with serious conduct, and none the answer to the writer's question has already placed ("Yes, as your next
    step: … First, …" then "If that is not enough, <the same step>" read as going round in a circle)."""
    for nxt in report.recommendations[1:3]:
        if nxt.action in covered:
            return []
        if nxt.action == "APOLOGIZE" and not own_part:
            continue  # never ask a wronged writer to apologise
        if floor.serious and nxt.action in FACE_TO_FACE:
            continue
        if nxt.action in _STEPPING_BACK:  # "If that is not enough, let it go" reads as a brush-off
            return [sentence(f"If that changes nothing, it is also a fair choice to {step_for(report, nxt)}")]
        if nxt.action in _ALONGSIDE:  # notes come before and beside a complaint, not after it fails (red team 55)
            return [sentence(f"Alongside it, from today, {step_for(report, nxt)}")]
        return [sentence(f"If that is not enough, {step_for(report, nxt)}")]
    return []


#: Second steps that go with the first rather than after it: a dated record.
_ALONGSIDE = frozenset({"DOCUMENT"})
#: Second steps that step back rather than press on: offered as a choice, not as the next push.
_STEPPING_BACK = frozenset({"LET_GO", "WAIT", "SELF_CARE", "EXIT"})


def _avoid(report: Report, covered: set[str] | None = None) -> list[str]:
    """One thing not to do (one the writer is weighing, first), unless the answer to their question said it."""
    left = [a for a in report.avoid if a.action not in (covered or set())]
    if not left:
        return []
    named = {o.action for o in report.situation.options}
    pick = next((a for a in left if a.action in named), left[0])
    # "Not now: raise it with their manager" read as advice to raise it; say plainly it is a step to hold off on.
    lead = "What to avoid" if pick.action in NEVER_RECOMMENDED else "One step to hold off on for now"
    return [sentence(f"{lead}: {lower_first(pick.title)}"), sentence(pick.why)]


def _first_line(text: str) -> str:
    """The first spoken sentence of a script, without its quotation marks."""
    for line in text.splitlines():
        line = line.strip().strip('"“”')
        greeting = line.endswith(",") and len(line) < 40
        # "What happened, in my words:" only opens the lines below it, which are the writer's own sentences (red team 34)
        heading = line.endswith(":") or line.startswith("- ")
        # a line with a slot is the writer's to finish, not one to quote as what to say
        if line and not greeting and not heading and not line.lower().startswith(("subject:", "1.")) \
                and not FILL_SLOT.search(line):
            said = [x for x in re.split(r"(?<=[.?!])\s", line) if x and not _SMALL_TALK.search(x)]
            if said:
                return said[0]
    return ""


#: Sentences that only open a conversation ("Hi Sam, have you got fifteen minutes?"): not worth quoting.
_SMALL_TALK = re.compile(r"^(?:hi|hello|hey)\b|have you got (?:fifteen|half an hour|a minute)|could we find \d+ minutes|"
                         r"^there's something I'd like to talk through|"
                         r"a quick word\.?$", re.I)


def _say(report: Report) -> list[str]:
    top = [r.action for r in report.recommendations[:3]]
    data = load("scripts")
    lines = data.get("answer_say", {})
    if any(s.name == "repair_offered" for s in report.signals):
        lines = {**lines, **data.get("answer_say_after_apology", {})}
    if top and top[0] in lines:
        return [sentence(lines[top[0]])]
    for action in top:
        script = next((s for s in report.scripts if s.action == action), None)
        if script is not None:
            who = f" to {script.to}" if script.to else ""
            gaps = [x for x in script.fill_in if not NAME_SLOT.fullmatch(x)]
            if gaps == [SLOT_WHEN]:  # the note tells what happened in the writer's sentences; only when is missing
                return [f"Words to say{who} are below, built from your own words; add the dates."]
            if gaps:  # the act is the writer's to put in words
                return [f"Words to say{who} are below, with a gap for what happened in your own words."]
            line = _first_line(script.text)
            return [f"What to say{who}: “{line}” The full words are below."]
    return []


def compose(report: Report) -> str:
    """A few plain sentences that answer the letter, opening with the writer's own question when
    they ask one; empty when there is no advice."""
    if not report.recommendations:
        return ""
    floor = floor_of(report)
    own_part = has_own_part(report, floor)
    # "What should I do?" said back to the writer adds nothing: the answer opens with what is going on instead.
    asked = [q for q in report.questions if q.answer and (not just_asks_what_to_do(q.text)
                                                          or _THE_CUSTOMER_TOO.answer in q.answer)]  # "…both?"
    top = report.recommendations[0]

    def says_first_step(q: Question) -> bool:
        return q.action == top.action and q.verdict in ("yes", "first step") or step(top) in q.answer or \
            step_for(report, top) in q.answer or q.answer.startswith(NOT_THEM_AGAIN) or \
            q.answer == _REPLY_TO_CUSTOMER.answer and top.action in _A_REPLY_IS  # the reply is the talk with them

    # a kind word on why they did it, or on others who went through it, comes after the answer to what to do
    asked.sort(key=lambda q: q.answer.startswith((_THEIR_MOTIVE, _OTHERS_HAVE)))
    said_first = any(says_first_step(q) for q in asked)
    answered = [f"{_asked(q, i)}: “{_quoted(_with_the_step(q, report))}” {q.answer}" for i, q in enumerate(asked)]
    harmless = any(q.answer == HARMLESS for q in asked)
    if harmless:
        said_first = True  # harmless habits: no "best first step" to act on beside "nothing you need to say"
    if asked and not said_first:  # the answer to "what instead?" follows straight on
        answered.append(_best_step(report, 1))  # one reason: the question already took some words
        said_first = True
    covered: set[str] = {q.action for q in asked if q.action}
    # The extras that make it read as an answer to this letter go first when it runs long: the
    # writer's constraint, then the acknowledgement, then what they already tried (said back, it is
    # theirs and keeps the next step from sounding like news); then the list of
    # what to avoid, then the step for if the first is not enough, and last the answers to all but
    # the writer's first question (what they asked matters more than what clearair would add).
    extras = {"acknowledge": _acknowledge(report, floor), "done": _already_done(report),
              "constraint": _constraints(report), "avoid": _avoid(report, covered), "answered": answered,
              "fallback": _fallback(report, floor, own_part, frozenset(covered))}
    situation, say = _going_on(report, floor, own_part), _say(report)  # these stay whatever gives way
    if any(q.answer.endswith(_WORDS_BELOW) for q in asked):
        say = []  # the words were the answer to the writer's own question: not said twice
    if harmless:  # nothing to say to them: no words, no "if that is not enough"
        say, extras["fallback"] = [], type(extras["fallback"])()
    went_past = any(q.answer.startswith(NOT_THEM_AGAIN) for q in asked)
    if went_past:
        say = []  # "Not them again: raise it with their manager": no words for a talk with them beside it
    answer = ""
    for drop in (None, "constraint", "acknowledge", "done", "avoid", "fallback", "answered"):
        if drop == "answered" and (len(answer.split()) <= ANSWER_WORDS + QUESTION_WORDS * (len(asked) - 1)
                                   or len(asked) == 1):
            break  # every extra has given way; the writer's own questions stay while each adds no more than its share,
            # and their one question always stays (red team 41's "Is this retaliation?" had gone, answer and all)
        if drop == "answered" and len(asked) > 1:  # the first question, and the first step if it said it
            extras["answered"] = answered[:1] + ([] if says_first_step(asked[0]) else [_best_step(report, 1)])
        elif drop:
            extras[drop] = []
        going_on = " ".join(extras["acknowledge"] + situation + extras["done"])
        steps = [p for p in _first_step(report, floor, said_first, extras["fallback"])
                 if not (went_past and p == _WITH_A_RECORD)]
        to_do = " ".join(p for p in steps + extras["avoid"] + extras["constraint"] + say if p)
        answer = "\n\n".join(p for p in (" ".join(extras["answered"]), going_on, to_do) if p)
        if len(answer.split()) <= ANSWER_WORDS:
            break
    heard = HEARD_FIRST if report.situation.venting and not floor.serious else ""
    return "\n\n".join(p for p in (_health_first(report), heard, answer) if p)


#: Said first where the writer says they only want to be heard (``Situation.venting``), unless the conduct is serious:
#: red team 49's vent about a coworker's credit-taking, from a writer leaving in three months, opened with a talk.
HEARD_FIRST = ("You said you mostly wanted to get this off your chest, and that is fair: what you describe would wear "
               "anyone down. Nothing below has to be done; it is there in case you change your mind.")


#: Said before anything else where someone in the writer's care may have had the wrong dose (``DOSE_ERROR_NOTE``):
#: red teams 42 and 43 found a complaint route first and no word on the person's health.
HEALTH_FIRST = ("Before anything else, today: make sure a doctor (the GP or the doctor on call) knows exactly what "
                "was given or missed, and when, so the person can be checked, and that it is written up as an "
                "incident; if the one in charge will not call, call yourself.")


#: ... and where the writer nearly fell asleep driving (``DROWSY_NOTE``; red team 44 found "let it go" offered).
DROWSY_FIRST = ("Before anything else: nearly falling asleep at the wheel is a danger to you and others. Do not drive "
                "that tired, and see a doctor; then tell whoever sets your hours, in writing, that the workload now "
                "affects your safety.")


#: ... and where a young child was left alone or put at risk (``CHILD_SAFETY_NOTE``; blind panel 38).
CHILD_FIRST = ("Before anything else: the child's safety comes first. If they may have been hurt or become unwell, "
               "have them checked today, and make the rule plain, in writing, with what follows if it is broken again.")


#: ... and where an adult someone cares for may have been held or hurt (``ADULT_SAFETY_NOTE``; red team 61).
ADULT_FIRST = ("Before anything else: the person being cared for comes first. Photograph and date any marks, have a "
               "doctor look at them, and keep them from being alone with the person you are worried about while you "
               "find out more; the council's adult safeguarding team will advise you.")


#: ... and where an adult contacts children in secret (``GROOMING_NOTE``; red team 62).
GROOMING_FIRST = ("Before anything else: this is a child-safeguarding concern. Do not confront them and do not wait "
                  "for proof: tell the safeguarding or welfare lead, or if there is none or they are close to the "
                  "person, the governing body, children's services or the police, and tell the child's parent.")


#: ... and where menacing words say where or when the writer can be found (``LEAVE_SAFELY_NOTE``; red team 49).
SAFE_HOME_FIRST = ("Before anything else, today: do not leave on your own. Ask someone to walk you out or wait with "
                   "you, write down the exact words while you remember them, and report the threat to the police.")


#: ... and where a colleague asks the writer to log them in or cover for them (``COVER_NOTE``; red team 50).
COVER_FIRST = ("Before anything else: stop logging them in or covering for them, from today. It is your login and your "
               "word on the record, so it is you who would answer for it.")


def _health_first(report: Report) -> str:
    """``HEALTH_FIRST`` when the letter tells of a medication error for someone in the writer's care, ``DROWSY_FIRST``
    when the writer nearly fell asleep driving, ``SAFE_HOME_FIRST`` when a threat says where to find them."""
    return HEALTH_FIRST if DOSE_ERROR_NOTE in report.notes else DROWSY_FIRST if DROWSY_NOTE in report.notes \
        else CHILD_FIRST if CHILD_SAFETY_NOTE in report.notes else \
        ADULT_FIRST if ADULT_SAFETY_NOTE in report.notes else \
        GROOMING_FIRST if GROOMING_NOTE in report.notes else \
        SAFE_HOME_FIRST if LEAVE_SAFELY_NOTE in report.notes else COVER_FIRST if COVER_NOTE in report.notes else ""


#: The written answer's length, in words, before the extras give way (a short answer is read).
ANSWER_WORDS = 160
#: What each further question the writer asks may add to that length once every extra has given way: their questions
#: matter more than what clearair would add, and one left unanswered reads as missed ("what do I say when she curses
#: at me?").
QUESTION_WORDS = 60


#: Words that tell of time after one event, not of the act repeated: "since then I've been frightened", "I still
#: think about it" (a blind panel's reader saw "it keeps happening" said of one thrown stapler).
_AFTERMATH = frozenset({"since then", "ever since", "since", "still", "now", "since that day", "after that"})


def _only_an_aftermath(report: Report) -> bool:
    """The only words behind the pattern tell of time after one event (``_AFTERMATH``)."""
    words = [e.text for e in report.situation.pattern.evidence] + [
        e.text for x in report.signals if x.name == "recurring" for e in x.evidence]
    return bool(words) and all(w.strip(" ,.").lower() in _AFTERMATH for w in words)


def _asked(q: Question, i: int) -> str:
    """ "You asked" for a question; "You wrote" for a statement that asks ("I don't know what to do.")."""
    verb = "asked" if ends_with_a_question_mark(q.text) else "wrote"
    return f"You {verb}" if i == 0 else f"You also {verb}"


def _with_the_step(q: Question, report: Report) -> str:
    """The question as quoted back: "Should I do that?" takes the step it points at with it, so the answer's first
    word ("No:") says what it is about."""
    option = _option_asked_about(q, report) if points_back(q.text) else None
    if option is None or _overlaps(q, option):
        return q.text
    said = option.option.rstrip(" ,;:")
    return f"{said}{'' if said[-1:] in '.?!' else '.'} {q.text}"


def _quoted(text: str) -> str:
    """The writer's words, marked where they were cut."""
    text = " ".join(text.split())
    text = text if text[-1:] in ".?!…\"'”’" else text + "…"
    return text if text[:1].isupper() or not text[:1].isalpha() else "…" + text


# --- the writer's questions -------------------------------------------------------------------

_CANNOT_JUDGE = {
    "legal": "Whether that is legal where you are depends on local law and your contract, which clearair "
             "cannot judge; an employment adviser or a union rep can. Until you know, ask for the request and its "
             "reason in writing, and do not hand anything over or sign anything on the spot.",
    "money": "The money side is your call, and clearair cannot weigh it for you.",
    "gift": "Whether to accept it depends on your employer's rules on gifts, which clearair cannot see; "
            "check them first.",
}


#: A question about handling serious conduct by someone the writer manages, whatever its detail.
_AS_THEIR_MANAGER = ("As their manager this is yours to act on, formally: bring in HR (or an outside HR adviser if "
                     "you have none), look into it properly before deciding anything, and keep a dated record; they "
                     "can advise on the detail of this question too.")

_THE_CUSTOMER_TOO = set_answer("customer_too")
_REPLY_TO_CUSTOMER = set_answer("reply_to_customer")
#: First steps a written reply to the customer carries out: saying it to them, a limit, an apology.
_A_REPLY_IS = frozenset({"TALK_DIRECT", "SET_BOUNDARY", "APOLOGIZE", "REPAIR_EXTERNAL"})


#: "What do I do about both of them?": the other side and someone else the letter names.
_BOTH = re.compile(r"\b(?:both of them|the two of them|them both|both)\s*\?", re.IGNORECASE)


def owes_a_reply(question: str, situation: Situation) -> bool:
    """"How should I reply?" (``knowledge/answers.yaml``, reply_to_customer) where the other side is a customer or
    client the writer serves: the reply is the step. The pipeline reads it before the advice is ranked, and the
    answer to the question reads it again."""
    them = situation.party(situation.counterpart) if situation.counterpart else None
    return them is not None and them.role == "customer" and _REPLY_TO_CUSTOMER.asked(question)


def _a_customer_beside(report: Report) -> bool:
    """A customer is among the people the letter names, beside the other side."""
    return any(p.role == "customer" and p.id != report.situation.counterpart for p in report.situation.parties)


def _not_about_the_customer(report: Report) -> bool:
    """The other side is someone other than the customer the question also asks about."""
    cp = report.situation.party(report.situation.counterpart)
    return cp is not None and cp.role != "customer"


#: The answer to a second question that would repeat the first one's words.
_SAME_AGAIN = {"not yet": "Not yet either, for the same reason.", "no": "No, for the same reason.",
               "yes": "Yes, for the same reason."}


def ask(report: Report, text: str, original: str | None = None, questions: list[Question] | None = None) -> Report:
    """Find the writer's questions in ``text`` (their own words, replies blanked), unless the caller already found
    them (``questions``), answer the main ones from what the advice already decided, and let the written answer open
    with them."""
    report.questions = questions if questions is not None else find_questions(text, original)
    if report.recommendations:
        floor = floor_of(report)
        owns = has_own_part(report, floor)
        said: set[tuple[str | None, str]] = set()
        given: set[str] = set()
        for q in main_questions(report.questions):
            verdict, text = answer_question(q, report, floor, owns)
            if HARMLESS in given and _SAY_ANYTHING.search(q.text):  # "Is this weird? … Should I say anything?"
                verdict, text = "no", "No need: from what you describe, there is nothing you need to say."
            if (_THE_CUSTOMER_TOO.asked(q.text) or _BOTH.search(q.text) and _a_customer_beside(report)) \
                    and _not_about_the_customer(report) and not floor.serious:
                # "What should I do with Gary and with the customer?": the second half answered too (red team 50)
                text = f"{text} {_THE_CUSTOMER_TOO.answer}".strip()
            if (q.action, verdict) in said and q.action:
                continue  # the same step asked twice in other words: one answer is enough
            said.add((q.action, verdict))
            if text in given:  # two steps, one reason ("not yet: first ..."): say it once, then refer to it
                text = _SAME_AGAIN.get(verdict, "The same answer holds here, for the same reason.")
            given.add(text)
            q.verdict, q.answer = verdict, text
    for q in report.questions:  # the rest, where a plain answer follows from the report itself
        if not q.answer and ends_with_a_question_mark(q.text) and not just_asks_what_to_do(q.text):
            q.answer = _plain_answer(q, report)
    # A question about what a step may cost the writer, or about what to say in the moment, is answered as such:
    # not also judged as a course of action ("Recommended: Could this hurt me if I report it", "Not advised: do I
    # say when he comments on my weight in front of everyone").
    answered_apart = [q for q in report.questions if about_own_risk(q.text) or in_the_moment(q.text)]
    report.option_verdicts = [v for v in report.option_verdicts if not any(_overlaps(q, v) for q in answered_apart)]
    report.offline_answer = compose(report)
    return report


#: A question asking when: "If I do, when?", "When should I raise it?", "when is the best time?".
_ASKS_WHEN = re.compile(r"(?:^|[,;]\s*)when\s*\?|\bwhen (?:should|do|would|could|can) I\b|\bwhen is (?:the )?(?:best|right|"
                        r"good) (?:time|moment)\b|\bwhat(?:'s| is) the (?:best|right) (?:time|moment)\b", re.I)


#: Words for facing the person harming the writer: one short line, no private meeting, and a record after.
_WORDS_NOT_ALONE = ("If they bring it up with you, keep to one short, calm line and do not argue it out: “I'm not "
                    "going to discuss this now; I'll put it in writing.” Then write down what was said and when. Do "
                    "not meet them alone about it: the words under “Words to use” below are for the people who can "
                    "act on it.")
def _harmed_by_them(floor: Floor) -> bool:
    """Whether words for the other side would be words for someone harming the writer (serious conduct, or their
    manager is the problem): then one short line and no private meeting (``_WORDS_NOT_ALONE``)."""
    return floor.serious or floor.manager_is_problem


#: Why someone did it: only they know, and the steps do not hang on it.
_THEIR_MOTIVE = ("Only they can say for sure, and guessing at someone's reasons tends to harden a conflict. The steps "
                 "here do not depend on why; judge by what they do from now on.")
_ASK_ONCE = " If it still matters to you, ask them once, calmly, what they meant by it."
#: Whether others have been through it: they have, and the steps draw on what they were told.
_OTHERS_HAVE = ("You are far from the first: situations like this come up often, and the steps here are drawn from "
                "what advisers told people in them.")


def _plain_answer(q: Question, report: Report) -> str:
    """A short answer to a question the main answer did not take up, where the report already holds it: the words
    below for "what do I even say?", a calm private moment for "If I do, when?", and the verdict on an option the
    question names (red team 64: each was met with "no answer of its own"); and, for a question that only vents,
    a kind word on why someone did it, or on whether others have been through it (blind panel 47), else nothing."""
    floor = floor_of(report)
    if asks_their_motive(q.text):
        return _THEIR_MOTIVE + ("" if floor.serious else _ASK_ONCE)
    if rhetorical(q):
        return ""
    if asks_if_others_have(q.text):
        return _OTHERS_HAVE
    if asks_for_words(q.text) and report.scripts and _harmed_by_them(floor):
        # The words below are for the people who can act, and the floor says not to face them alone: never "say it
        # calmly and in private" to the person harming the writer (red team 65).
        return _WORDS_NOT_ALONE
    if asks_for_words(q.text) and report.scripts:
        return ("The words under “Words to use” below are written for that: put them in your own voice, keep to one "
                "example and one request, and say it calmly and in private.")
    if _ASKS_WHEN.search(q.text) and not floor.serious:
        return ("Soon, and at a calm, private moment: not in the heat of it, not in front of others, and not at the "
                "end of a bad day.")
    verdict = next((v for v in report.option_verdicts if _overlaps(q, v) and v.reason), None)
    if verdict is not None:
        return f"{verdict.verdict.capitalize()}: {verdict.reason[0].lower() + verdict.reason[1:]}"
    return ""


def _overlaps(q: Question, v: OptionVerdict) -> bool:
    return any(a.start < b.end and b.start < a.end for a in q.evidence for b in v.evidence)


_NEAR = 40  # characters between an option and a question pointing back at it: the rest of its sentence, no more


#: "Which is better?", "Which would you do?", "Which option is wiser?": a choice between the steps just named.
_WHICH = re.compile(r"^\s*which\b[^?]{0,50}\?\s*$|\bwhich (?:one|option|route|path|of (?:these|the two|them|those|the options))\b|"
                    r"\bwhat(?:'s| is) the (?:better|best|wiser) (?:option|choice|route|course)\b", re.I)


def which_of(text: str) -> bool:
    """A question that asks to choose between steps named before it (``_WHICH``)."""
    return bool(_WHICH.search(text))


_IN_PERSON = ("In person if you can, somewhere private: tone carries in a conversation and gets lost in a message. A short "
              "message first, asking for ten minutes, is fine; keep a written note of what you agreed afterwards.")
_IN_PERSON_APOLOGY = ("In person if you can, somewhere private: an apology said face to face shows you mean it. A short "
                      "message first, asking for a few minutes, is fine; a written apology alone can read as a way to "
                      "avoid the conversation.")


#: A writer asking whether to change their own ways: "Should I be trying harder to be a team player?", "Do I really need
#: to work on teamwork?", "Should I tone it down?"
_SELF_CHANGE = re.compile(r"\b(?:try(?:ing)? (?:harder|more) to|work(?:ing)? on (?:my|being|teamwork|the way I|how I)|"
                          r"be (?:more|less) (?:of a )?[a-z-]+|change (?:my|how I|the way I)|tone (?:it|myself|things) down|"
                          r"improve (?:my|how I)|work on (?:it|this|that) myself)\b", re.IGNORECASE)


def _two_named(text: str) -> bool:
    """The question weighs exactly two things: "A or B?", not "A, B or C?" nor "A, or B, or C?" (red team 33 found
    "Of the two" said to a four-way choice); a question that names none itself ("Which is better?", after two steps
    the letter weighed) is left to the steps found."""
    parts = either_or_parts(text)
    if len(parts) == 1:
        return True
    if len(parts) != 2:
        return False
    frames = list(re.finditer(r"\b(?:whether|should I|do I|could I|can I|would I)\b", parts[0], re.IGNORECASE))
    return "," not in parts[0][frames[-1].end():] if frames else "," not in parts[0]


def _named_alternatives(text: str, report: Report) -> list[str]:
    """The courses an either/or question weighs where its halves name people, not steps: "Do I take this to Kay, or
    talk to Dennis myself, or is this an HR thing?" is asking the writer's manager, talking to the other side, or HR
    (red team 32 found only the HR half answered). Each half by its words (``action_for``), else by whose name it
    holds; [] unless two or more different courses are found."""
    s = report.situation
    found = []
    for part in either_or_parts(text):
        action = action_for(part)
        if action is None:
            party = next((p for p in s.parties for m in p.mentions
                          if m[:1].isupper() and " " not in m and re.search(rf"\b{re.escape(m)}\b", part)), None)
            if party is not None:
                action = ("TALK_DIRECT" if party.id == s.counterpart else "HR_FORMAL" if party.role == "hr" else
                          "ESCALATE_MANAGER" if party.role == "manager" else None)
        if action is not None:
            found.append(action)
    return list(dict.fromkeys(found)) if len(set(found)) >= 2 else []


def _weighed_before(q: Question, report: Report) -> list[str]:
    """The steps the writer weighs before a "which is better?" question, as actions (two or more, else [])."""
    start = q.evidence[0].start if q.evidence else 0
    named: list[str] = list(dict.fromkeys(v.action for v in report.option_verdicts
                                          if v.action and v.evidence and v.evidence[0].start < start))
    return named if len(named) >= 2 else []


def _option_asked_about(q: Question, report: Report) -> OptionVerdict | None:
    """The option the question is about: the one it names, or, for a short question that points back ("Should I
    do that?"), the option the writer named just before it."""
    named = next((v for v in report.option_verdicts if _overlaps(q, v) and v.action), None)
    if named is not None or not q.evidence or not points_back(q.text):
        return named
    start = q.evidence[0].start
    before = [(start - e.end, v) for v in report.option_verdicts if v.action for e in v.evidence
              if 0 <= start - e.end <= _NEAR]
    return min(before, key=lambda gap_v: gap_v[0])[1] if before else None


def _against(reason: str) -> str:
    """The "Against it: …" part of a verdict's reason, in plain words (empty when there is none)."""
    m = re.search(r"Against it: ([^.]+)", reason)
    return plain_learned(m.group(1).strip()) if m else ""


#: A question asked the other way round ("would it be wrong to report him?", "should I avoid him?"):
#: a bare "Yes" or "No" would read as the opposite of what is meant, so the answer names the step.
_NEGATIVE_FRAME = re.compile(r"\b(?:wrong|bad idea|a mistake|too late|avoid|not|never|shouldn't|should not|don't|"
                             # "Am I being stupid to keep going with it?": a bare "Yes" would say they are
                             r"stupid|silly|daft|naive|na\u00efve|an idiot|mad to|crazy to|"
                             r"do not|stop|refuse|overkill|over the top|too (?:heavy-handed|heavy handed|harsh|much|far|"
                             r"strong|aggressive|extreme|soon|formal|drastic|petty|confrontational))\b", re.I)
#: First steps that close the matter rather than lead to another: a step "after" them is for if it happens again.
_CLOSING_STEPS = frozenset({"LET_GO"})
_PLAIN_LEADS = (("Yes, as your next step", "a good next step"), ("Yes", "yes, that is the right step"),
                ("Not yet", "not yet"), ("Not now", "not now"), ("No", "not advised"))


def answer_question(q: Question, report: Report, floor: Floor, own: bool) -> tuple[Verdict, str]:
    """(verdict, one or two sentences) for the writer's question; a question asked the other way
    round gets the step named instead of a bare yes or no."""
    verdict, text = _answer_question(q, report, floor, own)
    if verdict in ("yes", "no") and len(either_or_parts(q.text)) > 1:
        # "Do I tell Gillian it was me, or go to Ewan first?": a choice is not answered "Yes" (red team 33)
        for lead in ("Yes: ", "Yes, ", "No: ", "No, "):
            if text.startswith(lead):
                text = text[len(lead)].upper() + text[len(lead) + 1:]
                break
        verdict = "first step"
    rec = next((r for r in report.recommendations if r.action == q.action), None)
    if q.kind != "yes_no" or not _NEGATIVE_FRAME.search(re.sub(r"\bor not\b", "", q.text)):
        return verdict, text
    if rec is None:  # a step no recommendation names: the lead in words that cannot be read the wrong way round
        # (red team 41: "Is that a bad idea?" about a reply-all was answered "No: … makes you the story")
        for lead, plain in (("No", "It is not advised"), ("Yes", "It is worth doing")):
            if text.startswith(lead) and text[len(lead):len(lead) + 1] in (":", ","):
                return verdict, f"{plain}{text[len(lead):]}"
        return verdict, text
    for lead, plain in _PLAIN_LEADS:
        if text.startswith(lead) and text[len(lead):len(lead) + 1] in (":", ",", "."):
            rest = text[len(lead) + 1:].strip()
            named = step(rec)
            return verdict, sentence(f"{named[:1].upper()}{named[1:]}: {plain}" + (f"; {lower_first(rest.rstrip('.'))}" if rest else ""))
    return verdict, text


#: "Am I overreacting?", "Is it just me?": whether the writer's reaction is too much (not whether they did wrong).
_OVERREACTING = re.compile(r"\b(?:over-?react\w*|over-?think\w*|too sensitive|crazy|petty|paranoid|unreasonable|"
                           r"(?:a )?grump|grumpy|killjoy|prude|diva|(?:too )?(?:picky|fussy|precious|uptight)|"
                           r"oversensitive|over-sensitive|(?:a )?drama queen|"
                           r"is it (?:just )?me|"
                           r"reading too much into)\b", re.I)


#: "Should I just withdraw what I said?", "Do I take back my complaint?": whether to stand by what the writer said.
_WITHDRAW = re.compile(r"\b(?:withdraw|retract|take back|walk back|recant|back down on|pull)\b[^?.]{0,25}?\b(?:what I "
                       r"(?:said|wrote|told|put)|my (?:complaint|grievance|statement|comments?|feedback|report|words|"
                       r"answers?|exit (?:form|interview|survey)|concerns?|email|review)|the (?:complaint|grievance|"
                       r"statement|report|feedback)|it)\b", re.I)


def _withdraw(floor: Floor, own: bool, start: str) -> tuple[Verdict, str]:
    """Whether to take back what the writer said (a red team found "Not on your own" given to a writer pressed to
    withdraw an honest exit form): stand by what was true and fair, correct what was not, and when the pressure to
    withdraw is itself the serious part, say so."""
    if own:
        return "first step", ("Correct the part that was unfair, if there is one, and say so plainly; what was true "
                              "and fairly put can stand.")
    if floor.serious:
        return "no", sentence(f"You do not have to take back what you said honestly. Being pressed to do it is part "
                              f"of the problem: {floor.describe()}. Whatever you decide, {start} first, and keep a "
                              "dated note of what was said to you")
    return "first step", ("Only if you now think it was wrong or unfair. If it was true and fairly put, you can stand "
                          "by it calmly, and add context if that helps it land.")


#: Questions with a set answer (knowledge/answers.yaml), each named where the code decides it applies.
_PAYBACK = set_answer("payback")
_UNSAFE_NEXT_SHIFT = set_answer("unsafe_next_shift")
_IN_WRITING = set_answer("in_writing")
#: "Can I just mention it to my manager in passing?" of the writer's own mistake (red team 59: a duplicate payment of
#: £4,200 was answered "Not yet: first own your part and apologise", to the colleague who said to keep quiet).
_TELL_MANAGER_OWN_MISTAKE = set_answer("tell_manager_own_mistake")
_BRING_SOMEONE = set_answer("bring_someone")
_HEARING_WORDS = set_answer("hearing_words")
_ADMIT_OR_NOT = set_answer("admit_or_not")
_WITNESS = set_answer("witness")
_COPY_THEIR_MANAGER = set_answer("copy_their_manager")
_LEAVE_WELL = set_answer("leave_well")
_OTHERS_DO_IT = set_answer("others_do_it")
_KEEP_EVIDENCE = set_answer("keep_evidence")
_GO_ALONG = set_answer("go_along")
_UNION_WHEN = set_answer("union_when")
_QUIT_NOW = set_answer("quit_now")
_WRITE_DOWN = set_answer("write_down")
_OWN_UP = set_answer("own_up")
_THROUGH_THE_PROCESS = set_answer("through_the_process")
_SAY_NOTHING_ABOUT_A_DOSE = set_answer("say_nothing_about_a_dose")
#: "Should I ask her not to log it since nobody was hurt?" (red team 57: a pharmacy near miss was answered "Not on
#: your own: what you describe is serious conduct").
_LET_IT_BE_LOGGED = set_answer("let_it_be_logged")
_WHAT_TO_EXPECT = set_answer("what_to_expect")
_SAY_NO_TO_A_REQUEST = set_answer("say_no_to_a_request")
#: ... where the request is to be logged in or covered for (red team 51: "I can't take that on, I've got my own work
#: to finish" implied she would, with time).
_SAY_NO_TO_COVERING = ("Say it early and plainly, and give the real reason: “I can't log you in or say you're here "
                       "when you're not any more; it's my name on it.” If you want to, add something kind about what "
                       "they are going through, and suggest they ask the manager about a later start.")
_BRING_UP_PAY = set_answer("bring_up_pay")
_LOOK_PETTY = set_answer("look_petty")
_CHOOSE_TERMS = set_answer("choose_terms")
#: What the law usually says of a break or of pay, asked as a question of right ("Am I even allowed to work nine hours
#: without a break?"): said before "clearair cannot judge", which alone told a panel nothing.
_LAW_BY_TOPIC = {name: set_answer(name) for name in ("discrimination_law", "hours_cut_law", "breaks_law",
                                                      "pay_law")}
#: "Can he just do this?" where a new boss ends hours or an arrangement the writer has long worked to (red team 54:
#: answered with the first step alone).
_CHANGE_TERMS = set_answer("change_terms")
#: "Should I apologise to her privately or to the whole team?", asked by a writer at fault (red team 56: answered
#: "apologise" alone).
_APOLOGY_WHERE = set_answer("apology_where")
#: What is added to "Can they cut my hours?" where the cut came after the writer complained.
CUT_AFTER_COMPLAINING = ("And since the cut came after you complained, it may also be victimisation, which the law in "
                         "many places forbids whatever your contract says: put that in writing to HR, with the dates "
                         "of your complaint and of each change, and get free advice (a union or an employment advice "
                         "service), as time limits can be short.")
#: "Can I even do anything without a contract?": rights that do not rest on a written contract (red team 60: "That
#: may help, and it is yours to weigh").
_NO_CONTRACT = set_answer("no_contract")
#: "Should I pay her the 60 back?" from a writer at fault (red team 62: "yours to weigh").
_REPAIR_OWED = set_answer("repair_owed")
#: "Can I take her off the project?" from a manager (red team 62: "yours to weigh").
_MOVE_THEM = set_answer("move_them_after_complaint")
#: "Can I complain for him?" from a writer writing for someone else (red team 55: answered "Yes").
_COMPLAIN_FOR_THEM = set_answer("complain_for_them")
#: What the letter tells that makes the question about an arrangement: agreed hours, a long-standing pattern of work.
_AN_ARRANGEMENT = re.compile(r"\b(?:agreed|arrangement|always (?:let|lets|allowed) me|for (?:\d+|two|three|four|five|"
                             r"several|many) years|hours|start (?:at|times?)|finish (?:at|times?)|rota|shift pattern|"
                             r"work(?:ing)? from home|flexible)\b", re.IGNORECASE)
#: A writer's option that may be one of the terms offered ("take the transfer"), not a way of handling a person.
_TERMS_NOT_STEPS = frozenset({"EXIT", "WAIT", None})
#: Words for one person, not for the meeting: "what do I say to Niamh?", "what should I tell my supervisor?".
_SAY_TO_SOMEONE = re.compile(r"\b(?:say|speak|talk|write|reply|explain)(?: it| this| that)? to\b|"
                             r"\btell (?!them\b|the panel\b|the investigator|the hearing)\w", re.IGNORECASE)
#: The notes that say the letter tells of pressure to break the rules, the law or safety (``notes.conduct_notes``):
#: with one of them, "Should I just sign it?" is answered no (red team 44 found "it is yours to weigh").
_PRESSED_NOTES = frozenset({SIGN_NOTE, RULES_NOTE, RULES_SEEN_NOTE, SAFETY_NOTE})


#: To the owner of the business, where serious conduct is involved: the decision is theirs (the answer says how).
_OWNER_ACTS = "That is yours to decide, as the one who runs the business"


#: A question of right that points back at what the letter told: "Is that legal?", "Is this allowed?".
_POINTS_AT_THE_LETTER = re.compile(r"^\W*(?:is|was|are|were|can)\s+(?:that|this|it|they|he|she)\b", re.IGNORECASE)


def _law_by_topic(q: Question, report: Report) -> Asked | None:
    """The set answer on breaks or pay for a question of right about them: named in the question, or, where the
    question only points back ("Is that legal?"), in what the letter tells happened."""
    asked = next((a for a in _LAW_BY_TOPIC.values() if a.asked(q.text)), None)
    if asked is not None or not _POINTS_AT_THE_LETTER.search(q.text):
        return asked
    told = _law_told_of(report)
    return _LAW_BY_TOPIC[told] if told is not None else None


def _law_told_of(report: Report) -> str | None:
    """The name of the set answer on breaks or pay whose words are in what the letter tells happened (the report keeps no raw
    text: the incidents, the themes' and factors' evidence, what was done to the writer, and the writer's questions)."""
    s = report.situation
    told = " ".join([i.summary for i in s.incidents] + [e.text for c in s.themes for e in c.evidence]
                    + [e.text for e in s.acts_on_writer] + [e.text for f in report.factors for e in f.evidence]
                    # the writer's other questions tell it too ("Am I even allowed a lunch break? Is this normal?")
                    + [q.text for q in report.questions])
    return next((name for name, a in _LAW_BY_TOPIC.items() if a.asked(told)), None)


#: "Is this normal?" about going without breaks or pay: not an everyday slight (red team 53 found "It is common at
#: work, and on its own it is usually small" said to a receptionist with no break in a nine-hour day).
_NOT_NORMAL_BY_LAW = {"breaks_law": "No: a long working day with no real break is not something to accept as normal, "
                                    "and in many places the law gives you a right to one.",
                      "pay_law": "No: being paid less than was agreed, or having money taken off your pay, is not "
                                 "something to accept as normal; pay is owed, not a favour.",
                      "hours_cut_law": "No: hours you are contracted for are not something an employer can "
                                       "simply take away; a cut needs your agreement or a clause that allows it.",
                      "discrimination_law": "No: being treated worse because of your age, sex, race, disability, "
                                            "religion or the like is not something to accept as normal, and in many "
                                            "places the law forbids it."}


def _about_the_process(q: Question) -> tuple[Verdict, str] | None:
    """The answer to a question about a process the writer faces over their own conduct (a hearing, an
    investigation, a warning), or None when the question is about something else."""
    if _BRING_SOMEONE.asked(q.text):
        # "Should I bring a rep?" before an investigation meeting about the writer: answered, not left "yours to
        # weigh" (red team 41)
        return _BRING_SOMEONE.verdict, _BRING_SOMEONE.answer
    if _OTHERS_DO_IT.asked(q.text) and q.kind == "yes_no":
        return _OTHERS_DO_IT.verdict, _OTHERS_DO_IT.answer
    if _ADMIT_OR_NOT.asked(q.text):
        return _ADMIT_OR_NOT.verdict, _ADMIT_OR_NOT.answer
    if _WITNESS.asked(q.text):
        if _HEARING_WORDS.asked(q.text):  # "What should I write in my statement, and can I ask her to give one too?"
            return "yes", (f"{_HEARING_WORDS.answer} As for a statement from someone who saw it: "
                           f"{lower_first(_WITNESS.answer)}")
        return _WITNESS.verdict, _WITNESS.answer
    if _HEARING_WORDS.asked(q.text) and not _SAY_TO_SOMEONE.search(q.text):
        return _HEARING_WORDS.verdict, _HEARING_WORDS.answer
    return None


def _answer_question(q: Question, report: Report, floor: Floor, own: bool) -> tuple[Verdict, str]:
    """(verdict, one or two sentences) for the writer's question, from the ranking, the avoid list,
    the verdicts on the writer's own options and the safety floor."""
    recs = report.recommendations
    first = recs[0]
    start = step(first)
    why0 = _why(first, 1)
    because0 = f", because {why0}" if why0 else ""
    if _LET_IT_BE_LOGGED.asked(q.text):
        return _LET_IT_BE_LOGGED.verdict, _LET_IT_BE_LOGGED.answer
    # "Can they cut my hours like this?", "Is this age discrimination?": questions of right, however they are worded
    # (red team 58 found "Not on your own: … go to HR" and the pay answer); not for a writer asking about their own act
    for law in (_LAW_BY_TOPIC["hours_cut_law"], *(() if own else (_LAW_BY_TOPIC["discrimination_law"],))):
        if law.asked(q.text):
            if law is _LAW_BY_TOPIC["hours_cut_law"] and _read_from_letter(report, "retaliation", True) and not own:
                # hours cut after a complaint (red team 60: answered on the contract alone, the payback unsaid)
                return law.verdict, f"{law.answer} {CUT_AFTER_COMPLAINING}"
            return law.verdict, law.answer
    if _NO_CONTRACT.asked(q.text) and not own:
        return _NO_CONTRACT.verdict, _NO_CONTRACT.answer
    if _MOVE_THEM.asked(q.text) and _factor_is(report, "narrator_is_manager", True):
        # a manager asking to move someone who complained about them (red team 62: "yours to weigh")
        return _MOVE_THEM.verdict, _MOVE_THEM.answer
    if own and _REPAIR_OWED.asked(q.text):
        # "Should I pay her the 60 back?" from the one who took it (red team 62: "yours to weigh")
        return _REPAIR_OWED.verdict, _REPAIR_OWED.answer
    if own and _APOLOGY_WHERE.asked(q.text):
        return _APOLOGY_WHERE.verdict, _APOLOGY_WHERE.answer
    if ON_BEHALF_NOTE in report.notes and _COMPLAIN_FOR_THEM.asked(q.text):
        return _COMPLAIN_FOR_THEM.verdict, _COMPLAIN_FOR_THEM.answer
    if answers_their_posts(q.text, report.situation, bool(floor.writer_owns)):
        # "Should I reply on the group or message her myself?" (red team 56: answered with "let it go" alone)
        return "no", "No to both: " + lower_first(ANSWER_POSTS_OPTION.removeprefix("Not advised: "))
    if _KEEP_EVIDENCE.asked(q.text) and q.kind == "yes_no":  # red team 42: CCTV the writer named went unmentioned
        return _KEEP_EVIDENCE.verdict, _KEEP_EVIDENCE.answer
    if _WITNESS.asked(q.text) and not report.situation.under_review and not _names_the_other_side(q.text, report):
        # a witness on the writer's side, not the person doing it; under review, ``_about_the_process`` answers it
        # (with what to say at the hearing, when the question asks that too)
        return _WITNESS.verdict, _WITNESS.answer
    if _SAY_NOTHING_ABOUT_A_DOSE.asked(q.text) and DOSE_ERROR_NOTE in report.notes:
        return _SAY_NOTHING_ABOUT_A_DOSE.verdict, _SAY_NOTHING_ABOUT_A_DOSE.answer
    if _GO_ALONG.asked(q.text) and q.kind == "yes_no" and _PRESSED_NOTES & set(report.notes):
        return _GO_ALONG.verdict, _GO_ALONG.answer.format(start=start)
    if _UNION_WHEN.asked(q.text):  # "union now or after the meeting?" is no choice between HR and the union
        return _UNION_WHEN.verdict, _UNION_WHEN.answer
    if (who_asked := WHO_TO_GO_TO.search(q.text)) is not None \
            and (whom := _whom_to_go_to(report, floor, else_asked="else" in who_asked.group(0).lower())) is not None:
        # "Who do I go to?" asks whom (red team 47: a school nurse given clashing orders on medicines was told to talk
        # to the assistant head once more)
        return "first step", whom
    if owes_a_reply(q.text, report.situation) and not floor.serious:
        # "How should I reply?" to a customer's email: how to answer it, not "talk to them privately, one to one"
        return _REPLY_TO_CUSTOMER.verdict, _REPLY_TO_CUSTOMER.answer
    if _COPY_THEIR_MANAGER.asked(q.text) and not floor.serious:
        # "When is it acceptable to copy someone's manager on a follow-up?" (blind panel 38: answered with the first
        # step alone)
        return _COPY_THEIR_MANAGER.verdict, _COPY_THEIR_MANAGER.answer
    if _LEAVE_WELL.asked(q.text) and not floor.serious:  # "Does it matter how I leave?" (blind panel 38)
        return _LEAVE_WELL.verdict, _LEAVE_WELL.answer
    if _CHOOSE_TERMS.asked(q.text) and all(o.action in _TERMS_NOT_STEPS for o in report.option_verdicts):
        # "Which option should I take?" between a pay cut and a shorter week was answered with the first step alone;
        # beside serious conduct the choice is still theirs, and the formal step is said with it. (Between steps of
        # the writer's own, "which one?" is answered below; a transfer offered is a term, not a step.)
        extra = f" Separately, {floor.describe()}: whichever you choose, {start} as well." if floor.serious else ""
        return _CHOOSE_TERMS.verdict, _CHOOSE_TERMS.answer + extra
    if SAFETY_NOTE in report.notes and _UNSAFE_NEXT_SHIFT.asked(q.text) and not own:
        # "What should I do about tonight?" after being told to skip a forklift check (red team 57 found "go to HR"):
        # the next shift is answered first, the complaint can follow
        return _UNSAFE_NEXT_SHIFT.verdict, " ".join((_UNSAFE_NEXT_SHIFT.answer, sentence(f"Then, {start}{because0}")))
    if (own or _read_from_letter(report, "writer_fault", "mainly")) and _TELL_MANAGER_OWN_MISTAKE.asked(q.text) \
            and report.situation.counterpart not in ("manager", "skip_level") and not floor.serious:
        return _TELL_MANAGER_OWN_MISTAKE.verdict, _TELL_MANAGER_OWN_MISTAKE.answer
    if _IN_WRITING.asked(q.text) and len(either_or_parts(q.text)) < 2:
        # "do I have to put anything in writing?" (red team 58: answered with the first step alone); "How do I handle
        # this fairly, and do I have to put anything in writing?" asks the step as well
        if re.match(r"\W*(?:how|what)\b", q.text, re.IGNORECASE):
            return "first step", " ".join((sentence(f"The best first step: {start}{because0}"), _IN_WRITING.answer))
        return _IN_WRITING.verdict, _IN_WRITING.answer
    if _QUIT_NOW.asked(q.text):
        # "Should I quit now before they fire me, since I've got an interview next week?" (red team 43 found "Yes")
        return _QUIT_NOW.verdict, _QUIT_NOW.answer
    if _PAYBACK.asked(q.text) and _read_from_letter(report, "retaliation", True) and not own:
        # "Is this retaliation, and what should my next step be?" (red team 41 found only the step): the reading
        # answers the first half, the ranking the second
        return "yes", " ".join((_PAYBACK.answer, sentence(f"Next, {start}{because0}")))
    if _CHANGE_TERMS.asked(q.text) and not floor.serious and not own \
            and _AN_ARRANGEMENT.search(" ".join(e.text for f in report.factors for e in f.evidence)
                                       + " " + " ".join(c.text for c in report.situation.constraints)
                                       + " " + " ".join(i.summary for i in report.situation.incidents)):
        return _CHANGE_TERMS.verdict, _CHANGE_TERMS.answer
    if q.kind == "legal" and (law := _law_by_topic(q, report)) is not None:
        return law.verdict, law.answer
    if q.kind in _CANNOT_JUDGE:  # the best first step follows it in the answer
        return "cannot judge", _CANNOT_JUDGE[q.kind]
    if q.kind == "self_check" and _OVERREACTING.search(q.text):
        return _overreacting(report, floor, own)
    if q.kind == "self_check":  # "was I out of line?", "did I overstep?": from the fault reading, said kindly
        if floor.writer_at_fault == "mainly":
            return "first step", ("From what you describe, much of this started with you; that is hard to hear, "
                                  "and it is also the part you can fix.")
        if own:
            return "first step", "You had a part in it, and owning that makes the rest easier."
        if floor.serious and floor.writer_at_fault == "none":
            # "Did I do something wrong by asking?" of hours cut after asking about holiday pay (red team 57): said
            # as the no it is, before what it is
            return "no", f"No: nothing you describe puts you in the wrong. It is right to take this seriously: " \
                         f"{floor.describe()}."
        if floor.serious:
            return "no", f"It is right to take this seriously: {floor.describe()}."
        if _read_from_letter(report, "writer_fault", "none"):
            return "first step", "Nothing you describe puts you in the wrong; what matters now is what you do next."
        if any(_read_from_letter(report, "writer_fault", v) for v in ("partly", "mainly")) \
                and (fault := _factor(report, "writer_fault")) is not None and about_the_writer(fault):
            # Asked outright, a leaning the floor would not tell unasked is said as what it is: a leaning (a blind
            # panel marked "what matters is what you do next" as dodging "was I out of line?").
            return "first step", ("Possibly in part. Nothing you describe makes it all yours, but how or where it "
                                  "happened may have added to it; naming that part briefly usually makes the rest "
                                  "easier.")
        # The reading is not sure either way: answer what it can see rather than step round the question (a blind
        # panel marked "what matters is what you do next" as dodging "did I bring this on myself?").
        return "first step", ("Not clearly, from what you describe: nothing in it shows you were in the wrong. If "
                              "something you said or did came out sharper than you meant, saying so briefly costs "
                              "little and makes the rest easier.")
    if report.situation.under_review and (about_it := _about_the_process(q)) is not None:
        return about_it
    police = next((_POLICE_ANSWERS[n] for n in report.notes if n in _POLICE_ANSWERS), None)
    if police is not None and _POLICE_ASKED.search(_with_the_step(q, report)) and not own:
        # "My sister says I should just phone the police. Is that going too far?" (a red team found it answered
        # about HR): the police are a route for what was done to them.
        return "yes", police
    if _SELF_CHANGE.search(q.text) and not floor.serious:
        # "Should I be trying harder to be a team player?": a step of the writer's own, never left "yours to weigh"
        # (blind panels 26 and 27 marked that a dodge); said as yes where the reading finds a part of theirs
        if own:
            return "yes", " ".join((sentence("Yes, from what you describe: it is the part of this you control, and "
                                             "working on it shows"), sentence(f"First, {start}")))
        return "first step", " ".join((sentence("If you think it is part of what is going on, yes: a small change on "
                                                "your side costs little and often changes how others respond"),
                                       sentence(f"Either way, {start}{because0}")))
    if own and _OWN_UP.asked(q.text):
        # "Do I tell Beth it was me?": a writer who caused it is told to say so themselves (red team 32 found only
        # "own your part and apologise", to the colleague, and nothing on the manager who did not know)
        asked_to = re.search(r"\b(?:tell|let) ([A-Z][a-z]+)\b", q.text)
        who = asked_to.group(1) if asked_to and asked_to.group(1).lower() not in PRONOUNS else "them"
        return _OWN_UP.verdict, _OWN_UP.answer.format(who=who)
    if own and _THROUGH_THE_PROCESS.asked(q.text) and any(sc.kind == "account" for sc in report.scripts):
        # "How do I make sure I get treated fairly in this interview?" from a writer whose own conduct is before
        # the process: how to go through it, not a step against or towards the person who raised it.
        return _THROUGH_THE_PROCESS.verdict, _THROUGH_THE_PROCESS.answer
    if own and _WHAT_TO_EXPECT.asked(q.text) and not floor.serious:
        # "I gave her the tablets twice … now I have a meeting with the manager. What should I expect?" (red team 45
        # found it unanswered): how such a meeting usually goes, for a writer whose own mistake it is about
        return _WHAT_TO_EXPECT.verdict, _WHAT_TO_EXPECT.answer
    if WHERE_THE_LINE.search(q.text) and not own:
        # "Where is the line?", "Where do I draw the line?" (left unanswered before): where, and that it is theirs to
        # draw; of serious conduct, that it has been crossed
        if floor.serious:
            return "yes", ("It has already been crossed: what you describe is serious conduct, not ordinary "
                           "workplace behaviour.")
        return "first step", ("The line is where it starts to cost you your own time, your work or your peace of "
                              "mind, and you are allowed to draw it there: say where it is once, plainly, and hold "
                              "to it.")
    if q.kind == "norm":
        return _is_it_normal(q, report, floor, own)
    if _LOOK_PETTY.asked(q.text) and not floor.serious and not own:
        # "Should I tell Tom or will it look petty?" (red team 45 found only "talk to them privately"): the worry
        # answered, then the first step
        return _LOOK_PETTY.verdict, " ".join((_LOOK_PETTY.answer, sentence(f"The first step: {start}{because0}")))
    if q.kind == "how" and _BRING_UP_PAY.asked(q.text) and not floor.serious and not own:
        # "How do I bring up pay and hours without losing the job?" (red team 45 found only "talk to them privately")
        return _BRING_UP_PAY.verdict, _BRING_UP_PAY.answer
    if q.kind == "how":
        said = _in_the_moment(q, floor, _with_a_customer(report)) or _how_to(q, report, floor) or _words_asked(q, report)
        if said and _WRITE_DOWN.asked(q.text) and not _WRITE_DOWN.asked(said):
            said += " " + _WRITE_DOWN.answer  # "How do I have this conversation, and what should I write down?"
        if _SAY_NO_TO_A_REQUEST.asked(q.text) and not floor.serious and not own:
            # "How do I say no to her at 5pm without it being weird?" (red team 45 found only "decide exactly what
            # you will and won't accept"): the words to say as well
            no = _SAY_NO_TO_A_REQUEST.answer if COVER_NOTE not in report.notes else _SAY_NO_TO_COVERING
            said = f"{said} {no}" if said else no
        if said:
            return "first step", said
    if q.kind == "yes_no" and about_own_risk(q.text):
        return "cannot judge", _own_risk(report, floor)
    if asks_the_channel(q.text) and (own or not floor.serious):
        # "Should I do it in person or message her?": how, not whether (never to a person whose conduct is serious:
        # the answers below keep the writer from meeting them alone)
        return "first step", (_IN_PERSON_APOLOGY if own else _IN_PERSON)
    pair = (alternatives(q.text) or _named_alternatives(q.text, report)) if q.kind == "yes_no" else \
        _weighed_before(q, report) if which_of(q.text) else []
    avoided = {a.action: a for a in report.avoid}
    position: dict[str, int] = {r.action: i for i, r in enumerate(recs)}
    if pair:  # "A or B?", or "Which is better?" after naming two: say which, and why
        def place(a: str) -> int:
            return len(recs) + 1 if a in avoided or a in NEVER_RECOMMENDED else position.get(a, len(recs))
        best = min(pair, key=place)
        rec = next((r for r in recs if r.action == best), None)
        if rec is not None and place(best) < len(recs):
            q.action = rec.action
            why = _why(rec, 1)
            if place(best) == 0 or (floor.serious and best in FORMAL_ROUTES):
                of = "Of the two" if _two_named(q.text) and len(pair) == 2 else "Of those"  # (see ``_two_named``)
                return "first step", sentence(f"{of}: {step(rec)}" + (f", because {why}" if why else ""))
            # Neither is the best first step: say so, rather than pick one and then advise a third.
            neither, of = ("Neither", "of the two you name") if len(pair) == 2 and _two_named(q.text) \
                else ("None of those", "of those")
            if floor.serious and best in FACE_TO_FACE:  # never "talk to them privately" beside "not on your own"
                return "first step", " ".join((sentence(f"{neither} comes first: {start}{because0}"),
                                               "Do not take it up with them on your own; let HR or a manager you "
                                               "trust handle the contact."))
            return "first step", " ".join((sentence(f"{neither} comes first: {start}{because0}"),
                                           sentence(f"After that, the better next step {of}: {step(rec)}")))
    if q.kind != "yes_no":  # "What should I write?" asked on its own is answered with the words too
        words = _words_asked(q, report)
        return "first step", " ".join(p for p in (_best_step(report, 1), words) if p)
    option = _option_asked_about(q, report)
    action = option.action if option else q.action
    cp = report.situation.party(report.situation.counterpart)
    if action == "ESCALATE_MANAGER" and cp is not None and cp.role == "manager":
        action = "TALK_DIRECT"  # telling your manager, when your manager is the other side, is talking to them
    q.action = action
    if floor.by_their_report and (action is None or action in FACE_TO_FACE):
        # The writer manages the person: "Should we investigate?", "Do we tell him who complained?" are the
        # manager's to settle through the formal process, never "not on your own" as if it were done to them.
        return "first step", _AS_THEIR_MANAGER
    if _THEY_ASKED_ME_NOT_TO.search(q.text) and (report.situation.witnessed or report.situation.between_others):
        # "Is it my place to report it if she's asked me not to?": the wish of the one it is done to is part of the
        # answer (red team 31 found a plain "yes, go to HR", and a note to HR that named her visa and her fear).
        return "first step", ("Their wish matters here, as much as the conduct: talk with them first, privately, "
                              "about what they fear and what they would be comfortable with. You can ask HR in "
                              "confidence how a report would be handled and whether they could stay unnamed. If "
                              "someone is in danger, it has to be reported whatever they wish.")
    if action is None and _WITHDRAW.search(q.text):
        return _withdraw(floor, own, start)
    if action is None and _TELL_SOMEONE_ELSE.search(q.text):
        # "Should I tell my friend?" (the target, or an ally): not contact with the person doing it.
        told = "Yes, if you trust them: knowing lets them act on it, or back you."
        if floor.serious:
            return "first step", told + " " + sentence(f"Whatever you decide, do not deal with the person doing it on "
                                                       f"your own: {floor.describe()}, so {start} first")
        return "first step", told + " " + sentence(f"Then {start}{because0}")
    if action is None:
        # Questions that are no step to weigh (red teams 31 and 32 found "That may help, and it is yours to weigh"
        # said to each): answered from the floor, one answer with serious conduct and one without.
        for asked, serious_answer, plain_answer in _NOT_A_STEP:
            if asked.search(q.text):
                given, said = serious_answer if floor.serious else plain_answer
                return given, sentence(said.format(serious=floor.describe(), start=start, because=because0))
    if action is None and floor.serious and _KEEP_SERVING.search(q.text) and not own:
        # "Should I just keep seeing him?" of a patient who touches the writer (red team 58: "That may help, and it is
        # yours to weigh")
        return "no", sentence(f"No: you do not have to go on alone with someone whose conduct towards you is serious. "
                              f"Ask for them to be moved to a colleague, and until then never be alone with them; "
                              f"{start}{because0}")
    if action is None and floor.serious and (not _contact_with_them(q.text, report) or _names_someone_else(q, report)):
        # A step that is not contact with the person doing it ("Should I ask for someone else to hear the appeal?",
        # "Do I speak to Chloe first?"): a red team found "Not on your own" said to each, contradicting the first step.
        return "first step", sentence(f"That may help, and it is yours to weigh. Whatever you decide, do not deal with "
                                      f"the person doing it on your own: {floor.describe()}, so {start} first")
    if action is None and floor.serious and floor.writer_owns:
        # the owner is the authority: "let someone with the authority to act" told them to wait for nobody (red team 42)
        return "first step", sentence(f"{_OWNER_ACTS}: {floor.describe()}, so start here: {start}")
    if action is None and floor.serious:
        # A step the engine does not weigh, with serious conduct: never leave "handle it yourself" open.
        return "no", sentence(f"Not on your own: {floor.describe()}, so {start} first and let "
                              "someone with the authority to act handle any contact with them")
    if action is None and points_back(q.text):
        return "first step", _best_step(report, 1)  # "Should I do that?" with no step named just before it
    if action is None and not about_a_step(q.text):
        # "Is this jealousy?", "Is she trying to push me out?": a question about what is in someone's mind.
        return "cannot judge", sentence(f"Nobody can tell for sure from outside what is behind it, and you do not "
                                        f"need to know it to act well: {start}")
    if action is None and not ends_with_a_question_mark(q.text):
        # "…I'm now second-guessing whether to trust the process.": a doubt told, not a step to judge; quoting it
        # back only to say clearair has no view on it read as a non-answer (red team 20).
        return "first step", _best_step(report, 1)
    if action is None:
        return "cannot judge", sentence(f"That step is yours to weigh: clearair does not judge it. Whatever you "
                                        f"decide, the first step is to {start}{because0}")
    rank = position.get(action)
    if floor.serious and safe_formal_route(action, floor):
        return "yes", (f"Yes: {floor.describe()}, and someone with the authority to act should "
                       "handle it; take your dated notes with you.")
    if floor.serious and action in FACE_TO_FACE and _names_someone_else(q, report):
        # "Should I say something to Denise about breaking my confidence?", where Denise is the HR person and the
        # manager did it (red team 29): talking to her is not facing the person doing it.
        return "first step", sentence(f"That may help, and it is yours to weigh. Whatever you decide, do not deal with "
                                      f"the person doing it on your own: {floor.describe()}, so {start} first")
    if floor.serious and action in FACE_TO_FACE and floor.writer_owns:
        return "first step", sentence(f"{_OWNER_ACTS}: {floor.describe()}, so do not meet them alone")
    if floor.serious and action in FACE_TO_FACE:
        return "no", (f"Not on your own: {floor.describe()}, so let HR or a manager you trust "
                      "handle any contact with them.")
    if floor.said_no and not floor.serious and action in _ASKING_AGAIN:
        # "Should I ask her once more?" after two noes: the no is the answer (a red team found "not yet" here).
        if floor.said_no_personal:
            return "no", ("No: they have already said no, and asking again, in person, in a note or through "
                          "someone else, puts pressure on them. The kind thing now is to take the answer, give them "
                          "room, and keep things friendly and about work.")
        return "no", ("Not now: you have already reached out and they turned it away for now; asking again adds "
                      "pressure. Give them room, and let steady, friendly work do the talking.")
    if action == "APOLOGIZE" and not own and any(_read_from_letter(report, "writer_fault", v)
                                                 for v in ("partly", "mainly")):
        # The reading leans to a part of the writer's own (red team 29: "I snapped back" answered "nothing calls for
        # an apology" beside "possibly in part" and an option marked reasonable): a word for that part only.
        return "first step", ("For your own part only, if you feel there was one: a short word about how you "
                              "reacted, without taking on what was not yours, usually makes the rest easier.")
    if action == "APOLOGIZE" and not own:
        return "no", "No: nothing you describe calls for an apology from you."
    if action in NEVER_RECOMMENDED or action in avoided:
        why = avoided[action].why if action in avoided else "it tends to backfire"
        lead = "No" if action in NEVER_RECOMMENDED else "Not now"
        return "no", sentence(f"{lead}: {lower_first(why.rstrip('.'))}")
    verdict = option.verdict if option else (
        "recommended" if rank is not None and rank < 2 else "reasonable" if rank is not None and rank < 5
        else "not advised")
    rec = next((r for r in recs if r.action == action), None)
    why = _why(rec, 1) if rec else ""
    either = len(either_or_parts(q.text)) > 1
    if verdict == "recommended" and either and rec is not None and rank == 0:  # "A or B?": name the one
        return "yes", sentence(f"{step(rec)}" + (f": {why}" if why else ""))
    if verdict == "recommended" and either and rec is not None:  # the half named is the next step, not the first
        return "not yet", sentence(f"First {start}{because0}; then {step(rec)}")
    if verdict == "recommended" and rank == 0:
        return "yes", sentence(f"Yes: {why}" if why else f"Yes, that is the best first step: {step(rec or first)}")
    if verdict == "recommended" and first.action in _CLOSING_STEPS and rank != 0:
        # "Should I say anything?" when letting it go comes first: not "Yes, as your next step … First, let it go"
        # (red team 35 read it as the answer contradicting itself); the step waits for it to happen again.
        return "not yet", sentence(f"For now, {start}{because0}; if it happens again, the next step is to "
                                   f"{step(rec or first)}")
    if verdict == "recommended":
        return "yes", " ".join(x for x in (sentence("Yes, as your next step" + (f": {why}" if why else "")),
                                           sentence(f"First, {start}") if rank != 0 else "") if x)
    # "Should I find out what happened, or just call it quits?" with one half read as a step: a bare "No" or "Not
    # yet" would answer both halves, so the answer names the half it holds back, then what comes first.
    named = re.sub(r"\s*\([^)]*\)", "", _AS_STEP.get(action) or lower_first(action_title(action))) if either else ""
    if action == "LET_GO" and floor.serious and not own and not either:
        # "Should I just drop it and keep my head down?" beside serious conduct or payback: not "not yet" (red team 48)
        return "no", sentence(f"No: {floor.describe()}, and it rarely stops by being let go. First, {start}")
    if verdict in ("reasonable", "risky") and rank == 1 and first.action == "DOCUMENT" and rec is not None:
        # notes go with the step asked about, not before it (red team 47: "Don't let it go yet: first keep notes",
        # with letting it go ranked second)
        return "yes", sentence(f"{capitalise(step(rec))}, and {start}{because0}")
    if verdict in ("reasonable", "risky"):
        if named:
            return "not yet", sentence(f"Don't {named} yet: first {start}{because0}") + \
                " Keep that for if this does not work."
        return "not yet", sentence(f"Not yet: first {start}{because0}") + " Keep this for if that does not work."
    against = _against(option.reason) if option else ""
    if named and not against:
        return "no", sentence(f"From what you describe, don't {named}: {start} first{because0}")
    return "no", sentence(f"No: {against}" if against else "No, not from what you describe; other steps fit "
                                                             "your situation better")


_POLICE_ASKED = re.compile(r"\b(police|cops?|999|911|101)\b", re.IGNORECASE)
#: The answer to a question about calling the police, for each note that makes the police a route.
_POLICE_ANSWERS = {
    POLICE_NOTE: ("It is not going too far: what you describe includes physical intimidation or a threat aimed at "
                  "you, and you can report that to the police as well as through work; neither has to wait for the "
                  "other. Keep a dated note of what happened, and of any marks or messages."),
    LEAVE_SAFELY_NOTE: ("It is not going too far: a threat that says where or when to find you is something to "
                        "report to the police today, as well as through work; neither has to wait for the other. Keep "
                        "a note of the exact words, the time and who heard them."),
    TOUCH_NOTE: ("It is not going too far: being touched without your consent is something you can report to the "
                 "police as well as through work; neither has to wait for the other. Keep a dated note of what "
                 "happened and who saw it."),
}

#: Steps that would approach again someone who has said no to the writer.
_ASKING_AGAIN = frozenset({"TALK_DIRECT", "APOLOGIZE", "MEDIATE", "SET_BOUNDARY"})


def _overreacting(report: Report, floor: Floor, own: bool) -> tuple[Verdict, str]:
    """ "Am I overreacting?", "Is it just me?": whether the writer's reaction is too much, which is not the same
    question as "was I out of line?" (a leaning on the writer's part answered it with "possibly in part", and an
    unsure serious reading with "it is right to take this seriously" over a vent about Friday files)."""
    if floor.writer_at_fault == "mainly":
        return "first step", ("Your feelings are real, but from what you describe much of this started with you; that "
                              "is also the part you can fix.")
    payback = _factor(report, "retaliation")
    if payback is not None and payback.value is True:  # red team 55: "Am I just being paranoid?" after a pay question
        return "no", ("No: being treated worse soon after you raised something is what payback looks like, and you "
                      "are right to notice it. Keep a dated record of each change since you raised it.")
    if floor.serious and floor.sure:
        return "no", f"No: it is right to take this seriously; {floor.describe()}."
    if own:
        return "first step", "It is fair to be upset, and you had a part in it too: owning that makes the rest easier."
    if _read_from_letter(report, "already_raised", True):
        # Something the writer already asked them about is a behaviour, not small signs (blind panel 46: "Am I just
        # being a grump?" about daily noise after a polite word was answered "Perhaps a little … small signs")
        return "no", ("No: it is fair to be bothered by something you have already asked them about. Asking again, "
                      "plainly and with what would help, is reasonable.")
    severity = _factor(report, "severity")
    if severity is not None and severity.value == "minor" and severity.source != "default" \
            and severity.confidence >= SEVERITY_CONFIDENCE and not counterpart_incidents(report.situation):
        # Small signs and nothing anyone did (a greeting missed, a short one-to-one): answered plainly, not "it is
        # fair to be bothered" (red team 45 marked that as no answer to "am I overreacting?").
        return "first step", ("Perhaps a little: from what you describe these are small signs, and they often have "
                              "nothing to do with you. Give it a week or two; if it goes on, ask lightly at your next "
                              "one-to-one whether there is anything they would like you to do differently.")
    if severity is not None and severity.value == "minor" and severity.source != "default" \
            and not counterpart_incidents(report.situation):
        # Small signs, read as such but not surely, and nothing anyone did: neither "No" (red team 46: said of a
        # colleague's few short replies) nor "a little", but what would tell which it is.
        return "first step", ("Not necessarily either way: what you describe may be small signs with nothing behind "
                              "them, or the start of something. Watch for a week or two; if it goes on, ask lightly "
                              "whether anything is wrong.")
    if _read_from_letter(report, "pattern", True):
        # About something that keeps happening: a plain answer, not "what matters is what you do next" (which a
        # panel marked as dodging the question).
        return "no", "No: small things that keep happening add up, and it is fair that it wears on you."
    return "first step", "It is fair to be bothered by it; what matters most now is what you do next."


def _own_risk(report: Report, floor: Floor) -> str:
    """ "Could this hurt me if I report it?", "Will I get fired?": nobody can promise, but what protects the writer
    can be said (a "Yes: ..." that read the question as "should I report it?" told a worried writer it would hurt
    them). Where the advice goes above the writer's own line (HR, the other side's manager), how to raise it safely
    and what to do if it is held against them; otherwise how to raise it so it is hard to hold against them."""
    if floor.writer_at_fault != "none" or has_own_part(report, floor):
        # The writer had a part in it, so may be the one complained of: what helps is owning it, not a record of what
        # they raised. (Never from the question's words alone: "if she reports me" is asked by the wronged too.)
        return ("It might, and nobody can promise otherwise. What helps most is what you do first: own your part "
                "plainly and put it right where you can; that counts for more than anything said later.")
    formal = floor.serious or any(r.action in ("HR_FORMAL", "ESCALATE_THEIR_MANAGER") for r in report.recommendations[:2])
    if formal:
        return ("A fair worry: nobody can promise how people will react. Raise it in writing, with your dated notes, "
                "and if anything changes for you afterwards (shifts, reviews, how you are treated), note that too: "
                "punishing someone for raising a concern is itself something the employer must act on.")
    return ("Nobody can promise how they will react, but raising it calmly, about what happened rather than about "
            "them, and keeping a dated note of what you raised, make it much harder to hold against you.")


def _with_a_customer(report: Report) -> bool:
    cp = report.situation.party(report.situation.counterpart)
    return cp is not None and cp.role == "customer"


#: With a customer the business owns the relationship: the first words calm it (a word that owns the wait usually
#: ends it); a limit, and the manager, are for conduct no one should take.
_CUSTOMER_MOMENT = {
    "abuse": "I'm sorry you've been kept waiting. I'll be with you as quickly as I can.",
    "interrupting": "I'm sorry for the wait. Let me finish with this customer and I'll be right with you.",
}


def _in_the_moment(q: Question, floor: Floor, customer: bool = False) -> str:
    """ "What do I say when she curses at me?": a short line for the moment itself (``questions.MOMENT_LINES``),
    said once and calmly, then a note of it afterwards. With serious conduct, no more than that to them: the rest
    goes through whoever the writer reports it to. Empty when the question asks about no act of this kind."""
    kind = in_the_moment(q.text)
    if kind is None:
        return ""
    if customer and not floor.serious and kind in _CUSTOMER_MOMENT:
        return (f"Calm it first, once: “{_CUSTOMER_MOMENT[kind]}” If they go on, or it turns abusive, step away and "
                "get your manager; you do not have to take it.")
    after = ("Say no more than that to them; the rest goes to whoever you report it to." if floor.serious
             else "Don't argue it there; afterwards, note the date and what was said.")
    return f"Say it once, calmly, and step away if it goes on: “{MOMENT_LINES[kind]}” {after}"


#: The outcome a how-to question wants to avoid: "…without her walking out", "…without making it awkward".
_WITHOUT = re.compile(r",?\s*\b(?:without|but not|and not|so (?:she|he|they) (?:doesn['’]t|don['’]t|won['’]t))\b.*$",
                      re.IGNORECASE)
#: Steps that are each a conversation with the other side: a question how to raise it is answered by the first of them.
_A_TALK_WITH_THEM = frozenset({"TALK_DIRECT", "COACH_REPORT", "SET_BOUNDARY"})


def _how_to(q: Question, report: Report, floor: Floor) -> str:
    """ "How do I keep a record of this?", "How do I say no politely?": the first steps of the action the question
    names, when the advice does not hold it back (a panel marked "the best first step: talk to them" as a dodge of
    "how do I keep a record?"); before them, the best first step when it is another. Empty when the question names
    no action or one the advice would not give."""
    # what the writer wants to avoid is not what they ask how to do: "without her quitting" asks no job search
    action = action_for(_WITHOUT.sub("", q.text))
    recs = report.recommendations
    rec = next((r for r in recs if r.action == action), None)
    avoided = {a.action for a in report.avoid}
    if rec is None or not rec.steps or action in avoided or action in NEVER_RECOMMENDED or (
            floor.serious and action in FACE_TO_FACE):
        return ""
    if action in _A_TALK_WITH_THEM and recs[0].action in _A_TALK_WITH_THEM and recs[0].steps:
        # "How do I bring this up with her?" where the first step is itself a talk with her (coaching a report):
        # its steps are the how (red team 49: "here is how: ask for a few private minutes… Before that, though,
        # coach and back up your report")
        rec = recs[0]
    q.action = rec.action
    how = " ".join(rec.steps[:2])
    said = f"Here is how: {how[:1].lower()}{how[1:]}"
    if recs.index(rec) > 2:  # a step the advice ranks lower: say what comes first
        said += " " + sentence(f"Before that, though, {step(recs[0])}")
    return said


#: Words of a question that point at the other side, or at the writer acting alone ("Can I handle this myself?").
_THEM_OR_ALONE = re.compile(r"\b(?:him|her|them|he|she|they|his|their|myself|on my own|alone|directly|face to face|"
                            r"in person|one to one|one-on-one)\b", re.I)


#: Going on serving or working alone with someone: "Should I just keep seeing him?", "do I carry on treating her?".
_KEEP_SERVING = re.compile(r"\b(?:keep|carry on|go on|continue)(?: on)? (?:seeing|treating|serving|cutting|looking "
                           r"after|visiting|caring for|working with|doing (?:his|her|their) (?:appointments|sessions|"
                           r"hair|nails))\b[^.?!]{0,20}\b(?:him|her|them)?", re.IGNORECASE)


def _contact_with_them(text: str, report: Report) -> bool:
    """Whether a question is about facing the other side: a pronoun, the writer acting alone, or a word the letter
    names the other side by ("Should I talk to Gary?")."""
    if _THEM_OR_ALONE.search(text):
        return True
    cp = report.situation.party(report.situation.counterpart)
    return any(re.search(rf"\b{re.escape(m)}\b", text, re.I) for m in names_to_find(cp.mentions if cp else []))


#: Whom to go to, by the other side's role: above them when they are over the writer, else the writer's own line.
_WHOM_BY_ROLE = {"manager": ("ESCALATE_THEIR_MANAGER", "HR_FORMAL"), "skip_level": ("HR_FORMAL", "ESCALATE_THEIR_MANAGER"),
                 "peer": ("ESCALATE_MANAGER", "HR_FORMAL"), "customer": ("ESCALATE_MANAGER", "HR_FORMAL"),
                 "other": ("ESCALATE_MANAGER", "HR_FORMAL"), "direct_report": ("ESCALATE_MANAGER", "HR_FORMAL")}


def _whom_to_go_to(report: Report, floor: Floor, else_asked: bool = False) -> str | None:
    """The step the ranking holds that goes to someone other than the other side, chosen by their role (above them
    when they are the writer's boss; the writer's own manager when they are not, unless that manager let them down or
    the writer asks "who else?" having already gone above), said as the answer to "who". Beside serious conduct it is
    the first step that goes to someone else, never after "a calm word with them" (red team 60: an owner who touched
    a worker was to be raised "with their manager" once a calm word failed)."""
    if GROOMING_NOTE in report.notes:  # a child's safety: the safeguarding route, never the ranked steps' "HR"
        return WHOM_FOR_A_CHILD
    rec = next((r for r in report.recommendations if r.action in _TO_SOMEONE_ELSE), None) if floor.serious \
        else _whom_by_role(report, else_asked)
    if rec is None:
        return None
    said = step(rec)
    written = "" if "in writing" in said else ", in writing"  # ("make a formal complaint, in writing, to the board")
    tried = "tried_talking" in _tried(report)  # they have had their word with them: the answer is the next stage
    if floor.serious:
        lead, tail = (NOT_THEM_AGAIN if tried else NOT_THEM), ""
    elif tried:
        lead, tail = NOT_THEM_AGAIN, " and what you need done"
    else:
        lead, tail = "If a calm word with them does not settle it: ", ""
    return sentence(f"{lead}{said}{written}, with the dates{tail}")


#: Whom to tell of an adult contacting children in secret (``GROOMING_NOTE``).
WHOM_FOR_A_CHILD = ("Not them, and not anyone close to them: the safeguarding or welfare lead if there is one you "
                    "trust; otherwise go outside, to the governing body's safeguarding team, the local children's "
                    "services or the police, and tell the child's parent what you saw.")


def _whom_by_role(report: Report, else_asked: bool):
    """The first ranked step to someone other than the other side, by their role (``_WHOM_BY_ROLE``), leaving out the
    writer's own manager where that manager let them down or the writer asks "who else?" having gone above already."""
    role = _factor(report, "counterpart_role")
    wanted: tuple[str, ...] = _WHOM_BY_ROLE.get(str(role.value) if role is not None else "", ())
    own_manager = _factor(report, "own_manager")
    if own_manager is not None and own_manager.value in ("unsupportive", "is_the_problem") \
            or else_asked and _read_from_letter(report, "already_escalated", True):
        # "The chair is his friend and laughs it off. Who else can I go to?": not back to the one who did nothing
        wanted = tuple(a for a in wanted if a != "ESCALATE_MANAGER")
    return next((r for action in wanted for r in report.recommendations if r.action == action), None)


#: Steps that go to someone other than the other side: where the conduct is serious, "who do I tell?" is one of these.
_TO_SOMEONE_ELSE = frozenset({"HR_FORMAL", "ESCALATE_THEIR_MANAGER", "ESCALATE_MANAGER"})
#: How the answer to "who do I go to?" opens beside serious conduct: not the person doing it.
NOT_THEM = "Not them: "


#: How the answer to "who do I go to?" opens when the writer has already talked to the other side: it is then the
#: first step, and ``compose`` says no other before it.
NOT_THEM_AGAIN = "Not them again: "


def _names_the_other_side(text: str, report: Report) -> bool:
    """Whether the question names the other side by a name or title the letter gives them, not by a pronoun ("ask
    Gavin to…")."""
    cp = report.situation.party(report.situation.counterpart)
    return any(re.search(rf"\b{re.escape(m)}\b", text, re.I) for m in names_to_find(cp.mentions if cp else [])
               if m.lower() not in PRONOUNS)


def _names_someone_else(q: Question, report: Report) -> bool:
    """Whether a question is about someone the letter names who is not the other side: by name ("Should I say
    something to Denise?" where the manager is the other side), or by a word the reading tied to that person ("Do I
    go to her?", a sentence after the ops manager the writer trusts; red team 30 found it refused as contact with the
    person doing it)."""
    s = report.situation
    text = q.text
    if _names_the_other_side(text, report):
        return False
    others = [m for p in s.parties if p.id != s.counterpart for m in names_to_find(p.mentions) if m[:1].isupper()]
    if any(re.search(rf"\b{re.escape(m)}\b", text) for m in others):
        return True
    them = {w for p in s.parties if p.id == s.counterpart for m in p.mentions for w in m.split()}
    named = [w for w in _A_NAME_INSIDE.findall(text) if w not in _NOT_NAMES]
    if named and not any(w in them for w in named):
        return True  # "Do I speak to Chloe first?": a name the letter gives no one, never the other side's
    spans = [(e.start, e.end) for e in q.evidence[:1]]
    tied = {p.id for p in s.parties for e in p.evidence for a, b in spans if a <= e.start < b}
    return bool(tied) and s.counterpart not in tied


#: A capitalised word inside a question, not its first: a person's name ("Do I speak to Chloe first?").
_A_NAME_INSIDE = re.compile(r"(?<=\w )([A-Z][a-z]+)\b")
#: Capitalised words that name no one.
_NOT_NAMES = frozenset("I HR Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May "
                       "June July August September October November December Christmas God English".split())


#: The one it was done to asked the writer not to act: "if she's asked me not to", "she begged me not to tell".
_THEY_ASKED_ME_NOT_TO = re.compile(r"\b(?:asked|begged|told|wants|wanted|made) (?:me|us) (?:to )?(?:promise )?(?:not to|"
                                   r"to keep (?:it|this|quiet))|\b(?:does|did)(?:n['’]t| not) want (?:me|us|anyone) to "
                                   r"(?:report|tell|say|mention|raise)", re.I)
#: What the other person meant: "Was that a joke?", "Did he mean it?", "Is she serious?".
_THEIR_MEANING = re.compile(r"\b(?:was|is) (?:that|it|this|he|she|they) (?:just )?(?:a joke|joking|serious|kidding|"
                            r"a threat|banter|meant)\b|\bdid (?:he|she|they) (?:really )?mean (?:it|that)\b", re.I)
#: Whether to act at all: "Is it my business?", "is it my place to report it?", "is this something I should be
#: raising?", "should I get involved?".
_WHETHER_TO_ACT = re.compile(r"\b(?:is (?:it|this|that) (?:any of )?my (?:business|place|concern|call|responsibility)|"
                             r"(?:is|was) (?:it|this|that) (?:something|anything) (?:i|we) should (?:be )?(?:rais|report|"
                             r"flag|mention|say|do|escalat)\w*|should (?:i|we) (?:even )?(?:get involved|stay out of it|"
                             r"keep out of it|butt out|say anything at all)|none of my business)", re.I)

#: Questions that are no step to weigh, with their answers (verdict, words) with serious conduct and without:
#: what someone meant ("Was that a joke?"), and whether to act at all ("Is it my business?").
_NOT_A_STEP: tuple[tuple[re.Pattern, tuple[Verdict, str], tuple[Verdict, str]], ...] = (
    (_THEIR_MEANING,
     ("cannot judge", "Whether or not it was meant as a joke, {serious}: treat it as meant, write down the words and "
                      "when they were said, and {start}"),
     ("cannot judge", "Nobody can tell for sure from outside what they meant, and you do not need to know it to act "
                      "well: {start}")),
    (_WHETHER_TO_ACT,
     ("yes", "Yes: {serious}, and it is right to act on it even when it is not done to you; {start}, and do not "
             "deal with the person doing it on your own"),
     ("first step", "It is worth raising when it affects you, your work or someone being treated badly, and from "
                    "what you describe it does: {start}{because}")),
)
#: Telling or warning someone on the writer's side (a friend, a colleague), not the person doing it.
_TELL_SOMEONE_ELSE = re.compile(r"\b(?:tell|warn|let|inform|alert|show)\b[^?]{0,15}?\b(?:my|our) (?:friend|colleague|"
                                r"coworker|co-worker|teammate|partner|family)s?\b", re.I)
_WORDS_BELOW = " The full words are below."
#: Words written for someone other than the other side: never the answer to "what do I say to him?".
_NOT_TO_THEM = frozenset({"hr_note", "request_note", "manager_note", "their_manager_note", "account", "sender_note",
                          "process_note", "email", "agenda", "backing"})
def _words_asked(q: Question, report: Report) -> str:
    """The words themselves, for a writer who asks what to say (a library letter's "What can I say?" was answered
    only "state a clear limit"): the first two spoken lines of the words for the best step that has any, none with a
    gap the writer must fill; empty when there are none."""
    if not asks_for_words(q.text):
        return ""
    to_them = _contact_with_them(q.text, report)
    if to_them and _harmed_by_them(floor_of(report)):
        return _WORDS_NOT_ALONE  # "What would I even say to him?" of the one harming them (red team 65)
    for rec in report.recommendations[:3]:
        script = next((s for s in report.scripts if s.action == rec.action), None)
        if script is None or (to_them and script.kind in _NOT_TO_THEM):
            continue  # "What do I say to him?" is not answered with a note to HR (red team 29)
        lines = [x for x in (_first_line(part) for part in script.text.split("\n"))
                 if x and not x.lower().startswith(("thanks", "thank you"))][:2]
        if lines:
            who = f" to {script.to}" if script.to else ""
            return f"Something like this{who}: “{' '.join(lines)}”{_WORDS_BELOW}"
    return ""


#: How sure the severity reader must be before "is this normal?" is answered from its reading alone.
SEVERITY_CONFIDENCE = 0.5


#: A question about the writer's feeling asked as whether it is wrong ("is it wrong that I feel like this?").
_FEELING_WRONG = re.compile(r"\b(?:wrong|bad|selfish|petty|unreasonable)\b", re.I)


def harmless_habits(report: Report) -> bool:
    """Nothing in the letter is done to the writer or troubles them: no feeling of theirs, no act of the other side's,
    and no sentence of theirs with the writer in it as more than a speaker ("she hums while she eats" is not "she
    reads my screen")."""
    s = report.situation
    return not s.emotions and not counterpart_incidents(s) and not any(
        FIRST_PERSON_OBJECT.search(_OF_MINE.sub(" ", e.text)) for e in s.acts_on_writer)


#: "a colleague of mine": whose colleague, not the writer as the one something is done to.
_OF_MINE = re.compile(r"\bof (?:mine|ours)\b", re.IGNORECASE)


#: "Should I say anything?", "do I mention it?": after habits read as harmless, answered the same way.
_SAY_ANYTHING = re.compile(r"\b(?:should|do|must|shall) I (?:say|mention|tell|bring up|raise)\b", re.IGNORECASE)
HARMLESS = ("Not really: most people have habits like these, and they are harmless unless they get in someone's way. "
            "If they don't bother you, there is nothing you need to say; if others joke about it behind their back, you "
            "don't have to join in.")


def _is_it_normal(q: Question, report: Report, floor: Floor, own: bool) -> tuple[Verdict, str]:
    """ "Is this normal?", "Is that acceptable?": answered from the reading of how serious it is (and of the
    writer's own part), never with a guess at what is in the other side's mind. The first step follows it."""
    if norm_feeling(q.text):
        # "Is it normal to feel...?" is answered yes; "is it wrong that I feel...?" the other way round, no.
        wrong = bool(_FEELING_WRONG.search(q.text))
        verdict: Verdict = "no" if wrong else "yes"
        lead = "No" if wrong else "Yes"
        if floor.writer_at_fault == "mainly":
            return verdict, f"{lead}: feeling bad after something like this is normal, and it is a sign you want to put it right."
        return verdict, f"{lead}: what you feel is a common and understandable reaction to what you describe."
    if floor.writer_at_fault == "mainly":
        return "first step", ("Their reaction is not the whole story: from what you describe, much of this started "
                              "with you, and owning that is the step most likely to settle it.")
    if not own and (told := _law_told_of(report)) is not None:
        return "no", _NOT_NORMAL_BY_LAW[told]
    wrong = names_a_wrong(q.text)  # "Is that bullying?": "yes" means it is wrong, so the answer turns round
    if floor.serious and not floor.sure:
        maybe = ("some of what you describe could be serious conduct, the kind an employer has to act on, so it is "
                 "worth taking seriously.")
        return ("yes", f"It may be: {maybe}") if wrong else ("no", f"Not necessarily: {maybe}")
    if floor.serious:
        return ("yes", "It may well be, and whatever it is called, what you describe is serious conduct, not "
                       "ordinary workplace behaviour; you are right to take it seriously.") if wrong else (
            "no", "No. What you describe is not ordinary workplace behaviour: it is serious conduct, and you are "
                  "right to take it seriously.")
    if own:  # "is it normal for her to ignore me?" after the writer's own part: their reaction is the common one
        return "first step", ("It is a common reaction after a moment like this, and it usually eases once your part "
                              "has been owned and the work goes on as normal.")
    severity = _factor(report, "severity")
    sure = severity is not None and (severity.source == "rules" or severity.confidence >= SEVERITY_CONFIDENCE)
    recurring = report.situation.pattern.recurring
    if ODD.search(q.text):  # "Is this strange?": odd, not a named wrong ("reads more like friction than that")
        small = sure and severity is not None and severity.value == "minor"
        if small and harmless_habits(report) and not report.situation.narrator.is_manager:
            # harmless habits the writer is not troubled by (red team 51: told to confront a colleague who hums); not
            # to one who employs or manages them, whose house or rules it is (a nanny washing her own laundry there)
            return "no", HARMLESS
        who = "people who work for someone" if report.situation.narrator.is_manager else "colleagues"
        return "yes", ((f"A little, yes: it is not how {who} usually behave, though on its own it is small"
                        if small else "Yes: it is not how people usually behave at work")
                       + (", and as it keeps happening, it is fair to raise it calmly." if recurring
                          else ", and it is fair to ask about it calmly if it happens again."))
    if sure and severity is not None and severity.value == "unprofessional":
        if wrong:
            return "yes", ("It is at least unprofessional" + (" as a pattern" if recurring else "") + ", and wanting "
                           "it to change is reasonable; what it is called matters less than a clear, dated record "
                           "of what happened.")
        return "no", ("No: " + ("as a pattern, " if recurring else "") + "it is not how people should be treated at "
                      "work, and wanting it to change is reasonable. It is also common enough that there are "
                      "well-tried ways to handle it.")
    if sure and severity is not None and severity.value == "minor":
        lead = "On its own it reads more like everyday friction than that" if wrong else \
            "It is common at work, and on its own it is usually small"
        return "first step", (lead + "; it still matters that it bothers you" + (
            ", and a pattern of it is worth raising calmly." if recurring
            else ", and it can be raised calmly if it happens again."))
    return "cannot judge", ("Workplaces differ, and from one letter clearair cannot tell how far outside yours this "
                            "is; what you describe is worth taking seriously enough to act on.")


def own_part(floor: Floor, sig: dict) -> bool:
    """Whether the writer has something to own: the safety floor says so, or the rules are sure of it (``sig``:
    signal name -> Signal); but never on the rules alone for someone serious conduct was done to (a red team saw
    a worker threatened for logging an injury told "your side had a part in it too")."""
    if floor.serious and floor.writer_at_fault == "none":
        return False
    at_fault = None if floor.own_part_not_theirs else sig.get("narrator_at_fault")
    return floor.writer_at_fault != "none" or (at_fault is not None and at_fault.strength >= RULES_OWN_PART)
