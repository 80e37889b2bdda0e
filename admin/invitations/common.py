"""Shared by the invitation screens: the office's choices, the window typed in WIB, the QR and the
text the desk copies into a message (nothing is ever sent from the server)."""
from __future__ import annotations

from datetime import datetime

import segno
from flask_babel import get_locale
from flask_babel import gettext as _
from markupsafe import Markup

from lpsedesk import settings as office
from lpsedesk.clock import to_wib, wib_at
from lpsedesk.extensions import db
from lpsedesk.invitations import codes, rules
from lpsedesk.labels import category_choices
from lpsedesk.models import Invitation
from lpsedesk.roles import Role

from ..site_links import site_link

# SOP: the helpdesk and the Admin LPSE register expected visitors; every staff member may look.
INVITERS = (Role.HELPDESK, Role.ADMIN)


def office_choices(offered_only: bool = True) -> tuple[list[dict], list[dict]]:
    purposes, facilities = list(office.get(db.session, "purposes")), list(office.get(db.session, "facilities"))
    if offered_only:
        return office.active_choices(purposes), office.active_choices(facilities)
    return purposes, facilities


def with_choices(form):
    """Fill the select fields from the office settings, in the user's language."""
    purposes, facilities = office_choices()
    locale = str(get_locale() or "id")
    form.purpose.choices = [("", _("Choose..."))] + [(p["key"], office.choice_label(purposes, p["key"], locale))
                                                     for p in purposes]
    form.facility.choices = [("", _("Choose..."))] + [(f["key"], office.choice_label(facilities, f["key"], locale))
                                                      for f in facilities]
    if hasattr(form, "category"):
        form.category.choices = [("", _("Choose..."))] + category_choices()
    return form


def window(form) -> tuple[datetime | None, datetime | None]:
    if not (form.day.data and form.start.data and form.end.data):
        return None, None
    return wib_at(form.day.data, form.start.data), wib_at(form.day.data, form.end.data)


def common_draft(form) -> rules.InvitationDraft:
    starts_at, ends_at = window(form)
    return rules.InvitationDraft(purpose=form.purpose.data or "", purpose_detail=form.purpose_detail.data or "",
                                 facility=form.facility.data or "", starts_at=starts_at, ends_at=ends_at,
                                 event_name=form.event_name.data or "")


def code(invitation: Invitation) -> str:
    return rules.code(invitation)


def link(invitation: Invitation) -> str:
    """The visitor's own page with the QR, to open on a phone at the kiosk."""
    return site_link("kiosk.invitation_card", code=code(invitation))


def qr(invitation: Invitation, scale: int = 4) -> Markup:
    # The QR holds the bare code (letters and digits): a USB scanner types it back unchanged.
    return Markup(segno.make(code(invitation), error="m", micro=False).svg_inline(scale=scale, border=2, omitsize=True))


def choice(kind: str, key: str) -> str:
    return office.choice_label(office.get(db.session, kind), key, str(get_locale() or "id"))


def when(invitation: Invitation) -> str:
    """The window as people read it: "23/11/2026, 08:00-16:00 WIB"."""
    start, end = to_wib(invitation.starts_at), to_wib(invitation.ends_at)
    if start.date() != end.date():
        return _("%(start)s to %(end)s WIB", start=start.strftime("%d/%m/%Y %H:%M"), end=end.strftime("%d/%m/%Y %H:%M"))
    return _("%(day)s, %(start)s-%(end)s WIB", day=start.strftime("%d/%m/%Y"), start=start.strftime("%H:%M"),
             end=end.strftime("%H:%M"))


def share_text(invitation: Invitation, lpse_name: str) -> str:
    """The message the desk copies into WhatsApp or an e-mail."""
    lines = [
        _("Invitation to LPSE %(name)s", name=lpse_name),
        _("Name: %(name)s", name=invitation.full_name),
    ]
    if invitation.event_name:
        lines.append(_("Event: %(event)s", event=invitation.event_name))
    lines += [
        _("When: %(when)s", when=when(invitation)),
        _("Where: %(facility)s", facility=choice("facilities", invitation.facility)),
        _("At the kiosk, show this QR code (open the link) and your original KTP:"),
        link(invitation),
        _("Code: %(code)s", code=codes.pretty(code(invitation))),
    ]
    return "\n".join(lines)
