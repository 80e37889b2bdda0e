"""The respondents' profile as the standard SKM questionnaire has it (docs/skm.md "Profile"; Lampiran
PermenPANRB No. 14 Tahun 2017): the education levels offered from the lowest to the highest, and each
age band holding the ages its label names, its last year included."""
from __future__ import annotations

from datetime import date

import pytest

from lpsedesk.skm.profile import age_band
from lpsedesk.skm.screens import education_choices

DAY = date(2026, 12, 1)


def test_the_education_levels_are_offered_from_the_lowest_to_the_highest():
    assert [label for _key, label in education_choices("id")] == [
        "SD ke bawah", "SMP", "SMA/SMK", "D1-D3", "D4/S1", "S2", "S3"]
    assert [label for _key, label in education_choices("en")] == [
        "Primary school or less", "Junior high school", "Senior high school", "Diploma (D1-D3)",
        "Bachelor (D4/S1)", "Master (S2)", "Doctorate (S3)"]


@pytest.mark.parametrize("age,band", [(19, "<20"), (20, "20-29"), (29, "20-29"), (30, "30-39"), (39, "30-39"),
                                      (49, "40-49"), (59, "50-59"), (60, "60+"), (85, "60+")])
def test_an_age_falls_in_the_band_its_label_names_up_to_the_bands_last_year(age, band):
    # born on this very day `age` years ago: `age` today
    assert age_band(date(DAY.year - age, DAY.month, DAY.day), DAY) == band
    # a day short of the next birthday: still `age`
    assert age_band(date(DAY.year - age - 1, DAY.month, DAY.day + 1), DAY) == band
