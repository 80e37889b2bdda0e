"""Hostile values in queries and forms get a 4xx (or are ignored), never a 500 (issue 12):
CR/LF in next=, a page number of 20 digits, dates 0001-01-01 and 9999-12-31 in every period filter."""
from __future__ import annotations

import pytest

from .. import factories
from ..conftest import TEST_PASSWORD, csrf_from

EXTREMES = ["0001-01-01", "9999-12-31"]


@pytest.fixture
def boss(app, make_user):
    make_user("sinta", "admin", "kasubag", "helpdesk", name="Sinta Semua")
    c = app.test_client()
    token = csrf_from(c, "/admin/login")
    assert c.post("/admin/login", data={"csrf_token": token, "username": "sinta",
                                        "password": TEST_PASSWORD}).status_code == 302
    return c


def test_cr_lf_in_next_does_not_break_the_redirect_after_a_note_is_saved(app, boss):
    with app.app_context():
        visit_id = factories.visit("approved").id
    token = csrf_from(boss, f"/admin/visits/{visit_id}")
    response = boss.post(f"/admin/visits/{visit_id}/notes", data={
        "csrf_token": token, "body": "Catatan uji", "kind": "note", "next": "/admin/board\r\nSet-Cookie: x=1"})
    assert response.status_code == 302
    assert "\r" not in response.headers["Location"] and "\n" not in response.headers["Location"]
    assert "x=1" not in response.headers.get("Set-Cookie", "")


def test_cr_lf_in_the_login_next_goes_to_the_dashboard(app, make_user):
    make_user("rina", "helpdesk")
    c = app.test_client()
    token = csrf_from(c, "/admin/login")
    response = c.post("/admin/login?next=/admin/board%0d%0aX-Evil:%201",
                      data={"csrf_token": token, "username": "rina", "password": TEST_PASSWORD})
    assert response.status_code == 302 and response.headers["Location"] == "/admin/"


@pytest.mark.parametrize("path", ["/admin/visits?page=99999999999999999999",
                                  "/admin/remote/?page=99999999999999999999",
                                  "/admin/visits?page=-5", "/admin/remote/?page=-5"])
def test_a_huge_page_number_is_not_a_server_error(boss, path):
    assert boss.get(path).status_code < 500


@pytest.mark.parametrize("day", EXTREMES)
@pytest.mark.parametrize("path", [
    "/admin/visits?from={d}", "/admin/visits?to={d}",
    "/admin/reports/guestbook?from={d}&to={d}", "/admin/reports/guestbook.csv?from={d}&to={d}",
    "/admin/reports/visits?from={d}&to={d}", "/admin/reports/visits.xlsx?from={d}&to={d}",
    "/admin/reports/statistics?from={d}&to={d}", "/admin/reports/statistics.csv?from={d}&to={d}",
    "/admin/remote/form?kind=range&start={d}&end={d}", "/admin/remote/form.pdf?kind=range&start={d}&end={d}",
    "/admin/remote/form?kind=month&value=9999-12", "/admin/remote/form?kind=quarter&value=0001-Q1",
])
def test_extreme_dates_in_every_period_filter_are_a_400(boss, path, day):
    response = boss.get(path.format(d=day))
    assert response.status_code == 400, f"{path.format(d=day)} answered {response.status_code}"
