"""Case files: create, list, open, update, keep a journal, delete."""

from fastapi import APIRouter, status

from clearair.api.deps import CaseId, IdempotencyKey, OwnerDep, StoreDep
from clearair.api.schemas import (
    CASE_REFUSALS,
    AboutIn,
    BeingAnalysed,
    CaseCreated,
    CaseIn,
    CaseOut,
    JournalIn,
    UpdateIn,
)
from clearair.store import Outcome
from clearair.store.cases import CaseSummary

router = APIRouter(prefix="/api/cases", tags=["cases"], responses=CASE_REFUSALS)


@router.get("", response_model=list[CaseSummary])
def api_cases(s: StoreDep, who: OwnerDep):
    return s.list(owner=who)


@router.post("", status_code=201, response_model=CaseCreated)
def api_new_case(body: CaseIn, s: StoreDep, who: OwnerDep):
    case_id = s.create(body.text, title=body.title, owner=who, about=body.about)
    return CaseCreated(id=case_id, top_actions=s.latest_report(case_id, owner=who).top_actions(5))


@router.get("/{case_id}", response_model=CaseOut,
            responses={status.HTTP_202_ACCEPTED: {"model": BeingAnalysed,
                                                  "description": "The case is being read for the first time."}})
def api_case(case_id: CaseId, s: StoreDep, who: OwnerDep):
    case, report = s.open_case(case_id, owner=who)
    from clearair.llm.history import engines_by_seq
    from clearair.store.cases import pending_updates

    engines = engines_by_seq(s, case_id)
    return {"id": case.id, "title": case.title, "owner": case.owner, "about": case.about,
            "pending_updates": pending_updates(case),
            "versions": [{"seq": v.seq, "kind": v.kind, "text": v.text, "happened_on": v.happened_on,
                          "top_actions": v.report.top_actions if v.report else [],
                          "engine": engines.get(v.seq), "unreadable": v.unreadable,
                          "movement": v.report.movement if v.report else []} for v in case.versions],
            "journal": [{"happened_on": e.happened_on, "who": e.who, "what": e.what,
                         "channel": e.channel, "witnesses": e.witnesses} for e in case.journal],
            "report": report}


@router.post("/{case_id}/updates", status_code=201, response_model=Outcome)
def api_update(case_id: CaseId, body: UpdateIn, s: StoreDep, who: OwnerDep, idempotency_key: IdempotencyKey = None):
    return s.update(case_id, body.text, body.happened_on, owner=who, evaluate=body.evaluate,
                    idempotency_key=idempotency_key)


@router.post("/{case_id}/journal", status_code=201, response_model=Outcome)
def api_journal(case_id: CaseId, body: JournalIn, s: StoreDep, who: OwnerDep, idempotency_key: IdempotencyKey = None):
    return s.log(case_id, body.who, body.what, body.happened_on, body.channel, body.witnesses, owner=who,
                 idempotency_key=idempotency_key)


@router.put("/{case_id}/about", response_model=Outcome)
def api_about(case_id: CaseId, body: AboutIn, s: StoreDep, who: OwnerDep):
    """Say who the case is mainly about (the reading got the other side wrong); the latest version is read again."""
    return s.set_about(case_id, body.about, owner=who)


@router.delete("/{case_id}", status_code=204)
def api_delete(case_id: CaseId, s: StoreDep, who: OwnerDep) -> None:
    s.delete(case_id, owner=who)
