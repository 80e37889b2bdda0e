"""Small copies for the signatures stored before the kiosk made them (issue 16).

Since migration 0017c the kiosk stores a small copy beside each signature, and the guest book's PDF
embeds that copy as it is. A month signed before then still decodes every full signature (about
1 ms each: such a month of 20,000 rows stays over 10 s). This job makes those copies once, in the
background, a bounded batch at a time, the same way the kiosk and the PDF make them
(`signatures.small_png`), so old months cost what new ones do. Plain SQLAlchemy and PIL, no Flask.
"""
from __future__ import annotations

import io
import logging
from dataclasses import dataclass

from PIL import Image, UnidentifiedImageError
from sqlalchemy import select
from sqlalchemy.orm import Session

from .models.visit_files import VisitFiles
from .signatures import small_png
from .storage import StorageError

log = logging.getLogger(__name__)

BATCH = 100  # signatures decoded per transaction: well under a second of work


@dataclass(frozen=True)
class CopiesMade:
    made: int  # in this batch
    more: bool
    changed: bool
    after_id: int  # the batch's last visit: the next batch starts after it
    total: int = 0  # in this run, this batch included
    unreadable: int = 0  # in this run: files that no longer open, left as they are

    def __str__(self) -> str:
        return f"{self.total} signature small copies made, {self.unreadable} unreadable"


def make_missing(session: Session, storage, previous: CopiesMade | None = None, limit: int | None = None) -> CopiesMade:
    """Make the small copy of up to `limit` (BATCH) signatures that have none, in visit order."""
    limit = limit or BATCH
    after = previous.after_id if previous else 0
    rows = session.scalars(
        select(VisitFiles)
        .where(VisitFiles.visit_id > after, VisitFiles.signature_key.is_not(None),
               VisitFiles.signature_small_key.is_(None))
        .order_by(VisitFiles.visit_id).limit(limit)).all()
    made = unreadable = 0
    for row in rows:
        try:
            small = small_png(Image.open(io.BytesIO(storage.open(row.signature_key))))
        except (StorageError, UnidentifiedImageError, OSError):
            # The guest book shows such a row without a signature, as it did; nothing to make.
            log.warning("signature %s could not be read to make its small copy", row.signature_key)
            unreadable += 1
            continue
        # Saved before the commit: if the transaction fails, the unnamed file is the orphan
        # sweep's to delete (an hour old, not named by any row).
        row.signature_small_key = storage.save(small, kind="signature")
        made += 1
    return CopiesMade(
        made=made, more=len(rows) == limit, changed=made > 0,
        after_id=rows[-1].visit_id if rows else after,
        total=(previous.total if previous else 0) + made,
        unreadable=(previous.unreadable if previous else 0) + unreadable)
