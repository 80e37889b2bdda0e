"""Every CSV download names its character set once (the security probe saw "text/csv; charset=utf-8;
charset=utf-8": Werkzeug adds the charset to a text/* type that already carried one)."""
from __future__ import annotations

import pytest

from ..conftest import logged_in_client

PERIOD = {"from": "2026-11-18", "to": "2026-11-18"}


@pytest.mark.parametrize("path,query", [
    ("/admin/reports/guestbook.csv", PERIOD),
    ("/admin/reports/visits.csv", PERIOD),
    ("/admin/reports/statistics.csv", PERIOD),
    ("/admin/reports/skm-answers.csv", {"kind": "semester", "year": "2026", "half": "1"}),
    ("/admin/remote/form.csv", {"kind": "month", "value": "2026-11"}),
    ("/admin/invitations/template.csv", {}),
])
def test_a_csv_download_says_utf_8_once(app, make_user, path, query):
    make_user("sinta", "admin", "kasubag", "helpdesk", name="Sinta Admin")
    response = logged_in_client(app, "sinta").get(path, query_string=query)
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
