"""Years of made-up desk history in bulk: visitors, visits in every state and their audit trail.

For the query-plan tests (a few thousand rows, so planners choose as they would on a real office)
and bench/scale.py (10k to 1M visits). Rows go in through Core inserts in chunks, not the ORM.
Names, NIKs and institutions are synthetic; stored-file keys name no real file.
"""
from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone

from sqlalchemy import insert, select, func
from sqlalchemy.engine import Connection

from lpsedesk.models import AuditEvent, User, Visit, VisitFiles, Visitor

CHUNK = 5_000
_FIRST = ["Sari", "Budi", "Dewi", "Agus", "Rina", "Joko", "Wati", "Hadi", "Lina", "Eko", "Tuti", "Yudi"]
_LAST = ["Uji", "Contoh", "Coba", "Sintetis", "Rekaan", "Pura", "Sampel", "Dummy"]
_INSTITUTIONS = ["CV Contoh Sejahtera", "PT Uji Coba Abadi", "Dinas Contoh Kota", "Pokja Uji",
                 "PT Rekaan Nusantara", "CV Sampel Jaya", "Inspektorat Contoh", "Bagian Uji Kota"]
_CATEGORIES = ["penyedia", "pokja", "ppk", "pa_kpa", "apip", "opd", "public", "other"]
TODAY_OPEN = [("pending", 6), ("approved", 4), ("checked_out", 3)]


def synthetic_nik(serial: int) -> str:
    """Region 3373 02 (made-up district part), a birth date, and a serial: 16 digits, never real."""
    day, month, year = 1 + serial % 28, 1 + serial // 28 % 12, 60 + serial // 336 % 40
    return f"337302{day:02d}{month:02d}{year:02d}{serial % 10_000:04d}"


def _chunks(conn: Connection, table, rows: list[dict]) -> None:
    for i in range(0, len(rows), CHUNK):
        conn.execute(insert(table), rows[i:i + CHUNK])


def build_history(conn: Connection, visits: int, *, now: datetime | None = None, years: float = 3.0,
                  retention_days: int = 365, purged: bool = True, seed: int = 16,
                  in_time_order: bool = False) -> dict:
    """Insert `visits` visits spread over `years` up to `now`, plus today's open ones.

    `purged`: visits older than the retention period have had their files cleared already (a desk
    whose daily purge ran); False leaves the whole backlog for the purge to do.
    `in_time_order`: ids follow submission time as on a real desk (visits of one day share pages);
    by default each visit's time is drawn at random, so neighbours in time lie pages apart.
    """
    rnd = random.Random(seed)
    now = now or datetime.now(timezone.utc)
    cutoff = now - timedelta(days=retention_days)
    staff = conn.execute(select(User.id)).scalars().all() or [None]
    first_visitor = (conn.execute(select(func.max(Visitor.id))).scalar() or 0) + 1
    n_visitors = max(1, visits // 3)
    people = [dict(id=first_visitor + i, full_name=f"{rnd.choice(_FIRST)} {rnd.choice(_LAST)} {i}",
                   nik=synthetic_nik(first_visitor + i), phone=f"0812{i:08d}"[:13],
                   institution=rnd.choice(_INSTITUTIONS), category=rnd.choice(_CATEGORIES),
                   created_at=now - timedelta(days=years * 365), updated_at=now - timedelta(days=years * 365))
              for i in range(n_visitors)]
    _chunks(conn, Visitor.__table__, people)

    first_visit = (conn.execute(select(func.max(Visit.id))).scalar() or 0) + 1
    span = years * 365 * 86400
    rows, events, files = [], [], []
    open_today = [s for s, n in TODAY_OPEN for _ in range(n)]
    ordered = random.Random(seed + 1)  # its own draws: the default build stays as it was
    ages = sorted((ordered.uniform(86400, span) for _ in range(visits)), reverse=True) if in_time_order else None
    for i in range(visits):
        vid = first_visit + i
        if i < len(open_today):
            status, submitted = open_today[i], now - timedelta(minutes=30 + i)
        else:
            status = rnd.choices(["reported", "denied", "expired", "cancelled"], [90, 5, 3, 2])[0]
            submitted = now - timedelta(seconds=rnd.uniform(86400, span))
            if ages:
                submitted = now - timedelta(seconds=ages[i])
        decided = submitted + timedelta(minutes=rnd.randint(2, 40)) if status != "pending" else None
        out = decided + timedelta(minutes=rnd.randint(20, 180)) if status in ("reported", "checked_out") else None
        reported = out + timedelta(hours=2) if status == "reported" else None
        holds_files = not (purged and submitted < cutoff)
        user = rnd.choice(staff)
        rows.append(dict(
            id=vid, ticket_code=f"T{vid:09d}"[-12:], visitor_id=first_visitor + rnd.randrange(n_visitors),
            purpose=rnd.choice(["verification", "consultation", "training"]), purpose_detail=None,
            facility=rnd.choice(["verification_desk", "training_room"]), planned_minutes=60,
            status=status, version=1, submitted_at=submitted, decided_at=decided,
            decided_by_id=user if decided and status != "expired" else None,
            decided_by_label="system" if status == "expired" else ("Kasubag Uji" if decided else None),
            decision_reason="Berkas belum lengkap" if status == "denied" else None,
            # the desk let the visitor in, or told the refusal, at once (h36d)
            decision_told_at=decided if status in ("approved", "denied", "checked_out", "reported") else None,
            approved_until=None, checked_out_at=out, checked_out_by_label="Helpdesk Uji" if out else None,
            reported_at=reported, reported_by_id=user if reported else None,
            acknowledged_at=reported + timedelta(hours=1) if reported else None,
            acknowledged_by_id=user if reported else None,
        ))
        if holds_files:
            files.append(dict(visit_id=vid, submitted_at=submitted, id_capture_key=f"ktp/2020/01/synthetic{vid:012d}",
                              signature_key=f"signature/2020/01/synthetic{vid:012d}"))
        steps = [("visit.submitted", submitted), ("visit." + ("approved" if out else status), decided),
                 ("visit.checked_out", out), ("visit.reported", reported),
                 ("visit.acknowledged", reported + timedelta(hours=1) if reported else None)]
        events += [dict(at=at, actor_type="user", actor_id=user, actor_label="Staf Uji", action=action,
                        object_type="visit", object_id=vid, details={}) for action, at in steps if at]
        if len(rows) >= CHUNK:
            _chunks(conn, Visit.__table__, rows)
            _chunks(conn, VisitFiles.__table__, files)
            _chunks(conn, AuditEvent.__table__, events)
            rows, events, files = [], [], []
    _chunks(conn, Visit.__table__, rows)
    _chunks(conn, VisitFiles.__table__, files)
    _chunks(conn, AuditEvent.__table__, events)
    return {"visitors": n_visitors, "visits": visits, "first_visit": first_visit}
