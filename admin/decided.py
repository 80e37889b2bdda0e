"""The line a decider reads after approving or refusing (the queue, a remote-access request)."""
from __future__ import annotations

from flask_babel import gettext as _


def decided_message(decision: str, name: str) -> str:
    """Which way it went ("Disetujui: NAMA."), not only that it was saved: on a phone a slip of the
    thumb onto the wrong button then shows at once."""
    return _("Approved: %(name)s.", name=name) if decision == "approve" else _("Refused: %(name)s.", name=name)
