"""h43n: a kiosk without a camera is not a dead end. SOP 1 asks the visitor to show "a valid ID
(KTP)" and the helpdesk to check it before asking the Kasubag: with no photo taken, the original KTP
shown at the desk is the only check there is. So a visit without a KTP photo waits for the helpdesk's
KTP check before it reaches the Kasubag, whatever the office's "KTP first" setting."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from lpsedesk import visit_ops, visit_queries
from lpsedesk.extensions import db
from lpsedesk.roles import Actor, Role

from .. import factories
from .test_rules_visit_ops import staff_user

NOW = datetime(2026, 12, 7, 3, 0, tzinfo=timezone.utc)  # Monday 10.00 WIB


@pytest.fixture
def desk(app):
    with app.app_context():
        yield (Actor("user", staff_user("rina"), "Rina", frozenset({Role.HELPDESK})),
               Actor("user", staff_user("bambang"), "Bambang", frozenset({Role.KASUBAG})))


@pytest.mark.parametrize("ktp_first", [False, True])
def test_a_request_without_a_ktp_photo_waits_for_the_desks_ktp_check_whatever_the_setting(desk, ktp_first):
    _helpdesk, kasubag = desk
    visit = factories.visit("pending", no_ktp_photo=True)
    offered = visit_ops.available_actions(visit, kasubag, ktp_first=ktp_first)
    assert "await_ktp_check" in offered and "decide" not in offered
    with pytest.raises(visit_ops.KtpNotChecked):  # the step agrees with the offer
        visit_ops.decide(db.session, visit, "approve", kasubag, require_ktp_check=ktp_first, now=NOW)


def test_once_the_desk_checked_the_original_ktp_the_kasubag_decides(desk):
    helpdesk, kasubag = desk
    visit = factories.visit("pending", no_ktp_photo=True)
    visit_ops.check_ktp(db.session, visit, helpdesk, now=NOW)
    assert "decide" in visit_ops.available_actions(visit, kasubag, ktp_first=False)
    visit_ops.decide(db.session, visit, "approve", kasubag, now=NOW)
    assert visit.status == "approved"


def test_a_request_with_a_photo_still_follows_the_office_setting(desk):
    _helpdesk, kasubag = desk
    visit = factories.visit("pending")
    assert "decide" in visit_ops.available_actions(visit, kasubag, ktp_first=False)
    assert "await_ktp_check" in visit_ops.available_actions(visit, kasubag, ktp_first=True)


def test_the_kasubags_queue_holds_back_a_request_without_a_photo_until_checked(desk):
    with_photo = factories.visit("pending", submitted_at=NOW)
    without = factories.visit("pending", submitted_at=NOW, no_ktp_photo=True,
                              visitor=factories.visitor(nik="3373024107900002"))
    ready, waiting = visit_queries.split_for_kasubag([with_photo, without], ktp_first=False)
    assert ready == [with_photo] and waiting == [without]


def test_a_visit_says_whether_its_ktp_is_checked_in_person_only(desk):
    assert visit_ops.ktp_in_person_only(factories.visit("pending", no_ktp_photo=True))
    assert not visit_ops.ktp_in_person_only(factories.visit("pending", visitor=factories.visitor(nik="3373024107900003")))
