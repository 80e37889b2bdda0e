"""Issue 16: the small copy of a signature kept for the guest book's PDF lives and dies with the
signature: the retention purge deletes it with the signature, and the orphan sweep keeps it while
its visit names it."""
from __future__ import annotations

import os
import time
from datetime import datetime, timedelta, timezone

from lpsedesk.extensions import db
from lpsedesk.jobs import run_once
from lpsedesk.models import Visit

from .. import factories

NOW = datetime.now(timezone.utc)


def _store(app, what: bytes) -> str:
    return app.extensions["storage"].save(what, kind="signature")


def _age(app, key: str) -> str:
    then = time.time() - 2 * 3600  # older than the sweep's hour
    os.utime(app.extensions["storage"].root / key, (then, then))
    return key


def test_the_purge_deletes_the_small_copy_with_the_signature(app, runner):
    with app.app_context():
        old = factories.visit(status="reported", submitted_at=NOW - timedelta(days=400),
                              signature_key=_store(app, b"old signature"), signature_small_key=_store(app, b"old small"))
        recent = factories.visit(status="reported", submitted_at=NOW - timedelta(days=10),
                                 signature_key=_store(app, b"recent signature"),
                                 signature_small_key=_store(app, b"recent small"))
        ids, keys = (old.id, recent.id), (old.signature_small_key, recent.signature_small_key)
    result = runner.invoke(args=["purge"])
    assert result.exit_code == 0, result.output
    storage = app.extensions["storage"]
    assert not storage.exists(keys[0]), "the old signature's small copy is deleted with it"
    assert storage.exists(keys[1]), "a signature within the retention period keeps its small copy"
    assert "already gone 0" in result.output
    with app.app_context():
        old, recent = db.session.get(Visit, ids[0]), db.session.get(Visit, ids[1])
        assert old.signature_key is None and old.signature_small_key is None
        assert recent.signature_small_key == keys[1]


def test_the_orphan_sweep_keeps_a_small_copy_while_its_visit_names_it(app):
    with app.app_context():
        visit = factories.visit(signature_key=_age(app, _store(app, b"signature")),
                                signature_small_key=_age(app, _store(app, b"small copy")))
        named = visit.signature_small_key
    lost = _age(app, _store(app, b"small copy of no visit"))
    assert "orphaned files deleted 1" in run_once(app, ["purge"])["purge"]
    storage = app.extensions["storage"]
    assert storage.exists(named) and not storage.exists(lost)
