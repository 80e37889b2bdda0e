"""Staff account operations shared by the CLI and the Admin screens. The caller commits."""
from __future__ import annotations

import re

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from . import audit
from .models import User
from .passwords import hash_password, password_problem
from .roles import STAFF_ROLES, Actor, Role

USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{2,63}$")


class UserError(ValueError):
    """A rule about accounts was broken; `code` is translated by the caller."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def find(session: Session, username: str) -> User | None:
    return session.scalar(select(User).where(func.lower(User.username) == username.strip().lower()))


def create(session: Session, actor: Actor | None, *, username: str, full_name: str,
           password: str, roles: set[Role], nip: str | None = None) -> User:
    username = username.strip().lower()
    if not USERNAME.match(username):
        raise UserError("bad_username")
    if find(session, username) is not None:
        raise UserError("username_taken")
    if not full_name.strip():
        raise UserError("name_required")
    if not roles or not set(roles) <= set(STAFF_ROLES):
        raise UserError("bad_roles")
    if problem := password_problem(password):
        raise UserError(problem)
    user = User(username=username, full_name=full_name.strip(), nip=nip or None,
                password_hash=hash_password(password), active=True)
    user.set_roles(roles)
    session.add(user)
    session.flush()
    audit.record(session, actor, "user.created", user,
                 details={"username": username, "roles": sorted(r.value for r in roles)})
    return user


def set_password(session: Session, actor: Actor | None, user: User, password: str) -> None:
    if problem := password_problem(password):
        raise UserError(problem)
    user.password_hash = hash_password(password)
    user.end_sessions()
    audit.record(session, actor, "user.password_set", user, details={"username": user.username})


def set_active(session: Session, actor: Actor | None, user: User, active: bool) -> None:
    user.active = active
    if not active:
        user.end_sessions()
    audit.record(session, actor, "user.activated" if active else "user.deactivated", user,
                 details={"username": user.username})


def set_roles(session: Session, actor: Actor | None, user: User, roles: set[Role]) -> None:
    if not roles or not set(roles) <= set(STAFF_ROLES):
        raise UserError("bad_roles")
    user.set_roles(roles)
    user.end_sessions()  # new roles take effect at the next login, everywhere
    audit.record(session, actor, "user.roles_set", user,
                 details={"username": user.username, "roles": sorted(r.value for r in roles)})
