"""h34a: SOP 2 walked by an Admin who has never seen the product, at the desk (1366x768) and on a phone
(360x640), in Bahasa Indonesia and in English: the letter recorded and passed to the Kasubag, approved
or refused, the account given, then closed when the third party says it is done.

- The Admin's home counted only letters waiting for the Kasubag: once one was approved it said 0, and
  nothing told the Admin that an account was now theirs to give, or that an open one waited to be
  closed. It names both steps, each with its count, one tap from the requests.
- A letter's next step says what to do and for whom: once approved, make the account, give it and
  record it; once given, which account is open until when (WIB) and that it is closed when the third
  party says the work is done; once refused, tell the third party why (the card said "nothing more to
  do") and a new letter to ask again.
- The Kasubag deciding a letter at 1366x768: the letter's facts crowded the narrow card (the purpose
  about ten lines of 25 characters) beside a card holding one line; the decision takes the wide column.
- The Kasubag's queue at the desk: a visit's "Fasilitas" and its minutes broke in their narrow column
  ("Meja verifikasi · 60" / "menit").
"""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from tests import factories

from .axe import axe_source, violations
from .settle import settled
from .test_staff_flow import close_pages, staff_page
from .test_staff_phone_stranger import _phone

PHONE = {"width": 360, "height": 640}
DESK = {"width": 1366, "height": 768}
VIEWPORTS = pytest.mark.parametrize("viewport", [DESK, PHONE], ids=["1366x768", "360x640"])
LANGS = pytest.mark.parametrize("lang", ["id", "en"])

URL = "https://spse.inaproc.id/salatigakota/lelang/123456789/pengumumanlelang?tab=dokumen"
INSTANSI = "PT Sistem Informasi Pengadaan Elektronik Nusantara Terpadu Sejahtera Abadi (Cabang Jawa Tengah)"
PURPOSE = (f"Pemeriksaan log server SPSE dan pembaruan modul e-katalog lokal, lihat {URL}; pekerjaan dilakukan "
           "dari kantor penyedia di luar jam layanan agar tidak mengganggu pengguna lain.")
REASON = "Surat belum ditandatangani pejabat yang berwenang"

# what the SOP's steps are called on the page, in each language
WORDS = {
    "id": {"give": "berikan akunnya", "close": "tutup masing-masing", "approved": "Buat akunnya",
           "done": "menyatakan pekerjaannya selesai", "refused_tell": "Sampaikan kepada", "new": "Catat surat permohonan baru"},
    "en": {"give": "give the account", "close": "close each", "approved": "Create the account",
           "done": "says the work is done", "refused_tell": "Tell", "new": "Record a new request letter"},
}

SIDEWAYS = "document.scrollingElement.scrollWidth - innerWidth"

# an element's box against its card's and the screen's edges, and whether its own text is clipped
INSIDE = """(sel) => { const el = document.querySelector(sel); if (!el) return null;
  const r = el.getBoundingClientRect(), card = el.closest('.card').getBoundingClientRect();
  return {left: r.left >= card.left - 0.5, right: r.right <= card.right + 0.5 && r.right <= innerWidth + 0.5,
          clipped: el.scrollWidth > el.clientWidth + 1, height: r.height, text: el.innerText}; }"""

# how many lines an element's text runs to
LINES = """(el) => { const range = document.createRange(); range.selectNodeContents(el);
  return new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top))).size; }"""


def _people(make_user) -> tuple[int, int]:
    admin = make_user("sinta", "admin", name="Sinta Admin")
    boss = make_user("bambang", "kasubag", name="Bambang Wijaya")
    return admin, boss


def _letters(app, admin_id: int, boss_id: int) -> dict[str, int]:
    """One letter at each point of SOP 2 where the Admin acts or answers: approved, open, refused."""
    now = datetime.now(timezone.utc)
    common = dict(recorded_by_id=admin_id, instansi=INSTANSI, purpose=PURPOSE, letter_number="260/SIPENT/XII/2026",
                  letter_date=date(2026, 12, 3), period_start=now - timedelta(hours=1),
                  period_end=now + timedelta(days=2), recorded_at=now - timedelta(hours=2))
    decided = dict(decided_at=now - timedelta(hours=1), decided_by_id=boss_id)
    with app.app_context():
        return {
            "approved": factories.remote_request("approved", requester_name="Teknisi Disetujui",
                                                 approved_until=now + timedelta(days=2), **decided, **common).id,
            "active": factories.remote_request("active", requester_name="Teknisi Aktif", username="teknisi.aktif",
                                               rights_granted="Hanya baca", granted_at=now - timedelta(minutes=30),
                                               granted_by_id=admin_id, approved_until=now + timedelta(days=2),
                                               **decided, **common).id,
            "denied": factories.remote_request("denied", requester_name="Teknisi Ditolak", decision_reason=REASON,
                                               **decided, **common).id,
        }


def _login(browser, live_server, username: str, viewport: dict):
    if viewport is PHONE:
        return _phone(browser, live_server, username, viewport)
    return staff_page(browser, live_server, username, viewport, [])


@LANGS
@VIEWPORTS
def test_the_admins_home_names_the_accounts_to_give_and_to_close(app, live_server, browser, make_user, shot,
                                                                viewport, lang):
    admin_id, boss_id = _people(make_user)
    letters = _letters(app, admin_id, boss_id)
    say = WORDS[lang]
    page = _login(browser, live_server, "sinta", viewport)
    page.goto(f"{live_server}/admin/?lang={lang}")
    page.wait_for_load_state()
    shot(page, f"h34a-home-{viewport['width']}-{lang}", full_page=False)
    steps = page.locator("#remote-steps")
    assert steps.count() == 1, f"the Admin's home says nothing of the accounts to give or close: {page.inner_text('main')}"
    give, close = steps.locator("[data-step=approved]"), steps.locator("[data-step=active]")
    assert give.locator(".big").inner_text() == "1" and say["give"] in give.inner_text()
    assert close.locator(".big").inner_text() == "1" and say["close"] in close.inner_text()
    for card in (give, close):
        box = card.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"] and box["height"] >= 44
    assert page.evaluate(SIDEWAYS) <= 0
    assert violations(page, axe_source()) == []
    # one tap from the count to the letter whose account is to be given
    with page.expect_navigation():
        give.click()
    assert page.locator(f"#remote-{letters['approved']}").count() == 1
    assert page.locator(f"#remote-{letters['active']}").count() == 0
    close_pages(page)


@LANGS
@VIEWPORTS
def test_each_of_the_admins_steps_on_a_letter_says_what_to_do_and_for_whom(app, live_server, browser, make_user,
                                                                          shot, viewport, lang):
    admin_id, boss_id = _people(make_user)
    letters = _letters(app, admin_id, boss_id)
    say = WORDS[lang]
    page = _login(browser, live_server, "sinta", viewport)
    for state, expected in (("approved", [say["approved"], "Teknisi Disetujui"]),
                            ("active", ["teknisi.aktif", "WIB", "Teknisi Aktif", say["done"]]),
                            ("denied", [say["refused_tell"], "Teknisi Ditolak", REASON if lang == "id" else ""])):
        page.goto(f"{live_server}/admin/remote/{letters[state]}?lang={lang}")
        page.wait_for_load_state()
        settled(page)
        shot(page, f"h34a-step-{state}-{viewport['width']}-{lang}", full_page=False)
        seen = page.evaluate(INSIDE, "#next-step #step-said")
        assert seen is not None, f"{state}: the next step says nothing of what to do: {page.inner_text('#next-step')}"
        missing = [word for word in expected if word not in seen["text"]]
        assert not missing, f"{state}: '{seen['text']}' lacks {missing}"
        assert seen["left"] and seen["right"] and not seen["clipped"], f"{state}: the sentence is cut: {seen}"
        if state == "denied":
            again = page.locator("#next-step").get_by_role("link", name=say["new"])
            assert again.is_visible() and again.bounding_box()["height"] >= 44
        assert page.evaluate(SIDEWAYS) <= 0, f"{state} scrolls sideways"
        assert violations(page, axe_source()) == [], state
    close_pages(page)


@LANGS
def test_a_letter_decided_at_the_desk_reads_across_the_wide_card(app, live_server, browser, make_user, shot, lang):
    admin_id, _ = _people(make_user)
    now = datetime.now(timezone.utc)
    with app.app_context():
        letter = factories.remote_request("received", recorded_by_id=admin_id, requester_name="Teknisi Panjang",
                                          instansi=INSTANSI, purpose=PURPOSE, recorded_at=now,
                                          period_start=now + timedelta(hours=1), period_end=now + timedelta(days=2)).id
    boss = staff_page(browser, live_server, "bambang", DESK, [])
    boss.goto(f"{live_server}/admin/remote/{letter}?lang={lang}")
    boss.wait_for_load_state()
    shot(boss, f"h34a-deciding-desk-{lang}", full_page=False)
    deciding = boss.locator("#next-step").bounding_box()
    other = boss.locator(".detail-grid > .card:not(#next-step)").bounding_box()
    assert deciding["width"] > other["width"], f"the decision in the narrow card: {deciding} beside {other}"
    purpose = boss.locator("#next-step .decide-context dd", has_text=URL)
    lines = purpose.evaluate(LINES)
    # 260 characters: about 25 a line in the narrow card (ten lines); the wide one takes 60 or more
    assert lines <= 6, f"the purpose runs to {lines} lines"
    assert boss.get_by_role("button", name="Setujui" if lang == "id" else "Approve", exact=True).is_visible()
    assert boss.evaluate(SIDEWAYS) <= 0
    assert violations(boss, axe_source()) == []
    close_pages(boss)


@LANGS
def test_the_desk_queue_says_a_facility_and_its_minutes_on_one_line(app, live_server, browser, make_user, shot, lang):
    make_user("bambang", "kasubag", name="Bambang Wijaya")
    now = datetime.now(timezone.utc)
    with app.app_context():
        factories.visit("pending", submitted_at=now, ktp_checked_at=now,
                        visitor=factories.visitor(full_name="Raden Ayu Sri Wulandari",
                                                  institution="CV Konstruksi Bangun Persada Nusantara Sejahtera"))
    boss = staff_page(browser, live_server, "bambang", DESK, [])
    boss.goto(f"{live_server}/admin/queue?lang={lang}")
    boss.wait_for_selector(".req .facts")
    shot(boss, f"h34a-queue-facility-desk-{lang}", full_page=False)
    fact = boss.locator(".req .facts > div", has=boss.locator("dt", has_text="Fasilitas" if lang == "id" else "Facility"))
    assert fact.locator("dt").evaluate(LINES) == 1, "the label breaks"
    assert fact.locator("dd").evaluate(LINES) == 1, f"'{fact.locator('dd').inner_text()}' breaks over two lines"
    assert boss.evaluate(SIDEWAYS) <= 0
    assert violations(boss, axe_source()) == []
    close_pages(boss)
