"""A staff login's server-side record (lpsedesk/staff_sessions.py; docs/staff.md: logout ends the login,
a copied cookie reaches nothing after it). Written for mu12's survivors (docs/mutation.md): a login's
nonce taken as another user's login, a second logout moving the recorded end, and a cookie value of
another shape than "user:token:nonce" read as a login passed the whole suite."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from sqlalchemy import select

from lpsedesk import staff_sessions
from lpsedesk.extensions import db
from lpsedesk.models import StaffSession, User

DAY = timedelta(hours=12)
LOGOUT = datetime(2026, 11, 24, 9, 0, tzinfo=timezone.utc)


def test_a_logins_nonce_is_that_users_login_and_nobody_elses(app, make_user):
    rina, bambang = make_user("rina", "helpdesk"), make_user("bambang", "kasubag")
    with app.app_context():
        nonce = staff_sessions.start(db.session, db.session.get(User, rina))
        db.session.commit()
        assert staff_sessions.is_live(db.session, rina, nonce, DAY)
        assert not staff_sessions.is_live(db.session, bambang, nonce, DAY)


def test_a_second_logout_keeps_the_time_the_login_ended(app, make_user):
    rina = make_user("rina", "helpdesk")
    with app.app_context():
        nonce = staff_sessions.start(db.session, db.session.get(User, rina))
        db.session.commit()
        staff_sessions.end(db.session, nonce, now=LOGOUT)
        staff_sessions.end(db.session, nonce, now=LOGOUT + timedelta(hours=2))
        db.session.commit()
        ended = db.session.scalar(select(StaffSession.ended_at).where(StaffSession.user_id == rina))
    assert ended.replace(tzinfo=ended.tzinfo or timezone.utc) == LOGOUT


def test_only_a_cookie_of_the_shape_the_server_writes_names_a_login():
    assert staff_sessions.parse_cookie_id("7:tok:nonce") == (7, "tok", "nonce")
    for value in ("7:tok:nonce:more", "7:tok", "x:tok:nonce", "7::nonce", "7:tok:", ""):
        assert staff_sessions.parse_cookie_id(value) is None, value
