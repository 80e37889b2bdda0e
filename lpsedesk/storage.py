"""Files kept outside the database (KTP captures, signatures, letters), encrypted at rest.

One small interface: save(bytes) -> key, open(key) -> bytes, delete(key). Keys are chosen by the
server, never by the uploader, so a key can never point outside the storage folder.
"""
from __future__ import annotations

import os
import re
import secrets
from datetime import datetime, timezone
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken

KEY_PATTERN = re.compile(r"^[a-z]{2,16}/\d{4}/\d{2}/[A-Za-z0-9_-]{16,64}$")


class StorageError(Exception):
    pass


def make_private_dirs(path: Path) -> None:
    """Create folder `path` and its missing parents owner-only (0700), whatever the umask.

    The folders hold every KTP photo and signature (encrypted, but their names, count and dates
    still say who came when): other local users may not list them (sec probe: they were 0755).
    Folders that exist already are left as they are. POSIX only: Windows ignores the mode.
    """
    if path.is_dir():
        return
    missing = []
    while not path.exists():
        missing.append(path)
        path = path.parent
    for folder in reversed(missing):
        try:
            os.mkdir(folder, 0o700)
        except FileExistsError:
            continue  # another process made it in the same moment, the same way
        if os.name == "posix":
            os.chmod(folder, 0o700)  # mkdir's mode is narrowed by the umask, never widened


class EncryptedFileStorage:
    def __init__(self, root: str | os.PathLike, key: str | bytes) -> None:
        self.root = Path(root)
        self._fernet = Fernet(key)

    def _path(self, key: str) -> Path:
        if not KEY_PATTERN.match(key):
            raise StorageError(f"not a storage key: {key!r}")
        return self.root / key

    def save(self, data: bytes, *, kind: str) -> str:
        """Encrypt and write `data`; returns the key to keep in the database."""
        now = datetime.now(timezone.utc)
        key = f"{kind}/{now:%Y}/{now:%m}/{secrets.token_urlsafe(24)}"
        path = self._path(key)
        make_private_dirs(path.parent)
        tmp = path.with_suffix(".tmp")
        tmp.write_bytes(self._fernet.encrypt(data))
        os.replace(tmp, path)  # never a half-written file under a real key
        return key

    def open(self, key: str) -> bytes:
        path = self._path(key)
        try:
            return self._fernet.decrypt(path.read_bytes())
        except FileNotFoundError:
            raise StorageError(f"no such file: {key}") from None
        except InvalidToken:
            raise StorageError(f"cannot decrypt {key}: wrong STORAGE_KEY or damaged file") from None

    def exists(self, key: str) -> bool:
        return self._path(key).exists()

    def delete(self, key: str) -> bool:
        if not KEY_PATTERN.match(key):
            raise StorageError(f"not a storage key: {key!r}")
        try:
            # os.path, not pathlib: the purge deletes thousands a batch (pathlib: 38 µs each)
            os.unlink(os.path.join(self.root, key))
            return True
        except FileNotFoundError:
            return False

    def stored_before(self, cutoff: datetime, *, kind: str = "*") -> list[str]:
        """Keys of files last written before `cutoff` (candidates for the orphan sweep), of one `kind` if given."""
        limit = cutoff.timestamp()
        out = []
        for key in self.keys(kind):
            try:
                if self._path(key).stat().st_mtime < limit:
                    out.append(key)
            except FileNotFoundError:
                continue
        return out

    def remove_leftovers(self, cutoff: datetime) -> int:
        """Delete `.tmp` files a killed save left behind (written before `cutoff`); returns how many."""
        limit, removed = cutoff.timestamp(), 0
        for path in self.root.glob("*/*/*/*.tmp"):
            try:
                if path.stat().st_mtime < limit:
                    path.unlink()
                    removed += 1
            except FileNotFoundError:
                continue
        return removed

    def swept_at(self) -> datetime | None:
        """When the last full orphan sweep of this storage finished (None: never, or unreadable)."""
        try:
            return datetime.fromisoformat(self._sweep_mark.read_text().strip())
        except (FileNotFoundError, ValueError):
            return None

    def mark_swept(self, at: datetime) -> None:
        """Kept beside the files it speaks of, so a restored or replaced folder is swept again."""
        make_private_dirs(self.root)
        tmp = self._sweep_mark.with_name(self._sweep_mark.name + ".new")
        tmp.write_text(at.isoformat())
        os.replace(tmp, self._sweep_mark)

    @property
    def _sweep_mark(self) -> Path:
        return self.root / ".orphan-sweep"  # never a key: keys are kind/yyyy/mm/token

    def keys(self, kind: str = "*"):
        """Every stored key (for backups and retention), or those of one `kind` ("letter", "pending")."""
        if kind != "*" and not re.fullmatch(r"[a-z]{2,16}", kind):
            raise StorageError(f"not a storage kind: {kind!r}")
        for path in sorted(self.root.glob(f"{kind}/*/*/*")):
            key = path.relative_to(self.root).as_posix()
            if KEY_PATTERN.match(key):
                yield key


def storage_for(config: dict) -> EncryptedFileStorage:
    return EncryptedFileStorage(config["STORAGE_DIR"], config["STORAGE_KEY"])
