"""The purge's edges mutmut's first run of lpsedesk/retention.py found untested (h45m, docs/mutation.md).

- README ("Data retention and privacy"): batches are "on SQLite fewer when a batch writes longer than
  0.1 s", "so the desk's own writes wait milliseconds while it runs": a batch of exactly 0.1 s keeps
  its size, and between batches the purge does not wait for the desk's readers.
- README: the purge "writes what it purged" (the summary line: files deleted, already gone), each run
  totalled over its batches; a file it cannot delete is logged for the Admin to delete by hand.
- docs/reports.md: "Setting retention_days (default 365, at least 1; anything else is refused and
  nothing deleted)": 1 day is a period, and a value that is no number is refused saying so.
- docs/reports.md: files "of visits submitted before the cut-off" and letters "recorded before it" go, the NIK
  of a visitor "whose last visit is older than the cut-off (or who has no visit and was created before it)" is
  masked: at the cut-off itself all stay.
- README: "at most `PURGE_BATCH` rows of each kind per transaction", and "a purge stopped half-way is
  finished by the next one": old letters in batches of one, two of one moment and an older one
  recorded after them, all lose their scans; old visitors are masked one a batch, a visitor recorded within
  the period without a visit keeps the NIK (docs/reports.md), and the run ends.
- docs/remote.md: a held letter nobody came back for is deleted once 45 minutes have passed, "in every
  purge run: 'expired held files deleted N'".
"""
from __future__ import annotations

import logging
import sqlite3
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import select

from lpsedesk import settings
from lpsedesk.extensions import db
from lpsedesk.jobs import run_once
from lpsedesk.models import RemoteAccessRequest, VisitFiles, Visitor
from lpsedesk.retention import PurgeResult, after_purge, purge

from .. import factories
from .test_orphan_sweep_costs import purge_at  # one whole run as the daily job does it

NOW = datetime.now(timezone.utc)


def _batch(limit: int, took: float) -> PurgeResult:
    return PurgeResult(days=365, cutoff=NOW, now=NOW, limit=limit, took=took)


def test_a_batch_of_exactly_a_tenth_of_a_second_keeps_its_size():
    # "fewer when a batch writes longer than 0.1 s": 0.1 s itself is not longer
    assert _batch(1000, 0.1).next_limit(4000) == 1000
    assert _batch(1000, 0.1001).next_limit(4000) < 1000


def test_a_slow_batch_halves_the_next_and_a_quick_one_doubles_it():
    # PurgeResult.next_limit: "halved after a batch that held the lock too long, doubled (up to `most`)
    # after one that took less than half as long"; a batch is a number of rows, so half of 1001 is 500
    assert _batch(1001, 0.3).next_limit(4000) == 500
    assert _batch(1000, 0.049).next_limit(4000) == 2000
    assert _batch(3000, 0.01).next_limit(4000) == 4000


@pytest.mark.parametrize("took", [0.05, 0.08])
def test_a_batch_between_half_and_the_whole_tenth_of_a_second_keeps_its_size(took):
    # not longer than 0.1 s, and not less than half as long
    assert _batch(1000, took).next_limit(4000) == 1000


def _old_visit(app, *, nik: str, age: timedelta, gone: tuple[str, ...] = ()) -> None:
    """An old visit with its KTP capture and signature; the files named in `gone` already deleted by hand."""
    storage = app.extensions["storage"]
    keys = {kind: storage.save(b"synthetic " + kind.encode(), kind=kind) for kind in ("ktp", "signature")}
    for kind in gone:
        storage.delete(keys[kind])
    factories.visit(status="reported", visitor=factories.visitor(nik=nik), submitted_at=NOW - age,
                    id_capture_key=keys["ktp"], signature_key=keys["signature"])


def test_the_summary_counts_every_file_deleted_and_already_gone_over_all_the_batches(app):
    with app.app_context():
        # by age and by id the same order: the first batch of two visits, then the last one
        _old_visit(app, nik="3373024107900001", age=timedelta(days=402), gone=("ktp",))
        _old_visit(app, nik="3373021203850002", age=timedelta(days=401), gone=("signature",))
        _old_visit(app, nik="3373021203850003", age=timedelta(days=400), gone=("ktp",))
        db.session.commit()
    app.config["PURGE_BATCH"] = 2
    summary = run_once(app, ["purge"])["purge"]
    assert "batches 2" in summary
    assert "3 KTP captures, 3 signatures" in summary
    assert "files deleted 3, already gone 3" in summary


def test_a_file_that_cannot_be_deleted_is_logged_for_the_admin_to_delete_by_hand(app, caplog, monkeypatch):
    storage = app.extensions["storage"]
    with app.app_context():
        _old_visit(app, nik="3373024107900001", age=timedelta(days=400))
        db.session.commit()
        result = purge(db.session, now=NOW)
        db.session.commit()

    def refuse(key):
        raise PermissionError(13, "Permission denied", key)

    monkeypatch.setattr(storage, "delete", refuse)
    with caplog.at_level(logging.ERROR, logger="lpsedesk.retention"):
        result.delete_files(storage)
    logged = [r.getMessage() for r in caplog.records if r.name == "lpsedesk.retention"]
    assert len(logged) == len(result.files) == 2
    for key, line in zip(result.files, logged):
        assert key in line and "delete it by hand" in line


def test_a_retention_period_of_one_day_is_a_period(app):
    with app.app_context():
        _old_visit(app, nik="3373024107900001", age=timedelta(days=2))
        _old_visit(app, nik="3373021203850002", age=timedelta(hours=1))
        settings.put(db.session, "retention_days", 1)
        db.session.commit()
        result = purge(db.session, now=NOW)
        assert result.days == 1 and len(result.captures) == 1


@pytest.mark.parametrize("stored", ["satu tahun", None])
def test_a_retention_setting_that_is_no_number_is_refused_saying_so(app, runner, stored):
    with app.app_context():
        _old_visit(app, nik="3373024107900001", age=timedelta(days=400))
        settings.put(db.session, "retention_days", stored)
        db.session.commit()
    result = runner.invoke(args=["purge"])
    assert result.exit_code != 0
    assert "retention_days is not a number" in result.output and repr(stored) in result.output
    with app.app_context():
        assert db.session.scalars(select(VisitFiles)).all(), "nothing deleted"


def test_what_was_recorded_at_the_cut_off_itself_is_kept(app):
    storage = app.extensions["storage"]
    with app.app_context():
        cutoff = NOW - timedelta(days=30)
        visit = factories.visit(status="reported", visitor=factories.visitor(nik="3373024107900001"),
                                submitted_at=cutoff, signature_key=storage.save(b"synthetic signature", kind="signature"))
        letter = factories.remote_request(recorded_at=cutoff, letter_key=storage.save(b"synthetic letter", kind="letter"))
        # "who has no visit and was created before it": one created at the cut-off is not
        db.session.add(factories.visitor(nik="3373021203850002", created_at=cutoff))
        db.session.commit()
        result = purge(db.session, now=NOW, days=30)
        db.session.commit()
        assert (result.signatures, result.letters, result.masked_visitors) == ([], [], [])
        assert db.session.get(VisitFiles, visit.id) is not None
        assert storage.exists(letter.letter_key)


def _batches_of_one(most: int = 10) -> list[PurgeResult]:
    """A whole run in batches of one row of each kind, each committed; fails if it has not ended after `most`."""
    previous, results = None, []
    for _ in range(most):
        results.append(purge(db.session, now=NOW, limit=1, previous=previous))
        db.session.commit()
        if not results[-1].more:
            return results
        previous = results[-1]
    raise AssertionError(f"the purge was still going after {most} batches")


def test_old_letters_go_one_a_batch_whatever_their_order_and_shared_moments(app):
    storage = app.extensions["storage"]
    moment = NOW - timedelta(days=400)
    with app.app_context():
        letters = [factories.remote_request(recorded_at=at, letter_key=storage.save(b"synthetic letter", kind="letter"))
                   for at in (moment, moment, moment - timedelta(days=1))]  # the oldest recorded last
        db.session.commit()
        batches = [result.letters for result in _batches_of_one()]
        assert all(len(letters_of_batch) <= 1 for letters_of_batch in batches)
        assert sorted(sum(batches, [])) == sorted(letter.id for letter in letters)
        assert all(db.session.get(RemoteAccessRequest, letter.id).letter_key is None for letter in letters)


def test_old_visitors_are_masked_one_a_batch_and_the_run_ends(app):
    with app.app_context():
        old = [factories.visitor(nik=nik, created_at=NOW - timedelta(days=400))
               for nik in ("3373024107900001", "3373021203850002")]
        young = factories.visitor(nik="3373021203850003", created_at=NOW - timedelta(days=1))  # the last id
        db.session.add_all([*old, young])
        db.session.commit()
        old, young = [visitor.id for visitor in old], young.id
        batches = [result.masked_visitors for result in _batches_of_one()]
        assert all(len(masked) <= 1 for masked in batches)
        assert sorted(sum(batches, [])) == sorted(old)
        assert db.session.get(Visitor, young).nik == "3373021203850003"


def test_a_held_letter_nobody_came_back_for_is_deleted_by_the_purge_after_45_minutes(app):
    storage = app.extensions["storage"]
    held = storage.save(b"synthetic letter held for a form sent back", kind="pending")
    saved = datetime.now(timezone.utc)  # not the module's NOW: a long run imports this file long before
    assert "expired held files deleted 0" in purge_at(app, saved + timedelta(minutes=40))
    assert storage.exists(held), "still within its 45 minutes"
    assert "expired held files deleted 1" in purge_at(app, saved + timedelta(minutes=50))
    assert not storage.exists(held)


def _own_desk(make_app, tmp_path, niks: tuple[str, ...]):
    """A SQLite database of its own (no other test's connection on it), with an old visit per NIK."""
    from flask_migrate import upgrade

    own = make_app({"DATABASE_URL": f"sqlite:///{tmp_path / 'own.db'}", "TESTING": True,
                    "STORAGE_DIR": str(tmp_path / "files")}, instance_path=str(tmp_path / "instance"))
    with own.app_context():
        if db.engine.dialect.name != "sqlite":
            pytest.skip("SQLite's log only")
        upgrade()
        for nik in niks:
            factories.visit(status="reported", visitor=factories.visitor(nik=nik),
                            submitted_at=NOW - timedelta(days=400),
                            signature_key=own.extensions["storage"].save(b"synthetic signature", kind="signature"))
        db.session.commit()
        return own, Path(db.engine.url.database)


def test_after_a_purge_no_full_nik_is_left_in_the_log_while_the_desk_stays_connected(make_app, tmp_path):
    """README: "after a purge that changed anything SQLite's write-ahead log is checkpointed [...], so a
    masked NIK does not linger in lpsedesk.db-wal". The server keeps its connections open: closing the
    last one would empty the log by itself, so one stays open here as the running desk's do."""
    nik = "3373024107900001"
    own, path = _own_desk(make_app, tmp_path, (nik,))
    desk = sqlite3.connect(path, isolation_level=None)
    try:
        purge_at(own, NOW)
        wal = Path(f"{path}-wal")
        assert not wal.exists() or nik.encode() not in wal.read_bytes(), "the log still holds the full NIK"
    finally:
        desk.close()


def test_between_batches_the_purge_does_not_wait_for_a_reader_of_the_desk(make_app, tmp_path):
    """A staff page reading the database while a batch commits: the purge goes on to its next batch at
    once (the log is emptied, waiting for every reader, only after the last batch)."""
    own, path = _own_desk(make_app, tmp_path, ("3373024107900001", "3373021203850002"))
    reader = sqlite3.connect(path, isolation_level=None)
    try:
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM visits").fetchone()  # holds its snapshot from before the batch
        with own.app_context():
            first = purge(db.session, now=NOW, limit=1)
            db.session.commit()
            assert first.more and first.changed
            started = time.monotonic()
            after_purge(db.session, own.extensions["storage"], first)
            waited = time.monotonic() - started
        # the desk's busy timeout is 30 s: a checkpoint that waits for the reader takes all of it
        assert waited < 10, f"the purge waited {waited:.1f} s for a reader between two batches"
    finally:
        reader.execute("ROLLBACK")
        reader.close()
