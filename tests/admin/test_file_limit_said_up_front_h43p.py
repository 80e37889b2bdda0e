"""h43p: the participants' file has a limit (docs: at most 2 MB) that the form said only once a larger file
was chosen, where the remote-access letter's field says its 5 MB up front. Both say it before a file is
chosen, in the page's language."""
from __future__ import annotations

import re

import pytest

from ..conftest import logged_in_client

HINT = {"id": "Paling besar {} MB.", "en": "At most {} MB."}


def _hints(page: str) -> list[str]:
    return re.findall(r'<span class="muted hint">([^<]*)</span>', page)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_participants_file_says_its_2_mb_before_a_file_is_chosen(app, make_user, lang):
    make_user("rina", "helpdesk")
    page = logged_in_client(app, "rina").get(f"/admin/invitations/import?lang={lang}").get_data(as_text=True)
    assert HINT[lang].format(2) in _hints(page)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_letter_still_says_its_5_mb_once(app, make_user, lang):
    make_user("ani", "admin", name="Ani Admin")
    page = logged_in_client(app, "ani").get(f"/admin/remote/new?lang={lang}").get_data(as_text=True)
    assert page.count(HINT[lang].format(5)) == 1
    assert HINT[lang].format(5) in _hints(page)
