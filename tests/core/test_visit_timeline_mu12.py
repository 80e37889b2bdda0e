"""A visit's timeline (the helpdesk's record of SOP 1, docs/staff.md): every step once, in the SOP's order.
Written for mu12's survivors (docs/mutation.md): steps stamped in the same second listed out of the SOP's
order, and a note listed twice (as the note and again as its audit line) passed the whole suite."""
from __future__ import annotations

from datetime import datetime, timezone

from lpsedesk import visit_ops, visit_timeline
from lpsedesk.extensions import db
from lpsedesk.models import KioskDevice
from lpsedesk.roles import Actor, Role

from .. import factories

SAME_SECOND = datetime(2026, 11, 24, 3, 0, 0, tzinfo=timezone.utc)  # 10:00 WIB


def test_steps_stamped_in_the_same_second_are_listed_in_the_sops_order(app):
    """Guest book, KTP checked, decision, out, reported, acknowledged (SOP 1's order), even where the
    clock gave several steps one second (a desk that checks the KTP and approves at once)."""
    with app.app_context():
        visit = factories.visit(status="reported", submitted_at=SAME_SECOND, ktp_checked_at=SAME_SECOND,
                                decided_at=SAME_SECOND, checked_out_at=SAME_SECOND, reported_at=SAME_SECOND,
                                acknowledged_at=SAME_SECOND)
        kinds = [e.kind for e in visit_timeline.build(db.session, visit)]
    assert kinds == ["submitted", "ktp_checked", "approved", "checked_out", "reported", "acknowledged"]


def test_a_note_is_listed_once(app, make_user):
    with app.app_context():
        desk = make_user("rina", "helpdesk", name="Rina Helpdesk")
        visit = factories.visit(status="approved", decided_at=SAME_SECOND)
        rina = Actor("user", desk, "Rina Helpdesk", frozenset({Role.HELPDESK}))
        visit_ops.add_note(db.session, visit, rina, "Memakai pojok internet", now=SAME_SECOND)
        db.session.commit()
        entries = visit_timeline.build(db.session, visit)
    mentions = [e for e in entries if e.text == "Memakai pojok internet" or e.text == "visit.note_added"]
    assert [(e.kind, e.actor) for e in mentions] == [("note", "Rina Helpdesk")]


def test_a_guest_book_filled_at_the_kiosk_names_that_kiosk(app):
    """SOP 1 starts with the visitor filling the guest book; at the kiosk nobody on the staff did it, so
    the timeline says which kiosk took it (an office may have one in the lobby, one at the desk)."""
    with app.app_context():
        lobby = KioskDevice(name="Kios Lobi Utara")
        db.session.add(lobby)
        db.session.commit()
        visit = factories.visit(submitted_at=SAME_SECOND, submitted_via_kiosk_id=lobby.id)
        first = visit_timeline.build(db.session, visit)[0]
    assert (first.kind, first.actor) == ("submitted", "Kios Lobi Utara")
