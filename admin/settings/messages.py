"""The Admin screens' messages for the machine codes of lpsedesk.users and lpsedesk.settings_rules."""
from __future__ import annotations

from flask_babel import gettext as _

from lpsedesk.settings_rules import SettingError

from ..account.messages import user_error_message


def account_message(code: str) -> str:
    return {
        "last_admin": _("You are the last active Admin: give another account the Admin role first."),
        "bad_nip": _("A NIP has 18 digits."),
        "bad_delegation_title": _("Choose Plh. or Plt."),
        "delegation_dates_reversed": _("The last day cannot be before the first day."),
        "delegation_in_past": _("The last day has already passed."),
        "delegation_too_long": _("A delegation can last at most one year."),
        "delegation_to_self": _("The delegate and the Kasubag must be different people."),
        "principal_not_kasubag": _("The person represented must hold the Kasubag role."),
        "delegate_is_kasubag": _("This person already holds the Kasubag role and needs no delegation."),
        "delegation_inactive_user": _("Both accounts must be active."),
        "delegation_revoked": _("This delegation was already revoked."),
    }.get(code) or user_error_message(code)


def setting_label(key: str) -> str:
    return {
        "lpse_name": _("Name of the LPSE"),
        "lpse_place": _("Place (for letters and reports)"),
        "office_open": _("Office opens"),
        "office_close": _("Office closes"),
        "office_days": _("Office days"),
        "holidays": _("Holidays (libur nasional, cuti bersama)"),
        "signatory_title": _("Position"),
        "signatory_name": _("Name"),
        "signatory_rank": _("Rank / grade"),
        "signatory_nip": _("NIP"),
        "kiosk_idle_seconds": _("Kiosk idle timeout (seconds)"),
        "retention_days": _("Keep personal data for (days)"),
        "ktp_check_before_kasubag": _("The helpdesk checks the KTP before the Kasubag decides"),
        "facilities": _("Facilities"),
        "purposes": _("Purposes of visit"),
        "access_rights": _("Remote access rights"),
        "refusal_reasons": _("Refusal reasons for a visit request"),  # h22u: a letter has its own now
        "remote_refusal_reasons": _("Refusal reasons for a remote-access letter"),
    }.get(key, key)


def setting_message(exc: SettingError) -> str:
    p = exc.params
    messages = {
        "required": lambda: _("This field is required."),
        "too_long": lambda: _("At most %(max)d characters.", max=p["max"]),
        "out_of_range": lambda: _("Enter a whole number from %(min)d to %(max)d.", min=p["min"], max=p["max"]),
        "bad_time": lambda: _("Enter a time as HH:MM, e.g. 07:30."),
        "close_before_open": lambda: _("The closing time must be after the opening time."),
        "bad_nip": lambda: _("A NIP has 18 digits."),
        "label_required": lambda: _("Every item needs both an Indonesian and an English label (%(key)s).",
                                    key=p.get("key", "")),
        "label_too_long": lambda: _("A label has at most %(max)d characters.", max=p["max"]),
        "bad_key": lambda: _("A key uses 2-32 lower-case letters, digits or underscores and starts with a letter."),
        "duplicate_key": lambda: _("The key %(key)s appears twice.", key=p.get("key", "")),
        "duplicate_right": lambda: _("\"%(right)s\" appears twice.", right=p.get("right", "")),
        "too_many": lambda: _("At most %(max)d items.", max=p["max"]),
        "none_active": lambda: _("Keep at least one item available."),
        "no_office_day": lambda: _("Tick at least one office day."),
        "bad_holiday": lambda: _("Write each holiday as a date dd/mm/yyyy and its name, e.g. 25/12/2026 Hari Raya "
                                 "Natal. This line cannot be read: %(line)s", line=p.get("line", "")),
        "duplicate_holiday": lambda: _("The date %(day)s appears twice.", day=p.get("day", "")),
    }
    make = messages.get(exc.code)
    return make() if make else _("This value cannot be saved.")

