"""What each staff role may do with a visit at each point of SOP 1: the buttons the screens show.

Expectations from the SOP: the helpdesk checks the original KTP while the visitor is waiting or
inside, keeps notes until the visit is reported, checks out and reports; the Kasubag grants or
refuses (after the KTP check when the office asks for it) and acknowledges reports; the Admin LPSE
has no step in SOP 1.
"""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from lpsedesk.models import Visit
from lpsedesk.roles import Actor, Role
from lpsedesk.visit_ops import available_actions

NOW = datetime(2026, 11, 23, 3, 0, tzinfo=timezone.utc)


def person(role: Role) -> Actor:
    return Actor(kind="user", id=5, label=role.value, roles=frozenset({role}))


def visit(status: str, *, ktp_checked: bool = False, acknowledged: bool = False) -> Visit:
    return Visit(id=1, status=status, ktp_checked_at=NOW if ktp_checked else None,
                 acknowledged_at=NOW if acknowledged else None)


@pytest.mark.parametrize("status,ktp_checked,acknowledged,role,ktp_first,expected", [
    ("pending", False, False, Role.HELPDESK, False, {"check_ktp", "add_note"}),
    ("pending", True, False, Role.HELPDESK, False, {"add_note"}),
    ("pending", False, False, Role.KASUBAG, False, {"decide"}),
    ("pending", False, False, Role.KASUBAG, True, {"await_ktp_check"}),
    ("pending", True, False, Role.KASUBAG, True, {"decide"}),
    ("approved", False, False, Role.HELPDESK, True, {"check_ktp", "check_out", "add_note"}),
    ("approved", True, False, Role.HELPDESK, False, {"check_out", "add_note"}),
    ("approved", True, False, Role.KASUBAG, False, set()),
    ("checked_out", True, False, Role.HELPDESK, False, {"report", "add_note"}),
    ("reported", True, False, Role.KASUBAG, False, {"acknowledge"}),
    ("reported", True, True, Role.KASUBAG, False, set()),
    ("reported", True, False, Role.HELPDESK, False, set()),
    ("denied", False, False, Role.HELPDESK, False, set()),
    ("expired", False, False, Role.KASUBAG, False, set()),
    ("pending", False, False, Role.ADMIN, False, set()),
    ("approved", False, False, Role.ADMIN, False, set()),
    ("reported", True, False, Role.ADMIN, False, set()),
])
def test_each_role_is_offered_exactly_its_sop_steps(status, ktp_checked, acknowledged, role, ktp_first, expected):
    record = visit(status, ktp_checked=ktp_checked, acknowledged=acknowledged)
    assert available_actions(record, person(role), ktp_first=ktp_first) == expected
