"""The periodic job that ends scan sessions no kiosk closed (h45v).

A kiosk closes its scan session when the visit claims the capture or the idle reset discards it.
A browser crash or a power cut closes nothing: the session, with the steady card's crops (on
PostgreSQL unencrypted in `scan_sessions`) and any capture no visit used, stayed until some
kiosk's next frame swept it, a night or a weekend later. No kiosk continues a session untouched
for its TTL (30 minutes), so nothing is lost by ending it then; this job does so every minute,
and at the server's start, whether or not a frame comes.
"""
from __future__ import annotations

from flask import Flask
from sqlalchemy.orm import Session

from lpsedesk.jobs import Job

EVERY_SECONDS = 60


def _sweep(_session: Session, app: Flask) -> tuple[int, list[str]]:
    """End the expired sessions (rows deleted in the job's transaction): how many, and their
    unclaimed captures' keys, whose files go after the commit."""
    ended = app.extensions["kiosk_scan_sessions"].sweep()
    return len(ended), [key for scan in ended for key in scan.pending_keys]


def _delete_captures(app: Flask, result: tuple[int, list[str]]) -> str:
    ended, keys = result
    storage = app.extensions["storage"]
    for key in keys:
        storage.delete(key)
    return f"{ended} scan sessions ended, {len(keys)} unclaimed captures deleted"


def register(app: Flask) -> None:
    app.extensions["jobs"]["scan_sessions"] = Job("scan_sessions", EVERY_SECONDS, _sweep, _delete_captures)
