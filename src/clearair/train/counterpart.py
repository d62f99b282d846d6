"""Learn the weights of the counterpart clues (``extract/counterpart.py``) from the annotated roles.

Each named party of a letter is a candidate; a candidate is right when its role is
the annotated role of the other side. A logistic regression over the candidates'
clues (shared by all roles) gives one weight per clue; the party with the highest
score is chosen. It ships only if it beats the hand weights in cross-validation
clearly: on the letters where the two disagree, significantly more often right
(McNemar's test), not by a point that one shuffle of the folds could undo.
Also returns the out-of-fold role of every letter, so the factor readers train on
the role as the running engine would read it, not on a choice that saw the answer.

The role reader (``train_role_reader``) learns the other side's role from the
letter's words and the chooser's pick, for the letters where the chooser finds
nobody; it ships when it beats the chooser alone by the same test.
"""

from __future__ import annotations

import numpy as np

from clearair.extract.counterpart import HAND_WEIGHTS, OUTSIDE, may_take_role, role_features, score
from clearair.extract.features import FACTOR_ROLE, Sentence

SEED = 0
C = 1.0
#: The learned weights ship only when, on the letters where the two choose differently, they are right
#: significantly more often (McNemar's z at least this, about 5 % two-sided): a smaller gain is within the
#: noise of 5-fold CV and not worth losing the hand weights' clarity.
SIGNIFICANT_Z = 1.96
AS_FACTOR = FACTOR_ROLE
#: The role reader's C: 0.3, 1 and 3 did the same within half a point in 5-fold CV; raw 0/1 features
#: (not scaled by letter length) did two points better than scaled ones.
ROLE_C = 1.0

Candidates = dict[str, tuple[str, dict[str, float]]]  # party key -> (role, clues)


def _role(candidates: Candidates, key: str | None) -> str:
    return "none" if key is None else AS_FACTOR.get(candidates[key][0], candidates[key][0])


def _pick(candidates: Candidates, weights: dict[str, float]) -> str | None:
    # The same tie-break as extract/counterpart.choose: on equal scores, the party named first.
    return max(candidates, key=lambda k: (score(candidates[k][1], weights),
                                          -candidates[k][1].get("first_position", 0.0))) if candidates else None


def _fit(letters: list[tuple[str, Candidates]], names: list[str]) -> dict[str, float]:
    from sklearn.linear_model import LogisticRegression

    index = {n: i for i, n in enumerate(names)}
    rows, ys = [], []
    for gold, cands in letters:
        labels = [_role(cands, k) == gold for k in cands]
        if not any(labels):
            continue  # no candidate has the right role: nothing to learn about choosing
        for k, y in zip(cands, labels):
            x = np.zeros(len(names))
            for n, v in cands[k][1].items():
                if n in index:
                    x[index[n]] = v
            rows.append(x)
            ys.append(y)
    model = LogisticRegression(C=C, max_iter=5000).fit(np.array(rows), np.array(ys))
    return {n: round(float(w), 5) for n, w in zip(names, model.coef_[0]) if abs(w) > 1e-6}


def train_counterpart(letters: list[tuple[str, Candidates]], folds: int = 5) -> dict:
    """``letters``: (annotated role, candidates) per letter. Returns the artefact and the
    out-of-fold roles of the chosen method."""
    names = sorted({n for _, cands in letters for _, clues in cands.values() for n in clues})
    hand = [_role(c, _pick(c, HAND_WEIGHTS)) for _, c in letters]
    learned = [""] * len(letters)
    order = np.random.RandomState(SEED).permutation(len(letters))
    for part in np.array_split(order, folds):
        held = set(part.tolist())
        w = _fit([x for i, x in enumerate(letters) if i not in held], names)
        for i in part:
            learned[i] = _role(letters[i][1], _pick(letters[i][1], w))
    gold = [g for g, _ in letters]
    accuracy = {"rules": float(np.mean([h == g for h, g in zip(hand, gold)])),
                "learned": float(np.mean([p == g for p, g in zip(learned, gold)])),
                "reachable": float(np.mean([any(_role(c, k) == g for k in c) for g, c in letters]))}
    z = mcnemar_z(learned, hand, gold)
    accuracy["mcnemar_z"] = round(z, 2)
    chosen = "learned" if z >= SIGNIFICANT_Z else "rules"
    return {"artefact": {"chosen": chosen, "weights": _fit(letters, names), "accuracy": accuracy},
            "oof_roles": learned if chosen == "learned" else hand}


def mcnemar_z(new: list[str], old: list[str], gold: list[str]) -> float:
    """On the letters where the two differ in being right, how much more often ``new`` is right."""
    only_new = sum(p == g != h for p, h, g in zip(new, old, gold))
    only_old = sum(h == g != p for p, h, g in zip(new, old, gold))
    return (only_new - only_old) / max(1.0, float(np.sqrt(only_new + only_old)))


def picked(candidates: Candidates) -> tuple[str, str] | None:
    """The (key, role) of the party the chooser picks with its hand weights; None when the letter names nobody."""
    key = _pick(candidates, HAND_WEIGHTS)
    return None if key is None else (key, candidates[key][0])


def picked_role(candidates: Candidates) -> str | None:
    """The role of the party the chooser picks with its hand weights (as the engine does before the role
    reader); None when the letter names nobody."""
    key = _pick(candidates, HAND_WEIGHTS)
    return None if key is None else candidates[key][0]


def role_reader_features(sents: list[Sentence], candidates: Candidates, is_manager: bool) -> dict[str, float]:
    return role_features(sents, [role for role, _ in candidates.values()], picked_role(candidates), is_manager)


#: The role reader gives the other side a role only from a confidence at which, in cross-validation, that
#: role is right this often: a wrong role misleads the advice (a harasser read as the writer's peer sends
#: the writer to their own manager), so fewer, surer readings are worth more than many unsure ones.
ROLE_PRECISION = 0.75
ROLE_MIN_READINGS = 15


def role_bar(read: dict[int, tuple[str, float]], labels: list[str]) -> float:
    """The lowest confidence (in steps of 0.05) at which the reader's roles are right ``ROLE_PRECISION`` of the
    time over at least ``ROLE_MIN_READINGS`` letters; 1.01 (never) if none is."""
    bar = 1.01
    for t in np.arange(0.95, 0.25, -0.05):
        said = [i for i, (_, p) in read.items() if p >= t]
        if len(said) >= ROLE_MIN_READINGS and np.mean([read[i][0] == labels[i] for i in said]) >= ROLE_PRECISION:
            bar = round(float(t), 2)
    return bar


def train_role_reader(features: list[dict[str, float]], candidates: list[Candidates], labels: list[str],
                      folds: int = 5) -> dict:
    """The role reader, which reads the role where the chooser finds nobody, cross-validated against the
    chooser alone. ``features``: ``role_reader_features`` per letter; ``labels``: the other side's role as
    the case was labelled. Returns the artefact entry and the out-of-fold role of every letter."""
    from sklearn.linear_model import LogisticRegression

    from clearair.train.readers import linear_spec, macro_f1, matrix, vocabulary

    def fit(idx):
        vocab = vocabulary([features[i] for i in idx])
        model = LogisticRegression(C=ROLE_C, max_iter=5000)
        return vocab, model.fit(matrix([features[i] for i in idx], vocab, scaled=False), [labels[i] for i in idx])

    chooser = [_role(c, _pick(c, HAND_WEIGHTS)) for c in candidates]
    read: dict[int, tuple[str, float]] = {}  # letters the chooser finds nobody in: the reader's role, confidence
    everyone: dict[int, tuple[str, float]] = {}  # every letter: the reader's role and confidence, out of fold
    order = np.random.RandomState(SEED).permutation(len(labels))
    for part in np.array_split(order, folds):
        held = set(part.tolist())
        vocab, model = fit([i for i in range(len(labels)) if i not in held])
        proba = model.predict_proba(matrix([features[i] for i in part], vocab, scaled=False))
        for i, p in zip(part, proba):
            everyone[int(i)] = (str(model.classes_[int(p.argmax())]), float(p.max()))
            if chooser[i] == "none":
                read[int(i)] = everyone[int(i)]
    bar = role_bar(read, labels)
    # As ``extract.counterpart.settle``: the chooser's pick, else the reader's role when it is sure enough.
    learned = [read[i][0] if i in read and read[i][1] >= bar else chooser[i] for i in range(len(labels))]
    accuracy = {"rules": float(np.mean([h == g for h, g in zip(chooser, labels)])),
                "learned": float(np.mean([p == g for p, g in zip(learned, labels)])),
                "by_role": float(np.mean([h == "none" for h in chooser])),
                "macro_f1_rules": macro_f1(labels, chooser), "macro_f1_learned": macro_f1(labels, learned),
                "mcnemar_z": round(mcnemar_z(learned, chooser, labels), 2)}
    chosen = "learned" if accuracy["mcnemar_z"] >= SIGNIFICANT_Z else "rules"
    vocab, model = fit(list(range(len(labels))))
    spec = linear_spec(vocab, model, [str(c) for c in model.classes_])
    accuracy["bar"] = bar
    accuracy["by_role_read"] = float(np.mean([i in read and read[i][1] >= bar for i in range(len(labels))]))
    return {"artefact": {"chosen": chosen, "accuracy": accuracy, "model": spec, "bar": bar},
            "oof_roles": learned if chosen == "learned" else chooser, "oof_read": everyone}


#: Replacing an outside reading, the reader must be right at least this many times for each time the reading it
#: replaces was right: where both are often wrong (an outside reading is wrong for most letters it is given to),
#: precision alone would refuse a change that mends many letters and breaks few.
OUTSIDE_ODDS = 3.0


Whose = tuple[str | None, str | None, str | None, frozenset[str]]


def _eligible(roles: list[str], read: dict[int, tuple[str, float]], whose: list[Whose]) -> dict[int, tuple[str, float]]:
    """The letters whose outside reading the role reader's role may replace (``may_take_role``)."""
    return {i: r for i, r in read.items() if roles[i] in OUTSIDE and may_take_role(r[0], *whose[i])}


def odds_bar(candidates: dict[int, tuple[str, float]], roles: list[str], labels: list[str], odds: float,
             grid: np.ndarray) -> float:
    """The lowest confidence on ``grid`` (highest first) at which putting the role reader's role (``candidates``:
    letter -> role, confidence) in place of the engine's (``roles``) mends at least ``odds`` letters for each it
    breaks, over at least ``ROLE_MIN_READINGS`` letters; 1.01 (never) if at no confidence."""
    bar = 1.01
    for t in grid:
        said = [i for i, (_, p) in candidates.items() if p >= t]
        mended = sum(candidates[i][0] == labels[i] for i in said)
        broken = sum(roles[i] == labels[i] for i in said)
        if len(said) >= ROLE_MIN_READINGS and mended >= odds * max(broken, 1):
            bar = round(float(t), 2)
    return bar


def _replaced(candidates: dict[int, tuple[str, float]], bar: float, roles: list[str], labels: list[str],
              count: str) -> dict:
    """The engine's roles with the reader's in place from ``bar``: the artefact entry (shipped when significant by
    McNemar's test; ``count`` names the number of letters changed) and the out-of-fold roles that follow."""
    after = [candidates[i][0] if i in candidates and candidates[i][1] >= bar else r for i, r in enumerate(roles)]
    z = round(mcnemar_z(after, roles, labels), 2)
    chosen = "learned" if z >= SIGNIFICANT_Z else "rules"
    accuracy = {"before": float(np.mean([r == g for r, g in zip(roles, labels)])),
                "after": float(np.mean([r == g for r, g in zip(after, labels)])), "mcnemar_z": z,
                count: sum(a != r for a, r in zip(after, roles))}
    return {"artefact": {"chosen": chosen, "bar": bar, "accuracy": accuracy},
            "oof_roles": after if chosen == "learned" else roles}


def outside_bar(roles: list[str], read: dict[int, tuple[str, float]], labels: list[str],
                whose: list[Whose]) -> float:
    """The lowest confidence (steps of 0.05) at which the role reader, replacing an "outside the writer's
    lines" reading (``OUTSIDE``) where ``may_take_role`` allows, is right at least ``OUTSIDE_ODDS`` times as
    often as the reading it replaces, over at least ``ROLE_MIN_READINGS`` letters; 1.01 (never) if at no
    confidence. ``whose``: per letter, (the chosen party's role or None, the unsure line of a new phrase, the
    chosen party's key, the roles of the parties the extractor found)."""
    return odds_bar(_eligible(roles, read, whose), roles, labels, OUTSIDE_ODDS, np.arange(0.95, 0.25, -0.05))


def whose_reading(role: str, choice, hand: tuple[str, str] | None, named: frozenset[str] = frozenset()) -> Whose:
    """(the chosen party's role, a new phrase's unsure line, the chosen party's key, the roles of the parties the
    extractor found) for ``may_take_role``, from the out-of-fold role, the phrase readers' choice (None where the
    chooser decided), the hand chooser's pick (key, role) and ``named``."""
    if role == "none":
        return None, None, None, named
    if choice is None:
        return (hand[1], None, hand[0], named) if hand else (None, None, None, named)
    if choice.phrase.key is None:
        return "other", choice.role, None, named
    return choice.phrase.role, None, choice.phrase.key, named


def train_outside_override(roles: list[str], read: dict[int, tuple[str, float]], labels: list[str],
                           whose: list[Whose]) -> dict:
    """Where the phrase readers and the chooser settle on someone outside the writer's lines (a woman from
    another department, a person whose line the phrase readers were unsure of) or nobody, the role reader,
    reading the whole letter, often knows the line. ``roles``: the out-of-fold roles of the engine before this
    step; ``read``: the role reader's out-of-fold role and confidence per letter; ``whose``: see
    ``outside_bar``. Ships when significant by McNemar's test."""
    bar = outside_bar(roles, read, labels, whose)
    return _replaced(_eligible(roles, read, whose), bar, roles, labels, "replaced")


#: Switching from one named person in the writer's lines to another, the reader must mend at least this many
#: letters for each it breaks: a wrong switch puts a different person at the centre of the advice.
SWITCH_ODDS = 3.0


def _switchable(roles: list[str], read: dict[int, tuple[str, float]], lines: list[set[str]]) -> dict[int, tuple[str, float]]:
    """The letters where ``extract.counterpart.switch_line`` may move: the reading is in the writer's lines,
    the reader reads another line role, and the letter names someone of that role."""
    return {i: r for i, r in read.items()
            if roles[i] not in OUTSIDE and r[0] not in OUTSIDE and r[0] != roles[i] and r[0] in lines[i]}


def train_line_switch(roles: list[str], read: dict[int, tuple[str, float]], labels: list[str],
                      lines: list[set[str]]) -> dict:
    """The bar from which the role reader moves the other side to another named party of the line it reads
    (``extract.counterpart.switch_line``). ``roles``: the out-of-fold roles of the engine before this step;
    ``read``: the role reader's out-of-fold role and confidence; ``lines``: per letter, the roles of the
    parties it names. The bar is the lowest confidence (steps of 0.01 from 0.99) where switching mends
    ``SWITCH_ODDS`` letters for each it breaks over at least ``ROLE_MIN_READINGS``; ships when significant by
    McNemar's test."""
    movable = _switchable(roles, read, lines)
    return _replaced(movable, odds_bar(movable, roles, labels, SWITCH_ODDS, np.arange(0.99, 0.5, -0.01)), roles, labels,
                     "switched")
