"""A case's reading window is a sum of numbers stored with each version (a bulk import of
4,000 updates took 79 s when every write re-read and re-counted the newest updates), now a
difference of two running totals, and the check stays what it was: the same verdict as the
intake's ``validate_words`` on the window's text, in characters, never bytes."""

import bisect
import datetime as dt
import random
from types import SimpleNamespace

import pytest

from clearair.errors import InputError
from clearair.intake import validate_words
from clearair.intake.reading import MAX_CHARS
from clearair.store import CaseStore
from clearair.store.cases import _Pending, case_text, reading_window
from clearair.store.window import JOIN, can_be_read, joined, measure, part, running, window_from_totals
from conftest import seed_text

#: Words the intake counts as common English, words it does not, and pieces that are no words at all.
COMMON = ["the", "he", "to", "and", "was", "it's", "I", "my", "not", "them"]
OTHER = ["director", "meeting", "email", "ignored", "Project", "furious", "don't", "café", "naïve", "Zoë"]
NOT_WORDS = ["2026", "12:30", "\U0001F620", "\u2014", "_", "#", "x2", "\u00bd", "\u200b"]


def random_part(rng: random.Random, pieces: list[str] = COMMON + OTHER + NOT_WORDS) -> str:
    pieces = rng.choices(pieces, k=rng.randint(0, 25))
    return rng.choice([" ", "\n", ", ", ". "]).join(pieces)


def half_the_limit(rng: random.Random) -> str:
    """A part of about half the intake's limit (the newest update may pass the budget up to it)."""
    return "He was there again. " * 5 + "\U0001F620" * rng.randint(MAX_CHARS // 2 - 300, MAX_CHARS // 2 + 100)


def verdict(text: str) -> bool:
    try:
        validate_words(text)
    except InputError:
        return False
    return True


def test_the_stored_numbers_give_the_intakes_verdict_on_the_joined_text():
    rng = random.Random(14)
    accepted = refused = 0
    for _ in range(2_000):
        parts = [random_part(rng) for _ in range(rng.randint(1, 6))]
        text = JOIN.join(parts)
        m = joined(measure(p) for p in parts)
        assert m == measure(text)  # the join adds its blank lines and splits no word
        if parts[0]:  # as a case's first part always is (the intake refuses an empty letter)
            assert [*running(measure(p) for p in parts)][-1] == m  # and so do the running totals
        assert can_be_read(m) == verdict(text), parts
        accepted, refused = accepted + verdict(text), refused + (not verdict(text))
    assert accepted > 200 and refused > 200  # both sides of the rule were tried


def test_running_totals_give_the_window_and_the_verdict_the_intake_reads():
    """2,000 random cases (unreadable versions among them, budgets that cut the window anywhere,
    now and then a part near half the intake's limit): the window measured from the first and newest
    versions' running totals and one lookup by characters is the measure of the text the analysis
    reads (``reading_window``), so the verdict is the intake's, and its updates are those after the
    version the lookup names."""
    rng = random.Random(1407)
    seen = {"original alone": 0, "every update": 0, "cut": 0, "only the new one": 0}
    accepted = refused = 0
    for _ in range(2_000):
        versions = []
        n = rng.randint(1, 30)
        big = rng.randint(2, n) if n > 1 and rng.random() < 0.01 else None
        pieces = rng.choice([COMMON + OTHER + NOT_WORDS, OTHER + NOT_WORDS])  # some cases terse throughout
        for seq in range(1, n + 1):
            text = random_part(rng, pieces)
            if seq == 1:
                text += " the"  # an original is never empty (the intake refuses it)
            elif seq == big:
                text = half_the_limit(rng)
            versions.append(SimpleNamespace(
                seq=seq, kind="original" if seq == 1 else "update", text=text, unreadable=None,
                happened_on=dt.date(2026, 1, rng.randint(1, 28)) if rng.random() < 0.3 else None,
                part_chars=None, part_words=None, part_common_words=None))
            if seq > 1 and rng.random() < 0.15:
                versions[-1].unreadable = "set aside"
        new_text = half_the_limit(rng) if rng.random() < 0.025 else random_part(rng, pieces)
        new = _Pending(new_text, dt.date(2026, 2, 1) if rng.random() < 0.3 else None)
        budget = rng.choice([rng.randint(-20, 60), rng.randint(0, 600), rng.randint(0, 3_000), 10**6])
        measured = new.measured
        new.part_chars = None  # type: ignore[assignment]  # reading_window measures the text itself
        text = case_text([*versions, new], None, reading_window([*versions, new], budget))

        totals = list(running(None if v.unreadable else measure(part(v.kind, v.text, v.happened_on))
                              for v in versions))
        lookups = []

        def reaching(chars, totals=totals, versions=versions, lookups=lookups):
            lookups.append(chars)
            i = bisect.bisect_left([t.chars for t in totals], chars)  # the index's order
            return (versions[i].seq, totals[i]) if i < len(totals) else None

        window, after = window_from_totals((1, totals[0]), (versions[-1].seq, totals[-1]), measured,
                                           reaching, budget)
        assert len(lookups) <= 1
        assert window == measure(text)
        readable = verdict(text)
        assert can_be_read(window) is readable
        read = [v for v in versions if v.seq == 1 or (after is not None and v.seq > after and not v.unreadable)]
        assert text == JOIN.join([part(v.kind, v.text, v.happened_on) for v in read]
                                 + ([part("update", new.text, new.happened_on)] if after is not None else []))
        readable_updates = sum(1 for v in versions[1:] if not v.unreadable)
        kind = ("original alone" if after is None else "only the new one" if len(read) == 1
                else "every update" if len(read) == readable_updates + 1 else "cut")
        seen[kind] += 1
        accepted, refused = accepted + readable, refused + (not readable)
    assert min(seen.values()) >= 10, seen  # every shape of window was tried
    assert accepted > 200 and refused > 200


@pytest.mark.parametrize("common, other, readable", [
    (3, 22, True),    # exactly the intake's share of common words: read
    (2, 22, False),   # just under it: not English
    (14, 0, False),   # one word too few
    (15, 0, True),
])
def test_the_verdict_at_the_edges_of_the_rule(common, other, readable):
    text = " ".join(["the"] * common + ["director"] * other)
    assert can_be_read(measure(text)) is readable is verdict(text)


def test_the_size_limit_counts_characters_not_bytes():
    sentence = "The director shouted at me again in front of the whole team and I was not allowed to answer. "
    emoji = sentence + "\U0001F620" * (MAX_CHARS - len(sentence))  # 800 kB in UTF-8
    assert measure(emoji).chars == len(emoji) == MAX_CHARS
    assert can_be_read(measure(emoji)) is verdict(emoji) is True
    assert can_be_read(measure(emoji + "\U0001F620" * 50)) is verdict(emoji + "\U0001F620" * 50) is False


@pytest.fixture()
def store(tmp_path):
    return CaseStore(f"sqlite:///{tmp_path / 'cases.db'}", budget_chars=3_000)


def window_text(store, case_id, new: str, happened_on=None) -> str:
    """The window the next analysis would read with ``new`` added, measured from the texts alone."""
    versions = list(store.get(case_id).versions)
    for v in versions:  # forget the stored numbers: reading_window measures the text itself
        v.part_chars = v.part_words = v.part_common_words = None
    pending = _Pending(new, happened_on)
    pending.part_chars = pending.part_words = pending.part_common_words = None  # type: ignore[assignment]
    versions.append(pending)
    return case_text(versions, None, reading_window(versions, store.budget))


def test_each_update_is_checked_as_the_window_reads_it(tmp_path):
    """Updates that pass alone but carry no common English words (a terse bulk import) are taken
    until the window they would make is no longer English; each verdict is the intake's own."""
    store = CaseStore(f"sqlite:///{tmp_path / 'terse.db'}")
    case_id = store.create(seed_text("peer-goes-cold-after-mistake"))
    terse = "Meeting cancelled. Director furious. Email ignored again. Project delayed, budget frozen. " * 4
    refused = 0
    for n in range(60):
        text = terse if n % 10 else "He told me that he was not going to the review with them."
        expected = verdict(window_text(store, case_id, text))
        before = len(store.get(case_id).versions)
        try:
            store.update(case_id, text, evaluate=False)
            assert expected, f"update {n} was taken, but its window is not English"
        except InputError as err:
            assert not expected, f"update {n} was refused: {err}"
            assert "English" in str(err)
            assert len(store.get(case_id).versions) == before  # nothing stored
            refused += 1
    assert 0 < refused < 60  # some terse updates fit the window, and then the window filled with them
    assert store.open_case(case_id)[1].recommendations


def test_an_update_that_would_overflow_the_window_is_refused(tmp_path):
    """With a budget wider than the intake's limit, two long updates together would make a
    window the intake refuses: the second is refused before anything is written."""
    store = CaseStore(f"sqlite:///{tmp_path / 'wide.db'}", budget_chars=2 * MAX_CHARS)
    case_id = store.create(seed_text("peer-goes-cold-after-mistake"))
    long = ("My peer ignored my message again this week and left me out of the planning call. " * 1_400)[:110_000]
    store.update(case_id, long, evaluate=False)
    with pytest.raises(InputError, match="too large"):
        store.update(case_id, long + " And again on Friday.", evaluate=False)
    assert len(store.get(case_id).versions) == 2
    assert not verdict(window_text(store, case_id, long + " And again on Friday."))


def test_emoji_updates_are_counted_in_characters_and_the_window_stays_right(store):
    case_id = store.create(seed_text("peer-goes-cold-after-mistake"))
    angry = "\U0001F620"
    for n in range(12):
        when = dt.date(2026, 3, 1 + n) if n % 2 else None
        store.update(case_id, f"He sent {angry * 2} and \U0001F44D{angry * 40 * n} to the team "
                              f"again on day {n}, and I was not told.", happened_on=when, evaluate=False)
    versions = store.get(case_id).versions
    with store.reading() as s:
        lengths = {seq: n for seq, n in s.execute(store_lengths(case_id))}
    for v in versions:
        shown = part(v.kind, v.text, v.happened_on)
        assert (v.part_chars, v.part_words, v.part_common_words) == tuple(measure(shown))
        assert v.part_chars == len(shown) < len(shown.encode())  # characters, not UTF-8 bytes
        assert lengths[v.seq] == len(v.text)  # and the database counts the same characters
    window = reading_window(versions, store.budget)
    assert window is not None  # the budget holds only the newest of them
    for v in versions:
        v.part_chars = None  # measured again from the text
    assert reading_window(versions, store.budget) == window


def store_lengths(case_id):
    from sqlalchemy import func, select

    from clearair.store.schema import Version

    return select(Version.seq, func.length(Version.text)).where(Version.case_id == case_id)


def test_a_version_written_without_its_numbers_is_measured_from_its_text(tmp_path):
    """A row written some other way (by hand, or by a tool) counts the same as one the store wrote."""
    from clearair.store.schema import Version

    store = CaseStore(f"sqlite:///{tmp_path / 'by-hand.db'}")
    case_id = store.create(seed_text("peer-goes-cold-after-mistake"))
    with store.writing() as s:
        s.add(Version(case_id=case_id, seq=2, kind="update", text="Meeting cancelled. Director furious. " * 250))
    with pytest.raises(InputError, match="English"):  # its words count in the window though nothing was stored
        store.update(case_id, "Email ignored. Budget frozen. Project delayed. " * 40, evaluate=False)
    store.update(case_id, "He apologised to me this morning and said it would not happen again.", evaluate=False)
    assert len(store.get(case_id).versions) == 3
