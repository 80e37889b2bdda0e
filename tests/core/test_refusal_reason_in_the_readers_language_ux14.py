"""ux14: a refusal reason the Kasubag tapped from the office's default list reaches a visitor at an
English kiosk in English; what the Kasubag wrote is shown as written."""
from __future__ import annotations

import pytest

from lpsedesk.labels import refusal_reason_label

DEFAULTS = {  # the office's default chips (SOP refusal reasons) and their English
    "Ruang/fasilitas sedang dipakai": "The room or facility is in use",
    "Di luar jam layanan": "Outside service hours",
    "Data buku tamu belum lengkap": "The guest book entry is incomplete",
    "Keperluan tidak sesuai dengan fasilitas": "The purpose does not match the facility",
}


@pytest.mark.parametrize(("stored", "english"), DEFAULTS.items())
def test_a_default_reason_reads_in_the_visitors_language(app, stored, english):
    with app.test_request_context("/?lang=en"):
        assert refusal_reason_label(stored) == english
    with app.test_request_context("/?lang=id"):
        assert refusal_reason_label(stored) == stored


def test_a_written_reason_and_no_reason_stay_as_they_are(app):
    with app.test_request_context("/?lang=en"):
        assert refusal_reason_label("Silakan datang lagi hari Senin") == "Silakan datang lagi hari Senin"
        assert refusal_reason_label("") == "" and refusal_reason_label(None) is None
