"""Issue 15's rules in plain Python, expectations from the issue's words: a watch-list entry is a NIK
or a name with its institution, with a reason and an expiry; names match whatever their case,
punctuation or legal form; a restricted request lists its devices (kind, brand, serial) or says
"none" explicitly; approval of a restricted visit needs an escort."""
from __future__ import annotations

from datetime import date

import pytest

from lpsedesk import restricted, watchlist
from lpsedesk.roles import Actor, Role
from lpsedesk.workflow import InvalidInput, transition

TODAY = date(2026, 12, 1)


@pytest.mark.parametrize("a, b", [
    ("Sari Uji-Coba", "SARI  UJI COBA"), ("sari.uji coba", "Sari Uji Coba"),
])
def test_names_match_whatever_their_case_punctuation_or_spacing(a, b):
    assert watchlist.normalise_name(a) == watchlist.normalise_name(b)


@pytest.mark.parametrize("a, b", [
    ("PT. Contoh Teknologi", "Contoh Teknologi"), ("CV Contoh Sejahtera", "Contoh Sejahtera, CV."),
    ("PT Karya Mandiri Tbk", "karya mandiri"),
])
def test_institutions_match_without_their_legal_form(a, b):
    assert watchlist.normalise_institution(a) == watchlist.normalise_institution(b)


def test_different_people_or_institutions_do_not_match():
    assert watchlist.normalise_name("Sari Uji") != watchlist.normalise_name("Sari Uji Coba")
    assert watchlist.normalise_institution("PT Contoh") != watchlist.normalise_institution("PT Contoh Dua")


def test_an_entry_is_a_nik_or_a_name_with_its_institution_with_a_reason_and_a_future_expiry():
    ok = watchlist.clean(watchlist.EntryInput(nik="3373 0241 0790 0001", reason="Sanksi", expires_on="2026-12-01"),
                         today=TODAY)
    assert ok["nik"] == "3373024107900001" and ok["expires_on"] == TODAY
    by_name = watchlist.clean(watchlist.EntryInput(full_name="Budi", institution="CV Maju", reason="x",
                                                   expires_on="2027-01-01"), today=TODAY)
    assert by_name["name_key"] == "BUDI" and by_name["institution_key"] == "MAJU" and by_name["nik"] is None
    with pytest.raises(watchlist.WatchlistError) as refused:
        watchlist.clean(watchlist.EntryInput(full_name="Budi", reason="", expires_on="2026-11-30"), today=TODAY)
    assert refused.value.fields == {"institution": "nik_or_name_institution", "reason": "required",
                                     "expires_on": "in_the_past"}
    with pytest.raises(watchlist.WatchlistError) as bad_nik:
        watchlist.clean(watchlist.EntryInput(nik="1234", reason="x", expires_on="2027-01-01"), today=TODAY)
    assert bad_nik.value.fields == {"nik": "nik_length"}


def test_only_the_admin_edits_and_only_the_kasubag_and_admin_read_the_list():
    def actor(*roles):
        return Actor("user", 1, "x", frozenset(roles))
    assert watchlist.may_edit(actor(Role.ADMIN)) and not watchlist.may_edit(actor(Role.KASUBAG))
    assert watchlist.may_read(actor(Role.KASUBAG)) and watchlist.may_read(actor(Role.ADMIN))
    assert not watchlist.may_read(actor(Role.HELPDESK)) and not watchlist.may_read(None)


@pytest.mark.parametrize("devices, none, code", [
    ([], False, "devices_required"),
    (None, None, "devices_required"),
    ([{"kind": "Laptop", "brand": "Lenovo", "serial": ""}], False, "devices_incomplete"),
    ([{"kind": "Laptop", "brand": "Lenovo", "serial": "PF-1"}], True, "devices_none_and_listed"),
    ([{"kind": "Laptop", "brand": "Lenovo", "serial": "S%d" % n} for n in range(11)], False, "devices_too_many"),
    (["Laptop"], False, "devices_incomplete"),
])
def test_a_restricted_request_lists_each_device_or_says_none_explicitly(devices, none, code):
    assert restricted.clean_devices(devices, none)[2] == code


def test_none_is_a_valid_answer_and_blank_rows_are_dropped():
    assert restricted.clean_devices([], True) == ([], True, None)
    rows, said_none, problem = restricted.clean_devices(
        [{"kind": " Laptop ", "brand": "Lenovo", "serial": "PF-1"}, {"kind": "", "brand": "", "serial": ""}], False)
    assert (rows, said_none, problem) == ([{"kind": "Laptop", "brand": "Lenovo", "serial": "PF-1"}], False, None)


class Visitish:
    __workflow__ = "visit"

    def __init__(self, restricted_: bool, escort_id: int | None = None):
        self.id, self.status, self.restricted, self.escort_id = 1, "pending", restricted_, escort_id


KASUBAG = Actor("user", 9, "Bambang", frozenset({Role.KASUBAG}))


def test_a_restricted_visit_cannot_be_approved_without_an_escort_but_can_be_refused():
    with pytest.raises(InvalidInput) as refused:
        transition(Visitish(True), "approved", KASUBAG)
    assert refused.value.code == "escort_required"
    assert transition(Visitish(True, escort_id=3), "approved", KASUBAG).action == "visit.approved"
    assert transition(Visitish(True), "denied", KASUBAG, reason="Ruang dipakai").action == "visit.denied"
    assert transition(Visitish(False), "approved", KASUBAG).action == "visit.approved"


def test_only_a_facility_marked_restricted_is_restricted():
    facilities = [{"key": "server_room", "restricted": True}, {"key": "training_room"}]
    assert restricted.is_restricted(facilities, "server_room")
    assert not restricted.is_restricted(facilities, "training_room") and not restricted.is_restricted(facilities, "x")


def _staff(role: Role) -> Actor:
    return Actor(kind="user", id=7, label=role.value, roles=frozenset({role}))


def test_only_the_kasubag_names_the_escort():
    """docs/restricted.md: the escort is named by the Kasubag with the decision. The core refuses
    anyone else before it looks anything up (guard_mutations: the view's decorator alone held it)."""
    from lpsedesk.models import Visit
    from lpsedesk.workflow import NotAllowed

    visit = Visit(restricted=True, status="pending")
    for role in (Role.HELPDESK, Role.ADMIN):
        with pytest.raises(NotAllowed):
            restricted.name_escort(None, visit, _staff(role), "1")


def test_only_the_helpdesk_records_the_area_and_checks_the_devices():
    """docs/restricted.md: the helpdesk records the restricted area's entry and exit and checks the
    devices at check-out; the Kasubag and the Admin are offered none of these steps."""
    from datetime import datetime, timezone

    from lpsedesk.models import Visit

    # let in by the helpdesk (h37c: the area's entry and the devices come after the let-in, SOP 1)
    let_in = datetime(2026, 12, 2, 2, 55, tzinfo=timezone.utc)
    waiting = Visit(restricted=True, status="approved", devices_none=False, decision_told_at=let_in)
    inside = Visit(restricted=True, status="approved", devices_none=False, decision_told_at=let_in,
                   area_entered_at=datetime(2026, 12, 2, 3, 0, tzinfo=timezone.utc))
    assert restricted.actions(waiting, _staff(Role.HELPDESK)) == {"enter_area", "check_devices"}
    assert restricted.actions(inside, _staff(Role.HELPDESK)) == {"leave_area", "check_devices"}
    for role in (Role.KASUBAG, Role.ADMIN):
        assert restricted.actions(waiting, _staff(role)) == set()
        assert restricted.actions(inside, _staff(role)) == set()
