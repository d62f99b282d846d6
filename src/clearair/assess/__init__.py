"""assess: a :class:`Situation` in, named signals with strengths and evidence out.

Signals are the vocabulary the playbook speaks: power distance, visibility,
recurrence, repair already offered, heat, fragility, support, horizon... Each
one keeps the facts (and so the user's words) behind it, so any advice built on
it can say why.
"""

from __future__ import annotations

from clearair.assess.readers import asked_them_for_oneself
from clearair.models import Cue, Evidence, Signal, Situation

#: Every signal ``assess`` gives: the names the playbook's rules may use (its schema checks them at load, since a rule
#: naming anything else would simply never fire). A new signal is added here and to ``assess`` together.
SIGNALS = frozenset({
    "already_left", "boundary", "considering_leave", "counterpart_above", "counterpart_attacked", "counterpart_below",
    "counterpart_co_owner", "counterpart_external", "counterpart_level", "counterpart_two_up", "credit_theft", "distance", "documented",
    "entrenched", "external_exposure", "favoritism", "fix_in_place", "fragility", "has_support", "heat",
    "justice_goal", "key_account", "leaving_soon", "low_support", "narrator_apologized", "narrator_at_fault",
    "narrator_blamed", "narrator_manages", "needs_job", "new_in_role", "no_authority", "on_record", "one_off",
    "others_affected", "passed_over", "past_or_unprovable", "performance_gap", "protected_need", "public_exposure",
    "public_repair", "rebuffed", "recurring", "relationship_goal", "repair_offered", "report_conflict",
    "report_involved", "retaliation", "romance", "secondhand", "severity", "strain", "toxic", "tried_escalating",
    "tried_ignoring", "tried_talking", "wants_exit",
})

#: The party key of a co-owner (``parties.yaml``): level with the writer, with nobody above the two of them.
BUSINESS_PARTNER = "business_partner"

_ABOVE = {"manager", "skip_level"}
_LEVEL = {"peer", "other", "peers_manager"}
_ATTACKS = {"undermine", "humiliate", "forward", "criticise", "aggress", "steal_credit", "gossip", "harass",
            "overload", "lie"}
_HEAT_KINDS = {"anger", "embarrassment", "hurt", "fear", "shock", "stress", "frustration"}


def assess(s: Situation) -> list[Signal]:
    out: list[Signal] = []

    def add(name: str, strength: float, detail: str, evidence: list[Evidence] | None = None) -> None:
        if name not in SIGNALS:
            raise ValueError(f"signal {name!r} is not in assess.SIGNALS")
        if strength > 0:
            out.append(Signal(name=name, strength=round(min(strength, 1.0), 3), detail=detail,
                              evidence=(evidence or [])[:4]))

    cp = s.party(s.counterpart)
    role = cp.role if cp else None
    cp_ev = cp.evidence[:1] if cp else []
    themes = {t.kind: t for t in s.themes}
    constraints = {c.kind: c for c in s.constraints}
    attempts = {a.kind: a for a in s.attempts}
    responses = {r.kind: r for r in s.responses}
    goals = {g.kind: g for g in s.goals}

    # power distance
    if role in _ABOVE:
        add("counterpart_above", 1.0, f"the other side is {cp.label}, above you", cp_ev)
    if role == "skip_level":
        add("counterpart_two_up", 1.0, f"{cp.label} is two levels above you", cp_ev)
    if role in _LEVEL:
        add("counterpart_level", 1.0, f"the other side is {cp.label}, at your level or outside your line", cp_ev)
    if role == "direct_report":
        add("counterpart_below", 1.0, "the other side reports to you", cp_ev)
    if role == "customer":
        add("counterpart_external", 1.0, "the other side is a customer", cp_ev)
    if cp is not None and role == "peer" and (cp.id == BUSINESS_PARTNER or s.narrator.co_owner):  # a co-owner's
        # only peer is another owner ("We each own half… Dana has stopped doing any design work")
        add("counterpart_co_owner", 1.0, "they own the business with you, so no manager stands above you both", cp_ev)
    if s.narrator.is_manager:
        add("narrator_manages", 1.0, "you manage people", s.narrator.evidence[:2])
    reports = s.parties_with_role("direct_report")
    if s.narrator.is_manager and reports:
        add("report_involved", 1.0, "someone who reports to you is involved", reports[0].evidence[:1])

    # visibility and exposure
    public = [i for i in s.incidents if i.audience.kind in ("large_group", "team")]
    if public:
        big = any(i.audience.kind == "large_group" for i in public)
        size = next((i.audience.size for i in public if i.audience.size), None)
        detail = f"it happened in front of {'about ' + str(size) + ' people' if size else 'others'}"
        add("public_exposure", 1.0 if big else 0.6, detail, [e for i in public for e in i.evidence[:1]])
    elif "public_harm" in themes:
        add("public_exposure", 0.5, "your standing with others is at stake", themes["public_harm"].evidence)
    external = [i for i in s.incidents if i.audience.kind == "external"]
    if external:
        add("external_exposure", 1.0, "a customer or outside party saw it", [e for i in external for e in i.evidence[:1]])
    elif "customer_issue" in themes:
        add("external_exposure", 0.6, "a customer is part of it", themes["customer_issue"].evidence)

    # recurrence
    if s.pattern.recurring:
        add("recurring", 1.0, "it is a pattern, not a one-off", s.pattern.evidence)
    else:
        add("one_off", 1.0, "it reads as a single incident", [])
    if "severe_pattern" in themes:
        add("entrenched", 1.0, "it has gone on for a long time or is pushing you out", themes["severe_pattern"].evidence)

    # repair and responses
    # The other side's apology, one whose maker the reading could not tie to anyone, a public one, or one from above
    # the writer (the reading may have taken someone else for the other side); not a coworker's "I'm sorry it
    # happened", which is no repair (red team 35: it was credited to the manager the letter was about).
    above = {p.id for p in s.parties if p.role in ("manager", "skip_level")}
    apologies = [r for r in s.responses if r.kind == "public_apology" or r.kind == "apology" and (
        r.by in (None, s.counterpart) or r.by in above)]
    if apologies:
        strength = 1.0 if "public_apology" in responses else 0.8
        detail = "you have already received an apology"
        first = min((e.start for a in apologies for e in a.evidence), default=None)
        if s.pattern.recurring and first is not None and any(e.start > first for e in s.pattern.evidence):
            # "She apologised, and it has happened three more times since": words, not repair.
            strength, detail = 0.3, "you received an apology, but it has happened again since"
        add("repair_offered", strength, detail, _ev(apologies))
    if "public_apology" in responses:
        add("public_repair", 1.0, "the apology was made in front of others", responses["public_apology"].evidence)
    attacks = [i for i in s.incidents if i.actor == s.counterpart and i.act in _ATTACKS]
    attacked = bool(attacks)
    if attacked:
        add("counterpart_attacked", 1.0, f"{cp.label} acted against you or your side",
            [e for i in attacks for e in i.evidence[:1]])
    if "narrator_fault" in themes:
        # When the other side attacked, the writer's own slip matters less to the advice.
        add("narrator_at_fault", 0.4 if attacked else 1.0, "you (or your side) caused part of the problem",
            themes["narrator_fault"].evidence)
    if "apology" in attempts:
        add("narrator_apologized", 1.0, "you have already apologised", attempts["apology"].evidence)
    if "fix" in attempts:
        add("fix_in_place", 1.0, "you already put a fix in place", attempts["fix"].evidence)
    rebuff = [r for r in s.responses if r.kind in ("rebuffed", "denial", "hostile", "walked_out")]
    if rebuff:
        add("rebuffed", 1.0, "your approaches were turned away or denied", _ev(rebuff))
    if "exclusion" in themes:
        add("distance", 1.0, "the other person has pulled away or shuts you out", themes["exclusion"].evidence)
    # "When I went to the manager I report to and asked for the leave, she turned me down": going to one's own
    # manager, who is the other side, is talking to them, not going over their head (a blind panel).
    to_them = "reported" in attempts and bool(attempts["reported"].evidence) and asked_them_for_oneself(
        attempts["reported"].evidence[0], attempts["reported"].text, cp)
    if "feedback" in attempts or "asked" in attempts or to_them:
        add("tried_talking", 1.0, "you have already talked to them",
            _ev([attempts.get("feedback"), attempts.get("asked"), attempts["reported"] if to_them else None]))
    if "reported" in attempts and not to_them:
        add("tried_escalating", 1.0, "you have already raised it with someone", attempts["reported"].evidence)
    if "documented" in attempts:
        add("documented", 1.0, "you already keep notes", attempts["documented"].evidence)
    if "ignoring" in attempts or "ignored_in_vain" in attempts:
        add("tried_ignoring", 1.0, "ignoring it has not worked",
            _ev([attempts.get("ignoring"), attempts.get("ignored_in_vain")]))
    if "job_search" in attempts or "wants_exit" in themes:
        add("wants_exit", 1.0, "you are thinking of leaving", _ev([attempts.get("job_search"), themes.get("wants_exit")]))

    # heat, fragility, support, horizon
    heat = [e for e in s.emotions if e.kind in _HEAT_KINDS]
    if heat:
        add("heat", len(heat) / 3, "you are " + ", ".join(e.kind for e in heat[:3]).replace("_", " "), _ev(heat))
    traits = cp.traits if cp else []
    fragile = [t for t in traits if t in ("prone to stress leave", "has walked out of meetings before", "volatile")]
    if fragile or "fragile_counterpart" in constraints:
        ev = constraints["fragile_counterpart"].evidence if "fragile_counterpart" in constraints else cp_ev
        add("fragility", 1.0, "the other person reacts badly to pressure" + (f" ({fragile[0]})" if fragile else ""), ev)
    if "weak_support" in constraints or "shrugged_off" in responses:
        add("low_support", 1.0, "the people who could act are unlikely to back you",
            _ev([constraints.get("weak_support"), responses.get("shrugged_off")]))
    if "support" in responses:
        add("has_support", 1.0, "someone above you has already backed you", responses["support"].evidence)
    if s.narrator.leaving_soon or "leaving_soon" in constraints:
        add("leaving_soon", 1.0, "you are leaving soon", _ev([constraints.get("leaving_soon")]) or s.narrator.evidence)
    for kind, name, detail in (("needs_job", "needs_job", "you cannot afford to lose this job"),
                               ("new_in_role", "new_in_role", "you are new in the role"),
                               ("no_authority", "no_authority", "you have no authority over them"),
                               ("key_account", "key_account", "an important account is at stake"),
                               ("already_left", "already_left", "you no longer work there")):
        if kind in constraints:
            add(name, 1.0, detail, constraints[kind].evidence)

    # what kind of conflict
    for kind, name, detail in (
        ("aggression", "severity", "there was intimidation or aggression"),
        ("harassment", "severity", "it amounts to bullying or harassment"),
        ("boundary_intrusion", "boundary", "your limits (time, space, personal life) are being crossed"),
        ("credit_theft", "credit_theft", "someone takes credit for others' work"),
        ("others_affected", "others_affected", "others have been treated this way too"),
        ("toxic_environment", "toxic", "the whole workplace is toxic"),
        ("report_conflict", "report_conflict", "people you manage are in conflict with each other"),
        ("performance_gap", "performance_gap", "work is not being delivered to standard"),
        ("narrator_blamed", "narrator_blamed", "you were blamed or complained about"),
        ("formal_mark", "on_record", "a write-up, warning or poor review is on your file"),
        ("retaliation", "retaliation", "it looks like payback for a complaint or for speaking up"),
        ("secondhand", "secondhand", "you only know it secondhand"),
        ("romance", "romance", "a personal, romantic element is involved"),
        ("disability_or_leave", "considering_leave", "you are considering time off"),
        ("protected_need", "protected_need", "your health, a disability, a pregnancy or caring for someone is part of "
                                             "this, and the law may protect you on that ground"),
        ("passed_over", "passed_over", "you were passed over or feel envious"),
        ("favoritism", "favoritism", "someone is favoured"),
        ("past_or_unprovable", "past_or_unprovable", "it is in the past or cannot be proven"),
    ):
        if kind == "report_conflict" and not s.narrator.is_manager:
            continue  # "two women who chat all day" are not the writer's reports unless the writer manages people
        if kind in themes and not any(sig.name == name for sig in out):
            add(name, 1.0, detail, themes[kind].evidence)
    if any(i.act == "overload" for i in s.incidents) and not any(sig.name == "boundary" for sig in out):
        add("boundary", 1.0, "demands reach into your own time", [i.evidence[0] for i in s.incidents if i.act == "overload"])

    # goals
    if "justice" in goals:
        add("justice_goal", 1.0, "you want the wrong acknowledged", goals["justice"].evidence)
    if {"repair_relationship", "team_function"} & goals.keys():
        add("relationship_goal", 1.0, "you want the working relationship to work",
            _ev([goals.get("repair_relationship"), goals.get("team_function")]))
    if "stress" in {e.kind for e in s.emotions} or "cope" in goals:
        add("strain", 1.0, "this is wearing you down", _ev([goals.get("cope")] + [e for e in s.emotions if e.kind == "stress"]))
    return out


def _ev(cues: list[Cue | None]) -> list[Evidence]:
    return [e for c in cues if c is not None for e in c.evidence[:2]]


def strengths(signals: list[Signal]) -> dict[str, float]:
    return {s.name: s.strength for s in signals}
