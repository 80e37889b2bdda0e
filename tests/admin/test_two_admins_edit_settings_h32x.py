"""Two Admins with one settings page open: a save changes only what its Admin changed (probe h32x).

README (security): two staff acting on the same record at once lose nothing; the one whose change
would replace the other's is told so (HTTP 409, a readable message) and keeps what they typed.
A settings form sends every field, so a page opened before another Admin's save must not put the
old values back: a retention period set to 400 days returned to 365 without a word.
"""
from __future__ import annotations

import html

from lpsedesk import settings
from lpsedesk.extensions import db

from ..conftest import logged_in_client
from .sent_forms import form_in, opened as _opened, send as _send


def _stored(app, key: str):
    with app.app_context():
        return settings.get(db.session, key)


def _two_admins(app, make_user):
    make_user("siti", "admin")
    make_user("rudi", "admin")
    return logged_in_client(app, "siti"), logged_in_client(app, "rudi")


def _siti_opens_then_rudi_sets_400_days(app, make_user):
    """Siti opens the office settings; Rudi then opens them too and saves 400 days of retention."""
    siti, rudi = _two_admins(app, make_user)
    sitis_page = _opened(siti, "/admin/settings/office")
    assert _send(rudi, "/admin/settings/office", _opened(rudi, "/admin/settings/office"),
                 retention_days="400").status_code == 302
    return siti, sitis_page


def test_a_save_leaves_alone_what_another_admin_changed_after_the_page_was_opened(app, make_user):
    siti, sitis_page = _siti_opens_then_rudi_sets_400_days(app, make_user)
    assert _send(siti, "/admin/settings/office", sitis_page, lpse_name="Kabupaten Contoh").status_code == 302
    assert _stored(app, "retention_days") == 400  # Rudi's, not the 365 Siti's page still showed
    assert _stored(app, "lpse_name") == "Kabupaten Contoh"


def test_one_setting_changed_by_both_is_refused_with_409_saying_which_and_keeping_what_was_typed(app, make_user):
    siti, sitis_page = _siti_opens_then_rudi_sets_400_days(app, make_user)
    refused = _send(siti, "/admin/settings/office", sitis_page, retention_days="500", lpse_name="Kabupaten Contoh")
    assert refused.status_code == 409
    page = html.unescape(refused.get_data(as_text=True))
    assert "Tidak ada yang disimpan" in page and "Lama penyimpanan data pribadi (hari)" in page
    assert 'value="500"' in page and 'value="Kabupaten Contoh"' in page  # what Siti typed is still there
    assert _stored(app, "retention_days") == 400 and _stored(app, "lpse_name") == "Kota Salatiga"
    # Siti has been told and saves again from the page she got back: now hers is stored.
    assert _send(siti, "/admin/settings/office", form_in(refused.get_data(as_text=True))).status_code == 302
    assert _stored(app, "retention_days") == 500 and _stored(app, "lpse_name") == "Kabupaten Contoh"


def test_the_same_change_made_by_both_is_no_conflict(app, make_user):
    siti, sitis_page = _siti_opens_then_rudi_sets_400_days(app, make_user)
    assert _send(siti, "/admin/settings/office", sitis_page, retention_days="400").status_code == 302
    assert _stored(app, "retention_days") == 400


def test_a_facility_added_by_another_admin_is_not_removed_by_an_older_page(app, make_user):
    siti, rudi = _two_admins(app, make_user)
    sitis_page = _opened(siti, "/admin/settings/facilities")
    before = [item["key"] for item in _stored(app, "facilities")]
    rudis = _opened(rudi, "/admin/settings/facilities")
    assert _send(rudi, "/admin/settings/facilities", rudis, **{"id-new": "Ruang rapat kecil",
                                                               "en-new": "Small meeting room"}).status_code == 302
    added = [item["key"] for item in _stored(app, "facilities")]
    assert len(added) == len(before) + 1
    first = before[0]
    n = next(v for k, v in sitis_page if k == "row" and dict(sitis_page).get(f"key-{v}") == first)
    refused = _send(siti, "/admin/settings/facilities", sitis_page, **{f"en-{n}": "Renamed by Siti"})
    assert refused.status_code == 409
    assert [item["key"] for item in _stored(app, "facilities")] == added


def test_access_rights_changed_meanwhile_are_not_overwritten(app, make_user):
    siti, rudi = _two_admins(app, make_user)
    sitis_page = _opened(siti, "/admin/settings/access-rights")
    rudis = _opened(rudi, "/admin/settings/access-rights")
    text = dict(rudis)["access_rights"]
    assert _send(rudi, "/admin/settings/access-rights", rudis, access_rights=text + "\nVPN kantor").status_code == 302
    refused = _send(siti, "/admin/settings/access-rights", sitis_page, access_rights=text + "\nRemote desktop")
    assert refused.status_code == 409
    assert "VPN kantor" in _stored(app, "access_rights") and "Remote desktop" not in _stored(app, "access_rights")
