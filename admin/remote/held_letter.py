"""The request letter kept across a form sent back with a problem (ux5).

The Admin chose the scanned letter, made a mistake in another field, and had to attach it again: a
browser never keeps a chosen file across the page sent back. The checked letter is now saved as a
held file (lpsedesk/held_files.py: deleted after 45 minutes if never used) and named in the Admin's
signed session cookie under a random token the form carries back; only that staff member, in that
login session, before it expires, can use it. The form then says "Request letter attached: <name>
(replace)" and the next submission uses it unless another file is chosen.
"""
from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import datetime

from flask import session

from lpsedesk import held_files
from lpsedesk.auth import current_actor
from lpsedesk.transaction import after_commit

SESSION_KEY = "held_letters"
MAX_HELD = 3  # a few forms open at once in tabs; the cookie stays small
FIELD = "letter_held"  # the form's hidden field carrying the token


@dataclass(frozen=True)
class HeldLetter:
    token: str
    key: str
    name: str
    content_type: str


def _entries() -> dict[str, list]:
    raw = session.get(SESSION_KEY)
    return dict(raw) if isinstance(raw, dict) else {}


def shown_name(filename: str | None) -> str:
    """The chosen file's own name without any folder, control characters or excess length."""
    name = re.split(r"[\\/]", filename or "")[-1]
    name = "".join(ch for ch in name if ch.isprintable()).strip()
    return (name[:77] + "...") if len(name) > 80 else (name or "surat")


def find(storage, token: str | None, now: datetime) -> HeldLetter | None:
    """The letter held under `token` for the current staff member, unless expired or gone."""
    entry = _entries().get(token or "")
    if not isinstance(entry, list) or len(entry) != 5:
        return None
    key, name, content_type, user_id, expires = entry
    if user_id != current_actor().user_id or now.timestamp() >= expires or not storage.exists(key):
        return None
    return HeldLetter(token, key, name, content_type)


def hold(storage, data: bytes, content_type: str, filename: str | None, now: datetime,
         replacing: HeldLetter | None = None) -> HeldLetter:
    """Keep a checked letter for the form's next submission; a letter it replaces is deleted."""
    entries = _entries()
    if replacing is not None:
        entries.pop(replacing.token, None)
        storage.delete(replacing.key)
    entries = {t: e for t, e in entries.items() if isinstance(e, list) and len(e) == 5 and e[4] > now.timestamp()}
    while len(entries) >= MAX_HELD:  # the oldest form's letter goes first
        oldest = min(entries, key=lambda t: entries[t][4])
        storage.delete(entries.pop(oldest)[0])
    key = storage.save(data, kind=held_files.KIND)
    token = secrets.token_urlsafe(12)
    entries[token] = [key, shown_name(filename), content_type, current_actor().user_id,
                      held_files.expires_at(now).timestamp()]
    session[SESSION_KEY] = entries
    return HeldLetter(token, key, entries[token][1], content_type)


def release_after_commit(storage, held: HeldLetter) -> None:
    """The letter is now the request's own copy: forget it and delete the held file once recorded."""
    entries = _entries()
    entries.pop(held.token, None)
    session[SESSION_KEY] = entries
    after_commit(lambda: storage.delete(held.key))
