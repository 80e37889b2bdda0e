"""What each kiosk API route's body can hold, refused before it is read or parsed (h48f).

Every kiosk route but the camera's and the guest book's takes a few short fields: a ticket code, a NIK,
four phone digits, a name, the survey's answers with a suggestion of at most 1,000 characters. They took
any JSON body up to MAX_UPLOAD_MB and parsed it first: 7 MB to find-by-ticket cost 72 ms of CPU, 900,000
keys to a checkout 83 ms (probe h48f, docs/security.md). The camera's frames and scans are bounded by their own
rules (frame_limits).
"""
from __future__ import annotations

from lpsedesk.form_limits import body_at_most

from .images import SIGNATURE_BOX

# The guest book's one large field is the signature, a PNG of at most the signing box: even with every
# pixel unlike the next its rows are 900x360 RGBA and a filter byte each (1.3 MB), 1.73 MB as a data URL.
# A body past that and 256 kB of typed fields is refused unread; before h48f a 3 MB signature was read
# and parsed, and refused by the office hours or the box only then.
_SIGNATURE_ROWS = SIGNATURE_BOX[1] * (1 + 4 * SIGNATURE_BOX[0])
GUEST_BOOK_BYTES = _SIGNATURE_ROWS * 4 // 3 + 256 * 1024
# About 25 fields and the devices of a restricted visit (a few keys each); more than MAX_DEVICES devices
# must still arrive to be told "too many", so the bound is far above both. 200,000 duplicate keys were parsed.
GUEST_BOOK_FIELDS = 500
# A suggestion of 1,000 characters written as JSON escapes (`\uXXXX`, six bytes each) is 6 kB.
SHORT_BYTES = 64 * 1024
SHORT_FIELDS = 200

guest_book = body_at_most(GUEST_BOOK_BYTES, GUEST_BOOK_FIELDS)
short_fields = body_at_most(SHORT_BYTES, SHORT_FIELDS)
