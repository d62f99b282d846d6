"""store: case files kept over time (SQLite by default, PostgreSQL by URL)."""

from clearair.store.cases import CaseNotFound, CaseNotReady, CaseStore, Movement, Outcome

__all__ = ["CaseStore", "CaseNotFound", "CaseNotReady", "Movement", "Outcome"]
