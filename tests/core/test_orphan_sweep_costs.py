"""A purge with nothing to do costs a few index lookups: it neither lists every stored file nor
reads every file key the rows name (at a million visits that took seconds at every run). Files a
crash left with no row are still deleted: by the next daily purge, and within a day and a half
whatever restarts the server in between (orphans.py)."""
from __future__ import annotations

import os
import time
from datetime import datetime, timedelta, timezone

from sqlalchemy import event

from lpsedesk.extensions import db
from lpsedesk.jobs import run_once
from lpsedesk.retention import after_purge, purge

from .. import factories

NOW = datetime.now(timezone.utc)
TWO_HOURS_AGO = time.time() - 2 * 3600


def stored(app, kind: str, *, aged: bool = True) -> str:
    storage = app.extensions["storage"]
    key = storage.save(b"synthetic " + kind.encode(), kind=kind)
    if aged:
        os.utime(storage.root / key, (TWO_HOURS_AGO, TWO_HOURS_AGO))
    return key


def purge_at(app, now: datetime) -> str:
    """One whole run as the daily job does it, at `now`: batches, each committed, then its files."""
    with app.app_context():
        previous = None
        while True:
            result = purge(db.session, now=now, previous=previous)
            db.session.commit()
            summary = after_purge(db.session, app.extensions["storage"], result)
            if not result.more:
                db.session.remove()
                return summary
            previous = result


def crash_between_commit_and_deletion(app, now: datetime) -> None:
    """A purge batch whose rows were committed, then the process died before deleting the files."""
    with app.app_context():
        purge(db.session, now=now)
        db.session.commit()
        db.session.remove()


def desk_with_files(app) -> dict:
    with app.app_context():
        recent = factories.visit(status="reported", submitted_at=NOW - timedelta(days=3),
                                 id_capture_key=stored(app, "ktp"), signature_key=stored(app, "signature"))
        letter = factories.remote_request(recorded_at=NOW - timedelta(days=3), letter_key=stored(app, "letter"))
        return {"used": [recent.id_capture_key, recent.signature_key, letter.letter_key]}


class Spy:
    """Counts the storage walks and the SQL statements of what runs while it is installed."""

    WALKS = ("keys", "stored_before", "remove_leftovers")

    def __init__(self, app, monkeypatch) -> None:
        self.walks: list[str] = []
        self.statements: list[str] = []
        storage = app.extensions["storage"]
        for name in self.WALKS:
            original = getattr(storage, name)
            monkeypatch.setattr(storage, name, self._counted(name, original))
        with app.app_context():
            self.engine = db.engine
        event.listen(self.engine, "before_cursor_execute", self._statement)

    def _counted(self, name, original):
        def counted(*args, **kwargs):
            # a walk of one small kind (the held files of open forms, ux5) is named with it
            kind = kwargs.get("kind", args[0] if name == "keys" and args else "*")
            self.walks.append(name if kind == "*" else f"{name}({kind})")
            return original(*args, **kwargs)
        return counted

    def _statement(self, _conn, _cursor, statement, *_args) -> None:
        self.statements.append(" ".join(statement.split()))

    def close(self) -> None:
        event.remove(self.engine, "before_cursor_execute", self._statement)


def unbounded_reads_of_file_rows(statements: list[str]) -> list[str]:
    """SELECTs over visits or letters that are neither a window (LIMIT) nor a list of ids (IN)."""
    return [s for s in statements if s.upper().startswith("SELECT")
            and (" FROM visits" in s or " FROM remote_access_requests" in s)
            and " LIMIT " not in s.upper() and " IN (" not in s.upper()]


def test_a_purge_with_nothing_to_do_lists_no_stored_file_and_reads_no_file_key(app, monkeypatch):
    desk_with_files(app)
    with app.app_context():
        factories.visit(status="reported", submitted_at=NOW - timedelta(days=400),
                        id_capture_key=stored(app, "ktp"), signature_key=stored(app, "signature"))
    first = run_once(app, ["purge"])["purge"]
    assert "1 KTP captures" in first and "orphaned files deleted 0" in first

    spy = Spy(app, monkeypatch)
    try:
        again = run_once(app, ["purge"])["purge"]
    finally:
        spy.close()
    assert "0 KTP captures, 0 signatures, 0 letters, 0 NIKs masked" in again
    # only the held files' own folder (a few forms' letters for 45 minutes) is looked at every run
    assert [w for w in spy.walks if not w.endswith("(pending)")] == [], \
        "a run soon after a full sweep has no stored file to look at"
    assert unbounded_reads_of_file_rows(spy.statements) == []
    assert not any("wal_checkpoint" in s for s in spy.statements), \
        "a run that changed nothing does not wait for every reader holding the write lock"


def test_a_file_a_crash_left_without_a_row_is_deleted_by_the_next_days_purge(app):
    f = desk_with_files(app)
    assert "orphaned files deleted 0" in purge_at(app, NOW)  # today's run: a full sweep
    storage = app.extensions["storage"]
    # After it, crashes leave files no row names: a kiosk capture whose visitor never came back...
    lost = stored(app, "ktp")
    # ... and a purge batch committed without deleting the files it took from its row.
    with app.app_context():
        old = factories.visit(status="reported", submitted_at=NOW - timedelta(days=400),
                              id_capture_key=stored(app, "ktp"), signature_key=stored(app, "signature"))
        taken = [old.id_capture_key, old.signature_key]
    crash_between_commit_and_deletion(app, NOW)
    assert storage.exists(lost) and all(storage.exists(k) for k in taken)

    tomorrow = purge_at(app, NOW + timedelta(days=1))
    assert "orphaned files deleted 3" in tomorrow
    assert not storage.exists(lost) and not any(storage.exists(k) for k in taken)
    assert all(storage.exists(k) for k in f["used"]), "files rows name stay"


def test_orphans_wait_a_day_and_a_half_at_most_whatever_restarts_the_server(app):
    """The worst case: a restart soon after a daily sweep; the next daily run comes a day later."""
    f = desk_with_files(app)
    storage = app.extensions["storage"]
    purge_at(app, NOW)
    lost = stored(app, "signature")
    restart_run = NOW + timedelta(hours=11)
    purge_at(app, restart_run)
    purge_at(app, restart_run + timedelta(days=1))
    assert not storage.exists(lost)
    assert all(storage.exists(k) for k in f["used"])


def test_old_unfinished_saves_are_deleted_by_the_next_days_purge_too(app):
    storage = app.extensions["storage"]
    purge_at(app, NOW)
    folder = storage.root / "ktp" / f"{NOW:%Y}" / f"{NOW:%m}"
    folder.mkdir(parents=True, exist_ok=True)
    leftover = folder / ("k" * 32 + ".tmp")
    leftover.write_bytes(b"half a capture")
    os.utime(leftover, (TWO_HOURS_AGO, TWO_HOURS_AGO))
    assert "unfinished .tmp files deleted 1" in purge_at(app, NOW + timedelta(days=1))
    assert not leftover.exists()


def test_a_restored_or_new_storage_folder_is_swept_at_the_first_run(app, tmp_path, make_app):
    """What was swept is kept with the files: another folder (a restore, a new disk) starts unswept."""
    purge_at(app, NOW)
    other = make_app({"DATABASE_URL": app.config["DATABASE_URL"], "TESTING": True,
                      "STORAGE_DIR": str(tmp_path / "restored")}, instance_path=str(tmp_path / "instance2"))
    lost = stored(other, "ktp")
    assert "orphaned files deleted 1" in purge_at(other, NOW + timedelta(minutes=5))
    assert not other.extensions["storage"].exists(lost)
