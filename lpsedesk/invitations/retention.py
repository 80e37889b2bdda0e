"""Invitations hold a name, a phone and perhaps a NIK: they go with the rest of the personal data once
their window ended longer ago than the office's retention period (the visit keeps its own record)."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete
from sqlalchemy.orm import Session

from ..models import Invitation


def forget_before(session: Session, cutoff: datetime) -> int:
    """Delete invitations whose window ended before `cutoff`; returns how many. The caller commits."""
    result = session.execute(delete(Invitation).where(Invitation.ends_at < cutoff))
    return result.rowcount or 0
