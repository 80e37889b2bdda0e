"""Shared steps for the remote-access register tests (no tests here): synthetic letters, logins, posts."""
from __future__ import annotations

import io

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from PIL import Image
from werkzeug.datastructures import FileStorage, MultiDict
from werkzeug.test import encode_multipart

from ..conftest import TEST_PASSWORD, csrf_from, logged_in_client, post_form

WIB = ZoneInfo("Asia/Jakarta")


def pdf_letter() -> bytes:
    """A tiny synthetic PDF, as a scanner would produce (header, one object, trailer)."""
    return (b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")


def png_letter(size=(400, 560)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (250, 250, 245)).save(out, format="PNG")
    return out.getvalue()


def local(dt: datetime) -> str:
    """An aware datetime as a datetime-local input value in WIB."""
    return dt.astimezone(WIB).strftime("%Y-%m-%dT%H:%M")


def now() -> datetime:
    return datetime.now(timezone.utc).replace(second=0, microsecond=0)


def request_fields(**overrides) -> dict:
    start = now() + timedelta(hours=1)
    fields = {
        "requester_name": "Ñoño Śuryadi", "instansi": "PT Contoh Teknologi", "letter_number": "012/CT/XI/2026",
        "letter_date": (now().astimezone(WIB).date() - timedelta(days=2)).isoformat(),
        "purpose": "Pembaruan aplikasi SPSE", "rights": ["Hanya baca"], "rights_other": "Log server",
        "period_start": local(start), "period_end": local(start + timedelta(days=2)),
    }
    fields.update(overrides)
    return fields


def record(c, letter: bytes | None = None, filename: str = "surat.pdf", **overrides):
    data = request_fields(**overrides)
    if letter is not False:
        data["letter"] = FileStorage(io.BytesIO(letter if letter is not None else pdf_letter()), filename)
    data = {"csrf_token": csrf_from(c, "/admin/remote/"), **data}
    # Encoded in memory: the test client would spool a large body to a temporary file it never closes.
    boundary, body = encode_multipart(MultiDict([(k, v) for k, vs in data.items()
                                                for v in (vs if isinstance(vs, list) else [vs])]))
    return c.post("/admin/remote/new", data=body, content_type=f"multipart/form-data; boundary={boundary}")
