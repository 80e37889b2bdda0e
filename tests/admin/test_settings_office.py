"""The Admin edits the office settings; every value is checked on the server and every change audited."""
from __future__ import annotations

from sqlalchemy import select

from lpsedesk import settings
from lpsedesk.extensions import db
from lpsedesk.models import AuditEvent

from .. import factories
from ..conftest import csrf_from, post_form

GOOD = {
    "lpse_name": "Kabupaten Contoh", "lpse_place": "Contoh", "office_open": "07:00", "office_close": "15:30",
    "signatory_title": "Kepala Sub Bagian Pengelolaan LPSE", "signatory_name": "Nama Uji Coba, S.Kom.",
    "signatory_rank": "Penata (III/c)", "signatory_nip": "198501012010011001", "kiosk_idle_seconds": "90",
    "retention_days": "730", "ktp_check_before_kasubag": "1",
}


def _admin(make_user, login):
    make_user("siti", "admin")
    login("siti")


def _values(app) -> dict:
    with app.app_context():
        return settings.get_all(db.session)


def _changes(app) -> dict[str, dict]:
    with app.app_context():
        events = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "settings.changed")).all()
        return {e.details["key"]: e.details for e in events}


def test_only_the_admin_opens_the_settings(client, make_user, login):
    make_user("bambang", "kasubag")
    login("bambang")
    for path in ("/admin/settings/", "/admin/settings/office", "/admin/settings/facilities"):
        assert client.get(path).status_code == 403


def test_the_overview_links_every_section(client, make_user, login, app):
    _admin(make_user, login)
    page = client.get("/admin/settings/").get_data(as_text=True)
    for path in ("/admin/settings/users", "/admin/settings/delegations", "/admin/settings/office",
                 "/admin/settings/facilities", "/admin/settings/purposes", "/admin/settings/access-rights"):
        assert f'href="{path}"' in page
    assert ("admin.kiosks" in app.view_functions) == ("/admin/kiosks" in page or "Daftarkan atau cabut" in page)


def test_saving_the_office_settings_stores_them_and_audits_old_and_new_values(app, client, make_user, login):
    _admin(make_user, login)
    assert post_form(client, "/admin/settings/office", GOOD).status_code == 302
    values = _values(app)
    assert values["lpse_name"] == "Kabupaten Contoh" and values["kiosk_idle_seconds"] == 90
    assert values["retention_days"] == 730 and values["ktp_check_before_kasubag"] is True
    changes = _changes(app)
    assert changes["lpse_name"]["old"] == "Kota Salatiga" and changes["lpse_name"]["new"] == "Kabupaten Contoh"
    assert changes["kiosk_idle_seconds"] == {"key": "kiosk_idle_seconds", "old": 60, "new": 90}
    # Saving the same values again changes and audits nothing.
    assert post_form(client, "/admin/settings/office", GOOD).status_code == 302
    assert len(_changes(app)) == len(changes)
    unchecked = {k: v for k, v in GOOD.items() if k != "ktp_check_before_kasubag"}
    post_form(client, "/admin/settings/office", unchecked)
    assert _values(app)["ktp_check_before_kasubag"] is False


def test_wrong_office_values_are_refused_field_by_field_and_nothing_is_saved(app, client, make_user, login):
    _admin(make_user, login)
    cases = [
        ({"kiosk_idle_seconds": "10"}, "dari 15 sampai 600"),
        ({"kiosk_idle_seconds": "sepuluh"}, "dari 15 sampai 600"),
        ({"retention_days": "20"}, "dari 30 sampai 3650"),
        ({"retention_days": "4000"}, "dari 30 sampai 3650"),
        ({"office_open": "25:00"}, "format JJ:MM"),
        ({"office_open": "16:00", "office_close": "08:00"}, "Jam tutup harus setelah jam buka"),
        ({"signatory_nip": "12345"}, "18 angka"),
        ({"lpse_name": "   "}, "wajib diisi"),
        ({"lpse_place": "x" * 81}, "Paling banyak 80 karakter"),
    ]
    for change, message in cases:
        response = post_form(client, "/admin/settings/office", {**GOOD, **change})
        assert response.status_code == 400, change
        assert message in response.get_data(as_text=True), change
    assert _changes(app) == {}
    assert _values(app)["lpse_name"] == "Kota Salatiga"


def test_an_office_time_like_7_30_is_read_as_07_30(app, client, make_user, login):
    _admin(make_user, login)
    assert post_form(client, "/admin/settings/office", {**GOOD, "office_open": "7:30"}).status_code == 302
    assert _values(app)["office_open"] == "07:30"


def _facility_form(items: list[dict], new: dict | None = None, **flags) -> dict:
    data: dict = {"row": [str(i) for i in range(len(items))] + ["new"]}
    for i, item in enumerate(items):
        data[f"key-{i}"], data[f"id-{i}"], data[f"en-{i}"] = item["key"], item["id"], item["en"]
        if item.get("active", True):
            data[f"active-{i}"] = "1"
    for name, value in flags.items():
        data[name.replace("_", "-")] = value
    for field in ("key", "id", "en"):
        data[f"{field}-new"] = (new or {}).get(field, "")
    return data


def test_renaming_a_facility_keeps_its_key_so_old_visits_still_point_at_it(app, client, make_user, login):
    _admin(make_user, login)
    items = [dict(i) for i in settings.DEFAULTS["facilities"]]
    items[0]["id"] = "Ruang pelatihan lantai 2"
    assert post_form(client, "/admin/settings/facilities", _facility_form(items)).status_code == 302
    stored = _values(app)["facilities"]
    assert stored[0] == {"key": "training_room", "id": "Ruang pelatihan lantai 2", "en": "Training room",
                         "active": True}
    assert _changes(app)["facilities"]["old"][0]["id"] == "Ruang pelatihan"


def test_a_new_facility_gets_a_stable_key_from_its_label(app, client, make_user, login):
    _admin(make_user, login)
    items = list(settings.DEFAULTS["facilities"])
    post_form(client, "/admin/settings/facilities", _facility_form(items, {"id": "Ruang rapat", "en": "Meeting room"}))
    assert _values(app)["facilities"][-1] == {"key": "meeting_room", "id": "Ruang rapat", "en": "Meeting room",
                                              "active": True}
    bad = post_form(client, "/admin/settings/facilities", _facility_form(items, {"key": "Ruang!", "id": "A", "en": "B"}))
    assert bad.status_code == 400 and "huruf kecil" in bad.get_data(as_text=True)
    dup = post_form(client, "/admin/settings/facilities", _facility_form(items, {"key": "helpdesk", "id": "A", "en": "B"}))
    assert dup.status_code == 400 and "muncul dua kali" in dup.get_data(as_text=True)
    half = post_form(client, "/admin/settings/facilities", _facility_form(items, {"id": "Hanya Indonesia"}))
    assert half.status_code == 400 and "label bahasa Indonesia dan bahasa Inggris" in half.get_data(as_text=True)


def test_removing_a_facility_in_use_only_hides_it_from_new_visits(app, client, make_user, login):
    _admin(make_user, login)
    with app.app_context():
        factories.visit(facility="verification_desk")
    items = list(settings.DEFAULTS["facilities"])
    keys = [i["key"] for i in items]
    response = post_form(client, "/admin/settings/facilities",
                     _facility_form(items, remove_1="1", **{f"remove_{keys.index('verification_desk')}": "1"}))
    assert response.status_code == 302
    stored = {i["key"]: i for i in _values(app)["facilities"]}
    assert "internet_corner" not in stored  # unused: removed
    assert stored["verification_desk"]["active"] is False  # used by a visit: hidden only
    assert [i["key"] for i in settings.active_choices(list(stored.values()))] == ["training_room", "helpdesk"]
    assert "hanya disembunyikan" in client.get("/admin/settings/facilities").get_data(as_text=True)
    # The old visit still shows its label.
    assert settings.choice_label(list(stored.values()), "verification_desk", "id") == "Meja verifikasi"


def test_at_least_one_purpose_stays_available(app, client, make_user, login):
    _admin(make_user, login)
    items = [{**i, "active": False} for i in settings.DEFAULTS["purposes"]]
    response = post_form(client, "/admin/settings/purposes", _facility_form(items))
    assert response.status_code == 400 and "paling sedikit satu butir" in response.get_data(as_text=True)
    assert "purposes" not in _changes(app)


def test_access_rights_are_one_per_line_without_duplicates(app, client, make_user, login):
    _admin(make_user, login)
    ok = post_form(client, "/admin/settings/access-rights", {"access_rights": "Read only\n\n  Server   (SSH) \nVPN\n"})
    assert ok.status_code == 302
    assert _values(app)["access_rights"] == ["Read only", "Server (SSH)", "VPN"]
    dup = post_form(client, "/admin/settings/access-rights", {"access_rights": "VPN\nvpn"})
    assert dup.status_code == 400 and "muncul dua kali" in dup.get_data(as_text=True)
    empty = post_form(client, "/admin/settings/access-rights", {"access_rights": "  \n"})
    assert empty.status_code == 400
    assert _values(app)["access_rights"] == ["Read only", "Server (SSH)", "VPN"]
