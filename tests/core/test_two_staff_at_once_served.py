"""Two staff acting at once never corrupt a record (the product's rule), on the served desk.

Each pair of requests goes through real waitress, as `flask serve` runs it, and meets at a barrier
just before writing, after both have read the record: exactly one wins, the other is told, in the
desk's language and with a 4xx, that someone else changed it; the audit log tells one story. Run on
SQLite by default and on PostgreSQL with TEST_DATABASE_URL.
"""
from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import select

from lpsedesk.extensions import db
from lpsedesk.models import AuditEvent, RemoteAccessRequest, Visit
from lpsedesk.models.base import utcnow

from .. import factories
from ..admin.test_remote_support import local
from .served_race import at_once, held_at_write, kiosk, served, staff

CHANGED_BY_SOMEONE_ELSE = "diubah oleh orang lain"  # the 409 page, in Indonesian (the default)


@pytest.fixture
def desk(app):
    with served(app) as port:
        yield port


def _events(app, kind: type, record_id: int, prefix: str) -> list[str]:
    with app.app_context():
        rows = db.session.scalars(select(AuditEvent).where(AuditEvent.action.like(f"{prefix}.%"))
                                  .order_by(AuditEvent.id)).all()
        return [e.action for e in rows if e.object_id == record_id]


def _one_won(results, won: int, lost: int) -> tuple[int, str]:
    """The loser's answer, once exactly one of the two got `won` and the other `lost`."""
    statuses = sorted(r[0] for r in results)
    assert statuses == sorted([won, lost]), [(r[0], r[1][:300]) for r in results]
    return next(r for r in results if r[0] == lost)


def _inside() -> int:
    now = utcnow()
    return factories.visit("approved", decided_at=now - timedelta(minutes=30), approved_until=now + timedelta(minutes=30),
                           signature_key="sig/2026/11/" + "s" * 20).id


def test_grant_and_refuse_of_one_visit_at_the_same_instant(app, make_user, desk):
    make_user("kasubag1", "kasubag")
    make_user("kasubag2", "kasubag")
    with app.app_context():
        visit_id = factories.visit().id
    one, two = staff(desk, "kasubag1"), staff(desk, "kasubag2")
    path = f"/admin/visits/{visit_id}/decision"
    with held_at_write(Visit):
        results = at_once(lambda: one.post(path, {"decision": "approve"}),
                          lambda: two.post(path, {"decision": "deny", "reason": "Ruang penuh"}))
    _status, page = _one_won(results, 302, 409)
    assert CHANGED_BY_SOMEONE_ELSE in page
    with app.app_context():
        status = db.session.get(Visit, visit_id).status
    assert _events(app, Visit, visit_id, "visit") == [f"visit.{status}"]


def test_the_desk_and_the_kiosk_check_out_one_visit_at_once(app, make_user, desk):
    make_user("rina", "helpdesk")
    with app.app_context():
        visit_id = _inside()
        ticket = db.session.get(Visit, visit_id).ticket_code
    helpdesk, lobby = staff(desk, "rina"), kiosk(app, desk)
    with held_at_write(Visit):
        results = at_once(lambda: helpdesk.post(f"/admin/visits/{visit_id}/checkout", {}),
                          lambda: lobby.post_json(f"/kiosk/api/v1/visits/{ticket}/checkout"))
    assert sorted(r[0] for r in results) in ([200, 409], [302, 409]), [(r[0], r[1][:300]) for r in results]
    if results[1][0] == 409:  # the kiosk lost: a JSON answer its screen can say, to a visitor
        _kiosk_told_to_ask_the_helpdesk(results[1][1])
    assert _events(app, Visit, visit_id, "visit") == ["visit.checked_out"]


def test_the_kasubag_decides_while_the_visitor_withdraws_at_the_kiosk(app, make_user, desk):
    make_user("kasubag1", "kasubag")
    with app.app_context():
        visit_id = factories.visit().id
        ticket = db.session.get(Visit, visit_id).ticket_code
    boss, lobby = staff(desk, "kasubag1"), kiosk(app, desk)
    with held_at_write(Visit):
        results = at_once(lambda: boss.post(f"/admin/visits/{visit_id}/decision", {"decision": "approve"}),
                          lambda: lobby.post_json(f"/kiosk/api/v1/visits/{ticket}/withdraw"))
    assert sorted(r[0] for r in results) in ([200, 409], [302, 409]), [(r[0], r[1][:300]) for r in results]
    if results[1][0] == 409:
        _kiosk_told_to_ask_the_helpdesk(results[1][1])
    events = _events(app, Visit, visit_id, "visit")
    assert len(events) == 1 and events[0] in ("visit.approved", "visit.cancelled"), events


def test_the_desk_and_the_kiosk_withdraw_one_request_at_once(app, make_user, desk):
    make_user("rina", "helpdesk")
    with app.app_context():
        visit_id = factories.visit().id
        ticket = db.session.get(Visit, visit_id).ticket_code
    helpdesk, lobby = staff(desk, "rina"), kiosk(app, desk)
    with held_at_write(Visit):
        results = at_once(lambda: helpdesk.post(f"/admin/visits/{visit_id}/withdraw", {}),
                          lambda: lobby.post_json(f"/kiosk/api/v1/visits/{ticket}/withdraw"))
    assert sorted(r[0] for r in results) in ([200, 409], [302, 409]), [(r[0], r[1][:300]) for r in results]
    if results[1][0] == 409:
        _kiosk_told_to_ask_the_helpdesk(results[1][1])
    assert len(_events(app, Visit, visit_id, "visit")) == 1


def test_two_helpdesk_report_one_finished_visit(app, make_user, desk):
    make_user("rina", "helpdesk")
    make_user("budi", "helpdesk")
    with app.app_context():
        visit_id = factories.visit("checked_out", checked_out_at=utcnow(), signature_key="sig/2026/11/" + "s" * 20).id
    one, two = staff(desk, "rina"), staff(desk, "budi")
    with held_at_write(Visit):
        results = at_once(lambda: one.post(f"/admin/visits/{visit_id}/report", {}),
                          lambda: two.post("/admin/visits/report", [("ids", str(visit_id))]))
    _status, page = _one_won(results, 302, 409)
    assert CHANGED_BY_SOMEONE_ELSE in page
    assert _events(app, Visit, visit_id, "visit") == ["visit.reported"]


def test_acknowledge_all_leaves_a_report_that_arrives_meanwhile(app, make_user, desk):
    make_user("kasubag1", "kasubag")
    make_user("rina", "helpdesk")
    with app.app_context():
        shown = factories.visit("reported", checked_out_at=utcnow(), signature_key="sig/2026/11/" + "s" * 20).id
        arriving = factories.visit("checked_out", checked_out_at=utcnow(), signature_key="sig/2026/11/" + "t" * 20).id
    boss, helpdesk = staff(desk, "kasubag1"), staff(desk, "rina")
    with held_at_write(Visit):
        # the Kasubag's page listed `shown` only; its acknowledgement and the new report meet
        results = at_once(lambda: boss.post("/admin/reports/acknowledge", [("ids", str(shown))]),
                          lambda: helpdesk.post(f"/admin/visits/{arriving}/report", {}))
    assert [r[0] for r in results] == [302, 302], [(r[0], r[1][:300]) for r in results]
    with app.app_context():
        acknowledged = {v.id: v.acknowledged_at is not None for v in db.session.scalars(select(Visit))}
    # the new report waits for a Kasubag who has seen it
    assert acknowledged == {shown: True, arriving: False}
    assert _events(app, Visit, shown, "visit") == ["visit.acknowledged"]
    assert _events(app, Visit, arriving, "visit") == ["visit.reported"]


def _approved_request(**fields) -> int:
    now = utcnow().replace(second=0, microsecond=0)
    return factories.remote_request("approved", decided_at=now - timedelta(hours=1),
                                    approved_until=now + timedelta(days=1), **fields).id


def _give(b, request_id: int, username: str):
    return lambda: b.post(f"/admin/remote/{request_id}/account", {
        "username": username, "rights": "Hanya baca", "granted_at": local(utcnow() - timedelta(minutes=5))})


def test_two_admins_give_two_accounts_for_one_request(app, make_user, desk):
    make_user("admin1", "admin")
    make_user("admin2", "admin")
    with app.app_context():
        request_id = _approved_request()
    one, two = staff(desk, "admin1"), staff(desk, "admin2")
    with held_at_write(RemoteAccessRequest):
        results = at_once(_give(one, request_id, "vendor_a"), _give(two, request_id, "vendor_b"))
    _status, page = _one_won(results, 302, 409)
    assert CHANGED_BY_SOMEONE_ELSE in page
    assert _events(app, RemoteAccessRequest, request_id, "remote") == ["remote.account_given"]


def test_two_admins_give_one_user_name_to_two_requests_at_once(app, make_user, desk):
    make_user("admin1", "admin")
    make_user("admin2", "admin")
    with app.app_context():
        first, second = _approved_request(), _approved_request()
    one, two = staff(desk, "admin1"), staff(desk, "admin2")
    with held_at_write(RemoteAccessRequest):
        results = at_once(_give(one, first, "vendor_x"), _give(two, second, "vendor_x"))
    _status, page = _one_won(results, 302, 409)
    # the loser hears why beside the user name field, not only that something changed
    assert "Akun lain yang masih aktif sudah memakai username ini." in page and 'value="vendor_x"' in page
    with app.app_context():
        active = db.session.scalars(select(RemoteAccessRequest).where(RemoteAccessRequest.username == "vendor_x",
                                                                      RemoteAccessRequest.status == "active")).all()
    assert len(active) == 1
    assert (_events(app, RemoteAccessRequest, first, "remote") + _events(app, RemoteAccessRequest, second, "remote")
            == ["remote.account_given"])


def test_two_admins_close_one_account(app, make_user, desk):
    make_user("admin1", "admin")
    make_user("admin2", "admin")
    now = utcnow().replace(second=0, microsecond=0)
    with app.app_context():
        request_id = factories.remote_request("active", decided_at=now - timedelta(hours=2), approved_until=now + timedelta(days=1),
                                              username="vendor_c", rights_granted="Hanya baca",
                                              granted_at=now - timedelta(hours=1)).id
    one, two = staff(desk, "admin1"), staff(desk, "admin2")
    close = lambda b, note: lambda: b.post(f"/admin/remote/{request_id}/close",  # noqa: E731
                                           {"closed_at": local(now - timedelta(minutes=1)), "note": note})
    with held_at_write(RemoteAccessRequest):
        results = at_once(close(one, "Selesai"), close(two, "Pekerjaan selesai"))
    _status, page = _one_won(results, 302, 409)
    assert CHANGED_BY_SOMEONE_ELSE in page
    assert _events(app, RemoteAccessRequest, request_id, "remote") == ["remote.closed"]


def _kiosk_told_to_ask_the_helpdesk(body: str) -> None:
    """A visitor cannot "reload to see the current state" (the staff's words): the kiosk says whom to ask."""
    answer = json.loads(body)
    assert answer["error"]
    assert "helpdesk" in answer["message"].lower() and "muat ulang" not in answer["message"].lower(), answer


def test_a_lost_race_tells_the_visitor_at_the_kiosk_to_ask_the_helpdesk_and_staff_to_reload(app):
    from lpsedesk.errors import conflict_response
    with app.test_request_context("/kiosk/api/v1/visits/ABC/checkout", method="POST", json={}):
        _kiosk_told_to_ask_the_helpdesk(conflict_response().get_data(as_text=True))
    with app.test_request_context("/admin/visits/1/checkout", method="POST"):
        assert "Muat ulang" in conflict_response().get_data(as_text=True)
