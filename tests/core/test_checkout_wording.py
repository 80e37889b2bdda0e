"""One word for one act: a visitor's leaving is recorded as "check out" in English and "catat keluar"
(its state "keluar") in Bahasa Indonesia, the same on the kiosk the visitor touches and on the staff
screens, so the helpdesk and the visitor say the same thing. The English loan word "check-out" never
appears in the Indonesian text (an LPSE helpdesk writes "jam keluar" in its guest book)."""
from __future__ import annotations

import re
from datetime import timedelta

from babel.messages.pofile import read_po

from lpsedesk.clock import utcnow
from tests import factories
from tests.conftest import logged_in_client
from tests.kiosk.conftest import enrol_client

PO = "lpsedesk/translations/id/LC_MESSAGES/messages.po"


def test_the_indonesian_text_never_uses_the_loan_word_check_out():
    with open(PO, "rb") as f:
        catalog = read_po(f)
    loans = [(m.id, m.string) for m in catalog
             if m.id and isinstance(m.string, str) and re.search(r"check.?out|di-check", m.string, re.I)]
    assert loans == []


def _button(html: str, pattern: str) -> str:
    match = re.search(pattern, html, re.S)
    assert match, pattern
    return match.group(1).strip()


def test_the_kiosk_and_the_desk_name_the_act_the_same_in_each_language(app, client, make_user):
    make_user("rina", "helpdesk")
    now = utcnow()
    with app.app_context():
        visit_id = factories.visit("approved", decided_at=now - timedelta(minutes=30),
                                   approved_until=now + timedelta(minutes=30)).id
    kiosk = enrol_client(app, client)
    desk = logged_in_client(app, "rina")
    for lang, act in (("id", "Catat keluar"), ("en", "Check out")):
        kiosk_page = kiosk.client.get(f"/kiosk/?lang={lang}").get_data(as_text=True)
        assert _button(kiosk_page, r'data-action="confirm-checkout">([^<]+)<') == act
        board = desk.get(f"/admin/board/fragment?lang={lang}").get_data(as_text=True)
        assert _button(board, r'<button class="button secondary small" name="step" value="ask">([^<]+)</button>') == act
        visit = desk.get(f"/admin/visits/{visit_id}?lang={lang}").get_data(as_text=True)
        # the button asks first since ux11 (name="step" value="ask"): its words are what counts here
        assert _button(visit, r'<button class="button"[^>]*>([^<]+at the desk|[^<]+di meja helpdesk)</button>'
                       ).startswith(act)
