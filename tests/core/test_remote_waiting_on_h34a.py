"""SOP 2, whose step a request waits for (lpsedesk/remote_ops.waiting_on): the Kasubag decides a letter
received; the Admin gives the account once approved and closes it when the third party is done. A
closed request waits for nobody; a refused one waits on the Admin until its third party is told
(h35r; tests/core/test_remote_refusal_told_h35r.py). The Admin's home showed only the letters waiting
for the Kasubag (h34a)."""
from __future__ import annotations

from lpsedesk import remote_ops
from lpsedesk.extensions import db
from lpsedesk.roles import Actor, Role

from .. import factories


def _one_in_each_state() -> dict[str, int]:
    return {status: factories.remote_request(status, requester_name=f"Teknisi {status}").id
            for status in ("received", "approved", "active", "closed", "denied")}


def _waiting(actor: Actor) -> dict[str, list[int]]:
    return {str(status): [r.id for r in rows] for status, rows in remote_ops.waiting_on(db.session, actor).items()}


def test_the_admin_waits_on_accounts_to_give_accounts_to_close_and_refusals_to_tell(app):
    with app.app_context():
        ids = _one_in_each_state()
        admin = Actor("user", 1, "Ani", frozenset({Role.ADMIN}))
        assert _waiting(admin) == {"approved": [ids["approved"]], "active": [ids["active"]],
                                   "denied": [ids["denied"]]}


def test_the_kasubag_waits_on_letters_received_and_the_helpdesk_on_none(app):
    with app.app_context():
        ids = _one_in_each_state()
        kasubag = Actor("user", 2, "Bambang", frozenset({Role.KASUBAG}))
        assert _waiting(kasubag) == {"received": [ids["received"]]}
        assert _waiting(Actor("user", 3, "Rina", frozenset({Role.HELPDESK}))) == {}


def test_a_step_with_nothing_waiting_is_still_named_with_none(app):
    with app.app_context():
        admin = Actor("user", 1, "Ani", frozenset({Role.ADMIN}))
        assert _waiting(admin) == {"approved": [], "active": [], "denied": []}
