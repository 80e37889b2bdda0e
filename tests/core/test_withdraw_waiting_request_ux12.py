"""ux12: a visitor who no longer waits for the Kasubag's answer withdraws the request, at the kiosk
or through the helpdesk (visit_ops.withdraw). Expectations from the brief and SOP 1: only a request
still waiting for the decision can be withdrawn; a decided or finished visit cannot; the Kasubag
does not "cancel" a visitor's request, they refuse it (with a reason)."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest
from sqlalchemy import select

from lpsedesk import visit_ops
from lpsedesk.extensions import db
from lpsedesk.models import AuditEvent
from lpsedesk.roles import Actor, Role, kiosk_actor
from lpsedesk.workflow import InvalidTransition, NotAllowed

from .. import factories
from .test_rules_visit_ops import staff_user

NOW = datetime(2026, 11, 23, 3, 0, tzinfo=timezone.utc)  # Monday 10.00 WIB
KIOSK = kiosk_actor(7, "Kios Lobi")


@pytest.fixture
def people(app):
    with app.app_context():
        yield (Actor("user", staff_user("rina"), "Rina", frozenset({Role.HELPDESK})),
               Actor("user", staff_user("bambang"), "Bambang", frozenset({Role.KASUBAG})))


def events(visit) -> list[AuditEvent]:
    db.session.flush()
    return list(db.session.scalars(select(AuditEvent).where(
        AuditEvent.object_type == "visit", AuditEvent.object_id == visit.id).order_by(AuditEvent.id)))


def test_the_visitor_withdraws_a_waiting_request_at_the_kiosk(people):
    visit = factories.visit()
    assert visit_ops.may_withdraw(visit, KIOSK)
    visit_ops.withdraw(db.session, visit, KIOSK, now=NOW)
    assert visit.status == "cancelled"
    assert (visit.decided_at, visit.decided_by_label) == (NOW, "Kios Lobi")
    [event] = events(visit)
    assert (event.action, event.actor_type, event.actor_id, event.actor_label) == (
        "visit.cancelled", "kiosk", 7, "Kios Lobi")


def test_the_helpdesk_withdraws_a_waiting_request_and_is_named_as_who_did_it(people):
    helpdesk, _ = people
    visit = factories.visit()
    assert "withdraw" in visit_ops.available_actions(visit, helpdesk, ktp_first=False)
    visit_ops.withdraw(db.session, visit, helpdesk, now=NOW)
    assert (visit.status, visit.decided_by_id, visit.decided_by_label) == ("cancelled", helpdesk.id, "Rina")
    [event] = events(visit)
    assert (event.action, event.actor_type, event.actor_id) == ("visit.cancelled", "user", helpdesk.id)


@pytest.mark.parametrize("status", ["approved", "denied", "expired", "cancelled", "checked_out", "reported"])
def test_a_decided_or_finished_visit_cannot_be_withdrawn(people, status):
    helpdesk, _ = people
    visit = factories.visit(status)
    for actor in (KIOSK, helpdesk):
        assert not visit_ops.may_withdraw(visit, actor)
        assert "withdraw" not in visit_ops.available_actions(visit, actor, ktp_first=False)
        with pytest.raises(InvalidTransition):
            visit_ops.withdraw(db.session, visit, actor, now=NOW)
    assert visit.status == status and events(visit) == []


def test_the_kasubag_cannot_cancel_a_visitors_request_they_refuse_it(people):
    _, kasubag = people
    visit = factories.visit()
    assert not visit_ops.may_withdraw(visit, kasubag)
    assert "withdraw" not in visit_ops.available_actions(visit, kasubag, ktp_first=False)
    with pytest.raises(NotAllowed):
        visit_ops.withdraw(db.session, visit, kasubag, now=NOW)
    assert visit.status == "pending"
    visit_ops.decide(db.session, visit, "deny", kasubag, reason="Datang lagi besok", now=NOW)
    assert visit.status == "denied"


def test_a_withdrawn_request_can_no_longer_be_decided(people):
    _, kasubag = people
    visit = factories.visit()
    visit_ops.withdraw(db.session, visit, KIOSK, now=NOW)
    with pytest.raises(InvalidTransition):
        visit_ops.decide(db.session, visit, "approve", kasubag, now=NOW)
    assert visit.status == "cancelled"
