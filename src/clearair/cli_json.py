"""The case file as plain JSON data for ``clearair case show --json`` (codes kept, as JSON output may)."""

from __future__ import annotations

from typing import Any


def case_json(case: Any, report: Any) -> dict[str, Any]:
    """The case's versions (with how the advice moved at each), journal, shares and latest report."""
    return {
        "id": case.id,
        "title": case.title,
        "owner": case.owner,
        "about": case.about,
        "created_at": case.created_at.isoformat(),
        "versions": [{
            "seq": v.seq, "kind": v.kind, "text": v.text,
            "happened_on": v.happened_on.isoformat() if v.happened_on else None,
            "created_at": v.created_at.isoformat(), "unreadable": v.unreadable,
            "top_actions": v.report.top_actions if v.report is not None else None,
            "movement": v.report.movement if v.report is not None else None,
        } for v in case.versions],
        "journal": [{"happened_on": e.happened_on.isoformat(), "who": e.who, "what": e.what,
                     "channel": e.channel, "witnesses": e.witnesses} for e in case.journal],
        "shares": [{"username": x.username, "can_write": x.can_write} for x in case.shares],
        "report": report.model_dump(mode="json"),
    }
