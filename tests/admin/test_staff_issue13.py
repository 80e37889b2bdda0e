"""Issue 13 on the staff screens: refusal reasons the Admin sets, office-settings attributes that work,
waiting times in days with day-old requests shown as expired, readable timeline entries."""
from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

from lpsedesk import settings
from lpsedesk.extensions import db
from tests import factories

from ..conftest import csrf_from
from .test_settings_office import GOOD


def test_office_settings_inputs_carry_real_attributes_not_quoted_text(client, make_user, login):
    make_user("siti", "admin")
    login("siti")
    page = client.get("/admin/settings/office").get_data(as_text=True)
    field = re.search(r'<input type="text" name="office_open"[^>]*>', page).group(0)
    assert 'inputmode="numeric"' in field and 'maxlength="5"' in field and 'placeholder="07:30"' in field
    assert "&#34;" not in field and "&quot;" not in field


def test_the_admin_sets_the_refusal_reasons_the_kasubag_taps(app, client, make_user, login):
    make_user("siti", "admin")
    make_user("bambang", "kasubag")
    login("siti")
    token = csrf_from(client, "/admin/settings/")
    reasons = "Ruang sedang dipakai\n\nDi luar jam layanan\n"
    response = client.post("/admin/settings/office", data={"csrf_token": token, **GOOD, "ktp_check_before_kasubag": "", "refusal_reasons": reasons})
    assert response.status_code == 302
    with app.app_context():
        assert settings.get(db.session, "refusal_reasons") == ["Ruang sedang dipakai", "Di luar jam layanan"]
        factories.visit("pending")
    login("bambang")
    queue = client.get("/admin/queue").get_data(as_text=True)
    assert 'data-reason="Ruang sedang dipakai"' in queue and 'data-reason="Di luar jam layanan"' in queue


def test_a_request_waiting_for_days_says_days_and_is_shown_as_expired(app, client, make_user, login):
    make_user("bambang", "kasubag")
    login("bambang")
    with app.app_context():
        factories.visit("pending", submitted_at=datetime.now(timezone.utc) - timedelta(hours=1349, minutes=49))
    page = client.get("/admin/queue").get_data(as_text=True)
    assert "1349" not in page
    assert re.search(r"kedaluwarsa[^<]*56 hari 5 jam", page), "stale request marked, waiting in days"


def test_the_timeline_names_the_feedback_event_in_words(app, client, make_user, login):
    make_user("dewi", "helpdesk")
    login("dewi")
    with app.app_context():
        visit = factories.visit("approved")
        from lpsedesk import checkin
        from lpsedesk.roles import kiosk_actor

        checkin.check_out(db.session, kiosk_actor(1, "Kios"), visit, rating=5, feedback="Bagus")
        db.session.commit()
        visit_id = visit.id
    page = client.get(f"/admin/visits/{visit_id}").get_data(as_text=True)
    assert "visit.feedback" not in page
