"""h21u: on the kiosk, "Lihat jawaban dan tiket saya" that finds nothing, or is given a short NIK, marks
the fields: each box is aria-invalid, its message tied to it by aria-describedby, and the first marked
box has the focus, where the visitor types next."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from tests import factories
from tests.kiosk.e2e_support import PORTRAIT, TABLET, enrol_page

from .axe import axe_source, violations
from .settle import settled

DESCRIBED = """(sel) => { const box = document.querySelector(sel);
  return (box.getAttribute('aria-describedby') || '').split(/\\s+/)
    .map((id) => document.getElementById(id)).filter(Boolean).map((el) => el.textContent.trim()).join(' '); }"""


@pytest.mark.parametrize(("size", "name"), [(TABLET, "1280x800"), (PORTRAIT, "1080x1920")])
def test_find_my_answer_that_finds_nothing_marks_the_field_to_check_and_focuses_it(
        app, live_server, browser, shot, size, name):
    with app.app_context():
        factories.visit("pending", submitted_at=datetime.now(timezone.utc),
                        visitor=factories.visitor(nik="3373024107900001", phone="081234560001"))
    page = enrol_page(app, browser, live_server, size)
    page.click("[data-action=find-answer]")
    page.wait_for_selector("[data-screen=find]:not([hidden])")

    # a NIK too short: that box alone is marked and has the focus
    page.fill("input[name=find_nik]", "33730241")
    page.fill("input[name=find_last4]", "0001")
    page.click("[data-action=find-submit]")
    page.wait_for_selector("input[name=find_nik][aria-invalid=true]")
    assert page.get_attribute("input[name=find_last4]", "aria-invalid") is None
    assert "16" in page.evaluate(DESCRIBED, "input[name=find_nik]")
    assert page.evaluate("document.activeElement.name") == "find_nik"

    # well formed, but no visit today with these digits: h46g: said once, beside the digits (naming the
    # NIK too), and that box has the focus
    page.fill("input[name=find_nik]", "3373024107900001")
    page.fill("input[name=find_last4]", "9999")
    page.click("[data-action=find-submit]")
    page.wait_for_selector("input[name=find_last4][aria-invalid=true]")
    assert page.get_attribute("input[name=find_nik]", "aria-invalid") is None
    said = page.evaluate(DESCRIBED, "input[name=find_last4]")
    assert "4" in said and "NIK" in said, said
    assert page.evaluate("document.activeElement.name") == "find_last4"
    settled(page)
    page.screenshot(path=f"/tmp/h21u/3-find-nothing-found-{name}.png")
    shot(page, f"h21u-find-nothing-found-{name}", full_page=False)
    assert violations(page, axe_source()) == []

    # typing the right digits clears that box's mark
    page.fill("input[name=find_last4]", "0001")
    page.click("[data-action=find-submit]")
    page.wait_for_selector("[data-screen=ticket]:not([hidden])")
    # "not found" is an answer the screen says, not a failed load the console logs (h45u)
    assert page.errors == [], page.errors
