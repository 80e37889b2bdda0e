"""What every test's app would do again for nothing, done once per test process (h46c).

Each test that asks for `app` gets an app of its own (a fresh config, instance folder and database
rows), and `create_app` with its first pages cost 1-3 s of a busy machine, mostly work whose result
is the same for every app: the URL rules' builders, the compiled catalogue and the compiled
templates; and the staff fixtures' Argon2 hashes. Some 2,200 tests pay it in each pass of `make test`.
Nothing a test checks is shared: each app still has its own URL map, Babel, Jinja environment,
config and database rows.
"""
from __future__ import annotations

from argon2 import PasswordHasher
from jinja2 import BytecodeCache
from jinja2.bccache import Bucket
from werkzeug.routing.rules import Rule


class CompiledTemplates(BytecodeCache):
    """Jinja's compiled templates, kept for every app this test process builds.

    Each app's Jinja environment compiled every template it rendered again: 8 s for the 80 templates
    on a busy machine, 1.2 s for the visit page alone, paid by each test that opens a staff page. The
    key is the template's name and file; Jinja compiles again when the source's checksum differs.
    Every app here comes from `create_app`, with the same Jinja options (which the code depends on)."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self.compiled.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)  # resets itself when the checksum or Jinja's version differs

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


COMPILED_TEMPLATES = CompiledTemplates()


def reuse_url_builders() -> None:
    """Werkzeug writes and compiles two Python functions for each URL rule of each app (the code that
    builds the rule's URLs): 85 % of `create_app` once the catalogue is compiled, 1.6 of 1.8 s on a
    busy machine. A builder is made from the rule's parts alone (`_trace`: its static text and the
    names of its variables) and reaches the rule's converters through its `self` argument when it
    runs, so one rule of the same parts in another app can use the same function. Rules with
    defaults (whose values the builder holds) are compiled as before. Werkzeug's own, private,
    method: if a release renames it, this does nothing and the apps start slowly again."""
    compile_builder = getattr(Rule, "_compile_builder", None)
    if compile_builder is None or getattr(compile_builder, "reused", False):
        return
    builders: dict[tuple, object] = {}

    def reused(self: Rule, append_unknown: bool = True):
        if self.defaults:
            return compile_builder(self, append_unknown)
        key = (append_unknown, self.rule, tuple(self._trace))
        builder = builders.get(key)
        if builder is None:
            builder = builders[key] = compile_builder(self, append_unknown)
        return builder

    reused.reused = True  # type: ignore[attr-defined]
    Rule._compile_builder = reused  # type: ignore[method-assign]


def share_password_hashes(staff_password: str) -> None:
    """Argon2 costs 0.25 s of a core for each hash and each check, on purpose: 60 % of a staff test's
    time went to `make_user` hashing the fixtures' one password (tests/conftest.py's TEST_PASSWORD)
    and to each login checking it. Here that password is hashed once per process (every user the
    fixtures make gets the same hash, each still a real Argon2 hash of it), and a check that
    succeeded is remembered for that exact hash and password (Argon2's answer cannot change).
    Other passwords are hashed with a salt of their own as ever, and a wrong password is always
    checked in full: the login limits' tests count and time those checks (tests/admin/test_login.py,
    test_login_burst.py). Patched on PasswordHasher, so a test that spies on it still sees each call."""
    if getattr(PasswordHasher.verify, "shared", False):
        return
    real_hash, real_verify = PasswordHasher.hash, PasswordHasher.verify
    hashes: dict[tuple, str] = {}
    verified: set[tuple] = set()

    def hash(self: PasswordHasher, password: str | bytes, *, salt: bytes | None = None) -> str:
        if password != staff_password or salt is not None:
            return real_hash(self, password, salt=salt)
        key = (self.time_cost, self.memory_cost, self.parallelism, self.hash_len, self.salt_len, self.type)
        if key not in hashes:
            hashes[key] = real_hash(self, password)
        return hashes[key]

    def verify(self: PasswordHasher, hash: str | bytes, password: str | bytes):
        if (hash, password) in verified:
            return True
        answer = real_verify(self, hash, password)  # raises on a wrong password
        verified.add((hash, password))
        return answer

    verify.shared = True  # type: ignore[attr-defined]
    PasswordHasher.hash = hash  # type: ignore[method-assign]
    PasswordHasher.verify = verify  # type: ignore[method-assign]
