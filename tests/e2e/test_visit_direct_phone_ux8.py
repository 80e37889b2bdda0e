"""ux8: the Kasubag opens a visit's page (/admin/visits/<id>) directly on a 360x740 phone (a link
passed on in a chat, the browser's history: not from the queue). "Setujui" lay under the guest book,
about 1000 px down. As ux7 did for the remote request: the page opens at the decision card, which
says who asks for what, with the guest book and KTP one tap away. Measured without any scrolling, in
both languages. The helpdesk's and the Admin's view of the same page (they do not decide) is as it was."""
from __future__ import annotations

from pathlib import Path

import pytest

from lpsedesk.extensions import db
from tests import factories

from .settle import settled
from .test_remote_direct_phone_ux7 import IN_VIEW, PHONE, decision_opened_directly
from .test_staff_flow import kiosk_submission, staff_page

SHOTS = Path("/tmp/ux8")


def a_visit_waiting_for_the_kasubag(app, make_user) -> int:
    make_user("bambang", "kasubag", name="Bambang Wijaya")
    visit_id = kiosk_submission(app, name="Rahmat Hidayat")
    with app.app_context():
        from lpsedesk.models import Visit
        visit = db.session.get(Visit, visit_id)
        visit.visitor.institution = "CV Karya Mandiri Salatiga"
        visit.purpose_detail = "Verifikasi dokumen kualifikasi"
        db.session.commit()
    return visit_id


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_kasubag_sees_approve_without_scrolling_on_a_visit_opened_directly(
        app, live_server, browser, make_user, lang):
    visit_id = a_visit_waiting_for_the_kasubag(app, make_user)
    page, said = decision_opened_directly(
        browser, live_server, f"/admin/visits/{visit_id}?lang={lang}", SHOTS / f"visit-direct-360x740-{lang}.png",
        ("Rahmat Hidayat", "CV Karya Mandiri Salatiga", "Verifikasi dokumen kualifikasi"))
    assert ("belum diperiksa" if lang == "id" else "not yet checked") in said  # the desk's KTP check
    # the guest book and the KTP: one tap away
    page.click("#next-step a[href='#guest-book']")
    settled(page)
    assert page.evaluate(IN_VIEW, "#guest-book h2")["inside"]
    assert page.locator("#guest-book [data-ktp-src]").is_visible()
    page.goto(f"{live_server}/admin/visits/{visit_id}?lang={lang}")
    settled(page)
    page.click("button[value=approve]")
    page.wait_for_load_state()
    with app.app_context():
        from lpsedesk.models import Visit
        assert db.session.get(Visit, visit_id).status == "approved"


@pytest.mark.parametrize("role", ["helpdesk", "admin"])
def test_the_helpdesk_and_the_admin_still_open_the_visit_at_its_top(app, live_server, browser, make_user, role):
    make_user("dewi", role, name="Dewi Lestari")
    with app.app_context():
        visit_id = factories.visit("pending").id
    page = staff_page(browser, live_server, "dewi", PHONE, [])
    page.goto(f"{live_server}/admin/visits/{visit_id}")
    page.wait_for_load_state()
    settled(page)
    assert page.evaluate("scrollY") == 0, "they do not decide: the page opens at the guest book"
    assert page.locator("#next-step.deciding").count() == 0
    assert page.locator("#next-step [data-decide-context]").count() == 0
