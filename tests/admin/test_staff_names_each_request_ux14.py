"""ux14: the staff screens called a visitor's request to visit "permohonan", the word the office keeps
for a third party's remote-access letter. As on the kiosk, a visit request is "permintaan (kunjungan)";
"permohonan" stays for remote-access letters. The Kasubag's queue holds both, so each card says which
it is, and the sentences about the KTP check, a decision taken by someone else first, the office
setting and the watch list name the visit request."""
from __future__ import annotations

import re
from datetime import datetime, timezone

from lpsedesk import settings
from lpsedesk.extensions import db

from .. import factories
from ..conftest import logged_in_client, post_form


def _cards(page: str) -> dict[str, str]:
    """Each queue card's text by its key (visit-N, remote-N), tags and whitespace folded."""
    cards = re.findall(r'<article class="req[^"]*" (?:id="[^"]*" )?data-key="([^"]+)"(.*?)</article>', page, re.S)
    return {key: " ".join(re.sub(r"<[^>]+>", " ", body).split()) for key, body in cards}


def _both_waiting(app, make_user) -> tuple[int, int]:
    admin_id = make_user("ani", "admin", name="Ani Admin")
    with app.app_context():
        now = datetime.now(timezone.utc)
        visit = factories.visit("pending", submitted_at=now, ktp_checked_at=now)
        letter = factories.remote_request("received", recorded_by_id=admin_id, requester_name="Andi Pratama")
        return visit.id, letter.id


def test_the_queue_says_which_card_is_a_visit_request_and_which_a_remote_access_letter(app, make_user):
    visit_id, letter_id = _both_waiting(app, make_user)
    make_user("bambang", "kasubag", name="Bambang Kasubag")
    page = logged_in_client(app, "bambang").get("/admin/queue").get_data(as_text=True)
    cards = _cards(page)
    assert "Permintaan kunjungan" in cards[f"visit-{visit_id}"]
    assert "permohonan" not in cards[f"visit-{visit_id}"].lower()
    assert "Permohonan remote akses" in cards[f"remote-{letter_id}"]
    # the arrows step through both kinds, so they name neither
    assert 'aria-label="Sebelumnya dalam antrean"' in page and 'aria-label="Berikutnya dalam antrean"' in page
    # a phone notification's title names what arrived
    assert 'data-notify-title="Permintaan kunjungan baru di Meja LPSE"' in page
    assert 'data-notify-title="Permohonan remote akses baru"' in page


def test_the_queue_in_english_names_both_kinds_too(app, make_user):
    visit_id, letter_id = _both_waiting(app, make_user)
    make_user("bambang", "kasubag", name="Bambang Kasubag")
    cards = _cards(logged_in_client(app, "bambang").get("/admin/queue?lang=en").get_data(as_text=True))
    assert "Visit request" in cards[f"visit-{visit_id}"]
    assert "Remote-access request" in cards[f"remote-{letter_id}"]


def test_with_the_ktp_check_first_the_board_and_the_queue_speak_of_visit_requests(app, make_user):
    with app.app_context():
        settings.put(db.session, "ktp_check_before_kasubag", True)
        db.session.commit()
        factories.visit("pending", submitted_at=datetime.now(timezone.utc))
    make_user("budi", "helpdesk", name="Budi Helpdesk")
    make_user("bambang", "kasubag", name="Bambang Kasubag")
    board = logged_in_client(app, "budi").get("/admin/board").get_data(as_text=True)
    assert "Permintaan kunjungan baru diteruskan kepada Kasubag setelah KTP asli diperiksa di sini." in board
    assert "ermohonan" not in board
    queue = logged_in_client(app, "bambang").get("/admin/queue").get_data(as_text=True)
    assert "Permintaan kunjungan ini akan diteruskan kepada Anda setelah helpdesk memeriksa KTP asli." in queue


def test_a_visit_decided_by_someone_else_first_is_called_a_visit_request(app, make_user):
    make_user("bambang", "kasubag", name="Bambang Kasubag")
    with app.app_context():
        visit_id = factories.visit("approved", decided_at=datetime.now(timezone.utc),
                                   decided_by_label="Plh. Kasubag").id
    response = post_form(logged_in_client(app, "bambang"), f"/admin/visits/{visit_id}/decision",
                         {"decision": "deny", "reason": "Ruang penuh", "next": "/admin/queue"})
    assert response.status_code == 409
    # h39a: said as every step recorded once is (admin/recorded_once.py), still a "permintaan kunjungan"
    assert "Plh. Kasubag sudah mencatat bahwa permintaan kunjungan ini disetujui, " in response.get_data(as_text=True)


def test_the_office_setting_and_the_watch_list_speak_of_visit_requests(app, make_user):
    make_user("ani", "admin", name="Ani Admin")
    admin = logged_in_client(app, "ani")
    office = admin.get("/admin/settings/office").get_data(as_text=True)
    assert "Mati: permintaan kunjungan langsung diteruskan ke Kasubag." in office
    watchlist = admin.get("/admin/watchlist/").get_data(as_text=True)
    assert "Permintaan kunjungan dari orang dalam daftar ini" in watchlist
    assert "pada permintaan kunjungan yang cocok" in watchlist
