"""The steady run's KTP crops as the scan_sessions row keeps them: sealed (AES-256-GCM).

A scan shared through the database (PostgreSQL, several app processes) wrote the crops of a visitor's
card into its row in the clear for the scan's length, and for up to 30 minutes more when no kiosk closed
it; the database's write-ahead log and dead row versions keep such bytes longer still. Every other KTP
image is kept encrypted (lpsedesk/storage.py), so these are too. Fernet, the files' scheme, took 9 ms to
open 360 KB (three crops), read back on every frame; AES-GCM takes 0.3 ms. The key is derived from
STORAGE_KEY, so every app process of one office opens what another sealed, and a backup's key restores
both. The row's own kiosk and session are bound in: a sealed blob copied into another row does not open.
"""
from __future__ import annotations

import logging
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

log = logging.getLogger(__name__)

_NONCE = 12
_PURPOSE = b"lpsedesk scan-session crops v1"


def crops_key(storage_key: str | bytes) -> bytes:
    """The crops' AES-256 key, derived from the office's STORAGE_KEY (never the same bytes as it)."""
    secret = storage_key.encode() if isinstance(storage_key, str) else storage_key
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_PURPOSE).derive(secret)


class CropSeal:
    def __init__(self, key: bytes) -> None:
        self._aead = AESGCM(key)

    @staticmethod
    def _bound_to(device_id: int, session_id: str) -> bytes:
        return f"{device_id}\x00{session_id}".encode()

    def seal(self, plain: bytes | None, device_id: int, session_id: str) -> bytes | None:
        if not plain:
            return None
        nonce = os.urandom(_NONCE)
        return nonce + self._aead.encrypt(nonce, plain, self._bound_to(device_id, session_id))

    def open(self, sealed: bytes | None, device_id: int, session_id: str) -> bytes | None:
        """The crops, or None where nothing opens: a row written before crops were sealed, another row's
        blob, another key. The visitor's steady run then starts again, as after a lost frame."""
        if not sealed:
            return None
        try:
            return self._aead.decrypt(sealed[:_NONCE], sealed[_NONCE:], self._bound_to(device_id, session_id))
        except (InvalidTag, ValueError):
            log.warning("scan session %s of kiosk %s: its crops do not open; the steady run starts again",
                        session_id, device_id)
            return None
