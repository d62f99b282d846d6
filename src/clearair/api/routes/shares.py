"""Sharing a case with other users (multi-user mode).

Sharing answers 204 whether or not the name has an account (nothing is shared
with a name that has none), so the answer does not tell which names exist. A
reader may leave a share made to them by removing their own name.
"""

from fastapi import APIRouter

from clearair.api.deps import CaseId, OwnerDep, StoreDep
from clearair.api.schemas import CASE_REFUSALS, ShareIn
from clearair.store import CaseNotFound
from clearair.store.cases import Share

router = APIRouter(prefix="/api/cases/{case_id}/shares", tags=["shares"], responses=CASE_REFUSALS)


@router.get("", response_model=list[Share])
def api_shares(case_id: CaseId, s: StoreDep, who: OwnerDep):
    return s.shares(case_id, owner=who)


@router.put("/{username}", status_code=204)
def api_share(case_id: CaseId, username: str, body: ShareIn, s: StoreDep, who: OwnerDep) -> None:
    s.share(case_id, who, username, can_write=body.can_write)


@router.delete("/{username}", status_code=204)
def api_unshare(case_id: CaseId, username: str, s: StoreDep, who: OwnerDep) -> None:
    if who is not None and username.strip().lower() == who:
        try:
            s.leave_share(case_id, who)  # a reader giving back a share made to them
            return
        except CaseNotFound:
            pass  # not shared with them: the owner's own rules below (404 unless it is theirs)
    s.unshare(case_id, who, username)
