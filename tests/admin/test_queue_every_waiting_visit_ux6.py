"""ux6, from ux5's walk: visits made with `flask shell` / `factories.visit("pending")` "did not appear in
the Kasubag's queue while kiosk-made ones did". SOP 1 step 3: every request waiting for permission
reaches the Kasubag, however it was entered. The queue applies no other rule than the status (and,
only when the office asks for it, the helpdesk's KTP check first): no day limit, no photo needed.
What the walk saw was the phone's one-card-at-a-time queue, oldest first: a visit made a moment ago
is the last card ("1 / 3", then "›")."""
from __future__ import annotations

from datetime import timedelta

from lpsedesk import settings as office
from lpsedesk.extensions import db
from lpsedesk.models import utcnow

from .. import factories


def _three_waiting(app) -> list[int]:
    with app.app_context():
        now = utcnow()
        return [factories.visit("pending", submitted_at=now - age,
                                visitor=factories.visitor(nik=f"337302410790{n:04d}", full_name=f"Tamu {n}")).id
                for n, age in enumerate([timedelta(0), timedelta(hours=3), timedelta(days=1)], start=1)]


def test_every_waiting_visit_reaches_the_kasubag_however_it_was_entered(app, client, make_user, login):
    make_user("bambang", "kasubag")
    ids = _three_waiting(app)  # no KTP photo, no check by the helpdesk, one from yesterday
    login("bambang")
    page = client.get("/admin/queue").get_data(as_text=True)
    for n, visit_id in enumerate(ids, start=1):
        assert f'data-key="visit-{visit_id}"' in page and f"Tamu {n}" in page
        assert f"/admin/visits/{visit_id}/decision" in page, "each one can be decided from the queue"
    # oldest first: the visit made a moment ago is the last one
    assert page.index("Tamu 3") < page.index("Tamu 2") < page.index("Tamu 1")


def test_with_the_ktp_check_first_a_waiting_visit_is_still_shown_under_its_own_heading(app, client, make_user, login):
    make_user("bambang", "kasubag")
    with app.app_context():
        office.put(db.session, "ktp_check_before_kasubag", True)
        db.session.commit()
    ids = _three_waiting(app)
    login("bambang")
    page = client.get("/admin/queue").get_data(as_text=True)
    assert "Menunggu pemeriksaan KTP oleh helpdesk" in page
    for visit_id in ids:
        assert f'data-key="wait-{visit_id}"' in page
