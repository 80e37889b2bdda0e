"""h21u: "Lihat jawaban dan tiket saya" that finds nothing answers with the fields to check, each with
its own message, not only a line under the form."""
from __future__ import annotations

from datetime import datetime, timezone

from tests import factories


def test_nothing_found_names_the_field_to_check(app, kiosk):
    with app.app_context():
        factories.visit("pending", submitted_at=datetime.now(timezone.utc),
                        visitor=factories.visitor(nik="3373024107900001", phone="081234560001"))
    answer = kiosk.post_json("/visits/find", {"nik": "3373024107900001", "phone_last4": "9999"})
    assert answer.status_code == 200 and answer.json["found"] is False  # said, not a failed load (h45u)
    # h46g: one field, the digits, whose words name the NIK too (said beside both boxes and in the line
    # under them, the miss was said three times)
    assert set(answer.json["fields"]) == {"phone_last4"}
    assert "NIK" in answer.json["fields"]["phone_last4"]


def test_invalid_input_names_the_field_at_fault(kiosk):
    answer = kiosk.post_json("/visits/find", {"nik": "33730241", "phone_last4": "0001"})
    assert answer.status_code == 400 and set(answer.json["fields"]) == {"nik"}
