"""Versions that cannot be read are kept but marked, so a case always opens.

An earlier release stored an update before checking it (a NUL byte, another
language): every later open of the case failed. ``versions.unreadable`` holds
the reason; such a version stays in the case file and its history but is left
out of the text the case is read as. This migration marks the ones already
stored, with the same checks the store now applies before any write.
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from clearair.errors import InputError
    from clearair.intake import validate_fragment

    with op.batch_alter_table("versions") as batch:
        batch.add_column(sa.Column("unreadable", sa.String(300), nullable=True))
    versions = sa.table("versions", sa.column("id", sa.Integer), sa.column("kind", sa.String),
                        sa.column("text", sa.Text), sa.column("unreadable", sa.String))
    conn = op.get_bind()
    for vid, text in conn.execute(sa.select(versions.c.id, versions.c.text).where(versions.c.kind != "original")):
        try:
            validate_fragment(text, "this update")
        except InputError as err:
            conn.execute(versions.update().where(versions.c.id == vid).values(unreadable=str(err)[:300]))


def downgrade() -> None:
    with op.batch_alter_table("versions") as batch:
        batch.drop_column("unreadable")
