"""h38b: a step recorded once, taken a second time by another member of staff, answers 409. The helpdesk's
board (the visitor told of the refusal, SOP 1) and the letter's page (the third party told of the
refusal, SOP 2) worded that same situation two ways ("sudah menyampaikan penolakan ..., hanya dicatat
sekali" beside "sudah mencatat bahwa pihak ketiga diberi tahu ..., pemberitahuan dicatat sekali saja").
One wording, in Indonesian and in English, naming who recorded it and when (WIB)."""
from __future__ import annotations

from datetime import datetime

import pytest

from lpsedesk.clock import WIB
from lpsedesk.extensions import db
from lpsedesk.models import RemoteAccessRequest, Visit

from ..conftest import logged_in_client, post_form
from .test_board_decision_told_h36d import decided
from .test_remote_flow import people  # noqa: F401 (fixture)
from .test_remote_refusal_told_h35r import refused_letter, tell

SAID = {
    "id": {"visitor": "{who} sudah mencatat bahwa penolakan telah disampaikan kepada pengunjung ini, {when}: "
                      "dicatat sekali saja.",
           "third party": "{who} sudah mencatat bahwa penolakan telah disampaikan kepada pihak ketiga, {when}: "
                          "dicatat sekali saja.",
           "let in": "{who} sudah mencatat bahwa pengunjung ini dipersilakan masuk, {when}: dicatat sekali saja."},
    "en": {"visitor": "{who} already recorded that this visitor was told of the refusal, {when}: it is recorded once.",
           "third party": "{who} already recorded that the third party was told of the refusal, {when}: it is "
                          "recorded once.",
           "let in": "{who} already recorded that this visitor was let in, {when}: it is recorded once."},
}


def wib_text(moment: datetime) -> str:
    return moment.astimezone(WIB).strftime("%d/%m/%Y %H:%M") + " WIB"


def page_text(response) -> str:
    return " ".join(response.get_data(as_text=True).split())


def _second_desk(app, make_user, status: str, name: str, lang: str) -> tuple[str, datetime]:
    """Rina records the step for a decided visit; Dewi tries it again: Dewi's page and Rina's moment."""
    make_user("rina", "helpdesk", name="Rina Helpdesk")
    make_user("dewi", "helpdesk", name="Dewi Helpdesk")
    visit_id = decided(app, status, name, decision_reason="Ruangan sedang dipakai rapat")
    path = f"/admin/visits/{visit_id}/told?lang={lang}"
    assert post_form(logged_in_client(app, "rina"), path, {"next": "/admin/board"},
                     token_page="/admin/board").status_code == 302
    again = post_form(logged_in_client(app, "dewi"), path, {"next": "/admin/board"}, token_page="/admin/board")
    assert again.status_code == 409
    with app.app_context():
        return page_text(again), db.session.get(Visit, visit_id).decision_told_at


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_second_desk_telling_a_refused_visitor_hears_who_told_them_and_when(app, make_user, lang):
    page, told_at = _second_desk(app, make_user, "denied", "Budi Tolak", lang)
    assert SAID[lang]["visitor"].format(who="Rina Helpdesk", when=wib_text(told_at)) in page


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_second_desk_letting_a_visitor_in_hears_it_the_same_way(app, make_user, lang):
    page, told_at = _second_desk(app, make_user, "approved", "Agus Setuju", lang)
    assert SAID[lang]["let in"].format(who="Rina Helpdesk", when=wib_text(told_at)) in page


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_second_admin_telling_a_refused_letters_third_party_hears_it_the_same_way(app, people, make_user, lang):
    make_user("agus", "admin", name="Agus Admin")
    rid = refused_letter(app, people)
    assert tell(logged_in_client(app, "ani"), rid).status_code == 302
    second = logged_in_client(app, "agus")
    second.get(f"/admin/remote/{rid}?lang={lang}")
    again = tell(second, rid, note="Lewat telepon")
    assert again.status_code == 409
    with app.app_context():
        told_at = db.session.get(RemoteAccessRequest, rid).refusal_told_at
    assert SAID[lang]["third party"].format(who="Ani Admin", when=wib_text(told_at)) in page_text(again)
