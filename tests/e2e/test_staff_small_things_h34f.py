"""h34f: small things a stranger on the staff screens trips on, at the desk (1366x768) and on the
Kasubag's or Admin's phone (360x640), in Bahasa Indonesia and in English.

- An access right's checkbox is 24 px in a 44 px row: a thumb that lands on the row's words or beside
  them, not on the box, must still tick it (WCAG 2.5.8, the label is the target).
- The register of remote-access letters on a phone: no line of a row begins with a "·" left over from
  a part before it that is empty or that the line broke after.
- The Admin's home: the card counting visits waiting for the Kasubag names visits (beside the letters').
- The watch list's edit form shows its last day as dd/mm/yyyy, as every other day field does.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from lpsedesk.extensions import db
from lpsedesk.models import WatchEntry
from tests import factories

from .axe import axe_source, violations
from .test_admin_remote_stranger_h34a import LANGS, PHONE, SIDEWAYS, VIEWPORTS, _login
from .test_staff_flow import close_pages

# every "·" in an element that begins a line (its left edge at the left of its block's first line box,
# or nothing but spaces before it on the line), and every "·" followed by another with only spaces between
STRAY_DOTS = """(root) => { const found = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const blockLeft = (node) => { let el = node.parentElement;
    while (el && getComputedStyle(el).display.startsWith('inline')) el = el.parentElement;
    const r = el.getBoundingClientRect(), cs = getComputedStyle(el);
    return r.left + parseFloat(cs.paddingLeft) + parseFloat(cs.borderLeftWidth); };
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent;
    for (let i = text.indexOf('\\u00b7'); i >= 0; i = text.indexOf('\\u00b7', i + 1)) {
      const range = document.createRange(); range.setStart(node, i); range.setEnd(node, i + 1);
      const rect = range.getBoundingClientRect();
      if (rect.width === 0) continue;
      if (rect.left <= blockLeft(node) + 2) found.push('line starts with it: ' + node.parentElement.innerText);
    }
  }
  const said = root.innerText;
  if (/\\u00b7[\\s\\u00a0]*\\u00b7/.test(said)) found.push('two in a row: ' + said);
  return found; }"""


@LANGS
@VIEWPORTS
def test_a_tap_anywhere_on_an_access_rights_row_ticks_its_box(app, live_server, browser, make_user, shot,
                                                               viewport, lang):
    make_user("sinta", "admin", name="Sinta Admin")
    page = _login(browser, live_server, "sinta", viewport)
    page.goto(f"{live_server}/admin/remote/new?lang={lang}")
    page.wait_for_load_state()
    rows = page.locator("fieldset.rights label.check")
    assert rows.count() >= 2, page.inner_text("main")
    page.locator("fieldset.rights").scroll_into_view_if_needed()
    shot(page, f"h34f-rights-{viewport['width']}-{lang}", full_page=False)
    fieldset = page.locator("fieldset.rights").bounding_box()
    for i in range(rows.count()):
        row, box = rows.nth(i), rows.nth(i).locator("input[type=checkbox]")
        row.scroll_into_view_if_needed()
        area, tick = row.bounding_box(), box.bounding_box()
        assert area["height"] >= 44, f"row {i} is {area['height']} px high"
        # the row reaches across the list, so its right half lies beside the words, away from the box
        assert area["x"] + area["width"] >= fieldset["x"] + fieldset["width"] * 0.8, f"row {i}: {area} in {fieldset}"
        before = box.is_checked()
        x, y = area["x"] + area["width"] * 0.75, area["y"] + area["height"] / 2
        assert x > tick["x"] + tick["width"] + 40
        if viewport is PHONE:
            page.touchscreen.tap(x, y)
        else:
            page.mouse.click(x, y)
        assert box.is_checked() is not before, f"row {i}: a tap at its right half did not tick the box"
        # and a tap at the row's top edge, above the box, still lands on the row
        tap_y = area["y"] + 3
        if viewport is PHONE:
            page.touchscreen.tap(area["x"] + area["width"] * 0.6, tap_y)
        else:
            page.mouse.click(area["x"] + area["width"] * 0.6, tap_y)
        assert box.is_checked() is before, f"row {i}: a tap at the row's top edge missed it"
    assert page.evaluate(SIDEWAYS) <= 0
    assert violations(page, axe_source()) == []
    close_pages(page)


@LANGS
@VIEWPORTS
def test_no_line_of_the_register_begins_with_a_separator(app, live_server, browser, make_user, shot, viewport, lang):
    admin_id = make_user("sinta", "admin", name="Sinta Admin")
    now = datetime.now(timezone.utc)
    with app.app_context():
        # a long name the line breaks after, and an old letter recorded before its number was required
        factories.remote_request("received", recorded_by_id=admin_id, recorded_at=now,
                                 requester_name="Raden Mas Bagus Prasetyo Wicaksono Adiningrat",
                                 instansi="PT Sistem Informasi Pengadaan Elektronik Nusantara Terpadu")
        factories.remote_request("received", recorded_by_id=admin_id, recorded_at=now - timedelta(minutes=5),
                                 requester_name="Teknisi Tanpa Nomor", letter_number="", instansi="CV Data Ringkas")
        factories.remote_request("active", recorded_by_id=admin_id, recorded_at=now - timedelta(minutes=9),
                                 requester_name="Teknisi Aktif", username="", rights_granted="Hanya baca",
                                 granted_at=now, approved_until=now + timedelta(days=1))
    page = _login(browser, live_server, "sinta", viewport)
    page.goto(f"{live_server}/admin/remote?status=all&lang={lang}")
    page.wait_for_load_state()
    shot(page, f"h34f-register-{viewport['width']}-{lang}", full_page=True)
    rows = page.locator("article.remote-row")
    assert rows.count() == 3
    for i in range(3):
        stray = rows.nth(i).evaluate(STRAY_DOTS)
        assert stray == [], f"row {i}: {stray}"
    assert page.evaluate(SIDEWAYS) <= 0
    assert violations(page, axe_source()) == []
    close_pages(page)


@LANGS
@VIEWPORTS
def test_the_admins_home_card_says_it_counts_visits(app, live_server, browser, make_user, shot, viewport, lang):
    make_user("sinta", "admin", name="Sinta Admin")
    page = _login(browser, live_server, "sinta", viewport)
    page.goto(f"{live_server}/admin/?lang={lang}")
    page.wait_for_load_state()
    shot(page, f"h34f-home-{viewport['width']}-{lang}", full_page=False)
    card = page.locator(".board .card.stat", has_text="Kunjungan menunggu keputusan" if lang == "id"
                        else "Visits waiting for a decision")
    assert card.count() == 1, page.inner_text("main")
    box = card.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"] and box["height"] >= 44
    assert page.evaluate(SIDEWAYS) <= 0
    assert violations(page, axe_source()) == []
    close_pages(page)


@LANGS
@VIEWPORTS
def test_the_watch_list_edit_form_shows_its_last_day_as_the_other_day_fields_do(app, live_server, browser, make_user,
                                                                               shot, viewport, lang):
    make_user("sinta", "admin", name="Sinta Admin")
    with app.app_context():
        entry = WatchEntry(nik="3373024107900001", reason="Penyedia dalam sanksi daftar hitam",
                           expires_on=date(2030, 12, 31))
        db.session.add(entry)
        db.session.commit()
        entry_id = entry.id
    page = _login(browser, live_server, "sinta", viewport)
    page.goto(f"{live_server}/admin/watchlist/?lang={lang}")
    page.wait_for_load_state()
    form = page.locator(f"form[action$='/admin/watchlist/{entry_id}']")
    form.locator("xpath=ancestor::details/summary").click()
    field = form.locator("input[name=expires_on]")
    field.scroll_into_view_if_needed()
    shot(page, f"h34f-watchlist-edit-{viewport['width']}-{lang}", full_page=False)
    assert field.input_value() == "31/12/2030"
    assert field.get_attribute("placeholder") in ("hh/bb/tttt", "dd/mm/yyyy")
    assert page.evaluate(SIDEWAYS) <= 0
    assert violations(page, axe_source()) == []
    close_pages(page)
