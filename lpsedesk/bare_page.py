"""An error page that needs nothing else from the desk: its style inline, no image, script or link.
Used for the refusal of a Host name that is not the desk's (host_check.py, h38c): that refusal also
covers /static, so the ordinary error page arrived unstyled (h39a), and a stranger's name is given no
URL of the desk either."""
from __future__ import annotations

import base64
import hashlib

from flask import Response, make_response, render_template

# Readable from a 360 px phone to a 1366 px desk: one column, at most 36em wide, text that wraps.
CSS = """
body{margin:0;background:#f4f6f8;color:#1c2530;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
main{box-sizing:border-box;max-width:36em;margin:2rem auto;padding:1.25rem 1.5rem;background:#fff;
border-top:4px solid #b3261e;border-radius:6px;box-shadow:0 1px 3px rgba(0,0,0,.12)}
h1{margin:0 0 .5rem;font-size:1.4rem}
p{margin:.5rem 0;overflow-wrap:anywhere}
.code{color:#5b6673;font-size:.9rem}
.lang{float:right;margin-left:1rem}
.lang a{display:inline-block;padding:.25rem .5rem;color:#0b57d0;font-weight:600}
.lang a[aria-current]{color:#1c2530;text-decoration:none}
@media (max-width:480px){main{margin:0;border-radius:0;min-height:100vh;padding:1rem}}
"""

_CSS_HASH = base64.b64encode(hashlib.sha256(CSS.encode()).digest()).decode()
# Only this page's own style: no script, no image, nothing fetched, no form.
CSP = (f"default-src 'none'; style-src 'sha256-{_CSS_HASH}'; base-uri 'none'; form-action 'none'; "
       "frame-ancestors 'none'")


def bare_error_page(status: int, title: str, message: str) -> Response:
    response = make_response(render_template("error_bare.html", status=status, title=title, message=message,
                                             css=CSS))
    response.status_code = status
    response.headers["Content-Security-Policy"] = CSP  # the security headers' setdefault keeps it
    return response
