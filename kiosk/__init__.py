"""The visitor's screens and the kiosk JSON API under /kiosk."""
from flask import Blueprint

# cli_group=None: the engine's command is `flask idscan`, not `flask kiosk idscan`.
bp = Blueprint("kiosk", __name__, url_prefix="/kiosk", cli_group=None)

from . import cli, frame_api, invitation_api, openapi, recovery_api, scan_api, survey_api, views, visit_api  # noqa: E402,F401

from .idscan_cli import idscan_command  # noqa: E402

bp.cli.add_command(idscan_command)  # `flask --app wsgi idscan FILE...`


@bp.record_once
def _second_ocr_model(state) -> None:
    """The engine's second Tesseract model (IDSCAN_TESSDATA), handed to it as a path."""
    from idscan.tesslib import use_best_tessdata

    use_best_tessdata(state.app.config.get("IDSCAN_TESSDATA") or None)
