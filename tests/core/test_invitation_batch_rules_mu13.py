"""A training's participants from a file, at the limits docs/invitations.md states (hand-planted
mutants, mu13): "At most 500 rows, 2 MB."."""
from __future__ import annotations

import pytest

from lpsedesk.invitations import batch

from .test_rules_invitation_batch import COMMON

HEADER = ["NAMA", "NIK", "PONSEL", "INSTANSI", "KATEGORI"]


def participants(n: int) -> list[list[str]]:
    return [HEADER] + [[f"Peserta {i}", "", f"08123456{i:04d}", "CV Contoh", "penyedia"] for i in range(n)]


def test_a_file_of_five_hundred_participants_is_read_and_one_more_is_too_many():
    drafts = batch.drafts_from_rows(participants(500), COMMON)
    assert len(drafts) == 500 and drafts[-1][0] == 501  # the header is line 1
    with pytest.raises(batch.BatchFileError) as refused:
        batch.drafts_from_rows(participants(501), COMMON)
    assert refused.value.code == "too_many"
