"""The engine's rules are tested without the second Tesseract model (an app created by an earlier
test hands the engine var/tessdata, process-wide); tests/idscan/test_second_model.py sets it."""
from __future__ import annotations

import pytest

import idscan.tesslib


@pytest.fixture(autouse=True)
def _without_the_second_model():
    before = idscan.tesslib.best_dir()
    idscan.tesslib.use_best_tessdata(None)
    yield
    idscan.tesslib.use_best_tessdata(before)
