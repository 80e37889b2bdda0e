"""The guest book (buku tamu) of a period: one row per visit submitted in it, oldest first.

"Time in" is when the visitor signed the guest book (the visit's submission); "time out" is the
recorded check-out. Both are shown in WIB, so a visit belongs to the WIB day it was submitted.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..clock import to_wib
from ..exports.dates import Period
from ..models import Visit
from ..nik import mask_nik

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


def decided_by_text(visit: Visit) -> str:
    """Who decided, as the workflow signed it ("Dewi a.n. Bambang" for a delegate)."""
    label = visit.decided_by_label or ""
    return "" if label == "system" else label  # an expiry is nobody's decision


def visits_in(session: Session, period: Period) -> list[Visit]:
    lo, hi = period.utc_bounds()
    return list(session.scalars(
        select(Visit).where(Visit.submitted_at >= lo, Visit.submitted_at < hi)
        .order_by(Visit.submitted_at, Visit.id)).unique())


def guestbook_rows(session: Session, period: Period, *, full_nik: bool = False) -> list[GuestBookRow]:
    """Rows of the guest book; NIKs masked unless `full_nik` (an Admin's audited export)."""
    visits = visits_in(session, period)
    rows = []
    for number, visit in enumerate(visits, start=1):
        who = visit.visitor
        time_in = to_wib(visit.submitted_at)
        rows.append(GuestBookRow(
            number=number, visit_id=visit.id, day=time_in.date(), name=who.full_name,
            nik=who.nik if full_nik else mask_nik(who.nik), institution=who.institution,
            category=who.category, purpose=visit.purpose, purpose_detail=visit.purpose_detail or "",
            facility=visit.facility, time_in=time_in,
            time_out=to_wib(visit.checked_out_at) if visit.checked_out_at else None,
            status=visit.status, decision=DECISION_OF_STATUS.get(visit.status, visit.status),
            decided_by=decided_by_text(visit) if visit.decided_at else "",
            decision_reason=visit.decision_reason or "", signature_key=visit.signature_key,
        ))
    return rows
