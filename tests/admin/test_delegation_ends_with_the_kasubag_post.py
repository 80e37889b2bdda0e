"""sec4 probe: the Admin named Rina (helpdesk) Plh. for Kasubag Bambang for a week; then Bambang
left the post and the Admin took his Kasubag role away. Rina still decided visits as Kasubag
"a.n. Bambang" for the rest of the week: the delegation outlived the power it lends.

What must happen: a delegate decides only while the principal is still an active Kasubag; once
the role is gone, her decision is refused (403 in Indonesian) and the visit stays undecided; given
the role back, the running delegation works again."""
from __future__ import annotations

from datetime import timedelta

from lpsedesk.extensions import db
from lpsedesk.models import Visit

from .. import factories
from ..conftest import csrf_from, post_form
from .test_settings_delegations import _delegate, _setup, _today


def test_a_delegate_cannot_decide_for_someone_who_is_no_longer_kasubag(app, client, make_user, login):
    ids = _setup(make_user, login)
    assert _delegate(client, ids, _today(), _today() + timedelta(days=6)).status_code == 302
    assert post_form(client, f"/admin/settings/users/{ids['kasubag']}/roles",
                     {"roles": ["helpdesk"]}).status_code == 302
    with app.app_context():
        visit_id = factories.visit().id
    rina = app.test_client()
    login("rina", c=rina)
    token = csrf_from(rina, "/admin/")
    refused = rina.post(f"/admin/visits/{visit_id}/decision", data={"csrf_token": token, "decision": "approve"})
    assert refused.status_code == 403
    assert "Anda" in refused.get_data(as_text=True) or "tidak" in refused.get_data(as_text=True)
    with app.app_context():
        visit = db.session.get(Visit, visit_id)
        assert visit.status == "pending" and visit.decided_on_behalf_of_id is None

    assert post_form(client, f"/admin/settings/users/{ids['kasubag']}/roles",
                     {"roles": ["kasubag"]}).status_code == 302
    allowed = rina.post(f"/admin/visits/{visit_id}/decision", data={"csrf_token": token, "decision": "approve"})
    assert allowed.status_code == 302
    with app.app_context():
        assert db.session.get(Visit, visit_id).decided_on_behalf_of_id == ids["kasubag"]
