"""h18u: on the Kasubag's 360x640 phone the Tolak/Setujui bar sits at the bottom of the screen. A
decision rests on everything the request says down to its last line (the KTP photo she opened, the
helpdesk's check of the original KTP): scrolling down, that last line comes out above the bar while the
bar is still there to tap. And the bar never covers what is not the request: the helpdesk's reports
below it were under the bar for as long as some of the request was on the screen (ux17's leftover)."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from lpsedesk import users
from lpsedesk.extensions import db
from lpsedesk.models import Visit
from tests import factories

from .axe import axe_source, violations
from .test_staff_flow import close_pages, kiosk_submission, short_streams  # noqa: F401 (a fixture)
from .test_staff_phone_stranger import SIDEWAYS, _phone

SMALL_PHONE = {"width": 360, "height": 640}
STEP = 40  # px a thumb moves the page at a time

# The bar's box when any of it is on the screen, else null: what holds Setujui and stays put on the
# screen while the page scrolls (fixed or sticky).
BAR = """() => { let el = document.querySelector('.req.current button[value=approve]');
  if (!el || !el.getClientRects().length) return null;
  while (el && !['fixed', 'sticky'].includes(getComputedStyle(el).position)) el = el.parentElement;
  if (!el) return null;
  const bar = el.getBoundingClientRect();
  return bar.bottom > 0 && bar.top < innerHeight ? {top: bar.top, bottom: bar.bottom} : null; }"""
# Lines outside the current request that the bar lies over: [text, top, bottom].
COVERED_OUTSIDE = """(bar) => Array.from(document.querySelectorAll('[data-part=reports] h2, [data-part=reports] .line, '
  + '[data-part=reports] .button, [data-part=decided] .line'))
  .map((el) => [el.innerText.trim().split('\\n')[0], el.getBoundingClientRect()])
  .filter(([, r]) => r.height > 0 && r.bottom > bar.top + 1 && r.top < bar.bottom - 1)
  .map(([t, r]) => [t, Math.round(r.top), Math.round(r.bottom)])"""


def _a_request_and_two_reports(app) -> None:
    now = datetime.now(timezone.utc)
    visit_id = kiosk_submission(app, "SUMARNI HADI")          # with a KTP photo to open
    with app.app_context():
        db.session.get(Visit, visit_id).ktp_checked_at = now
        db.session.commit()
        for i, name in enumerate(["ANDI SETIAWAN", "BUDI SANTOSO"]):
            factories.visit("reported", visitor=factories.visitor(full_name=name, nik=f"33730241079003{i:02d}"),
                            submitted_at=now - timedelta(hours=2), decided_at=now - timedelta(hours=2),
                            checked_out_at=now - timedelta(minutes=30), reported_at=now - timedelta(minutes=10))


def _phone_queue(app, live_server, browser, make_user, waiting=None):
    """The Kasubag's queue on the small phone, with `waiting(app)` (else a visit and two reports) in it."""
    make_user("siti", "kasubag", name="Siti Kasubag")
    (waiting or _a_request_and_two_reports)(app)
    page = _phone(browser, live_server, "siti")
    page.set_viewport_size(SMALL_PHONE)
    page.goto(f"{live_server}/admin/queue")
    page.wait_for_selector(".req.current button[value=approve]")
    return page


def test_the_requests_last_line_comes_out_above_the_bar_while_the_bar_is_there(
        app, live_server, browser, make_user, shot):
    page = _phone_queue(app, live_server, browser, make_user)
    assert page.evaluate(BAR) is not None, "Setujui on the first screen"
    page.get_by_role("button", name="Lihat foto KTP").tap()                 # she looks at the KTP first
    page.wait_for_selector(".req.current .ktp img")
    last = page.locator(".req.current").get_by_text("KTP asli diperiksa")  # the request's last line
    seen = []
    for y in range(0, page.evaluate("document.documentElement.scrollHeight") + STEP, STEP):
        page.evaluate(f"scrollTo(0, {y})")
        bar, box = page.evaluate(BAR), last.bounding_box()
        if bar and box["y"] >= 0 and box["y"] + box["height"] <= bar["top"]:
            seen.append(y)
    assert seen, "the request's last line was never wholly above the bar while the bar was on the screen"
    page.evaluate(f"scrollTo(0, {seen[0]})")
    shot(page, "h18u-queue-last-line-above-the-bar-360x640", full_page=False)
    assert page.evaluate(SIDEWAYS) <= 0
    close_pages(page)


def test_the_bar_never_covers_the_helpdesks_reports(app, live_server, browser, make_user, shot):
    page = _phone_queue(app, live_server, browser, make_user)
    covered = {}
    for y in range(0, page.evaluate("document.documentElement.scrollHeight") + STEP, STEP):
        page.evaluate(f"scrollTo(0, {y})")
        bar = page.evaluate(BAR)
        if bar and (under := page.evaluate(COVERED_OUTSIDE, bar)):
            covered[y] = under
    assert covered == {}, f"under the bar (scrollY: [line, top, bottom]): {covered}"
    # at the end of the page every report and its button is there to tap
    page.evaluate("scrollTo(0, document.documentElement.scrollHeight)")
    button = page.get_by_role("button", name="Terima semua 2 laporan")
    box = button.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= SMALL_PHONE["height"]
    shot(page, "h18u-queue-reports-clear-of-the-bar-360x640", full_page=False)
    assert violations(page, axe_source()) == []
    close_pages(page)


# h44u: the Kasubag deciding a remote-access letter on the same phone. Its card ends with the rights and
# the period asked for, what "Setujui" grants: the bar lies over them on the first screen. Scrolling on,
# both come out whole above the bar while it is still there to tap (the rule above, for a letter).
def _a_remote_letter(app) -> None:
    with app.app_context():
        admin = users.find(db.session, "ani").id
        now = datetime.now(timezone.utc)
        factories.remote_request("received", recorded_by_id=admin, requester_name="Teknisi Uji Coba",
                                 instansi="PT Contoh Teknologi Nusantara Sejahtera", letter_number="045/UJI/XII/2026",
                                 purpose="Pembaruan aplikasi SPSE dan pemeriksaan log server",
                                 rights_requested="Hanya baca, Server (SSH)",
                                 period_start=now + timedelta(hours=1), period_end=now + timedelta(days=2))


def test_a_remote_letters_rights_and_period_come_out_above_the_bar_while_the_bar_is_there(
        app, live_server, browser, make_user, shot):
    make_user("ani", "admin", name="Ani Admin")  # who recorded the letter: never its decider
    page = _phone_queue(app, live_server, browser, make_user, waiting=_a_remote_letter)
    card = page.locator(".req.remote.current")
    facts = {"rights": card.locator("dt", has_text="Hak akses yang diminta").locator("xpath=.."),
             "period": card.locator("dt", has_text="Periode yang diminta").locator("xpath=..")}
    seen: dict[str, list[int]] = {name: [] for name in facts}
    for y in range(0, page.evaluate("document.documentElement.scrollHeight") + STEP, STEP):
        page.evaluate(f"scrollTo(0, {y})")
        bar = page.evaluate(BAR)
        for name, fact in facts.items():
            box = fact.bounding_box()
            if bar and box["y"] >= 0 and box["y"] + box["height"] <= bar["top"]:
                seen[name].append(y)
    assert all(seen.values()), f"never wholly above the bar while the bar was on the screen: {seen}"
    page.evaluate(f"scrollTo(0, {seen['period'][0]})")
    shot(page, "h44u-queue-remote-period-above-the-bar-360x640", full_page=False)
    assert page.evaluate(SIDEWAYS) <= 0
    assert violations(page, axe_source()) == []
    close_pages(page)

