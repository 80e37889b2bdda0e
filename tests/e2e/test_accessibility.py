"""Issue 13: axe-core finds no WCAG 2.2 A/AA violation on any kiosk screen (at the three kiosk sizes)
or any staff page (desk and phone widths), in Bahasa Indonesia and in English. The kiosk walk also
saves a screenshot of every screen at 1920x1080, 1080x1920 and 1280x800."""
from __future__ import annotations

import pytest

from lpsedesk.extensions import db
from lpsedesk.models import Visit
from tests.kiosk.e2e_support import (LANDSCAPE, PORTRAIT, TABLET, enrol_page, sends_from_the_rules, staff_decides,
                                     upload_ktp, upload_not_a_photo)

from .. import factories
from .axe import axe_source, violations
from .test_staff_flow import close_pages, short_streams, staff_page  # noqa: F401
from .test_staff_screens import SIZES, busy_day

pytestmark = pytest.mark.layout

# Visible elements with their own text whose computed size is under 18 px (read at arm's length) (the print-only slip aside).
SMALL_TEXT = """() => Array.from(document.querySelectorAll('body *')).filter(el => {
  if (el.closest('[data-slip]') || !el.getClientRects().length) return false;
  const own = Array.from(el.childNodes).some(n => n.nodeType === 3 && n.textContent.trim());
  const style = getComputedStyle(el);
  return own && style.visibility !== 'hidden' && parseFloat(style.fontSize) < 18;
}).slice(0, 8).map(el => el.tagName + '.' + el.className + ' ' + getComputedStyle(el).fontSize + ' '
                   + el.textContent.trim().slice(0, 30))"""
KIOSK_SIZES = {"1920x1080": LANDSCAPE, "1080x1920": PORTRAIT, "1280x800": TABLET}


class KioskWalk:
    """At each screen: axe at every kiosk size, and (in Bahasa Indonesia) a screenshot of each."""

    def __init__(self, page, shot, lang: str):
        self.page, self.shot, self.lang = page, shot, lang
        self.source = axe_source()
        self.found: dict[str, list[str]] = {}

    def check(self, name: str) -> None:
        start = self.page.viewport_size
        for label, size in KIOSK_SIZES.items():
            self.page.set_viewport_size(size)
            problems = violations(self.page, self.source)
            if label == "1280x800":  # the smallest kiosk: nothing a visitor reads under 18 px
                problems += [f"text under 18 px: {t}" for t in self.page.evaluate(SMALL_TEXT)]
            if self.lang == "id":
                self.shot(self.page, f"a11y-kiosk-{name}-{label}", full_page=False)
            if problems:
                self.found[f"{name} {label} {self.lang}"] = problems
        self.page.set_viewport_size(start)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_kiosk_screen_has_no_wcag_violation(app, live_server, browser, shot, login, make_user, lang):
    with app.app_context():
        factories.visit("approved", visitor=factories.visitor(full_name="BUDI SANTOSO", phone="081299990123"))
    page = enrol_page(app, browser, live_server, LANDSCAPE)
    page.goto(f"{live_server}/kiosk/?lang={lang}")
    page.wait_for_selector("body[data-ready]")
    walk = KioskWalk(page, shot, lang)
    walk.check("01-welcome")
    page.click("[data-action=checkin]")
    page.wait_for_selector("section[data-screen=ktp] [data-camera-off]:not([hidden])")
    walk.check("02-ktp-no-camera")
    upload_not_a_photo(page, b"no")
    walk.check("03-ktp-upload-error")
    person = upload_ktp(page)
    walk.check("04-ktp-captured")
    page.click(".k-top [data-action=home]")
    page.wait_for_selector("[data-dialog=start-over][open]")
    walk.check("05-start-over-dialog")
    page.click("[data-dialog=start-over] button[value=cancel]")
    page.click("[data-action=to-who]")
    page.fill("input[name=nik]", "")
    page.fill("input[name=full_name]", "")
    page.click("[data-action=to-from]")
    page.wait_for_selector("section[data-screen=who] [data-error-for=phone]:not(:empty)")
    walk.check("06-who-errors")
    page.fill("input[name=nik]", person.nik)
    page.fill("input[name=full_name]", person.name)
    page.click("input[name=phone]")
    page.wait_for_selector(".k-osk:not([hidden])")
    walk.check("07-who-keyboard")
    page.fill("input[name=phone]", "081234560077")
    page.click(".k-osk [data-key='{hide}']")
    page.click("[data-action=to-from]")
    page.wait_for_selector("section[data-screen=from]:not([hidden])")
    walk.check("08-from")
    page.fill("input[name=institution]", "CV Contoh Sejahtera")
    page.click("label.k-chip:has(input[name=category][value=penyedia])")
    page.click("[data-action=to-what]")
    page.wait_for_selector("section[data-screen=what]:not([hidden])")
    walk.check("09-what")
    page.click("label.k-chip:has(input[name=purpose][value=other])")
    page.fill("input[name=purpose_detail]", "Konsultasi kontrak")
    page.click("label.k-chip:has(input[name=facility][value=verification_desk])")
    page.click("label.k-chip:has(input[name=planned_minutes][value='60'])")
    page.click("[data-action=to-rules]")
    page.wait_for_selector("section[data-screen=rules]:not([hidden])")
    page.click("[data-action=submit]")
    page.wait_for_selector("[data-error-for=signature]:not(:empty)")
    walk.check("10-rules-errors")
    sends_from_the_rules(page)
    walk.check("11-ticket-pending")
    page.click("[data-action=finish]")
    page.wait_for_selector("[data-dialog=leave-pending][open]")
    walk.check("12-leave-pending-dialog")
    page.click("[data-dialog=leave-pending] button[value=cancel]")
    with app.app_context():
        visit_id = db.session.query(Visit).filter_by(status="pending").one().id
    assert staff_decides(app, login, make_user, visit_id, "deny", "Ruang sedang dipakai") == 302
    page.wait_for_selector("[data-status][data-state=denied]", timeout=5000)
    walk.check("13-ticket-refused")
    page.goto(f"{live_server}/kiosk/?lang={lang}")
    page.click("[data-action=find-answer]")
    walk.check("14-find-answer")
    page.goto(f"{live_server}/kiosk/?lang={lang}")
    page.click("[data-action=checkout]")
    page.wait_for_selector("section[data-screen=checkout] [data-camera-off]:not([hidden])")
    walk.check("15-checkout")
    page.click(".k-ticket-form input")  # the on-screen keyboard open, the heading kept in sight
    page.wait_for_selector(".k-osk:not([hidden])")
    walk.check("15b-checkout-keyboard")
    page.click(".k-osk [data-key='{hide}']")
    page.click("[data-action=inside]")
    page.wait_for_selector(".k-name")
    page.click(".k-name")
    walk.check("16-inside-names")
    page.fill("input[name=inside_last4]", "0123")
    page.click("[data-action=inside-confirm]")
    page.wait_for_selector("section[data-screen=checkout-confirm]:not([hidden])")
    walk.check("17-checkout-confirm")
    page.click("[data-action=confirm-checkout]")
    page.wait_for_selector("section[data-screen=checkout-done]:not([hidden])")
    walk.check("18-checkout-done")
    # Issue 14: the satisfaction survey offered on that screen, a question, education, suggestion.
    page.click("[data-action=survey-start]")
    page.wait_for_selector("[data-survey-step][data-key=persyaratan]:not([hidden])")
    walk.check("19-survey-question")
    page.click("[data-survey-step][data-key=persyaratan] [data-score='4']")
    page.wait_for_selector("[data-survey-step][data-key=prosedur]:not([hidden])")
    for _n in range(8):
        page.click("[data-survey-step]:not([hidden]) [data-survey-next]")
    page.wait_for_selector("[data-survey-step][data-education]:not([hidden])")
    walk.check("20-survey-education")
    page.click("[data-survey-step][data-education] [data-survey-next]")
    page.wait_for_selector("[data-survey-step][data-suggestion]:not([hidden])")
    walk.check("21-survey-suggestion")
    page.click("[data-survey-send]")
    page.wait_for_selector("[data-survey-step][data-thanks]:not([hidden])")
    walk.check("22-survey-thanks")
    assert walk.found == {}, "\n".join(f"{k}: {v}" for k, v in walk.found.items())


# On a phone: targets under 24 px (links inside running text excepted, as WCAG 2.5.8 does), and
# buttons (the primary actions) under 44 px.
SMALL_TARGETS = """() => Array.from(document.querySelectorAll(
    'a[href], button, summary, input:not([type=hidden]), select, textarea'))
  .filter(e => e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden')
  .filter(e => !(e.tagName === 'A' && getComputedStyle(e).display === 'inline'))
  .map(e => [e, e.getBoundingClientRect()])
  .filter(([e, r]) => r.width > 0 && (r.width < 24 || r.height < 24
          || ((e.matches('.button, button[type=submit]')) && r.height < 44)))
  .map(([e, r]) => `${e.tagName} "${(e.textContent || e.name || '').trim().slice(0, 24)}" ${Math.round(r.width)}x${Math.round(r.height)}`)"""


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_every_staff_page_has_no_wcag_violation(app, live_server, browser, make_user, shot, size):
    source = axe_source()
    desk_id = make_user("rina", "helpdesk", name="Rina Helpdesk")
    boss_id = make_user("bambang", "kasubag", name="Bambang Wijaya")
    make_user("sinta", "admin", name="Sinta Admin")
    ids = busy_day(app, desk_id, boss_id)
    with app.app_context():
        remote_id = db.session.query(factories.RemoteAccessRequest).first().id
        out_id = db.session.query(Visit).filter_by(status="checked_out").first().id  # for the SKM hand-over
    errors: list[str] = []
    viewport = SIZES[size]
    anonymous = browser.new_context(viewport=viewport).new_page()
    boss = staff_page(browser, live_server, "bambang", viewport, errors)
    desk = staff_page(browser, live_server, "rina", viewport, errors)
    admin = staff_page(browser, live_server, "sinta", viewport, errors)
    pages = [(anonymous, "/admin/login"),
             (boss, "/admin/queue"), (boss, f"/admin/visits/{ids['pending']}"),
             (desk, "/admin/board"), (desk, f"/admin/visits/{ids['inside']}"), (desk, "/admin/visits"),
             (desk, "/admin/evacuation"), (desk, "/admin/reports/"), (desk, "/admin/reports/guestbook"),
             (desk, "/admin/reports/statistics"), (desk, "/admin/reports/visits"),
             (desk, "/admin/reports/skm"), (desk, f"/admin/visits/{out_id}/survey"), (admin, "/admin/settings/skm"),
             (admin, "/admin/"), (admin, "/admin/remote/"), (admin, "/admin/remote/new"),
             (admin, f"/admin/remote/{remote_id}"), (admin, "/admin/remote/digest"), (admin, "/admin/remote/form"),
             (admin, "/admin/settings/"), (admin, "/admin/settings/users"), (admin, "/admin/settings/users/new"),
             (admin, "/admin/settings/delegations"), (admin, "/admin/settings/office"),
             (admin, "/admin/settings/facilities"), (admin, "/admin/settings/purposes"),
             (admin, "/admin/settings/access-rights"), (admin, "/admin/kiosks")]
    found: dict[str, list[str]] = {}
    for page in {p for p, _path in pages}:
        page.emulate_media(reduced_motion="reduce")  # measure what settles, not a card sliding in
    for lang in ("id", "en"):
        for page, path in pages:
            page.goto(f"{live_server}{path}?lang={lang}")
            if page.locator("[data-live-state]").count():
                page.wait_for_selector("[data-live-state].on")
            problems = violations(page, source)
            if size == "phone":
                problems += [f"target too small: {t}" for t in page.evaluate(SMALL_TARGETS)]
            if problems:
                found[f"{path} {lang}"] = problems
    close_pages(anonymous, boss, desk, admin)
    assert found == {}, "\n".join(f"{k}: {v}" for k, v in found.items())
