"""A visitor who proved who they are at a kiosk keeps seeing their whole answer there (ux15).

Finding a visit again (KTP to the camera, or NIK and the phone's last 4 digits) on a kiosk other than
the one it was sent from shows the refusal's reason: the visitor has just proved who they are. But
the screen then follows the answer by ticket code, which proves nothing, so a refusal arriving while
they waited came without its reason. The find answer carries a proof: signed, naming the visit and
this kiosk, for an hour; the ticket screen sends it back with each refresh, and drops it when it is
left. Another kiosk, another visit, or an old proof reads as none.
"""
from __future__ import annotations

from flask import current_app, request
from itsdangerous import BadSignature, URLSafeTimedSerializer

_SALT = "kiosk-visit-proof"
HEADER = "X-Visit-Proof"
# Longer than the waiting ticket screen stays untouched (15 min) plus the answer's reading time.
PROOF_SECONDS = 60 * 60


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=_SALT)


def issue(visit_id: int, kiosk_id: int) -> str:
    return _serializer().dumps([visit_id, kiosk_id])


def proved(visit_id: int, kiosk_id: int) -> bool:
    """Whether this request carries a live proof for this visit from this kiosk."""
    token = request.headers.get(HEADER, "")
    if not token:
        return False
    try:
        return _serializer().loads(token, max_age=PROOF_SECONDS) == [visit_id, kiosk_id]
    except BadSignature:  # SignatureExpired is one
        return False
