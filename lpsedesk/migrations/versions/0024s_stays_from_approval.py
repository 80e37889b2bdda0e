"""statistics' kept stays recounted from the Kasubag's approval (h24s)

Revision ID: 0024s_stays_from_approval
Revises: 0022l_invitation_version
Create Date: 2026-12-04

SOP 1: a visit begins when the Kasubag permits it; the kiosk's submission is the arrival ("datang").
The visit report, the board and the queue count a stay from the approval (lpsedesk/visit_stay.py);
the statistics' average and longest stay counted from the submission, and settled days keep those
figures in `day_totals` (stays, stay_seconds, longest_seconds, longest_visit_id). Here those four
columns of every day kept at its current version are recounted as lpsedesk/reports/day_figures.py
now counts them (`stay_seconds`): from the approval to the check-out, each cut to its minute (whole
minutes since 1970, integers), never negative, only for a visit let in (approved, checked out,
reported); the longest per day with the lowest visit id among equals. `day_counts` hold no stay and
stay as they are. Set-based, one pass over the visits of the kept days, as 0019j fills them, so the
first statistics page after the upgrade still reads kept days.

Downgrade: the old code counts stays from the submission, so every kept day is marked not current
(`summarised` NULL) and is counted again by the page or the daily job.
"""
from datetime import date, datetime, time, timedelta, timezone

from alembic import op
import sqlalchemy as sa

revision = '0024s_stays_from_approval'
down_revision = '0022l_invitation_version'
branch_labels = None
depends_on = None

WIB = timezone(timedelta(hours=7))
LET_IN = "('approved', 'checked_out', 'reported')"  # lpsedesk/visit_stay.py
CURRENT = "(t.summarised IS NOT NULL AND t.summarised = t.version)"


def _sql(dialect: str) -> dict[str, str]:
    """The dialect's spelling of day_figures.py's wib_day and stay_seconds."""
    if dialect == "sqlite":
        def minute(column):
            return f"(CAST(strftime('%s', {column}) AS INTEGER) / 60)"
        day = "date(v.submitted_at, '+7 hours')"
    else:
        def minute(column):
            return f"CAST(floor(extract(epoch from {column}) / 60) AS INTEGER)"
        day = "date(timezone('Asia/Jakarta', v.submitted_at))"
    minutes = f"({minute('v.checked_out_at')} - {minute('v.decided_at')})"
    known = f"v.status IN {LET_IN} AND v.decided_at IS NOT NULL AND v.checked_out_at IS NOT NULL"
    return {"day": day,
            "stay": f"(CASE WHEN {known} AND {minutes} < 0 THEN 0.0 WHEN {known} THEN {minutes} * 60.0 END)"}


def _utc_bound(day: date, dialect: str):
    """The start of WIB `day` in UTC, as the visits' column holds it (naive text on SQLite)."""
    at = datetime.combine(day, time(0), WIB).astimezone(timezone.utc)
    return at.replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f") if dialect == "sqlite" else at


def _as_date(value) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def upgrade():
    recount_kept_stays(op.get_bind())


def recount_kept_stays(conn) -> None:
    dialect = conn.dialect.name
    first, last = conn.execute(sa.text(f"SELECT min(t.day), max(t.day) FROM day_totals t WHERE {CURRENT}")).one()
    if first is None:
        return
    bounds = {"lo": _utc_bound(_as_date(first), dialect),
              "hi": _utc_bound(_as_date(last) + timedelta(days=1), dialect)}
    sql = _sql(dialect)
    day, stay = sql["day"], sql["stay"]
    span = "v.submitted_at >= :lo AND v.submitted_at < :hi"
    run = lambda statement: conn.execute(sa.text(statement), bounds)  # noqa: E731

    run("CREATE TEMPORARY TABLE fill_stays AS "
        f"SELECT {day} AS day, count({stay}) AS stays, sum({stay}) AS stay_seconds "
        f"FROM visits v WHERE {span} GROUP BY {day}")
    run("CREATE TEMPORARY TABLE fill_longest AS SELECT day, id, stay FROM ("
        f"SELECT {day} AS day, v.id, {stay} AS stay, row_number() OVER (PARTITION BY {day} "
        f"ORDER BY {stay} DESC, v.id) AS place "
        f"FROM visits v WHERE {span} AND {stay} IS NOT NULL) ranked WHERE place = 1")
    run("CREATE UNIQUE INDEX fill_stays_day ON fill_stays (day)")
    run("CREATE UNIQUE INDEX fill_longest_day ON fill_longest (day)")

    def of_day(table, name):
        return f"(SELECT g.{name} FROM {table} g WHERE g.day = day_totals.day)"

    run("UPDATE day_totals SET "
        f"stays = coalesce({of_day('fill_stays', 'stays')}, 0), "
        f"stay_seconds = coalesce({of_day('fill_stays', 'stay_seconds')}, 0.0), "
        f"longest_seconds = {of_day('fill_longest', 'stay')}, longest_visit_id = {of_day('fill_longest', 'id')} "
        "WHERE summarised IS NOT NULL AND summarised = version")
    for name in ("fill_stays", "fill_longest"):
        run(f"DROP TABLE {name}")


def downgrade():
    op.execute("UPDATE day_totals SET summarised = NULL")
