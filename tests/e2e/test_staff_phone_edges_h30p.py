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
