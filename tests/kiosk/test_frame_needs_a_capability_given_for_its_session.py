"""A frame is admitted only with the capability given for its very session (issue 16).

docs/kiosk.md: `POST /kiosk/api/v1/frames` carries "the capability in X-Scan-Capability" and is
refused 403 `capability_invalid` otherwise; the capability is answered by
`POST /kiosk/api/v1/scan/<session>/capability` and the CSRF-free frame path is safe only because a
page of another site cannot know it (docs/scale.md, "The camera loop's narrow path"). A scan session
the CSRF-checked form route started (`POST /kiosk/api/v1/scan`) was never given a capability: no
capability may then admit a frame into it, whatever is sent.
"""
from __future__ import annotations

import numpy as np

from .conftest import API, jpeg
from .test_frame_capability import _device_only, _frame


def test_a_session_started_by_the_form_route_admits_no_frame_on_the_capability_path(app, kiosk):
    empty = jpeg(np.full((480, 640, 3), 200, np.uint8))
    started = kiosk.client.post(f"{API}/scan", query_string={"session": "form-route-1"}, data=empty,
                                headers={"Content-Type": "image/jpeg", "X-CSRFToken": kiosk.csrf})
    assert started.status_code == 200, started.json
    for guess in ("x" * 43, "anything", "0"):
        refused = _frame(_device_only(app, kiosk), empty, guess, session="form-route-1", capture="1")
        assert refused.status_code == 403 and refused.json["error"] == "capability_invalid", guess
