"""Other perspectives: advisers who weigh the same facts differently.

Each persona re-ranks the plausible actions by its leanings (``bias`` in
knowledge/personas.yaml). Its opening follows from the situation: the first
of its ``openings`` whose signals hold, so two letters with different facts
read differently; a writer who has something to own is never told they were
wronged; serious conduct changes every voice. A persona that agrees with the
overall first step says so in one line instead of repeating the advice.
"""

from __future__ import annotations

from functools import cache

from clearair.advise.safety import AGAINST_THE_WRONGED, ALONE_WITH_THEM
from clearair.knowledge import load
from clearair.knowledge.schemas import PersonaFile
from clearair.models import Perspective, Signal

_PLAUSIBLE = 5  # a persona chooses among the main ranking's top five
_RANK_STEP = 0.5  # value of one rank place against one unit of persona bias (counted twice)
_OPENING_PULL = 3.0  # a step the persona's own opening argues for outweighs any rank place


@cache
def personas() -> PersonaFile:
    """knowledge/personas.yaml, validated."""
    return PersonaFile.model_validate(load("personas"))


def opening(p, sig: dict[str, Signal], own_part: bool, serious: bool, wronged: bool = True) -> tuple[str, list[str]]:
    """The persona's first sentence for this situation, and the steps that sentence argues for. ``wronged``: the
    letter tells of something the other side did to the writer (else "quietly absorbing it teaches people…" was
    said of a colleague the writer called busy, not careless: red team 27)."""
    if own_part and p.stance_if_at_fault:
        return p.stance_if_at_fault, []
    if serious and p.stance_if_serious:
        return p.stance_if_serious, []
    if not wronged and p.stance_if_no_wrong:
        return p.stance_if_no_wrong, []
    for o in p.openings:
        if all(n in sig for n in o.when) and not any(n in sig for n in o.unless):
            return o.text, list(o.favours)
    return p.stance, []


def _reason(scored, own_part: bool, said: frozenset[str] = frozenset()) -> str | None:
    """The persona's "because": a plain rule reason (not the learned ranker's), never "you were wronged", and not
    one the first step's reasons already gave (a red team read the same sentence twice as a template)."""
    for r in scored.reasons:
        if r.effect != "raises" or r.text.startswith("In letters like yours") or r.signal == "words":
            continue  # "experts often gave this advice on letters worded like yours" is no reason a person gives
        if r.text in said:
            continue
        if own_part and "wrong" in r.text.lower():
            continue
        return r.text.rstrip(".")[0].lower() + r.text.rstrip(".")[1:]
    return None


def perspectives(ranked: list, sig: dict[str, Signal], titles: dict[str, str], own_part: bool = False,
                 serious: bool = False, wronged: bool = True) -> list[Perspective]:
    """``ranked``: objects with .action, .score, .reasons, best first; ``titles``: action -> title; ``wronged``: see
    ``opening``."""
    main_top = ranked[0].action if ranked else None
    # Nobody asks a writer with nothing to own to apologise, or sends them alone to someone whose conduct is serious.
    def allowed(action: str) -> bool:
        if own_part and action in AGAINST_THE_WRONGED:
            return False  # a writer with something to own does not start by holding the line against them
        return (own_part or action != "APOLOGIZE") and not (serious and action in ALONE_WITH_THEM)

    plausible = [s for s in ranked if allowed(s.action)][:_PLAUSIBLE]
    out = []
    voiced: dict[str, str] = {}  # first step -> the persona that already gave its reason
    first_reasons = frozenset(r.text for r in ranked[0].reasons) if ranked else frozenset()
    for p in personas().personas:
        said, favours = opening(p, sig, own_part, serious, wronged)
        # What the opening argues for is weighed first, wherever the main ranking put it.
        weighed = plausible + [s for s in ranked if s.action in favours and allowed(s.action) and s not in plausible]

        def value(item: tuple[int, object]) -> float:
            rank, scored = item
            pull = _OPENING_PULL if scored.action in favours else 0.0
            return (_PLAUSIBLE - min(rank, _PLAUSIBLE)) * _RANK_STEP + 2 * p.bias.get(scored.action, 0.0) + pull

        chosen = [s for _, s in sorted(enumerate(weighed), key=lambda it: (-value(it), it[0]))]
        biased = chosen + [s for s in ranked if s not in chosen and allowed(s.action)]
        if not biased:
            continue
        top = biased[0]
        title = titles[top.action][0].lower() + titles[top.action][1:]
        if top.action == main_top:
            view = f"Agrees with the first step ({title}): {p.agrees}."
        elif top.action in voiced:  # the reason was given a line above: three voices repeating it read as one
            view = f"{said} Would also start with: {title}, for the same reason as {voiced[top.action]}."
        else:
            reason = _reason(top, own_part, first_reasons)
            # "So" only where the opening argued for this very step: "use the formal route … So would start with: keep
            # dated notes" read as a contradiction (red team 50, in seven letters)
            view = f"{said} {'So would' if top.action in favours else 'Would'} start with: {title}"
            view += f", because {reason}." if reason else "."
            voiced[top.action] = p.title[0].lower() + p.title[1:] if p.title.startswith("The ") else p.title
        out.append(Perspective(name=p.name, title=p.title, top_action=top.action,
                               ranking=[s.action for s in biased[:5]], view=view,
                               disagrees_with_main=top.action != main_top))
    return out
