"""Full links to the desk that leave the staff browser (a kiosk's enrolment link, an invitation
card): written by lpsedesk.site_address from SITE_ADDRESS, never from a Host no one checked."""
from __future__ import annotations

import socket
from functools import cache

from flask import current_app, request, url_for

from lpsedesk.site_address import absolute_link


@cache
def _own_names() -> tuple[str, ...]:
    # Looked up once: getfqdn may ask the resolver.
    return (socket.gethostname(), socket.getfqdn())


def site_link(endpoint: str, **values) -> str:
    return absolute_link(url_for(endpoint, **values), site_address=current_app.config.get("SITE_ADDRESS") or "",
                         scheme=request.scheme, host=request.host, own_names=_own_names())
