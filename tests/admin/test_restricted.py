"""Issue 15, escorted visits to a restricted facility (the server room) through the web layer: no
approval without an escort named by the Kasubag; the helpdesk records the area's entry and exit and
confirms each device left with the visitor, a mismatch being an incident on the visit."""
from __future__ import annotations

from sqlalchemy import select

from lpsedesk.extensions import db
from lpsedesk.models import AuditEvent, Visit, VisitDevice, VisitNote

from .. import factories
from ..conftest import logged_in_client, post_form


def _server_room_visit(status="pending", devices=(("Laptop", "Lenovo", "PF-1"), ("Flashdisk", "Sandisk", "SD-2")),
                       **fields) -> int:
    visit = factories.visit(status=status, facility="server_room", restricted=True,
                            devices_none=not devices, **fields)
    visit.devices = [VisitDevice(position=n, kind=k, brand=b, serial=s) for n, (k, b, s) in enumerate(devices)]
    db.session.commit()
    return visit.id


def test_a_restricted_visit_is_refused_approval_without_an_escort_and_approved_with_one(app, make_user):
    make_user("bambang", "kasubag")
    escort = make_user("eko", "helpdesk", name="Eko Pendamping")
    boss = logged_in_client(app, "bambang")
    with app.app_context():
        visit_id = _server_room_visit()
    page = boss.get("/admin/queue").get_data(as_text=True)
    assert 'name="escort_id"' in page and "Eko Pendamping" in page  # the escort picker
    refused = post_form(boss, f"/admin/visits/{visit_id}/decision", decision="approve")
    assert refused.status_code == 400 and "pendamping" in refused.get_data(as_text=True).lower()
    with app.app_context():
        assert db.session.get(Visit, visit_id).status == "pending"
    approved = post_form(boss, f"/admin/visits/{visit_id}/decision", decision="approve", escort_id=str(escort))
    assert approved.status_code == 302
    with app.app_context():
        visit = db.session.get(Visit, visit_id)
        assert visit.status == "approved" and visit.escort_id == escort
        actions = [e.action for e in db.session.scalars(select(AuditEvent).where(AuditEvent.object_id == visit_id))]
        assert "visit.escort_named" in actions and "visit.approved" in actions
    assert "Eko Pendamping" in boss.get(f"/admin/visits/{visit_id}").get_data(as_text=True)


def test_the_escort_must_be_active_staff(app, make_user):
    make_user("bambang", "kasubag")
    gone = make_user("lama", "helpdesk", active=False)
    boss = logged_in_client(app, "bambang")
    with app.app_context():
        visit_id = _server_room_visit()
    for escort in (str(gone), "999999", "abc"):
        response = post_form(boss, f"/admin/visits/{visit_id}/decision", decision="approve", escort_id=escort)
        assert response.status_code == 400, escort
        # The Kasubag is told why: the escort is to be one of the active staff.
        assert "staf yang aktif" in response.get_data(as_text=True), escort
    with app.app_context():
        assert db.session.get(Visit, visit_id).status == "pending"


def test_an_ordinary_facility_needs_no_escort(app, make_user):
    make_user("bambang", "kasubag")
    boss = logged_in_client(app, "bambang")
    with app.app_context():
        visit_id = factories.visit().id
    assert post_form(boss, f"/admin/visits/{visit_id}/decision", decision="approve").status_code == 302


def test_the_helpdesk_records_entry_and_exit_times_of_the_area_apart_from_the_visit(app, make_user):
    make_user("hana", "helpdesk")
    desk = logged_in_client(app, "hana")
    with app.app_context():
        visit_id = _server_room_visit(status="approved")
    page = desk.get(f"/admin/visits/{visit_id}").get_data(as_text=True)
    assert f"/admin/visits/{visit_id}/area-entry" in page
    assert post_form(desk, f"/admin/visits/{visit_id}/area-exit").status_code == 409  # not entered yet
    assert post_form(desk, f"/admin/visits/{visit_id}/area-entry").status_code == 302
    assert post_form(desk, f"/admin/visits/{visit_id}/area-entry").status_code == 409  # once
    assert post_form(desk, f"/admin/visits/{visit_id}/area-exit").status_code == 302
    with app.app_context():
        visit = db.session.get(Visit, visit_id)
        assert visit.area_entered_at and visit.area_left_at and visit.area_left_at >= visit.area_entered_at
        assert visit.status == "approved" and visit.checked_out_at is None  # the visit goes on
        actions = {e.action for e in db.session.scalars(select(AuditEvent).where(AuditEvent.object_id == visit_id))}
        assert {"visit.area_entered", "visit.area_left"} <= actions


def test_the_kasubag_cannot_record_the_area_times_or_check_devices(app, make_user):
    make_user("bambang", "kasubag")
    boss = logged_in_client(app, "bambang")
    with app.app_context():
        visit_id = _server_room_visit(status="approved")
    for step in ("area-entry", "area-exit", "devices-check"):
        assert post_form(boss, f"/admin/visits/{visit_id}/{step}").status_code == 403


def test_the_desk_checks_the_devices_before_checking_out_and_a_missing_device_is_an_incident(app, make_user):
    make_user("hana", "helpdesk")
    desk = logged_in_client(app, "hana")
    with app.app_context():
        visit_id = _server_room_visit(status="approved")
        laptop, flashdisk = (d.id for d in db.session.get(Visit, visit_id).devices)
    # No check-out before the device check.
    assert post_form(desk, f"/admin/visits/{visit_id}/checkout").status_code == 409
    assert f"/admin/visits/{visit_id}/checkout" not in desk.get(f"/admin/visits/{visit_id}").get_data(as_text=True)
    response = post_form(desk, f"/admin/visits/{visit_id}/devices-check", left=[str(laptop)])
    assert response.status_code == 302
    with app.app_context():
        visit = db.session.get(Visit, visit_id)
        assert visit.devices_checked_at is not None
        assert {d.serial: d.left_with_visitor for d in visit.devices} == {"PF-1": True, "SD-2": False}
        incident = db.session.scalars(select(VisitNote).where(VisitNote.visit_id == visit_id)).one()
        assert incident.kind == "incident" and "SD-2" in incident.body and "PF-1" not in incident.body
        mismatch = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "visit.device_mismatch")).one()
        assert mismatch.object_id == visit_id and mismatch.details["serials"] == ["SD-2"]
    assert post_form(desk, f"/admin/visits/{visit_id}/checkout").status_code == 302
    page = desk.get(f"/admin/visits/{visit_id}").get_data(as_text=True)
    assert "SD-2" in page


def test_every_device_left_means_no_incident(app, make_user):
    make_user("hana", "helpdesk")
    desk = logged_in_client(app, "hana")
    with app.app_context():
        visit_id = _server_room_visit(status="approved")
        ids = [str(d.id) for d in db.session.get(Visit, visit_id).devices]
    assert post_form(desk, f"/admin/visits/{visit_id}/devices-check", left=ids).status_code == 302
    with app.app_context():
        assert db.session.scalars(select(VisitNote)).all() == []
        assert not db.session.scalars(select(AuditEvent).where(AuditEvent.action == "visit.device_mismatch")).all()


def test_a_visit_without_devices_has_nothing_to_check_and_checks_out_directly(app, make_user):
    make_user("hana", "helpdesk")
    desk = logged_in_client(app, "hana")
    with app.app_context():
        visit_id = _server_room_visit(status="approved", devices=())
    assert post_form(desk, f"/admin/visits/{visit_id}/checkout").status_code == 302


def test_the_admin_marks_a_facility_restricted_in_settings(app, make_user):
    from lpsedesk import settings

    make_user("ani", "admin")
    admin = logged_in_client(app, "ani")
    page = admin.get("/admin/settings/facilities").get_data(as_text=True)
    assert 'name="restricted-new"' in page
    response = post_form(admin, "/admin/settings/facilities", {
        "row": ["0", "new"], "key-0": "training_room", "id-0": "Ruang pelatihan", "en-0": "Training room",
        "active-0": "1", "key-new": "", "id-new": "Ruang server", "en-new": "Server room", "restricted-new": "1"})
    assert response.status_code == 302
    with app.app_context():
        items = {i["key"]: i for i in settings.get(db.session, "facilities")}
        assert items["server_room"].get("restricted") is True and not items["training_room"].get("restricted")


def test_each_step_at_the_area_is_audited_as_the_helpdesk_member_who_did_it_at_the_time_recorded(app, make_user):
    # docs/restricted.md: entry and exit "audited", the device check recorded with who checked;
    # issue 2: an audit event holds actor, action, object and time.
    hana = make_user("hana", "helpdesk")
    desk = logged_in_client(app, "hana")
    with app.app_context():
        visit_id = _server_room_visit(status="approved")
        ids = [str(d.id) for d in db.session.get(Visit, visit_id).devices]
    for step, data in (("area-entry", {}), ("area-exit", {}), ("devices-check", {"left": ids})):
        assert post_form(desk, f"/admin/visits/{visit_id}/{step}", **data).status_code == 302, step
    with app.app_context():
        visit = db.session.get(Visit, visit_id)
        events = {e.action: e for e in db.session.scalars(select(AuditEvent).where(AuditEvent.action.in_(
            ("visit.area_entered", "visit.area_left", "visit.devices_checked"))))}
        stamped = {"visit.area_entered": visit.area_entered_at, "visit.area_left": visit.area_left_at,
                   "visit.devices_checked": visit.devices_checked_at}
        assert set(events) == set(stamped)
        for action, event in events.items():
            assert (event.actor_type, event.actor_id) == ("user", hana), action
            assert (event.object_type, event.object_id) == ("visit", visit_id), action
            assert event.at == stamped[action], action


def test_an_exit_typed_before_the_entry_is_recorded_at_the_entry_never_earlier(app, make_user):
    # The area's exit follows its entry: a desk clock behind the one that stamped the entry
    # (another PC) must not leave an exit before the entry, nor no exit at all.
    from datetime import timedelta

    from lpsedesk import restricted
    from lpsedesk.roles import Actor, Role

    hana = make_user("hana", "helpdesk")
    desk = Actor("user", hana, "Hana", frozenset({Role.HELPDESK}))
    with app.app_context():
        visit = db.session.get(Visit, _server_room_visit(status="approved"))
        restricted.enter_area(db.session, visit, desk)
        entered = visit.area_entered_at
        restricted.leave_area(db.session, visit, desk, now=entered - timedelta(minutes=2))
        assert visit.area_left_at == entered and visit.area_left_by_id == hana


def test_a_missing_device_is_an_incident_written_and_audited_by_the_helpdesk_member_who_checked(app, make_user):
    # docs/restricted.md: a device not ticked is an incident note on the visit and an audit event;
    # docs/reports.md: each note and incident is reported with its time and author.
    hana = make_user("hana", "helpdesk")
    desk = logged_in_client(app, "hana")
    with app.app_context():
        visit_id = _server_room_visit(status="approved")
        laptop = db.session.get(Visit, visit_id).devices[0].id
    assert post_form(desk, f"/admin/visits/{visit_id}/devices-check", left=[str(laptop)]).status_code == 302
    with app.app_context():
        checked_at = db.session.get(Visit, visit_id).devices_checked_at
        incident = db.session.scalars(select(VisitNote).where(VisitNote.visit_id == visit_id)).one()
        assert (incident.author_id, incident.created_at) == (hana, checked_at)
        mismatch = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "visit.device_mismatch")).one()
        assert (mismatch.actor_type, mismatch.actor_id, mismatch.at) == ("user", hana, checked_at)


def test_the_escort_picker_offers_the_active_staff_by_name(app, make_user):
    # docs/restricted.md: the Kasubag picks the escort from the active staff; a list of people to
    # pick from reads in the order of their names, not the order their accounts were made.
    from lpsedesk import restricted

    make_user("zaki", "helpdesk", name="Zaki Pendamping")
    make_user("bambang", "kasubag", name="Bambang Kepala")
    make_user("lama", "helpdesk", name="Anto Nonaktif", active=False)
    make_user("eko", "helpdesk", name="Eko Teknisi")
    with app.app_context():
        assert [u.full_name for u in restricted.escort_candidates(db.session)] == [
            "Bambang Kepala", "Eko Teknisi", "Zaki Pendamping"]


def test_naming_the_escort_is_audited_as_the_kasubag_and_says_who_was_named(app, make_user):
    # docs/restricted.md: "`visit.escort_named` is audited"; issue 2/5: an audit event holds who did
    # the step, and this one says who was named.
    boss = make_user("bambang", "kasubag")
    eko = make_user("eko", "helpdesk", name="Eko Pendamping")
    client = logged_in_client(app, "bambang")
    with app.app_context():
        visit_id = _server_room_visit()
    assert post_form(client, f"/admin/visits/{visit_id}/decision", decision="approve",
                     escort_id=str(eko)).status_code == 302
    with app.app_context():
        named = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "visit.escort_named")).one()
        assert (named.actor_type, named.actor_id) == ("user", boss)
        assert (named.object_type, named.object_id) == ("visit", visit_id)
        assert "Eko Pendamping" in (named.details or {}).values()


def test_each_area_step_out_of_its_time_is_refused_saying_when_it_is_possible(app, make_user):
    # docs/restricted.md: the helpdesk records the area's entry and exit during an approved visit
    # and checks the devices as the visitor leaves; a step asked at another moment is refused, stores
    # nothing, and the desk is told when the step is possible and what the visit is now.
    make_user("hana", "helpdesk")
    desk = logged_in_client(app, "hana")
    with app.app_context():
        waiting = _server_room_visit(status="pending")
        nothing_brought = _server_room_visit(status="approved", devices=())
    refusals = [
        (waiting, "area-entry", "Masuk area dicatat sekali, selama kunjungan yang disetujui ke fasilitas terbatas; "
                                "kunjungan ini menunggu."),
        (waiting, "area-exit", "Keluar area dicatat sekali, setelah masuk; kunjungan ini menunggu."),
        (waiting, "devices-check", "Perangkat diperiksa sekali, saat pengunjung keluar; kunjungan ini menunggu."),
        (nothing_brought, "area-exit", "Keluar area dicatat sekali, setelah masuk; kunjungan ini disetujui."),
        (nothing_brought, "devices-check", "Perangkat diperiksa sekali, saat pengunjung keluar; kunjungan ini disetujui."),
    ]
    for visit_id, step, said in refusals:
        response = post_form(desk, f"/admin/visits/{visit_id}/{step}")
        assert response.status_code == 409, (visit_id, step)
        assert said in response.get_data(as_text=True), (visit_id, step)
    with app.app_context():
        for visit_id in (waiting, nothing_brought):
            visit = db.session.get(Visit, visit_id)
            assert (visit.area_entered_at, visit.area_left_at, visit.devices_checked_at) == (None, None, None)
    # Each step once: a second entry, exit or device check of the same visit is refused too.
    with app.app_context():
        inside = _server_room_visit(status="approved")
    for step in ("area-entry", "area-exit", "devices-check"):
        assert post_form(desk, f"/admin/visits/{inside}/{step}").status_code == 302, step
    with app.app_context():
        first = db.session.get(Visit, inside)
        stamped = (first.area_entered_at, first.area_left_at, first.devices_checked_at)
    for step, said in (("area-entry", "Masuk area dicatat sekali"), ("area-exit", "Keluar area dicatat sekali"),
                       ("devices-check", "Perangkat diperiksa sekali")):
        again = post_form(desk, f"/admin/visits/{inside}/{step}")
        assert again.status_code == 409 and said in again.get_data(as_text=True), step
    with app.app_context():
        visit = db.session.get(Visit, inside)
        assert (visit.area_entered_at, visit.area_left_at, visit.devices_checked_at) == stamped
