"""Staff screens: the remote-access register, SOP 2 (issue 6)."""
from __future__ import annotations

from flask_babel import gettext as _

from lpsedesk.auth import requires
from lpsedesk.extensions import db
from lpsedesk.models import RemoteAccessRequest
from lpsedesk.roles import Role

from . import bp
from .dashboard_views import _decide


@bp.post("/remote/<int:request_id>/decision")
@requires(Role.KASUBAG)
def decide_remote(request_id: int):
    req = db.get_or_404(RemoteAccessRequest, request_id)
    return _decide(req, _("Decision saved for %(name)s.", name=req.requester_name))
