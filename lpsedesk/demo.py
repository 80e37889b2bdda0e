"""Synthetic data so a newcomer sees a living system: visitors, visits and remote access over weeks.

Every name, NIK and phone number here is made up; NIKs use real region codes and valid dates so
they pass the same checks as the kiosk's.
"""
from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta, timezone

from sqlalchemy import select
from sqlalchemy.orm import Session

from . import audit, decision_told, demo_signatures, users, visit_ops
from .clock import WIB
from .models import RemoteAccessRequest, User, Visit, VisitNote, Visitor, VisitorCategory
from .passwords import generate_password
from .roles import Actor, Role, SYSTEM_ACTOR
from .invitations import demo as invitations_demo
from .skm import demo as skm_demo

FIRST = ["Agus", "Budi", "Citra", "Dewi", "Eko", "Fitri", "Gita", "Hadi", "Indah", "Joko", "Kartika",
         "Lestari", "Made", "Nur", "Oki", "Putri", "Rizky", "Sari", "Teguh", "Utami", "Wahyu", "Yuni"]
LAST = ["Santoso", "Wibowo", "Rahmawati", "Saputra", "Hidayat", "Kusuma", "Pratama", "Lestari",
        "Nugroho", "Setiawan", "Permata", "Siregar", "Wijaya", "Handayani", "Susanto"]
FIRMS = ["CV Maju Jaya", "PT Karya Salatiga Mandiri", "CV Sinar Tingkir", "PT Bangun Sidomukti",
         "CV Mitra Argomulyo", "PT Cipta Sidorejo", "UD Sumber Rejeki", "PT Teknologi Nusantara Abadi"]
OFFICES = ["Dinas Pekerjaan Umum", "Dinas Kesehatan", "Inspektorat", "Bagian Pengadaan Barang/Jasa",
           "Dinas Pendidikan", "BPKPAD"]
# Kota Salatiga's kecamatan: 33.73.01 .. 33.73.04.
REGIONS = ["337301", "337302", "337303", "337304", "332201", "332205"]
REJECTIONS = ["Ruang pelatihan sedang dipakai", "Di luar jam layanan", "Data buku tamu tidak lengkap"]
NOTES = ["Verifikasi dokumen penyedia selesai", "Pelatihan SPSE bagi penyedia baru",
         "Konsultasi pendaftaran akun", "Meminjam pojok internet untuk unggah dokumen penawaran"]


def synthetic_nik(rng: random.Random) -> str:
    born = date(rng.randint(1965, 2003), rng.randint(1, 12), rng.randint(1, 28))
    day = born.day + (40 if rng.random() < 0.5 else 0)
    return f"{rng.choice(REGIONS)}{day:02d}{born.month:02d}{born.year % 100:02d}{rng.randint(1, 9999):04d}"


def _staff(session: Session, lines: list[str]) -> dict[str, User]:
    wanted = {
        "helpdesk": ("Rina Helpdesk (demo)", {Role.HELPDESK}),
        "kasubag": ("Bambang Kasubag (demo)", {Role.KASUBAG}),
        "admin.lpse": ("Sinta Admin LPSE (demo)", {Role.ADMIN}),
    }
    out = {}
    for username, (name, roles) in wanted.items():
        user = users.find(session, username)
        if user is None:
            password = generate_password()
            user = users.create(session, SYSTEM_ACTOR, username=username, full_name=name,
                                password=password, roles=roles)
            lines.append(f"demo user {username} ({', '.join(r.value for r in roles)}) password: {password}")
        out[username] = user
    return out


def _at(day: date, rng: random.Random, hour_from: int = 8, hour_to: int = 15) -> datetime:
    local = datetime.combine(day, time(rng.randint(hour_from, hour_to), rng.randint(0, 59)), WIB)
    at = local.astimezone(timezone.utc)
    # ux6: demo data made early in the day has nothing from the hours still to come (a request
    # "waiting 0 minutes" first in the queue): those times move to between 20 and 80 minutes ago.
    return min(at, datetime.now(timezone.utc) - timedelta(minutes=20 + at.minute))


def _actor(user: User) -> Actor:
    return Actor(kind="user", id=user.id, label=user.full_name, roles=user.roles)


def make_demo_data(session: Session, *, weeks: int = 8, seed: int = 2022,
                   today: date | None = None, survey_months: int = 0, storage=None) -> list[str]:
    """`survey_months`: also that many months of older, finished visits before the `weeks`, so the
    satisfaction survey (SKM) report has a year to show; about half of all checked-out visits answer.
    `storage` (the app's file storage): every visit gets a drawn signature as at the kiosk, so a
    finished one can be reported (SOP step 7); without it the visits have none."""
    rng = random.Random(seed)
    lines: list[str] = []
    staff = _staff(session, lines)
    desk, boss, admin = (_actor(staff[k]) for k in ("helpdesk", "kasubag", "admin.lpse"))
    today = today or datetime.now(WIB).date()
    people = []
    for _ in range(60):
        category = rng.choices(list(VisitorCategory), weights=[8, 2, 2, 1, 1, 2, 1, 1])[0]
        firm = rng.choice(FIRMS) if category == VisitorCategory.PENYEDIA else rng.choice(OFFICES)
        people.append(Visitor(full_name=f"{rng.choice(FIRST)} {rng.choice(LAST)}", nik=synthetic_nik(rng),
                              phone=f"08{rng.randint(1000000000, 9999999999)}", email=None,
                              institution=firm, category=category.value))
    session.add_all(people)
    session.flush()
    visits = 0
    for offset in range(weeks * 7, -1, -1):
        day = today - timedelta(days=offset)
        if day.weekday() >= 5 and offset != 0:  # today always, so the demo shows people inside
            continue
        for _ in range(rng.randint(2, 7)):
            visits += 1
            _demo_visit(session, rng, rng.choice(people), day, is_today=(offset == 0),
                        desk=desk, boss=boss)
    remote = sum(_demo_remote(session, rng, today - timedelta(days=rng.randint(0, weeks * 7)), admin, boss)
                 for _ in range(max(6, weeks * 2)))
    # The survey's own random stream: the visits above come out the same with or without it.
    survey_rng = random.Random(seed + 14)
    older = 0
    first = today - timedelta(days=weeks * 7)
    for offset in range(survey_months * 30, 0, -1):
        day = first - timedelta(days=offset)
        if day.weekday() >= 5:
            continue
        for _ in range(survey_rng.randint(2, 6)):
            older += 1
            _demo_visit(session, survey_rng, survey_rng.choice(people), day, is_today=False, desk=desk, boss=boss)
    session.flush()
    if older:  # the Kasubag read those reports long ago: they do not fill today's list
        window = datetime.combine(first, time(0), WIB).astimezone(timezone.utc)
        for visit in session.scalars(select(Visit).where(Visit.status == "reported", Visit.acknowledged_at.is_(None),
                                                         Visit.submitted_at < window)):
            visit_ops.acknowledge(session, visit, boss, now=visit.reported_at + timedelta(days=1))
    if storage is not None:  # their own random stream too: the visits come out the same either way
        signing = random.Random(seed + 16)
        made = select(Visit).where(Visit.visitor_id.in_([p.id for p in people])).order_by(Visit.id)
        for visit in session.scalars(made):  # this run's visits only, never an office's real ones
            demo_signatures.sign(storage, visit, signing)
    answered = skm_demo.answer_some(session, survey_rng)
    lines.append(f"made {len(people)} visitors, {visits + older} visits, {remote} remote-access requests, "
                 f"{answered} survey answers")
    # Invitations and the watch list draw from their own stream too.
    lines += invitations_demo.invite_a_training(
        session, random.Random(seed + 15), desk=desk, boss=boss, admin=admin,
        names=[f"{first} {last}" for first, last in zip(FIRST, LAST)], firms=FIRMS, today=today)
    return lines


def _told(session, visit, desk, decided: datetime, now: datetime) -> None:
    """The desk let the visitor in, or told the refusal, two minutes after the decision (h36d); a
    decision of the last two minutes still waits at the board's top. No draw: the sequence stays."""
    if decided + timedelta(minutes=2) <= now:
        decision_told.record_told(session, visit, desk, now=decided + timedelta(minutes=2))


def _demo_visit(session, rng, visitor, day, *, is_today, desk, boss) -> None:
    submitted = _at(day, rng, 8, 14)
    visit = Visit(visitor=visitor, purpose=rng.choice(["verification", "training", "consultation", "other"]),
                  facility=rng.choice(["training_room", "internet_corner", "verification_desk", "helpdesk"]),
                  planned_minutes=rng.choice([30, 60, 90, 120]), submitted_at=submitted,
                  rules_accepted_at=submitted, status="pending")
    session.add(visit)
    session.flush()
    audit.record(session, SYSTEM_ACTOR, "visit.submitted", visit, at=submitted, details={"demo": True})
    if is_today and rng.random() < 0.3:
        return  # still waiting for the Kasubag
    decided = submitted + timedelta(minutes=rng.randint(1, 25))
    now = datetime.now(timezone.utc)
    if decided > now:
        return  # not decided yet: a decision is never in the future
    if rng.random() < 0.08:
        audit.apply_transition(session, visit, "denied", boss, reason=rng.choice(REJECTIONS), now=decided)
        _told(session, visit, desk, decided, now)
        return
    audit.apply_transition(session, visit, "approved", boss, now=decided)
    visit.approved_until = decided + timedelta(minutes=visit.planned_minutes)
    _told(session, visit, desk, decided, now)
    if is_today and rng.random() < 0.5:
        return  # inside now
    out = decided + timedelta(minutes=rng.randint(15, visit.planned_minutes + 30))
    if out > now:
        return  # still inside
    if rng.random() < 0.3:
        session.add(VisitNote(visit=visit, author_id=desk.id, body=rng.choice(NOTES), created_at=out))
    audit.apply_transition(session, visit, "checked_out", desk, now=out)
    visit.rating = rng.choice([None, 4, 5, 5, 3])  # kept: drawing it keeps the demo's random sequence
    if not is_today:
        audit.apply_transition(session, visit, "reported", desk, now=out + timedelta(hours=1))


def _demo_remote(session, rng, day, admin, boss) -> int:
    start = _at(day, rng)
    req = RemoteAccessRequest(
        requester_name=f"{rng.choice(FIRST)} {rng.choice(LAST)}",
        instansi=rng.choice(["LKPP - Direktorat SPSE", "PT Teknologi Nusantara Abadi", "Inspektorat Kota Salatiga"]),
        letter_number=f"{rng.randint(1, 999):03d}/SPSE/{day:%m}/{day:%Y}", letter_date=day,
        purpose=rng.choice(["Pembaruan aplikasi SPSE", "Pemeriksaan log server", "Perbaikan basis data"]),
        rights_requested=rng.choice(["Hanya baca", "Administrator aplikasi", "Server (SSH)"]),
        period_start=start, period_end=start + timedelta(days=rng.randint(1, 5)),
        recorded_at=start, recorded_by_id=admin.id)
    session.add(req)
    session.flush()
    audit.record(session, admin, "remote.received", req, at=start, details={"demo": True})
    if rng.random() < 0.15:
        return 1
    decided = start + timedelta(hours=rng.randint(1, 6))
    if decided + timedelta(minutes=30) > datetime.now(timezone.utc):
        return 1  # still waiting for the Kasubag (its account would be given in the future)
    if rng.random() < 0.1:
        audit.apply_transition(session, req, "denied", boss, reason="Surat belum ditandatangani", now=decided)
        return 1
    audit.apply_transition(session, req, "approved", boss, now=decided)
    req.approved_until = req.period_end
    given = decided + timedelta(minutes=30)
    req.username = f"remote_{req.id:03d}"
    req.rights_granted = req.rights_requested
    audit.apply_transition(session, req, "active", admin, now=given)
    if req.period_end < datetime.now(timezone.utc) - timedelta(days=1) or rng.random() < 0.5:
        closed = min(req.period_end, given + timedelta(days=1))
        if closed <= datetime.now(timezone.utc):  # an account still open today stays open
            audit.apply_transition(session, req, "closed", admin, now=closed)
    return 1
