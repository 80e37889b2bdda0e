"""JSON bodies read strictly (lpsedesk/json_input.py, the README's hostile-input notes): nesting no
screen needs is a bad request however few brackets it takes, and a quote typed inside a text (sent
as \\") does not end that text, so brackets typed after it stay text."""
from __future__ import annotations

import json

import pytest

from lpsedesk.json_input import loads_strict


def test_a_hundred_levels_of_nesting_are_refused_though_the_body_is_short():
    with pytest.raises(ValueError):
        loads_strict("[" * 100 + "]" * 100)


def test_brackets_typed_after_a_quote_inside_a_text_are_still_text():
    body = json.dumps({"suggestion": 'Layar 24" di ruang aula ' + "[" * 60, "answers": {"waktu": 3}})
    assert '\\"' in body
    assert loads_strict(body)["answers"] == {"waktu": 3}
