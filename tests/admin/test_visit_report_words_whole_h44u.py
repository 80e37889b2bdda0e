"""h44u: the visit report's PDF broke "Pojok komputer/internet" inside a word in its narrow "Fasilitas"
column ("Pojok komput" / "er/internet"). A cell breaks only between words: at a space, or after the
"/" that joins two words. Read back as the reader reads it, with pdftotext, in Bahasa Indonesia and
in English, for every facility and purpose the office offers by default."""
from __future__ import annotations

import re
import shutil
import subprocess
from datetime import datetime, timedelta, timezone

import pytest

from lpsedesk.settings import DEFAULTS

from .. import factories

MORNING = datetime(2026, 11, 23, 3, 0, tzinfo=timezone.utc)  # Monday 10.00 WIB
PERIOD = {"from": "2026-11-23", "to": "2026-11-23"}
FACILITIES, PURPOSES = DEFAULTS["facilities"], DEFAULTS["purposes"]

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext (poppler-utils)")


@pytest.fixture
def report(app, make_user, login, client):
    make_user("rina", "helpdesk", name="Rina Meja")
    # every facility and every purpose at least once (the shorter list's last one repeated)
    pairs = [(FACILITIES[min(i, len(FACILITIES) - 1)], PURPOSES[min(i, len(PURPOSES) - 1)])
             for i in range(max(len(FACILITIES), len(PURPOSES)))]
    with app.app_context():
        for i, (facility, purpose) in enumerate(pairs):
            came = MORNING + timedelta(minutes=20 * i)
            visitor = factories.visitor(full_name=f"Tamu Uji {i}", nik=f"33730241079000{i:02d}")
            factories.visit("reported", visitor=visitor, purpose=purpose["key"], facility=facility["key"],
                            submitted_at=came, decided_at=came + timedelta(minutes=2), checked_out_at=came + timedelta(hours=1),
                            reported_at=came + timedelta(hours=2))
    login("rina")
    return client


def _words(text: str) -> list[str]:
    """The words as a reader meets them: a line may end at a space or at the "/" joining two words."""
    return [w for w in re.split(r"[\s/]+", text) if w]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_visit_reports_facility_and_purpose_cells_break_only_between_words(report, tmp_path, lang):
    pdf = tmp_path / "laporan.pdf"
    pdf.write_bytes(report.get("/admin/reports/visits.pdf", query_string={**PERIOD, "lang": lang}).data)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    said = set(_words(text))
    for item in FACILITIES + PURPOSES:
        label = item[lang]
        missing = [w for w in _words(label) if w not in said]
        assert missing == [], (label, missing, text)
