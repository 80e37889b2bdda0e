"""A finger over the NIK line: seen on the straightened crop, so the kiosk can ask the visitor to
move it before the capture (no reader recovers digits that are not in the image; Run 14x)."""
from __future__ import annotations

import cv2
import numpy as np

# The NIK's value column on a KTP, as shares of the card's width and height: the number starts
# right of "NIK :" (about a quarter in) and ends before the photo (about 70 % across), in the
# first row under the two header lines. The same box turned over covers a crop read upside down.
NIK_BOX = (0.26, 0.72, 0.16, 0.29)  # x0, x1, y0, y1
# Skin is redder than the card: log(R/B) above the card's own median by this much. Taken against
# the card's median, a colour cast (every channel scaled) or dim light (all scaled alike) cancels.
WARMER = 0.3
MIN_AREA = 0.01  # of the crop: smaller warm specks are print (a red photo ground is not at the edge)
MIN_COVER = 0.03  # of the NIK box under the finger: about half of one digit
# The guidances whose frames the finger is asked of: every frame the kiosk captures, at once
# ("ready") or after its wait ("too_blurry", "hold_still"). Asked of ready frames alone, a thumb over
# the digits of a soft, dim or moving card sat on frames told "too blurry" or "hold still": the visitor
# was told to hold still for 3 s and the capture read the covered digits (Run 39a: 5 of 7 dev thumb
# frames). The tracker counts these waits together (tracker.WAITED), so the visitor waits no longer.
FINGER_ASKED = ("ready", "too_blurry", "hold_still")
_SIZE = (214, 135)  # a quarter of the crop: enough for a thumb, ~0.5 ms


def finger_cover(crop: np.ndarray) -> float:
    """Share of the NIK box (either way up) under a warm region entering from the card's edge."""
    small = cv2.resize(crop, _SIZE, interpolation=cv2.INTER_AREA).astype(np.float32)
    small = cv2.GaussianBlur(small, (0, 0), 1.0)  # webcam noise in dim light makes single pixels warm
    warm = np.log(small[..., 2] + 8.0) - np.log(small[..., 0] + 8.0)  # +8: dark ink's ratio is noise
    mask = ((warm - float(np.median(warm))) > WARMER).astype(np.uint8)
    mask = cv2.morphologyEx(mask, cv2.MORPH_OPEN, np.ones((3, 3), np.uint8))
    h, w = mask.shape
    n, labels, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    # A finger holds the card from outside: its region reaches the crop's border. The photo (a
    # face, maybe on a red ground) and red print sit inside the card.
    entering = [k for k in range(1, n)
                if stats[k, cv2.CC_STAT_AREA] >= MIN_AREA * w * h
                and (stats[k, cv2.CC_STAT_LEFT] <= 1 or stats[k, cv2.CC_STAT_TOP] <= 1
                     or stats[k, cv2.CC_STAT_LEFT] + stats[k, cv2.CC_STAT_WIDTH] >= w - 1
                     or stats[k, cv2.CC_STAT_TOP] + stats[k, cv2.CC_STAT_HEIGHT] >= h - 1)]
    if not entering:
        return 0.0
    finger = np.isin(labels, entering)
    x0, x1, y0, y1 = NIK_BOX
    cover = 0.0
    for bx0, bx1, by0, by1 in ((x0, x1, y0, y1), (1 - x1, 1 - x0, 1 - y1, 1 - y0)):
        box = finger[int(by0 * h):int(by1 * h), int(bx0 * w):int(bx1 * w)]
        cover = max(cover, float(box.mean()))
    return cover


def finger_on_nik(crop: np.ndarray) -> bool:
    return finger_cover(crop) >= MIN_COVER
