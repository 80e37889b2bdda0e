"""The screens and jobs that run all day read through indexes, not through all of history.

A few thousand visits of synthetic history (fresh planner statistics), then each hot page or job
is run for real and every SELECT it issued is EXPLAINed: none may read visits, visitors or the
audit log whole. On PostgreSQL sequential scans are priced out, so a plan that keeps one had no
index it could use. A test fails when a hot query loses its index.
"""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from lpsedesk.extensions import db
from lpsedesk.jobs import run_once
from lpsedesk.models import User, Visit, Visitor, utcnow

from .. import factories
from ..query_plans import analyze, capture, forget_statistics, full_scans, heavy, settle_search_index
from ..synthetic.history import build_history

VISITS = 3_000


@pytest.fixture(params=["fresh statistics", "no statistics"])
def history(request, app, make_user):
    """Plans with the planner's statistics as after ANALYZE, and without any (an SQLite database
    is never analysed unless someone does it by hand; PostgreSQL's autovacuum does it)."""
    app.config["TEST_ANALYZE"] = request.param == "fresh statistics"
    if not app.config["TEST_ANALYZE"] and not app.config["DATABASE_URL"].startswith("sqlite"):
        pytest.skip("PostgreSQL's autovacuum keeps its statistics fresh")
    make_user("dewi", "kasubag", "helpdesk", name="Dewi Kasubag")
    with app.app_context():
        # one visitor from an institution nobody else comes from, for the search by institution
        # (before the history: its bulk inserts choose their own ids, past PostgreSQL's sequence)
        rare = factories.visit(status="reported", visitor=factories.visitor(
            full_name="Wulan Rajawali Sintetis", nik="3373025012900042", institution="CV Kenari Nusantara Uji"))
        with db.engine.begin() as conn:
            build_history(conn, VISITS, purged=False)
        settle_search_index(db.engine)
        if app.config["TEST_ANALYZE"]:
            analyze(db.engine)
        else:
            forget_statistics(db.engine)
        visit = db.session.scalars(select(Visit).where(Visit.status == "reported")
                                   .order_by(Visit.id.desc()).limit(1)).one()
        return {"visit": visit.id, "nik": visit.visitor.nik, "name": visit.visitor.full_name, "rare": rare.id}


def _no_full_scans(app, action, *, light: bool = True, planner_off: tuple[str, ...] = ()) -> list:
    """The full scans in the plans of `action`'s queries; with `light`, also every query that read
    a large part of history all the same (an index range over most rows is no full scan).
    `planner_off`: PostgreSQL plan kinds priced out besides sequential scans."""
    with app.app_context():
        engine = db.engine
        with capture(engine) as statements:
            action()
        assert statements, "the action ran no query at all"
        if app.config.get("TEST_ANALYZE"):
            analyze(engine)  # statistics of the data as the action left it (the purge changes much)
        # SQLite: under one VM step per visit in the table; PostgreSQL: under a tenth of its rows.
        limit = VISITS if engine.dialect.name == "sqlite" else VISITS // 10
        return (full_scans(engine, statements, planner_off)
                + (heavy(engine, statements, limit, planner_off) if light else []))


@pytest.mark.parametrize("path", ["/admin/queue", "/admin/queue/fragment", "/admin/board", "/admin/board/fragment"])
def test_the_queue_and_the_board_read_only_open_and_todays_visits_through_indexes(app, client, login, history, path):
    login("dewi")

    def page():
        response = client.get(path)
        assert response.status_code == 200

    assert _no_full_scans(app, page) == []


def test_a_search_by_a_whole_nik_is_an_exact_match_through_the_index(app, client, login, history):
    login("dewi")

    def search():
        response = client.get("/admin/visits", query_string={"q": history["nik"]})
        assert response.status_code == 200 and f"/admin/visits/{history['visit']}" in response.get_data(as_text=True)

    assert _no_full_scans(app, search) == []


@pytest.mark.parametrize("what", ["part of a name", "part of an institution"])
def test_a_search_by_part_of_a_name_or_an_institution_goes_through_the_search_index(app, client, login, history,
                                                                                   what):
    login("dewi")
    # "Budi Uji 417" -> "UJI 417": a middle part, in other letters' case
    query, wanted = ((history["name"].split(" ", 1)[1].upper(), history["visit"]) if what == "part of a name"
                     else ("kenari nusan", history["rare"]))

    def search():
        response = client.get("/admin/visits", query_string={"q": query})
        assert response.status_code == 200 and f"/admin/visits/{wanted}" in response.get_data(as_text=True)

    # PostgreSQL: at a few thousand visitors walking the primary key is cheaper than the trigram
    # index (at 300k the planner takes the index by itself); priced out, the plan must find the index.
    assert _no_full_scans(app, search, planner_off=("enable_seqscan", "enable_indexscan")) == []


def test_a_visits_timeline_reads_its_own_audit_events_only(app, client, login, history):
    login("dewi")

    def timeline():
        assert client.get(f"/admin/visits/{history['visit']}").status_code == 200

    assert _no_full_scans(app, timeline) == []


def _open_visits(app, first: int, n: int) -> None:
    """n visits in each open state, each KTP check and report by a different staff member."""
    from .. import factories

    with app.app_context():
        for i in range(first, first + n):
            staff = User(username=f"staf{i}", full_name=f"Staf Uji {i}", password_hash="-")
            db.session.add(staff)
            db.session.flush()
            for j, status in enumerate(("pending", "approved", "checked_out")):
                factories.visit(status=status, visitor=factories.visitor(nik=f"33730201019{j}{i:04d}"),
                                ktp_checked_at=utcnow(), ktp_checked_by_id=staff.id, reported_by_id=staff.id,
                                decided_at=None if status == "pending" else utcnow(),
                                checked_out_at=utcnow() if status == "checked_out" else None)


@pytest.mark.parametrize("path", ["/admin/queue/fragment", "/admin/board/fragment", "/admin/visits"])
def test_a_page_runs_as_many_queries_for_thirty_rows_as_for_three(app, client, login, make_user, path):
    make_user("dewi", "kasubag", "helpdesk", name="Dewi Kasubag")
    login("dewi")
    counts = []
    for first, n in ((0, 1), (1, 9)):
        _open_visits(app, first, n)
        with app.app_context(), capture(db.engine) as statements:
            assert client.get(path).status_code == 200
        counts.append(len(statements))
    assert counts[0] == counts[1], f"queries grew with the rows: {counts}"


def test_the_retention_purge_finds_its_candidates_through_indexes(app, history):
    ran = []

    def purge():
        with capture(db.engine) as statements:
            assert run_once(app, ["purge"])["purge"] != "failed"
        ran.extend(" ".join(s.split()) for s, _ in statements)

    assert _no_full_scans(app, purge, light=False) == []  # the purge reads its backlog, by design
    # PostgreSQL: the oldest first through the time index; SQLite: the table walked in id order
    # (it holds only the visits not purged yet; with a time index, deleting by time or by id wrote a
    # page per row when ids do not follow time), by its primary key (checked above: no SCAN).
    with app.app_context():
        order = "visit_files.submitted_at" if db.engine.dialect.name == "postgresql" else "visit_files.visit_id"
    assert any("FROM visit_files WHERE" in s and f"ORDER BY {order}" in s for s in ran), \
        "the old visits' files are found in their own table"
    with app.app_context():  # and it did its work: no old visit holds files, no old visitor a whole NIK
        cutoff = utcnow() - timedelta(days=365)
        assert db.session.scalar(select(Visit.id).where(Visit.submitted_at < cutoff,
                                                       Visit.signature_key.is_not(None)).limit(1)) is None
        assert db.session.scalar(select(Visitor.id).where(~Visitor.nik.contains("*"), ~Visitor.visits.any(
            Visit.submitted_at >= cutoff)).limit(1)) is None



def test_a_years_statistics_read_kept_days_and_only_the_last_two_days_visits(app, history):
    """Issue 16: statistics of a year at a million visits under 1 s. Settled days' figures kept by
    the daily job are read through their keys (a year of them is the same few thousand rows at any
    size of history, so only the visits' and visitors' queries are held to the light limit); only
    today's and yesterday's visits are counted, through the submitted_at index."""
    from lpsedesk.clock import wib_today
    from lpsedesk.exports import range_period
    from lpsedesk.reports.statistics import compute

    assert run_once(app, ["statistics_days"])["statistics_days"] != "failed"
    today = wib_today()
    with app.app_context():
        engine = db.engine
        with capture(engine) as statements:
            figures = compute(db.session, range_period(today - timedelta(days=364), today))
        assert figures.total_visits > 500
        if app.config.get("TEST_ANALYZE"):
            analyze(engine)
        of_history = [(s, p) for s, p in statements if " visits" in s or " visitors" in s]
        assert len(of_history) >= 5, "today's and yesterday's visits were counted"
        limit = VISITS if engine.dialect.name == "sqlite" else VISITS // 10
        # PostgreSQL at this test's size (1,000 visitors) may join the span's dozen visits to their
        # visitors by reading the whole small table (a merge join along its key, or a hash of all of
        # it), cheaper there than a dozen lookups; it chose so when the run fell late in the WIB day,
        # when the span holds a day more of history (a run at 23:38 WIB read 1,018 rows). At an
        # office's size (a visitor per three visits of a million) reading every visitor is never the
        # cheap plan, so those two joins are priced out here, as the search's test prices out its own
        # small-table plans: what is left must still find the span's visits through their index.
        small_table_joins = ("enable_mergejoin", "enable_hashjoin")
        assert full_scans(engine, statements, small_table_joins) == []
        assert heavy(engine, of_history, limit, small_table_joins) == []
