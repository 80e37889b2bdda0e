"""SOP 2 and h36e: the morning's digest lists, under "Refused letters: the answer to the third party", the
letters the Kasubag refused; only a refusal leaves the Admin an answer to give. mu17: approved letters (granted,
their account given or closed) listed there as well survived the suite."""
from __future__ import annotations

from datetime import timedelta

from lpsedesk import remote_ops
from lpsedesk.extensions import db

from .test_remote_refusal_told_h35r import NOW, granted, people, refused  # noqa: F401 (fixture)


def test_a_granted_letter_is_not_among_the_refusals_of_the_digest(people):
    refused(people, "Teknisi Ditolak")
    granted(people, "Teknisi Disetujui")
    db.session.commit()
    assert [r.requester_name for r in remote_ops.refusals_for_the_digest(db.session, NOW, NOW - timedelta(days=1))] == ["Teknisi Ditolak"]
