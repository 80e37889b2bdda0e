"""SOP 1's last step: the helpdesk reports the finished visit and the Kasubag reads the report. A report
with an incident (something went beyond what was permitted: a cable pulled, a device that did not
leave) is one the Kasubag must read; "Terima semua laporan" acknowledged it with the rest, unread
(seen by h35k). Now the one-tap button takes only the reports without an incident, says so, and a
report with an incident is acknowledged on its own - even if a stale or crafted form names it."""
from __future__ import annotations

import html

from sqlalchemy import select

from lpsedesk.extensions import db
from lpsedesk.models import Visit, VisitNote, utcnow

from .. import factories
from ..conftest import post_form


def _reports(app, with_incident: int, plain: int) -> tuple[list[int], list[int]]:
    with app.app_context():
        incident_ids, plain_ids = [], []
        for i in range(with_incident + plain):
            visit = factories.visit("reported", reported_at=utcnow())
            if i < with_incident:
                db.session.add(VisitNote(visit=visit, kind="incident", body="Kabel proyektor ditarik sampai putus"))
                incident_ids.append(visit.id)
            else:
                db.session.add(VisitNote(visit=visit, kind="note", body="Memakai komputer nomor 3"))
                plain_ids.append(visit.id)
        db.session.commit()
        return incident_ids, plain_ids


def _acknowledged(app) -> set[int]:
    with app.app_context():
        return set(db.session.scalars(select(Visit.id).where(Visit.acknowledged_at.is_not(None))))


def test_the_one_tap_button_names_and_takes_only_the_reports_without_an_incident(app, client, make_user, login):
    make_user("bambang", "kasubag")
    login("bambang")
    incident, plain = _reports(app, with_incident=1, plain=2)
    page = html.unescape(client.get("/admin/queue").get_data(as_text=True))
    assert "Terima 2 laporan tanpa kejadian" in page
    assert "Laporan dengan kejadian diterima satu per satu, setelah dibaca." in page
    assert "Terima semua 3 laporan" not in page
    bulk = page.split('data-part="acknowledge-all-bottom"', 1)[1].split("</form>", 1)[0]
    assert {f'name="ids" value="{i}"' in bulk for i in plain} == {True}
    assert f'name="ids" value="{incident[0]}"' not in bulk


def test_a_form_naming_a_report_with_an_incident_acknowledges_the_others_and_says_what_waits(app, client, make_user,
                                                                                            login):
    make_user("bambang", "kasubag")
    login("bambang")
    incident, plain = _reports(app, with_incident=1, plain=2)
    done = post_form(client, "/admin/reports/acknowledge", ids=[str(i) for i in incident + plain])
    assert done.status_code == 302
    assert _acknowledged(app) == set(plain)
    page = html.unescape(client.get("/admin/queue").get_data(as_text=True))
    assert "2 laporan telah diterima." in page
    assert "1 laporan dengan kejadian masih menunggu: buka, baca, lalu terima." in page
    # read on its own, it is acknowledged as before
    assert post_form(client, f"/admin/visits/{incident[0]}/acknowledge").status_code == 302
    assert _acknowledged(app) == set(plain + incident)


def test_with_no_incident_the_button_still_acknowledges_all(app, client, make_user, login):
    make_user("bambang", "kasubag")
    login("bambang")
    _, plain = _reports(app, with_incident=0, plain=2)
    assert "Terima semua 2 laporan" in html.unescape(client.get("/admin/queue").get_data(as_text=True))
    assert post_form(client, "/admin/reports/acknowledge", ids=[str(i) for i in plain]).status_code == 302
    assert _acknowledged(app) == set(plain)
