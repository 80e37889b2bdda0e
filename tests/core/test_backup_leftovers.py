"""A backup killed half-way leaves nothing readable behind for long: the database copy is 0600 from
the first byte, and the next run deletes the `.partial` archive and the working folder (issue 12)."""
from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

import pytest

from lpsedesk.backup import _dump_database, _held, clean_leftovers, create_backup
from lpsedesk.extensions import db

from .. import factories


@pytest.fixture
def own_tmp(tmp_path, monkeypatch):
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def test_the_database_copy_is_readable_by_the_owner_only_even_with_a_loose_umask(app, tmp_path):
    old = os.umask(0o000)
    try:
        with app.app_context():
            factories.visit()
            dest = tmp_path / "copy.db"
            _dump_database(db.engine, dest)
            db.session.remove()
    finally:
        os.umask(old)
    assert stat.S_IMODE(dest.stat().st_mode) == 0o600


def killed_run(destination: Path, tmp: Path) -> tuple[Path, Path]:
    """What kill -9 during a backup leaves: a partial archive and a working folder with a db copy."""
    partial = destination / ".lpsedesk-2026-11-30.tar.gz.partial"
    partial.write_bytes(b"\x1f\x8b half an archive")
    work = tmp / "lpsedesk-backup-abc123"
    work.mkdir()
    (work / "database.sqlite3").write_bytes(b"SQLite format 3\x00 3373024107900001")
    return partial, work


def test_the_next_backup_cleans_up_what_a_killed_one_left(app, tmp_path, own_tmp):
    destination = tmp_path / "backups"
    destination.mkdir()
    partial, work = killed_run(destination, own_tmp)
    with app.app_context():
        create_backup(db.engine, app.extensions["storage"],
                      {"secret_key": "s" * 64, "storage.key": app.config["STORAGE_KEY"]},
                      destination / "lpsedesk-2026-12-01.tar.gz")
        db.session.remove()
    assert not partial.exists() and not work.exists()
    assert sorted(p.name for p in destination.iterdir()) == ["lpsedesk-2026-12-01.tar.gz"]
    assert [p.name for p in own_tmp.iterdir()] == []


def test_a_backup_still_running_is_left_alone(tmp_path, own_tmp):
    destination = tmp_path / "backups"
    destination.mkdir()
    partial, work = killed_run(destination, own_tmp)
    fd = os.open(partial, os.O_RDONLY)
    try:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_EX)
        with _held(work):
            assert clean_leftovers(destination) == []
        assert partial.exists() and work.exists()
    finally:
        os.close(fd)
    assert sorted(clean_leftovers(destination)) == sorted([partial, work])
