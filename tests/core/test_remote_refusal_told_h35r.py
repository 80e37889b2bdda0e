"""SOP 2, a refused letter (h35r): the Admin received the third party's letter and passed it to the
Kasubag; when the Kasubag refuses, the Admin still owes the third party an answer. The refused letter
waits on the Admin ("Beri tahu pihak ketiga") until the Admin records that the third party was told:
when, by whom and how (an optional short note such as "surat balasan no. ..."), audited like every
other step, once. A granted letter is not touched by it; a Kasubag or helpdesk cannot record it.

Seen by h34a: a refused letter dropped off the Admin's home at once, and nothing recorded the answer.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from lpsedesk import remote_ops
from lpsedesk.extensions import db
from lpsedesk.remote_ops import RemoteInputError, RequestInput
from lpsedesk.roles import Actor, Role
from lpsedesk.workflow import NotAllowed, WorkflowError

from .test_rules_visit_ops import staff_user

NOW = datetime(2026, 12, 7, 3, 0, tzinfo=timezone.utc)  # Monday 10.00 WIB
MINUTE, HOUR, DAY = timedelta(minutes=1), timedelta(hours=1), timedelta(days=1)
REASON = "Surat belum ditandatangani pejabat yang berwenang"


@pytest.fixture
def people(app):
    """An app context with two Admins, a Kasubag and a helpdesk member."""
    with app.app_context():
        ids = [staff_user(name) for name in ("ani", "agus", "bambang", "rina")]
        yield {"admin": Actor("user", ids[0], "Ani", frozenset({Role.ADMIN})),
               "admin2": Actor("user", ids[1], "Agus", frozenset({Role.ADMIN})),
               "kasubag": Actor("user", ids[2], "Bambang", frozenset({Role.KASUBAG})),
               "helpdesk": Actor("user", ids[3], "Rina", frozenset({Role.HELPDESK}))}


def letter(name: str) -> RequestInput:
    return RequestInput(requester_name=name, instansi="PT Contoh Teknologi", letter_number="045/UJI/XII/2026",
                        letter_date=date(2026, 12, 4), purpose="Pembaruan aplikasi", rights_requested="Hanya baca",
                        period_start=NOW + DAY, period_end=NOW + 3 * DAY)


def refused(people, name: str = "Teknisi Ditolak"):
    """A letter recorded by the Admin and refused by the Kasubag an hour later."""
    req = remote_ops.record_request(db.session, people["admin"], letter(name), now=NOW - 2 * HOUR)
    remote_ops.deny(db.session, req, people["kasubag"], reason=REASON, now=NOW - HOUR)
    return req


def granted(people, name: str = "Teknisi Disetujui"):
    req = remote_ops.record_request(db.session, people["admin"], letter(name), now=NOW - 2 * HOUR)
    remote_ops.approve(db.session, req, people["kasubag"], approved_until=None, now=NOW - HOUR)
    return req


def waiting_ids(actor: Actor) -> dict[str, list[int]]:
    db.session.flush()
    return {str(s): [r.id for r in rows] for s, rows in remote_ops.waiting_on(db.session, actor).items()}


def tell(req, actor, *, told_at=NOW - 10 * MINUTE, note=""):
    return remote_ops.record_refusal_told(db.session, req, actor, told_at=told_at, note=note, now=NOW)


def test_a_refused_letter_waits_on_the_admin_to_tell_the_third_party(people):
    req = refused(people)
    assert waiting_ids(people["admin"])["denied"] == [req.id]


def test_once_the_admin_records_the_third_party_told_the_letter_no_longer_waits(people):
    req = refused(people)
    told_at = NOW - 30 * MINUTE
    tell(req, people["admin"], told_at=told_at, note="Surat balasan no. 12/LPSE/XII/2026")
    assert (req.status, req.refusal_told_at, req.refusal_told_by_id, req.refusal_told_note) == \
        ("denied", told_at, people["admin"].id, "Surat balasan no. 12/LPSE/XII/2026")
    assert waiting_ids(people["admin"])["denied"] == []


def test_telling_is_audited_with_who_when_and_how(people):
    req = refused(people)
    told_at = NOW - 30 * MINUTE
    tell(req, people["admin2"], told_at=told_at, note="Lewat telepon")
    db.session.flush()
    last = remote_ops.timeline(db.session, req.id)[-1]
    assert (last.action, last.actor_id, last.actor_label, last.at) == ("remote.refusal_told", people["admin2"].id,
                                                                      "Agus", NOW)
    assert last.details == {"told_at": told_at.isoformat(), "note": "Lewat telepon"}


def test_the_note_is_optional(people):
    req = refused(people)
    tell(req, people["admin"], note="  ")
    assert req.refusal_told_at is not None and req.refusal_told_note is None


def test_a_told_letter_cannot_be_told_again(people):
    req = refused(people)
    tell(req, people["admin"], note="Surat balasan no. 12")
    with pytest.raises(WorkflowError) as again:
        tell(req, people["admin2"], note="Telepon")
    assert again.value.code == "already_told"
    assert (req.refusal_told_by_id, req.refusal_told_note) == (people["admin"].id, "Surat balasan no. 12")
    db.session.flush()
    assert [e.action for e in remote_ops.timeline(db.session, req.id)].count("remote.refusal_told") == 1


@pytest.mark.parametrize("who", ["kasubag", "helpdesk"])
def test_a_kasubag_or_the_helpdesk_cannot_record_it(people, who):
    req = refused(people)
    with pytest.raises(NotAllowed):
        tell(req, people[who])
    assert req.refusal_told_at is None
    assert "denied" not in waiting_ids(people[who])


@pytest.mark.parametrize("state", ["received", "approved", "active", "closed"])
def test_only_a_refused_letter_is_told_of_a_refusal(people, state):
    req = granted(people) if state != "received" else remote_ops.record_request(
        db.session, people["admin"], letter("Teknisi Menunggu"), now=NOW - HOUR)
    if state in ("active", "closed"):
        remote_ops.give_account(db.session, req, people["admin"], username="vendor01", rights_granted="Hanya baca",
                                granted_at=NOW - 50 * MINUTE, now=NOW)
    if state == "closed":
        remote_ops.close_account(db.session, req, people["admin"], closed_at=NOW - 20 * MINUTE,
                                 note="", now=NOW)
    with pytest.raises(WorkflowError) as refused_step:
        tell(req, people["admin"])
    assert refused_step.value.code == "invalid_transition"
    assert req.refusal_told_at is None and req.status == state


def test_granted_letters_are_unaffected(people):
    """Approved and open accounts wait on the Admin as before; a refused letter adds to them, not replaces."""
    approved, open_one, closed = granted(people, "A"), granted(people, "B"), granted(people, "C")
    for req in (open_one, closed):
        remote_ops.give_account(db.session, req, people["admin"], username=f"vendor{req.id}",
                                rights_granted="Hanya baca", granted_at=NOW - 50 * MINUTE, now=NOW)
    remote_ops.close_account(db.session, closed, people["admin"], closed_at=NOW - 20 * MINUTE,
                             note="", now=NOW)
    denied = refused(people)
    assert waiting_ids(people["admin"]) == {"approved": [approved.id], "active": [open_one.id], "denied": [denied.id]}
    assert all(r.refusal_told_at is None for r in (approved, open_one, closed))


def test_the_time_told_lies_not_in_the_future_nor_before_the_refusal(people):
    req = refused(people)
    for told_at, code in ((NOW + HOUR, "time_in_future"), (NOW - 3 * HOUR, "told_before_refusal")):
        with pytest.raises(RemoteInputError) as bad:
            tell(req, people["admin"], told_at=told_at)
        assert bad.value.code == code
    assert req.refusal_told_at is None


def test_a_note_longer_than_a_short_line_is_refused(people):
    req = refused(people)
    with pytest.raises(RemoteInputError) as long_note:
        tell(req, people["admin"], note="x" * 201)
    assert long_note.value.code == "told_note_too_long"
    tell(req, people["admin"], note="x" * 200)
    assert req.refusal_told_note == "x" * 200


def test_the_register_keeps_a_refused_letter_unfinished_until_told(people):
    from sqlalchemy import select

    from lpsedesk.models import RemoteAccessRequest

    req = refused(people)
    shown = lambda: db.session.scalars(select(RemoteAccessRequest.id).where(remote_ops.unfinished())).all()  # noqa: E731
    db.session.flush()
    assert req.id in shown()
    tell(req, people["admin"])
    db.session.flush()
    assert req.id not in shown()
