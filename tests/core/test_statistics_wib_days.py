"""A visit counts on the WIB day it was submitted (README: times are shown in WIB and stored in UTC;
the statistics count visits per WIB day of submission). Near midnight the UTC date and the WIB date
differ: a late training's visitor at 23:30 WIB is stored at 16:30 UTC the same day, one at 00:30 WIB
at 17:30 UTC the day before. Written for a mutant sec2 planted (the SQL day at UTC+8, WITA) that every
other statistics test let through: their visits all fall in office hours."""
from __future__ import annotations

from datetime import date, datetime, timezone

from lpsedesk.exports import range_period
from lpsedesk.extensions import db
from lpsedesk.reports.statistics import compute

from .. import factories


def test_visits_near_midnight_count_on_their_wib_day(app):
    with app.app_context():
        # 19 Nov 2026, 23:30 WIB and 20 Nov 2026, 00:30 WIB; and 20 Nov, 23:59 WIB
        for utc in (datetime(2026, 11, 19, 16, 30), datetime(2026, 11, 19, 17, 30), datetime(2026, 11, 20, 16, 59)):
            factories.visit("denied", submitted_at=utc.replace(tzinfo=timezone.utc),
                            decided_at=utc.replace(tzinfo=timezone.utc), decision_reason="Di luar jam layanan")
        figures = compute(db.session, range_period(date(2026, 11, 19), date(2026, 11, 21)))
        assert figures.per_day == [(date(2026, 11, 19), 1), (date(2026, 11, 20), 2), (date(2026, 11, 21), 0)]
        assert figures.total_visits == 3
