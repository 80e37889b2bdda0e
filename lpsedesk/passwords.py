"""Argon2 password hashing and the rules a staff password must meet."""
from __future__ import annotations

import functools
import re
import secrets
import threading

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher()
MIN_LENGTH = 10
MIN_DISTINCT = 5  # different characters, case aside: "aaaaaaaaa1" is ten long but two to guess
# Each Argon2 hash takes 64 MiB and about 0.3 s of a core. Twenty wrong logins sent at once from one
# computer (no password needed, only the login page's token) were all hashed together: +960 MB on
# the served desk and both cores busy for 5 s, and waitress runs up to THREADS of them. At most this
# many are hashed at once; the others wait their turn, which a real login never notices.
HASHING_AT_ONCE = 2
_slots = threading.BoundedSemaphore(HASHING_AT_ONCE)


@functools.cache
def _dummy_hash() -> str:
    """Makes verifying an unknown user name cost what a known one costs. Computed at the first
    login, not at import: an Argon2 hash is half a second of CPU and ~95 MiB for every process that
    imports the app (the CLI, each test run, `make run`)."""
    return _hasher.hash(secrets.token_hex(16))


def hash_password(password: str) -> str:
    with _slots:
        return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    stored = password_hash or _dummy_hash()
    try:
        with _slots:
            return _hasher.verify(stored, password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False


# Words people build passwords from, here above all (guessers try the office's own words first).
# "Password123" met the length and mix rules (probe sec15): a password made of these words, with
# digits or marks around or between them, is refused, as is one built on the user's own name.
COMMON_WORDS = frozenset({
    "password", "passw0rd", "pass", "qwerty", "qwertyuiop", "asdfgh", "abcdef", "abc", "admin",
    "administrator", "welcome", "letmein", "iloveyou", "login", "user", "test", "rahasia", "katasandi",
    "sandi", "indonesia", "jakarta", "salatiga", "lpse", "lkpp", "pengadaan", "bismillah", "sayang",
    "merdeka", "helpdesk", "kasubag", "kiosk", "kios",
    # keyboard runs, alone or in pieces ("1qaz2wsx3edc")
    "asdfghjkl", "zxcvbnm", "asdf", "zxcv", "qwer", "qaz", "wsx", "edc",
})
_WORDS = re.compile("|".join(sorted(COMMON_WORDS, key=len, reverse=True)))
_LEET = str.maketrans("@$0!1|34578", "asoiileastb")


def _stem(password: str) -> str:
    """The password's word: lower case, digits and marks at either end stripped."""
    return password.lower().strip("0123456789!@#$%^&*()_+-=.,;:?/\\'\" ")


def _letters(text: str) -> str:
    return "".join(c for c in text if c.isalpha())


def _guessable(password: str) -> bool:
    """Common words and nothing else, once the digits and marks around and between them are taken
    out ("Password123Password", "LPSE-Salatiga-2026") or read as the letters they stand for
    ("P4ssw0rd!", "Adm1n2026"); or digits with one or two letters ("1234567890a") - probe sec16
    found these past the rule of sec15; or a few characters over and over ("aaaaaaaaa1", "abababab12"):
    its length is then no longer what makes it hard to guess."""
    if len(set(password.lower())) < MIN_DISTINCT:
        return True
    stem = _stem(password)
    if any(not _WORDS.sub("", _letters(word)) for word in (stem, stem.translate(_LEET))):
        return True
    return len(_letters(password)) < 3 and password.isalnum()


def password_problem(password: str, username: str | None = None) -> str | None:
    """A machine code for what is wrong with a new password, or None."""
    if len(password) < MIN_LENGTH:
        return "too_short"
    if password.isdigit() or password.isalpha():
        return "too_simple"
    if _guessable(password):
        return "too_common"
    if username and len(username) >= 3 and username.lower() in password.lower():
        return "too_common"
    return None


def generate_password(length: int = 16) -> str:
    alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789"
    while True:
        pw = "".join(secrets.choice(alphabet) for _ in range(length))
        if password_problem(pw) is None:
            return pw
