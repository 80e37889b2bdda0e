"""Full links to the desk that leave the staff browser (a kiosk's enrolment link, an invitation
card): written by lpsedesk.site_address from SITE_ADDRESS, never from a Host no one checked."""
from __future__ import annotations

from flask import current_app, request, url_for

from lpsedesk.site_address import absolute_link, this_computers_names


def site_link(endpoint: str, **values) -> str:
    return absolute_link(url_for(endpoint, **values), site_address=current_app.config.get("SITE_ADDRESS") or "",
                         scheme=request.scheme, host=request.host, own_names=this_computers_names())
