"""Helpers every template may call, registered once by the factory."""
from __future__ import annotations

from flask import Flask
from flask_wtf.csrf import generate_csrf
from markupsafe import Markup


def csrf_field() -> Markup:
    """The hidden CSRF input every hand-written POST form carries (WTForms forms render their own)."""
    return Markup('<input type="hidden" name="csrf_token" value="{}">').format(generate_csrf())


def register_template_globals(app: Flask) -> None:
    app.jinja_env.globals["csrf_field"] = csrf_field
