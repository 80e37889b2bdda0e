"""Kiosk API for invitations (issue 15): a scanned invitation QR fills the guest book; the visit POST
brings the code back, the invited NIK (or name) is checked against the KTP's, and the invitation
becomes the visit, once. Also the visitor's own invitation page, opened from the link on a phone."""
from __future__ import annotations

from flask import current_app, jsonify, render_template
from flask_babel import get_locale
from flask_babel import gettext as _

from lpsedesk import settings
from lpsedesk.checkin import GuestEntry
from lpsedesk.clock import to_wib
from lpsedesk.extensions import db
from lpsedesk.invitations import codes, rules, use
from lpsedesk.models import Invitation, Visit, utcnow

from . import body_bounds, bp
from .device_auth import current_kiosk, current_kiosk_actor, kiosk_only

# The identity checks that keep a visit from using someone else's invitation, by form field.
IDENTITY_FIELD = {"nik_mismatch": "nik", "name_mismatch": "full_name"}


def _window(inv: Invitation) -> dict:
    start, end = to_wib(inv.starts_at), to_wib(inv.ends_at)
    return {"start": start.strftime("%d/%m/%Y %H:%M") + " WIB", "end": end.strftime("%d/%m/%Y %H:%M") + " WIB"}


def invitation_message(code: str, inv: Invitation | None = None) -> str:
    """What the kiosk says about an invitation code, in the visitor's language."""
    w = _window(inv) if inv is not None else {"start": "", "end": ""}
    messages = {
        "unknown": _("This invitation code is not known. Please fill in the guest book as usual."),
        "used": _("This invitation has already been used. Please fill in the guest book as usual."),
        "too_early": _("This invitation is valid from %(start)s. Please fill in the guest book as usual, "
                       "or come back then.", start=w["start"]),
        "too_late": _("This invitation was valid until %(end)s. Please fill in the guest book as usual.", end=w["end"]),
        "refused": _("This invitation was not approved. Please fill in the guest book as usual, or ask the helpdesk."),
        "cancelled": _("This invitation was cancelled. Please fill in the guest book as usual."),
        "nik_mismatch": _("This NIK is not the one on the invitation. Check it, or touch Start over to fill in "
                          "the guest book without the invitation."),
        "name_mismatch": _("This name is not the one on the invitation (as on the KTP). Check it, or touch Start "
                           "over to fill in the guest book without the invitation."),
    }
    return messages.get(code, messages["unknown"])


def _refusal(code: str, inv: Invitation | None, status: int):
    return jsonify(error=f"invitation_{code}", message=invitation_message(code, inv)), status


@bp.post("/api/v1/invitations/lookup")
@body_bounds.short_fields
@kiosk_only
def invitation_lookup():
    """A scanned or typed invitation code: the guest book's details to fill in, or why not."""
    from .visit_api import TicketLimit, json_body  # the kiosk's one JSON reader and guess limit

    data = json_body() or {}
    misses = current_app.extensions["kiosk_ticket_misses"]
    key = f"kiosk:{current_kiosk().id}"
    attempt = misses.attempt(key)  # counted before the look-up: guesses sent together meet the limit
    if attempt.wait:
        raise TicketLimit(attempt.wait)
    inv = rules.find_by_code(db.session, str(data.get("code") or ""))
    if inv is None:
        return _refusal("unknown", None, 404)
    attempt.passed()
    now = utcnow()
    if problem := rules.use_problem(inv, now):
        return _refusal(problem, inv, 409)
    approved = inv.status == "approved"
    intro = _("Invitation for %(name)s: your details are filled in. Show your KTP to the camera, check the "
              "details and sign.", name=inv.full_name)
    if approved:
        intro += " " + _("Approved in advance: your visit starts approved.")
    return jsonify(code=codes.code_of(inv.selector, inv.verifier), message=intro, approved_in_advance=approved,
                   event_name=inv.event_name, full_name=inv.full_name, phone=inv.phone, institution=inv.institution,
                   category=inv.category, purpose=inv.purpose, purpose_detail=inv.purpose_detail or "",
                   facility=inv.facility, planned_minutes=use.planned_minutes(inv, now), nik_given=bool(inv.nik))


def for_entry(data: dict, entry: GuestEntry) -> tuple[Invitation | None, dict[str, str]]:
    """The invitation a visit POST brings, if it can still be used, and the identity problem (by
    field) if the NIK or name typed is not the invited one.

    An invitation that is no longer usable (used meanwhile, window ended) is dropped: the request
    goes on the normal path, as a pending visit for the Kasubag.
    """
    raw = data.get("invitation")
    if not isinstance(raw, str) or not raw.strip():
        return None, {}
    inv = rules.find_by_code(db.session, raw)
    if inv is None or rules.use_problem(inv, utcnow()):
        return None, {}
    problem = rules.identity_problem(inv, nik=entry.nik, full_name=entry.full_name)
    if problem:
        return inv, {IDENTITY_FIELD[problem]: problem}
    return inv, {}


def attach(inv: Invitation | None, visit: Visit) -> None:
    """Called once the visit is submitted: it uses the invitation (and its advance approval)."""
    if inv is not None:
        use.attach(db.session, inv, visit, current_kiosk_actor())


@bp.get("/i/<code>")
def invitation_card(code: str):
    """The invited visitor's page, from the link in the message: the QR to show at the kiosk.

    Public (the visitor's phone is no kiosk); the code is the secret, and the page shows only what
    the invitation says, never a visit's details.
    """
    import segno
    from markupsafe import Markup

    inv = rules.find_by_code(db.session, code)
    if inv is None:
        return render_template("kiosk/invitation_card.html", inv=None), 404
    qr = Markup(segno.make(codes.code_of(inv.selector, inv.verifier), error="m", micro=False)
                .svg_inline(scale=6, border=3, omitsize=True))
    facilities = settings.get(db.session, "facilities")
    return render_template(
        "kiosk/invitation_card.html", inv=inv, qr=qr, window=_window(inv), code=codes.pretty(codes.code_of(inv.selector, inv.verifier)),
        facility=settings.choice_label(facilities, inv.facility, str(get_locale() or "id")),
        lpse_name=settings.get(db.session, "lpse_name"), problem=rules.use_problem(inv, utcnow()),
        problem_text=invitation_message(rules.use_problem(inv, utcnow()) or "unknown", inv))
