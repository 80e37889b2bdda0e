"""Reading every visit back: search and filters, the visit page's whole timeline, the navigation."""
from __future__ import annotations

import re
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

from lpsedesk.extensions import db

from .. import factories
from ..conftest import csrf_from, post_form

WIB = ZoneInfo("Asia/Jakarta")


def wib(day: int, hour: int = 10) -> datetime:
    return datetime(2026, 11, day, hour, tzinfo=WIB).astimezone(timezone.utc)


def test_visits_are_found_by_name_nik_institution_status_and_wib_dates(app, client, make_user, login):
    make_user("rina", "helpdesk")
    login("rina")
    with app.app_context():
        factories.visit(visitor=factories.visitor(full_name="Ani Pertama", nik="3373010101900001",
                                                  institution="CV Alfa"), submitted_at=wib(2))
        factories.visit("denied", visitor=factories.visitor(full_name="Bima Kedua", nik="3373020202900002",
                                                            institution="PT Beta"), submitted_at=wib(10))
        # 00:30 WIB on the 11th is still the 10th in UTC: the WIB date counts.
        factories.visit(visitor=factories.visitor(full_name="Citra Ketiga", institution="PT Beta"),
                        submitted_at=wib(11, 0).replace(minute=30))

    def names(query: str) -> list[str]:
        page = client.get(f"/admin/visits?{query}").get_data(as_text=True)
        return [n for n in ("Ani Pertama", "Bima Kedua", "Citra Ketiga") if n in page]

    assert names("q=ani") == ["Ani Pertama"]
    assert names("q=3373020202900002") == ["Bima Kedua"]
    assert names("q=337302020290") == [], "a NIK matches only in full (lists mask it)"
    assert names("q=beta") == ["Bima Kedua", "Citra Ketiga"]
    assert names("status=denied") == ["Bima Kedua"]
    assert names("from=2026-11-10&to=2026-11-10") == ["Bima Kedua"]
    assert names("from=2026-11-11") == ["Citra Ketiga"]


def test_a_bad_date_or_status_is_a_400_with_a_message_not_a_500(client, make_user, login):
    make_user("rina", "helpdesk")
    login("rina")
    response = client.get("/admin/visits?from=kemarin&status=bogus")
    text = response.get_data(as_text=True)
    assert response.status_code == 400 and "bukan tanggal" in text and "Status tidak dikenal" in text


def test_the_search_is_paginated(app, client, make_user, login):
    make_user("rina", "helpdesk")
    login("rina")
    with app.app_context():
        for i in range(27):
            factories.visit(visitor=factories.visitor(full_name=f"Tamu {i:02d}"), submitted_at=wib(3, 8 + i % 8))
    first = client.get("/admin/visits").get_data(as_text=True)
    assert "27 kunjungan ditemukan" in first and "Halaman 1 dari 2" in first and "page=2" in first
    second = client.get("/admin/visits?page=2").get_data(as_text=True)
    assert second.count('data-label="Nama"') == 2


def test_the_visit_page_shows_every_step_in_order_with_who_did_it(app, client, make_user, login):
    make_user("rina", "helpdesk", name="Rina Helpdesk")
    make_user("bambang", "kasubag", name="Bambang Wijaya")
    with app.app_context():
        visit_id = factories.visit(signature_key="sig/2026/11/" + "s" * 20).id
    desk, boss = client, app.test_client()
    login("rina")
    login("bambang", c=boss)
    assert post_form(desk, f"/admin/visits/{visit_id}/ktp-check").status_code == 302
    token = csrf_from(boss, "/admin/visits")
    assert boss.post(f"/admin/visits/{visit_id}/decision", data={"csrf_token": token, "decision": "approve"}).status_code == 302
    assert post_form(desk, f"/admin/visits/{visit_id}/notes", body="Memakai pojok internet", kind="note").status_code == 302
    assert post_form(desk, f"/admin/visits/{visit_id}/checkout").status_code == 302
    assert post_form(desk, f"/admin/visits/{visit_id}/report").status_code == 302
    token = csrf_from(boss, "/admin/visits")
    assert boss.post(f"/admin/visits/{visit_id}/acknowledge", data={"csrf_token": token}).status_code == 302
    page = desk.get(f"/admin/visits/{visit_id}").get_data(as_text=True)
    timeline = page[page.index('class="timeline"'):]
    steps = [("Buku tamu diisi", None), ("KTP asli diperiksa", "Rina Helpdesk"), ("Disetujui", "Bambang Wijaya"),
             ("Memakai pojok internet", None), ("Sudah keluar", "Rina Helpdesk"),
             ("Dilaporkan kepada Kasubag", "Rina Helpdesk"), ("Laporan diterima Kasubag", "Bambang Wijaya")]
    positions = [timeline.index(label) for label, _who in steps]
    assert positions == sorted(positions)
    for (label, who), pos in zip(steps, positions):
        if who:
            assert who in timeline[pos:pos + 200], label


def test_staff_navigation_shows_only_screens_that_exist_and_fit_the_role(client, make_user, login, app):
    make_user("rina", "helpdesk")
    login("rina")
    page = client.get("/admin/visits").get_data(as_text=True)
    nav = page[page.index('class="staffnav"'):page.index("</nav>", page.index('class="staffnav"'))]
    assert "/admin/board" in nav and "/admin/visits" in nav and "/admin/queue" not in nav
    if "admin.settings_index" in app.view_functions:
        assert "Pengaturan" not in nav
    other = app.test_client()
    make_user("bambang", "kasubag")
    login("bambang", c=other)
    page = other.get("/admin/visits").get_data(as_text=True)
    assert "/admin/queue" in page[page.index('class="staffnav"'):]


def test_the_tab_of_a_screen_stays_lit_on_its_sub_pages(client, make_user, login):
    # Someone who opened "Laporan" > SKM, or "Undangan" > new, still sees where they are.
    make_user("rina", "helpdesk")
    login("rina")

    def lit(path: str) -> list[str]:
        page = client.get(path).get_data(as_text=True)
        nav = page[page.index('class="staffnav"'):page.index("</nav>", page.index('class="staffnav"'))]
        return re.findall(r'<a href="([^"]+)"[^>]*aria-current="page"', nav)

    assert lit("/admin/reports/skm") == ["/admin/reports/"]
    assert lit("/admin/invitations/new") == ["/admin/invitations/"]
    assert lit("/admin/visits") == ["/admin/visits"]
    assert lit("/admin/board") == ["/admin/board"]
