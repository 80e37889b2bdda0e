"""Staff screens (helpdesk, Kasubag, Admin) under /admin."""
from flask import Blueprint

bp = Blueprint("admin", __name__, url_prefix="/admin")

# Routes register on import; each module holds one subject.
from . import (  # noqa: E402,F401
    account_views, dashboard_views, kiosk_admin_views, remote_views, report_views, settings_views,
    staff_views,
)
