"""h21u: on the remote-access request form (Admin), the period's dates (Waktu Pemberian / Penutupan)
are checked as soon as one is changed, the message beside its field: an end before the start, and a
date already past. The server still checks when the form is sent."""
from __future__ import annotations

import pytest

from .axe import axe_source, violations
from .test_staff_flow import close_pages
from .test_staff_phone_stranger import _phone

DESCRIBED = """(name) => { const box = document.querySelector(`input[name=${name}]`);
  return (box.getAttribute('aria-describedby') || '').split(/\\s+/)
    .map((id) => document.getElementById(id)).filter(Boolean).map((el) => el.textContent.trim()).join(' | '); }"""


@pytest.mark.parametrize(("size", "name"), [({"width": 360, "height": 640}, "360x640"),
                                            ({"width": 1280, "height": 800}, "1280x800")])
def test_the_period_is_checked_as_the_admin_types_it(app, live_server, browser, make_user, size, name):
    make_user("ani", "admin", name="Ani Admin")
    page = _phone(browser, live_server, "ani")
    page.set_viewport_size(size)
    page.goto(f"{live_server}/admin/remote/new")
    start, end = page.locator("input[name=period_start]"), page.locator("input[name=period_end]")

    # the end before the start: said at once beside the end, which is marked
    start.fill("10/12/2099 09:00")
    start.press("Tab")
    end.fill("05/12/2099 09:00")
    end.press("Tab")
    assert "Akhir periode harus sesudah awalnya" in page.evaluate(DESCRIBED, "period_end")
    assert end.get_attribute("aria-invalid") == "true"
    end.scroll_into_view_if_needed()
    page.screenshot(path=f"/tmp/h21u/4-period-end-before-start-{name}.png")
    assert violations(page, axe_source()) == []

    # put right: the message goes
    end.fill("12/12/2099 09:00")
    assert "Akhir periode" not in page.evaluate(DESCRIBED, "period_end")
    assert end.get_attribute("aria-invalid") is None

    # dates already past: each said beside its own field
    start.fill("01/01/2020 08:00")
    start.press("Tab")
    end.fill("02/01/2020 17:00")
    end.press("Tab")
    assert "sebelum hari ini" in page.evaluate(DESCRIBED, "period_start")
    assert "sudah lewat" in page.evaluate(DESCRIBED, "period_end")
    page.screenshot(path=f"/tmp/h21u/4-period-past-{name}.png")
    assert violations(page, axe_source()) == []
    close_pages(page)


def test_the_server_still_refuses_an_end_before_the_start(app, client, make_user, login):
    make_user("ani", "admin")
    login("ani")
    from ..conftest import post_form
    page = post_form(client, "/admin/remote/new", token_page="/admin/remote/new", requester_name="Budi",
                     instansi="PT Uji", letter_number="1/UJI", letter_date="01/12/2026", purpose="Uji",
                     rights="Hanya baca", period_start="10/12/2099 09:00", period_end="05/12/2099 09:00")
    assert page.status_code == 400 and "Akhir periode harus sesudah awalnya" in page.get_data(as_text=True)
