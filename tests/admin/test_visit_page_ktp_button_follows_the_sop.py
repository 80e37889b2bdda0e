"""The visit page offers "Original KTP matches" only where SOP 1 step 2 is still to be done.

SOP 1 step 2: the helpdesk checks the visitor's original KTP at the desk against the capture, once,
while the visitor is waiting or inside (README, "What it does"; docs/staff.md). The Kasubag and the
Admin never check it; a visit that ended or was refused has nothing left to check. The grid test
beside this one has every KTP already checked; these visits have theirs unchecked.

With the office setting "KTP check before Kasubag" (docs/settings.md) the Kasubag decides only once
the helpdesk has checked the KTP, and is told so while waiting; nobody else is told to wait, and
without the setting, or once the KTP is checked, nobody is.
"""
from __future__ import annotations

import pytest

from lpsedesk import settings as office
from lpsedesk.extensions import db

from ..conftest import logged_in_client
from .test_visit_page_buttons_follow_the_sop import STEP, _visit, people  # noqa: F401  (fixture)

KTP_OFFERED = {("pending", "rina"), ("approved", "rina")}
WAIT = "The helpdesk has not checked the original KTP yet."


@pytest.mark.parametrize("status", ["pending", "approved", "checked_out", "reported", "denied"])
def test_only_the_helpdesk_is_offered_the_ktp_check_and_only_before_the_visit_ends(app, people, status):
    visit_id = _visit(app, status, ktp_checked=False)
    for username in ("rina", "bambang", "ani"):
        page = logged_in_client(app, username).get(f"/admin/visits/{visit_id}")
        assert page.status_code == 200
        offered = "ktp-check" in STEP.findall(page.get_data(as_text=True))
        assert offered == ((status, username) in KTP_OFFERED), (status, username)


@pytest.mark.parametrize("ktp_first", [True, False])
@pytest.mark.parametrize("checked", [True, False])
def test_only_the_kasubag_is_told_to_wait_for_the_ktp_check_and_only_while_it_is_due(app, people, ktp_first, checked):
    with app.app_context():
        office.put(db.session, "ktp_check_before_kasubag", ktp_first)
        db.session.commit()
    visit_id = _visit(app, "pending", ktp_checked=checked)
    waits = ktp_first and not checked
    for username in ("rina", "bambang", "ani"):
        html = logged_in_client(app, username).get(f"/admin/visits/{visit_id}?lang=en").get_data(as_text=True)
        assert (WAIT in html) == (waits and username == "bambang"), (username, ktp_first, checked)
        assert ("decision" in STEP.findall(html)) == (username == "bambang" and not waits), username
