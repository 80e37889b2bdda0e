"""h43x: the approved card asked the visitor to show the original KTP at the helpdesk even when the desk
had already checked it (SOP 1: the helpdesk checks the original KTP once). Once checked, the visitor is
told so and sent on to the facility; not yet checked, still sent to the helpdesk first."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from tests import factories

ASKED = {"id": "tunjukkan ktp asli", "en": "show your original ktp"}  # compared in lower case
CHECKED = {"id": "sudah diperiksa", "en": "has checked your original KTP"}


def _approved(app, *, checked: bool) -> str:
    with app.app_context():
        now = datetime.now(timezone.utc)
        return factories.visit("approved", submitted_at=now - timedelta(minutes=5), decided_at=now,
                               approved_until=now + timedelta(hours=1),
                               ktp_checked_at=now - timedelta(minutes=2) if checked else None).ticket_code


@pytest.mark.parametrize("lang", ["id", "en"])
def test_an_approved_visitor_whose_ktp_the_desk_checked_is_not_sent_back_to_show_it(app, kiosk, lang):
    said = kiosk.get(f"/visits/{_approved(app, checked=True)}?lang={lang}").json["message"]
    assert CHECKED[lang] in said and ASKED[lang] not in said.lower(), said


@pytest.mark.parametrize("lang", ["id", "en"])
def test_an_approved_visitor_whose_ktp_is_unchecked_is_still_asked_to_show_it(app, kiosk, lang):
    said = kiosk.get(f"/visits/{_approved(app, checked=False)}?lang={lang}").json["message"]
    assert ASKED[lang] in said.lower() and CHECKED[lang] not in said, said
