"""h43p: the Kasubag's home said nothing of remote-access accounts still open past the end the Kasubag
approved (the Admin's home shows them in red since h40w). The SOP gives the closing to the Admin, so the
Kasubag's home says it in one calm, read-only line that opens the register's open accounts."""
from __future__ import annotations

from datetime import timedelta

import pytest

from ..conftest import logged_in_client
from .test_remote_flow import people  # noqa: F401 (fixture)
from .test_remote_overdue import open_account
from .test_remote_support import now

LINE = {"id": "2 akun akses jarak jauh melewati batas persetujuan",
        "en": "2 remote-access accounts are open past their approved end"}


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_kasubag_home_says_how_many_accounts_are_open_past_their_approved_end(app, people, lang):
    open_account(app, people["admin"])
    open_account(app, people["admin"], username="vendor_dua", approved_until=now() - timedelta(days=1))
    open_account(app, people["admin"], username="vendor_baru", approved_until=now() + timedelta(days=1))
    page = logged_in_client(app, "bambang").get(f"/admin/?lang={lang}").get_data(as_text=True)
    line = page.split('data-part="remote-overdue"')[1].split("</p>")[0]
    assert LINE[lang] in line
    assert 'href="/admin/remote/?status=active"' in line
    assert "<form" not in line and "<button" not in line  # read-only: the closing is the Admin's


def test_the_kasubag_home_has_no_such_line_when_every_open_account_is_within_its_end(app, people):
    open_account(app, people["admin"], approved_until=now() + timedelta(days=1))
    page = logged_in_client(app, "bambang").get("/admin/").get_data(as_text=True)
    assert 'data-part="remote-overdue"' not in page
