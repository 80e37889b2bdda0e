"""sec4 probe: on a fresh install the server wrote SECRET_KEY, STORAGE_KEY and the first-run setup
token into instance/ with the umask's mode (0644 under the usual 022) and narrowed them to 0600
only afterwards. Another local user who opened the file in between keeps reading it after the
chmod: with the storage key, every stored KTP image; with the secret key, a forged Admin session.

What must happen: each secret file is the owner's alone from the instant it exists, whatever the
umask, so there is no moment to catch. The test takes away the after-the-fact chmod to look at
the file as it is when first written."""
from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from lpsedesk import create_app
from lpsedesk.firstrun import setup_token

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


@pytest.fixture
def open_umask_and_no_late_chmod(monkeypatch):
    monkeypatch.setattr(Path, "chmod", lambda self, mode, **kw: None)
    monkeypatch.setattr(os, "chmod", lambda *a, **kw: None)
    old = os.umask(0)
    yield
    os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_generated_keys_are_never_readable_by_others(tmp_path, open_umask_and_no_late_chmod):
    instance = tmp_path / "instance"
    app = create_app({"DATABASE_URL": f"sqlite:///{tmp_path / 'x.db'}", "TESTING": True,
                      "STORAGE_DIR": str(tmp_path / "files")}, instance_path=str(instance))
    for name in ("secret_key", "storage.key"):
        assert _mode(instance / name) == 0o600, name
        assert (instance / name).read_text().strip()
    assert (instance / "secret_key").read_text().strip() == app.config["SECRET_KEY"]
    assert not list(instance.glob(".*.tmp"))  # nothing left beside them


def test_the_setup_token_is_never_readable_by_others(tmp_path, open_umask_and_no_late_chmod):
    token = setup_token(str(tmp_path))
    path = next(p for p in tmp_path.iterdir() if p.read_text().strip() == token)
    assert _mode(path) == 0o600
    assert setup_token(str(tmp_path)) == token  # made once, then read
