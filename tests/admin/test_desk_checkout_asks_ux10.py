"""ux10: at the desk a check-out cannot be taken back (checked_out has no way back in the workflow),
so the board's "Catat keluar" asks once more, naming the visitor, before anyone is checked out.
This is the path without JavaScript: the board's button opens a question page; only its "Ya" checks
the visitor out, "Batal" leaves everyone inside."""
from __future__ import annotations

from lpsedesk.extensions import db
from lpsedesk.models import Visit

from .. import factories
from ..conftest import post_form
from .test_staff_desk import inside


def test_the_boards_check_out_button_asks_first_and_names_the_visitor(app, client, make_user, login):
    make_user("rina", "helpdesk")
    login("rina")
    with app.app_context():
        visit_id = inside(visitor=factories.visitor(full_name="Budi Siregar"))
    board = client.get("/admin/board").get_data(as_text=True)
    assert 'name="step" value="ask"' in board

    asked = post_form(client, f"/admin/visits/{visit_id}/checkout", step="ask", next="/admin/board")
    page = asked.get_data(as_text=True)
    assert asked.status_code == 200 and "Catat keluar Budi Siregar?" in page
    assert "Ya, catat keluar" in page and 'href="/admin/board"' in page  # "Batal" goes back to the board
    with app.app_context():
        assert db.session.get(Visit, visit_id).status == "approved", "asking must not check anyone out"

    assert post_form(client, f"/admin/visits/{visit_id}/checkout", next="/admin/board").status_code == 302
    with app.app_context():
        assert db.session.get(Visit, visit_id).status == "checked_out"


def test_asking_about_a_visitor_already_out_says_so_instead_of_asking(app, client, make_user, login):
    make_user("rina", "helpdesk")
    login("rina")
    with app.app_context():
        visit_id = inside()
    assert post_form(client, f"/admin/visits/{visit_id}/checkout").status_code == 302
    assert post_form(client, f"/admin/visits/{visit_id}/checkout", step="ask").status_code == 409
