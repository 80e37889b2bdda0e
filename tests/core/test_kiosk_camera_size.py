"""What the Admin's kiosks page says of a kiosk's camera. The README ("Setting up the kiosk PC") and
docs/idscan.md (Runs 34g, 34v) ask for a 720p webcam: at 640x480 names are misread. A camera is
enough when it gives at least 1280 x 720, whichever way up it is held."""
from __future__ import annotations

import pytest

from lpsedesk import devices
from lpsedesk.models import KioskDevice


def _kiosk(width=None, height=None) -> KioskDevice:
    return KioskDevice(name="Kios lobi", camera_width=width, camera_height=height)


@pytest.mark.parametrize("size, enough", [
    ((640, 480), False),     # the cheap VGA webcam the fifth generator drew
    ((960, 540), False),
    ((1024, 576), False),
    ((1280, 720), True),     # 720p, what the README asks for
    ((1280, 960), True),
    ((1920, 1080), True),
    ((720, 1280), True),     # a tablet's camera held upright is still 720p
    ((480, 640), False),
    ((1280, 700), False),
])
def test_a_camera_is_enough_from_720p_either_way_up(size, enough):
    report = devices.camera_report(_kiosk(*size))
    assert (report.width, report.height) == size
    assert report.enough is enough


def test_a_kiosk_that_never_opened_its_camera_has_no_camera_report():
    assert devices.camera_report(_kiosk()) is None


def test_the_camera_size_is_kept_and_a_change_is_told():
    kiosk = _kiosk()
    assert devices.note_camera(kiosk, 640, 480) is True
    assert (kiosk.camera_width, kiosk.camera_height) == (640, 480)
    assert devices.note_camera(kiosk, 640, 480) is False  # the same camera again: nothing to write
    assert devices.note_camera(kiosk, 1280, 720) is True
    assert (kiosk.camera_width, kiosk.camera_height) == (1280, 720)


@pytest.mark.parametrize("width, height", [
    (0, 480), (-640, 480), (640, None), ("640", 480), (640.5, 480), (True, 480), (640, 10 ** 9), (None, None),
    ([640], 480),
])
def test_what_is_not_a_camera_size_is_refused_and_keeps_the_old_one(width, height):
    kiosk = _kiosk(1280, 720)
    with pytest.raises(devices.DeviceError) as refused:
        devices.note_camera(kiosk, width, height)
    assert refused.value.code == "camera_size_invalid"
    assert (kiosk.camera_width, kiosk.camera_height) == (1280, 720)
