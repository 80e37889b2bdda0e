"""ux17, SOP 1 steps 6 and 7 at the desk: after checking a visitor out, the helpdesk "makes sure the
guest book is complete and reports the finished visit to the Kasubag". Checked out from the board, the
board that comes back names that next step for that visit at its top, with the report button, or says
what the guest book still lacks; the "To report" card itself lay a screen or three below."""
from __future__ import annotations

from datetime import timedelta

from lpsedesk.extensions import db
from lpsedesk.models import Visit, utcnow

from .. import factories
from ..conftest import post_form

NEXT_ID = "Berikutnya: laporkan kunjungan SUMARNI HADI yang sudah selesai kepada Kasubag"


def _inside(**fields) -> int:
    now = utcnow()
    fields.setdefault("signature_key", "sig/2026/12/" + "s" * 20)
    return factories.visit("approved", visitor=factories.visitor(full_name="SUMARNI HADI"),
                           decided_at=now - timedelta(minutes=30), approved_until=now + timedelta(minutes=30),
                           ktp_checked_at=now - timedelta(minutes=31), **fields).id


def test_the_board_after_a_check_out_offers_to_report_that_visit(app, client, make_user, login):
    make_user("rina", "helpdesk")
    login("rina")
    with app.app_context():
        visit_id = _inside()
    done = post_form(client, f"/admin/visits/{visit_id}/checkout", next="/admin/board")
    assert done.status_code == 302
    page = client.get(done.headers["Location"]).get_data(as_text=True)
    assert "SUMARNI HADI sudah dicatat keluar." in page
    # the next step comes before the board's own heading, with the guest book's state and the button
    assert NEXT_ID in page and page.index(NEXT_ID) < page.index("<h1>")
    card = page[page.index(NEXT_ID):page.index("<h1>")]
    assert "Buku tamu lengkap" in card
    assert f'action="/admin/visits/{visit_id}/report"' in card and "Laporkan kepada Kasubag" in card

    reported = post_form(client, f"/admin/visits/{visit_id}/report", next="/admin/board")
    assert reported.status_code == 302
    with app.app_context():
        assert db.session.get(Visit, visit_id).status == "reported"
    after = client.get(reported.headers["Location"]).get_data(as_text=True)
    assert "dilaporkan kepada Kasubag" in after and NEXT_ID not in after
    # the same address again (a reload, the back button): a reported visit asks for nothing more
    assert NEXT_ID not in client.get(done.headers["Location"]).get_data(as_text=True)


def test_an_incomplete_guest_book_is_named_instead_of_a_report_button(app, client, make_user, login):
    make_user("rina", "helpdesk")
    login("rina")
    with app.app_context():
        visit_id = _inside(signature_key=None)   # the kiosk kept no signature
    done = post_form(client, f"/admin/visits/{visit_id}/checkout", next="/admin/board")
    page = client.get(done.headers["Location"]).get_data(as_text=True)
    card = page[page.index(NEXT_ID):page.index("<h1>")]
    assert "buku tamu lengkap" in card.lower() and "Tanda tangan" in card
    assert "/report" not in card
    assert f'href="/admin/visits/{visit_id}"' in card


def test_a_check_out_from_the_visit_page_goes_back_to_that_page(app, client, make_user, login):
    make_user("rina", "helpdesk")
    login("rina")
    with app.app_context():
        visit_id = _inside()
    done = post_form(client, f"/admin/visits/{visit_id}/checkout", next=f"/admin/visits/{visit_id}")
    assert done.headers["Location"].endswith(f"/admin/visits/{visit_id}")


def test_the_board_names_no_next_step_for_a_visit_still_inside(app, client, make_user, login):
    make_user("rina", "helpdesk")
    login("rina")
    with app.app_context():
        visit_id = _inside()
    assert NEXT_ID not in client.get(f"/admin/board?out={visit_id}").get_data(as_text=True)
    assert client.get("/admin/board?out=abc").status_code == 200
