"""Who decides an invitation in advance, and who cancels it (hand-planted mutants, mu9;
docs/mutation.md).

docs/invitations.md: "Advance approval is SOP 1 step 4 taken before the visit. Only the Kasubag
(or a Plh./Plt., signing "a.n.") decides." The Admin LPSE and the helpdesk invite, the Kasubag
decides: whoever invites never approves their own invitation, nor refuses it.
"""
from __future__ import annotations

import pytest

from lpsedesk.extensions import db
from lpsedesk.invitations import rules
from lpsedesk.roles import SYSTEM_ACTOR, kiosk_actor
from lpsedesk.workflow import NotAllowed

from .test_rules_invitations import NOW, invite, people  # noqa: F401 (people: the fixture)


@pytest.mark.parametrize("decision,reason", [("approve", ""), ("deny", "Ruang pelatihan penuh")])
def test_neither_the_admin_nor_the_helpdesk_decides_an_invitation_in_advance(people, decision, reason):
    desk, kasubag, admin = people
    invitation = invite(admin)
    for actor in (admin, desk, kiosk_actor(7, "Kios Lobi"), SYSTEM_ACTOR):
        with pytest.raises(NotAllowed):
            rules.decide(db.session, invitation, decision, actor, reason=reason, now=NOW)
        assert (invitation.status, invitation.decided_at, invitation.decided_by_id) == ("open", None, None)
    rules.decide(db.session, invitation, decision, kasubag, reason=reason, now=NOW)
    assert invitation.decided_by_id == kasubag.id


# docs/invitations.md, who does what: "helpdesk, Admin LPSE: cancel an unused invitation (its code
# stops working)". The Kasubag decides and does not cancel; a kiosk or the system does neither.

def test_only_the_helpdesk_and_the_admin_cancel_an_invitation(people):
    desk, kasubag, admin = people
    invitation = invite(desk)
    for actor in (kasubag, kiosk_actor(7, "Kios Lobi"), SYSTEM_ACTOR):
        with pytest.raises(NotAllowed):
            rules.cancel(db.session, invitation, actor, now=NOW)
        assert (invitation.status, invitation.cancelled_at) == ("open", None)
    rules.cancel(db.session, invitation, admin, now=NOW)
    assert (invitation.status, invitation.cancelled_at) == ("cancelled", NOW)
    other = invite(admin)
    rules.cancel(db.session, other, desk, now=NOW)
    assert other.status == "cancelled"
