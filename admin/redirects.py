"""Back to where a staff form was sent from, if that is a page of this site."""
from __future__ import annotations

from flask import request, url_for

from lpsedesk.urls import same_site_path


def safe_next(default_endpoint: str, **values) -> str:
    """The form's or the query's `next` when it is a same-site path, else `default_endpoint`'s URL."""
    return (same_site_path(request.form.get("next")) or same_site_path(request.args.get("next"))
            or url_for(default_endpoint, **values))
