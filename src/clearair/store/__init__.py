"""store: case files kept over time (SQLite by default, PostgreSQL by URL)."""

from clearair.store.cases import CaseNotFound, CaseNotReady, CaseStore, KeyReused, Movement, Outcome
from clearair.store.errors import StoreBusy, StoreError, StoreFull, StoreReadOnly

__all__ = ["CaseStore", "CaseNotFound", "CaseNotReady", "KeyReused", "Movement", "Outcome",
           "StoreError", "StoreFull", "StoreReadOnly", "StoreBusy"]
