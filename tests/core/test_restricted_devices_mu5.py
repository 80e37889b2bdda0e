"""The devices a visitor declares for a restricted facility (the server room), as docs/restricted.md
words it: each device with its kind, brand and serial; blank rows are dropped, wherever they are;
spacing typed on a touchscreen does not count; the list is kept in the order it was typed.
Deliberate bugs in lpsedesk/restricted.py that broke these passed the suite (mu5)."""
from __future__ import annotations

from lpsedesk import restricted
from lpsedesk.models import Visit

LAPTOP = {"kind": "Laptop", "brand": "Asus", "serial": "SN-001"}
DISK = {"kind": "Harddisk", "brand": "WD", "serial": "WX-77"}
BLANK = {"kind": " ", "brand": "", "serial": ""}


def test_a_blank_row_between_two_devices_drops_neither_device():
    rows, none, problem = restricted.clean_devices([LAPTOP, BLANK, DISK], False)
    assert problem is None and none is False
    assert rows == [LAPTOP, DISK]


def test_spacing_typed_around_and_inside_a_value_is_squashed_to_single_spaces():
    typed = {"kind": "  Laptop  ", "brand": "Asus   ROG", "serial": " SN 001 "}
    rows, _none, problem = restricted.clean_devices([typed], False)
    assert problem is None
    assert rows == [{"kind": "Laptop", "brand": "Asus ROG", "serial": "SN 001"}]


def test_the_declared_devices_are_kept_on_the_visit_in_the_order_typed_and_none_is_kept_as_answered():
    visit = Visit()
    restricted.attach(visit, [LAPTOP, DISK], False)
    assert visit.restricted is True and visit.devices_none is False
    assert [(d.position, d.kind, d.serial) for d in visit.devices] == [(0, "Laptop", "SN-001"), (1, "Harddisk", "WX-77")]
    nothing = Visit()
    restricted.attach(nothing, [], True)
    assert nothing.devices_none is True and nothing.devices == []
