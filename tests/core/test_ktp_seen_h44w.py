"""How a visitor's KTP was seen (h44w), as the core decides it for the guest book and the visit report.

SOP 1: the visitor shows the KTP to the kiosk's camera; a kiosk without a camera records the visit
without a photo (h43n), and then the helpdesk's check of the original KTP is the only one.
"""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from lpsedesk import visit_ops
from lpsedesk.models import Visit

CHECKED = datetime(2026, 11, 23, 3, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize("no_photo, checked_at, seen", [
    (False, None, "photo"),  # photographed at the kiosk
    (False, CHECKED, "photo"),  # photographed, and the original checked too: the photo is on file
    (True, CHECKED, "in_person"),  # no photo: the original checked at the desk
    (True, None, None),  # no photo, not checked yet: nothing has shown who the visitor is
])
def test_the_core_says_how_the_ktp_was_seen(no_photo, checked_at, seen):
    assert visit_ops.ktp_seen(Visit(no_ktp_photo=no_photo, ktp_checked_at=checked_at)) == seen
