"""The few pages that belong to neither audience: the front door and a health check."""
from __future__ import annotations

from flask import Blueprint, current_app, redirect, render_template, url_for
from sqlalchemy import text

from .extensions import db
from .firstrun import no_accounts

bp = Blueprint("core", __name__)


@bp.get("/")
def index():
    if no_accounts(db.session) and "admin" in current_app.blueprints:
        return redirect(url_for("admin.setup"))
    return render_template("index.html", blueprints=set(current_app.blueprints))


@bp.get("/healthz")
def health():
    db.session.execute(text("SELECT 1"))
    return {"status": "ok"}
