"""Every sentence the invitation screens say about a problem, in the user's language."""
from __future__ import annotations

from flask_babel import gettext as _

from lpsedesk.labels import nik_rules, phone_rule


def field_message(code: str) -> str:
    messages = {
        "required": _("This field is required."),
        "too_long": _("This is too long."),
        "choose": _("Please choose one."),
        **nik_rules(),
        "phone_format": phone_rule(),
        "window_order": _("The end must be after the start."),
        "window_too_long": _("A window may last at most 7 days."),
        "window_past": _("This window has already ended."),
        "duplicate": _("This NIK is already on an earlier line of the file."),
    }
    return messages.get(code, messages["required"])


def file_message(code: str) -> str:
    messages = {
        "empty": _("The file has no participants."),
        "too_large": _("The file is too large (at most 2 MB)."),
        "unpacks_too_large": _("The workbook holds far more data than a list of participants. Copy the "
                               "participants into the template and import that."),
        "file_type": _("Use an XLSX or CSV file (download the template)."),
        "unreadable": _("The file could not be read. Save it again as XLSX or CSV from the template."),
        "columns": _("The file needs the columns NAMA, PONSEL, INSTANSI and KATEGORI (NIK is optional), "
                     "as in the template."),
        "too_many": _("At most 500 participants per file."),
    }
    return messages.get(code, messages["unreadable"])


def field_name(key: str) -> str:
    return {
        "full_name": _("Name"), "nik": _("NIK"), "phone": _("Mobile phone"), "institution": _("Institution"),
        "category": _("Category"), "purpose": _("Purpose"), "purpose_detail": _("Purpose, in words"),
        "facility": _("Facility"), "window": _("Time window"), "event_name": _("Training or event"),
    }.get(key, key)


def status_text(status: str) -> str:
    return {
        "open": _("waiting for the Kasubag (may be approved in advance)"),
        "approved": _("approved in advance"),
        "refused": _("refused in advance"),
        "used": _("used"),
        "cancelled": _("cancelled"),
    }.get(status, status)


def presence_text(where: str) -> str:
    return {
        "not_arrived": _("not arrived"), "waiting": _("arrived, waiting for approval"),
        "inside": _("inside"), "left": _("has left"), "not_admitted": _("not admitted"),
        "withdrawn": _("invitation withdrawn or refused"),
    }.get(where, where)
