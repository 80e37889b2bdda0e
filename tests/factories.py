"""Synthetic records for tests: made-up people with structurally valid NIKs (Kota Salatiga codes)."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from lpsedesk.clock import wib_date, wib_day_bounds
from lpsedesk.extensions import db
from lpsedesk.models import RemoteAccessRequest, Visit, Visitor


def earlier_today(now: datetime, count: int, step: timedelta = timedelta(minutes=30)) -> list[datetime]:
    """`count` moments before `now`, oldest first, `step` apart, all on `now`'s WIB day: "two hours ago"
    is yesterday just after midnight WIB, and a visit of yesterday is not on today's board (CI ran then)."""
    start, _ = wib_day_bounds(wib_date(now))
    step = min(step, (now - start) / (count + 1))
    return [now - step * (count - i) for i in range(count)]


def visitor(**overrides) -> Visitor:
    fields = dict(full_name="Sari Uji Coba", nik="3373024107900001", phone="081234560001",
                  institution="CV Contoh Sejahtera", category="penyedia")
    fields.update(overrides)
    return Visitor(**fields)


def visit(status: str = "pending", **overrides) -> Visit:
    fields = dict(visitor=overrides.pop("visitor", None) or visitor(), purpose="verification",
                  facility="verification_desk", planned_minutes=60, status=status)
    fields.update(overrides)
    if status in ("approved", "denied", "checked_out", "reported") and "decision_told_at" not in overrides:
        # A decided visit the desk already acted on (let in, or told the refusal), as every visit made
        # here was before h36d; a test of that step passes decision_told_at=None.
        fields["decision_told_at"] = fields.get("decided_at") or datetime.now(timezone.utc)
    row = Visit(**fields)
    db.session.add(row)
    db.session.commit()
    return row


def remote_request(status: str = "received", recorded_by_id: int | None = None, **overrides) -> RemoteAccessRequest:
    start = datetime(2026, 11, 23, 1, 0, tzinfo=timezone.utc)
    fields = dict(requester_name="Teknisi Uji", instansi="PT Contoh Teknologi", letter_number="001/UJI/XI/2026",
                  letter_date=date(2026, 11, 20), purpose="Pembaruan aplikasi", rights_requested="Hanya baca",
                  period_start=start, period_end=start + timedelta(days=2), status=status,
                  recorded_by_id=recorded_by_id)
    fields.update(overrides)
    row = RemoteAccessRequest(**fields)
    db.session.add(row)
    db.session.commit()
    return row


def delegation(delegate_id: int, principal_id: int, *, days: int = 1, title: str = "Plh."):
    """A Plh./Plt. naming running from yesterday for `days` days (WIB dates)."""
    from zoneinfo import ZoneInfo

    from lpsedesk.models import Delegation

    today = datetime.now(ZoneInfo("Asia/Jakarta")).date()
    row = Delegation(delegate_id=delegate_id, principal_id=principal_id, title=title,
                     starts_on=today - timedelta(days=1), ends_on=today + timedelta(days=days))
    db.session.add(row)
    db.session.commit()
    return row
