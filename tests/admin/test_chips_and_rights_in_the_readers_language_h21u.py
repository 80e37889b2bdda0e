"""h21u: the Kasubag's refusal-reason chips and the remote-access rights (Hak Akses) are shown in the
reader's language: an English staff screen shows them in English, an Indonesian one in Indonesian.
What is stored stays as stored (the office's Indonesian words), and a right or reason typed by hand is
shown as it was typed."""
from __future__ import annotations

import re
from datetime import timedelta

import pytest

from lpsedesk.extensions import db
from lpsedesk.labels import access_rights_label, stored_refusal_reason
from lpsedesk.models import Visit, utcnow
from lpsedesk.models.remote import RemoteAccessRequest

from .. import factories
from ..conftest import post_form

CHIPS = {"id": ["Ruang/fasilitas sedang dipakai", "Di luar jam layanan"],
         "en": ["The room or facility is in use", "Outside service hours"]}
RIGHTS = {"id": "Hanya baca, Server (SSH), VPN kantor", "en": "Read only, Server (SSH), VPN kantor"}


def _waiting(app) -> tuple[int, int]:
    with app.app_context():
        now = utcnow()
        visit = factories.visit("pending", submitted_at=now - timedelta(minutes=3), ktp_checked_at=now)
        req = factories.remote_request("received", rights_requested="Hanya baca, Server (SSH), VPN kantor")
        return visit.id, req.id


def _chips(page: str) -> list[str]:
    return re.findall(r'<button type="button" class="chip" data-reason="[^"]*">([^<]*)</button>', page)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_queue_shows_chips_and_rights_in_the_readers_language(app, client, make_user, login, lang):
    make_user("bambang", "kasubag")
    _waiting(app)
    login("bambang")
    page = client.get(f"/admin/queue?lang={lang}").get_data(as_text=True)
    other = "en" if lang == "id" else "id"
    for chip in CHIPS[lang]:
        assert chip in _chips(page)
    for chip in CHIPS[other]:
        assert chip not in _chips(page)
    assert f"<dd>{RIGHTS[lang]}</dd>" in page, "known rights in the reader's language, typed ones as typed"


def test_an_english_chip_is_stored_as_the_offices_words_and_read_back_in_each_language(app, client, make_user, login):
    make_user("bambang", "kasubag")
    visit_id, _ = _waiting(app)
    login("bambang")
    client.get("/admin/queue?lang=en")
    post_form(client, f"/admin/visits/{visit_id}/decision", token_page="/admin/queue",
              decision="deny", reason="Outside service hours", next="/admin/queue")
    with app.app_context():
        assert db.session.get(Visit, visit_id).decision_reason == "Di luar jam layanan"
    assert "“Outside service hours”" in client.get("/admin/queue?lang=en").get_data(as_text=True)
    assert "“Di luar jam layanan”" in client.get("/admin/queue?lang=id").get_data(as_text=True)


def test_a_reason_typed_by_hand_is_stored_and_shown_as_typed(app):
    with app.test_request_context("/?lang=en"):
        assert stored_refusal_reason("Silakan datang hari Senin") == "Silakan datang hari Senin"
        assert access_rights_label("VPN kantor") == "VPN kantor"
        assert access_rights_label("") == "" and access_rights_label(None) == ""


@pytest.mark.parametrize(("lang", "label"), [("en", "Read only"), ("id", "Hanya baca")])
def test_the_remote_request_form_offers_the_rights_in_the_readers_language_and_stores_the_offices_words(
        app, client, make_user, login, lang, label):
    make_user("ani", "admin")
    _, req_id = _waiting(app)
    login("ani")
    page = client.get(f"/admin/remote/new?lang={lang}").get_data(as_text=True)
    assert re.search(r'value="Hanya baca"[^>]*> <span>' + re.escape(label) + "</span>", page)
    detail = client.get(f"/admin/remote/{req_id}").get_data(as_text=True)
    assert RIGHTS[lang] in detail
    with app.app_context():
        assert db.session.get(RemoteAccessRequest, req_id).rights_requested == "Hanya baca, Server (SSH), VPN kantor"
