"""Importing the app computes no password hash: start-up and every CLI command stay quick."""
from __future__ import annotations

import subprocess
import sys


def test_importing_the_app_hashes_no_password(tmp_path):
    # A fresh interpreter with Argon2's hasher made to fail: importing and building the app must not call it.
    code = (
        "import sys, argon2\n"
        "def refuse(*a, **k): raise SystemExit('hashed at import')\n"
        "argon2.PasswordHasher.hash = refuse\n"
        "from lpsedesk import create_app, passwords\n"
        "create_app({'DATABASE_URL': 'sqlite:///' + sys.argv[1] + '/t.db'}, instance_path=sys.argv[1])\n"
        "print('ok')\n"
    )
    done = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and done.stdout.strip().endswith("ok"), done.stdout + done.stderr


def test_an_unknown_user_name_is_still_verified_against_a_hash(app):
    from lpsedesk.passwords import _dummy_hash, verify_password

    assert verify_password(None, "anything at all") is False
    assert _dummy_hash().startswith("$argon2")
