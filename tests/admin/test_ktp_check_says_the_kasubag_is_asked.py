"""SOP 1: the visitor shows a valid KTP, then the helpdesk asks the Kasubag for permission. At the desk,
"KTP asli sesuai" is that asking - the request reaches the Kasubag's queue - yet the desk was told only
"KTP asli ... telah diperiksa" and nothing said the Kasubag was now asked (h35k). A request still waiting
says so; a visitor already let in (the KTP checked after the decision) is told the check alone."""
from __future__ import annotations

from lpsedesk.models import utcnow

from .. import factories
from ..conftest import post_form
from .test_board_same_names import _board as _told


def test_checking_the_ktp_of_a_waiting_request_says_it_now_waits_for_the_kasubag(app, client, make_user, login):
    make_user("rina", "helpdesk")
    login("rina")
    with app.app_context():
        visit_id = factories.visit(visitor=factories.visitor(full_name="Sari Wulandari")).id
    assert post_form(client, f"/admin/visits/{visit_id}/ktp-check", next="/admin/board").status_code == 302
    assert "KTP asli Sari Wulandari telah diperiksa. Permintaannya kini menunggu keputusan Kasubag." in _told(client)


def test_checking_the_ktp_of_a_visitor_already_inside_says_only_that(app, client, make_user, login):
    make_user("rina", "helpdesk")
    login("rina")
    with app.app_context():
        visit_id = factories.visit("approved", decided_at=utcnow(),
                                   visitor=factories.visitor(full_name="Sari Wulandari")).id
    assert post_form(client, f"/admin/visits/{visit_id}/ktp-check", next="/admin/board").status_code == 302
    page = _told(client)
    assert "KTP asli Sari Wulandari telah diperiksa." in page and "menunggu keputusan Kasubag" not in page
