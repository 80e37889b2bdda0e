"""h37c on the staff screens, SOP 1: "the helpdesk lets the visitor in within what was permitted [...];
during the visit the helpdesk makes sure the visitor stays within what was permitted; afterwards
check-out and report". An approved visitor still at the desk: the visit page offers the let-in (for a
restricted facility straight into the area with the escort, one tap), the KTP check, and a check-out of
one who left without coming in; not the area's entry, not an early end. The board's summary counts the
decisions to act on and links to them; after closing its follow-up names an approved visitor never let in."""
from __future__ import annotations

from datetime import time, timedelta

from lpsedesk.clock import wib_at
from lpsedesk.extensions import db
from lpsedesk.models import AuditEvent, Visit, utcnow

from .. import factories
from ..conftest import logged_in_client, post_form
from .test_board_follow_up_h25b import MONDAY


def approved_at_desk(app, name: str, **fields) -> int:
    now = utcnow()
    fields.setdefault("decided_at", now - timedelta(minutes=1))
    with app.app_context():
        return factories.visit("approved", visitor=factories.visitor(full_name=name),
                               submitted_at=fields["decided_at"] - timedelta(minutes=5), decided_by_label="Bambang Wijaya",
                               approved_until=now + timedelta(hours=1), decision_told_at=None, **fields).id


def next_step(client, visit_id: int, lang: str = "id") -> str:
    page = client.get(f"/admin/visits/{visit_id}?lang={lang}").get_data(as_text=True)
    return page.split('id="next-step"')[1].split("</section>")[0]


def test_a_server_room_visitor_at_the_desk_goes_into_the_area_with_the_escort_in_one_tap(app, make_user):
    make_user("rina", "helpdesk", name="Rina Helpdesk")
    escort = make_user("sari", "helpdesk", name="Sari Pendamping")
    visit_id = approved_at_desk(app, "Dewi Lestari", facility="server_room", restricted=True, escort_id=escort,
                                devices_none=False)
    desk = logged_in_client(app, "rina")
    step = next_step(desk, visit_id)
    assert "Masuk area bersama pendamping: catat" in step
    assert "Pergi tanpa masuk: catat keluar" in step
    assert "Akhiri kunjungan lebih awal" not in step and "Catat keluar di meja helpdesk" not in step
    page = desk.get(f"/admin/visits/{visit_id}").get_data(as_text=True)
    assert f'action="/admin/visits/{visit_id}/area-entry"' not in page
    assert f'action="/admin/visits/{visit_id}/devices-check"' not in page
    # the board's band offers the same tap
    board = desk.get("/admin/board").get_data(as_text=True).split('data-part="to-tell"')[1].split('class="board-top"')[0]
    assert "Masuk area bersama pendamping: catat" in board and 'name="area" value="1"' in board
    # the area's own step before the let-in is refused by the server too
    refused = post_form(desk, f"/admin/visits/{visit_id}/area-entry", {"next": "/admin/board"}, token_page="/admin/board")
    assert refused.status_code == 409 and "belum mempersilakan pengunjung masuk" in refused.get_data(as_text=True)

    response = post_form(desk, f"/admin/visits/{visit_id}/told", {"next": "/admin/board", "area": "1"},
                         token_page="/admin/board")
    assert response.status_code == 302
    with app.app_context():
        visit = db.session.get(Visit, visit_id)
        assert visit.decision_told_at is not None and visit.area_entered_at == visit.decision_told_at
        actions = {e.action for e in db.session.query(AuditEvent).filter_by(object_id=visit_id)}
        assert {"visit.let_in", "visit.area_entered"} <= actions
    assert "Sari Pendamping" in desk.get("/admin/board").get_data(as_text=True)  # the flash names the escort


def test_a_visitor_who_went_home_before_being_let_in_is_checked_out_as_such(app, make_user):
    make_user("rina", "helpdesk", name="Rina Helpdesk")
    visit_id = approved_at_desk(app, "Agus Pulang")
    desk = logged_in_client(app, "rina")
    early = post_form(desk, f"/admin/visits/{visit_id}/checkout", {"early": "1", "reason": "pulang", "next": "/admin/board"},
                      token_page="/admin/board")
    assert early.status_code == 409
    assert post_form(desk, f"/admin/visits/{visit_id}/checkout", {"next": "/admin/board"},
                     token_page="/admin/board").status_code == 302
    page = desk.get(f"/admin/visits/{visit_id}").get_data(as_text=True)
    assert "Pergi tanpa masuk: tidak pernah dipersilakan masuk oleh helpdesk" in page  # the timeline says so


def test_the_summary_counts_the_decisions_to_act_on_and_leads_to_them(app, make_user):
    make_user("rina", "helpdesk", name="Rina Helpdesk")
    approved_at_desk(app, "Agus Setuju")
    with app.app_context():
        factories.visit("denied", visitor=factories.visitor(full_name="Budi Tolak"), decided_at=utcnow(),
                        decision_reason="Ruangan dipakai", decision_told_at=None)
    desk = logged_in_client(app, "rina")
    page = desk.get("/admin/board").get_data(as_text=True)
    summary = page.split('class="duties"')[1].split("</nav>")[0]
    assert '<a href="#to-tell"' in summary and "<b>2</b> perlu disampaikan" in summary
    assert 'id="to-tell"' in page.split('class="board-top"')[0]
    english = desk.get("/admin/board?lang=en").get_data(as_text=True).split('class="duties"')[1].split("</nav>")[0]
    assert "<b>2</b> to tell" in english


def test_after_closing_the_follow_up_names_an_approved_visitor_never_let_in(app, client, make_user, login):
    make_user("rina", "helpdesk")
    login("rina")
    approved_at_desk(app, "Tamu Belum Masuk", decided_at=wib_at(MONDAY, time(15, 50)))
    app.config["KIOSK_CLOCK"] = lambda: wib_at(MONDAY, time(16, 30))
    page = client.get("/admin/board").get_data(as_text=True)
    follow_up = page.split('data-key="follow-up"')[1].split("</section>")[0]
    assert "Sudah lewat jam tutup" in follow_up and "Tamu Belum Masuk" in follow_up
    assert "disetujui 07/12/2026 15:50 WIB, belum pernah dipersilakan masuk" in follow_up
