"""Helpers for the kiosk's browser tests: fake-camera videos, an enrolled kiosk page, a staff decision."""
from __future__ import annotations

import functools
import os
import shutil
from pathlib import Path

import cv2
import numpy as np
import segno

from lpsedesk import devices
from lpsedesk.extensions import db
from tests.conftest import csrf_from
from tests.e2e.settle import settled
from tests.e2e.video import write_y4m

LANDSCAPE = {"width": 1920, "height": 1080}
PORTRAIT = {"width": 1080, "height": 1920}
TABLET = {"width": 1280, "height": 800}
TURNED = {"width": 800, "height": 1280}  # the 1280x800 tablet turned to portrait
SMALL = {"width": 1024, "height": 768}


# The synthetic cards below are drawn from a fixed seed, so each is the same every time; drawing one
# took 4-7 s of a loaded machine (fonts, guilloche, the scene), paid again by each of the many kiosk
# tests that give a KTP. Each test process draws each card once. The person is a frozen dataclass
# and the JPEG bytes cannot change; a frame (an array a test could draw on) is handed out as a copy.
_VIDEOS: dict[int, tuple[Path, object]] = {}


def ktp_video(path: Path, seed: int = 11):
    """The video below written to `path`: a hard link to the one this process already wrote for the
    seed (157 MB, 4 s to draw and write), which chromium only reads."""
    made, person = _VIDEOS.get(seed, (None, None))
    if made is not None and made.exists():
        try:
            os.link(made, path)
        except OSError:  # another file system
            shutil.copyfile(made, path)
        return path, person
    video, person = _draw_ktp_video(path, seed)
    _VIDEOS[seed] = (Path(video), person)
    return video, person


def _draw_ktp_video(path: Path, seed: int):
    """An empty desk, then a synthetic KTP moving a little (the hand settling), then held still:
    returns (video path, person). The card is printed in a font family the engine was never tuned
    on (the held-out set of tests/synthetic/styles.py), with guilloche and its fields moved."""
    from tests.synthetic.ktp import render_ktp
    from tests.synthetic.people import make_person
    from tests.synthetic.scenes import background, place_in_scene
    from tests.synthetic.styles import HELD_OUT_FONTS, CardStyle

    rng = np.random.default_rng(seed)
    person = make_person(rng)
    style = CardStyle(family=HELD_OUT_FONTS[0], shift=(-0.03, 0.02), values=(-0.02, 0.0), rotation=1.0,
                      guilloche=True)
    frame, _quad = place_in_scene(render_ktp(person, rng, style), rng, width_px=620, angle=0, tilt=2, jpeg=None,
                                  noise=1)
    empty = cv2.resize(background(np.random.default_rng(seed + 1)), (frame.shape[1], frame.shape[0]))
    moving = [np.roll(frame, shift=(8 * (i % 5), 10 * (i % 5)), axis=(0, 1)) for i in range(0, 20, 2)]
    # h44f: played in a loop, the empty desk comes round again and a capture starts anew. At 10 frames
    # a second the card stood still 4 s of each 6.8, about two frames of a loaded machine's kiosk (one
    # in 2 s), which needs 3 in a row: 5 a second, and 20 s held still.
    return write_y4m(path, [empty] * 4 + moving + [frame] * 100, fps=5), person


# A camera's capture: the frames of a steady card read one after the other, then the capture's OCR. A
# slow step: on a loaded machine a frame took 2 s and the OCR over 30 s (h44f).
CAPTURE_WAIT_MS = 120000


def ktp_with_thumb_on_nik() -> np.ndarray:
    """A KTP held flat (1280x720 BGR), a medium brown thumb from its top edge over the NIK's middle
    digits, the rest of the thumb over the desk beyond the card (Run 14x)."""
    return _ktp_with_thumb_on_nik().copy()


@functools.cache
def _ktp_with_thumb_on_nik() -> np.ndarray:
    from tests.synthetic.ktp import render_ktp
    from tests.synthetic.people import make_person
    from tests.synthetic.scenes import place_in_scene

    rng = np.random.default_rng(7)
    frame, quad = place_in_scene(render_ktp(make_person(rng)), rng, width_px=460, angle=0, tilt=3, jpeg=None,
                                 noise=1)
    tip = quad[0] + 0.45 * (quad[1] - quad[0])
    cv2.ellipse(frame, (int(tip[0]), int(tip[1])), (26, 80), 0, 0, 360, (100, 135, 190), -1, cv2.LINE_AA)
    return frame


def qr_video(path: Path, text: str) -> Path:
    """A ticket's QR on a phone-like white card in the middle of a grey 1280x720 picture."""
    qr = np.array([[0 if v else 255 for v in row] for row in segno.make(text, error="m").matrix_iter(scale=12, border=4)],
                  np.uint8)
    frame = np.full((720, 1280, 3), 90, np.uint8)
    h, w = qr.shape
    y, x = (720 - h) // 2, (1280 - w) // 2
    frame[y:y + h, x:x + w] = qr[:, :, None]
    return write_y4m(path, [frame] * 20)


def enrol_page(app, browser, base_url: str, viewport: dict, name: str = "Kios lobi"):
    """A new browser context enrolled as a kiosk, on the welcome screen."""
    with app.app_context():
        _device, code = devices.create_device(db.session, None, name)
        db.session.commit()
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.errors = []  # type: ignore[attr-defined]
    page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)  # type: ignore[attr-defined]
    page.on("pageerror", lambda e: page.errors.append(str(e)))  # type: ignore[attr-defined]
    page.goto(f"{base_url}/kiosk/enrol?code={code}")
    page.click("button[type=submit]")
    page.wait_for_selector("body[data-screen=welcome]")
    return page


def both_orientations(page, shot, name: str) -> None:
    """Screenshots of the current screen in landscape and portrait (then back to where it was)."""
    start = page.viewport_size
    for label, size in (("landscape", LANDSCAPE), ("portrait", PORTRAIT)):
        page.set_viewport_size(size)
        settled(page)  # layout and the camera overlay settle after a resize
        shot(page, f"kiosk-{name}-{label}", full_page=False)
    page.set_viewport_size(start)


def staff_decides(app, login, make_user, visit_id: int, decision: str, reason: str = "") -> int:
    """A logged-in Kasubag decides on the staff route, as from their phone; returns the HTTP status."""
    make_user("kasubag1", "kasubag", name="Kasubag Uji")
    staff = app.test_client()
    login("kasubag1", c=staff)
    token = csrf_from(staff, "/admin/")
    response = staff.post(f"/admin/visits/{visit_id}/decision",
                          data={"csrf_token": token, "decision": decision, "reason": reason})
    return response.status_code


def sign(page) -> None:
    box = page.locator("[data-signature]").bounding_box()
    x, y, w, h = box["x"], box["y"], box["width"], box["height"]
    page.mouse.move(x + w * 0.15, y + h * 0.7)
    page.mouse.down()
    for i in range(1, 12):
        page.mouse.move(x + w * (0.15 + i * 0.06), y + h * (0.7 - 0.35 * ((i % 3) / 2)))
    page.mouse.up()


@functools.cache
def ktp_jpeg(seed: int = 41) -> tuple[bytes, object]:
    """A photo of a synthetic KTP as the kiosk's upload button takes it: (JPEG bytes, person)."""
    from tests.synthetic.ktp import render_ktp
    from tests.synthetic.people import make_person
    from tests.synthetic.scenes import place_in_scene

    rng = np.random.default_rng(seed)
    person = make_person(rng)
    frame, _quad = place_in_scene(render_ktp(person), rng, width_px=620, angle=0, tilt=2, jpeg=None, noise=1)
    ok, buf = cv2.imencode(".jpg", frame, [cv2.IMWRITE_JPEG_QUALITY, 90])
    assert ok
    return buf.tobytes(), person


def upload_ktp(page, jpeg: bytes | None = None, timeout: int = 30000):
    """On the KTP screen, give the KTP photo through the upload button (no camera) and wait until
    the kiosk has taken it; returns the synthetic person on the card (None when `jpeg` was given)."""
    person = None
    if jpeg is None:
        jpeg, person = ktp_jpeg()
    page.set_input_files("[data-upload]", files=[{"name": "ktp.jpg", "mimeType": "image/jpeg", "buffer": jpeg}])
    page.wait_for_selector("[data-capture-done]:not([hidden])", timeout=timeout)
    return person


def check_out_by_ticket(page, ticket: str) -> None:
    """From the welcome screen: "Keluar", the ticket code typed, confirmed; waits for the last screen."""
    page.click("[data-action=checkout]")
    page.fill(".k-ticket-form input", ticket)
    page.keyboard.press("Enter")
    page.click("[data-action=confirm-checkout]")
    page.wait_for_selector("section[data-screen=checkout-done]:not([hidden])")


def upload_not_a_photo(page, data: bytes = b"this is not a picture") -> str:
    """On the KTP screen, upload a file that claims to be a JPEG but is not; returns the error shown."""
    page.set_input_files("[data-upload]", files=[{"name": "ktp.jpg", "mimeType": "image/jpeg", "buffer": data}])
    page.wait_for_selector("[data-ktp-error]:not(:empty)")
    return page.inner_text("[data-ktp-error]")


def to_the_ktp_screen(page) -> None:
    """From the welcome screen, once the kiosk is ready, as a visitor: check in; waits for the KTP screen."""
    page.wait_for_selector("body[data-ready]")
    page.click("[data-action=checkin]")
    page.wait_for_selector("section[data-screen=ktp]:not([hidden])")


def to_the_who_screen(page):
    """From the ready welcome screen, as a visitor: check in, give the KTP photo by upload and go on to
    the "about you" screen; returns the synthetic person on the card."""
    to_the_ktp_screen(page)
    person = upload_ktp(page)
    page.click("[data-action=to-who]")
    page.wait_for_selector("section[data-screen=who]:not([hidden])")
    return person


# A keyboard-wedge scanner types a code within a few milliseconds a key, then Enter. Playwright's
# keyboard sends one protocol message a key: on a loaded machine (two test workers, OCR beside them)
# its keys arrive more than the kiosk's 40 ms apart and read as a person typing. So the burst is
# played inside the page, key by key as the browser would deliver it: the keydown to the focused
# element (bubbling to the kiosk's listener), then, unless prevented, the character into a focused
# text field with its input event, as a real keystroke would leave it.
_WEDGE = """(text) => {
  for (const key of [...text, "Enter"]) {
    const target = document.activeElement || document.body;
    const down = new KeyboardEvent("keydown", {key, bubbles: true, cancelable: true, composed: true});
    const typed = target.dispatchEvent(down);
    if (typed && key !== "Enter" && typeof target.value === "string" && target.tagName === "INPUT") {
      target.value += key;
      target.dispatchEvent(new Event("input", {bubbles: true}));
    }
    target.dispatchEvent(new KeyboardEvent("keyup", {key, bubbles: true, composed: true}));
  }
}"""


def typed_visitor_sends(page, nik: str) -> None:
    """From the "about you" screen, as a visitor whose card was not read (or a kiosk without a camera):
    types name, NIK and phone, goes on to the rules, ticks them, signs and sends; waits for the ticket."""
    page.fill("input[name=full_name]", "Sari Uji Coba")
    page.fill("input[name=nik]", nik)
    page.fill("input[name=phone]", "081234560077")
    on_to_the_rules(page)
    sends_from_the_rules(page)


def sends_from_the_rules(page) -> None:
    """On the rules screen, as a visitor: ticks the rules, signs and sends; waits for the ticket."""
    page.check("[data-rules]")
    sign(page)
    page.click("[data-action=submit]")
    page.wait_for_selector("section[data-screen=ticket]:not([hidden])", timeout=30000)


def scanner_types(page, text: str) -> None:
    """A USB barcode scanner (keyboard wedge) types `text` and Enter as one fast burst."""
    page.evaluate(_WEDGE, text)


def on_to_the_rules(page, look=None) -> None:
    """From a filled "about you" screen, as a visitor: a company's supplier come to have the account
    verified for an hour; waits for the rules screen. `look(screen)`, when given, is called as the
    "from" and "what" screens first show."""
    on_to_the_purpose(page, look)
    choose_the_purpose(page)


def choose_the_purpose(page) -> None:
    """On the purpose ("what") screen: the account verified at the desk for an hour; waits for the rules."""
    page.click("label.k-chip:has(input[name=purpose][value=verification])")
    page.click("label.k-chip:has(input[name=facility][value=verification_desk])")
    page.click("label.k-chip:has(input[name=planned_minutes][value='60'])")
    page.click("section[data-screen=what] [data-action=to-rules]")
    page.wait_for_selector("section[data-screen=rules]:not([hidden])")


def on_to_the_purpose(page, look=None) -> None:
    """From a filled "about you" screen, as a visitor: a company's supplier; waits for the purpose
    ("what") screen. `look(screen)`, when given, is called as the "from" and "what" screens first show."""
    page.click("[data-action=to-from]")
    page.wait_for_selector("section[data-screen=from]:not([hidden])")
    if look:
        look("from")
    page.fill("input[name=institution]", "CV Contoh Sejahtera")
    if page.is_visible(".k-osk"):  # on a phone the screen's keyboard stands over the chips
        page.click(".k-osk [data-key='{hide}']")
    page.click("label.k-chip:has(input[name=category][value=penyedia])")
    page.click("[data-action=to-what]")
    page.wait_for_selector("section[data-screen=what]:not([hidden])")
    if look:
        look("what")


def logged_failures(page) -> list:
    """What `page` logs from now on: console errors and warnings, and every HTTP answer of 400 or more.
    A visitor's ordinary miss (a wrong code, wrong digits) must leave it empty (h39b, h44u, h45u)."""
    logged: list = []
    page.on("console", lambda m: logged.append((m.type, m.text)) if m.type in ("error", "warning") else None)
    page.on("response", lambda r: logged.append(("http", f"{r.status} {r.url}")) if r.status >= 400 else None)
    return logged
