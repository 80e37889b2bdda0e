"""The guest book at the kiosk: validate what the visitor entered, create the visitor and a pending
visit, recall a returning visitor, check a visit out. Plain Python; the caller commits once.

Errors are machine codes per field ({"nik": "nik_region"}) so the web layer can say them in the
visitor's language.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timezone

from sqlalchemy import select
from sqlalchemy.orm import Session

from . import audit, decision_told, one_at_a_time, restricted, watchlist
from .clock import wib_date, wib_day_bounds
from .field_problems import FieldProblems
from .models import Visit, Visitor, VisitorCategory
from .nik import parse_nik
from .roles import Actor
from .seen_text import seen_text
from .workflow import VisitStatus

PLANNED_MINUTES = (30, 60, 120, 240, 480)
# An Indonesian mobile number: 08 and 8 to 11 more digits (10 to 13 in all), or +62/62 for the 0.
PHONE = re.compile(r"^(\+62|62|0)8[0-9]{8,11}$")
EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]+\.[^@\s]{2,}$")
MAX_FEEDBACK = 1000


class CheckinError(FieldProblems):
    """The submitted guest-book entry has problems; `.fields` maps field name to an error code."""


@dataclass
class GuestEntry:
    """What the visitor typed at the kiosk, before validation."""

    full_name: str = ""
    nik: str = ""
    phone: str = ""
    email: str = ""
    institution: str = ""
    category: str = ""
    purpose: str = ""
    purpose_detail: str = ""
    facility: str = ""
    planned_minutes: int | str | None = None
    rules_accepted: bool = False
    locale: str = "id"
    barcodes: list[dict] = field(default_factory=list)

    @classmethod
    def from_mapping(cls, data: dict) -> "GuestEntry":
        known = {k: data[k] for k in cls.__dataclass_fields__ if k in data and data[k] is not None}
        for key in ("full_name", "nik", "phone", "email", "institution", "category", "purpose",
                    "purpose_detail", "facility", "locale"):
            if key in known:
                known[key] = str(known[key])
        # what the staff will read, before anything checks it (h46f): an invisible name is no name
        for key in ("full_name", "institution", "purpose_detail", "email"):
            if key in known:
                known[key] = seen_text(known[key], lines=key == "purpose_detail")
        return cls(**known)


def clean_phone(raw: str) -> str:
    return re.sub(r"[\s\-().]", "", raw or "")


def validate(entry: GuestEntry, *, purposes: list[dict], facilities: list[dict]) -> dict[str, str]:
    """Every problem at once, so the form can mark all of them in one go."""
    errors: dict[str, str] = {}
    name = " ".join(entry.full_name.split())
    if len(name) < 2:
        errors["full_name"] = "required"
    elif len(name) > 120:
        errors["full_name"] = "too_long"
    nik = parse_nik(entry.nik)
    if not nik.valid:
        errors["nik"] = "required" if not entry.nik.strip() else f"nik_{nik.error}"
    phone = clean_phone(entry.phone)
    if not phone:
        errors["phone"] = "required"
    elif not PHONE.match(phone):
        errors["phone"] = "phone_format"
    email = entry.email.strip()
    if email and (len(email) > 120 or not EMAIL.match(email)):
        errors["email"] = "email_format"
    institution = " ".join(entry.institution.split())
    if not institution:
        errors["institution"] = "required"
    elif len(institution) > 160:
        errors["institution"] = "too_long"
    if entry.category not in {c.value for c in VisitorCategory}:
        errors["category"] = "choose"
    if entry.purpose not in {p.get("key") for p in purposes}:
        errors["purpose"] = "choose"
    elif entry.purpose == "other" and not entry.purpose_detail.strip():
        errors["purpose_detail"] = "required"
    if len(entry.purpose_detail) > 500:
        errors["purpose_detail"] = "too_long"
    if entry.facility not in {f.get("key") for f in facilities}:
        errors["facility"] = "choose"
    try:
        minutes = int(entry.planned_minutes)  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError):  # OverflowError: an infinite float
        minutes = 0
    if minutes not in PLANNED_MINUTES:
        errors["planned_minutes"] = "choose"
    if entry.rules_accepted is not True:
        errors["rules_accepted"] = "rules"
    return errors


def find_returning(session: Session, nik: str, phone_last4: str) -> Visitor | None:
    """The latest visitor record for this NIK whose phone ends in `phone_last4`; both must match."""
    nik = "".join(str(nik).split())
    last4 = re.sub(r"\D", "", phone_last4 or "")
    if len(nik) != 16 or len(last4) != 4:
        return None
    rows = session.scalars(select(Visitor).where(Visitor.nik == nik).order_by(Visitor.id.desc()).limit(5))
    for visitor in rows:
        if clean_phone(visitor.phone)[-4:] == last4:
            return visitor
    return None


def already_waiting(session: Session, nik: str, now: datetime, *, phone: str,
                    hold: bool = False) -> dict[str, str]:
    """{"nik": "nik_waiting"} when a request with this NIK and this mobile number, sent today (WIB),
    still waits for the Kasubag's decision. A second one queued the same person twice: the Kasubag met
    the same name again after refusing it and took the refusal for lost, and the kiosk's "Show my
    answer" found only one of them (a stranger's walk, 4 December). The visitor sees, or withdraws,
    the first.

    The number too (probe h32x): a NIK is printed on the KTP and copied into many forms, and the kiosk
    tells no visit for a NIK alone (finding one takes the phone's last 4 digits); asked with the NIK
    only, any kiosk learned at once whether its holder was in the building. Someone who types the NIK
    with another number queues a request of their own; the desk checks each original KTP.

    `hold`: the answer decides whether a request is queued; the NIK's lock is taken first and held
    until the caller commits, so two kiosks sending the same NIK at once are answered one after the
    other and the second finds the first (h23v)."""
    info = parse_nik(nik)
    if not info.valid:
        return {}
    if hold:
        one_at_a_time.hold(session, f"visit-waiting:{info.nik}")
    start, end = wib_day_bounds(wib_date(now))
    phones = session.scalars(select(Visitor.phone).join(Visit, Visit.visitor_id == Visitor.id).where(
        Visitor.nik == info.nik, Visit.status == VisitStatus.PENDING.value,
        Visit.submitted_at >= start, Visit.submitted_at < end))
    typed = clean_phone(phone)
    return {"nik": "nik_waiting"} if typed and any(clean_phone(p) == typed for p in phones) else {}


def submit(session: Session, actor: Actor, entry: GuestEntry, *, purposes: list[dict], facilities: list[dict],
           device_id: int | None, id_capture_key: str | None, signature_key: str | None,
           signature_small_key: str | None = None, no_ktp_photo: bool = False,
           now: datetime | None = None) -> Visit:
    """Create the visitor (a fresh row per visit: the guest book records what was said that day) and
    a pending visit, with its audit event. Raises CheckinError with every field problem.

    `no_ktp_photo`: the kiosk had no camera; the desk checks the original KTP before the Kasubag (h43n)."""
    now = now or datetime.now(timezone.utc)
    errors = (validate(entry, purposes=purposes, facilities=facilities)
              or already_waiting(session, entry.nik, now, phone=entry.phone, hold=True))
    if errors:
        raise CheckinError(errors)
    email = entry.email.strip()
    visitor = Visitor(full_name=" ".join(entry.full_name.split()).upper(), nik=parse_nik(entry.nik).nik,
                      phone=clean_phone(entry.phone), email=email or None,
                      institution=" ".join(entry.institution.split()), category=entry.category)
    visit = Visit(visitor=visitor, purpose=entry.purpose, purpose_detail=entry.purpose_detail.strip() or None,
                  facility=entry.facility, planned_minutes=int(entry.planned_minutes),  # type: ignore[arg-type]
                  id_capture_key=id_capture_key, no_ktp_photo=no_ktp_photo, id_barcodes=entry.barcodes or None,
                  signature_key=signature_key, signature_small_key=signature_small_key, rules_accepted_at=now, locale=entry.locale,
                  status=VisitStatus.PENDING.value, submitted_at=now, submitted_via_kiosk_id=device_id)
    session.add(visit)
    session.flush()  # the audit event needs the visit's id
    audit.record(session, actor, "visit.submitted", visit, at=now,
                 details={"ticket": visit.ticket_code, "facility": visit.facility, "via": "kiosk",
                          **({"no_ktp_photo": True} if no_ktp_photo else {})})
    # Issue 15: a watch-list match flags the request for the Kasubag; it never refuses by itself.
    watchlist.screen(session, visit, actor, now=now)
    return visit


def find_by_ticket(session: Session, raw: str) -> Visit | None:
    code = normalise_ticket(raw)
    if not code:
        return None
    return session.scalars(select(Visit).where(Visit.ticket_code == code)).first()


def normalise_ticket(raw: str) -> str | None:
    """A ticket as typed, scanned or read from a QR: case and separators do not matter."""
    code = re.sub(r"[^A-Za-z0-9]", "", raw or "").upper()
    return code if 6 <= len(code) <= 12 else None


class CheckoutRefused(Exception):
    """The visit cannot be checked out now; `code` says why, `status` is the visit's state."""

    def __init__(self, code: str, status: str) -> None:
        super().__init__(code)
        self.code, self.status = code, status


def checkout_problem(visit: Visit) -> str | None:
    """Why `visit` cannot be checked out now, or None: only an approved visit leaves, and one that
    brought devices into a restricted area leaves through the desk, where they are checked."""
    if visit.status in (VisitStatus.CHECKED_OUT, VisitStatus.REPORTED):
        return "already_checked_out"
    if visit.status != VisitStatus.APPROVED:
        return "not_approved"
    if restricted.devices_to_check(visit):
        # Issue 15: the helpdesk sees each device brought into the server room leave with the visitor.
        return "devices_at_desk"
    return None


def check_out(session: Session, actor: Actor, visit: Visit, *, rating: int | None = None,
              feedback: str = "", now: datetime | None = None) -> None:
    """approved -> checked_out by the kiosk, with the optional rating 1-5.

    Raises CheckoutRefused for a visit in another state, CheckinError for a bad rating or feedback.
    """
    if problem := checkout_problem(visit):
        raise CheckoutRefused(problem, visit.status)
    # bool is an int in Python: a JSON `true` is no rating.
    if rating is not None and (type(rating) is not int or not 1 <= rating <= 5):
        raise CheckinError({"rating": "rating"})
    if not isinstance(feedback, str):
        raise CheckinError({"comment": "too_long"})
    feedback = seen_text(feedback or "", lines=True).strip()
    if len(feedback) > MAX_FEEDBACK:
        raise CheckinError({"comment": "too_long"})
    event = audit.apply_transition(session, visit, VisitStatus.CHECKED_OUT.value, actor, now=now)
    # h38a: a visitor never let in who checks out here left without coming in, as at the desk (h37c)
    event.details = {**event.details, **decision_told.check_out_details(visit)}
    visit.rating = rating
    visit.feedback = feedback or None
    if rating is not None or feedback:
        audit.record(session, actor, "visit.feedback", visit, details={"rating": rating}, at=now)
