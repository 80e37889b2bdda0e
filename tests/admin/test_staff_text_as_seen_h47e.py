"""h47e: what the staff type is kept as people will read it, as what a visitor types is (h46f).

Security's words (docs/security.md, h46f): a name of zero-width spaces showed no name; `SARI
<U+202E>AYAHAW` showed as "SARI WAHAYA", a name no search or watch-list entry found; `BU<U+200B>DI`
looked like BUDI and was compared as "BU DI"; control characters drew boxes on the staff's screens and
in the PDFs. The staff's notes, refusal reasons, remote-access requests, invitations and settings are
read and printed by people as a visitor's name is: the same characters are taken out before anything
checks or keeps them, and a field left with nothing to see is told as empty. A password is compared
as typed.
"""
from __future__ import annotations

import unicodedata

from sqlalchemy import select

from lpsedesk import settings, users
from lpsedesk.extensions import db
from lpsedesk.models import RemoteAccessRequest, Visit, VisitNote
from lpsedesk.roles import Role

from .. import factories
from ..conftest import csrf_from, logged_in_client, post_form
from .sent_forms import opened
from .test_invitations import one
from .test_remote_support import record

ZWSP, RLO, PDF_MARK, LRI, PDI, BOM, SOFT_HYPHEN = "\u200b", "\u202e", "\u202c", "\u2066", "\u2069", "\ufeff", "\u00ad"
TOWER = "a" + "\u0301" * 30  # an accent stack that drew over the rows above it


def _visit(app, status="pending") -> int:
    with app.app_context():
        return factories.visit(status).id


def test_a_note_loses_what_nobody_sees_and_keeps_its_line_breaks(app, make_user):
    make_user("rina", Role.HELPDESK)
    desk = logged_in_client(app, "rina")
    visit_id = _visit(app, "approved")
    body = f"Tamu{ZWSP} memakai {RLO}tenretni{PDF_MARK} pojok\x07\x1b[0m\nbaris{SOFT_HYPHEN} kedua {TOWER}"
    response = post_form(desk, f"/admin/visits/{visit_id}/notes", body=body, kind="note")
    assert response.status_code == 302, response.get_data(as_text=True)[:600]
    with app.app_context():
        note = db.session.scalars(select(VisitNote)).one()
        assert note.body == "Tamu memakai tenretni pojok[0m\nbaris kedua " + unicodedata.normalize("NFC", "a\u0301\u0301")


def test_a_note_of_invisible_characters_is_refused_as_empty_and_nothing_is_kept(app, make_user):
    make_user("rina", Role.HELPDESK)
    desk = logged_in_client(app, "rina")
    visit_id = _visit(app, "approved")
    response = post_form(desk, f"/admin/visits/{visit_id}/notes", body=ZWSP * 3 + BOM + "\x01", kind="note",
                         follow_redirects=True)
    assert response.status_code in (200, 400)
    with app.app_context():
        assert db.session.scalars(select(VisitNote)).all() == []


def test_the_kasubags_refusal_reason_reads_as_typed_in_the_order_typed(app, make_user):
    make_user("bambang", Role.KASUBAG)
    boss = logged_in_client(app, "bambang")
    visit_id = _visit(app)
    response = post_form(boss, f"/admin/visits/{visit_id}/decision", decision="deny",
                         reason=f"Surat {RLO}nakgnubmas{PDF_MARK} belum ada{ZWSP}\x0b")
    assert response.status_code == 302, response.get_data(as_text=True)[:600]
    with app.app_context():
        visit = db.session.get(Visit, visit_id)
        assert visit.status == "denied"
        assert visit.decision_reason == "Surat nakgnubmas belum ada"


def test_a_remote_access_request_names_the_person_the_search_will_find(app, make_user):
    make_user("ani", Role.ADMIN, name="Ani Admin")
    admin = logged_in_client(app, "ani")
    response = record(admin, requester_name=f"Bu{ZWSP}di San{SOFT_HYPHEN}tosa", instansi=f"PT {LRI}Contoh{PDI}\x01 Data",
                      purpose=f"Pembaruan{BOM} SPSE")
    assert response.status_code == 302, response.get_data(as_text=True)[:1500]
    with app.app_context():
        req = db.session.scalars(select(RemoteAccessRequest)).one()
        assert (req.requester_name, req.instansi, req.purpose) == ("Budi Santosa", "PT Contoh Data", "Pembaruan SPSE")


def test_an_invitation_names_the_visitor_without_invisible_characters(app, make_user):
    from lpsedesk.models import Invitation

    make_user("rina", Role.HELPDESK)
    desk = logged_in_client(app, "rina")
    response = post_form(desk, "/admin/invitations/new",
                         one(full_name=f"Sari {RLO}Ayahaw", event_name=f"Pelatihan{ZWSP} SPSE\x1b"),
                         token_page="/admin/invitations/new")
    assert response.status_code == 302, response.get_data(as_text=True)[:1500]
    with app.app_context():
        invitation = db.session.scalars(select(Invitation)).one()
        assert invitation.full_name == "SARI AYAHAW"  # kept in capitals, as a KTP writes a name
        assert invitation.event_name == "Pelatihan SPSE"


def test_the_lpse_name_in_the_settings_prints_as_it_is_seen(app, make_user):
    make_user("ani", Role.ADMIN)
    admin = logged_in_client(app, "ani")
    fields = dict(opened(admin, "/admin/settings/office"))
    fields["lpse_name"] = f"LPSE{ZWSP} Kabupaten {RLO}hotnoC{PDF_MARK}\x7f"
    response = admin.post("/admin/settings/office", data=fields)
    assert response.status_code == 302, response.get_data(as_text=True)[:1500]
    with app.app_context():
        assert settings.get_all(db.session)["lpse_name"] == "LPSE Kabupaten hotnoC"


def test_a_password_is_compared_as_typed(app):
    # NFD, a zero-width space and a control character: cleaned, it would no longer be the password chosen
    password = "Kata" + unicodedata.normalize("NFD", "sandié") + ZWSP + "\x07Panjang9"
    with app.app_context():
        users.create(db.session, None, username="tono", full_name="Tono", password=password, roles={Role.HELPDESK})
        db.session.commit()
    client = app.test_client()
    token = csrf_from(client, "/admin/login")
    response = client.post("/admin/login", data={"csrf_token": token, "username": "tono", "password": password})
    assert response.status_code == 302
    other = app.test_client()
    token = csrf_from(other, "/admin/login")
    cleaned = client.post("/admin/login", data={"csrf_token": token, "username": "tono",
                                                "password": password.replace(ZWSP, "").replace("\x07", "")})
    assert cleaned.status_code != 302


def test_a_form_part_without_a_name_is_refused_as_a_bad_form_not_a_server_error(app, make_user):
    # a script's multipart body (no browser sends it): found by the h47e probe as a 500 of the cleaning
    make_user("ani", Role.ADMIN)
    admin = logged_in_client(app, "ani")
    body = b'--x\r\nContent-Disposition: form-data\r\n\r\nhello\r\n--x--\r\n'
    response = admin.post("/admin/remote/new", data=body, content_type="multipart/form-data; boundary=x")
    assert response.status_code == 400
    assert "Maaf" in response.get_data(as_text=True)
