"""Issue 10, "OCR engine by measurement": the name rows are read by the newer recogniser (PP-OCRv6
small, from the rapidocr 3.10 wheel the install brings), the NIK line by the older one the NIK
rules were measured on; without the newer model's file the engine reads as before."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

import idscan.rapid as rapid
import idscan.tesseract
from idscan.reader import _read_sets
from tests.idscan.test_name_line_cut import NIK, _soft_card
from tests.synthetic.ktp import FONT_DIR

ROOT = Path(__file__).resolve().parents[2]


class _Model:
    """Stands in for a RapidOCR instance: reads every line as `text`, counting the lines."""

    def __init__(self, text: str):
        self.text, self.lines = text, 0

    def text_rec(self, images, _word_boxes=False):
        self.lines += len(images)
        return [(self.text, 0.9) for _ in images], 0.0


@pytest.fixture
def models(monkeypatch):
    old, new = _Model(f": {NIK}"), _Model("SITI AMINAH")
    monkeypatch.setattr(rapid, "_rapid", lambda: old)
    monkeypatch.setattr(rapid, "_names_engine", lambda: new)
    monkeypatch.setattr(idscan.tesseract, "read_lines", lambda images, whitelist=None, **kw: [("", [])] * len(images))
    return old, new


def test_the_name_row_is_read_by_the_newer_model_and_the_nik_line_by_the_older(models):
    old, new = models
    card = _soft_card()
    _sets, _images, second, _names, _later = _read_sets([card, card], "both")
    # The older model reads from the top until a line reads as the NIK; the row after it is the name.
    assert second[0][:2] == [f": {NIK}", "SITI AMINAH"]
    assert (old.lines, new.lines) == (1, 1)


def test_a_later_crops_name_row_is_read_by_the_newer_model_too(models):
    from idscan.fields import CardFields
    from idscan.reader import _second_names

    old, new = models
    row = np.full((48, 200), 255, np.uint8)
    frames = [CardFields(nik_line=0, name="SITI AMINAH"), CardFields(nik_line=0, name="SIT1 AMNAH")]
    images = [[(row, False, row), (row, False, row)] for _ in frames]
    _second_names(frames, images, {1: (None, "")})
    assert (old.lines, new.lines) == (0, 1)
    assert frames[1].name == "SITI AMINAH"


def test_read_names_reads_with_the_newer_model_and_read_lines_with_the_older(models):
    old, new = models
    row = np.full((48, 200), 255, np.uint8)
    assert rapid.read_names([row]) == [("SITI AMINAH", [90.0, 90.0])]
    assert rapid.read_lines([row]) == [(f": {NIK}", [90.0, 90.0])]
    assert (old.lines, new.lines) == (1, 1)


@pytest.fixture
def fresh_names_engine():
    rapid._names_engine.cache_clear()
    yield
    rapid._names_engine.cache_clear()


def test_without_the_newer_models_file_the_older_model_reads_the_names(monkeypatch, fresh_names_engine):
    old = _Model("SITIAMINAH")
    monkeypatch.setattr(rapid, "_rapid", lambda: old)
    monkeypatch.setattr(rapid, "name_model_path", lambda: None)
    assert rapid._names_engine() is old
    assert rapid.read_names([np.full((48, 200), 255, np.uint8)])[0][0] == "SITIAMINAH"


needs_rapidocr = pytest.mark.skipif(rapid._rapid() is None, reason="rapidocr-onnxruntime is not installed")


@needs_rapidocr
def test_a_damaged_model_file_leaves_the_names_to_the_older_model(monkeypatch, tmp_path, fresh_names_engine):
    broken = tmp_path / rapid.NAME_MODEL
    broken.write_bytes(b"not an onnx model")
    monkeypatch.setattr(rapid, "name_model_path", lambda: broken)
    assert rapid._names_engine() is rapid._rapid()


@needs_rapidocr
def test_the_install_brings_the_newer_model_without_importing_its_package():
    # The Makefile installs rapidocr 3.10.0 with --no-deps for its model file only: the package's
    # code (which needs omegaconf, requests, ...) is never imported.
    code = ("import json, sys, idscan.rapid as r\n"
            "p = r.name_model_path(); r.read_names\n"
            "print(json.dumps([str(p) if p else None, sorted(m for m in sys.modules if m.split('.')[0] == 'rapidocr')]))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    path, loaded = json.loads(out.stdout)
    assert path and path.endswith("rapidocr/models/PP-OCRv6_rec_small.onnx")
    assert loaded == []


@needs_rapidocr
def test_the_newer_model_reads_a_name_row_with_its_word_spaces(fresh_names_engine):
    if rapid.name_model_path() is None:
        pytest.skip("rapidocr 3.10.0 (the newer model's file) is not installed: make .venv/.installed-dev")
    assert rapid._names_engine() is not rapid._rapid()
    # Its character list is the multilingual one (18,708 characters), not the older Chinese one.
    assert len(rapid._names_engine().text_rec.postprocess_op.character) == 18710
    font = ImageFont.truetype(str(FONT_DIR / "DejaVuSans-Bold.ttf"), 30)
    text = "I KETUT SUDARSANA"
    img = Image.new("L", (int(font.getlength(text)) + 24, 48), 255)
    ImageDraw.Draw(img).text((12, 7), text, font=font, fill=30)
    assert rapid.read_names([np.array(img)])[0][0].strip() == text
