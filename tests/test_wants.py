"""The writer's own request, asked in the words to use (letters written for these tests)."""

import pytest

from clearair import analyze
from clearair.advise.wants import wanted_from_them


@pytest.mark.parametrize("text, ask", [
    ("I'd like to know how to get more guidance from my manager.", "you give me more guidance"),
    ("I just want him to copy me in on the client emails, and to stop taking my leads.",
     "you copy me in on the client emails"),
    ("I want them to listen to me and, ideally, respect me.", "you listen to me"),
    ("Honestly I just want her to leave me alone at lunch.", "you leave me alone at lunch"),
    ("Honestly I'd like more guidance from her, maybe a weekly check-in.", "you give me more guidance"),
])
def test_a_stated_request_is_turned_into_words_said_to_them(text, ask):
    assert wanted_from_them(text)[0] == ask


@pytest.mark.parametrize("text", [
    "I want him to be fired for what he did.",        # a wish about them, not a request
    "I want him to leave.",                           # quitting is not asked of someone's face
    "I'd like them to give me his old desk back.",    # whose desk? left out rather than guessed
    "I want her to understand how hard it has been.",
])
def test_wishes_that_are_not_requests_are_left_alone(text):
    assert wanted_from_them(text) is None


def test_the_words_to_use_ask_for_what_the_writer_wants():
    letter = ("My manager works from another city and we only speak on video once a fortnight. When I ask him for "
              "help he forwards my questions to other people on the team instead. I'd like to get more direction "
              "from him, because I'm new to the role and I'm guessing a lot.")
    report = analyze(letter)
    words = " ".join(s.text for s in report.scripts)
    assert "could you give me more direction?" in words or "asking that you give me more direction" in words
    assert report.situation.wanted_evidence[0].text == "get more direction from him"
