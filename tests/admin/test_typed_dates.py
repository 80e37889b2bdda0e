"""Dates and times on the staff forms are typed day first with a 24-hour WIB clock (25/12/2026 14:30),
whatever the browser's language: the browser's own pickers showed mm/dd/yyyy and AM/PM on an
English-set office PC. A date that cannot be read comes back as the same form, 400, with how to write
it beside the field in the page's language and what was typed kept; nothing is saved."""
from __future__ import annotations

import re
from datetime import datetime, timezone

import pytest
from sqlalchemy import func, select

from lpsedesk.extensions import db
from lpsedesk.models import Delegation, Invitation, RemoteAccessRequest, WatchEntry

from ..conftest import logged_in_client, post_form
from .test_forms_say_what_to_fix import label_of
from .test_invitations import one
from .test_remote_support import record


def rows(app, model) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(model))


def inputs(html: str) -> dict[str, str]:
    """name -> type of every <input> on the page."""
    found = {}
    for tag in re.findall(r"<input\b[^>]*>", html):
        name = re.search(r'name="([^"]+)"', tag)
        kind = re.search(r'type="([^"]+)"', tag)
        if name:
            found[name[1]] = kind[1] if kind else "text"
    return found


@pytest.fixture
def admin(app, make_user):
    make_user("ani", "admin", name="Ani Admin")
    return logged_in_client(app, "ani")


def test_a_remote_request_typed_day_first_is_stored_as_that_wib_time(app, admin):
    response = record(admin, letter_date="03/04/2026", period_start="25/12/2099 14:30", period_end="27/12/2099 16.00")
    assert response.status_code == 302, response.get_data(as_text=True)[:1500]
    with app.app_context():
        req = db.session.scalars(select(RemoteAccessRequest)).one()
        assert req.letter_date.isoformat() == "2026-04-03"  # 3 April: the day comes first
        assert req.period_start.astimezone(timezone.utc).replace(tzinfo=None) == datetime(2099, 12, 25, 7, 30)
        assert req.period_end.astimezone(timezone.utc).replace(tzinfo=None) == datetime(2099, 12, 27, 9, 0)


@pytest.mark.parametrize("lang,says", [
    ("id", "Tulis tanggal dan jam WIB (format 24 jam) sebagai hh/bb/tttt jj:mm"),
    ("en", "Write the date and the 24-hour WIB time as dd/mm/yyyy HH:MM")])
def test_a_remote_request_with_an_american_time_is_refused_beside_the_field_and_kept(app, admin, lang, says):
    admin.get(f"/admin/?lang={lang}")
    response = record(admin, period_start="12/25/2099 2:30 PM", period_end="25/12/2099")
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    start, end = label_of(page, "period_start"), label_of(page, "period_end")
    assert says in start and 'value="12/25/2099 2:30 PM"' in start
    assert ("Tambahkan jamnya" if lang == "id" else "Add the time") in end and 'value="25/12/2099"' in end
    assert "Ñoño Śuryadi" in label_of(page, "requester_name")  # the rest of what was typed is kept
    assert rows(app, RemoteAccessRequest) == 0


def test_a_day_that_does_not_exist_says_the_day_comes_first(app, admin):
    response = record(admin, letter_date="12/25/2026")
    assert response.status_code == 400
    field = label_of(response.get_data(as_text=True), "letter_date")
    assert "tulis tanggalnya dulu, lalu bulannya" in field and 'value="12/25/2026"' in field
    assert rows(app, RemoteAccessRequest) == 0


def test_the_remote_forms_show_text_fields_day_first_never_the_browsers_picker(app, admin):
    page = admin.get("/admin/remote/new").get_data(as_text=True)
    types = inputs(page)
    assert {types[n] for n in ("letter_date", "period_start", "period_end")} == {"text"}
    assert "hh/bb/tttt jj:mm" in label_of(page, "period_start")
    assert "mis. 25/12/2026 14:30" in label_of(page, "period_start")


def test_an_invitation_at_half_past_two_pm_is_asked_on_the_24_hour_clock(app, client, make_user, login):
    make_user("rina", "helpdesk")
    login("rina")
    response = post_form(client, "/admin/invitations/new", one(start="2:30 PM"), token_page="/admin/invitations/new")
    assert response.status_code == 400
    field = label_of(response.get_data(as_text=True), "start")
    assert "format 24 jam (WIB), mis. 14:30" in field and 'value="2:30 PM"' in field
    assert rows(app, Invitation) == 0


def test_an_invitation_typed_day_first_is_saved(app, client, make_user, login):
    make_user("rina", "helpdesk")
    login("rina")
    data = one()
    y, m, d = data["day"].split("-")
    response = post_form(client, "/admin/invitations/new", {**data, "day": f"{d}/{m}/{y}"},
                         token_page="/admin/invitations/new")
    assert response.status_code == 302, response.get_data(as_text=True)[:1500]
    assert rows(app, Invitation) == 1


def test_a_report_period_typed_day_first_is_read_and_a_wrong_one_is_refused_in_words(app, admin):
    shown = admin.get("/admin/reports/guestbook?from=01/11/2026&to=30/11/2026")
    assert shown.status_code == 200
    page = shown.get_data(as_text=True)
    assert 'value="01/11/2026"' in page and 'value="30/11/2026"' in page and inputs(page)["from"] == "text"
    refused = admin.get("/admin/reports/guestbook?from=11/30/2026&to=12/01/2026")
    assert refused.status_code == 400 and "hh/bb/tttt" in refused.get_data(as_text=True)


def test_the_visit_search_reads_a_day_first_date_and_explains_a_wrong_one(app, admin):
    assert admin.get("/admin/visits?from=25/12/2026").status_code == 200
    wrong = admin.get("/admin/visits?from=12/25/2026")
    page = wrong.get_data(as_text=True)
    assert wrong.status_code == 400 and "12/25/2026 bukan tanggal: tulis sebagai hh/bb/tttt" in page
    assert 'value="12/25/2026"' in page


def test_a_delegation_with_an_unreadable_day_says_how_to_write_it(app, admin, make_user):
    boss = make_user("bambang", "kasubag", name="Bambang Kasubag")
    deputy = make_user("dedi", "helpdesk", name="Dedi Wakil")
    response = post_form(admin, "/admin/settings/delegations", {
        "delegate": deputy, "principal": boss, "title": "Plh.", "starts_on": "12/31/2099", "ends_on": "31/12/2099"})
    page = response.get_data(as_text=True)
    # said beside the first day, the one typed month first (ux5: each day's problem beside that day)
    assert response.status_code == 400 and "Tanggal itu tidak ada" in label_of(page, "starts_on")
    assert 'aria-describedby="starts_on-error"' in label_of(page, "starts_on")
    assert "aria-invalid" not in label_of(page, "ends_on")
    assert 'value="12/31/2099"' in page and 'value="31/12/2099"' in page
    assert rows(app, Delegation) == 0
    ok = post_form(admin, "/admin/settings/delegations", {
        "delegate": deputy, "principal": boss, "title": "Plh.", "starts_on": "30/12/2099", "ends_on": "31/12/2099"})
    assert ok.status_code == 302 and rows(app, Delegation) == 1


def test_a_watch_list_entry_ending_on_a_day_first_date_is_kept_and_a_wrong_one_refused(app, admin):
    wrong = post_form(admin, "/admin/watchlist/", nik="3373024107900001", reason="Melanggar tata tertib",
                      expires_on="12/31/2099")
    page = wrong.get_data(as_text=True)
    assert wrong.status_code == 400 and "Tulis hari terakhir sebagai hh/bb/tttt" in page and 'value="12/31/2099"' in page
    assert rows(app, WatchEntry) == 0
    ok = post_form(admin, "/admin/watchlist/", nik="3373024107900001", reason="Melanggar tata tertib",
                   expires_on="31/12/2099")
    assert ok.status_code == 302 and rows(app, WatchEntry) == 1


def test_the_remote_form_month_is_typed_month_first_and_a_wrong_one_says_how(app, admin):
    page = admin.get("/admin/remote/form?kind=month&month=11/2026")
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and inputs(html)["month"] == "text" and 'value="11/2026"' in html
    assert "November 2026" in html
    wrong = admin.get("/admin/remote/form?kind=month&month=November")
    assert wrong.status_code == 400 and "Tulis bulan sebagai bb/tttt, mis. 11/2026." in wrong.get_data(as_text=True)
