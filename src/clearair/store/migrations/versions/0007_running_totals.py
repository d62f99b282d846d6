"""Each version keeps the running totals of its case's text up to and including it.

With them a new update's reading window is a difference of two totals found by
index steps (store.window.window_from_totals) instead of a sum over the newest
versions on every write. Versions stored before are counted here, case by case
in order, a page of rows at a time, with the rule the store applies to each new
one (store.window.running). Nullable columns: no table rebuild on SQLite, and a
case with a row written some other way is counted again on its next write.
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

COLUMNS = ("total_chars", "total_words", "total_common_words")
INDEX = "ix_versions_case_total_chars"
PAGE = 500


def upgrade() -> None:
    from clearair.store.window import NOTHING, Measure, measure, part, then

    conn = op.get_bind()
    # A database taken back to an earlier revision by hand may still have them: they are counted again below.
    present = {c["name"] for c in sa.inspect(conn).get_columns("versions")}
    for name in COLUMNS:
        if name not in present:
            op.add_column("versions", sa.Column(name, sa.Integer, nullable=True))
    if INDEX not in {i["name"] for i in sa.inspect(conn).get_indexes("versions")}:
        op.create_index(INDEX, "versions", ["case_id", "total_chars"])
    v = sa.table("versions", sa.column("id", sa.Integer), sa.column("case_id", sa.Integer),
                 sa.column("seq", sa.Integer), sa.column("kind", sa.String), sa.column("text", sa.Text),
                 sa.column("happened_on", sa.Date), sa.column("unreadable", sa.String),
                 sa.column("part_chars", sa.Integer), sa.column("part_words", sa.Integer),
                 sa.column("part_common_words", sa.Integer), *(sa.column(name, sa.Integer) for name in COLUMNS))
    page = sa.select(v.c.id, v.c.case_id, v.c.seq, v.c.kind, v.c.happened_on, v.c.unreadable, v.c.part_chars,
                     v.c.part_words, v.c.part_common_words,
                     # the text only of a row without its measure (written some other way since 0006)
                     sa.case((v.c.part_chars.is_(None), v.c.text), else_=None).label("text"),
                     ).order_by(v.c.case_id, v.c.seq).limit(PAGE)
    case_id, seq, total = 0, 0, NOTHING
    while True:
        rows = conn.execute(page.where(sa.or_(v.c.case_id > case_id,
                                              sa.and_(v.c.case_id == case_id, v.c.seq > seq)))).all()
        if not rows:
            return
        filled = []
        for row in rows:
            if row.case_id != case_id:
                total = NOTHING
            if not row.unreadable:
                m = (measure(part(row.kind, row.text, row.happened_on)) if row.part_chars is None
                     else Measure(row.part_chars, row.part_words, row.part_common_words))
                total = then(total, m)
            case_id, seq = row.case_id, row.seq
            filled.append({"vid": row.id, "total_chars": total.chars, "total_words": total.words,
                           "total_common_words": total.common_words})
        conn.execute(v.update().where(v.c.id == sa.bindparam("vid")), filled)


def downgrade() -> None:
    op.drop_index(INDEX, table_name="versions")
    with op.batch_alter_table("versions") as batch:
        for name in COLUMNS:
            batch.drop_column(name)
