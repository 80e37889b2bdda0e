"""Which Host a link may be written from without SITE_ADDRESS (README, SITE_ADDRESS: "the address the staff
browser used when it is an IP address, localhost or this computer's name ... a forged Host header never
reaches a link"): a name that only contains "localhost" is somebody else's."""
from __future__ import annotations

import pytest

from lpsedesk.site_address import absolute_link, host_is_ours


@pytest.mark.parametrize("host", ["localhost.evil.example", "evil-localhost", "mylocalhost:8080",
                                  "localhost.evil.example:8080"])
def test_a_name_that_merely_contains_localhost_is_not_this_server(host):
    assert host_is_ours(host, ["meja-tamu"]) is False
    assert absolute_link("/kiosk/i/X", site_address="", scheme="http", host=host, own_names=["meja-tamu"]) == "/kiosk/i/X"


@pytest.mark.parametrize("host", ["localhost", "localhost:8080", "LOCALHOST."])
def test_localhost_itself_is_this_server(host):
    assert host_is_ours(host, []) is True
