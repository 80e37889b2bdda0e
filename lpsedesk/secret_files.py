"""Secrets kept in files in instance/ (SECRET_KEY, STORAGE_KEY, the first-run setup token).

A secret file is readable by its owner only from the instant it exists: written as a 0600 file under
a temporary name, then linked to its real name. Written first and narrowed after (write_text, then
chmod) it lay open for a moment with the umask's 0644, and a local user who opened it in that moment
keeps reading it after the chmod (sec4 probe). Linking also means two processes starting at once
never see a half-written secret: the second finds the first's whole file and uses it.
"""
from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Callable
from pathlib import Path


def read_or_create(path: Path, make: Callable[[], str]) -> str:
    """The secret in `path`, created (owner only) with `make()` when there is none yet."""
    if not path.exists():
        tmp = path.with_name(f".{path.name}.{secrets.token_hex(8)}.tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            if hasattr(os, "fchmod"):
                os.fchmod(fd, 0o600)  # whatever the umask
            os.write(fd, make().encode())
        finally:
            os.close(fd)
        try:
            os.link(tmp, path)
        except FileExistsError:
            pass  # another process was first: its secret is the one
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
    return path.read_text().strip()
