"""restricted: the rules mutation testing (mu6) showed untested; expectations from the documents.

docs/restricted.md: choosing a facility marked restricted opens a devices step (kind, brand, serial
per device, or the explicit answer "I bring no devices"); the kiosk API refuses a restricted request
without an answer, with half-filled rows, with both rows and "none", or with more than 10 devices, and
nothing is saved then; ordinary facilities are not asked. The kiosk's devices form holds a kind of 40
characters, a brand of 60 and a serial number of 80 (templates/kiosk/_devices.html's maxlength).
"""
from __future__ import annotations

import pytest

from lpsedesk import restricted
from lpsedesk.models import Visit

FACILITIES = [{"key": "server_room", "label": "Ruang server", "restricted": True},
              {"key": "training_room", "label": "Ruang pelatihan"}]
LAPTOP = {"kind": "Laptop", "brand": "Asus", "serial": "SN-001"}


def device(n: int) -> dict:
    return {"kind": "Laptop", "brand": "Asus", "serial": f"SN-{n:03d}"}


def test_ten_devices_are_accepted_and_the_eleventh_is_one_too_many():
    rows, none, problem = restricted.clean_devices([device(n) for n in range(10)], False)
    assert problem is None and none is False and len(rows) == 10
    assert restricted.clean_devices([device(n) for n in range(11)], False)[2] == "devices_too_many"


@pytest.mark.parametrize("field, limit", [("kind", 40), ("brand", 60), ("serial", 80)])
def test_each_value_may_fill_the_kiosk_field_and_no_more(field, limit):
    full = {**LAPTOP, field: "A" * limit}
    rows, _none, problem = restricted.clean_devices([full], False)
    assert problem is None and rows == [full]
    assert restricted.clean_devices([{**LAPTOP, field: "A" * (limit + 1)}], False)[2] == "too_long"


def test_a_refused_answer_keeps_no_device_and_no_none_answer():
    """Nothing is saved from a refused devices step: neither rows nor an answer "none"."""
    refused = [
        ([{"kind": "Laptop", "brand": "", "serial": ""}], False),  # half-filled
        (["Laptop"], False),  # not a row at all
        ([{**LAPTOP, "serial": "A" * 81}], False),  # longer than the form's field
        ([device(n) for n in range(11)], False),  # more than 10
        ([LAPTOP], True),  # rows and "none"
        ([], False),  # no answer
    ]
    for raw, none in refused:
        rows, said_none, problem = restricted.clean_devices(raw, none)
        assert problem and rows == [] and said_none is False, (raw, none, problem)


def test_the_kiosk_asks_for_devices_only_for_a_restricted_facility_and_only_once_at_its_step():
    nothing = {"devices": [], "devices_none": False}
    assert restricted.device_problems(FACILITIES, {"facility": "training_room", **nothing}) == {}
    assert restricted.device_problems(FACILITIES, {"facility": "unknown", **nothing}) == {}
    assert restricted.device_problems(FACILITIES, {"facility": "server_room", **nothing}) == {
        "devices": "devices_required"}
    assert restricted.device_problems(FACILITIES, {"facility": "server_room"}) == {"devices": "devices_required"}
    # Before the devices step the visitor has not been asked yet: no problem to show.
    assert restricted.device_problems(FACILITIES, {"facility": "server_room", **nothing}, asked=False) == {}
    assert restricted.device_problems(FACILITIES, {"facility": "server_room", "devices": [LAPTOP]}) == {}
    assert restricted.device_problems(FACILITIES, {"facility": "server_room", "devices_none": True}) == {}
    assert restricted.device_problems(FACILITIES, {"facility": "server_room", "devices": [LAPTOP],
                                                   "devices_none": True}) == {"devices": "devices_none_and_listed"}


def test_a_request_for_a_restricted_facility_keeps_what_was_declared_and_an_ordinary_one_is_not_restricted():
    server = Visit(facility="server_room")
    restricted.attach_declared(server, FACILITIES, {"devices": [LAPTOP, device(2)], "devices_none": False})
    assert server.restricted is True and server.devices_none is False
    assert [(d.position, d.kind, d.brand, d.serial) for d in server.devices] == [
        (0, "Laptop", "Asus", "SN-001"), (1, "Laptop", "Asus", "SN-002")]
    empty_handed = Visit(facility="server_room")
    restricted.attach_declared(empty_handed, FACILITIES, {"devices": [], "devices_none": True})
    assert empty_handed.restricted is True and empty_handed.devices_none is True and empty_handed.devices == []
    training = Visit(facility="training_room")
    restricted.attach_declared(training, FACILITIES, {"devices": [LAPTOP], "devices_none": False})
    assert not training.restricted and training.devices == []
