"""Retention: old KTP captures, signatures and letters are deleted, old NIKs masked, all audited;
the guest-book rows stay."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from sqlalchemy import select

from lpsedesk import settings
from lpsedesk.extensions import db
from lpsedesk.jobs import jobs_of, run_once
from lpsedesk.models import AuditEvent, RemoteAccessRequest, Visit, Visitor
from lpsedesk.nik import mask_nik
from lpsedesk.retention import purge

from .. import factories

NOW = datetime.now(timezone.utc)
OLD = NOW - timedelta(days=400)
RECENT = NOW - timedelta(days=10)


def _store(app, kind: str) -> str:
    return app.extensions["storage"].save(b"synthetic " + kind.encode(), kind=kind)


def _setup(app):
    """An old visit of a visitor who never came back, an old visit of one who did, and a recent one."""
    with app.app_context():
        gone = factories.visitor(full_name="Lama Sekali", nik="3373024107900001")
        back = factories.visitor(full_name="Datang Lagi", nik="3373021203850002")
        old = factories.visit(status="reported", visitor=gone, submitted_at=OLD, id_capture_key=_store(app, "ktp"),
                              signature_key=_store(app, "signature"), id_barcodes=["3373024107900001"])
        old_back = factories.visit(status="reported", visitor=back, submitted_at=OLD,
                                   signature_key=_store(app, "signature"))
        recent = factories.visit(status="approved", visitor=back, submitted_at=RECENT,
                                 id_capture_key=_store(app, "ktp"), signature_key=_store(app, "signature"))
        letter_old = factories.remote_request(recorded_at=OLD, letter_key=_store(app, "letter"))
        letter_new = factories.remote_request(recorded_at=RECENT, letter_key=_store(app, "letter"))
        return {"old": old.id, "old_back": old_back.id, "recent": recent.id, "gone": gone.id, "back": back.id,
                "letter_old": letter_old.id, "letter_new": letter_new.id,
                "files": {"old_ktp": old.id_capture_key, "old_sig": old.signature_key,
                          "recent_ktp": recent.id_capture_key, "new_letter": letter_new.letter_key,
                          "old_letter": letter_old.letter_key, "old_back_sig": old_back.signature_key}}


def test_the_purge_command_deletes_old_files_masks_old_niks_and_keeps_the_rows(app, runner):
    ids = _setup(app)
    result = runner.invoke(args=["purge"])
    assert result.exit_code == 0, result.output
    assert "2 signatures" in result.output and "1 letters" in result.output
    storage = app.extensions["storage"]
    files = ids["files"]
    assert not storage.exists(files["old_ktp"]) and not storage.exists(files["old_sig"])
    assert not storage.exists(files["old_letter"]) and not storage.exists(files["old_back_sig"])
    assert storage.exists(files["recent_ktp"]) and storage.exists(files["new_letter"])
    with app.app_context():
        old = db.session.get(Visit, ids["old"])
        assert old.id_capture_key is None and old.signature_key is None and old.id_barcodes is None
        assert old.status == "reported", "the guest-book row stays"
        recent = db.session.get(Visit, ids["recent"])
        assert recent.id_capture_key == files["recent_ktp"] and recent.signature_key is not None
        assert db.session.get(Visitor, ids["gone"]).nik == "3373********0001"
        assert db.session.get(Visitor, ids["back"]).nik == "3373021203850002", "came back 10 days ago"
        assert db.session.get(RemoteAccessRequest, ids["letter_old"]).letter_key is None
        assert db.session.get(RemoteAccessRequest, ids["letter_new"]).letter_key == files["new_letter"]
        event = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "retention.purged")).one()
        assert event.actor_type == "system" and event.details["days"] == 365
        assert event.details["ktp_captures"] == [ids["old"]]
        assert sorted(event.details["signatures"]) == sorted([ids["old"], ids["old_back"]])
        assert event.details["letters"] == [ids["letter_old"]] and event.details["masked_visitors"] == [ids["gone"]]


def test_a_second_purge_finds_nothing_and_writes_no_audit_event(app, runner):
    _setup(app)
    assert runner.invoke(args=["purge"]).exit_code == 0
    again = runner.invoke(args=["purge"])
    assert "0 KTP captures, 0 signatures, 0 letters, 0 NIKs masked" in again.output
    with app.app_context():
        assert len(db.session.scalars(select(AuditEvent).where(AuditEvent.action == "retention.purged")).all()) == 1


def test_the_retention_period_comes_from_the_office_settings(app):
    ids = _setup(app)
    with app.app_context():
        settings.put(db.session, "retention_days", 5)
        db.session.commit()
        result = purge(db.session)
        db.session.commit()
        result.delete_files(app.extensions["storage"])
        assert ids["recent"] in result.signatures and ids["letter_new"] in result.letters
        assert db.session.get(Visitor, ids["back"]).nik == "3373********0002"


def test_a_bad_retention_setting_is_refused_without_deleting_anything(app, runner):
    ids = _setup(app)
    with app.app_context():
        settings.put(db.session, "retention_days", 0)
        db.session.commit()
    result = runner.invoke(args=["purge"])
    assert result.exit_code != 0 and "at least 1" in result.output
    assert app.extensions["storage"].exists(ids["files"]["old_ktp"])


def test_the_daily_purge_job_runs_with_the_server(app):
    ids = _setup(app)
    assert jobs_of(app)["purge"].every_seconds == 86400
    results = run_once(app, ["purge"])
    assert "1 KTP captures" in results["purge"]
    assert not app.extensions["storage"].exists(ids["files"]["old_ktp"])


def test_masking_keeps_region_and_serial_and_is_idempotent():
    assert mask_nik("3373024107900001") == "3373********0001"
    assert mask_nik(mask_nik("3373024107900001")) == "3373********0001"
    assert mask_nik("") == "" and mask_nik("12345") == "*****"
