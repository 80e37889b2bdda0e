"""h43m, mutation testing of lpsedesk/decision_told.py: each of its questions over every state of a visit,
told or not, with the answers taken from SOP 1 as docs/staff.md words it (the helpdesk board's row).

- "each Kasubag's decision the desk has still to act on": an approval or a refusal nobody recorded yet;
- "a visitor is inside from being let in, not from the approval": approved and let in, not checked out;
- "before the let-in no visit is under way" (`not_let_in`): approved, never let in, whether still at the
  desk or gone ("Pergi tanpa masuk", checked out since, reported since);
- "a visitor who left without being let in has no stay": one of those who is gone;
- "'Sejak' ... is the desk's let-in": the let-in's time for a granted visit, nothing for a refusal;
- "A visitor never let in who checks out at the kiosk is audited `not_let_in` as the desk's 'Pergi
  tanpa masuk' is": the check-out's audit adds it for those and only those;
- the SQL forms answer as the Python ones do, row by row;
- "stays until a helpdesk records 'let in' / 'told' (who and when, audited `visit.let_in` /
  `visit.refusal_told`, once)": only the helpdesk, only for a decision, once.
"""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import select

from lpsedesk import decision_told
from lpsedesk.extensions import db
from lpsedesk.models import AuditEvent, Visit
from lpsedesk.roles import Actor, Role
from lpsedesk.workflow import InvalidTransition, NotAllowed

from .. import factories

NOW = datetime(2026, 12, 7, 3, 0, tzinfo=timezone.utc)  # Monday 10.00 WIB
TOLD_AT = NOW - timedelta(minutes=5)

STATES = ("pending", "approved", "denied", "cancelled", "expired", "checked_out", "reported")
GRANTED = {"approved", "checked_out", "reported"}  # the Kasubag approved it (checked out since, or not)

# (state, told?) -> the answers, from the words above
AWAITS = {("approved", False), ("denied", False)}
INSIDE = {("approved", True)}
NOT_LET_IN = {("approved", False), ("checked_out", False), ("reported", False)}
LEFT_WITHOUT_COMING_IN = {("checked_out", False), ("reported", False)}

CASES = [(state, told) for state in STATES for told in (False, True)]


def _visit(state: str, told: bool) -> Visit:
    return Visit(status=state, decision_told_at=TOLD_AT if told else None)


@pytest.mark.parametrize(("state", "told"), CASES)
def test_each_question_over_every_state_told_or_not(state, told):
    visit = _visit(state, told)
    assert decision_told.awaits_telling(visit) is ((state, told) in AWAITS)
    assert decision_told.is_inside(visit) is ((state, told) in INSIDE)
    assert decision_told.not_let_in(visit) is ((state, told) in NOT_LET_IN)
    assert decision_told.left_without_coming_in(visit) is ((state, told) in LEFT_WITHOUT_COMING_IN)
    assert decision_told.let_in_at(visit) == (TOLD_AT if told and state in GRANTED else None)
    assert decision_told.check_out_details(visit) == ({"not_let_in": True} if (state, told) in NOT_LET_IN else {})


def test_the_sql_forms_pick_the_rows_the_python_forms_name(app):
    with app.app_context():
        rows = {factories.visit(state, decision_told_at=TOLD_AT if told else None, decided_at=NOW).id: (state, told)
                for state, told in CASES}

        def chosen(condition) -> set[tuple[str, bool]]:
            return {rows[i] for i in db.session.scalars(select(Visit.id).where(condition))}

        assert chosen(decision_told.to_tell()) == AWAITS
        assert chosen(decision_told.let_in()) == INSIDE
        assert chosen(decision_told.was_let_in()) == {(state, True) for state in STATES}


def _helpdesk(user_id: int) -> Actor:
    return Actor(kind="user", id=user_id, label="Rina Helpdesk", roles=frozenset({Role.HELPDESK}))


@pytest.mark.parametrize(("state", "action"), [("approved", "visit.let_in"), ("denied", "visit.refusal_told")])
def test_the_helpdesk_records_the_decision_acted_on_with_who_and_when(app, make_user, state, action):
    rina = make_user("rina", "helpdesk", name="Rina Helpdesk")
    with app.app_context():
        visit = factories.visit(state, decided_at=NOW - timedelta(minutes=2), decision_told_at=None)
        assert decision_told.telling_refused(visit, _helpdesk(rina)) is None
        event = decision_told.record_told(db.session, visit, _helpdesk(rina), now=NOW)
        db.session.commit()
        assert (visit.decision_told_at, visit.decision_told_by_id) == (NOW, rina)
        assert (event.action, event.actor_id, event.actor_label, event.at, event.object_id) == (
            action, rina, "Rina Helpdesk", NOW, visit.id)
        assert db.session.scalars(select(AuditEvent.action).where(AuditEvent.object_type == "visit",
                                                              AuditEvent.object_id == visit.id)).all() == [action]


def test_nobody_but_the_helpdesk_and_nothing_but_a_decision_untold(app, make_user):
    boss = make_user("bambang", "kasubag", name="Bambang Wijaya")
    rina = make_user("rina", "helpdesk", name="Rina Helpdesk")
    kasubag = Actor(kind="user", id=boss, label="Bambang Wijaya", roles=frozenset({Role.KASUBAG}))
    with app.app_context():
        approved = factories.visit("approved", decided_at=NOW, decision_told_at=None)
        assert isinstance(decision_told.telling_refused(approved, kasubag), NotAllowed)
        with pytest.raises(NotAllowed):
            decision_told.record_told(db.session, approved, kasubag, now=NOW)
        assert approved.decision_told_at is None
        for state in ("pending", "cancelled", "expired", "checked_out", "reported"):
            refused = decision_told.telling_refused(factories.visit(state, decision_told_at=None), _helpdesk(rina))
            assert isinstance(refused, InvalidTransition), state
            assert (refused.params.get("current"), refused.params.get("target")) == (state, "told"), state
        told = factories.visit("denied", decided_at=NOW, decision_told_at=TOLD_AT)
        assert isinstance(decision_told.telling_refused(told, _helpdesk(rina)), decision_told.AlreadyTold)
        with pytest.raises(decision_told.AlreadyTold):
            decision_told.record_told(db.session, told, _helpdesk(rina), now=NOW)
        assert told.decision_told_at == TOLD_AT
