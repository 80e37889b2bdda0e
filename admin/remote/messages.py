"""Translated words for the remote-access register: input problems, timeline steps, close kinds."""
from __future__ import annotations

from flask_babel import gettext as _

from lpsedesk.i18n import format_wib


def _against_the_record(code: str, req) -> str | None:
    """h44w: a typed time refused for coming before a step already recorded names that step's time,
    so the Admin knows what to type instead of guessing (the record is on the same page, further down)."""
    if code == "closed_before_given" and req.granted_at:
        return _("The account was given at %(time)s: its closing time cannot come before that.",
                 time=format_wib(req.granted_at))
    if code == "given_before_approval" and req.decided_at:
        return _("The Kasubag approved the letter at %(time)s: the account cannot have been given before that.",
                 time=format_wib(req.decided_at))
    if code == "told_before_refusal" and req.decided_at:
        return _("The Kasubag refused the letter at %(time)s: the third party cannot have been told before that.",
                 time=format_wib(req.decided_at))
    return None


def input_message(code: str, req=None) -> str:
    """What a refusal code of the core says to the Admin; given the request, a time refused for
    coming before a recorded step names that step's time."""
    if req is not None and (said := _against_the_record(code, req)):
        return said
    return {
        "period_reversed": _("The end of the period must come after its start."),
        "period_too_long": _("Remote access may be given for at most one year at a time."),
        "period_over": _("The period asked for has already ended: remote access can only be given for a "
                         "time still to come. Check the date."),
        "letter_in_future": _("The letter date lies in the future."),
        "extend_not_active": _("Only an account that is still open can be extended."),
        "extension_pending": _("An extension of this account is already waiting for a decision."),
        "until_in_past": _("The end of access must lie in the future: choose a later date and time."),
        "time_in_future": _("That time lies in the future: enter when it happened (now or earlier)."),
        "given_before_approval": _("The account cannot have been given before the approval."),
        "approval_lapsed": _("The approved period has already ended: record a new request instead."),
        "username_in_use": _("Another open account already uses this user name."),
        "closed_before_given": _("The account cannot close before it was given."),
        "told_before_refusal": _("The third party cannot have been told before the Kasubag refused the letter."),
        "told_note_too_long": _("Keep the note to at most 200 characters."),
        # the letter upload
        "too_large": _("The letter is larger than 5 MB. Scan it at a lower resolution or as a PDF."),
        "empty": _("Attach the scanned letter."),
        "bad_type": _("The letter must be a PDF or a JPEG, PNG or WebP image."),
        "unpacks_too_large": _("This PDF unpacks to far more than a scanned letter. Scan the letter again, "
                               "or save it as an image."),
        "unchecked_pdf": _("This PDF hides part of its content in a form the desk cannot check. Scan the "
                           "letter again, or save it as an image."),
        "active_pdf": _("This PDF carries scripts or actions that run when it is opened. Scan the letter "
                        "again, or save it as a plain PDF or an image."),
        "no_rights": _("Choose or type at least one access right."),
        "bad_decision": _("Choose approve or refuse; a refusal needs a reason of at most 500 characters."),
    }.get(code, _("This change is not possible now."))


