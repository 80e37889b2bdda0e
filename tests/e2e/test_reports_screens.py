"""The reports in real chromium: statistics on a desktop and a 360 px phone, the printable guest
book, and the guest-book PDF rendered to PNG. Screenshots go to test-artifacts/screenshots/."""
from __future__ import annotations

import io
import shutil
import subprocess
from datetime import date, datetime, timedelta, timezone

import pytest
from PIL import Image, ImageDraw

from lpsedesk.demo import make_demo_data
from lpsedesk.extensions import db

from .. import factories

TODAY = date(2026, 11, 20)


def _signature(seed: int) -> bytes:
    image = Image.new("L", (600, 200), 255)
    draw = ImageDraw.Draw(image)
    points = [(40 + i * 70, 100 + ((i * seed * 37) % 90) - 45) for i in range(8)]
    draw.line(points, fill=0, width=7)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


@pytest.fixture
def office(app, make_user):
    make_user("rina", "helpdesk", name="Rina Meja")
    with app.app_context():
        make_demo_data(db.session, weeks=12, seed=2022, today=TODAY)
        day = datetime(2026, 11, 20, 1, 15, tzinfo=timezone.utc)
        for i, name in enumerate(["Bùi Thị Ánh", "Śmigły Ørsted", "Ñoño Ramírez"]):
            key = app.extensions["storage"].save(_signature(i + 1), kind="signature")
            factories.visit(status="approved", visitor=factories.visitor(full_name=name, institution="PT Contoh Ñusantara"),
                            submitted_at=day + timedelta(minutes=7 * i), decided_at=day + timedelta(minutes=7 * i + 4),
                            decided_by_label="Bambang Kasubag (demo)", signature_key=key)
        db.session.commit()


def _login(page, base):
    page.goto(f"{base}/admin/login")
    page.fill("input[name=username]", "rina")
    page.fill("input[name=password]", "Rahasia-uji-123")
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/admin/")


def test_statistics_and_the_printable_guest_book_look_right(live_server, browser, office, shot):
    errors: list[str] = []
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    _login(page, live_server)
    page.goto(f"{live_server}/admin/reports/statistics?from=2026-08-28&to=2026-11-20")
    assert page.locator("svg.chart").count() >= 8
    shot(page, "reports-statistics-desktop")
    phone = browser.new_page(viewport={"width": 360, "height": 780})
    phone.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    _login(phone, live_server)
    phone.goto(f"{live_server}/admin/reports/statistics?from=2026-08-28&to=2026-11-20")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 362, "no sideways scrolling on a phone"
    shot(phone, "reports-statistics-360")
    page.goto(f"{live_server}/admin/reports/guestbook?from=2026-11-20&to=2026-11-20")
    assert page.locator("td.sig img").count() == 3
    assert page.evaluate("Array.from(document.querySelectorAll('td.sig img')).every(i => i.naturalWidth > 0)")
    shot(page, "reports-guestbook-screen")
    page.emulate_media(media="print")
    shot(page, "reports-guestbook-print")
    page.emulate_media(media="screen")
    page.goto(f"{live_server}/admin/reports/")
    shot(page, "reports-index")
    assert not errors, errors


def test_the_guest_book_pdf_renders_to_png(live_server, browser, office, artifacts_dir):
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm missing: sudo apt-get install poppler-utils")
    page = browser.new_page()
    _login(page, live_server)
    response = page.request.get(f"{live_server}/admin/reports/guestbook.pdf?from=2026-11-18&to=2026-11-20")
    assert response.status == 200
    folder = artifacts_dir / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    pdf = folder / "reports-guestbook.pdf"
    pdf.write_bytes(response.body())
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(folder / "reports-guestbook-pdf")], check=True)
    pages = sorted(folder.glob("reports-guestbook-pdf-*.png"))
    assert pages
    with Image.open(pages[0]) as first:
        assert first.size[0] > first.size[1], "A4 landscape"
