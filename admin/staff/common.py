"""Shared by the staff screens: labels in the user's language, safe redirects, the page context."""
from __future__ import annotations

from datetime import datetime, timedelta

from flask import current_app, g
from flask_babel import get_locale
from flask_babel import gettext as _
from sqlalchemy import select

from lpsedesk import settings as office
from lpsedesk import decision_told, visit_ops, visit_stay
from lpsedesk.auth import current_actor
from lpsedesk.errors import user_error, workflow_message
from lpsedesk.labels import (access_rights_label, category_label, event_label, field_labels, refusal_reason_label,
                             status_label, step_label)
from lpsedesk.extensions import db
from lpsedesk.models import User, utcnow
from lpsedesk.nik import mask_nik
from lpsedesk.roles import Role
from lpsedesk.visit_ops import AlreadyDone, GuestBookIncomplete, KtpNotChecked
from lpsedesk.workflow import InvalidInput, escort_missing, needs_escort

from ..reports.documents import duration_text


def missing_labels(keys: list[str]) -> str:
    labels = field_labels()
    return ", ".join(labels.get(k, k) for k in keys)


def missing_now(visit) -> list[str]:
    """Missing guest-book fields worth showing now: the check-out time only once it is due."""
    keys = visit_ops.missing_fields(visit)
    if visit.status in ("pending", "approved"):
        # Due at check-out, not before (the device check and the area's exit too, issue 15).
        keys = [k for k in keys if k not in ("checked_out_at", "devices_checked", "area_left")]
    return keys


def decision_status(visit) -> str:
    """What the Kasubag decided, even after the visit moved on (checked out, reported)."""
    return "approved" if visit.status in ("approved", "checked_out", "reported") else visit.status


def where_now(visit) -> str:
    """One sentence: where this visit stands in SOP 1."""
    if visit.status == "pending":
        return _("Waiting for the Kasubag's decision.")
    if visit.status == "approved" and decision_told.awaits_telling(visit):
        return _("Approved; the helpdesk has still to let the visitor in.")
    if visit.status == "approved":
        return _("Inside the facility.")
    if visit.status == "denied" and decision_told.awaits_telling(visit):
        return _("Refused; the helpdesk has still to tell the visitor why.")
    if visit.status == "checked_out":
        return _("Checked out; to be reported to the Kasubag.")
    if visit.status == "reported" and visit.acknowledged_at:
        return _("Finished: reported and acknowledged by %(who)s.", who=user_name(visit.acknowledged_by_id))
    if visit.status == "reported":
        return _("Reported; waiting for the Kasubag to acknowledge.")
    if visit.status == "expired":
        return _("Expired: not decided by closing time")
    if visit.status == "cancelled":
        return _("Withdrawn before the Kasubag's decision.")
    return _("Closed: %(status)s.", status=status_label(visit.status))


def choice(kind: str, key: str) -> str:
    """A facility's or purpose's label from the office settings, in the current language."""
    if "staff_choices" not in g:  # read the settings once per request, not once per row
        g.staff_choices = {}
    if kind not in g.staff_choices:
        g.staff_choices[kind] = office.get(db.session, kind)
    items = g.staff_choices[kind]
    if not any(item.get("key") == key for item in items):
        # h38a: a facility the Admin removed since (a restricted one, the server room, is never a
        # default) showed its raw key, "server_room", on the board and the visit page
        return office.readable_key(key)
    return office.choice_label(items, key, str(get_locale()))


STALE_AFTER = timedelta(days=1)


def waited(since: datetime | None, now: datetime | None = None) -> str:
    """How long something has waited, in the largest sensible units: less than a minute, 5 min, 2 h 10 min,
    3 days 4 h."""
    if since is None:
        return ""
    minutes = max(0, int(((now or utcnow()) - since).total_seconds() // 60))
    if minutes < 1:
        # "waiting 0 min" read as not waiting at all, or as a clock that had stopped (h23k)
        return _("less than a minute")
    if minutes < 60:
        return _("%(n)d min", n=minutes)
    if minutes < 24 * 60:
        return _("%(h)d h %(m)d min", h=minutes // 60, m=minutes % 60)
    days, hours = minutes // (24 * 60), minutes % (24 * 60) // 60
    # Two messages rather than ngettext: Indonesian has one form, and the catalogue check reads singulars.
    return _("1 day %(h)d h", h=hours) if days == 1 else _("%(d)d days %(h)d h", d=days, h=hours)


def stale(since: datetime | None, now: datetime | None = None) -> bool:
    """A request left waiting longer than a day: no visitor is still standing at the desk for it."""
    return since is not None and (now or utcnow()) - since > STALE_AFTER


def user_name(user_id: int | None) -> str:
    """A staff member's name; every name is read in one query per request, not one per row."""
    if not user_id:
        return ""
    if "user_names" not in g:  # staff accounts are a few dozen rows, however long the history
        g.user_names = dict(db.session.execute(select(User.id, User.full_name)).all())
    return g.user_names.get(user_id, "")


def ktp_first() -> bool:
    return bool(office.get(db.session, "ktp_check_before_kasubag"))


def rule_error(exc: Exception):
    """A domain refusal of visit_ops as an HTTP error with a sentence in the user's language."""
    if isinstance(exc, GuestBookIncomplete):
        return user_error(409, _("The guest book is incomplete: %(fields)s. Complete it before reporting.",
                                 fields=missing_labels(exc.missing)))
    if isinstance(exc, KtpNotChecked):
        return user_error(409, _("The helpdesk has not checked the original KTP yet."))
    if isinstance(exc, AlreadyDone):
        return user_error(409, _("This was already done by someone else. Reload to see the current state."))
    raise exc


def may_view_ktp() -> bool:
    actor = current_actor()
    return bool(actor and actor.has(Role.KASUBAG, Role.HELPDESK))


def endpoint_exists(name: str) -> bool:
    return name in current_app.view_functions


def actions_for(visit) -> frozenset[str]:
    """The steps the signed-in staff member may take on `visit` now (the core decides)."""
    if "ktp_first" not in g:  # one settings read per request, not one per row of the board
        g.ktp_first = ktp_first()
    return visit_ops.available_actions(visit, current_actor(), ktp_first=g.ktp_first)


def refusal_reasons(key: str = "refusal_reasons") -> list:
    """The Admin's refusal-reason chips, a visit's or ("remote_refusal_reasons") a remote-access letter's;
    read once per request, not once per queued request."""
    read = g.setdefault("refusal_reasons", {})
    if key not in read:
        read[key] = office.get(db.session, key)
    return read[key]


def reason_needed_message() -> str:
    """Said beside the reason box of a refusal sent without one (ux13), by the page and by the server."""
    return _("A reason is required: write why you refuse; the visitor reads it at the kiosk.")


def escort_needed_message() -> str:
    """Said beside the escort picker of a restricted visit approved with none chosen (h35k), by the page
    before sending and by the server: the workflow's own sentence for its rule."""
    return workflow_message(InvalidInput(code="escort_required"))


def told_offered(visit) -> bool:
    """Whether the board offers this user "let in" / "told" for the decision (decision_told's rule)."""
    actor = current_actor()
    return actor is not None and decision_told.telling_refused(visit, actor) is None


def stay_said(visit) -> str:
    """A checked-out visit's stay as the visit page and the queue's reports say it: its length from the
    approval, or "never let in" for one who left without coming in (h40p: it read as a visit of that
    length); empty while the visit is not over."""
    if decision_told.left_without_coming_in(visit):
        return _("never let in")
    return duration_text(visit_stay.stay(visit))


def template_helpers() -> dict:
    return {"status_label": status_label, "field_labels": field_labels, "category_label": category_label,
            "step_label": step_label, "action_label": event_label, "choice": choice, "waited": waited,
            "user_name": user_name, "may_view_ktp": may_view_ktp, "missing_fields": missing_now,
            "ktp_in_person_only": visit_ops.ktp_in_person_only,
            "missing_labels": missing_labels, "report_gaps": visit_ops.report_gaps, "incidents": visit_ops.incidents,
            "decision_status": decision_status, "where_now": where_now, "shown_status": visit_ops.shown_status,
            "endpoint_exists": endpoint_exists, "actions_for": actions_for, "staff_actor": current_actor,
            "mask_nik": mask_nik, "stale": stale, "visit_began": visit_stay.began, "stay_said": stay_said,
            "refusal_reasons": refusal_reasons, "reason_needed_message": reason_needed_message,
            "escort_needed_message": escort_needed_message, "told_offered": told_offered,
            "needs_escort": needs_escort, "escort_missing": escort_missing,
            "not_let_in": decision_told.not_let_in, "let_in_at": decision_told.let_in_at,
            "left_without_coming_in": decision_told.left_without_coming_in,
            "refusal_reason_label": refusal_reason_label, "access_rights_label": access_rights_label,
            # the visit whose refusal came back without a reason (queue.py), its panel open
            "refused_without_reason": None,
            # (visit id, sentence): the approval that came back for its escort (queue.py, h35k)
            "escort_problem": None}
