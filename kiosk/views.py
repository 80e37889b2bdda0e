"""Kiosk pages."""
from __future__ import annotations

from flask import render_template

from lpsedesk import settings
from lpsedesk.extensions import db

from . import bp


@bp.get("/")
def welcome():
    return render_template("kiosk/welcome.html", lpse_name=settings.get(db.session, "lpse_name"))
