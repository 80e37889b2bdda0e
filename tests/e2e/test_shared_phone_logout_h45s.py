"""h45s: a phone shared by the staff. The Kasubag's half-typed refusal reason is kept in the tab so that it
survives a reload and a session that ended by itself (h21u); but "Keluar akun" is the Kasubag saying she
is done. It was kept through the logout, and whoever logged in next on that phone found her sentence
in the refusal box, the panel open, one tap from sending it under their own name. Now a logout forgets
what the tab kept, and a reason kept for one member of staff is never put in front of another."""
from __future__ import annotations

from pathlib import Path

from tests.conftest import TEST_PASSWORD

from .test_refusal_reason_kept_h21u import (SMALL_PHONE, end_every_staff_session,
                                           kasubag_on_a_phone_with_one_waiting)
from .test_staff_flow import close_pages

PRIVATE = "Pernah membuat keributan di kantor; catatan pribadi Kasubag"
# what was typed or chosen (the tab's other entry, lpsedesk.kept-for, names only whose it is)
KEPT = ("() => Object.keys(sessionStorage).filter((k) => k.startsWith('lpsedesk.refusal-reason.')"
        " || k.startsWith('lpsedesk.escort.'))")
SHOTS = Path("/tmp/h45s")


def _type_a_reason(page, live_server) -> None:
    page.goto(f"{live_server}/admin/queue")
    card = page.locator(".req.current")
    card.locator(".refuse summary").click()
    card.locator("textarea[name=reason]").type(PRIVATE)
    assert page.evaluate(KEPT) != [], "kept while typed (h21u)"


def _log_in(page, live_server, username: str) -> None:
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", TEST_PASSWORD)
    with page.expect_navigation():
        page.click("button[type=submit]")
    page.goto(f"{live_server}/admin/queue")


def _refusal_box_on_the_queue(page):
    box = page.locator(".req.current textarea[name=reason]")
    box.wait_for(state="attached")
    return box


def test_logging_out_on_a_shared_phone_forgets_the_half_typed_reason(app, live_server, browser, make_user):
    SHOTS.mkdir(exist_ok=True)
    page, _visit_id = kasubag_on_a_phone_with_one_waiting(app, live_server, browser, make_user)
    _type_a_reason(page, live_server)

    page.get_by_role("button", name="Keluar akun").click()
    # h48e: on a touch screen it asks first; answered, she is out
    page.get_by_role("dialog", name="Keluar dari akun ini?").get_by_role("button", name="Keluar akun").click()
    page.wait_for_url("**/admin/login")
    assert page.evaluate(KEPT) == [], "nothing of hers stays in the phone's tab after the logout"
    page.screenshot(path=str(SHOTS / "1-logged-out-360x640.png"))

    _log_in(page, live_server, "siti")
    assert _refusal_box_on_the_queue(page).input_value() == ""
    page.screenshot(path=str(SHOTS / "2-next-login-empty-360x640.png"))
    close_pages(page)


def test_a_reason_kept_through_an_ended_session_is_not_given_to_someone_else(app, live_server, browser,
                                                                             make_user):
    make_user("rudi", "kasubag", name="Rudi Kasubag")
    page, _visit_id = kasubag_on_a_phone_with_one_waiting(app, live_server, browser, make_user)
    page.set_viewport_size(SMALL_PHONE)
    _type_a_reason(page, live_server)

    end_every_staff_session(app)  # she left the phone; her session ended by itself
    page.reload()
    page.wait_for_url("**/admin/login?**")
    _log_in(page, live_server, "rudi")
    assert _refusal_box_on_the_queue(page).input_value() == "", "Siti's sentence is not Rudi's to send"
    assert page.evaluate(KEPT) == []
    close_pages(page)
