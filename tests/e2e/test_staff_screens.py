"""Each staff screen rendered with a busy day's synthetic data at desk and phone widths: screenshots to
look at, no console (CSP) errors, and nothing wider than a 360 px phone."""
from __future__ import annotations

from datetime import timedelta

import pytest

from lpsedesk import audit
from lpsedesk.clock import wib_date, wib_day_bounds
from lpsedesk.extensions import db
from lpsedesk.models import VisitNote, utcnow
from lpsedesk.roles import Actor, Role

from .. import factories
from .test_staff_flow import close_pages, kiosk_submission, short_streams, staff_page  # noqa: F401

SIZES = {"desktop": {"width": 1366, "height": 768}, "phone": {"width": 360, "height": 740}}
SIG = "sig/2026/11/" + "s" * 20


def busy_day(app, desk_id: int, boss_id: int) -> dict[str, int]:
    """A morning's visits, all on today's WIB day: run just after midnight WIB, "5 hours ago" would be
    yesterday, and the board rightly shows yesterday's visits apart (CI ran then). The day's past is
    squeezed into the time since midnight, keeping its order."""
    now = utcnow()
    since_midnight = now - wib_day_bounds(wib_date(now))[0]
    squeeze = min(1.0, 0.9 * since_midnight / timedelta(hours=5))

    def ago(**span: float):
        return now - timedelta(**span) * squeeze

    boss = Actor("user", boss_id, "Bambang Wijaya", frozenset({Role.KASUBAG}))
    ids = {"pending": kiosk_submission(app, "Dewi Lestari")}
    kiosk_submission(app, "Agus Saputra")
    with app.app_context():
        person = lambda name, inst="CV Maju Jaya", cat="penyedia": factories.visitor(  # noqa: E731
            full_name=name, institution=inst, category=cat)
        first = db.session.get(factories.Visit, ids["pending"])
        first.ktp_checked_at, first.ktp_checked_by_id = ago(minutes=3), desk_id
        factories.remote_request(recorded_at=ago(minutes=40))
        inside = factories.visit("approved", visitor=person("Budi Santoso", "PT Karya Salatiga Mandiri"),
                                 facility="training_room", purpose="training", signature_key=SIG,
                                 decided_at=ago(minutes=50), approved_until=now + timedelta(minutes=70),
                                 decided_by_label="Bambang Wijaya", ktp_checked_at=ago(minutes=55),
                                 ktp_checked_by_id=desk_id, submitted_at=ago(minutes=58))
        ids["inside"] = inside.id
        factories.visit("approved", visitor=person("Citra Handayani", "Dinas Kesehatan", "opd"),
                        facility="internet_corner", signature_key=SIG, decided_at=ago(minutes=95),
                        approved_until=ago(minutes=5), decided_by_label="Bambang Wijaya",
                        ktp_checked_at=ago(minutes=96), ktp_checked_by_id=desk_id,
                        submitted_at=ago(minutes=99))
        factories.visit("checked_out", visitor=person("Eko Pratama"), signature_key=SIG,
                        decided_at=ago(hours=3), checked_out_at=ago(minutes=20),
                        checked_out_by_label="Kios lobi", decided_by_label="Bambang Wijaya")
        factories.visit("checked_out", visitor=person("Fitri Kusuma", "Inspektorat", "apip"),
                        decided_at=ago(hours=2), checked_out_at=ago(minutes=10),
                        decided_by_label="Bambang Wijaya")
        for name in ("Gita Permata", "Hadi Nugroho"):
            factories.visit("reported", visitor=person(name), signature_key=SIG, decided_at=ago(hours=5),
                            checked_out_at=ago(hours=4), reported_at=ago(hours=1),
                            reported_by_id=desk_id, decided_by_label="Bambang Wijaya")
        denied = factories.visit(visitor=person("Joko Setiawan"), submitted_at=ago(hours=2))
        audit.apply_transition(db.session, denied, "denied", boss, reason="Ruang pelatihan sedang dipakai")
        denied.decision_told_at = denied.decided_at  # the desk told Joko then (h36d)
        factories.visit("expired", visitor=person("Kartika Wibowo"), decided_at=ago(minutes=1),
                        decided_by_label="system")
        db.session.add(VisitNote(visit=inside, author_id=desk_id, kind="incident", body="Proyektor tidak menyala"))
        db.session.commit()
    return ids


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_every_staff_screen_at_desk_and_phone_width(app, live_server, browser, make_user, shot, size):
    desk_id = make_user("rina", "helpdesk", name="Rina Helpdesk")
    boss_id = make_user("bambang", "kasubag", name="Bambang Wijaya")
    ids = busy_day(app, desk_id, boss_id)
    errors: list[str] = []
    viewport = SIZES[size]
    boss = staff_page(browser, live_server, "bambang", viewport, errors)
    desk = staff_page(browser, live_server, "rina", viewport, errors)
    screens = [
        (boss, "/admin/queue", "queue"),
        (desk, "/admin/board", "board"),
        (desk, f"/admin/visits/{ids['inside']}", "visit"),
        (boss, f"/admin/visits/{ids['pending']}", "visit-pending-kasubag"),
        (desk, "/admin/visits", "search"),
        (desk, "/admin/evacuation", "evacuation"),
    ]
    for page, path, name in screens:
        page.goto(f"{live_server}{path}")
        if page.locator("[data-live-state]").count():
            page.wait_for_selector("[data-live-state].on")
        shot(page, f"staff-{name}-{size}")
        if size == "phone":
            assert page.evaluate("document.documentElement.scrollWidth") <= 360, name
    desk.goto(f"{live_server}/admin/evacuation")
    desk.emulate_media(media="print")
    shot(desk, f"staff-evacuation-print-{size}")
    assert not desk.locator(".staffnav").is_visible() and not desk.locator("[data-print]").is_visible()
    make_user("sinta", "admin", name="Sinta Admin")
    admin = staff_page(browser, live_server, "sinta", viewport, errors)
    shot(admin, f"staff-home-admin-{size}")
    close_pages(boss, desk, admin)
    assert not errors, errors
