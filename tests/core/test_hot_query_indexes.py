"""The screens and jobs that run all day read through indexes, not through all of history.

A few thousand visits of synthetic history (fresh planner statistics), then each hot page or job
is run for real and every SELECT it issued is EXPLAINed: none may read visits, visitors or the
audit log whole. On PostgreSQL sequential scans are priced out, so a plan that keeps one had no
index it could use. A test fails when a hot query loses its index.
"""
from __future__ import annotations

import pytest
from sqlalchemy import select

from lpsedesk.extensions import db
from lpsedesk.jobs import run_once
from lpsedesk.models import Visit, Visitor

from ..query_plans import analyze, capture, full_scans
from ..synthetic.history import build_history

VISITS = 3_000


@pytest.fixture
def history(app, make_user):
    make_user("dewi", "kasubag", "helpdesk", name="Dewi Kasubag")
    with app.app_context():
        with db.engine.begin() as conn:
            build_history(conn, VISITS, purged=False)
        analyze(db.engine)
        visit = db.session.scalars(select(Visit).where(Visit.status == "reported")
                                   .order_by(Visit.id.desc()).limit(1)).one()
        return {"visit": visit.id, "nik": visit.visitor.nik}


def _no_full_scans(app, action) -> list:
    with app.app_context():
        engine = db.engine
        with capture(engine) as statements:
            action()
        assert statements, "the action ran no query at all"
        return full_scans(engine, statements)


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


def test_a_visits_timeline_reads_its_own_audit_events_only(app, client, login, history):
    login("dewi")

    def timeline():
        assert client.get(f"/admin/visits/{history['visit']}").status_code == 200

    assert _no_full_scans(app, timeline) == []
