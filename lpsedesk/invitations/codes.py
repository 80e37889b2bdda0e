"""The invitation code: "INV" + an 8-symbol selector + a 20-symbol verifier.

Symbols come from the ticket alphabet (no 0/O, 1/I/L) through `secrets`, not token_urlsafe: a USB
barcode scanner "types" the QR into the page, and "-" or "_" land differently on some keyboard
layouts, while letters and digits always arrive. 20 symbols of 31 are about 99 bits: unguessable.
The selector finds the row; the verifier is compared in constant time (hmac.compare_digest).
"""
from __future__ import annotations

import hmac
import re
import secrets

from ..models.visits import TICKET_ALPHABET

PREFIX = "INV"
SELECTOR_LEN = 8
VERIFIER_LEN = 20
CODE_LEN = len(PREFIX) + SELECTOR_LEN + VERIFIER_LEN


def _symbols(n: int) -> str:
    return "".join(secrets.choice(TICKET_ALPHABET) for _ in range(n))


def new_parts() -> tuple[str, str]:
    """(selector, verifier) for a new invitation."""
    return _symbols(SELECTOR_LEN), _symbols(VERIFIER_LEN)


def code_of(selector: str, verifier: str) -> str:
    """The code as the QR holds it and the link carries it: letters and digits only."""
    return f"{PREFIX}{selector}{verifier}"


def pretty(code: str) -> str:
    """The code in groups of four, for reading aloud or typing (separators are ignored when read)."""
    return "-".join(code[i:i + 4] for i in range(0, len(code), 4))


def parse(raw: str) -> tuple[str, str] | None:
    """(selector, verifier) from a scanned, typed or linked code, or None if it is not one.

    Case and separators do not matter; a link's last path segment is enough.
    """
    text = (raw or "").strip().rsplit("/", 1)[-1]
    code = re.sub(r"[^A-Za-z0-9]", "", text).upper()
    if len(code) != CODE_LEN or not code.startswith(PREFIX):
        return None
    body = code[len(PREFIX):]
    return body[:SELECTOR_LEN], body[SELECTOR_LEN:]


def looks_like(raw: str) -> bool:
    return parse(raw) is not None


def verifier_matches(stored: str, given: str) -> bool:
    return hmac.compare_digest(stored.encode(), given.encode())
