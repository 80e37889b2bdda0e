"""Issue 15, the watch list through the web layer: the Admin keeps it, the Kasubag reads it, the
helpdesk never sees it nor a match's reason; every change is audited."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from lpsedesk.clock import wib_today
from lpsedesk.extensions import db
from lpsedesk.models import AuditEvent, WatchEntry

from .. import factories
from ..conftest import logged_in_client, post_form

REASON = "Penyedia dalam sanksi daftar hitam"


def _later(days=30) -> str:
    return (wib_today() + timedelta(days=days)).isoformat()


def test_the_admin_adds_changes_and_removes_an_entry_and_each_change_is_audited(app, make_user):
    make_user("ani", "admin")
    admin = logged_in_client(app, "ani")
    added = post_form(admin, "/admin/watchlist/", nik="3373024107900001", reason=REASON, expires_on=_later())
    assert added.status_code == 302
    with app.app_context():
        entry_id = db.session.scalars(select(WatchEntry)).one().id
    assert post_form(admin, f"/admin/watchlist/{entry_id}", nik="3373024107900001", reason="Melanggar tata tertib",
                     expires_on=_later(60)).status_code == 302
    assert post_form(admin, f"/admin/watchlist/{entry_id}/remove").status_code == 302
    with app.app_context():
        assert db.session.scalars(select(WatchEntry)).all() == []
        events = db.session.scalars(select(AuditEvent).where(AuditEvent.action.like("watchlist.%"))
                                    .order_by(AuditEvent.id)).all()
        assert [e.action for e in events] == ["watchlist.added", "watchlist.changed", "watchlist.removed"]
        assert events[1].details["old"]["reason"] == REASON and events[1].details["new"]["reason"] == "Melanggar tata tertib"
        assert "*" in events[0].details["nik"]  # the audit log keeps the NIK masked


def test_an_entry_needs_a_nik_or_a_name_with_its_institution_a_reason_and_a_future_expiry(app, make_user):
    make_user("ani", "admin")
    admin = logged_in_client(app, "ani")
    response = post_form(admin, "/admin/watchlist/", full_name="Budi", reason="", expires_on="2020-01-01")
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert 'aria-invalid="true"' in page
    with app.app_context():
        assert db.session.scalars(select(WatchEntry)).all() == []


def test_the_kasubag_reads_the_list_but_cannot_change_it_and_the_helpdesk_cannot_open_it(app, make_user):
    make_user("bambang", "kasubag")
    make_user("hana", "helpdesk")
    with app.app_context():
        db.session.add(WatchEntry(nik="3373024107900001", reason=REASON, expires_on=wib_today()))
        db.session.commit()
    boss = logged_in_client(app, "bambang")
    page = boss.get("/admin/watchlist/")
    assert page.status_code == 200 and REASON in page.get_data(as_text=True)
    assert post_form(boss, "/admin/watchlist/", nik="3373024107900002", reason="x",
                     expires_on=_later()).status_code == 403
    desk = logged_in_client(app, "hana")
    assert desk.get("/admin/watchlist/").status_code == 403
    assert "/admin/watchlist/" not in desk.get("/admin/board").get_data(as_text=True)


def test_a_flagged_request_shows_its_reason_to_the_kasubag_on_the_queue_and_visit_page_but_only_a_flag_to_the_helpdesk(
        app, make_user):
    make_user("bambang", "kasubag")
    make_user("hana", "helpdesk")
    with app.app_context():
        visit_id = factories.visit(watch_reason=REASON).id
    boss = logged_in_client(app, "bambang")
    for path in ("/admin/queue", "/admin/queue/fragment", f"/admin/visits/{visit_id}"):
        body = boss.get(path).get_data(as_text=True)
        assert REASON in body, path
    desk = logged_in_client(app, "hana")
    for path in ("/admin/board", "/admin/board/fragment", f"/admin/visits/{visit_id}"):
        body = desk.get(path).get_data(as_text=True)
        assert REASON not in body, path
        assert "watch" in body.lower() or "pantau" in body.lower(), path  # the board marks it


def test_each_entry_remembers_the_admin_who_put_the_person_on_the_list(app, make_user):
    # Issue 2: the record keeps "who recorded and who decided each step"; issue 5: "each SOP step
    # with who did it". Adding a person to the watch list is the Admin's step: it stays theirs,
    # also after another Admin changes the entry.
    ani = make_user("ani", "admin")
    dewi = make_user("dewi", "admin")
    assert post_form(logged_in_client(app, "ani"), "/admin/watchlist/", nik="3373024107900001", reason=REASON,
                     expires_on=_later()).status_code == 302
    second = logged_in_client(app, "dewi")
    assert post_form(second, "/admin/watchlist/", full_name="Sari Uji Coba", institution="CV Contoh Sejahtera",
                     reason="Melanggar tata tertib", expires_on=_later()).status_code == 302
    with app.app_context():
        by_nik, by_name = db.session.scalars(select(WatchEntry).order_by(WatchEntry.id)).all()
        assert (by_nik.created_by_id, by_name.created_by_id) == (ani, dewi)
    assert post_form(second, f"/admin/watchlist/{by_nik.id}", nik="3373024107900001", reason=REASON,
                     expires_on=_later(60)).status_code == 302
    with app.app_context():
        assert db.session.get(WatchEntry, by_nik.id).created_by_id == ani
