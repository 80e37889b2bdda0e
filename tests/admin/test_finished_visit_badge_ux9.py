"""ux9: SOP 1 ends when the helpdesk reports the finished visit and the Kasubag acknowledges the
report. Once acknowledged, the staff screens show the visit as finished ("selesai, laporan
diterima"), not as still "dilaporkan" (reported, waiting for the Kasubag)."""
from __future__ import annotations

import re

from lpsedesk.extensions import db
from lpsedesk.models import utcnow
from lpsedesk.visit_ops import shown_status

from .. import factories
from ..conftest import post_form

BADGE = re.compile(r'<span class="badge status-([a-z_]+)">([^<]*)</span>')


def _badges(page: str) -> list[tuple[str, str]]:
    return BADGE.findall(page)


def test_after_the_kasubag_acknowledges_the_report_the_staff_screens_say_finished(app, client, make_user, login):
    make_user("bambang", "kasubag")
    make_user("rina", "helpdesk")
    now = utcnow()
    with app.app_context():
        visitor = factories.visitor(full_name="Tamu Selesai Lapor")
        came, left, reported = factories.earlier_today(now, 3)
        visit_id = factories.visit("reported", visitor=visitor, submitted_at=came, decided_at=came,
                                   checked_out_at=left, reported_at=reported).id
    login("rina")
    before = client.get(f"/admin/visits/{visit_id}").get_data(as_text=True)
    assert ("reported", "dilaporkan") in _badges(before), "reported, the Kasubag has not acknowledged yet"

    login("bambang")
    assert post_form(client, f"/admin/visits/{visit_id}/acknowledge").status_code == 302

    login("rina")
    pages = {"visit": client.get(f"/admin/visits/{visit_id}").get_data(as_text=True),
             "search": client.get("/admin/visits?q=Tamu+Selesai").get_data(as_text=True),
             "board": client.get("/admin/board").get_data(as_text=True)}
    for name, page in pages.items():
        assert ("acknowledged", "selesai, laporan diterima") in _badges(page), name
        assert ("reported", "dilaporkan") not in _badges(page), name


def test_a_reported_visit_stays_reported_until_acknowledged_and_other_states_are_shown_as_they_are(app):
    with app.app_context():
        waiting = factories.visit("reported", reported_at=utcnow())
        done = factories.visit("reported", reported_at=utcnow(), acknowledged_at=utcnow())
        inside = factories.visit("approved")
        assert (shown_status(waiting), shown_status(done), shown_status(inside)) == (
            "reported", "acknowledged", "approved")
        assert done.status == "reported", "the stored state is unchanged; acknowledged_at records the last step"
        db.session.rollback()
