"""The remote-access register in real chromium: the Kasubag approves on the request's page, the
screens work at 360 px and on a desktop without console errors, and the printed form looks right."""
from __future__ import annotations

import shutil
import subprocess
from datetime import datetime, timedelta, timezone

import pytest

from sqlalchemy import func, select

from lpsedesk import audit, settings, users
from lpsedesk.extensions import db
from lpsedesk.models import RemoteAccessRequest
from lpsedesk.auth import actor_for

from ..conftest import TEST_PASSWORD


def seed(app) -> int:
    """A register with every state, an overdue account and non-ASCII names; returns a waiting request's id."""
    now = datetime.now(timezone.utc).replace(second=0, microsecond=0)
    with app.app_context():
        settings.put(db.session, "signatory_name", "Drs. Pejabat Contoh, M.Si.")
        settings.put(db.session, "signatory_rank", "Pembina (IV/a)")
        settings.put(db.session, "signatory_nip", "197501012000031001")
        # By name, not id: PostgreSQL does not reuse the ids of earlier tests' users.
        admin = actor_for(db.session, users.find(db.session, "ani"), now)
        boss = actor_for(db.session, users.find(db.session, "bambang"), now)
        rows = [("Ñoño Śuryadi", "PT Contoh Teknologi Nusantara", "active", -2),
                ("Bùi Thị Ánh", "LKPP - Direktorat SPSE (uji)", "active", 30),
                ("Teknisi Uji Satu", "CV Maju Bersama", "closed", 0),
                ("Auditor Uji", "Inspektorat (contoh)", "approved", 0),
                ("Pemohon Ditolak", "PT Salah Alamat", "denied", 0)]
        for i, (name, instansi, status, hours_left) in enumerate(rows, start=1):
            start = now - timedelta(days=2)
            req = RemoteAccessRequest(
                requester_name=name, instansi=instansi, letter_number=f"0{i}/UJI/XI/2026", letter_date=start.date(),
                purpose="Pembaruan aplikasi SPSE dan pemeriksaan log server", rights_requested="Hanya baca, Server (SSH)",
                period_start=start, period_end=now + timedelta(hours=abs(hours_left) or 24),
                recorded_at=start, recorded_by_id=admin.id)
            db.session.add(req)
            db.session.flush()
            audit.record(db.session, admin, "remote.received", req, at=start)
            if status == "denied":
                audit.apply_transition(db.session, req, "denied", boss, reason="Surat belum ditandatangani",
                                       now=start + timedelta(hours=1))
                continue
            audit.apply_transition(db.session, req, "approved", boss, now=start + timedelta(hours=1))
            req.approved_until = now + timedelta(hours=hours_left or 24)
            if status == "approved":
                continue
            audit.apply_transition(db.session, req, "active", admin, now=start + timedelta(hours=2))
            req.username, req.rights_granted = f"vendor_{i:02d}", "Hanya baca"
            if status == "closed":
                audit.apply_transition(db.session, req, "closed", admin, now=start + timedelta(hours=8))
                req.close_kind = "finished"
        waiting = RemoteAccessRequest(
            requester_name="Ñoño Śuryadi", instansi="PT Contoh Teknologi Nusantara", letter_number="09/UJI/XI/2026",
            letter_date=now.date(), purpose="Perpanjangan pembaruan aplikasi", rights_requested="Hanya baca",
            period_start=now, period_end=now + timedelta(days=2), recorded_at=now, recorded_by_id=admin.id)
        db.session.add(waiting)
        db.session.flush()
        audit.record(db.session, admin, "remote.received", waiting, at=now)
        db.session.commit()
        return waiting.id


def login(page, base: str, username: str) -> None:
    page.goto(f"{base}/admin/login")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", TEST_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/admin/")


def test_kasubag_approves_on_the_request_page_and_the_screens_render_cleanly(live_server, browser, make_user, shot, app):
    make_user("ani", "admin", name="Ani Admin")
    make_user("bambang", "kasubag", name="Bambang Kasubag")
    waiting = seed(app)
    with app.app_context():  # the first seeded request is the overdue one
        overdue = db.session.scalar(select(func.min(RemoteAccessRequest.id)))
    errors: list[str] = []
    for width, suffix in ((1280, "desktop"), (360, "phone")):
        page = browser.new_page(viewport={"width": width, "height": 800})
        page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
        login(page, live_server, "bambang" if suffix == "desktop" else "ani")
        page.goto(f"{live_server}/admin/remote/")
        assert page.locator("#overdue").is_visible()
        shot(page, f"remote-register-{suffix}")
        page.goto(f"{live_server}/admin/remote/{waiting}")
        shot(page, f"remote-request-waiting-{suffix}")
        if suffix == "desktop":
            page.click("button[value=approve]")
            page.wait_for_url(f"{live_server}/admin/remote/{waiting}")
            assert "Disetujui" in page.locator("#status").inner_text()
            shot(page, "remote-request-approved-desktop")
        page.goto(f"{live_server}/admin/remote/{overdue}")
        assert "Ñoño Śuryadi" in page.inner_text("main")
        shot(page, f"remote-request-overdue-{suffix}")
        page.goto(f"{live_server}/admin/remote/form")
        shot(page, f"remote-form-page-{suffix}")
        if suffix == "desktop":  # what the browser prints: only the document, no menus or buttons
            page.set_viewport_size({"width": 1123, "height": 794})  # A4 landscape at 96 dpi
            page.emulate_media(media="print")
            assert not page.locator(".period-form").is_visible()
            shot(page, "remote-form-print-media")
            page.emulate_media(media="screen")
            page.set_viewport_size({"width": width, "height": 800})
        page.close()
    assert not errors, errors


def test_the_printed_form_pdf_renders_to_an_image(live_server, browser, make_user, app, artifacts_dir):
    if shutil.which("pdftoppm") is None:
        pytest.skip("poppler-utils not installed")
    make_user("ani", "admin", name="Ani Admin")
    make_user("bambang", "kasubag", name="Bambang Kasubag")
    seed(app)
    page = browser.new_page()
    login(page, live_server, "ani")
    month = datetime.now(timezone.utc).strftime("%Y-%m")
    response = page.request.get(f"{live_server}/admin/remote/form.pdf?kind=month&value={month}")
    assert response.ok and response.body().startswith(b"%PDF-")
    folder = artifacts_dir / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "remote-form.pdf").write_bytes(response.body())
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(folder / "remote-form.pdf"), str(folder / "remote-form-pdf")],
                   check=True)
    with app.app_context():
        first = db.session.scalar(select(func.min(RemoteAccessRequest.id)))
    record = page.request.get(f"{live_server}/admin/remote/{first}/record.pdf")
    assert record.ok and record.body().startswith(b"%PDF-")
    (folder / "remote-record.pdf").write_bytes(record.body())
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(folder / "remote-record.pdf"),
                    str(folder / "remote-record-pdf")], check=True)
    assert list(folder.glob("remote-form-pdf*.png")) and list(folder.glob("remote-record-pdf*.png"))
