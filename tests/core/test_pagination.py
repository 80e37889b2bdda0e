"""Lists count only a few pages ahead of the one shown, never the whole history."""
from __future__ import annotations

from sqlalchemy import select

from lpsedesk.extensions import db
from lpsedesk.models import Visitor
from lpsedesk.pagination import paginate

from .. import factories


def test_the_count_stops_a_few_pages_ahead_and_says_there_is_more(app):
    with app.app_context():
        db.session.add_all(factories.visitor(nik=f"33730201019000{i:02d}") for i in range(10))
        db.session.commit()
        first = paginate(db.session, select(Visitor), Visitor.id, page=1, per_page=2, ahead=2)
        assert len(first.rows) == 2 and first.more and first.total == 6 and first.pages == 3
        later = paginate(db.session, select(Visitor), Visitor.id, page=4, per_page=2, ahead=2)
        assert not later.more and later.total == 10 and later.pages == 5
        assert [v.nik[-2:] for v in later.rows] == ["06", "07"]
