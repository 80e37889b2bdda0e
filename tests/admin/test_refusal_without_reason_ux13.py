"""ux13: the Kasubag refuses a visit with the reason box empty (no script ran, or only spaces were
typed). The server says so beside the box, in the user's language, with a 4xx; nothing is decided and
nothing is lost: the same page comes back, the refusal panel open at that request."""
from __future__ import annotations

import re

import pytest

from lpsedesk.extensions import db
from lpsedesk.models import Visit

from .. import factories
from ..conftest import logged_in_client, post_form

SAID = {"id": "Alasan wajib diisi: tulis mengapa ditolak; pengunjung membacanya di kios.",
        "en": "A reason is required: write why you refuse; the visitor reads it at the kiosk."}


@pytest.fixture
def kasubag(app, make_user):
    make_user("bambang", "kasubag", name="Bambang Kasubag")
    return logged_in_client(app, "bambang")


def _pending(app) -> int:
    with app.app_context():
        return factories.visit("pending").id


def _status(app, visit_id: int) -> str:
    with app.app_context():
        return db.session.get(Visit, visit_id).status


def _reason_label(page: str, visit_id: int) -> str:
    """The reason box's label as shown: the message kept for the page's script is not shown text."""
    label = re.search(rf'<form[^>]*/admin/visits/{visit_id}/decision".*?(<label>[^<]*<textarea.*?</label>)',
                      page, re.S).group(1)
    return re.sub(r'data-message="[^"]*"', "", label)


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("reason", ["", "   "])
def test_a_refusal_without_a_reason_comes_back_to_the_queue_with_the_message_beside_the_box(
        app, kasubag, lang, reason):
    visit_id = _pending(app)
    other = _pending(app)
    response = post_form(kasubag, f"/admin/visits/{visit_id}/decision?lang={lang}",
                         {"decision": "deny", "reason": reason, "next": "/admin/queue"})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    label = _reason_label(page, visit_id)
    assert SAID[lang] in label
    assert f'aria-describedby="reason-error-{visit_id}"' in label and 'aria-invalid="true"' in label
    assert f'id="reason-error-{visit_id}"' in label
    # the refusal stays open at this request, the queue around it as it was
    assert re.search(rf'<details class="refuse" open>\s*<summary[^>]*>[^<]*</summary>\s*<div class="refuse-panel">'
                     rf'(?:(?!</details>).)*reason-error-{visit_id}', page, re.S)
    assert f"/admin/visits/{other}/decision" in page and SAID[lang] not in _reason_label(page, other)
    assert _status(app, visit_id) == "pending" and _status(app, other) == "pending"


def test_from_the_visits_own_page_the_same_page_comes_back(app, kasubag):
    visit_id = _pending(app)
    here = f"/admin/visits/{visit_id}#next-step"
    response = post_form(kasubag, f"/admin/visits/{visit_id}/decision", {"decision": "deny", "reason": "", "next": here})
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and SAID["id"] in _reason_label(page, visit_id)
    assert 'id="guest-book"' in page, "the visit's own page, not the queue"
    assert _status(app, visit_id) == "pending"


def test_the_queue_sending_in_the_background_gets_the_message_to_show(app, kasubag):
    visit_id = _pending(app)
    response = post_form(kasubag, f"/admin/visits/{visit_id}/decision",
                         {"decision": "deny", "reason": " ", "next": "/admin/queue"}, headers={"X-Background": "1"})
    assert response.status_code == 400
    assert response.json == {"error": "reason_required", "field": "reason", "message": SAID["id"]}
    assert _status(app, visit_id) == "pending"


def test_a_refusal_with_a_reason_is_decided_as_before_and_the_queue_shows_no_message(app, kasubag):
    visit_id = _pending(app)
    queue = kasubag.get("/admin/queue").get_data(as_text=True)
    assert SAID["id"] not in _reason_label(queue, visit_id), "said only when it happened"
    response = post_form(kasubag, f"/admin/visits/{visit_id}/decision",
                         {"decision": "deny", "reason": "Ruang penuh", "next": "/admin/queue"})
    assert response.status_code == 302 and _status(app, visit_id) == "denied"
