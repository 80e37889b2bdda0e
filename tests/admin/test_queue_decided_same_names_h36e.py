"""h36e: two visitors of one name decided today, on the Kasubag's queue (h35k: "Budi Santoso" twice). Its
"Decided today" list told them apart by a bare masked number ("Budi Santoso 3374********0004") where
the board, the waiting card and the refusal's panel say "NIK 3374********0004": the list says it so too."""
from __future__ import annotations

import html
import re

from lpsedesk.models import utcnow

from .. import factories


def _decided_line(page: str, visit_id: int) -> str:
    """The text of the queue's "Decided today" line of one visit, its tags taken out and its spaces made one."""
    line = page.split(f'data-key="decided-{visit_id}"')[1].split("</div>")[0].split(">", 1)[1]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", line)).split())


def test_two_visitors_of_one_name_decided_today_are_told_apart_by_nik_and_the_masked_number(app, client, make_user,
                                                                                           login):
    make_user("bambang", "kasubag", name="Bambang Wijaya")
    login("bambang")
    with app.app_context():
        now = utcnow()
        approved = factories.visit("approved", decided_at=now, decided_by_label="Bambang Wijaya",
                                   visitor=factories.visitor(full_name="Budi Santoso", nik="3374011204850004")).id
        refused = factories.visit("denied", decided_at=now, decided_by_label="Bambang Wijaya",
                                  decision_reason="Di luar jam layanan",
                                  visitor=factories.visitor(full_name="BUDI  SANTOSO", nik="3374015508900007",
                                                            phone="081234560002")).id
        alone = factories.visit("approved", decided_at=now, decided_by_label="Bambang Wijaya",
                                visitor=factories.visitor(full_name="Sari Wulandari", nik="3373024107900001",
                                                          phone="081234560003")).id
    page = client.get("/admin/queue?lang=id").get_data(as_text=True)
    assert _decided_line(page, approved).startswith("Budi Santoso NIK 3374********0004 ")
    assert _decided_line(page, refused).startswith("BUDI SANTOSO NIK 3374********0007 ")
    assert "NIK" not in _decided_line(page, alone) and "3373" not in _decided_line(page, alone)
