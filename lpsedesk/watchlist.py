"""The watch list (issue 15): the Admin keeps NIKs, or names with their institution, with a reason
and an expiry. A match at check-in never refuses by itself: it flags the request for the Kasubag.

Plain Python over a session; every change and every match writes an audit event in the same
session, and the caller commits once. Errors are machine codes per field, translated at the edge.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Mapping

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from . import audit, form_edits
from .clock import utcnow, wib_today
from .field_problems import FieldProblems
from .models import Visit, WatchEntry
from .nik import mask_nik, parse_nik
from .roles import Actor, Role
from .seen_text import seen_text
from .typed_time import TypedTimeError, parse_day

MAX_REASON = 500
# Only the Kasubag and the Admin read the list and a match's reason; the helpdesk sees a flag only.
READERS = (Role.KASUBAG, Role.ADMIN)
EDITORS = (Role.ADMIN,)
# Legal forms written before or after a company's name in every possible way ("PT.", "CV", "Tbk").
LEGAL_FORMS = {"PT", "CV", "UD", "TBK", "PERSERO", "FIRMA", "FA", "KOPERASI", "PD", "PERUM"}
# The fields of an entry's edit form, as stored (lpsedesk.form_edits marks what the form showed).
FORM_FIELDS = ("nik", "full_name", "institution", "reason", "expires_on")


class WatchlistError(FieldProblems):
    """The entry has problems; `fields` maps each form field to an error code."""


def normalise_name(text: str | None) -> str:
    """A person's name as compared: case, punctuation and spacing do not matter, nor characters that
    draw nothing (h46f: `BU<U+200B>DI` looks like BUDI, and was compared as "BU DI")."""
    return " ".join(re.sub(r"[^0-9A-Z]+", " ", seen_text(text or "").upper()).split())


def normalise_institution(text: str | None) -> str:
    """An institution as compared: like a name, and without its legal form (PT, CV, Tbk...)."""
    words = normalise_name(text).split()
    return " ".join(w for w in words if w not in LEGAL_FORMS) or " ".join(words)


def may_read(actor: Actor | None) -> bool:
    return bool(actor and actor.has(*READERS))


def may_edit(actor: Actor | None) -> bool:
    return bool(actor and actor.has(*EDITORS))


@dataclass
class EntryInput:
    """What the Admin typed: a NIK, or a name with its institution; a reason and the last day."""

    nik: str = ""
    full_name: str = ""
    institution: str = ""
    reason: str = ""
    expires_on: str | date = ""

    @classmethod
    def from_mapping(cls, data: Mapping[str, object]) -> "EntryInput":
        return cls(**{k: str(data.get(k) or "") for k in ("nik", "full_name", "institution", "reason",
                                                           "expires_on")})


def clean(raw: EntryInput, *, today: date) -> dict[str, object]:
    """Validated column values, or WatchlistError with every problem at once."""
    errors: dict[str, str] = {}
    nik_text = "".join(raw.nik.split())
    name = " ".join(seen_text(raw.full_name).split())
    institution = " ".join(seen_text(raw.institution).split())
    nik = None
    if nik_text:
        parsed = parse_nik(nik_text)
        if not parsed.valid:
            errors["nik"] = f"nik_{parsed.error}"
        else:
            nik = parsed.nik
    if not nik_text and not (name and institution):
        # A name alone would flag every namesake in the province: the institution narrows it.
        errors["nik" if not name else "institution"] = "nik_or_name_institution"
    if len(name) > 120:
        errors["full_name"] = "too_long"
    if len(institution) > 160:
        errors["institution"] = "too_long"
    reason = raw.reason.strip()
    if not reason:
        errors["reason"] = "required"
    elif len(reason) > MAX_REASON:
        errors["reason"] = "too_long"
    expires = raw.expires_on
    if not isinstance(expires, date):
        try:
            expires = parse_day(expires)
        except TypedTimeError:
            expires = None
    if expires is None:
        errors["expires_on"] = "bad_date"
    elif expires < today:
        errors["expires_on"] = "in_the_past"
    if errors:
        raise WatchlistError(errors)
    return {"nik": nik, "full_name": name or None, "institution": institution or None,
            "name_key": normalise_name(name) or None, "institution_key": normalise_institution(institution) or None,
            "reason": reason, "expires_on": expires}


def _summary(entry: WatchEntry) -> dict:
    # The audit log keeps a NIK masked, as every list does; the entry itself holds it whole.
    return {"nik": mask_nik(entry.nik) if entry.nik else None, "full_name": entry.full_name,
            "institution": entry.institution, "reason": entry.reason,
            "expires_on": entry.expires_on.isoformat() if entry.expires_on else None}


def _require_editor(actor: Actor) -> None:
    from .workflow import NotAllowed

    if not may_edit(actor):
        raise NotAllowed()


def add(session: Session, actor: Actor, raw: EntryInput, *, today: date | None = None) -> WatchEntry:
    _require_editor(actor)
    values = clean(raw, today=today or wib_today())
    entry = WatchEntry(**values, created_by_id=actor.user_id)
    session.add(entry)
    session.flush()  # the audit event names the entry
    audit.record(session, actor, "watchlist.added", entry, details=_summary(entry))
    return entry


def form_values(entry: WatchEntry) -> dict[str, object]:
    return {key: getattr(entry, key) for key in FORM_FIELDS}


def shown_marks(entry: WatchEntry) -> str:
    """The marks of what an entry's edit form shows now, sent back with it."""
    return form_edits.marks(form_values(entry), FORM_FIELDS)


def change(session: Session, actor: Actor, entry: WatchEntry, raw: EntryInput, *,
           today: date | None = None, shown: Mapping[str, str] | None = None) -> bool:
    """Store the edited entry; returns False (and writes nothing) when nothing changed.

    With `shown` (the marks of what the form showed), only the fields its Admin changed are written;
    form_edits.ChangedMeanwhile when another Admin changed one of them too since (nothing stored).
    """
    _require_editor(actor)
    today = today or wib_today()
    values = clean(raw, today=today)
    current = form_values(entry)
    edited = form_edits.edits(current, {key: values[key] for key in FORM_FIELDS}, shown)
    if shown is not None:
        merged = {**current, **edited}
        try:  # one Admin's NIK dropped and the other's name dropped, say, make no entry at all
            values = clean(EntryInput(**{k: v or "" for k, v in merged.items()}), today=today)  # type: ignore[arg-type]
        except WatchlistError:
            # reached only when another Admin changed something (else `merged` is this form, clean)
            raise form_edits.ChangedMeanwhile(form_edits.changed_meanwhile(current, shown)) from None
    before = _summary(entry)
    for key, value in values.items():
        setattr(entry, key, value)
    after = _summary(entry)
    if before == after:
        return False
    audit.record(session, actor, "watchlist.changed", entry, details={"old": before, "new": after})
    return True


def kept_after_clash(entry: WatchEntry, raw: EntryInput, shown: Mapping[str, str] | None, *,
                     today: date | None = None) -> dict[str, object]:
    """What the entry's form shows again after ChangedMeanwhile: what the Admin typed in the fields
    they changed, the stored entry in the others."""
    values = clean(raw, today=today or wib_today())  # it was clean: the save stopped only at the clash
    return form_edits.page_after_clash(form_values(entry), vars(raw), {k: values[k] for k in FORM_FIELDS}, shown)


def remove(session: Session, actor: Actor, entry: WatchEntry) -> None:
    """Delete the entry; visits it flagged keep their copy of the reason, the audit log keeps the entry."""
    _require_editor(actor)
    audit.record(session, actor, "watchlist.removed", entry, details=_summary(entry))
    session.delete(entry)


def entries(session: Session) -> list[WatchEntry]:
    """The whole list, entries in force first (soonest expiry first), then the expired ones."""
    rows = session.scalars(select(WatchEntry).order_by(WatchEntry.expires_on, WatchEntry.id)).all()
    today = wib_today()
    return [e for e in rows if e.expires_on >= today] + [e for e in rows if e.expires_on < today]


def matches(session: Session, nik: str, full_name: str, institution: str, *, today: date) -> list[WatchEntry]:
    """Entries in force on `today` (WIB) that name this NIK exactly, or this name at this institution."""
    name_key, institution_key = normalise_name(full_name), normalise_institution(institution)
    by_name = and_(WatchEntry.name_key == name_key, WatchEntry.institution_key == institution_key)
    query = (select(WatchEntry).where(WatchEntry.expires_on >= today,
                                      or_(WatchEntry.nik == nik, by_name) if name_key else WatchEntry.nik == nik)
             .order_by(WatchEntry.id))
    return list(session.scalars(query))


def screen(session: Session, visit: Visit, actor: Actor, *, now: datetime | None = None) -> list[WatchEntry]:
    """Check a new request against the list. A match flags the visit with the reason (copied: the
    entry may change later) and is audited on the entry; the visit stays pending either way."""
    now = now or utcnow()
    found = matches(session, visit.visitor.nik, visit.visitor.full_name, visit.visitor.institution,
                    today=wib_today(now))
    if not found:
        return []
    visit.watch_entry_id = found[0].id
    visit.watch_reason = "; ".join(dict.fromkeys(e.reason for e in found))
    for entry in found:
        by = "nik" if entry.nik and entry.nik == visit.visitor.nik else "name_institution"
        audit.record(session, actor, "watchlist.matched", entry, at=now,
                     details={"visit_id": visit.id, "ticket": visit.ticket_code, "by": by})
    return found
