"""What every test's app would do again for nothing, done once per test process (h46c).

Each test that asks for `app` gets an app of its own (a fresh config, instance folder and database
rows), and `create_app` with its first pages cost 1-3 s of a busy machine, mostly work whose result
is the same for every app: the URL rules' builders, the compiled catalogue and the compiled
templates. Some 2,200 tests pay it in each pass of `make test`. Nothing a test checks is shared: each
app still has its own URL map, Babel, Jinja environment, config and database rows.
"""
from __future__ import annotations

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
