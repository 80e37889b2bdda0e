"""Configuration: defaults, then instance/config.py, then .env and the environment.

Secrets are never hard-coded: SECRET_KEY and the storage key are generated once into instance/.
"""
from __future__ import annotations

import os
import secrets
from datetime import timedelta
from pathlib import Path

from cryptography.fernet import Fernet
from flask import Flask

from . import secret_files

# name: (default, type, description). The README's Configuration table names each with this default, by hand;
# tests/test_readme_stranger_h40d.py fails when the two part.
SETTINGS: dict[str, tuple[object, type, str]] = {
    "DATABASE_URL": ("sqlite:///{instance}/lpsedesk.db", str,
                     "SQLAlchemy URL; `postgresql+psycopg://user:pass@host/db` for PostgreSQL"),
    "SECRET_KEY": (None, str, "Signs sessions and kiosk credentials; generated into instance/secret_key if unset"),
    "STORAGE_KEY": (None, str, "Fernet key encrypting stored KTP images, signatures and letters; "
                               "generated into instance/storage.key if unset"),
    "STORAGE_DIR": ("{instance}/files", str, "Where encrypted files are kept"),
    "HOST": ("127.0.0.1", str, "Address waitress listens on (`0.0.0.0` to serve the office LAN)"),
    "PORT": (8080, int, "Port waitress listens on"),
    "THREADS": (48, int, "Waitress worker threads; each open live-update stream holds one"),
    "DEFAULT_LOCALE": ("id", str, "Language of the UI unless a user chooses: `id` or `en`"),
    "MAX_UPLOAD_MB": (8, int, "Largest request body accepted (camera frames, uploads, letters)"),
    "LOGIN_MAX_ATTEMPTS": (5, int, "Failed logins allowed for one user name from one address in the window "
                                    "(one address: twice this over all names; one name: four times this from anywhere)"),
    "LOGIN_WINDOW_SECONDS": (600, int, "Window for LOGIN_MAX_ATTEMPTS"),
    "SESSION_COOKIE_SECURE": (False, bool, "Set to 1 when served over HTTPS"),
    "TRUSTED_PROXIES": (0, int, "Reverse proxies in front of the app whose X-Forwarded-For, -Proto and -Host are "
                                "believed (1 behind one nginx, Caddy or IIS); 0: ignored, since anyone can send them"),
    "SITE_ADDRESS": ("", str, "The desk's address as the office reaches it, e.g. `http://10.0.0.5:8080`: kiosk "
                              "enrolment links and invitation cards are written with it. Empty: the address the "
                              "staff browser used when it is an IP address, localhost or this computer's name, "
                              "else a path only (a forged Host header never reaches a link)"),
    "ALLOWED_HOSTS": ("", str, "Names the desk answers to besides its own (comma-separated; `*.example.go.id` "
                               "for every name under one; `*` turns the check off); a request to any other name "
                               "gets a 400. Without it: IP addresses, localhost, this computer's names, "
                               "SITE_ADDRESS's name, single-label names (`lpse-desk`) and names under .local, "
                               ".lan, .internal, .home.arpa, .localdomain"),
    "CONNECTIONS_PER_ADDRESS": (24, int, "Connections one address may hold open at once; past it its longest-idle one "
                                         "is closed (503 only when all are being served), so one slow or flooding "
                                         "client cannot take the kiosks' connections "
                                         "(0: no limit; not applied behind TRUSTED_PROXIES)"),
    "STAFF_SESSION_HOURS": (12, int, "Staff sessions end after this many hours without a page opened"),
    "STAFF_SESSION_MAX_HOURS": (16, int, "A staff login ends this many hours after it began, however busy (a copied "
                                         "session cookie too); then log in again"),
    "LIVE_STREAM_SECONDS": (300, int, "How long one staff live-update stream lasts before the browser reconnects"),
    "LIVE_THREAD_RESERVE": (12, int, "Waitress threads live-update streams may never take: kept for pages, "
                                     "the API and /healthz (streams get THREADS minus this)"),
    "LIVE_STREAMS_PER_USER": (4, int, "Live-update streams one staff user may hold; a new one ends the oldest"),
    "KIOSK_FRAME_SLOTS": (2, int, "Kiosk camera frames decoded and scanned at once; more get 503 and come again"),
    "KIOSK_CREDENTIAL_TTL": (5.0, float, "Seconds a kiosk's checked credential is trusted without reading the "
                                         "database again: how long a kiosk revoked by another app process "
                                         "keeps working here (0: check every request)"),
    "KIOSK_SCAN_SESSIONS": ("", str, "Where kiosk scan sessions live: database (every app process continues a "
                                     "kiosk's scan) or memory (one process); empty: database on PostgreSQL, "
                                     "memory on SQLite"),
    "KIOSK_FRAME_MEMORY_MB": (32, int, "Freed memory each allocator arena keeps for the next camera frame instead of "
                                       "handing it back to the kernel and faulting it in again (glibc only; 0: the "
                                       "allocator's own behaviour)"),
    "LIVE_STREAMS_PER_KIOSK": (2, int, "Live-update streams one kiosk may hold; a new one ends the oldest"),
    "IDSCAN_TESSDATA": ("{root}/var/tessdata", str, "Folder holding the second Tesseract model (eng.traineddata, "
                                                 "tessdata_best as int; `make run` fetches it) that reads a KTP's NIK "
                                                 "where the two recognisers disagree; without the file the engine reads "
                                                 "as before"),
    "PURGE_BATCH": (4000, int, "Most rows of each kind the retention purge changes per transaction (fewer "
                               "while a batch holds the database longer than 0.1 s, so the desk's writes wait milliseconds)"),
}

LOCALES = ("id", "en")


def guesses_kept(config) -> timedelta:
    """How long the purge keeps a counted failure (a login, a NIK with phone digits, a code): a day, or
    the login window if an office set it longer. The kiosk's limits count over 10 minutes."""
    return max(timedelta(days=1), timedelta(seconds=int(config["LOGIN_WINDOW_SECONDS"])))


def longest_session_hours(config) -> int:
    """The longest any staff session may live: what the purge keeps its record for."""
    return max(int(config["STAFF_SESSION_HOURS"]), int(config["STAFF_SESSION_MAX_HOURS"]))


ROOT = Path(__file__).resolve().parent.parent  # the project folder (var/ lies there)


def _as(kind: type, raw: str) -> object:
    if kind is bool:
        return raw.strip().lower() in {"1", "true", "yes", "on"}
    return kind(raw)


def _secret_file(path: Path, make) -> str:
    """Read a secret from `path`, creating it (readable by the owner only) on first start."""
    return secret_files.read_or_create(path, make)


def load_config(app: Flask, test_config: dict | None) -> None:
    instance = Path(app.instance_path)
    instance.mkdir(parents=True, exist_ok=True)
    for name, (default, _kind, _doc) in SETTINGS.items():
        if isinstance(default, str):
            default = default.format(instance=instance.as_posix(), root=ROOT.as_posix())
        app.config[name] = default
    app.config.from_pyfile(str(instance / "config.py"), silent=True)
    for name, (_default, kind, _doc) in SETTINGS.items():
        if name in os.environ:
            app.config[name] = _as(kind, os.environ[name])
    if test_config:
        app.config.update(test_config)

    from .allowed_hosts import parse_allowed_hosts
    from .site_address import valid_site_address

    if not valid_site_address(str(app.config.get("SITE_ADDRESS") or "")):
        raise ValueError(f"SITE_ADDRESS must be http(s)://host[:port], not {app.config['SITE_ADDRESS']!r}")
    parse_allowed_hosts(str(app.config.get("ALLOWED_HOSTS") or ""))  # a name mistyped stops the start, says which
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = _secret_file(instance / "secret_key", lambda: secrets.token_hex(32))
    if not app.config.get("STORAGE_KEY"):
        app.config["STORAGE_KEY"] = _secret_file(instance / "storage.key", lambda: Fernet.generate_key().decode())

    app.config.update(
        SQLALCHEMY_DATABASE_URI=app.config["DATABASE_URL"],
        SQLALCHEMY_ENGINE_OPTIONS=engine_options(app.config["DATABASE_URL"]),
        MAX_CONTENT_LENGTH=int(app.config["MAX_UPLOAD_MB"]) * 1024 * 1024,
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        REMEMBER_COOKIE_HTTPONLY=True,
        REMEMBER_COOKIE_SAMESITE="Lax",
        BABEL_DEFAULT_LOCALE=app.config["DEFAULT_LOCALE"],
        BABEL_DEFAULT_TIMEZONE="Asia/Jakarta",
        PERMANENT_SESSION_LIFETIME=timedelta(hours=int(app.config["STAFF_SESSION_HOURS"])),
        WTF_CSRF_TIME_LIMIT=None,  # a kiosk page stays open all day; the token is tied to the session
        # Over HTTPS Flask-WTF would also demand a same-site Referer, which our Referrer-Policy
        # (no-referrer) never lets a browser send: every form behind a trusted HTTPS proxy would be
        # refused. The session-bound token and the SameSite cookies are the defence.
        WTF_CSRF_SSL_STRICT=False,
    )
    app.config.setdefault("INSTALLED_BLUEPRINTS", ("kiosk:bp", "admin:bp"))


def engine_options(url: str) -> dict:
    if url.startswith("sqlite"):
        # Waitress serves from many threads: a generous busy timeout instead of "database is locked".
        return {"connect_args": {"timeout": 30, "check_same_thread": False}}
    return {"pool_pre_ping": True, "pool_size": 10, "max_overflow": 30}
