"""Updates and journal entries remember the idempotency key of the request that stored them.

A client that retries a write (its connection dropped after the server had
committed) sends the same key again and gets the stored update back instead of
a second copy. The key is unique per case; rows written before have none.
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A new nullable column and a unique index: no table rebuild on SQLite.
    for table, name in (("versions", "uq_versions_case_key"), ("journal", "uq_journal_case_key")):
        op.add_column(table, sa.Column("idempotency_key", sa.String(128), nullable=True))
        op.create_index(name, table, ["case_id", "idempotency_key"], unique=True)


def downgrade() -> None:
    for table, name in (("versions", "uq_versions_case_key"), ("journal", "uq_journal_case_key")):
        op.drop_index(name, table_name=table)
        with op.batch_alter_table(table) as batch:
            batch.drop_column("idempotency_key")
