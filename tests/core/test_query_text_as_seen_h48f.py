"""h48f: a query string is read as a form's text is (known since h47e, docs/security.md).

The brief's words: query strings were not cleaned as forms are (the invitations' event filter, the visits
search, any value read after `?`): a NUL, a lone surrogate, control characters, a 100 kB value, repeated
keys. Bad input gets a clear message in the user's language and a 4xx, loses nothing, and the server keeps
serving. The desk's own links must keep working: the print of up to 500 chosen invitations sends one `id`
each.
"""
from __future__ import annotations

from ..admin.test_invitations import one
from ..conftest import logged_in_client, post_form

ZWSP, RLO, SOFT_HYPHEN = "\u200b", "\u202e", "\u00ad"


def _helpdesk(app, make_user):
    make_user("rina", "helpdesk")
    return logged_in_client(app, "rina")


def _raw_query(client, path: str, query: bytes):
    """`query` sent as its bytes, as a script can (a browser escapes what is not ASCII)."""
    return client.get(path, environ_overrides={"QUERY_STRING": query.decode("latin-1")})


def test_the_training_roster_is_found_by_its_name_pasted_with_invisible_characters(app, make_user):
    desk = _helpdesk(app, make_user)
    response = post_form(desk, "/admin/invitations/new", one(event_name="Pelatihan SPSE"),
                         token_page="/admin/invitations/new")
    assert response.status_code == 302, response.get_data(as_text=True)[:600]
    pasted = f"Pela{ZWSP}tihan {SOFT_HYPHEN}SPSE"
    response = desk.get("/admin/invitations/training", query_string={"event": pasted})
    assert response.status_code == 200, response.get_data(as_text=True)[:600]
    assert "SARI UJI COBA" in response.get_data(as_text=True)  # the roster writes names in capitals


def test_control_and_direction_characters_never_reach_the_page_from_the_query(app, make_user):
    desk = _helpdesk(app, make_user)
    response = desk.get("/admin/invitations/new", query_string={"event": f"Rapat\x1b[31m {RLO}ATSP\x07"})
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "\x1b" not in page and RLO not in page and "\x07" not in page
    assert "Rapat[31m ATSP" in page


def test_a_query_that_is_not_utf8_is_a_400_in_indonesian_and_the_desk_keeps_serving(app, make_user):
    desk = _helpdesk(app, make_user)
    response = _raw_query(desk, "/admin/visits", b"q=bud\xffi")
    assert response.status_code == 400
    assert "alamat" in response.get_data(as_text=True).lower()
    assert desk.get("/admin/visits", query_string={"q": "budi"}).status_code == 200


def test_half_of_a_utf16_pair_in_the_query_is_no_server_error(app, make_user):
    desk = _helpdesk(app, make_user)
    for query in (b"q=%ED%A0%80", b"q=\xed\xa0\x80", b"event=%ED%B0%80x"):
        response = _raw_query(desk, "/admin/visits", query)
        assert response.status_code in (200, 400), (query, response.status_code)
        assert "\ud800" not in response.get_data(as_text=True)


def test_a_100_kb_value_is_a_400_that_says_the_address_is_too_long(app, make_user):
    desk = _helpdesk(app, make_user)
    response = desk.get("/admin/visits", query_string={"q": "a" * 100_000})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "alamat" in page.lower() and "a" * 5_000 not in page, "nor is the value repeated in the page's links"
    assert desk.get("/admin/visits").status_code == 200


def test_a_long_value_is_refused_in_english_on_an_english_page(app, make_user):
    desk = _helpdesk(app, make_user)
    desk.get("/admin/visits?lang=en")
    response = desk.get("/admin/visits", query_string={"q": "b" * 20_000})
    assert response.status_code == 400
    assert "address" in response.get_data(as_text=True)


def test_thousands_of_repeated_keys_are_a_400(app, make_user):
    desk = _helpdesk(app, make_user)
    response = _raw_query(desk, "/admin/visits", b"&".join([b"q=a"] * 5_000))
    assert response.status_code == 400
    assert "alamat" in response.get_data(as_text=True).lower()


def test_the_print_of_500_chosen_invitations_is_still_read(app, make_user):
    desk = _helpdesk(app, make_user)
    query = b"&".join(b"id=%d" % (2_147_483_000 + n) for n in range(500)) + b"&layout=cards"
    response = _raw_query(desk, "/admin/invitations/print", query)
    assert response.status_code in (200, 302), response.status_code  # none exists: back to the list


def test_a_repeated_key_is_read_once_as_the_first_given(app, make_user):
    desk = _helpdesk(app, make_user)
    response = _raw_query(desk, "/admin/visits", b"q=Sari&q=%00&status=pending&status=x")
    assert response.status_code == 400, "a NUL in any copy of a key is refused"
    response = _raw_query(desk, "/admin/visits", b"q=Sari&q=Budi")
    assert response.status_code == 200
    assert 'value="Sari"' in response.get_data(as_text=True)


def test_a_staff_member_logged_out_on_the_print_of_500_invitations_is_asked_to_log_in(app, client, make_user):
    """The login's `next=` then holds the whole 7 kB address (9 kB escaped): the login page opens."""
    make_user("rina", "helpdesk")
    query = "&".join(f"id={2_147_483_000 + n}" for n in range(500))
    response = client.get(f"/admin/invitations/print?{query}")
    assert response.status_code == 302 and "/admin/login" in response.headers["Location"]
    login_page = client.get(response.headers["Location"], follow_redirects=True)
    assert login_page.status_code == 200 and 'name="password"' in login_page.get_data(as_text=True)
