"""Who keeps the watch list (hand-planted mutants, mu9; docs/mutation.md).

docs/restricted.md, "Who": "The Admin LPSE keeps the list (add, change, remove). The Kasubag reads
it. The helpdesk cannot open it". The core refuses the change itself, whoever calls it: an entry
the Kasubag or the helpdesk tries to add, change or remove stays as it was, and nothing is audited.
"""
from __future__ import annotations

import pytest
from sqlalchemy import select

from lpsedesk import watchlist
from lpsedesk.extensions import db
from lpsedesk.models import WatchEntry
from lpsedesk.roles import SYSTEM_ACTOR, Actor, Role, kiosk_actor
from lpsedesk.workflow import NotAllowed

from .test_watchlist_rules_mu6 import ADMIN, NIK, TODAY, entry_input, events

NOT_KEEPERS = [Actor("user", None, "Bambang", frozenset({Role.KASUBAG})),
               Actor("user", None, "Rina", frozenset({Role.HELPDESK})),
               kiosk_actor(7, "Kios Lobi"), SYSTEM_ACTOR]


@pytest.mark.parametrize("actor", NOT_KEEPERS, ids=lambda a: a.label)
def test_only_the_admin_adds_changes_and_removes_an_entry(app, actor):
    with app.app_context():
        entry = watchlist.add(db.session, ADMIN, entry_input(nik=NIK), today=TODAY)
        with pytest.raises(NotAllowed):
            watchlist.add(db.session, actor, entry_input(nik="3373020101900002"), today=TODAY)
        with pytest.raises(NotAllowed):
            watchlist.change(db.session, actor, entry, entry_input(nik=NIK, reason="Dicabut"), today=TODAY)
        with pytest.raises(NotAllowed):
            watchlist.remove(db.session, actor, entry)
        db.session.flush()
        assert db.session.scalars(select(WatchEntry)).all() == [entry]
        assert entry.reason == "Pernah merusak perangkat"
        assert [len(events(a)) for a in ("watchlist.added", "watchlist.changed", "watchlist.removed")] == [1, 0, 0]
