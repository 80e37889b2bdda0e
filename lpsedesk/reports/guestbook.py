"""The guest book (buku tamu) of a period: one row per visit submitted in it, oldest first.

"Time in" is when the visitor signed the guest book (the visit's submission); "time out" is the
recorded check-out. Both are shown in WIB, so a visit belongs to the WIB day it was submitted.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from ..clock import to_wib
from ..exports.dates import Period
from ..models import Visit
from ..nik import mask_nik
from ..pagination import Page, paginate
from ..visit_ops import ktp_seen
from .restricted_log import NONE, AreaFacts, area_facts

# What the Kasubag decided, read from the status the visit reached.
DECISION_OF_STATUS = {
    "pending": "pending", "approved": "approved", "checked_out": "approved", "reported": "approved",
    "denied": "denied", "cancelled": "cancelled", "expired": "expired",
}


@dataclass(frozen=True)
class GuestBookRow:
    number: int
    visit_id: int
    day: date
    name: str
    nik: str
    institution: str
    category: str  # VisitorCategory value; labels are the caller's business
    purpose: str  # key from settings "purposes"
    purpose_detail: str
    facility: str  # key from settings "facilities"
    time_in: datetime  # WIB
    time_out: datetime | None  # WIB
    status: str
    decision: str  # approved | denied | cancelled | expired | pending
    decided_by: str  # "Dewi", or "Dewi a.n. Bambang" when a delegate decided
    decision_reason: str
    signature_key: str | None
    # Issue 15: escort, area times and devices of a visit to a restricted facility.
    area: AreaFacts = NONE
    # Issue 16: the signature's small copy (None for visits signed before it was kept).
    signature_small_key: str | None = None
    # h44w: how the KTP was seen (visit_ops.ktp_seen): "photo", "in_person", or None (not yet).
    ktp_seen: str | None = None


def decided_by_text(visit: Visit) -> str:
    """Who decided, as the workflow signed it ("Dewi a.n. Bambang" for a delegate)."""
    label = visit.decided_by_label or ""
    return "" if label == "system" else label  # an expiry is nobody's decision


def _in(period: Period):
    lo, hi = period.utc_bounds()
    return Visit.submitted_at >= lo, Visit.submitted_at < hi


def visits_in(session: Session, period: Period) -> list[Visit]:
    return list(session.scalars(select(Visit).where(*_in(period)).order_by(Visit.submitted_at, Visit.id)).unique())


def _area(visit: Visit) -> AreaFacts:
    # Restricted visits are few: their escort's name and devices are read only for them.
    if not visit.restricted:
        return NONE
    names = {visit.escort.id: visit.escort.full_name} if visit.escort else {}
    if visit.devices_checked_by:
        names[visit.devices_checked_by.id] = visit.devices_checked_by.full_name
    return area_facts(visit, names)


def _row(number: int, visit: Visit, full_nik: bool) -> GuestBookRow:
    who = visit.visitor
    time_in = to_wib(visit.submitted_at)
    return GuestBookRow(
        number=number, visit_id=visit.id, day=time_in.date(), name=who.full_name,
        nik=who.nik if full_nik else mask_nik(who.nik), institution=who.institution,
        category=who.category, purpose=visit.purpose, purpose_detail=visit.purpose_detail or "",
        facility=visit.facility, time_in=time_in,
        time_out=to_wib(visit.checked_out_at) if visit.checked_out_at else None,
        status=visit.status, decision=DECISION_OF_STATUS.get(visit.status, visit.status),
        decided_by=decided_by_text(visit) if visit.decided_at else "",
        decision_reason=visit.decision_reason or "", signature_key=visit.signature_key, area=_area(visit),
        signature_small_key=visit.signature_small_key, ktp_seen=ktp_seen(visit),
    )


def iter_guestbook_rows(session: Session, period: Period, *, full_nik: bool = False,
                        chunk: int = 500) -> Iterator[GuestBookRow]:
    """The guest book's rows read from the database `chunk` visits at a time (for streamed exports):
    memory holds one chunk, whatever the period."""
    query = (select(Visit).where(*_in(period)).order_by(Visit.submitted_at, Visit.id)
             .execution_options(yield_per=chunk))
    # The identity map holds objects weakly: a visit turned into its row is let go with its chunk.
    for number, visit in enumerate(session.scalars(query), start=1):
        yield _row(number, visit, full_nik)


def guestbook_rows(session: Session, period: Period, *, full_nik: bool = False) -> list[GuestBookRow]:
    """Rows of the guest book; NIKs masked unless `full_nik` (an Admin's audited export)."""
    return list(iter_guestbook_rows(session, period, full_nik=full_nik))


def guestbook_page(session: Session, period: Period, *, page: int, per_page: int) -> Page:
    """One page of the guest book on screen, numbered as in the whole book."""
    listed = paginate(session, select(Visit).where(*_in(period)), Visit.submitted_at, Visit.id,
                      page=page, per_page=per_page)
    first = (listed.page - 1) * per_page + 1
    listed.rows = [_row(first + i, visit, False) for i, visit in enumerate(listed.rows)]
    return listed


@dataclass(frozen=True)
class Tally:
    visits: int
    approved: int
    denied: int


def tally(session: Session, period: Period) -> Tally:
    """The guest book's summary line, counted by the database."""
    approved = [s for s, d in DECISION_OF_STATUS.items() if d == "approved"]
    row = session.execute(select(
        func.count(), func.count(case((Visit.status.in_(approved), 1))),
        func.count(case((Visit.status == "denied", 1)))).where(*_in(period))).one()
    return Tally(*row)
