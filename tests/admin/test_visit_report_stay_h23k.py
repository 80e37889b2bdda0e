"""h23k: the visit report's stay and the helpdesk board's "sejak" start at the same moment, when the
visitor was let in (SOP 1: the visit happens after the Kasubag's permission), with the same minutes;
the arrival at the kiosk stays on the report as "datang"."""
from __future__ import annotations

import csv
import io
from datetime import datetime, timedelta, timezone

from tests import factories

# came at 21:29:50 WIB, let in at 21:34:10, out at 21:36:05, reported at 21:40 (10 November 2026)
ARRIVED = datetime(2026, 11, 10, 14, 29, 50, tzinfo=timezone.utc)
LET_IN = datetime(2026, 11, 10, 14, 34, 10, tzinfo=timezone.utc)
OUT = datetime(2026, 11, 10, 14, 36, 5, tzinfo=timezone.utc)
PERIOD = {"from": "2026-11-10", "to": "2026-11-10"}


def test_the_report_counts_the_stay_from_the_permission_and_says_when_the_visitor_arrived(
        app, client, make_user, login):
    make_user("rina", "helpdesk")
    with app.app_context():
        factories.visit("reported", visitor=factories.visitor(full_name="Ayu Pelapor"), submitted_at=ARRIVED,
                        decided_at=LET_IN, checked_out_at=OUT, reported_at=OUT + timedelta(minutes=4))
    login("rina")
    page = client.get("/admin/reports/visits", query_string=PERIOD).get_data(as_text=True)
    assert "21:34–21:36 WIB (2 menit)" in page and "datang 21:29" in page
    assert "21:29–21:36" not in page
    english = client.get("/admin/reports/visits", query_string={**PERIOD, "lang": "en"}).get_data(as_text=True)
    assert "21:34–21:36 WIB (2 min)" in english and "arrived 21:29" in english
    rows = list(csv.reader(io.StringIO(client.get("/admin/reports/visits.csv", query_string=PERIOD)
                                       .data.decode("utf-8-sig"))))
    row = dict(zip(rows[0], rows[1]))
    # the CSV is read by programs: its header is in English whatever the screen's language
    assert (row["Arrived"], row["Time in"], row["Time out"]) == ("21:29", "21:34", "21:36") and "2" in row["Stay"]


def test_the_board_says_inside_since_the_same_minute_the_report_starts_the_stay(app, client, make_user, login):
    make_user("rina", "helpdesk")
    now = datetime.now(timezone.utc)
    let_in = now.replace(second=59, microsecond=0) - timedelta(minutes=3)
    with app.app_context():
        factories.visit("approved", submitted_at=let_in - timedelta(minutes=5), decided_at=let_in,
                        approved_until=let_in + timedelta(hours=1))
    login("rina")
    board = client.get("/admin/board").get_data(as_text=True)
    since = (let_in + timedelta(hours=7)).strftime("%H:%M")  # WIB, the seconds cut as the report cuts them
    assert f"sejak {since}" in board
