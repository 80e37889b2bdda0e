"""The Kasubag's queue on a 360 px phone shows one request at a time with its Approve / Refuse buttons
in a bar at the bottom of the screen. Scrolled down to the helpdesk's reports, that bar would sit
under cards about other visitors, and a tap on "Setujui" would approve someone no longer in sight:
the bar is there while the request is on the screen, and gone while it is not."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from tests import factories

from .test_staff_flow import staff_page

PHONE = {"width": 360, "height": 740}
APPROVE = "[data-queue] .req.current button[value=approve]"
# Is the element drawn, and inside the screen?
ON_SCREEN = """(sel) => { const el = document.querySelector(sel); if (!el || !el.getClientRects().length) return false;
  const box = el.getBoundingClientRect(); return box.bottom > 0 && box.top < innerHeight; }"""


def test_the_approve_bar_shows_only_while_its_request_is_in_sight(app, live_server, browser, make_user, shot):
    make_user("bambang", "kasubag", name="Bambang Wijaya")
    now = datetime.now(timezone.utc)
    with app.app_context():
        factories.visit("pending", submitted_at=now, ktp_checked_at=now,
                        visitor=factories.visitor(full_name="TAMU MENUNGGU"))
        for i in range(8):  # the helpdesk's reports below the queue make the page long
            factories.visit("reported", submitted_at=now - timedelta(hours=3), decided_at=now - timedelta(hours=3),
                            checked_out_at=now - timedelta(hours=1), reported_at=now - timedelta(minutes=30),
                            visitor=factories.visitor(full_name=f"TAMU SELESAI {i}", nik=f"33730241079000{i:02d}"))
    page = staff_page(browser, live_server, "bambang", PHONE, [])
    page.goto(f"{live_server}/admin/queue")
    page.wait_for_selector(APPROVE)
    assert "TAMU MENUNGGU" in page.inner_text("[data-queue] .req.current")
    assert page.evaluate(ON_SCREEN, APPROVE), "the request and its Approve button, together"

    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    page.wait_for_function(f"() => !({ON_SCREEN})('{APPROVE}')", timeout=3000)
    assert not page.evaluate(ON_SCREEN, "[data-queue] .req.current")
    shot(page, "ux2-queue-phone-scrolled-down", full_page=False)

    page.evaluate("window.scrollTo(0, 0)")
    page.wait_for_function(f"() => ({ON_SCREEN})('{APPROVE}')", timeout=3000)
    assert page.evaluate(ON_SCREEN, APPROVE)


def test_an_approval_on_the_phone_is_confirmed_at_once_and_only_once(app, live_server, browser, make_user, shot):
    make_user("bambang", "kasubag", name="Bambang Wijaya")
    now = datetime.now(timezone.utc)
    with app.app_context():
        for name in ("TAMU PERTAMA", "TAMU KEDUA"):
            factories.visit("pending", submitted_at=now, ktp_checked_at=now, visitor=factories.visitor(full_name=name))
    page = staff_page(browser, live_server, "bambang", PHONE, [])
    page.goto(f"{live_server}/admin/queue")
    page.wait_for_selector(APPROVE)
    first = page.inner_text("[data-queue] .req.current .name")
    page.click(APPROVE)
    # The next request slides in; above it, on the screen, the line that says the tap worked.
    said = page.wait_for_selector("[data-queue-said]", timeout=5000)
    assert said.inner_text() == f"Disetujui: {first}."  # which way it went, not only "saved"
    assert page.evaluate(ON_SCREEN, "[data-queue-said]")
    page.wait_for_function("(name) => !document.querySelector('[data-queue] .req.current .name')"
                           ".textContent.includes(name)", arg=first, timeout=5000)
    shot(page, "ux2-queue-phone-approved", full_page=False)
    # Said once: the next page does not greet the Kasubag with it again.
    page.goto(f"{live_server}/admin/reports/")
    assert first not in page.inner_text("main")
