"""Stored files and redirects: keys the server chose and paths of this site, nothing else."""
from __future__ import annotations

import re
from datetime import datetime, timezone

import pytest
from cryptography.fernet import Fernet

from lpsedesk.storage import EncryptedFileStorage, StorageError, storage_for
from lpsedesk.urls import same_site_path


@pytest.fixture
def store(tmp_path):
    return EncryptedFileStorage(tmp_path, Fernet.generate_key())


def test_a_key_names_the_kind_and_the_utc_month_it_was_stored_and_is_unguessable(store):
    before = datetime.now(timezone.utc)
    key = store.save(b"x", kind="ktp")
    after = datetime.now(timezone.utc)
    kind, year, month, token = key.split("/")
    assert kind == "ktp" and (year, month) in {(f"{t:%Y}", f"{t:%m}") for t in (before, after)}
    assert re.fullmatch(r"[A-Za-z0-9_-]{32,}", token)  # at least 24 random bytes, URL-safe


def test_many_files_of_one_month_live_side_by_side(store):
    keys = [store.save(bytes([n]), kind="sig") for n in range(3)]
    assert len(set(keys)) == 3
    assert [store.open(k) for k in keys] == [b"\x00", b"\x01", b"\x02"]
    assert sorted(store.keys()) == sorted(keys)
    assert not list(store.root.rglob("*.tmp"))  # nothing half-written is left behind


def test_deleting_twice_says_the_second_time_there_was_nothing(store):
    key = store.save(b"x", kind="letter")
    assert store.exists(key)
    assert store.delete(key) is True
    assert store.delete(key) is False and not store.exists(key)


def test_opening_a_missing_file_names_the_key_in_the_error(store):
    missing = "ktp/2026/11/" + "a" * 32
    with pytest.raises(StorageError, match=re.escape(missing)):
        store.open(missing)
    with pytest.raises(StorageError, match="not a storage key"):
        store.open("../../etc/passwd")


@pytest.mark.parametrize("key", [
    "ktp/2026/11/" + "a" * 16, "ktp/2026/11/" + "A_-9" * 16, "ab/2026/11/" + "a" * 20, "abcdefghijklmnop/2026/11/" + "a" * 20,
])
def test_keys_of_the_servers_own_shape_are_accepted(store, key):
    assert store.exists(key) is False  # checked, then looked up


@pytest.mark.parametrize("key", [
    "ktp/2026/11/" + "a" * 15, "ktp/2026/11/" + "a" * 65, "k/2026/11/" + "a" * 20, "abcdefghijklmnopq/2026/11/" + "a" * 20,
    "KTP/2026/11/" + "a" * 20, "ktp/26/11/" + "a" * 20, "ktp/2026/1/" + "a" * 20, "ktp/2026/11/" + "a" * 20 + ".tmp",
    "ktp/2026/11/" + "a" * 20 + "/x", "x/ktp/2026/11/" + "a" * 20, "ktp/2026/11/" + "a" * 19 + ".",
])
def test_keys_of_any_other_shape_are_refused(store, key):
    with pytest.raises(StorageError):
        store.exists(key)


def test_keys_lists_only_keys_of_the_servers_shape(store):
    key = store.save(b"x", kind="ktp")
    stray = store.root / "ktp" / "2026" / "11" / "notes.txt"
    stray.parent.mkdir(parents=True, exist_ok=True)
    stray.write_text("left by hand")
    assert list(store.keys()) == [key]


def test_the_storage_is_configured_from_the_app_settings(tmp_path):
    secret = Fernet.generate_key()
    store = storage_for({"STORAGE_DIR": str(tmp_path / "files"), "STORAGE_KEY": secret})
    key = store.save(b"abc", kind="ktp")
    assert (tmp_path / "files" / key).is_file()
    assert EncryptedFileStorage(tmp_path / "files", secret).open(key) == b"abc"


def test_a_long_path_of_this_site_is_still_a_path_of_this_site():
    # A visit search with many filters makes a long query string; that is no reason to refuse it.
    target = "/admin/visits?q=" + "sari+" * 300
    assert same_site_path(target) == target
