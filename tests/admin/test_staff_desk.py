"""SOP 1 on the helpdesk's side: KTP check (2), notes and early end (5), check-out (6), report (7)."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from lpsedesk import settings as office
from lpsedesk import visit_ops
from lpsedesk.extensions import db
from lpsedesk.models import AuditEvent, Visit, VisitNote, utcnow

from .. import factories
from ..conftest import csrf_from, post_form


def inside(**fields) -> int:
    now = utcnow()
    return factories.visit("approved", decided_at=now - timedelta(minutes=30),
                           approved_until=now + timedelta(minutes=30), signature_key="sig/2026/11/" + "s" * 20,
                           **fields).id


def actions(app, visit_id: int) -> list[str]:
    with app.app_context():
        return [e.action for e in db.session.scalars(
            select(AuditEvent).where(AuditEvent.object_id == visit_id, AuditEvent.object_type == "visit")
            .order_by(AuditEvent.id))]


def test_helpdesk_marks_that_the_original_ktp_matches_the_capture(app, client, make_user, login):
    desk = make_user("rina", "helpdesk")
    login("rina")
    with app.app_context():
        visit_id = factories.visit().id
    assert post_form(client, f"/admin/visits/{visit_id}/ktp-check", next="/admin/board").status_code == 302
    with app.app_context():
        visit = db.session.get(Visit, visit_id)
        assert visit.ktp_checked_at and visit.ktp_checked_by_id == desk
    assert actions(app, visit_id) == ["visit.ktp_checked"]
    assert post_form(client, f"/admin/visits/{visit_id}/ktp-check").status_code == 409


def test_the_kasubag_alone_cannot_mark_the_ktp_checked(app, client, make_user, login):
    make_user("bambang", "kasubag")
    login("bambang")
    with app.app_context():
        visit_id = factories.visit().id
    assert post_form(client, f"/admin/visits/{visit_id}/ktp-check").status_code == 403


def test_helpdesk_adds_a_note_and_an_incident_to_a_visit_in_progress(app, client, make_user, login):
    desk = make_user("rina", "helpdesk")
    login("rina")
    with app.app_context():
        visit_id = inside()
    assert post_form(client, f"/admin/visits/{visit_id}/notes", body="Memakai komputer nomor 3").status_code == 302
    assert post_form(client, f"/admin/visits/{visit_id}/notes", body="Kabel printer lepas", kind="incident").status_code == 302
    assert post_form(client, f"/admin/visits/{visit_id}/notes", body="   ").status_code == 400
    with app.app_context():
        notes = db.session.scalars(select(VisitNote).order_by(VisitNote.id)).all()
        assert [(n.kind, n.body, n.author_id) for n in notes] == [
            ("note", "Memakai komputer nomor 3", desk), ("incident", "Kabel printer lepas", desk)]
    assert actions(app, visit_id) == ["visit.note_added", "visit.incident_added"]


def test_ending_a_visit_early_needs_a_reason_and_records_it(app, client, make_user, login):
    make_user("rina", "helpdesk", name="Rina Helpdesk")
    login("rina")
    with app.app_context():
        visit_id = inside()
    refused = post_form(client, f"/admin/visits/{visit_id}/checkout", early="1", reason=" ")
    assert refused.status_code == 400 and "Alasan wajib diisi" in refused.get_data(as_text=True)
    assert post_form(client, f"/admin/visits/{visit_id}/checkout", early="1", reason="Listrik padam").status_code == 302
    with app.app_context():
        visit = db.session.get(Visit, visit_id)
        assert visit.status == "checked_out" and visit.end_reason == "Listrik padam"
        assert visit.checked_out_by_label == "Rina Helpdesk"
        event = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "visit.checked_out")).one()
        assert event.details["early"] is True and event.details["reason"] == "Listrik padam"


def test_helpdesk_checks_out_a_visitor_who_forgot(app, client, make_user, login):
    make_user("rina", "helpdesk")
    login("rina")
    with app.app_context():
        visit_id = inside()
    assert post_form(client, f"/admin/visits/{visit_id}/checkout").status_code == 302
    with app.app_context():
        assert db.session.get(Visit, visit_id).checked_out_at is not None
    assert post_form(client, f"/admin/visits/{visit_id}/checkout").status_code == 409


def test_an_incomplete_guest_book_blocks_the_report_and_names_what_is_missing(app, client, make_user, login):
    make_user("rina", "helpdesk")
    login("rina")
    with app.app_context():
        visit_id = factories.visit("checked_out", checked_out_at=utcnow()).id  # no signature
    board = client.get("/admin/board").get_data(as_text=True)
    assert "Buku tamu belum lengkap: Tanda tangan" in board
    refused = post_form(client, f"/admin/visits/{visit_id}/report")
    assert refused.status_code == 409 and "Tanda tangan" in refused.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Visit, visit_id).status == "checked_out"


def test_the_required_guest_book_fields_are_the_sop_list(app):
    with app.app_context():
        visit = factories.visit(visitor=factories.visitor(phone=""))
        assert visit_ops.missing_fields(visit) == ["phone", "signature", "checked_out_at"]


def test_helpdesk_reports_a_complete_visit_then_the_rest_of_the_day_at_once(app, client, make_user, login):
    desk = make_user("rina", "helpdesk")
    login("rina")
    with app.app_context():
        done = [factories.visit("checked_out", checked_out_at=utcnow(), signature_key="sig/2026/11/" + "s" * 20).id
                for _ in range(3)]
        incomplete = factories.visit("checked_out", checked_out_at=utcnow()).id
    assert post_form(client, f"/admin/visits/{done[0]}/report").status_code == 302
    response = post_form(client, "/admin/visits/report", ids=[str(i) for i in done[1:] + [incomplete]])
    assert response.status_code == 302
    follow = client.get("/admin/board").get_data(as_text=True)
    assert "2 kunjungan dilaporkan kepada Kasubag" in follow and "Belum dilaporkan" in follow
    with app.app_context():
        statuses = {v.id: (v.status, v.reported_by_id) for v in db.session.scalars(select(Visit))}
        assert all(statuses[i] == ("reported", desk) for i in done)
        assert statuses[incomplete] == ("checked_out", None)


def test_the_board_lists_inside_pending_overdue_and_finished_visits(app, client, make_user, login):
    make_user("rina", "helpdesk")
    login("rina")
    now = utcnow()
    with app.app_context():
        on_time = inside(visitor=factories.visitor(full_name="Tamu Tepat Waktu"))
        late = factories.visit("approved", visitor=factories.visitor(full_name="Tamu Terlambat"),
                               decided_at=now - timedelta(hours=2), approved_until=now - timedelta(minutes=10)).id
        factories.visit(visitor=factories.visitor(full_name="Tamu Menunggu"))
        factories.visit("expired", visitor=factories.visitor(full_name="Tamu Kedaluwarsa"), decided_at=now)
    page = client.get("/admin/board/fragment").get_data(as_text=True)
    for name in ("Tamu Tepat Waktu", "Tamu Terlambat", "Tamu Menunggu", "Tamu Kedaluwarsa"):
        assert name in page
    assert f'class="tile overdue" data-key="in-{late}"' in page
    assert f'class="tile" data-key="in-{on_time}"' in page
    assert "Kedaluwarsa: belum diputuskan sampai jam tutup" in page


def test_after_closing_time_visitors_still_inside_are_listed_for_follow_up_not_checked_out(app, client, make_user, login):
    make_user("rina", "helpdesk")
    login("rina")
    with app.app_context():
        office.put(db.session, "office_close", "00:00")  # closing time has passed, whatever the hour
        db.session.commit()
        visit_id = inside()
    page = client.get("/admin/board").get_data(as_text=True)
    assert "Sudah lewat jam tutup: masih di dalam" in page
    with app.app_context():
        visit_ops.expire_pending(db.session)
        db.session.commit()
        assert db.session.get(Visit, visit_id).status == "approved"


def test_the_evacuation_list_holds_everyone_inside_and_prints(app, client, make_user, login):
    make_user("rina", "helpdesk")
    login("rina")
    with app.app_context():
        inside(visitor=factories.visitor(full_name="Tamu Di Dalam"))
        factories.visit(visitor=factories.visitor(full_name="Tamu Menunggu"))
    page = client.get("/admin/evacuation").get_data(as_text=True)
    assert "Tamu Di Dalam" in page and "Tamu Menunggu" not in page and "data-print" in page
    assert "/admin/evacuation" in client.get("/admin/board").get_data(as_text=True)


def test_the_kasubag_may_watch_the_board_but_not_act_on_it(app, client, make_user, login):
    make_user("bambang", "kasubag")
    login("bambang")
    with app.app_context():
        visit_id = inside()
    page = client.get("/admin/board").get_data(as_text=True)
    assert "Sari Uji Coba" in page and f"/admin/visits/{visit_id}/checkout" not in page
    assert post_form(client, f"/admin/visits/{visit_id}/checkout").status_code == 403
    assert post_form(client, f"/admin/visits/{visit_id}/notes", body="x").status_code == 403
