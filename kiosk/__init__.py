"""The visitor's screens and the kiosk JSON API under /kiosk."""
from flask import Blueprint

# cli_group=None: the engine's command is `flask idscan`, not `flask kiosk idscan`.
bp = Blueprint("kiosk", __name__, url_prefix="/kiosk", cli_group=None)

from . import views  # noqa: E402,F401
