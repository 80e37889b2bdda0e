"""Page counts as the lists show them (lpsedesk/pagination.py: the count reads a few pages ahead and,
only past that cap, says "more than N"): a last page holding fewer rows is still a page, and a list
exactly as long as the cap is counted exactly, not as "more than"."""
from __future__ import annotations

from sqlalchemy import select

from lpsedesk.extensions import db
from lpsedesk.models import Visitor
from lpsedesk.pagination import paginate

from .. import factories


def _visitors(n):
    db.session.add_all(factories.visitor(nik=f"33730201019000{i:02d}") for i in range(n))
    db.session.commit()


def test_five_rows_two_a_page_make_three_pages_the_last_with_one_row(app):
    with app.app_context():
        _visitors(5)
        first = paginate(db.session, select(Visitor), Visitor.id, page=1, per_page=2)
        assert (first.total, first.pages, first.more) == (5, 3, False)
        last = paginate(db.session, select(Visitor), Visitor.id, page=3, per_page=2)
        assert [v.nik[-2:] for v in last.rows] == ["04"]


def test_a_list_exactly_as_long_as_the_count_reaches_is_counted_exactly(app):
    with app.app_context():
        _visitors(6)  # page 1 + 2 pages ahead, 2 a page: the count reaches exactly 6 rows
        page = paginate(db.session, select(Visitor), Visitor.id, page=1, per_page=2, ahead=2)
        assert (page.total, page.pages, page.more) == (6, 3, False)
        db.session.add(factories.visitor(nik="3373020101900099"))
        db.session.commit()
        page = paginate(db.session, select(Visitor), Visitor.id, page=1, per_page=2, ahead=2)
        assert (page.total, page.more) == (6, True)  # one row more: "more than 6"
