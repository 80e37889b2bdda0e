"""Downloads that carry people's names out of the desk are audited: who took which period, in which form
(h45s; the guest book's own event, with its full-NIK mark, is written in reports/views.py)."""
from __future__ import annotations

from lpsedesk import audit
from lpsedesk.auth import current_actor
from lpsedesk.exports.dates import Period
from lpsedesk.extensions import db


def record_export(action: str, fmt: str, period: Period, rows: int) -> None:
    audit.record(db.session, current_actor(), action, details={
        "format": fmt, "from": period.start.isoformat(), "to": period.end.isoformat(), "rows": rows})
