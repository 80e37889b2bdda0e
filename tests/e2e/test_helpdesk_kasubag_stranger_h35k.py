"""h35k: SOP 1 walked by strangers, the helpdesk at the desk (1366x768) and the Kasubag on a phone (360x640,
390x844), Bahasa Indonesia then English.

- A visit to a restricted facility approved on the phone with no escort chosen: the Kasubag left the queue
  for a page of its own ("Maaf ... Kembali"), the request still waiting. It is said beside the picker, in
  the page's language, and the queue stays (with or without the page's script).
- Two waiting visitors with one name ("Budi Santoso"), one card at a time on a phone, the NIK under the
  decision bar: each card says so under the name with what tells this one apart, and the refusal's panel
  (which covers the card) names the NIK.
- A report from the helpdesk whose visit had an incident read "2 catatan" on the Kasubag's queue, as if
  nothing had happened: the incident is said apart, before "Terima laporan".
- With requests waiting, the helpdesk's report lay a screen or more under the request on the phone and
  nothing on the first screen said it had come: a link there leads to it.
- At the desk a server-room visit's "Next step" (and its tile on the board) spoke of the check-out alone;
  recording the entry into the area and the exit stood under the fold: both are said there now.
- A note saved came back at "Next step" with its flash scrolled off above and the box empty, an incident
  flashed as "Catatan tersimpan.": the card says what was recorded last, and who reads an incident.
"""
from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

import pytest
from playwright.sync_api import expect

from lpsedesk.extensions import db
from lpsedesk.models import Visit, VisitNote
from tests import factories
from tests.conftest import TEST_PASSWORD

from .axe import axe_source, violations
from .settle import settled
from .test_staff_flow import close_pages, staff_page
from .test_staff_phone_stranger import _phone

SMALL = {"width": 360, "height": 640}
TALL = {"width": 390, "height": 844}
PHONES = (SMALL, TALL)
SIDEWAYS = "document.scrollingElement.scrollWidth - innerWidth"

# Whether an element stands whole inside the screen and is what a finger at its middle touches (not a
# sticky bar or a panel drawn over it).
IN_SIGHT = """(el) => { const r = el.getBoundingClientRect();
  const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  return {top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height,
          whole: r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth,
          touched: !!hit && (el === hit || el.contains(hit))}; }"""

ESCORT_NEEDED = {"id": "Kunjungan ke fasilitas terbatas memerlukan pendamping: pilih pendamping dari staf sebelum menyetujui.",
                 "en": "A visit to a restricted facility needs an escort: choose one from the staff before approving."}
APPROVE = {"id": "Setujui", "en": "Approve"}


def _show(page, key: str) -> None:
    """Step the phone's queue (one request at a time) to the request `key` ("visit-12")."""
    for _ in range(8):
        if page.locator(f'[data-key="{key}"].current').count():
            return
        page.locator("[data-queue-tools] [data-step-by='1']").tap()
        settled(page)
    raise AssertionError(f"{key} never became the request on screen")


def _open_queue(page, base: str, lang: str) -> None:
    page.goto(f"{base}/admin/queue?lang={lang}")
    page.wait_for_load_state()
    settled(page)


def _waiting(**visitor) -> int:
    now = datetime.now(timezone.utc)
    return factories.visit("pending", submitted_at=now, ktp_checked_at=now, signature_key="sig/2026/12/" + "s" * 20,
                           visitor=factories.visitor(**visitor)).id


def _server_room_request() -> int:
    now = datetime.now(timezone.utc)
    return factories.visit("pending", submitted_at=now - timedelta(minutes=5), ktp_checked_at=now, restricted=True,
                           devices_none=True, signature_key="sig/2026/12/" + "r" * 20,
                           visitor=factories.visitor(full_name="Sari Ruang Server", nik="3373024107900077")).id


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_server_room_visit_approved_without_an_escort_is_told_beside_the_picker_and_stays_on_the_queue(
        app, live_server, browser, make_user, shot, lang):
    make_user("bambang", "kasubag", name="Bambang Wijaya")
    make_user("rina", "helpdesk", name="Rina Helpdesk")
    with app.app_context():
        _waiting(full_name="Dewi Sintetis", nik="3373024107900011")
        visit_id = _server_room_request()
    for viewport in PHONES:
        boss = _phone(browser, live_server, "bambang", viewport)
        _open_queue(boss, live_server, lang)
        _show(boss, f"visit-{visit_id}")
        card = boss.locator(f'[data-key="visit-{visit_id}"]')
        # h37e: with no escort chosen the bar's button says so ("Pilih pendamping, lalu setujui")
        card.locator("[data-decide] button[value=approve]").tap()
        said = card.locator("[data-escort-error]")
        expect(said).to_have_text(ESCORT_NEEDED[lang])
        settled(boss)
        where = f"{viewport['width']}x{viewport['height']} ({lang})"
        shot(boss, f"h35k-escort-missing-{viewport['width']}-{lang}", full_page=False)
        assert boss.url.split("?")[0].endswith("/admin/queue"), f"{where}: left the queue for {boss.url}"
        assert said.inner_text().strip() == ESCORT_NEEDED[lang], where
        seen = said.evaluate(IN_SIGHT)
        assert seen["whole"] and seen["touched"], f"{where}: the sentence is not in sight: {seen}"
        picker = card.locator("select[name=escort_id]")
        assert picker.get_attribute("aria-invalid") == "true"
        assert said.get_attribute("id") in picker.get_attribute("aria-describedby")
        assert boss.evaluate(SIDEWAYS) <= 0, where
        assert violations(boss, axe_source()) == [], where
        with app.app_context():
            assert db.session.get(Visit, visit_id).status == "pending"
        close_pages(boss)

    # Without the page's script (or when it has not run yet) the server says the same, on the queue
    page = browser.new_context(viewport=SMALL, java_script_enabled=False).new_page()
    page.goto(f"{live_server}/admin/login")
    page.fill("input[name=username]", "bambang")
    page.fill("input[name=password]", TEST_PASSWORD)
    page.click("button[type=submit]")
    page.goto(f"{live_server}/admin/queue?lang={lang}")
    page.locator(f'[data-key="visit-{visit_id}"] button[value=approve]').click()
    page.wait_for_load_state()
    shot(page, f"h35k-escort-missing-noscript-360-{lang}")
    card = page.locator(f'[data-key="visit-{visit_id}"]')
    assert card.count() == 1, "the server's answer is not the queue"
    assert card.locator("[data-escort-error]").inner_text().strip() == ESCORT_NEEDED[lang]
    assert card.locator("select[name=escort_id]").get_attribute("aria-invalid") == "true"
    close_pages(page)

    # With an escort chosen it is approved, and the Kasubag is still on the queue
    boss = _phone(browser, live_server, "bambang", SMALL)
    _open_queue(boss, live_server, lang)
    _show(boss, f"visit-{visit_id}")
    card = boss.locator(f'[data-key="visit-{visit_id}"]')
    card.locator("[data-decide] button[value=approve]").tap()
    card.locator("select[name=escort_id]").select_option(label="Rina Helpdesk")
    assert card.locator("[data-escort-error]").inner_text().strip() == "", "the sentence stayed after choosing"
    card.get_by_role("button", name=APPROVE[lang], exact=True).tap()
    boss.wait_for_selector(f'[data-key="decided-{visit_id}"]')
    assert boss.url.split("?")[0].endswith("/admin/queue")
    with app.app_context():
        visit = db.session.get(Visit, visit_id)
        assert visit.status == "approved" and visit.escort_id is not None
    close_pages(boss)


SAME_NAME = {"id": "Nama sama dengan permintaan lain hari ini. Yang ini: NIK {nik} · {institution}",
             "en": "Same name as another request today. This one: NIK {nik} · {institution}"}
BUDIS = ({"nik": "3374011503850004", "masked": "3374********0004", "institution": "CV Budi Jaya Teknik"},
         {"nik": "3322092208900017", "masked": "3322********0017", "institution": "PT Santoso Konstruksi"})


@pytest.mark.parametrize("lang", ["id", "en"])
def test_two_waiting_visitors_with_one_name_are_told_apart_on_the_phone(app, live_server, browser, make_user, shot,
                                                                         lang):
    make_user("bambang", "kasubag", name="Bambang Wijaya")
    with app.app_context():
        other = _waiting(full_name="Dewi Sintetis", nik="3373024107900011")
        budis = [_waiting(full_name=name, nik=b["nik"], institution=b["institution"])
                 for name, b in zip(("Budi Santoso", "BUDI  SANTOSO"), BUDIS)]
    for viewport in PHONES:
        boss = _phone(browser, live_server, "bambang", viewport)
        _open_queue(boss, live_server, lang)
        where = f"{viewport['width']}x{viewport['height']} ({lang})"
        for visit_id, budi in zip(budis, BUDIS):
            _show(boss, f"visit-{visit_id}")
            card = boss.locator(f'[data-key="visit-{visit_id}"]')
            note = card.locator(".same-name")
            shot(boss, f"h35k-same-name-{visit_id}-{viewport['width']}-{lang}", full_page=False)
            assert note.count() == 1, f"{where}: nothing says another request bears this name"
            assert note.inner_text().strip() == SAME_NAME[lang].format(nik=budi["masked"],
                                                                       institution=budi["institution"]), where
            seen = note.evaluate(IN_SIGHT)
            assert seen["whole"] and seen["touched"], f"{where}: what tells them apart is not in sight: {seen}"
            assert boss.evaluate(SIDEWAYS) <= 0, where
            # the refusal's panel covers the card: it names which Budi Santoso is refused
            card.locator("summary").tap()
            who = card.locator(".refuse-who")
            assert budi["masked"] in who.inner_text(), where
            assert who.evaluate(IN_SIGHT)["whole"], where
            shot(boss, f"h35k-same-name-refusing-{visit_id}-{viewport['width']}-{lang}", full_page=False)
            card.locator("[data-refuse-cancel]").tap()
        assert violations(boss, axe_source()) == [], where
        _show(boss, f"visit-{other}")
        assert boss.locator(f'[data-key="visit-{other}"] .same-name').count() == 0, "a name borne once is flagged"
        close_pages(boss)


INCIDENT = {"id": "⚠ 1 kejadian selama kunjungan: buka kunjungan untuk membacanya sebelum menerima laporan.",
            "en": "⚠ 1 incident during the visit: open it to read before acknowledging."}
ONE_NOTE = {"id": "1 catatan", "en": "1 note"}
REPORTS_BELOW = {"id": "1 laporan dari helpdesk menunggu di bawah", "en": "1 helpdesk report waits below"}


def _reported_with_an_incident(desk_id: int) -> int:
    now = datetime.now(timezone.utc)
    visit = factories.visit("reported", submitted_at=now - timedelta(minutes=90), ktp_checked_at=now - timedelta(minutes=88),
                            decided_at=now - timedelta(minutes=85), checked_out_at=now - timedelta(minutes=20),
                            reported_at=now - timedelta(minutes=10), reported_by_id=desk_id,
                            signature_key="sig/2026/12/" + "t" * 20,
                            visitor=factories.visitor(full_name="Eko Prasetyo", nik="3373024107900055"))
    db.session.add(VisitNote(visit=visit, author_id=desk_id, kind="note", body="Memakai pojok internet, komputer 2"))
    db.session.add(VisitNote(visit=visit, author_id=desk_id, kind="incident", body="Kabel jaringan komputer 2 dicabut"))
    db.session.commit()
    return visit.id


def _three_waiting_and_a_report(app, make_user) -> int:
    make_user("bambang", "kasubag", name="Bambang Wijaya")
    desk_id = make_user("rina", "helpdesk", name="Rina Helpdesk")
    with app.app_context():
        for i, name in enumerate(("Dewi Sintetis", "Budi Santoso", "Sari Wulandari")):
            _waiting(full_name=name, nik=f"33730241079001{i:02d}")
        return _reported_with_an_incident(desk_id)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_kasubag_on_a_phone_with_requests_waiting_finds_the_helpdesks_report(app, live_server, browser,
                                                                                 make_user, shot, lang):
    _three_waiting_and_a_report(app, make_user)
    for viewport in PHONES:
        boss = _phone(browser, live_server, "bambang", viewport)
        _open_queue(boss, live_server, lang)
        where = f"{viewport['width']}x{viewport['height']} ({lang})"
        shot(boss, f"h35k-report-waiting-{viewport['width']}-{lang}", full_page=False)
        link = boss.locator(".reports-waiting a")
        assert link.count() == 1, f"{where}: nothing on the first screen says a report came"
        assert link.inner_text().strip().rstrip("↓ ").strip() == REPORTS_BELOW[lang], where
        seen = link.evaluate(IN_SIGHT)
        assert seen["whole"] and seen["touched"] and seen["height"] >= 44, f"{where}: {seen}"
        link.tap()
        settled(boss)
        shot(boss, f"h35k-report-reached-{viewport['width']}-{lang}", full_page=False)
        assert boss.locator("#reports").evaluate(IN_SIGHT)["whole"], f"{where}: the reports' heading is not in sight"
        assert boss.evaluate(SIDEWAYS) <= 0, where
        assert violations(boss, axe_source()) == [], where
        close_pages(boss)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_kasubag_reads_the_incident_of_a_reported_visit_apart_from_its_notes(app, live_server, browser,
                                                                                   make_user, shot, lang):
    report_id = _three_waiting_and_a_report(app, make_user)
    for viewport in PHONES:
        boss = _phone(browser, live_server, "bambang", viewport)
        _open_queue(boss, live_server, lang)
        where = f"{viewport['width']}x{viewport['height']} ({lang})"
        report = boss.locator(f'[data-key="report-{report_id}"]')
        report.scroll_into_view_if_needed()
        settled(boss)
        shot(boss, f"h35k-report-incident-{viewport['width']}-{lang}", full_page=False)
        text = report.inner_text()
        assert INCIDENT[lang] in text, f"{where}: the incident is not said: {text!r}"
        assert ONE_NOTE[lang] in text and "2 catatan" not in text and "2 notes" not in text, text
        incident = report.locator(".check.todo", has_text=INCIDENT[lang][2:12])
        seen = incident.evaluate(IN_SIGHT)
        assert seen["whole"] and seen["touched"], f"{where}: the incident's line is cut or covered: {seen}"
        assert boss.evaluate(SIDEWAYS) <= 0, where
        assert violations(boss, axe_source()) == [], where
        close_pages(boss)


DESK = {"width": 1366, "height": 768}
ENTER = {"id": "Catat masuk ke area terbatas saat pengunjung masuk bersama pendamping",
         "en": "Record the entry into the restricted area when the visitor goes in with the escort"}
LEAVE = {"id": "Catat saat pengunjung meninggalkan area terbatas", "en": "Record when the visitor leaves the restricted area"}
ENTER_SHORT = {"id": "Catat masuk ke area terbatas", "en": "Record the entry into the restricted area"}
ENTRY_BUTTON = {"id": "Catat masuk ke area", "en": "Record entry into the area"}


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_desk_is_told_to_record_a_server_room_visitors_entry_and_exit_where_it_looks(
        app, live_server, browser, make_user, shot, lang):
    boss_id = make_user("bambang", "kasubag", name="Bambang Wijaya")
    desk_id = make_user("rina", "helpdesk", name="Rina Helpdesk")
    with app.app_context():
        now = datetime.now(timezone.utc)
        visit_id = factories.visit("approved", submitted_at=now - timedelta(minutes=10), ktp_checked_at=now,
                                   ktp_checked_by_id=desk_id, decided_at=now, decided_by_id=boss_id, decided_by_label="Bambang Wijaya",
                                   approved_until=now + timedelta(hours=1), restricted=True, escort_id=desk_id,
                                   devices_none=True, signature_key="sig/2026/12/" + "e" * 20,
                                   visitor=factories.visitor(full_name="Sari Ruang Server", nik="3373024107900077")).id
    desk = staff_page(browser, live_server, "rina", DESK, [])
    desk.goto(f"{live_server}/admin/board?lang={lang}")
    tile = desk.locator(f'[data-key="in-{visit_id}"]')
    assert ENTER_SHORT[lang] in tile.inner_text(), "the board's tile says nothing of the area's entry"
    desk.goto(f"{live_server}/admin/visits/{visit_id}?lang={lang}")
    desk.wait_for_load_state()
    shot(desk, f"h35k-area-next-step-{lang}", full_page=False)
    step = desk.locator("#next-step a", has_text=ENTER[lang])
    assert step.count() == 1, "'Next step' says nothing of recording the entry into the area"
    seen = step.evaluate(IN_SIGHT)
    assert seen["whole"] and seen["touched"] and seen["height"] >= 44, f"the entry's step out of sight: {seen}"
    assert violations(desk, axe_source()) == []
    step.click()
    settled(desk)
    entry = desk.locator("#restricted").get_by_role("button", name=ENTRY_BUTTON[lang], exact=True)
    assert entry.evaluate(IN_SIGHT)["whole"], "the area's entry button is not in sight after the link"
    entry.click()
    desk.wait_for_load_state()
    shot(desk, f"h35k-area-entered-{lang}", full_page=False)
    leave = desk.locator("#next-step a", has_text=LEAVE[lang])
    assert leave.count() == 1 and leave.evaluate(IN_SIGHT)["whole"], "'Next step' says nothing of the area's exit"
    assert desk.locator("#next-step a", has_text=ENTER[lang]).count() == 0
    assert desk.evaluate(SIDEWAYS) <= 0
    close_pages(desk)


RECORDED = {"id": "✓ {kind} tercatat pukul {time} oleh Rina Helpdesk: “{text}”",
            "en": "✓ {kind} recorded at {time} by Rina Helpdesk: “{text}”"}
KINDS = {"id": {"note": "Catatan", "incident": "Kejadian"}, "en": {"note": "Note", "incident": "Incident"}}
KASUBAG_READS = {"id": "Kasubag membacanya bersama laporan kunjungan ini.", "en": "The Kasubag reads it with this visit's report."}
SAVED = {"id": {"note": "Catatan tersimpan.", "incident": "Kejadian tercatat."},
         "en": {"note": "Note saved.", "incident": "Incident recorded."}}


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_desk_sees_its_note_and_its_incident_kept_where_the_page_comes_back(
        app, live_server, browser, make_user, shot, lang):
    desk_id = make_user("rina", "helpdesk", name="Rina Helpdesk")
    with app.app_context():
        now = datetime.now(timezone.utc)
        visit_id = factories.visit("approved", submitted_at=now - timedelta(minutes=10), ktp_checked_at=now,
                                   ktp_checked_by_id=desk_id, decided_at=now, decided_by_label="Bambang Wijaya",
                                   approved_until=now + timedelta(hours=1), signature_key="sig/2026/12/" + "n" * 20,
                                   visitor=factories.visitor(full_name="Eko Prasetyo", nik="3373024107900055")).id
    desk = staff_page(browser, live_server, "rina", DESK, [])
    desk.goto(f"{live_server}/admin/visits/{visit_id}?lang={lang}")
    for kind, body in (("note", "Memakai pojok internet, komputer 2"), ("incident", "Kabel jaringan komputer 2 dicabut")):
        desk.fill("#next-step textarea[name=body]", body)
        desk.check(f"#next-step input[name=kind][value={kind}]")
        desk.locator("#next-step form.note-form button").click()
        desk.wait_for_load_state()
        settled(desk)
        shot(desk, f"h35k-{kind}-saved-{lang}", full_page=False)
        assert desk.locator(".flash").all_inner_texts() == [SAVED[lang][kind]]
        line = desk.locator("#next-step .note-last")
        assert line.count() == 1, f"{kind}: nothing in 'Next step' says it was kept"
        text = line.inner_text().strip()
        said = RECORDED[lang].format(kind=KINDS[lang][kind], time="(?:[01][0-9]|2[0-3]):[0-5][0-9] WIB", text=body)
        if kind == "incident":
            said += " " + KASUBAG_READS[lang]
        assert re.fullmatch(said, text), text
        seen = line.evaluate(IN_SIGHT)
        assert seen["whole"] and seen["touched"], f"{kind}: the line is out of sight: {seen}"
    assert violations(desk, axe_source()) == []
    close_pages(desk)
