"""h36d, SOP 1: the Kasubag grants or refuses; the helpdesk then lets the visitor in within what was
permitted, or tells the refusal. The visitor is inside from being let in, not from the approval; a
decision waits on the desk until a helpdesk records that step (who, when), once, audited."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from lpsedesk import decision_told, visit_queries
from lpsedesk.extensions import db
from lpsedesk.models import AuditEvent
from lpsedesk.roles import Actor, Role
from lpsedesk.workflow import InvalidTransition, NotAllowed

from .. import factories

NOW = datetime(2026, 12, 7, 3, 0, tzinfo=timezone.utc)  # Monday 10.00 WIB
DECIDED = NOW - timedelta(minutes=2)


def desk_actor(user_id: int) -> Actor:
    return Actor(kind="user", id=user_id, label="Rina Helpdesk", roles=frozenset({Role.HELPDESK}))


def decided(status: str, name: str, **fields):
    return factories.visit(status, visitor=factories.visitor(full_name=name), submitted_at=DECIDED - timedelta(minutes=10),
                           decided_at=DECIDED, approved_until=NOW + timedelta(hours=1), decision_told_at=None,
                           **fields)


def test_an_approved_visitor_not_yet_let_in_waits_at_the_desk_not_inside(app):
    with app.app_context():
        visit = decided("approved", "Agus Menunggu")
        assert decision_told.awaits_telling(visit) and not decision_told.is_inside(visit)
        assert visit_queries.inside_now(db.session) == []
        assert [v.id for v in visit_queries.decisions_to_tell(db.session)] == [visit.id]
        # still in the building: the evacuation list counts every approved visitor, as before
        assert [v.id for v in visit_queries.in_the_building(db.session)] == [visit.id]


def test_the_helpdesk_lets_the_visitor_in_and_it_is_recorded_with_who_and_when(app, make_user):
    rina = make_user("rina", "helpdesk", name="Rina Helpdesk")
    with app.app_context():
        visit = decided("approved", "Agus Masuk")
        decision_told.record_told(db.session, visit, desk_actor(rina), now=NOW)
        db.session.commit()
        assert (visit.decision_told_at, visit.decision_told_by_id) == (NOW, rina)
        assert decision_told.is_inside(visit) and not decision_told.awaits_telling(visit)
        assert [v.id for v in visit_queries.inside_now(db.session)] == [visit.id]
        assert visit_queries.decisions_to_tell(db.session) == []
        event = db.session.query(AuditEvent).filter_by(object_id=visit.id, action="visit.let_in").one()
        assert (event.actor_id, event.at) == (rina, NOW)


def test_a_refusal_waits_until_told_and_only_then_is_finished_today(app, make_user):
    rina = make_user("rina", "helpdesk", name="Rina Helpdesk")
    with app.app_context():
        visit = decided("denied", "Budi Ditolak", decision_reason="Fasilitas sedang dipakai")
        assert decision_told.awaits_telling(visit) and not decision_told.is_inside(visit)
        assert [v.id for v in visit_queries.decisions_to_tell(db.session)] == [visit.id]
        assert visit_queries.finished_today(db.session, NOW) == []
        decision_told.record_told(db.session, visit, desk_actor(rina), now=NOW)
        db.session.commit()
        assert not decision_told.is_inside(visit) and visit_queries.decisions_to_tell(db.session) == []
        assert [v.id for v in visit_queries.finished_today(db.session, NOW)] == [visit.id]
        assert db.session.query(AuditEvent).filter_by(object_id=visit.id, action="visit.refusal_told").count() == 1


def test_it_is_recorded_once(app, make_user):
    rina = make_user("rina", "helpdesk", name="Rina Helpdesk")
    dewi = make_user("dewi", "helpdesk", name="Dewi Helpdesk")
    with app.app_context():
        visit = decided("approved", "Agus Sekali")
        decision_told.record_told(db.session, visit, desk_actor(rina), now=NOW)
        db.session.commit()
        with pytest.raises(decision_told.AlreadyTold):
            decision_told.record_told(db.session, visit, desk_actor(dewi), now=NOW + timedelta(minutes=1))
        assert (visit.decision_told_at, visit.decision_told_by_id) == (NOW, rina)


def test_only_the_helpdesk_and_only_for_a_decision(app, make_user):
    boss = make_user("bambang", "kasubag", name="Bambang Wijaya")
    rina = make_user("rina", "helpdesk", name="Rina Helpdesk")
    with app.app_context():
        visit = decided("approved", "Agus Boss")
        kasubag = Actor(kind="user", id=boss, label="Bambang Wijaya", roles=frozenset({Role.KASUBAG}))
        assert isinstance(decision_told.telling_refused(visit, kasubag), NotAllowed)
        waiting = factories.visit("pending")
        with pytest.raises(InvalidTransition):
            decision_told.record_told(db.session, waiting, desk_actor(rina), now=NOW)
        # a visitor who left without being let in (checked out at the kiosk) is no longer the desk's to tell
        gone = decided("checked_out", "Citra Pergi", checked_out_at=NOW)
        assert not decision_told.awaits_telling(gone)
        assert isinstance(decision_told.telling_refused(gone, desk_actor(rina)), InvalidTransition)
