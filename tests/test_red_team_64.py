"""Red team 64 (everyday friction, written on this round's engine): a harm the writer denies ("He never hit anybody
or threaten me") is neither serious conduct nor an act to retell; "I haven't raised it with her at all" is not a
talk already had; someone standing too close hears a request for room, not a charge; a shift lead's pickers are
theirs to manage; "my apprentice logbook" is the writer's own apprenticeship. Letters written for these tests."""

from __future__ import annotations

from clearair import analyze
from clearair.advise.reread import reread
from clearair.extract import read
from clearair.intake import build_document
from clearair.knowledge.factors import FACTORS
from clearair.models import Evidence, FactorReading


def _learned(text: str, name: str, value, word: str) -> tuple[list[FactorReading], object]:
    reading = read(build_document(text))
    start = text.index(word)
    factor = FactorReading(name=name, title=FACTORS[name].title, value=value, text=FACTORS[name].say(value),
                           confidence=0.9, source="learned",
                           evidence=[Evidence(start=start, end=start + len(word), text=word)])
    return [factor], reading


def test_a_harm_the_writer_denies_is_not_serious_conduct():
    factors, reading = _learned("He is a big man with a loud voice. He never hit anybody or threatened me, but he "
                                "stands over me on the line and shouts at me to go faster.", "severity", "serious",
                                "threatened")
    assert reread(factors, reading)[0].value != "serious"
    factors, reading = _learned("He is a big man with a loud voice. Last week he threatened me in the car park after "
                                "the shift and said he knows where I live.", "severity", "serious", "threatened")
    assert reread(factors, reading)[0].value == "serious"
    # a denial in another clause denies nothing of the act
    factors, reading = _learned("Nobody on the shift did anything when he threatened me in the canteen in front of "
                                "everyone last Friday.",
                                "severity", "serious", "threatened")
    assert reread(factors, reading)[0].value == "serious"


def test_a_letter_saying_it_was_never_raised_is_not_read_as_a_talk_already_had():
    text = ("One of my nurses sighs and rolls her eyes whenever I ask for anything, even in front of patients. I "
            "haven't raised it with her at all, because I hate confrontation.")
    factors, reading = _learned(text, "already_raised", True, "sighs")
    assert reread(factors, reading)[0].value is False
    text = ("One of my nurses sighs and rolls her eyes whenever I ask for anything, even in front of patients. I "
            "raised it with her twice last month and she said she would stop.")
    factors, reading = _learned(text, "already_raised", True, "raised")
    assert reread(factors, reading)[0].value is True


def test_a_denied_harm_is_not_retold_to_their_face_nor_led_with():
    report = analyze("I work on a packing line in a food factory. One colleague is very big, with a loud voice. He "
                     "never hit anybody or threaten me. But when the line is slow he comes very close to me, "
                     "saying faster, faster, even though he is not my supervisor. Should I tell the "
                     "supervisor, or speak to him myself? I only want more space.")
    to_their_face = "\n".join(s.text for s in report.scripts if s.kind in ("opener", "boundary"))
    assert "never hit" not in to_their_face
    assert "how close we stand" in to_their_face
    assert next(f.value for f in report.factors if f.name == "severity") != "serious"


def test_a_shift_leads_picker_is_their_report():
    report = analyze("I'm a shift lead at a distribution warehouse and I have 9 pickers on the early shift. One of "
                     "them, Kyle, is late almost every week by ten or twenty minutes. I've had a quiet word twice. "
                     "My manager says it's my call. Can I give him a formal warning?")
    read_as = {f.name: f.value for f in report.factors}
    assert read_as["narrator_is_manager"] is True
    assert read_as["counterpart_role"] == "direct_report"


def test_the_writers_own_apprentice_logbook_does_not_make_them_a_manager():
    report = analyze("I'm an apprentice electrician on a building site. The foreman keeps making comments about my "
                     "body in front of the crew and laughs when I go red. He signs off my apprentice logbook so I "
                     "can't fall out with him. What should I do?")
    assert next(f.value for f in report.factors if f.name == "narrator_is_manager") is False


def test_someone_standing_close_to_the_writer_is_no_tie_to_their_supervisor():
    from clearair.render.view import written_answer
    report = analyze("I work on a packing line. One colleague is a very big man. When the line is slow he comes very "
                     "close to me and stands over me saying faster, faster, even though he is not my supervisor. "
                     "Should I tell the supervisor?")
    assert not report.situation.manager_tied
    assert "close to them" not in written_answer(report)[0]


def test_a_second_question_asking_for_words_or_when_gets_a_plain_answer():
    from clearair.render.view import unanswered
    report = analyze("A colleague on my team, Dev, hums and drums on his desk all afternoon and I can't concentrate on "
                     "my reports. I've never said anything to him. Should I say something or put up with it? And if I "
                     "do, what do I even say without making it weird? If I do, when?")
    assert not unanswered(report)
    answers = {q.text: q.answer for q in report.questions}
    assert all(a for q, a in answers.items() if "even say" in q)
    assert any(a.startswith("Soon") for q, a in answers.items() if q.strip().endswith("when?"))


def test_an_owner_who_is_the_managers_husband_is_tied_to_her():
    report = analyze("I work in a small bakery. The manager keeps telling me to write yesterday's date on the labels "
                     "of cakes that are older, and when I refused she cut my hours. The owner of the bakery is her "
                     "husband. Who else can I tell?")
    assert report.situation.manager_tied
    assert "husband" in report.situation.manager_tied[0].text


def test_with_the_owner_tied_to_the_manager_the_formal_route_goes_outside():
    report = analyze("I work nights as a carer in a small care home. Twice the manager told me to sign the chart for "
                     "medication that was never given, and when I refused she cut my shifts. The owner of the home "
                     "is her husband. Who else can I even tell?")
    formal = next(r for r in report.recommendations if r.action == "HR_FORMAL")
    assert formal.route is not None
    assert "outside adviser" in formal.route
    assert "manager" not in formal.route and "provider" not in formal.route


def test_a_kind_word_about_the_harmer_does_not_open_the_complaint():
    report = analyze("I'm a trainee mechanic at a garage. I've worked under the workshop foreman since March. He's "
                     "fine most of the time and he's teaching me a lot. But he keeps touching my waist when he "
                     "squeezes past, and last week he grabbed my bum in the parts room and laughed. What do I do?")
    words = "\n".join(s.text for s in report.scripts)
    assert "fine most of the time" not in words and "teaching me a lot" not in words
