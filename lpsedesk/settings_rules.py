"""What the Admin may store in each office setting: cleaning, validation and the audited change.

Plain Python: raw form text in, clean values or `SettingError(key, code, **params)` out; the web
layer translates the codes. Facility and purpose keys are stable slugs: old visits keep pointing
at them, so a key in use is hidden from new visits instead of being removed.
"""
from __future__ import annotations

import re
from typing import Mapping

from sqlalchemy import select
from sqlalchemy.orm import Session

from . import audit, office_hours, settings, form_edits
from .ids import ascii_digits
from .typed_time import TypedTimeError, parse_day, show_day
from .models import Visit
from .roles import Actor
from .users import NIP

SLUG = re.compile(r"^[a-z][a-z0-9_]{1,31}$")  # fits Visit.purpose (32 chars) and Visit.facility
CLOCK = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$", re.ASCII)
TEXTS: dict[str, tuple[int, int]] = {  # key -> (min, max) length after trimming
    "lpse_name": (1, 120), "lpse_place": (1, 80), "signatory_title": (1, 160),
    "signatory_name": (0, 120), "signatory_rank": (0, 80),
}
NUMBERS: dict[str, tuple[int, int]] = {"kiosk_idle_seconds": (15, 600), "retention_days": (30, 3650)}
CHOICE_LISTS = ("facilities", "purposes")
LABEL_MAX = 80
MAX_ITEMS = 40
ACCESS_RIGHT_MAX = 80


class SettingError(ValueError):
    def __init__(self, key: str, code: str, /, **params: object) -> None:
        super().__init__(f"{key}: {code}")
        self.key, self.code, self.params = key, code, params


def clean_text(key: str, raw: str | None) -> str:
    value = " ".join((raw or "").split())
    low, high = TEXTS[key]
    if len(value) < low:
        raise SettingError(key, "required")
    if len(value) > high:
        raise SettingError(key, "too_long", max=high)
    return value


def clean_number(key: str, raw: str | None) -> int:
    low, high = NUMBERS[key]
    text = (raw or "").strip()
    if not ascii_digits(text) or not low <= int(text) <= high:
        raise SettingError(key, "out_of_range", min=low, max=high)
    return int(text)


def clean_clock(key: str, raw: str | None) -> str:
    text = (raw or "").strip()
    if len(text) == 4 and text[1] == ":":
        text = "0" + text  # 7:30 -> 07:30
    if not CLOCK.match(text):
        raise SettingError(key, "bad_time")
    return text


def clean_nip(raw: str | None) -> str:
    text = "".join((raw or "").split())
    if text and not NIP.match(text):
        raise SettingError("signatory_nip", "bad_nip")
    return text


OFFICE_KEYS = ("lpse_name", "lpse_place", "office_open", "office_close", "signatory_title", "signatory_name",
               "signatory_rank", "signatory_nip", "kiosk_idle_seconds", "retention_days",
               "ktp_check_before_kasubag")


def clean_office(form: Mapping[str, str]) -> tuple[dict[str, object], list[SettingError]]:
    """Every scalar office setting from a submitted form; all problems at once, not the first only."""
    values: dict[str, object] = {}
    errors: list[SettingError] = []
    for key in OFFICE_KEYS:
        raw = form.get(key)
        try:
            if key in TEXTS:
                values[key] = clean_text(key, raw)
            elif key in NUMBERS:
                values[key] = clean_number(key, raw)
            elif key in ("office_open", "office_close"):
                values[key] = clean_clock(key, raw)
            elif key == "signatory_nip":
                values[key] = clean_nip(raw)
            else:
                values[key] = raw in ("1", "on", "true", "y")
        except SettingError as exc:
            errors.append(exc)
    if not errors and values["office_close"] <= values["office_open"]:  # type: ignore[operator]
        errors.append(SettingError("office_close", "close_before_open"))
    return values, errors


def slug_for(label: str, taken: set[str]) -> str:
    """A stable key made from a label: "Ruang rapat 2" -> "ruang_rapat_2", unique among `taken`."""
    base = re.sub(r"[^a-z0-9]+", "_", label.lower()).strip("_")[:28] or "item"
    if not base[0].isalpha():
        base = f"x_{base}"[:28]
    key, n = base, 2
    while key in taken or not SLUG.match(key):
        key, n = f"{base}_{n}", n + 1
        if n > 999:
            raise SettingError("items", "bad_key")
    return key


def keys_in_use(session: Session, list_key: str) -> set[str]:
    column = Visit.facility if list_key == "facilities" else Visit.purpose
    return set(session.scalars(select(column).distinct()))


def clean_choices(list_key: str, rows: list[dict], old: list[dict], in_use: set[str]) -> tuple[list[dict], list[str]]:
    """The facility/purpose list from edited rows.

    rows: {"key" (empty for a new item), "id", "en", "active": bool, "remove": bool; for facilities
    also "restricted": bool}. Returns the new
    list and the keys that were asked to be removed but are in use, so were only hidden.
    """
    old_keys = {str(item.get("key")) for item in old}
    items: list[dict] = []
    hidden: list[str] = []
    seen: set[str] = set()
    for row in rows:
        label_id = " ".join(str(row.get("id") or "").split())
        label_en = " ".join(str(row.get("en") or "").split())
        key = str(row.get("key") or "").strip()
        if not key and not label_id and not label_en:
            continue  # the blank "add" row
        if row.get("remove") and key in old_keys:
            if key in in_use:
                hidden.append(key)
                row = {**row, "active": False}
            else:
                continue
        if not label_id or not label_en:
            raise SettingError(list_key, "label_required", key=key or label_id or label_en)
        if len(label_id) > LABEL_MAX or len(label_en) > LABEL_MAX:
            raise SettingError(list_key, "label_too_long", max=LABEL_MAX)
        if key and key not in old_keys and not SLUG.match(key):
            raise SettingError(list_key, "bad_key", key=key)
        if not key:
            key = slug_for(label_en or label_id, seen | old_keys)
        if key in seen:
            raise SettingError(list_key, "duplicate_key", key=key)
        seen.add(key)
        item = {"key": key, "id": label_id, "en": label_en, "active": bool(row.get("active", True))}
        if list_key == "facilities" and row.get("restricted"):
            item["restricted"] = True  # issue 15: devices asked at the kiosk, an escort to approve
        items.append(item)
    # A key that vanished from the form (not asked to be removed) is kept: nothing is lost silently.
    for item in old:
        if item.get("key") not in seen and item.get("key") in in_use:
            items.append({**item, "active": False})
            seen.add(str(item.get("key")))
    if len(items) > MAX_ITEMS:
        raise SettingError(list_key, "too_many", max=MAX_ITEMS)
    if not any(item["active"] for item in items):
        raise SettingError(list_key, "none_active")
    return items, hidden


def clean_access_rights(text: str | None) -> list[str]:
    """One right per line; blank lines dropped, duplicates refused."""
    rights: list[str] = []
    for line in (text or "").splitlines():
        right = " ".join(line.split())
        if not right:
            continue
        if len(right) > ACCESS_RIGHT_MAX:
            raise SettingError("access_rights", "label_too_long", max=ACCESS_RIGHT_MAX)
        if right.lower() in {r.lower() for r in rights}:
            raise SettingError("access_rights", "duplicate_right", right=right)
        rights.append(right)
    if not rights:
        raise SettingError("access_rights", "none_active")
    if len(rights) > MAX_ITEMS:
        raise SettingError("access_rights", "too_many", max=MAX_ITEMS)
    return rights


HOLIDAY_NAME_MAX = 80
MAX_HOLIDAYS = 100  # two years of libur nasional and cuti bersama, and then some


def ticked_office_days(raw) -> list[int]:
    """The weekday numbers (Monday 0) among what the form sent, sorted; anything else is dropped
    (ASCII digits only: "²" is a digit to str.isdigit but not to int)."""
    return sorted({int(d) for d in map(str, raw) if d.isascii() and d.isdigit() and int(d) < 7})


def clean_office_days(raw: list[str]) -> list[int]:
    """The ticked office days (weekday numbers, Monday 0), sorted; at least one."""
    days = ticked_office_days(raw)
    if not days:
        raise SettingError("office_days", "no_office_day")
    return days


def clean_holidays(text: str | None) -> list[dict]:
    """One holiday per line, the date typed day first and an optional name after it:
    "25/12/2026 Hari Raya Natal". Sorted by date; a date twice is refused."""
    found: dict[str, dict] = {}
    for line in (text or "").splitlines():
        first, _, name = " ".join(line.split()).partition(" ")
        if not first:
            continue
        try:
            day = parse_day(first)
        except TypedTimeError:
            raise SettingError("holidays", "bad_holiday", line=line.strip()[:40]) from None
        if len(name) > HOLIDAY_NAME_MAX:
            raise SettingError("holidays", "label_too_long", max=HOLIDAY_NAME_MAX)
        if day.isoformat() in found:
            raise SettingError("holidays", "duplicate_holiday", day=show_day(day))
        found[day.isoformat()] = {"date": day.isoformat(), "name": name}
    if len(found) > MAX_HOLIDAYS:
        raise SettingError("holidays", "too_many", max=MAX_HOLIDAYS)
    return [found[key] for key in sorted(found)]


def holidays_text(value: object) -> str:
    """The stored holidays as the Admin types them, one per line."""
    return "\n".join(f"{show_day(h.day)} {h.name}".rstrip() for h in office_hours.holidays(value))


REASON_MAX = 120


REASON_LISTS = ("refusal_reasons", "remote_refusal_reasons")  # a visit's; a remote-access letter's


def clean_refusal_reasons(text: str | None, key: str = "refusal_reasons") -> list[str]:
    """One refusal reason per line, offered to the Kasubag as chips; none at all is allowed (free text).
    `key` is the list's setting (REASON_LISTS), named by an error so it is said beside its own box."""
    reasons: list[str] = []
    for line in (text or "").splitlines():
        reason = " ".join(line.split())
        if not reason:
            continue
        if len(reason) > REASON_MAX:
            raise SettingError(key, "label_too_long", max=REASON_MAX)
        if reason.lower() in {r.lower() for r in reasons}:
            raise SettingError(key, "duplicate_right", right=reason)
        reasons.append(reason)
    if len(reasons) > MAX_ITEMS:
        raise SettingError(key, "too_many", max=MAX_ITEMS)
    return reasons


def apply(session: Session, actor: Actor | None, values: Mapping[str, object],
          shown: Mapping[str, str] | None = None) -> list[str]:
    """Store the values that differ from the current ones, one "settings.changed" event each; with
    `shown` (the marks of what the form showed), only those its Admin changed, or raise
    form_edits.ChangedMeanwhile when another save changed one of them since (nothing stored).

    Returns the changed keys; the caller commits.
    """
    current = settings.get_all(session)
    changed = []
    for key, new in form_edits.edits(current, values, shown).items():
        old = current[key]
        settings.put(session, key, new)
        audit.record(session, actor, "settings.changed", details={"key": key, "old": old, "new": new})
        changed.append(key)
    return changed
