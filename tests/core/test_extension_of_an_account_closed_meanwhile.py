"""An extension's account is given even when the Admin closed the old account while it waited.

docs/remote.md, extensions: while an extension waits "nothing changes for the old account"; the
Admin may still close it (the work under the old letter finished, or its end passed). When the
extension's account is then given, it is the old account that was *open* that gets closed as
"superseded"; one already closed keeps its own Waktu Penutupan and kind, and the new account is
given all the same (it has its own letter and its own approval).
"""
from __future__ import annotations

from lpsedesk import remote_ops
from lpsedesk.extensions import db

from .test_rules_remote_ops import DAY, HOUR, NOW, active, letter, staff  # noqa: F401  (fixture)


def test_giving_an_extension_leaves_an_old_account_closed_meanwhile_as_it_was_closed(staff):
    admin, admin2, kasubag = staff
    old = active(admin, kasubag, until=NOW + DAY, username="vendor01")
    ext = remote_ops.record_request(db.session, admin2, letter(letter_number="046/UJI/XI/2026"),
                                    now=NOW + HOUR, extends=old)
    remote_ops.approve(db.session, ext, kasubag, approved_until=NOW + 3 * DAY, now=NOW + HOUR)
    closed = NOW + 20 * HOUR
    remote_ops.close_account(db.session, old, admin, closed_at=closed, note="Pekerjaan selesai", now=closed)

    given = NOW + 2 * DAY
    event = remote_ops.give_account(db.session, ext, admin, username="vendor01", rights_granted="Hanya baca",
                                    granted_at=given, now=given)
    db.session.flush()
    assert (ext.status, ext.granted_at) == ("active", given)
    assert (old.status, old.closed_at, old.close_kind, old.close_note) == ("closed", closed, "finished",
                                                                           "Pekerjaan selesai")
    assert "supersedes" not in event.details
    assert [e.action for e in remote_ops.timeline(db.session, old.id)].count("remote.closed") == 1
