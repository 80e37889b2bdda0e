"""The retention purge on a history whose visit ids do not follow their times (an imported guest
book, the bench's random history; issue 16: linear, within a minute at a million visits): every
old visit loses its files and no recent one does, batch by batch, and a run stopped half-way is
finished by the next. On SQLite each batch takes the next old visits by id, so the rows it deletes
are neighbours in the table (by time they were a page each)."""
from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone

from sqlalchemy import select

from lpsedesk.extensions import db
from lpsedesk.models import Visit
from lpsedesk.retention import purge

from .test_statistics_days import build

DAYS = 100


def signed(where) -> set[int]:
    return set(db.session.scalars(select(Visit.id).where(Visit.signature_key.is_not(None), where)))


def test_every_old_visit_loses_its_files_when_ids_do_not_follow_time(app):
    with app.app_context():
        build(random.Random(21), days=200, visits=300)  # each visit on a random day: ids out of time order
        cutoff = datetime.now(timezone.utc) - timedelta(days=DAYS)
        old, recent = signed(Visit.submitted_at < cutoff), signed(Visit.submitted_at >= cutoff)
        by_time = db.session.scalars(select(Visit.id).where(Visit.id.in_(old)).order_by(Visit.submitted_at)).all()
        assert by_time != sorted(by_time) and len(old) > 30 and recent, "the history this test is about"
        batches, result = [], None
        while result is None or result.more:
            result = purge(db.session, days=DAYS, limit=10, previous=result)
            db.session.commit()
            batches.append(result.signatures)
            if len(batches) == 2:  # a run stopped here: the next run starts afresh and finishes
                result = None
        assert sorted(i for batch in batches for i in batch) == sorted(old), "each old visit once"
        assert signed(Visit.submitted_at >= cutoff) == recent and not signed(Visit.submitted_at < cutoff)
        if db.engine.dialect.name == "sqlite":
            later = [i for batch in batches[2:] for i in batch]
            assert later == sorted(later), "after the restart, batch after batch in id order"
