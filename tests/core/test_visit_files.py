"""A visit's personal files live in a narrow row of their own (`visit_files`): the retention purge
deletes that row and never rewrites the visit itself (on PostgreSQL a rewrite added an entry to
each of the visits' two dozen indexes). The rest of the code reads the files as the visit's own."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from sqlalchemy import event, func, select

from lpsedesk.extensions import db
from lpsedesk.jobs import run_once
from lpsedesk.models import Visit, VisitFiles

from .. import factories

NOW = datetime.now(timezone.utc)


def _key(kind: str, n: int) -> str:
    return f"{kind}/2020/01/synthetic{n:012d}"  # a storage key with no file behind it


def test_the_purge_deletes_an_old_visits_files_and_never_writes_the_visit_row(app):
    with app.app_context():
        old = factories.visit(status="reported", submitted_at=NOW - timedelta(days=400), id_capture_key=_key("ktp", 1),
                              id_barcodes=["3373024107900001"], signature_key=_key("signature", 2), signature_small_key=_key("signature", 3))
        recent = factories.visit(status="reported", submitted_at=NOW - timedelta(days=3), signature_key=_key("signature", 4))
        ids, version = (old.id, recent.id), old.version
        engine = db.engine
    statements: list[str] = []

    def seen(_conn, _cursor, statement, *_args) -> None:
        statements.append(" ".join(statement.split()).upper())

    event.listen(engine, "before_cursor_execute", seen)
    try:
        summary = run_once(app, ["purge"])["purge"]
    finally:
        event.remove(engine, "before_cursor_execute", seen)
    assert "1 KTP captures, 1 signatures" in summary
    assert not [s for s in statements if s.startswith("UPDATE VISITS ")], "the visit's own row is not written"
    with app.app_context():
        old, recent = db.session.get(Visit, ids[0]), db.session.get(Visit, ids[1])
        assert old.files is None and old.id_capture_key is None and old.id_barcodes is None
        assert old.signature_key is None and old.signature_small_key is None and old.version == version
        assert recent.signature_key == _key("signature", 4)
        assert db.session.scalar(select(func.count()).select_from(VisitFiles)) == 1


def test_a_visits_files_row_keeps_the_visits_time_for_the_purges_order(app):
    with app.app_context():
        visit = factories.visit(status="approved", id_capture_key=_key("ktp", 5))  # time: the column default
        assert visit.files.submitted_at == visit.submitted_at
        visit.submitted_at = visit.submitted_at - timedelta(days=2)
        db.session.commit()
        assert db.session.scalar(select(VisitFiles.submitted_at)) == visit.submitted_at


def test_a_visit_made_without_any_file_has_no_files_row(app):
    with app.app_context():
        visit = factories.visit(status="approved", id_capture_key=None, signature_key=None)
        assert visit.files is None and visit.signature_key is None
        assert db.session.scalar(select(func.count()).select_from(VisitFiles)) == 0
