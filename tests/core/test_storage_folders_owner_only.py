"""The folders that hold the stored files (KTP photos, signatures, letters) are the owner's only:
0700 whatever the umask, from the storage root down to the month (security probe: they were 0755,
so any local user could list who came when). POSIX only: Windows ignores modes."""
from __future__ import annotations

import os
import stat

import pytest
from cryptography.fernet import Fernet

from lpsedesk.storage import EncryptedFileStorage

pytestmark = pytest.mark.skipif(os.name != "posix", reason="folder modes are POSIX; Windows ignores them")


def _mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture(params=[0o022, 0o002, 0o000], ids=["umask 022", "umask 002", "umask 000"])
def umask(request):
    old = os.umask(request.param)
    yield request.param
    os.umask(old)


def test_every_folder_a_saved_file_lies_in_is_the_owners_only(tmp_path, umask):
    root = tmp_path / "instance" / "files"
    store = EncryptedFileStorage(root, Fernet.generate_key())
    key = store.save(b"tanda tangan sintetis", kind="signature")
    kind, year, month, _name = key.split("/")
    for folder in (root, root / kind, root / kind / year, root / kind / year / month):
        assert _mode(folder) == 0o700, f"{folder.relative_to(tmp_path)} is {oct(_mode(folder))}"
    store.save(b"surat", kind="letter")
    assert _mode(root / "letter") == 0o700
    assert store.open(key) == b"tanda tangan sintetis"


def test_the_orphan_sweeps_mark_makes_the_root_owner_only_too(tmp_path, umask):
    from datetime import datetime, timezone

    root = tmp_path / "files"
    EncryptedFileStorage(root, Fernet.generate_key()).mark_swept(datetime(2026, 12, 2, tzinfo=timezone.utc))
    assert _mode(root) == 0o700
