"""every settled day's statistics counted during the upgrade; SQLite's purge walks visit_files by id (issue 16)

Revision ID: 0019j_days_filled_files_by_id
Revises: 0018a_visit_files
Create Date: 2026-12-01

0017a made `day_totals`/`day_counts` empty: until the daily job `statistics_days` had run (two
minutes after start-up, 50 s at a million visits) the first statistics page of a year counted a
third of a million visits, 10.8 s on SQLite and 5.1 s on PostgreSQL. Here every settled WIB day
(from the first visit's day to the day before yesterday) that is not kept at its current version
is counted with a few grouped statements over the visits, each reading them once in table order,
and kept: the first page after the upgrade reads kept days like any later one.

The figures are the ones lpsedesk/reports/day_figures.py counts (same SQL expressions: the WIB day
of submission, stays and waits in seconds, waits rounded half up, the longest stay per day with
the lowest visit id among equals), stored as lpsedesk/reports/day_cache.py stores them: at the
day's version (0 for a day without a row), `summarised` = that version, the day's old counts of
that version deleted first. Nothing else writes during a migration, so the version read is the
version stored. Downgrade leaves them (kept figures are a cache).

SQLite only: `visit_files` loses its index on `submitted_at`. The purge there walks the table in
visit id order (lpsedesk/retention.py); with the index, each deleted row also deleted an index
entry on a page of its own wherever ids do not follow time (16 s of DELETE and 25 s of checkpoint
of a 99-107 s purge of a random-time million). PostgreSQL keeps it: its purge reads the oldest
rows through it.
"""
from datetime import date, datetime, time, timedelta, timezone

from alembic import op
import sqlalchemy as sa

revision = '0019j_days_filled_files_by_id'
down_revision = '0018a_visit_files'
branch_labels = None
depends_on = None

WIB = timezone(timedelta(hours=7))
SETTLED_AFTER = timedelta(days=2)  # lpsedesk/reports/day_cache.py: days before yesterday
DECIDED_BY_KASUBAG = "('approved', 'checked_out', 'reported', 'denied')"
# Days not kept at their current version (no figures, or figures of an older version).
STALE = "(t.summarised IS NULL OR t.summarised <> t.version)"


def _sql(dialect: str) -> dict[str, str]:
    """The dialect's spelling of what day_figures.py computes (wib_day, seconds_between, whole_seconds)."""
    if dialect == "sqlite":
        def seconds(start, end):
            return f"((julianday({end}) - julianday({start})) * 86400.0)"
        return {"day": "date(v.submitted_at, '+7 hours')", "stay": seconds("v.submitted_at", "v.checked_out_at"),
                "wait": f"CAST({seconds('v.submitted_at', 'v.decided_at')} + 0.5 AS INTEGER)"}

    def seconds(start, end):
        return f"extract(epoch from {end} - {start})"
    return {"day": "date(timezone('Asia/Jakarta', v.submitted_at))",
            "stay": seconds("v.submitted_at", "v.checked_out_at"),
            "wait": f"CAST(floor({seconds('v.submitted_at', 'v.decided_at')} + 0.5) AS INTEGER)"}


def _utc_bound(day: date, dialect: str):
    """The start of WIB `day` in UTC, as the visits' column holds it (naive text on SQLite)."""
    at = datetime.combine(day, time(0), WIB).astimezone(timezone.utc)
    return at.replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f") if dialect == "sqlite" else at


def upgrade():
    conn = op.get_bind()
    dialect = conn.dialect.name
    if dialect == "sqlite":
        op.drop_index('ix_visit_files_submitted_at', table_name='visit_files')
    _fill_settled_days(conn, dialect)


def _fill_settled_days(conn, dialect: str) -> None:
    first = conn.execute(sa.text("SELECT min(submitted_at) FROM visits")).scalar()
    if first is None:
        return
    if isinstance(first, str):  # SQLite: naive UTC text
        first = datetime.fromisoformat(first).replace(tzinfo=timezone.utc)
    elif first.tzinfo is None:
        first = first.replace(tzinfo=timezone.utc)
    settled = datetime.now(WIB).date() - SETTLED_AFTER
    first_day = first.astimezone(WIB).date()
    if first_day > settled:
        return
    # A row for every settled day, empty ones included (the page would count each gap it met).
    # SQLite keeps dates as ISO text (sqlite3's own date adapter is deprecated)
    param = (lambda d: d.isoformat()) if dialect == "sqlite" else (lambda d: d)  # noqa: E731
    have = {d if isinstance(d, date) else date.fromisoformat(d) for d in conn.execute(sa.text(
        "SELECT day FROM day_totals WHERE day >= :a AND day <= :b"), {"a": param(first_day), "b": param(settled)})
        .scalars()}
    days = [first_day + timedelta(days=i) for i in range((settled - first_day).days + 1)]
    table = sa.table("day_totals", sa.column("day", sa.Date), sa.column("version", sa.Integer),
                     sa.column("visits", sa.Integer), sa.column("stays", sa.Integer),
                     sa.column("stay_seconds", sa.Float), sa.column("decisions", sa.Integer))
    missing = [{"day": d, "version": 0, "visits": 0, "stays": 0, "stay_seconds": 0.0, "decisions": 0}
               for d in days if d not in have]
    if missing:
        conn.execute(table.insert(), missing)
    stale_first = conn.execute(sa.text(f"SELECT min(day) FROM day_totals t WHERE {STALE} AND day <= :b"),
                               {"b": param(settled)}).scalar()
    if stale_first is None:
        return
    stale_first = stale_first if isinstance(stale_first, date) else date.fromisoformat(stale_first)
    bounds = {"lo": _utc_bound(stale_first, dialect), "hi": _utc_bound(settled + timedelta(days=1), dialect),
              "settled": param(settled)}
    sql = _sql(dialect)
    # SQLite: `+` keeps the planner off the indexes (time, check-out, decision): most of history is
    # read, in table order, not row by row through an index (4-14 s a pass at 1M, random-time ids).
    plus = "+" if dialect == "sqlite" else ""
    day, span = sql["day"], f"{plus}v.submitted_at >= :lo AND {plus}v.submitted_at < :hi"
    target = f"day_totals t ON t.day = g.day AND {STALE} AND t.day <= :settled"
    run = lambda statement: conn.execute(sa.text(statement), bounds)  # noqa: E731

    run("DELETE FROM day_counts WHERE EXISTS (SELECT 1 FROM day_totals t WHERE t.day = day_counts.day "
        f"AND t.version = day_counts.version AND {STALE} AND t.day <= :settled)")
    # One pass over the visits per grouping, into small work tables (a few rows a day).
    run("CREATE TEMPORARY TABLE fill_visits AS "
        f"SELECT {day} AS day, v.status, v.purpose, v.facility, count(*) AS n, "
        f"count(v.checked_out_at) AS stays, sum({sql['stay']}) AS stay_seconds, count(v.decided_at) AS decided "
        f"FROM visits v WHERE {span} GROUP BY {day}, v.status, v.purpose, v.facility")
    run("CREATE TEMPORARY TABLE fill_visitors AS "
        f"SELECT {day} AS day, p.category, p.institution, count(*) AS n "
        f"FROM visits v JOIN visitors p ON p.id = v.visitor_id WHERE {span} "
        f"GROUP BY {day}, p.category, p.institution")
    run("CREATE TEMPORARY TABLE fill_longest AS SELECT day, id, stay FROM ("
        f"SELECT {day} AS day, v.id, {sql['stay']} AS stay, row_number() OVER (PARTITION BY {day} "
        f"ORDER BY {sql['stay']} DESC, v.id) AS place "
        f"FROM visits v WHERE {span} AND {plus}v.checked_out_at IS NOT NULL) ranked WHERE place = 1")
    insert = "INSERT INTO day_counts (day, version, kind, value, seconds, visits) "
    for kind, source in (("status", "fill_visits"), ("purpose", "fill_visits"), ("facility", "fill_visits"),
                         ("category", "fill_visitors"), ("institution", "fill_visitors")):
        run(f"{insert}SELECT t.day, t.version, '{kind}', g.{kind}, NULL, sum(g.n) FROM {source} g "
            f"JOIN {target} GROUP BY t.day, t.version, g.{kind}")
    run(f"{insert}SELECT t.day, t.version, 'reason', g.reason, NULL, g.n FROM ("
        f"SELECT {day} AS day, v.decision_reason AS reason, count(*) AS n FROM visits v "
        f"WHERE {span} AND v.status = 'denied' GROUP BY {day}, v.decision_reason) g JOIN {target}")
    run(f"{insert}SELECT t.day, t.version, 'wait', NULL, g.wait, g.n FROM ("
        f"SELECT {day} AS day, {sql['wait']} AS wait, count(*) AS n FROM visits v WHERE {span} "
        f"AND {plus}v.decided_at IS NOT NULL AND {plus}v.status IN {DECIDED_BY_KASUBAG} "
        f"GROUP BY {day}, {sql['wait']}) g JOIN {target}")

    # The day's totals in one row each (indexed), so the update below looks each day up once.
    run("CREATE TEMPORARY TABLE fill_days AS SELECT g.day, sum(g.n) AS visits, sum(g.stays) AS stays, "
        f"sum(g.stay_seconds) AS stay_seconds, sum(CASE WHEN g.status IN {DECIDED_BY_KASUBAG} THEN g.decided "
        "ELSE 0 END) AS decisions, max(l.stay) AS longest_seconds, max(l.id) AS longest_visit_id "
        "FROM fill_visits g LEFT JOIN fill_longest l ON l.day = g.day GROUP BY g.day")
    run("CREATE UNIQUE INDEX fill_days_day ON fill_days (day)")

    def of_day(name):
        return f"(SELECT g.{name} FROM fill_days g WHERE g.day = day_totals.day)"

    run("UPDATE day_totals SET "
        f"visits = coalesce({of_day('visits')}, 0), stays = coalesce({of_day('stays')}, 0), "
        f"stay_seconds = coalesce({of_day('stay_seconds')}, 0.0), decisions = coalesce({of_day('decisions')}, 0), "
        f"longest_seconds = {of_day('longest_seconds')}, longest_visit_id = {of_day('longest_visit_id')}, "
        "summarised = version "
        "WHERE (summarised IS NULL OR summarised <> version) AND day <= :settled")
    for name in ("fill_days", "fill_visits", "fill_visitors", "fill_longest"):
        run(f"DROP TABLE {name}")


def downgrade():
    # the kept figures are a cache: 0018a's schema reads them as they are
    if op.get_bind().dialect.name == "sqlite":
        op.create_index('ix_visit_files_submitted_at', 'visit_files', ['submitted_at'], unique=False)
