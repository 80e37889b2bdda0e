"""What the second of two staff acting on one record at once reads (h40p): nothing of theirs was saved,
who changed the record first and when (WIB), what it is now, and a way to it as it stands (the 409 of
lpsedesk/transaction.py). Each kind a whole sentence, so the translator sees the order of its parts."""
from __future__ import annotations

from flask import url_for
from flask_babel import gettext as _

from .changed_first import ChangedFirst
from .i18n import format_wib
from .labels import event_label, status_label, step_label
from .models import Invitation, RemoteAccessRequest, Visit
from .visit_ops import shown_status


def deed(action: str) -> str:
    """What the other did, as the visit's timeline names it ("Disetujui", "Dicatat keluar")."""
    kind, _dot, step = action.partition(".")
    if kind == "visit" and step_label(step) != step:
        return step_label(step)
    return event_label(action)


def sentence(found: ChangedFirst) -> str:
    record, when, what = found.record, format_wib(found.at), deed(found.action)
    who = found.who or "-"
    if isinstance(record, Visit):
        return _("Nothing you sent was saved: this visit of %(name)s was changed by someone else, %(who)s, "
                 "%(time)s (%(what)s). It is now: %(status)s.", name=record.visitor.full_name, who=who,
                 time=when, what=what, status=status_label(shown_status(record)))
    if isinstance(record, RemoteAccessRequest):
        return _("Nothing you sent was saved: this remote-access request of %(name)s was changed by someone "
                 "else, %(who)s, %(time)s (%(what)s). It is now: %(status)s.", name=record.requester_name,
                 who=who, time=when, what=what, status=status_label(record.status))
    return _("Nothing you sent was saved: this invitation of %(name)s was changed by someone else, %(who)s, "
             "%(time)s (%(what)s).", name=record.full_name, who=who, time=when, what=what)


def way_on(found: ChangedFirst) -> tuple[str, str]:
    """(address, words) of the record's own page, to see it as it stands and act again if still needed."""
    record = found.record
    if isinstance(record, Visit):
        address = url_for("admin.visit", visit_id=record.id)
    elif isinstance(record, RemoteAccessRequest):
        address = url_for("admin.remote_detail", request_id=record.id)
    else:
        assert isinstance(record, Invitation)
        address = url_for("admin.invitation", invitation_id=record.id)
    return address, _("Open it as it is now, then do again what is still needed")
