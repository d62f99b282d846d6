"""Explicit sharing of a case with other accounts; re-evaluation decoupled from writes.

- ``case_shares``: who else may read (and optionally add to) a case;
- ``cases.eval_holder`` / ``cases.eval_until``: a lease held by the one process
  re-evaluating a case, so concurrent writers never analyse the same case twice;
- ``reports.stale``: a journal entry marks the latest report for re-evaluation;
- ``reports.first_update_seq``: the oldest update the analysed text included
  (very long cases are read as the original plus the latest updates).
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "case_shares",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("case_id", sa.Integer, sa.ForeignKey("cases.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("username", sa.String(120), nullable=False, index=True),
        sa.Column("can_write", sa.Boolean, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("case_id", "username"),
    )
    with op.batch_alter_table("cases") as batch:
        batch.add_column(sa.Column("eval_holder", sa.String(64), nullable=True))
        batch.add_column(sa.Column("eval_until", sa.DateTime, nullable=True))
    with op.batch_alter_table("reports") as batch:
        batch.add_column(sa.Column("stale", sa.Boolean, nullable=False, server_default=sa.false()))
        batch.add_column(sa.Column("first_update_seq", sa.Integer, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("reports") as batch:
        batch.drop_column("first_update_seq")
        batch.drop_column("stale")
    with op.batch_alter_table("cases") as batch:
        batch.drop_column("eval_until")
        batch.drop_column("eval_holder")
    op.drop_table("case_shares")
