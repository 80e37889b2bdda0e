"""ux13: the kiosk called the visitor's request to visit "permohonan" in some places and "permintaan"
in others. One word per thing: "permintaan" is the visit request (as "Batalkan permintaan saya");
"permohonan" belongs to remote-access request letters, which the kiosk never mentions."""
from __future__ import annotations

import html
from datetime import time

import pytest

from lpsedesk.clock import wib_at
from tests import factories
from tests.conftest import office_day


def _said(text: str) -> str:
    return html.unescape(text).lower()


def test_the_kiosk_page_and_its_script_texts_say_permintaan_never_permohonan(kiosk):
    page = _said(kiosk.client.get("/kiosk/").get_data(as_text=True))
    assert "permohonan" not in page
    for words in ("kirim permintaan", "permintaan anda belum dijawab", "memutuskan permintaan"):
        assert words in page, words


@pytest.mark.parametrize("status", ["pending", "denied", "cancelled", "expired"])
def test_the_ticket_screen_names_the_request_permintaan_in_every_state(app, kiosk, status):
    with app.app_context():
        ticket = factories.visit(status).ticket_code
    said = kiosk.get(f"/visits/{ticket}").json
    assert "permohonan" not in _said(said["message"])
    assert "permintaan" in _said(said["message"])


def test_the_closing_soon_notice_says_permintaan(app, kiosk):
    app.config["KIOSK_CLOCK"] = lambda: wib_at(office_day(), time(15, 45))
    page = _said(kiosk.client.get("/kiosk/").get_data(as_text=True))
    assert "permintaan sesudahnya tidak dapat disetujui" in page and "permohonan" not in page
