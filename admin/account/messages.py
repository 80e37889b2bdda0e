"""Translations for the machine codes the core raises (account rules)."""
from __future__ import annotations

from flask_babel import gettext as _


def user_error_message(code: str) -> str:
    return {
        "bad_username": _("User names use 3-64 lower-case letters, digits, dots, dashes or underscores."),
        "username_taken": _("That user name is already taken."),
        "name_required": _("A full name is required."),
        "bad_roles": _("Choose at least one role."),
        "too_short": _("A password needs at least 10 characters."),
        "too_simple": _("A password needs both letters and digits."),
        "too_common": _("That password is too easy to guess (common words, nearly all digits, a few characters over and over, or your user name). "
                            "Choose another."),
    }.get(code, _("The account could not be saved."))
