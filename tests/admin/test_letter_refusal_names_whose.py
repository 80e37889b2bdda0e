"""SOP 2: the Kasubag grants or refuses a third party's request letter. On a phone, "Tolak…" takes the
Kasubag past the letter's facts to the refusal's reasons and box; like the queue's refusal panel (ux15),
that part says whose request it refuses, so a refusal is never written to the wrong requester."""
from __future__ import annotations

import re

from tests import factories


def test_the_letters_refusal_part_names_the_requester(app, client, make_user, login):
    admin_id = make_user("siti", "admin")
    make_user("bambang", "kasubag")
    with app.app_context():
        letter_id = factories.remote_request("received", recorded_by_id=admin_id,
                                             requester_name="Yohanes Pemohon-Uji").id
    login("bambang")
    page = client.get(f"/admin/remote/{letter_id}").get_data(as_text=True)
    part = re.search(r'<div class="refuse-part" id="refuse-part">(.*?)</div>', page, re.S)
    assert part, "the letter page offers the Kasubag a refusal"
    assert "Tolak permohonan remote akses Yohanes Pemohon-Uji" in part.group(1)
