"""Lists shown page by page: one way to count, cut and number the pages.

The count is capped: it reads at most a few pages beyond the one shown (`AHEAD`), never the whole
matching history, so page 1 of a million visits costs what page 1 of a thousand does. Past the
cap the page says "more than N" and offers the next page.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from .ids import ascii_digits

MAX_PAGE = 100_000  # beyond any real list; a larger number in the URL is someone typing
AHEAD = 10  # pages counted beyond the one shown


@dataclass
class Page:
    rows: list[Any]
    total: int  # exact when not `more`, else the rows counted (a lower bound)
    page: int
    per_page: int
    more: bool = False  # the count stopped at its cap: there are more rows than `total`

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))


def page_number(raw: object) -> int:
    """The page asked for in a query string; anything that is not a sane page number is page 1."""
    text = str(raw or "").strip()
    return int(text) if ascii_digits(text) and 0 < int(text) <= MAX_PAGE else 1


def paginate(session: Session, query: Select, *order_by, page: int, per_page: int, ahead: int = AHEAD) -> Page:
    """Rows of `query` for one page, in `order_by` order, with a count capped `ahead` pages on."""
    page = max(1, page)
    cap = (page + ahead) * per_page
    # Counting rows of the ordered, limited query lets the database stop at the cap (through the
    # ordering index when there is one) instead of counting every match.
    counted = query.order_by(*order_by).limit(cap + 1).subquery()
    total = session.scalar(select(func.count()).select_from(counted)) or 0
    rows = session.scalars(query.order_by(*order_by).offset((page - 1) * per_page).limit(per_page)).all()
    return Page(list(rows), min(total, cap), page, per_page, more=total > cap)
