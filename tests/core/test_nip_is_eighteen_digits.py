"""A civil servant's NIP is 18 digits, no fewer: a 16-digit NIK typed in its place is refused.

Indonesian reality (BKN's numbering of civil servants): a PNS's NIP is 18 digits, date of birth
(8), month and year of appointment (6), sex (1) and a serial (3), written in groups with spaces.
The signatory block prints it under the name; the 16 digits of a NIK, the number people know by
heart, is the likely slip and must come back as "not a NIP".
"""
from __future__ import annotations

import pytest

from lpsedesk import users


def test_an_eighteen_digit_nip_is_kept_without_its_spaces():
    assert users.clean_nip("19800517 200501 1 003") == "198005172005011003"


@pytest.mark.parametrize("typed", ["3373021708450001", "19800517200501100", "1980051720050110033"])
def test_a_number_of_any_other_length_is_not_a_nip(typed):
    with pytest.raises(users.UserError) as refused:
        users.clean_nip(typed)
    assert refused.value.code == "bad_nip"
