"""Every domain value's label in the user's language, in one place for the kiosk, staff screens,
reports and exports: a visitor category reads the same on the kiosk and in the guest book."""
from __future__ import annotations

from flask_babel import gettext as _

from .visit_ops import KTP_SEEN_IN_PERSON, KTP_SEEN_PHOTO


def status_label(status: str) -> str:
    labels = {
        "pending": _("pending"), "approved": _("approved"), "denied": _("refused"),
        "cancelled": _("cancelled"), "expired": _("expired"), "checked_out": _("checked out"),
        "reported": _("reported"), "acknowledged": _("finished, report acknowledged"), "received": _("received"), "active": _("active"),
        "closed": _("closed"),
    }
    return labels.get(status, status)


def ktp_seen_label(key: str | None) -> str:
    """How a visitor's KTP was seen (visit_ops.ktp_seen), as the guest book writes it; nothing yet, empty."""
    return {KTP_SEEN_PHOTO: _("KTP photo"), KTP_SEEN_IN_PERSON: _("Original KTP checked in person")}.get(key or "", "")


def weekday_names() -> list[str]:
    """Monday to Sunday, in date.weekday() order."""
    return [_("Monday"), _("Tuesday"), _("Wednesday"), _("Thursday"), _("Friday"), _("Saturday"), _("Sunday")]


def decision_label(key: str) -> str:
    """What the Kasubag decided, as a report column shows it."""
    labels = {"approved": _("Approved"), "denied": _("Refused"), "cancelled": _("Cancelled"),
              "expired": _("Expired"), "pending": _("Waiting")}
    return labels[key] if key in labels else status_label(key)


def category_choices() -> list[tuple[str, str]]:
    """Visitor categories (VisitorCategory values) with their labels, in the order the kiosk offers them."""
    return [
        ("penyedia", _("Vendor (penyedia)")),
        ("pokja", _("Pokja Pemilihan")),
        ("ppk", _("PPK")),
        ("pa_kpa", _("PA/KPA")),
        ("apip", _("APIP (auditor)")),
        ("opd", _("Government office (OPD)")),
        ("public", _("Member of the public")),
        ("other", _("Other")),
    ]


def category_label(key: str) -> str:
    return dict(category_choices()).get(key, key)


def phone_rule() -> str:
    """The mobile-number rule (checkin.PHONE) as a person breaking it is told it, at the kiosk and in the
    invitations' form and import: one sentence in one place (h45u: it was written in both tables)."""
    return _("A mobile number starts with 08 and has 10 to 13 digits, such as 081234567890.")


def nik_rules() -> dict[str, str]:
    """The NIK's own rules (lpsedesk.nik's error codes, prefixed "nik_") as staff entering someone's NIK are
    told them, in the invitations' form and import and the watch list: one set of sentences (they were
    written in three tables, in two wordings). The kiosk tells a visitor their own NIK's region, date and
    serial problems with "Check your NIK" added (kiosk/messages.py)."""
    return {
        "nik_length": _("A NIK has exactly 16 digits."),
        "nik_digits": _("A NIK contains digits only."),
        "nik_region": _("The first 6 digits are not a known region code."),
        "nik_date": _("Digits 7 to 12 are not a valid date of birth."),
        "nik_serial": _("The last 4 digits cannot be 0000."),
    }


def field_labels() -> dict[str, str]:
    """The guest book's fields, as a missing-field message names them."""
    return {
        "full_name": _("Visitor's name"), "nik": _("NIK"), "phone": _("Mobile phone"),
        "institution": _("Institution"), "category": _("Category"), "purpose": _("Purpose"),
        "facility": _("Facility"), "signature": _("Signature"), "checked_out_at": _("Check-out time"),
        "devices_checked": _("Devices checked at check-out"), "area_left": _("Exit from the restricted area"),
    }


def step_label(kind: str) -> str:
    """A step of a visit's timeline (lpsedesk.visit_timeline kinds)."""
    return {
        "submitted": _("Guest book filled in"), "ktp_checked": _("Original KTP checked"),
        "approved": _("Approved"), "denied": _("Refused"), "cancelled": _("Cancelled"),
        "expired": _("Expired: not decided by closing time"), "note": _("Note"), "incident": _("Incident"),
        "checked_out": _("Checked out"), "reported": _("Reported to the Kasubag"),
        "acknowledged": _("Report acknowledged by the Kasubag"), "audit": _("Audit event"),
    }.get(kind, kind)


def event_label(action: str) -> str:
    """An audit action on a timeline; an action without a label reads as a generic event, never its key."""
    return {
        "visit.ktp_viewed": _("KTP image viewed"),
        "visit.nik_viewed": _("Full NIK viewed"),
        "visit.feedback": _("Visitor's rating and comment at check-out"),
        "visit.escort_named": _("Escort named by the Kasubag"),
        "visit.let_in": _("Let in by the helpdesk"),
        "visit.refusal_told": _("Visitor told of the refusal by the helpdesk"),
        "visit.area_entered": _("Entered the restricted area"),
        "visit.area_left": _("Left the restricted area"),
        "visit.devices_checked": _("Devices checked at check-out"),
        "visit.device_mismatch": _("Device mismatch at check-out"),
        "visit.found_at_kiosk": _("Found again at the kiosk without the ticket"),
        "visitor.recalled": _("Returning visitor's details recalled at the kiosk"),
        "remote.received": _("Request letter recorded"),
        "remote.approved": _("Approved by the Kasubag"),
        "remote.denied": _("Refused by the Kasubag"),
        "remote.account_given": _("Account given"),
        "remote.closed": _("Account closed"),
        "remote.password_generated": _("One-time password generated (not stored)"),
        "remote.extension_recorded": _("Extension requested"),
        "remote.refusal_told": _("Third party told of the refusal"),
        "remote.letter_viewed": _("Scanned letter opened"),
    }.get(action, _("Audit event"))


def close_kind_label(kind: str | None) -> str:
    return {
        "finished": _("work finished"),
        "expired": _("closed after the planned end"),
        "superseded": _("replaced by an extension"),
    }.get(kind or "", "")


# The office's default refusal reasons (lpsedesk.settings DEFAULTS["refusal_reasons"], and for a
# remote-access letter "remote_refusal_reasons") as the Kasubag's chip stores them, in Bahasa
# Indonesia; each msgid's Indonesian translation is that same text.
_DEFAULT_REFUSAL_REASONS = {
    "Ruang/fasilitas sedang dipakai": lambda: _("The room or facility is in use"),
    "Di luar jam layanan": lambda: _("Outside service hours"),
    "Data buku tamu belum lengkap": lambda: _("The guest book entry is incomplete"),
    "Keperluan tidak sesuai dengan fasilitas": lambda: _("The purpose does not match the facility"),
    # h22u: a remote-access letter's; the Formulir that records the decision keeps the Indonesian
    "Surat belum ditandatangani pejabat yang berwenang": lambda: _("The letter is not signed by an authorised official"),
    "Hak akses yang diminta melebihi keperluan": lambda: _("The access rights requested go beyond the purpose"),
    "Jangka waktu yang diminta terlalu lama": lambda: _("The period requested is too long"),
    "Keperluan tidak memerlukan akses remote": lambda: _("The purpose does not need remote access"),
}


def refusal_reason_label(reason: str | None) -> str | None:
    """A refusal reason as its reader reads it (ux14): a default reason tapped by the Kasubag in the
    reader's language (a visitor at an English kiosk read it in Indonesian); anything the Kasubag
    wrote, as written."""
    if not reason:
        return reason
    label = _DEFAULT_REFUSAL_REASONS.get(reason.strip())
    return label() if label else reason


def stored_refusal_reason(reason: str) -> str:
    """What a refusal stores: a default reason's chip, tapped on a screen in the reader's language (h21u),
    stored as the office's own Indonesian words, so the visitor reads it in theirs; anything else as typed."""
    text = reason.strip()
    for stored, label in _DEFAULT_REFUSAL_REASONS.items():
        if text == label():
            return stored
    return reason


# The office's default Hak Akses (lpsedesk.settings DEFAULTS["access_rights"]) as the register stores
# them, in Bahasa Indonesia; each msgid's Indonesian translation is that same text. A right the Admin
# added is shown as written.
_DEFAULT_ACCESS_RIGHTS = {
    "Hanya baca": lambda: _("Read only"),
    "Administrator aplikasi": lambda: _("Application administrator"),
    "Basis data (hanya baca)": lambda: _("Database (read only)"),
    "Server (SSH)": lambda: _("Server (SSH)"),
}


def access_right_label(right: str) -> str:
    """One Hak Akses as its reader reads it (h21u); an unknown one as it was typed."""
    label = _DEFAULT_ACCESS_RIGHTS.get(right.strip())
    return label() if label else right


def access_rights_label(line: str | None) -> str:
    """A register's Hak Akses line ("Hanya baca, Server (SSH), VPN kantor") with each known right in
    the reader's language and the rest as typed."""
    if not line:
        return line or ""
    return ", ".join(access_right_label(part.strip()) for part in line.split(",") if part.strip())
