import cv2
import numpy as np
import pytest

from idscan import barcodes, scan_frame
from idscan.quality import glare
from tests.synthetic import FRAME_H, FRAME_W, code128_scene, make_person, place_in_scene, qr_scene, render_ktp


def _corners_in_view(quad):
    return int(((quad[:, 0] > 0) & (quad[:, 0] < FRAME_W) & (quad[:, 1] > 0) & (quad[:, 1] < FRAME_H)).sum())


def _partial_with(corners_in_view: int, start: int):
    """First partial scene (seeded from start) with the wanted number of corners in view."""
    for seed in range(start, start + 60):
        rng = np.random.default_rng(seed)
        frame, quad = place_in_scene(render_ktp(make_person(rng)), rng, partial=True)
        if _corners_in_view(quad) == corners_in_view:
            return frame, quad
    raise AssertionError("no such scene")


@pytest.mark.parametrize("corners_in_view", [1, 2, 3])
def test_card_cut_by_the_frame_edge_asks_to_move_into_frame(corners_in_view):
    for start in (900, 1000):
        frame, quad = _partial_with(corners_in_view, start)
        res = scan_frame(frame, barcodes=False)
        assert res.card and not res.in_frame
        assert res.guidance == "move_into_frame"
        assert res.crop is None  # never captured or read while cut off


def test_crossing_lines_at_the_frame_edge_are_not_a_cut_card():
    rng = np.random.default_rng(3)
    frame = np.full((FRAME_H, FRAME_W, 3), 110, np.uint8) + rng.integers(0, 6, (FRAME_H, FRAME_W, 3), dtype=np.uint8)
    cv2.line(frame, (450, -10), (470, 720), (140, 40, 40), 4, cv2.LINE_AA)  # a cable and a pen crossing
    cv2.line(frame, (200, 300), (900, -60), (60, 160, 60), 3, cv2.LINE_AA)
    res = scan_frame(frame, barcodes=False)
    assert not res.card and res.guidance == "no_card"


@pytest.mark.parametrize("size", [(640, 360), (1920, 1080)])
def test_card_found_at_other_camera_resolutions(size):
    rng = np.random.default_rng(41)
    frame, quad = place_in_scene(render_ktp(make_person(rng)), rng, tilt=8, width_px=560)
    scaled = cv2.resize(frame, size, interpolation=cv2.INTER_LINEAR)
    res = scan_frame(scaled, barcodes=False)
    k = size[0] / FRAME_W
    assert res.card and res.in_frame
    assert np.linalg.norm(np.array(res.corners) - quad * k, axis=1).max() < 0.02 * size[0]


def test_glare_share_counts_pixels_blown_out_in_every_channel():
    crop = np.full((54, 86, 3), 200, np.uint8)
    crop[:10, :10] = 255  # blown out
    crop[10:20, :10] = (255, 255, 120)  # bright but coloured: not glare
    assert glare(crop) == pytest.approx(100 / (54 * 86))
    assert glare(crop[..., 0]) == pytest.approx(200 / (54 * 86))


def test_barcode_formats_limit_what_is_read():
    rng = np.random.default_rng(5)
    qr = qr_scene("IKD:3373020101900001", rng)
    c128 = code128_scene("TKT-2025-0042", rng)
    assert barcodes.read_barcodes(qr) == [{"format": "QRCode", "text": "IKD:3373020101900001"}]
    assert barcodes.read_barcodes(c128, formats=("QRCode",)) == []
    assert barcodes.read_barcodes(c128, formats=None) == [{"format": "Code128", "text": "TKT-2025-0042"}]


@pytest.mark.parametrize("index", [9, 33, 37])
def test_a_ruled_sheet_cut_by_the_frame_edge_is_not_a_cut_card(index):
    # Dev desks whose ruled sheet at the frame edge was told "move into frame": its lines are
    # rows, but not rows of words.
    from tests.synthetic.splits import DEV
    from tests.synthetic.webcam import NEGATIVE_DESKS, negative_desk

    scene = negative_desk(NEGATIVE_DESKS[index % len(NEGATIVE_DESKS)], np.random.default_rng([DEV.seed, 10**6 + index]))
    assert scan_frame(scene.frame).guidance != "move_into_frame"
