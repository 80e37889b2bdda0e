"""docs/remote.md: a letter kept across a form sent back is usable for 45 minutes, and an abandoned
one is deleted once 45 minutes have passed, shorter than the orphan sweep's hour.

The other held-letter tests measure time with the code's own HOLD_FOR, so any hold (two hours, a
day) passed them; these use the documented 45 minutes.
"""
from __future__ import annotations

from datetime import timedelta

from lpsedesk import held_files
from lpsedesk.models import utcnow

from .test_kept_and_pointed_ux5 import admin, held_files_on_disk, held_token, people, requests  # noqa: F401
from .test_remote_support import record


def test_an_abandoned_letter_is_kept_44_minutes_and_deleted_at_46(app, admin):
    record(admin, requester_name="")
    with app.app_context():
        storage = app.extensions["storage"]
        assert held_files.sweep_expired(storage, utcnow() + timedelta(minutes=44)) == 0
        assert held_files.sweep_expired(storage, utcnow() + timedelta(minutes=46)) == 1
    assert held_files_on_disk(app) == []


def test_a_held_letter_is_gone_before_the_orphan_sweeps_hour(app, admin):
    record(admin, requester_name="")
    with app.app_context():
        assert held_files.sweep_expired(app.extensions["storage"], utcnow() + timedelta(minutes=59)) == 1


def test_a_held_letter_still_serves_the_form_sent_again_after_40_minutes(app, admin, monkeypatch):
    token = held_token(record(admin, requester_name="").get_data(as_text=True))
    real_now = utcnow
    monkeypatch.setattr("admin.remote.views.utcnow", lambda: real_now() + timedelta(minutes=40))
    response = record(admin, letter=False, letter_held=token)
    assert response.status_code == 302
    assert len(requests(app)) == 1
