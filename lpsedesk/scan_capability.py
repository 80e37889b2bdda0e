"""Who may send a camera frame into a scan session: the one rule (issue 16, the narrow frame path).

A kiosk opens a scan session with an ordinary request (its device credential, the staff-style
session cookie and its CSRF token, all checked as for any kiosk call). The server answers with a
random capability for that session and keeps only its SHA-256 on the session. The camera loop then
sends each frame with the capability in a header and nothing else to decode: no session cookie, no
CSRF token. A page of another site cannot send a valid frame: it cannot know the capability (it is
never in a cookie and never in a page), and a custom header cannot cross origins without a
preflight this server never allows.

A frame is accepted only when all of these hold:
- the device credential names an enrolled kiosk that is not revoked: the guard every kiosk view
  wears (kiosk/device_auth.py `kiosk_only`, `devices.check_credential` through its cache; a revoke
  in this process voids the cache at once), not repeated here;
- and, decided here and nowhere else (`frame_refusal`): the scan session is open: it exists for this very kiosk (sessions are keyed by kiosk, so kiosk
  A's capability finds no session of kiosk B's) and has not expired or been closed;
- the capability presented hashes to the one stored on that session (reopening the session stores
  a new one: the old capability is refused from then on).
"""
from __future__ import annotations

import hashlib
import hmac
import secrets

HEADER = "X-Scan-Capability"
TOKEN_BYTES = 32  # 256 random bits, url-safe base64: 43 characters
MAX_TOKEN_LEN = 128  # anything longer is not one of ours: refused before hashing


def new_capability() -> tuple[str, str]:
    """A fresh capability for the kiosk and the hash to keep on its scan session."""
    token = secrets.token_urlsafe(TOKEN_BYTES)
    return token, digest(token)


def digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def frame_refusal(session_open: bool, stored_hash: str | None, presented: str | None) -> str | None:
    """None when a frame of an allowed kiosk may go into the session it names, else why not:
    "capability_invalid" (no capability, or not the one this session holds) or "scan_session_over"
    (no open session of this kiosk by that id: expired, closed, or never opened)."""
    if not presented or len(presented) > MAX_TOKEN_LEN:
        return "capability_invalid"
    if not session_open:
        return "scan_session_over"
    if not stored_hash or not hmac.compare_digest(stored_hash, digest(presented)):
        return "capability_invalid"
    return None
