"""What mu16's mutants of the refused letter's answer (h35r) showed untested (docs/mutation.md, mu16).

SOP 2: only a refused letter leaves the Admin an answer to give the third party; a letter still waiting,
granted, open or closed owes none, whatever its other columns say. The Admin's home lists the answers
still owed in the order the refusals came (the oldest answer owed first), as a desk works through a pile.
"""
from __future__ import annotations

from lpsedesk import remote_ops
from lpsedesk.extensions import db

from .test_remote_refusal_told_h35r import HOUR, NOW, granted, letter, people, refused, waiting_ids  # noqa: F401


def test_only_a_refused_letter_awaits_its_answer(people):
    waiting = remote_ops.record_request(db.session, people["admin"], letter("Teknisi Menunggu"), now=NOW - 2 * HOUR)
    approved = granted(people)
    db.session.flush()
    assert not remote_ops.awaits_telling(waiting)
    assert not remote_ops.awaits_telling(approved)
    assert remote_ops.awaits_telling(refused(people))


def test_the_admin_sees_the_answers_owed_oldest_refusal_first(people):
    # three letters recorded in one order and refused in another: the answers owed come in the order
    # of the refusals, neither in the order recorded nor in its reverse
    first, second, third = (remote_ops.record_request(db.session, people["admin"], letter(name), now=NOW - 5 * HOUR)
                            for name in ("Teknisi Pertama", "Teknisi Kedua", "Teknisi Ketiga"))
    for req, hours_ago in ((second, 4), (third, 3), (first, 2)):
        remote_ops.deny(db.session, req, people["kasubag"], reason="Tanpa tanda tangan", now=NOW - hours_ago * HOUR)
    assert waiting_ids(people["admin"])["denied"] == [second.id, third.id, first.id]
