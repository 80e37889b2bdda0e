"""Every box where staff type a day says how to type it, the digits-only form included (h30p): an
iPhone's number pad has no "/", so "25122026" must be named beside the report period, the Formulir's
date range and a delegation's days - in Indonesian by default and in English on request."""
from __future__ import annotations

import pytest

from tests.conftest import logged_in_client

PAGES = ["/admin/reports/", "/admin/reports/guestbook", "/admin/remote/form",
         "/admin/settings/delegations"]
HINTS = {"id": "Tanggal/bulan/tahun, mis. 25/12/2026 (angka saja: 25122026)",
         "en": "Day/month/year, e.g. 25/12/2026 (digits only: 25122026)"}


@pytest.mark.parametrize("lang", sorted(HINTS))
@pytest.mark.parametrize("path", PAGES)
def test_a_typed_day_is_explained_with_its_digits_only_form(app, make_user, path, lang):
    make_user("ani", "admin", name="Ani Admin")
    page = logged_in_client(app, "ani").get(path, query_string={"lang": lang} if lang == "en" else None)
    body = page.get_data(as_text=True)
    assert page.status_code == 200, body[:500]
    assert HINTS[lang] in body
