"""h26u, SOP 1: the visitor shows a valid KTP and the helpdesk checks the original; at the end the
helpdesk "makes sure the guest book is complete and reports to the Kasubag that the visit is
finished". An office whose "KTP first" setting is off may let a visitor in before the desk saw the
KTP. When that visit is finished, the visit page said nothing and offered "Laporkan kepada Kasubag" as
for any other. The report still goes (the guest book is its condition, and after check-out the KTP can
no longer be checked), but the page says plainly, before the button, what the report lacks, and the
Kasubag reads it beside "Terima laporan ini" and in the queue. While the visitor is still inside, the page
asks for the KTP check before the check-out."""
from __future__ import annotations

from datetime import timedelta

from lpsedesk import visit_ops
from lpsedesk.extensions import db
from lpsedesk.models import Visit, utcnow

from .. import factories
from ..conftest import post_form

GAP_ID = "KTP asli tidak pernah diperiksa di meja helpdesk."
GAP_EN = "The original KTP was never checked at the desk."
BEFORE_OUT = "Periksa KTP asli sebelum pengunjung pergi"
SIG = "sig/2026/12/" + "s" * 20


def _finished(*, ktp_checked: bool) -> int:
    now = utcnow()
    checked = dict(ktp_checked_at=now - timedelta(hours=2)) if ktp_checked else {}
    return factories.visit("checked_out", visitor=factories.visitor(full_name="SUMARNI HADI"), signature_key=SIG,
                           decided_at=now - timedelta(hours=2), checked_out_at=now - timedelta(minutes=5),
                           decided_by_label="Bambang Wijaya", **checked).id


def test_a_finished_visit_whose_ktp_was_never_checked_says_so_before_the_report_button(app, client, make_user, login):
    make_user("rina", "helpdesk")
    login("rina")
    with app.app_context():
        visit_id = _finished(ktp_checked=False)
    page = client.get(f"/admin/visits/{visit_id}").get_data(as_text=True)
    step = page[page.index('id="next-step"'):]
    assert GAP_ID in step
    assert step.index(GAP_ID) < step.index("Laporkan kepada Kasubag")
    # said, not blocking: the guest book is complete, so the report goes
    reported = post_form(client, f"/admin/visits/{visit_id}/report", next=f"/admin/visits/{visit_id}")
    assert reported.status_code == 302
    with app.app_context():
        assert db.session.get(Visit, visit_id).status == "reported"


def test_in_english_too_and_not_for_a_visit_whose_ktp_was_checked(app, client, make_user, login):
    make_user("rina", "helpdesk")
    login("rina")
    with app.app_context():
        unchecked, checked = _finished(ktp_checked=False), _finished(ktp_checked=True)
    assert GAP_EN in client.get(f"/admin/visits/{unchecked}?lang=en").get_data(as_text=True)
    assert GAP_EN not in client.get(f"/admin/visits/{checked}?lang=en").get_data(as_text=True)
    assert GAP_ID not in client.get(f"/admin/visits/{checked}?lang=id").get_data(as_text=True)


def test_the_kasubag_reads_the_gap_beside_the_report_to_acknowledge(app, client, make_user, login):
    desk_id = make_user("rina", "helpdesk")
    make_user("bambang", "kasubag")
    login("bambang")
    with app.app_context():
        visit = db.session.get(Visit, _finished(ktp_checked=False))
        visit.status, visit.reported_at, visit.reported_by_id = "reported", utcnow(), desk_id
        db.session.commit()
        visit_id = visit.id
    page = client.get(f"/admin/visits/{visit_id}?lang=id").get_data(as_text=True)
    step = page[page.index('id="next-step"'):]
    assert GAP_ID in step and step.index(GAP_ID) < step.index("Terima laporan ini")
    assert GAP_ID in client.get("/admin/queue?lang=id").get_data(as_text=True)


def test_while_the_visitor_is_inside_the_ktp_check_comes_before_the_check_out(app, client, make_user, login):
    make_user("rina", "helpdesk")
    login("rina")
    now = utcnow()
    with app.app_context():
        visit_id = factories.visit("approved", visitor=factories.visitor(full_name="SUMARNI HADI"), signature_key=SIG,
                                   decided_at=now - timedelta(minutes=30),
                                   approved_until=now + timedelta(minutes=30)).id
    page = client.get(f"/admin/visits/{visit_id}?lang=id").get_data(as_text=True)
    step = page[page.index('id="next-step"'):]
    assert BEFORE_OUT in step
    assert step.index(BEFORE_OUT) < step.index("KTP asli sesuai") < step.index(f'/admin/visits/{visit_id}/checkout')


def test_the_report_lacks_the_ktp_check_only_when_it_was_never_made(app):
    with app.app_context():
        unchecked = db.session.get(Visit, _finished(ktp_checked=False))
        checked = db.session.get(Visit, _finished(ktp_checked=True))
        assert visit_ops.report_gaps(unchecked) == [visit_ops.KTP_UNCHECKED]
        assert visit_ops.report_gaps(checked) == []
