"""str10: the Admin recording a letter on a phone is told every problem of the form at once, each
beside its field. Before, a form with no access right ticked and the period typed backwards came back
with one message at the top ("choose an access right"); fixed and sent again, it came back with the
next ("the end must come after the start"), each a phone's length away from the field it meant."""
from __future__ import annotations

import re

from ..conftest import logged_in_client
from .test_remote_flow import people  # noqa: F401 (fixture)
from .test_remote_input import count
from .test_remote_support import record


def _error_beside(page: str, name: str) -> str:
    """The error texts inside the fieldset (else the label) that holds the field called `name`."""
    for tag in ("fieldset", "label"):
        holder = re.search(rf'<{tag}\b(?:(?!</{tag}>).)*name="{name}"(?:(?!</{tag}>).)*</{tag}>', page, re.S)
        if holder:
            return " ".join(re.findall(r'<span class="error">(.*?)</span>', holder.group(0), re.S))
    raise AssertionError(f"no field {name}")


def test_no_access_right_and_a_reversed_period_are_both_named_beside_their_fields(app, people):
    admin = logged_in_client(app, "ani")
    response = record(admin, rights=[], rights_other="",
                      period_start="05/12/2026 10:00", period_end="01/12/2026 10:00")
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "paling sedikit satu hak akses" in _error_beside(page, "rights")
    assert "Akhir periode harus sesudah awalnya" in _error_beside(page, "period_end")
    assert count(app) == 0


def test_a_missing_letter_and_a_letter_dated_in_the_future_are_named_in_one_answer_in_english(app, people):
    admin = logged_in_client(app, "ani")
    admin.get("/admin/remote/?lang=en")
    response = record(admin, letter=False, letter_date="01/01/2099", rights=[], rights_other="")
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "Attach the scanned letter" in _error_beside(page, "letter")
    assert "lies in the future" in _error_beside(page, "letter_date")
    assert "at least one access right" in _error_beside(page, "rights")
    assert count(app) == 0
