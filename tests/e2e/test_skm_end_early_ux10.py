"""ux10: a visitor who started the satisfaction survey (SKM) can end it on any question, in one tap,
instead of skipping each of the nine. A skipped element counts as unanswered (docs/skm.md: it counts
neither in the sum nor in the divisor), so the answers given so far are kept and the rest stay
unanswered; a visitor who answered nothing leaves and nothing is stored."""
from __future__ import annotations

import os

from sqlalchemy import func, select

from lpsedesk.extensions import db
from lpsedesk.models import SkmAnsweredVisit, SkmResponse
from lpsedesk.skm.elements import KEYS
from tests import factories

from .axe import axe_source, violations
from .test_skm_survey import touch_kiosk

NOTES = os.environ.get("UX10_SHOTS")


def check_out_by_code(page, ticket: str) -> None:
    page.tap("[data-action=checkout]")
    page.fill("input[name=ticket]", ticket)
    page.tap("[data-ticket-form] button[type=submit]")
    page.wait_for_selector("[data-screen=checkout-confirm]:not([hidden])")
    page.tap("[data-action=confirm-checkout]")
    page.wait_for_selector("[data-screen=checkout-done]:not([hidden])")


def _step(key: str) -> str:
    return f"[data-survey-step][data-key={key}]:not([hidden])"


def test_a_visitor_ends_the_survey_after_three_answers_and_they_are_kept(app, live_server, browser, shot):
    with app.app_context():
        ticket = factories.visit("approved").ticket_code
    page = touch_kiosk(app, browser, live_server)
    check_out_by_code(page, ticket)
    page.tap("[data-action=survey-start]")
    first = _step(KEYS[0])
    page.wait_for_selector(first)
    assert page.inner_text(f"{first} [data-survey-end]") == "Lewati survei"
    for key, score in zip(KEYS[:3], (4, 2, 3)):
        page.wait_for_selector(_step(key))
        page.tap(f"{_step(key)} [data-score='{score}']")
    fourth = _step(KEYS[3])
    page.wait_for_selector(fourth)
    end = page.locator(f"{fourth} [data-survey-end]")
    assert end.inner_text() == "Selesai, kirim jawaban saya"
    box = end.bounding_box()
    assert box["height"] >= 44 and box["y"] + box["height"] <= 800, "the way out is on the screen"
    assert violations(page, axe_source()) == []
    shot(page, "ux10-skm-end-early-1280x800", full_page=False)
    if NOTES:
        page.screenshot(path=f"{NOTES}/skm-question4-end-1280x800.png")
    end.tap()
    page.wait_for_selector("[data-survey-step][data-thanks]:not([hidden])")
    with app.app_context():
        row = db.session.scalars(select(SkmResponse)).one()
        assert [getattr(row, f"u{n}") for n in range(1, 10)] == [4, 2, 3] + [None] * 6
        assert db.session.scalar(select(func.count()).select_from(SkmAnsweredVisit)) == 1
    assert not page.errors, page.errors


def test_a_visitor_who_answered_nothing_leaves_in_one_tap_and_nothing_is_stored(app, live_server, browser):
    with app.app_context():
        ticket = factories.visit("approved").ticket_code
    page = touch_kiosk(app, browser, live_server)
    check_out_by_code(page, ticket)
    page.tap("[data-action=survey-start]")
    page.wait_for_selector(_step(KEYS[0]))
    page.tap(f"{_step(KEYS[0])} [data-survey-next]")  # skips question 1
    page.tap(f"{_step(KEYS[1])} [data-survey-end]")
    page.wait_for_selector("body[data-screen=welcome]")
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(SkmResponse)) == 0
    if NOTES:
        page.screenshot(path=f"{NOTES}/skm-skipped-back-home-1280x800.png")
    assert not page.errors, page.errors
