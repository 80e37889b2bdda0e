"""In the browser: the visit page shows the NIK masked and reveals it in full on request (issue 12)."""
from __future__ import annotations

from .. import factories
from .test_staff_flow import close_pages, short_streams, staff_page  # noqa: F401

NIK = "3373021203850002"  # synthetic


def test_the_helpdesk_reveals_the_full_nik_on_the_visit_page(app, live_server, browser, make_user, short_streams, shot):
    make_user("rina", "helpdesk", name="Rina Meja")
    with app.app_context():
        visit_id = factories.visit(visitor=factories.visitor(full_name="Tamu Rahasia", nik=NIK)).id
    errors: list[str] = []
    page = staff_page(browser, live_server, "rina", {"width": 1366, "height": 768}, errors)
    page.goto(f"{live_server}/admin/visits/{visit_id}")
    assert NIK not in page.content() and "3373********0002" in page.content()
    page.click("[data-nik-src]")
    page.wait_for_selector(f"text={NIK}")
    assert page.locator("[data-nik-src]").count() == 0
    shot(page, "visit-full-nik")
    close_pages(page)
    assert errors == []
