"""The live streams' rules at the edges mutmut's first run of lpsedesk/live_rules.py found untested (h47f).

README (Security): each stream "carries only what the viewer's roles may see (remote access to the Admin
LPSE and the Kasubag only)", and "a reconnect replays at most 120 s and 200 events, else 'reload'".
docs/staff.md: a Plh./Plt. is given the Kasubag role during an active delegation, beside the role they
hold. Invitations reach the Kasubag's stream only (h46d).
"""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from lpsedesk.live_rules import replay_start, staff_may_hear
from lpsedesk.roles import Role

NOW = datetime(2026, 12, 7, 3, 0, tzinfo=timezone.utc)


def test_a_helpdesk_member_acting_as_plh_hears_what_the_kasubag_hears_whatever_order_the_roles_come_in():
    # Rule: a viewer's stream carries what any one of their roles may see (docs/staff.md's Plh./Plt.
    # holds the Kasubag role beside their own; the remote access is the Kasubag's).
    for roles in ([Role.HELPDESK, Role.KASUBAG], [Role.KASUBAG, Role.HELPDESK]):
        assert staff_may_hear(roles, "remote_access", "remote.requested") is True
        assert staff_may_hear(roles, "invitations", "invitation.created") is True
        assert staff_may_hear(roles, "visit", "visit.requested") is True


def test_an_admin_who_is_also_helpdesk_hears_remote_access_whatever_order_the_roles_come_in():
    for roles in ([Role.ADMIN, Role.HELPDESK], [Role.HELPDESK, Role.ADMIN]):
        assert staff_may_hear(roles, "remote_access", "remote.requested") is True
        assert staff_may_hear(roles, "visit", "visit.requested") is True


def test_a_client_that_missed_exactly_120_seconds_gets_them_replayed():
    # Rule: "replays at most 120 s": the 120th second is still within it; the 121st is not (held elsewhere).
    start = replay_start(490, 500, NOW - timedelta(seconds=120), NOW)
    assert (start.after_id, start.reload) == (490, False)


def test_a_client_that_saw_the_first_event_of_the_log_gets_the_rest_replayed():
    # Rule: never from event 0 (no event has that id: it would read the whole log); event 1 is an event
    # this log gave, and a client that saw it missed only what came after.
    start = replay_start(1, 5, NOW, NOW)
    assert (start.after_id, start.reload) == (1, False)
