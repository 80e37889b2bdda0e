"""Kiosk devices: one-time enrolment codes, the signed device credential, revocation.

Plain Python (no Flask): the kiosk blueprint sets and reads the cookie, the Admin screen and the
`kiosk-enroll` command create codes. The credential is an itsdangerous signature over
(device id, credential_version) with the app's SECRET_KEY; bumping the version on revoke or
re-enrolment makes every older credential worthless without keeping a list of them.
"""
from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from collections.abc import Mapping
from datetime import datetime, timedelta, timezone

from itsdangerous import BadSignature, URLSafeSerializer
from sqlalchemy import select
from sqlalchemy.orm import Session

from . import audit, form_edits
from .models import KioskDevice
from .roles import Actor

# Same alphabet as tickets: no 0/O, 1/I/L, so a code read off a screen is typed right.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 10  # 31^10 ~ 2^49, and a code lives one day and is tried under a rate limit
ENROL_VALID = timedelta(hours=24)
COOKIE_NAME = "lpsedesk_kiosk"
COOKIE_MAX_AGE = 10 * 365 * 24 * 3600  # the device keeps it until revoked
_SALT = "lpsedesk.kiosk-device"
SLIP_FORMATS = ("receipt80", "a6", "none")


class DeviceError(Exception):
    """Refused enrolment or credential; `.code` is a machine code the web layer translates."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def normalise_code(raw: str) -> str:
    """Codes are shown grouped (ABCDE-FGHJK); people type them with or without the dash."""
    return "".join(ch for ch in (raw or "").upper() if ch.isalnum())


def hash_code(code: str) -> str:
    # The code is random and short-lived, so a fast hash is enough (no dictionary to attack).
    return hashlib.sha256(normalise_code(code).encode()).hexdigest()


def format_code(code: str) -> str:
    return f"{code[:5]}-{code[5:]}"


def _now(now: datetime | None) -> datetime:
    return now or datetime.now(timezone.utc)


def create_device(session: Session, actor: Actor | None, name: str, *,
                  now: datetime | None = None) -> tuple[KioskDevice, str]:
    """Register a kiosk and return it with its one-time enrolment code (shown once, never stored)."""
    name = " ".join((name or "").split())[:80]
    if not name:
        raise DeviceError("name_required")
    device = KioskDevice(name=name, credential_version=1)
    session.add(device)
    session.flush()
    return device, new_enrol_code(session, actor, device, now=now)


def new_enrol_code(session: Session, actor: Actor | None, device: KioskDevice, *,
                   now: datetime | None = None) -> str:
    """A fresh one-time code for `device` (first enrolment, or a browser that lost its cookie)."""
    if device.revoked_at is not None:
        raise DeviceError("revoked")
    code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    device.enrol_code_hash = hash_code(code)
    device.enrol_expires_at = _now(now) + ENROL_VALID
    audit.record(session, actor, "kiosk.enrol_code_created", device,
                 details={"expires_at": device.enrol_expires_at.isoformat()})
    return code


def enrol(session: Session, code: str, *, now: datetime | None = None) -> KioskDevice:
    """Redeem a code: the device is enrolled and every earlier credential of it stops working."""
    now = _now(now)
    if len(normalise_code(code)) != CODE_LENGTH:
        raise DeviceError("bad_code")
    device = session.scalars(select(KioskDevice).where(KioskDevice.enrol_code_hash == hash_code(code))).first()
    if device is None or device.revoked_at is not None:
        raise DeviceError("bad_code")
    if device.enrol_expires_at is None or device.enrol_expires_at < now:
        raise DeviceError("expired_code")
    device.enrol_code_hash = None
    device.enrol_expires_at = None
    device.enrolled_at = now
    device.last_seen_at = now
    device.credential_version = (device.credential_version or 0) + 1
    audit.record(session, None, "kiosk.enrolled", device, details={"name": device.name}, at=now)
    return device


def slip_marks(device: KioskDevice) -> str:
    """The mark of the slip printer a kiosk's row shows now, sent back with its form (form_edits)."""
    return form_edits.marks({"slip_format": device.slip_format}, ["slip_format"])


def set_slip_format(session: Session, actor: Actor | None, device: KioskDevice, choice: str,
                    shown: Mapping[str, str] | None = None) -> bool:
    """The kiosk prints its visitor's slip this way from now on; False when that changes nothing. With
    `shown`, form_edits.ChangedMeanwhile when another Admin changed it since the row was shown (h34w)."""
    if choice not in SLIP_FORMATS:
        raise DeviceError("bad_slip_format")
    if not form_edits.edits({"slip_format": device.slip_format}, {"slip_format": choice}, shown):
        return False
    device.slip_format = choice
    audit.record(session, actor, "kiosk.slip_format", device, details={"slip_format": choice})
    return True


def revoke(session: Session, actor: Actor | None, device: KioskDevice, *, now: datetime | None = None) -> None:
    if device.revoked_at is not None:
        return
    device.revoked_at = _now(now)
    device.enrol_code_hash = None
    device.enrol_expires_at = None
    device.credential_version = (device.credential_version or 0) + 1
    audit.record(session, actor, "kiosk.revoked", device, details={"name": device.name})


def _serializer(secret_key: str) -> URLSafeSerializer:
    return URLSafeSerializer(secret_key, salt=_SALT)


def credential_for(device: KioskDevice, secret_key: str) -> str:
    return _serializer(secret_key).dumps({"d": device.id, "v": device.credential_version})


@dataclass(frozen=True)
class CredentialCheck:
    device: KioskDevice | None
    problem: str | None  # None when valid: "missing" | "invalid" | "revoked"


def check_credential(session: Session, token: str | None, secret_key: str) -> CredentialCheck:
    """The device a credential names, if it is enrolled, not revoked and of the current version."""
    if not token:
        return CredentialCheck(None, "missing")
    try:
        data = _serializer(secret_key).loads(token)
        device_id, version = int(data["d"]), int(data["v"])
    except (BadSignature, KeyError, TypeError, ValueError):
        return CredentialCheck(None, "invalid")
    device = session.get(KioskDevice, device_id)
    if device is None or device.enrolled_at is None:
        return CredentialCheck(None, "invalid")
    if device.revoked_at is not None:
        return CredentialCheck(None, "revoked")
    if device.credential_version != version:
        return CredentialCheck(None, "invalid")
    return CredentialCheck(device, None)


def still_enrolled(session: Session, device_id: int) -> bool:
    """What a kiosk's open live stream asks now and then: a revoked kiosk's screen stops hearing."""
    device = session.get(KioskDevice, device_id)
    return device is not None and device.revoked_at is None


def touch(device: KioskDevice, now: datetime | None = None, every: timedelta = timedelta(minutes=1)) -> bool:
    """Note that the device was seen; returns True when the row changed (at most once a minute)."""
    now = _now(now)
    if device.last_seen_at is None or now - device.last_seen_at >= every:
        device.last_seen_at = now
        return True
    return False


# What the ID engine was measured to read well (docs/idscan.md, Runs 34g and 34v): a 720p webcam. At
# 640x480 a card at arm's length has value rows 5-7 px tall and names are misread or left empty. By
# the long and short side, so a tablet's camera turned upright (720x1280) counts as 720p too.
CAMERA_ENOUGH = (1280, 720)
# Outside these a size is not a camera's: a page that sent it is broken or not ours.
CAMERA_SIDE = (16, 10000)


@dataclass(frozen=True)
class CameraReport:
    width: int
    height: int
    enough: bool  # False: the Admin is told to use a 720p webcam


def note_camera(device: KioskDevice, width: object, height: object) -> bool:
    """Keep the size of the picture the kiosk's camera gives; True when it changed. Raises
    DeviceError("camera_size_invalid") for anything that is not a pair of whole pixel counts."""
    sides = []
    for side in (width, height):
        # bool is an int to Python; JSON's true is not a size
        if isinstance(side, bool) or not isinstance(side, int) or not CAMERA_SIDE[0] <= side <= CAMERA_SIDE[1]:
            raise DeviceError("camera_size_invalid")
        sides.append(side)
    if (device.camera_width, device.camera_height) == tuple(sides):
        return False
    device.camera_width, device.camera_height = sides
    return True


def camera_report(device: KioskDevice) -> CameraReport | None:
    """What the kiosks page says of this kiosk's camera; None before the camera was ever opened."""
    if device.camera_width is None or device.camera_height is None:
        return None
    long_side, short_side = max(device.camera_width, device.camera_height), min(device.camera_width,
                                                                                 device.camera_height)
    return CameraReport(device.camera_width, device.camera_height,
                        long_side >= CAMERA_ENOUGH[0] and short_side >= CAMERA_ENOUGH[1])


def list_devices(session: Session) -> list[KioskDevice]:
    return list(session.scalars(select(KioskDevice).order_by(KioskDevice.revoked_at.is_not(None),
                                                             KioskDevice.name, KioskDevice.id)))
