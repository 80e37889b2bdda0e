"""Who sees a NIK in full: masked everywhere by default (3373********0001)."""
from __future__ import annotations

MASK_CHAR = "*"


def mask_nik(nik: str | None) -> str:
    """Keep the region prefix (4 digits) and the serial (4 digits); hide the birth date in between.

    Idempotent: a NIK already masked by the retention job comes back unchanged.
    """
    if not nik:
        return ""
    nik = "".join(str(nik).split())
    if len(nik) != 16:
        return MASK_CHAR * len(nik)
    return nik[:4] + MASK_CHAR * 8 + nik[12:]


def is_masked(nik: str | None) -> bool:
    return bool(nik) and MASK_CHAR in str(nik)
