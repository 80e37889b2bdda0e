"""h40p: two staff acting on one record at once (a version conflict). The second one was told only
"Data ini telah diubah oleh orang lain. Muat ulang ..."; like the other "already done" 409s
(admin/recorded_once.py) they now read who changed it and when (WIB), what the record is now, and what
they can do next (a link to the record as it stands). 409, nothing of theirs saved, the other's change
kept whole, and the server goes on serving them. On the served desk (waitress), SQLite or PostgreSQL."""
from __future__ import annotations

import re
from datetime import timedelta
from html import unescape

import pytest
from sqlalchemy import select

from lpsedesk.extensions import db
from lpsedesk.models import AuditEvent, RemoteAccessRequest, Visit
from lpsedesk.models.base import utcnow

from .. import factories
from ..admin.test_remote_support import local
from .served_race import at_once, held_at_write, served, staff


@pytest.fixture
def desk(app):
    with served(app) as port:
        yield port


def _winner(app, kind: str, record_id: int) -> tuple[str, str, str]:
    """(who, HH:MM WIB, action) of the one change the record's log holds."""
    with app.app_context():
        events = db.session.scalars(select(AuditEvent).where(AuditEvent.object_type == kind,
                                                             AuditEvent.object_id == record_id)).all()
        assert len(events) == 1, [e.action for e in events]  # one story: the loser left nothing
        event = events[0]
        return event.actor_label, (event.at + timedelta(hours=7)).strftime("%H:%M"), event.action


def _loser(results, won: int) -> tuple[int, str]:
    statuses = sorted(r[0] for r in results)
    assert statuses == sorted([won, 409]), [(r[0], r[1][:300]) for r in results]
    status, page = next(r for r in results if r[0] == 409)
    return status, unescape(re.sub(r"\s+", " ", page))


def test_the_second_kasubag_reads_who_decided_first_when_and_what_the_visit_is_now(app, make_user, desk):
    make_user("kasubag1", "kasubag")
    make_user("kasubag2", "kasubag")
    with app.app_context():
        visit_id = factories.visit(visitor=factories.visitor(full_name="Sari Dua Kali")).id
    one, two = staff(desk, "kasubag1"), staff(desk, "kasubag2")
    path = f"/admin/visits/{visit_id}/decision"
    with held_at_write(Visit):
        results = at_once(lambda: one.post(path, {"decision": "approve"}),
                          lambda: two.post(path, {"decision": "deny", "reason": "Ruang penuh"}))
    _status, page = _loser(results, 302)
    who, hhmm, action = _winner(app, "visit", visit_id)
    now_is = {"visit.approved": ("Disetujui", "disetujui"), "visit.denied": ("Ditolak", "ditolak")}[action]
    assert "Kiriman Anda tidak tersimpan: kunjungan Sari Dua Kali ini sudah diubah oleh orang lain" in page
    assert f"{who}, " in page and f"{hhmm} WIB ({now_is[0]})" in page and f"Sekarang: {now_is[1]}." in page
    assert f'href="/admin/visits/{visit_id}"' in page and "Buka keadaannya sekarang, lalu ulangi yang masih perlu" in page
    assert "Muat ulang" not in page
    # the server goes on: the loser opens the visit as it now stands
    status, visit_page = two.get(f"/admin/visits/{visit_id}")
    assert status == 200 and "Sari Dua Kali" in visit_page


def test_the_second_admin_closing_one_account_reads_who_closed_it(app, make_user, desk):
    make_user("admin1", "admin")
    make_user("admin2", "admin")
    now = utcnow().replace(second=0, microsecond=0)
    with app.app_context():
        request_id = factories.remote_request("active", requester_name="Budi Vendor", decided_at=now - timedelta(hours=2),
                                              approved_until=now + timedelta(days=1), username="vendor_c",
                                              rights_granted="Hanya baca", granted_at=now - timedelta(hours=1)).id
    one, two = staff(desk, "admin1"), staff(desk, "admin2")
    close = lambda b, note: lambda: b.post(f"/admin/remote/{request_id}/close",  # noqa: E731
                                           {"closed_at": local(now - timedelta(minutes=1)), "note": note})
    with held_at_write(RemoteAccessRequest):
        results = at_once(close(one, "Selesai"), close(two, "Pekerjaan selesai"))
    _status, page = _loser(results, 302)
    who, hhmm, action = _winner(app, "remote_access", request_id)
    assert action == "remote.closed"
    assert (f"Kiriman Anda tidak tersimpan: permohonan remote akses Budi Vendor ini sudah diubah oleh orang lain, "
            f"{who}, ") in page and f"{hhmm} WIB (Akun ditutup). Sekarang: ditutup." in page
    assert f'href="/admin/remote/{request_id}"' in page
    assert two.get(f"/admin/remote/{request_id}")[0] == 200


def test_a_race_lost_with_nothing_to_name_keeps_the_general_answer(app):
    from lpsedesk.errors import conflict_response
    with app.test_request_context("/admin/visits/1/checkout", method="POST"):
        page = conflict_response(None).get_data(as_text=True)
    assert "diubah oleh orang lain" in page and "Muat ulang" in page
