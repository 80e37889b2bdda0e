"""A step recorded once on a record (a refusal told, a visitor let in), when two staff take it at the
same instant. Both read it not yet done; the record's version column lets one UPDATE through and the
other's flush fails. The loser should hear "already done by someone", not a bare "changed meanwhile"."""
from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError


def flush_once(session: Session, done_meanwhile: Callable[[], bool], already: Exception) -> None:
    """Flush the step now; if another request wrote the record first, raise `already` when the step
    is what it wrote (`done_meanwhile()`, read after the rollback: the other request's record)."""
    try:
        session.flush()
    except StaleDataError:
        session.rollback()  # expires the record: what is read next is the other request's write
        if done_meanwhile():
            raise already from None
        raise
