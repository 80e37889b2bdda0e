"""Lists shown page by page: one way to count, cut and number the pages."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

MAX_PAGE = 100_000  # beyond any real list; a larger number in the URL is someone typing


@dataclass
class Page:
    rows: list[Any]
    total: int
    page: int
    per_page: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))


def page_number(raw: object) -> int:
    """The page asked for in a query string; anything that is not a sane page number is page 1."""
    text = str(raw or "").strip()
    return int(text) if text.isdigit() and 0 < int(text) <= MAX_PAGE else 1


def paginate(session: Session, query: Select, *order_by, page: int, per_page: int) -> Page:
    """Rows of `query` for one page, in `order_by` order, with the total for the page count."""
    total = session.scalar(select(func.count()).select_from(query.order_by(None).subquery())) or 0
    page = max(1, page)
    rows = session.scalars(query.order_by(*order_by).offset((page - 1) * per_page).limit(per_page)).all()
    return Page(list(rows), total, page, per_page)
