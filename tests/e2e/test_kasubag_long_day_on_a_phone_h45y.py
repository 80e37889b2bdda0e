"""h45y: the Kasubag on her phone after a busy week (h45x's walk left it): the demo data's reports made the
queue page some 40,000 px long at 360x640, the day's decisions and the invitations to approve in advance
lost under it. What she must decide comes first; the reports are counted, those with an incident (to read
and acknowledge each on its own) and the few newest are listed, the older ones fold behind one control
that names how many, with "Terima semua N laporan" under the heading; the decision bar covers none of a
card's buttons."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from lpsedesk.extensions import db
from lpsedesk.models import VisitNote
from tests import factories

from .axe import axe_source, violations
from .test_staff_flow import close_pages, kiosk_submission, short_streams  # noqa: F401 (a fixture)
from .test_staff_phone_stranger import SIDEWAYS, _phone

PHONES = {"360x640": {"width": 360, "height": 640}, "320x568": {"width": 320, "height": 568}}
REPORTS, WITH_INCIDENT = 40, ("INSIDEN PROYEKTOR", "INSIDEN FLASHDISK")
WORDS = {"id": {"show": "Tampilkan 35 laporan yang lebih lama", "all": "Terima semua 38 laporan",
                "together": "Terima 38 laporan tanpa kejadian"},
         "en": {"show": "Show the 35 older reports", "all": "Acknowledge all 38 reports",
                "together": "Acknowledge the 38 reports without an incident"}}

# Every control a finger taps in the current request's card, outside the decision bar itself
CARD_CONTROLS = """() => [...document.querySelectorAll('.req.current :is(a[href], button, summary, select, input:not([type=hidden]))')]
  .filter(e => e.getClientRects().length && !e.closest('.decide'))"""
# Whether the control at index `i` of CARD_CONTROLS, scrolled to the screen's middle, is the thing a tap
# at its centre lands on (not the bar, nor anything else) and wholly above the bar
REACHABLE = """(i) => { const e = (""" + CARD_CONTROLS + """)()[i];
  e.scrollIntoView({block: 'center'});
  const r = e.getBoundingClientRect(), hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  const bar = document.querySelector('.req.current .decide').getBoundingClientRect();
  const under = bar.height > 0 && r.bottom > bar.top + 1 && r.top < bar.bottom - 1;
  return {what: (e.innerText || e.name || e.tagName).trim().slice(0, 40), hit: !!hit && (hit === e || e.contains(hit)),
          under, top: Math.round(r.top), bottom: Math.round(r.bottom), bar: Math.round(bar.top)}; }"""


def _a_busy_week(app) -> None:
    """Two visitors and a remote-access letter waiting, 40 reports of the last days, two with an incident."""
    now = datetime.now(timezone.utc)
    kiosk_submission(app, "SUMARNI HADI")
    kiosk_submission(app, "WARSITO LAMA")
    with app.app_context():
        factories.remote_request(recorded_at=now - timedelta(minutes=40), requester_name="Teknisi Uji Coba")
        for i in range(REPORTS):
            name = WITH_INCIDENT[i % 2] if i in (3, 20) else f"PENGUNJUNG {i:02d}"
            day = now - timedelta(hours=3 * (REPORTS - i))
            visit = factories.visit("reported", visitor=factories.visitor(full_name=name, nik=f"33730241079{i:05d}"),
                                    submitted_at=day - timedelta(hours=2), decided_at=day - timedelta(hours=2),
                                    checked_out_at=day - timedelta(hours=1), reported_at=day)
            if name in WITH_INCIDENT:
                db.session.add(VisitNote(visit=visit, kind="incident", body="Proyektor tidak menyala"))
        db.session.commit()


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("size", list(PHONES))
def test_on_a_phone_the_kasubag_sees_what_she_decides_first_and_the_reports_folded_to_a_count(
        app, live_server, browser, make_user, shot, size, lang):
    make_user("siti", "kasubag", name="Siti Kasubag")
    _a_busy_week(app)
    viewport, words = PHONES[size], WORDS[lang]
    page = _phone(browser, live_server, "siti", viewport)
    page.goto(f"{live_server}/admin/queue?lang={lang}")
    page.wait_for_selector(".req.current button[value=approve]")
    # the decisions come first: the waiting card begins on the first screen, the reports after it
    waiting, reports = page.locator("[data-part=waiting]"), page.locator("[data-part=reports]")
    assert waiting.bounding_box()["y"] < viewport["height"] / 2
    assert reports.bounding_box()["y"] > waiting.bounding_box()["y"]
    # a short page: the 40 reports no longer run it to thousands of pixels
    assert page.evaluate("document.documentElement.scrollHeight") < 6 * viewport["height"], size
    # listed open: both reports with an incident (read, acknowledged on their own) and the three newest
    listed = [" ".join(t.split()) for t in reports.locator(":scope > .line").all_inner_texts()]
    for name in WITH_INCIDENT + ("PENGUNJUNG 37", "PENGUNJUNG 38", "PENGUNJUNG 39"):
        assert any(name in line for line in listed), (name, listed)
    assert len(listed) == 5, listed
    # the rest counted on one control, with the one tap that takes them all under the heading
    folded = reports.locator("details.older-reports")
    assert folded.locator("summary").inner_text().strip().endswith(words["show"])
    assert not folded.locator(".line").first.is_visible()
    assert reports.get_by_role("button", name=words["together"]).first.is_visible()
    page.evaluate("scrollTo(0, 0)")
    shot(page, f"h45y-queue-first-screen-{size}-{lang}", full_page=False)
    shot(page, f"h45y-queue-whole-{size}-{lang}", full_page=True)
    # every request's card: each of its buttons can be brought where a tap lands on it, above the bar
    total = int(page.locator("[data-position]").inner_text().split("/")[1])
    assert total == 3
    for step in range(total):
        for i in range(page.evaluate(f"({CARD_CONTROLS})().length")):
            seen = page.evaluate(REACHABLE, i)
            assert seen["hit"] and not seen["under"], (size, lang, step, seen)
        page.evaluate("scrollTo(0, 0)")
        if step < total - 1:
            page.locator("[data-step-by='1']").tap()
    # the older reports on a tap, each with its own button clear of the bar
    folded.locator("summary").tap()
    assert folded.locator(".line").count() == REPORTS - 5
    button = folded.locator(".line").last.get_by_role("button")
    button.scroll_into_view_if_needed()
    box = button.bounding_box()
    hit = page.evaluate("([x, y]) => document.elementFromPoint(x, y)?.closest('button')?.innerText", [
        box["x"] + box["width"] / 2, box["y"] + box["height"] / 2])
    assert hit and hit.strip() == button.inner_text().strip()
    assert page.evaluate(SIDEWAYS) <= 0
    assert violations(page, axe_source()) == [], (size, lang)
    close_pages(page)


def test_a_few_reports_are_all_listed_open(app, live_server, browser, make_user):
    """Five or fewer: nothing folded, no control to open."""
    make_user("siti", "kasubag", name="Siti Kasubag")
    now = datetime.now(timezone.utc)
    with app.app_context():
        for i in range(5):
            factories.visit("reported", visitor=factories.visitor(full_name=f"PENGUNJUNG {i:02d}", nik=f"33730241079{i:05d}"),
                            submitted_at=now - timedelta(hours=3), decided_at=now - timedelta(hours=3),
                            checked_out_at=now - timedelta(hours=2), reported_at=now - timedelta(minutes=60 - i))
    page = _phone(browser, live_server, "siti", PHONES["360x640"])
    page.goto(f"{live_server}/admin/queue")
    reports = page.locator("[data-part=reports]")
    reports.locator(".line").first.wait_for()
    assert reports.locator(":scope > .line").count() == 5
    assert reports.locator("details.older-reports").count() == 0
    close_pages(page)
