"""Finding one's own visit again at the kiosk without the ticket: the answer for a visitor who walked
away, and check-out for one who lost the ticket. Plain Python, no Flask; the caller commits.

What proves "this is my visit" is something a stranger at the kiosk does not know or hold: the NIK plus
the last 4 digits of the phone given that day; picking one's own (masked) name from today's visitors
inside, confirmed with those 4 digits; or the KTP itself held up to the kiosk's camera again, as at
check-in. A typed NIK alone never does (it is printed on every photocopy), and the web layer
throttles the guesses.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import select
from sqlalchemy.orm import Session

from .ids import ascii_digits
from .models import Visit, Visitor
from .clock import wib_date as today_wib, wib_day_bounds
from .workflow import VisitStatus

LAST4 = re.compile(r"^[0-9]{4}$")


def mask_name(full_name: str) -> str:
    """ "Budi Santoso" -> "Bu** San****": enough for its owner to recognise, too little for a
    stranger to learn who is inside. Each word keeps its first half (at least one letter)."""
    words = []
    for word in (full_name or "").split():
        keep = max(1, len(word) // 2)
        words.append(word[:keep].capitalize() + "*" * (len(word) - keep))
    return " ".join(words)


def phone_ends_with(phone: str, last4: str) -> bool:
    """The phone given at check-in ends in these 4 digits (spaces, dashes and +62 do not matter)."""
    digits = re.sub(r"\D", "", phone or "")
    return bool(LAST4.match(last4 or "")) and len(digits) >= 4 and digits[-4:] == last4


def may_check_out(visit: Visit) -> bool:
    """Only an approved visit is inside; a pending, refused or finished one has nothing to end."""
    return visit.status == VisitStatus.APPROVED


def todays_visit(session: Session, nik: str, last4: str, *, now: datetime | None = None) -> Visit | None:
    """The latest visit submitted today (WIB) by this NIK whose phone ends in `last4`, in any state:
    a pending one (the answer), a decided one (the answer and the ticket), an approved one (to
    leave). None when either does not match; the caller says the same for both."""
    nik = "".join(str(nik or "").split())
    if len(nik) != 16 or not ascii_digits(nik) or not LAST4.match(last4 or ""):
        return None
    start, end = wib_day_bounds(today_wib(now or datetime.now(timezone.utc)))
    rows = session.scalars(select(Visit).join(Visitor).where(
        Visitor.nik == nik, Visit.submitted_at >= start, Visit.submitted_at < end)
        .order_by(Visit.submitted_at.desc(), Visit.id.desc()).limit(10))
    for visit in rows:
        if phone_ends_with(visit.visitor.phone, last4):
            return visit
    return None


def todays_visit_by_card(session: Session, nik: str, *, now: datetime | None = None) -> Visit | None:
    """The latest visit submitted today by the NIK read from a card held up to the kiosk's camera just
    now: the card itself is the proof, as it was at check-in (the helpdesk still checks the original)."""
    nik = "".join(str(nik or "").split())
    if len(nik) != 16 or not ascii_digits(nik):
        return None
    start, end = wib_day_bounds(today_wib(now or datetime.now(timezone.utc)))
    return session.scalars(select(Visit).join(Visitor).where(
        Visitor.nik == nik, Visit.submitted_at >= start, Visit.submitted_at < end)
        .order_by(Visit.submitted_at.desc(), Visit.id.desc()).limit(1)).first()


@dataclass(frozen=True)
class InsideEntry:
    """One line of the "choose your name" list: an id to answer with and a masked name."""

    visit_id: int
    masked_name: str
    since: datetime | None


def inside_today(session: Session, *, now: datetime | None = None) -> list[InsideEntry]:
    """Today's visitors still inside (approved, not checked out), masked, in name order so no
    line says who came when."""
    start, end = wib_day_bounds(today_wib(now or datetime.now(timezone.utc)))
    rows = session.scalars(select(Visit).where(
        Visit.status == VisitStatus.APPROVED, Visit.submitted_at >= start, Visit.submitted_at < end))
    entries = [InsideEntry(v.id, mask_name(v.visitor.full_name), v.decided_at) for v in rows]
    return sorted(entries, key=lambda e: (e.masked_name, e.visit_id))


def confirm_inside(session: Session, visit_id: int, last4: str, *, now: datetime | None = None) -> Visit | None:
    """The visit picked from today's list, if it is still inside today and the phone digits match."""
    visit = session.get(Visit, visit_id)
    if visit is None or not may_check_out(visit):
        return None
    start, end = wib_day_bounds(today_wib(now or datetime.now(timezone.utc)))
    if not (start <= visit.submitted_at < end):
        return None
    return visit if phone_ends_with(visit.visitor.phone, last4) else None


def last_visit(session: Session, visitor: Visitor) -> Visit | None:
    """The visit this visitor record belongs to (one visitor row per visit), for "same as last time"."""
    return session.scalars(select(Visit).where(Visit.visitor_id == visitor.id)
                           .order_by(Visit.submitted_at.desc()).limit(1)).first()


def is_returning(session: Session, nik: str) -> bool:
    """Whether any earlier visit has this NIK: enough to greet and to offer the 4-digit recall."""
    nik = "".join(str(nik or "").split())
    if len(nik) != 16:
        return False
    return session.scalar(select(Visitor.id).where(Visitor.nik == nik).limit(1)) is not None
