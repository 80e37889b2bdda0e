"""ux8: outside office hours the helpdesk board says the kiosk takes no new visits (and where the
hours are set), so the helpdesk knows before a visitor comes to say the kiosk turned them away."""
from __future__ import annotations

from tests.kiosk.test_office_hours_ux7 import at_wib  # the kiosk clock fixed at an hour, WIB


def test_the_board_says_the_kiosk_is_closed_for_new_visits_outside_office_hours(app, client, make_user, login):
    make_user("dewi", "helpdesk")
    login("dewi")
    for h, m in ((16, 0), (21, 30), (6, 45)):  # after closing, late evening, before opening
        at_wib(app, h, m)
        for path in ("/admin/board", "/admin/board/fragment"):
            page = client.get(path).get_data(as_text=True)
            assert "data-kiosk-closed" in page, (h, m, path)
            assert "Kios tidak menerima kunjungan baru" in page and "07:30\u201316:00 WIB" in page
            assert "Pengaturan → Kantor" in page
    at_wib(app, 10)
    assert "data-kiosk-closed" not in client.get("/admin/board").get_data(as_text=True)
