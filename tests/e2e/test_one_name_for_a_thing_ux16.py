"""ux16: one name for one thing, on the kiosk and on the staff screens, in Indonesian and in English.

- The visitor types a "Nomor ponsel" (Mobile phone) at the kiosk; the helpdesk read the same number as
  "Telepon" (Phone), the kiosk's recall box was read out as "nomor telepon" and its privacy notice said
  "nomor telepon". It is "Nomor ponsel" / "Mobile phone" / "mobile number" everywhere now.
- The head of the sub-division was "Kasubbag" on three kiosk texts and "Kasubag" on every staff screen:
  the UI writes "Kasubag" (the SOP's "Kasubbag Pengelolaan LPSE"; the printed form signs with the full
  "Kepala Sub Bagian Pengelolaan LPSE")."""
from __future__ import annotations

import pytest

from tests import factories
from tests.kiosk.e2e_support import TABLET, enrol_page

from .test_staff_flow import staff_page

PHONE = {"width": 360, "height": 740}
WORDS = {"id": ("Nomor ponsel", ("Telepon", "telepon", "Kasubbag")),
         "en": ("Mobile phone", ("Phone:", "phone number", ">Phone<", "Kasubbag"))}


def _everything(page) -> str:
    """What a visitor reads and hears: the text of every screen, shown or not, and the spoken labels."""
    return page.evaluate("""() => document.body.innerHTML + ' ' + document.body.textContent""")


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_kiosk_and_the_desk_name_the_number_alike(app, live_server, browser, make_user, lang):
    field, never = WORDS[lang]
    kiosk = enrol_page(app, browser, live_server, TABLET)
    if lang == "en":
        kiosk.click(".k-lang a[hreflang=en]")
        kiosk.wait_for_selector("html[lang=en] body[data-ready]")
    label = kiosk.locator("section[data-screen=who] label.k-field:has(input[name=phone])")
    assert label.evaluate("l => l.firstChild.textContent.trim()") == field
    recall = kiosk.get_attribute("input[name=phone_last4]", "aria-label")
    assert ("nomor ponsel" if lang == "id" else "mobile number") in recall
    text = _everything(kiosk)
    for word in never:
        assert word not in text, word

    with app.app_context():
        visit_id = factories.visit("approved", visitor=factories.visitor(phone="081234560077")).id
    make_user("desk", "helpdesk", name="Petugas Meja")
    desk = staff_page(browser, live_server, "desk", PHONE, [])
    desk.goto(f"{live_server}/admin/visits/{visit_id}?lang={lang}")
    fact = desk.locator("dl.facts div:has(dt)", has_text="081234560077")
    assert fact.locator("dt").text_content().strip() == field
    for word in never:
        assert word not in desk.inner_text("main"), word


def test_staff_screens_write_kasubag_as_the_kiosk_does(app, live_server, browser, make_user):
    make_user("kasubag1", "kasubag", name="Kasubag Uji")
    page = staff_page(browser, live_server, "kasubag1", PHONE, [])
    page.goto(f"{live_server}/admin/queue")
    assert "Kasubbag" not in page.content()
    kiosk = enrol_page(app, browser, live_server, TABLET)
    privacy = kiosk.evaluate("() => document.querySelector('[data-screen=welcome]').textContent")
    assert "Kasubag Pengelolaan LPSE" in " ".join(privacy.split())
