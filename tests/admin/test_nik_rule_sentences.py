"""Two staff forms take someone's NIK: the invitation (the helpdesk or Admin invites a visitor) and the watch
list (the Admin). A NIK breaking its rules (16 digits; the last 4 never 0000) is told in the same Indonesian
sentence on both, where the watch list had said "16 digit" and the invitation "16 angka"."""
from __future__ import annotations

import html

from ..conftest import logged_in_client, post_form
from .test_invitations import one
from .test_watchlist import REASON, _later

SHORT = "337302410790000"  # 15 digits
NO_SERIAL = "3373024107900000"  # the last 4 are 0000


def _said_on_both(app, nik: str) -> tuple[str, str]:
    admin = logged_in_client(app, "ani")
    invitation = post_form(admin, "/admin/invitations/new", one(nik=nik), token_page="/admin/invitations/new")
    watch = post_form(admin, "/admin/watchlist/", nik=nik, reason=REASON, expires_on=_later())
    assert invitation.status_code == 400 and watch.status_code == 400
    return html.unescape(invitation.get_data(as_text=True)), html.unescape(watch.get_data(as_text=True))


def test_a_nik_one_digit_short_is_told_alike_on_the_invitation_and_the_watch_list(app, make_user):
    make_user("ani", "admin")
    for page in _said_on_both(app, SHORT):
        assert "NIK terdiri dari tepat 16 angka." in page


def test_a_nik_ending_0000_is_told_alike_on_the_invitation_and_the_watch_list(app, make_user):
    make_user("ani", "admin")
    invitation, watch = _said_on_both(app, NO_SERIAL)
    sentence = "4 digit terakhir tidak boleh 0000."
    assert sentence in invitation and sentence in watch
