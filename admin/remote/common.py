"""What every remote-access view shares: loading a request, version checks, the detail page."""
from __future__ import annotations

from flask import abort, render_template
from flask_babel import gettext as _
from sqlalchemy import select

from lpsedesk import remote_ops, settings
from lpsedesk.auth import current_actor
from lpsedesk.clock import utc_to_local
from lpsedesk.errors import user_error
from lpsedesk.extensions import db
from lpsedesk.ids import ascii_digits
from lpsedesk.labels import close_kind_label, event_label
from lpsedesk.models import RemoteAccessRequest, utcnow
from lpsedesk.roles import Role
from lpsedesk.workflow import RemoteStatus, allowed_targets

from .forms import CloseForm, DecisionForm, GiveForm, TellForm, with_rights_choices
from .messages import input_message

VIEWERS = (Role.ADMIN, Role.KASUBAG)


def load(request_id: int) -> RemoteAccessRequest:
    return db.get_or_404(RemoteAccessRequest, request_id)


def check_version(req: RemoteAccessRequest, seen: str | None) -> None:
    """The screen the person acted on must still show the current record, else 409."""
    if seen and (not ascii_digits(seen) or int(seen) != req.version):
        abort(409)


def input_error(exc: Exception, status: int = 400):
    """A domain input error as a translated 4xx (the error response rolls the request back)."""
    return user_error(status, input_message(getattr(exc, "code", "")))


def access_rights_options() -> list[str]:
    value = settings.get(db.session, "access_rights")
    return [str(v) for v in value] if isinstance(value, list) else []


def split_rights(text: str | None, options: list[str]) -> tuple[list[str], str]:
    """A stored Hak Akses line back into (checked options, free text) to pre-fill a form."""
    parts = [p.strip() for p in (text or "").split(",") if p.strip()]
    chosen = [p for p in parts if p in options]
    return chosen, ", ".join(p for p in parts if p not in options)


def action_forms(req: RemoteAccessRequest) -> dict:
    """Forms pre-filled for the steps the current actor may take now."""
    now_local = utc_to_local(utcnow())
    options = access_rights_options()
    decision = DecisionForm(formdata=None, version=req.version,
                            approved_until=utc_to_local(req.period_end))
    chosen, other = split_rights(req.rights_requested, options)
    give = with_rights_choices(GiveForm(formdata=None, version=req.version, granted_at=now_local,
                                        rights=chosen, rights_other=other), options)
    close = CloseForm(formdata=None, version=req.version, closed_at=now_local)
    tell = TellForm(formdata=None, version=req.version, told_at=now_local)
    return {"decision_form": decision, "give_form": give, "close_form": close, "tell_form": tell}


def render_detail(req: RemoteAccessRequest, status: int = 200, **overrides):
    actor = current_actor()
    now = utcnow()
    forms = action_forms(req)
    forms.update(overrides)
    extension = remote_ops.open_extension(db.session, req)
    successors = db.session.scalars(select(RemoteAccessRequest).where(
        RemoteAccessRequest.extends_id == req.id).order_by(RemoteAccessRequest.id)).all()
    html = render_template(
        "admin/remote/detail.html", req=req, actor=actor, now=now,
        allowed=allowed_targets(req, actor), overdue=remote_ops.is_overdue(req, now),
        untold=remote_ops.awaits_telling(req),
        recorded_by_me=actor.user_id is not None and actor.user_id == req.recorded_by_id,
        can_admin=actor.has(Role.ADMIN), is_kasubag=actor.has(Role.KASUBAG),
        events=remote_ops.timeline(db.session, req.id), action_label=event_label,
        close_kind_label=close_kind_label, extension=extension, successors=successors,
        S=RemoteStatus, **forms)
    return html, status


def first_error(form) -> str:
    for errors in form.errors.values():
        if errors:
            return str(errors[0])
    return _("Please check what you entered.")
