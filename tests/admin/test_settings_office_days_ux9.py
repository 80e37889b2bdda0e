"""ux9: the Admin sets the office days (Monday to Friday by default) and the holidays (libur
nasional, cuti bersama: a date and an optional name per line) in Settings -> Office."""
from __future__ import annotations

from ..conftest import post_form
from .test_settings_office import GOOD, _admin, _values


def test_the_office_page_offers_monday_to_friday_ticked_and_an_empty_holiday_list(client, make_user, login):
    _admin(make_user, login)
    page = client.get("/admin/settings/office").get_data(as_text=True)
    assert "Hari kerja" in page and "Hari libur (libur nasional, cuti bersama)" in page
    for n, day in enumerate(("Senin", "Selasa", "Rabu", "Kamis", "Jumat")):
        assert f'value="{n}" checked' in page and day in page
    assert 'value="5" checked' not in page and 'value="6" checked' not in page


def test_the_admin_saves_office_days_and_holidays_and_sees_them_again(app, client, make_user, login):
    _admin(make_user, login)
    form = {**GOOD, "office_days_shown": "1", "office_days": ["0", "1", "2", "3", "4", "5"],
            "holidays": "25/12/2026 Hari Raya Natal\n24/12/2026 Cuti bersama"}
    assert post_form(client, "/admin/settings/office", form).status_code == 302
    values = _values(app)
    assert values["office_days"] == [0, 1, 2, 3, 4, 5]
    assert values["holidays"] == [{"date": "2026-12-24", "name": "Cuti bersama"},
                                  {"date": "2026-12-25", "name": "Hari Raya Natal"}]
    page = client.get("/admin/settings/office").get_data(as_text=True)
    assert "24/12/2026 Cuti bersama\n25/12/2026 Hari Raya Natal" in page and 'value="5" checked' in page


def test_no_office_day_or_an_unreadable_holiday_is_refused_and_what_was_typed_is_kept(app, client, make_user, login):
    _admin(make_user, login)
    response = post_form(client, "/admin/settings/office", {**GOOD, "office_days_shown": "1", "holidays": ""})
    assert response.status_code == 400 and "Centang paling sedikit satu hari kerja" in response.get_data(as_text=True)
    typed = "Natal 25 Desember"
    response = post_form(client, "/admin/settings/office", {**GOOD, "office_days_shown": "1", "office_days": "0",
                                                            "holidays": typed})
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and "Baris ini tidak terbaca: Natal 25 Desember" in page
    assert f">{typed}</textarea>" in page
    assert _values(app)["office_days"] == [0, 1, 2, 3, 4] and _values(app)["holidays"] == []
