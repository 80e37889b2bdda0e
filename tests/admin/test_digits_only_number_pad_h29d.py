"""h29d: the staff's date fields open a phone's number pad (h29p), and an iPhone's number pad types
digits alone: no "/", ":", "." and no space. Every date field must still be fillable with it: a
remote request's period (one box for the day and its time, 25/12/2026 14:30 as 251220261430) and the
Formulir's month (11/2026 as 112026), read day (or month) first as the fields show them."""
from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import select

from lpsedesk.extensions import db
from lpsedesk.models import RemoteAccessRequest

from .test_remote_support import record
from .test_typed_dates import admin  # noqa: F401 (a fixture)


def test_a_remote_period_typed_in_digits_alone_is_that_wib_day_and_time(app, admin):
    response = record(admin, letter_date="03042026", period_start="251220991430", period_end="27122099930")
    assert response.status_code == 302, response.get_data(as_text=True)[:1500]
    with app.app_context():
        req = db.session.scalars(select(RemoteAccessRequest)).one()
        assert req.letter_date.isoformat() == "2026-04-03"
        # 14:30 and 09:30 WIB are 07:30 and 02:30 UTC
        assert req.period_start.astimezone(timezone.utc).replace(tzinfo=None) == datetime(2099, 12, 25, 7, 30)
        assert req.period_end.astimezone(timezone.utc).replace(tzinfo=None) == datetime(2099, 12, 27, 2, 30)


def test_a_day_in_digits_without_its_time_is_still_asked_for_the_time(app, admin):
    response = record(admin, period_start="25122099", period_end="271220991600")
    assert response.status_code == 400
    assert "25122099" in response.get_data(as_text=True)  # what was typed is kept
    with app.app_context():
        assert db.session.scalars(select(RemoteAccessRequest)).first() is None


def test_the_formulir_month_typed_in_digits_alone_is_that_month(app, admin):
    page = admin.get("/admin/remote/form?kind=month&month=112026")
    assert page.status_code == 200 and "November 2026" in page.get_data(as_text=True)
    wrong = admin.get("/admin/remote/form?kind=month&month=132026")
    assert wrong.status_code == 400 and "Tulis bulan sebagai bb/tttt" in wrong.get_data(as_text=True)
