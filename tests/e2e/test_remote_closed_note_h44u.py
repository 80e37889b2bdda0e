"""h44u: a closed remote-access request's page said "Pekerjaan selesai: <note>", and the Admin's note
mostly says the work is finished too ("Pekerjaan selesai: Pekerjaan sudah selesai..."). How it was closed
and what the Admin wrote are two things: the note stands on a line of its own under the label "Catatan
penutupan" ("Closing note"), in Bahasa Indonesia and in English. h45u: and so does the printable
record, in the form's Bahasa Indonesia."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from tests import factories

from .axe import axe_source, violations
from .test_remote_screens import login

SHOTS = Path("/tmp/h44u")
NOTE = "Pekerjaan sudah selesai, vendor mengonfirmasi lewat telepon."
SAID = {"id": {"kind": "Pekerjaan selesai", "label": "Catatan penutupan"},
        "en": {"kind": "Work finished", "label": "Closing note"}}


def _closed(app, admin_id: int, boss_id: int) -> int:
    """A request closed by the Admin with a note that says the work is done, as Admins write it."""
    start = datetime.now(timezone.utc).replace(second=0, microsecond=0) - timedelta(days=1)
    with app.app_context():
        req = factories.remote_request(
            "closed", recorded_by_id=admin_id, period_start=start, period_end=start + timedelta(days=2),
            decided_at=start + timedelta(hours=1), decided_by_id=boss_id, decided_by_label="Bambang Kasubag",
            approved_until=start + timedelta(days=2),
            username="vendor_01", rights_granted="Hanya baca", granted_at=start + timedelta(hours=2),
            granted_by_id=admin_id, closed_at=start + timedelta(hours=8), closed_by_id=admin_id,
            close_kind="finished", close_note=NOTE)
        return req.id


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("size", [(1366, 768), (360, 640)], ids=["1366x768", "360x640"])
def test_the_closing_note_is_said_under_its_own_label_not_after_work_finished(
        app, live_server, browser, make_user, size, lang):
    admin, boss = make_user("ani", "admin", name="Ani Admin"), make_user("bambang", "kasubag", name="Bambang Kasubag")
    request_id = _closed(app, admin, boss)
    page = browser.new_context(viewport={"width": size[0], "height": size[1]}).new_page()
    login(page, live_server, "ani")
    page.goto(f"{live_server}/admin/remote/{request_id}?lang={lang}")
    closed = page.locator("[data-closed]")
    closed.scroll_into_view_if_needed()
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"3-remote-closed-note-{size[0]}x{size[1]}-{lang}.png"))
    lines = [line.strip() for line in closed.inner_text().splitlines() if line.strip()]
    words = SAID[lang]
    assert words["kind"] in lines, lines  # how it was closed, on its own line
    assert f"{words['label']}: {NOTE}" in lines, lines
    assert not any(line.startswith(f"{words['kind']}:") for line in lines), lines
    assert violations(page, axe_source()) == []

    # h45u: its printable record (the form's Bahasa Indonesia whatever the screen) says them apart too
    page.goto(f"{live_server}/admin/remote/{request_id}/print?lang={lang}")
    cell = page.locator("tr:has(td:text-is('Penutupan akun')) td").nth(1)
    cell.scroll_into_view_if_needed()
    page.screenshot(path=str(SHOTS.parent / "h45u" / f"3-remote-record-closing-{size[0]}x{size[1]}-{lang}.png"))
    lines = [line.strip() for line in cell.inner_text().splitlines() if line.strip()]
    assert lines == [SAID["id"]["kind"], f"{SAID['id']['label']}: {NOTE}"], lines
    assert violations(page, axe_source()) == []
