"""A language chosen on one page holds on the next, even when a background request of the page
before (a live fragment, a live stream) is answered after the choice.

Seen on a loaded machine: the Kasubag chose English on the queue, tapped a request, and the request's
page came in Indonesian - the earlier page's live fragment, started with the old cookie, answered
late with a refreshed copy of that old cookie."""
from __future__ import annotations

SESSION = "session"
BACKGROUND = {"Sec-Fetch-Mode": "cors", "Sec-Fetch-Dest": "empty"}
NAVIGATION = {"Sec-Fetch-Mode": "navigate", "Sec-Fetch-Dest": "document"}


def session_cookies(response) -> list[str]:
    return [h for h in response.headers.getlist("Set-Cookie") if h.startswith(f"{SESSION}=")]


def test_a_background_answer_does_not_send_back_an_old_session(app, client, make_user, login):
    make_user("siti", "kasubag")
    login("siti")
    old = client.get_cookie(SESSION).value
    client.get("/admin/queue?lang=en", headers=NAVIGATION)
    assert client.get_cookie(SESSION).value != old  # the choice is in the new cookie

    late = app.test_client()  # the earlier page's fetch, holding the cookie the browser had then
    late.set_cookie(SESSION, old)
    answer = late.get("/admin/queue", headers=BACKGROUND)
    assert answer.status_code == 200
    assert session_cookies(answer) == []  # nothing that would overwrite the browser's newer cookie

    page = client.get("/admin/queue", headers=NAVIGATION).get_data(as_text=True)
    assert 'lang="en"' in page


def test_pages_the_browser_navigates_to_still_keep_the_session_alive(client, make_user, login):
    """Staff sessions end STAFF_SESSION_HOURS after the last page opened (and at the latest
    STAFF_SESSION_MAX_HOURS after the login: tests/admin/test_session_ends_after_its_hours.py)."""
    make_user("rina", "helpdesk")
    login("rina")
    assert session_cookies(client.get("/admin/board", headers=NAVIGATION)) != []
    # A client that names no fetch mode (an older browser) is treated as a navigation.
    assert session_cookies(client.get("/admin/board")) != []


def test_a_background_request_that_changes_the_session_still_saves_it(client, make_user, login):
    """A fetch that chooses the language (or anything else) is not silently dropped."""
    make_user("rina", "helpdesk")
    login("rina")
    answer = client.get("/admin/board?lang=en", headers=BACKGROUND)
    assert session_cookies(answer) != []
