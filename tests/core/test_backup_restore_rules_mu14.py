"""Restore's two refusals and its one warning, as docs/reports.md ("Backup and restore") and the README
state them: it "refuses an archive of the other database kind", and "warns when SECRET_KEY/STORAGE_KEY
is set elsewhere (environment, .env) with another value" - a key read from instance/ itself is not
set elsewhere, and a new installation restored as the README shows is told nothing to fix."""
from __future__ import annotations

import io
import json
import tarfile

import pytest
from flask_migrate import upgrade

from lpsedesk.backup import BackupError, create_backup, restore_backup
from lpsedesk.extensions import db

from .. import factories


def _sqlite_app(make_app, folder, **config):
    app = make_app({"DATABASE_URL": f"sqlite:///{folder}/lpsedesk.db", "TESTING": True,
                    "STORAGE_DIR": str(folder / "files"), **config}, instance_path=str(folder / "instance"))
    with app.app_context():
        upgrade()
    return app


def _backup(make_app, tmp_path):
    source = _sqlite_app(make_app, tmp_path / "office")
    archive = tmp_path / "backup.tar.gz"
    with source.app_context():
        factories.visit()
        db.session.commit()
        keys = {"secret_key": source.config["SECRET_KEY"], "storage.key": source.config["STORAGE_KEY"]}
        create_backup(db.engine, source.extensions["storage"], keys, archive)
        db.session.remove()
    return archive, keys


def _as_postgresql(archive, out):
    """The same archive, its manifest saying it was taken from PostgreSQL (as on another office's server)."""
    with tarfile.open(archive) as tar:
        members = [(m, tar.extractfile(m).read()) for m in tar.getmembers() if m.isfile()]
    with tarfile.open(out, "w:gz") as tar:
        for member, data in members:
            if member.name == "manifest.json":
                manifest = json.loads(data)
                manifest.update(dialect="postgresql", database="database.pgdump")
                data = json.dumps(manifest).encode()
            elif member.name.startswith("database/"):
                member.name = "database/database.pgdump"
            member.size = len(data)
            tar.addfile(member, io.BytesIO(data))
    return out


def _restore(app, archive):
    with app.app_context():
        db.session.remove()
        keys = {"secret_key": app.config["SECRET_KEY"], "storage.key": app.config["STORAGE_KEY"]}
        return restore_backup(db.engine, app.config["STORAGE_DIR"], app.instance_path, archive,
                              configured_keys=keys)


def test_an_archive_of_the_other_database_kind_is_refused_and_nothing_is_restored(make_app, tmp_path):
    archive, _keys = _backup(make_app, tmp_path)
    other_kind = _as_postgresql(archive, tmp_path / "from-postgresql.tar.gz")
    target = _sqlite_app(make_app, tmp_path / "new-pc")
    with pytest.raises(BackupError, match="same kind of database"):
        _restore(target, other_kind)
    with target.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(db.metadata.tables["visits"])) == 0


def test_a_new_installation_whose_keys_are_its_instance_files_is_given_no_key_warning(make_app, tmp_path):
    archive, _keys = _backup(make_app, tmp_path)
    result = _restore(_sqlite_app(make_app, tmp_path / "new-pc"), archive)
    assert result.warnings == []


def test_a_key_set_elsewhere_with_another_value_is_warned_about(make_app, tmp_path):
    archive, _keys = _backup(make_app, tmp_path)
    target = _sqlite_app(make_app, tmp_path / "new-pc", SECRET_KEY="set-in-the-environment-" + "x" * 20)
    result = _restore(target, archive)
    assert len(result.warnings) == 1 and result.warnings[0].startswith("SECRET_KEY is set in the environment")
