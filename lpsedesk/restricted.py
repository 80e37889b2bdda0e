"""Escorted visits to restricted facilities (the server room, issue 15).

A facility marked restricted in the office settings makes the kiosk ask for the devices brought in
(kind, brand, serial number; "none" is an explicit answer). The Kasubag approves only after naming
an escort from the staff (the workflow refuses the approval without one). The helpdesk records when
the visitor entered and left the restricted area, apart from the visit, and at check-out confirms
each device left with the visitor; a device that did not is an incident on the visit.

Plain Python over a session; audit events are written in the same session, the caller commits.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from . import audit, decision_told
from .clock import utcnow
from .ids import row_id
from .models import User, Visit, VisitDevice, VisitNote
from .roles import STAFF_ROLES, Actor, Role
from .workflow import InvalidInput, InvalidTransition, NotAllowed, VisitStatus, WorkflowError

MAX_DEVICES = 10
LIMITS = {"kind": 40, "brand": 60, "serial": 80}


def is_restricted(facilities: list[dict], key: str) -> bool:
    """Whether the facility `key` is marked restricted in the office settings."""
    return any(item.get("key") == key and item.get("restricted") for item in facilities)


# ---- the kiosk's devices step -------------------------------------------------------------------

def clean_devices(raw: object, none: object) -> tuple[list[dict], bool, str | None]:
    """The devices a visitor declared: (rows, none_answered, error code or None).

    Each row needs kind, brand and serial; blank rows are dropped; no rows at all is valid only
    when the visitor answered "none" explicitly, and "none" with rows is a contradiction.
    """
    rows: list[dict] = []
    items = raw if isinstance(raw, list) else []
    for item in items:
        if not isinstance(item, dict):
            return [], False, "devices_incomplete"
        row = {k: " ".join(str(item.get(k) or "").split()) for k in LIMITS}
        if not any(row.values()):
            continue
        if not all(row.values()):
            return [], False, "devices_incomplete"
        if any(len(row[k]) > n for k, n in LIMITS.items()):
            return [], False, "too_long"
        rows.append(row)
    said_none = none is True
    if len(rows) > MAX_DEVICES:
        return [], False, "devices_too_many"
    if said_none and rows:
        return [], False, "devices_none_and_listed"
    if not said_none and not rows:
        return [], False, "devices_required"
    return rows, said_none, None


def attach(visit: Visit, rows: list[dict], none: bool) -> None:
    """Mark a new visit restricted and keep what the visitor declared."""
    visit.restricted = True
    visit.devices_none = none
    visit.devices = [VisitDevice(position=n, **row) for n, row in enumerate(rows)]


# ---- the Kasubag names an escort ----------------------------------------------------------------

def escort_candidates(session: Session) -> list[User]:
    """Active staff members, by name: whoever the Kasubag may send with the visitor."""
    users = session.scalars(select(User).where(User.active.is_(True)).order_by(User.full_name)).all()
    return [u for u in users if u.has_role(*STAFF_ROLES)]


def name_escort(session: Session, visit: Visit, actor: Actor, escort_id: object) -> None:
    """Record the escort the Kasubag named for a restricted visit (before the approval itself)."""
    if not actor.has(Role.KASUBAG):
        raise NotAllowed()
    user = session.get(User, user_id) if (user_id := row_id(str(escort_id))) else None
    if user is None or not user.active or not user.has_role(*STAFF_ROLES):
        raise InvalidInput("Choose the escort from the staff.", code="escort_invalid")
    if visit.escort_id != user.id:
        visit.escort_id = user.id
        audit.record(session, actor, "visit.escort_named", visit, details={"escort": user.full_name})


# ---- the helpdesk: the area's entry and exit, the device check ----------------------------------

class DevicesNotChecked(WorkflowError):
    code = "devices_not_checked"


def devices_to_check(visit: Visit) -> bool:
    """A restricted visit with declared devices, not yet checked at check-out. A visitor never let in
    took no device past the desk: nothing to check (h37c)."""
    return bool(visit.restricted and not visit.devices_none and visit.devices_checked_at is None
                and not decision_told.not_let_in(visit))


def _desk(actor: Actor) -> WorkflowError | None:
    return None if actor.has(Role.HELPDESK) else NotAllowed()


def _area_closed(visit: Visit) -> WorkflowError | None:
    """Why the restricted area cannot be entered on this visit at all, or None (entered once, while approved)."""
    if not visit.restricted or visit.status != VisitStatus.APPROVED or visit.area_entered_at is not None:
        return InvalidTransition(current=visit.status, target="area_entered")
    return None


def _enter_refusal(visit: Visit, actor: Actor) -> WorkflowError | None:
    if problem := _desk(actor) or _area_closed(visit):
        return problem
    if decision_told.not_let_in(visit):  # h37c: the area is entered after the let-in, not instead of it
        return decision_told.NotLetIn()
    return None


def _let_in_to_area_refusal(visit: Visit, actor: Actor) -> WorkflowError | None:
    return decision_told.telling_refused(visit, actor) or _area_closed(visit)


def _leave_refusal(visit: Visit, actor: Actor) -> WorkflowError | None:
    if problem := _desk(actor):
        return problem
    if visit.area_entered_at is None or visit.area_left_at is not None or visit.status not in (
            VisitStatus.APPROVED, VisitStatus.CHECKED_OUT):
        return InvalidTransition(current=visit.status,
                                 target="area_left")
    return None


def _devices_refusal(visit: Visit, actor: Actor) -> WorkflowError | None:
    if problem := _desk(actor):
        return problem
    if not devices_to_check(visit) or visit.status not in (VisitStatus.APPROVED, VisitStatus.CHECKED_OUT):
        return InvalidTransition(current=visit.status,
                                 target="devices_checked")
    return None


def actions(visit: Visit, actor: Actor) -> set[str]:
    """The restricted-area steps `actor` may take now (joined into visit_ops.available_actions)."""
    if not visit.restricted:
        return set()
    return {name for name, refusal in (("enter_area", _enter_refusal), ("leave_area", _leave_refusal),
                                       ("check_devices", _devices_refusal),
                                       ("let_in_to_area", _let_in_to_area_refusal)) if refusal(visit, actor) is None}


def enter_area(session: Session, visit: Visit, actor: Actor, *, now: datetime | None = None) -> None:
    if problem := _enter_refusal(visit, actor):
        raise problem
    visit.area_entered_at, visit.area_entered_by_id = now or utcnow(), actor.user_id
    audit.record(session, actor, "visit.area_entered", visit, at=visit.area_entered_at)


def let_in_to_area(session: Session, visit: Visit, actor: Actor, *, now: datetime | None = None) -> None:
    """One tap at the desk (h37c): the approved visitor is let in and goes straight into the restricted
    area with the escort, both recorded at the same moment. SOP 1 permits a restricted facility only
    with the escort, so for most such visits the let-in is the entry; entering the area on its own
    needs the let-in first, and this keeps it the one tap it was."""
    if problem := _let_in_to_area_refusal(visit, actor):
        raise problem
    now = now or utcnow()
    decision_told.record_told(session, visit, actor, now=now)
    enter_area(session, visit, actor, now=now)


def leave_area(session: Session, visit: Visit, actor: Actor, *, now: datetime | None = None) -> None:
    if problem := _leave_refusal(visit, actor):
        raise problem
    now = now or utcnow()
    if now < visit.area_entered_at:  # type: ignore[operator]
        now = visit.area_entered_at  # type: ignore[assignment]
    visit.area_left_at, visit.area_left_by_id = now, actor.user_id
    audit.record(session, actor, "visit.area_left", visit, at=now)


@dataclass
class DeviceCheck:
    left: list[VisitDevice]
    missing: list[VisitDevice]
    note: VisitNote | None


def check_devices(session: Session, visit: Visit, actor: Actor, confirmed_ids: set[int], *,
                  now: datetime | None = None) -> DeviceCheck:
    """The helpdesk ticks each device seen leaving with the visitor. A device not ticked is a
    mismatch: an incident note on the visit naming it, and an audit event."""
    if problem := _devices_refusal(visit, actor):
        raise problem
    now = now or utcnow()
    result = DeviceCheck([], [], None)
    for device in visit.devices:
        device.left_with_visitor = device.id in confirmed_ids
        (result.left if device.left_with_visitor else result.missing).append(device)
    visit.devices_checked_at, visit.devices_checked_by_id = now, actor.user_id
    audit.record(session, actor, "visit.devices_checked", visit, at=now,
                 details={"left": len(result.left), "missing": len(result.missing)})
    if result.missing:
        # Stored text, read by the office: in Indonesian, its working language.
        body = "; ".join(f"{d.kind} {d.brand} ({d.serial})" for d in result.missing)
        result.note = VisitNote(visit=visit, author_id=actor.user_id, kind="incident",
                                body=f"Perangkat tidak keluar bersama pengunjung: {body}",
                                created_at=now)
        session.add(result.note)
        session.flush()
        audit.record(session, actor, "visit.device_mismatch", visit, at=now,
                     details={"note_id": result.note.id, "serials": [d.serial for d in result.missing]})
    return result


# ---- the kiosk API's use of the above -----------------------------------------------------------

def device_problems(facilities: list[dict], data: dict, *, asked: bool = True) -> dict[str, str]:
    """A field error for the devices of a request to a restricted facility; none otherwise.

    `asked` is False while the visitor is still on the screens before the devices step."""
    if not asked or not is_restricted(facilities, str(data.get("facility") or "")):
        return {}
    _rows, _none, problem = clean_devices(data.get("devices"), data.get("devices_none"))
    return {"devices": problem} if problem else {}


def attach_declared(visit: Visit, facilities: list[dict], data: dict) -> None:
    """After the request is created: keep the devices declared for a restricted facility."""
    if is_restricted(facilities, visit.facility):
        rows, none, _problem = clean_devices(data.get("devices"), data.get("devices_none"))
        attach(visit, rows, none)
