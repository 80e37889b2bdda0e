"""h29p: SOP 2 and SOP 1 walked by the staff on a small phone (360x640, and a 412x915 one), touch on,
in Bahasa Indonesia and in English, as a newcomer makes them: the Admin records a request letter, the
Kasubag approves it, the Admin records the account given and closes it when the third party is done,
then opens the Formulir (the register) and its PDF and Excel links; the helpdesk checks the original
KTP, checks the visitor out and reports the visit; the Kasubag acknowledges the report. Each screen:
no sideways scroll, every control a thumb's size, axe-clean.

Every date on these forms is typed (day first, 24-hour WIB): on a phone a date field must open the
number pad, as the decision's and the account's date fields already did; the letter's date, the
requested period and the Formulir's month opened the letter keyboard. A user name is typed as it is
spelt: a phone's keyboard must not capitalise its first letter or "correct" it (the account given to
the third party went on the Formulir as "Teknisi.uji").
"""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from lpsedesk.extensions import db
from lpsedesk.models import RemoteAccessRequest, Visit
from tests import factories
from tests.admin.test_remote_support import pdf_letter

from .test_staff_flow import close_pages, kiosk_submission, short_streams  # noqa: F401 (a fixture)
from .test_staff_phone_360x640_h25u import _looked_at
from .test_staff_phone_stranger import _phone
from .test_stranger_walk_ux17 import approved_letter

SMALL = {"width": 360, "height": 640}
TALL = {"width": 412, "height": 915}
WORDS = {
    "id": {"approve": "Setujui", "give": "Catat pemberian akun", "close": "Tutup akun", "yes": "Ya, tutup",
           "ktp": "KTP asli sesuai", "let_in": "Sudah dipersilakan masuk: catat", "out": "Catat keluar", "yes_out": "Ya", "report": "Laporkan kepada Kasubag",
           "ack": "Terima laporan"},
    "en": {"approve": "Approve", "give": "Record the account given", "close": "Close the account", "yes": "Yes, close it",
           "ktp": "Original KTP matches", "let_in": "Let in: record it", "out": "Check out", "yes_out": "Yes", "report": "Report to the Kasubag",
           "ack": "Acknowledge"},
}

# the typed-date fields shown on the page and the keyboard each opens
DATE_FIELDS = """() => [...document.querySelectorAll('main input.typed-time')]
  .filter(el => el.getClientRects().length > 0).map(el => [el.name, el.inputMode])"""


def _dates_open_the_number_pad(page, where: str) -> None:
    fields = page.evaluate(DATE_FIELDS)
    assert fields, f"{where}: no date field found"
    letters = [name for name, mode in fields if mode != "numeric"]
    assert not letters, f"{where}: date fields that open the letter keyboard on a phone: {letters}"


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("viewport", [SMALL, TALL], ids=["360x640", "412x915"])
def test_sop2_on_a_phone_from_the_letter_to_the_formulir(app, live_server, browser, make_user, shot, lang, viewport):
    make_user("sinta", "admin", name="Sinta Admin")
    make_user("bambang", "kasubag", name="Bambang Wijaya")
    say = WORDS[lang]
    admin = _phone(browser, live_server, "sinta", viewport)
    boss = _phone(browser, live_server, "bambang", viewport)
    now = datetime.now(timezone.utc) + timedelta(hours=7)  # WIB

    admin.goto(f"{live_server}/admin/remote/new?lang={lang}")
    _looked_at(admin, "the request letter's form")
    _dates_open_the_number_pad(admin, "the request letter's form")
    admin.fill("input[name=requester_name]", "Teknisi Uji Coba")
    admin.fill("input[name=instansi]", "PT Contoh Teknologi")
    admin.fill("input[name=letter_number]", "007/UJI/XII/2026")
    admin.fill("input[name=letter_date]", f"{now - timedelta(days=1):%d.%m.%Y}")   # as the number pad types it
    admin.fill("textarea[name=purpose]", "Pembaruan aplikasi")
    admin.locator("input[name=rights]").first.check()
    admin.set_input_files("input[name=letter]", files=[{"name": "surat.pdf", "mimeType": "application/pdf",
                                                        "buffer": pdf_letter()}])
    admin.fill("input[name=period_start]", f"{now + timedelta(hours=1):%d.%m.%Y %H.%M}")
    admin.fill("input[name=period_end]", f"{now + timedelta(days=2):%d%m%Y %H%M}")
    with admin.expect_navigation():
        admin.locator("form[enctype] button[type=submit]").tap()
    assert not admin.locator("main .error").count(), admin.inner_text("main")
    shot(admin, f"h29p-remote-recorded-{viewport['width']}-{lang}", full_page=False)
    with app.app_context():
        req_id = db.session.query(RemoteAccessRequest.id).filter_by(requester_name="Teknisi Uji Coba").scalar()

    boss.goto(f"{live_server}/admin/remote/{req_id}?lang={lang}")
    _looked_at(boss, "the letter, for the Kasubag")
    _dates_open_the_number_pad(boss, "the letter, for the Kasubag")
    with boss.expect_navigation():
        boss.get_by_role("button", name=say["approve"], exact=True).tap()

    admin.goto(f"{live_server}/admin/remote/{req_id}?lang={lang}")
    _looked_at(admin, "the approved letter")
    _dates_open_the_number_pad(admin, "the account's form")
    admin.fill("input[name=username]", "teknisi.uji")
    with admin.expect_navigation():
        admin.get_by_role("button", name=say["give"]).tap()
    assert "teknisi.uji" in admin.inner_text(".flash")
    _looked_at(admin, "the open account")
    _dates_open_the_number_pad(admin, "the closing form")
    admin.get_by_role("button", name=say["close"]).tap()
    admin.get_by_role("button", name=say["yes"]).tap()
    admin.wait_for_selector("#status.badge-closed")
    with app.app_context():
        assert db.session.get(RemoteAccessRequest, req_id).status == "closed"

    admin.goto(f"{live_server}/admin/remote/form?lang={lang}")
    _looked_at(admin, "the Formulir")
    _dates_open_the_number_pad(admin, "the Formulir")
    assert "teknisi.uji" in admin.inner_text("main")
    for name, kind in (("PDF", "application/pdf"), ("Excel", "spreadsheetml")):
        link = admin.get_by_role("link", name=name, exact=True)
        assert link.bounding_box()["height"] >= 44
        response = admin.request.get(live_server + link.get_attribute("href"))
        assert response.ok and kind in response.headers["content-type"]
    shot(admin, f"h29p-formulir-{viewport['width']}-{lang}", full_page=False)
    close_pages(admin, boss)


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("viewport", [SMALL, TALL], ids=["360x640", "412x915"])
def test_sop1_on_a_phone_from_the_ktp_check_to_the_acknowledged_report(
        app, live_server, browser, make_user, shot, lang, viewport):
    make_user("rina", "helpdesk", name="Rina Helpdesk")
    make_user("bambang", "kasubag", name="Bambang Wijaya")
    say = WORDS[lang]
    visit_id = kiosk_submission(app, "ANDI SETIAWAN")
    desk = _phone(browser, live_server, "rina", viewport)
    boss = _phone(browser, live_server, "bambang", viewport)

    desk.goto(f"{live_server}/admin/board?lang={lang}")
    desk.wait_for_selector("[data-live-state].on")
    _looked_at(desk, "the board")
    with desk.expect_navigation():
        desk.get_by_role("button", name=say["ktp"]).tap()

    boss.goto(f"{live_server}/admin/queue?lang={lang}")
    boss.wait_for_selector(".req.current")
    _looked_at(boss, "the queue")
    boss.locator(".req.current button[value=approve]").tap()
    boss.wait_for_function("() => document.querySelector('[data-queue-said]')?.textContent.includes('ANDI SETIAWAN')")

    desk.goto(f"{live_server}/admin/board?lang={lang}")
    # SOP 1: the helpdesk lets the approved visitor in (h36d: the decision waits at the board's top until then)
    with desk.expect_navigation():
        desk.get_by_role("button", name=say["let_in"], exact=True).tap()
    tile = desk.locator("article.tile", has_text="ANDI SETIAWAN")
    tile.get_by_role("button", name=say["out"]).tap()
    with desk.expect_navigation():
        tile.get_by_role("button", name=say["yes_out"], exact=True).tap()
    _looked_at(desk, "the board after the check-out")
    with desk.expect_navigation():
        desk.get_by_role("button", name=say["report"]).first.tap()

    boss.goto(f"{live_server}/admin/queue?lang={lang}")
    boss.wait_for_selector("[data-live-state].on")
    _looked_at(boss, "the queue with the report")
    ack = boss.locator("form[action$='/acknowledge']", has_text=say["ack"]).get_by_role("button").first
    ack.scroll_into_view_if_needed()
    shot(boss, f"h29p-report-to-acknowledge-{viewport['width']}-{lang}", full_page=False)
    ack.tap()
    boss.wait_for_function("() => document.querySelector('.flash')?.textContent.includes('ANDI SETIAWAN')")
    with app.app_context():
        assert db.session.get(Visit, visit_id).acknowledged_at is not None
    close_pages(desk, boss)


# what a phone's keyboard is told about a text box: capitalise the first letter? offer corrections?
AS_SPELT = """sel => { const el = document.querySelector(sel);
  return {capitalise: el.getAttribute('autocapitalize') || 'default (sentences on a phone)', spellcheck: el.spellcheck}; }"""


@pytest.mark.parametrize("lang", ["id", "en"])
def test_user_names_typed_on_a_phone_stay_as_spelt(app, live_server, browser, make_user, lang):
    admin_id = make_user("sinta", "admin", name="Sinta Admin")
    req_id = approved_letter(app, admin_id)
    page = browser.new_context(viewport=SMALL, has_touch=True, is_mobile=True).new_page()
    page.goto(f"{live_server}/admin/login?lang={lang}")
    assert page.evaluate(AS_SPELT, "input[name=username]") == {"capitalise": "none", "spellcheck": False}, \
        "the log-in's user name"
    page.context.close()
    admin = _phone(browser, live_server, "sinta", SMALL)
    admin.goto(f"{live_server}/admin/remote/{req_id}?lang={lang}")
    assert admin.evaluate(AS_SPELT, "input[name=username]") == {"capitalise": "none", "spellcheck": False}, \
        "the account's user name on the Formulir"
    _looked_at(admin, "the approved letter")
    close_pages(admin)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_daily_digest_and_a_requests_record_fit_a_360_phone(app, live_server, browser, make_user, lang):
    """The Admin reads the daily digest and a request's record (Cetak catatan) on a phone: the page never
    slides sideways (a wide table slides in its own card), and a part that slides takes the keyboard's
    focus (axe: scrollable-region-focusable)."""
    admin_id = make_user("sinta", "admin", name="Sinta Admin")
    with app.app_context():
        for name in ("Teknisi Uji Coba", "Andi Pratama"):
            record_id = factories.remote_request("received", recorded_by_id=admin_id, requester_name=name,
                                                 instansi="PT Contoh Teknologi Nusantara",
                                                 letter_number="001/UJI/XI/2026").id
    admin = _phone(browser, live_server, "sinta", SMALL)
    for path, name in (("/admin/remote/digest", "the daily digest"), (f"/admin/remote/{record_id}/print", "the record")):
        admin.goto(f"{live_server}{path}?lang={lang}")
        admin.wait_for_load_state()
        _looked_at(admin, name)
    close_pages(admin)
