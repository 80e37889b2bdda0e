"""The staff navigation: a link for each screen that exists and that the user's roles may open."""
from __future__ import annotations

from dataclasses import dataclass

from flask import current_app, request, url_for
from flask_babel import gettext as _

from lpsedesk.auth import current_actor
from lpsedesk.roles import STAFF_ROLES, Role


@dataclass(frozen=True)
class NavLink:
    endpoint: str
    label: str
    url: str
    current: bool


def _links() -> list[tuple[str, str, tuple[Role, ...]]]:
    # (endpoint, label, roles that may open it); other engineers' screens appear once they exist.
    return [
        ("admin.queue", _("Approvals"), (Role.KASUBAG,)),
        ("admin.board", _("Helpdesk board"), STAFF_ROLES),
        ("admin.visits", _("Visits"), STAFF_ROLES),
        ("admin.invitations", _("Invitations"), STAFF_ROLES),
        ("admin.remote_index", _("Remote access"), (Role.ADMIN, Role.KASUBAG)),
        ("admin.reports_index", _("Reports"), STAFF_ROLES),
        ("admin.watchlist_index", _("Watch list"), (Role.KASUBAG, Role.ADMIN)),
        ("admin.settings_index", _("Settings"), (Role.ADMIN,)),
    ]


# Screens outside a section's URL that belong to it: the kiosks page sits in the Settings sub-menu (ux9).
SECTION_OF = {"admin.kiosks": "admin.settings_index"}


def staff_nav() -> list[NavLink]:
    actor = current_actor()
    if actor is None:
        return []
    here = request.endpoint or ""
    out = []
    for endpoint, label, roles in _links():
        if endpoint in current_app.view_functions and actor.has(*roles):
            url = url_for(endpoint)
            current = endpoint in (here, SECTION_OF.get(here)) or _inside(request.path, url)
            out.append(NavLink(endpoint, label, url, current))
    return out


def _inside(path: str, section_url: str) -> bool:
    # A screen's sub-pages live under its URL (/admin/invitations/new, /admin/reports/skm), so the
    # tab stays lit there; "/admin/visits" does not light for "/admin/visitsX".
    root = section_url.rstrip("/")
    return path == root or path.startswith(root + "/")
