"""No report contradicts itself: on the seeds, the bundled examples and a fixed
sample of the library's letters (all 622 with CLEARAIR_FULL_CONTRADICTIONS=1),
a recommended action is never also under what not to do, no script carries
out what the report warns against, an event that has already happened is
never shown as one to watch for, and a don't is shown only when the writer is
weighing it or the situation invites it."""

import json
import os
from importlib import resources

import pytest

from clearair.advise.answer import floor_of
from clearair.advise.avoid import INVITED_BY_AT_LEAST
from clearair.advise.safety import ALONE_WITH_THEM
from clearair.advise.triggers import fired, triggers
from clearair.knowledge import load
from clearair.models import Report
from conftest import SEEDS

FULL = os.environ.get("CLEARAIR_FULL_CONTRADICTIONS") == "1"
#: Script kinds that put the writer face to face with the other side.
FACE_TO_FACE = {"opener", "boundary", "agenda"}


def library_letters() -> list[tuple[str, str]]:
    out = []
    folder = resources.files("clearair").joinpath("data/library")
    for part in sorted(p.name for p in folder.iterdir() if p.name.startswith("cases_") and p.name.endswith(".jsonl")):
        for line in folder.joinpath(part).read_text(encoding="utf-8").splitlines():
            if line.strip():
                case = json.loads(line)
                out.append((case["id"], case["situation"]))
    return out


def contradictions(report: Report) -> list[str]:
    """Every way the report contradicts itself, in words (empty when it does not)."""
    problems = []
    top3 = set(report.top_actions(3))
    avoided = {a.action for a in report.avoid}
    for action in top3 & avoided:
        problems.append(f"{action} is recommended and also under what not to do")
    for script in report.scripts:
        if script.action in avoided:
            problems.append(f"the {script.kind} script carries out {script.action}, which is under what not to do")
        if script.kind == "email" and "PUBLIC_CALLOUT" in avoided:
            problems.append("a note to everyone who saw it, while a mass email is under what not to do")
        if script.kind == "apology" and "APOLOGIZE" in avoided:
            problems.append("an apology script while apologising is under what not to do")
        if script.action is not None and script.action not in top3:
            problems.append(f"the {script.kind} script is for {script.action}, which is not among the top three")
    floor = floor_of(report)
    if floor.serious:
        for script in report.scripts:
            if script.kind in FACE_TO_FACE:
                problems.append(f"serious conduct, yet the {script.kind} script sends the writer to them alone")
        for p in report.perspectives:
            if p.top_action in ALONE_WITH_THEM and p.top_action not in top3:
                problems.append(f"serious conduct, yet {p.title} starts with {p.top_action}")
    sig = {s.name: s for s in report.signals}
    shown = {t.text for t in report.revisit_if}
    for spec in triggers().triggers:
        if spec.text in shown and fired(spec, sig):
            problems.append(f"already happened, shown as a future trigger: {spec.text}")
    recurring = report.situation.pattern.recurring or "recurring" in sig
    for text in shown:
        if recurring and text.startswith("If it happens again"):
            problems.append(f"it already keeps happening, yet: {text}")
    named = {o.action for o in report.situation.options}
    playbook = load("playbook")
    for a in report.avoid:
        if a.action in named:
            continue
        if a.action in playbook["tempting"]:
            invited = [n for n in playbook["tempting"][a.action]["invited_by"] if n in sig and sig[n].strength >= 0.5]
            if len(invited) < INVITED_BY_AT_LEAST:
                problems.append(f"{a.action} is listed though the writer did not raise it and little invites it")
    answer = report.offline_answer
    for a in report.avoid:
        if f"best first step: {a.title.lower()}" in answer.lower():
            problems.append(f"the written answer leads with {a.action}, which is under what not to do")
    return problems


@pytest.fixture(scope="module")
def examples() -> list[tuple[str, str]]:
    texts = [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))]
    folder = resources.files("clearair").joinpath("examples")
    texts += [(f"example:{p.name}", p.read_text(encoding="utf-8")) for p in folder.iterdir() if p.name.endswith(".txt")]
    return texts


def test_the_seeds_and_bundled_examples_never_contradict_themselves(examples):
    from clearair import analyze

    assert len(examples) >= 4
    found = {name: contradictions(analyze(text)) for name, text in examples}
    assert not any(found.values()), {k: v for k, v in found.items() if v}


def test_the_librarys_letters_never_contradict_themselves(sample_reports):
    """The fixed sample the words tests also read (all letters with CLEARAIR_FULL_CONTRADICTIONS=1)."""
    from clearair.pipeline import analyze_many

    letters = library_letters()
    assert len(letters) > 500
    if FULL:
        reports = analyze_many([text for _, text in letters], n_process=1)
    else:
        letters = [(case["id"], case["situation"]) for case, _ in sample_reports]
        reports = [report for _, report in sample_reports]
    found = {cid: p for (cid, _), r in zip(letters, reports, strict=True) if (p := contradictions(r))}
    assert not found, f"{len(found)} of {len(letters)} letters: {dict(list(found.items())[:5])}"


def test_the_check_catches_a_contradiction(examples):
    """The test above could fail: a report that recommends what it warns against is caught."""
    from clearair import analyze
    from clearair.models import Avoid

    report = analyze(examples[0][1])
    first = report.recommendations[0]
    report.avoid.append(Avoid(action=first.action, title=first.title, why="A made-up warning."))
    assert any("recommended and also under what not to do" in p for p in contradictions(report))


def test_dont_lists_differ_with_the_letter(examples):
    """Don'ts are not shown by default: "venting" and "getting even" only where invited."""
    from clearair import analyze

    lists = [{a.action for a in analyze(text).avoid} for _, text in examples]
    assert sum("GOSSIP" in x for x in lists) < len(lists)
    calm = analyze("My coworker forgot to send me the figures for the monthly report again. It's the second "
                   "time; I need them by Friday. How should I bring it up without making it a big deal?")
    assert not {"GOSSIP", "RETALIATE"} & {a.action for a in calm.avoid}


def test_a_route_the_safety_floor_allows_is_never_a_dont():
    """With serious conduct by the writer's own manager the floor sends the writer above or around them; "don't go
    over your boss's head" beside it reads as the report contradicting itself (a blind panel flagged it twice)."""
    from clearair.advise.avoid import avoid_list
    from clearair.advise.safety import Floor
    from clearair.models import Signal, Situation

    sig = {"counterpart_above": Signal(name="counterpart_above", strength=1.0, detail="your manager")}
    top = ["HR_FORMAL", "DOCUMENT", "ESCALATE_MANAGER"]
    ordinary = {a.action for a in avoid_list(Situation(), top, sig)}
    assert "ESCALATE_THEIR_MANAGER" in ordinary  # the rule holds when nothing serious is read
    for floor in (Floor(serious=True), Floor(manager_is_problem=True)):
        assert "ESCALATE_THEIR_MANAGER" not in {a.action for a in avoid_list(Situation(), top, sig, floor)}
