"""Two Admins with one edit form open: a watch-list entry, a user's name, NIP and roles, the SKM
questions (probe h34w; the settings pages were mended in h32x).

README (security): two staff acting on the same record at once lose nothing; the one whose change
would replace the other's is told so (HTTP 409, a readable message naming what the other changed) and
keeps what they typed. These forms send every field, so a form opened before another Admin's save put
the old values back without a word: an entry's new last day, a new NIP, a role just given, a reworded
survey question.
"""
from __future__ import annotations

import html
from datetime import date

from sqlalchemy import select

from lpsedesk.extensions import db
from lpsedesk.models import User, WatchEntry
from lpsedesk.skm import answers as skm

from ..conftest import logged_in_client
from .sent_forms import form_in, opened, send


def _two_admins(app, make_user):
    make_user("siti", "admin", name="Siti Admin")
    make_user("rudi", "admin", name="Rudi Admin")
    return logged_in_client(app, "siti"), logged_in_client(app, "rudi")


def _page(response) -> str:
    return html.unescape(response.get_data(as_text=True))


# --- the watch list ----------------------------------------------------------------------------------------

def _entry(app, rudi) -> int:
    """An entry of a synthetic person, name and institution (no NIK), in force until the end of 2030."""
    added = send(rudi, "/admin/watchlist/", opened(rudi, "/admin/watchlist/", "/admin/watchlist/"),
                 full_name="Budi Contoh", institution="PT Contoh Jaya", reason="Pernah mencabut kabel server",
                 expires_on="31/12/2030")
    assert added.status_code == 302
    with app.app_context():
        return db.session.scalars(select(WatchEntry.id)).one()


def _stored_entry(app, entry_id: int) -> WatchEntry:
    with app.app_context():
        entry = db.session.get(WatchEntry, entry_id)
        db.session.expunge(entry)
        return entry


def test_a_watch_list_save_leaves_alone_the_last_day_another_admin_changed_meanwhile(app, make_user):
    siti, rudi = _two_admins(app, make_user)
    entry_id = _entry(app, rudi)
    action = f"/admin/watchlist/{entry_id}"
    sitis_form = opened(siti, "/admin/watchlist/", action)
    assert send(rudi, action, opened(rudi, "/admin/watchlist/", action), expires_on="30/06/2031").status_code == 302
    assert send(siti, action, sitis_form, reason="Pernah mencabut kabel server dua kali").status_code == 302
    entry = _stored_entry(app, entry_id)
    assert entry.expires_on == date(2031, 6, 30)  # Rudi's, not the 31/12/2030 Siti's form still showed
    assert entry.reason == "Pernah mencabut kabel server dua kali"


def test_a_watch_list_entry_both_changed_is_refused_with_409_naming_the_field_and_keeping_what_was_typed(
        app, make_user):
    siti, rudi = _two_admins(app, make_user)
    entry_id = _entry(app, rudi)
    action = f"/admin/watchlist/{entry_id}"
    sitis_form = opened(siti, "/admin/watchlist/", action)
    assert send(rudi, action, opened(rudi, "/admin/watchlist/", action), expires_on="30/06/2031",
                reason="Merusak perangkat").status_code == 302
    refused = send(siti, action, sitis_form, expires_on="31/01/2031")
    assert refused.status_code == 409
    page = _page(refused)
    assert "Tidak ada yang disimpan" in page and "Berlaku sampai tanggal" in page
    assert 'value="31/01/2031"' in page  # what Siti typed is still there
    entry = _stored_entry(app, entry_id)
    assert entry.expires_on == date(2031, 6, 30) and entry.reason == "Merusak perangkat"
    # Siti saves again from the page she got back: her last day is stored, Rudi's reason stays.
    assert send(siti, action, form_in(refused.get_data(as_text=True), action)).status_code == 302
    entry = _stored_entry(app, entry_id)
    assert entry.expires_on == date(2031, 1, 31) and entry.reason == "Merusak perangkat"


# --- a user's name, NIP and roles ----------------------------------------------------------------------------

def _stored_user(app, user_id: int) -> tuple[str, str | None, set[str]]:
    with app.app_context():
        user = db.session.get(User, user_id)
        return user.full_name, user.nip, {r.value for r in user.roles}


def _both_open_anis(app, make_user, form: str):
    """Siti and Rudi open the same form of Ani's account ("profile" or "roles"), in that order."""
    siti, rudi = _two_admins(app, make_user)
    ani = make_user("ani", "helpdesk", name="Ani Lestari")
    page, action = f"/admin/settings/users/{ani}", f"/admin/settings/users/{ani}/{form}"
    return ani, action, (siti, opened(siti, page, action)), (rudi, opened(rudi, page, action))


def test_a_profile_save_leaves_alone_the_nip_another_admin_set_meanwhile(app, make_user):
    ani, action, (siti, sitis_form), (rudi, rudis_form) = _both_open_anis(app, make_user, "profile")
    assert send(rudi, action, rudis_form, nip="198501012010012001").status_code == 302
    assert send(siti, action, sitis_form, full_name="Ani Lestari, S.Kom.").status_code == 302
    assert _stored_user(app, ani)[:2] == ("Ani Lestari, S.Kom.", "198501012010012001")


def test_a_name_both_changed_is_refused_with_409_naming_it_and_keeping_what_was_typed(app, make_user):
    ani, action, (siti, sitis_form), (rudi, rudis_form) = _both_open_anis(app, make_user, "profile")
    assert send(rudi, action, rudis_form, full_name="Ani Lestari Putri").status_code == 302
    refused = send(siti, action, sitis_form, full_name="Ani Lestari, S.Kom.")
    assert refused.status_code == 409
    text = _page(refused)
    assert "Tidak ada yang disimpan" in text and "Nama lengkap" in text
    assert 'value="Ani Lestari, S.Kom."' in text
    assert _stored_user(app, ani)[0] == "Ani Lestari Putri"


def test_a_role_given_by_another_admin_is_not_taken_away_by_an_older_page(app, make_user):
    ani, action, (siti, sitis_form), (rudi, rudis_form) = _both_open_anis(app, make_user, "roles")
    assert send(rudi, action, rudis_form + [("roles", "kasubag")]).status_code == 302
    refused = send(siti, action, sitis_form + [("roles", "admin")])
    assert refused.status_code == 409
    assert "Peran" in _page(refused)
    assert _stored_user(app, ani)[2] == {"helpdesk", "kasubag"}  # Rudi's Kasubag stays; nothing of Siti's saved


# --- the SKM questions ---------------------------------------------------------------------------------------

def _questions(app) -> dict[str, tuple[str, str]]:
    with app.app_context():
        return skm.question_texts(db.session)


def test_a_question_reworded_by_another_admin_is_not_put_back_by_an_older_page(app, make_user):
    siti, rudi = _two_admins(app, make_user)
    sitis_form = opened(siti, "/admin/settings/skm")
    assert send(rudi, "/admin/settings/skm", opened(rudi, "/admin/settings/skm"),
                persyaratan_id="Apakah persyaratan layanan mudah dipenuhi?").status_code == 302
    assert send(siti, "/admin/settings/skm", sitis_form,
                prosedur_en="Were the procedures easy to follow?").status_code == 302
    texts = _questions(app)
    assert texts["persyaratan"][0] == "Apakah persyaratan layanan mudah dipenuhi?"
    assert texts["prosedur"][1] == "Were the procedures easy to follow?"


def test_a_question_both_reworded_is_refused_with_409_naming_it_and_keeping_what_was_typed(app, make_user):
    siti, rudi = _two_admins(app, make_user)
    sitis_form = opened(siti, "/admin/settings/skm")
    assert send(rudi, "/admin/settings/skm", opened(rudi, "/admin/settings/skm"),
                persyaratan_id="Apakah persyaratan layanan mudah dipenuhi?").status_code == 302
    refused = send(siti, "/admin/settings/skm", sitis_form, persyaratan_id="Apakah persyaratannya jelas?")
    assert refused.status_code == 409
    page = _page(refused)
    assert "Tidak ada yang disimpan: pengguna lain mengubah U1 · Persyaratan, Pertanyaan (bahasa Indonesia)" in page
    assert "Apakah persyaratannya jelas?" in page
    assert _questions(app)["persyaratan"][0] == "Apakah persyaratan layanan mudah dipenuhi?"


# --- saving again after a 409 (the settings page of h32x too) -------------------------------------------------

def test_saving_again_after_a_409_replaces_only_the_named_setting_not_the_others_the_other_admin_changed(
        app, make_user):
    """The 409 names the one setting both changed; the page it gives back must not carry the old
    values of the others, or saving again undoes them after all, without a word."""
    from lpsedesk import settings

    siti, rudi = _two_admins(app, make_user)
    sitis_page = opened(siti, "/admin/settings/office")
    assert send(rudi, "/admin/settings/office", opened(rudi, "/admin/settings/office"),
                retention_days="400", lpse_name="Kabupaten Contoh").status_code == 302
    refused = send(siti, "/admin/settings/office", sitis_page, retention_days="500")
    assert refused.status_code == 409
    assert send(siti, "/admin/settings/office", form_in(refused.get_data(as_text=True))).status_code == 302
    with app.app_context():
        assert settings.get(db.session, "retention_days") == 500  # Siti's, as she was told
        assert settings.get(db.session, "lpse_name") == "Kabupaten Contoh"  # Rudi's, never named to Siti


# --- a kiosk's slip printer (found by grepping the other staff forms) ------------------------------------------

def test_a_slip_printer_both_changed_is_refused_with_409_and_the_choice_kept(app, make_user):
    """Rudi sets the lobby kiosk to A6 paper; Siti, on a page opened before, picks "no printer": the
    kiosk must not silently lose Rudi's choice."""
    from lpsedesk import devices
    from lpsedesk.models import KioskDevice

    siti, rudi = _two_admins(app, make_user)
    with app.app_context():
        kiosk_id = devices.create_device(db.session, None, "Kios lobi")[0].id
        db.session.commit()
    action = f"/admin/kiosks/{kiosk_id}/slip"
    sitis_form = opened(siti, "/admin/kiosks", action)
    assert send(rudi, action, opened(rudi, "/admin/kiosks", action), slip_format="a6").status_code == 302
    refused = send(siti, action, sitis_form, slip_format="none")
    assert refused.status_code == 409
    page = _page(refused)
    assert "Tidak ada yang disimpan" in page and "Printer slip" in page
    assert '<option value="none" selected' in page  # Siti's choice, to save again if she means it
    with app.app_context():
        assert db.session.get(KioskDevice, kiosk_id).slip_format == "a6"


# --- the SKM report's follow-up plan (found by grepping the other staff forms) ---------------------------------

def test_a_follow_up_plan_written_meanwhile_is_not_replaced_by_an_older_page(app, make_user):
    """Rudi writes the 2026 plan; Siti, on the report opened before, writes hers: she is told, her text
    kept, and Rudi's plan stays until she saves again."""
    siti, rudi = _two_admins(app, make_user)
    report, action = "/admin/reports/skm?kind=year&year=2026", "/admin/reports/skm/follow-up?kind=year&year=2026"
    sitis_form = opened(siti, report, action)
    assert send(rudi, action, opened(rudi, report, action),
                plan="Memperbaiki papan informasi persyaratan.").status_code == 302
    refused = send(siti, action, sitis_form, plan="Menambah kursi di ruang tunggu.")
    assert refused.status_code == 409
    page = _page(refused)
    assert "Tidak ada yang disimpan: pengguna lain mengubah Rencana tindak lanjut" in page
    assert "Menambah kursi di ruang tunggu." in page
    assert 'class="skm-plan-saved">Memperbaiki papan informasi persyaratan.' in page  # Rudi's, beside hers
    with app.app_context():
        assert skm.follow_up(db.session, date(2026, 1, 1), date(2026, 12, 31)) == "Memperbaiki papan informasi persyaratan."
    assert send(siti, action, form_in(refused.get_data(as_text=True), action)).status_code == 302
    with app.app_context():
        assert skm.follow_up(db.session, date(2026, 1, 1), date(2026, 12, 31)) == "Menambah kursi di ruang tunggu."
