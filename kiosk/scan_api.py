"""Kiosk API: camera frames in, the ID engine's answer out, and the KTP captured when it is steady.

A capture is stored at once (encrypted, named by the server) and handed to the browser as a signed,
short-lived capture token naming the stored file, this kiosk and the codes seen; the visit POST
brings it back. The token cannot be forged or moved to another kiosk, and does not depend on the
in-memory scan session surviving a restart.
"""
from __future__ import annotations

import base64
import math
import re

import cv2
from flask import current_app, jsonify, request
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

import numpy as np

from idscan import look_again, other_card, read_cards, scan_frame, scan_picture
from idscan.reader import CardReading
from lpsedesk import audit, kiosk_recovery
from lpsedesk.extensions import db
from lpsedesk.transaction import after_commit
from lpsedesk.nik import parse_nik, regions

from . import bp, scan_session_sweep
from .device_auth import current_kiosk, current_kiosk_actor, current_kiosk_id, kiosk_only
from .frame_limits import BUSY_WAIT_SECONDS, UPLOAD_WAIT_SECONDS, FrameSlots, decode_bounded_frame
from .frame_memory import keep_freed_frame_memory
from .images import UploadError, encode_jpeg
from .messages import api_message, guidance_message, upload_message
from .scan_sessions import ScanSession, ScanSessions
from .sealed_crops import crops_key
from .shared_scan_sessions import DatabaseScanSessions

SESSION_ID = re.compile(r"^[A-Za-z0-9_-]{8,64}$")
CAPTURE_MAX_AGE = 30 * 60
MAX_CODES = 8
MAX_CODE_LEN = 512
# Retakes a visitor may still submit: older captures of the session are deleted at once (the kiosk
# submits the latest), so sixty retakes never keep sixty KTP images on disk.
MAX_PENDING_CAPTURES = 3
_SALT = "lpsedesk.kiosk-capture"
# `t`: when the camera loop grabbed the frame, the page's performance.now() in ms (camera.js). The
# browser's clock, not this server's: it is when the picture was taken, whatever the upload and the
# frame slots added, and one clock for the whole session whichever app process serves a frame. A
# client's time is only a hint to the tracker, which bounds what one frame may stand for
# (idscan/tracker.py): a bad time makes no wait endless or nothing.
MAX_FRAME_TIME_MS = 1e12  # ~30 years of a page open: anything larger is not performance.now()


def frame_time(value: str | None) -> float | None:
    """The frame's `t` in seconds, or None where it is missing or not a page's time (the tracker then
    takes the frame as one of the camera loop's, 0.2 s after the one before)."""
    try:
        ms = float(value) if value is not None and len(value) <= 32 else None
    except ValueError:
        return None
    if ms is None or not math.isfinite(ms) or not 0 <= ms <= MAX_FRAME_TIME_MS:
        return None
    return ms / 1000


def sessions() -> ScanSessions:
    return current_app.extensions["kiosk_scan_sessions"]


@bp.record_once
def _setup(state) -> None:
    state.app.extensions.setdefault("kiosk_scan_sessions", _scan_session_store(state.app.config))
    scan_session_sweep.register(state.app)
    state.app.extensions.setdefault("kiosk_frame_slots", FrameSlots(state.app.config.get("KIOSK_FRAME_SLOTS", 2)))
    # Frames already run side by side in KIOSK_FRAME_SLOTS request threads; OpenCV's own thread
    # pool on top of them only adds switching (bench/kiosks.py: 18-19 ms of CPU per frame instead
    # of 20-22 with it, docs/scale.md).
    cv2.setNumThreads(1)
    keep_freed_frame_memory(int(state.app.config.get("KIOSK_FRAME_MEMORY_MB", 32)),
                            arenas=int(state.app.config.get("KIOSK_FRAME_SLOTS", 2)))


def _scan_session_store(config):
    """In the database where several app processes may serve one kiosk (PostgreSQL), else in memory."""
    where = config.get("KIOSK_SCAN_SESSIONS") or (
        "database" if str(config.get("DATABASE_URL", "")).startswith("postgresql") else "memory")
    if where == "database":
        return DatabaseScanSessions(lambda: db.session, key=crops_key(config["STORAGE_KEY"]))
    return ScanSessions()


def api_error(code: str, http_status: int, *, message: str = "", **extra):
    """A JSON error {error, message, ...} with the message in the kiosk's language (`message`: said otherwise)."""
    return jsonify(error=code, message=message or api_message(code), **extra), http_status


def api_not_found(code: str, **extra):
    """An expected "nothing matches" the kiosk says in words: 200 {found: false, error, message, ...},
    not a 404 that the kiosk's browser console would log as a failed load (h39b, h44u)."""
    return jsonify(found=False, error=code, message=api_message(code), **extra)


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=_SALT)


def read_capture_token(token: str, device_id: int) -> dict | None:
    """The capture a token names, if it is genuine, recent and from this kiosk."""
    try:
        data = _serializer().loads(token, max_age=CAPTURE_MAX_AGE)
    except (BadSignature, SignatureExpired, TypeError):
        return None
    if not isinstance(data, dict) or data.get("d") != device_id:
        return None
    return data


def clean_codes(items: object) -> list[dict]:
    """Codes as {format, text}, at most a few, each of bounded length (they are stored with the visit)."""
    out: list[dict] = []
    for item in items if isinstance(items, list) else []:
        if isinstance(item, str):
            item = {"format": "scanner", "text": item}
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            continue
        entry = {"format": str(item.get("format", ""))[:32], "text": item["text"][:MAX_CODE_LEN]}
        if entry not in out:
            out.append(entry)
    return out[:MAX_CODES]


def _forget(scan: ScanSession | None) -> None:
    """Delete stored captures that no visit used (the visitor walked away)."""
    if scan is None:
        return
    store = current_app.extensions["storage"]
    for key in scan.pending_keys:
        store.delete(key)
    scan.pending_keys.clear()


def forget_all(dropped: list[ScanSession]) -> None:
    for old in dropped:
        _forget(old)


def _preview(crop) -> str:
    small = cv2.resize(crop, (428, int(428 * crop.shape[0] / crop.shape[1])), interpolation=cv2.INTER_AREA)
    return "data:image/jpeg;base64," + base64.b64encode(encode_jpeg(small, 80)).decode()


def _read(crops: list) -> CardReading | None:
    """Read the steady run's sharpest crops together (a vote across frames); None where no engine
    could (the visitor types the NIK instead)."""
    try:
        return read_cards(crops, regions=regions())
    except Exception:  # no engine or a crashed one: the visitor types the NIK instead
        current_app.logger.warning("OCR unavailable for a kiosk capture", exc_info=True)
        return None


def _capture(scan: ScanSession, frame, result, *, may_look: bool = False, at: float | None = None) -> dict | None:
    """Store the straightened card (or the whole picture if no card was found) and describe it.

    may_look (an automatic capture, not the shutter): where the vote filled no NIK, the capture is
    kept in the session and None returned: later frames look again (_look_again, Run 24t), for
    seconds counted from this frame's time `at` (frame_time)."""
    image = result.crop if result.crop is not None else frame
    if image.shape[1] > 1600:
        image = cv2.resize(image, (1600, int(1600 * image.shape[0] / image.shape[1])), interpolation=cv2.INTER_AREA)
    store = current_app.extensions["storage"]
    key = store.save(encode_jpeg(image), kind="ktp")
    scan.pending_keys.append(key)
    while len(scan.pending_keys) > MAX_PENDING_CAPTURES:
        store.delete(scan.pending_keys.pop(0))
    crops = scan.steady.crops() or ([result.crop] if result.crop is not None else [])
    earlier = list(scan.steady.items)
    scan.steady.clear()
    reading = _read(crops) if crops else None
    if other_card.shows_other_card(reading):
        # Read as another card (a SIM's numbered rows, a bank's words) and nothing of a KTP: not
        # handed over; the visitor is told not_ktp and the camera goes on (Run 29n).
        scan.pending_keys.remove(key)
        store.delete(key)
        scan.tracker.refuse()
        audit.record(db.session, current_kiosk_actor(), "kiosk.capture_not_ktp", current_kiosk(),
                     details={"card_found": result.crop is not None})
        return None
    codes = clean_codes(scan.codes + result.barcodes)
    if may_look and earlier and look_again.needed(reading.nik if reading else None, read=reading is not None):
        # The other fields wait in the session while the visitor holds the card a moment longer.
        scan.look = {"frames": 0, "kept": 0, "waited": 0, "at": at, "key": key, "card_found": result.crop is not None,
                     "codes": codes, "name": reading.name, "status": reading.status,
                     "from_card": reading.read_from_card}
        scan.look_earlier.items = earlier
        scan.look_later.clear()
        return None
    return _handed(key, image, result.crop is not None, codes, reading)


def _look_again(scan: ScanSession, result, at: float | None = None) -> dict | None:
    """One later frame of a capture looking again for its NIK (idscan/look_again.py decides): None
    while it watches on, else the capture, with the NIK the look's vote filled or none.
    at: the frame's time (frame_time); the look counts seconds of them, not frames."""
    state = scan.look
    look = look_again.Look(frames=state["frames"], kept=state["kept"], waited=state["waited"],
                           at=state.get("at"))
    step = look.see(card=bool(result.card), guidance=result.guidance, in_frame=result.in_frame,
                    has_crop=result.crop is not None, at=at)
    if look.took:
        scan.look_later.add(result.sharpness, result.crop)
    state.update(frames=look.frames, kept=look.kept, waited=look.waited, at=look.at)
    if step in (look_again.Step.KEEP, look_again.Step.WATCH):
        return None
    first = CardReading(None, state["name"], state["status"], list(state["from_card"]))
    reading = first
    if step == look_again.Step.READ:
        scan.look_later.settle()
        chosen = look_again.voters(scan.look_earlier.items, scan.look_later.items)
        again = _read([cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR) for data in chosen])
        reading = look_again.combined(first, again)
    end_look(scan)
    store = current_app.extensions["storage"]
    image = cv2.imdecode(np.frombuffer(store.open(state["key"]), np.uint8), cv2.IMREAD_COLOR)
    return _handed(state["key"], image, state["card_found"], state["codes"], reading, looked=look.frames)


def end_look(scan: ScanSession) -> None:
    scan.look = None
    scan.look_earlier.clear()
    scan.look_later.clear()


def _handed(key: str, image, card_found: bool, codes: list[dict], reading: CardReading | None,
            looked: int | None = None) -> dict:
    """The capture as the browser gets it: a signed token naming the stored file, and what was read
    (only what passed the cross-checks, with the names of the fields read from the card)."""
    nik, name = (reading.nik, reading.name) if reading else (None, None)
    info = parse_nik(nik) if nik else None
    device = current_kiosk()
    # "n": the NIK read from this card, so a visitor who walked away can find the visit again by
    # holding the same card up (kiosk/recovery_api.py); the token is signed, so it cannot be made up.
    token = _serializer().dumps({"k": key, "d": device.id, "b": codes, "n": nik})
    details = {"card_found": card_found, "codes": len(codes), "nik_read": bool(nik)}
    if looked is not None:
        details["looked_again"] = looked  # later frames watched for the NIK (Run 24t)
    audit.record(db.session, current_kiosk_actor(), "kiosk.ktp_captured", device, details=details)
    return {"id": token, "nik": nik, "name": name, "nik_info": info.to_dict() if info and info.valid else None,
            "barcodes": codes, "preview": _preview(image), "card_found": card_found,
            "read_from_card": reading.read_from_card if reading else [], "returning": returning_greeting(nik, name)}


def returning_greeting(nik: str | None, name: str | None) -> dict | None:
    """A known NIK read from the card held up to this camera: greet the visitor by the name on the
    card (or the masked name on file), and offer the 4-digit recall. Never any detail of the record."""
    if not nik or not kiosk_recovery.is_returning(db.session, nik):
        return None
    return {"name": (name or "").title() or None}


@bp.post("/api/v1/scan")
@kiosk_only
def scan():
    """One camera frame: the JPEG as the request's body (`Content-Type: image/jpeg`, `session`,
    `mode` and `capture` in the query: the camera loop), or a multipart form with the field `frame`
    and the others as fields (an uploaded photo). `capture=1` takes the picture now."""
    # The camera loop sends about five frames a second per kiosk: a raw body spares each one the
    # multipart parse, a third of the app's own work per frame (docs/scale.md).
    raw = request.mimetype == "image/jpeg"
    fields = request.args if raw else request.form
    session_id = fields.get("session", "")
    if not SESSION_ID.match(session_id):
        return api_error("bad_request", 400, fields={"session": "required"})
    if raw:
        data = request.get_data(cache=False)
        if not data:
            return api_error("image_missing", 400)
    else:
        upload = request.files.get("frame")
        if upload is None:
            return api_error("image_missing", 400)
        data = upload.read()
    wait = BUSY_WAIT_SECONDS if raw else UPLOAD_WAIT_SECONDS
    with current_app.extensions["kiosk_frame_slots"].hold(wait=wait, kiosk=current_kiosk().id) as free:
        if not free:
            response, status = api_error("busy", 503)
            response.headers["Retry-After"] = "1"
            return response, status
        return _scan(data, session_id, fields.get("mode", "ktp"), fields.get("capture") == "1",
                     uploaded=not raw, at=frame_time(fields.get("t")))


def _scan(data: bytes, session_id: str, mode: str, capture: bool, scan_session: ScanSession | None = None,
          uploaded: bool = False, at: float | None = None):
    """Decode and scan one frame; on the KTP screen, feed its scan session (`scan_session` when the
    caller already holds it, else the one named `session_id`, made if new). An uploaded photo may be
    a scan that is all card (idscan/flat.py); a camera frame never is. at: the frame's time (frame_time)."""
    try:
        frame = decode_bounded_frame(data)
    except UploadError as exc:
        return api_error(exc.code, exc.status, message=upload_message(exc.code) if uploaded else "")
    # an uploaded photo is brought to a camera frame's size first, as files are (scan_picture, Run 27p)
    result = scan_picture(frame, ocr=False) if uploaded else scan_frame(frame, ocr=False, barcodes=True)
    body = {"result": result.to_json_dict(), "guidance": result.guidance, "captured": False, "capture": None}
    if mode == "ktp":  # only the KTP screen tracks a steady card (other modes read a code, stateless)
        if scan_session is None:
            scan_session, dropped = sessions().get(current_kiosk_id(), session_id)
            forget_all(dropped)
        if result.barcodes:  # e.g. the IKD QR on a phone, shown before or after the card
            scan_session.codes = clean_codes(scan_session.codes + result.barcodes)
        state = scan_session.tracker.update(result, at)
        # The crops of the steady run are voted at capture; a moved or lost card starts a new run.
        if not state.counted:
            pass  # a blurred frame the tracker passed over (idscan/tracker.py): the run stands as it was
        elif state.steady_frames == 0 or result.crop is None:
            scan_session.steady.clear()
        elif state.steady_frames == 1:
            scan_session.steady.clear()
            scan_session.steady.add(result.sharpness, result.crop)
        else:
            scan_session.steady.add(result.sharpness, result.crop)
        body["guidance"] = state.guidance
        body["steady_frames"] = state.steady_frames
        if scan_session.look is not None and not capture:
            body["capture"] = _look_again(scan_session, result, at)
        elif state.capture_now or capture:
            end_look(scan_session)  # the shutter ends a look: its picture is taken now
            body["capture"] = _capture(scan_session, frame, result, may_look=not capture, at=at)
        if scan_session.tracker.refused:
            body["guidance"] = "not_ktp"  # the capture read as another card (_capture)
        if scan_session.look is not None:
            # "Hold your KTP a moment longer, the NIK is not read yet", or what to change (a thumb
            # over the text, glare): the browser keeps the look's green outline on "looking".
            body["guidance"] = look_again.told(state.guidance)
            body["looking"] = True
        body["captured"] = body["capture"] is not None
        sessions().save(scan_session)
    # the sentence under the camera, once per frame
    body["message"] = guidance_message("captured" if body["captured"] else body["guidance"])
    return jsonify(body)


@bp.delete("/api/v1/scan/<session_id>")
@kiosk_only
def discard_scan(session_id: str):
    """The visitor left (idle reset, or a new visitor): forget the tracker and unused captures."""
    if not SESSION_ID.match(session_id):
        return api_error("bad_request", 400)
    scan = sessions().discard(current_kiosk().id, session_id)
    if scan is not None and scan.pending_keys:
        audit.record(db.session, current_kiosk_actor(), "kiosk.captures_discarded", current_kiosk(),
                     details={"count": len(scan.pending_keys)})
        _forget(scan)
    return jsonify(discarded=True)


def claim_capture(session_id: str, key: str) -> None:
    """A visit now owns this stored capture: no scan session may delete it; the visitor's own
    session is over, so its other (retaken) captures go, once the visit is committed.

    Sessions in memory are changed after the commit (a refused visit leaves the session whole);
    sessions in the database are changed in the visit's own transaction (undone with it), and only
    the files wait for the commit."""
    device_id = current_kiosk().id
    store = sessions()

    def release_and_end():
        store.release(device_id, key)
        return store.discard(device_id, session_id) if SESSION_ID.match(session_id or "") else None

    if store.shared:
        ended = release_and_end()
        after_commit(lambda: _forget(ended))
    else:
        after_commit(lambda: _forget(release_and_end()))
