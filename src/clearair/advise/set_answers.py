"""Questions with a set answer (``knowledge/answers.yaml``): "Should I bring a rep?", "Can I ask for the CCTV to be
kept?". The words and the answers are data; ``advise.answer`` decides when each applies (the reading, the safety
floor, whether the writer's own conduct is under review) and names the entry it uses."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from clearair.knowledge import load
from clearair.knowledge.schemas import SetAnswerFile
from clearair.models import Verdict

#: Every entry the code names: the file must hold exactly these, so a misspelt or missing name fails at load.
NAMES = frozenset({"payback", "bring_someone", "hearing_words", "admit_or_not", "witness", "others_do_it",
                   "keep_evidence", "go_along", "union_when", "quit_now", "write_down", "own_up",
                   "through_the_process", "say_nothing_about_a_dose", "what_to_expect",
                   "say_no_to_a_request", "bring_up_pay", "look_petty", "copy_their_manager", "leave_well",
                   "choose_terms", "customer_too", "reply_to_customer", "breaks_law", "pay_law",
                   "change_terms", "complain_for_them", "let_it_be_logged",
                   "apology_where", "unsafe_next_shift", "discrimination_law",
                   "hours_cut_law", "in_writing",
                   "tell_manager_own_mistake", "no_contract", "repair_owed",
                   "move_them_after_complaint"})


@dataclass(frozen=True)
class Asked:
    """One set answer, its words compiled."""

    asks: re.Pattern[str]
    unless: re.Pattern[str] | None
    verdict: Verdict
    answer: str

    def asked(self, text: str) -> bool:
        """Whether ``text`` asks this question (and nothing in it rules the question out)."""
        return bool(self.asks.search(text)) and not (self.unless is not None and self.unless.search(text))


def _either(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


def compile_answers(data: object) -> dict[str, Asked]:
    """The parsed answers file, validated (``SetAnswerFile``) and compiled; a ValueError when it does not hold
    exactly the entries the code names (``NAMES``)."""
    spec = SetAnswerFile.model_validate(data)
    if set(spec.answers) != NAMES:
        raise ValueError(f"answers.yaml: names the code does not use {sorted(set(spec.answers) - NAMES)}, "
                         f"names the code uses but the file lacks {sorted(NAMES - set(spec.answers))}")
    return {name: Asked(_either(a.asks), _either(a.unless) if a.unless else None, a.verdict, a.answer)
            for name, a in spec.answers.items()}


@cache
def _set_answers() -> dict[str, Asked]:
    return compile_answers(load("answers"))


def set_answer(name: str) -> Asked:
    """The set answer called ``name`` (one of ``NAMES``)."""
    return _set_answers()[name]
