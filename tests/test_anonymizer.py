"""Anonymiser precision and recall: ordinary capitalised words stay, names go.

``data/anonymizer_sentences.jsonl``: short sentences with the names a person
would want hidden (people, companies, places) and, as often, none at all
(greetings, sign-offs, departments, roles, products, codes).
"""

import json
from pathlib import Path

import pytest

from clearair.privacy import anonymize, is_ordinary

DATA = Path(__file__).parent / "data" / "anonymizer_sentences.jsonl"
#: Input needs 15 words: each sentence follows a neutral opening with no capitalised word but "I".
OPENING = "I would like some advice, please, about something that happened to me at work recently.\n\n"
PRECISION_FLOOR = 1.0  # 92 of 92 replacements on 182 sentences (before: 79 of 114)
RECALL_FLOOR = 0.98  # 92 of 93 names ("the Fernhill Bakery contract" is missed; before: 79 of 93)


def _scores() -> tuple[float, float, list[str]]:
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    right = wrong = found = total = 0
    misses = []
    for row in rows:
        out = anonymize(OPENING + row["text"])
        names = [n["text"] for n in row["names"]]
        for r in out.replacements:
            if any(r.original in n or n in r.original for n in names):
                right += r.count
            else:
                wrong += r.count
                misses.append(f"replaced {r.original!r} in {row['text']!r}")
        for name in names:
            total += 1
            if name not in out.text:
                found += 1
            else:
                misses.append(f"kept {name!r} in {row['text']!r}")
    return right / max(right + wrong, 1), found / total, misses


def test_precision_and_recall_on_labelled_sentences():
    precision, recall, misses = _scores()
    assert precision >= PRECISION_FLOOR, misses
    assert recall >= RECALL_FLOOR, misses


@pytest.mark.parametrize("sentence, kept", [
    ("Suffice to say, the meeting did not go well.", "Suffice"),
    ("Good Luck, and thanks for reading all of this.", "Good Luck"),
    ("Dude, that is not normal.", "Dude"),
    ("The Security group wouldn't give me access until Monday.", "Security group"),
    ("We're two weeks away from the Q3 launch and nobody is talking.", "Q3 launch"),
    ("My Line Manager and the Head of Department don't speak to each other.", "Line Manager"),
])
def test_greetings_common_words_and_team_names_are_kept(sentence, kept):
    out = anonymize(OPENING + sentence)
    assert kept in out.text and not out.replacements


@pytest.mark.parametrize("sentence, name", [
    ("Cheers, Hannah", "Hannah"),
    ("Tomasz keeps taking my lunch out of the fridge.", "Tomasz"),
    ("Hey Deb, quick question about the rota.", "Deb"),
    ("Our warehouse in Stoke-on-Trent runs nights.", "Stoke-on-Trent"),
    ("I reported it to Dr. Best, the clinical lead.", "Best"),
])
def test_names_the_small_model_misses_are_still_replaced(sentence, name):
    assert name not in anonymize(OPENING + sentence).text


def test_ordinary_phrases():
    assert is_ordinary("the Works Council") and is_ordinary("Q3") and is_ordinary("Fridays")
    assert not is_ordinary("Northgate Dental Group") and not is_ordinary("Mr. Haddad")
