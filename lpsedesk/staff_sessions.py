"""Server-side staff sessions: a login starts one, logout ends it, and every request checks it.

The signed session cookie names the user, the user's session token (rotated by a password reset,
deactivation or new roles, which ends all of that user's sessions) and a random nonce for this one
login. Only a hash of the nonce is stored, and logout marks it ended: a copy of the cookie taken
before logout then reaches nothing. Plain Python; the caller commits.
"""
from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from .ids import ascii_digits
from .models import StaffSession, User, utcnow


def _hash(nonce: str) -> str:
    return hashlib.sha256(nonce.encode()).hexdigest()


def cookie_id(user: User, nonce: str) -> str:
    """What the login cookie holds for this user and session (Flask-Login's user id)."""
    return f"{user.id}:{user.session_token}:{nonce}"


def parse_cookie_id(value: str) -> tuple[int, str, str] | None:
    user_id, token, nonce = (value.split(":") + ["", "", ""])[:3]
    if not ascii_digits(user_id) or not token or not nonce or value.count(":") != 2:
        return None
    return int(user_id), token, nonce


def start(session: Session, user: User) -> str:
    """A new session for `user`; returns the nonce the cookie carries."""
    nonce = secrets.token_urlsafe(24)
    session.add(StaffSession(nonce_hash=_hash(nonce), user_id=user.id))
    user.login_nonce = nonce  # read by User.get_id when Flask-Login writes the cookie
    return nonce


def is_live(session: Session, user_id: int, nonce: str, longest: timedelta, now: datetime | None = None) -> bool:
    """The login is not ended and began less than `longest` ago. The signed cookie alone is renewed
    by every request, so without the start time a login in use (or a copy of its cookie) never ended."""
    row = session.scalar(select(StaffSession).where(StaffSession.nonce_hash == _hash(nonce)))
    if row is None or row.user_id != user_id or row.ended_at is not None:
        return False
    return (now or utcnow()) - row.started_at < longest


def gone_idle(renewed_at: datetime, idle: timedelta, now: datetime | None = None) -> bool:
    """The idle limit (STAFF_SESSION_HOURS): a login is over once more than `idle` has passed since
    its session cookie was last renewed. Every page opened renews the cookie; a live stream or a
    background fetch does not (lpsedesk/sessionless.py), so for them the limit runs on from the
    cookie they came with. Asked by every request (the session interface) and by a live stream."""
    return (now or utcnow()) - renewed_at > idle


def still_valid(session: Session, user_id: int, token: str, nonce: str, longest: timedelta,
                renewed_at: datetime, idle: timedelta, now: datetime | None = None) -> bool:
    """What a long request (a live stream) asks now and then: whether the login it began under still
    holds. Ended by logout, deactivation or a password reset or role change (a new session token),
    past its idle limit (`gone_idle`, from the cookie the stream came with) or its absolute one."""
    now = now or utcnow()
    if gone_idle(renewed_at, idle, now):
        return False
    user = session.get(User, user_id)
    if user is None or not user.active or user.session_token != token:
        return False
    return is_live(session, user_id, nonce, longest, now)


def end(session: Session, nonce: str, now: datetime | None = None) -> None:
    row = session.scalar(select(StaffSession).where(StaffSession.nonce_hash == _hash(nonce)))
    if row is not None and row.ended_at is None:
        row.ended_at = now or utcnow()


def forget_before(session: Session, cutoff: datetime) -> int:
    """Delete session rows started before `cutoff` (older than any session may live)."""
    return session.execute(delete(StaffSession).where(StaffSession.started_at < cutoff)).rowcount or 0
