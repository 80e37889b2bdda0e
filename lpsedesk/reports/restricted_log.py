"""The restricted area in the records (issue 15): what the guest book adds for a visit to a restricted
facility, and the server room access log of a period (escort, area entry and exit, devices, incidents).

Plain Python; labels are the caller's business. Times are WIB.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ..clock import to_wib
from ..exports.dates import Period
from ..models import User, Visit
from ..nik import mask_nik


@dataclass(frozen=True)
class DeviceLine:
    kind: str
    brand: str
    serial: str
    left: bool | None  # None: not checked (yet)


@dataclass(frozen=True)
class AreaFacts:
    """A restricted visit's escort, area times and devices; `restricted` False for any other visit."""

    restricted: bool = False
    escort: str = ""
    area_in: datetime | None = None  # WIB
    area_out: datetime | None = None  # WIB
    devices: tuple[DeviceLine, ...] = ()
    devices_none: bool | None = None
    devices_checked_at: datetime | None = None  # WIB
    devices_checked_by: str = ""


NONE = AreaFacts()


def _wib(moment: datetime | None) -> datetime | None:
    return to_wib(moment) if moment else None


def area_facts(visit: Visit, names: dict[int, str]) -> AreaFacts:
    """The facts of one visit; `names` maps staff ids to names (read once by the caller)."""
    if not visit.restricted:
        return NONE
    return AreaFacts(
        restricted=True, escort=names.get(visit.escort_id or 0, ""),
        area_in=_wib(visit.area_entered_at), area_out=_wib(visit.area_left_at),
        devices=tuple(DeviceLine(d.kind, d.brand, d.serial, d.left_with_visitor) for d in visit.devices),
        devices_none=visit.devices_none, devices_checked_at=_wib(visit.devices_checked_at),
        devices_checked_by=names.get(visit.devices_checked_by_id or 0, ""),
    )


def staff_names(session: Session) -> dict[int, str]:
    """Every staff member's name, one query: staff accounts are a few dozen rows."""
    return dict(session.execute(select(User.id, User.full_name)).all())


@dataclass(frozen=True)
class AccessLogRow:
    number: int
    visit_id: int
    day: date
    name: str
    nik: str  # masked
    institution: str
    facility: str  # key from settings "facilities"
    status: str
    decided_by: str
    time_in: datetime  # WIB: the guest book was signed
    time_out: datetime | None  # WIB: the visit was checked out
    area: AreaFacts
    incidents: tuple[str, ...]


def access_log(session: Session, period: Period) -> list[AccessLogRow]:
    """Every visit to a restricted facility submitted in `period`, oldest first."""
    lo, hi = period.utc_bounds()
    visits = session.scalars(
        select(Visit).where(Visit.restricted.is_(True), Visit.submitted_at >= lo, Visit.submitted_at < hi)
        .options(selectinload(Visit.devices), selectinload(Visit.notes))
        .order_by(Visit.submitted_at, Visit.id)).unique().all()
    names = staff_names(session) if visits else {}
    rows = []
    for number, visit in enumerate(visits, start=1):
        time_in = to_wib(visit.submitted_at)
        rows.append(AccessLogRow(
            number=number, visit_id=visit.id, day=time_in.date(), name=visit.visitor.full_name,
            nik=mask_nik(visit.visitor.nik), institution=visit.visitor.institution, facility=visit.facility,
            status=visit.status, decided_by=visit.decided_by_label or "" if visit.decided_at else "",
            time_in=time_in, time_out=_wib(visit.checked_out_at), area=area_facts(visit, names),
            incidents=tuple(n.body for n in visit.notes if n.kind == "incident")))
    return rows
