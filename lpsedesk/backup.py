"""Backup and restore: the database, the encrypted files and the instance keys in one archive.

    flask --app wsgi backup PATH.tar.gz      # written 0600: it holds the keys that decrypt the files
    flask --app wsgi restore PATH.tar.gz [--force]

The archive (.tar.gz) holds manifest.json, the database (SQLite: a consistent copy made with the
online backup API; PostgreSQL: `pg_dump -Fc`), files/<key> (the stored files, still encrypted) and
keys/secret_key + keys/storage.key. The database is copied FIRST, then the files: every file the
copied database names was saved before it, so the copy is consistent (a file added later is only
an extra, unreferenced one). Restore refuses a database that already holds rows unless forced.
"""
from __future__ import annotations

import io
import json
import os
import re
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import inspect, select, text
from sqlalchemy.engine import Engine

from .models import Base
from .storage import KEY_PATTERN, EncryptedFileStorage, make_private_dirs

FORMAT, VERSION = "lpsedesk-backup", 1
DB_MEMBER = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
KEY_FILES = ("secret_key", "storage.key")


WORK_PREFIX, RESTORE_PREFIX, PARTIAL_SUFFIX = "lpsedesk-backup-", "lpsedesk-restore-", ".partial"
# Where flock is missing (Windows), a leftover is judged by its age instead.
STALE_SECONDS = 24 * 3600


class BackupError(Exception):
    """A backup or restore that cannot go ahead; the message says why and what to do."""


def _lock(fd: int) -> bool:
    """Take an exclusive lock on `fd` without waiting; True when taken (or locks are unsupported)."""
    try:
        import fcntl
    except ImportError:
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except OSError:
        return False


@contextmanager
def _held(folder: Path):
    """Hold a lock on a working folder for as long as a backup or restore uses it."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        _lock(fd)
        yield
    finally:
        os.close(fd)


def _abandoned(path: Path) -> bool:
    """A leftover of a run that was killed: nobody holds its lock (or, without locks, it is old)."""
    try:
        import fcntl  # noqa: F401
    except ImportError:
        return time.time() - path.stat().st_mtime > STALE_SECONDS
    fd = os.open(path, os.O_RDONLY)
    try:
        return _lock(fd)
    finally:
        os.close(fd)  # releases the lock taken to test it


def clean_leftovers(destination: Path) -> list[Path]:
    """Delete what a killed backup or restore left: `.NAME.partial` archives in `destination` and
    working folders (holding a plain database copy) in the temporary folder. Returns what went."""
    removed: list[Path] = []
    candidates = list(Path(destination).glob(f".*{PARTIAL_SUFFIX}"))
    candidates += [p for p in Path(tempfile.gettempdir()).glob("lpsedesk-*")
                   if p.name.startswith((WORK_PREFIX, RESTORE_PREFIX)) and p.is_dir()]
    for path in candidates:
        try:
            if os.name == "posix" and path.stat().st_uid != os.getuid():
                continue  # another user's: not ours to judge
            if not _abandoned(path):
                continue
            if path.is_dir():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)
            removed.append(path)
        except OSError:
            continue
    return removed


@dataclass
class RestoreResult:
    dialect: str
    files: int = 0
    created_at: str = ""
    warnings: list[str] = field(default_factory=list)


def _pg_env(engine: Engine) -> dict[str, str]:
    # Connection details go through libpq's environment, never the command line (visible in ps).
    url = engine.url
    env = {**os.environ, "PGDATABASE": url.database or ""}
    for var, value in (("PGHOST", url.host), ("PGPORT", url.port), ("PGUSER", url.username),
                       ("PGPASSWORD", url.password)):
        if value is not None:
            env[var] = str(value)
    return env


def _major(version_text: str) -> int:
    match = re.search(r"(\d+)(?:\.\d+)?", version_text)
    if not match:
        raise BackupError(f"cannot read a version from {version_text!r}")
    return int(match.group(1))


def pg_tool(name: str, engine: Engine) -> str:
    """The path of pg_dump/pg_restore, checked against the server's major version."""
    path = shutil.which(name)
    if path is None:
        raise BackupError(f"{name} not found: install the PostgreSQL client of the server's version "
                          "(Debian: sudo apt-get install postgresql-client)")
    tool = _major(subprocess.run([path, "--version"], capture_output=True, text=True, check=True).stdout)
    with engine.connect() as conn:
        server = int(conn.execute(text("SHOW server_version_num")).scalar_one()) // 10000
    if tool < server:
        raise BackupError(f"{name} is version {tool} but the server is {server}: install "
                          f"postgresql-client-{server} (an older {name} cannot read a newer server)")
    return path


def _alembic_revision(engine: Engine) -> str | None:
    if "alembic_version" not in inspect(engine).get_table_names():
        return None
    with engine.connect() as conn:
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _dump_database(engine: Engine, dest: Path) -> None:
    # The copy holds every NIK: created 0600 before anything is written into it, whatever the umask.
    os.close(os.open(dest, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600))
    os.chmod(dest, 0o600)
    if engine.dialect.name == "sqlite":
        source = sqlite3.connect(engine.url.database)
        target = sqlite3.connect(dest)
        try:
            source.backup(target)  # a consistent copy even while the server writes
        finally:
            target.close()
            source.close()
    elif engine.dialect.name == "postgresql":
        done = subprocess.run([pg_tool("pg_dump", engine), "-Fc", "--no-owner", "--no-privileges",
                               "-f", str(dest)], env=_pg_env(engine), capture_output=True, text=True)
        if done.returncode != 0:
            raise BackupError(f"pg_dump failed: {done.stderr.strip()}")
    else:
        raise BackupError(f"backups of {engine.dialect.name} databases are not supported")


def _add_bytes(tar: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size, info.mode, info.mtime = len(data), 0o600, int(datetime.now(timezone.utc).timestamp())
    tar.addfile(info, io.BytesIO(data))


def create_backup(engine: Engine, storage: EncryptedFileStorage, keys: dict[str, str], path: Path) -> dict:
    """Write the archive to `path` (which must not exist) with mode 0600; returns the manifest."""
    path = Path(path)
    if path.exists():
        raise BackupError(f"{path} already exists; choose a new file name")
    if engine.dialect.name not in DB_MEMBER:
        raise BackupError(f"backups of {engine.dialect.name} databases are not supported")
    path.parent.mkdir(parents=True, exist_ok=True)
    clean_leftovers(path.parent)
    with tempfile.TemporaryDirectory(prefix=WORK_PREFIX) as work, _held(Path(work)):
        db_copy = Path(work) / DB_MEMBER[engine.dialect.name]
        _dump_database(engine, db_copy)  # first: see the module docstring
        file_keys = list(storage.keys())
        manifest = {
            "format": FORMAT, "version": VERSION, "created_at": datetime.now(timezone.utc).isoformat(),
            "dialect": engine.dialect.name, "alembic_revision": _alembic_revision(engine),
            "database": db_copy.name, "files": len(file_keys), "keys": list(KEY_FILES),
        }
        tmp = path.with_name(f".{path.name}{PARTIAL_SUFFIX}")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.fchmod(fd, 0o600)  # whatever the umask: the archive holds the decryption keys
        _lock(fd)  # while held, clean_leftovers of another run leaves this file alone
        try:
            with os.fdopen(fd, "wb") as raw, tarfile.open(fileobj=raw, mode="w:gz") as tar:
                _add_bytes(tar, "manifest.json", json.dumps(manifest, indent=2).encode())
                _add_bytes(tar, f"database/{db_copy.name}", db_copy.read_bytes())
                for key in file_keys:
                    try:
                        data = (storage.root / key).read_bytes()
                    except FileNotFoundError:  # deleted by retention between listing and reading
                        continue
                    _add_bytes(tar, f"files/{key}", data)
                for name in KEY_FILES:
                    _add_bytes(tar, f"keys/{name}", keys[name].encode())
            os.replace(tmp, path)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
    return manifest


def database_has_rows(engine: Engine) -> bool:
    present = set(inspect(engine).get_table_names())
    with engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            if table.name in present and conn.execute(select(table).limit(1)).first() is not None:
                return True
    return False


def _read_archive(path: Path, work: Path) -> tuple[dict, Path, dict[str, bytes], dict[str, str]]:
    """Read members by name only (never extractall: a crafted archive cannot write elsewhere)."""
    try:
        tar = tarfile.open(path, mode="r:gz")
    except (OSError, tarfile.TarError) as exc:
        raise BackupError(f"{path} is not a readable backup archive: {exc}") from None
    with tar:
        members = {m.name: m for m in tar.getmembers() if m.isfile()}

        def read(name: str) -> bytes:
            if name not in members:
                raise BackupError(f"{path} lacks {name}: not a complete LPSE desk backup")
            return tar.extractfile(members[name]).read()

        manifest = json.loads(read("manifest.json"))
        if manifest.get("format") != FORMAT or manifest.get("version") != VERSION:
            raise BackupError(f"{path} is not an LPSE desk backup of a version this program reads")
        db_file = work / str(manifest["database"]).replace("/", "_")
        db_file.write_bytes(read(f"database/{manifest['database']}"))
        files = {}
        for name in members:
            if name.startswith("files/"):
                key = name[len("files/"):]
                if not KEY_PATTERN.match(key):
                    raise BackupError(f"{path} holds an unexpected file name: {name}")
                files[key] = read(name)
        keys = {name: read(f"keys/{name}").decode().strip() for name in KEY_FILES}
    return manifest, db_file, files, keys


def _load_database(engine: Engine, source: Path) -> None:
    engine.dispose()  # no pooled connection may hold a lock on what is replaced
    if engine.dialect.name == "sqlite":
        src, dst = sqlite3.connect(source), sqlite3.connect(engine.url.database)
        try:
            src.backup(dst)
        finally:
            dst.close()
            src.close()
    else:
        done = subprocess.run([pg_tool("pg_restore", engine), "--clean", "--if-exists", "--no-owner",
                               "--no-privileges", "--single-transaction", "-d", engine.url.database or "",
                               str(source)],
                              env=_pg_env(engine), capture_output=True, text=True)
        if done.returncode != 0:
            raise BackupError(f"pg_restore failed: {done.stderr.strip()}")
    engine.dispose()


def _read_secret(path: Path) -> str | None:
    try:
        return path.read_text().strip()
    except FileNotFoundError:
        return None


def _write_secret(path: Path, value: str) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(fd, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(value)


def restore_backup(engine: Engine, storage_root: Path, instance_path: Path, path: Path, *,
                   force: bool = False, configured_keys: dict[str, str] | None = None) -> RestoreResult:
    """Bring back database, files and keys from `path`; refuses a database with rows unless `force`."""
    with tempfile.TemporaryDirectory(prefix=RESTORE_PREFIX) as work, _held(Path(work)):
        manifest, db_file, files, keys = _read_archive(Path(path), Path(work))
        if manifest["dialect"] != engine.dialect.name:
            raise BackupError(f"the backup is of a {manifest['dialect']} database but DATABASE_URL points "
                              f"at {engine.dialect.name}; restore into the same kind of database")
        if database_has_rows(engine) and not force:
            raise BackupError("the database already holds records; restoring would replace them. "
                              "Run again with --force if that is what you want.")
        _load_database(engine, db_file)
    result = RestoreResult(dialect=manifest["dialect"], created_at=manifest.get("created_at", ""))
    root = Path(storage_root)
    for key, data in files.items():
        target = root / key
        make_private_dirs(target.parent)
        tmp = target.with_suffix(".tmp")
        tmp.write_bytes(data)
        os.replace(tmp, target)
        result.files += 1
    instance = Path(instance_path)
    instance.mkdir(parents=True, exist_ok=True)
    # A configured key equal to the old instance file came from that file and follows it; any
    # other one is set elsewhere (environment, .env, config.py) and would shadow the restored key.
    from_elsewhere = {name: value for name, value in (configured_keys or {}).items()
                      if value and value != _read_secret(instance / name)}
    for name, value in keys.items():
        _write_secret(instance / name, value)
    config_names = {"secret_key": "SECRET_KEY", "storage.key": "STORAGE_KEY"}
    for name, value in from_elsewhere.items():
        if name in keys and value != keys[name]:
            result.warnings.append(
                f"{config_names[name]} is set in the environment, .env or instance/config.py and differs "
                f"from the restored instance/{name}: remove that setting (or set it to the restored "
                "value) or the restored files cannot be decrypted.")
    return result
