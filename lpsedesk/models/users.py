"""Staff accounts, their roles and Plh./Plt. delegations."""
from __future__ import annotations

import secrets
from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship


from ..roles import Role
from .base import Base, UTCDateTime, utcnow


def new_session_token() -> str:
    return secrets.token_urlsafe(16)


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    full_name: Mapped[str] = mapped_column(String(120))
    nip: Mapped[str | None] = mapped_column(String(32))
    password_hash: Mapped[str] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # Part of the login cookie: rotating it ends every session of this user (deactivation, reset).
    session_token: Mapped[str] = mapped_column(String(64), default=new_session_token)
    locale: Mapped[str | None] = mapped_column(String(8))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    role_rows: Mapped[list[UserRole]] = relationship(
        back_populates="user", cascade="all, delete-orphan", lazy="selectin")

    @property
    def roles(self) -> frozenset[Role]:
        return frozenset(Role(r.role) for r in self.role_rows)

    def set_roles(self, roles: set[Role] | set[str]) -> None:
        wanted = {Role(r) for r in roles}
        self.role_rows = [r for r in self.role_rows if Role(r.role) in wanted]
        have = {Role(r.role) for r in self.role_rows}
        self.role_rows.extend(UserRole(role=r.value) for r in sorted(wanted - have))

    def has_role(self, *roles: Role) -> bool:
        return bool(self.roles.intersection(roles))

    # Flask-Login protocol, written out so the core does not need its mixin.
    @property
    def is_active(self) -> bool:
        return self.active

    @property
    def is_authenticated(self) -> bool:
        return True

    @property
    def is_anonymous(self) -> bool:
        return False

    # The nonce of the login this object was loaded for (lpsedesk.staff_sessions); not a column.
    login_nonce: str = ""

    def get_id(self) -> str:
        return f"{self.id}:{self.session_token}:{self.login_nonce}"

    def end_sessions(self) -> None:
        self.session_token = new_session_token()


class UserRole(Base):
    __tablename__ = "user_roles"
    __table_args__ = (UniqueConstraint("user_id", "role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    role: Mapped[str] = mapped_column(String(16))

    user: Mapped[User] = relationship(back_populates="role_rows")


class Delegation(Base):
    """A Plh./Plt. named by the Admin to decide in the Kasubag's place for a date range."""

    __tablename__ = "delegations"

    id: Mapped[int] = mapped_column(primary_key=True)
    delegate_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    principal_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    title: Mapped[str] = mapped_column(String(8), default="Plh.")
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    delegate: Mapped[User] = relationship(foreign_keys=[delegate_id])
    principal: Mapped[User] = relationship(foreign_keys=[principal_id])
