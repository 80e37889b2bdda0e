"""Kiosk API for a visitor without the ticket: find today's visit by NIK + the last 4 phone digits (the
answer for one who walked away, or to leave), or pick one's masked name from today's visitors inside
and confirm with those 4 digits. The rules are in lpsedesk.kiosk_recovery; this file says them over
HTTP and throttles the guesses."""
from __future__ import annotations

from collections.abc import Callable

from flask import current_app, jsonify

from lpsedesk import audit, kiosk_recovery
from lpsedesk.extensions import db
from lpsedesk.i18n import format_wib
from lpsedesk.ids import ascii_digits
from lpsedesk.models import Visit
from lpsedesk.throttle import LoginThrottle, attempt_all

from . import body_bounds, bp, visit_proof
from .device_auth import current_kiosk, current_kiosk_actor, kiosk_only
from .messages import field_message
from .scan_api import api_error, api_not_found, read_capture_token, sessions
from .visit_api import json_body, visit_status

# Guesses of the 4 digits: 5 misses per NIK or per picked name, 20 per kiosk, in 10 minutes. A
# stranger trying every name inside is stopped long before 10^4 guesses.
FIND_PER_TARGET = (5, 600)
FIND_PER_KIOSK = (20, 600)


@bp.record_once
def _setup(state) -> None:
    state.app.extensions.setdefault("kiosk_find_target", LoginThrottle(*FIND_PER_TARGET, guards_guesses=True))
    state.app.extensions.setdefault("kiosk_find_kiosk", LoginThrottle(*FIND_PER_KIOSK, guards_guesses=True))


def _look_up(target: str, how: str, find: Callable[[], Visit | None], miss: str = "visit_not_found",
             miss_fields: dict[str, str] | None = None):
    """The visit `find()` gives, unless `target` or this kiosk has had too many misses (429); a miss
    (200 `found: false` with `miss`, and `miss_fields` when given) counts against both. The guess is
    counted before `find()` runs, so guesses sent together cannot all pass the limits
    (`LoginThrottle.attempt`).

    A miss is the visitor's mistake the kiosk says beside the boxes, not a failed load: as a 404 the
    kiosk's browser console logged it (h44u for the card, h45u for NIK + digits and a picked name)."""
    per_target, per_kiosk = current_app.extensions["kiosk_find_target"], current_app.extensions["kiosk_find_kiosk"]
    wait, attempts = attempt_all((per_target, target), (per_kiosk, f"kiosk:{current_kiosk().id}"))
    if wait:
        response, status = api_error("too_many_attempts", 429)
        response.headers["Retry-After"] = str(wait)
        return response, status
    visit = find()
    if visit is None:
        return api_not_found(miss, **({"fields": miss_fields} if miss_fields else {}))
    for attempt in attempts:
        attempt.passed()
    per_target.succeed(target)
    audit.record(db.session, current_kiosk_actor(), "visit.found_at_kiosk", visit, details={"by": how})
    body = visit_status(visit, identified=True)
    body["proof"] = visit_proof.issue(visit.id, current_kiosk().id)
    body["may_check_out"] = kiosk_recovery.may_check_out(visit)
    body["found"] = True
    return jsonify(body)


def _last4(data: dict) -> str:
    return "".join(str(data.get("phone_last4") or "").split())


@bp.post("/api/v1/visits/find")
@body_bounds.short_fields
@kiosk_only
def find_visit():
    """Today's visit for NIK + last 4 phone digits: its status and ticket, and whether it can end."""
    data = json_body() or {}
    nik = "".join(str(data.get("nik") or "").split())
    last4 = _last4(data)
    fields = {}
    if len(nik) != 16 or not ascii_digits(nik):
        fields["nik"] = field_message("nik_length")
    if not kiosk_recovery.LAST4.match(last4):
        fields["phone_last4"] = field_message("last4")
    if fields:
        return api_error("invalid_fields", 400, fields=fields)
    # h21u: nothing found is said beside a field (not a lone line under them); h46g: once, beside the digits
    return _look_up(f"nik:{nik}", "nik", lambda: kiosk_recovery.todays_visit(db.session, nik, last4),
                    miss_fields={"phone_last4": field_message("find_no_match")})


@bp.post("/api/v1/visits/find-by-card")
@body_bounds.short_fields
@kiosk_only
def find_visit_by_card():
    """Today's visit for the KTP just held up to this kiosk's camera (the capture token of POST /scan).
    The picture served only to read the NIK: it is deleted at once.

    h44u: a card whose NIK was not read, or no visit today for it, is what the kiosk says beside the
    NIK box: 200 `found: false`, not a 404 logged in the console. A missing or forged token: 400."""
    data = json_body() or {}
    device = current_kiosk()
    capture = read_capture_token(str(data.get("capture") or ""), device.id)
    if capture is None:
        return api_error("capture_required", 400)
    current_app.extensions["storage"].delete(capture["k"])
    sessions().release(device.id, capture["k"])
    nik = capture.get("n")
    # h21u: the card gave nothing: the NIK box is marked, the way on being to type it
    type_nik = {"nik": field_message("find_type_nik")}
    if not nik:
        return api_not_found("card_unreadable", fields=type_nik)
    return _look_up(f"nik:{nik}", "card", lambda: kiosk_recovery.todays_visit_by_card(db.session, nik),
                    miss_fields=type_nik)


@bp.get("/api/v1/inside")
@kiosk_only
def inside():
    """Today's visitors inside, names masked ("Bu** San****"), for "choose your name"."""
    return jsonify(visitors=[{"id": e.visit_id, "name": e.masked_name,
                              "since_text": format_wib(e.since, "%H:%M") if e.since else ""}
                             for e in kiosk_recovery.inside_today(db.session)])


@bp.post("/api/v1/inside/<int:visit_id>/confirm")
@body_bounds.short_fields
@kiosk_only
def confirm_inside(visit_id: int):
    """The picked name is mine: the last 4 digits of the phone I gave today prove it."""
    last4 = _last4(json_body() or {})
    if not kiosk_recovery.LAST4.match(last4):
        return api_error("invalid_fields", 400, fields={"phone_last4": field_message("last4")})
    return _look_up(f"visit:{visit_id}", "name", lambda: kiosk_recovery.confirm_inside(db.session, visit_id, last4),
                    "digits_wrong", {"phone_last4": field_message("last4_wrong")})
