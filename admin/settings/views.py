"""The Admin's settings overview; users, delegations, office settings and kiosks have their own modules."""
from __future__ import annotations

from flask import render_template
from sqlalchemy import func, select

from lpsedesk import settings
from lpsedesk.auth import requires
from lpsedesk.extensions import db
from lpsedesk.models import Delegation, User, utcnow
from lpsedesk.roles import Role

from .. import bp
from .delegations import delegation_groups


@bp.get("/settings/")
@requires(Role.ADMIN)
def settings_index():
    values = settings.get_all(db.session)
    groups = delegation_groups(db.session.scalars(select(Delegation)).all(), utcnow())
    counts = {
        "users": db.session.scalar(select(func.count()).select_from(User).where(User.active.is_(True))),
        "inactive": db.session.scalar(select(func.count()).select_from(User).where(User.active.is_(False))),
        "delegations": len(groups["active"]) + len(groups["future"]),
        "facilities": len(settings.active_choices(values["facilities"])),  # type: ignore[arg-type]
        "purposes": len(settings.active_choices(values["purposes"])),  # type: ignore[arg-type]
        "access_rights": len(values["access_rights"]),  # type: ignore[arg-type]
    }
    return render_template("admin/settings/index.html", values=values, counts=counts)

