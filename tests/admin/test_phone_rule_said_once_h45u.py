"""h45u: the mobile-number rule (starts with 08, 10 to 13 digits; h34v) is one sentence, said the same
wherever a number breaks it: the kiosk's guest book and the helpdesk's invitation form, in Bahasa
Indonesia and in English. It was written twice, once in each screen's table of messages, so one could
be changed without the other."""
from __future__ import annotations

import html

import pytest

from ..conftest import post_form
from ..kiosk.conftest import enrol_client, entry
from .test_invitations import one

WORDS = {"id": ("08", "10", "13", "angka"), "en": ("08", "10", "13", "digits")}
LATER_EMPTY = {"institution": "", "category": "", "purpose": "", "facility": "", "planned_minutes": None}


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_invitation_form_tells_a_wrong_mobile_number_the_kiosks_rule(app, client, make_user, login, lang):
    kiosk = enrol_client(app, app.test_client())
    assert kiosk.client.get(f"/kiosk/?lang={lang}").status_code == 200
    answer = kiosk.post_json("/visits", dict(entry(phone="08123456", **LATER_EMPTY), validate_only=True,
                                             check_fields=["phone"]))
    rule = answer.json["fields"]["phone"]
    assert all(word in rule for word in WORDS[lang]), rule

    make_user("rina", "helpdesk")
    login("rina")
    client.get(f"/admin/invitations/new?lang={lang}")
    response = post_form(client, "/admin/invitations/new", one(phone="08123456"), token_page="/admin/invitations/new")
    assert response.status_code == 400
    assert rule in html.unescape(response.get_data(as_text=True))
