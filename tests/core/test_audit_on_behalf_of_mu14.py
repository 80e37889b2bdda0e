"""A Plh./Plt. acts "a.n." the Kasubag, and that is "on the record, audit and screens" (docs/staff.md,
Plh./Plt. and its Tests): an audit event written for a delegate's change names the Kasubag too, and
one written for anybody else names nobody on whose behalf it was."""
from __future__ import annotations

from sqlalchemy import select

from lpsedesk import audit
from lpsedesk.extensions import db
from lpsedesk.models import AuditEvent
from lpsedesk.roles import Actor, Role


def test_an_event_written_for_a_delegate_names_the_kasubag_on_whose_behalf_it_was(app):
    with app.app_context():
        delegate = Actor("user", None, "Budi Santoso", frozenset({Role.KASUBAG}), on_behalf_of_label="Bambang Wijaya")
        helpdesk = Actor("user", None, "Sari Helpdesk", frozenset({Role.HELPDESK}))
        audit.record(db.session, delegate, "skm.follow_up_saved", details={"from": "2026-07-01"})
        audit.record(db.session, helpdesk, "skm.follow_up_saved", details={"from": "2026-07-01"})
        db.session.commit()
        events = db.session.scalars(select(AuditEvent).order_by(AuditEvent.id)).all()
        assert [(e.actor_label, e.details) for e in events] == [
            ("Budi Santoso", {"from": "2026-07-01", "on_behalf_of": "Bambang Wijaya"}),
            ("Sari Helpdesk", {"from": "2026-07-01"}),
        ]
