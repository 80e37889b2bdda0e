"""ux5: strangers at the kiosk and on the phone.

An older visitor reads the 1280x800 kiosk at arm's length: no text on any screen of the check-in is
smaller than 20 px (step names, hints, errors, the ticket's "keep this ticket" note were 18 px). A kiosk
whose camera is missing or refused no longer shows "Show your KTP to the camera" with a "Take the photo
now" button that does nothing and the upload pushed under the screen's edge: the one way left is the
first button, in sight, and the message names it and the helpdesk (h44k: since h43n the first, filled
one is "Lanjut tanpa foto KTP", the upload an outlined one under it). The Admin's remote-access request on
a phone keeps the letter across a mistake; a delegation whose last day has passed puts the cursor in
the last day. axe finds nothing on each screen."""
from __future__ import annotations

from datetime import timedelta

import pytest

from lpsedesk.clock import wib_today
from tests.kiosk.e2e_support import TABLET, enrol_page, sends_from_the_rules, upload_ktp

from .axe import axe_source, violations
from .settle import settled
from .test_asked_again_ux4 import FOCUSED
from .test_kiosk_stranger_ux3 import IN_SIGHT
from .test_staff_flow import staff_page

PHONE = {"width": 360, "height": 740}
SIDEWAYS = "document.documentElement.scrollWidth - document.documentElement.clientWidth"
# every piece of text on the screen (not hidden) smaller than `min` px, with where it is
SMALL_TEXT = """(min) => {
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode, el = node.parentElement;
    if (!node.textContent.trim() || !el || el.closest('[hidden]')) continue;
    const box = el.getBoundingClientRect(), style = getComputedStyle(el);
    if (!box.width || !box.height || style.visibility === 'hidden') continue;
    const size = parseFloat(style.fontSize);
    if (size < min) out.push(`${size}px ${el.tagName.toLowerCase()}.${el.className}: ${node.textContent.trim().slice(0, 40)}`);
  }
  return out;
}"""


def _readable(page, shot, name: str) -> None:
    settled(page)
    shot(page, name, full_page=False)
    assert page.evaluate(SMALL_TEXT, 20) == [], name
    assert violations(page, axe_source()) == [], name


def test_every_kiosk_screen_reads_at_arms_length_with_text_of_20_px_or_more(app, live_server, browser, shot):
    page = enrol_page(app, browser, live_server, TABLET)
    page.goto(f"{live_server}/kiosk/")
    page.wait_for_selector("body[data-ready]")
    _readable(page, shot, "ux5-kiosk-01-welcome")
    page.click("[data-action=checkin]")
    page.wait_for_selector("section[data-screen=ktp]:not([hidden])")
    person = upload_ktp(page)
    _readable(page, shot, "ux5-kiosk-02-ktp-taken")
    page.click("[data-action=to-who]")
    page.wait_for_selector("section[data-screen=who]:not([hidden])")
    if not page.input_value("input[name=full_name]"):
        page.fill("input[name=full_name]", person.name)
    if not page.input_value("input[name=nik]"):
        page.fill("input[name=nik]", person.nik)
    page.fill("input[name=phone]", "081234560077")
    _readable(page, shot, "ux5-kiosk-03-who")
    page.click("[data-action=to-from]")
    page.wait_for_selector("[data-screen=from]:not([hidden])")
    page.click("[data-action=to-what]")  # nothing given: the messages beside the fields
    page.wait_for_selector("[data-screen=from] .k-error:not(:empty)")
    _readable(page, shot, "ux5-kiosk-04-from-missing")
    page.fill("input[name=institution]", "CV Contoh Sejahtera")
    page.click("label.k-chip:has(input[name=category][value=penyedia])")
    page.click("[data-action=to-what]")
    page.wait_for_selector("[data-screen=what]:not([hidden])")
    page.click("label.k-chip:has(input[name=purpose][value=verification])")
    page.click("label.k-chip:has(input[name=facility][value=verification_desk])")
    page.click("label.k-chip:has(input[name=planned_minutes][value='60'])")
    _readable(page, shot, "ux5-kiosk-05-what")
    page.click("[data-action=to-rules]")
    page.wait_for_selector("[data-screen=rules]:not([hidden])")
    page.click("[data-action=submit]")  # not ticked, not signed: both said
    page.wait_for_selector("[data-error-for=signature]:not(:empty)")
    _readable(page, shot, "ux5-kiosk-06-rules-missing")
    sends_from_the_rules(page)
    _readable(page, shot, "ux5-kiosk-07-ticket")
    assert page.evaluate(IN_SIGHT, "[data-ticket-keep]") == ""  # the bigger note still above the bar


@pytest.mark.parametrize("camera", ["absent", "refused"])
def test_without_a_camera_the_kiosk_offers_the_one_way_left_in_sight(app, live_server, launch_browser, shot, camera):
    # refused: a camera is there, but the browser's permission is not given (Playwright denies it)
    browser = launch_browser(extra_args=["--use-fake-device-for-media-stream"] if camera == "refused" else [])
    page = enrol_page(app, browser, live_server, TABLET)
    page.goto(f"{live_server}/kiosk/")
    page.wait_for_selector("body[data-ready]")
    page.click("[data-action=checkin]")
    page.wait_for_selector("section[data-screen=ktp]:not([hidden])")
    page.wait_for_selector("[data-camera-off]:not([hidden])")
    side = "section[data-screen=ktp] .k-side"
    assert page.inner_text(f"{side} h1") == "Foto KTP Anda"  # not "Show your KTP to the camera"
    assert "Unggah foto saja" in page.inner_text("[data-guidance]")
    # h43n: and the way on without a file, the helpdesk named in the line under it
    assert "Lanjut tanpa foto KTP" in page.inner_text("[data-guidance]")
    assert "petugas helpdesk" in page.inner_text("[data-no-photo-help]")
    # The sentence is said once: the camera's box only names the missing camera (ux13 saw it twice).
    assert "Unggah foto saja" not in page.inner_text("section[data-screen=ktp] [data-camera-off]")
    # h46g: a refused camera is named as blocked, the helpdesk in the camera's box; a missing one as before
    said = page.locator("section[data-screen=ktp]").inner_text()
    if camera == "refused":
        assert "tidak tersedia" not in said and page.inner_text("[data-guidance]").startswith("Kamera diblokir.")
        assert "petugas helpdesk" in page.inner_text("section[data-screen=ktp] [data-camera-off]")
    else:
        assert said.count("Kamera tidak tersedia") == 1 and "diblokir" not in said
    assert not page.is_visible("[data-action=capture]")  # "Take the photo now" did nothing without a camera
    upload = "section[data-screen=ktp] label.k-file"
    assert page.evaluate(IN_SIGHT, upload) == ""
    # h44k: "Lanjut tanpa foto KTP" (h43n) is the one filled button, the way most visitors take; the
    # upload, offered only here, is an outlined one under it (it was filled too: two first things)
    assert "k-btn-secondary" in page.get_attribute(upload, "class")
    assert "k-btn-secondary" not in page.get_attribute("section[data-screen=ktp] [data-action=no-photo]", "class")
    assert page.locator(upload).bounding_box()["height"] >= 48
    _readable(page, shot, f"ux5-kiosk-ktp-camera-{camera}")
    upload_ktp(page)  # and it works
    assert page.is_visible("[data-action=to-who]")


def test_the_letter_chosen_on_a_phone_is_kept_after_a_mistake_and_sent_with_the_request(
        app, live_server, browser, make_user, shot, tmp_path):
    make_user("sinta", "admin", name="Sinta Admin")
    page = staff_page(browser, live_server, "sinta", PHONE, [])
    page.goto(f"{live_server}/admin/remote/new")
    letter = tmp_path / "surat-pt-contoh.pdf"
    letter.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
    page.fill("input[name=requester_name]", "Budi Teknisi")
    page.fill("input[name=letter_number]", "012/CT/XII/2026")
    page.fill("input[name=letter_date]", wib_today().strftime("%d/%m/%Y"))
    page.set_input_files("input[name=letter]", str(letter))
    page.fill("textarea[name=purpose]", "Pembaruan aplikasi SPSE")
    page.fill("input[name=rights_other]", "Log server")
    start = wib_today() + timedelta(days=1)
    page.fill("input[name=period_start]", start.strftime("%d/%m/%Y 08:00"))
    page.fill("input[name=period_end]", start.strftime("%d/%m/%Y 16:00"))
    page.click("main form button[type=submit]")  # the institution forgotten
    page.wait_for_load_state()
    problem = page.evaluate(FOCUSED)
    assert problem["name"] == "instansi" and problem["on_screen"], problem
    held = page.locator("label.file-pick").inner_text()
    assert "Surat permohonan terlampir: surat-pt-contoh.pdf" in held and "(ganti)" in held
    replace = page.locator("label.file-pick .file-pick-control").bounding_box()
    assert replace["height"] >= 44 and replace["width"] >= 44
    assert page.evaluate(SIDEWAYS) <= 0
    shot(page, "ux5-remote-letter-kept-phone", full_page=True)
    assert violations(page, axe_source()) == []
    page.fill("input[name=instansi]", "PT Contoh Teknologi")
    page.click("main form button[type=submit]")
    page.wait_for_load_state()
    assert "/admin/remote/" in page.url and "new" not in page.url
    assert "Budi Teknisi" in page.inner_text("main")
    assert page.locator("a[href$='/letter']").count() >= 1


# in the viewport, not only on the page: the helpdesk on a phone must not hunt for it
IN_VIEW = """(sel) => { const el = document.querySelector(sel); if (!el) return 'missing';
  const box = el.getBoundingClientRect();
  return box.height && box.top >= 0 && box.bottom <= innerHeight ? '' : `at ${Math.round(box.top)}..${Math.round(box.bottom)}`; }"""


def test_after_checking_a_visitor_out_on_a_phone_the_report_button_is_in_sight(app, live_server, browser, make_user, shot):
    """The page came back at its top after "Check out at the desk": the guest book filled the phone's
    screen and "Report to the Kasubag" was a thousand pixels down. It now comes back at "Next step",
    whose first line says what changed."""
    from datetime import datetime, timezone

    from tests import factories
    make_user("rina", "helpdesk", name="Rina Helpdesk")
    with app.app_context():
        now = datetime.now(timezone.utc)
        vid = factories.visit("approved", decided_at=now - timedelta(minutes=50), ktp_checked_at=now - timedelta(minutes=45),
                              approved_until=now + timedelta(minutes=10)).id
    page = staff_page(browser, live_server, "rina", PHONE, [])
    page.goto(f"{live_server}/admin/visits/{vid}")
    page.locator("main form[action$='/checkout'] > button").first.click()
    with page.expect_navigation():
        page.locator(".confirm-out").get_by_role("button", name="Ya").click()  # it asks first (ux11)
    settled(page)
    assert page.evaluate(IN_VIEW, "main form[action$='/report'] button") == ""
    assert "Kasubag" in page.inner_text("main p.where")  # says what is left to do
    assert page.evaluate(SIDEWAYS) <= 0
    shot(page, "ux5-helpdesk-checked-out-phone", full_page=False)
    assert violations(page, axe_source()) == []
