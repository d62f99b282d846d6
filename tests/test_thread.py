"""Thread mode on the real threads: who advised what, and where they disagree."""

from clearair.thread import analyze_thread, classify_reply
from conftest import seed_text


def test_column_thread_columnist_and_commenters():
    result = analyze_thread(seed_text("skip-level-forwards-complaint"))
    by_author = {}
    for r in result.replies:
        by_author.setdefault(r.author, []).append(r)
    columnist = by_author["the columnist"][0]
    assert "LET_GO" in columnist.advises
    assert "CLARIFY_RECORD" in columnist.optional  # "if you want to set the record straight…"
    assert {"ESCALATE_THEIR_MANAGER", "MEDIATE"} <= set(columnist.against)
    assert "CLARIFY_RECORD" in by_author["R.B."][0].advises  # asks for a retraction
    assert any("MEDIATE" in r.advises for r in result.replies if r.author != "the columnist")  # staff meeting
    assert "CLARIFY_RECORD" in by_author["Gabriel Conroy"][0].against
    assert set(result.disagreement) & {"CLARIFY_RECORD", "MEDIATE"}
    assert sum(r.is_update for r in result.replies) == 1
    # The writer's update (a public apology) moves clearair towards letting it go.
    assert result.report.top_actions(1) == ["LET_GO"]


def test_forum_thread_two_replies():
    result = analyze_thread(seed_text("peer-goes-cold-after-mistake"))
    first, second = result.replies
    assert first.author == "mmann" and {"WAIT", "REBUILD_TRUST"} <= set(first.advises)
    assert second.author == "regas14" and second.advises == ["TALK_DIRECT"]
    assert "REBUILD_TRUST" in first.shared_with_clearair


def test_quoted_sample_text_is_not_the_replier_stance():
    pro, con, opt, _ = classify_reply('If you want, send a follow-up email saying "I would never blame anyone".')
    assert pro == ["CLARIFY_RECORD"] and con == [] and opt == ["CLARIFY_RECORD"]
