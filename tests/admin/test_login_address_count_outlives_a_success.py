"""README (LOGIN_MAX_ATTEMPTS): one address may fail twice the limit over all user names in the window.

A right password for one's own account clears that name's count from that address, but not what the
address tried for other names: otherwise a guesser with any account of their own would log in every
few tries and guess other people's passwords without end.
"""
from __future__ import annotations

from ..conftest import TEST_PASSWORD
from .test_login import _login_from

GUESSER = "10.0.0.77"


def test_logging_in_to_ones_own_account_does_not_reset_what_the_address_tried_for_other_names(app, make_user):
    make_user("joko", "helpdesk")
    for i in range(4):
        assert _login_from(app, GUESSER, f"tebak{i}", "wrong-password-1").status_code == 401
    assert _login_from(app, GUESSER, "joko", TEST_PASSWORD).status_code == 302
    for i in range(4, 10):
        assert _login_from(app, GUESSER, f"tebak{i}", "wrong-password-1").status_code == 401
    # Ten wrong tries from this address in the window: the eleventh waits, whatever the name.
    assert _login_from(app, GUESSER, "tebak10", "wrong-password-1").status_code == 429
