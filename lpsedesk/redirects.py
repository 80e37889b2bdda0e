"""Where a form may send the browser back to: a path on this site, nothing else."""
from __future__ import annotations

from urllib.parse import urlsplit


def is_local_path(target: str | None) -> bool:
    """A same-site path such as /admin/board?x=1; never another host, and never a control character
    (CR/LF in a Location header would split the response: werkzeug refuses it with a 500)."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return False
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in target):
        return False
    try:
        return not urlsplit(target).netloc
    except ValueError:
        return False
