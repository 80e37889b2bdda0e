"""One request per person waits at a time, counted by the office's day in WIB (docs/kiosk.md, step 2:
"a NIK whose request of today still waits for the Kasubag ... earlier days' requests hold nothing
back"; the README: office days in WIB whatever the machine's own time zone). Before 07:00 WIB the UTC
date is still yesterday's: a request sent at 06:30 WIB is today's all the same."""
from __future__ import annotations

from datetime import datetime, timezone

from lpsedesk import checkin
from lpsedesk.extensions import db

from .test_rules_checkin import FACILITIES, NIK, PURPOSES, entry, kiosk  # noqa: F401  (kiosk is a fixture)

# Monday 23 November 2026, 06:30 and 06:45 WIB (UTC+7): still Sunday 22 November in UTC.
SENT = datetime(2026, 11, 22, 23, 30, tzinfo=timezone.utc)
ASKED = datetime(2026, 11, 22, 23, 45, tzinfo=timezone.utc)
PHONE = "0812-3456-0001"


def _send(actor, now):
    return checkin.submit(db.session, actor, entry(phone=PHONE),
                          purposes=PURPOSES, facilities=FACILITIES, device_id=None, id_capture_key=None,
                          signature_key="sig", now=now)


def test_a_request_sent_early_in_the_wib_morning_waits_on_that_wib_day(kiosk):
    assert _send(kiosk, SENT).status == "pending"
    assert checkin.already_waiting(db.session, NIK, ASKED, phone=PHONE) == {"nik": "nik_waiting"}


def test_yesterday_evenings_request_in_wib_does_not_hold_this_mornings(kiosk):
    # Sunday 22 November, 23:30 WIB is 16:30 UTC: the same UTC date as 06:45 WIB on Monday.
    _send(kiosk, datetime(2026, 11, 22, 16, 30, tzinfo=timezone.utc))
    assert checkin.already_waiting(db.session, NIK, ASKED, phone=PHONE) == {}
