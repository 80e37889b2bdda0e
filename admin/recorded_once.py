"""The answer to a second member of staff recording a step that is recorded once (h38b, h39a): the
visitor let in or told of the refusal (SOP 1, the helpdesk's board), the original KTP checked, the visit
checked out or reported, the report acknowledged (the Kasubag), the third party told of a refused letter,
a letter decided, its account given or closed (SOP 2). One wording for all, naming who recorded it first
and when (WIB): "This was already done by someone else" named nobody, and the second PC could not ask
anyone what happened."""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from flask_babel import gettext as _

from lpsedesk.extensions import db
from lpsedesk.i18n import format_wib
from lpsedesk.models import User

LET_IN, VISITOR_TOLD, THIRD_PARTY_TOLD = "let_in", "visitor_told", "third_party_told"
KTP_CHECKED, CHECKED_OUT, REPORTED, ACKNOWLEDGED = "ktp_checked", "checked_out", "reported", "acknowledged"
VISIT_APPROVED, VISIT_REFUSED = "visit_approved", "visit_refused"
REMOTE_APPROVED, REMOTE_REFUSED = "remote_approved", "remote_refused"
ACCOUNT_GIVEN, ACCOUNT_CLOSED = "account_given", "account_closed"

# Each a whole sentence, so the catalogue's translator sees the order of name, deed and time.
SENTENCES: dict[str, Callable[[str, str], str]] = {
    LET_IN: lambda name, time: _(
        "%(name)s already recorded that this visitor was let in, %(time)s: it is recorded once.",
        name=name, time=time),
    VISITOR_TOLD: lambda name, time: _(
        "%(name)s already recorded that this visitor was told of the refusal, %(time)s: it is recorded once.",
        name=name, time=time),
    THIRD_PARTY_TOLD: lambda name, time: _(
        "%(name)s already recorded that the third party was told of the refusal, %(time)s: it is recorded once.",
        name=name, time=time),
    KTP_CHECKED: lambda name, time: _(
        "%(name)s already recorded that this visitor's original KTP was checked, %(time)s: it is recorded once.",
        name=name, time=time),
    CHECKED_OUT: lambda name, time: _(
        "%(name)s already recorded that this visitor checked out, %(time)s: it is recorded once.",
        name=name, time=time),
    REPORTED: lambda name, time: _(
        "%(name)s already recorded that this visit was reported to the Kasubag, %(time)s: it is recorded once.",
        name=name, time=time),
    ACKNOWLEDGED: lambda name, time: _(
        "%(name)s already recorded that this report was acknowledged, %(time)s: it is recorded once.",
        name=name, time=time),
    VISIT_APPROVED: lambda name, time: _(
        "%(name)s already recorded that this visit request was approved, %(time)s: it is recorded once.",
        name=name, time=time),
    VISIT_REFUSED: lambda name, time: _(
        "%(name)s already recorded that this visit request was refused, %(time)s: it is recorded once.",
        name=name, time=time),
    REMOTE_APPROVED: lambda name, time: _(
        "%(name)s already recorded that this remote-access request was approved, %(time)s: it is recorded once.",
        name=name, time=time),
    REMOTE_REFUSED: lambda name, time: _(
        "%(name)s already recorded that this remote-access request was refused, %(time)s: it is recorded once.",
        name=name, time=time),
    ACCOUNT_GIVEN: lambda name, time: _(
        "%(name)s already recorded that the account was given, %(time)s: it is recorded once.",
        name=name, time=time),
    ACCOUNT_CLOSED: lambda name, time: _(
        "%(name)s already recorded that the account was closed, %(time)s: it is recorded once.",
        name=name, time=time),
}


def already_recorded(step: str, who: str, at: datetime | None) -> str:
    """The 409's sentence for `step`, recorded by `who` at `at` (UTC; said in WIB)."""
    return SENTENCES[step](who or "-", format_wib(at))


# Where each step is stamped on its record: `<prefix>_at`, `<prefix>_by_id` and, where the record keeps
# one, `<prefix>_by_label` (a decision's signature, a kiosk's name: lpsedesk/workflow.py `_Stamp`).
STAMPED_AS = {
    LET_IN: "decision_told", VISITOR_TOLD: "decision_told", THIRD_PARTY_TOLD: "refusal_told",
    KTP_CHECKED: "ktp_checked", CHECKED_OUT: "checked_out", REPORTED: "reported", ACKNOWLEDGED: "acknowledged",
    VISIT_APPROVED: "decided", VISIT_REFUSED: "decided", REMOTE_APPROVED: "decided", REMOTE_REFUSED: "decided",
    ACCOUNT_GIVEN: "granted", ACCOUNT_CLOSED: "closed",
}


def first_recorded(record, step: str) -> str | None:
    """The 409's sentence for `step` when `record` (a visit, a remote-access request) already records it,
    else None. Who: a decision as it was signed ("Budi a.n. Bambang" for a Plh.), any other step by the
    staff member's name, else by the label it was recorded under (a kiosk's check-out)."""
    prefix = STAMPED_AS[step]
    at = getattr(record, f"{prefix}_at")
    if at is None:
        return None
    user = db.session.get(User, by_id) if (by_id := getattr(record, f"{prefix}_by_id")) else None
    name, label = user.full_name if user else "", getattr(record, f"{prefix}_by_label", None) or ""
    return already_recorded(step, (label or name) if prefix == "decided" else (name or label), at)
