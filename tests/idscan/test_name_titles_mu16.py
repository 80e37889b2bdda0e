"""Every title docs/idscan.md Run 38n names as printed before a name on a KTP (honorifics and degrees,
abbreviated with a full stop and a space) gets its mark back when a recogniser reads the stop as a
comma, or glues the name to it (mu16: a title left out of the rule's list passed every test)."""
from __future__ import annotations

import pytest

from idscan.name_titles import as_printed

# Typed from docs/idscan.md, Run 38n "Change", not read from the module.
TITLES_ON_KTPS = ["H", "HJ", "KH", "DR", "DRS", "DRA", "IR", "M", "MOH", "MOCH", "MUH", "R", "RA", "RR"]


@pytest.mark.parametrize("title", TITLES_ON_KTPS)
def test_each_title_read_with_a_comma_gets_its_full_stop(title):
    assert as_printed(f"{title}, SUPARDI") == f"{title}. SUPARDI"


@pytest.mark.parametrize("title", TITLES_ON_KTPS)
def test_each_title_glued_to_the_name_gets_its_space(title):
    assert as_printed(f"{title}.SUPARDI") == f"{title}. SUPARDI"
