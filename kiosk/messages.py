"""Every sentence the kiosk says, in the visitor's language (English msgids, Indonesian catalogue).

Kept in one place so the API's JSON errors, the page and the JavaScript use the same words.
Functions, not module constants: gettext must run inside a request to pick the language.
"""
from __future__ import annotations

from flask import current_app
from flask_babel import gettext as _

from idscan.decode import MAX_PIXELS, MAX_SIDE
from lpsedesk.i18n import select_locale
from lpsedesk.labels import nik_rules, phone_rule


def upload_message(code: str) -> str:
    """A refused photo from the upload button, said without the camera: the upload is offered only on a
    kiosk whose camera is not available (ux5), where "use the camera" cannot be followed (h43p)."""
    messages = {
        "image_too_large": lambda: _("This photo has too many pixels to read (its file size is not the problem). "
                                     "Choose a photo of at most %(mp)d megapixels and %(side)d pixels a side.",
                                     mp=MAX_PIXELS // 1_000_000, side=MAX_SIDE),
        "image_too_small": lambda: _("The photo is too small to read (at least 32 x 32 pixels). Choose a larger photo."),
        "frame_too_many_pixels": lambda: _("The photo is larger than the kiosk can read (at most 1920 x 1080 pixels). "
                                           "Choose a smaller photo."),
    }
    return messages[code]() if code in messages else api_message(code)


def api_message(code: str) -> str:
    messages = {
        "kiosk_not_registered": _("This screen is not a registered kiosk. Please ask the Admin LPSE."),
        "bad_ticket": _("No visit has this ticket code. Check the code and try again."),
        "already_checked_out": _("This visit has already been checked out. Thank you!"),
        "not_approved": _("This visit has not been approved, so there is nothing to check out. "
                          "Please ask the helpdesk."),
        "not_waiting": _("This request is no longer waiting for a decision, so it cannot be withdrawn. "
                         "Please ask the helpdesk."),
        "devices_at_desk": _("Please check out at the helpdesk: the devices you brought into the restricted "
                             "area are checked there before you leave."),
        "not_image": _("Only photos in JPEG, PNG or WebP format can be used."),
        # Said of pixels: the file may be tiny (a header claiming 20000 x 20000); bytes over the upload
        # limit are refused before this, with their own message (h34w).
        "image_too_large": _("This picture has too many pixels to read (its file size is not the problem). Use "
                             "the camera, or a photo of at most %(mp)d megapixels and %(side)d pixels a side.",
                             mp=MAX_PIXELS // 1_000_000, side=MAX_SIDE),
        "image_damaged": _("The photo could not be read. Please take it again."),
        "image_too_small": _("The photo is too small to read (at least 32 x 32 pixels). Use the camera or a "
                             "larger photo."),
        "frame_too_many_pixels": _("The picture is larger than a camera sends (at most 1920 x 1080 pixels). "
                                   "Use the camera or a smaller photo."),
        "busy": _("The kiosk is busy reading other pictures. Hold the card still; it tries again by itself."),
        "image_missing": _("No photo was received. Please try again."),
        "invalid_fields": _("Some details need attention. Please check the marked fields."),
        "capture_required": _("Please show your KTP to the camera first."),
        "capture_expired": _("The KTP photo has expired. Please show your KTP to the camera again."),
        "signature_required": _("Please sign with your finger in the box."),
        # h46f: only a script sends one; the kiosk's own canvas is the box
        "signature_too_large": _("The signature is larger than the signing box. Please clear it and sign again."),
        # h34v: and what to do then (it said only what went wrong; the visitor waited before it)
        "recall_not_found": _("No earlier visit matches this NIK and mobile number. Check the 4 digits, "
                              "or go on and fill in your details yourself."),
        "visit_not_found": _("No visit today matches this NIK and these 4 digits. Check them, or ask the helpdesk."),
        "card_unreadable": _("The NIK could not be read from the card. Please type your NIK and the 4 digits instead."),
        "digits_wrong": _("These are not the last 4 digits of the mobile number given at check-in."),
        "too_many_attempts": _("Too many attempts. Please wait a few minutes or ask the helpdesk."),
        "bad_request": _("The request could not be understood. Please try again."),
        "rating": _("Choose a rating from 1 to 5."),
        "capability_invalid": _("This camera picture was not accepted for this scan. The kiosk starts the scan "
                                "again by itself; if this stays, reload the page."),
        "scan_session_over": _("This scan has ended (it was closed or left unused too long). The kiosk starts "
                               "a new one by itself."),
    }
    return messages.get(code, messages["bad_request"])


def field_message(code: str) -> str:
    """An inline error under a form field."""
    nik = nik_rules()
    messages = {
        "required": _("This field is required."),
        "too_long": _("This is too long."),
        "choose": _("Please choose one."),
        "nik_length": nik["nik_length"],
        # h22: one request waiting per person and day (checkin.already_waiting). h23v: Start over brings
        # the start screen back in Bahasa Indonesia, so the English names its button as it reads there.
        "nik_waiting": _("A request with this NIK is already waiting for a decision. To see it or cancel it, "
                         "touch Start over, then \"Lihat jawaban dan tiket saya\" (Show my answer and ticket) on "
                         "the start screen, which is in Bahasa Indonesia."),
        # h21u: "Show my answer and ticket" found nothing: said beside a field, not only in a line under them.
        # h46g: once, beside the 4 digits (the NIK is on the card in the visitor's hand, the digits are from
        # memory): beside each box and in the line under them it was said three times. It names the NIK too,
        # since the kiosk answers an unknown NIK as it answers wrong digits (no one learns who came today).
        "find_no_match": _("No visit today has this NIK with these 4 digits. Check the last 4 digits of the "
                           "mobile number you gave today, then your NIK."),
        "find_type_nik": _("Type your 16-digit NIK here, then the last 4 digits of your mobile number."),
        "nik_digits": nik["nik_digits"],
        "nik_region": _("The first 6 digits are not a known region code. Check your NIK."),
        "nik_date": _("Digits 7 to 12 are not a valid date of birth. Check your NIK."),
        "nik_serial": _("The last 4 digits cannot be 0000. Check your NIK."),
        # Issue 15: the KTP at the kiosk is not the invited person's.
        "nik_mismatch": _("This NIK is not the one on the invitation. Check it, or touch Start over to fill in "
                          "the guest book without the invitation."),
        "name_mismatch": _("This name is not the one on the invitation (as on the KTP). Check it, or touch Start "
                           "over to fill in the guest book without the invitation."),
        "phone_format": phone_rule(),
        "email_format": _("Enter a valid e-mail address, or leave it empty."),
        "rules": _("Please read the rules and tick the box to agree."),
        "rating": _("Choose a rating from 1 to 5."),
        "capability_invalid": _("This camera picture was not accepted for this scan. The kiosk starts the scan "
                                "again by itself; if this stays, reload the page."),
        "scan_session_over": _("This scan has ended (it was closed or left unused too long). The kiosk starts "
                               "a new one by itself."),
        "last4": _("Enter the last 4 digits of your mobile number."),
        "last4_wrong": _("These are not the last 4 digits of the mobile number given at check-in."),
        "signature_required": _("Please sign with your finger in the box."),
        "signature_damaged": _("The signature could not be read. Please clear it and sign again."),
        # Issue 15: the devices brought into a restricted facility
        "devices_required": _("List each device you bring in, or tick \"I bring no devices\"."),
        "devices_incomplete": _("Give the kind, the brand and the serial number of each device."),
        "devices_none_and_listed": _("You listed devices and also ticked \"I bring no devices\": choose one."),
        "devices_too_many": _("At most 10 devices can be listed; ask the helpdesk."),
    }
    return messages.get(code, messages["required"])


# Sent with every camera frame (5 a second per kiosk): translate only the one message asked for.
_GUIDANCE = {
    "no_card": lambda: _("Hold your KTP in front of the camera"),
    "move_into_frame": lambda: _("Move the whole card into the picture"),
    "move_closer": lambda: _("Bring the card closer"),
    # A card that is not a KTP-el front (a driving licence, bank card, badge: idscan/card_look.py).
    "not_ktp": lambda: _("This card does not look like a KTP. Please show the front of your KTP to the camera."),
    "glare": lambda: _("Avoid light reflections: tilt the card a little"),
    # A lamp's spot fading the NIK or the name: the same request; the kiosk captures as it is after a
    # wait (idscan/quality.py SPOT, Run 36w).
    "spot_on_text": lambda: _("Avoid light reflections: tilt the card a little"),
    "too_blurry": lambda: _("Hold still, the picture is blurred"),
    # A thumb over the NIK: the digits under it cannot be read (docs/idscan.md, Run 14x).
    "finger_on_text": lambda: _("Your finger covers the writing on the KTP. Hold the KTP by its edge."),
    "hold_still": lambda: _("Hold still..."),
    "ready": lambda: _("Hold still..."),
    "captured": lambda: _("Got it!"),
    # A capture whose NIK was not read yet reads it on a few more frames (idscan/look_again.py, Run 24t).
    "look_again": lambda: _("Hold your KTP a moment longer, the NIK is not read yet"),
}


def guidance_message(code: str) -> str:
    """The plain instruction under the camera picture."""
    # The catalogue does not change while the app runs: each sentence is translated once per
    # language and app, not on every frame (the lookup took 0.18 ms of a frame's CPU with the
    # caches cooled by the ID engine, 0.11 now; docs/scale.md). Keyed by what the app's locale
    # selector answers: Flask-Babel's get_locale would also parse it into a Locale per request.
    key = (select_locale(), code if code in _GUIDANCE else "no_card")
    texts = current_app.extensions.setdefault("kiosk_guidance_texts", {})
    text = texts.get(key)
    if text is None:
        text = texts[key] = _GUIDANCE[key[1]]()
    return text


def status_message(status: str, *, ktp_checked: bool, ktp_first: bool = False) -> str:
    """What the ticket screen says of a visit. h43w: a waiting visitor whose original KTP the desk has
    not checked is sent to the helpdesk with it (SOP 1: the helpdesk checks it, then asks the
    Kasubag); with the office's "KTP first" on, the request is not with the Kasubag until then.
    h43x: an approved visitor whose KTP the desk has already checked is not sent back to show it."""
    if status == "approved" and ktp_checked:
        # no longer than the sentence it stands for: ux15 keeps the approved card above the bar at 1024x768
        return _("Your visit is approved. The helpdesk has checked your original KTP: please go to the facility.")
    if status == "pending" and not ktp_checked:
        if ktp_first:
            return _("First show your original KTP to the helpdesk; then your request goes to the Kasubag "
                     "Pengelolaan LPSE. The answer appears on this screen.")
        # no longer than ux15's sentence: at 1024x768 a longer one ran the card under the button bar
        return _("Meanwhile, show your original KTP to the helpdesk. Your request has been sent to the Kasubag "
                 "Pengelolaan LPSE. The answer appears on this screen.")
    messages = {
        # ux15: and where the answer comes (the stranger asked "and now?")
        "pending": _("Please wait: your request has been sent to the LPSE official who gives "
                     "permission (the Kasubag Pengelolaan LPSE). The answer appears on this screen."),
        "approved": _("Your visit is approved. Please show your original KTP to the helpdesk, then go to the facility."),
        "denied": _("Sorry, your request was refused."),
        "cancelled": _("This request was cancelled."),
        "expired": _("This request expired before a decision was made. Please ask the helpdesk."),
        "checked_out": _("This visit has been checked out. Thank you for coming."),
        "reported": _("This visit has been checked out. Thank you for coming."),
    }
    return messages.get(status, messages["pending"])


def js_messages() -> dict[str, str]:
    """The sentences the kiosk's JavaScript shows, handed over in a data attribute."""
    return {
        # ux5: name the one button left, and the person to ask where the kiosk has nothing to upload from
        # h43n: and the way on that needs no file, which a kiosk has none of
        # (the line under that button says the helpdesk checks the original KTP; said here too, the box
        # grew to seven lines at 1280x800 and pushed the buttons under the screen's edge)
        "camera_unavailable": _('The camera is not available. Touch "Continue without a KTP photo" below, or '
                                '"Upload a photo instead".'),
        # in the camera's own box, beside the instruction above (the whole sentence twice read as a fault)
        "camera_off": _("No camera"),
        # h44k: the server's capture_required and capture_expired ask for the KTP "to the camera"; a kiosk
        # without one says these instead (capture.js), naming the ways on it does have
        "no_camera_capture_required": _('The photo of your KTP was not received. Touch "Continue without a KTP '
                                        'photo", or choose the photo again.'),
        "no_camera_capture_expired": _('The photo of your KTP has expired. Touch "Continue without a KTP '
                                       'photo", or choose the photo again.'),
        "ktp_title_no_camera": _("A photo of your KTP"),
        # h47c: "Keluar" found a visit still waiting: the ticket screen's "The answer appears on this
        # screen" told a visitor who was leaving to stay and watch a screen that goes back to the start
        "checkout_waiting": _("Your request has not been answered yet, so there is no visit to check out."),
        # h43x: once the photo is taken, with a camera too ("Show your KTP to the camera" was still asked)
        "ktp_title_taken": _("A photo of your KTP"),
        "camera_unavailable_find": _("The camera is not available. Enter your NIK and the 4 digits."),
        "camera_unavailable_ticket": _("The camera is not available. Type the ticket code, or use the scanner."),
        # h46g: a camera the browser refused (permission denied) is not a missing one: the visitor can do
        # nothing about either, but the helpdesk can allow a blocked one (docs/kiosk.md, "No camera"), so
        # it is named; the ways on without a camera are said as for a missing one
        # (the helpdesk in the camera's own box, where there is room: in the instruction beside it the box
        # grew to seven lines at 1280x800 and pushed the buttons under the screen's edge)
        "camera_blocked": _('The camera is blocked. Touch "Continue without a KTP photo" below, or '
                            '"Upload a photo instead".'),
        "camera_blocked_off": _("The camera is blocked in this browser: ask the helpdesk officer."),
        "camera_blocked_find": _("The camera is blocked in this browser: ask the helpdesk officer. Or enter "
                                 "your NIK and the 4 digits."),
        "camera_blocked_ticket": _("The camera is blocked in this browser: ask the helpdesk officer. Or type "
                                   "the ticket code, or use the scanner."),
        # h46e: the line under "Keluar" on a kiosk without a camera (it still asked for the QR "to the camera")
        "checkout_lead_no_camera": _("Type the code on your ticket: its letters and digits."),
        "network": _("No connection to the server. Please try again."),
        # ux6: what a screen reader hears of the idle countdown: when it starts and near its end only
        "idle_said": _("Are you still there? For your privacy the screen will be cleared in %(n)s seconds. "
                       "Touch \"I am still here\" to keep what you entered.", n="{n}"),
        "scanning": _("Reading your KTP..."),
        "captured": _("Got it!"),
        "nik_birth": _("Born"),
        "sex_L": _("Male"),
        "sex_P": _("Female"),
        "recall_ok": _("Welcome back! Your details have been filled in."),
        "ticket_not_found": api_message("bad_ticket"),
        # h38e: "Find my visit" with the box empty said "No visit has this ticket code": the visitor
        # had typed nothing and was told their code was wrong
        "ticket_empty": _("Please type your ticket code first: the letters and digits on your ticket."),
        "clear": _("Clear"),
        "title_pending": _("Waiting for approval"),
        "title_approved": _("Approved: please go in"),
        "title_denied": _("Request refused"),
        "title_cancelled": _("Request cancelled"),
        "title_expired": _("Request expired"),
        "title_checked_out": _("Checked out"),
        "title_reported": _("Checked out"),
        "until_time": _("until %(time)s"),
        "checked_out_at": _("You checked out at %(time)s."),
        "withdraw_question": _("Withdraw the visit request of %(name)s?"),
        # ux14: the question closed by itself because the answer came first
        "answered_not_withdrawn": _("Your request has just been answered, so it was not withdrawn."),
        "answered_now": _("Your request has just been answered."),
        # ux15: a refusal shown without its reason (this kiosk may not show it) says where to hear it
        "reason_at_helpdesk": _("Please go to the helpdesk: the staff there can tell you the reason."),
        # h34v: a closed request's card ended on "the helpdesk will gladly help you" and no next step
        "finish_hint": _("Touch Finish to leave this screen."),
        "codes_read": _("Code read from the camera or scanner: %(count)s"),
        "nik_read": _("NIK read from the card: %(nik)s"),
        # h44k: under the heading "NIK not read", what to do next (it said again that the NIK was not read)
        "nik_not_read": _('Touch "Continue", then type your 16-digit NIK on the next screen.'),
        "nik_unread_title": _("NIK not read"),
        "no_card_seen": _("No card was found in this photo."),
        "photo_kept": _("The photo is kept as it is."),
        # h43x: a photo whose NIK was not read: what succeeded, never "Got it!" above "NIK not read"
        "photo_saved": _("KTP photo saved"),
        # h47g: a card read whole, as the line under the heading says it ("Got it!" above it said it twice)
        "photo_taken": _("KTP photo taken"),
        "hold_card": _("Hold your KTP in front of the camera"),
        # h43p: said only where the upload is offered, a kiosk without a camera (ux5): no camera in it
        "upload_again": _("Choose another photo of your KTP, or ask the helpdesk officer for help."),
        # h40t: a photo over what the server reads of a request (a phone's photo can be 10 MB and more).
        # Said before it is sent, and when the server refuses it: past four times this, its refusal was no
        # JSON and the kiosk said "No connection". The upload is offered only where the camera is not
        # available (ux5), so, as photo_not_ktp, it names what can be done without one.
        "photo_too_large": _("The photo is too large (more than %(mb)d MB). Choose a smaller photo, or ask the "
                             "helpdesk officer for help.", mb=int(current_app.config["MAX_UPLOAD_MB"])),
        # Run 29n: a photo given at the kiosk that shows another card (a SIM, a bank card); the camera's
        # sentence asked to show the card "to the camera", which a kiosk without one cannot follow.
        "photo_not_ktp": _("This photo does not show the front of a KTP. Please choose a photo of the front of your KTP."),
        "welcome_back": _("Welcome back!"),
        "welcome_back_name": _("Welcome back, %(name)s!"),
        "fix_marked": _("Some details need attention. Please check the marked fields."),
        # h44k: said on the rules screen before the request is sent, in the server's own words
        "rules_unticked": field_message("rules"),
        "signature_required": field_message("signature_required"),
        "nik_16": nik_rules()["nik_length"],
        # Said after a NIK of the wrong length: a visitor who forgot or doubled a digit sees how far off.
        "nik_typed": _("Digits typed: %(count)s."),
        "last4": _("Enter the last 4 digits of your mobile number."),
        "inside_since": _("inside since %(time)s"),
        "read_nik": _("NIK"),
        "read_name": _("Name"),
    }


def enrol_message(code: str) -> str:
    messages = {
        "bad_code": _("This code is not valid. Check it, or create a new one on the Admin's Kiosks page."),
        "expired_code": _("This code has expired. Create a new one on the Admin's Kiosks page."),
        "too_many": _("Too many wrong codes. Please wait 10 minutes."),
    }
    return messages.get(code, messages["bad_code"])


def language_switch(language: str) -> dict[str, str]:
    """The question asked before the kiosk starts again in another language half-way through (ux16),
    in the current locale: called once as is and once inside force_locale(the other language)."""
    return {
        "title": _("Switch to %(language)s?", language=language),
        "body": _("The kiosk starts again in %(language)s: what you entered here is deleted.", language=language),
        "yes": _("Yes, switch"),
        "no": _("No, go on"),
    }
