"""SOP 2's extensions: one at a time, until its account is given (hand-planted mutants, mu9;
docs/mutation.md).

docs/remote.md, Extensions 1: "Only an active account can be extended, and only one extension may
be on its way at a time (received or approved); otherwise 409." An extension the Kasubag approved
is still on its way until the Admin gives its account: a second letter then is refused; once the
account is given (and the old one closed), the new account may itself be extended.
"""
from __future__ import annotations

from lpsedesk import remote_ops
from lpsedesk.extensions import db

from .test_rules_remote_ops import NOW, active, code_of, letter, staff  # noqa: F401 (staff: the fixture)


def test_an_approved_extension_not_yet_given_is_still_on_its_way(staff):
    admin, admin2, kasubag = staff
    old = active(admin, kasubag)
    ext = remote_ops.record_request(db.session, admin2, letter(), now=NOW, extends=old)
    remote_ops.approve(db.session, ext, kasubag, approved_until=None, now=NOW)
    assert remote_ops.open_extension(db.session, old) == ext
    assert code_of(lambda: remote_ops.record_request(db.session, admin2, letter(), now=NOW,
                                                     extends=old)) == "extension_pending"
    # Given, it is on its way no more: the old account is closed, the new one may be extended.
    remote_ops.give_account(db.session, ext, admin, username="vendor01", rights_granted="Hanya baca",
                            granted_at=NOW, now=NOW)
    assert remote_ops.open_extension(db.session, old) is None and old.status == "closed"
    again = remote_ops.record_request(db.session, admin2, letter(), now=NOW, extends=ext)
    assert again.extends_id == ext.id
