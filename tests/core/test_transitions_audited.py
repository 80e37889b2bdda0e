"""Every allowed transition, applied to real rows, writes its audit event in the same commit."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from lpsedesk import audit
from lpsedesk.extensions import db
from lpsedesk.models import AuditEvent
from lpsedesk.roles import Actor, Role
from lpsedesk.workflow import REMOTE_TRANSITIONS, VISIT_TRANSITIONS

from .. import factories


def _actor(step_roles, user_id: int) -> Actor:
    role = sorted(step_roles)[0]
    kind = {Role.KIOSK: "kiosk", Role.SYSTEM: "system"}.get(role, "user")
    # Kiosk and system actors are not users: their ids never land in a users foreign key.
    return Actor(kind=kind, id=user_id if kind == "user" else 7, label=f"{role.value} actor",
                 roles=frozenset({role}))


@pytest.mark.parametrize("frm,to", list(VISIT_TRANSITIONS), ids=lambda s: s.value)
def test_each_visit_transition_is_saved_with_its_audit_event(app, make_user, frm, to):
    user_id = make_user("pelaku", "admin")
    step = VISIT_TRANSITIONS[(frm, to)]
    with app.app_context():
        visit = factories.visit(status=frm.value)
        audit.apply_transition(db.session, visit, to.value, _actor(step.roles, user_id), reason="uji")
        db.session.commit()
        db.session.expire_all()
        assert visit.status == to.value
        event = db.session.scalars(select(AuditEvent).where(AuditEvent.object_id == visit.id, AuditEvent.object_type == "visit")).one()
        assert (event.action, event.object_type, event.details["from"], event.details["to"]) == \
            (step.action, "visit", frm.value, to.value)


@pytest.mark.parametrize("frm,to", list(REMOTE_TRANSITIONS), ids=lambda s: s.value)
def test_each_remote_transition_is_saved_with_its_audit_event(app, make_user, frm, to):
    user_id = make_user("pelaku", "admin")
    step = REMOTE_TRANSITIONS[(frm, to)]
    with app.app_context():
        request = factories.remote_request(status=frm.value, recorded_by_id=None)
        audit.apply_transition(db.session, request, to.value, _actor(step.roles, user_id), reason="uji")
        db.session.commit()
        db.session.expire_all()
        assert request.status == to.value
        event = db.session.scalars(select(AuditEvent).where(AuditEvent.object_id == request.id, AuditEvent.object_type == "remote_access")).one()
        assert (event.action, event.object_type) == (step.action, "remote_access")
