"""The visit report for the Kasubag: visits reported as finished in a period, with their notes.

A visit belongs to the period in which the helpdesk reported it (SOP 1 step 7), in WIB. Its stay runs
from when it was let in to the check-out (visit_stay), as the helpdesk's board counts it; the arrival
at the kiosk is kept beside it. A visitor approved who left without being let in (h40p) has neither
a time in nor a stay: `never_let_in`, said "tidak masuk".
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from .. import decision_told, visit_stay
from ..visit_ops import ktp_seen
from ..clock import to_wib
from ..exports.dates import Period
from ..models import User, Visit
from ..workflow import VisitStatus
from ..nik import mask_nik


@dataclass(frozen=True)
class NoteLine:
    kind: str  # note | incident
    body: str
    author: str
    at: datetime  # WIB


@dataclass(frozen=True)
class ReportedVisit:
    number: int
    visit_id: int
    name: str
    nik: str  # always masked: the report goes upward on paper
    institution: str
    purpose: str
    facility: str
    arrived: datetime  # WIB: the kiosk's submission, before the wait for the Kasubag
    time_in: datetime | None  # WIB: let in, the approval (visit_stay.began)
    time_out: datetime | None  # WIB
    stay: timedelta | None  # time_in to time_out, as the two are shown (visit_stay.stay)
    never_let_in: bool  # approved, gone without being let in: no stay (decision_told.left_without_coming_in)
    reported_at: datetime  # WIB
    reported_by: str
    rating: int | None
    feedback: str
    notes: list[NoteLine] = field(default_factory=list)
    # h44w: how the KTP was seen (visit_ops.ktp_seen): "photo", "in_person", or None (not yet).
    ktp_seen: str | None = None

    @property
    def incidents(self) -> list[NoteLine]:
        return [n for n in self.notes if n.kind == "incident"]

    @property
    def plain_notes(self) -> list[NoteLine]:
        return [n for n in self.notes if n.kind != "incident"]


def reported_visits(session: Session, period: Period) -> list[ReportedVisit]:
    lo, hi = period.utc_bounds()
    visits = list(session.scalars(
        select(Visit).options(selectinload(Visit.notes))
        .where(Visit.status == VisitStatus.REPORTED, Visit.reported_at >= lo, Visit.reported_at < hi)
        .order_by(Visit.reported_at, Visit.id)).unique())
    user_ids = {v.reported_by_id for v in visits} | {n.author_id for v in visits for n in v.notes}
    user_ids.discard(None)
    names = dict(session.execute(select(User.id, User.full_name).where(User.id.in_(user_ids))).all()) \
        if user_ids else {}
    out = []
    for number, visit in enumerate(visits, start=1):
        out.append(ReportedVisit(
            number=number, visit_id=visit.id, name=visit.visitor.full_name,
            nik=mask_nik(visit.visitor.nik), institution=visit.visitor.institution,
            purpose=visit.purpose, facility=visit.facility,
            arrived=to_wib(visit.submitted_at),
            time_in=to_wib(began) if (began := visit_stay.began(visit)) else None,
            time_out=to_wib(visit.checked_out_at) if visit.checked_out_at else None,
            stay=visit_stay.stay(visit),
            never_let_in=decision_told.left_without_coming_in(visit),
            reported_at=to_wib(visit.reported_at),
            reported_by=names.get(visit.reported_by_id or 0, ""),
            rating=visit.rating, feedback=visit.feedback or "",
            notes=[NoteLine(n.kind, n.body, names.get(n.author_id or 0, ""), to_wib(n.created_at))
                   for n in visit.notes],
            ktp_seen=ktp_seen(visit),
        ))
    return out
