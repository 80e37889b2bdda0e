"""h37e: the screens ask the workflow, before the Kasubag taps Approve, whether an escort must still be
chosen (docs/restricted.md: a visit to a restricted facility is approved only after the Kasubag names an
escort from the staff). The answer is the rule that refuses the approval, not a copy of it."""
from __future__ import annotations

import pytest

from lpsedesk.roles import Actor, Role
from lpsedesk.workflow import InvalidInput, escort_missing, needs_escort, transition
from tests.core.workflow_fakes import FakeVisit

KASUBAG = Actor("user", 2, "Bambang", frozenset({Role.KASUBAG}))


def _visit(restricted: bool, escort_id: int | None) -> FakeVisit:
    visit = FakeVisit("pending")
    visit.restricted, visit.escort_id = restricted, escort_id
    return visit


def test_a_server_room_visit_needs_an_escort_and_waits_for_one_until_it_is_named():
    assert needs_escort(_visit(True, None)) and escort_missing(_visit(True, None))
    assert needs_escort(_visit(True, 7)) and not escort_missing(_visit(True, 7))


def test_an_ordinary_visit_needs_no_escort():
    assert not needs_escort(_visit(False, None)) and not escort_missing(_visit(False, None))


@pytest.mark.parametrize("restricted, escort_id", [(True, None), (True, 7), (False, None)])
def test_what_the_screens_are_told_is_what_the_approval_finds(restricted, escort_id):
    visit = _visit(restricted, escort_id)
    said = escort_missing(visit)
    try:
        transition(visit, "approved", KASUBAG)
    except InvalidInput as refused:
        assert said and refused.code == "escort_required"
    else:
        assert not said and visit.status == "approved"
