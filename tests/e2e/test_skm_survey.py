"""Issue 14: a visitor checks out at the kiosk and answers the nine SKM questions by touch, another
skips the survey; the SKM report for the period shows the IKM those answers give, and its PDF and
XLSX read back the same."""
from __future__ import annotations

import io
import subprocess

from openpyxl import load_workbook
from sqlalchemy import func, select

from lpsedesk import devices
from lpsedesk.extensions import db
from lpsedesk.models import SkmAnsweredVisit, SkmResponse, Visit
from lpsedesk.skm.elements import KEYS
from tests import factories
from lpsedesk.clock import wib_today
from tests.kiosk.e2e_support import TABLET, scanner_types

from .test_staff_flow import staff_page

# The first visitor's taps, U1..U9 (4 = the happiest face).
TAPS = [4, 3, 4, 4, 3, 4, 4, 3, 4]
# By hand: one respondent, so NRR = the tap; IKM = (4+3+4+4+3+4+4+3+4) x 1/9 = 33/9 = 3.6667;
# converted 3.6667 x 25 = 91.67: A (Sangat Baik).
EXPECTED_IKM, EXPECTED_CONVERTED = "3,6667", "91,67"


def touch_kiosk(app, browser, base: str):
    """A kiosk at 1280x800 with a touch screen."""
    with app.app_context():
        _device, code = devices.create_device(db.session, None, "Kios lobi")
        db.session.commit()
    page = browser.new_context(viewport=TABLET, has_touch=True).new_page()
    page.errors = []  # type: ignore[attr-defined]
    page.on("pageerror", lambda e: page.errors.append(str(e)))  # type: ignore[attr-defined]
    page.goto(f"{base}/kiosk/enrol?code={code}")
    page.click("button[type=submit]")
    page.wait_for_selector("body[data-screen=welcome]")
    return page


def check_out_by_scanner(page, ticket: str) -> None:
    scanner_types(page, ticket)  # a USB scanner types the ticket on the welcome screen
    page.wait_for_selector("[data-screen=checkout-confirm]:not([hidden])")
    page.tap("[data-action=confirm-checkout]")
    page.wait_for_selector("[data-screen=checkout-done]:not([hidden])")


def answer_by_touch(page, shot=None) -> None:
    page.tap("[data-action=survey-start]")
    page.wait_for_selector("[data-screen=survey]:not([hidden])")
    for number, (key, score) in enumerate(zip(KEYS, TAPS), start=1):
        step = f"[data-survey-step][data-key={key}]:not([hidden])"
        page.wait_for_selector(step)
        if shot and key in ("persyaratan", "pengaduan"):  # the first, and the longest answer words
            shot(page, f"skm-kiosk-question-{key}-1280x800", full_page=False)
        if score is None:
            page.tap(f"{step} [data-survey-next]")
        else:
            page.tap(f"{step} [data-score='{score}']")
    page.wait_for_selector("[data-survey-step][data-education]:not([hidden])")
    if shot:
        shot(page, "skm-kiosk-education-1280x800", full_page=False)
    page.tap("[data-education=s1]")
    page.wait_for_selector("[data-survey-step][data-suggestion]:not([hidden])")
    page.fill("textarea[name=skm_suggestion]", "Ruang tunggu kurang kursi")
    page.tap("[data-survey-send]")
    page.wait_for_selector("[data-survey-step][data-thanks]:not([hidden])")
    if shot:
        shot(page, "skm-kiosk-thanks-1280x800", full_page=False)


def test_a_visitor_answers_the_nine_questions_by_touch_and_another_skips(app, live_server, browser, shot,
                                                                         make_user, tmp_path):
    with app.app_context():
        first, second = factories.visit("approved"), factories.visit("approved")
        tickets = first.ticket_code, second.ticket_code
    page = touch_kiosk(app, browser, live_server)
    check_out_by_scanner(page, tickets[0])
    shot(page, "skm-kiosk-offer-1280x800", full_page=False)
    answer_by_touch(page, shot)
    page.tap("[data-survey-finish]")
    page.wait_for_selector("body[data-screen=welcome]")
    check_out_by_scanner(page, tickets[1])
    page.tap("section[data-screen=checkout-done] [data-action=home-now]")  # one tap: no survey
    page.wait_for_selector("body[data-screen=welcome]")
    with app.app_context():
        rows = db.session.scalars(select(SkmResponse)).all()
        assert len(rows) == 1
        assert [getattr(rows[0], f"u{n}") for n in range(1, 10)] == TAPS
        assert (rows[0].education, rows[0].suggestion) == ("s1", "Ruang tunggu kurang kursi")
        assert db.session.scalar(select(func.count()).select_from(SkmAnsweredVisit)) == 1
        assert db.session.scalar(select(func.count(Visit.id)).where(Visit.status == "checked_out")) == 2
    assert not page.errors, page.errors
    page.context.close()

    # The helpdesk reads today's SKM report: the IKM those taps give, on the page and in the files.
    make_user("rina", "helpdesk", name="Rina Helpdesk")
    errors: list[str] = []
    today = wib_today().isoformat()
    query = f"kind=range&from={today}&to={today}"
    for label, viewport in (("1280", {"width": 1280, "height": 900}), ("360", {"width": 360, "height": 780})):
        desk = staff_page(browser, live_server, "rina", viewport, errors)
        desk.goto(f"{live_server}/admin/reports/skm?{query}")
        assert desk.inner_text("[data-skm-respondents]") == "1"
        assert desk.inner_text("[data-skm-ikm]") == EXPECTED_IKM
        assert desk.inner_text("[data-skm-converted]") == EXPECTED_CONVERTED
        assert "A (Sangat Baik)" in desk.inner_text("[data-skm-category]")
        assert "Ruang tunggu kurang kursi" in desk.inner_text("article")
        shot(desk, f"skm-report-{label}")
        if label == "1280":
            pdf = desk.request.get(f"{live_server}/admin/reports/skm.pdf?{query}")
            (tmp_path / "skm.pdf").write_bytes(pdf.body())
            text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "skm.pdf"), "-"], capture_output=True,
                                  text=True, check=True).stdout
            assert "LAPORAN SURVEI KEPUASAN MASYARAKAT (SKM)" in text
            assert EXPECTED_CONVERTED in text and "A (Sangat Baik)" in text and "Persyaratan" in text
            xlsx = desk.request.get(f"{live_server}/admin/reports/skm.xlsx?{query}")
            cells = [str(c) for row in load_workbook(io.BytesIO(xlsx.body())).active.iter_rows(values_only=True)
                     for c in row if c is not None]
            assert EXPECTED_CONVERTED in cells and any("A (Sangat Baik)" in c for c in cells)
        desk.context.close()
    assert not errors, errors
