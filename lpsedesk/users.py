"""Staff account operations shared by the CLI and the Admin screens. The caller commits."""
from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from . import audit, form_edits
from .models import Delegation, User, UserRole
from .passwords import hash_password, password_problem, verify_password
from .roles import STAFF_ROLES, Actor, Role
from .throttle import LoginThrottle, login_keys

USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{2,63}$")


class UserError(ValueError):
    """A rule about accounts was broken; `code` is translated by the caller."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


NIP = re.compile(r"^\d{18}$", re.ASCII)  # Nomor Induk Pegawai of a civil servant: 18 digits


def clean_nip(nip: str | None) -> str | None:
    """The NIP without spaces (None when empty), or UserError("bad_nip")."""
    nip = "".join((nip or "").split()) or None
    if nip is not None and not NIP.match(nip):
        raise UserError("bad_nip")
    return nip


def find(session: Session, username: str) -> User | None:
    return session.scalar(select(User).where(func.lower(User.username) == username.strip().lower()))


def authenticate(session: Session, username: str, password: str) -> User | None:
    """The active user with this name and password, or None.

    A password is verified even for an unknown or inactive name (against a dummy hash), so the time
    an answer takes does not tell which user names exist.
    """
    user = find(session, username)
    known = user is not None and user.active
    ok = verify_password(user.password_hash if known else None, password)
    return user if known and ok else None


def attempt_login(session: Session, throttle: LoginThrottle, username: str, password: str,
                  address: str | None) -> tuple[User | None, int]:
    """(the user, 0) for a right password; (None, 0) for a wrong one, counted against the limits
    of `login_keys`; (None, seconds to wait) while a limit is reached, the password unchecked."""
    keys = login_keys(username, address, throttle.max_attempts)
    # Counted before the password is checked, in one step with reading the limits: twenty attempts
    # sent together each found the address's limit (ten) unreached while the others' 0.3 s hashes ran.
    attempt = throttle.attempt(*keys)
    if attempt.wait:
        return None, attempt.wait
    user = authenticate(session, username, password)
    if user is not None:
        attempt.passed()
        throttle.succeed(keys[0], keys[2])  # the address keeps counting what it tried for other names
    return user, 0


def create(session: Session, actor: Actor | None, *, username: str, full_name: str,
           password: str, roles: set[Role], nip: str | None = None) -> User:
    username = username.strip().lower()
    nip = clean_nip(nip)
    if not USERNAME.match(username):
        raise UserError("bad_username")
    if find(session, username) is not None:
        raise UserError("username_taken")
    if not full_name.strip():
        raise UserError("name_required")
    if not roles or not set(roles) <= set(STAFF_ROLES):
        raise UserError("bad_roles")
    if problem := password_problem(password, username):
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
    if problem := password_problem(password, user.username):
        raise UserError(problem)
    user.password_hash = hash_password(password)
    user.end_sessions()
    audit.record(session, actor, "user.password_set", user, details={"username": user.username})


def set_active(session: Session, actor: Actor | None, user: User, active: bool) -> None:
    if not active:
        _keep_an_admin(session, actor, user, stays_admin=False)
    user.active = active
    if not active:
        user.end_sessions()
    audit.record(session, actor, "user.activated" if active else "user.deactivated", user,
                 details={"username": user.username})


def set_roles(session: Session, actor: Actor | None, user: User, roles: set[Role],
              shown: Mapping[str, str] | None = None) -> bool:
    """Give `user` these roles and log them out everywhere. With `shown` (the marks of what the roles
    form showed): False, nothing done, when its Admin left the roles as shown, and
    form_edits.ChangedMeanwhile when another Admin changed them since the form was shown."""
    if not roles or not set(roles) <= set(STAFF_ROLES):
        raise UserError("bad_roles")
    if shown is not None and not form_edits.edits(role_values(user), {"roles": _role_list(roles)}, shown):
        return False
    if user.active:
        _keep_an_admin(session, actor, user, stays_admin=Role.ADMIN in {Role(r) for r in roles})
    before = _role_list(user.roles)  # so the log says which role was given or taken (h45v)
    user.set_roles(roles)
    user.end_sessions()  # new roles take effect at the next login, everywhere
    audit.record(session, actor, "user.roles_set", user,
                 details={"username": user.username, "roles": _role_list(roles), "before": before})
    return True


def _role_list(roles: set[Role] | set[str]) -> list[str]:
    return sorted(Role(r).value for r in roles)


def role_values(user: User) -> dict[str, object]:
    return {"roles": _role_list(user.roles)}


def profile_values(user: User) -> dict[str, object]:
    return {"full_name": user.full_name, "nip": user.nip}


def shown_marks(user: User) -> dict[str, str]:
    """The marks of what the user's profile and roles forms show now, sent back with each."""
    profile, roles = profile_values(user), role_values(user)
    return {"profile": form_edits.marks(profile, profile), "roles": form_edits.marks(roles, roles)}


def _keep_an_admin(session: Session, actor: Actor | None, user: User, *, stays_admin: bool) -> None:
    """Refuse a staff member's change that would leave no active Admin to manage accounts.

    Only changes made through the staff screens are guarded: the server's command line stays the way
    back in (create-user, deactivate-user), so CLI and system actors pass.
    """
    if actor is None or actor.kind != "user" or stays_admin or not user.active or Role.ADMIN not in user.roles:
        return
    others = session.scalar(
        select(func.count()).select_from(User).join(UserRole)
        .where(UserRole.role == Role.ADMIN.value, User.active.is_(True), User.id != user.id))
    if not others:
        raise UserError("last_admin")


# Plh. (pelaksana harian) stands in for a short absence; Plt. (pelaksana tugas) for a vacant post.
DELEGATION_TITLES = ("Plh.", "Plt.")
MAX_DELEGATION_DAYS = 366


def create_delegation(session: Session, actor: Actor | None, *, delegate: User, principal: User, title: str,
                      starts_on: date, ends_on: date, today: date) -> Delegation:
    """Name `delegate` to decide as the Kasubag `principal` from `starts_on` to `ends_on` (WIB dates)."""
    if title not in DELEGATION_TITLES:
        raise UserError("bad_delegation_title")
    if ends_on < starts_on:
        raise UserError("delegation_dates_reversed")
    if ends_on < today:
        raise UserError("delegation_in_past")
    if (ends_on - starts_on).days >= MAX_DELEGATION_DAYS:
        raise UserError("delegation_too_long")
    if delegate.id == principal.id:
        raise UserError("delegation_to_self")
    if Role.KASUBAG not in principal.roles:
        raise UserError("principal_not_kasubag")
    if Role.KASUBAG in delegate.roles:
        raise UserError("delegate_is_kasubag")
    if not (delegate.active and principal.active):
        raise UserError("delegation_inactive_user")
    delegation = Delegation(delegate_id=delegate.id, principal_id=principal.id, title=title,
                            starts_on=starts_on, ends_on=ends_on, created_by_id=actor.user_id if actor else None)
    session.add(delegation)
    session.flush()
    audit.record(session, actor, "delegation.created", delegation, details={
        "delegate": delegate.username, "principal": principal.username, "title": title,
        "starts_on": starts_on.isoformat(), "ends_on": ends_on.isoformat()})
    return delegation


def revoke_delegation(session: Session, actor: Actor | None, delegation: Delegation, now: datetime) -> None:
    if delegation.revoked_at is not None:
        raise UserError("delegation_revoked")
    delegation.revoked_at = now
    audit.record(session, actor, "delegation.revoked", delegation, details={
        "delegate": delegation.delegate.username, "principal": delegation.principal.username})


def update_profile(session: Session, actor: Actor | None, user: User, *, full_name: str, nip: str | None,
                   shown: Mapping[str, str] | None = None) -> None:
    """Correct the name and NIP shown on records; the user name never changes (it is the login).
    With `shown` (the marks of what the form showed), only what its Admin changed is written, or
    form_edits.ChangedMeanwhile when another Admin changed the same since (nothing stored)."""
    old = profile_values(user)
    new = {**old, **form_edits.edits(old, _profile(full_name, nip), shown)}
    user.full_name, user.nip = new["full_name"], new["nip"]
    if old != new:
        audit.record(session, actor, "user.profile_set", user,
                     details={"username": user.username, "old": old, "new": new})


def profile_after_clash(user: User, typed: Mapping[str, str | None], shown: Mapping[str, str] | None) -> dict:
    """What the profile form shows again after ChangedMeanwhile: what the Admin typed in the fields
    they changed, the stored name or NIP in the other."""
    cleaned = _profile(typed["full_name"] or "", typed["nip"])
    return form_edits.page_after_clash(profile_values(user), typed, cleaned, shown)


def _profile(full_name: str, nip: str | None) -> dict[str, object]:
    """The name and NIP as stored, or UserError."""
    full_name = " ".join(full_name.split())
    if not full_name or len(full_name) > 120:
        raise UserError("name_required")
    return {"full_name": full_name, "nip": clean_nip(nip)}
