"""Kiosk API: submit a visit, follow its decision live, show its ticket QR, check it out or withdraw
it while it still waits for the decision, and recall a returning visitor's details."""
from __future__ import annotations

import io

import segno
from flask import Response, current_app, jsonify, request
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_babel import ngettext
from sqlalchemy.orm import Session

from lpsedesk import audit, checkin, decision_wait, devices, kiosk_recovery, restricted, settings, visit_ops
from lpsedesk.ids import ascii_digits
from lpsedesk.labels import refusal_reason_label, status_label
from lpsedesk.extensions import db
from lpsedesk.i18n import format_wib
from lpsedesk.live import sse_response
from lpsedesk.models import Visit, utcnow
from lpsedesk.nik import parse_nik
from lpsedesk.throttle import LoginThrottle, attempt_all
from lpsedesk.workflow import WorkflowError

from . import bp
from . import body_bounds, invitation_api, office_hours, visit_proof
from .device_auth import current_kiosk, current_kiosk_actor, kiosk_only
from .images import UploadError, data_url_bytes, signature_pngs
from .messages import api_message, field_message, status_message
from .scan_api import api_error, api_not_found, claim_capture, clean_codes, read_capture_token

# Recall: a NIK plus the last 4 phone digits. 5 misses per NIK (10^4 guesses would take days) and
# 30 per kiosk in 10 minutes.
RECALL_PER_NIK = (5, 600)
RECALL_PER_DEVICE = (30, 600)
# Ticket lookups: a visitor types or scans one code, the waiting screen re-reads its own every few
# seconds; 20 unknown codes in 10 minutes or 120 lookups a minute is a kiosk guessing codes.
TICKET_MISSES_PER_DEVICE = (20, 600)
TICKET_LOOKUPS_PER_DEVICE = (120, 60)


@bp.record_once
def _setup(state) -> None:
    state.app.extensions.setdefault("kiosk_recall_nik", LoginThrottle(*RECALL_PER_NIK, guards_guesses=True))
    state.app.extensions.setdefault("kiosk_recall_device", LoginThrottle(*RECALL_PER_DEVICE, guards_guesses=True))
    state.app.extensions.setdefault("kiosk_ticket_misses", LoginThrottle(*TICKET_MISSES_PER_DEVICE))
    state.app.extensions.setdefault("kiosk_ticket_lookups", LoginThrottle(*TICKET_LOOKUPS_PER_DEVICE))


def json_body() -> dict | None:
    data = request.get_json(silent=True)
    return data if isinstance(data, dict) else None


def _choices(offered_only: bool = False) -> tuple[list[dict], list[dict]]:
    purposes, facilities = list(settings.get(db.session, "purposes")), list(settings.get(db.session, "facilities"))
    if offered_only:  # a new visit may pick only what is offered now
        return settings.active_choices(purposes), settings.active_choices(facilities)
    return purposes, facilities


def visit_status(visit: Visit, *, identified: bool = False) -> dict:
    """What the ticket screens show about a visit.

    The kiosk where the visit was submitted shows the visitor's waiting screen and slip: all of it,
    the reason of a refusal included. Any other kiosk only checks a visit out, so it gets what the
    check-out screen shows (whose visit, where, until when), never the refusal reason, unless the
    visitor has just proved who they are there (`identified`: KTP, or NIK and phone digits).
    """
    locale = str(get_locale() or "id")
    purposes, facilities = _choices()
    status = {
        "ticket": visit.ticket_code,
        "status": visit.status,
        "status_label": status_label(visit.status),
        "message": status_message(visit.status, ktp_checked=visit_ops.ktp_checked(visit),
                                  ktp_first=visit_ops.ktp_check_first(
                                      visit, ktp_first=bool(settings.get(db.session, "ktp_check_before_kasubag")))),
        "visitor_name": visit.visitor.full_name,
        "institution": visit.visitor.institution,
        "facility": visit.facility,
        "facility_label": settings.choice_label(facilities, visit.facility, locale),
        "approved_until_text": format_wib(visit.approved_until, "%H:%M") if visit.approved_until else None,
        "checked_out_at_text": format_wib(visit.checked_out_at) if visit.checked_out_at else None,
        # Keluar offers "Withdraw my request" to a visitor who leaves before the decision (ux12).
        "may_withdraw": visit_ops.may_withdraw(visit, current_kiosk_actor()),
    }
    if identified or visit.submitted_via_kiosk_id == current_kiosk().id:
        status.update({
            "purpose_label": settings.choice_label(purposes, visit.purpose, locale),
            "planned_minutes": visit.planned_minutes,
            "submitted_at": visit.submitted_at.isoformat(),
            "submitted_at_text": format_wib(visit.submitted_at),
            "approved_until": visit.approved_until.isoformat() if visit.approved_until else None,
            "decision_reason": (refusal_reason_label(visit.decision_reason)
                                if visit.status in ("denied", "cancelled", "expired") else None),
        })
        status["typical_wait_text"] = typical_wait_text(visit)
    return status


def typical_wait_text(visit: Visit) -> str | None:
    """h44k: the waiting screen's "usually decided in about N minutes", from today's decisions
    (lpsedesk.decision_wait); None once decided, or while today has too few decisions to say."""
    if visit.status != "pending":
        return None
    minutes = decision_wait.typical_wait(db.session, utcnow())
    if minutes is None:
        return None
    return ngettext("Usually decided in about %(num)d minute.", "Usually decided in about %(num)d minutes.", minutes)


class TicketLimit(Exception):
    def __init__(self, wait: int) -> None:
        super().__init__(wait)
        self.wait = wait


@bp.errorhandler(TicketLimit)
def _ticket_limit(exc: TicketLimit):
    response, status = api_error("too_many_attempts", 429)
    response.headers["Retry-After"] = str(exc.wait)
    return response, status


class UnknownTicket(Exception):
    """No visit has the ticket code asked for: a 404 "bad_ticket" for every route that takes one."""


@bp.errorhandler(UnknownTicket)
def _unknown_ticket(_exc: UnknownTicket):
    return api_error("bad_ticket", 404)


def visit_by_ticket(ticket: str) -> Visit:
    """The visit with this ticket code, or UnknownTicket; every lookup and every miss counts per kiosk."""
    misses, lookups = current_app.extensions["kiosk_ticket_misses"], current_app.extensions["kiosk_ticket_lookups"]
    key = f"kiosk:{current_kiosk().id}"
    # Both counted before the look-up (a lookup always, a miss taken back when the code is found), so
    # lookups sent together meet the limits instead of all reading them unreached.
    wait, attempts = attempt_all((misses, key), (lookups, key))
    if wait:
        raise TicketLimit(wait)
    visit = checkin.find_by_ticket(db.session, ticket)
    if visit is None:
        raise UnknownTicket(ticket)
    attempts[0].passed()  # a miss taken back; the lookup stays counted
    return visit


def _signature(value: object) -> tuple[tuple[bytes, bytes] | None, UploadError | None]:
    """(the signature as drawn, its small copy), or the problem with it."""
    try:
        return signature_pngs(data_url_bytes(value if isinstance(value, str) else "")), None
    except UploadError as exc:
        return None, exc


def _field_errors(fields: dict[str, str]):
    return api_error("invalid_fields", 400, fields={k: field_message(v) for k, v in fields.items()},
                     codes=fields)


def _step_check(problems: dict[str, str], asked: object):
    """h23v: a form step asks about its own fields only (`check_fields`): 200 with their problems, or
    none. Asked about the whole entry, the first step was answered 400 for the later steps' empty
    fields, an error in the browser's console on every step; the whole-entry check stays as it was."""
    if not isinstance(asked, list) or not asked or len(asked) > 40 or not all(isinstance(f, str) for f in asked):
        return api_error("bad_request", 400)
    mine = {k: v for k, v in problems.items() if k in asked}
    return jsonify(valid=not mine, fields={k: field_message(v) for k, v in mine.items()}, codes=mine)


@bp.post("/api/v1/visits")
@body_bounds.guest_book
@kiosk_only
def submit_visit():
    # Outside office hours nobody approves and the expiry job would end the request at once: say so
    # before anything is saved, on the form's first step as on the last, and before the body is parsed.
    if (closed := office_hours.refusal()) is not None:
        return closed
    data = json_body()
    if data is None:
        return api_error("bad_request", 400)
    device = current_kiosk()
    entry = checkin.GuestEntry.from_mapping(data)
    entry.locale = str(get_locale() or "id")
    purposes, facilities = _choices(offered_only=True)
    # Issue 15: a scanned invitation; its NIK (or name) must be the one typed or read from the KTP.
    invitation, not_invited = invitation_api.for_entry(data, entry)
    checking = data.get("validate_only") is True
    if checking:  # the form step asks before moving on to the rules: every field problem at once
        entry.rules_accepted = True
    problems = {**not_invited, **checkin.validate(entry, purposes=purposes, facilities=facilities)}
    if "nik" not in problems:  # asked on the step with the NIK, not first on the last screen
        # the last screen's answer queues a request: checked under the NIK's lock (h23v)
        problems.update(checkin.already_waiting(db.session, entry.nik, utcnow(), phone=entry.phone,
                                                hold=not checking))
    if checking:
        # Issue 15: the devices step (restricted facility) sends its answer; earlier steps do not.
        problems.update(restricted.device_problems(facilities, data, asked="devices_none" in data))
        if "check_fields" in data:
            return _step_check(problems, data["check_fields"])
        if problems:
            return _field_errors(problems)
        return jsonify(valid=True)
    problems.update(restricted.device_problems(facilities, data))
    capture = read_capture_token(str(data.get("capture") or ""), device.id)
    store = current_app.extensions["storage"]
    # h43n: a kiosk whose camera is absent or refused says so; its visitor shows the original KTP at
    # the desk instead of a photo. Without that word a missing capture is still a missing capture.
    without_photo = capture is None and data.get("no_camera") is True
    if capture is None and not without_photo:
        problems["capture"] = "capture_required"
    # The signature is checked in the same round as the fields, so the rules screen names every
    # problem at once (the tick box and the signature), in words.
    signature, signature_problem = _signature(data.get("signature"))
    if signature_problem is not None:
        if signature_problem.status == 413:
            return api_error(signature_problem.code, 413, fields={"signature": api_message(signature_problem.code)})
        problems["signature"] = ("signature_required" if signature_problem.code == "signature_required"
                                 else "signature_damaged")
    if problems:
        messages = {k: field_message(v) for k, v in problems.items()}
        if "capture" in problems:
            messages["capture"] = api_message("capture_required")
        return api_error("invalid_fields", 400, fields=messages, codes=problems)
    if capture is not None and not store.exists(capture["k"]):
        return api_error("capture_expired", 400, fields={"capture": api_message("capture_expired")})
    entry.barcodes = clean_codes((capture or {}).get("b", []) + clean_codes(data.get("scanned_codes")))
    signature_key = store.save(signature[0], kind="signature")
    small_key = None
    try:
        small_key = store.save(signature[1], kind="signature")
        visit = checkin.submit(db.session, current_kiosk_actor(), entry, purposes=purposes, facilities=facilities,
                               device_id=device.id, id_capture_key=capture["k"] if capture else None,
                               no_ktp_photo=without_photo, signature_key=signature_key,
                               signature_small_key=small_key)
        restricted.attach_declared(visit, facilities, data)
    except Exception:
        for key in (signature_key, small_key):  # nothing half-saved: no orphan signature file
            if key:
                store.delete(key)
        raise
    invitation_api.attach(invitation, visit)
    # The capture belongs to the visit only once the visit is saved (claim_capture says when).
    if capture is not None:
        claim_capture(str(data.get("scan_session") or ""), capture["k"])
    return jsonify(visit_status(visit)), 201


@bp.get("/api/v1/visits/<ticket>")
@kiosk_only
def get_visit(ticket: str):
    visit = visit_by_ticket(ticket)
    return jsonify(visit_status(visit, identified=visit_proof.proved(visit.id, current_kiosk().id)))


@bp.post("/api/v1/visits/find-by-ticket")
@body_bounds.short_fields
@kiosk_only
def find_by_ticket():
    """The check-out screen's typed or scanned code: a well-formed code that is no visit's is an
    ordinary answer (200, found false), not an HTTP error that a stranger's browser console would log
    as a failure (h39b); GET /visits/<ticket> keeps its 404 for the waiting screen and other clients.
    A malformed code is still a 400, and a miss counts against the same limits as every lookup."""
    data = json_body() or {}
    ticket = str(data.get("ticket") or "")
    if checkin.normalise_ticket(ticket) is None:
        return api_error("bad_ticket", 400)
    try:
        visit = visit_by_ticket(ticket)
    except UnknownTicket:
        return api_not_found("bad_ticket")
    body = visit_status(visit, identified=visit_proof.proved(visit.id, current_kiosk().id))
    body["found"] = True
    return jsonify(body)


@bp.get("/api/v1/visits/<ticket>/events")
@kiosk_only
def visit_events(ticket: str):
    """Server-Sent Events for this one visit; the page then GETs the status.

    Each event says only that the visit changed, with the event's id: a kiosk stands in a public
    hall, and what changed (a decision, who made it) is read through the status, which says what
    the kiosk may show."""
    visit = visit_by_ticket(ticket)
    visit_id, device_id, engine = visit.id, current_kiosk().id, db.engine

    def still_enrolled() -> bool:  # a kiosk revoked meanwhile hears no more (its own short session)
        with Session(engine) as session:
            return devices.still_enrolled(session, device_id)

    return sse_response(engine, db.session,
                        lambda row: row.object_type == "visit" and row.object_id == visit_id, lifetime=120,
                        owner=f"kiosk:{device_id}", per_owner=current_app.config["LIVE_STREAMS_PER_KIOSK"],
                        payload=kiosk_payload, still_allowed=still_enrolled)


def kiosk_payload(row) -> dict:
    return {"changed": True, "id": row.id}


@bp.get("/api/v1/visits/<ticket>/qr.svg")
@kiosk_only
def visit_qr(ticket: str):
    visit = visit_by_ticket(ticket)
    out = io.BytesIO()
    # The QR holds the bare ticket code: a USB scanner types it back into the check-out screen.
    segno.make(visit.ticket_code, error="m", micro=False).save(out, kind="svg", scale=10, border=2, xmldecl=False)
    return Response(out.getvalue(), mimetype="image/svg+xml")


@bp.post("/api/v1/visits/<ticket>/checkout")
@body_bounds.short_fields
@kiosk_only
def check_out(ticket: str):
    # No body is a check-out without a rating; a body that is not a JSON object is a broken client,
    # told so rather than checked out as if it had said nothing (probe sec15).
    data = json_body() if request.get_data(cache=True) else {}
    if data is None:
        return api_error("bad_request", 400)
    visit = visit_by_ticket(ticket)
    rating = data.get("rating")
    try:
        checkin.check_out(db.session, current_kiosk_actor(), visit, rating=None if rating == "" else rating,
                          feedback=data.get("comment") or "")
    except checkin.CheckoutRefused as exc:
        return api_error(exc.code, 409, status=exc.status)
    except checkin.CheckinError as exc:
        code = "rating" if "rating" in exc.fields else "invalid_fields"
        return api_error(code, 400, fields={k: field_message(v) for k, v in exc.fields.items()})
    return jsonify(visit_status(visit))


@bp.post("/api/v1/visits/<ticket>/withdraw")
@body_bounds.short_fields
@kiosk_only
def withdraw(ticket: str):
    """The visitor leaves before the Kasubag's decision: the waiting request is withdrawn (ux12)."""
    visit = visit_by_ticket(ticket)
    try:
        visit_ops.withdraw(db.session, visit, current_kiosk_actor())
    except WorkflowError:
        return api_error("not_waiting", 409, status=visit.status)
    return jsonify(visit_status(visit))


@bp.post("/api/v1/nik/check")
@body_bounds.short_fields
@kiosk_only
def check_nik():
    """What a NIK says (birth date, sex, region), for the visitor to confirm, or why it is wrong.

    h44k: sixteen digits that are no NIK (an unknown region, no date, serial 0000) are the visitor's
    typing mistake, which the kiosk says beside the box: an ordinary answer (200, valid false), not an
    HTTP error the kiosk's browser console logs as a failure (as find-by-ticket, h39b). What is not
    sixteen ASCII digits the kiosk never sends: still a 400."""
    data = json_body() or {}
    info = parse_nik(str(data.get("nik") or ""))
    if not info.valid:
        code = f"nik_{info.error}"
        if info.error in ("length", "digits"):
            return api_error("invalid_fields", 400, fields={"nik": field_message(code)}, codes={"nik": code})
        return jsonify(valid=False, fields={"nik": field_message(code)}, codes={"nik": code})
    sex = {"L": _("Male"), "P": _("Female")}.get(info.sex or "", "")
    return jsonify(valid=True, nik=info.nik, birth_date=info.birth_date.isoformat(),
                   birth_date_text=info.birth_date.strftime("%d/%m/%Y"), sex=info.sex, sex_label=sex,
                   province=info.province, regency=info.regency)


@bp.post("/api/v1/visitors/recall")
@body_bounds.short_fields
@kiosk_only
def recall_visitor():
    """A returning visitor's details, only for NIK plus the last 4 digits of their phone.

    h44u: no match (wrong digits, or a NIK never seen) is the visitor's mistake the kiosk says under
    the digits: 200 `found: false`, not a 404 logged in the console; the miss still counts."""
    data = json_body() or {}
    nik = "".join(str(data.get("nik") or "").split())
    last4 = str(data.get("phone_last4") or "").strip()
    if len(nik) != 16 or not ascii_digits(nik) or len(last4) != 4 or not ascii_digits(last4):
        return api_error("invalid_fields", 400, fields={"nik": field_message("nik_length")})
    nik_limit = current_app.extensions["kiosk_recall_nik"]
    device_limit = current_app.extensions["kiosk_recall_device"]
    keys_nik, key_device = f"nik:{nik}", f"kiosk:{current_kiosk().id}"
    # counted before the look-up, so guesses sent together cannot all pass the limits
    wait, attempts = attempt_all((nik_limit, keys_nik), (device_limit, key_device))
    if wait:
        response, status = api_error("too_many_attempts", 429)
        response.headers["Retry-After"] = str(wait)
        return response, status
    visitor = checkin.find_returning(db.session, nik, last4)
    if visitor is None:
        return api_not_found("recall_not_found")
    for attempt in attempts:
        attempt.passed()
    nik_limit.succeed(keys_nik)
    audit.record(db.session, current_kiosk_actor(), "visitor.recalled", visitor)
    # "Same as last time": what that visit was for, if it is still offered today.
    last = kiosk_recovery.last_visit(db.session, visitor)
    purposes, facilities = _choices(offered_only=True)
    offered = {"purpose": {p.get("key") for p in purposes}, "facility": {f.get("key") for f in facilities}}
    return jsonify(found=True, full_name=visitor.full_name, phone=visitor.phone, email=visitor.email or "",
                   institution=visitor.institution, category=visitor.category,
                   purpose=last.purpose if last and last.purpose in offered["purpose"] else "",
                   purpose_detail=(last.purpose_detail or "") if last else "",
                   facility=last.facility if last and last.facility in offered["facility"] else "",
                   planned_minutes=last.planned_minutes if last else None)
