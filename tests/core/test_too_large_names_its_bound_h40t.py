"""h40t: what the server answers by itself to a body past what it reads at all (four times MAX_UPLOAD_MB)
names the limit of what was being sent there: a remote-access letter at most 5 MB (docs/remote.md), a
participants' file at most 2 MB (docs/invitations.md), a kiosk's photo and any other request at most
MAX_UPLOAD_MB (8 MB in the tests); where the path is no page of the desk, it says the file is too large
without a number. It said "paling besar 8 MB" whatever the route (h40s's probe): a wrong number to an
Admin whose letter may hold 5. Served by real waitress, as `flask serve` runs it."""
from __future__ import annotations

import re
import sys

import pytest

from .test_one_client_cannot_starve_the_desk import served  # noqa: F401  (a fixture)
from .test_the_servers_own_answers_h40s import _carries_the_security_headers, _head_and_body, _send

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="as the starvation tests")

PAST_ANY_BOUND = 900_000_000  # bytes announced, none sent: refused on the head alone

SAID_AT = {
    "/admin/remote/new": "Berkas terlalu besar (paling besar 5 MB).",
    "/admin/invitations/import": "Berkas terlalu besar (paling besar 2 MB).",
    "/kiosk/api/v1/scan": "Berkas terlalu besar (paling besar 8 MB).",
    "/admin/login": "Berkas terlalu besar (paling besar 8 MB).",
    "/admin/remote/new?extends=3": "Berkas terlalu besar (paling besar 5 MB).",
}


def _refused(port: int, path: str, method: str = "POST") -> tuple[dict[str, str], str]:
    head = (f"{method} {path} HTTP/1.1\r\nHost: desk\r\nContent-Length: {PAST_ANY_BOUND}\r\n\r\n").encode()
    return _head_and_body(_send(port, head))


@pytest.mark.parametrize("path", sorted(SAID_AT))
def test_a_body_past_the_bound_is_told_the_limit_of_what_that_page_takes(served, path):
    headers, body = _refused(served, path)
    assert headers[":status"].split()[1] == "413"
    _carries_the_security_headers(headers)
    assert body.strip() == SAID_AT[path]


@pytest.mark.parametrize(("path", "method"), [("/no/such/page", "POST"), ("/admin/login", "DELETE")])
def test_where_no_page_takes_the_body_the_file_is_too_large_without_a_number(served, path, method):
    headers, body = _refused(served, path, method)
    assert headers[":status"].split()[1] == "413"
    assert body.strip() == "Berkas terlalu besar."
    assert not re.search(r"\d", body)


def test_a_chunked_body_past_the_bound_names_the_letters_limit(served, app):
    bound = 4 * int(app.config["MAX_UPLOAD_MB"]) * 1024 * 1024
    chunk = b"0" * (1024 * 1024)
    piece = b"%x\r\n%s\r\n" % (len(chunk), chunk)
    data = (b"POST /admin/remote/new HTTP/1.1\r\nHost: desk\r\nTransfer-Encoding: chunked\r\n\r\n"
            + piece * (bound // len(chunk) + 2))
    headers, body = _head_and_body(_send(served, data))
    assert headers[":status"].split()[1] == "413"
    assert body.strip() == "Berkas terlalu besar (paling besar 5 MB)."
