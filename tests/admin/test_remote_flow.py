"""SOP 2 through the web layer: letter recorded, Kasubag decides, account given, account closed."""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from lpsedesk.extensions import db
from lpsedesk.models import AuditEvent, RemoteAccessRequest

from .. import factories
from ..conftest import logged_in_client, post_form
from .test_remote_support import local, now, record


@pytest.fixture
def people(app, make_user):
    return {"admin": make_user("ani", "admin", name="Ani Admin"),
            "boss": make_user("bambang", "kasubag", name="Bambang Kasubag"),
            "desk": make_user("rina", "helpdesk", name="Rina Helpdesk")}


def only(app, **where) -> RemoteAccessRequest:
    with app.app_context():
        row = db.session.scalars(select(RemoteAccessRequest).filter_by(**where)).one()
        db.session.expunge(row)
        return row


def only_id(row: RemoteAccessRequest) -> RemoteAccessRequest:
    """Inside an app context: the factory's row loaded and detached, usable after the context ends."""
    db.session.refresh(row)
    db.session.expunge(row)
    return row


def actions(app, request_id: int) -> list[str]:
    """The steps audited on a request, in order; readings (its letter opened, h45s) are no step."""
    with app.app_context():
        return list(db.session.scalars(select(AuditEvent.action).where(
            AuditEvent.object_type == "remote_access", AuditEvent.object_id == request_id,
            AuditEvent.action.not_like("%_viewed")).order_by(AuditEvent.id)))


def test_the_whole_sop_from_letter_to_closed_account(app, people):
    admin, boss = logged_in_client(app, "ani"), logged_in_client(app, "bambang")
    response = record(admin)
    assert response.status_code == 302
    req = only(app, requester_name="Ñoño Śuryadi")
    assert req.status == "received" and req.recorded_by_id == people["admin"]
    assert req.rights_requested == "Hanya baca, Log server" and req.letter_content_type == "application/pdf"
    with app.app_context():
        assert app.extensions["storage"].open(req.letter_key).startswith(b"%PDF-")
    assert admin.get(f"/admin/remote/{req.id}/letter").data.startswith(b"%PDF-")

    # the Kasubag approves with a planned end typed in WIB; it is stored in UTC
    until = now() + timedelta(days=1, hours=3)
    page = boss.get(f"/admin/remote/{req.id}").get_data(as_text=True)
    assert 'value="approve"' in page
    response = post_form(boss, f"/admin/remote/{req.id}/decision",
                    {"decision": "approve", "approved_until": local(until), "version": str(req.version)})
    assert response.status_code == 302
    req = only(app, id=req.id)
    assert req.status == "approved" and req.approved_until == until and req.decided_by_id == people["boss"]

    # the Admin records the account given, with a one-time password shown once and never stored
    given = now() - timedelta(minutes=1)
    response = post_form(admin, f"/admin/remote/{req.id}/account",
                    {"username": "vendor_ct01", "rights": ["Hanya baca"], "rights_other": "",
                     "granted_at": local(given), "generate_password": "y", "version": str(req.version)})
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    password = html.split('id="one-time-password">')[1].split("<")[0]
    assert len(password) == 16
    req = only(app, id=req.id)
    assert (req.status, req.username, req.rights_granted, req.granted_at) == ("active", "vendor_ct01", "Hanya baca", given)
    with app.app_context():
        stored = [str(v) for v in db.session.execute(select(RemoteAccessRequest)).scalars().one().__dict__.values()]
        stored += [str(e.details) for e in db.session.scalars(select(AuditEvent))]
    assert not any(password in value for value in stored)

    # the third party is done: the Admin closes the account
    closed = now()
    response = post_form(admin, f"/admin/remote/{req.id}/close",
                    {"closed_at": local(closed), "note": "Pekerjaan selesai", "version": str(req.version)})
    assert response.status_code == 302
    req = only(app, id=req.id)
    assert (req.status, req.closed_at, req.close_kind) == ("closed", closed, "finished")
    assert actions(app, req.id) == ["remote.received", "remote.approved", "remote.account_given",
                                    "remote.password_generated", "remote.closed"]

    # the request's page tells the whole story, with actors and WIB times
    page = boss.get(f"/admin/remote/{req.id}").get_data(as_text=True)
    timeline = page.split('id="timeline"')[1]
    order = [timeline.index(s) for s in ("Surat permohonan dicatat", "Disetujui Kasubag", "Akun diberikan",
                                         "Akun ditutup")]
    assert order == sorted(order)
    assert "Ani Admin" in timeline and "Bambang Kasubag" in timeline and "WIB" in timeline


def test_kasubag_can_refuse_with_a_reason_and_nothing_more_happens(app, people):
    admin, boss = logged_in_client(app, "ani"), logged_in_client(app, "bambang")
    record(admin)
    req = only(app, status="received")
    no_reason = post_form(boss, f"/admin/remote/{req.id}/decision", {"decision": "deny", "reason": " "})
    assert no_reason.status_code == 400 and "Alasan wajib diisi" in no_reason.get_data(as_text=True)
    assert only(app, id=req.id).status == "received"
    assert post_form(boss, f"/admin/remote/{req.id}/decision",
                {"decision": "deny", "reason": "Surat belum ditandatangani"}).status_code == 302
    req = only(app, id=req.id)
    assert req.status == "denied" and req.decision_reason == "Surat belum ditandatangani"
    give = post_form(admin, f"/admin/remote/{req.id}/account",
                {"username": "x1", "rights": ["Hanya baca"], "granted_at": local(now())})
    assert give.status_code == 409 and "ditolak" in give.get_data(as_text=True)


def test_approval_without_a_time_takes_the_end_the_letter_asked_for(app, people):
    with app.app_context():
        req = factories.remote_request(recorded_by_id=people["admin"],
                                       period_start=now(), period_end=now() + timedelta(days=3))
        expected, req = req.period_end, only_id(req)
    boss = logged_in_client(app, "bambang")
    assert post_form(boss, f"/admin/remote/{req.id}/decision", {"decision": "approve"}).status_code == 302
    assert only(app, id=req.id).approved_until == expected


def test_an_approval_ending_in_the_past_is_refused_and_nothing_changes(app, people):
    with app.app_context():
        req = only_id(factories.remote_request(recorded_by_id=people["admin"]))
    boss = logged_in_client(app, "bambang")
    response = post_form(boss, f"/admin/remote/{req.id}/decision",
                    {"decision": "approve", "approved_until": local(now() - timedelta(hours=1))})
    assert response.status_code == 400 and "masa depan" in response.get_data(as_text=True)
    assert only(app, id=req.id).status == "received"


def test_whoever_recorded_sees_no_decide_buttons_and_cannot_decide(app, make_user):
    make_user("sinta", "admin", "kasubag", name="Sinta Rangkap")
    both = logged_in_client(app, "sinta")
    assert record(both).status_code == 302
    req = only(app, status="received")
    page = both.get(f"/admin/remote/{req.id}").get_data(as_text=True)
    assert 'value="approve"' not in page and 'id="cannot-decide"' in page
    response = post_form(both, f"/admin/remote/{req.id}/decision", {"decision": "approve"})
    assert response.status_code == 403 and "tidak dapat memutuskannya" in response.get_data(as_text=True)
    assert only(app, id=req.id).status == "received"


def test_the_admin_cannot_decide_and_the_kasubag_cannot_record_give_or_close(app, people):
    admin, boss = logged_in_client(app, "ani"), logged_in_client(app, "bambang")
    with app.app_context():
        waiting = only_id(factories.remote_request(recorded_by_id=people["admin"]))
        approved = only_id(factories.remote_request(status="approved", recorded_by_id=people["admin"]))
        active = only_id(factories.remote_request(status="active", username="u1", recorded_by_id=people["admin"]))
    assert 'value="approve"' not in admin.get(f"/admin/remote/{waiting.id}").get_data(as_text=True)
    assert post_form(admin, f"/admin/remote/{waiting.id}/decision", {"decision": "approve"}).status_code == 403
    assert boss.get("/admin/remote/new").status_code == 403
    assert post_form(boss, f"/admin/remote/{approved.id}/account", {"username": "x"}).status_code == 403
    assert post_form(boss, f"/admin/remote/{active.id}/close", {"closed_at": local(now())}).status_code == 403


def test_the_helpdesk_has_no_business_with_remote_accounts(app, people):
    desk = logged_in_client(app, "rina")
    with app.app_context():
        req = only_id(factories.remote_request(recorded_by_id=people["admin"]))
    for path in ("/admin/remote/", f"/admin/remote/{req.id}", f"/admin/remote/{req.id}/letter",
                 "/admin/remote/form", "/admin/remote/form.pdf", "/admin/remote/digest",
                 f"/admin/remote/{req.id}/print", "/admin/remote/new"):
        assert desk.get(path).status_code == 403, path


def test_a_decision_on_a_stale_screen_is_a_409(app, people):
    with app.app_context():
        req = only_id(factories.remote_request(recorded_by_id=people["admin"]))
    boss = logged_in_client(app, "bambang")
    response = post_form(boss, f"/admin/remote/{req.id}/decision",
                    {"decision": "approve", "version": str(req.version + 1)})
    assert response.status_code == 409
    assert only(app, id=req.id).status == "received"


def test_two_open_accounts_cannot_share_a_user_name(app, people):
    with app.app_context():
        factories.remote_request(status="active", username="vendor01", recorded_by_id=people["admin"])
        req = only_id(factories.remote_request(status="approved", recorded_by_id=people["admin"],
                                               decided_at=now() - timedelta(hours=1),
                                               approved_until=now() + timedelta(days=1)))
    admin = logged_in_client(app, "ani")
    response = post_form(admin, f"/admin/remote/{req.id}/account",
                    {"username": "vendor01", "rights": ["Hanya baca"], "granted_at": local(now())})
    assert response.status_code == 409 and "sudah memakai" in response.get_data(as_text=True)
    assert only(app, id=req.id).status == "approved"
