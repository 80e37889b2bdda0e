"""The Kasubag's decision as a visit and a remote-access request both record it (SOP 1 and 2)."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import UTCDateTime


class DecisionColumns:
    """Who decided, when, for whom (a Plh./Plt. decides on behalf of the Kasubag), why, and until when.

    The workflow's decision stamp writes these; `decided_by_label` keeps the signature as it read
    then ("Budi a.n. Bambang"), whatever the accounts become later.
    """

    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    decided_by_label: Mapped[str | None] = mapped_column(String(120))
    decided_on_behalf_of_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    decision_reason: Mapped[str | None] = mapped_column(Text)
    approved_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
