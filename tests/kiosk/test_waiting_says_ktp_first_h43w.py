"""h43w: the waiting screen tells the visitor what SOP 1 asks of them while they wait.

SOP 1: the visitor shows a valid KTP, the helpdesk checks the original and then asks the Kasubag. An
elderly visitor walked as a stranger read only "Mohon tunggu: permintaan Anda sudah dikirim ke
pejabat LPSE yang memberi izin" and waited at the kiosk, the original KTP in their pocket; with the
office's "KTP first" setting on, the request had not even reached the Kasubag, so the sentence was
untrue and the wait had no end.
"""
from __future__ import annotations

from datetime import datetime, timezone

from lpsedesk import settings
from lpsedesk.extensions import db
from tests import factories

SHOW_KTP = "KTP asli kepada petugas helpdesk"
SENT = "sudah dikirim ke"


def _waiting(app, *, ktp_first: bool, checked: bool) -> str:
    with app.app_context():
        settings.put(db.session, "ktp_check_before_kasubag", ktp_first)
        now = datetime.now(timezone.utc)
        visit = factories.visit("pending", submitted_at=now, ktp_checked_at=now if checked else None)
        return visit.ticket_code


def _message(kiosk, ticket: str) -> str:
    response = kiosk.get(f"/visits/{ticket}")
    assert response.status_code == 200, response.json
    return response.json["message"]


def test_a_waiting_visitor_whose_ktp_is_unchecked_is_sent_to_the_helpdesk_with_it(app, kiosk):
    said = _message(kiosk, _waiting(app, ktp_first=False, checked=False))
    assert SENT in said  # the request is on the Kasubag's queue already
    assert SHOW_KTP in said


def test_with_ktp_first_the_unchecked_request_is_not_said_to_be_with_the_kasubag(app, kiosk):
    said = _message(kiosk, _waiting(app, ktp_first=True, checked=False))
    assert SENT not in said
    assert SHOW_KTP in said
    assert "Kasubag" in said  # and what happens after the check


def test_once_the_desk_has_checked_the_ktp_it_is_not_asked_for_again(app, kiosk):
    for ktp_first in (False, True):
        said = _message(kiosk, _waiting(app, ktp_first=ktp_first, checked=True))
        assert SENT in said and "KTP" not in said
