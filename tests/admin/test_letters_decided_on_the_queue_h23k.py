"""h23k: SOP 2 step 2 from the Kasubag's queue. The Admin LPSE passes a third party's letter to the
Kasubag, who grants or refuses it: on the queue's card now, as a visit request is, by the same rules
(remote_ops: the period the letter asks for, a reason to refuse, whoever recorded it never decides it)."""
from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

from lpsedesk.extensions import db
from lpsedesk.models import RemoteAccessRequest
from tests import factories

from ..conftest import post_form

BACKGROUND = {"X-Background": "1", "Accept": "application/json"}


def _letter(app, recorded_by_id: int, **fields) -> tuple[int, datetime]:
    start = datetime.now(timezone.utc).replace(microsecond=0) + timedelta(days=1)
    with app.app_context():
        req = factories.remote_request("received", recorded_by_id=recorded_by_id, requester_name="Andi Pratama",
                                       period_start=start, period_end=start + timedelta(days=3), **fields)
        return req.id, start + timedelta(days=3)


def _read(app, request_id: int) -> RemoteAccessRequest:
    with app.app_context():
        req = db.session.get(RemoteAccessRequest, request_id)
        db.session.expunge(req)
        return req


def _card(page: str, request_id: int) -> str:
    return re.search(rf'<article class="req remote" data-key="remote-{request_id}".*?</article>', page, re.S).group(0)


def test_the_kasubag_finds_approve_and_refuse_with_the_letters_reasons_on_its_card(app, client, make_user, login):
    admin = make_user("ani", "admin", name="Ani Admin")
    make_user("siti", "kasubag", name="Siti Kasubag")
    request_id, _ = _letter(app, admin)
    login("siti")
    card = _card(client.get("/admin/queue").get_data(as_text=True), request_id)
    assert f'action="/admin/remote/{request_id}/decision"' in card
    assert 'value="approve"' in card and 'value="deny"' in card
    assert "Tolak permohonan remote akses Andi Pratama" in card
    # the letter's own reasons (SOP 2), not a visitor's at the desk
    assert 'data-reason="Surat belum ditandatangani pejabat yang berwenang"' in card
    assert "Di luar jam layanan" not in card


def test_approve_on_the_card_grants_the_period_the_letter_asks_for(app, client, make_user, login):
    admin = make_user("ani", "admin")
    make_user("siti", "kasubag", name="Siti Kasubag")
    request_id, asked_end = _letter(app, admin)
    login("siti")
    answer = post_form(client, f"/admin/remote/{request_id}/decision", decision="approve", next="/admin/queue",
                       version="1", headers=BACKGROUND)
    assert answer.status_code == 200 and answer.get_json()["message"] == "Disetujui: Andi Pratama."
    req = _read(app, request_id)
    assert (req.status, req.approved_until) == ("approved", asked_end)
    assert f'data-key="remote-{request_id}"' not in client.get("/admin/queue/fragment").get_data(as_text=True)


def test_a_refusal_from_the_card_keeps_its_reason_and_one_without_is_said_beside_the_box(
        app, client, make_user, login):
    admin = make_user("ani", "admin")
    make_user("siti", "kasubag")
    request_id, _ = _letter(app, admin)
    login("siti")
    empty = post_form(client, f"/admin/remote/{request_id}/decision", decision="deny", reason="  ",
                      next="/admin/queue", headers=BACKGROUND)
    assert empty.status_code == 400 and empty.get_json()["field"] == "reason"
    assert _read(app, request_id).status == "received", "refused without a reason"
    refused = post_form(client, f"/admin/remote/{request_id}/decision", decision="deny", next="/admin/queue",
                        reason="Jangka waktu yang diminta terlalu lama", headers=BACKGROUND)
    assert refused.status_code == 200
    req = _read(app, request_id)
    assert (req.status, req.decision_reason) == ("denied", "Jangka waktu yang diminta terlalu lama")


def test_without_the_script_the_decision_on_the_card_returns_to_the_queue(app, client, make_user, login):
    admin = make_user("ani", "admin")
    make_user("siti", "kasubag")
    request_id, _ = _letter(app, admin)
    login("siti")
    answer = post_form(client, f"/admin/remote/{request_id}/decision", decision="approve", next="/admin/queue")
    assert answer.status_code == 302 and answer.headers["Location"].endswith("/admin/queue")
    # from elsewhere (no next, or another site): back to the letter's own page, as before
    other = _letter(app, admin)[0]
    away = post_form(client, f"/admin/remote/{other}/decision", decision="approve", next="https://example.org/")
    assert away.headers["Location"].endswith(f"/admin/remote/{other}")


def test_a_letter_the_kasubag_recorded_herself_has_no_decision_on_her_card(app, client, make_user, login):
    # SOP 2: whoever recorded a request never decides it (she also holds the Admin's role here)
    siti = make_user("siti", "kasubag", "admin", name="Siti Kasubag")
    request_id, _ = _letter(app, siti)
    login("siti")
    card = _card(client.get("/admin/queue").get_data(as_text=True), request_id)
    assert "/decision" not in card and 'value="approve"' not in card
    assert f"/admin/remote/{request_id}#next-step" in card


def test_a_letter_already_decided_elsewhere_is_not_decided_again_from_a_stale_card(app, client, make_user, login):
    admin = make_user("ani", "admin")
    make_user("siti", "kasubag")
    make_user("budi", "kasubag")
    request_id, _ = _letter(app, admin)
    login("budi")
    assert post_form(client, f"/admin/remote/{request_id}/decision", decision="deny", reason="Surat palsu",
                     version="1").status_code == 302
    login("siti")
    again = post_form(client, f"/admin/remote/{request_id}/decision", decision="approve", version="1",
                      next="/admin/queue", headers=BACKGROUND)
    assert again.status_code == 409 and _read(app, request_id).status == "denied"


def test_a_letter_whose_period_ended_while_it_waited_is_not_granted_from_the_card(app, client, make_user, login):
    # remote_ops: access is granted only for a time still to come; the card's Approve asks the same
    # core, and the letter's own page (where another end can be typed) says why
    admin = make_user("ani", "admin")
    make_user("siti", "kasubag")
    past = datetime.now(timezone.utc) - timedelta(hours=1)
    request_id, _ = _letter(app, admin)
    with app.app_context():
        db.session.get(RemoteAccessRequest, request_id).period_end = past
        db.session.commit()
    login("siti")
    answer = post_form(client, f"/admin/remote/{request_id}/decision", decision="approve", next="/admin/queue")
    assert answer.status_code == 400 and "Batas akhir akses harus di masa depan" in answer.get_data(as_text=True)
    assert _read(app, request_id).status == "received"


def test_a_letter_whose_period_ended_while_it_waited_says_so_on_its_card_instead_of_a_one_tap_approve(
        app, client, make_user, login):
    # Setujui on the card grants the end the letter asked for; once that end has passed it would only be
    # refused, so the card says why and leads to the page where a new end is typed, or the letter refused
    admin = make_user("ani", "admin")
    make_user("siti", "kasubag")
    request_id, _ = _letter(app, admin)
    with app.app_context():
        db.session.get(RemoteAccessRequest, request_id).period_end = datetime.now(timezone.utc) - timedelta(hours=1)
        db.session.commit()
    login("siti")
    card = _card(client.get("/admin/queue").get_data(as_text=True), request_id)
    assert 'value="approve"' not in card
    assert "Periode yang diminta sudah berakhir" in card
    assert f"/admin/remote/{request_id}#next-step" in card
