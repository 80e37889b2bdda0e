"""Issue 10, "no negative ever captured", at the kiosk: a driving licence (SIM) held still whose
frames the guidance took for a KTP is read at capture, not handed to the form, told "not a KTP"
while it is held, and its picture not kept; a KTP is still handed over (docs/idscan.md, Run 29n)."""
from __future__ import annotations

from sqlalchemy import func, select

from lpsedesk.extensions import db
from lpsedesk.models import AuditEvent

from .conftest import enrol_client, jpeg
from .test_shared_scan_sessions import _same_kiosk_on, two_apps  # noqa: F401 (a fixture)

NOT_KTP = "Kartu ini sepertinya bukan KTP. Silakan tunjukkan sisi depan KTP Anda ke kamera."


def test_a_sim_held_still_is_never_handed_over_and_the_visitor_is_asked_for_the_ktp(app, kiosk):
    from tests.idscan.test_sim_not_handed_over import _sim_without_its_band

    frame = jpeg(_sim_without_its_band(2))
    answers = [kiosk.post_frame(frame, session="sim-session-1").json for _ in range(12)]
    assert answers[0]["guidance"] in ("ready", "hold_still"), "the frame alone looks like a KTP (what this is for)"
    assert not any(a["captured"] or a.get("looking") for a in answers)
    refused = next(i for i, a in enumerate(answers) if a["guidance"] == "not_ktp")
    assert all(a["guidance"] == "not_ktp" and a["message"] == NOT_KTP for a in answers[refused:])
    with app.app_context():
        assert list(app.extensions["storage"].keys()) == []
        assert db.session.scalar(select(func.count()).select_from(AuditEvent)
                                 .where(AuditEvent.action == "kiosk.capture_not_ktp")) == 1


def test_a_ktp_is_still_handed_over(kiosk, ktp_scene):
    answers = [kiosk.post_frame(jpeg(ktp_scene[0]), session="ktp-session-1").json for _ in range(8)]
    assert any(a["captured"] for a in answers)
    assert not any(a["guidance"] == "not_ktp" for a in answers)


def test_a_refused_sim_stays_refused_when_its_frames_reach_another_process(two_apps):
    # Sessions in the database (several app processes behind the proxy): the refusal is part of the
    # shared tracker, so the next process neither captures the SIM again nor calls it ready.
    from tests.idscan.test_sim_not_handed_over import _sim_without_its_band

    first_app, second_app = two_apps
    first = enrol_client(first_app, first_app.test_client())
    second = _same_kiosk_on(second_app, first)
    frame = jpeg(_sim_without_its_band(2))
    answers = [kiosk.post_frame(frame, session="shared-sim-1").json for kiosk in (first, second, first, second, first)]
    assert not any(a["captured"] or a.get("looking") for a in answers)
    refused = next(i for i, a in enumerate(answers) if a["guidance"] == "not_ktp")
    assert refused < 4 and all(a["guidance"] == "not_ktp" for a in answers[refused:])


def test_an_uploaded_photo_of_a_sim_is_refused_in_the_visitors_language_and_a_ktp_then_captured(kiosk, ktp_scene):
    from tests.idscan.test_sim_not_handed_over import _sim_without_its_band

    answer = kiosk.post_frame(jpeg(_sim_without_its_band(2)), session="sim-upload-1", capture=True)
    assert answer.status_code == 200
    assert answer.json["captured"] is False and answer.json["capture"] is None
    assert answer.json["guidance"] == "not_ktp" and answer.json["message"] == NOT_KTP
    answers = [kiosk.post_frame(jpeg(ktp_scene[0]), session="sim-upload-1").json for _ in range(6)]
    assert any(a["captured"] for a in answers)
