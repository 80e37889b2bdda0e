"""Backup and restore: database, encrypted files and keys in one 0600 archive, brought back whole."""
from __future__ import annotations

import os
import shutil
import stat
import tarfile
from datetime import date

import pytest
from flask_migrate import upgrade
from sqlalchemy import func, select

from lpsedesk.demo import make_demo_data
from lpsedesk.extensions import db
from lpsedesk.models import AuditEvent, Visit, Visitor

from .. import factories

SIGNATURE = "tanda tangan sintetis ÿ".encode()


def _counts(app) -> dict[str, int]:
    with app.app_context():
        counts = {m.__name__: db.session.scalar(select(func.count()).select_from(m)) for m in (Visit, Visitor, AuditEvent)}
        db.session.remove()
        return counts


def _seed(app) -> int:
    with app.app_context():
        make_demo_data(db.session, weeks=2, seed=3, today=date(2026, 11, 20))
        key = app.extensions["storage"].save(SIGNATURE, kind="signature")
        visit = factories.visit(status="approved", signature_key=key)
        db.session.commit()
        return visit.id


def _sqlite_app(make_app, folder):
    app = make_app({"DATABASE_URL": f"sqlite:///{folder}/lpsedesk.db", "TESTING": True,
                    "STORAGE_DIR": str(folder / "files")}, instance_path=str(folder / "instance"))
    with app.app_context():
        upgrade()
    return app


def _signature_of(app, visit_id: int) -> bytes:
    with app.app_context():
        return app.extensions["storage"].open(db.session.get(Visit, visit_id).signature_key)


def test_a_sqlite_backup_restores_into_a_new_installation_with_its_files_and_keys(make_app, tmp_path):
    source = _sqlite_app(make_app, tmp_path / "office")
    visit_id = _seed(source)
    archive = tmp_path / "backup" / "lpsedesk.tar.gz"
    made = source.test_cli_runner().invoke(args=["backup", str(archive)])
    assert made.exit_code == 0, made.output
    assert "keys" in made.output and stat.S_IMODE(os.stat(archive).st_mode) == 0o600
    with tarfile.open(archive) as tar:
        names = tar.getnames()
    assert "keys/storage.key" in names and "database/database.sqlite3" in names
    assert any(n.startswith("files/signature/") for n in names)
    assert source.test_cli_runner().invoke(args=["backup", str(archive)]).exit_code != 0, "never overwrites"

    target = _sqlite_app(make_app, tmp_path / "new-pc")
    restored = target.test_cli_runner().invoke(args=["restore", str(archive)])
    assert restored.exit_code == 0, restored.output
    # A restarted server reads the restored keys from instance/ and decrypts the restored files.
    again = make_app({"DATABASE_URL": f"sqlite:///{tmp_path}/new-pc/lpsedesk.db", "TESTING": True,
                      "STORAGE_DIR": str(tmp_path / "new-pc" / "files")}, instance_path=str(tmp_path / "new-pc" / "instance"))
    assert _counts(again) == _counts(source)
    assert _signature_of(again, visit_id) == SIGNATURE
    assert stat.S_IMODE(os.stat(tmp_path / "new-pc" / "instance" / "storage.key").st_mode) == 0o600
    if os.name == "posix":  # ux7: the restored files' folders are the owner's only, as saved ones
        assert stat.S_IMODE(os.stat(tmp_path / "new-pc" / "files" / "signature").st_mode) == 0o700


def test_restore_refuses_a_database_with_records_unless_forced(make_app, tmp_path):
    source = _sqlite_app(make_app, tmp_path / "office")
    _seed(source)
    archive = tmp_path / "b.tar.gz"
    assert source.test_cli_runner().invoke(args=["backup", str(archive)]).exit_code == 0
    busy = _sqlite_app(make_app, tmp_path / "busy")
    with busy.app_context():
        factories.visit(visitor=factories.visitor(full_name="Sudah Ada"))
        db.session.remove()
    refused = busy.test_cli_runner().invoke(args=["restore", str(archive)])
    assert refused.exit_code != 0 and "--force" in refused.output
    assert _counts(busy)["Visit"] == 1
    forced = busy.test_cli_runner().invoke(args=["restore", str(archive), "--force"])
    assert forced.exit_code == 0, forced.output
    assert _counts(busy) == _counts(source)


def test_restore_refuses_a_file_that_is_not_a_backup(make_app, tmp_path):
    app = _sqlite_app(make_app, tmp_path / "office")
    junk = tmp_path / "junk.tar.gz"
    junk.write_bytes(b"not an archive")
    result = app.test_cli_runner().invoke(args=["restore", str(junk)])
    assert result.exit_code != 0 and "not a readable backup" in result.output


def test_a_postgresql_backup_round_trips_through_pg_dump_and_pg_restore(app, runner, tmp_path):
    with app.app_context():
        dialect = db.engine.dialect.name
    if dialect != "postgresql":
        pytest.skip("PostgreSQL round trip: run the suite with TEST_DATABASE_URL=postgresql+psycopg://...")
    if not (shutil.which("pg_dump") and shutil.which("pg_restore")):
        pytest.skip("pg_dump/pg_restore missing: sudo apt-get install postgresql-client")
    visit_id = _seed(app)
    before = _counts(app)
    archive = tmp_path / "pg.tar.gz"
    made = runner.invoke(args=["backup", str(archive)])
    assert made.exit_code == 0, made.output
    with tarfile.open(archive) as tar:
        assert "database/database.pgdump" in tar.getnames()
    assert runner.invoke(args=["restore", str(archive)]).exit_code != 0, "the database still holds records"
    # Disaster: every row and every stored file lost.
    with app.app_context():
        db.session.remove()
        with db.engine.begin() as conn:
            for table in reversed(db.metadata.sorted_tables):
                conn.execute(table.delete())
    shutil.rmtree(app.config["STORAGE_DIR"])
    assert _counts(app)["Visit"] == 0
    restored = runner.invoke(args=["restore", str(archive)])
    assert restored.exit_code == 0, restored.output
    assert _counts(app) == before
    assert _signature_of(app, visit_id) == SIGNATURE
