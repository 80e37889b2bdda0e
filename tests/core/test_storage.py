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
