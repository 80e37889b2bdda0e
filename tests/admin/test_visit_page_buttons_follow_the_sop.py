"""The visit page offers each person exactly the SOP 1 steps that are theirs at this point.

From SOP 1: the Kasubag grants or refuses a waiting request; during the visit the helpdesk keeps
notes and checks the visitor out at the desk; afterwards the helpdesk reports the finished visit to
the Kasubag, who acknowledges it. Nobody checks out or reports a refused visit, the Admin takes no
SOP 1 step, and a KTP already checked is not checked again. A button the core would refuse is as
wrong as one missing: the page must not decide for itself.
"""
from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

import pytest

from lpsedesk.extensions import db

from .. import factories
from ..conftest import logged_in_client

AT = datetime.now(timezone.utc) - timedelta(hours=1)
SIGNATURE = "sig/2026/11/" + "s" * 20
STEP = re.compile(r'action="/admin/visits/\d+/(decision|ktp-check|notes|checkout|report|acknowledge)"')

EXPECTED = {
    ("pending", "rina"): {"notes"},
    ("pending", "bambang"): {"decision"},
    ("approved", "rina"): {"notes", "checkout"},
    ("approved", "bambang"): set(),
    ("checked_out", "rina"): {"notes", "report"},
    ("checked_out", "bambang"): set(),
    ("reported", "rina"): set(),
    ("reported", "bambang"): {"acknowledge"},
    ("denied", "rina"): set(),
    ("denied", "bambang"): set(),
}


@pytest.fixture
def people(make_user):
    make_user("rina", "helpdesk", name="Rina Helpdesk")
    make_user("bambang", "kasubag", name="Bambang Kasubag")
    make_user("ani", "admin", name="Ani Admin")


def _visit(app, status: str, *, ktp_checked: bool = True) -> int:
    with app.app_context():
        fields = dict(submitted_at=AT, signature_key=SIGNATURE, **({"ktp_checked_at": AT} if ktp_checked else {}))
        if status != "pending":
            fields.update(decided_at=AT, approved_until=AT + timedelta(hours=4))
        if status in ("checked_out", "reported"):
            fields.update(checked_out_at=AT + timedelta(minutes=30))
        if status == "denied":
            fields.update(decision_reason="Tidak ada janji")
        return factories.visit(status, **fields).id


@pytest.mark.parametrize("status", ["pending", "approved", "checked_out", "reported", "denied"])
def test_each_person_sees_only_the_buttons_of_their_sop_steps_on_the_visit_page(app, people, status):
    visit_id = _visit(app, status)
    for username in ("rina", "bambang", "ani"):
        page = logged_in_client(app, username).get(f"/admin/visits/{visit_id}")
        assert page.status_code == 200
        shown = set(STEP.findall(page.get_data(as_text=True)))
        assert shown == EXPECTED.get((status, username), set()), (status, username)
