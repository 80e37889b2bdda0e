"""One commit per request, at its end (lpsedesk/transaction.py, the STYLE's "one commit, at the edge"):
a success (below 400) is committed; an error answer - a 400 as much as a 409 or a 500 - rolls the
request's changes back, so a refused step never leaves half its changes behind; what a view keeps
whatever the answer (`always`) is still written, but what waits for the request's commit does not run
when the request failed; losing a race at the commit (a row another request just wrote) is a 409."""
from __future__ import annotations

from flask import Response

from lpsedesk import settings
from lpsedesk.extensions import db
from lpsedesk.models import Setting
from lpsedesk.transaction import after_commit, always, finish_request


def _stored(app, key: str):
    with app.app_context():
        row = db.session.get(Setting, key)
        return None if row is None else row.value


def test_a_400_answer_rolls_back_what_the_request_changed(app):
    with app.test_request_context("/admin/settings/office", method="POST"):
        settings.put(db.session, "lpse_name", "Kota Uji Sebagian")
        assert finish_request(Response("bad input", 400)).status_code == 400
    assert _stored(app, "lpse_name") is None


def test_a_200_answer_commits_what_the_request_changed(app):
    with app.test_request_context("/admin/settings/office", method="POST"):
        settings.put(db.session, "lpse_name", "Kota Uji")
        assert finish_request(Response("ok", 200)).status_code == 200
    assert _stored(app, "lpse_name") == "Kota Uji"


def test_a_failed_request_keeps_what_it_must_but_runs_nothing_that_waits_for_its_commit(app):
    ran: list[str] = []
    with app.test_request_context("/admin/login", method="POST"):
        settings.put(db.session, "lpse_name", "Kota Uji Sebagian")
        always(lambda: settings.put(db.session, "lpse_place", "Tetap Dicatat"))
        after_commit(lambda: ran.append("after commit"))
        assert finish_request(Response("refused", 403)).status_code == 403
    assert _stored(app, "lpse_place") == "Tetap Dicatat"
    assert _stored(app, "lpse_name") is None
    assert ran == []


def test_a_row_another_request_wrote_meanwhile_is_a_409_not_a_server_error(app):
    with app.app_context():
        db.session.add(Setting(key="lpse_name", value="Kota Pertama"))
        db.session.commit()
    with app.test_request_context("/admin/settings/office", method="POST"):
        # this request read no row for the key, then wrote one: the other request's is already there
        db.session.add(Setting(key="lpse_name", value="Kota Kedua"))
        response = finish_request(Response("ok", 200))
        assert response.status_code == 409
    assert _stored(app, "lpse_name") == "Kota Pertama"
