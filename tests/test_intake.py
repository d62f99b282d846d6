import pytest

from clearair.errors import InputError
from clearair.intake import build_document, read_bytes
from clearair.intake.document import normalize
from conftest import seed_text

LETTER = ("My manager shouted at me in front of the whole team yesterday because a report was late, "
          "and I don't know whether to raise it with him or let it go.")


@pytest.mark.parametrize("bad, fragment", [
    ("", "empty"),
    ("   \n\t  ", "empty"),
    ("my boss yelled at me", "too short"),
    ("Mein Chef hat mich vor dem ganzen Team angeschrien und ich weiß nicht, ob ich es ansprechen "
     "soll oder ob ich es einfach vergessen soll, weil er sonst nett ist.", "English"),
    ("我的经理在全体团队面前对我大喊大叫，我不知道是否应该提出来还是就这样算了。" * 3, "English"),
])
def test_bad_text_is_refused_with_one_line(bad, fragment):
    with pytest.raises(InputError) as err:
        build_document(bad)
    assert fragment in str(err.value)
    assert "\n" not in str(err.value)


def test_bad_bytes_are_refused():
    with pytest.raises(InputError, match="binary"):
        read_bytes(b"\x00\x01\x02" * 50)
    with pytest.raises(InputError, match="UTF-8"):
        read_bytes(LETTER.encode("utf-8") + b"\xff\xfe")
    with pytest.raises(InputError, match="too large"):
        read_bytes(b"a " * 400_001)
    emoji = "\U0001F620" * 72_000  # 288,000 bytes, 72,000 characters: within the limit in characters
    assert read_bytes(emoji.encode("utf-8")) == emoji
    assert read_bytes(b"\xef\xbb\xbf" + LETTER.encode()) == LETTER


def test_normalize_keeps_every_offset():
    text = "He said \u201cno\u201d\u00a0\u2014 it\u2019s fine\r\n"
    out = normalize(text)
    assert len(out) == len(text)
    assert '"no"' in out and "it's" in out


def test_forum_thread_is_split_into_letter_and_authored_replies():
    doc = build_document(seed_text("peer-goes-cold-after-mistake"))
    thread = doc.thread()
    assert [r.author for r in thread.replies] == ["mmann", "regas14"]
    assert doc.narrator_name == "Jason"
    letter = doc.segment_text(doc.letter)
    assert letter.startswith("Over the last couple of months")
    assert "Licensee Badge" not in letter and "picture" not in letter
    assert "Crucial Conversations" in thread.replies[1].text
    assert "Forums" not in doc.analysis_text()


def test_column_thread_separates_answer_comments_and_update():
    doc = build_document(seed_text("skip-level-forwards-complaint"))
    letter = doc.segment_text(doc.letter)
    assert letter.startswith("I work for a software company")
    assert letter.endswith("didn't receive proper justice.")
    thread = doc.thread()
    authors = [r.author for r in thread.replies]
    assert authors[0] == "the columnist"
    assert {"Rachel - former HR blogger", "Gabriel Conroy", "R.B.", "The Engineer", "Charles"} <= set(authors)
    assert len(thread.updates) == 1
    assert "publicly apologize" in thread.updates[0].text
    analysis = doc.analysis_text()
    assert "site has moved" not in analysis and "A reader writes" not in analysis
    assert "Count to 10" not in analysis  # replies are not the writer's words


def test_letter_without_thread_is_whole_letter():
    doc = build_document(LETTER)
    assert doc.thread().replies == [] and doc.segment_text(doc.letter) == LETTER
