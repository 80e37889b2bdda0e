"""h34v saw an elderly visitor who typed a mobile number two digits short told only "Masukkan nomor
ponsel, misalnya 081234567890.": it does not say what is wrong with the number typed. The message
now says the rule a person can count against: it starts with 08 and has 10 to 13 digits."""
from __future__ import annotations

import pytest

from .conftest import entry

WHO = ["nik", "full_name", "phone", "email"]
LATER_EMPTY = {"institution": "", "category": "", "purpose": "", "facility": "", "planned_minutes": None}


@pytest.mark.parametrize("lang, words", [("id", ("08", "10", "13", "angka")), ("en", ("08", "10", "13", "digits"))])
@pytest.mark.parametrize("phone", ["08123456", "0812345678901234", "0218765432"])
def test_a_wrong_mobile_number_is_told_the_rule_it_broke(kiosk, lang, words, phone):
    assert kiosk.client.get(f"/kiosk/?lang={lang}").status_code == 200
    response = kiosk.post_json("/visits", dict(entry(phone=phone, **LATER_EMPTY), validate_only=True,
                                               check_fields=WHO))
    assert response.status_code == 200 and set(response.json["fields"]) == {"phone"}
    message = response.json["fields"]["phone"]
    assert all(word in message for word in words), message
