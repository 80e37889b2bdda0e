"""An invitation used at the kiosk, as docs/invitations.md states it (hand-planted mutants, mu13).

"When the invited visitor checks in inside the window, the new visit starts approved: ...
approved_until is now plus the planned duration" - the duration the visitor chose, not the end of
the invitation's window.
"""
from __future__ import annotations

from datetime import timedelta

from lpsedesk.extensions import db
from lpsedesk.invitations import rules, use
from lpsedesk.roles import kiosk_actor

from .test_rules_invitations import NIK, NOW, invite, people, submit_visit  # noqa: F401 (people: the fixture)


def test_a_visit_approved_in_advance_may_stay_the_duration_chosen_not_until_the_window_ends(people):
    desk, kasubag, _admin = people
    invitation = invite(desk, ends_at=NOW + timedelta(hours=6))
    rules.decide(db.session, invitation, "approve", kasubag, now=NOW - timedelta(days=1))
    use.check(invitation, nik=NIK, full_name="Sari Uji Coba", now=NOW)
    visit = submit_visit(planned_minutes=60)
    use.attach(db.session, invitation, visit, kiosk_actor(1, "Kiosk"), now=NOW)
    assert visit.status == "approved"
    assert visit.approved_until == NOW + timedelta(minutes=60)
