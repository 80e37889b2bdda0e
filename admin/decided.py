"""After approving or refusing (the queue, a remote-access request): the line the decider reads, and how."""
from __future__ import annotations

from flask import request
from flask_babel import gettext as _


def decided_message(decision: str, name: str) -> str:
    """Which way it went ("Disetujui: NAMA."), not only that it was saved: on a phone a slip of the
    thumb onto the wrong button then shows at once."""
    return _("Approved: %(name)s.", name=name) if decision == "approve" else _("Refused: %(name)s.", name=name)


def background() -> bool:
    """The queue sent the decision in the background (queue.js) and shows its answer at once: a line
    flashed instead would wait in the session and greet the decider on some later page."""
    return request.headers.get("X-Background") == "1"
