"""The retention period at its edges, as docs/reports.md ("Data retention") states it
(hand-planted mutants, mu13).

"Setting retention_days (default 365, at least 1; anything else is refused and nothing deleted)":
files of visits submitted before the cut-off (now minus the period) go; a visit of the period's
last day keeps them, and nothing at all is deleted for a period of 0 days, however it is asked for.
"""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from lpsedesk.extensions import db
from lpsedesk.models import VisitFiles, Visitor
from lpsedesk.retention import RetentionError, purge

from .. import factories

NOW = datetime.now(timezone.utc)


def _store(app, kind: str) -> str:
    return app.extensions["storage"].save(b"synthetic " + kind.encode(), kind=kind)


def _visit(app, nik: str, age: timedelta):
    visitor = factories.visitor(full_name="Pengunjung Uji", nik=nik)
    return factories.visit(status="reported", visitor=visitor, submitted_at=NOW - age,
                           id_capture_key=_store(app, "ktp"), signature_key=_store(app, "signature"))


def test_a_visit_of_the_periods_last_day_keeps_its_files_and_its_visitors_nik(app):
    with app.app_context():
        inside = _visit(app, "3373024107900001", timedelta(days=30) - timedelta(hours=1))
        past = _visit(app, "3373021203850002", timedelta(days=30) + timedelta(hours=1))
        result = purge(db.session, now=NOW, days=30)
        db.session.commit()
        assert result.captures == [past.id] and result.signatures == [past.id]
        assert db.session.get(VisitFiles, inside.id) is not None
        assert db.session.get(Visitor, inside.visitor_id).nik == "3373024107900001"
        assert db.session.get(Visitor, past.visitor_id).nik == "3373********0002"


def test_a_period_of_no_days_is_refused_and_deletes_nothing(app):
    with app.app_context():
        visit = _visit(app, "3373024107900001", timedelta(days=2))
        db.session.commit()
        with pytest.raises(RetentionError):
            purge(db.session, now=NOW, days=0)
        db.session.rollback()
        assert db.session.get(VisitFiles, visit.id) is not None
        assert app.extensions["storage"].exists(visit.id_capture_key)
