"""Two staff with one edit form open at once: a save changes only what its own user changed, and
never replaces, unasked, what another user saved after the form was opened (probes h32x, h34w).

An edit form sends every field. Saved as sent, a form opened before another user's save put its old
values back over theirs without a word: a retention period set to 400 days returned to 365, a
facility just added vanished (settings, h32x); a watch-list entry's new expiry, a user's new NIP or
role, a reworded survey question went the same way (h34w). The form therefore carries a mark of each
value it showed; a field still showing its mark was left alone and is not written, and a field changed
on the form whose stored value also changed meanwhile (to something else) stops the whole save.
Settings, watch-list entries, user profiles and roles, and the SKM questions use it. Plain Python, no Flask.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping


# Every setting's mark in one field is about 1 KB; anything far longer was not written by a page of ours.
MAX_MARKS_TEXT = 8000


class ChangedMeanwhile(Exception):
    """Fields this save changes that someone else changed after its form was shown; nothing saved."""

    def __init__(self, keys: list[str]) -> None:
        super().__init__(", ".join(keys))
        self.keys = keys


def mark(value: object) -> str:
    """A short fingerprint of a stored (or cleaned) field's value."""
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, default=str, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def marks(values: Mapping[str, object], keys: Iterable[str]) -> str:
    """What a form shows, as the text of one hidden field it sends back."""
    return json.dumps({key: mark(values[key]) for key in keys}, sort_keys=True, separators=(",", ":"))


def read_marks(text: str | None) -> dict[str, str] | None:
    """The marks a form sent back; None for none or garbled ones (the save is then taken as typed)."""
    if not text or len(text) > MAX_MARKS_TEXT:
        return None
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):  # "[[[[..." thousands deep is a RecursionError, not a ValueError
        return None
    if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
        return None
    return data


def edits(current: Mapping[str, object], values: Mapping[str, object],
          shown: Mapping[str, str] | None) -> dict[str, object]:
    """The fields this save writes: those that differ from what is stored, less those its form
    showed and its user left as they were. Raises ChangedMeanwhile, naming them, when any field the
    user changed was also changed by someone else since the form was shown."""
    shown = shown or {}
    clashes = []
    out = {}
    for key, new in values.items():
        old = current[key]
        if old == new:
            continue
        was = shown.get(key)
        if was is not None and mark(new) == was:
            continue  # left as shown: whatever is stored now stays
        if was is not None and mark(old) != was:
            clashes.append(key)
        out[key] = new
    if clashes:
        raise ChangedMeanwhile(clashes)
    return out


def changed_meanwhile(current: Mapping[str, object], shown: Mapping[str, str] | None) -> list[str]:
    """The fields whose stored value is no longer the one the form showed (someone saved meanwhile)."""
    return [key for key, was in (shown or {}).items() if key in current and mark(current[key]) != was]


def page_after_clash(current: Mapping[str, object], typed: Mapping[str, object], values: Mapping[str, object],
                     shown: Mapping[str, str] | None) -> dict[str, object]:
    """What a form shows again after ChangedMeanwhile: what its user typed in the fields they changed
    (`values` is the cleaned form, `typed` the same fields as sent), the stored value in the others. With
    fresh marks, saving that page again replaces the clashing fields only, never the other user's rest."""
    shown = shown or {}
    return {key: typed[key] if shown.get(key) is None or mark(values[key]) != shown[key] else current[key]
            for key in values}
