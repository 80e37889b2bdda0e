"""The small-copies job (lpsedesk/signature_copies.py, issue 16) works "a bounded batch at a time" and
leaves a signature that no longer opens as it is: the next batch starts after the last visit the
previous one looked at, so a batch full of unreadable signatures neither ends the run early nor is
read again and again."""
from __future__ import annotations

from lpsedesk import signature_copies
from lpsedesk.extensions import db
from lpsedesk.models import Visit

from .test_signature_small_copies_job import _drawn, _old_signed_visit


def test_a_batch_of_only_unreadable_signatures_is_passed_and_the_next_one_gets_its_copy(app):
    with app.app_context():
        for _ in range(2):
            _old_signed_visit(app, b"not a picture")
        fine = _old_signed_visit(app, _drawn(3))
        db.session.commit()
        storage = app.extensions["storage"]
        first = signature_copies.make_missing(db.session, storage, limit=2)
        assert (first.made, first.unreadable, first.more) == (0, 2, True)
        second = signature_copies.make_missing(db.session, storage, first, limit=2)
        assert (second.made, second.more, second.total, second.unreadable) == (1, False, 1, 2)
        assert db.session.get(Visit, fine).signature_small_key is not None
