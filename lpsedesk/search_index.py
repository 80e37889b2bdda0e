"""Search by part of a name or an institution through an index, on either database.

PostgreSQL: ILIKE '%x%' served by the trigram GIN indexes on visitors (pg_trgm). SQLite: the FTS5
table `visitors_search` (trigram tokenizer, external content on visitors, kept in step by
triggers), asked with a phrase query, which the trigram tokenizer answers as "contains", ignoring
case. Both need three characters: a trigram index cannot narrow a shorter text, so one or two
characters are matched with LIKE (the list still stops at its capped count). Both built by
migration 0016b_search_index.
"""
from __future__ import annotations

from sqlalchemy import ColumnElement, Select, column, or_, select, table, text
from sqlalchemy.orm import Session

from .models import Visitor

FTS_TABLE = "visitors_search"
TRGM_INDEXES = {"ix_visitors_full_name_trgm", "ix_visitors_institution_trgm"}
# Indexes only PostgreSQL has (models: `ddl_if(dialect="postgresql")`): the trigram ones, and the
# purge's time index on visit_files (SQLite walks that table by id: lpsedesk/retention.py).
POSTGRESQL_ONLY_INDEXES = TRGM_INDEXES | {"ix_visit_files_submitted_at"}
MIN_INDEXED = 3  # characters a trigram index needs to narrow anything

_fts = table(FTS_TABLE, column("rowid"))


def fts_available(session: Session) -> bool:
    """Whether this SQLite database has the FTS table (an SQLite without trigrams has none)."""
    bind = session.get_bind()
    cache = bind.__dict__.setdefault("_lpsedesk_fts", {})
    if "present" not in cache:
        with bind.connect() as conn:
            cache["present"] = conn.exec_driver_sql(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (FTS_TABLE,)).first() is not None
    return cache["present"]


def matching_visitor_ids(session: Session, text_: str) -> Select:
    """The ids of the visitors whose name or institution contains `text_`, ignoring case."""
    text_ = " ".join(text_.split())
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite" and len(text_) >= MIN_INDEXED and fts_available(session):
        phrase = '"' + text_.replace('"', '""') + '"'
        return select(_fts.c.rowid).where(text(f"{FTS_TABLE} MATCH :phrase").bindparams(phrase=phrase))
    return select(Visitor.id).where(_contains(text_))


FEW = 500  # matching visitors up to which their visits are looked up visitor by visitor


def visits_matching(session: Session, visitor_id: ColumnElement, text_: str) -> ColumnElement[bool]:
    """A condition on a visit's `visitor_id`: its visitor's name or institution contains `text_`.

    The matching visitors come from the search index first, at most FEW + 1 of them. A few (a rare
    name): their visits are read through the visitor_id index and sorted. Many (a common name, a
    big institution): reading every matching visit to sort them would read a good part of
    history, so instead the newest visits are walked in order and each one's visitor tested (by
    primary key): with that many matches the first pages and the capped count fill within a few
    thousand visits.
    """
    ids = list(session.scalars(matching_visitor_ids(session, text_).limit(FEW + 1)))
    if len(ids) <= FEW:
        return visitor_id.in_(ids)
    return select(Visitor.id).where(Visitor.id == visitor_id, _contains(text_)).exists()


def _contains(text_: str) -> ColumnElement[bool]:
    # autoescape: a "%" or "_" typed is looked for as itself, not as a wildcard
    text_ = " ".join(text_.split())
    return or_(Visitor.full_name.icontains(text_, autoescape=True),
               Visitor.institution.icontains(text_, autoescape=True))


def include_object_for(dialect: str):
    """Alembic's include_object: the search index objects the models cannot describe for `dialect`
    (the FTS table and its shadow tables; the GIN indexes and the purge's time index, PostgreSQL
    only) are left out of the comparison of models and database."""
    def include(obj, name, type_, reflected, compare_to) -> bool:
        if type_ == "table" and name and (name == FTS_TABLE or name.startswith(FTS_TABLE + "_")):
            return False
        if type_ == "index" and name in POSTGRESQL_ONLY_INDEXES and dialect != "postgresql":
            return False
        return True

    return include
