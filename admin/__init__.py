"""Staff screens (helpdesk, Kasubag, Admin) under /admin."""
from flask import Blueprint

bp = Blueprint("admin", __name__, url_prefix="/admin")

from . import account_views, dashboard_views  # noqa: E402,F401  (routes register on import)
