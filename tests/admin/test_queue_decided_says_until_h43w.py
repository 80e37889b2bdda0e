"""h43w: the Kasubag on a phone approved a visit and read on the queue "Disetujui: NAMA." and, under
"Diputuskan hari ini", "disetujui oleh Budi Santoso pukul 07:25 WIB": nothing said what the approval
allows (SOP 1: the visitor uses the facility within what was permitted), though the desk's band says
"Ruang pelatihan · sampai 08:25 WIB". The decided line of an approved visit names its end time; a
refused one has none to name."""
from __future__ import annotations

from datetime import datetime, timezone

from .. import factories
from .test_queue_decided_same_names_h36e import _decided_line


def test_an_approved_visit_decided_today_says_until_when(app, client, make_user, login):
    make_user("bambang", "kasubag", name="Bambang Wijaya")
    login("bambang")
    with app.app_context():
        now = datetime.now(timezone.utc)
        until = now.replace(hour=1, minute=25, second=0, microsecond=0)  # 08:25 WIB, whatever the day's hour
        approved = factories.visit("approved", decided_at=now, decided_by_label="Bambang Wijaya",
                                   approved_until=until).id
        refused = factories.visit("denied", decided_at=now, decided_by_label="Bambang Wijaya",
                                  decision_reason="Di luar jam layanan",
                                  visitor=factories.visitor(nik="3374015508900007", phone="081234560002")).id
    page = client.get("/admin/queue?lang=id").get_data(as_text=True)
    assert "sampai 08:25 WIB" in _decided_line(page, approved)
    assert "sampai" not in _decided_line(page, refused)
    english = client.get("/admin/queue?lang=en").get_data(as_text=True)
    assert "until 08:25 WIB" in _decided_line(english, approved)
