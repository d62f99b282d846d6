"""advise: signals in, ranked recommendations, don'ts, verdicts, triggers,
perspectives and scripts out. All knowledge comes from the playbook data.

Scoring is a transparent linear model: an action's score is its base plus,
for every rule whose signals hold, weight x product of signal strengths. Each
contributing rule becomes a reason that cites the evidence of its signals.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from clearair.advise.asking import STEPS as ASK_STEPS
from clearair.advise.phrases import action_title, group_noun, lower_first, sentence
from clearair.advise.retell import PRONOUNS
from clearair.advise.routes import FormalRoute, other_side_above, route_step
from clearair.advise.playbook import Scored, _best_first, score_actions
from clearair.advise.ranker import WordsReading
from clearair.advise.limits import MONEY_OWED, keep_to_the_writers_limits, not_alone_with_them, word_before_leaving_it
from clearair.advise.safety import (
    FORMAL_ROUTES, Floor, apply_floor, floor_for, keep_rebuilding_trust, money_owed, move_below, safe_formal_route,
    scores_follow,
)
from clearair.advise.answer import FACE_TO_FACE, ask, compose, own_part
from clearair.advise.avoid import avoid_list, held_back
from clearair.advise.personas import perspectives as _persona_views
from clearair.advise.questions import said_as
from clearair.advise.scripts import render_scripts, script_for
from clearair.advise.triggers import events, revisit_if
from clearair.extract.reading import is_question
from clearair.extract.parties import party_rules
from clearair.knowledge import load
from clearair.models import (
    NEVER_RECOMMENDED, Avoid, Evidence, FactorReading, Option, OptionVerdict, Perspective, Question, Reason,
    Recommendation, Report, Script, Signal, Situation, Trigger,
)

_MAX_REASONS = 6
#: A family that employs help at home has no "report" to coach and no performance process: the same steps, said as
#: a household takes them (blind panel 38 heard a nanny called "your report").
_AT_HOME = {"COACH_REPORT": ("Talk it through and set clear expectations",
                             "talk it through with them calmly: what happened, what you expect from now on, and what "
                             "they need from you to manage it"),
            "MANAGE_PERFORMANCE": ("Put your expectations in writing",
                                   "put in writing what you expect and what happens if it goes on, and be ready to end "
                                   "the arrangement if it does")}


#: How sure the already-raised reader must be before the words say the writer is coming back to an earlier talk
#: the rules did not find: a red team found four openers of that kind in 30 letters that told of no talk,
#: all read at 0.51-0.55.
RAISED_CONFIDENCE = 0.6
#: ... and its sentence must tell of the writer's own words, said or written (not "I was told the aides were
#: busy"): "When I stopped meeting his eyes the visits got shorter" is a hint, and "We talked about this before"
#: after it would be untrue (a blind panel marked such a line).
#: ("I found the fix and he told our lead" is his telling: no other subject may stand between the writer and the verb.)
_SPOKE = re.compile(r"\b(?:i|we|i've|we've|i'd|we'd)\b(?:(?!\b(?:he|she|they|who)\b)[^.?!]){0,40}?\b(told|tell|tells|"
                    r"said|say|asked|ask|talked|talk|"
                    r"spoke|speak|mentioned|raised|"
                    r"brought (it|this|that) up|explained|emailed|e-mailed|messaged|wrote|texted|confronted|"
                    r"pointed out|let (him|her|them) know|sat down with|had a (word|chat|talk|conversation))\b",
                    re.IGNORECASE)


def _wronged(situation: Situation, floor: Floor) -> bool:
    """The letter tells of something the other side did to the writer: serious conduct, one of their sentences
    read as an act on the writer, or an incident of theirs aimed at the writer or at no one named."""
    return floor.serious or bool(situation.acts_on_writer) or any(
        i.actor == situation.counterpart and i.target in (None, "narrator") for i in situation.incidents)


@dataclass
class Advice:
    recommendations: list[Recommendation]
    avoid: list[Avoid]
    option_verdicts: list[OptionVerdict]
    revisit_if: list[Trigger]
    perspectives: list[Perspective]
    scripts: list[Script]
    #: What the safety floor decided (the writer's part as the advice acted on it, not the raw reading; serious
    #: conduct done to them), for what is shown beside the advice (similar cases).
    floor: Floor = field(default_factory=Floor)


def _the_family(situation: Situation) -> None:
    """Someone who works in a family's home calls the parents who employ them "the family", not "your manager" (blind
    panels 38 and 39): the label of a manager party named only by the line's word is said so, in place."""
    for party in situation.parties:
        if party.role == "manager" and party.label == party_rules().labels["manager"]:
            party.label = "the family you work for"


def _the_group(situation: Situation) -> None:
    """A group read as the other side is named as the group ("your crew", "the team"), not as one person of its line
    ("your direct report"), in place (red team 49)."""
    cp = situation.party(situation.counterpart)
    noun = group_noun(cp.mentions) if cp is not None else None
    if cp is not None and noun is not None:
        cp.label = f"your {noun}" if cp.role == "direct_report" else f"the {noun}"


def outside_the_tie(to: str, tied: list) -> str:
    """The formal route's alternatives ("your employer's manager above them, or the site manager") without one the
    writer says is close to the other side (``tied``: their sentence saying so; red team 39 was sent to the site
    manager whose son it was about); all of them when every one is named there."""
    if not tied:
        return to
    said = " ".join(e.text for e in tied).lower()
    parts = re.split(r",?\s+or\s+", to)
    kept = [p for p in parts if re.sub(r"^(?:the|your|a|an)\s+", "", p.strip().lower()) not in said]
    return ", or ".join(kept) if kept and len(kept) < len(parts) else to


#: Remarks on the writer's body, food or looks: never mere friction, however the severity reader leans (a rebuilt
#: reader read daily remarks on what a woman eats, loud enough for the corridor, as friction at 0.88).
_ABOUT_THE_BODY = re.compile(r"\b(?:comment\w*|remark\w*|jok\w*|mock\w*|sneer\w*|laugh\w*) (?:on|about|at) (?:what i "
                             r"(?:eat|wear|look like)|how (?:much )?i (?:eat|look)|my (?:weight|body|size|figure|lunch|"
                             r"food|looks|appearance|clothes|hair|skin|accent))\b", re.IGNORECASE)


def _about_their_body(situation) -> bool:
    told = situation.acts_on_writer + situation.what_happened
    return any(_ABOUT_THE_BODY.search(e.text) for e in told)


#: How sure the severity reader must be that it is friction before a limit's words ask for a shared way rather than
#: that it stop: daily remarks about what a woman eats, loud enough for the corridor, read as friction at 0.75, and
#: still need "I'm asking that it stop"; slow replies from an overloaded colleague read so at 0.84.
MILD_SURE = 0.8


def advise(situation: Situation, signals: list[Signal], factors: list[FactorReading] | None = None,
           words: WordsReading | None = None, route: FormalRoute | None = None,
           conduct: tuple[str, ...] = ()) -> Advice:
    """Rank the playbook's actions; with ``factors`` (the readers' output) the learned
    ranker re-weighs them (and ``words``, the words reader's view, where given) and the
    safety floor holds over the result. ``route``: the formal route where there is no HR
    department (``routes``); ``conduct``: the kinds of serious conduct done to the writer,
    named in the formal notes. A review of the writer's conduct is read from ``situation.under_review``."""
    playbook = load("playbook")
    ranked = score_actions(signals)
    sig = {s.name: s for s in signals}
    floor = Floor()
    if factors:
        ranked = _learned(ranked, factors, words or WordsReading())
    ranked = _hold_back(ranked, sig)
    if factors:
        floor = floor_for(factors, signals, situation=situation)
        floor.member_of_public = _member_of_public(situation)
        if route is not None and not route.setting.own_manager:
            floor.no_own_manager = [route.evidence] if route.evidence else []
        if route is not None and route.setting.deadline:
            floor.appeal_open = [route.evidence] if route.evidence else []
        if route is not None and route.setting.no_one_above:
            floor.household = [route.evidence] if route.evidence else []
            _the_family(situation)
        ranked = apply_floor(ranked, factors, floor)
    _the_group(situation)
    ranked = keep_rebuilding_trust(ranked, floor, sig)
    ranked = keep_to_the_writers_limits(ranked, situation.ruled_out, situation.light_touch, floor.serious)
    ranked = not_alone_with_them(ranked, situation.afraid_of_them, other_side_above(situation), floor.serious)
    ranked = word_before_leaving_it(ranked, situation.reply_owed, floor.serious)
    ranked = word_before_leaving_it(ranked, money_owed(situation), floor.serious, MONEY_OWED)
    if not floor.serious:  # (beside serious conduct the floor's order stands: going above them may be the safe step)
        ranked = _nobody_above_them(ranked, situation)
    order = [s.action for s in ranked]
    avoid = avoid_list(situation, order, sig, floor)
    owns = own_part(floor, sig)
    # Raised with them already, as the reader reads it (the scripts also take the talks the rules found), when it is
    # sure and its evidence says so (a question, "How do I tell her to stop?", tells nothing of what was done).
    # Words that open "I'd like to come back to what we talked about" after no talk would embarrass the writer.
    raised = any(f.name == "already_raised" and f.value is True and f.confidence >= RAISED_CONFIDENCE and f.evidence
                 and not is_question(f.evidence[0].text) and _SPOKE.search(f.evidence[0].text) for f in factors or ())
    scripts = render_scripts(situation, order, sig, avoid, own_part=owns, serious=floor.serious, raised=raised,
                             mainly_theirs=floor.writer_at_fault == "mainly",
                             route=route.setting if route else None, conduct=conduct,
                             fault_in_doubt=floor.fault_unsure,
                             mild=(any(f.name == "severity" and f.value == "minor" and f.confidence >= MILD_SURE
                                       for f in factors or ()) and not _about_their_body(situation))
                             or bool(situation.light_touch and not floor.serious))
    recommendations = []
    for s in ranked:
        spec = playbook["actions"][s.action]
        steps = list(spec.get("steps", []))
        formal = s.action == "HR_FORMAL" and route is not None
        if formal:  # the company policy step assumes an HR department; say the routes this setting has
            steps = [route_step(route.setting), *steps[1:]]
        if floor.serious:  # never "tell them first" where they may be the one harming the writer (red team 38)
            steps = [x for x in steps if not _WARN_THEM_FIRST.search(x)]
        script = script_for(s.action, scripts)
        kind = next((x.kind for x in scripts if x.action == s.action), None)
        asking = ASK_STEPS.get(kind) if kind else None
        reasons = [r for r in s.reasons if not _career_cost_beside_harm(r, s.action, floor)][:_MAX_REASONS]
        if asking:  # words for a request, a refusal or a limit: the step and its reason say that, not a grievance's
            reasons = [Reason(text=sentence(asking[1]), signal="asking",
                              evidence=situation.asking.evidence if situation.asking else []), *reasons][:_MAX_REASONS]
        title, instruction = spec["title"], route.setting.instruction if formal else asking[0] if asking else None
        if floor.employs_at_home and not floor.writer_owns and s.action in _AT_HOME:
            title, instruction = _AT_HOME[s.action]
        recommendations.append(Recommendation(
            action=s.action, score=s.score, title=title, reasons=reasons,
            risks=[x for x in spec.get("risks", []) if not (floor.serious and _WARN_THEM_FIRST.search(x))],
            steps=steps,
            script=script, route=outside_the_tie(route.setting.to, floor.manager_tied) if formal else None,
            instruction=instruction))
    return Advice(
        recommendations=recommendations,
        avoid=avoid,
        option_verdicts=_verdicts(situation, ranked, avoid, sig, floor, factors, conduct),
        revisit_if=_by_the_route(revisit_if(sig, events(situation), floor), route),
        perspectives=_persona_views(ranked, sig, {**{a: v["title"] for a, v in playbook["actions"].items()},
                                                  **{r.action: r.title for r in recommendations}},
                                    own_part=owns, serious=floor.serious, wronged=_wronged(situation, floor)),
        scripts=scripts,
        floor=floor,
    )


#: Words that make a customer a firm's person, who has a manager of their own: "the client's site manager".
_A_FIRMS_PERSON = re.compile(r"\b(?:client['’]s|customer['’]s|manager|supervisor|director|rep|representative|buyer|"
                             r"account|contact|foreman|estates|facilities|office)\b", re.IGNORECASE)


def _nobody_above_them(ranked: list[Scored], situation: Situation) -> list[Scored]:
    """Going to the other side's manager moved below the first five where they have none the writer could go to: a
    member of the public the writer serves (a regular customer, a pupil's parent), or someone the writer manages,
    whose manager is the writer (red team 54: "Raise it with their manager" for a customer, a parent and the writer's
    own daughter at her bakery)."""
    cp = situation.party(situation.counterpart)
    if cp is None:
        return ranked
    private = cp.role == "customer" and not cp.id.startswith("client_staff") and not _A_FIRMS_PERSON.search(
        " ".join([cp.label, *cp.mentions]))
    if not (private or cp.role == "direct_report"):
        return ranked
    moved = move_below(ranked, ("ESCALATE_THEIR_MANAGER",), 5)
    for s in moved:
        s.reasons.insert(0, Reason(text="You manage them yourself, so there is no one above them to go to"
                                   if cp.role == "direct_report" else
                                   "A member of the public you serve has no manager you could go to",
                                   effect="lowers", signal="writer_limit", source="rules", evidence=[]))
    return scores_follow(ranked) if moved else ranked


def _by_the_route(triggers: list[Trigger], route: FormalRoute | None) -> list[Trigger]:
    """Triggers that say "go to HR" said with the route the setting has where there is likely no HR (red team 53: a
    two-person garage was told "go to HR (or security) the same day" after a wrench was thrown)."""
    if route is None:
        return triggers
    to = route.setting.to
    return [t.model_copy(update={"text": _THREAT_WITHOUT_HR.format(to=to) if _A_THREAT.search(t.text)
                                 else _HR_IN_A_TRIGGER.sub(to, t.text)}) if t.action == "HR_FORMAL" else t
            for t in triggers]


#: The trigger for a threat, where there is likely no HR: safety first, then the route this setting has.
_A_THREAT = re.compile(r"\bthreat or physical intimidation\b")
_THREAT_WITHOUT_HR = ("If there is ever a threat or physical intimidation, step away and leave if you need to; you can "
                      "report it to the police, and then take it to {to}.")


#: How a trigger names HR: "HR (or security)", "HR".
_HR_IN_A_TRIGGER = re.compile(r"\bHR(?: \(or security\))?")


def _learned(ranked: list[Scored], factors: list[FactorReading], words: WordsReading) -> list[Scored]:
    """The blend ``make train`` chose: playbook score, the factor ranker's and the words reader's
    log-probabilities, each weighted; the factors and the sentence that moved an action become reasons."""
    from clearair.advise import ranker

    lp, w = ranker.log_proba({f.name: f.value for f in factors}), ranker.blend_weights()
    floor_lp = min(lp.values()) if lp else 0.0
    words_floor = min(words.log_proba.values()) if words.log_proba else 0.0
    quoted: set[int] = set()
    for s in sorted(ranked, key=lambda s: -words.log_proba.get(s.action, words_floor)):
        s.score = round(w["playbook"] * s.score + w["factors"] * lp.get(s.action, floor_lp)
                        + (w["words"] * words.log_proba.get(s.action, words_floor) if words.log_proba else 0.0), 3)
        learned = ranker.reasons(s.action, factors)
        said = ranker.words_reason(s.action, words, quoted) if w["words"] else None
        s.reasons = s.reasons[:_MAX_REASONS - 2] + (learned[:1] + [said] if said else learned)
        s.reasons.sort(key=lambda r: (r.effect != "raises",))
    return _keep_warned_out(_best_first(ranked), factors)


def _keep_warned_out(ranked: list[Scored], factors: list[FactorReading]) -> list[Scored]:
    """Actions experts were likely to warn against in letters like this leave the top three."""
    from clearair.advise import ranker

    order = list(ranked)
    moved = move_below(order, ranker.warned_against(factors), 3)
    if not moved:
        return ranked
    for s in moved:
        why = ranker.warning_reason(s.action, factors)
        if why is not None:
            s.reasons.insert(0, why)
    return scores_follow(order)


#: People the writer serves who belong to no organisation of their own: a shopper has no manager to go to.
_PUBLIC = re.compile(r"\b(shoppers?|guests?|patients?|passengers?|diners?|visitors?|patrons?|members? of the public|"
                     r"residents?|parents?|mother|father|mum|mom|dad|relatives?|family members?|callers?|tenants?|"
                     r"pupils?|students?|fans?|spectators?|punters?|riders?|commuters?|"
                     r"customers? in the (store|shop))\b",
                     re.IGNORECASE)


def _member_of_public(situation: Situation) -> list[Evidence]:
    """The words naming the other side, when they are a member of the public the writer serves (``_PUBLIC``)."""
    cp = situation.party(situation.counterpart)
    if cp is None or cp.role != "customer":
        return []
    return [e for e in cp.evidence if _PUBLIC.search(e.text)][:1]


#: The writer giving someone a name to use in the letter ("I'll call her Christine", "whom I'll call Harry").
_NAMING_ASIDE = re.compile(r"^(?i:(?:(?:who|whom)\s+)?i(?:['’]ll| will|['’]m going to| am going to)\s+call\s+"
                           r"(?:(?:him|her|them|this (?:person|man|woman|guy))\s+)?)(?!Tomorrow|Today|Monday|Tuesday|"
                           r"Wednesday|Thursday|Friday|Saturday|Sunday|HR\b)[A-Z][a-z]")


def _verdicts(situation: Situation, ranked: list[Scored], avoid: list[Avoid],
              sig: dict[str, Signal], floor: Floor | None = None,
              factors: list[FactorReading] | None = None, conduct: tuple[str, ...] = ()) -> list[OptionVerdict]:
    """``factors``: the reading; a formal route is kept open only where it finds some harm. ``conduct``: the kinds
    of serious conduct the rules found done to the writer (a writer pressed to sign may name signing as an option)."""
    floor = floor or Floor()
    read = {f.name: f.value for f in factors or ()}
    # Harm that a formal route exists for: serious conduct, or unprofessional conduct that keeps happening
    # (after a one-off, experts mostly advise against escalating, and the ranking's verdict stands).
    harm = read.get("severity") == "serious" or (read.get("severity") == "unprofessional" and bool(read.get("pattern")))
    position = {s.action: i for i, s in enumerate(ranked)}
    by_action = {s.action: s for s in ranked}
    avoided = {a.action: a for a in avoid}
    out = []
    rules_broken = bool(_RULE_BREAKING & set(conduct))
    for opt in situation.options:
        if _NAMING_ASIDE.match(opt.text):
            continue  # "I'll call her Christine, is very unreliable": how the writer names someone, not a step
        along = _going_along_in(opt.text) if rules_broken else None
        if along is not None and along != opt.text:
            # "refuse and tell the lab director, just do it and move on": two options read as one (red team 38 saw
            # "Recommended" beside the second); the going along is judged apart, the rest as it is
            out.append(OptionVerdict(option=along, action=None, verdict="not advised", reason=NOT_YOUR_NAME,
                                     evidence=opt.evidence))
            at = opt.text.index(along)
            rest = (opt.text[:at].rstrip(" ,;") + " " + opt.text[at + len(along):].lstrip(" ,;")).strip()
            opt = opt.model_copy(update={"text": rest or opt.text})
        if _AN_INSULT.search(opt.text):
            # "tell him he's obnoxious": what they are, said to their face, whatever step it reads as (blind panel 40
            # found it rated "reasonable"); judged apart from another option read in the same words ("… or ask my
            # manager to move my desk"), which is judged as it is
            parts = re.split(r",?\s+\bor\b\s+", opt.text)
            insult = [p for p in parts if _AN_INSULT.search(p)]
            out.append(OptionVerdict(option=" or ".join(insult), action=None, verdict="not advised",
                                     evidence=opt.evidence, reason=NAME_THE_BEHAVIOUR))
            rest = " or ".join(p for p in parts if not _AN_INSULT.search(p))
            if not rest:
                continue
            opt = opt.model_copy(update={"text": rest})
        action = opt.action
        if _puts_their_name_to_it(opt.text, floor, rules_broken):
            out.append(OptionVerdict(option=opt.text, action=action, verdict="not advised", evidence=opt.evidence,
                                     reason=NOT_YOUR_NAME))
            continue
        if action is None:
            out.append(OptionVerdict(option=opt.text, action=None, verdict="unclear",
                                     reason="clearair could not map this option to a known course of action.",
                                     evidence=opt.evidence))
            continue
        if action in NEVER_RECOMMENDED:
            why = avoided[action].why if action in avoided else "This tends to backfire."
            out.append(OptionVerdict(option=opt.text, action=action, verdict="not advised", reason=why,
                                     evidence=opt.evidence))
            continue
        scored = by_action.get(action)
        rank = position.get(action, len(ranked))
        if floor.serious and action in _UPWARD_OR_FACE and _names_their_post(opt.text, situation) \
                and floor.writer_at_fault != "mainly" and not floor.by_their_report:
            # "Talk to the vicar again", where the vicar is the one pressing them: a word with them, whatever rule
            # read it as a step up (red team 62)
            out.append(_not_on_your_own(opt, floor, "someone with the authority to act"))
            continue
        # A route that takes serious conduct out of the writer's hands: the writer's own option to use
        # one is advised whatever its rank (the floor already puts one of them first).
        formal = safe_formal_route(action, floor)
        if floor.serious and formal:
            out.append(OptionVerdict(
                option=opt.text, action=action, verdict="recommended", evidence=opt.evidence,
                reason=f"{floor.describe().capitalize()}. Taking it to someone with the authority to act, "
                       "with your dated notes, is the right move, and you should not have to handle it alone."))
            continue
        said = said_as(opt.text) if floor.serious else None  # what the option's own words name
        if floor.serious and action in FACE_TO_FACE and said in FORMAL_ROUTES:
            # "Write to the chair of trustees", read as a word with the other side: the words name a route with
            # authority, the reading names the person it is about. Neither is trusted alone with serious conduct.
            out.append(OptionVerdict(
                option=opt.text, action=action, verdict="reasonable", evidence=opt.evidence,
                reason="A route with the authority to act, as long as they are not the one behaving this way: if "
                       "they are, do not go to them alone; take it to HR or to someone above them, with your "
                       "dated notes."))
            continue
        if floor.serious and _face_to_face_by_its_words(opt.text, said, situation) \
                and floor.writer_at_fault != "mainly" and not floor.by_their_report:
            # Meeting the person alone, whatever the ranking makes of the step in general: a red team found "talk
            # to him after work to clear the air" marked reasonable beside a hand on the writer's waist.
            out.append(_not_on_your_own(opt, floor, "HR or a manager you trust"))
            continue
        if floor.writer_at_fault == "mainly" and action in _COMPLAINTS:
            # A complaint about the person the writer wronged, whatever the ranking says.
            out.append(OptionVerdict(
                option=opt.text, action=action, verdict="not advised", evidence=opt.evidence,
                reason="From what you describe, you caused much of this. Owning it and putting it right comes "
                       "first; a complaint now would read as getting in first."))
            continue
        if scored is None:
            verdict, reason = "not advised", "It does not fit your position in this situation."
        else:
            # By rank, not by the score's sign: the learned ranker's log-probabilities shift every score.
            # Second place is "recommended" only with nothing against it: "Recommended … Against it: it keeps
            # happening, so letting it go will not end it" read as a contradiction to a blind panel.
            # And not where the writer named the first step too: "talk to her first, or go to our manager?" is
            # answered with one of the two (red team 52 found both marked "Recommended").
            first_named = any(position.get(o.action) == 0 for o in situation.options if o.action != action)
            if rank == 0 or rank == 1 and not first_named and not any(r.effect == "lowers" for r in scored.reasons):
                verdict = "recommended"
            elif rank < 5 and action not in avoided:
                verdict = "reasonable"
            elif action in avoided or rank >= len(ranked) // 2:
                verdict = "not advised"
            else:
                verdict = "risky"
            reason = _verdict_reason(scored, rank, sig)
            if formal and verdict in ("risky", "not advised") and harm and floor.writer_at_fault == "none":
                # A formal route is the writer's right, and the reading may have missed why they name it:
                # never talk a wronged writer out of it, only say what clearair would try first. A fault
                # reading too weak to act on (``floor.fault_unsure``) counts as none here too.
                first = ranked[0].action if ranked else None
                verdict = "reasonable"
                reason = ("A legitimate route, and yours to take whenever you judge it right. From what you "
                          "describe, clearair would try another step first"
                          + (f" ({lower_first(action_title(first))})" if first else "")
                          + " and keep this ready if it continues or gets worse.")
        out.append(OptionVerdict(option=opt.text, action=action, verdict=verdict, reason=reason,
                                 evidence=opt.evidence))
    return out


#: An option that tells someone what they are: "tell him he's obnoxious", "call her a liar", "say he's a useless idiot".
_AN_INSULT = re.compile(
    r"\b(?:tell|telling|tells|call|calling|say|saying)\b[^.?!;]{0,20}?\b(?:(?:he|she|they)(?:['’]s| is| are|['’]re)|"
    r"(?:him|her|them)(?: an?)?)\s+(?:an? )?(?:(?:complete|total|absolute|utter|fucking|bloody)\s+)?(?:obnoxious|an? "
    r"idiot|idiot|jerk|arsehole|asshole|prick|moron|useless|pathetic|lazy|incompetent|liar|bully|creep|pig|bitch|"
    r"cow|twat|dick)\b", re.IGNORECASE)
#: Why such an option is not advised, whatever its step.
NAME_THE_BEHAVIOUR = ("Not advised: telling someone what they are turns it into a fight about you. Say what they do "
                      "and what you need instead (\"When you talk over me in meetings, I lose my point; I'd like to "
                      "finish\"), calmly and once.")


#: A step that tells the other side first ("Tell them first that you will raise it with their manager").
_WARN_THEM_FIRST = re.compile(r"\btell them (?:first|beforehand|in advance)\b|\blet them know (?:first|beforehand)\b",
                              re.IGNORECASE)
#: The writer's own option is to falsify something: "just bump the mark and move on", "fudge the figures".
_FALSIFY = re.compile(r"\b(falsify\w*|fudg\w*|backdat\w*|cook(ing)? the books|(fake|doctor)\w* (the |a |my |their )?"
                      r"(records?|signatures?|logs?|timesheets?|results?|numbers|figures|receipts?|invoices?))\b",
                      re.IGNORECASE)
#: ... or to change a result or a record, which is falsifying it where the letter is about pressure to do so.
_ALTER_RESULT = re.compile(r"\b(bump\w*|chang\w*|alter\w*|rais\w*|inflat\w*|adjust\w*|round\w* up|boost\w*|"
                           r"tweak\w*)\b[^.?!]{0,25}\b(marks?|grades?|scores?|results?|figures|numbers|readings|"
                           r"records?|logs?|timesheets?|hours)\b", re.IGNORECASE)
#: ... or to sign what they were pressed to sign: "just sign them", "initial the sheets".
_SIGN_IT = re.compile(r"\b(sign\w*|initial\w*|tick\w*)\b[^.?!]{0,20}\b(them|it|the[a-z ]{0,20}(sheets?|forms?|"
                      r"checks?|reports?|logs?|records?|paperwork))\b", re.IGNORECASE)
NOT_YOUR_NAME = ("Not advised: it would mean putting your name to something you know is not true, and the risk would "
                 "then be yours as well as theirs. Saying no, in writing if you can, and taking it above them is "
                 "safer, even when it is harder.")


#: Going along with what the writer is pressed to do: "do it", "sign it", "go along with them", "change the mark".
_GOING_ALONG = (r"(?:do it|do what (?:he|she|they) (?:asks?|asked|wants?|wanted|says?|said)|"
                r"go along with (?:it|him|her|them)|sign(?: it| them| the [a-z]+)?|initial (?:it|them)|"
                r"change (?:it|the (?:mark|grade|results?|figures)))")
#: ... said as an option: "just do it and move on", "or just sign and move on".
_GO_ALONG = re.compile(rf"\b(?:(?:or|and|maybe|i should|should i)\s+)?(?:just|simply)\s+{_GOING_ALONG}\b[^,;]*",
                       re.IGNORECASE)
#: Going along, as the first of a list of options: "sign it, refuse and tell the quality manager, or call the
#: regulator" (red team 38: the whole list was judged "not advised", the safe options in it too).
_GO_ALONG_FIRST = re.compile(rf"\s*(?:just\s+|simply\s+)?{_GOING_ALONG}(?=\s*,)", re.IGNORECASE)


def _going_along_in(text: str) -> str | None:
    """The words of going along with the pressure, listed inside an option after a comma or "or" (from there to the
    next comma), or None; said on their own ("part of me thinks I should just do it") the option is all of them."""
    first = _GO_ALONG_FIRST.match(text)  # "sign it, refuse and tell the quality manager": listed first
    if first is not None:
        return first.group(0).strip()
    m = _GO_ALONG.search(text)
    if m is None or not re.search(r"(?:,|\bor)\s*$", text[:m.start()]):
        return None
    return text[m.start():m.end()].strip()


def _puts_their_name_to_it(text: str, floor: Floor, rules_broken: bool) -> bool:
    """The writer's option is to do the falsifying the letter is about (red team 37: "just bump the mark and move
    on", pressed by a vice-principal, was marked "risky" with "it was a single incident" for it). ``rules_broken``:
    the letter tells rule-breaking, pressed on the writer or seen (``_RULE_BREAKING``)."""
    if _FALSIFY.search(text) or rules_broken and (_GO_ALONG.search(text) or _SIGN_IT.search(text)):
        return True
    return floor.serious and floor.writer_at_fault == "none" and bool(_ALTER_RESULT.search(text))


def _career_cost_beside_harm(reason: Reason, action: str, floor: Floor) -> bool:
    """A rule's or a model's reason against a formal route, where the conduct may be serious or the writer's own
    manager is the problem: "going over your boss's head usually costs you more than them" beside guards taken off
    a press or a nail gun fired at someone pushed the writer towards silence (red team 41). The safety floor's own
    reasons stay."""
    return (floor.serious or floor.manager_is_problem) and action in FORMAL_ROUTES and reason.effect == "lowers" \
        and reason.source != "safety"


#: The conduct kinds of rule-breaking the letter tells (``told.named_conduct``): pressed on the writer, or seen.
_RULE_BREAKING = frozenset({"unlawful_pressure", "rules_broken"})


def _face_to_face_by_its_words(text: str, said: str | None, situation: Situation) -> bool:
    """The option's own words meet the other side ("talk to him after work"), not a step up that the reading took
    as a word with them ("speak to the managing partner", where the partner may be misread as the one it is about)
    nor a word with others ("the owners are never in; I could text them"): only the first is talked down as
    facing them alone. ``said``: what the words name (``questions.said_as``)."""
    party = situation.party(situation.counterpart)
    names = [re.escape(m.lower()) for m in (party.mentions if party else [])] + ["him", "her"]
    return said in FACE_TO_FACE and bool(re.search(rf"\b({'|'.join(names)})\b", text.lower()))


#: Options that go to the other side, or above them, by the words that name whom.
_UPWARD_OR_FACE = FACE_TO_FACE | {"ESCALATE_THEIR_MANAGER", "ESCALATE_MANAGER"}


def _not_on_your_own(opt: Option, floor: Floor, who: str) -> OptionVerdict:
    """The writer's option to meet the person alone, beside serious conduct: not advised (risky where the reading of
    seriousness is unsure), with ``who`` to handle the contact instead."""
    return OptionVerdict(option=opt.text, action=opt.action, verdict="not advised" if floor.sure else "risky",
                         evidence=opt.evidence,
                         reason=f"Not on your own: {floor.describe()}. Let {who} handle any contact with them, and "
                                "keep your dated notes.")


def _names_their_post(text: str, situation: Situation) -> bool:
    """The option names the other side by the post the letter first gives them ("talk to the pastor again", where the
    pastor is the one it is about): a word with them, though the post alone reads as a route with authority (red
    team 62: a treasurer pressed by her pastor was told going back to him was "reasonable"). Only the first mention:
    a reading may join others of the same line to the party ("the managing partner" beside "the person I report
    to"), and a longer post ("the chair of trustees") is someone else."""
    party = situation.party(situation.counterpart)
    first = party.mentions[0].lower() if party and party.mentions else ""
    post = re.sub(r"^(?:the|our|my|your|a|an|this|that)\s+", "", first)
    if post in PRONOUNS or len(post) < 3 or post.endswith("s") or post == first:
        return False  # (a name or a pronoun, a group, or no determiner: "Gareth" is matched by name elsewhere)
    return bool(re.search(rf"\b(?:to|with|ask|tell|confront|approach|message|email|ring|call|see)\s+(?:the|our|my)\s+"
                          rf"{re.escape(post)}\b(?!['’]s| of\b)", text.lower()))


#: Options that complain about the other side to someone with authority over them (going to one's own
#: manager is left out: for a writer at fault it is as often owning up as complaining).
_COMPLAINTS = frozenset({"HR_FORMAL", "ESCALATE_THEIR_MANAGER"})


def _hold_back(ranked: list, sig: dict[str, Signal]) -> list:
    """What the advice will list under what not to do ("a formal complaint over an apologised one-off") is not
    among the first three either, whatever the blend scored it; the safety floor, applied after, still wins."""
    held = held_back(sig)
    moved = move_below(ranked, tuple(held), 3)
    for s in moved:
        s.reasons.insert(0, Reason(text=held[s.action]["why"], effect="lowers", signal="avoid", source="rules"))
    return scores_follow(ranked) if moved else ranked


# Context the writer should weigh whatever they choose, when present.
_CONTEXT_SIGNALS = ("leaving_soon", "external_exposure", "fragility", "low_support", "repair_offered")


def _verdict_reason(scored: Scored, rank: int, sig: dict[str, Signal]) -> str:
    up_reasons = [r for r in scored.reasons if r.effect == "raises"][:2]
    down_reasons = [r for r in scored.reasons if r.effect == "lowers"][:2]
    # Reasons are sentences on their own; here they are clauses of one ("For it: a; b."), so no inner full stop
    # or capital ("…(records or witnesses); Experts often… yours..").
    ups, downs = ([lower_first(r.text.strip().rstrip(".")) for r in rs] for rs in (up_reasons, down_reasons))
    parts = [f"Ranked {rank + 1} of the options clearair weighed."]
    if ups:
        parts.append("For it: " + "; ".join(ups) + ".")
    if downs:
        parts.append("Against it: " + "; ".join(downs) + ".")
    cited = {r.signal for r in up_reasons + down_reasons}
    extra = [sig[n].detail for n in _CONTEXT_SIGNALS if n in sig and not any(n in (c or "") for c in cited)]
    if extra:
        parts.append("Keep in mind: " + "; ".join(extra) + ".")
    return " ".join(parts)


def attach(report: Report, advice: Advice, reading=None, questions: list[Question] | None = None) -> Report:
    """Put the advice on the report; with ``reading`` (the parsed letter) the writer's own questions
    are found (or taken from ``questions``, found already) and the written answer opens by answering them."""
    report.recommendations = advice.recommendations
    report.avoid = advice.avoid
    report.option_verdicts = advice.option_verdicts
    report.revisit_if = advice.revisit_if
    report.perspectives = advice.perspectives
    report.scripts = advice.scripts
    if reading is not None:
        ask(report, reading.text, reading.original, questions)  # the questions, then the answer
    else:
        report.offline_answer = compose(report)  # the written answer leads every view
    return report
