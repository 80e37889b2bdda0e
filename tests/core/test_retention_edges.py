"""The purge at its edges (README "Data retention and privacy": KTP captures, signatures and request
letters older than the retention days are deleted, those visitors' NIKs masked; issue 12: files no
row names are swept once an hour old; issue 15: invitations go with the rest of the personal data).
Written for the mutants sec2 planted that the other purge tests let through (docs/mutation.md)."""
from __future__ import annotations

import os
import time
from datetime import datetime, timedelta, timezone

from sqlalchemy import func, select

from lpsedesk import orphans
from lpsedesk.extensions import db
from lpsedesk.models import AuditEvent, Invitation, RemoteAccessRequest, Visitor
from lpsedesk.retention import purge

from .. import factories

NOW = datetime.now(timezone.utc)
OLD = NOW - timedelta(days=400)
RECENT = NOW - timedelta(days=10)


def _store(app, kind: str) -> str:
    return app.extensions["storage"].save(b"synthetic " + kind.encode(), kind=kind)


def _run(app, limit: int = 4000, most_batches: int = 50):
    """A whole purge run, batch after batch, as the job runs it; stops at `most_batches`."""
    previous, result = None, None
    for _ in range(most_batches):
        result = purge(db.session, now=NOW, limit=limit, previous=previous)
        db.session.commit()
        result.delete_files(app.extensions["storage"])
        if not result.more:
            return result
        previous = result
    raise AssertionError(f"the purge was still going after {most_batches} batches")


def test_the_small_copy_of_an_old_signature_goes_with_it(app):
    """The guest book PDF's small copy is the same signature: it is deleted with the signature."""
    storage = app.extensions["storage"]
    with app.app_context():
        visit = factories.visit("reported", submitted_at=OLD, signature_key=_store(app, "signature"),
                                signature_small_key=_store(app, "signature"))
        big, small = visit.signature_key, visit.signature_small_key
        _run(app)
    assert not storage.exists(big)
    assert not storage.exists(small)


def test_a_visit_whose_only_ktp_data_is_the_codes_read_from_the_card_is_named_among_the_ktp_captures(app):
    """The barcodes were read from the KTP and carry its data; the audit says their KTP data went."""
    with app.app_context():
        visit = factories.visit("reported", submitted_at=OLD, id_barcodes=["3373024107900001"])
        _run(app)
        event = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "retention.purged")).one()
        assert event.details["ktp_captures"] == [visit.id]


def test_every_old_letter_goes_in_one_run_even_when_there_are_more_than_a_batch(app):
    storage = app.extensions["storage"]
    with app.app_context():
        keys = [factories.remote_request(recorded_at=OLD + timedelta(minutes=i), letter_key=_store(app, "letter")).letter_key
                for i in range(7)]
        result = _run(app, limit=3)
        assert result.totals.letters == 7
        assert db.session.scalar(select(func.count()).select_from(RemoteAccessRequest)
                                 .where(RemoteAccessRequest.letter_key.is_not(None))) == 0
    assert not any(storage.exists(k) for k in keys)


def test_an_invitation_whose_window_ended_before_the_retention_period_is_forgotten(app):
    from lpsedesk.invitations import rules

    with app.app_context():
        for ends in (OLD, RECENT):
            draft = rules.InvitationDraft(full_name="Peserta Pelatihan", phone="081234560001", institution="CV Uji",
                                          category="penyedia", purpose="training", facility="training_room",
                                          starts_at=ends - timedelta(hours=2), ends_at=ends, event_name="Pelatihan")
            db.session.add(rules.build(draft, None))
        db.session.commit()
        _run(app)
        left = db.session.scalars(select(Invitation.ends_at)).all()
        assert len(left) == 1 and abs((left[0] - RECENT).total_seconds()) < 1


def test_a_run_ends_when_many_recent_records_without_visits_stay_whole(app):
    """Records made within the period keep their NIK; a run passes over them and ends."""
    with app.app_context():
        for i in range(5):
            db.session.add(Visitor(full_name=f"Baru {i}", nik=f"33730241079000{10 + i}", phone="0812",
                                   institution="X", category="opd", created_at=RECENT))
        gone = [factories.visitor(full_name=f"Lama {i}", nik=f"33730212038500{10 + i}", created_at=OLD) for i in range(3)]
        for v in gone:
            factories.visit("reported", visitor=v, submitted_at=OLD)
        result = _run(app, limit=2)
        assert result.totals.masked_visitors == 3
        assert db.session.scalar(select(func.count()).select_from(Visitor).where(Visitor.nik.like("%*%"))) == 3


def _orphan(app, age_seconds: float) -> str:
    storage = app.extensions["storage"]
    key = storage.save(b"synthetic orphan", kind="ktp")
    when = time.time() - age_seconds
    os.utime(storage.root / key, (when, when))
    return key


def test_an_unreferenced_file_is_swept_only_once_it_is_an_hour_old(app):
    """Issue 12: files no row references, older than an hour. A kiosk's capture waits minutes for its
    visit; half an hour old it is kept."""
    storage = app.extensions["storage"]
    with app.app_context():
        young, old = _orphan(app, 30 * 60), _orphan(app, 2 * 3600)
        orphans.sweep(db.session, storage)
    assert storage.exists(young) and not storage.exists(old)


def test_a_clock_set_back_makes_the_sweep_due(app):
    """The last sweep's mark lies in the future after the clock was set back: sweep again rather than
    wait until the clock catches up (orphans.sweep_if_due)."""
    storage = app.extensions["storage"]
    with app.app_context():
        key = _orphan(app, 2 * 3600)
        storage.mark_swept(datetime.now(timezone.utc) + timedelta(days=30))
        orphans.sweep_if_due(db.session, storage)
    assert not storage.exists(key)
