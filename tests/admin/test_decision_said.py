"""After a tap on Approve or Refuse the decider is told which way it went ("Disetujui: NAMA." /
"Ditolak: NAMA."), not only "Keputusan untuk NAMA tersimpan.": on a phone a thumb that landed on the
wrong button shows at once, while the request can still be looked up."""
from __future__ import annotations

import pytest

from .. import factories
from ..conftest import post_form


@pytest.mark.parametrize("decision,said", [("approve", "Disetujui: SARI UJI."), ("deny", "Ditolak: SARI UJI.")])
def test_the_queue_says_which_way_the_decision_went(app, client, make_user, login, decision, said):
    make_user("bambang", "kasubag")
    login("bambang")
    with app.app_context():
        visit_id = factories.visit(visitor=factories.visitor(full_name="SARI UJI")).id
    answer = post_form(client, f"/admin/visits/{visit_id}/decision", decision=decision, reason="Ruang penuh",
                       headers={"X-Background": "1"})
    assert answer.status_code == 200 and answer.get_json()["message"] == said


def test_a_remote_access_refusal_says_refused(app, client, make_user, login):
    admin = make_user("ani", "admin")
    make_user("bambang", "kasubag")
    with app.app_context():
        rid = factories.remote_request(recorded_by_id=admin).id
    login("bambang")
    page = post_form(client, f"/admin/remote/{rid}/decision", decision="deny", reason="Surat belum lengkap",
                     follow_redirects=True).get_data(as_text=True)
    assert "Ditolak: Teknisi Uji." in page
