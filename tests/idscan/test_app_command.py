"""`flask --app wsgi idscan FILE...` runs the engine through the app's own command line."""
from __future__ import annotations

import json

import cv2
import numpy as np

from tests.synthetic import make_person, place_in_scene, render_ktp


def test_the_app_command_prints_one_json_line_per_image(runner, tmp_path):
    rng = np.random.default_rng(41)
    frame, _corners = place_in_scene(render_ktp(make_person(rng)), rng)
    card = tmp_path / "card.jpg"
    cv2.imwrite(str(card), frame)
    junk = tmp_path / "junk.jpg"
    junk.write_bytes(b"not an image")
    result = runner.invoke(args=["idscan", "--no-ocr", str(card), str(junk)])
    assert result.exit_code == 0, result.output
    first, second = (json.loads(line) for line in result.output.strip().splitlines())
    assert first["file"] == str(card) and first["card"] is True and len(first["corners"]) == 4
    assert {"in_frame", "sharpness", "glare", "guidance", "barcodes", "nik", "name", "nik_info", "ms"} <= set(first)
    assert second["card"] is False and second["error"]
