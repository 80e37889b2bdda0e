"""LPSE desk: the core shared by the kiosk and the staff screens.

`create_app` is the factory: a list of small named steps. The core never imports the kiosk or
admin packages; the blueprints it mounts are named in config (INSTALLED_BLUEPRINTS).
"""
from __future__ import annotations

from pathlib import Path

from flask import Flask
from werkzeug.utils import import_string

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def create_app(test_config: dict | None = None, *, instance_path: str | None = None) -> Flask:
    from dotenv import load_dotenv

    load_dotenv(PROJECT_ROOT / ".env")
    app = Flask(
        __name__,
        instance_path=instance_path or str(PROJECT_ROOT / "instance"),
        instance_relative_config=True,
        static_folder=str(PROJECT_ROOT / "static"),
        template_folder=str(PROJECT_ROOT / "templates"),
    )
    from .config import load_config
    from .form_limits import DeskRequest

    app.request_class = DeskRequest  # form bodies bounded by their number of fields
    load_config(app, test_config)
    register_extensions(app)
    register_jobs(app)
    register_blueprints(app)
    trust_proxies(app)  # after the blueprints: outside any WSGI front they mount (the kiosk's frames)
    register_template_helpers(app)
    share_throttles(app)
    register_error_handlers(app)
    register_transaction_boundary(app)
    register_commands(app)
    return app


def register_extensions(app: Flask) -> None:
    from .host_check import register_host_check

    register_host_check(app)  # first: a request to a name not the desk's goes no further (h38c)
    from .input_guard import register_early_refusals

    register_early_refusals(app)  # then a query or a body no page sends, before the CSRF check reads it
    from . import auth  # noqa: F401  (registers the user loader on login_manager)
    from .reports import day_versions  # noqa: F401  (changes to visits void the statistics' kept days)
    from .extensions import csrf, db, login_manager, migrate
    from .i18n import init_i18n
    from .input_guard import register_input_guard
    from .security import register_security_headers
    from .sqlite import tune_sqlite

    db.init_app(app)
    with app.app_context():
        tune_sqlite(db.engine)
    from .models.base import render_item

    migrate.init_app(app, db, directory=str(Path(__file__).parent / "migrations"),
                     render_as_batch=True, compare_type=True, render_item=render_item)
    csrf.init_app(app)
    from .sessionless import SessionlessAware

    app.session_interface = SessionlessAware()
    from .json_input import StrictJSONProvider

    app.json = StrictJSONProvider(app)  # 1e400, NaN and deep nesting are bad requests, not 500s
    login_manager.init_app(app)
    login_manager.login_view = "admin.login"
    login_manager.session_protection = "basic"
    init_i18n(app)
    register_security_headers(app)
    register_input_guard(app)
    from .throttle import LoginThrottle

    app.extensions["login_throttle"] = LoginThrottle(
        app.config["LOGIN_MAX_ATTEMPTS"], app.config["LOGIN_WINDOW_SECONDS"])
    from .storage import storage_for

    app.extensions["storage"] = storage_for(app.config)
    from .live import init_live, register_change_hooks

    register_change_hooks(db.session)
    init_live(app)


def trust_proxies(app: Flask) -> None:
    """Behind a reverse proxy every request comes from the proxy's address: the login limits per
    address would then lock everyone out together, and links built from the request would name the
    proxy's inside. TRUSTED_PROXIES proxies' X-Forwarded-* headers are believed; none by default."""
    count = int(app.config.get("TRUSTED_PROXIES") or 0)
    if count > 0:
        from werkzeug.middleware.proxy_fix import ProxyFix

        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=count, x_proto=count, x_host=count)  # type: ignore[method-assign]


def share_throttles(app: Flask) -> None:
    """On PostgreSQL (where several app processes may serve one desk) every rate limit counts its
    failures in the database. On SQLite the limits on guessing a short code (4 phone digits, an enrolment code) do too (a second server
    process, a restart or a new kiosk cookie must not start the count again); the others count in
    memory."""
    from .extensions import db
    from .throttle import LoginThrottle, SharedFailures

    with app.app_context():
        engine = db.engine
    everything = engine.dialect.name == "postgresql"
    for name, extension in app.extensions.items():
        if isinstance(extension, LoginThrottle) and (everything or extension.guards_guesses):
            extension.share(SharedFailures(lambda: engine, name))


def register_jobs(app: Flask) -> None:
    """The periodic jobs this app runs (`serve` starts them; `run-jobs` runs them once)."""
    from .jobs import default_jobs

    app.extensions["jobs"] = default_jobs()


def register_blueprints(app: Flask) -> None:
    from .urls import RowIdConverter
    from .views import bp as core_bp

    app.url_map.converters["int"] = RowIdConverter  # before any rule is added: every id route gets it
    app.register_blueprint(core_bp)
    for dotted in app.config["INSTALLED_BLUEPRINTS"]:
        app.register_blueprint(import_string(dotted))


def register_template_helpers(app: Flask) -> None:
    from .template_globals import register_template_globals

    register_template_globals(app)


def register_error_handlers(app: Flask) -> None:
    from .errors import register_error_handlers as register

    register(app)


def register_transaction_boundary(app: Flask) -> None:
    """Commit each request's changes once, at its end; the last after_request hook, so it runs first."""
    from .transaction import finish_request

    app.after_request(finish_request)


def register_commands(app: Flask) -> None:
    from .cli import commands

    for command in commands:
        app.cli.add_command(command)
