"""SOP 1 steps 3-4 and 7 on the Kasubag's side: the queue, decisions, "a.n.", acknowledging reports."""
from __future__ import annotations

from sqlalchemy import select

from lpsedesk import settings as office
from lpsedesk.extensions import db
from lpsedesk.models import AuditEvent, Visit, utcnow

from .. import factories
from ..conftest import csrf_from, post_form


def test_the_queue_shows_the_visitor_purpose_facility_ktp_check_and_waiting_time(app, client, make_user, login):
    desk = make_user("rina", "helpdesk", name="Rina Helpdesk")
    make_user("bambang", "kasubag")
    with app.app_context():
        visit = factories.visit(id_capture_key="ktp/2026/11/" + "a" * 20, ktp_checked_at=utcnow(),
                                ktp_checked_by_id=desk)
        visit_id = visit.id
    login("bambang")
    page = client.get("/admin/queue").get_data(as_text=True)
    assert "Sari Uji Coba" in page and "CV Contoh Sejahtera" in page and "Penyedia" in page
    assert "Verifikasi akun penyedia" in page and "Meja verifikasi" in page
    assert "KTP asli diperiksa oleh Rina Helpdesk" in page
    assert f"/admin/visits/{visit_id}/ktp" in page and "menunggu kurang dari 1 menit" in page
    assert client.get("/admin/").get_data(as_text=True).count(f'data-key="visit-{visit_id}"') == 1


def test_remote_access_requests_appear_in_the_queue_marked_as_remote_access(app, client, make_user, login):
    make_user("bambang", "kasubag")
    with app.app_context():
        factories.remote_request()
    login("bambang")
    page = client.get("/admin/queue/fragment").get_data(as_text=True)
    assert 'class="req remote"' in page and "Remote akses" in page and "Teknisi Uji" in page


def test_the_helpdesk_cannot_open_the_kasubag_queue(client, make_user, login):
    make_user("rina", "helpdesk")
    login("rina")
    assert client.get("/admin/queue").status_code == 403
    assert client.get("/admin/queue/fragment").status_code == 403


def test_kasubag_refuses_with_a_reason_and_returns_to_the_queue(app, client, make_user, login):
    make_user("bambang", "kasubag")
    login("bambang")
    with app.app_context():
        visit_id = factories.visit().id
    response = post_form(client, f"/admin/visits/{visit_id}/decision", decision="deny", reason="Ruang penuh",
                    next="/admin/queue")
    assert response.status_code == 302 and response.headers["Location"].endswith("/admin/queue")
    with app.app_context():
        visit = db.session.get(Visit, visit_id)
        assert visit.status == "denied" and visit.decision_reason == "Ruang penuh"


def test_a_decision_already_taken_by_another_kasubag_names_who_took_it(app, client, make_user, login):
    make_user("bambang", "kasubag", name="Bambang Wijaya")
    make_user("budi", "kasubag", name="Budi Santoso")
    with app.app_context():
        visit_id = factories.visit().id
    login("bambang")
    assert post_form(client, f"/admin/visits/{visit_id}/decision", decision="approve").status_code == 302
    other = app.test_client()
    login("budi", c=other)
    token = csrf_from(other, "/admin/visits")
    again = other.post(f"/admin/visits/{visit_id}/decision", data={"csrf_token": token, "decision": "approve"})
    assert again.status_code == 409
    assert "Bambang Wijaya sudah mencatat bahwa permintaan kunjungan ini disetujui, " in again.get_data(as_text=True)


def test_a_delegate_decides_and_the_record_says_a_n_with_both_names(app, client, make_user, login):
    principal = make_user("bambang", "kasubag", name="Bambang Wijaya")
    delegate = make_user("budi", "helpdesk", name="Budi Santoso")
    with app.app_context():
        factories.delegation(delegate, principal)
        visit_id = factories.visit().id
    login("budi")
    assert "a.n. Bambang Wijaya" in client.get("/admin/queue").get_data(as_text=True)
    assert post_form(client, f"/admin/visits/{visit_id}/decision", decision="approve").status_code == 302
    with app.app_context():
        visit = db.session.get(Visit, visit_id)
        assert visit.decided_by_id == delegate and visit.decided_on_behalf_of_id == principal
        assert visit.decided_by_label == "Budi Santoso a.n. Bambang Wijaya"
        event = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "visit.approved")).one()
        assert event.details["on_behalf_of"] == "Bambang Wijaya"
    assert "Budi Santoso a.n. Bambang Wijaya" in client.get(f"/admin/visits/{visit_id}").get_data(as_text=True)
    assert "Budi Santoso a.n. Bambang Wijaya" in client.get("/admin/queue").get_data(as_text=True)


def test_with_ktp_check_first_requests_reach_the_kasubag_only_after_the_helpdesk_check(app, client, make_user, login):
    make_user("bambang", "kasubag")
    desk = make_user("rina", "helpdesk")
    with app.app_context():
        office.put(db.session, "ktp_check_before_kasubag", True)
        db.session.commit()
        visit_id = factories.visit().id
    login("bambang")
    page = client.get("/admin/queue/fragment").get_data(as_text=True)
    assert f'data-key="visit-{visit_id}"' not in page and f'data-key="wait-{visit_id}"' in page
    refused = post_form(client, f"/admin/visits/{visit_id}/decision", decision="approve")
    assert refused.status_code == 409 and "Helpdesk belum memeriksa KTP asli" in refused.get_data(as_text=True)
    with app.app_context():
        visit = db.session.get(Visit, visit_id)
        visit.ktp_checked_at, visit.ktp_checked_by_id = utcnow(), desk
        db.session.commit()
    assert f'data-key="visit-{visit_id}"' in client.get("/admin/queue/fragment").get_data(as_text=True)
    assert post_form(client, f"/admin/visits/{visit_id}/decision", decision="approve").status_code == 302


def test_without_ktp_check_first_requests_reach_the_kasubag_at_once(app, client, make_user, login):
    make_user("bambang", "kasubag")
    with app.app_context():
        visit_id = factories.visit().id
    login("bambang")
    assert f'data-key="visit-{visit_id}"' in client.get("/admin/queue/fragment").get_data(as_text=True)


def test_kasubag_acknowledges_one_report_then_the_rest_at_once(app, client, make_user, login):
    make_user("bambang", "kasubag")
    login("bambang")
    with app.app_context():
        ids = [factories.visit("reported", reported_at=utcnow()).id for _ in range(3)]
        later = factories.visit("reported", reported_at=utcnow()).id  # arrives after the screen was drawn
    assert post_form(client, f"/admin/visits/{ids[0]}/acknowledge").status_code == 302
    again = post_form(client, f"/admin/visits/{ids[0]}/acknowledge")
    assert again.status_code == 409
    response = post_form(client, "/admin/reports/acknowledge", ids=[str(i) for i in ids[1:]])
    assert response.status_code == 302
    with app.app_context():
        acked = {v.id for v in db.session.scalars(select(Visit).where(Visit.acknowledged_at.is_not(None)))}
        assert acked == set(ids) and later not in acked
        events = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "visit.acknowledged")).all()
        assert sorted(e.object_id for e in events) == sorted(ids)


def test_only_the_kasubag_acknowledges_reports(app, client, make_user, login):
    make_user("rina", "helpdesk")
    login("rina")
    with app.app_context():
        visit_id = factories.visit("reported").id
    assert post_form(client, f"/admin/visits/{visit_id}/acknowledge").status_code == 403


def test_a_pending_visit_cannot_be_acknowledged(app, client, make_user, login):
    make_user("bambang", "kasubag")
    login("bambang")
    with app.app_context():
        visit_id = factories.visit().id
    assert post_form(client, f"/admin/visits/{visit_id}/acknowledge").status_code == 409


def test_after_a_decision_the_browser_returns_only_to_a_page_of_this_site(app, client, make_user, login):
    make_user("bambang", "kasubag")
    login("bambang")
    with app.app_context():
        first, second = factories.visit().id, factories.visit().id
    for visit_id, target in ((first, "https://evil.example/"), (second, "/\\evil.example")):
        response = post_form(client, f"/admin/visits/{visit_id}/decision", decision="approve", next=target)
        assert response.status_code == 302 and response.headers["Location"] == "/admin/"
