"""h45s: every download that carries people's names out of the desk is in the audit log, as the guest
book's is ("personal data leaves the system", docs/reports.md): the visit report (visitors' names,
institutions, the helpdesk's notes and incidents), the server room's access log (names, masked NIKs,
escorts, devices) and the remote-access Formulir (third parties' names and account user names). Only the
guest book's was; the other three left no trace of who took which period. Like every read that writes
the audit trail, a download another site started is refused and writes nothing (probe h18s)."""
from __future__ import annotations

import pytest

from .. import factories
from ..conftest import audit_events, logged_in_client

DOWNLOADS = {
    "visits": ("/admin/reports/visits.{fmt}?from=2026-12-01&to=2026-12-07", "report.visits_exported"),
    "server-room": ("/admin/reports/server-room.{fmt}?from=2026-12-01&to=2026-12-07",
                    "report.server_room_exported"),
    "remote-form": ("/admin/remote/form.{fmt}?kind=month&value=2026-12", "remote.form_exported"),
}


@pytest.fixture
def admin(app, make_user):
    make_user("sinta", "admin")
    return logged_in_client(app, "sinta")



@pytest.mark.parametrize("fmt", ["csv", "xlsx", "pdf"])
@pytest.mark.parametrize("report", sorted(DOWNLOADS))
def test_a_download_of_names_is_audited_with_its_format_and_period(app, admin, report, fmt):
    url, action = DOWNLOADS[report]
    response = admin.get(url.format(fmt=fmt))
    assert response.status_code == 200
    [event] = audit_events(app, action)
    assert event.details["format"] == fmt
    assert (event.details["from"], event.details["to"]) == ("2026-12-01", "2026-12-31" if report == "remote-form"
                                                            else "2026-12-07")
    assert event.details["rows"] == 0
    assert event.actor_id is not None


def test_the_rows_counted_are_the_visits_taken(app, admin):
    from datetime import datetime, timezone

    with app.app_context():
        moment = datetime(2026, 12, 3, 3, 0, tzinfo=timezone.utc)
        factories.visit("reported", submitted_at=moment, decided_at=moment, checked_out_at=moment,
                        reported_at=moment)
    assert admin.get("/admin/reports/visits.csv?from=2026-12-01&to=2026-12-07").status_code == 200
    [event] = audit_events(app, "report.visits_exported")
    assert event.details["rows"] == 1


@pytest.mark.parametrize("report", sorted(DOWNLOADS))
def test_a_download_another_site_started_is_refused_and_writes_nothing(app, admin, report):
    url, action = DOWNLOADS[report]
    response = admin.get(url.format(fmt="pdf"), headers={"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "navigate"})
    assert response.status_code == 403
    assert audit_events(app, action) == []
