"""Where a `next=` parameter may send a browser: a path on this site, nothing else."""
from __future__ import annotations

import re

# A path of this site: one leading slash not followed by another slash or a backslash (browsers read
# "//host", "/\host" and "\\host" as another host), and no whitespace, control character or
# backslash anywhere (a CR/LF would split the Location header).
_SAME_SITE_PATH = re.compile(r"/(?![/\\])[^\s\\\x00-\x1f\x7f]*")


def same_site_path(target: str | None) -> str | None:
    """`target` if it is a same-site path, else None."""
    if target and len(target) <= 2000 and _SAME_SITE_PATH.fullmatch(target):
        return target
    return None
