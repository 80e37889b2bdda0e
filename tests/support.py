"""What the test machine lacks, so tests that need it skip loudly instead of failing obscurely."""
from __future__ import annotations

import ctypes.util
import functools
import os
import shutil

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")


def chromium_path() -> str | None:
    for path in (os.environ.get("CHROMIUM"), *CHROMIUM_CANDIDATES):
        if path and shutil.which(path):
            return path
    return None


@functools.cache
def missing_capabilities() -> dict[str, str]:
    missing = {}
    if chromium_path() is None:
        missing["chromium"] = "browser tests skipped: sudo apt-get install chromium"
    if ctypes.util.find_library("zbar") is None:
        missing["libzbar0"] = "pyzbar tests skipped: sudo apt-get install libzbar0"
    if shutil.which("tesseract") is None:
        missing["tesseract-ocr"] = "KTP OCR tests skipped: sudo apt-get install tesseract-ocr"
    from .e2e.axe import AXE_JS

    if not AXE_JS.exists():
        missing["axe-core"] = "accessibility tests skipped: make test (needs npm: sudo apt-get install npm)"
    return missing


def has_zbar() -> bool:
    return ctypes.util.find_library("zbar") is not None


def ocr_available() -> bool:
    from idscan import available_engines

    return bool(available_engines())


def needs_ocr(test):
    """Skip a test that reads a NIK from a card when no OCR engine is installed."""
    import pytest

    return pytest.mark.skipif(not ocr_available(), reason="no OCR engine: sudo apt-get install tesseract-ocr")(test)


def read_stream(app, client, seconds: float, last_event_id: str | None = None) -> str:
    """All a staff live stream (/admin/events) says in its whole lifetime of `seconds`."""
    app.config["LIVE_STREAM_SECONDS"] = seconds
    headers = {"Last-Event-ID": last_event_id} if last_event_id is not None else {}
    response = client.get("/admin/events", headers=headers, buffered=False)
    assert response.status_code == 200
    text = "".join(chunk.decode() for chunk in response.response)
    response.close()
    return text
