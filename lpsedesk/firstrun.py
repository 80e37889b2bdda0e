"""First run: while no active Admin exists, a one-time setup link (printed on the server console) creates one.

An account made another way first (a Kasubag from the command line) does not end the setup: without
an Admin nobody could manage users or settings.

There is never a default password; the link's token lives in instance/setup_token until used.
"""
from __future__ import annotations

import hmac
import secrets
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from . import secret_files
from .models import User, UserRole
from .roles import Role

TOKEN_FILE = "setup_token"


def needs_setup(session: Session) -> bool:
    """No active Admin yet: the setup link still works."""
    admins = select(func.count()).select_from(User).join(UserRole).where(
        User.active.is_(True), UserRole.role == Role.ADMIN.value)
    return session.scalar(admins) == 0


def no_accounts(session: Session) -> bool:
    """No staff account at all: the login page has nobody to log in, so it sends to the setup."""
    return session.scalar(select(func.count()).select_from(User)) == 0


def setup_token(instance_path: str) -> str:
    """The current setup token, created on first call."""
    return secret_files.read_or_create(Path(instance_path) / TOKEN_FILE, lambda: secrets.token_urlsafe(24))


def token_matches(instance_path: str, candidate: str | None) -> bool:
    path = Path(instance_path) / TOKEN_FILE
    if not candidate or not path.exists():
        return False
    return hmac.compare_digest(path.read_text().strip(), candidate)


def consume_token(instance_path: str) -> None:
    (Path(instance_path) / TOKEN_FILE).unlink(missing_ok=True)
