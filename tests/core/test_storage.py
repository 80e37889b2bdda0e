"""Encrypted storage: what goes in comes out, nothing readable on disk, no path tricks."""
from __future__ import annotations

import pytest
from cryptography.fernet import Fernet

from lpsedesk.storage import EncryptedFileStorage, StorageError


def test_saved_bytes_come_back_and_are_encrypted_on_disk(tmp_path):
    store = EncryptedFileStorage(tmp_path, Fernet.generate_key())
    secret = b"\xff\xd8synthetic ktp bytes 3373020101900001"
    key = store.save(secret, kind="ktp")
    assert store.open(key) == secret
    on_disk = (tmp_path / key).read_bytes()
    assert b"3373020101900001" not in on_disk
    assert list(store.keys()) == [key]
    assert store.delete(key) and not store.exists(key)


@pytest.mark.parametrize("bad", [
    "../etc/passwd", "ktp/2026/11/../../x", "/abs/path", "ktp/x",
    # long enough to pass a length check: only the characters allowed can refuse these
    "ktp/2026/11/" + "../" * 8 + "etc/passwd", "ktp/2026/11/" + "a" * 20 + "/../../../x",
    "ktp/2026/11/..%2F..%2F..%2Fetc%2Fpasswd", "ktp/2026/11/" + "a" * 20 + "\\..\\x",
    "ktp/2026/11/" + "a" * 20 + "\n",
])
def test_keys_that_are_not_ours_are_refused(tmp_path, bad):
    store = EncryptedFileStorage(tmp_path, Fernet.generate_key())
    with pytest.raises(StorageError):
        store.open(bad)


def test_a_wrong_key_says_so_instead_of_returning_garbage(tmp_path):
    key = EncryptedFileStorage(tmp_path, Fernet.generate_key()).save(b"x", kind="sig")
    with pytest.raises(StorageError, match="STORAGE_KEY"):
        EncryptedFileStorage(tmp_path, Fernet.generate_key()).open(key)


def _age(path, when):
    import os

    os.utime(path, (when.timestamp(), when.timestamp()))


def test_the_orphan_sweep_is_offered_only_files_written_before_its_cutoff(tmp_path):
    # Retention: a file is a candidate only when it is older than the cutoff; a newer one may belong
    # to a visit whose row is not committed yet.
    from datetime import datetime, timedelta, timezone

    store = EncryptedFileStorage(tmp_path, Fernet.generate_key())
    cutoff = datetime(2026, 11, 1, tzinfo=timezone.utc)
    old, edge, new = (store.save(b"x", kind="ktp") for _ in range(3))
    _age(tmp_path / old, cutoff - timedelta(days=3))
    _age(tmp_path / edge, cutoff)
    _age(tmp_path / new, cutoff + timedelta(minutes=1))
    assert store.stored_before(cutoff) == [old]
    store.delete(old)
    assert store.stored_before(cutoff + timedelta(days=1)) == sorted([edge, new])


def test_half_written_files_a_killed_save_left_are_removed_once_old_and_counted(tmp_path):
    from datetime import datetime, timedelta, timezone

    store = EncryptedFileStorage(tmp_path, Fernet.generate_key())
    cutoff = datetime(2026, 11, 1, tzinfo=timezone.utc)
    kept = store.save(b"x", kind="ktp")
    folder = (tmp_path / kept).parent
    stale = [folder / f"stale{n}.tmp" for n in range(3)]
    fresh = folder / "fresh.tmp"
    for path in [*stale, fresh]:
        path.write_bytes(b"half")
    for path in stale:
        _age(path, cutoff - timedelta(hours=1))
    _age(fresh, cutoff)
    _age(tmp_path / kept, cutoff - timedelta(days=9))
    assert store.remove_leftovers(cutoff) == 3
    assert not any(path.exists() for path in stale) and fresh.exists()
    assert store.open(kept) == b"x", "a finished file is never a leftover"
    assert store.remove_leftovers(cutoff) == 0


def test_every_key_is_new_and_names_its_kind_and_month(tmp_path):
    import re
    from datetime import datetime, timezone

    store = EncryptedFileStorage(tmp_path, Fernet.generate_key())
    keys = {store.save(b"x", kind="sig") for _ in range(20)}
    month = datetime.now(timezone.utc).strftime("%Y/%m")
    assert len(keys) == 20 and all(re.fullmatch(rf"sig/{month}/[A-Za-z0-9_-]{{32}}", k) for k in keys)
    assert not list(tmp_path.glob("*/*/*/*.tmp")), "no temporary file stays behind"
