"""Kiosk pages: the visitor's single-page screen, and enrolling a browser as a kiosk."""
from __future__ import annotations

from flask import current_app, redirect, render_template, request, url_for
from flask_babel import force_locale, get_locale

from lpsedesk import checkin, devices, settings
from lpsedesk.auth import end_staff_login, remember_signed_in
from lpsedesk.extensions import db
from lpsedesk.labels import category_choices
from lpsedesk.throttle import LoginThrottle
from lpsedesk.transaction import after_commit

from . import bp, office_hours
from .device_auth import current_kiosk, kiosk_only, set_credential
from .messages import enrol_message, js_messages, language_switch

ENROL_ATTEMPTS = (10, 600)  # wrong codes per address in 10 minutes
TICKET_WAIT_SECONDS = 15 * 60
TICKET_DECIDED_SECONDS = 180
# ux6: long enough for an older visitor at arm's length to read the warning, walk back and touch the
# button; never longer than the quiet time before it (only tests set that under the Admin's 15 s).
IDLE_COUNTDOWN_SECONDS = 30
# Each language in its own name, as the language switch shows it.
LANGUAGE_NAMES = {"id": "Bahasa Indonesia", "en": "English"}


@bp.record_once
def _setup(state) -> None:
    state.app.extensions.setdefault("kiosk_enrol_throttle", LoginThrottle(*ENROL_ATTEMPTS, guards_guesses=True))


def kiosk_config(hours: dict) -> dict:
    """Everything the page's JavaScript needs, handed over in one data attribute (no inline script)."""
    values = settings.get_all(db.session)
    idle = max(5, int(values["kiosk_idle_seconds"]))
    return {
        "api": url_for("kiosk.welcome") + "api/v1",
        "home": url_for("kiosk.welcome", lang=current_app.config["DEFAULT_LOCALE"]),
        # h28u: "Back" on the ways out leads the same visitor to the start screen in their language
        "start": url_for("kiosk.welcome", lang=str(get_locale() or "id")),
        "locale": str(get_locale() or "id"),
        "idle_seconds": idle,
        "countdown_seconds": min(IDLE_COUNTDOWN_SECONDS, idle),
        # The ticket screen keeps its own time: while the answer is awaited it stays (up to the
        # waiting limit), and a fresh answer stays long enough to be read by someone who looked away.
        "ticket_wait_seconds": TICKET_WAIT_SECONDS,
        "ticket_decided_seconds": max(TICKET_DECIDED_SECONDS, idle * 2),
        "slip_format": current_kiosk().slip_format or "receipt80",
        "messages": js_messages(),
        # h40t: a chosen photo larger than this is said at once and not sent (the server refuses it)
        "upload_max_bytes": int(current_app.config["MAX_UPLOAD_MB"]) * 1024 * 1024,
        # Issue 15: a request for these facilities asks for the devices brought in.
        "restricted_facilities": [str(i["key"]) for i in values["facilities"] if i.get("restricted")],
        # ux7: outside office hours the start screen offers no check-in; it reloads when that changes.
        "office_open": hours["open"],
        "office_changes_in": hours["changes_in"],
    }


@bp.get("/")
@kiosk_only
def welcome():
    values = settings.get_all(db.session)
    locale = str(get_locale() or "id")
    home = current_app.config["DEFAULT_LOCALE"]  # where every visitor starts, and the kiosk returns
    office = office_hours.start_screen()
    # ux16: a visitor half-way through the guest book may still want the other language; the question
    # is asked in both, the one wanted first (its reader may not read this one).
    other = "en" if locale == "id" else "id"
    switch_here = language_switch(LANGUAGE_NAMES[other])
    with force_locale(other):
        switch_there = language_switch(LANGUAGE_NAMES[other])

    def labelled(items: list[dict]) -> list[tuple[str, str]]:
        # Only what the Admin offers for new visits (hidden items stay valid for old visits).
        return [(str(i["key"]), str(i.get(locale) or i.get("id") or i["key"])) for i in settings.active_choices(items)]

    return render_template(
        "kiosk/app.html", lpse_name=values["lpse_name"], retention_days=values["retention_days"],
        purposes=labelled(list(values["purposes"])), facilities=labelled(list(values["facilities"])),
        categories=category_choices(), durations=checkin.PLANNED_MINUTES, kiosk_config=kiosk_config(office),
        device=current_kiosk(), home_locale=home, home_language=LANGUAGE_NAMES.get(home, home),
        office=office, other_locale=other, other_language=LANGUAGE_NAMES[other], switch_here=switch_here,
        switch_there=switch_there)


@bp.route("/enrol", methods=["GET", "POST"])
def enrol():
    """Where the Admin turns this browser into a kiosk with a one-time code (or opens the link)."""
    code = request.values.get("code", "")
    problem = None
    if request.method == "POST":
        throttle = current_app.extensions["kiosk_enrol_throttle"]
        key = f"ip:{request.remote_addr}"
        attempt = throttle.attempt(key)  # counted before the code is tried: codes sent together meet the limit
        if attempt.wait:
            problem = "too_many"
        else:
            try:
                device = devices.enrol(db.session, code)
            except devices.DeviceError as exc:
                problem = exc.code
            else:
                # taken back once the enrolment is committed: a delete on the throttle's own
                # connection must not wait for the write lock this request may hold (SQLite)
                after_commit(attempt.passed)
                # h36f: a kiosk's browser keeps no staff login. Registered on the kiosk PC itself, the
                # Admin's login stayed in the lobby's browser, renewed by the kiosk's own reloads.
                end_staff_login(why="kiosk_enrolled")
                response = set_credential(redirect(url_for("kiosk.welcome")), device)
                return remember_signed_in(response, False)
    status = 400 if problem else 200
    return render_template("kiosk/enrol.html", code=devices.normalise_code(code),
                           problem=enrol_message(problem) if problem else None), status
