"""h32s: the Kasubag's path walked by a stranger on a phone (360x640, 390x844) and the desk (1366x768),
with a purpose of 300+ characters: a URL and an instansi's name without spaces, as visitors write under
"Lainnya" and letters give as Tujuan.

- A long purpose reads across the facts' whole width (the queue's cards, a visit's guest book and its
  decision): squeezed into one column it ran to 25 lines of 150 px, on the phone and on the desk.
- A letter opened to decide, on a phone, whose decision is taller than the screen: the decision bar's top
  edge runs through no line of text, and the end date is shown with its hints or not yet at all (the
  bar cut the hint's first line in half at 390x844; h31k's note: "may cover a hint on open").
  Scrolled on to the decision's end, the purpose's last line and the hints stand above the bar.
- A visit's own page decides as the queue's card does: Setujui in sight as it opens (it lay under a
  purpose of 25 lines), the lines at the bar whole, and Tolak... opens its reasons inside the screen.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from lpsedesk.extensions import db
from lpsedesk.models import Visit
from tests import factories

from .axe import axe_source, violations
from .settle import settled
from .test_staff_flow import close_pages, staff_page
from .test_staff_phone_stranger import _phone

SMALL = {"width": 360, "height": 640}
TALL = {"width": 390, "height": 844}
DESK = {"width": 1366, "height": 768}

URL = "https://spse.inaproc.id/salatigakota/lelang/123456789/pengumumanlelang?tab=dokumen"
NO_SPACES = "DinasPekerjaanUmumDanPenataanRuangKotaSalatigaBidangBinaMarga"
VISIT_PURPOSE = (f"Konsultasi dan verifikasi dokumen kualifikasi untuk paket pengadaan Pembangunan Gedung Kantor "
                 f"Dinas Pekerjaan Umum dan Penataan Ruang tahun anggaran 2027, termasuk pemeriksaan akun SPSE "
                 f"yang terkunci setelah pergantian direktur, lihat {URL} dan {NO_SPACES}, mohon dibantu.")
LETTER_START = (f"Pemeriksaan log server SPSE dan pembaruan modul e-katalog lokal, lihat {URL} untuk {NO_SPACES}; "
                "pekerjaan dilakukan dari kantor penyedia di luar jam layanan agar tidak mengganggu pengguna lain.")
# 260, 320 and 420 characters: the hint, the period, and the purpose itself were where the bar's edge fell
LETTER_PURPOSES = (LETTER_START[:259] + ".", LETTER_START + " Mohon dibantu.",
                   LETTER_START + " Pekerjaan diawasi Admin LPSE dan dicatat pada log aplikasi SPSE versi 4.5 di server.")

SIDEWAYS = "document.scrollingElement.scrollWidth - innerWidth"

# each shown "Purpose" fact (a visit's "Keperluan", a letter's "Tujuan" as on the SOP 2 form: h40w) and how
# much of its list's width its value takes
PURPOSE_WIDTH = """() => [...document.querySelectorAll('main dl.facts')].filter(dl => dl.getClientRects().length)
  .flatMap(dl => [...dl.querySelectorAll('dt')].filter(dt => /^(keperluan|purpose|tujuan|purpose of access)$/i.test(dt.innerText.trim()))
    .map(dt => ({text: dt.nextElementSibling.innerText.slice(0, 30), share: dt.nextElementSibling.getBoundingClientRect().width
                 / dl.getBoundingClientRect().width})))"""

# what the decision bar's top edge runs through: every line of text before the bar (the page's
# heading, who asks, the facts, the end date's label and hints) and every field; and where the end
# date's group (label, boxes, hints: the part just before the bar) stands against that edge
AT_THE_BAR = """(barSel) => {
  const bar = document.querySelector(barSel), edge = bar.getBoundingClientRect().top;
  const group = bar.previousElementSibling.getBoundingClientRect();
  const cut = [], range = document.createRange();
  const texts = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT);
  for (let n = texts.nextNode(); n; n = texts.nextNode()) {
    if (!n.data.trim() || bar.contains(n) || !(n.compareDocumentPosition(bar) & Node.DOCUMENT_POSITION_FOLLOWING)) continue;
    range.selectNodeContents(n);
    for (const r of range.getClientRects()) if (r.top < edge - 0.5 && r.bottom > edge + 0.5) cut.push(n.data.trim().slice(0, 40));
  }
  for (const el of document.querySelectorAll('#next-step input:not([type=hidden])')) {
    const r = el.getBoundingClientRect();
    if (r.height && !bar.contains(el) && r.top < edge - 0.5 && r.bottom > edge + 0.5) cut.push(el.name);
  }
  return {edge, cut, group: [group.top, group.bottom], innerHeight};
}"""


def _admin_and_kasubag(make_user) -> int:
    """Sinta records the letters (whoever records one never decides it), Bambang decides: Sinta's id."""
    make_user("bambang", "kasubag", name="Bambang Wijaya")
    return make_user("sinta", "admin", name="Sinta Admin")


def _letter(admin_id: int, purpose: str) -> int:
    now = datetime.now(timezone.utc)
    return factories.remote_request(
        "received", recorded_by_id=admin_id, requester_name="Teknisi Panjang",
        instansi="PT Sistem Informasi Pengadaan Elektronik Nusantara Terpadu", letter_number="260/SIPENT/XII/2026",
        letter_date=date(2026, 12, 3), purpose=purpose, rights_requested="Hanya baca",
        period_start=now + timedelta(hours=2), period_end=now + timedelta(days=2), recorded_at=now).id


def _long_visit() -> int:
    now = datetime.now(timezone.utc)
    return factories.visit("pending", purpose="other", purpose_detail=VISIT_PURPOSE, submitted_at=now, ktp_checked_at=now,
                           visitor=factories.visitor(full_name="Raden Ayu Sri Wulandari Kusumaningtyas",
                                                     institution="CV Konstruksi Bangun Persada Nusantara Sejahtera")).id


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_long_purpose_reads_across_the_whole_card_on_the_phone_and_the_desk(app, live_server, browser, make_user,
                                                                             shot, lang):
    admin_id = _admin_and_kasubag(make_user)
    with app.app_context():
        visit_id = _long_visit()
        _letter(admin_id, LETTER_PURPOSES[2])
    for viewport in (SMALL, DESK):
        boss = _phone(browser, live_server, "bambang", viewport) if viewport is SMALL \
            else staff_page(browser, live_server, "bambang", viewport, [])
        for path, name in (("/admin/queue", "the queue"), (f"/admin/visits/{visit_id}", "the visit's page")):
            boss.goto(f"{live_server}{path}?lang={lang}")
            boss.wait_for_load_state()
            settled(boss)
            if path == "/admin/queue" and viewport is SMALL:
                # the phone shows one request at a time: the visit first, then the letter
                cards = [boss.evaluate(PURPOSE_WIDTH)]
                boss.locator("[data-queue-tools] button").last.tap()
                settled(boss)
                cards.append(boss.evaluate(PURPOSE_WIDTH))
                widths = [w for card in cards for w in card]
            else:
                widths = boss.evaluate(PURPOSE_WIDTH)
            shot(boss, f"h32s-purpose-{name.split()[-1].strip('.')}-{viewport['width']}-{lang}", full_page=False)
            assert len(widths) >= 2, f"{name}: {widths}"
            narrow = [w for w in widths if w["share"] < 0.9]
            assert not narrow, f"{name} at {viewport['width']} px: a long purpose in a column of its own: {narrow}"
            assert boss.evaluate(SIDEWAYS) <= 0, f"{name} scrolls sideways"
            assert violations(boss, axe_source()) == [], name
        close_pages(boss)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_letter_with_a_long_purpose_opens_with_no_line_cut_by_the_decision_bar(app, live_server, browser, make_user,
                                                                                 shot, lang):
    admin_id = _admin_and_kasubag(make_user)
    with app.app_context():
        letters = [_letter(admin_id, purpose) for purpose in LETTER_PURPOSES]
    for viewport in (SMALL, TALL):
        boss = _phone(browser, live_server, "bambang", viewport)
        for letter, purpose in zip(letters, LETTER_PURPOSES):
            where = f"{len(purpose)} characters at {viewport['width']}x{viewport['height']}"
            boss.goto(f"{live_server}/admin/remote/{letter}?lang={lang}")  # a link passed on in a chat
            boss.wait_for_load_state()
            settled(boss)
            seen = boss.evaluate(AT_THE_BAR, "#next-step .approve-bar")
            shot(boss, f"h32s-letter-{len(purpose)}-{viewport['width']}-{lang}", full_page=False)
            assert not seen["cut"], f"{where}: lines cut by the bar's top edge ({seen['edge']}): {seen['cut']}"
            top, bottom = seen["group"]
            assert bottom <= seen["edge"] + 0.5 or top >= seen["edge"] - 0.5, \
                f"{where}: the end date shown without all of its hints: {seen}"
            assert boss.locator("#next-step .decide-context dd").first.bounding_box()["y"] >= 0, f"{where}: who asks"
            assert boss.get_by_role("button", name="Setujui" if lang == "id" else "Approve", exact=True).is_visible()
            # scrolled on as a thumb does, to the decision's end: the purpose's last line and the hints
            # stand above the bar
            for _ in range(6):
                boss.mouse.wheel(0, viewport["height"] // 3)
                settled(boss)
                seen = boss.evaluate(AT_THE_BAR, "#next-step .approve-bar")
                if seen["group"][1] <= seen["edge"] + 0.5:
                    break
            assert seen["group"][1] <= seen["edge"] + 0.5 and not seen["cut"], f"{where}, scrolled on: {seen}"
            last = boss.locator("#next-step .decide-context dd", has_text=purpose[-20:])
            assert last.bounding_box()["y"] + last.bounding_box()["height"] <= seen["edge"] + 0.5, where
        close_pages(boss)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_visit_with_a_long_purpose_opens_with_approve_in_sight_and_refuses_inside_the_screen(
        app, live_server, browser, make_user, shot, lang):
    make_user("bambang", "kasubag", name="Bambang Wijaya")
    with app.app_context():
        visit_id = _long_visit()
    boss = _phone(browser, live_server, "bambang", SMALL)
    boss.goto(f"{live_server}/admin/visits/{visit_id}?lang={lang}")
    boss.wait_for_load_state()
    settled(boss)
    shot(boss, f"h32s-visit-opened-360-{lang}", full_page=False)
    approve = boss.locator("#next-step button[value=approve]").bounding_box()
    assert 0 <= approve["y"] and approve["y"] + approve["height"] <= SMALL["height"], f"Setujui out of sight: {approve}"
    assert approve["height"] >= 44
    assert boss.locator("#next-step h2").bounding_box()["y"] >= 0, "the card's heading is off the screen"
    seen = boss.evaluate(AT_THE_BAR, "#next-step > .decide")
    assert not seen["cut"], f"lines cut by the bar's top edge ({seen['edge']}): {seen['cut']}"
    assert violations(boss, axe_source()) == []
    # refused with one of the office's reasons: the panel and its button inside the screen
    boss.locator("#next-step summary").tap()
    boss.locator("#next-step .chip").first.tap()
    deny = boss.locator("#next-step button[value=deny]")
    box = deny.bounding_box()
    shot(boss, f"h32s-visit-refusing-360-{lang}", full_page=False)
    assert 0 <= box["y"] and box["y"] + box["height"] <= SMALL["height"], f"the refusal's button out of sight: {box}"
    assert boss.locator("#next-step .refuse-who").bounding_box()["y"] >= 0, "whose request is refused is off the screen"
    with boss.expect_navigation():
        deny.tap()
    with app.app_context():
        visit = db.session.get(Visit, visit_id)
        assert visit.status == "denied" and visit.decision_reason
    close_pages(boss)


# the queue's "1 / 12" as the reader sees it: its lines, and its tools' boxes against the card's
COUNT = """() => { const pos = document.querySelector('[data-position]'), range = document.createRange();
  range.selectNodeContents(pos);
  const card = document.querySelector('[data-queue]').getBoundingClientRect();
  const past = [...document.querySelectorAll('[data-queue-tools] button')].map(b => b.getBoundingClientRect())
    .filter(r => r.right > card.right + 0.5 || r.height < 44).length;
  return {text: pos.innerText, lines: new Set([...range.getClientRects()].map(r => Math.round(r.top))).size, past}; }"""


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_phone_queue_says_its_count_of_twelve_on_one_line(app, live_server, browser, make_user, shot, lang):
    make_user("bambang", "kasubag", name="Bambang Wijaya")
    with app.app_context():
        for number in range(12):
            factories.visit("pending", visitor=factories.visitor(full_name=f"Pengunjung Uji {number + 1}",
                                                                 nik=f"33730241079002{number:02d}"))
    for viewport in (SMALL, TALL):
        boss = _phone(browser, live_server, "bambang", viewport)
        boss.goto(f"{live_server}/admin/queue?lang={lang}")
        boss.wait_for_function("() => document.querySelector('[data-position]')?.innerText.trim() === '1 / 12'")
        seen = boss.evaluate(COUNT)
        shot(boss, f"h32s-queue-count-{viewport['width']}-{lang}", full_page=False)
        assert seen["lines"] == 1, f"at {viewport['width']} px '{seen['text']}' breaks over {seen['lines']} lines"
        assert not seen["past"], f"at {viewport['width']} px the queue's tools leave the card or shrink under 44 px"
        assert boss.evaluate(SIDEWAYS) <= 0
        close_pages(boss)
