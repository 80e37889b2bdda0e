"""Staff screens (helpdesk, Kasubag, Admin) under /admin, a package per subject."""
from __future__ import annotations

from flask import Blueprint

bp = Blueprint("admin", __name__, url_prefix="/admin")


def _register_routes() -> None:
    """Every module that adds routes to `bp`, in one visible list (their decorators run on import)."""
    from .account import views as account_views  # noqa: F401
    from .invitations import batch_import, decisions, printing as invitation_printing, views as invitation_views  # noqa: F401
    from .remote import actions, printing, views as remote_views  # noqa: F401
    from .reports import server_room, skm as skm_reports, views as report_views  # noqa: F401
    from .settings import delegations, kiosks, office, users, views as settings_views  # noqa: F401
    from .skm import handover, questions  # noqa: F401
    from .staff import board, home, live, queue, restricted, search, told, visit  # noqa: F401
    from .watchlist import views as watchlist_views  # noqa: F401
    from .context import register_context

    register_context(bp)


_register_routes()
