"""Which engine wrote each stored report of a case, for its history.

Reads each report's provenance from the stored report JSON (one query), so
the store's tables need no new column.
"""

from __future__ import annotations

import json

from clearair.llm.provenance import engine_label
from clearair.models import Provenance


def _provenance(report_json: str) -> Provenance:
    # Provenance is the report's last field: decode just that object when possible.
    at = report_json.rfind('"provenance":')
    if at >= 0:
        try:
            value, _ = json.JSONDecoder().raw_decode(report_json, at + len('"provenance":'))
            return Provenance.model_validate(value)
        except ValueError:
            pass
    return Provenance.model_validate(json.loads(report_json).get("provenance") or {})


def engines_by_seq(store, case_id: int) -> dict[int, str]:
    """version seq -> a few words on the engine that wrote its report (the caller has checked access)."""
    from sqlalchemy import select

    from clearair.store.schema import ReportRecord, Version

    with store.read() as s:
        rows = s.execute(select(Version.seq, ReportRecord.report_json).join(ReportRecord.version)
                         .where(Version.case_id == case_id)).all()
    out = {}
    for seq, report_json in rows:
        try:
            out[seq] = engine_label(_provenance(report_json))
        except ValueError:
            continue
    return out
