"""Issue 10: the text is found, not assumed where it is; a steady run is read by a vote, also from
the command line; clutter at the frame edge is no card cut by the border."""
from __future__ import annotations

import json

import cv2
import numpy as np

from idscan import read_card, scan_frame
from idscan.lines import clean_gray, find_lines, ink_mask, rotate, skew_angle
from lpsedesk.nik import regions
from tests.support import needs_ocr
from tests.synthetic import make_person, place_in_scene, render_ktp
from tests.synthetic.styles import HELD_OUT_FONTS, CardStyle
from tests.synthetic.webcam import negative_desk

# The far end of the tolerance the issue asks for: fields 8 % off, 4 degrees, 10 % smaller.
SHIFTED = CardStyle(family=HELD_OUT_FONTS[0], shift=(-0.05, 0.05), values=(-0.03, 0.0), rotation=4.0, scale=0.9,
                    guilloche=True)


def test_the_residual_rotation_of_the_print_is_measured_and_the_lines_found():
    rng = np.random.default_rng(3)
    card = render_ktp(make_person(rng), rng, SHIFTED)
    clean = clean_gray(card)
    angle = skew_angle(ink_mask(clean))
    assert abs(angle + SHIFTED.rotation) <= 0.75, angle
    lines = find_lines(rotate(clean, angle))
    # header (2), NIK, name, birth, sex at least, top to bottom
    assert len(lines) >= 6 and all(a.y1 <= b.y0 + 2 for a, b in zip(lines, lines[1:]))


@needs_ocr
def test_the_nik_is_read_by_content_on_a_card_printed_off_the_template():
    rng = np.random.default_rng(5)
    person = make_person(rng)
    reading = read_card(render_ktp(person, rng, SHIFTED), regions=regions())
    assert reading.raw_nik == person.nik
    if reading.nik is not None:  # filled only after the cross-checks; then it is right
        assert reading.nik == person.nik and "nik" in reading.read_from_card


def test_clutter_cut_by_the_frame_edge_is_not_a_card_to_move_into_frame():
    told = [scan_frame(negative_desk("edge_clutter", np.random.default_rng([99, i])).frame).guidance
            for i in range(6)]
    assert "move_into_frame" not in told and "ready" not in told


@needs_ocr
def test_flask_idscan_sequence_votes_over_a_folder_of_frames(runner, tmp_path):
    rng = np.random.default_rng(41)
    person = make_person(rng)
    card = render_ktp(person, rng, CardStyle(family=HELD_OUT_FONTS[1], guilloche=True))
    folder = tmp_path / "visitor"
    folder.mkdir()
    for i in range(4):
        frame, _ = place_in_scene(card, np.random.default_rng(100 + i), width_px=600, angle=3, tilt=2, jpeg=92)
        cv2.imwrite(str(folder / f"frame{i}.jpg"), frame)
    (folder / "notes.txt").write_text("not a frame")
    result = runner.invoke(args=["idscan", "--sequence", str(folder)])
    assert result.exit_code == 0, result.output
    answer = json.loads(result.output.strip().splitlines()[-1])
    assert answer["frames"] == 4 and 3 <= answer["voters"] <= 4 and answer["card"] is True
    assert answer["nik"] in (None, person.nik), "a NIK is filled only when the vote and the checks agree"
    assert ("nik" in answer["read_from_card"]) == (answer["nik"] is not None)
