"""Languages (Bahasa Indonesia by default, English on request) and times shown in WIB."""
from __future__ import annotations

from datetime import datetime
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from flask import Flask, current_app, g, has_request_context, request, session
from flask_babel import get_locale
from werkzeug.exceptions import HTTPException
from werkzeug.routing import RoutingException

from .clock import WIB
from .config import LOCALES
from .extensions import babel
from .fetch_site import started_by_another_site
from .typed_time import show_day
from .urls import path_link

SOURCE_DIR = Path(__file__).parent / "translations"


def compile_catalogs(src: Path, dst: Path) -> None:
    """Compile each .po into dst when missing or stale, so no compiled file is ever out of date."""
    for po in src.glob("*/LC_MESSAGES/messages.po"):
        mo = dst / po.relative_to(src).with_suffix(".mo")
        if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
            continue
        mo.parent.mkdir(parents=True, exist_ok=True)
        with po.open("rb") as f:
            catalog = read_po(f)
        tmp = mo.with_suffix(".tmp")
        with tmp.open("wb") as f:
            write_mo(f, catalog)
        tmp.replace(mo)


def select_locale() -> str:
    if not has_request_context():
        # The kiosk's frame path (answered ahead of Flask's request, no session): the language its
        # request named (kiosk/frame_endpoint.py), else the default.
        chosen = g.get("chosen_locale")
        return chosen if chosen in LOCALES else current_app.config["DEFAULT_LOCALE"]
    chosen = request.args.get("lang")
    if chosen in LOCALES:
        # A link on another site may show its page in a language, but not change the choice the
        # browser keeps for the desk's next pages (nor re-issue the login cookie to store it).
        if not started_by_another_site(request.headers):
            session["lang"] = chosen
        return chosen
    if session.get("lang") in LOCALES:
        return session["lang"]
    return current_app.config["DEFAULT_LOCALE"]


def to_wib(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    return value.astimezone(WIB)


def format_wib(value: datetime | None, fmt: str = "%d/%m/%Y %H:%M") -> str:
    """A UTC datetime as office-local time with its zone named, e.g. 22/11/2026 09:15 WIB."""
    if value is None:
        return ""
    return f"{value.astimezone(WIB).strftime(fmt)} WIB"


def format_wib_span(start: datetime | None, end: datetime | None) -> str:
    """From one moment to another with its day, e.g. 30/11/2026 09:16–09:57 WIB; both days when
    they differ. A list of visits from several days read as one day when it gave the times alone."""
    if start is None or end is None:
        return format_wib(start or end)
    first, last = start.astimezone(WIB), end.astimezone(WIB)
    if first.date() == last.date():
        return f"{first:%d/%m/%Y %H:%M}–{last:%H:%M} WIB"
    return f"{format_wib(start)} – {format_wib(end)}"


def init_i18n(app: Flask) -> None:
    compiled = Path(app.instance_path) / "translations"
    compile_catalogs(SOURCE_DIR, compiled)
    app.config["BABEL_TRANSLATION_DIRECTORIES"] = str(compiled)
    babel.init_app(app, locale_selector=select_locale)
    app.jinja_env.filters["wib"] = format_wib
    app.jinja_env.filters["wib_time"] = lambda v: format_wib(v, "%H:%M")
    app.jinja_env.filters["wib_span"] = format_wib_span
    app.jinja_env.filters["wib_date"] = lambda v: format_wib(v, "%d/%m/%Y")[:-4] if v else ""
    # a date as a typed date field shows it (dd/mm/yyyy); text (what was typed) stays as it was
    app.jinja_env.filters["typed_day"] = lambda v: v if isinstance(v, str) else show_day(v)

    @app.context_processor
    def _locale_context() -> dict:
        return {"current_locale": str(get_locale()), "locales": LOCALES, "lang_url": lang_url}


def lang_url(code: str, instead: str | None = None) -> str | None:
    """This page in another language, keeping its other query arguments (filters, tokens); for a
    page that answered a POST to a path no GET can open (a password shown once, a form sent back with
    its errors), a link there would be a 405, and the page could not be shown again anyway (h45s):
    then `instead` (a same-site path: an error page's way back, h47e) in that language, else None."""
    if request.method != "GET" and not _opens_with_get(request.path):
        if not instead:
            return None
        target = urlsplit(instead)
        path, args = target.path, parse_qs(target.query, keep_blank_values=True)
    else:
        path, args = request.path, request.args.to_dict(flat=False)
    args["lang"] = [code]
    return f"{path_link(path)}?{urlencode(args, doseq=True)}"


def _opens_with_get(path: str) -> bool:
    adapter = current_app.url_map.bind_to_environ(request.environ)
    try:
        adapter.match(path, method="GET")
    except HTTPException:  # MethodNotAllowed, or NotFound for a path that only POSTs reach
        return False
    except RoutingException:  # a redirect (a slash added): GET opens it
        return True
    return True
