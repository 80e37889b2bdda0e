"""h43n: a visit sent from a kiosk without a camera has no KTP photo; the original KTP shown at the desk
is its only identity check (SOP 1: the visitor shows a valid KTP, the helpdesk checks it, then asks the
Kasubag). The desk's queue, board and the visit page say so plainly; the Kasubag sees it waiting for
that check, and once checked, that it was checked in person."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from lpsedesk.extensions import db
from lpsedesk.models import Visit
from tests import factories

from ..conftest import logged_in_client

TODO_ID = "Tanpa foto KTP - periksa KTP asli"
TODO_EN = "No KTP photo - check the original KTP"
CHECKED_EN = "No KTP photo - original KTP checked in person"


@pytest.fixture
def people(make_user):
    make_user("rina", "helpdesk", name="Rina Helpdesk")
    make_user("bambang", "kasubag", name="Bambang Kasubag")


def _without_photo(app, *, checked: bool = False) -> int:
    with app.app_context():
        now = datetime.now(timezone.utc)
        return factories.visit("pending", submitted_at=now, no_ktp_photo=True,
                               **({"ktp_checked_at": now} if checked else {})).id


def test_the_desk_is_told_plainly_to_check_the_original_ktp(app, people):
    visit_id = _without_photo(app)
    rina = logged_in_client(app, "rina")
    for path in ("/admin/board", f"/admin/visits/{visit_id}"):
        html = rina.get(path).get_data(as_text=True)
        assert TODO_ID in html, path
    html = rina.get(f"/admin/visits/{visit_id}?lang=en").get_data(as_text=True)
    assert TODO_EN in html
    assert "No KTP image captured." not in html  # never read as a photo that went missing


def test_the_kasubag_sees_it_waiting_for_the_desks_check_not_for_a_decision(app, people):
    visit_id = _without_photo(app)
    html = logged_in_client(app, "bambang").get("/admin/queue").get_data(as_text=True)
    waiting_part = html.split('data-part="ktp-check"', 1)
    assert len(waiting_part) == 2 and TODO_ID in waiting_part[1]
    assert f'data-key="wait-{visit_id}"' in waiting_part[1]


def test_once_checked_the_kasubag_sees_it_was_checked_in_person(app, people):
    visit_id = _without_photo(app, checked=True)
    bambang = logged_in_client(app, "bambang")
    html = bambang.get(f"/admin/visits/{visit_id}?lang=en").get_data(as_text=True)
    assert CHECKED_EN in html and TODO_EN not in html
    queue = bambang.get("/admin/queue?lang=en").get_data(as_text=True)
    assert 'data-part="ktp-check"' not in queue and CHECKED_EN in queue  # ready for the decision now
    with app.app_context():
        assert db.session.get(Visit, visit_id).status == "pending"
