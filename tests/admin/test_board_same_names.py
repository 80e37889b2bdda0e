"""Two visitors of one name at the desk (h35k: "Budi Santoso" twice). The helpdesk checks the original
KTP, checks out and reports each visit; on the board both tiles read "Budi Santoso" and nothing told
them apart. The board, like the Kasubag's queue, shows the masked NIK beside a name another visit on
it also bears - and only there, a single name keeps its tile as it was."""
from __future__ import annotations

import html

from lpsedesk.models import utcnow

from .. import factories


def _board(client) -> str:
    return html.unescape(client.get("/admin/board").get_data(as_text=True))


def test_two_visitors_of_one_name_are_told_apart_by_the_masked_nik(app, client, make_user, login):
    make_user("rina", "helpdesk")
    login("rina")
    with app.app_context():
        waiting = factories.visit(visitor=factories.visitor(full_name="Budi Santoso", nik="3374011204850004"))
        inside = factories.visit("approved", decided_at=utcnow(),
                                 visitor=factories.visitor(full_name="BUDI  SANTOSO", nik="3374015508900007",
                                                           phone="081234560002"))
        alone = factories.visit(visitor=factories.visitor(full_name="Sari Wulandari", nik="3373024107900001",
                                                          phone="081234560003"))
        ids = waiting.id, inside.id, alone.id
    page = _board(client)
    assert "NIK 3374********0004" in page and "NIK 3374********0007" in page
    assert "3373********0001" not in page  # a name nobody else bears: no NIK on its tile
    assert "3374011204850004" not in page and "3374015508900007" not in page  # never the whole NIK
    assert all(f"/admin/visits/{i}" in page for i in ids)
