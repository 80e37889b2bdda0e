"""h40p: a visitor the Kasubag approved who left without being let in ("Pergi tanpa masuk" at the desk,
or the kiosk's check-out of one still at the desk) had no visit (SOP 1: the visit begins when the helpdesk
lets the visitor in). Such a visit has no stay: "tidak masuk" / "never let in" on the visit page, the
board, the Kasubag's queue and the visit report (page, CSV), and it is left out of the statistics'
stays; a visitor let in keeps the stay from the approval to the check-out."""
from __future__ import annotations

import csv
import importlib.util
import io
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from alembic.operations import Operations
from alembic.runtime.migration import MigrationContext
from sqlalchemy import select, update

from lpsedesk.clock import WIB
from lpsedesk.exports import range_period
from lpsedesk.extensions import db
from lpsedesk.models import DayTotal, Visit
from lpsedesk.reports.statistics import compute

from .. import factories

DAY = date(2026, 11, 10)  # long settled: its statistics are kept after the first count
PERIOD = {"from": DAY.isoformat(), "to": DAY.isoformat()}
MIGRATION = Path(__file__).parents[2] / "lpsedesk/migrations/versions/0028p_never_let_in_no_stay.py"


def wib(hh: int, mm: int) -> datetime:
    return datetime(DAY.year, DAY.month, DAY.day, hh, mm, tzinfo=WIB)


def two_visits(status: str = "reported") -> tuple[int, int]:
    """Both approved 08:30 WIB and gone 09:30: Ayu was let in at 08:35, Budi never was."""
    came_in = factories.visit(status, visitor=factories.visitor(full_name="Ayu Masuk"), submitted_at=wib(8, 0),
                              decided_at=wib(8, 30), decision_told_at=wib(8, 35), checked_out_at=wib(9, 30),
                              reported_at=wib(9, 40))
    never = factories.visit(status, visitor=factories.visitor(full_name="Budi Pergi", nik="3373024107900002"),
                            submitted_at=wib(8, 1), decided_at=wib(8, 30), decision_told_at=None,
                            checked_out_at=wib(9, 30), reported_at=wib(9, 41))
    return came_in.id, never.id


def test_the_statistics_leave_out_a_visitor_never_let_in_and_keep_the_other_stay(app):
    with app.app_context():
        came_in, _never = two_visits("checked_out")
        for _ in range(2):  # counted from the visits, then read back from the kept day
            figures = compute(db.session, range_period(DAY, DAY))
            db.session.commit()
            assert figures.stays == 1
            assert figures.stay_average == timedelta(minutes=60)  # from the approval 08:30, as before
            assert (figures.stay_longest, figures.stay_longest_visit_id) == (timedelta(minutes=60), came_in)


def test_the_visit_report_says_never_let_in_instead_of_a_stay(app, client, make_user, login):
    make_user("rina", "helpdesk")
    with app.app_context():
        two_visits()
    login("rina")
    page = client.get("/admin/reports/visits", query_string=PERIOD).get_data(as_text=True)
    assert "08:30–09:30 WIB (1 jam 0 menit)" in page.split("Budi Pergi")[0]
    budi = page.split("Budi Pergi")[1]
    assert "pergi 09:30 WIB (tidak masuk)" in budi and "08:30–09:30" not in budi
    english = client.get("/admin/reports/visits", query_string={**PERIOD, "lang": "en"}).get_data(as_text=True)
    assert "left 09:30 WIB (never let in)" in english
    rows = list(csv.DictReader(io.StringIO(client.get("/admin/reports/visits.csv", query_string=PERIOD)
                                           .data.decode("utf-8-sig"))))
    by_name = {row["Name"]: row for row in rows}
    assert (by_name["Budi Pergi"]["Time in"], by_name["Budi Pergi"]["Time out"]) == ("", "09:30")
    # the CSV is read by programs: in English whatever the screen's language (h23k)
    assert by_name["Budi Pergi"]["Stay"] == "never let in"
    assert by_name["Ayu Masuk"]["Time in"] == "08:30" and by_name["Ayu Masuk"]["Stay"] == "1 h 0 min"


def test_the_visit_page_the_board_and_the_queue_say_never_let_in(app, client, make_user, login):
    make_user("rina", "helpdesk")
    make_user("bambang", "kasubag")
    now = datetime.now(timezone.utc)
    with app.app_context():
        never = factories.visit("checked_out", visitor=factories.visitor(full_name="Budi Pergi"),
                                submitted_at=now - timedelta(minutes=40), decided_at=now - timedelta(minutes=30),
                                decision_told_at=None, checked_out_at=now - timedelta(minutes=5)).id
        came_in = factories.visit("checked_out", visitor=factories.visitor(full_name="Ayu Masuk", nik="3373024107900002"),
                                  submitted_at=now - timedelta(minutes=40), decided_at=now - timedelta(minutes=30),
                                  checked_out_at=now - timedelta(minutes=5)).id
    login("rina")
    page = client.get(f"/admin/visits/{never}").get_data(as_text=True)
    assert "tidak masuk" in page.split("data-stay")[1][:40]
    assert "tidak masuk" not in client.get(f"/admin/visits/{came_in}").get_data(as_text=True).split("data-stay")[1][:40]
    board = client.get("/admin/board").get_data(as_text=True)
    assert "tidak masuk" in board.split("Budi Pergi")[1].split("</article>")[0]
    assert "tidak masuk" not in board.split("Ayu Masuk")[1].split("</article>")[0]
    with app.app_context():
        db.session.execute(update(Visit).values(status="reported", reported_at=now))
        db.session.commit()
    client.post("/admin/logout", data={"csrf_token": ""})
    login("bambang")
    queue = client.get("/admin/queue").get_data(as_text=True)
    assert "(tidak masuk)" in queue.split("Budi Pergi")[1][:400]
    assert "(tidak masuk)" not in queue.split("Ayu Masuk")[1][:400]


def test_the_upgrade_marks_kept_days_with_such_a_visit_to_be_counted_again(app):
    with app.app_context():
        two_visits("checked_out")
        compute(db.session, range_period(DAY, DAY))
        db.session.commit()
        # as the code before h40p kept it: two stays of 60 minutes
        db.session.execute(update(DayTotal).where(DayTotal.day == DAY).values(stays=2, stay_seconds=7200.0))
        db.session.commit()
        spec = importlib.util.spec_from_file_location("never_let_in_migration", MIGRATION)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        db.session.remove()
        with db.engine.begin() as conn, Operations.context(MigrationContext.configure(conn)):
            module.upgrade()
        assert db.session.scalar(select(DayTotal.summarised).where(DayTotal.day == DAY)) is None
        figures = compute(db.session, range_period(DAY, DAY))
        assert (figures.stays, figures.stay_average) == (1, timedelta(minutes=60))
