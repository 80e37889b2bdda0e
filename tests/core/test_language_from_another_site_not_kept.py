"""`?lang=` in a link on another site may show that one page in its language, but the browser's
choice for the desk's next pages is not changed by it: only the desk's own pages (or a typed
address) store the language in the session."""
from __future__ import annotations

import pytest


def _lang(response) -> str:
    text = response.get_data(as_text=True)
    return text.split('<html lang="', 1)[1].split('"', 1)[0]


@pytest.mark.parametrize("started_by", ["cross-site", "same-site"])
def test_a_language_from_another_sites_link_shows_that_page_only(client, make_user, started_by):
    make_user("rina")  # else the login page sends to the first-run setup
    first = client.get("/admin/login?lang=en", headers={"Sec-Fetch-Site": started_by, "Sec-Fetch-Mode": "navigate"})
    assert first.status_code == 200 and _lang(first) == "en"
    assert _lang(client.get("/admin/login")) == "id", "the other site's choice was kept"


@pytest.mark.parametrize("started_by", ["same-origin", "none", None])
def test_a_language_chosen_on_the_desk_is_kept(client, make_user, started_by):
    make_user("rina")
    headers = {"Sec-Fetch-Site": started_by} if started_by else {}
    assert _lang(client.get("/admin/login?lang=en", headers=headers)) == "en"
    assert _lang(client.get("/admin/login")) == "en"
