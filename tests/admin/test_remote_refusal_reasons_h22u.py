"""h22u: the Admin keeps a remote-access letter's refusal reasons apart from a visit's (SOP 2 and SOP 1
are refused for different things): each list is set in its own box, offered only where it belongs,
and a problem in one is said beside that one."""
from __future__ import annotations

from lpsedesk import settings
from lpsedesk.extensions import db
from tests import factories

from ..conftest import csrf_from
from .test_settings_office import GOOD


def _save_office(client, visit_reasons: str, letter_reasons: str):
    token = csrf_from(client, "/admin/settings/")
    return client.post("/admin/settings/office", data={
        "csrf_token": token, **GOOD, "ktp_check_before_kasubag": "",
        "refusal_reasons": visit_reasons, "remote_refusal_reasons": letter_reasons})


def test_a_letters_reasons_are_set_apart_and_offered_only_on_a_letter(app, client, make_user, login):
    admin_id = make_user("siti", "admin")
    make_user("bambang", "kasubag")
    login("siti")
    response = _save_office(client, "Ruang sedang dipakai\n", "Surat kedaluwarsa\n\nTanpa cap dinas\n")
    assert response.status_code == 302
    with app.app_context():
        assert settings.get(db.session, "remote_refusal_reasons") == ["Surat kedaluwarsa", "Tanpa cap dinas"]
        assert settings.get(db.session, "refusal_reasons") == ["Ruang sedang dipakai"]
        factories.visit("pending")
        letter_id = factories.remote_request("received", recorded_by_id=admin_id).id
    login("bambang")
    letter = client.get(f"/admin/remote/{letter_id}").get_data(as_text=True)
    assert 'data-reason="Surat kedaluwarsa"' in letter and 'data-reason="Tanpa cap dinas"' in letter
    assert 'data-reason="Ruang sedang dipakai"' not in letter
    queue = client.get("/admin/queue").get_data(as_text=True)
    assert 'data-reason="Ruang sedang dipakai"' in queue and "Surat kedaluwarsa" not in queue


def test_a_repeated_letter_reason_is_said_beside_the_letters_box(app, client, make_user, login):
    make_user("siti", "admin")
    login("siti")
    response = _save_office(client, "Ruang sedang dipakai", "Tanpa cap dinas\ntanpa cap dinas")
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert 'id="remote_refusal_reasons" name="remote_refusal_reasons" rows="5" aria-invalid="true"' in page
    assert 'id="refusal_reasons" name="refusal_reasons" rows="5">' in page     # the visit's list is fine
    assert "Tanpa cap dinas\ntanpa cap dinas" in page                         # what was typed, kept
    with app.app_context():
        assert settings.get(db.session, "refusal_reasons") != ["Ruang sedang dipakai"]   # nothing saved
