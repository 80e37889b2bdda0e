"""h30p: the last rough edges of the staff screens on a phone (360x640, and a 412x915 one).

- A register read on a phone (SOP 2: a request's record, the Formulir; the Admin's daily digest) never
  slides sideways, neither the page nor a table inside its card: a request's record slid ~40 px in its
  card, the Formulir ~360 px, the digest's tables up to ~170 px, with nothing saying there was more to
  the right. Each row reads as its columns' names beside their values.
- A date field's hint says the digits-only form too: an iPhone's number pad (the fields open it) has
  no "/" and no ":", and the fields read 25122026, 1430 and 112026 (h29d).
- The Kasubag opening a letter to decide (SOP 2) sees nothing under the decision's sticky bar: it
  covered the second line of the end date's hint.
"""
from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

import pytest

from tests import factories

from .settle import settled
from .test_staff_flow import close_pages
from .test_staff_phone_360x640_h25u import _looked_at
from .test_staff_phone_stranger import _phone

SMALL = {"width": 360, "height": 640}
TALL = {"width": 412, "height": 915}

# the page's sideways scroll, and every table on it that is wider than the screen or slides inside a
# box of its own (a card, the printed document's frame)
SLIDES = """() => {
  const out = {page: document.scrollingElement.scrollWidth - innerWidth, tables: []};
  for (const table of document.querySelectorAll('main table')) {
    if (!table.getClientRects().length) continue;
    const r = table.getBoundingClientRect();
    let box = table.parentElement, sliding = null;
    for (; box && box !== document.body; box = box.parentElement)
      if (box.scrollWidth > box.clientWidth + 1) { sliding = (box.id || box.className || box.tagName); break; }
    if (r.right > innerWidth + 0.5 || r.left < -0.5 || sliding)
      out.tables.push({table: table.querySelector('th')?.innerText, right: Math.round(r.right), sliding});
  }
  return out;
}"""

# each shown value cell of a table and the name of its column as the reader sees it beside the value
CELLS_NAMED = """sel => [...document.querySelectorAll(sel + ' tbody td')].filter(td => td.getClientRects().length
  && !td.hasAttribute('colspan')).map(td => ({named: getComputedStyle(td, '::before').content, text: td.innerText}))"""


def _column_name(content: str) -> str:
    """The text a cell's ::before shows (its computed `content`: "Nama", or "Nama" / "" with its
    alternative text for screen readers, which read the column's header instead)."""
    found = re.match(r'\s*"([^"]+)"', content)
    return found.group(1) if found else ""


def _registers(app, admin_id: int) -> dict[str, int]:
    """A closed account, one still open past its end, one waiting for the Kasubag: every digest list and
    the Formulir have rows, with a long institution's and a long account's name."""
    now = datetime.now(timezone.utc)
    long_place = "PT Contoh Teknologi Nusantara Sejahtera"
    with app.app_context():
        closed = factories.remote_request(
            "closed", recorded_by_id=admin_id, requester_name="Teknisi Uji Coba", instansi=long_place,
            username="teknisi.uji", rights_granted="Hanya baca", period_start=now - timedelta(days=1),
            period_end=now + timedelta(days=1), decided_at=now - timedelta(hours=20),
            approved_until=now + timedelta(days=1), granted_at=now - timedelta(hours=10),
            closed_at=now - timedelta(hours=1)).id
        factories.remote_request(
            "active", recorded_by_id=admin_id, requester_name="Andi Pratama", instansi=long_place,
            username="andi.pratama.vendor01", rights_granted="Hanya baca", period_start=now - timedelta(days=3),
            period_end=now - timedelta(days=1), decided_at=now - timedelta(days=3),
            approved_until=now - timedelta(days=1), granted_at=now - timedelta(days=3))
        waiting = factories.remote_request("received", recorded_by_id=admin_id, requester_name="Budi Santoso",
                                           instansi=long_place, recorded_at=now - timedelta(minutes=30)).id
    return {"closed": closed, "waiting": waiting}


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("viewport", [SMALL, TALL], ids=["360x640", "412x915"])
def test_a_register_on_a_phone_reads_as_rows_without_sliding_sideways(app, live_server, browser, make_user, shot,
                                                                      lang, viewport):
    admin_id = make_user("sinta", "admin", name="Sinta Admin")
    ids = _registers(app, admin_id)
    admin = _phone(browser, live_server, "sinta", viewport)
    pages = ((f"/admin/remote/{ids['closed']}/print", "the request's record"), ("/admin/remote/form", "the Formulir"),
             ("/admin/remote/digest", "the daily digest"))
    for path, name in pages:
        admin.goto(f"{live_server}{path}?lang={lang}")
        admin.wait_for_load_state()
        seen = admin.evaluate(SLIDES)
        assert seen["page"] <= 0, f"{name} scrolls {seen['page']} px sideways"
        assert not seen["tables"], f"{name}: tables wider than the screen or sliding in their box: {seen['tables']}"
        cells = admin.evaluate(CELLS_NAMED, "main")
        assert cells, f"{name}: no table rows"
        unnamed = [c["text"] for c in cells if not _column_name(c["named"])]
        assert not unnamed, f"{name}: values shown without their column's name: {unnamed}"
        _looked_at(admin, name)
        shot(admin, f"h30p-{name.split()[-1].strip('.')}-{viewport['width']}-{lang}")
    # the Formulir's row names its columns as the form does, and says there is nothing to slide to
    admin.goto(f"{live_server}/admin/remote/form?lang={lang}")
    row = admin.locator("main table tbody tr", has_text="teknisi.uji")
    heads = admin.locator("main table thead th").all_inner_texts()
    named = [_column_name(c["named"]) for c in admin.evaluate(CELLS_NAMED, "main") if c["text"] == "teknisi.uji"]
    assert named and named[0] in heads, (named, heads)
    assert row.bounding_box()["width"] <= viewport["width"]
    assert not admin.locator("main :text-matches('slide|geser', 'i')").count(), "a hint to slide that has nothing to slide"
    close_pages(admin)


# every shown typed-date field and the hints that go with it (its label's, or its two-part fieldset's)
DATE_HINTS = """() => [...document.querySelectorAll('main input.typed-time')].filter(el => el.getClientRects().length)
  .map(el => { const group = el.closest('fieldset.moment-apart') || el.closest('label');
    const described = (el.getAttribute('aria-describedby') || '').split(' ').filter(Boolean)
      .map(id => document.getElementById(id)?.innerText || '');
    return {name: el.name, hint: [...group.querySelectorAll('.hint')].map(h => h.innerText).concat(described).join(' ')}; })"""

DIGITS_ALONE = re.compile(r"(?<![\d/:.])\d{6,12}(?![\d/:.])")  # 25122026, 112026, 251220261430


def _hints_name_the_digits_form(page, where: str) -> None:
    fields = page.evaluate(DATE_HINTS)
    assert fields, f"{where}: no date field"
    silent = [f for f in fields if not DIGITS_ALONE.search(f["hint"])]
    assert not silent, f"{where}: date hints that show only the '/' and ':' form: {silent}"


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_date_hint_on_the_sop2_pages_shows_the_digits_alone_form(app, live_server, browser, make_user, lang):
    admin_id = make_user("sinta", "admin", name="Sinta Admin")
    make_user("bambang", "kasubag", name="Bambang Wijaya")
    ids = _registers(app, admin_id)
    now = datetime.now(timezone.utc)
    with app.app_context():
        approved = factories.remote_request("approved", recorded_by_id=admin_id, requester_name="Citra",
                                            period_start=now, period_end=now + timedelta(days=2),
                                            decided_at=now, approved_until=now + timedelta(days=2)).id
    admin = _phone(browser, live_server, "sinta", SMALL)
    boss = _phone(browser, live_server, "bambang", SMALL)
    for page, path, name in (
            (admin, "/admin/remote/new", "the request letter's form"),
            (boss, f"/admin/remote/{ids['waiting']}", "the Kasubag's decision"),
            (admin, f"/admin/remote/{approved}", "the account's form"),
            (admin, "/admin/remote/form?kind=month", "the Formulir's month")):
        page.goto(f"{live_server}{path}{'&' if '?' in path else '?'}lang={lang}")
        page.wait_for_load_state()
        _hints_name_the_digits_form(page, name)
    admin.select_option("#period-kind", "range")  # the Formulir's two days in place of its month
    _hints_name_the_digits_form(admin, "the Formulir's date range")
    close_pages(admin, boss)


# what lies under the decision's sticky bar: every shown piece of the decision before the bar (facts,
# the end date's label, boxes and hints) that is on the screen and overlaps the bar's box
UNDER_THE_BAR = """() => {
  const bar = document.querySelector('#next-step .approve-bar');
  const b = bar.getBoundingClientRect();
  const parts = [...document.querySelectorAll('#next-step form :is(dt, dd, legend, label, input:not([type=hidden]), .hint, .error)')]
    .filter(el => el.getClientRects().length && !bar.contains(el)
            && (el.compareDocumentPosition(bar) & Node.DOCUMENT_POSITION_FOLLOWING));
  return {bar: [Math.round(b.top), Math.round(b.bottom)], covered: parts.map(el => { const r = el.getBoundingClientRect();
      return {what: (el.innerText || el.name || el.tagName).trim().slice(0, 50), top: Math.round(r.top), bottom: Math.round(r.bottom)}; })
    .filter(p => p.top < innerHeight && p.bottom > b.top + 0.5 && p.top < b.bottom)};
}"""


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("viewport", [SMALL, TALL], ids=["360x640", "412x915"])
def test_the_kasubag_opening_a_letter_on_a_phone_sees_nothing_under_the_sticky_bar(
        app, live_server, browser, make_user, shot, lang, viewport):
    make_user("bambang", "kasubag", name="Bambang Wijaya")
    with app.app_context():
        letter = factories.remote_request().id
    boss = _phone(browser, live_server, "bambang", viewport)
    boss.goto(f"{live_server}/admin/remote/{letter}?lang={lang}")
    boss.wait_for_load_state()
    settled(boss)
    seen = boss.evaluate(UNDER_THE_BAR)
    shot(boss, f"h30p-letter-opened-{viewport['width']}-{lang}", full_page=False)
    assert not seen["covered"], f"under the bar {seen['bar']} as the letter opens: {seen['covered']}"
    assert boss.get_by_role("button", name="Setujui" if lang == "id" else "Approve", exact=True).is_visible()
    assert boss.locator("#next-step .decide-context dd").first.bounding_box()["y"] >= 0, "who asks is off the screen"
    # the end date's boxes, tapped where a thumb left them (the box just above the bar, its hints under
    # it) or reached with the keyboard from the page's top, come to rest above the bar with their hints
    for part, how in (("#approved_until", "tap"), ("#approved_until-clock", "tap"), ("#approved_until", "focus")):
        if how == "tap":
            boss.evaluate("""sel => { const box = document.querySelector(sel).getBoundingClientRect();
                                      scrollBy(0, box.bottom - (innerHeight - 100)); }""", part)
            boss.locator(part).tap()
        else:
            boss.evaluate("() => scrollTo(0, 0)")
            boss.focus(part)
        settled(boss)
        seen = boss.evaluate(UNDER_THE_BAR)
        assert not [p for p in seen["covered"] if p["top"] >= 0], f"{part} ({how}): under the bar {seen}"
    _looked_at(boss, "the letter, for the Kasubag")
    close_pages(boss)
