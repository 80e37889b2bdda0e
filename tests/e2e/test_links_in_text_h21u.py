"""h21u: a link inside running text on the Kasubag's phone (360x640) and on the kiosk is a finger's
height, at least 44 px, and the text lays out exactly as it would around a plain link: no line grows
taller for it, and a long one wraps with the words around it instead of running off the screen."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from tests import factories
from tests.kiosk.e2e_support import PORTRAIT, TABLET, enrol_page

from .axe import axe_source, violations
from .settle import settled
from .test_staff_flow import close_pages
from .test_staff_phone_stranger import SIDEWAYS, _phone

PHONE = {"width": 360, "height": 640}
LONG_NAME = "RADEN MAS BAGUS HADININGRAT KUSUMAWARDHANA PUTRA SEJATI WIBOWO SANTOSO"

# Links with words of their own text beside them in the same element: running text. For each, its line
# boxes (one per line it spans) and its text's height, with the page's own style and with the link made
# a plain inline link; returned: what is short of 44 px, and what changed the text's layout.
IN_TEXT = """() => {
  const inText = Array.from(document.querySelectorAll('body a')).filter((a) => a.getClientRects().length
    && Array.from(a.parentElement.childNodes).some((n) => n.nodeType === 3 && n.textContent.replace(/[\\s·]/g, '')));
  const short = [], moved = [];
  for (const a of inText) {
    const rects = Array.from(a.getClientRects());
    if (rects.some((r) => r.height < 44)) short.push(`${a.innerText.slice(0, 30)}: ${rects.map((r) => Math.round(r.height))}`);
    // the text's layout: the parent's height, and the words' lines (a word's left and top on the screen)
    const layout = () => { const range = document.createRange(); range.selectNodeContents(a.parentElement);
      return [Math.round(a.parentElement.getBoundingClientRect().height),
              Array.from(range.getClientRects()).map((r) => `${Math.round(r.left)},${Math.round(r.top)}`).join(' ')]; };
    const before = layout();
    const saved = a.getAttribute('style');
    a.setAttribute('style', 'display:inline;padding:0;margin:0;min-height:0;min-width:0;line-height:inherit;vertical-align:baseline');
    const plain = layout();
    if (saved === null) a.removeAttribute('style'); else a.setAttribute('style', saved);
    if (before[0] !== plain[0] || before[1] !== plain[1]) moved.push(`${a.innerText.slice(0, 30)}: ${before} / plain ${plain}`);
  }
  return {count: inText.length, short, moved};
}"""


def test_links_in_running_text_on_the_phone_are_a_fingers_height_and_keep_the_text_as_it_was(
        app, live_server, browser, make_user):
    make_user("siti", "kasubag", name="Siti Kasubag")
    now = datetime.now(timezone.utc)
    with app.app_context():
        visit_id = factories.visit("pending", submitted_at=now, ktp_checked_at=now).id
        waiting = factories.visit("pending", submitted_at=now - timedelta(minutes=2),
                                  visitor=factories.visitor(full_name=LONG_NAME, nik="3373024107900201")).id
        for i, name in enumerate([LONG_NAME, "BUDI SANTOSO"]):
            factories.visit("reported", visitor=factories.visitor(full_name=name, nik=f"33730241079003{i:02d}"),
                            submitted_at=now - timedelta(hours=2), decided_at=now - timedelta(hours=2),
                            checked_out_at=now - timedelta(minutes=30), reported_at=now - timedelta(minutes=10))
    page = _phone(browser, live_server, "siti")
    page.set_viewport_size(PHONE)
    seen = 0
    for path in ("/admin/queue", f"/admin/visits/{visit_id}", f"/admin/visits/{waiting}", "/admin/board"):
        page.goto(live_server + path)
        settled(page)
        found = page.evaluate(IN_TEXT)
        assert found["short"] == [], path
        assert found["moved"] == [], path
        assert page.evaluate(SIDEWAYS) <= 0, path
        seen += found["count"]
    assert seen, "the pages have links in running text to check"
    page.goto(live_server + "/admin/queue")
    # a name longer than the line wraps with the words around it, as text does: its lines are the
    # text's lines (as a box of its own it took the line's whole width, " · Meja verifikasi" below it)
    name = page.locator("[data-part=reports] a", has_text="RADEN MAS")
    lines = name.evaluate("(a) => Array.from(a.getClientRects()).map((r) => Math.round(r.height))")
    assert len(lines) > 1 and min(lines) >= 44, lines
    tail = name.evaluate("(a) => { const r = document.createRange(); r.setStartAfter(a); r.setEnd(a.parentElement, a.parentElement.childNodes.length);"
                         " const t = r.getClientRects()[0], l = Array.from(a.getClientRects()).pop();"
                         " return [t.top + t.height / 2, t.left, l.top, l.bottom]; }")
    assert tail[2] <= tail[0] <= tail[3], "the words after the name go on on its last line"
    page.locator("[data-part=reports]").scroll_into_view_if_needed()
    page.screenshot(path="/tmp/h21u/5-links-in-text-queue-360x640.png")
    assert violations(page, axe_source()) == []
    close_pages(page)


def test_links_in_running_text_on_the_kiosk_are_a_fingers_height(app, live_server, browser):
    for size in (TABLET, PORTRAIT):
        page = enrol_page(app, browser, live_server, size)
        page.wait_for_selector("body[data-ready]")
        found = page.evaluate(IN_TEXT)
        assert found["short"] == [] and found["moved"] == []
