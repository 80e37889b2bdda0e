"""One invitation, one visit (issue 15; SOP: the Kasubag's permission is for the visit asked about):
two kiosks taking the same code at the same instant (a participant shown twice, a shared screenshot of
the QR), or the Kasubag deciding it while a kiosk uses it, must not both succeed. Each writer reads
the invitation usable in its own transaction; the second write fails and changes nothing."""
from __future__ import annotations

import pytest
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from lpsedesk.extensions import db
from lpsedesk.invitations import rules, use
from lpsedesk.models import Invitation, User, Visit
from lpsedesk.roles import Actor, Role, kiosk_actor

from .. import factories
from ..kiosk.test_invitations import make_invitation


def _two_pending_visits(app) -> tuple[int, int]:
    with app.app_context():
        first = factories.visit(visitor=factories.visitor(full_name="SARI UJI COBA", nik="3373024107900001")).id
        second = factories.visit(visitor=factories.visitor(full_name="SARI UJI COBA", nik="3373024107900002")).id
        return first, second


def test_two_kiosks_using_one_invitation_approved_in_advance_at_once_let_one_visit_in(app):
    inv_id, _code = make_invitation(app, approved=True)
    first, second = _two_pending_visits(app)
    with app.app_context():
        with Session(db.engine) as one, Session(db.engine) as two:
            # both kiosks have read the invitation usable before either writes
            inv_one, inv_two = one.get(Invitation, inv_id), two.get(Invitation, inv_id)
            use.attach(one, inv_one, one.get(Visit, first), kiosk_actor(1, "Kiosk lobi"))
            use.attach(two, inv_two, two.get(Visit, second), kiosk_actor(2, "Kiosk aula"))
            one.commit()
            with pytest.raises(StaleDataError):
                two.commit()
        inv = db.session.get(Invitation, inv_id)
        assert inv.status == "used" and inv.visit_id == first
        assert db.session.get(Visit, first).status == "approved"
        # the second visitor's request is not approved on the first one's invitation
        assert db.session.get(Visit, second).status == "pending"


def test_the_kasubag_refusing_an_invitation_while_a_kiosk_uses_it_does_not_both_succeed(app):
    inv_id, _code = make_invitation(app)
    first, _second = _two_pending_visits(app)
    with app.app_context():
        kasubag_id = db.session.query(User).filter_by(username="bambang").one().id
        boss = Actor("user", kasubag_id, "Bambang Kasubag", frozenset({Role.KASUBAG}))
        with Session(db.engine) as desk, Session(db.engine) as lobby:
            refused, used = desk.get(Invitation, inv_id), lobby.get(Invitation, inv_id)
            rules.decide(desk, refused, "deny", boss, reason="Ruang pelatihan penuh")
            use.attach(lobby, used, lobby.get(Visit, first), kiosk_actor(1, "Kiosk lobi"))
            desk.commit()
            with pytest.raises(StaleDataError):
                lobby.commit()
        inv = db.session.get(Invitation, inv_id)
        assert inv.status == "refused" and inv.visit_id is None
