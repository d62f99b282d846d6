"""Who a case is mainly about, as the writer said: ``cases.about`` (one of ``models.ABOUT_ROLES``, or NULL
for the engine's own reading)."""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A database taken back to an earlier revision by hand may still have it (as in 0007).
    if "about" not in {c["name"] for c in sa.inspect(op.get_bind()).get_columns("cases")}:
        with op.batch_alter_table("cases") as batch:
            batch.add_column(sa.Column("about", sa.String(20), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("cases") as batch:
        batch.drop_column("about")
