"""Accounts past their planned end are flagged; extending one takes a new letter and a new approval."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from lpsedesk.extensions import db
from lpsedesk.models import AuditEvent, RemoteAccessRequest

from .. import factories
from ..conftest import logged_in_client, post_form
from .test_remote_support import local, now, record
from .test_remote_flow import only, people  # noqa: F401 (fixture)


def open_account(app, admin_id: int, **overrides) -> int:
    fields = dict(status="active", username="vendor_lama", rights_granted="Hanya baca", recorded_by_id=admin_id,
                  decided_at=now() - timedelta(days=3), approved_until=now() - timedelta(hours=2),
                  granted_at=now() - timedelta(days=3))
    fields.update(overrides)
    with app.app_context():
        return factories.remote_request(**fields).id


def test_an_account_past_its_end_is_flagged_on_the_register_the_page_and_the_digest(app, people):
    overdue = open_account(app, people["admin"])
    fine = open_account(app, people["admin"], username="vendor_baru", approved_until=now() + timedelta(days=1))
    with app.app_context():
        waiting = factories.remote_request(recorded_by_id=people["admin"], requester_name="Bùi Thị Ánh").id
    for who in ("ani", "bambang"):
        c = logged_in_client(app, who)
        register = c.get("/admin/remote/").get_data(as_text=True)
        flagged = register.split('id="overdue"')[1].split("</section>")[0]
        assert "vendor_lama" in flagged and "vendor_baru" not in flagged
        assert 'id="overdue-warning"' in c.get(f"/admin/remote/{overdue}").get_data(as_text=True)
        assert 'id="overdue-warning"' not in c.get(f"/admin/remote/{fine}").get_data(as_text=True)
        digest = c.get("/admin/remote/digest").get_data(as_text=True)
        assert "vendor_lama" in digest.split('id="digest-overdue"')[1].split("</section>")[0]
        assert "Bùi Thị Ánh" in digest.split('id="digest-waiting"')[1].split("</section>")[0]
    assert waiting


def test_closing_after_the_planned_end_is_recorded_as_such(app, people):
    rid = open_account(app, people["admin"])
    admin = logged_in_client(app, "ani")
    assert post_form(admin, f"/admin/remote/{rid}/close", {"closed_at": local(now())}).status_code == 302
    req = only(app, id=rid)
    assert req.status == "closed" and req.close_kind == "expired"
    again = post_form(admin, f"/admin/remote/{rid}/close", {"closed_at": local(now())})
    assert again.status_code == 409 and "sudah mencatat bahwa akun telah ditutup" in again.get_data(as_text=True)  # h39a


def test_an_extension_is_a_new_request_that_closes_the_old_account_when_given(app, people):
    old = open_account(app, people["admin"])
    admin, boss = logged_in_client(app, "ani"), logged_in_client(app, "bambang")
    form = admin.get(f"/admin/remote/new?extends={old}").get_data(as_text=True)
    assert "Perpanjangan permohonan" in form and f'value="{old}"' in form
    assert record(admin, extends=str(old), requester_name="Teknisi Uji").status_code == 302
    new = only(app, extends_id=old)
    assert new.status == "received"
    # one extension at a time
    second = record(admin, extends=str(old))
    assert second.status_code == 409 and "sudah menunggu" in second.get_data(as_text=True)
    # until the Kasubag approves and the Admin gives it, the old account stays open (and overdue)
    assert only(app, id=old).status == "active"
    until = now() + timedelta(days=5)
    assert post_form(boss, f"/admin/remote/{new.id}/decision",
                {"decision": "approve", "approved_until": local(until)}).status_code == 302
    assert only(app, id=old).status == "active"
    given = now()
    assert post_form(admin, f"/admin/remote/{new.id}/account",
                {"username": "vendor_lama", "rights": ["Hanya baca"], "granted_at": local(given)}).status_code == 302
    old_row, new_row = only(app, id=old), only(app, id=new.id)
    assert new_row.status == "active" and new_row.username == "vendor_lama"
    assert old_row.status == "closed" and old_row.close_kind == "superseded"
    assert old_row.closed_at == new_row.granted_at == given
    with app.app_context():
        old_actions = list(db.session.scalars(select(AuditEvent.action).where(
            AuditEvent.object_type == "remote_access", AuditEvent.object_id == old).order_by(AuditEvent.id)))
    assert old_actions == ["remote.extension_recorded", "remote.closed"]
    page = admin.get(f"/admin/remote/{old}").get_data(as_text=True)
    assert "diganti oleh perpanjangan" in page and f"/admin/remote/{new.id}" in page


def test_a_refused_extension_leaves_the_old_account_open_to_be_closed(app, people):
    old = open_account(app, people["admin"])
    admin, boss = logged_in_client(app, "ani"), logged_in_client(app, "bambang")
    record(admin, extends=str(old))
    new = only(app, extends_id=old)
    post_form(boss, f"/admin/remote/{new.id}/decision", {"decision": "deny", "reason": "Tidak diperlukan lagi"})
    assert only(app, id=new.id).status == "denied" and only(app, id=old).status == "active"
    # and a new extension may be recorded again
    assert record(admin, extends=str(old)).status_code == 302


def test_only_an_open_account_can_be_extended(app, people):
    closed = open_account(app, people["admin"], status="closed", closed_at=now())
    admin = logged_in_client(app, "ani")
    response = record(admin, extends=str(closed))
    assert response.status_code == 409 and "masih aktif" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalars(select(RemoteAccessRequest).where(
            RemoteAccessRequest.extends_id == closed)).first() is None
