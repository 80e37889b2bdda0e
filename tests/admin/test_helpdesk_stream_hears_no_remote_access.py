"""The SOP gives remote access (akses jarak jauh) to the Admin LPSE and the Kasubag only: the
helpdesk's live stream must not carry a remote-access request's events, not even that one changed,
while the Kasubag's does. Visits reach both; invitations the Kasubag's only (h46d)."""
from __future__ import annotations

from datetime import date, timedelta

from lpsedesk import audit, remote_ops, settings
from lpsedesk.extensions import db
from lpsedesk.invitations import batch, rules
from lpsedesk.live import latest_event_id
from lpsedesk.live_rules import staff_may_hear
from lpsedesk.models import Visit, utcnow
from lpsedesk.roles import SYSTEM_ACTOR, Actor, Role

from .. import factories
from ..conftest import logged_in_client
from ..support import read_stream


def _record_remote_request(app) -> int:
    admin = Actor("user", None, "Admin LPSE", frozenset({Role.ADMIN}))
    start = utcnow() + timedelta(days=1)
    data = remote_ops.RequestInput(
        requester_name="Teknisi Rahasia", instansi="PT Akses Jauh", letter_number="009/AJ/XII/2026",
        letter_date=date.today(), purpose="Pemeliharaan server", rights_requested="Baca tulis",
        period_start=start, period_end=start + timedelta(days=1))
    with app.app_context():
        req = remote_ops.record_request(db.session, admin, data, now=utcnow())
        db.session.commit()
        return req.id


def _stream_text(app, client, after: int) -> str:
    """What a stream that last saw event `after` hears in 3 s (the replay of what came since)."""
    return read_stream(app, client, 3, str(after))


def test_the_helpdesk_stream_carries_no_remote_access_request_and_the_kasubags_does(app, make_user):
    make_user("rina", "helpdesk")
    make_user("bambang", "kasubag")
    helpdesk, kasubag = logged_in_client(app, "rina"), logged_in_client(app, "bambang")
    with app.app_context():
        before = latest_event_id(db.session)
    remote_id = _record_remote_request(app)
    with app.app_context():
        visit_id = factories.visit().id
        audit.record(db.session, SYSTEM_ACTOR, "visit.received", db.session.get(Visit, visit_id))
        db.session.commit()

    heard_by_helpdesk = _stream_text(app, helpdesk, before)
    assert "remote" not in heard_by_helpdesk and "Teknisi" not in heard_by_helpdesk
    assert f'"object_id": {visit_id}' in heard_by_helpdesk  # the stream works: the visit arrived

    heard_by_kasubag = _stream_text(app, kasubag, before)
    assert '"object_type": "remote_access"' in heard_by_kasubag and f'"object_id": {remote_id}' in heard_by_kasubag


def test_who_hears_of_which_change_as_the_sop_says():
    remote, visit = "remote_access", "visit"
    assert not staff_may_hear({Role.HELPDESK}, remote, "remote.received")
    assert staff_may_hear({Role.KASUBAG}, remote, "remote.received")
    assert staff_may_hear({Role.ADMIN}, remote, "remote.received")
    assert staff_may_hear({Role.HELPDESK, Role.KASUBAG}, remote, "remote.approved")  # a Plh. for the day
    for roles in ({Role.HELPDESK}, {Role.KASUBAG}, {Role.ADMIN}):
        assert staff_may_hear(roles, visit, "visit.approved")
    assert not staff_may_hear({Role.KIOSK}, visit, "visit.approved")  # a kiosk is no staff screen
    assert not staff_may_hear({Role.KASUBAG}, "users", "user.login")
    assert not staff_may_hear({Role.HELPDESK}, visit, "visit.ktp_viewed")


def test_the_kasubags_stream_hears_of_invitations_she_may_approve_early_and_the_helpdesks_does_not(app, make_user):
    """h46d: the Kasubag's queue lists invitations to approve in advance (SOP 1's decision, taken early):
    a new one, or a training's participants imported at once, reaches her screen as a request does."""
    assert staff_may_hear({Role.KASUBAG}, "invitations", "invitation.created")
    assert not staff_may_hear({Role.HELPDESK}, "invitations", "invitation.created")
    make_user("bambang", "kasubag")
    kasubag = logged_in_client(app, "bambang")
    desk = Actor("user", None, "Rina Helpdesk", frozenset({Role.HELPDESK}))
    start = utcnow() + timedelta(days=1)
    common = rules.InvitationDraft(purpose="training", facility="training_room", starts_at=start,
                                   ends_at=start + timedelta(hours=8), event_name="Pelatihan SPSE")
    with app.app_context():
        before = latest_event_id(db.session)
        batch.import_file(db.session, desk, b"NAMA,TELEPON,INSTANSI,KATEGORI\nBudi Contoh,081234567890,CV Satu,penyedia\n",
                          "peserta.csv", common, purposes=settings.get(db.session, "purposes"),
                          facilities=settings.get(db.session, "facilities"))
        db.session.commit()
    assert '"action": "invitation.batch_imported", "object_type": "invitations"' in _stream_text(app, kasubag, before)
