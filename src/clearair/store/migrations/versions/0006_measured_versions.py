"""Each version keeps the measure of its part of the case's text (characters, words, common words).

Checking a new update's reading window used to re-read and re-count the newest
updates of the case on every write; it now sums these numbers (store.window).
Versions stored before are measured here, a page of rows at a time, with the
same rule the store applies to every new one. Nullable columns: no table
rebuild on SQLite, and a row written some other way is measured when read.
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

COLUMNS = ("part_chars", "part_words", "part_common_words")
PAGE = 500


def upgrade() -> None:
    from clearair.store.window import measure, part

    for name in COLUMNS:
        op.add_column("versions", sa.Column(name, sa.Integer, nullable=True))
    versions = sa.table("versions", sa.column("id", sa.Integer), sa.column("kind", sa.String),
                        sa.column("text", sa.Text), sa.column("happened_on", sa.Date),
                        *(sa.column(name, sa.Integer) for name in COLUMNS))
    conn = op.get_bind()
    after = 0
    while True:
        rows = conn.execute(sa.select(versions.c.id, versions.c.kind, versions.c.text, versions.c.happened_on)
                            .where(versions.c.id > after).order_by(versions.c.id).limit(PAGE)).all()
        if not rows:
            return
        filled = []
        for row in rows:
            m = measure(part(row.kind, row.text, row.happened_on))
            filled.append({"vid": row.id, "part_chars": m.chars, "part_words": m.words,
                           "part_common_words": m.common_words})
        conn.execute(versions.update().where(versions.c.id == sa.bindparam("vid")), filled)
        after = rows[-1].id


def downgrade() -> None:
    with op.batch_alter_table("versions") as batch:
        for name in COLUMNS:
            batch.drop_column(name)
