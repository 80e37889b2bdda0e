"""Where a `next=` parameter may send a browser after a form: a path of this site, nothing else."""
from __future__ import annotations

import pytest

from lpsedesk.urls import same_site_path


@pytest.mark.parametrize("target", ["/admin/", "/admin/visits/7?page=2&q=sari", "/admin/board#inside", "/"])
def test_a_path_of_this_site_is_kept(target):
    assert same_site_path(target) == target


@pytest.mark.parametrize("target", [
    "//evil.example", "///evil.example", "////evil.example/admin", "/\\evil.example", "\\\\evil.example",
    "/\\/evil.example", "http://evil.example/", "https:evil.example", "javascript:alert(1)",
    "evil.example", "admin/visits", "/admin\r\nSet-Cookie: x=1", "/admin\nx", "/admin\tx", "/a b",
    "/admin/\x00", "", None, "/" + "a" * 20_000,
])
def test_anything_that_could_leave_the_site_or_split_a_header_is_refused(target):
    assert same_site_path(target) is None


def test_the_print_of_500_chosen_invitations_is_a_path_a_login_may_return_to():
    # the longest address a page of the desk sends (h48f): a session ended on it comes back to it
    target = "/admin/invitations/print?" + "&".join(f"id={2_147_483_000 + i}" for i in range(500))
    assert same_site_path(target) == target
