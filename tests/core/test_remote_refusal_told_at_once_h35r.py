"""Two Admins record at the same instant that the third party of one refused letter was told (h35r), on the
served desk (real waitress, both requests held at their write until both have read the letter untold):
one is recorded, the other hears a 409 naming who told it and when, and the audit log holds one answer.
Run on SQLite by default and on PostgreSQL with TEST_DATABASE_URL."""
from __future__ import annotations

from datetime import timedelta

from lpsedesk.extensions import db
from lpsedesk.models import RemoteAccessRequest
from lpsedesk.models.base import utcnow

from .. import factories
from ..admin.test_remote_support import local
from .served_race import at_once, held_at_write, staff
from .test_two_staff_at_once_served import _events, _one_won, desk  # noqa: F401 (fixture)


def test_two_admins_record_one_refusal_told_at_once(app, make_user, desk):
    make_user("admin1", "admin", name="Ani Admin")
    make_user("admin2", "admin", name="Agus Admin")
    now = utcnow().replace(second=0, microsecond=0)
    with app.app_context():
        request_id = factories.remote_request("denied", decided_at=now - timedelta(hours=1),
                                              decision_reason="Surat tidak ditandatangani").id
    one, two = staff(desk, "admin1"), staff(desk, "admin2")
    tell = lambda b, note: lambda: b.post(f"/admin/remote/{request_id}/told",  # noqa: E731
                                          {"told_at": local(now - timedelta(minutes=1)), "note": note})
    with held_at_write(RemoteAccessRequest):
        results = at_once(tell(one, "Surat balasan no. 1"), tell(two, "Lewat telepon"))
    _status, page = _one_won(results, 302, 409)
    with app.app_context():
        req = db.session.get(RemoteAccessRequest, request_id)
        winner = {"Surat balasan no. 1": "Ani Admin", "Lewat telepon": "Agus Admin"}[req.refusal_told_note]
    assert f"{winner} sudah mencatat bahwa penolakan telah disampaikan kepada pihak ketiga" in page, page[:2000]
    assert _events(app, RemoteAccessRequest, request_id, "remote") == ["remote.refusal_told"]
