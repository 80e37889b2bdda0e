"""Office settings with their defaults: what the Admin can change without touching a file."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from .models import Setting

# Keys are stable identifiers; labels shown to people go through gettext in the templates.
DEFAULTS: dict[str, object] = {
    "lpse_name": "Kota Salatiga",
    "lpse_place": "Salatiga",
    "signatory_title": "Kepala Sub Bagian Pengelolaan LPSE",
    "signatory_name": "",
    "signatory_rank": "",
    "signatory_nip": "",
    "facilities": [
        {"key": "training_room", "id": "Ruang pelatihan", "en": "Training room"},
        {"key": "internet_corner", "id": "Pojok komputer/internet", "en": "Computer/internet corner"},
        {"key": "verification_desk", "id": "Meja verifikasi", "en": "Verification desk"},
        {"key": "helpdesk", "id": "Konsultasi helpdesk", "en": "Helpdesk consultation"},
    ],
    "purposes": [
        {"key": "verification", "id": "Verifikasi akun penyedia", "en": "Vendor account verification"},
        {"key": "training", "id": "Pelatihan", "en": "Training"},
        {"key": "consultation", "id": "Konsultasi", "en": "Consultation"},
        {"key": "audit", "id": "Pemeriksaan/audit", "en": "Inspection/audit"},
        {"key": "other", "id": "Lainnya", "en": "Other"},
    ],
    # Office data, shown as written on Indonesian screens and the Indonesian form: Indonesian words
    # (the English "Read only" stood out on every Indonesian page, str9); the Admin edits the list.
    "access_rights": ["Hanya baca", "Administrator aplikasi", "Basis data (hanya baca)", "Server (SSH)"],
    "office_open": "07:30",
    "office_close": "16:00",
    # Weekday numbers (Monday 0): Indonesian local government offices work Monday to Friday.
    "office_days": [0, 1, 2, 3, 4],
    # Days off on office days (libur nasional, cuti bersama): [{"date": "2026-12-25", "name": "..."}].
    "holidays": [],
    "retention_days": 365,
    "kiosk_idle_seconds": 60,
    # Offered as one-tap chips when the Kasubag refuses a request (free text stays possible).
    "refusal_reasons": [
        "Ruang/fasilitas sedang dipakai",
        "Di luar jam layanan",
        "Data buku tamu belum lengkap",
        "Keperluan tidak sesuai dengan fasilitas",
    ],
    # h22u: the same for a third party's remote-access letter (SOP 2): what makes a letter refusable
    # differs from a visit's. Indonesian, as the Formulir that records the decision is.
    "remote_refusal_reasons": [
        "Surat belum ditandatangani pejabat yang berwenang",
        "Hak akses yang diminta melebihi keperluan",
        "Jangka waktu yang diminta terlalu lama",
        "Keperluan tidak memerlukan akses remote",
    ],
    # False: requests reach the Kasubag at once; True: only after the helpdesk has checked the KTP.
    "ktp_check_before_kasubag": False,
}


def get(session: Session, key: str) -> object:
    if key not in DEFAULTS:
        raise KeyError(key)
    row = session.get(Setting, key)
    return DEFAULTS[key] if row is None else row.value


def get_all(session: Session) -> dict[str, object]:
    values = dict(DEFAULTS)
    values.update({row.key: row.value for row in session.scalars(select(Setting))})
    return values


def put(session: Session, key: str, value: object) -> None:
    if key not in DEFAULTS:
        raise KeyError(key)
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value


def choice_label(items: list[dict], key: str, locale: str) -> str:
    """The label of `key` in a facility/purpose list, in `locale`, falling back to the key."""
    for item in items:
        if item.get("key") == key:
            return str(item.get(locale) or item.get("id") or key)
    return key


def readable_key(key: str) -> str:
    """A facility's or purpose's key made readable for a screen, when the settings no longer list it:
    "server_room" -> "Server room"."""
    words = " ".join(str(key or "").replace("_", " ").replace("-", " ").split())
    return words[:1].upper() + words[1:] if words else "-"


def active_choices(items: list[dict]) -> list[dict]:
    """The facility/purpose items offered for new visits: the Admin hides ones in use instead of removing them."""
    return [item for item in items if item.get("active", True)]
