"""h40w: SOP 2 walked as a stranger, the Admin at a 1366x768 desk and the Kasubag on a 360x640 phone
(portrait and 640x360 landscape), in Bahasa Indonesia and in English.

- SOP 2: the Kasubag grants access for a period; the Admin closes the account when the third party is
  done. An account still open after the approved end was counted on the Admin's home among the open
  ones, with nothing to tell it apart (the register said so, one page away). The home now leads with it.
- The form ("Formulir Pencatatan Pemberian Remote Akses") is the office's paper form, in Bahasa
  Indonesia on every screen: an English screen said nothing of why, and a screen reader read it in an
  English voice. (The form's own cell for such an account: tests/admin/test_remote_form_columns.py.)
"""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from tests import factories

from .axe import axe_source, violations
from .test_admin_remote_stranger_h34a import DESK, PHONE, SIDEWAYS, _login
from .test_staff_flow import close_pages

# Where things stand on the screen at a desk and a phone (44 px targets, nothing sideways, axe-core): the same
# on either database; the rules behind them (the period passed, the day's decisions from 00:00 WIB) are held
# on both by tests/admin/test_remote_form_columns.py and tests/core/test_remote_decided_today_h40w.py.
pytestmark = pytest.mark.layout

LANGS = pytest.mark.parametrize("lang", ["id", "en"])
VIEWPORTS = pytest.mark.parametrize("viewport", [DESK, PHONE], ids=["1366x768", "360x640"])

# what the home says of an account past its period, in each language (the register's words)
PAST = {"id": "melewati batas waktu persetujuan", "en": "past their approved end"}


def _accounts(app, make_user) -> dict[str, int]:
    """Two accounts given by the Admin: one within the period the Kasubag approved, one past it."""
    admin = make_user("sinta", "admin", name="Sinta Admin")
    boss = make_user("bambang", "kasubag", name="Bambang Wijaya")
    now = datetime.now(timezone.utc)
    common = dict(recorded_by_id=admin, decided_by_id=boss, granted_by_id=admin, instansi="PT Mitra Data Nusantara",
                  purpose="Pemeliharaan server SPSE", letter_number="045/MDN/XII/2026", letter_date=date(2026, 12, 1),
                  rights_granted="Hanya baca", recorded_at=now - timedelta(days=4), decided_at=now - timedelta(days=4),
                  period_start=now - timedelta(days=3), period_end=now + timedelta(days=3))
    with app.app_context():
        return {
            "within": factories.remote_request("active", requester_name="Teknisi Tepat", username="tepat01",
                                               granted_at=now - timedelta(days=3), approved_until=now + timedelta(days=2),
                                               **common).id,
            "past": factories.remote_request("active", requester_name="Teknisi Lewat", username="lewat01",
                                             granted_at=now - timedelta(days=3), approved_until=now - timedelta(hours=5),
                                             **common).id,
        }


def _admin_at(browser, live_server, viewport, path):
    page = _login(browser, live_server, "sinta", viewport)
    page.goto(f"{live_server}{path}")
    page.wait_for_load_state()
    return page


@LANGS
@VIEWPORTS
def test_the_admins_home_leads_with_an_account_open_past_its_approved_end(app, live_server, browser, make_user,
                                                                        shot, viewport, lang):
    accounts = _accounts(app, make_user)
    page = _admin_at(browser, live_server, viewport, f"/admin/?lang={lang}")
    shot(page, f"h40w-home-overdue-{viewport['width']}-{lang}", full_page=False)
    past = page.locator("#remote-steps [data-step=overdue]")
    assert past.count() == 1, f"the home says nothing of the account past its end: {page.inner_text('main')}"
    assert past.locator(".big").inner_text() == "1" and PAST[lang] in past.inner_text()
    # first of the Admin's steps, on the first screen, a full-size target
    first = page.locator("#remote-steps > *").first
    assert first.get_attribute("data-step") == "overdue"
    box = past.bounding_box()
    assert box["height"] >= 44 and box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"]
    assert box["y"] + box["height"] <= viewport["height"], f"below the first screen: {box}"
    # the open accounts are still both counted as open
    assert page.locator("#remote-steps [data-step=active] .big").inner_text() == "2"
    assert page.evaluate(SIDEWAYS) <= 0
    assert violations(page, axe_source()) == []
    with page.expect_navigation():
        past.click()
    assert page.locator(f"#remote-{accounts['past']}").count() == 1
    assert "lewat01" in page.inner_text("main")
    close_pages(page)


def test_the_admins_home_has_no_such_step_while_every_account_is_within_its_period(app, live_server, browser,
                                                                                  make_user):
    make_user("sinta", "admin", name="Sinta Admin")
    now = datetime.now(timezone.utc)
    with app.app_context():
        factories.remote_request("active", requester_name="Teknisi Tepat", username="tepat01",
                                 granted_at=now - timedelta(hours=3), approved_until=now + timedelta(days=2))
    page = _admin_at(browser, live_server, DESK, "/admin/?lang=id")
    assert page.locator("#remote-steps [data-step=overdue]").count() == 0
    assert page.locator("#remote-steps [data-step=active] .big").inner_text() == "1"
    close_pages(page)


@LANGS
def test_the_form_in_indonesian_on_an_english_screen_says_why_and_is_read_as_indonesian(app, live_server, browser,
                                                                                       make_user, shot, lang):
    accounts = _accounts(app, make_user)
    page = _admin_at(browser, live_server, DESK, f"/admin/remote/form?lang={lang}")
    shot(page, f"h40w-form-language-{lang}", full_page=False)
    document = page.locator("article.doc")
    assert document.get_attribute("lang") == "id"
    assert "Formulir Pencatatan Pemberian Remote Akses" in document.inner_text()
    note = page.locator("#doc-language")
    if lang == "en":
        assert note.is_visible() and "Bahasa Indonesia" in note.inner_text()
    else:
        assert note.count() == 0
    assert "Belum ditutup (melewati batas persetujuan" in document.inner_text()
    assert violations(page, axe_source()) == []
    page.goto(f"{live_server}/admin/remote/{accounts['past']}/print?lang={lang}")
    assert page.locator("article.doc").get_attribute("lang") == "id"
    assert page.locator("#doc-language").count() == (1 if lang == "en" else 0)
    close_pages(page)


# h44u: how it was closed, then the Admin's note on a line of its own under its label
CLOSED = {"id": {"flash": "Waktu penutupannya kini tercatat di Formulir", "yes": "Ya, tutup",
                 "step": "waktu penutupannya tercatat di Formulir",
                 "kind": "Pekerjaan selesai\nCatatan penutupan: Dikonfirmasi lewat telepon"},
          "en": {"flash": "Its closing time is now on the Formulir", "yes": "Yes, close it",
                 "step": "its closing time is on the Formulir",
                 "kind": "Work finished\nClosing note: Dikonfirmasi lewat telepon"}}


@LANGS
def test_closing_an_account_says_the_form_now_shows_it_and_the_form_does(app, live_server, browser, make_user, shot,
                                                                          lang):
    # SOP 2: when the third party is done it tells the Admin, who closes the account and updates the form.
    # The form is drawn from the record; a newcomer read "nothing more to do" and looked for where to write it.
    accounts = _accounts(app, make_user)
    say = CLOSED[lang]
    page = _admin_at(browser, live_server, DESK, f"/admin/remote/{accounts['within']}?lang={lang}")
    close = page.locator("form[action$='/close']")
    closed_at = close.locator("input[name=closed_at]")
    day, clock = closed_at.nth(0).input_value(), closed_at.nth(1).input_value()
    close.locator("textarea[name=note]").fill("Dikonfirmasi lewat telepon")
    close.locator("button[type=submit]").click()
    with page.expect_navigation():
        page.get_by_role("button", name=say["yes"]).click()
    shot(page, f"h40w-closed-{lang}", full_page=False)
    assert say["flash"] in page.inner_text(".flash")
    assert say["step"] in page.inner_text("#next-step #step-said")
    assert say["kind"] in page.inner_text(".facts")
    assert violations(page, axe_source()) == []
    with page.expect_navigation():
        page.locator("#next-step a", has_text="Formulir").click()
    row = page.locator("article.doc tbody tr", has_text="tepat01")
    closing = row.locator("td[data-label='Waktu Penutupan']").inner_text()
    day_no, _, year = (int(part) for part in day.split("/"))
    # the time typed, on the form, in WIB (the month is written out in Indonesian: "7 Desember 2026 09:15 WIB")
    assert closing.startswith(f"{day_no} ") and closing.endswith(f"{year} {clock} WIB"), (closing, day, clock)
    close_pages(page)


@LANGS
def test_a_letters_purpose_is_named_as_the_forms_column_is(app, live_server, browser, make_user, lang):
    # SOP 2's form names the column "Tujuan"; the letter's field was "Keperluan" (the guest book's word for a
    # visit's purpose) when it was recorded, decided and shown, so the two never read as the same thing.
    make_user("sinta", "admin", name="Sinta Admin")
    make_user("bambang", "kasubag", name="Bambang Wijaya")
    with app.app_context():
        letter = factories.remote_request("received", requester_name="Teknisi Baru", purpose="Migrasi basis data").id
    name = {"id": "Tujuan", "en": "Purpose of access"}[lang]
    admin = _admin_at(browser, live_server, DESK, f"/admin/remote/new?lang={lang}")
    assert admin.locator("label", has=admin.locator("#purpose")).inner_text().strip().startswith(name)
    admin.goto(f"{live_server}/admin/remote/{letter}")
    assert name.upper() in [t.strip().upper() for t in admin.locator(".facts dt").all_inner_texts()]
    boss = _login(browser, live_server, "bambang", PHONE)
    for path in (f"/admin/remote/{letter}?lang={lang}", f"/admin/queue?lang={lang}"):
        boss.goto(f"{live_server}{path}")
        facts = [t.strip() for t in boss.locator("main dl.facts dt").all_inner_texts()]
        assert name.upper() in [f.upper() for f in facts], (path, facts)
        assert not {"KEPERLUAN", "PURPOSE"} & {f.upper() for f in facts}, (path, facts)
    close_pages(admin, boss)


DECIDED = {"id": ("Diputuskan hari ini", "Belum ada keputusan hari ini.", "Permohonan remote akses"),
           "en": ("Decided today", "No decision yet today.", "Remote-access request")}


@LANGS
@pytest.mark.parametrize("viewport", [PHONE, {"width": 640, "height": 360}], ids=["360x640", "640x360"])
def test_a_letter_the_kasubag_decided_today_is_among_the_days_decisions(app, live_server, browser, make_user,
                                                                         shot, viewport, lang):
    # SOP 2: the Kasubag grants or refuses the letter. Having approved one from the phone, the Kasubag's
    # "Decided today" said "No decision yet today": it listed visits only.
    make_user("sinta", "admin", name="Sinta Admin")
    make_user("bambang", "kasubag", name="Bambang Wijaya")
    with app.app_context():
        letter = factories.remote_request("received", requester_name="Teknisi Pagi",
                                          period_start=datetime.now(timezone.utc) + timedelta(hours=1),
                                          period_end=datetime.now(timezone.utc) + timedelta(days=2)).id
    heading, nothing, kind = DECIDED[lang]
    boss = _login(browser, live_server, "bambang", viewport)
    boss.goto(f"{live_server}/admin/remote/{letter}?lang={lang}")
    with boss.expect_navigation():
        boss.locator("button[value=approve]").click()
    boss.goto(f"{live_server}/admin/queue")
    boss.wait_for_load_state()
    day = boss.locator("section", has=boss.get_by_role("heading", name=heading))
    day.scroll_into_view_if_needed()
    shot(boss, f"h40w-decided-today-{viewport['width']}-{lang}", full_page=False)
    said = day.inner_text()
    assert nothing not in said and "Teknisi Pagi" in said and kind in said, said
    line = day.locator(f"[data-key=decided-remote-{letter}]")
    assert "WIB" in line.inner_text() and "Bambang Wijaya" in line.inner_text()
    link = line.get_by_role("link", name="Teknisi Pagi")
    assert link.bounding_box()["height"] >= 44
    assert boss.evaluate(SIDEWAYS) <= 0
    assert violations(boss, axe_source()) == []
    with boss.expect_navigation():
        link.click()
    assert f"/admin/remote/{letter}" in boss.url
    close_pages(boss)
