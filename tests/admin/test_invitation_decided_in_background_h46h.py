"""h46h: the Kasubag decides an invitation early from her queue without the page coming back at its top.
Her phone sends the decision in the background, as it sends a visit's: the server answers with the line
to show (which way it went, and that it was taken in advance), or with the missing reason to say beside
the box; a form posted without a script is answered as before, with a redirect and the line flashed."""
from __future__ import annotations

from datetime import datetime, time, timedelta, timezone

from lpsedesk import settings
from lpsedesk.clock import WIB
from lpsedesk.extensions import db
from lpsedesk.invitations import rules
from lpsedesk.models import Invitation
from lpsedesk.roles import Actor, Role

from ..conftest import post_form

BACKGROUND = {"X-Background": "1", "Accept": "application/json"}
DESK = Actor("user", None, "Rina Helpdesk", frozenset({Role.HELPDESK}))


def _invite(app, *names: str, event: str = "") -> list[int]:
    """The helpdesk invites visitors for tomorrow morning (SOP 1; the Kasubag may decide them early)."""
    with app.app_context():
        day = (datetime.now(timezone.utc).astimezone(WIB) + timedelta(days=1)).date()
        starts = datetime.combine(day, time(9, 0), WIB)
        made = [rules.create(db.session, DESK, rules.InvitationDraft(
                    full_name=name, phone="081234567890", institution="Dinas Pekerjaan Umum", category="opd",
                    purpose="consultation", facility="verification_desk", starts_at=starts,
                    ends_at=starts + timedelta(hours=2), event_name=event),
                    purposes=settings.get(db.session, "purposes"), facilities=settings.get(db.session, "facilities"))
                for name in names]
        db.session.commit()
        return [inv.id for inv in made]


def _statuses(app, ids: list[int]) -> list[str]:
    with app.app_context():
        return [db.session.get(Invitation, i).status for i in ids]


def _kasubag(make_user, login):
    make_user("siti", "kasubag", name="Siti Kasubag")
    login("siti")


def test_an_invitation_approved_early_in_the_background_is_answered_with_which_way_it_went(
        app, client, make_user, login):
    _kasubag(make_user, login)
    [inv] = _invite(app, "NUR AINI")
    answer = post_form(client, f"/admin/invitations/{inv}/decision", {"decision": "approve", "next": "/admin/queue"},
                       token_page="/admin/queue", headers=BACKGROUND)
    assert answer.status_code == 200
    assert answer.get_json() == {"message": "Disetujui lebih awal: NUR AINI."}
    assert _statuses(app, [inv]) == ["approved"]
    # said at once, not flashed as well: a flashed line would greet her on some later page
    assert "Disetujui lebih awal: NUR AINI." not in client.get("/admin/queue").get_data(as_text=True)


def test_an_invitation_refused_early_in_the_background_needs_a_reason_said_beside_its_box(
        app, client, make_user, login):
    _kasubag(make_user, login)
    [inv] = _invite(app, "NUR AINI")
    answer = post_form(client, f"/admin/invitations/{inv}/decision", {"decision": "deny", "reason": "  "},
                       token_page="/admin/queue", headers=BACKGROUND)
    assert answer.status_code == 400
    assert answer.get_json() == {"error": "reason_required", "field": "reason", "message": "Penolakan memerlukan alasan."}
    assert _statuses(app, [inv]) == ["open"]
    answer = post_form(client, f"/admin/invitations/{inv}/decision",
                       {"decision": "deny", "reason": "Jadwal bentrok dengan pelatihan"},
                       token_page="/admin/queue", headers=BACKGROUND)
    assert answer.status_code == 200 and answer.get_json() == {"message": "Ditolak lebih awal: NUR AINI."}
    with app.app_context():
        refused = db.session.get(Invitation, inv)
        assert (refused.status, refused.decision_reason) == ("refused", "Jadwal bentrok dengan pelatihan")


def test_a_training_approved_early_in_the_background_is_answered_with_how_many(app, client, make_user, login):
    _kasubag(make_user, login)
    ids = _invite(app, "PESERTA SATU", "PESERTA DUA", event="Pelatihan SPSE 4.5")
    answer = post_form(client, "/admin/invitations/approve-all", {"ids": [str(i) for i in ids]},
                       token_page="/admin/queue", headers=BACKGROUND)
    assert answer.status_code == 200 and answer.get_json() == {"message": "2 undangan disetujui lebih awal."}
    assert _statuses(app, ids) == ["approved", "approved"]


def test_an_invitation_already_decided_is_no_background_answer(app, client, make_user, login):
    """The queue then posts the form the ordinary way, and the server's page says it was decided."""
    _kasubag(make_user, login)
    [inv] = _invite(app, "NUR AINI")
    post_form(client, f"/admin/invitations/{inv}/decision", {"decision": "approve"}, token_page="/admin/queue",
              headers=BACKGROUND)
    again = post_form(client, f"/admin/invitations/{inv}/decision", {"decision": "deny", "reason": "Salah tekan"},
                      token_page="/admin/queue", headers=BACKGROUND)
    assert again.status_code == 409
    assert _statuses(app, [inv]) == ["approved"]


def test_without_a_script_the_decision_comes_back_to_the_queue_saying_which_way_it_went(
        app, client, make_user, login):
    _kasubag(make_user, login)
    [inv] = _invite(app, "NUR AINI")
    page = post_form(client, f"/admin/invitations/{inv}/decision",
                     {"decision": "deny", "reason": "Ruang dipakai", "next": "/admin/queue"},
                     token_page="/admin/queue", follow_redirects=True)
    assert page.request.path == "/admin/queue"
    assert "Ditolak lebih awal: NUR AINI." in page.get_data(as_text=True)
    assert _statuses(app, [inv]) == ["refused"]
