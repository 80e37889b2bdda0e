"""The kiosk JSON API as an OpenAPI 3 document, served at /api/v1/openapi.json.

Written by hand next to the views it describes; tests/kiosk/test_openapi.py checks that every
documented path exists and that real responses carry the documented fields.
"""
from __future__ import annotations

from flask import jsonify

from . import bp

PREFIX = "/kiosk/api/v1"
# A NIK as the API accepts it: 16 digits, spaces allowed between them (people type it in groups).
NIK_PATTERN = "^\\s*(?:[0-9]\\s*){16}$"


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _json(schema: dict, description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


ERR = _ref("Error")
# h44u: a miss the kiosk says in words is an ordinary answer, so the browser logs no failed load
NOT_FOUND = {"type": "object", "required": ["found", "error", "message"],
             "properties": {"found": {"const": False}, "error": {"type": "string"}, "message": {"type": "string"},
                            "fields": {"type": "object", "additionalProperties": {"type": "string"}}}}
TICKET = {"name": "ticket", "in": "path", "required": True, "schema": {"type": "string"},
          "description": "Ticket code as printed or read from its QR (case and dashes do not matter)."}
SCHEMAS: dict = {
    "Error": {
        "type": "object", "required": ["error", "message"],
        "properties": {
            "error": {"type": "string", "description": "machine code, e.g. bad_ticket, not_image"},
            "message": {"type": "string", "description": "sentence in the kiosk's language"},
            "fields": {"type": "object", "additionalProperties": {"type": "string"},
                       "description": "per-field messages for invalid_fields"},
            "codes": {"type": "object", "additionalProperties": {"type": "string"}},
        },
    },
    "ScanResult": {
        "type": "object",
        "required": ["card", "corners", "in_frame", "sharpness", "glare", "size", "guidance", "barcodes",
                     "nik", "name", "nik_info", "confidence", "error", "ms"],
        "properties": {
            "card": {"type": "boolean"}, "corners": {"type": ["array", "null"]},
            "in_frame": {"type": "boolean"}, "sharpness": {"type": "number"}, "glare": {"type": "number"},
            "size": {"type": "number"},
            "guidance": {"type": "string", "enum": ["no_card", "move_closer", "move_into_frame", "not_ktp",
                                                    "hold_still", "too_blurry", "glare", "finger_on_text",
                                                    "spot_on_text", "ready"]},
            "barcodes": {"type": "array", "items": _ref("Code")},
            "nik": {"type": ["string", "null"]}, "name": {"type": ["string", "null"]},
            "nik_info": {"type": ["object", "null"]}, "confidence": {"type": "number"},
            "nik_status": {"type": ["string", "null"], "enum": ["accepted", "corrected", "unconfirmed", "rejected", None]},
            "read_from_card": {"type": "array", "items": {"type": "string", "enum": ["nik", "name"]}},
            "error": {"type": ["string", "null"]}, "ms": {"type": "number"},
        },
    },
    "Code": {"type": "object", "required": ["format", "text"],
             "properties": {"format": {"type": "string"}, "text": {"type": "string"}}},
    "Capture": {
        "type": "object", "required": ["id", "nik", "name", "nik_info", "barcodes", "read_from_card", "preview"],
        "properties": {
            "id": {"type": "string", "description": "signed capture token; send it back as `capture`"},
            "nik": {"type": ["string", "null"]}, "name": {"type": ["string", "null"]},
            "nik_info": {"type": ["object", "null"]},
            "barcodes": {"type": "array", "items": _ref("Code")},
            "read_from_card": {"type": "array", "items": {"type": "string", "enum": ["nik", "name"]},
                               "description": "fields read from the card by a vote across the steady frames and "
                                              "cross-checked; the form marks them for the visitor to check"},
            "preview": {"type": "string", "description": "small JPEG data URL of the stored card"},
            "card_found": {"type": "boolean", "description": "false: no card was seen, the whole picture was kept"},
            "returning": {"oneOf": [{"type": "null"}, {"type": "object", "properties": {
                "name": {"type": ["string", "null"]}}}],
                "description": "set when the NIK read from the card has visited before: greet, offer recall"},
        },
    },
    "ScanResponse": {
        "type": "object", "required": ["result", "guidance", "message", "captured", "capture"],
        "properties": {
            "result": _ref("ScanResult"), "guidance": {"type": "string"}, "message": {"type": "string"},
            "steady_frames": {"type": "integer"}, "captured": {"type": "boolean"},
            "looking": {"type": "boolean", "description": "a capture whose NIK was not read is reading it on "
                                                         "a few more frames; hold the card on"},
            "capture": {"oneOf": [_ref("Capture"), {"type": "null"}]},
        },
    },
    "VisitInput": {
        "type": "object",
        "required": ["full_name", "nik", "phone", "institution", "category", "purpose", "facility",
                     "planned_minutes", "rules_accepted", "signature"],
        "properties": {
            "full_name": {"type": "string", "pattern": "\\S.*\\S", "description": "2-120 characters once "
                          "runs of spaces are made one"},
            "nik": {"type": "string", "pattern": NIK_PATTERN},
            "phone": {"type": "string", "minLength": 1}, "email": {"type": "string"},
            "institution": {"type": "string", "pattern": "\\S", "description": "at most 160 characters once "
                            "runs of spaces are made one"},
            "category": {"type": "string", "enum": ["penyedia", "pokja", "ppk", "pa_kpa", "apip", "opd",
                                                    "public", "other"]},
            "purpose": {"type": "string", "description": "a key of the `purposes` setting"},
            "purpose_detail": {"type": "string", "maxLength": 500},
            "facility": {"type": "string", "description": "a key of the `facilities` setting"},
            "planned_minutes": {"type": "integer", "enum": [30, 60, 120, 240, 480]},
            "rules_accepted": {"type": "boolean", "const": True},
            "signature": {"type": "string", "minLength": 1, "description": "data:image/png;base64,... from the canvas"},
            "capture": {"type": "string", "description": "capture id from POST /scan; required unless no_camera"},
            "no_camera": {"type": "boolean", "description": "the kiosk's camera is absent or refused: sent without "
                                                           "a capture, the visitor shows the original KTP at the "
                                                           "desk, which checks it before the Kasubag decides"},
            "scan_session": {"type": "string"},
            "scanned_codes": {"type": "array", "items": {"type": "string"}},
            "validate_only": {"type": "boolean", "description": "check the fields only; nothing is saved"},
            "check_fields": {"type": "array", "items": {"type": "string"}, "minItems": 1, "maxItems": 40,
                             "description": "with validate_only: the fields one form step shows; the answer is "
                                            "200 with their problems only (valid false, fields, codes), or "
                                            "valid true (h23v)"},
            "invitation": {"type": "string", "description": "a scanned invitation code (issue 15): the visit uses it"},
        },
    },
    "VisitStatus": {
        "type": "object",
        "description": "purpose_label, planned_minutes, submitted_at, submitted_at_text, approved_until and "
                       "decision_reason are given only to the kiosk where the visit was submitted, or to a "
                       "kiosk that sends the X-Visit-Proof its find answer gave for this visit (ux15)",
        "required": ["ticket", "status", "status_label", "message", "visitor_name", "facility", "facility_label",
                     "may_withdraw"],
        "properties": {
            "ticket": {"type": "string"},
            "status": {"type": "string", "enum": ["pending", "approved", "denied", "cancelled", "expired",
                                                  "checked_out", "reported"]},
            "status_label": {"type": "string"}, "message": {"type": "string"},
            "visitor_name": {"type": "string"}, "institution": {"type": "string"},
            "facility": {"type": "string"}, "facility_label": {"type": "string"},
            "purpose_label": {"type": "string"}, "planned_minutes": {"type": "integer"},
            "submitted_at": {"type": "string", "format": "date-time"}, "submitted_at_text": {"type": "string"},
            "approved_until": {"type": ["string", "null"], "format": "date-time"},
            "approved_until_text": {"type": ["string", "null"]},
            "decision_reason": {"type": ["string", "null"]},
            "checked_out_at_text": {"type": ["string", "null"]},
            "typical_wait_text": {"type": ["string", "null"], "description": (
                "h44k, with the submitting kiosk's fields: while pending, how long today's requests usually "
                "waited for the decision (median, from 3 decisions today), else null")},
            "may_withdraw": {"type": "boolean",
                             "description": "still waiting for the decision: this kiosk may withdraw it"},
        },
    },
    "NikCheck": {
        "type": "object", "required": ["valid", "nik", "birth_date", "sex", "province", "regency"],
        "properties": {"valid": {"type": "boolean"}, "nik": {"type": "string"},
                       "birth_date": {"type": "string", "format": "date"}, "birth_date_text": {"type": "string"},
                       "sex": {"type": "string", "enum": ["L", "P"]}, "sex_label": {"type": "string"},
                       "province": {"type": "string"}, "regency": {"type": "string"}},
    },
    "Recalled": {
        "type": "object", "required": ["full_name", "phone", "email", "institution", "category"],
        "properties": {**{k: {"type": "string"} for k in ("full_name", "phone", "email", "institution", "category",
                                                          "purpose", "purpose_detail", "facility")},
                       "planned_minutes": {"type": ["integer", "null"]}, "found": {"const": True}},
        "description": "the details of the latest visit; purpose, facility and duration for 'same as last time'",
    },
    "FoundVisit": {"allOf": [_ref("VisitStatus"), {"type": "object", "required": ["may_check_out", "proof"],
                                                    "properties": {"may_check_out": {"type": "boolean"},
                                                                   "found": {"const": True},
                                                                   "proof": {"type": "string", "description":
                                                                             "send as X-Visit-Proof with this "
                                                                             "visit's status for an hour, from "
                                                                             "this kiosk: the whole answer"}}}]},
    "Inside": {"type": "object", "required": ["visitors"], "properties": {"visitors": {"type": "array", "items": {
        "type": "object", "required": ["id", "name"],
        "properties": {"id": {"type": "integer"}, "name": {"type": "string", "description": "masked: Bu** San****"},
                       "since_text": {"type": "string"}}}}}},
}

E401 = _json(ERR, "this browser is not an enrolled kiosk (403: the kiosk was revoked)")
E429 = _json(ERR, "too many ticket lookups or unknown tickets from this kiosk; see Retry-After")


def document() -> dict:
    paths = {
        f"{PREFIX}/scan": {"post": {
            "summary": "Scan one camera frame; captures the KTP when steady (or at once with capture=1)",
            "description": "The camera loop sends the JPEG as the body (image/jpeg) with session, mode and "
                           "capture in the query; an uploaded photo goes as a multipart form with the same "
                           "fields.",
            "parameters": [{"name": name, "in": "query", "required": False, "schema": {"type": "string"},
                            "description": f"{name}, when the body is the JPEG itself"}
                           for name in ("session", "mode", "capture")],
            "requestBody": {"required": True, "content": {
                "image/jpeg": {"schema": {"type": "string", "format": "binary"}},
                "multipart/form-data": {"schema": {
                "type": "object", "required": ["frame", "session"],
                "properties": {"frame": {"type": "string", "format": "binary",
                                         "description": "JPEG, PNG or WebP"},
                               "session": {"type": "string", "description": "per-visitor scan session id"},
                               "mode": {"type": "string", "enum": ["ktp", "ticket"]},
                               "capture": {"type": "string", "enum": ["0", "1"]}}}}}},
            "responses": {"200": _json(_ref("ScanResponse"), "the engine's answer"),
                          "400": _json(ERR, "missing session or frame, damaged image"),
                          "401": E401, "413": _json(ERR, "image or request too large, or more pixels than "
                                                         "a camera sends (1920x1080)"),
                          "415": _json(ERR, "not a JPEG, PNG or WebP image"),
                          "503": _json(ERR, "busy decoding other frames; see Retry-After")}}},
        f"{PREFIX}/scan/{{session_id}}/capability": {"post": {
            "summary": "Open (or reopen) a scan session for the camera loop; answers its capability",
            "description": "An ordinary kiosk request (device credential, session cookie, CSRF token). Only "
                           "the capability's hash is kept; a capability given before for the session is void. "
                           "The KTP screen sends its camera's own picture size, shown on the Admin's kiosks page.",
            "parameters": [{"name": "session_id", "in": "path", "required": True, "schema": {"type": "string"}}],
            "requestBody": {"required": False, "content": {"application/json": {"schema": {
                "type": "object", "properties": {"camera": {
                    "type": "object", "required": ["width", "height"],
                    "properties": {"width": {"type": "integer", "minimum": 16, "maximum": 10000},
                                   "height": {"type": "integer", "minimum": 16, "maximum": 10000}}}}}}}},
            "responses": {"200": _json({"type": "object", "required": ["session", "capability", "header"],
                                        "properties": {"session": {"type": "string"},
                                                       "capability": {"type": "string"},
                                                       "header": {"type": "string"}}}, "opened"),
                          "400": _json(ERR, "bad session id, CSRF token or camera size"), "401": E401}}},
        f"{PREFIX}/frames": {"post": {
            "summary": "One camera frame on the narrow path: the JPEG as the body, admitted by the scan "
                       "session's capability (X-Scan-Capability) instead of the session cookie and CSRF token",
            "parameters": [{"name": name, "in": "query", "required": name == "session",
                            "schema": {"type": "string"}, "description": name}
                           for name in ("session", "mode", "capture", "lang")]
                          + [{"name": "t", "in": "query", "required": False, "schema": {"type": "number"},
                              "description": "when the frame was taken: the page's performance.now() in ms; "
                                             "the thumb-on-the-NIK wait and the look again for a NIK not read "
                                             "count these times (missing or bad: the frame counts as 0.2 s)"}],
            "requestBody": {"required": True, "content": {
                "image/jpeg": {"schema": {"type": "string", "format": "binary"}}}},
            "responses": {"200": _json(_ref("ScanResponse"), "the engine's answer"),
                          "400": _json(ERR, "missing session or frame, damaged image"),
                          "401": E401,
                          "403": _json(ERR, "no capability, not this session's (capability_invalid), or the "
                                            "kiosk was revoked"),
                          "410": _json(ERR, "the scan session expired or was closed (scan_session_over)"),
                          "413": _json(ERR, "image or request too large, or more pixels than a camera sends"),
                          "415": _json(ERR, "not a JPEG"),
                          "503": _json(ERR, "busy decoding other frames; see Retry-After")}}},
        f"{PREFIX}/scan/{{session_id}}": {"delete": {
            "summary": "Forget a visitor's scan session and unused captures (idle reset)",
            "parameters": [{"name": "session_id", "in": "path", "required": True, "schema": {"type": "string"}}],
            "responses": {"200": _json({"type": "object", "required": ["discarded"],
                                        "properties": {"discarded": {"type": "boolean"}}}, "gone"),
                          "400": _json(ERR, "bad session id"), "401": E401}}},
        f"{PREFIX}/nik/check": {"post": {
            "summary": "Check a NIK and say what it encodes",
            "requestBody": {"required": True, "content": {"application/json": {"schema": {
                "type": "object", "required": ["nik"],
                "properties": {"nik": {"type": "string", "pattern": NIK_PATTERN}}}}}},
            "responses": {"200": _json({"anyOf": [
                _ref("NikCheck"),
                {"type": "object", "required": ["valid", "fields", "codes"],
                 "properties": {"valid": {"const": False},
                                "fields": {"type": "object", "additionalProperties": {"type": "string"}},
                                "codes": {"type": "object", "additionalProperties": {"type": "string"}}}}]},
                "what a valid NIK says, or (valid false) why 16 digits are no NIK: region, date, serial"),
                          "400": _json(ERR, "not 16 digits 0-9, with the reason in fields.nik"), "401": E401}}},
        f"{PREFIX}/visits": {"post": {
            "summary": "Submit the guest book entry: a pending visit for the Kasubag",
            "requestBody": {"required": True, "content": {"application/json": {"schema": _ref("VisitInput")}}},
            "responses": {"201": _json(_ref("VisitStatus"), "the pending visit and its ticket"),
                          "200": _json({"type": "object", "required": ["valid"],
                                        "properties": {"valid": {"type": "boolean"},
                                                       "fields": {"type": "object",
                                                                  "additionalProperties": {"type": "string"}},
                                                       "codes": {"type": "object",
                                                                 "additionalProperties": {"type": "string"}}}},
                                       "validate_only: all fine; with check_fields: those fields' problems, "
                                       "if any (valid false)"),
                          "400": _json(ERR, "invalid or missing fields (fields holds each message)"),
                          "409": _json(ERR, "office_closed: outside office hours (state before_opening, "
                                            "after_closing, or day_off: not an office day or a holiday; WIB); "
                                            "nothing was saved; answered before the body is parsed"),
                          "401": E401, "413": _json(ERR, "request too large: longer than a signature of the "
                                                         "900x360 box and 256 kB of fields, or more than 500 "
                                                         "fields; refused before it is parsed")}}},
        f"{PREFIX}/visits/{{ticket}}": {"get": {
            "summary": "A visit's status by ticket",
            "parameters": [TICKET, {"name": "X-Visit-Proof", "in": "header", "required": False,
                                    "schema": {"type": "string"},
                                    "description": "the proof a find answer gave for this visit on this kiosk"}],
            "responses": {"200": _json(_ref("VisitStatus"), "the visit"),
                          "404": _json(ERR, "no visit has this ticket"), "401": E401, "429": E429}}},
        f"{PREFIX}/visits/find-by-ticket": {"post": {
            "summary": "The check-out screen's code: the visit, or found false for a code that is no visit's",
            "requestBody": {"required": True, "content": {"application/json": {"schema": {
                "type": "object", "required": ["ticket"], "properties": {"ticket": {"type": "string"}}}}}},
            "responses": {"200": _json({"anyOf": [
                {"allOf": [_ref("VisitStatus"), {"type": "object", "required": ["found"],
                                                 "properties": {"found": {"const": True}}}]},
                {"type": "object", "required": ["found", "error", "message"],
                 "properties": {"found": {"const": False}, "error": {"const": "bad_ticket"},
                                "message": {"type": "string"}}}]},
                "the visit (found true), or no visit has this well-formed code (found false)"),
                          "400": _json(ERR, "not a ticket code: 6 to 12 letters and digits"),
                          "401": E401, "429": E429}}},
        f"{PREFIX}/visits/{{ticket}}/events": {"get": {
            "summary": "Server-Sent Events: one `change` event per step of this visit (data: `{changed, id}` only; "
                       "`reload` when Last-Event-ID is too old to replay)", "parameters": [TICKET],
            "responses": {"200": {"description": "text/event-stream",
                                  "content": {"text/event-stream": {"schema": {"type": "string"}}}},
                          "404": _json(ERR, "no visit has this ticket"), "401": E401, "429": E429}}},
        f"{PREFIX}/visits/{{ticket}}/qr.svg": {"get": {
            "summary": "The ticket's QR code (holds the bare ticket code)", "parameters": [TICKET],
            "responses": {"200": {"description": "SVG", "content": {"image/svg+xml": {"schema": {"type": "string"}}}},
                          "404": _json(ERR, "no visit has this ticket"), "401": E401, "429": E429}}},
        f"{PREFIX}/visits/{{ticket}}/checkout": {"post": {
            "summary": "Check an approved visit out (rating and comment: legacy, no longer asked; the SKM survey replaces them)",
            "parameters": [TICKET],
            "requestBody": {"content": {"application/json": {"schema": {
                "type": "object", "properties": {"rating": {"type": ["integer", "null"], "minimum": 1, "maximum": 5},
                                                 "comment": {"type": "string", "maxLength": 1000}}}}}},
            "responses": {"200": _json(_ref("VisitStatus"), "checked out"),
                          "400": _json(ERR, "bad rating or comment"),
                          "404": _json(ERR, "no visit has this ticket"),
                          "409": _json(ERR, "already checked out, or not approved"), "401": E401,
                          "429": E429}}},
        f"{PREFIX}/visits/{{ticket}}/withdraw": {"post": {
            "summary": "Withdraw a request still waiting for the Kasubag's decision (the visitor leaves first)",
            "parameters": [TICKET],
            "responses": {"200": _json(_ref("VisitStatus"), "withdrawn: status is now cancelled"),
                          "404": _json(ERR, "no visit has this ticket"),
                          "409": _json(ERR, "no longer waiting (decided, withdrawn or finished): error not_waiting"),
                          "401": E401, "429": E429}}},
        f"{PREFIX}/visits/{{ticket}}/survey": {"post": {
            "summary": "The satisfaction survey (SKM) of a visit just checked out; stored without the name",
            "parameters": [TICKET],
            "requestBody": {"required": True, "content": {"application/json": {"schema": {
                "type": "object", "properties": {
                    "answers": {"type": "object", "description": "element key -> 1-4, or null (skipped)",
                                "additionalProperties": {"type": ["integer", "null"], "minimum": 1, "maximum": 4}},
                    "education": {"type": ["string", "null"],
                                  "enum": ["sd", "smp", "sma", "diploma", "s1", "s2", "s3", None]},
                    "suggestion": {"type": ["string", "null"], "maxLength": 1000}}}}}},
            "responses": {"201": {"description": "stored"},
                          "400": _json(ERR, "a bad answer, or nothing answered"),
                          "404": _json(ERR, "no visit has this ticket"),
                          "409": _json(ERR, "not checked out, already answered, or too late"), "401": E401,
                          "429": E429}}},
        f"{PREFIX}/visitors/recall": {"post": {
            "summary": "A returning visitor's details: NIK plus the last 4 digits of their phone",
            "requestBody": {"required": True, "content": {"application/json": {"schema": {
                "type": "object", "required": ["nik", "phone_last4"],
                "properties": {"nik": {"type": "string", "pattern": NIK_PATTERN},
                               "phone_last4": {"type": "string", "pattern": "^\\s*[0-9]{4}\\s*$"}}}}}},
            "responses": {"200": _json({"anyOf": [_ref("Recalled"), NOT_FOUND]},
                                       "the details to fill in (found true), or no match (found false: the "
                                       "same answer for an unknown NIK and wrong digits; it counts as a miss)"),
                          "400": _json(ERR, "malformed NIK or digits"),
                          "429": _json(ERR, "too many misses; see Retry-After"), "401": E401}}},
        f"{PREFIX}/visits/find": {"post": {
            "summary": "Today's visit for NIK + the last 4 phone digits (a visitor without the ticket)",
            "requestBody": {"required": True, "content": {"application/json": {"schema": {
                "type": "object", "required": ["nik", "phone_last4"],
                "properties": {"nik": {"type": "string"}, "phone_last4": {"type": "string"}}}}}},
            "responses": {"200": _json({"anyOf": [_ref("FoundVisit"), NOT_FOUND]},
                                       "the visit, its ticket and whether it can check out (found true), or no "
                                       "match (found false, fields.nik and fields.phone_last4 saying what to "
                                       "check: the same answer for an unknown NIK and wrong digits; it counts "
                                       "as a miss)"),
                          "400": _json(ERR, "malformed NIK or digits"),
                          "429": _json(ERR, "too many misses; see Retry-After"), "401": E401}}},
        f"{PREFIX}/visits/find-by-card": {"post": {
            "summary": "Today's visit for the KTP just held up to this kiosk's camera (its capture token)",
            "requestBody": {"required": True, "content": {"application/json": {"schema": {
                "type": "object", "required": ["capture"], "properties": {"capture": {"type": "string"}}}}}},
            "responses": {"200": _json({"anyOf": [_ref("FoundVisit"), NOT_FOUND]},
                                       "the visit, its ticket and whether it can check out (found true), or "
                                       "found false: no NIK read from the card (card_unreadable) or no visit "
                                       "today (visit_not_found), fields.nik saying to type the NIK"),
                          "400": _json(ERR, "no valid capture token from this kiosk"),
                          "429": _json(ERR, "too many misses; see Retry-After"), "401": E401}}},
        f"{PREFIX}/invitations/lookup": {"post": {
            "summary": "A scanned invitation code: the guest book's details to fill in (issue 15)",
            "requestBody": {"required": True, "content": {"application/json": {"schema": {
                "type": "object", "required": ["code"], "properties": {"code": {"type": "string"}}}}}},
            "responses": {"200": _json({"type": "object", "required": ["code", "message", "full_name"],
                                        "properties": {"code": {"type": "string"}, "message": {"type": "string"},
                                                       "full_name": {"type": "string"},
                                                       "approved_in_advance": {"type": "boolean"}}},
                                       "the details to fill in"),
                          "404": _json(ERR, "no invitation has this code"),
                          "409": _json(ERR, "used, cancelled, refused, or outside its time window"),
                          "429": E429, "401": E401}}},
        f"{PREFIX}/inside": {"get": {
            "summary": "Today's visitors inside, names masked, to choose one's own",
            "responses": {"200": _json(_ref("Inside"), "the list"), "401": E401}}},
        f"{PREFIX}/inside/{{visit_id}}/confirm": {"post": {
            "summary": "Confirm a name from the list with the last 4 digits of the phone given at check-in",
            "parameters": [{"name": "visit_id", "in": "path", "required": True, "schema": {"type": "integer"}}],
            "requestBody": {"required": True, "content": {"application/json": {"schema": {
                "type": "object", "required": ["phone_last4"], "properties": {"phone_last4": {"type": "string"}}}}}},
            "responses": {"200": _json({"anyOf": [_ref("FoundVisit"), NOT_FOUND]},
                                       "the visit (found true), or found false: wrong digits, or the visit is "
                                       "no longer inside (fields.phone_last4; it counts as a miss)"),
                          "400": _json(ERR, "malformed digits"),
                          "429": _json(ERR, "too many misses; see Retry-After"), "401": E401}}},
    }
    return {
        "openapi": "3.1.0",
        "info": {"title": "LPSE desk kiosk API", "version": "1",
                 "description": "Used by the kiosk's own JavaScript. Every call needs the kiosk's device "
                                "cookie; POSTs carry the page's CSRF token in X-CSRFToken. Errors are "
                                "JSON {error, message} in the kiosk's language (?lang=id|en)."},
        "paths": paths,
        "components": {"schemas": SCHEMAS},
    }


def openapi_json():
    return jsonify(document())


openapi_json.public = True  # type: ignore[attr-defined]  # the document holds no data


@bp.record_once
def _mount(state) -> None:
    # An absolute path outside the blueprint's /kiosk prefix, as the API's documentation lives at /api/v1.
    state.app.add_url_rule("/api/v1/openapi.json", endpoint="kiosk_openapi", view_func=openapi_json)
