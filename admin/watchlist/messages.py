"""The watch-list form's messages for the machine codes of lpsedesk.watchlist."""
from __future__ import annotations

from flask_babel import gettext as _

from lpsedesk.labels import nik_rules


def field_message(code: str) -> str:
    return {
        "required": _("Required."),
        "too_long": _("Too long."),
        **nik_rules(),
        "nik_or_name_institution": _("Give a NIK, or a name together with its institution."),
        "bad_date": _("Write the last day as dd/mm/yyyy, e.g. 25/12/2026."),
        "in_the_past": _("The last day has already passed."),
    }.get(code, _("Please check this field."))


def field_label(field: str) -> str:
    """An entry's field as its form labels it (a 409 names the fields another Admin changed)."""
    return {
        "nik": _("NIK (16 digits)"),
        "full_name": _("Full name"),
        "institution": _("Institution"),
        "reason": _("Reason"),
        "expires_on": _("Last day it applies"),
    }[field]
