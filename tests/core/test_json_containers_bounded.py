"""A JSON body of more objects and arrays than any screen sends is refused before it is built (probe
h18s). The kiosk's fullest body (a visit with its devices list) holds a few dozen; 8 MB of `[],` is 2.6
million lists: +170 MB and 6.6 s of a core on the served desk, then a 400 all the same."""
from __future__ import annotations

import pytest

from lpsedesk.json_input import loads_strict


def test_millions_of_empty_arrays_are_refused():
    with pytest.raises(ValueError):
        loads_strict("[" + "[]," * 100_000 + "[]]")


def test_many_objects_in_one_list_are_refused_too():
    with pytest.raises(ValueError):
        loads_strict('{"devices": [' + ",".join(['{"kind": "laptop"}'] * 5_000) + "]}")


def test_brackets_typed_inside_a_text_are_text_and_a_real_body_reads():
    body = '{"suggestion": "' + "[{" * 200 + '", "devices": [' + ",".join(['{"kind": "laptop"}'] * 20) + "]}"
    assert len(loads_strict(body)["devices"]) == 20
