"""The SKM report is a long page; its follow-up plan's box is at the bottom. When another Admin saved a
plan meanwhile (409, h34w), the message was a banner at the page's top, screens away from the box the
Admin had just typed in. It is told inside the plan's form, tied to the box (aria-describedby), so the
admin pages' first-error script brings the box into view with the message beside it."""
from __future__ import annotations

import re

from .sent_forms import opened, send
from .test_two_admins_edit_records_h34w import _page, _two_admins

REPORT = "/admin/reports/skm?kind=year&year=2026"
ACTION = "/admin/reports/skm/follow-up?kind=year&year=2026"


def test_the_clash_over_the_plan_is_told_beside_its_box_and_not_at_the_top(app, make_user):
    siti, rudi = _two_admins(app, make_user)
    sitis_form = opened(siti, REPORT, ACTION)
    assert send(rudi, ACTION, opened(rudi, REPORT, ACTION), plan="Memperbaiki papan informasi.").status_code == 302
    refused = send(siti, ACTION, sitis_form, plan="Menambah kursi di ruang tunggu.")
    assert refused.status_code == 409
    page = _page(refused)
    form = re.search(r'<form method="post" action="[^"]*follow-up[^"]*".*?</form>', page, re.S).group(0)
    told = re.search(r'<p class="error" id="([^"]+)" role="alert">Tidak ada yang disimpan: pengguna lain mengubah '
                     r'Rencana tindak lanjut', form)
    assert told, "the clash is told inside the plan's form"
    box = re.search(r"<textarea[^>]*name=\"plan\"[^>]*>", form).group(0)
    assert f'aria-describedby="{told.group(1)}"' in box and 'aria-invalid="true"' in box
    assert page.count("Tidak ada yang disimpan") == 1, "told once, beside the box, not also as a banner at the top"
