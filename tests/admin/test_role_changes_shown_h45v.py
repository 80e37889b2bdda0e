"""h45s's probe: an Admin can give themselves the Kasubag role and then decide visits. Whether they
may is the office's call; what the desk owes is that such a change reads plainly: on the account's
page in Settings -> Users, who gave which role to whom, and when, in WIB (h45v)."""
from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from sqlalchemy import select

from lpsedesk import audit
from lpsedesk.extensions import db
from lpsedesk.models import AuditEvent, User
from lpsedesk.roles import Actor, Role

from ..conftest import logged_in_client, post_form

WIB = ZoneInfo("Asia/Jakarta")


def _role_changes_card(page: str) -> str:
    card = re.search(r"<section class=\"card\" data-role-changes>(.*?)</section>", page, re.S).group(1)
    return " ".join(re.sub(r"<[^>]+>", "", card).split())


def _audited_at(app, user_id: int) -> str:
    with app.app_context():
        at = db.session.scalar(select(AuditEvent.at).where(AuditEvent.action == "user.roles_set",
                                                           AuditEvent.object_id == user_id))
    return at.astimezone(WIB).strftime("%d/%m/%Y %H:%M") + " WIB"


def test_an_admin_giving_themselves_the_kasubag_role_is_plain_on_their_account_page(app, make_user):
    sinta = make_user("sinta", "admin", name="Sinta Admin")
    make_user("yusuf", "admin", name="Yusuf Admin")
    own = logged_in_client(app, "sinta")
    assert post_form(own, f"/admin/settings/users/{sinta}/roles", {"roles": ["admin", "kasubag"]}).status_code == 302

    # the other Admin (Sinta's own login ended with the change) reads it on her page
    card = _role_changes_card(logged_in_client(app, "yusuf").get(f"/admin/settings/users/{sinta}").get_data(as_text=True))
    assert f"{_audited_at(app, sinta)}: Sinta Admin memberi Sinta Admin peran" in card
    assert "ditambahkan: Kasubag." in card and "dicabut" not in card
    assert "Diberikan kepada akunnya sendiri." in card


def test_a_role_taken_by_another_admin_names_who_took_it(app, make_user):
    make_user("yusuf", "admin", name="Yusuf Admin")
    rina = make_user("rina", "helpdesk", "kasubag", name="Rina Meja")
    yusuf = logged_in_client(app, "yusuf")
    assert post_form(yusuf, f"/admin/settings/users/{rina}/roles", {"roles": ["helpdesk"]}).status_code == 302
    card = _role_changes_card(yusuf.get(f"/admin/settings/users/{rina}").get_data(as_text=True))
    assert f"{_audited_at(app, rina)}: Yusuf Admin memberi Rina Meja peran Helpdesk; dicabut: Kasubag." in card
    assert "akunnya sendiri" not in card


def test_an_account_made_with_roles_and_a_change_audited_before_h45v_read_from_the_log(app, make_user):
    """A change audited before h45v kept only the roles after it: the creation's tell what it added."""
    make_user("yusuf", "admin", name="Yusuf Admin")
    created = datetime(2026, 12, 1, 1, 30, tzinfo=timezone.utc)  # 08:30 WIB
    with app.app_context():
        dewi = User(username="dewi", full_name="Dewi Sartika", password_hash="-")
        dewi.set_roles({Role.HELPDESK})
        db.session.add(dewi)
        db.session.flush()
        boss = Actor(kind="user", id=None, label="Bambang Admin", roles=frozenset({Role.ADMIN}))
        audit.record(db.session, boss, "user.created", dewi, details={"username": "dewi", "roles": ["helpdesk"]},
                     at=created)
        audit.record(db.session, boss, "user.roles_set", dewi,
                     details={"username": "dewi", "roles": ["helpdesk", "kasubag"]}, at=created + timedelta(days=2))
        db.session.commit()
        dewi_id = dewi.id
    card = _role_changes_card(logged_in_client(app, "yusuf").get(f"/admin/settings/users/{dewi_id}").get_data(as_text=True))
    newest, oldest = card.index("03/12/2026 08:30 WIB"), card.index("01/12/2026 08:30 WIB")
    assert newest < oldest  # newest first
    assert "01/12/2026 08:30 WIB: Bambang Admin membuat akun ini dengan peran Helpdesk." in card
    assert ("03/12/2026 08:30 WIB: Bambang Admin memberi Dewi Sartika peran Helpdesk, Kasubag; "
            "ditambahkan: Kasubag.") in card
