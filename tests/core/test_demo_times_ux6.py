"""ux6: demo data looks real whatever the hour it is made: nothing happened in the future, and a
request waiting today has waited a while (the walk saw a remote request "waiting 0 minutes" first
under "Newest first", recorded at a later hour than the demo was made)."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import select

from lpsedesk.clock import wib_today
from lpsedesk.demo import make_demo_data
from lpsedesk.extensions import db
from lpsedesk.models import RemoteAccessRequest, Visit


# 1: as if made at dawn, before the office opens: every hour of the demo's last day is still to come
@pytest.mark.parametrize("days_ahead", [0, 1])
def test_demo_data_has_nothing_in_the_future_and_no_request_waiting_zero_minutes(app, days_ahead):
    with app.app_context():
        make_demo_data(db.session, weeks=1, seed=7, today=wib_today() + timedelta(days=days_ahead))
        db.session.commit()
        now = datetime.now(timezone.utc)
        visits = db.session.scalars(select(Visit)).all()
        remote = db.session.scalars(select(RemoteAccessRequest)).all()
        times = [t for v in visits for t in (v.submitted_at, v.decided_at, v.checked_out_at) if t]
        times += [t for r in remote for t in (r.recorded_at, r.decided_at, r.granted_at, r.closed_at) if t]
        assert times and max(times) <= now, "a demo time lies in the future"
        waiting = [v.submitted_at for v in visits if v.status == "pending"]
        waiting += [r.recorded_at for r in remote if r.status == "received"]
        assert all(now - t >= timedelta(minutes=15) for t in waiting), "a demo request waited 0 minutes"
