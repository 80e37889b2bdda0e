"""Files no row names are swept by the purge and at start-up once an hour old; the SQLite log
holds no purged NIK afterwards; the database files are the owner's only (issue 12)."""
from __future__ import annotations

import os
import stat
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import text

from lpsedesk.extensions import db
from lpsedesk.jobs import run_once

from .. import factories

HOUR_AGO = time.time() - 2 * 3600


def aged(storage, key: str) -> str:
    os.utime(storage.root / key, (HOUR_AGO, HOUR_AGO))
    return key


def leftover_tmp(storage, *, old: bool) -> Path:
    folder = storage.root / "ktp" / "2026" / "11"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{'o' if old else 'n'}{'x' * 31}.tmp"
    path.write_bytes(b"")
    if old:
        os.utime(path, (HOUR_AGO, HOUR_AGO))
    return path


@pytest.fixture
def files(app):
    storage = app.extensions["storage"]
    with app.app_context():
        used = {"ktp": aged(storage, storage.save(b"used ktp", kind="ktp")),
                "sig": aged(storage, storage.save(b"used signature", kind="signature")),
                "letter": aged(storage, storage.save(b"used letter", kind="letter"))}
        factories.visit(id_capture_key=used["ktp"], signature_key=used["sig"])
        factories.remote_request(letter_key=used["letter"])
    orphans = [aged(storage, storage.save(b"lost ktp", kind="ktp")),
               aged(storage, storage.save(b"lost signature", kind="signature"))]
    young = storage.save(b"capture waiting for its visit", kind="ktp")
    return {"storage": storage, "used": used, "orphans": orphans, "young": young,
            "old_tmp": leftover_tmp(storage, old=True), "new_tmp": leftover_tmp(storage, old=False)}


def assert_swept(f) -> None:
    storage = f["storage"]
    assert all(storage.exists(k) for k in f["used"].values()), "files rows name stay"
    assert not any(storage.exists(k) for k in f["orphans"]), "files no row names go after an hour"
    assert storage.exists(f["young"]), "a fresh capture may still get its visit"
    assert not f["old_tmp"].exists() and f["new_tmp"].exists()


def test_the_purge_command_sweeps_orphaned_files_and_old_tmp_leftovers(app, runner, files):
    result = runner.invoke(args=["purge"])
    assert result.exit_code == 0, result.output
    assert "orphaned files deleted 2" in result.output
    assert_swept(files)


def test_the_start_up_purge_job_sweeps_them_too(app, files):
    assert "orphaned files deleted 2" in run_once(app, ["purge"])["purge"]
    assert_swept(files)


def sqlite_path(app) -> Path:
    with app.app_context():
        if db.engine.dialect.name != "sqlite":
            pytest.skip("SQLite files only")
        return Path(db.engine.url.database)


def test_after_the_purge_no_full_nik_is_left_in_the_sqlite_files(app, runner, tmp_path, make_app):
    # A database of its own, so no other test's connection keeps the log from being emptied.
    from flask_migrate import upgrade

    own = make_app({"DATABASE_URL": f"sqlite:///{tmp_path / 'own.db'}", "TESTING": True,
                    "STORAGE_DIR": str(tmp_path / "files")}, instance_path=str(tmp_path / "instance"))
    nik = "3373024107900001"
    with own.app_context():
        upgrade()
        factories.visit(visitor=factories.visitor(nik=nik, created_at=datetime.now(timezone.utc) - timedelta(days=900)),
                        submitted_at=datetime.now(timezone.utc) - timedelta(days=800))
        db.session.execute(text("SELECT 1"))
    path = sqlite_path(own)
    result = own.test_cli_runner().invoke(args=["purge"])
    assert result.exit_code == 0, result.output
    with own.app_context():
        db.session.remove()
        for name in (path, Path(f"{path}-wal")):
            if name.exists():
                assert nik.encode() not in name.read_bytes(), f"{name.name} still holds the full NIK"


def test_the_sqlite_database_and_its_log_are_readable_by_the_owner_only(app, tmp_path, make_app):
    own = make_app({"DATABASE_URL": f"sqlite:///{tmp_path / 'perm.db'}", "TESTING": True,
                    "STORAGE_DIR": str(tmp_path / "files")}, instance_path=str(tmp_path / "instance"))
    old = os.umask(0o022)
    try:
        with own.app_context():
            db.session.execute(text("CREATE TABLE t (x INTEGER)"))
            db.session.execute(text("INSERT INTO t VALUES (1)"))
            db.session.commit()
            path = sqlite_path(own)
            for name in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
                assert name.exists(), name
                assert stat.S_IMODE(name.stat().st_mode) == 0o600, f"{name.name} is {oct(name.stat().st_mode)}"
    finally:
        os.umask(old)
