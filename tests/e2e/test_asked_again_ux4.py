"""ux3's leftovers as a stranger meets them in the browser: a report period typed wrong on a phone, a
delegation the rules refuse, and the Kasubag changing the end of an approval on a 360 px phone. The
same form comes back with the message beside the field, the cursor in it, in sight, nothing lost, no
sideways scroll; axe finds nothing on each."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from lpsedesk.clock import wib_today
from lpsedesk.extensions import db
from lpsedesk.models import RemoteAccessRequest
from tests import factories
from tests.conftest import TEST_PASSWORD

from .axe import axe_source, violations
from .test_staff_flow import staff_page

PHONE = {"width": 360, "height": 740}
DESK = {"width": 1366, "height": 768}
SIDEWAYS = "document.documentElement.scrollWidth - document.documentElement.clientWidth"
# the field the cursor is in, the message said for it (in its label, its fieldset, or pointed at)
FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || !el.name) return null;
  const holder = el.closest('label');
  const set = el.closest('fieldset');
  const described = (el.getAttribute('aria-describedby') || '').split(' ').map(id => document.getElementById(id));
  const error = (holder && holder.querySelector('.error')) || (set && set.querySelector('.error'))
    || described.find(e => e && e.classList.contains('error'));
  if (!error) return {name: el.name, text: null};
  const box = error.getBoundingClientRect(), field = el.getBoundingClientRect();
  return {name: el.name, id: el.id, text: error.textContent.trim(), value: el.value,
          on_screen: box.top >= 0 && box.bottom <= innerHeight && field.top >= 0 && field.bottom <= innerHeight};
}"""


def test_a_report_period_typed_wrong_on_a_phone_comes_back_beside_the_day(app, live_server, browser, make_user, shot):
    make_user("sinta", "admin", name="Sinta Admin")
    page = staff_page(browser, live_server, "sinta", PHONE, [])
    page.goto(f"{live_server}/admin/reports/guestbook")
    page.fill("input[name=from]", "31/02/2026")
    page.fill("input[name=to]", "05/03/2026")
    page.click("form.report-period button[type=submit]")
    page.wait_for_load_state()
    problem = page.evaluate(FOCUSED)
    assert problem["name"] == "from" and problem["value"] == "31/02/2026" and problem["on_screen"], problem
    assert "Tanggal itu tidak ada" in problem["text"]
    assert page.input_value("input[name=to]") == "05/03/2026" and page.evaluate(SIDEWAYS) <= 0
    shot(page, "ux4-report-period-wrong-phone", full_page=False)
    assert violations(page, axe_source()) == []
    today = wib_today().strftime("%d/%m/%Y")
    page.fill("input[name=from]", today)
    page.fill("input[name=to]", today)
    page.click("form.report-period button[type=submit]")
    page.wait_for_load_state()
    assert page.locator("table.guestbook").count() == 1 and page.locator("main .error").count() == 0


def test_a_delegation_ending_in_the_past_puts_the_cursor_at_the_days(app, live_server, browser, make_user, shot):
    make_user("sinta", "admin", name="Sinta Admin")
    make_user("bambang", "kasubag", name="Bambang Kasubag")
    make_user("rina", "helpdesk", name="Rina Helpdesk")
    page = staff_page(browser, live_server, "sinta", DESK, [])
    page.goto(f"{live_server}/admin/settings/delegations")
    page.select_option("select[name=principal]", label="Bambang Kasubag")
    page.select_option("select[name=delegate]", label="Rina Helpdesk (rina)")
    past = wib_today() - timedelta(days=3)
    page.fill("input[name=starts_on]", (past - timedelta(days=1)).strftime("%d/%m/%Y"))
    page.fill("input[name=ends_on]", past.strftime("%d/%m/%Y"))
    page.click("form:has(input[name=starts_on]) button[type=submit]")
    page.wait_for_load_state()
    problem = page.evaluate(FOCUSED)
    assert problem["name"] == "ends_on" and problem["on_screen"], problem  # ux5: the last day, not the first
    assert problem["text"].startswith(f"Tanggal berakhir, {past:%d/%m/%Y}, sudah lewat.")
    assert page.locator("main .flash-error").count() == 0  # not listed at the top of the form
    assert page.input_value("input[name=ends_on]") == past.strftime("%d/%m/%Y")
    shot(page, "ux4-delegation-in-the-past-desk", full_page=False)
    assert violations(page, axe_source()) == []


def test_the_kasubag_changes_the_end_of_access_as_a_day_and_a_time_on_the_number_pad(
        app, live_server, browser, make_user, shot):
    admin = make_user("sinta", "admin", name="Sinta Admin")
    make_user("bambang", "kasubag", name="Bambang Wijaya")
    with app.app_context():
        rid = factories.remote_request(recorded_by_id=admin).id
    page = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True).new_page()
    page.goto(f"{live_server}/admin/login")
    page.fill("input[name=username]", "bambang")
    page.fill("input[name=password]", TEST_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server}/admin/")
    page.goto(f"{live_server}/admin/remote/{rid}")
    day, clock = page.locator("#approved_until"), page.locator("#approved_until-clock")
    for part in (day, clock):
        assert part.get_attribute("inputmode") == "numeric" and part.get_attribute("type") == "text"
    # side by side on the phone, each a thumb high, the pre-filled value wholly visible
    day_box, clock_box = day.bounding_box(), clock.bounding_box()
    assert abs(day_box["y"] - clock_box["y"]) < 2 and day_box["height"] >= 44 and clock_box["height"] >= 44
    for part in (day, clock):
        assert part.evaluate("e => e.scrollWidth <= e.clientWidth"), part.input_value()
    assert page.evaluate(SIDEWAYS) <= 0
    day.scroll_into_view_if_needed()
    shot(page, "ux4-remote-end-apart-phone", full_page=False)
    assert violations(page, axe_source()) == []

    day.fill("")
    clock.fill("5 sore")
    page.click("button[value=approve]")
    page.wait_for_load_state()
    problem = page.evaluate(FOCUSED)
    assert problem["id"] == "approved_until" and problem["text"].startswith("Isi juga tanggalnya") and problem["on_screen"]
    assert page.input_value("#approved_until-clock") == "5 sore"
    assert "Tulis jam sebagai jj:mm" in page.inner_text("label.moment-clock")
    assert page.locator("main .flash-error").count() == 0  # not "choose approve or refuse"
    shot(page, "ux4-remote-end-apart-wrong-phone", full_page=False)
    assert violations(page, axe_source()) == []

    tomorrow = datetime.now(timezone.utc) + timedelta(days=1)
    day.fill(tomorrow.strftime("%d%m%Y"))  # digits alone, as an iPhone's number pad types them
    clock.fill("1700")
    page.click("button[value=approve]")
    page.wait_for_load_state()
    assert "Disetujui: " in page.inner_text("main")
    with app.app_context():
        req = db.session.get(RemoteAccessRequest, rid)
        assert req.status == "approved"
        assert req.approved_until.astimezone(timezone.utc).strftime("%H:%M") == "10:00"  # 17:00 WIB


def test_note_or_incident_are_circles_one_can_see_and_hit_at_the_helpdesk_desk(app, live_server, browser, make_user, shot):
    # a phone already had 24 px circles (staff.css, ux1); the desk's were the browser's 13 px
    make_user("rina", "helpdesk", name="Rina Helpdesk")
    with app.app_context():
        now = datetime.now(timezone.utc)
        vid = factories.visit("approved", decided_at=now - timedelta(minutes=20),
                              approved_until=now + timedelta(minutes=40)).id
    page = staff_page(browser, live_server, "rina", DESK, [])
    page.goto(f"{live_server}/admin/visits/{vid}")
    radios = page.locator("input[name=kind]")
    assert radios.count() == 2
    for i in range(2):
        circle = radios.nth(i).bounding_box()
        label = page.locator("label.radio").nth(i).bounding_box()
        assert circle["width"] >= 20 and circle["height"] >= 20, circle  # was 13 px
        assert label["height"] >= 44 and label["width"] >= 44, label
    page.locator("label.radio", has_text="Kejadian").scroll_into_view_if_needed()
    page.locator("label.radio", has_text="Kejadian").click()
    assert page.is_checked("input[value=incident]") and page.evaluate(SIDEWAYS) <= 0
    shot(page, "ux4-note-kind-desk", full_page=False)
    assert violations(page, axe_source()) == []


def test_the_letter_is_chosen_with_a_button_in_the_pages_language(app, live_server, browser, make_user, shot):
    make_user("sinta", "admin", name="Sinta Admin")
    page = staff_page(browser, live_server, "sinta", PHONE, [])
    page.goto(f"{live_server}/admin/remote/new")
    button = page.locator("label.file-pick .file-pick-button")
    assert button.inner_text() == "Pilih berkas" and button.bounding_box()["height"] >= 44
    native = page.locator("input[name=letter]")
    assert native.evaluate("e => getComputedStyle(e).opacity") == "0"  # the browser's "Choose File" is not shown
    assert native.bounding_box() == button.bounding_box()  # it lies over our button: a tap there is a tap on it
    assert page.inner_text("label.file-pick [data-file-name]") == "Belum ada berkas yang dipilih"
    # A tap where the button is drawn lands on the browser's field: the topmost element there is
    # the field. Playwright's own click then taps that spot once it is on screen and still (a bare
    # mouse click at a measured spot raced the page's layout: at 740 px the button sits at the
    # screen's lower edge, and on CI the click reached nothing).
    button.scroll_into_view_if_needed()
    box = button.bounding_box()
    top = page.evaluate("([x, y]) => document.elementFromPoint(x, y).name",
                        [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2])
    assert top == "letter"
    with page.expect_file_chooser() as chooser:
        native.click()
    chooser.value.set_files(files=[{"name": "surat-permohonan.pdf", "mimeType": "application/pdf",
                                    "buffer": b"%PDF-1.4\n%%EOF\n"}])
    assert page.inner_text("label.file-pick [data-file-name]") == "surat-permohonan.pdf"
    page.locator("input[name=letter]").focus()
    assert button.evaluate("e => getComputedStyle(e).outlineStyle") != "none"  # the keyboard sees where it is
    assert page.evaluate(SIDEWAYS) <= 0
    button.scroll_into_view_if_needed()
    shot(page, "ux4-letter-file-phone", full_page=False)
    assert violations(page, axe_source()) == []


def test_the_skm_period_on_a_phone_reads_whole_and_a_wrong_day_comes_back_beside_it(
        app, live_server, browser, make_user, shot):
    make_user("bambang", "kasubag", name="Bambang Wijaya")
    page = staff_page(browser, live_server, "bambang", PHONE, [])
    page.goto(f"{live_server}/admin/reports/skm")
    page.select_option("select[name=kind]", "range")
    kind = page.locator("select[name=kind]")
    # the chosen words fit their box ("Rentang tanggal", not "Rentang tangg")
    assert kind.evaluate("""e => { const c = document.createElement('canvas').getContext('2d');
        const s = getComputedStyle(e); c.font = s.font;
        return c.measureText(e.options[e.selectedIndex].text).width + 40 <= e.clientWidth; }""")
    page.fill("input[name=from]", "31/02/2026")
    page.fill("input[name=to]", "01/03/2026")
    page.click("form.skm-period button[type=submit]")
    page.wait_for_load_state()
    problem = page.evaluate(FOCUSED)
    assert problem["name"] == "from" and "Tanggal itu tidak ada" in problem["text"] and problem["on_screen"], problem
    assert page.input_value("select[name=kind]") == "range" and not page.is_visible("input[name=year]")
    assert page.evaluate(SIDEWAYS) <= 0
    shot(page, "ux4-skm-period-wrong-phone", full_page=False)
    assert violations(page, axe_source()) == []
