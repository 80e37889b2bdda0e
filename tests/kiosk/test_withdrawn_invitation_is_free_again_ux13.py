"""ux13: a visitor who came with an invitation and then withdrew the waiting request (ux12) may come
back with the same invitation: withdrawing frees it. Before, the invitation stayed "used" by a visit
that was never decided, and its code said "already used" at the kiosk."""
from __future__ import annotations

from lpsedesk import visit_ops
from lpsedesk.extensions import db
from lpsedesk.models import AuditEvent, Invitation, Visit
from lpsedesk.roles import Actor, Role
from tests import factories

from .test_invitations import make_invitation, submit


def test_a_withdrawn_invited_visit_frees_the_invitation_for_the_visitor_to_use_again(app, kiosk, ktp_scene):
    inv_id, code = make_invitation(app)
    first = submit(kiosk, ktp_scene, code)
    assert first.status_code == 201 and first.json["status"] == "pending"
    ticket = first.json["ticket"]
    assert kiosk.post_json("/invitations/lookup", {"code": code}).status_code == 409, "in use while it waits"

    withdrawn = kiosk.post_json(f"/visits/{ticket}/withdraw", {})
    assert withdrawn.status_code == 200 and withdrawn.json["status"] == "cancelled"

    again = kiosk.post_json("/invitations/lookup", {"code": code})
    assert again.status_code == 200, again.json
    assert again.json["full_name"] == "SARI UJI COBA"
    second = submit(kiosk, ktp_scene, code)
    assert second.status_code == 201 and second.json["ticket"] != ticket
    with app.app_context():
        inv = db.session.get(Invitation, inv_id)
        assert inv.status == "used" and inv.visit.ticket_code == second.json["ticket"]
        released = db.session.query(AuditEvent).filter_by(action="invitation.released", object_id=inv_id).one()
        assert (released.actor_type, released.actor_id) == ("kiosk", kiosk.device_id)


def test_an_invitation_approved_in_advance_is_approved_again_after_the_withdrawal(app):
    # Approved in advance, its visit still waited (held for the Kasubag, e.g. a watch-list match):
    # withdrawn, the invitation is back as the Kasubag left it, approved.
    inv_id, _code = make_invitation(app, approved=True)
    with app.app_context():
        visit = factories.visit()
        inv = db.session.get(Invitation, inv_id)
        inv.status, inv.visit_id = "used", visit.id
        db.session.commit()
        kiosk_actor = Actor("kiosk", 1, "Kios lobi", frozenset({Role.KIOSK}))
        visit_ops.withdraw(db.session, db.session.get(Visit, visit.id), kiosk_actor)
        db.session.commit()
        inv = db.session.get(Invitation, inv_id)
        assert (inv.status, inv.visit_id, inv.used_at) == ("approved", None, None)
        assert inv.decided_by_label == "Bambang Kasubag"


def test_a_visit_from_no_invitation_is_withdrawn_as_before(app, kiosk):
    with app.app_context():
        ticket = factories.visit().ticket_code
    assert kiosk.post_json(f"/visits/{ticket}/withdraw", {}).json["status"] == "cancelled"
    with app.app_context():
        assert db.session.query(AuditEvent).filter_by(action="invitation.released").count() == 0
